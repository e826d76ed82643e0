//! The axum integration: a handler returns `Result<T, DerivedError>` and axum sends the
//! contract's response, with no body on HEAD, 204 or 304, and no `Content-Length` on 204.

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use http::{Method, Request, Response, StatusCode};
use http_body_util::BodyExt;
use status_core::HttpStatus;
use tower::ServiceExt;

mod common;
mod log_capture;
use common::header_map;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum OrderError {
    #[error("order {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved,
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: &'static str,
    },
    #[error("order placed")]
    #[status(303, location = "/order-result/{0}")]
    Placed(u64),
    #[error("storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
}

fn app() -> Router {
    Router::new()
        .route(
            "/missing",
            get(|| async { Err::<String, _>(OrderError::NotFound(7)) }),
        )
        .route(
            "/saved",
            get(|| async { Err::<String, _>(OrderError::Saved) }),
        )
        .route(
            "/cached",
            get(|| async { Err::<String, _>(OrderError::NotModified { etag: "\"v1\"" }) }),
        )
        .route(
            "/placed",
            get(|| async { Err::<String, _>(OrderError::Placed(7)) }),
        )
        .route(
            "/broken",
            get(|| async {
                let cause = std::io::Error::other("disk /dev/sda1 is full");
                Err::<String, _>(OrderError::Storage(cause))
            }),
        )
        .route(
            "/fallback",
            get(|| async { status_core::fallback_response() }),
        )
}

async fn send(method: Method, path: &str) -> (Response<Body>, Vec<u8>) {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .body(Body::empty())
        .unwrap();
    let response = app().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes().to_vec();
    (Response::from_parts(parts, Body::empty()), bytes)
}

#[tokio::test]
async fn a_handler_error_is_the_contract_s_response() {
    let (response, body) = send(Method::GET, "/missing").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let expected = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 7 does not exist"}"#;
    assert_eq!(body, expected);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("content-type", "application/problem+json"),
            ("content-length", &expected.len().to_string()),
        ])
    );
}

#[tokio::test]
async fn head_keeps_the_headers_and_drops_the_body() {
    let (get, _) = send(Method::GET, "/missing").await;
    let (head, body) = send(Method::HEAD, "/missing").await;
    assert_eq!(head.status(), StatusCode::NOT_FOUND);
    assert_eq!(head.headers(), get.headers());
    assert!(body.is_empty());
}

#[tokio::test]
async fn no_content_has_no_body_and_no_content_length() {
    let (response, body) = send(Method::GET, "/saved").await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(body.is_empty());
    assert_eq!(response.headers(), &header_map(&[]));

    let (response, body) = send(Method::GET, "/cached").await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(response.headers(), &header_map(&[("etag", "\"v1\"")]));

    // The body says it has ended before it is polled, so a server sends nothing after the head.
    let response = axum::response::IntoResponse::into_response(OrderError::Saved);
    assert!(http_body::Body::is_end_stream(response.body()));
    assert_eq!(http_body::Body::size_hint(response.body()).exact(), None);
}

#[tokio::test]
async fn a_redirect_has_its_location_and_no_body() {
    let (response, body) = send(Method::GET, "/placed").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(body.is_empty());
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7"), ("content-length", "0")])
    );
}

#[tokio::test]
async fn a_server_error_is_logged_once_with_its_sources_and_never_shown() {
    let (logs, (response, body)) = log_capture::capture(send(Method::GET, "/broken")).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body,
        br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
    let errors: Vec<&String> = logs.iter().filter(|line| line.contains("ERROR")).collect();
    assert_eq!(errors.len(), 1, "{logs:?}");
    assert!(errors[0].contains("storage failed"), "{logs:?}");
    assert!(errors[0].contains("disk /dev/sda1 is full"), "{logs:?}");
}

#[tokio::test]
async fn the_fallback_is_a_response_as_it_is() {
    let (response, body) = send(Method::GET, "/fallback").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(body, status_core::fallback_response().body().as_ref());
}

#[tokio::test]
async fn a_client_error_is_logged_at_debug() {
    let (logs, _) = log_capture::capture(send(Method::GET, "/missing")).await;
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert!(logs[0].contains("DEBUG"), "{logs:?}");
    assert!(logs[0].contains("order 7 does not exist"), "{logs:?}");
}
