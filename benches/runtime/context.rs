//! 5. `context`: a 4xx problem through `ResponseContext`'s layer on an axum router, against a
//!    hand-written axum middleware (`axum::middleware::from_fn`) that does the same: the request's
//!    `x-request-id` as the `instance`, and the same HTML page when `Accept` prefers `text/html`;
//!    `Vary: Accept` on both. Each iteration sends two requests: an API client's and a browser's.
//!
//! "The same" is held to what a correct middleware must do, not to what a quick one does: it
//! weighs `Accept` by its q-values (`text/html;q=0` is a refusal; `application/json,
//! text/html;q=0.5` prefers the JSON), and it never writes a second `instance` into a problem that
//! has one. Its shortcuts stay: two candidates only, no media type parameters, no `Vary` merging.

use std::fmt::Write as _;
use std::hint::black_box;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use criterion::Criterion;
use http::HeaderValue;
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use http_body_util::BodyExt;
use serde::Deserialize;
use status_core::ResponseContext;
use tower::ServiceExt;

use super::{HandNotFound, OrderError, pair};

/// What a hand-written middleware reads of a problem to write its page.
#[derive(Deserialize)]
struct ProblemFields {
    title: String,
    status: u16,
    detail: Option<String>,
    instance: Option<String>,
}

/// Whether `accept` prefers HTML to the problem: the weight of the most specific range that
/// names each (`text/html`, `text/*`, `*/*`; `application/problem+json`, `application/json`,
/// `application/*`, `*/*`), HTML only when strictly heavier.
fn prefers_html(accept: &str) -> bool {
    let (mut html, mut json) = ((0, 0.0), (0, 1.0));
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let html_rank = match media {
            "text/html" => 3,
            "text/*" => 2,
            "*/*" => 1,
            _ => 0,
        };
        let json_rank = match media {
            "application/problem+json" => 4,
            "application/json" => 3,
            "application/*" => 2,
            "*/*" => 1,
            _ => 0,
        };
        if html_rank > html.0 {
            html = (html_rank, q);
        }
        if json_rank > json.0 {
            json = (json_rank, q);
        }
    }
    // No range names the problem: it is still what the client gets unless HTML is acceptable.
    if json.0 == 0 {
        json.1 = 0.0;
    }
    html.1 > json.1
}

/// HTML-escaped text.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The page `status_core::format::HtmlPage` writes, written by hand.
fn page(problem: &ProblemFields, instance: Option<&str>) -> String {
    let mut heading = String::new();
    escape(
        &format!("{} {}", problem.status, problem.title),
        &mut heading,
    );
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{heading}</title>\n<style>body{{font-family:system-ui,sans-serif;margin:0;padding:2rem;line-height:1.5;color-scheme:light dark}}\
         main{{max-width:40rem;margin:auto}}h1{{font-size:1.5rem}}dt{{font-weight:bold}}dd{{margin:0 0 .5rem}}</style>\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n"
    );
    if let Some(detail) = &problem.detail {
        page.push_str("<p>");
        escape(detail, &mut page);
        page.push_str("</p>\n");
    }
    if let Some(instance) = instance {
        page.push_str("<dl>\n<dt>Reference</dt><dd>");
        escape(instance, &mut page);
        page.push_str("</dd>\n</dl>\n");
    }
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

/// The hand-written middleware: what a service writes without the library's layer.
async fn hand_context(request: Request, next: Next) -> Response {
    let wants_html = request
        .headers()
        .get(ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(prefers_html);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|id| id.to_str().ok())
        .filter(|id| id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .map(str::to_owned);
    let response = next.run(request).await;
    let is_problem = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|t| t == "application/problem+json");
    if !is_problem {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = body.collect().await.map(|b| b.to_bytes()) else {
        return Response::from_parts(parts, Body::empty());
    };
    parts
        .headers
        .append(VARY, HeaderValue::from_static("accept"));
    parts.headers.remove(CONTENT_LENGTH);
    let Ok(problem) = serde_json::from_slice::<ProblemFields>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let instance = problem.instance.as_deref().or(request_id.as_deref());
    let body = if wants_html {
        parts.headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        page(&problem, instance).into_bytes()
    } else {
        let mut json = bytes.to_vec();
        if let (Some(id), None) = (&request_id, &problem.instance) {
            json.pop();
            let _ = write!(StringSink(&mut json), ",\"instance\":\"{id}\"}}");
        }
        json
    };
    Response::from_parts(parts, Body::from(body))
}

/// `fmt::Write` into a byte vector.
struct StringSink<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for StringSink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// The requests of one iteration: an API client's and a browser's, each with a request id.
fn requests() -> [Request; 2] {
    let api = Request::get("/order/7")
        .header("x-request-id", "0c9f4a12-7d3e-4b51-9a2f-5e8b1c6d7a90")
        .body(Body::empty());
    let browser = Request::get("/order/7")
        .header(
            ACCEPT,
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        )
        .header("x-request-id", "0c9f4a12-7d3e-4b51-9a2f-5e8b1c6d7a90")
        .body(Body::empty());
    [api.unwrap_or_default(), browser.unwrap_or_default()]
}

/// Status, header fields and body of each answer to [`requests`].
async fn answers(router: &Router) -> Vec<(u16, http::HeaderMap, Vec<u8>)> {
    let mut answers = Vec::new();
    for request in requests() {
        let Ok(response) = router.clone().oneshot(request).await;
        let (parts, body) = response.into_parts();
        let bytes = body
            .collect()
            .await
            .map(|b| b.to_bytes().to_vec())
            .unwrap_or_default();
        answers.push((parts.status.as_u16(), parts.headers, bytes));
    }
    answers
}

pub fn context(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let derived: Router = Router::new()
        .route(
            "/order/7",
            get(|| async { Err::<String, _>(OrderError::NotFound { id: 7 }) }),
        )
        .layer(ResponseContext::new());
    let hand: Router = Router::new()
        .route(
            "/order/7",
            get(|| async { Err::<String, _>(HandNotFound(7)) }),
        )
        .layer(middleware::from_fn(hand_context));
    let (derived_answers, hand_answers) =
        runtime.block_on(async { (answers(&derived).await, answers(&hand).await) });
    assert_eq!(
        derived_answers, hand_answers,
        "both sides send the same bytes"
    );
    for (accept, html) in [
        ("text/html", true),
        ("text/html;q=0, */*", false),
        ("application/json, text/html;q=0.5", false),
        ("text/*;q=0.9, application/problem+json;q=0.8", true),
        ("image/png", false),
    ] {
        assert_eq!(prefers_html(accept), html, "{accept}");
    }
    pair(
        c,
        "context",
        || runtime.block_on(answers(black_box(&derived))),
        || runtime.block_on(answers(black_box(&hand))),
    );
}
