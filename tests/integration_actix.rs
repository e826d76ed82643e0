//! The actix-web integration: a handler returns `Result<T, DerivedError>` and actix-web sends
//! the contract's response, carried over from `http` 1.x without loss: status, every header,
//! the reason phrase of an unregistered code, the body.

use actix_web::body::{BodySize, MessageBody};
use actix_web::http::{Method, StatusCode};
use actix_web::{App, HttpResponse, test, web};
use status_core::HttpStatus;

mod common;
mod log_capture;

use common::field_pairs;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum OrderError {
    #[error("order {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("sign in")]
    #[status(
        401,
        www_authenticate = r#"Bearer realm="shop""#,
        headers(CACHE_CONTROL = "no-store", VARY = "authorization")
    )]
    SignIn,
    #[error("the client went away")]
    #[status(499, reason = "Client Closed Request")]
    ClientClosed,
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved,
    #[error("storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
}

/// A type without `Display` or `Debug`: actix-web's `ResponseError` could not take it, the
/// integration's conversion can.
#[derive(HttpStatus)]
#[status(304)]
struct NotModified {
    #[header(ETAG)]
    etag: &'static str,
}

async fn missing() -> Result<HttpResponse, OrderError> {
    Err(OrderError::NotFound(7))
}
async fn sign_in() -> Result<HttpResponse, OrderError> {
    Err(OrderError::SignIn)
}
async fn closed() -> Result<HttpResponse, OrderError> {
    Err(OrderError::ClientClosed)
}
async fn saved() -> Result<HttpResponse, OrderError> {
    Err(OrderError::Saved)
}
async fn broken() -> Result<HttpResponse, OrderError> {
    Err(OrderError::Storage(std::io::Error::other(
        "disk /dev/sda1 is full",
    )))
}
async fn fallback() -> status_core::FallbackResponse {
    status_core::fallback_response()
}
async fn cached() -> Result<HttpResponse, NotModified> {
    Err(NotModified { etag: "\"v1\"" })
}

async fn call(method: Method, path: &str) -> actix_web::dev::ServiceResponse {
    let app = test::init_service(
        App::new()
            .route("/missing", web::route().to(missing))
            .route("/sign-in", web::get().to(sign_in))
            .route("/closed", web::get().to(closed))
            .route("/saved", web::get().to(saved))
            .route("/broken", web::get().to(broken))
            .route("/cached", web::get().to(cached))
            .route("/fallback", web::get().to(fallback)),
    )
    .await;
    let request = test::TestRequest::default()
        .method(method)
        .uri(path)
        .to_request();
    test::call_service(&app, request).await
}

fn header_list(response: &actix_web::dev::ServiceResponse) -> Vec<(String, String)> {
    field_pairs(response.headers())
}

#[actix_web::test]
async fn the_fallback_is_a_response_as_it_is() {
    let response = call(Method::GET, "/fallback").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        header_list(&response),
        [(
            "content-type".to_owned(),
            "application/problem+json".to_owned()
        )]
    );
    assert_eq!(
        test::read_body(response).await.as_ref(),
        status_core::fallback_response().body().as_ref()
    );
}

#[actix_web::test]
async fn a_handler_error_is_the_contract_s_response() {
    let response = call(Method::GET, "/missing").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header_list(&response),
        [(
            "content-type".to_owned(),
            "application/problem+json".to_owned()
        )]
    );
    let body = test::read_body(response).await;
    assert_eq!(
        body,
        &br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 7 does not exist"}"#[..]
    );
}

#[actix_web::test]
async fn every_header_is_carried_over() {
    let response = call(Method::GET, "/sign-in").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let mut headers = header_list(&response);
    headers.sort();
    let expected = [
        ("cache-control", "no-store"),
        ("content-type", "application/problem+json"),
        ("vary", "authorization"),
        ("www-authenticate", r#"Bearer realm="shop""#),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(headers, expected);
}

#[actix_web::test]
async fn an_unregistered_code_keeps_its_reason_phrase() {
    let response = call(Method::GET, "/closed").await;
    assert_eq!(response.status().as_u16(), 499);
    assert_eq!(response.response().head().reason(), "Client Closed Request");
}

#[actix_web::test]
async fn no_content_has_no_body_at_all() {
    let response = call(Method::GET, "/saved").await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.response().body().size(), BodySize::None);
    assert!(header_list(&response).is_empty());

    let response = call(Method::GET, "/cached").await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(response.response().body().size(), BodySize::None);
    assert_eq!(
        header_list(&response),
        [("etag".to_owned(), "\"v1\"".to_owned())]
    );
}

#[actix_web::test]
async fn a_server_error_is_logged_once_with_its_sources_and_never_shown() {
    let (logs, response) = log_capture::capture(call(Method::GET, "/broken")).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = test::read_body(response).await;
    assert_eq!(
        body,
        &br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#[..]
    );
    let errors: Vec<&String> = logs.iter().filter(|line| line.contains("ERROR")).collect();
    assert_eq!(errors.len(), 1, "{logs:?}");
    assert!(errors[0].contains("disk /dev/sda1 is full"), "{logs:?}");
}

/// actix-web prints an error with `Display` (its logger, its `Debug`): the carrier shows the
/// status and its reason, never the error's own text, which may hold a 5xx's internals.
#[actix_web::test]
async fn the_carried_error_reads_as_its_status() {
    let text = |error: OrderError| actix_web::Error::from(error).to_string();
    let status = actix_web::Error::from(OrderError::ClientClosed)
        .as_response_error()
        .status_code();
    assert_eq!(status.as_u16(), 499);
    assert_eq!(text(OrderError::NotFound(7)), "404 Not Found");
    assert_eq!(text(OrderError::ClientClosed), "499 Client Closed Request");
    let cause = std::io::Error::other("disk /dev/sda1 is full");
    assert_eq!(
        text(OrderError::Storage(cause)),
        "500 Internal Server Error"
    );
    // Its `Debug` shows what goes on the wire: the status and the header fields.
    let cause = std::io::Error::other("disk /dev/sda1 is full");
    let error = actix_web::Error::from(OrderError::Storage(cause));
    let carried = error.as_error::<status_core::ActixResponse>().unwrap();
    let debug = format!("{carried:?}");
    assert!(
        debug.starts_with("ActixResponse { status: 500, headers: "),
        "{debug}"
    );
    assert!(debug.contains(r#""content-type""#), "{debug}");
    assert!(debug.contains("application/problem+json"), "{debug}");
    assert!(!debug.contains("sda1"), "{debug}");
}
