//! actix-web's extractors through `status_core::extract::actix_web`: the same statuses and
//! problems as axum's (400 malformed, 413, 415 with `Accept-Post`/`Accept-Patch`, 422 wrong
//! shape), byte for byte; a request that reads passes through.

use actix_web::http::StatusCode;
use actix_web::{App, test as actix_test, web};
use serde::{Deserialize, Serialize};
use status_core::Rejection;
use status_core::extract::actix_web::{Form, Json, Path, Query};

#[derive(Debug, Deserialize, Serialize)]
struct Book {
    title: String,
    pages: u16,
}

#[derive(Debug, Deserialize)]
struct Page {
    page: u32,
}

async fn add(Json(book): Json<Book>) -> Json<Book> {
    Json(book)
}

async fn patch(Json(book): Json<Book>) -> String {
    book.title
}

async fn form(Form(book): Form<Book>) -> String {
    book.title
}

async fn by_id(Path(id): Path<u64>) -> String {
    id.to_string()
}

async fn list(Query(page): Query<Page>) -> String {
    page.page.to_string()
}

async fn send(
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: &str,
) -> (StatusCode, actix_web::http::header::HeaderMap, String) {
    let app = actix_test::init_service(
        App::new()
            .app_data(web::JsonConfig::default().limit(64))
            .route("/books", web::post().to(add))
            .route("/books", web::patch().to(patch))
            .route("/forms", web::post().to(form))
            .route("/books/{id}", web::get().to(by_id))
            .route("/list", web::get().to(list)),
    )
    .await;
    let mut request = actix_test::TestRequest::default()
        .method(method.parse().unwrap())
        .uri(uri)
        .set_payload(body.to_owned());
    if let Some(content_type) = content_type {
        request = request.insert_header(("content-type", content_type));
    }
    let response = actix_test::call_service(&app, request.to_request()).await;
    let (status, headers) = (response.status(), response.headers().clone());
    let body = actix_test::read_body(response).await;
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

const JSON: Option<&str> = Some("application/json");

#[actix_web::test]
async fn a_body_that_is_not_json_is_a_400_with_the_position() {
    let (status, headers, body) = send("POST", "/books", JSON, r#"{"title": "Dune",,}"#).await;
    assert_eq!(status, 400);
    assert_eq!(
        headers.get("content-type").unwrap(),
        "application/problem+json"
    );
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Json deserialize error: key must be a string at line 1 column 18"}"#
    );
}

#[actix_web::test]
async fn json_of_the_wrong_shape_is_a_422_naming_the_position() {
    let (status, _, body) = send("POST", "/books", JSON, r#"{"title": "Dune", "pages": -1}"#).await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Json deserialize error: invalid value: integer `-1`, expected u16 at line 1 column 29"}"#
    );
}

#[actix_web::test]
async fn the_wrong_content_type_is_a_415_that_names_the_type_for_the_method() {
    let (status, headers, body) = send("POST", "/books", Some("text/plain"), "{}").await;
    assert_eq!(status, 415);
    assert_eq!(headers.get("accept-post").unwrap(), "application/json");
    assert!(headers.get("accept-patch").is_none());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"Content type error"}"#
    );
    let (status, headers, _) = send("PATCH", "/books", Some("text/plain"), "{}").await;
    assert_eq!(status, 415);
    assert_eq!(headers.get("accept-patch").unwrap(), "application/json");
    let (status, headers, _) = send("POST", "/forms", JSON, "{}").await;
    assert_eq!(status, 415);
    assert_eq!(
        headers.get("accept-post").unwrap(),
        "application/x-www-form-urlencoded"
    );
}

#[actix_web::test]
async fn a_body_over_the_limit_is_a_413() {
    let long = format!(r#"{{"title": "{}", "pages": 1}}"#, "a".repeat(100));
    let (status, _, body) = send("POST", "/books", JSON, &long).await;
    assert_eq!(status, 413);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Content Too Large","status":413,"detail":"JSON payload (125 bytes) is larger than allowed (limit: 64 bytes)."}"#
    );
}

#[actix_web::test]
async fn a_form_of_the_wrong_shape_is_a_422() {
    let content_type = Some("application/x-www-form-urlencoded");
    let (status, _, body) = send("POST", "/forms", content_type, "title=Dune&pages=many").await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Parse error: invalid digit found in string."}"#
    );
}

#[actix_web::test]
async fn a_path_or_query_that_does_not_parse_is_a_400() {
    let (status, _, body) = send("GET", "/books/seven", None, "").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"can not parse \"seven\" to a u64"}"#
    );
    let (status, _, body) = send("GET", "/list?page=first", None, "").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Query deserialize error: invalid digit found in string"}"#
    );
}

#[actix_web::test]
async fn requests_that_read_pass_through() {
    let (status, headers, body) =
        send("POST", "/books", JSON, r#"{"title":"Dune","pages":412}"#).await;
    assert_eq!(status, 200);
    assert_eq!(headers.get("content-type").unwrap(), "application/json");
    assert_eq!(body, r#"{"title":"Dune","pages":412}"#);
    let (status, _, body) = send("GET", "/books/7", None, "").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "7"));
}

#[test]
fn actix_errors_convert_for_an_error_handler_of_yours() {
    let syntax = serde_json::from_str::<Book>("{").unwrap_err();
    let rejected = Rejection::from(actix_web::error::JsonPayloadError::Deserialize(syntax));
    assert_eq!(status_core::HttpStatus::status(&rejected), 400);
    let overflow = actix_web::error::UrlencodedError::Overflow { size: 9, limit: 1 };
    assert_eq!(
        status_core::HttpStatus::status(&Rejection::from(overflow)),
        413
    );
    let length = actix_web::error::UrlencodedError::UnknownLength;
    assert_eq!(
        status_core::HttpStatus::status(&Rejection::from(length)),
        411
    );
    let unreadable = || <serde::de::value::Error as serde::de::Error>::custom("not a number");
    let query = actix_web::error::QueryPayloadError::Deserialize(unreadable());
    assert_eq!(status_core::classify::actix_web_error(&query), 400);
    assert_eq!(
        status_core::HttpStatus::status(&Rejection::from(query)),
        400
    );
    let path = actix_web::error::PathError::Deserialize(unreadable());
    assert_eq!(status_core::classify::actix_web_error(&path), 400);
    let rejected = Rejection::from(path);
    assert_eq!(status_core::HttpStatus::status(&rejected), 400);
    assert_eq!(
        String::from_utf8(
            status_core::HttpStatus::to_response(&rejected)
                .into_body()
                .to_vec()
        )
        .unwrap(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Path deserialize error: not a number"}"#
    );
}
