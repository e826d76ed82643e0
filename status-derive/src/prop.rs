//! Queries over a parsed variant that both `check` and `expand` ask, answered once here so that
//! what the rules accept is exactly what the code generator produces. The facts about status
//! codes themselves come from `status_codes`; this file adds the derive's words and opt-outs.

use status_codes::Requirement;

use crate::ast::{Field, HeaderOrigin, Variant};
use crate::attr::{Allow, BodyKind, Detail, DetailSpec, FieldRole, StatusAttr};

/// The status on the wire and, with `conceal`, the real one it hides.
pub fn wire(attr: &StatusAttr) -> Option<(u16, Option<u16>)> {
    let code = attr.code?.value;
    Some(match attr.conceal_with {
        Some(conceal_with) => (conceal_with.value, Some(code)),
        None => (code, None),
    })
}

/// What a variant's body is.
pub enum Body<'a> {
    /// No content, and no `Content-Length` (1xx, 204, 304, and 1xx-3xx without `body = problem`
    /// or `#[body]`, and `body = none`).
    Empty,
    /// 205 Reset Content: no content and `Content-Length: 0` (RFC 9110 §15.3.6).
    ResetContent,
    /// An RFC 9457 problem document (4xx and 5xx by default, or `body = problem`).
    Problem,
    /// The content of a `#[body]` field.
    Field(&'a Field<'a>),
}

/// The body a variant answers with on the status `wire`.
pub fn body<'a>(variant: &'a Variant<'a>, attr: &StatusAttr, wire: u16) -> Body<'a> {
    if let Some(without) = status_codes::without_content(wire) {
        return if without.content_length_zero {
            Body::ResetContent
        } else {
            Body::Empty
        };
    }
    match (wire, variant.body_field(), attr.body.map(|(kind, _)| kind)) {
        (_, Some(field), _) => Body::Field(field),
        (_, None, Some(BodyKind::None)) => Body::Empty,
        (_, None, Some(BodyKind::Problem)) => Body::Problem,
        (400.., None, None) => Body::Problem,
        (_, None, None) => Body::Empty,
    }
}

/// A header field a status calls for, with how the derive asks for it.
pub struct Required {
    /// The fact, from `status_codes`.
    pub header: &'static status_codes::RequiredHeader,
    /// The `http::header` constant.
    pub constant: String,
    /// "a" or "an", before the field's name.
    pub article: &'static str,
    /// What the response is without it, for the message: "must send an Allow header field".
    pub without: String,
    /// How to provide it.
    pub fix: &'static str,
    /// The "should" rule that allows going without it; `None` for a MUST.
    pub allow: Option<Allow>,
    /// Whether an `Option` field alone is not enough (an error at compile time, and the
    /// response checked for the header at run time): for every MUST, and for a redirect's
    /// target, without which it redirects nowhere. A 416 without its length is still a 416.
    pub always_sent: bool,
}

/// The header field `code` calls for (MUST) or should have (RFC 9110 §15.4, §15.5.17).
pub fn required_header(code: u16) -> Option<Required> {
    let header = status_codes::required_header(code)?;
    let (fix, allow) = match (header.name, header.requirement) {
        ("location", _) => (
            "`location = \"/new-path\"` (placeholders such as \"/order-result/{id}\" name fields), or a `#[location]` field",
            Some(Allow::MissingLocation),
        ),
        ("content-range", Requirement::Should) => (
            "`content_range = \"bytes */47022\"` or a `#[header(CONTENT_RANGE)]` field",
            Some(Allow::MissingContentRange),
        ),
        ("content-range", Requirement::Must) => (
            "`content_range = \"bytes 0-499/1234\"` or a `#[header(CONTENT_RANGE)]` field",
            None,
        ),
        ("www-authenticate", _) => (
            "`www_authenticate = r#\"Bearer realm=\"api\"\"#` or a `#[header(WWW_AUTHENTICATE)]` field",
            None,
        ),
        ("proxy-authenticate", _) => (
            "`proxy_authenticate = r#\"Basic realm=\"proxy\"\"#` or a `#[header(PROXY_AUTHENTICATE)]` field",
            None,
        ),
        ("allow", _) => (
            "`allow = \"GET, HEAD\"` with the methods the resource supports, or a `#[header(ALLOW)]` field",
            None,
        ),
        ("upgrade", _) => (
            "`upgrade = \"HTTP/2.0\"` with the protocols to switch to, or a `#[header(UPGRADE)]` field",
            None,
        ),
        // Every row of `status_codes::REQUIRED_HEADERS` has its fix above (a test says so).
        _ => ("a header field of that name", None),
    };
    let article = if header.display.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    Some(Required {
        header,
        constant: header.name.to_ascii_uppercase().replace('-', "_"),
        article,
        without: without(header, article),
        fix,
        allow,
        always_sent: header.requirement == Requirement::Must || header.name == "location",
    })
}

fn without(header: &status_codes::RequiredHeader, article: &str) -> String {
    match (header.requirement, header.name) {
        (Requirement::Must, _) => format!("must send {article} {} header field", header.display),
        (Requirement::Should, "location") => {
            "without a Location header redirects nowhere".to_owned()
        }
        (Requirement::Should, _) => format!(
            "should send the current length as `{}: bytes */length`",
            header.display
        ),
    }
}

/// Where the problem's `detail` comes from: hidden when concealed and, unless the attribute
/// says otherwise, `Display` for 4xx and hidden for 5xx (RFC 9457 §5: no internals).
pub fn detail(attr: &StatusAttr, wire: u16, concealed: Option<u16>) -> DetailSpec {
    if concealed.is_some() {
        return DetailSpec::Kind(Detail::Hidden);
    }
    match &attr.detail {
        Some((spec, _)) => spec.clone(),
        None if wire >= 500 => DetailSpec::Kind(Detail::Hidden),
        None => DetailSpec::Kind(Detail::Display),
    }
}

/// What a variant answering `wire` sends beyond a bare problem (`type`, `title`, `status`), in
/// words; `None` when its response is exactly the bare problem a concealed status answers.
pub fn beyond_bare_problem(variant: &Variant, attr: &StatusAttr, wire: u16) -> Option<String> {
    if !matches!(body(variant, attr, wire), Body::Problem) {
        return Some("a different body".to_owned());
    }
    if !matches!(detail(attr, wire, None), DetailSpec::Kind(Detail::Hidden)) {
        return Some("a `detail`".to_owned());
    }
    if attr.title.is_some() || attr.type_uri.is_some() {
        return Some("its own `type` and `title`".to_owned());
    }
    if let Some(extension) = attr.extensions.first() {
        return Some(format!("the extension member `{}`", extension.name));
    }
    if let Some(source) = variant
        .headers
        .iter()
        .find(|source| !matches!(source.origin, HeaderOrigin::Field { .. }))
    {
        return Some(format!("a `{}` header", source.name));
    }
    from_field(variant)
}

/// The first field that puts something in the response, in words: fields in order, each
/// field's attributes in the order written.
fn from_field(variant: &Variant) -> Option<String> {
    variant.fields.iter().find_map(|field| {
        field.roles.iter().find_map(|role| match role {
            FieldRole::Extension { .. } | FieldRole::Instance(_) => {
                Some(format!("a problem member from field `{}`", field.name))
            }
            FieldRole::Header { .. } | FieldRole::Location(_) | FieldRole::RetryAfter(_) => {
                Some(format!("a header from field `{}`", field.name))
            }
            FieldRole::Body(_) => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_required_header_has_its_own_fix() {
        let rows = status_codes::REQUIRED_HEADERS;
        let found: Vec<(&status_codes::RequiredHeader, Required)> = rows
            .iter()
            .filter_map(|row| Some((row, required_header(row.code)?)))
            .collect();
        assert_eq!(found.len(), rows.len(), "every row is found by its code");
        for (row, required) in found {
            assert_ne!(required.fix, "a header field of that name", "{}", row.code);
            let fix = required.fix.to_ascii_uppercase();
            assert!(fix.contains(&required.constant), "{}", row.code);
            assert_eq!(
                required.allow.is_none(),
                row.requirement == Requirement::Must,
                "{}",
                row.code
            );
        }
    }
}
