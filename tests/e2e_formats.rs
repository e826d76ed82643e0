//! End to end, the shop's errors in their request's context, with reqwest and the `curl`
//! binary: the HTML page for `Accept: text/html` with the same status, the problem for API
//! clients, `Vary: Accept`, the request's `x-request-id` as the `instance`, the concealed 403 as
//! the 404 it hides in every format, the partners' house format, and HEAD without content.

mod common;
mod e2e;

use common::{field_pairs, pairs};
use e2e::{CLIENT_TIMEOUT, RunningServer, curl_expecting};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Client, Method, StatusCode, redirect};

fn client() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .no_proxy()
        .timeout(CLIENT_TIMEOUT)
        .build()
        .expect("a reqwest client")
}

/// What Chromium sends when it loads a page.
const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

/// Status, header fields and body of `GET path` as bob, with `extra` header fields.
async fn get_as_bob(
    server: &RunningServer,
    method: Method,
    path: &str,
    extra: &[(&str, &str)],
) -> (StatusCode, Vec<(String, String)>, String) {
    let mut request = client()
        .request(method, server.url(path))
        .header(AUTHORIZATION, "Bearer bob");
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = field_pairs(response.headers());
    (status, headers, response.text().await.unwrap())
}

const NOT_FOUND: &str = r#"{"type":"about:blank","title":"Not Found","status":404}"#;

#[tokio::test]
async fn an_api_error_is_a_page_for_a_browser_and_a_problem_for_a_client() {
    let (server, _shop) = RunningServer::shop();
    let (status, headers, page) = get_as_bob(
        &server,
        Method::GET,
        "/api/v2/orders/999",
        &[("accept", BROWSER)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        headers,
        pairs(&[
            ("content-type", "text/html; charset=utf-8"),
            ("vary", "accept"),
            ("content-length", &page.len().to_string()),
        ])
    );
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("<title>404 Not Found</title>"), "{page}");

    for accept in [
        None,
        Some("application/problem+json"),
        Some("*/*"),
        Some("application/json"),
    ] {
        let extra: Vec<(&str, &str)> = accept.map(|a| ("accept", a)).into_iter().collect();
        let (status, headers, body) =
            get_as_bob(&server, Method::GET, "/api/v2/orders/999", &extra).await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::NOT_FOUND, NOT_FOUND),
            "{accept:?}"
        );
        assert_eq!(
            headers,
            pairs(&[
                ("content-type", "application/problem+json"),
                ("vary", "accept"),
                ("content-length", "55"),
            ])
        );
    }
}

#[tokio::test]
async fn someone_else_s_order_is_the_missing_one_in_every_format() {
    let (server, _shop) = RunningServer::shop();
    let created = client()
        .post(server.url("/api/v2/orders"))
        .header(AUTHORIZATION, "Bearer alice")
        .json(&serde_json::json!({"itemId": "mouse", "count": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    for extra in [
        vec![("accept", BROWSER)],
        vec![("accept", BROWSER), ("x-request-id", "r-1")],
        vec![("accept", "application/json"), ("x-request-id", "r-1")],
        vec![("accept", "application/problem+json")],
    ] {
        let alices = get_as_bob(&server, Method::GET, "/api/v2/orders/1", &extra).await;
        let missing = get_as_bob(&server, Method::GET, "/api/v2/orders/999", &extra).await;
        assert_eq!(alices.0, StatusCode::NOT_FOUND);
        assert_eq!(alices, missing, "{extra:?}");
    }
}

#[tokio::test]
async fn the_request_id_comes_back_as_the_instance() {
    let (server, _shop) = RunningServer::shop();
    let id = "0c9f4a12-7d3e-4b51-9a2f-5e8b1c6d7a90";
    let (_, _, body) = get_as_bob(
        &server,
        Method::GET,
        "/api/v2/orders/999",
        &[("x-request-id", id)],
    )
    .await;
    assert_eq!(
        body,
        format!(r#"{{"type":"about:blank","title":"Not Found","status":404,"instance":"{id}"}}"#)
    );
    let (_, _, page) = get_as_bob(
        &server,
        Method::GET,
        "/api/v2/orders/999",
        &[("x-request-id", id), ("accept", BROWSER)],
    )
    .await;
    assert!(
        page.contains(&format!("<dt>Reference</dt><dd>{id}</dd>")),
        "{page}"
    );
}

#[tokio::test]
async fn the_partner_route_answers_in_the_house_format() {
    let (server, _shop) = RunningServer::shop();
    let (status, headers, body) = get_as_bob(
        &server,
        Method::GET,
        "/api/partner/orders/999",
        &[("x-request-id", "p-9")],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        headers,
        pairs(&[
            ("content-type", "application/json"),
            ("vary", "accept"),
            ("content-length", &body.len().to_string()),
        ])
    );
    assert_eq!(
        body,
        r#"{"error":{"code":404,"message":"Not Found","reference":"p-9"}}"#
    );

    // A 401 keeps its challenge in the house format.
    let response = client()
        .get(server.url("/api/partner/orders/1"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer realm="shop""#
    );
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"error":{"code":401,"message":"the order API needs a bearer token: Authorization: Bearer <customer>"}}"#
    );

    // The RFC 9457 document and the page are still on offer.
    let (_, headers, body) = get_as_bob(
        &server,
        Method::GET,
        "/api/partner/orders/999",
        &[("accept", "application/problem+json")],
    )
    .await;
    assert_eq!(
        headers[0],
        ("content-type".into(), "application/problem+json".into())
    );
    assert_eq!(body, NOT_FOUND);
    let (_, headers, _) = get_as_bob(
        &server,
        Method::GET,
        "/api/partner/orders/999",
        &[("accept", BROWSER)],
    )
    .await;
    assert_eq!(
        headers[0],
        ("content-type".into(), "text/html; charset=utf-8".into())
    );
}

#[tokio::test]
async fn head_sends_the_page_s_header_fields_without_the_page() {
    let (server, _shop) = RunningServer::shop();
    let (get_status, get_headers, _) = get_as_bob(
        &server,
        Method::GET,
        "/api/v2/orders/999",
        &[("accept", BROWSER)],
    )
    .await;
    let (status, headers, body) = get_as_bob(
        &server,
        Method::HEAD,
        "/api/v2/orders/999",
        &[("accept", BROWSER)],
    )
    .await;
    assert_eq!((status, &headers), (get_status, &get_headers));
    assert!(body.is_empty());
}

#[tokio::test]
async fn what_is_not_a_problem_keeps_its_content_whatever_accept_says() {
    let (server, _shop) = RunningServer::shop();
    let response = client()
        .put(server.url("/api/drafts/lecture"))
        .header(ACCEPT, "text/html")
        .body("my draft")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.headers().get(CONTENT_TYPE).is_none());
    assert!(response.headers().get("vary").is_none());
    let catalog = client()
        .get(server.url("/api/catalog"))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(catalog.headers()[CONTENT_TYPE], "application/json");
}

#[test]
fn curl_gets_the_problem_and_with_accept_text_html_the_page() {
    let (server, _shop) = RunningServer::shop();
    let url = server.url("/api/v2/orders/999");
    let body = curl_expecting(0, &["-sS", "-H", "Authorization: Bearer bob", &url]);
    assert_eq!(body, NOT_FOUND);
    let page = curl_expecting(
        0,
        &[
            "-sS",
            "-H",
            "Authorization: Bearer bob",
            "-H",
            "Accept: text/html",
            &url,
        ],
    );
    assert!(page.contains("<title>404 Not Found</title>"), "{page}");
    let head = curl_expecting(
        0,
        &[
            "-sS",
            "-i",
            "-H",
            "Authorization: Bearer bob",
            "-H",
            "X-Request-Id: curl-1",
            &url,
        ],
    );
    assert!(head.starts_with("HTTP/1.1 404 Not Found\r\n"), "{head}");
    assert!(head.contains("\r\nvary: accept\r\n"), "{head}");
    assert!(
        head.ends_with(r#""status":404,"instance":"curl-1"}"#),
        "{head}"
    );
}
