//! What a status code means to the client that receives it: its class, how a redirect treats the
//! request's method and body, and whether repeating the request can succeed.

use http::StatusCode;

use crate::RetryAfter;

/// The five classes of status codes (RFC 9110 §15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusClass {
    /// 1xx: the request was received, processing continues; never a final response.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Successful,
    /// 3xx: the user agent has to take further action, usually follow `Location`.
    Redirection,
    /// 4xx: the request is wrong; repeating it unchanged fails again (with a few exceptions).
    ClientError,
    /// 5xx: the server failed to answer a valid request.
    ServerError,
}

/// How a client follows a redirect (RFC 9110 §15.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Redirect {
    /// Whether the target replaces the old URI for good (301, 308): links and search engines
    /// update, caches keep it.
    pub permanent: bool,
    /// What happens to the request's method and body.
    pub method: RedirectMethod,
}

/// What a redirect does to the method and body of the request that received it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RedirectMethod {
    /// 307, 308: the same method and body are sent to the target (a POST stays a POST).
    Preserved,
    /// 301, 302, 303: a POST becomes a GET without body (303 by definition, 301 and 302 by what
    /// every browser and `curl -L` do). This is what Post/Redirect/Get relies on.
    ChangedToGet,
}

/// Whether sending the same request again can succeed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Not a failure (1xx, 2xx, 3xx): there is nothing to retry.
    NotFailed,
    /// The same request fails the same way again; the client has to change it (most 4xx), or
    /// the server cannot ever serve it (501, 505, 506, 508, 510, 511). Also for 600..=999,
    /// which HTTP does not define.
    Never,
    /// The same request may succeed later: 408, 421 (on another connection), 425, 429 and most
    /// 5xx. Wait for `Retry-After` when the response has one (429, 503).
    Later,
}

/// What a client should do about a response it received: whether to retry, and when.
///
/// ```
/// use status_core::{Retry, RetryAdvice, RetryAfter};
/// use std::time::Duration;
///
/// let busy = http::Response::builder()
///     .status(503)
///     .header("retry-after", "120")
///     .body(())
///     .unwrap();
/// assert_eq!(
///     RetryAdvice::of(&busy),
///     RetryAdvice { retry: Retry::Later, after: Some(RetryAfter::Delay(Duration::from_secs(120))) }
/// );
///
/// // 413 is final, unless the server says when to come back (RFC 9110 §15.5.14).
/// let too_large = http::Response::builder().status(413).body(()).unwrap();
/// assert_eq!(RetryAdvice::of(&too_large).retry, Retry::Never);
/// let too_large_now = http::Response::builder().status(413).header("retry-after", "60").body(()).unwrap();
/// assert_eq!(RetryAdvice::of(&too_large_now).retry, Retry::Later);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAdvice {
    /// Whether the same request can succeed.
    pub retry: Retry,
    /// How long to wait first, from `Retry-After`, where it means something (3xx, 413, 429,
    /// 503; RFC 9110 §10.2.3).
    pub after: Option<RetryAfter>,
}

impl RetryAdvice {
    /// The advice for a response: its status's [`StatusSemantics::retry`], and its
    /// `Retry-After`. A 413 with `Retry-After` is temporary (RFC 9110 §15.5.14).
    pub fn of<B>(response: &http::Response<B>) -> RetryAdvice {
        let status = response.status();
        let after = status
            .has_retry_after_meaning()
            .then(|| response.headers().get(http::header::RETRY_AFTER))
            .flatten()
            .and_then(|value| RetryAfter::parse(value.as_bytes()));
        let retry = match (status.as_u16(), after) {
            (413, Some(_)) => Retry::Later,
            _ => status.retry(),
        };
        RetryAdvice { retry, after }
    }
}

/// The semantics of a status code, at run time, for any code.
///
/// ```
/// use http::StatusCode;
/// use status_core::{Redirect, RedirectMethod, Retry, StatusClass, StatusSemantics};
///
/// // Post/Redirect/Get: a 303 turns the POST into a GET, so a reload never orders twice.
/// assert_eq!(
///     StatusCode::SEE_OTHER.redirect(),
///     Some(Redirect { permanent: false, method: RedirectMethod::ChangedToGet })
/// );
/// // /event moved to /new-event for good, and a POST to it stays a POST.
/// assert_eq!(
///     StatusCode::PERMANENT_REDIRECT.redirect(),
///     Some(Redirect { permanent: true, method: RedirectMethod::Preserved })
/// );
/// assert_eq!(StatusCode::NOT_FOUND.retry(), Retry::Never);
/// assert_eq!(StatusCode::TOO_MANY_REQUESTS.retry(), Retry::Later);
/// assert_eq!(StatusCode::SERVICE_UNAVAILABLE.retry(), Retry::Later);
/// assert_eq!(StatusCode::UNPROCESSABLE_ENTITY.reason_phrase(), Some("Unprocessable Content"));
/// assert_eq!(StatusCode::from_u16(499).unwrap().class(), Some(StatusClass::ClientError));
/// ```
pub trait StatusSemantics {
    /// The class; `None` for codes 600..=999, which `http` accepts but HTTP does not define.
    fn class(&self) -> Option<StatusClass>;
    /// The IANA reason phrase (not `canonical_reason()`, which differs for 203, 413, 418, 422).
    fn reason_phrase(&self) -> Option<&'static str>;
    /// Whether IANA registers the code.
    fn is_registered(&self) -> bool;
    /// How a client follows it, for the five redirects that carry a `Location` to follow.
    fn redirect(&self) -> Option<Redirect>;
    /// Whether repeating the same request can succeed.
    fn retry(&self) -> Retry;
    /// Whether a response with this status may have content: not 1xx, 204, 205 or 304
    /// (RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5).
    fn allows_content(&self) -> bool;
    /// Whether `Retry-After` means something on it: 3xx, 413, 429, 503 (RFC 9110 §10.2.3).
    fn has_retry_after_meaning(&self) -> bool;
}

impl StatusSemantics for StatusCode {
    fn class(&self) -> Option<StatusClass> {
        Some(match self.as_u16() {
            100..=199 => StatusClass::Informational,
            200..=299 => StatusClass::Successful,
            300..=399 => StatusClass::Redirection,
            400..=499 => StatusClass::ClientError,
            500..=599 => StatusClass::ServerError,
            _ => return None,
        })
    }

    fn reason_phrase(&self) -> Option<&'static str> {
        status_codes::lookup(self.as_u16()).map(|row| row.phrase)
    }

    fn is_registered(&self) -> bool {
        status_codes::lookup(self.as_u16()).is_some()
    }

    fn redirect(&self) -> Option<Redirect> {
        let (permanent, method) = match self.as_u16() {
            301 => (true, RedirectMethod::ChangedToGet),
            302 | 303 => (false, RedirectMethod::ChangedToGet),
            307 => (false, RedirectMethod::Preserved),
            308 => (true, RedirectMethod::Preserved),
            _ => return None,
        };
        Some(Redirect { permanent, method })
    }

    fn retry(&self) -> Retry {
        match self.as_u16() {
            // 421: on another connection (RFC 9110 §15.5.20).
            408 | 421 | 425 | 429 => Retry::Later,
            501 | 505 | 506 | 508 | 510 | 511 => Retry::Never,
            500..=599 => Retry::Later,
            100..=399 => Retry::NotFailed,
            // Every other 4xx; and 600..=999, which means nothing in HTTP: a client cannot act
            // on it.
            _ => Retry::Never,
        }
    }

    fn allows_content(&self) -> bool {
        status_codes::allows_content(self.as_u16())
    }

    fn has_retry_after_meaning(&self) -> bool {
        status_codes::retry_after_meaningful(self.as_u16())
    }
}
