//! The syntax of the header field values the derive can check at compile time. Each function
//! returns why a value is malformed, in words a user can act on.

use status_codes::syntax::{
    self, ContentRange, ContentRangeError, DateError, FieldValueError, ListError, UriError,
};

/// RFC 9110 §5.5 `field-value`, without `obs-text`, and without whitespace at either end
/// (recipients strip it, so it would change the value).
pub fn field_value(value: &str) -> Result<(), String> {
    match syntax::field_value(value.as_bytes()) {
        Ok(()) => Ok(()),
        Err(FieldValueError::Byte { at }) => {
            let c = value[at..].chars().next().unwrap_or('?');
            let what = if c.is_ascii_control() {
                format!("the control character {c:?}")
            } else {
                format!("the non-ASCII character `{c}`")
            };
            Err(format!(
                "contains {what} at byte {at}; a header value is visible ASCII, spaces and tabs (RFC 9110 §5.5)"
            ))
        }
        Err(FieldValueError::SurroundingWhitespace) => Err(
            "has whitespace at its start or end, which recipients strip (RFC 9110 §5.5)".to_owned(),
        ),
    }
}

/// RFC 9112 §4 `reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )`, without `obs-text`.
pub fn reason_phrase(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(
            "is empty, so clients get no phrase for an unregistered code (RFC 9112 §4)".to_owned(),
        );
    }
    match value
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_graphic() || *c == ' ' || *c == '\t'))
    {
        Some((index, c)) => Err(format!(
            "has {c:?} at byte {index}; a reason phrase is visible ASCII, spaces and tabs (RFC 9112 §4)"
        )),
        None => Ok(()),
    }
}

/// RFC 3986 §4.1 `URI-reference`, checked character by character, with the scheme's syntax.
pub fn uri_reference(value: &str) -> Result<(), String> {
    if value.is_empty() {
        // A valid reference to the current document, but never what a fixed value means.
        return Err("is empty; a URI reference such as \"/new-event\" is expected".to_owned());
    }
    match syntax::uri_reference(value.as_bytes()) {
        Ok(()) => Ok(()),
        Err(UriError::Percent { at }) => Err(format!(
            "has a `%` at byte {at} that is not followed by two hex digits (RFC 3986 §2.1)"
        )),
        Err(UriError::Byte { at }) => {
            let c = value[at..].chars().next().unwrap_or('?');
            Err(format!(
                "has {c:?} at byte {at}, which a URI cannot contain; percent-encode it (RFC 3986 §2)"
            ))
        }
        Err(UriError::TwoFragments) => Err("has more than one `#` (RFC 3986 §3.5)".to_owned()),
        Err(UriError::Scheme { colon }) => Err(format!(
            "starts with `{}:`, which is not a URI scheme; a relative reference whose first segment has a colon must start with \"./\" (RFC 3986 §4.2)",
            &value[..colon]
        )),
    }
}

/// RFC 9110 §10.2.3 `Retry-After = HTTP-date / delay-seconds`; a sender generates the
/// IMF-fixdate form of HTTP-date (§5.6.7).
pub fn retry_after(value: &str) -> Result<(), String> {
    let why = match syntax::retry_after(value) {
        Ok(()) => return Ok(()),
        Err(DateError::Form) => {
            "the date is not in the form \"Sun, 06 Nov 1994 08:49:37 GMT\"".to_owned()
        }
        Err(DateError::DayName(name)) => format!("`{name}` is not a day name (Mon..Sun)"),
        Err(DateError::MonthName(name)) => format!("`{name}` is not a month name (Jan..Dec)"),
        Err(DateError::NoSuchDay { day }) => format!("the month has no day {day}"),
        Err(DateError::Time) => "the time is not a time of day".to_owned(),
        Err(DateError::Weekday { actual }) => {
            format!("that date is a {actual}, not a {}", &value[..3])
        }
    };
    Err(format!(
        "is neither delay-seconds (such as \"120\") nor an HTTP-date (such as \"Wed, 21 Oct 2015 07:28:00 GMT\"): {why} (RFC 9110 §10.2.3, §5.6.7)"
    ))
}

fn list_error(error: ListError, what: &str) -> String {
    match error {
        ListError::EmptyElement => format!("has an empty {what} in its list"),
        ListError::Element(element) => format!("`{element}` is not a {what}"),
    }
}

/// RFC 9110 §10.2.1 `Allow = #method`: a comma-separated list of method tokens, possibly empty
/// (a resource that allows no method).
pub fn allow(value: &str) -> Result<(), String> {
    syntax::allow(value).map_err(|error| {
        format!(
            "{} (a token such as GET); write methods separated by commas, such as \"GET, HEAD\" (RFC 9110 §10.2.1)",
            list_error(error, "method name")
        )
    })
}

/// RFC 9110 §11.6.1, §11.7.1: a challenge starts with an auth-scheme token, followed by the end
/// or a space and its parameters.
pub fn challenge(value: &str, section: &str) -> Result<(), String> {
    syntax::challenge(value).map_err(|scheme| {
        format!(
            "does not start with an auth-scheme such as `Bearer` or `Basic` (RFC 9110 {section}); write it as r#\"Bearer realm=\"api\"\"#{}",
            if scheme.contains('=') {
                ": the scheme comes before the parameters"
            } else {
                ""
            }
        )
    })
}

/// RFC 9110 §7.8 `Upgrade = #protocol`, `protocol = protocol-name ["/" protocol-version]`.
pub fn upgrade(value: &str) -> Result<(), String> {
    syntax::upgrade(value).map_err(|error| {
        format!(
            "{} such as `websocket` or `HTTP/2.0` (RFC 9110 §7.8)",
            list_error(error, "protocol")
        )
    })
}

/// RFC 9110 §14.4 `Content-Range = range-unit SP ( range-resp / unsatisfied-range )`.
pub fn content_range(value: &str) -> Result<ContentRange, String> {
    let example = "write \"bytes 0-499/1234\", or \"bytes */1234\" for a 416 (RFC 9110 §14.4)";
    syntax::content_range(value).map_err(|error| {
        let why = match error {
            ContentRangeError::NoUnit => "has no range unit followed by a space".to_owned(),
            ContentRangeError::Unit(unit) => format!("has `{unit}`, which is not a range unit"),
            ContentRangeError::NoLength => "has no `/` before the complete length".to_owned(),
            ContentRangeError::UnsatisfiedWithoutLength => {
                "has no complete length after `*/`".to_owned()
            }
            ContentRangeError::NotARange(range) => {
                format!("has `{range}`, which is not first-last/length")
            }
            ContentRangeError::Reversed { first, last } => {
                format!("has a range that starts after it ends ({first} > {last})")
            }
            ContentRangeError::PastLength { last, length } => format!(
                "has a range that ends at byte {last}, but the last byte of {length} bytes is {}",
                length.saturating_sub(1)
            ),
        };
        format!("{why}; {example}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_fault() {
        let weekday = retry_after("Mon, 06 Nov 1994 08:49:37 GMT").unwrap_err();
        assert!(
            weekday.contains("that date is a Sun, not a Mon"),
            "{weekday}"
        );
        let range = content_range("bytes 0-1234/1234").unwrap_err();
        assert!(
            range.contains("the last byte of 1234 bytes is 1233"),
            "{range}"
        );
        assert!(
            allow("GET HEAD")
                .unwrap_err()
                .contains("`GET HEAD` is not a method name")
        );
        assert!(
            challenge(r#"realm="x""#, "§11.6.1")
                .unwrap_err()
                .contains("the scheme comes before")
        );
        assert!(uri_reference("").is_err());
        assert!(field_value(" a").is_err());
    }
}
