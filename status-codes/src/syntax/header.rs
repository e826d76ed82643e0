//! Which syntax each header field's value has: one table, read by the derive for static values
//! at compile time and by the runtime for values from fields, so that both give the same answer.

use super::{
    ContentRangeError, DateError, FieldValueError, ListError, UriError, allow, challenge,
    content_range, field_value, retry_after, upgrade, uri_reference,
};

/// The syntax of a header field's value, beyond RFC 9110 §5.5 `field-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grammar {
    /// RFC 3986 §4.1 `URI-reference`, not empty: `Location`, `Content-Location`.
    UriReference,
    /// RFC 9110 §10.2.3 `Retry-After`: an HTTP-date (sent as an IMF-fixdate) or delay-seconds.
    HttpDateOrDelay,
    /// RFC 9110 §10.2.1 `#method`, possibly empty.
    Allow,
    /// RFC 9110 §7.8 `#protocol`.
    Upgrade,
    /// RFC 9110 §11.6.1, §11.7.1: a challenge, auth-scheme first.
    Challenge,
    /// RFC 9110 §14.4 `Content-Range`.
    ContentRange,
    /// A field whose syntax this crate does not know: any field value but the empty one, which
    /// sends the field with nothing in it.
    NonEmpty,
}

/// Every header field whose syntax this crate knows, by lowercase name; any other field's is
/// [`Grammar::NonEmpty`].
///
/// ```
/// use status_codes::syntax::{Grammar, HEADER_GRAMMARS};
/// assert!(HEADER_GRAMMARS.contains(&("content-location", Grammar::UriReference)));
/// ```
pub const HEADER_GRAMMARS: &[(&str, Grammar)] = &[
    ("location", Grammar::UriReference),
    ("content-location", Grammar::UriReference),
    ("retry-after", Grammar::HttpDateOrDelay),
    ("allow", Grammar::Allow),
    ("upgrade", Grammar::Upgrade),
    ("www-authenticate", Grammar::Challenge),
    ("proxy-authenticate", Grammar::Challenge),
    ("content-range", Grammar::ContentRange),
];

/// The syntax of the header field `name` (lowercase).
///
/// ```
/// use status_codes::syntax::{grammar, Grammar};
/// assert_eq!(grammar("retry-after"), Grammar::HttpDateOrDelay);
/// assert_eq!(grammar("x-request-id"), Grammar::NonEmpty);
/// ```
pub fn grammar(name: &str) -> Grammar {
    HEADER_GRAMMARS
        .iter()
        .find(|(known, _)| *known == name)
        .map_or(Grammar::NonEmpty, |(_, grammar)| *grammar)
}

/// Why a value is not one this workspace sends in a header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderValueError<'a> {
    /// Not a field value at all (RFC 9110 §5.5).
    FieldValue(FieldValueError),
    /// Empty, where the field's syntax needs something.
    Empty,
    /// Not a URI reference.
    Uri(UriError),
    /// Neither delay-seconds nor an IMF-fixdate.
    Date(DateError<'a>),
    /// A malformed `Allow` or `Upgrade` list.
    List(ListError<'a>),
    /// A challenge that does not start with an auth-scheme: the text that is not one.
    Challenge(&'a str),
    /// A malformed `Content-Range`.
    ContentRange(ContentRangeError<'a>),
}

impl Grammar {
    /// Whether `value`, already a valid field value, has this syntax.
    ///
    /// ```
    /// use status_codes::syntax::{Grammar, HeaderValueError};
    /// assert_eq!(Grammar::UriReference.check(""), Err(HeaderValueError::Empty));
    /// assert_eq!(Grammar::Allow.check(""), Ok(()));
    /// ```
    pub fn check(self, value: &str) -> Result<(), HeaderValueError<'_>> {
        match self {
            Grammar::UriReference if value.is_empty() => Err(HeaderValueError::Empty),
            Grammar::UriReference => uri_reference(value.as_bytes()).map_err(HeaderValueError::Uri),
            Grammar::HttpDateOrDelay => retry_after(value).map_err(HeaderValueError::Date),
            Grammar::Allow => allow(value).map_err(HeaderValueError::List),
            Grammar::Upgrade => upgrade(value).map_err(HeaderValueError::List),
            Grammar::Challenge => challenge(value).map_err(HeaderValueError::Challenge),
            Grammar::ContentRange => content_range(value)
                .map(|_| ())
                .map_err(HeaderValueError::ContentRange),
            Grammar::NonEmpty if value.is_empty() => Err(HeaderValueError::Empty),
            Grammar::NonEmpty => Ok(()),
        }
    }
}

/// Whether `value` is a value this workspace sends in the header field `name` (lowercase): a
/// valid field value, of the field's own syntax ([`grammar`]), and, for a field whose syntax
/// this crate does not know, not empty.
///
/// ```
/// use status_codes::syntax::{check_header_value, HeaderValueError, UriError};
/// assert_eq!(check_header_value("content-location", "/a b"), Err(HeaderValueError::Uri(UriError::Byte { at: 2 })));
/// assert_eq!(check_header_value("x-request-kind", ""), Err(HeaderValueError::Empty));
/// assert_eq!(check_header_value("etag", "\"v1\""), Ok(()));
/// ```
pub fn check_header_value<'a>(name: &str, value: &'a str) -> Result<(), HeaderValueError<'a>> {
    field_value(value.as_bytes()).map_err(HeaderValueError::FieldValue)?;
    grammar(name).check(value)
}

/// [`check_header_value`] on bytes, as the runtime has them: it checks every value taken from a
/// field with it, as the derive checks every static value.
///
/// ```
/// use status_codes::syntax::header_value;
/// assert!(header_value("location", b"/order-result/7"));
/// assert!(!header_value("location", b""));
/// assert!(!header_value("retry-after", b"whenever"));
/// assert!(!header_value("www-authenticate", b"realm=x"));
/// assert!(!header_value("x-order-id", b""));
/// assert!(header_value("etag", b"\"v1\""));
/// ```
pub fn header_value(name: &str, value: &[u8]) -> bool {
    // A valid field value is ASCII, hence UTF-8; anything else fails either way.
    core::str::from_utf8(value).is_ok_and(|text| check_header_value(name, text).is_ok())
}
