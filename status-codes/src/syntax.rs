//! The syntax of header field values, shared by the derive (which checks static values at
//! compile time and explains what is wrong) and the runtime (which checks values taken from
//! fields before they reach the wire).

/// Why bytes are not a field value this workspace sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldValueError {
    /// A byte that is not visible ASCII, SP or HTAB: a control character (CR, LF, NUL, DEL...)
    /// or a non-ASCII byte (`obs-text`, which senders must not generate).
    Byte {
        /// Its index.
        at: usize,
    },
    /// SP or HTAB at the start or the end, which recipients strip (RFC 9110 §5.5).
    SurroundingWhitespace,
}

/// RFC 9110 §5.5 `field-value`, without `obs-text`, and without whitespace at either end.
///
/// ```
/// use status_codes::syntax::{field_value, FieldValueError};
///
/// assert_eq!(field_value(br#"Bearer realm="shop""#), Ok(()));
/// assert_eq!(field_value(b"a\r\nSet-Cookie: x"), Err(FieldValueError::Byte { at: 1 }));
/// assert_eq!(field_value(b" padded"), Err(FieldValueError::SurroundingWhitespace));
/// ```
pub const fn field_value(bytes: &[u8]) -> Result<(), FieldValueError> {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !((b > 0x20 && b < 0x7f) || b == b' ' || b == b'\t') {
            return Err(FieldValueError::Byte { at: i });
        }
        i += 1;
    }
    if let [b' ' | b'\t', ..] | [.., b' ' | b'\t'] = bytes {
        return Err(FieldValueError::SurroundingWhitespace);
    }
    Ok(())
}

/// Why bytes are not a URI reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UriError {
    /// A `%` not followed by two hex digits (RFC 3986 §2.1).
    Percent {
        /// The index of the `%`.
        at: usize,
    },
    /// A byte no URI contains unencoded (RFC 3986 §2): space, `"`, `<`, `{`, non-ASCII...
    Byte {
        /// Its index.
        at: usize,
    },
    /// More than one `#` (RFC 3986 §3.5).
    TwoFragments,
    /// A colon in the first segment after something that is not a scheme (RFC 3986 §4.2).
    Scheme {
        /// The index of the colon.
        colon: usize,
    },
}

/// RFC 3986 §4.1 `URI-reference`, checked byte by byte, with the scheme's syntax. The empty
/// string is one (the current document).
///
/// ```
/// use status_codes::syntax::{uri_reference, UriError};
///
/// assert_eq!(uri_reference(b"/order-result/42"), Ok(()));
/// assert_eq!(uri_reference(b"https://shop.example/new-event#top"), Ok(()));
/// assert_eq!(uri_reference(b"/my order"), Err(UriError::Byte { at: 3 }));
/// assert_eq!(uri_reference(b"1a:b"), Err(UriError::Scheme { colon: 2 }));
/// ```
pub fn uri_reference(bytes: &[u8]) -> Result<(), UriError> {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return Err(UriError::Percent { at: i });
            }
            i += 3;
            continue;
        }
        if !(b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)) {
            return Err(UriError::Byte { at: i });
        }
        i += 1;
    }
    if bytes.iter().filter(|&&b| b == b'#').count() > 1 {
        return Err(UriError::TwoFragments);
    }
    // A colon before the first `/`, `?` or `#` makes what precedes it a scheme.
    let head_end = bytes
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(bytes.len());
    if let Some(colon) = bytes[..head_end].iter().position(|&b| b == b':') {
        let scheme = &bytes[..colon];
        let valid = scheme.first().is_some_and(u8::is_ascii_alphabetic)
            && scheme
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b));
        if !valid {
            return Err(UriError::Scheme { colon });
        }
    }
    Ok(())
}

/// RFC 9110 §5.6.2 `tchar`.
///
/// ```
/// assert!(status_codes::syntax::is_tchar(b'!'));
/// assert!(!status_codes::syntax::is_tchar(b' '));
/// ```
pub const fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'^'
                | b'_'
                | b'`'
                | b'|'
                | b'~'
        )
}

/// RFC 9110 §5.6.2 `token = 1*tchar`.
///
/// ```
/// assert!(status_codes::syntax::is_token("websocket"));
/// assert!(!status_codes::syntax::is_token("web socket"));
/// assert!(!status_codes::syntax::is_token(""));
/// ```
pub fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(is_tchar)
}

/// Why a list field value (`Allow`, `Upgrade`) is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListError<'a> {
    /// An empty element, which senders must not generate (RFC 9110 §5.6.1).
    EmptyElement,
    /// An element that is not of the list's kind.
    Element(&'a str),
}

/// RFC 9110 §5.6.1: a comma-separated list whose elements each pass `element`.
fn list<'a>(value: &'a str, element: impl Fn(&str) -> bool) -> Result<(), ListError<'a>> {
    for item in value.split(',') {
        let item = item.trim_matches([' ', '\t']);
        if item.is_empty() {
            return Err(ListError::EmptyElement);
        }
        if !element(item) {
            return Err(ListError::Element(item));
        }
    }
    Ok(())
}

/// RFC 9110 §10.2.1 `Allow = #method`; empty means the resource allows no method.
///
/// ```
/// use status_codes::syntax::{allow, ListError};
/// assert_eq!(allow("GET, HEAD"), Ok(()));
/// assert_eq!(allow("GET HEAD"), Err(ListError::Element("GET HEAD")));
/// ```
pub fn allow(value: &str) -> Result<(), ListError<'_>> {
    if value.is_empty() {
        return Ok(());
    }
    list(value, is_token)
}

/// RFC 9110 §7.8 `Upgrade = #protocol`, `protocol = protocol-name ["/" protocol-version]`.
///
/// ```
/// assert!(status_codes::syntax::upgrade("HTTP/2.0, websocket").is_ok());
/// assert!(status_codes::syntax::upgrade("web socket").is_err());
/// ```
pub fn upgrade(value: &str) -> Result<(), ListError<'_>> {
    list(value, |element| match element.split_once('/') {
        Some((name, version)) => is_token(name) && is_token(version),
        None => is_token(element),
    })
}

/// RFC 9110 §11.6.1 and §11.7.1: a challenge starts with an auth-scheme token, followed by the
/// end or a space and its parameters. On error, the text that is not a scheme.
///
/// ```
/// assert!(status_codes::syntax::challenge(r#"Bearer realm="shop""#).is_ok());
/// assert_eq!(status_codes::syntax::challenge(r#"realm="shop""#), Err(r#"realm="shop""#));
/// ```
pub fn challenge(value: &str) -> Result<(), &str> {
    let scheme = value.split(' ').next().unwrap_or(value);
    if is_token(scheme) {
        Ok(())
    } else {
        Err(scheme)
    }
}

/// A well-formed `Content-Range` value (RFC 9110 §14.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentRange {
    /// `unit first-last/length`: the range a 206 encloses.
    Satisfied,
    /// `unit */length`: what a 416 sends.
    Unsatisfied,
}

/// Why a `Content-Range` value is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentRangeError<'a> {
    /// No `unit SP` before the range.
    NoUnit,
    /// The unit is not a token.
    Unit(&'a str),
    /// No `/` before the complete length.
    NoLength,
    /// `*/` without a complete length.
    UnsatisfiedWithoutLength,
    /// Not `first-last/length` (with `*` allowed for the length).
    NotARange(&'a str),
    /// The range starts after it ends.
    Reversed {
        /// The first byte position.
        first: u128,
        /// The last byte position.
        last: u128,
    },
    /// The range ends at or past the complete length.
    PastLength {
        /// The last byte position.
        last: u128,
        /// The complete length.
        length: u128,
    },
}

/// RFC 9110 §14.4 `Content-Range = range-unit SP ( range-resp / unsatisfied-range )`.
///
/// ```
/// use status_codes::syntax::{content_range, ContentRange};
/// assert_eq!(content_range("bytes 0-499/1234"), Ok(ContentRange::Satisfied));
/// assert_eq!(content_range("bytes */1234"), Ok(ContentRange::Unsatisfied));
/// assert!(content_range("bytes 0-1234/1234").is_err());
/// ```
pub fn content_range(value: &str) -> Result<ContentRange, ContentRangeError<'_>> {
    let Some((unit, range)) = value.split_once(' ') else {
        return Err(ContentRangeError::NoUnit);
    };
    if !is_token(unit) {
        return Err(ContentRangeError::Unit(unit));
    }
    let Some((positions, length)) = range.split_once('/') else {
        return Err(ContentRangeError::NoLength);
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    // More digits than u128 holds is a length no resource has: as good as infinite.
    let parse = |text: &str| text.parse::<u128>().unwrap_or(u128::MAX);
    if positions == "*" {
        return if digits(length) {
            Ok(ContentRange::Unsatisfied)
        } else {
            Err(ContentRangeError::UnsatisfiedWithoutLength)
        };
    }
    let Some((first, last)) = positions.split_once('-') else {
        return Err(ContentRangeError::NotARange(range));
    };
    if !(digits(first) && digits(last) && (length == "*" || digits(length))) {
        return Err(ContentRangeError::NotARange(range));
    }
    let (first, last) = (parse(first), parse(last));
    if first > last {
        return Err(ContentRangeError::Reversed { first, last });
    }
    if length != "*" && last >= parse(length) {
        return Err(ContentRangeError::PastLength {
            last,
            length: parse(length),
        });
    }
    Ok(ContentRange::Satisfied)
}

/// Why a value is not an IMF-fixdate (RFC 9110 §5.6.7), the date form senders generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError<'a> {
    /// Not in the form `Sun, 06 Nov 1994 08:49:37 GMT`.
    Form,
    /// Not a day name (`Mon`..`Sun`).
    DayName(&'a str),
    /// Not a month name (`Jan`..`Dec`).
    MonthName(&'a str),
    /// A day the month does not have.
    NoSuchDay {
        /// The day of the month as written.
        day: u32,
    },
    /// Not a time of day.
    Time,
    /// The day name is not the date's weekday.
    Weekday {
        /// The date's real weekday.
        actual: &'static str,
    },
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// RFC 9110 §10.2.3 `Retry-After = HTTP-date / delay-seconds`, the date as an IMF-fixdate.
///
/// ```
/// use status_codes::syntax::{retry_after, DateError};
/// assert_eq!(retry_after("120"), Ok(()));
/// assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Ok(()));
/// assert_eq!(retry_after("Mon, 21 Oct 2015 07:28:00 GMT"), Err(DateError::Weekday { actual: "Wed" }));
/// ```
pub fn retry_after(value: &str) -> Result<(), DateError<'_>> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    imf_fixdate(value)
}

/// RFC 9110 §5.6.7 `IMF-fixdate`, with the weekday checked against the date.
///
/// ```
/// use status_codes::syntax::{imf_fixdate, DateError};
/// assert_eq!(imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT"), Ok(()));
/// assert_eq!(imf_fixdate("Sunday, 06-Nov-94 08:49:37 GMT"), Err(DateError::Form)); // RFC 850: read, never sent
/// assert_eq!(imf_fixdate("Sun, 31 Nov 1994 08:49:37 GMT"), Err(DateError::NoSuchDay { day: 31 }));
/// ```
pub fn imf_fixdate(value: &str) -> Result<(), DateError<'_>> {
    let b = value.as_bytes();
    let separators = [
        (3, b','),
        (4, b' '),
        (7, b' '),
        (11, b' '),
        (16, b' '),
        (19, b':'),
        (22, b':'),
    ];
    if b.len() != 29
        || !value.is_ascii()
        || !value.ends_with(" GMT")
        || separators.iter().any(|&(i, c)| b[i] != c)
    {
        return Err(DateError::Form);
    }
    let number = |from: usize, to: usize| -> Result<u32, DateError<'_>> {
        let text = &value[from..to];
        if text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().map_err(|_| DateError::Form)
        } else {
            Err(DateError::Form)
        }
    };
    let day_name = &value[..3];
    let Some(weekday) = DAYS.iter().position(|d| *d == day_name) else {
        return Err(DateError::DayName(day_name));
    };
    let day = number(5, 7)?;
    let month_name = &value[8..11];
    let Some(month) = MONTHS.iter().position(|m| *m == month_name) else {
        return Err(DateError::MonthName(month_name));
    };
    let year = number(12, 16)?;
    let (hour, minute, second) = (number(17, 19)?, number(20, 22)?, number(23, 25)?);
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
        return Err(DateError::NoSuchDay { day });
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(DateError::Time);
    }
    let actual = weekday_of(year, month as u32 + 1, day);
    if actual != weekday {
        return Err(DateError::Weekday {
            actual: DAYS[actual],
        });
    }
    Ok(())
}

/// Monday = 0, by Sakamoto's method. 400 years are added first: the Gregorian calendar repeats
/// every 400 years, and January and February of year 0 would otherwise reach back before it.
fn weekday_of(year: u32, month: u32, day: u32) -> usize {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = year + 400 - u32::from(month < 3);
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + OFFSETS[(month - 1) as usize] + day) % 7;
    ((sunday_first + 6) % 7) as usize
}

/// Whether `value` is a value this workspace sends in the header field `name` (lowercase): a
/// valid field value, and of the field's own syntax where this module knows it. The runtime
/// checks every value taken from a field with it.
///
/// ```
/// use status_codes::syntax::header_value;
/// assert!(header_value("location", b"/order-result/7"));
/// assert!(!header_value("location", b""));
/// assert!(!header_value("retry-after", b"whenever"));
/// assert!(!header_value("www-authenticate", b"realm=x"));
/// assert!(header_value("etag", b"\"v1\""));
/// ```
pub fn header_value(name: &str, value: &[u8]) -> bool {
    if field_value(value).is_err() {
        return false;
    }
    // A valid field value is ASCII, hence UTF-8.
    let Ok(text) = core::str::from_utf8(value) else {
        return false;
    };
    match name {
        "location" | "content-location" => !text.is_empty() && uri_reference(value).is_ok(),
        "retry-after" => retry_after(text).is_ok(),
        "allow" => allow(text).is_ok(),
        "upgrade" => upgrade(text).is_ok(),
        "www-authenticate" | "proxy-authenticate" => challenge(text).is_ok(),
        "content-range" => content_range(text).is_ok(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), Ok(()));
        assert!(retry_after("Mon, 06 Nov 1994 08:49:37 GMT").is_err());
        assert_eq!(retry_after("Thu, 29 Feb 2024 00:00:00 GMT"), Ok(()));
        assert!(retry_after("Thu, 29 Feb 2023 00:00:00 GMT").is_err());
        // Year 0, January and February: no underflow.
        assert_eq!(retry_after("Sat, 01 Jan 0000 00:00:00 GMT"), Ok(()));
        assert!(retry_after("Sun, 01 Jan 0000 00:00:00 GMT").is_err());
        assert!(retry_after("Tue, 29 Feb 0000 00:00:00 GMT").is_ok());
        assert!(retry_after("-1").is_err());
        assert!(retry_after("").is_err());
        assert!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT\u{e9}").is_err());
        assert!(retry_after("Wéd, 21 Oct 2015 07:28:00 GM").is_err());
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
            "",
        ] {
            assert_eq!(uri_reference(ok.as_bytes()), Ok(()), "{ok}");
        }
        for bad in ["/a b", "/a%2", "1a:b", "/x#a#b", "/caf\u{e9}", "/a\"b"] {
            assert!(uri_reference(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn lists_and_ranges() {
        assert_eq!(allow("GET, HEAD"), Ok(()));
        assert_eq!(allow(""), Ok(()));
        assert_eq!(allow("GET,, HEAD"), Err(ListError::EmptyElement));
        assert_eq!(
            content_range("bytes 500-100/1234"),
            Err(ContentRangeError::Reversed {
                first: 500,
                last: 100
            })
        );
        assert_eq!(content_range("bytes 0-"), Err(ContentRangeError::NoLength));
        assert_eq!(content_range("*/47022"), Err(ContentRangeError::NoUnit));
        assert_eq!(field_value(b"a\x7f"), Err(FieldValueError::Byte { at: 1 }));
    }
}
