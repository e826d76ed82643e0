//! Why a static value is malformed, in words a user can act on. Which syntax each header field
//! has, and the check itself, are `status_codes::syntax`'s: the runtime checks values from fields
//! with the same function, so a value is accepted here exactly when it would be there.

use status_codes::syntax::{
    self, ContentRangeError, DateError, FieldValueError, Grammar, HeaderValueError, ListError,
    UriError,
};

/// Whether `value` is a value the runtime would send in header `name` (lowercase), and if not,
/// why: the sentence after "this {name} value".
pub fn header_value(name: &str, value: &str) -> Result<(), String> {
    syntax::check_header_value(name, value).map_err(|error| explain(name, value, error))
}

fn explain(name: &str, value: &str, error: HeaderValueError) -> String {
    match error {
        HeaderValueError::FieldValue(error) => field_value_error(value, error),
        HeaderValueError::Empty if syntax::grammar(name) == Grammar::UriReference => {
            uri_error(value, None)
        }
        HeaderValueError::Empty => {
            "is empty, which sends the field with nothing in it\nhelp: remove the header, or give it a value".to_owned()
        }
        HeaderValueError::Uri(error) => uri_error(value, Some(error)),
        HeaderValueError::Date(error) => date_error(value, error),
        HeaderValueError::List(error) if syntax::grammar(name) == Grammar::Allow => {
            allow_error(error)
        }
        HeaderValueError::List(error) => upgrade_error(error),
        HeaderValueError::Challenge(scheme) => {
            let section = if name == "proxy-authenticate" {
                "§11.7.1"
            } else {
                "§11.6.1"
            };
            challenge_error(scheme, section)
        }
        HeaderValueError::ContentRange(error) => content_range_error(error),
    }
}

/// RFC 9110 §5.5 `field-value`, without `obs-text`, and without whitespace at either end
/// (recipients strip it, so it would change the value).
fn field_value_error(value: &str, error: FieldValueError) -> String {
    match error {
        FieldValueError::Byte { at } => {
            let c = value[at..].chars().next().unwrap_or('?');
            let what = if c.is_ascii_control() {
                format!("the control character {c:?}")
            } else {
                format!("the non-ASCII character `{c}`")
            };
            format!(
                "contains {what} at byte {at}; a header value is visible ASCII, spaces and tabs (RFC 9110 §5.5)"
            )
        }
        FieldValueError::SurroundingWhitespace => {
            "has whitespace at its start or end, which recipients strip (RFC 9110 §5.5)".to_owned()
        }
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

/// RFC 3986 §4.1 `URI-reference`, not empty: a problem's `type`, which is not a header field.
pub fn uri_reference(value: &str) -> Result<(), String> {
    match Grammar::UriReference.check(value) {
        Ok(()) => Ok(()),
        Err(HeaderValueError::Uri(error)) => Err(uri_error(value, Some(error))),
        Err(_) => Err(uri_error(value, None)),
    }
}

/// Why `value` is not a URI reference; `None` for the empty one.
fn uri_error(value: &str, error: Option<UriError>) -> String {
    match error {
        // A valid reference to the current document, but never what a fixed value means.
        None => "is empty; a URI reference such as \"/new-event\" is expected".to_owned(),
        Some(UriError::Percent { at }) => {
            format!("has a `%` at byte {at} that is not followed by two hex digits (RFC 3986 §2.1)")
        }
        Some(UriError::Byte { at }) => {
            let c = value[at..].chars().next().unwrap_or('?');
            format!(
                "has {c:?} at byte {at}, which a URI cannot contain; percent-encode it (RFC 3986 §2)"
            )
        }
        Some(UriError::TwoFragments) => "has more than one `#` (RFC 3986 §3.5)".to_owned(),
        Some(UriError::Scheme { colon }) => format!(
            "starts with `{}:`, which is not a URI scheme; a relative reference whose first segment has a colon must start with \"./\" (RFC 3986 §4.2)",
            &value[..colon]
        ),
    }
}

/// RFC 9110 §10.2.3 `Retry-After = HTTP-date / delay-seconds`; a sender generates the
/// IMF-fixdate form of HTTP-date (§5.6.7).
fn date_error(value: &str, error: DateError) -> String {
    let why = match error {
        DateError::Form => {
            "the date is not in the form \"Sun, 06 Nov 1994 08:49:37 GMT\"".to_owned()
        }
        DateError::DayName(name) => format!("`{name}` is not a day name (Mon..Sun)"),
        DateError::MonthName(name) => format!("`{name}` is not a month name (Jan..Dec)"),
        DateError::NoSuchDay { day } => format!("the month has no day {day}"),
        DateError::Time => "the time is not a time of day".to_owned(),
        DateError::Weekday { actual } => {
            format!(
                "that date is a {actual}, not a {}",
                value.get(..3).unwrap_or(value)
            )
        }
    };
    format!(
        "is neither delay-seconds (such as \"120\") nor an HTTP-date (such as \"Wed, 21 Oct 2015 07:28:00 GMT\"): {why} (RFC 9110 §10.2.3, §5.6.7)"
    )
}

fn list_error(error: ListError, what: &str) -> String {
    match error {
        ListError::EmptyElement => format!("has an empty {what} in its list"),
        ListError::Element(element) => format!("`{element}` is not a {what}"),
    }
}

/// RFC 9110 §10.2.1 `Allow = #method`: a comma-separated list of method tokens, possibly empty
/// (a resource that allows no method).
fn allow_error(error: ListError) -> String {
    format!(
        "{} (a token such as GET); write methods separated by commas, such as \"GET, HEAD\" (RFC 9110 §10.2.1)",
        list_error(error, "method name")
    )
}

/// RFC 9110 §11.6.1, §11.7.1: a challenge starts with an auth-scheme token, followed by the end
/// or a space and its parameters.
fn challenge_error(scheme: &str, section: &str) -> String {
    format!(
        "does not start with an auth-scheme such as `Bearer` or `Basic` (RFC 9110 {section}); write it as r#\"Bearer realm=\"api\"\"#{}",
        if scheme.contains('=') {
            ": the scheme comes before the parameters"
        } else {
            ""
        }
    )
}

/// RFC 9110 §7.8 `Upgrade = #protocol`, `protocol = protocol-name ["/" protocol-version]`.
fn upgrade_error(error: ListError) -> String {
    format!(
        "{} such as `websocket` or `HTTP/2.0` (RFC 9110 §7.8)",
        list_error(error, "protocol")
    )
}

/// RFC 9110 §14.4 `Content-Range = range-unit SP ( range-resp / unsatisfied-range )`.
fn content_range_error(error: ContentRangeError) -> String {
    let example = "write \"bytes 0-499/1234\", or \"bytes */1234\" for a 416 (RFC 9110 §14.4)";
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_fault() {
        let weekday = header_value("retry-after", "Mon, 06 Nov 1994 08:49:37 GMT").unwrap_err();
        assert!(
            weekday.contains("that date is a Sun, not a Mon"),
            "{weekday}"
        );
        let range = header_value("content-range", "bytes 0-1234/1234").unwrap_err();
        assert!(
            range.contains("the last byte of 1234 bytes is 1233"),
            "{range}"
        );
        assert!(
            header_value("allow", "GET HEAD")
                .unwrap_err()
                .contains("`GET HEAD` is not a method name")
        );
        assert!(
            header_value("www-authenticate", r#"realm="x""#)
                .unwrap_err()
                .contains("the scheme comes before")
        );
        assert!(
            header_value("proxy-authenticate", r#"realm="x""#)
                .unwrap_err()
                .contains("§11.7.1")
        );
        assert!(uri_reference("").is_err());
        assert!(header_value("etag", " a").is_err());
        assert!(header_value("content-location", "/a b").is_err());
        assert!(header_value("x-kind", "").unwrap_err().contains("is empty"));
        assert!(
            header_value("content-location", "")
                .unwrap_err()
                .contains("a URI reference such as \"/new-event\" is expected")
        );
    }
}
