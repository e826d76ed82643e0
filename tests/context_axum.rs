//! `ResponseContext` as a tower layer on an axum router: the format `Accept` prefers, `Vary`,
//! `instance` from `x-request-id`, the request in the 5xx log line; responses that are not
//! problems, and responses without content, pass through untouched.

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use status_core::format::HtmlPage;
use status_core::{HttpStatus, ResponseContext};
use tower::ServiceExt;

mod common;
mod log_capture;
use common::header_map;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum BookError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved,
    #[error("unchanged")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: &'static str,
    },
    #[error("catalog storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the reading room is closed")]
#[status(503, retry_after = 600, detail = display, format = HtmlPage)]
struct ReadingRoomClosed;

fn routes() -> Router {
    Router::new()
        .route(
            "/books/7",
            get(|| async { Err::<String, _>(BookError::NotFound(7)) }),
        )
        .route(
            "/saved",
            get(|| async { Err::<String, _>(BookError::Saved) }),
        )
        .route(
            "/cached",
            get(|| async { Err::<String, _>(BookError::NotModified { etag: "\"v1\"" }) }),
        )
        .route(
            "/broken",
            get(|| async {
                let cause = std::io::Error::other("disk /dev/sda1 is full");
                Err::<String, _>(BookError::Storage(cause))
            }),
        )
        .route(
            "/room",
            get(|| async { Err::<String, _>(ReadingRoomClosed) }),
        )
        .route("/hello", get(|| async { "hello" }))
        .route(
            "/sized/{length}",
            get(
                |axum::extract::Path(length): axum::extract::Path<usize>| async move {
                    (
                        StatusCode::NOT_FOUND,
                        [("content-type", "application/problem+json")],
                        problem_of_length(length),
                    )
                },
            ),
        )
        .route(
            "/unsized",
            get(|| async {
                let problem = r#"{"type":"about:blank","title":"Not Found","status":404}"#;
                let body = Body::new(Unsized(Some(problem.into())));
                (
                    StatusCode::NOT_FOUND,
                    [("content-type", "application/problem+json")],
                    body,
                )
            }),
        )
}

/// A 404 problem document of exactly `length` bytes (its `detail` pads it).
fn problem_of_length(length: usize) -> String {
    let head = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":""#;
    let tail = r#""}"#;
    format!(
        "{head}{}{tail}",
        "x".repeat(length - head.len() - tail.len())
    )
}

/// A body that does not say its length: the layer cannot know it is small, and leaves it.
struct Unsized(Option<status_core::Bytes>);

impl http_body::Body for Unsized {
    type Data = status_core::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<status_core::Bytes>, Self::Error>>> {
        std::task::Poll::Ready(self.0.take().map(|bytes| Ok(http_body::Frame::data(bytes))))
    }
}

fn app() -> Router {
    routes().layer(ResponseContext::new())
}

async fn send(
    app: Router,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, HeaderMap, String) {
    let mut request = Request::builder().uri(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

const CHROMIUM: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

#[tokio::test]
async fn a_browser_gets_the_page_and_an_api_client_the_problem() {
    let (status, headers, body) = send(app(), "/books/7", &[("accept", CHROMIUM)]).await;
    assert_eq!(status, 404);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert_eq!(headers["vary"], "accept");
    assert_eq!(headers["content-length"], body.len().to_string());
    assert!(body.contains("<title>404 Not Found</title>"), "{body}");
    assert!(body.contains("<p>book 7 does not exist</p>"), "{body}");

    let expected = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"book 7 does not exist"}"#;
    for accept in [
        None,
        Some("*/*"),
        Some("application/problem+json"),
        Some("application/json"),
    ] {
        let headers: Vec<(&str, &str)> = accept.map(|a| ("accept", a)).into_iter().collect();
        let (status, response_headers, body) = send(app(), "/books/7", &headers).await;
        assert_eq!(
            (status.as_u16(), body.as_str()),
            (404, expected),
            "{accept:?}"
        );
        assert_eq!(
            response_headers,
            header_map(&[
                ("content-type", "application/problem+json"),
                ("content-length", &expected.len().to_string()),
                ("vary", "accept"),
            ])
        );
    }
}

#[tokio::test]
async fn the_request_id_is_the_instance_in_every_format() {
    let id = [("x-request-id", "0c9f4a12-7d3e-4b51-9a2f-5e8b1c6d7a90")];
    let (_, _, body) = send(app(), "/books/7", &id).await;
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"book 7 does not exist","instance":"0c9f4a12-7d3e-4b51-9a2f-5e8b1c6d7a90"}"#
    );
    let (_, _, page) = send(app(), "/books/7", &[id[0], ("accept", "text/html")]).await;
    assert!(
        page.contains("<dd>0c9f4a12-7d3e-4b51-9a2f-5e8b1c6d7a90</dd>"),
        "{page}"
    );
}

#[tokio::test]
async fn a_type_s_own_format_comes_first_and_the_others_are_on_offer() {
    let (status, headers, body) = send(app(), "/room", &[]).await;
    assert_eq!(status, 503);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert_eq!(headers["retry-after"], "600");
    assert!(
        body.contains("<title>503 Service Unavailable</title>"),
        "{body}"
    );
    let (_, headers, body) = send(app(), "/room", &[("accept", "application/problem+json")]).await;
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(headers["retry-after"], "600");
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"the reading room is closed"}"#
    );
}

#[tokio::test]
async fn what_is_not_a_problem_passes_through_untouched() {
    for (path, status, expected_headers) in [
        ("/saved", 204, header_map(&[])),
        ("/cached", 304, header_map(&[("etag", "\"v1\"")])),
        (
            "/hello",
            200,
            header_map(&[
                ("content-type", "text/plain; charset=utf-8"),
                ("content-length", "5"),
            ]),
        ),
    ] {
        let (got_status, headers, body) = send(
            app(),
            path,
            &[("accept", "text/html"), ("x-request-id", "r1")],
        )
        .await;
        let (plain_status, plain_headers, plain_body) = send(routes(), path, &[]).await;
        assert_eq!(
            (got_status.as_u16(), &headers, &body),
            (status, &expected_headers, &plain_body),
            "{path}"
        );
        assert_eq!(
            (plain_status, plain_headers),
            (got_status, headers),
            "{path}"
        );
    }
    // A problem of unknown length is left as it is: no format change, no Vary.
    let (status, headers, body) = send(
        app(),
        "/unsized",
        &[("accept", "text/html"), ("x-request-id", "r1")],
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(headers.get("vary"), None);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Not Found","status":404}"#
    );
    // Asked for in the format it is in, it is not read at all, and varies with `Accept`.
    let (_, headers, same_body) = send(
        app(),
        "/unsized",
        &[("accept", "application/problem+json, text/html;q=0.5")],
    )
    .await;
    assert_eq!(headers["vary"], "accept");
    assert_eq!(same_body, body);
}

#[tokio::test]
async fn a_server_error_is_logged_once_with_the_request_s_method_path_and_id() {
    let request = send(app(), "/broken?token=secret", &[("x-request-id", "req-42")]);
    let (logs, (status, _, body)) = log_capture::capture(request).await;
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"req-42"}"#
    );
    let errors: Vec<&String> = logs.iter().filter(|line| line.contains("ERROR")).collect();
    assert_eq!(errors.len(), 1, "{logs:?}");
    let line = errors[0];
    for expected in [
        "method=GET",
        "path=/broken",
        "request_id=req-42",
        "disk /dev/sda1 is full",
    ] {
        assert!(line.contains(expected), "{expected} not in {line}");
    }
    assert!(!line.contains("secret"), "{line}");
}

/// The layer reads a problem to write it anew only up to a size: one longer passes as it is,
/// in its own format, without `Vary`.
#[tokio::test]
async fn a_problem_is_rewritten_up_to_its_size_limit() {
    const LIMIT: usize = 1 << 20;
    let html = [("accept", "text/html")];
    let (status, headers, body) = send(app(), &format!("/sized/{LIMIT}"), &html).await;
    assert_eq!(status, 404);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert!(body.starts_with("<!DOCTYPE html>"));
    let (status, headers, body) = send(app(), &format!("/sized/{}", LIMIT + 1), &html).await;
    assert_eq!(status, 404);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(headers.get("vary"), None);
    assert_eq!(body, problem_of_length(LIMIT + 1));
}

/// Back-pressure reaches through the layer: it is ready when the service it wraps is.
#[tokio::test]
async fn the_layer_is_ready_only_when_the_service_it_wraps_is() {
    use std::task::{Context, Poll};
    use tower::Layer;

    struct Overloaded;

    impl tower::Service<Request<Body>> for Overloaded {
        type Response = http::Response<Body>;
        type Error = &'static str;
        type Future = std::future::Ready<Result<Self::Response, Self::Error>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
            Poll::Ready(Err("overloaded"))
        }

        fn call(&mut self, _: Request<Body>) -> Self::Future {
            std::future::ready(Err("called while not ready"))
        }
    }

    let mut service = ResponseContext::new().layer(Overloaded);
    assert_eq!(service.ready().await.err(), Some("overloaded"));
}

/// The layer's body says where it ends: a problem written anew is one frame of the length it
/// announced, and then the end.
#[tokio::test]
async fn a_rewritten_problem_is_one_frame_then_the_end() {
    use http_body::Body as _;

    let request = Request::builder()
        .uri("/books/7")
        .header("accept", "text/html")
        .body(Body::empty())
        .unwrap();
    let mut body = app().oneshot(request).await.unwrap().into_body();
    assert!(!body.is_end_stream());
    let length = body.size_hint().exact().unwrap();
    let frame = body.frame().await.unwrap().unwrap().into_data().unwrap();
    assert_eq!(frame.len() as u64, length);
    assert!(frame.starts_with(b"<!DOCTYPE html>"));
    assert!(body.is_end_stream());
    assert!(body.frame().await.is_none());
}
