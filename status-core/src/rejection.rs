//! [`Rejection`]: a request the framework could not read (a body that is not JSON, JSON of the
//! wrong shape, the wrong content type, a body too large, a path or query that does not parse),
//! answered as a problem like every other error, with the status that says which.
//!
//! The framework extractors of [`extract`](crate::extract) reject with it, and it converts from
//! axum's and actix-web's own rejections (with their features).

use std::fmt;

use http::StatusCode;

use crate::HttpStatus;

/// The longest `detail` a rejection sends, in bytes: enough for the field and the position at
/// fault, never a request body echoed whole (serde quotes a string value it could not use).
const MAX_DETAIL: usize = 240;

/// The request could not be read (its body, path or query), and the problem says why.
///
/// 400 Bad Request for a body or a target that
/// is malformed, 411 Length Required, 413 Content Too Large, 415 Unsupported Media Type (with
/// `Accept-Post` or `Accept-Patch` naming the type the route takes: RFC 9110 §15.5.16, W3C LDP
/// §7.1, RFC 5789 §3.1), 422
/// Unprocessable Content for a well-formed body of the wrong shape, and 500 for a route that
/// cannot work (a path extractor that does not match its route); the `detail` names the field or
/// the position at fault, a 500's says nothing.
///
/// ```
/// use status_core::{HttpStatus, ProblemDetails, Rejection};
/// use status_core::http::StatusCode;
///
/// let rejected = Rejection::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "expected `Content-Type: application/json`")
///     .with_accepted("POST", "application/json");
/// let response = rejected.to_response();
/// assert_eq!(response.status(), 415);
/// assert_eq!(response.headers()["accept-post"], "application/json");
/// let problem: ProblemDetails = serde_json::from_slice(response.body()).unwrap();
/// assert_eq!(problem.detail.as_deref(), Some("expected `Content-Type: application/json`"));
///
/// // A status outside those a rejection answers is the nearest one it does.
/// assert_eq!(Rejection::new(StatusCode::IM_A_TEAPOT, "").status(), 400);
/// ```
#[derive(Debug, HttpStatus)]
#[status(400 | 411 | 413 | 415 | 422 | 500, classify = Reason::status)]
pub struct Rejection {
    source: Reason,
    #[header("accept-post")]
    accept_post: Option<&'static str>,
    #[header("accept-patch")]
    accept_patch: Option<&'static str>,
}

/// What went wrong: the status it answers, and the words that say so.
#[derive(Debug)]
struct Reason {
    status: StatusCode,
    detail: String,
}

impl Reason {
    fn status(&self) -> StatusCode {
        self.status
    }
}

impl Rejection {
    /// A rejection with `status` and `detail`. A status a rejection does not answer becomes the
    /// nearest one that it does: a 4xx 400, anything else 500. A `detail` longer than 240 bytes
    /// is cut at a character boundary and ends in `…`.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Rejection {
        let status = Rejection::nearest(status);
        Rejection {
            source: Reason {
                status,
                detail: bounded(detail.into()),
            },
            accept_post: None,
            accept_patch: None,
        }
    }

    /// The status a rejection answers for `status`: itself if a rejection answers it, else a
    /// 4xx 400 and anything else 500.
    pub(crate) fn nearest(status: StatusCode) -> StatusCode {
        match status.as_u16() {
            400 | 411 | 413 | 415 | 422 | 500 => status,
            400..=499 => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// On a 415, names the media type the route takes for the request's `method`:
    /// `Accept-Post` for a POST (W3C Linked Data Platform §7.1), `Accept-Patch` for a PATCH
    /// (RFC 5789 §3.1), as a 415 may say what it takes (RFC 9110 §15.5.16). Other statuses and methods are left as they are.
    ///
    /// ```
    /// use status_core::{HttpStatus, Rejection};
    /// use status_core::http::StatusCode;
    ///
    /// let patch = Rejection::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "not JSON")
    ///     .with_accepted("PATCH", "application/json")
    ///     .to_response();
    /// assert_eq!(patch.headers()["accept-patch"], "application/json");
    /// assert!(patch.headers().get("accept-post").is_none());
    /// ```
    pub fn with_accepted(mut self, method: &str, media_type: &'static str) -> Rejection {
        if self.source.status == StatusCode::UNSUPPORTED_MEDIA_TYPE {
            match method {
                "POST" => self.accept_post = Some(media_type),
                "PATCH" => self.accept_patch = Some(media_type),
                _ => {}
            }
        }
        self
    }

    /// What the problem's `detail` says (a 500 sends none).
    pub fn detail(&self) -> &str {
        &self.source.detail
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source.detail)
    }
}

impl std::error::Error for Rejection {}

/// `detail`, cut to [`MAX_DETAIL`] bytes at a character boundary.
fn bounded(mut detail: String) -> String {
    if detail.len() > MAX_DETAIL {
        let mut end = MAX_DETAIL;
        while !detail.is_char_boundary(end) {
            end -= 1;
        }
        detail.truncate(end);
        detail.push('…');
    }
    detail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_detail_is_cut_at_a_character_boundary() {
        let long = "é".repeat(200);
        let rejected = Rejection::new(StatusCode::UNPROCESSABLE_ENTITY, long);
        assert_eq!(rejected.detail().len(), MAX_DETAIL + '…'.len_utf8());
        assert!(rejected.detail().ends_with("é…"));
        // The limit falls inside a character: the cut is before it.
        let odd = format!("a{}", "é".repeat(200));
        let rejected = Rejection::new(StatusCode::UNPROCESSABLE_ENTITY, odd);
        assert_eq!(rejected.detail().len(), MAX_DETAIL - 1 + '…'.len_utf8());
        let exact = "a".repeat(MAX_DETAIL);
        assert_eq!(
            Rejection::new(StatusCode::BAD_REQUEST, exact.clone()).detail(),
            exact
        );
    }

    #[test]
    fn statuses_outside_the_set_become_the_nearest_one() {
        let status = |code| Rejection::new(StatusCode::from_u16(code).unwrap(), "").status();
        assert_eq!(status(404), 400);
        assert_eq!(status(413), 413);
        assert_eq!(status(502), 500);
        assert_eq!(status(200), 500);
    }

    #[test]
    fn accepted_types_go_only_on_a_415() {
        let bad =
            Rejection::new(StatusCode::BAD_REQUEST, "x").with_accepted("POST", "application/json");
        assert!(bad.to_response().headers().get("accept-post").is_none());
        let put = Rejection::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "x")
            .with_accepted("PUT", "application/json");
        let headers = put.to_response().headers().clone();
        assert!(headers.get("accept-post").is_none() && headers.get("accept-patch").is_none());
    }
}
