//! The syntax of header field values, shared by the derive (which checks static values at
//! compile time and explains what is wrong) and the runtime (which checks values taken from
//! fields before they reach the wire). [`header_value`] says which syntax each header field has.

mod date;
mod header;

pub use date::{DateError, imf_fixdate, retry_after};
pub use header::{
    Grammar, HEADER_GRAMMARS, HeaderValueError, check_header_value, grammar, header_value,
};

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

#[cfg(test)]
mod tests {
    use super::*;

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
