//! Header field values taken from an error's fields at run time.
//!
//! Static values are checked by the derive at compile time. Values from fields can only be checked
//! here, with the same function (`status_codes::syntax::check_header_value`): a value that is not
//! a valid field value (RFC 9110 §5.5), not of its field's syntax, or empty where that syntax
//! needs something, never reaches a response.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use http::HeaderValue;

/// A field value was not valid for an HTTP header field (RFC 9110 §5.5).
///
/// ```
/// use status_core::{HeaderFieldValue, InvalidFieldValue};
///
/// assert!("/new-event".header_value().is_ok());
/// assert_eq!("a\r\nSet-Cookie: x".header_value(), Err(InvalidFieldValue));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidFieldValue;

impl fmt::Display for InvalidFieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "not a valid header field value: only visible ASCII, spaces and tabs, \
             and no whitespace at either end (RFC 9110 §5.5)",
        )
    }
}

impl std::error::Error for InvalidFieldValue {}

/// Whether `bytes` is a field value this library is willing to send: visible ASCII, SP and HTAB,
/// without whitespace at either end.
///
/// This is stricter than `http::HeaderValue`, which also accepts `obs-text` (bytes 0x80-0xFF,
/// which senders must not generate) and surrounding whitespace (which recipients strip, so it
/// would change the value).
///
/// ```
/// assert!(status_core::is_valid_field_value(b"Bearer realm=\"shop\""));
/// assert!(!status_core::is_valid_field_value(b"caf\xc3\xa9"));
/// assert!(!status_core::is_valid_field_value(b" padded"));
/// ```
pub const fn is_valid_field_value(bytes: &[u8]) -> bool {
    status_codes::syntax::field_value(bytes).is_ok()
}

fn checked(bytes: &[u8]) -> Result<HeaderValue, InvalidFieldValue> {
    if !is_valid_field_value(bytes) {
        return Err(InvalidFieldValue);
    }
    HeaderValue::from_bytes(bytes).map_err(|_| InvalidFieldValue)
}

/// A type whose values can be the value of a header field taken from a field with
/// `#[header(NAME)]` or `#[location]`.
///
/// `Option<T>` sends the header only when it is `Some`. A value is then checked with its field's
/// syntax: `Some("")` of a field whose syntax is not known (`x-request-id`) is refused, as
/// `headers("x-request-id" = "")` is at compile time, and the response is the fallback 500.
///
/// ```
/// use status_core::HeaderFieldValue;
///
/// assert_eq!("\"v1\"".header_value().unwrap().unwrap(), "\"v1\"");
/// assert_eq!(42_u32.header_value().unwrap().unwrap(), "42");
/// assert_eq!(None::<String>.header_value(), Ok(None));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the value of a header field",
    label = "a header field from this field needs a string, an integer or an `http::HeaderValue`",
    note = "implement `status_core::HeaderFieldValue` for `{Self}`, or keep a `String` in the field"
)]
pub trait HeaderFieldValue {
    /// The header value, `Ok(None)` to send no header, or an error for an invalid value.
    fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue>;
}

impl HeaderFieldValue for str {
    fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue> {
        checked(self.as_bytes()).map(Some)
    }
}

impl HeaderFieldValue for HeaderValue {
    fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue> {
        checked(self.as_bytes()).map(Some)
    }
}

macro_rules! through_str {
    ($($ty:ty),*) => {$(
        impl HeaderFieldValue for $ty {
            fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue> {
                str::header_value(self)
            }
        }
    )*};
}
through_str!(String, Box<str>, Rc<str>, Arc<str>, Cow<'_, str>);

macro_rules! integer {
    ($($ty:ty),*) => {$(
        impl HeaderFieldValue for $ty {
            fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue> {
                Ok(Some(HeaderValue::from(*self)))
            }
        }
    )*};
}
integer!(u16, u32, u64, usize, i16, i32, i64, isize);

impl<T: HeaderFieldValue + ?Sized> HeaderFieldValue for &T {
    fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue> {
        T::header_value(self)
    }
}

impl<T: HeaderFieldValue> HeaderFieldValue for Option<T> {
    fn header_value(&self) -> Result<Option<HeaderValue>, InvalidFieldValue> {
        match self {
            Some(value) => value.header_value(),
            None => Ok(None),
        }
    }
}

/// Writes `Display` output percent-encoded, so that a placeholder of a `location` template is
/// always one opaque piece of a URI: everything but RFC 3986 `unreserved` is encoded, which also
/// keeps CR and LF out of the header.
pub(crate) struct PercentEncode<'a>(pub(crate) &'a mut String);

impl fmt::Write for PercentEncode<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_bytes(s.as_bytes());
        Ok(())
    }
}

impl PercentEncode<'_> {
    /// Appends `bytes` percent-encoded (any bytes: a header value's obs-text too).
    pub(crate) fn push_bytes(&mut self, bytes: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for &b in bytes {
            if is_unreserved(b) {
                self.0.push(char::from(b));
            } else {
                self.0.push('%');
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
    }
}

/// RFC 3986 `unreserved`: the bytes a URI carries as they are.
pub(crate) fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_http_would_take_are_refused_when_they_are_not_field_values() {
        // `http::HeaderValue` takes surrounding whitespace and obs-text; this library sends
        // neither (recipients strip the whitespace; obs-text is no text a client can read).
        for value in [" padded", "padded\t"] {
            assert!(HeaderValue::from_str(value).is_ok());
            assert_eq!(value.header_value(), Err(InvalidFieldValue), "{value:?}");
        }
        assert_eq!("caf\u{e9}".header_value(), Err(InvalidFieldValue));
        let obs_text = HeaderValue::from_bytes(b"caf\xe9").unwrap();
        assert_eq!(obs_text.header_value(), Err(InvalidFieldValue));
        assert_eq!(
            "Bearer realm=\"shop\"".header_value(),
            Ok(Some(HeaderValue::from_static("Bearer realm=\"shop\"")))
        );
    }

    #[test]
    fn the_error_says_what_a_field_value_may_hold() {
        assert_eq!(
            InvalidFieldValue.to_string(),
            "not a valid header field value: only visible ASCII, spaces and tabs, \
             and no whitespace at either end (RFC 9110 §5.5)"
        );
    }
}
