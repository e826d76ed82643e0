//! axum's extractors through `status_core::extract::axum`: every way a request can fail to be
//! read answers a problem with the status that says which, byte for byte, in the format a
//! `ResponseContext` negotiates; a request that reads passes through.

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde::{Deserialize, Serialize};
use status_core::ResponseContext;
use status_core::extract::axum::{Form, Json, Path, Query};
use tower::ServiceExt;

#[derive(Debug, Deserialize, Serialize)]
struct Book {
    title: String,
    pages: u16,
}

#[derive(Debug, Deserialize)]
struct Page {
    page: u32,
}

fn routes() -> Router {
    Router::new()
        .route(
            "/books",
            post(|Json(book): Json<Book>| async move { Json(book) })
                .patch(|Json(book): Json<Book>| async move { book.title }),
        )
        .route(
            "/forms",
            post(|Form(book): Form<Book>| async move { book.title })
                .put(|Form(book): Form<Book>| async move { Form(book) }),
        )
        .route(
            "/books/{id}",
            get(|Path(id): Path<u64>| async move { id.to_string() }),
        )
        .route(
            "/maybe",
            post(|book: Option<Json<Book>>| async move {
                book.map_or_else(|| "no book".to_owned(), |Json(book)| book.title)
            }),
        )
        .route(
            "/shelves/{shelf}",
            get(|shelf: Option<Path<u32>>| async move {
                format!("{:?}", shelf.map(|Path(shelf)| shelf))
            }),
        )
        .route(
            "/list",
            get(|Query(page): Query<Page>| async move { page.page.to_string() }),
        )
        .layer(DefaultBodyLimit::max(64))
}

async fn send(
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: &str,
) -> (StatusCode, http::HeaderMap, String) {
    send_to(routes(), method, uri, content_type, body, None).await
}

async fn send_to(
    app: Router,
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: &str,
    accept: Option<&str>,
) -> (StatusCode, http::HeaderMap, String) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let response = app
        .oneshot(request.body(Body::from(body.to_owned())).unwrap())
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

const JSON: Option<&str> = Some("application/json");

#[tokio::test]
async fn a_body_that_is_not_json_is_a_400_with_the_position() {
    let (status, headers, body) = send("POST", "/books", JSON, r#"{"title": "Dune",,}"#).await;
    assert_eq!(status, 400);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Failed to parse the request body as JSON: key must be a string at line 1 column 18"}"#
    );
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_a_422_naming_the_field() {
    let (status, _, body) = send("POST", "/books", JSON, r#"{"title": "Dune", "pages": -1}"#).await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Failed to deserialize the JSON body into the target type: pages: invalid value: integer `-1`, expected u16 at line 1 column 29"}"#
    );
}

#[tokio::test]
async fn the_wrong_content_type_is_a_415_that_names_the_type_for_the_method() {
    let (status, headers, body) = send("POST", "/books", Some("text/plain"), "{}").await;
    assert_eq!(status, 415);
    assert_eq!(headers["accept-post"], "application/json");
    assert!(headers.get("accept-patch").is_none());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"Expected request with `Content-Type: application/json`"}"#
    );
    let (status, headers, _) = send("PATCH", "/books", None, "{}").await;
    assert_eq!(status, 415);
    assert_eq!(headers["accept-patch"], "application/json");
    assert!(headers.get("accept-post").is_none());
    let (status, headers, _) = send("POST", "/forms", JSON, "{}").await;
    assert_eq!(status, 415);
    assert_eq!(headers["accept-post"], "application/x-www-form-urlencoded");
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    let long = format!(r#"{{"title": "{}", "pages": 1}}"#, "a".repeat(100));
    let (status, _, body) = send("POST", "/books", JSON, &long).await;
    assert_eq!(status, 413);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Content Too Large","status":413,"detail":"Failed to buffer the request body: length limit exceeded"}"#
    );
}

#[tokio::test]
async fn a_form_of_the_wrong_shape_is_a_422() {
    let content_type = Some("application/x-www-form-urlencoded");
    let (status, _, body) = send("POST", "/forms", content_type, "title=Dune&pages=many").await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Failed to deserialize form body: pages: invalid digit found in string"}"#
    );
}

#[tokio::test]
async fn a_path_or_query_that_does_not_parse_is_a_400() {
    let (status, _, body) = send("GET", "/books/seven", None, "").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid URL: Cannot parse `seven` to a `u64`"}"#
    );
    let (status, _, body) = send("GET", "/list?page=first", None, "").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Failed to deserialize query string: page: invalid digit found in string"}"#
    );
}

#[tokio::test]
async fn requests_that_read_pass_through() {
    let (status, headers, body) =
        send("POST", "/books", JSON, r#"{"title":"Dune","pages":412}"#).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(body, r#"{"title":"Dune","pages":412}"#);
    let (status, _, body) = send("GET", "/books/7", None, "").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "7"));
    let form = Some("application/x-www-form-urlencoded");
    let (status, headers, body) = send("PUT", "/forms", form, "title=Dune&pages=412").await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/x-www-form-urlencoded");
    assert_eq!(body, "title=Dune&pages=412");
    let (status, _, body) = send("GET", "/list?page=2", None, "").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "2"));
    let (status, _, body) = send("GET", "/shelves/3", None, "").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "Some(3)"));
    let (status, headers, _) = send("GET", "/shelves/third", None, "").await;
    assert_eq!(
        status, 400,
        "an optional path that does not parse is still rejected"
    );
    assert_eq!(headers["content-type"], "application/problem+json");
}

#[tokio::test]
async fn an_optional_body_is_none_without_a_content_type_and_rejected_when_unreadable() {
    let (status, _, body) = send("POST", "/maybe", None, "").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "no book"));
    let (status, headers, _) = send("POST", "/maybe", JSON, "[").await;
    assert_eq!(status, 400);
    assert_eq!(headers["content-type"], "application/problem+json");
    let (status, _, body) = send("POST", "/maybe", JSON, r#"{"title":"Dune","pages":412}"#).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "Dune"));
}

#[tokio::test]
async fn a_rejection_answers_in_the_negotiated_format() {
    let app = routes().layer(ResponseContext::new());
    let (status, headers, body) =
        send_to(app, "POST", "/books", JSON, "[", Some("text/html")).await;
    assert_eq!(status, 400);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert!(body.contains("Bad Request"), "{body}");
}
