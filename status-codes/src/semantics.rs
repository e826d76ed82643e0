//! What HTTP says about each status code beyond its name: whether a response with it may have
//! content, whether `Retry-After` means something on it, and which header field it cannot go
//! without. The derive's rules, its code generator and the runtime all ask these functions, so
//! that they cannot disagree.

/// A status whose responses never have content (RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WithoutContent {
    /// The section of RFC 9110 that says so.
    pub section: &'static str,
    /// Whether the response says so with `Content-Length: 0` (205, RFC 9110 §15.3.6); the others
    /// send no `Content-Length` at all (RFC 9110 §8.6 forbids one on 1xx and 204).
    pub content_length_zero: bool,
}

/// Whether responses with `code` never have content, and where RFC 9110 says so: 1xx, 204, 205
/// and 304.
///
/// ```
/// use status_codes::without_content;
///
/// assert_eq!(without_content(204).map(|w| w.section), Some("§15.3.5"));
/// assert_eq!(without_content(205).map(|w| w.content_length_zero), Some(true));
/// assert_eq!(without_content(304).map(|w| w.content_length_zero), Some(false));
/// assert_eq!(without_content(200), None);
/// ```
pub const fn without_content(code: u16) -> Option<WithoutContent> {
    let (section, content_length_zero) = match code {
        100..=199 => ("§15.2", false),
        204 => ("§15.3.5", false),
        205 => ("§15.3.6", true),
        304 => ("§15.4.5", false),
        _ => return None,
    };
    Some(WithoutContent {
        section,
        content_length_zero,
    })
}

/// Whether a response with `code` may have content: every code but 1xx, 204, 205 and 304.
///
/// ```
/// assert!(status_codes::allows_content(404));
/// assert!(!status_codes::allows_content(304));
/// ```
pub const fn allows_content(code: u16) -> bool {
    without_content(code).is_none()
}

/// Whether `Retry-After` means something on `code`: 3xx (the minimum wait before following),
/// 413, 429 and 503 (RFC 9110 §10.2.3).
///
/// ```
/// assert!(status_codes::retry_after_meaningful(503));
/// assert!(status_codes::retry_after_meaningful(307));
/// assert!(!status_codes::retry_after_meaningful(404));
/// ```
pub const fn retry_after_meaningful(code: u16) -> bool {
    matches!(code, 300..=399 | 413 | 429 | 503)
}

/// How strongly a status calls for a header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// The response MUST carry it.
    Must,
    /// The response SHOULD carry it: a redirect's `Location`, a 416's `Content-Range`.
    Should,
}

/// A header field a status calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequiredHeader {
    /// The status.
    pub code: u16,
    /// The field's name, lowercase.
    pub name: &'static str,
    /// The field's name as RFC 9110 writes it.
    pub display: &'static str,
    /// The sections of RFC 9110 that call for it.
    pub section: &'static str,
    /// MUST or SHOULD.
    pub requirement: Requirement,
}

const fn row(
    code: u16,
    (name, display): (&'static str, &'static str),
    section: &'static str,
    requirement: Requirement,
) -> RequiredHeader {
    RequiredHeader {
        code,
        name,
        display,
        section,
        requirement,
    }
}

const LOCATION: (&str, &str) = ("location", "Location");
const CONTENT_RANGE: (&str, &str) = ("content-range", "Content-Range");

/// Every status that calls for a header field, in ascending order of code.
///
/// ```
/// let codes: Vec<u16> = status_codes::REQUIRED_HEADERS.iter().map(|r| r.code).collect();
/// assert!(codes.windows(2).all(|w| w[0] < w[1]));
/// ```
pub const REQUIRED_HEADERS: &[RequiredHeader] = &[
    row(206, CONTENT_RANGE, "§15.3.7.1", Requirement::Must),
    row(301, LOCATION, "§15.4.2", Requirement::Should),
    row(302, LOCATION, "§15.4.3", Requirement::Should),
    row(303, LOCATION, "§15.4.4", Requirement::Should),
    row(307, LOCATION, "§15.4.8", Requirement::Should),
    row(308, LOCATION, "§15.4.9", Requirement::Should),
    row(
        401,
        ("www-authenticate", "WWW-Authenticate"),
        "§15.5.2, §11.6.1",
        Requirement::Must,
    ),
    row(
        405,
        ("allow", "Allow"),
        "§15.5.6, §10.2.1",
        Requirement::Must,
    ),
    row(
        407,
        ("proxy-authenticate", "Proxy-Authenticate"),
        "§15.5.8, §11.7.1",
        Requirement::Must,
    ),
    row(416, CONTENT_RANGE, "§15.5.17", Requirement::Should),
    row(
        426,
        ("upgrade", "Upgrade"),
        "§15.5.22, §7.8",
        Requirement::Must,
    ),
];

/// The header field `code` calls for, if any.
///
/// ```
/// use status_codes::{required_header, Requirement};
///
/// let challenge = required_header(401).unwrap();
/// assert_eq!((challenge.name, challenge.requirement), ("www-authenticate", Requirement::Must));
/// assert_eq!(required_header(303).unwrap().requirement, Requirement::Should);
/// assert_eq!(required_header(404), None);
/// ```
pub const fn required_header(code: u16) -> Option<&'static RequiredHeader> {
    let mut i = 0;
    while i < REQUIRED_HEADERS.len() {
        if REQUIRED_HEADERS[i].code == code {
            return Some(&REQUIRED_HEADERS[i]);
        }
        i += 1;
    }
    None
}
