//! The IANA "HTTP Status Code" registry as a `const` table, what HTTP says about each code
//! ([`without_content`], [`retry_after_meaningful`], [`required_header`]), and the syntax of
//! header field values ([`syntax`]).
//!
//! This crate is the single source of truth for status codes and field syntax in the workspace: `status-derive`
//! reads it at compile time (to resolve `#[status(NOT_FOUND)]`, to know which codes are
//! registered, to bake reason phrases into the generated code, and to check each code's rules)
//! and `status-core` reads it at run time. Every fact both of them use lives here; a fact with
//! one reader stays with it (the codes the derive rejects as deprecated or reserved, what a
//! client does with a redirect).
//!
//! Reason phrases are IANA's, which differ from `http::StatusCode::canonical_reason()` for 203,
//! 413, 418 and 422, and exist for codes `http` has no phrase for (104, 306).
//!
//! ```
//! use status_codes::{lookup, by_name};
//!
//! assert_eq!(lookup(413).map(|s| s.phrase), Some("Content Too Large"));
//! assert_eq!(by_name("NOT_FOUND").map(|s| s.code), Some(404));
//! assert!(lookup(499).is_none()); // not registered
//! ```
#![forbid(unsafe_code)]
#![no_std]

mod semantics;
pub mod syntax;

/// The crate's README, whose examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use semantics::{
    REQUIRED_HEADERS, RequiredHeader, Requirement, WithoutContent, allows_content, required_header,
    retry_after_meaningful, without_content,
};

/// One row of the IANA registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registered {
    /// The three-digit code.
    pub code: u16,
    /// The `SCREAMING_SNAKE_CASE` name accepted by `#[status(NAME)]`.
    pub name: &'static str,
    /// The reason phrase, exactly as IANA registers it.
    pub phrase: &'static str,
    /// The document that defines the code, as IANA cites it.
    pub reference: &'static str,
}

macro_rules! registry {
    // `$d` is a `$`, for the macro this one defines.
    ($d:tt $(($code:literal, $name:ident, $phrase:literal, $reference:literal),)*) => {
        /// Every registered code, in ascending order.
        ///
        /// ```
        /// assert!(status_codes::REGISTRY.windows(2).all(|w| w[0].code < w[1].code));
        /// ```
        pub const REGISTRY: &[Registered] = &[
            $(Registered {
                code: $code,
                name: stringify!($name),
                phrase: $phrase,
                reference: $reference,
            },)*
        ];

        /// The registry row of `code`, if IANA registers it.
        ///
        /// ```
        /// assert_eq!(status_codes::lookup(303).unwrap().phrase, "See Other");
        /// assert_eq!(status_codes::lookup(509), None);
        /// ```
        pub const fn lookup(code: u16) -> Option<&'static Registered> {
            // Binary search by hand: `slice::binary_search_by_key` is not `const`.
            let (mut low, mut high) = (0, REGISTRY.len());
            while low < high {
                let middle = low + (high - low) / 2;
                let row = &REGISTRY[middle];
                if row.code == code {
                    return Some(row);
                } else if row.code < code {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            None
        }

        /// Calls `$callback! { (100, CONTINUE) (101, SWITCHING_PROTOCOLS) ... }` with every
        /// registered code and its name, so that another crate can define an item per code from
        /// this one table (`status-core` defines a `StatusCode` constant per code).
        ///
        /// ```
        /// macro_rules! count {
        ///     ($(($code:literal, $name:ident))*) => { [$($code),*].len() };
        /// }
        /// assert_eq!(status_codes::for_each_registered!(count), status_codes::REGISTRY.len());
        /// ```
        #[macro_export]
        macro_rules! for_each_registered {
            ($d callback:ident) => {
                $d callback! { $(($code, $name))* }
            };
        }
    };
}

registry! {
    $
    (100, CONTINUE, "Continue", "RFC 9110, Section 15.2.1"),
    (101, SWITCHING_PROTOCOLS, "Switching Protocols", "RFC 9110, Section 15.2.2"),
    (102, PROCESSING, "Processing", "RFC 2518"),
    (103, EARLY_HINTS, "Early Hints", "RFC 8297"),
    (104, UPLOAD_RESUMPTION_SUPPORTED, "Upload Resumption Supported", "draft-ietf-httpbis-resumable-upload"),
    (200, OK, "OK", "RFC 9110, Section 15.3.1"),
    (201, CREATED, "Created", "RFC 9110, Section 15.3.2"),
    (202, ACCEPTED, "Accepted", "RFC 9110, Section 15.3.3"),
    (203, NON_AUTHORITATIVE_INFORMATION, "Non-Authoritative Information", "RFC 9110, Section 15.3.4"),
    (204, NO_CONTENT, "No Content", "RFC 9110, Section 15.3.5"),
    (205, RESET_CONTENT, "Reset Content", "RFC 9110, Section 15.3.6"),
    (206, PARTIAL_CONTENT, "Partial Content", "RFC 9110, Section 15.3.7"),
    (207, MULTI_STATUS, "Multi-Status", "RFC 4918"),
    (208, ALREADY_REPORTED, "Already Reported", "RFC 5842"),
    (226, IM_USED, "IM Used", "RFC 3229"),
    (300, MULTIPLE_CHOICES, "Multiple Choices", "RFC 9110, Section 15.4.1"),
    (301, MOVED_PERMANENTLY, "Moved Permanently", "RFC 9110, Section 15.4.2"),
    (302, FOUND, "Found", "RFC 9110, Section 15.4.3"),
    (303, SEE_OTHER, "See Other", "RFC 9110, Section 15.4.4"),
    (304, NOT_MODIFIED, "Not Modified", "RFC 9110, Section 15.4.5"),
    (305, USE_PROXY, "Use Proxy", "RFC 9110, Section 15.4.6"),
    (306, UNUSED_306, "(Unused)", "RFC 9110, Section 15.4.7"),
    (307, TEMPORARY_REDIRECT, "Temporary Redirect", "RFC 9110, Section 15.4.8"),
    (308, PERMANENT_REDIRECT, "Permanent Redirect", "RFC 9110, Section 15.4.9"),
    (400, BAD_REQUEST, "Bad Request", "RFC 9110, Section 15.5.1"),
    (401, UNAUTHORIZED, "Unauthorized", "RFC 9110, Section 15.5.2"),
    (402, PAYMENT_REQUIRED, "Payment Required", "RFC 9110, Section 15.5.3"),
    (403, FORBIDDEN, "Forbidden", "RFC 9110, Section 15.5.4"),
    (404, NOT_FOUND, "Not Found", "RFC 9110, Section 15.5.5"),
    (405, METHOD_NOT_ALLOWED, "Method Not Allowed", "RFC 9110, Section 15.5.6"),
    (406, NOT_ACCEPTABLE, "Not Acceptable", "RFC 9110, Section 15.5.7"),
    (407, PROXY_AUTHENTICATION_REQUIRED, "Proxy Authentication Required", "RFC 9110, Section 15.5.8"),
    (408, REQUEST_TIMEOUT, "Request Timeout", "RFC 9110, Section 15.5.9"),
    (409, CONFLICT, "Conflict", "RFC 9110, Section 15.5.10"),
    (410, GONE, "Gone", "RFC 9110, Section 15.5.11"),
    (411, LENGTH_REQUIRED, "Length Required", "RFC 9110, Section 15.5.12"),
    (412, PRECONDITION_FAILED, "Precondition Failed", "RFC 9110, Section 15.5.13"),
    (413, CONTENT_TOO_LARGE, "Content Too Large", "RFC 9110, Section 15.5.14"),
    (414, URI_TOO_LONG, "URI Too Long", "RFC 9110, Section 15.5.15"),
    (415, UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", "RFC 9110, Section 15.5.16"),
    (416, RANGE_NOT_SATISFIABLE, "Range Not Satisfiable", "RFC 9110, Section 15.5.17"),
    (417, EXPECTATION_FAILED, "Expectation Failed", "RFC 9110, Section 15.5.18"),
    (418, UNUSED_418, "(Unused)", "RFC 9110, Section 15.5.19"),
    (421, MISDIRECTED_REQUEST, "Misdirected Request", "RFC 9110, Section 15.5.20"),
    (422, UNPROCESSABLE_CONTENT, "Unprocessable Content", "RFC 9110, Section 15.5.21"),
    (423, LOCKED, "Locked", "RFC 4918"),
    (424, FAILED_DEPENDENCY, "Failed Dependency", "RFC 4918"),
    (425, TOO_EARLY, "Too Early", "RFC 8470"),
    (426, UPGRADE_REQUIRED, "Upgrade Required", "RFC 9110, Section 15.5.22"),
    (428, PRECONDITION_REQUIRED, "Precondition Required", "RFC 6585"),
    (429, TOO_MANY_REQUESTS, "Too Many Requests", "RFC 6585"),
    (431, REQUEST_HEADER_FIELDS_TOO_LARGE, "Request Header Fields Too Large", "RFC 6585"),
    (451, UNAVAILABLE_FOR_LEGAL_REASONS, "Unavailable For Legal Reasons", "RFC 7725"),
    (500, INTERNAL_SERVER_ERROR, "Internal Server Error", "RFC 9110, Section 15.6.1"),
    (501, NOT_IMPLEMENTED, "Not Implemented", "RFC 9110, Section 15.6.2"),
    (502, BAD_GATEWAY, "Bad Gateway", "RFC 9110, Section 15.6.3"),
    (503, SERVICE_UNAVAILABLE, "Service Unavailable", "RFC 9110, Section 15.6.4"),
    (504, GATEWAY_TIMEOUT, "Gateway Timeout", "RFC 9110, Section 15.6.5"),
    (505, HTTP_VERSION_NOT_SUPPORTED, "HTTP Version Not Supported", "RFC 9110, Section 15.6.6"),
    (506, VARIANT_ALSO_NEGOTIATES, "Variant Also Negotiates", "RFC 2295"),
    (507, INSUFFICIENT_STORAGE, "Insufficient Storage", "RFC 4918"),
    (508, LOOP_DETECTED, "Loop Detected", "RFC 5842"),
    (510, NOT_EXTENDED, "Not Extended", "RFC 2774 (OBSOLETED)"),
    (511, NETWORK_AUTHENTICATION_REQUIRED, "Network Authentication Required", "RFC 6585"),
}

/// Names the `http` crate gives to codes whose IANA name differs, so that
/// `#[status(PAYLOAD_TOO_LARGE)]` works for people used to `http::StatusCode`.
///
/// ```
/// assert_eq!(status_codes::by_name("UNPROCESSABLE_ENTITY").unwrap().code, 422);
/// ```
pub const ALIASES: &[(&str, u16)] = &[
    ("PAYLOAD_TOO_LARGE", 413),
    ("UNPROCESSABLE_ENTITY", 422),
    ("IM_A_TEAPOT", 418),
];

/// The registry row whose name (or `http`-crate alias) is `name`.
///
/// ```
/// assert_eq!(status_codes::by_name("SEE_OTHER").unwrap().code, 303);
/// assert_eq!(status_codes::by_name("see_other"), None); // names are exact
/// ```
pub fn by_name(name: &str) -> Option<&'static Registered> {
    if let Some(row) = REGISTRY.iter().find(|row| row.name == name) {
        return Some(row);
    }
    let (_, code) = ALIASES.iter().find(|(alias, _)| *alias == name)?;
    lookup(*code)
}

/// The generic title of a class, used where a code has no registered phrase
/// (and no explicit one was given): clients treat an unknown `x99` as `x00`.
///
/// ```
/// assert_eq!(status_codes::class_title(499), Some("Client Error"));
/// assert_eq!(status_codes::class_title(600), None);
/// ```
pub const fn class_title(code: u16) -> Option<&'static str> {
    Some(match code {
        100..=199 => "Informational",
        200..=299 => "Success",
        300..=399 => "Redirection",
        400..=499 => "Client Error",
        500..=599 => "Server Error",
        _ => return None,
    })
}
