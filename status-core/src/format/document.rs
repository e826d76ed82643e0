//! An RFC 9457 document read back for a format: the standard members borrowed from the JSON
//! where they need no unescaping, every other member an extension. (serde's `flatten`, which
//! [`ProblemDetails`](crate::ProblemDetails) uses, buffers every member first: this is the path
//! each rewritten response takes.)

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// The members of a problem document.
#[derive(Default)]
pub(crate) struct Document<'a> {
    pub(crate) type_uri: Option<Cow<'a, str>>,
    pub(crate) title: Option<Cow<'a, str>>,
    pub(crate) detail: Option<Cow<'a, str>>,
    pub(crate) instance: Option<Cow<'a, str>>,
    /// The `status` member, when it is a number that fits; the response's status is what counts.
    pub(crate) status: Option<u16>,
    /// Whether the document names `instance` at all (`"instance": null` does).
    pub(crate) names_instance: bool,
    pub(crate) extensions: serde_json::Map<String, serde_json::Value>,
}

impl<'de> Deserialize<'de> for Document<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DocumentVisitor)
    }
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 9457 problem document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document<'de>, A::Error> {
        let mut document = Document::default();
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            let member = match key.as_ref() {
                "type" => &mut document.type_uri,
                "title" => &mut document.title,
                "detail" => &mut document.detail,
                "instance" => {
                    document.names_instance = true;
                    &mut document.instance
                }
                "status" => {
                    let status: serde_json::Value = map.next_value()?;
                    document.status = status.as_u64().and_then(|code| u16::try_from(code).ok());
                    continue;
                }
                _ => {
                    let value = map.next_value()?;
                    document.extensions.insert(key.into_owned(), value);
                    continue;
                }
            };
            *member = map.next_value::<Option<Text<'de>>>()?.map(|text| text.0);
        }
        Ok(document)
    }
}

/// A string, borrowed when the JSON holds it without escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_members_are_read_and_the_rest_are_extensions() {
        let json = br#"{"type":"/p","title":"T\u00e9","status":409,"detail":"d","instance":"/i","a":[1],"b":"x"}"#;
        let document: Document<'_> = serde_json::from_slice(json).unwrap();
        assert_eq!(document.type_uri.as_deref(), Some("/p"));
        assert_eq!(document.title.as_deref(), Some("T\u{e9}"));
        assert!(matches!(document.title, Some(Cow::Owned(_))));
        assert!(matches!(document.detail, Some(Cow::Borrowed("d"))));
        assert_eq!(document.instance.as_deref(), Some("/i"));
        assert_eq!(
            serde_json::Value::Object(document.extensions),
            serde_json::json!({"a": [1], "b": "x"})
        );
    }

    #[test]
    fn a_standard_member_that_is_not_a_string_is_refused() {
        assert!(serde_json::from_slice::<Document<'_>>(br#"{"title":5}"#).is_err());
        assert!(serde_json::from_slice::<Document<'_>>(br#"[1]"#).is_err());
        assert!(serde_json::from_slice::<Document<'_>>(br#"{"status":"x"}"#).is_ok());
        let document: Document<'_> = serde_json::from_slice(br#"{"detail":null}"#).unwrap();
        assert!(document.detail.is_none());
        let document: Document<'_> = serde_json::from_slice(br#"{"instance":null}"#).unwrap();
        assert!(document.instance.is_none() && document.names_instance);
    }
}
