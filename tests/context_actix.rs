//! `ResponseContext` as an actix-web middleware: the format `Accept` prefers, `Vary`, `instance`
//! from `x-request-id`, the request in the 5xx log line; responses without content, actix-web's
//! own errors and everything else pass through untouched.

use actix_web::body::{BodySize, MessageBody};
use actix_web::http::StatusCode;
use actix_web::{App, HttpResponse, test, web};
use status_core::format::HtmlPage;
use status_core::{HttpStatus, ResponseContext};

mod common;
mod log_capture;
use common::field_pairs;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum BookError {
    #[error("book {0} does not exist")]
    #[status(404)]
    NotFound(u64),
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved,
    #[error("catalog storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
    #[error("the client went away")]
    #[status(499, reason = "Client Closed Request")]
    ClientClosed,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the reading room is closed")]
#[status(503, retry_after = 600, detail = display, format = HtmlPage)]
struct ReadingRoomClosed;

async fn missing() -> Result<HttpResponse, BookError> {
    Err(BookError::NotFound(7))
}
async fn saved() -> Result<HttpResponse, BookError> {
    Err(BookError::Saved)
}
async fn broken() -> Result<HttpResponse, BookError> {
    Err(BookError::Storage(std::io::Error::other(
        "disk /dev/sda1 is full",
    )))
}
async fn closed() -> Result<HttpResponse, BookError> {
    Err(BookError::ClientClosed)
}
async fn room() -> Result<HttpResponse, ReadingRoomClosed> {
    Err(ReadingRoomClosed)
}

type Answer =
    actix_web::dev::ServiceResponse<actix_web::body::EitherBody<actix_web::body::BoxBody>>;

async fn call(path: &str, headers: &[(&str, &str)]) -> Answer {
    let app = test::init_service(
        App::new()
            .wrap(ResponseContext::new())
            .route("/books/7", web::get().to(missing))
            .route("/saved", web::get().to(saved))
            .route("/broken", web::get().to(broken))
            .route("/closed", web::get().to(closed))
            .route("/room", web::get().to(room)),
    )
    .await;
    let mut request = test::TestRequest::get().uri(path);
    for (name, value) in headers {
        request = request.insert_header((*name, *value));
    }
    test::call_service(&app, request.to_request()).await
}

fn header(response: &Answer, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
}

#[actix_web::test]
async fn a_browser_gets_the_page_and_an_api_client_the_problem() {
    let response = call("/books/7", &[("accept", "text/html,*/*;q=0.8")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(header(&response, "vary").as_deref(), Some("accept"));
    let page = String::from_utf8(test::read_body(response).await.to_vec()).unwrap();
    assert!(page.contains("<title>404 Not Found</title>"), "{page}");

    let response = call("/books/7", &[("x-request-id", "req-7")]).await;
    let mut headers = field_pairs(response.headers());
    headers.sort();
    assert_eq!(
        headers,
        [
            (
                "content-type".to_owned(),
                "application/problem+json".to_owned()
            ),
            ("vary".to_owned(), "accept".to_owned()),
        ]
    );
    assert_eq!(
        test::read_body(response).await,
        &br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"book 7 does not exist","instance":"req-7"}"#[..]
    );
}

#[actix_web::test]
async fn a_type_s_own_format_comes_first_and_keeps_its_headers() {
    let response = call("/room", &[]).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(header(&response, "retry-after").as_deref(), Some("600"));
    let response = call("/room", &[("accept", "application/problem+json")]).await;
    assert_eq!(header(&response, "retry-after").as_deref(), Some("600"));
    assert_eq!(
        test::read_body(response).await,
        &br#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"the reading room is closed"}"#[..]
    );
}

#[actix_web::test]
async fn what_is_not_a_problem_passes_through_untouched() {
    let response = call("/saved", &[("accept", "text/html"), ("x-request-id", "r1")]).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.response().body().size(), BodySize::None);
    assert!(field_pairs(response.headers()).is_empty());
    // actix-web's own 404 for a path without a route is not a derived type's: left as it is.
    let response = call("/nowhere", &[("accept", "text/html")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&response, "vary"), None);
    // The reason phrase of an unregistered code survives the rewrite.
    let response = call("/closed", &[("accept", "text/html")]).await;
    assert_eq!(response.status().as_u16(), 499);
    assert_eq!(response.response().head().reason(), "Client Closed Request");
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
}

#[actix_web::test]
async fn a_server_error_is_logged_once_with_the_request_s_method_path_and_id() {
    let request = call("/broken?token=secret", &[("x-request-id", "req-42")]);
    let (logs, response) = log_capture::capture(request).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        test::read_body(response).await,
        &br#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"req-42"}"#[..]
    );
    let errors: Vec<&String> = logs.iter().filter(|line| line.contains("ERROR")).collect();
    assert_eq!(errors.len(), 1, "{logs:?}");
    for expected in [
        "method=GET",
        "path=/broken",
        "request_id=req-42",
        "disk /dev/sda1 is full",
    ] {
        assert!(
            errors[0].contains(expected),
            "{expected} not in {}",
            errors[0]
        );
    }
    assert!(!errors[0].contains("secret"), "{}", errors[0]);
}

#[actix_web::test]
async fn what_middlewares_inside_it_add_stays() {
    let app = test::init_service(
        App::new()
            .wrap(actix_web::middleware::DefaultHeaders::new().add(("x-inner", "kept")))
            .wrap(ResponseContext::new())
            .route("/books/7", web::get().to(missing))
            .route("/saved", web::get().to(saved)),
    )
    .await;
    for (path, accept) in [
        ("/books/7", "text/html"),
        ("/books/7", "*/*"),
        ("/saved", "text/html"),
    ] {
        let request = test::TestRequest::get()
            .uri(path)
            .insert_header(("accept", accept))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(
            response
                .headers()
                .get("x-inner")
                .map(|v| v.to_str().unwrap()),
            Some("kept"),
            "{path} {accept}"
        );
    }
}

/// `Vary: Accept` goes on a problem once, and only where `Accept` chose its format.
#[actix_web::test]
async fn vary_is_added_once_and_only_where_there_was_a_choice() {
    let varies = |response: &Answer| -> Vec<String> {
        response
            .headers()
            .get_all("vary")
            .map(|value| value.to_str().unwrap().to_owned())
            .collect()
    };
    let request = || {
        test::TestRequest::get()
            .uri("/books/7")
            .insert_header(("accept", "text/html"))
            .to_request()
    };
    // Already listed by a middleware inside it: not again.
    let listed = test::init_service(
        App::new()
            .wrap(actix_web::middleware::DefaultHeaders::new().add(("vary", "accept")))
            .wrap(ResponseContext::new())
            .route("/books/7", web::get().to(missing)),
    )
    .await;
    let response = test::call_service(&listed, request()).await;
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(varies(&response), ["accept"]);
    // Nothing on offer but the type's own format: no choice, no Vary.
    let alone = test::init_service(
        App::new()
            .wrap(ResponseContext::new().offer_none())
            .route("/books/7", web::get().to(missing)),
    )
    .await;
    let response = test::call_service(&alone, request()).await;
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(varies(&response), Vec::<String>::new());
}
