//! The shop's OpenAPI document (`GET /openapi.json`): built by aide from the handlers' types,
//! valid OpenAPI 3.1 with valid JSON Schemas, complete (aide reported nothing it could not
//! document), and the wire check every end-to-end test runs the shop under
//! (`tests/e2e/wire_check.rs`) catches each kind of undocumented response.

mod common;
mod e2e;

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use e2e::RunningServer;
use e2e::app;
use e2e::wire_check::WireCheck;
use serde_json::{Value, json};

fn document() -> std::sync::Arc<Value> {
    let api = app::api(app::Shop::new());
    assert_eq!(api.problems, Vec::<String>::new());
    api.document
}

#[test]
fn the_document_validates_and_covers_every_route() {
    let document = document();
    let report = common::validate_openapi(&document);
    assert!(report.starts_with("valid: the document"), "{report}");
    let paths: Vec<&String> = document["paths"].as_object().unwrap().keys().collect();
    assert_eq!(paths.len(), 29, "{paths:?}");
    assert!(paths.iter().any(|path| *path == "/openapi.json"));
}

/// The entry the closing note quotes: every status of `OrderLookupError`, the concealed 403 only as
/// the 404 it answers, the 503 of the maintenance layer, each problem in every format the
/// response context negotiates.
#[test]
fn get_api_v2_orders_id_documents_what_the_order_api_answers() {
    let document = document();
    let operation = &document["paths"]["/api/v2/orders/{id}"]["get"];
    let responses = operation["responses"].as_object().unwrap();
    let statuses: Vec<&String> = responses.keys().collect();
    // Not the 400 and 415 of a malformed order, which only the POST sends, nor the 500 its
    // members from fields could fall back to; those are the POST's.
    assert_eq!(statuses, ["200", "401", "404", "503"]);
    let post = &document["paths"]["/api/v2/orders"]["post"]["responses"];
    let post: Vec<&String> = post.as_object().unwrap().keys().collect();
    assert_eq!(post, ["201", "400", "401", "415", "500", "503"]);
    let text = operation.to_string();
    assert!(!text.contains("NotYours") && !text.contains("403") && !text.contains("Forbidden"));
    let not_found = &responses["404"];
    assert_eq!(not_found["description"], "No such order.");
    assert_eq!(
        not_found["content"]["application/problem+json"]["schema"]["required"],
        json!(["type", "title", "status"])
    );
    assert_eq!(
        responses["401"]["headers"]["www-authenticate"]["required"],
        true
    );
    assert_eq!(responses["503"]["headers"]["retry-after"]["required"], true);
    let media: Vec<&String> = not_found["content"].as_object().unwrap().keys().collect();
    assert_eq!(
        media,
        ["application/problem+json", "text/html; charset=utf-8"]
    );
    let partner = &document["paths"]["/api/partner/orders/{id}"]["get"]["responses"]["404"];
    assert_eq!(
        partner["content"]["application/json"]["schema"]["properties"]["error"]["properties"]["code"],
        json!({ "type": "integer", "enum": [404] })
    );
}

fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    pairs
        .iter()
        .map(|(name, value)| {
            (
                axum::http::HeaderName::from_static(name),
                HeaderValue::from_static(value),
            )
        })
        .collect()
}

/// A request, the answer's status, head and body, and what the check must say about it.
type Case = (
    Method,
    &'static str,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
    &'static str,
);

const PROBLEM: (&str, &str) = ("content-type", "application/problem+json");
const CHALLENGE: (&str, &str) = ("www-authenticate", r#"Bearer realm="shop""#);

#[test]
fn the_wire_check_catches_each_kind_of_undocumented_response() {
    let wire = WireCheck::new(document());
    let verify = |method: Method,
                  path: &str,
                  status: u16,
                  head: &[(&'static str, &'static str)],
                  body: &str| {
        let status = StatusCode::from_u16(status).unwrap();
        wire.verify(&method, path, status, &headers(head), body.as_bytes())
    };
    let unauthorized =
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"sign in"}"#;
    // What the shop sends: documented.
    verify(
        Method::GET,
        "/api/v2/orders/7",
        401,
        &[PROBLEM, CHALLENGE],
        unauthorized,
    )
    .expect("documented");
    verify(
        Method::HEAD,
        "/api/catalog",
        304,
        &[("cache-control", "no-cache"), ("etag", "\"x\"")],
        "",
    )
    .expect("documented");

    let cases: [Case; 7] = [
        (
            Method::GET,
            "/api/v2/orders/7",
            418,
            &[PROBLEM],
            "{}",
            "418 is not documented",
        ),
        (
            Method::GET,
            "/api/v2/orders/7",
            401,
            &[PROBLEM],
            unauthorized,
            "required header www-authenticate",
        ),
        (
            Method::GET,
            "/api/v2/orders/7",
            401,
            &[PROBLEM, CHALLENGE],
            r#"{"type":"about:blank","title":"Unauthorized","status":403,"detail":"x"}"#,
            "401 body",
        ),
        (
            Method::GET,
            "/api/v2/orders/7",
            401,
            &[("content-type", "text/plain"), CHALLENGE],
            "x",
            "text/plain is not a documented media type",
        ),
        (
            Method::DELETE,
            "/api/catalog",
            405,
            &[PROBLEM, ("allow", "GET, HEAD, DELETE")],
            "{}",
            "Allow",
        ),
        (Method::DELETE, "/api/catalog", 200, &[], "", "not 405"),
        (
            Method::GET,
            "/no/such/page",
            200,
            &[],
            "",
            "not the fallback 404",
        ),
    ];
    for (method, path, status, head, body, why) in cases {
        let verdict = verify(method.clone(), path, status, head, body);
        assert!(
            verdict.as_ref().is_err_and(|error| error.contains(why)),
            "{method} {path} {status}: {verdict:?}"
        );
    }
}

/// The check runs on every response of a running shop.
#[tokio::test]
async fn every_response_of_the_running_shop_is_checked() {
    let (server, _shop) = RunningServer::shop();
    let client = reqwest::Client::new();
    for path in [
        "/",
        "/api/catalog",
        "/api/v2/orders/1",
        "/nowhere",
        "/openapi.json",
    ] {
        client
            .get(server.url(path))
            .send()
            .await
            .expect("an answer");
    }
    client
        .delete(server.url("/api/catalog"))
        .send()
        .await
        .expect("an answer");
    let served: Value = client
        .get(server.url("/openapi.json"))
        .send()
        .await
        .expect("an answer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(served, *document());
    assert_eq!(server.responses_checked(), 7);
}
