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
