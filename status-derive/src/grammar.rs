//! The syntax of the header field values the derive can check at compile time. Each function
//! returns why a value is malformed, in words a user can act on.

use status_codes::syntax::{self, FieldValueError, UriError};

use crate::attr::is_tchar;

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

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// RFC 9110 §10.2.3 `Retry-After = HTTP-date / delay-seconds`; a sender generates the
/// IMF-fixdate form of HTTP-date (§5.6.7).
pub fn retry_after(value: &str) -> Result<(), String> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    imf_fixdate(value).map_err(|why| {
        format!(
            "is neither delay-seconds (such as \"120\") nor an HTTP-date (such as \"Wed, 21 Oct 2015 07:28:00 GMT\"): {why} (RFC 9110 §10.2.3, §5.6.7)"
        )
    })
}

fn imf_fixdate(value: &str) -> Result<(), String> {
    let b = value.as_bytes();
    if b.len() != 29 || &value[3..5] != ", " || &value[25..] != " GMT" {
        return Err("the date is not in the form \"Sun, 06 Nov 1994 08:49:37 GMT\"".to_owned());
    }
    let number = |range: std::ops::Range<usize>| -> Result<u32, String> {
        let text = &value[range];
        if text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse()
                .map_err(|_| format!("`{text}` is not a number"))
        } else {
            Err(format!("`{text}` is not a number"))
        }
    };
    let separators = [(7, b' '), (11, b' '), (16, b' '), (19, b':'), (22, b':')];
    if separators.iter().any(|&(i, c)| b[i] != c) {
        return Err("the date is not in the form \"Sun, 06 Nov 1994 08:49:37 GMT\"".to_owned());
    }
    let day_name = &value[..3];
    let Some(weekday) = DAYS.iter().position(|d| *d == day_name) else {
        return Err(format!("`{day_name}` is not a day name (Mon..Sun)"));
    };
    let day = number(5..7)?;
    let month_name = &value[8..11];
    let Some(month) = MONTHS.iter().position(|m| *m == month_name) else {
        return Err(format!("`{month_name}` is not a month name (Jan..Dec)"));
    };
    let year = number(12..16)?;
    let (hour, minute, second) = (number(17..19)?, number(20..22)?, number(23..25)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day == 0 || day > month_days[month] {
        return Err(format!("{month_name} {year} has no day {day}"));
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(format!(
            "{hour:02}:{minute:02}:{second:02} is not a time of day"
        ));
    }
    let actual = weekday_of(year, month as u32 + 1, day);
    if actual != weekday {
        return Err(format!(
            "{day:02} {month_name} {year} is a {}, not a {day_name}",
            DAYS[actual]
        ));
    }
    Ok(())
}

/// Monday = 0, by Sakamoto's method.
fn weekday_of(year: u32, month: u32, day: u32) -> usize {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + OFFSETS[(month - 1) as usize] + day) % 7;
    ((sunday_first + 6) % 7) as usize
}

/// RFC 9110 §10.2.1 `Allow = #method`: a comma-separated list of method tokens, possibly empty
/// (a resource that allows no method).
pub fn allow(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    list(value, "method", |element| {
        if element.bytes().all(is_tchar) {
            Ok(())
        } else {
            Err(format!(
                "`{element}` is not a method name (a token such as GET)"
            ))
        }
    })
    .map_err(|why| {
        format!(
            "{why}; write methods separated by commas, such as \"GET, HEAD\" (RFC 9110 §10.2.1)"
        )
    })
}

/// RFC 9110 §11.6.1, §11.7.1: a challenge starts with an auth-scheme token, followed by the end
/// or a space and its parameters.
pub fn challenge(value: &str, section: &str) -> Result<(), String> {
    let scheme_end = value.find(' ').unwrap_or(value.len());
    let scheme = &value[..scheme_end];
    if scheme.is_empty() || !scheme.bytes().all(is_tchar) {
        return Err(format!(
            "does not start with an auth-scheme such as `Bearer` or `Basic` (RFC 9110 {section}); write it as r#\"Bearer realm=\"api\"\"#{}",
            if scheme.contains('=') {
                ": the scheme comes before the parameters"
            } else {
                ""
            }
        ));
    }
    Ok(())
}

/// RFC 9110 §7.8 `Upgrade = #protocol`, `protocol = protocol-name ["/" protocol-version]`.
pub fn upgrade(value: &str) -> Result<(), String> {
    list(value, "protocol", |element| {
        let mut parts = element.splitn(2, '/');
        let valid = parts.all(|part| !part.is_empty() && part.bytes().all(is_tchar));
        if valid {
            Ok(())
        } else {
            Err(format!(
                "`{element}` is not a protocol such as `websocket` or `HTTP/2.0`"
            ))
        }
    })
    .map_err(|why| format!("{why} (RFC 9110 §7.8)"))
}

/// RFC 9110 §14.4 `Content-Range = range-unit SP ( range-resp / unsatisfied-range )`.
pub fn content_range(value: &str) -> Result<(), String> {
    let example = "write \"bytes 0-499/1234\", or \"bytes */1234\" for a 416 (RFC 9110 §14.4)";
    let Some((unit, range)) = value.split_once(' ') else {
        return Err(format!("has no range unit followed by a space; {example}"));
    };
    if unit.is_empty() || !unit.bytes().all(is_tchar) {
        return Err(format!("`{unit}` is not a range unit; {example}"));
    }
    let Some((range, length)) = range.split_once('/') else {
        return Err(format!("has no `/` before the complete length; {example}"));
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if range == "*" {
        return if digits(length) {
            Ok(())
        } else {
            Err(format!("has no complete length after `*/`; {example}"))
        };
    }
    let Some((first, last)) = range.split_once('-') else {
        return Err(format!("`{range}` is not first-last; {example}"));
    };
    if !(digits(first) && digits(last) && (length == "*" || digits(length))) {
        return Err(format!(
            "`{range}/{length}` is not first-last/length; {example}"
        ));
    }
    let parse = |text: &str| text.parse::<u128>().unwrap_or(u128::MAX);
    let (first, last) = (parse(first), parse(last));
    if first > last {
        return Err(format!(
            "has a range that starts after it ends ({first} > {last}); {example}"
        ));
    }
    if length != "*" && last >= parse(length) {
        return Err(format!(
            "has a range that ends at byte {last}, but the last byte of {length} bytes is {}; {example}",
            parse(length).saturating_sub(1)
        ));
    }
    Ok(())
}

/// RFC 9110 §5.6.1: a comma-separated list whose senders generate no empty elements.
fn list(
    value: &str,
    what: &str,
    element: impl Fn(&str) -> Result<(), String>,
) -> Result<(), String> {
    for item in value.split(',') {
        let item = item.trim_matches([' ', '\t']);
        if item.is_empty() {
            return Err(format!("has an empty {what} in its list"));
        }
        element(item)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT").is_ok());
        assert!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT").is_ok());
        assert!(retry_after("Mon, 06 Nov 1994 08:49:37 GMT").is_err());
        assert!(retry_after("Thu, 29 Feb 2024 00:00:00 GMT").is_ok());
        assert!(retry_after("Thu, 29 Feb 2023 00:00:00 GMT").is_err());
        assert!(retry_after("120").is_ok());
        assert!(retry_after("-1").is_err());
        assert!(retry_after("").is_err());
        assert!(retry_after("soon").is_err());
    }

    #[test]
    fn uris() {
        for ok in [
            "/new-event",
            "https://example.com/a?b=c#d",
            "../x",
            "./a:b",
            "/a%20b",
            "mailto:x@y",
        ] {
            assert!(uri_reference(ok).is_ok(), "{ok}");
        }
        for bad in ["", "/a b", "/a%2", "1a:b", "/x#a#b", "/caf\u{e9}", "/a\"b"] {
            assert!(uri_reference(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lists_and_ranges() {
        assert!(allow("GET, HEAD").is_ok());
        assert!(allow("").is_ok());
        assert!(allow("GET,, HEAD").is_err());
        assert!(allow("GET HEAD").is_err());
        assert!(challenge(r#"Bearer realm="shop""#, "").is_ok());
        assert!(challenge(r#"realm="shop""#, "").is_err());
        assert!(upgrade("HTTP/2.0, websocket").is_ok());
        assert!(upgrade("web socket").is_err());
        assert!(content_range("bytes */47022").is_ok());
        assert!(content_range("bytes 0-499/1234").is_ok());
        assert!(content_range("bytes 500-100/1234").is_err());
        assert!(content_range("bytes 0-1234/1234").is_err());
        assert!(content_range("bytes 0-").is_err());
        assert!(field_value("a\u{7f}").is_err());
        assert!(field_value(" a").is_err());
    }
}
