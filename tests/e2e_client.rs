//! End to end with an HTTP client nobody here wrote (reqwest, over HTTP/1.1): the example shop,
//! started on 127.0.0.1 with a port the OS picks, answers each scenario with the exact status,
//! the header fields that status needs, and the body it should have (an RFC 9457 problem for
//! errors, with `status` equal to the response's, and nothing of a 5xx's internals).
//!
//! Redirects are not followed, except where a test says so: most tests are about the redirect
//! itself.

mod common;
mod e2e;

use common::{field_pairs, pairs};

use std::time::{Duration, Instant};

use e2e::{CLIENT_TIMEOUT, RunningServer, app, logged, received};
use reqwest::header::{
    ACCEPT, ALLOW, AUTHORIZATION, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    LOCATION, RETRY_AFTER, WWW_AUTHENTICATE,
};
use reqwest::{Client, Method, Response, StatusCode, redirect};
use serde_json::{Value, json};
use status_core::ProblemDetails;

/// The fields of an HTML form, in order.
type FormFields<'a> = &'a [(&'a str, &'a str)];

/// A client that shows each redirect instead of following it.
fn client() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .no_proxy()
        .timeout(CLIENT_TIMEOUT)
        .build()
        .expect("a reqwest client")
}

/// A client that follows redirects, as a browser does.
fn following_client() -> Client {
    Client::builder()
        .redirect(redirect::Policy::limited(10))
        .no_proxy()
        .timeout(CLIENT_TIMEOUT)
        .build()
        .expect("a reqwest client")
}

fn header(response: &Response, name: impl reqwest::header::AsHeaderName) -> &str {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().expect("an ASCII field value"))
        .unwrap_or_else(|| panic!("no such header in {:?}", response.headers()))
}

/// The response's problem body, after checking its status, media type, and that its `status`
/// member is the response's status.
async fn read_problem(response: Response, status: u16) -> ProblemDetails {
    assert_eq!(response.status().as_u16(), status, "{response:?}");
    assert_eq!(
        header(&response, CONTENT_TYPE),
        "application/problem+json",
        "{response:?}"
    );
    let length: usize = header(&response, CONTENT_LENGTH).parse().unwrap();
    let body = response.bytes().await.unwrap();
    assert_eq!(body.len(), length);
    let problem: ProblemDetails = serde_json::from_slice(&body).expect("a problem document");
    assert_eq!(problem.status, Some(status), "{problem:?}");
    problem
}

/// `(type, title, status, detail)` of a problem, for exact comparisons.
fn members(problem: &ProblemDetails) -> (&str, Option<&str>, Option<u16>, Option<&str>) {
    (
        problem.type_uri.as_str(),
        problem.title.as_deref(),
        problem.status,
        problem.detail.as_deref(),
    )
}

/// Asserts that `response` has no content at all: no `Content-Type`, no `Content-Length`, no
/// bytes.
async fn assert_no_content(response: Response) {
    assert!(
        !response.headers().contains_key(CONTENT_TYPE),
        "{response:?}"
    );
    assert!(
        !response.headers().contains_key(CONTENT_LENGTH),
        "{response:?}"
    );
    assert!(response.bytes().await.unwrap().is_empty());
}

/// Asserts a redirect to `location` with an empty body, and returns nothing else to read.
async fn assert_redirect(response: Response, status: u16, location: &str) {
    assert_eq!(response.status().as_u16(), status, "{response:?}");
    assert_eq!(
        field_pairs(response.headers()),
        pairs(&[("location", location), ("content-length", "0")])
    );
    assert!(response.bytes().await.unwrap().is_empty());
}

async fn orders_saved(client: &Client, server: &RunningServer) -> u64 {
    let response = client
        .get(server.url("/api/orders/count"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_TYPE), "application/json");
    let count: Value = response.json().await.unwrap();
    count["ordersSaved"].as_u64().expect("ordersSaved")
}

/// Places an order through the API as `customer`; returns its id.
async fn create_order(client: &Client, server: &RunningServer, customer: &str) -> u64 {
    let response = client
        .post(server.url("/api/v2/orders"))
        .header(AUTHORIZATION, format!("Bearer {customer}"))
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{"itemId":"keyboard","count":1}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let receipt: Value = response.json().await.unwrap();
    receipt["order"]["id"].as_u64().expect("an order id")
}

#[tokio::test]
async fn post_redirect_get_saves_one_order_however_often_the_result_is_reloaded() {
    let (server, shop) = RunningServer::shop();
    let client = client();

    let form = client.get(server.url("/order")).send().await.unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    assert_eq!(header(&form, CONTENT_TYPE), "text/html; charset=utf-8");
    let html = form.text().await.unwrap();
    assert!(html.contains(r#"<form id="order-form" method="post" action="/order">"#));
    assert!(html.contains(r#"name="itemId""#) && html.contains(r#"name="count""#));

    let placed = client
        .post(server.url("/order"))
        .form(&[("itemId", "mouse"), ("count", "1")])
        .send()
        .await
        .unwrap();
    assert_redirect(placed, 303, "/order-result/1").await;
    assert_eq!(orders_saved(&client, &server).await, 1);

    // The browser GETs the Location; a reload GETs it again and orders nothing.
    for _ in 0..2 {
        let result = client
            .get(server.url("/order-result/1"))
            .send()
            .await
            .unwrap();
        assert_eq!(result.status(), StatusCode::OK);
        assert_eq!(header(&result, CONTENT_TYPE), "text/html; charset=utf-8");
        let html = result.text().await.unwrap();
        assert!(html.contains(r#"<dd id="order-id">1</dd>"#), "{html}");
        assert!(html.contains(r#"<dd id="item-id">mouse</dd>"#), "{html}");
        assert!(html.contains(r#"<dd id="count">1</dd>"#), "{html}");
        assert!(html.contains(r#"<dd id="orders-saved">1</dd>"#), "{html}");
    }
    assert_eq!(orders_saved(&client, &server).await, 1);
    assert_eq!(shop.orders_saved(), 1);

    // A client that follows the 303 arrives at the result page with a GET.
    let followed = following_client()
        .post(server.url("/order"))
        .form(&[("itemId", "keyboard"), ("count", "2")])
        .send()
        .await
        .unwrap();
    assert_eq!(followed.status(), StatusCode::OK);
    assert_eq!(followed.url().path(), "/order-result/2");
    assert_eq!(orders_saved(&client, &server).await, 2);
}

#[tokio::test]
async fn a_malformed_order_is_a_400_problem_that_names_the_problem() {
    let (server, shop) = RunningServer::shop();
    let client = client();
    // (the form sent, the problem's detail, the extension member that names the problem)
    let cases: &[(FormFields, &str, (&str, &str))] = &[
        (
            &[("count", "1")],
            "the order has no itemId",
            ("field", "itemId"),
        ),
        (
            &[("itemId", " "), ("count", "1")],
            "the order has no itemId",
            ("field", "itemId"),
        ),
        (
            &[("itemId", "mouse")],
            "the order has no count",
            ("field", "count"),
        ),
        (
            &[("itemId", "mouse"), ("count", "0")],
            r#"count must be a positive integer, not "0""#,
            ("value", "0"),
        ),
        (
            &[("itemId", "mouse"), ("count", "-1")],
            r#"count must be a positive integer, not "-1""#,
            ("value", "-1"),
        ),
        (
            &[("itemId", "mouse"), ("count", "two")],
            r#"count must be a positive integer, not "two""#,
            ("value", "two"),
        ),
        (
            &[("itemId", "mouse"), ("count", "1.5")],
            r#"count must be a positive integer, not "1.5""#,
            ("value", "1.5"),
        ),
    ];
    for (form, detail, (member, value)) in cases {
        let response = client
            .post(server.url("/order"))
            .form(form)
            .send()
            .await
            .unwrap();
        let problem = read_problem(response, 400).await;
        assert_eq!(
            members(&problem),
            (
                "/problems/malformed-order",
                Some("Malformed order"),
                Some(400),
                Some(*detail)
            ),
            "{form:?}"
        );
        assert_eq!(problem.extensions.len(), 1, "{problem:?}");
        assert_eq!(problem.extensions[*member], json!(value), "{form:?}");
    }

    // Not a form at all: 415, and which media type to send instead.
    let response = client
        .post(server.url("/order"))
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{"itemId":"mouse","count":1}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&response, "accept-post"),
        "application/x-www-form-urlencoded"
    );
    let problem = read_problem(response, 415).await;
    assert_eq!(
        members(&problem),
        (
            "about:blank",
            Some("Unsupported Media Type"),
            Some(415),
            Some("send the order as an HTML form (application/x-www-form-urlencoded)")
        )
    );

    // The type URI leads to its documentation.
    let doc = client
        .get(server.url("/problems/malformed-order"))
        .send()
        .await
        .unwrap();
    assert_eq!(doc.status(), StatusCode::OK);
    assert_eq!(header(&doc, CONTENT_TYPE), "text/html; charset=utf-8");

    assert_eq!(shop.orders_saved(), 0);
}

#[tokio::test]
async fn the_result_page_of_an_order_the_web_shop_does_not_have_is_an_html_404() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let missing = client
        .get(server.url("/order-result/999"))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&missing, CONTENT_TYPE), "text/html; charset=utf-8");
    let html = missing.text().await.unwrap();
    assert!(html.contains("<title>404 Not Found</title>"), "{html}");
    assert!(
        html.contains("<p>the web shop has no order 999</p>"),
        "{html}"
    );

    // The same error, to a client that does not ask for HTML: a problem.
    let problem = client
        .get(server.url("/order-result/999"))
        .send()
        .await
        .unwrap();
    let problem = read_problem(problem, 404).await;
    assert_eq!(
        problem.detail.as_deref(),
        Some("the web shop has no order 999")
    );

    // User input in the page is escaped.
    let hostile = client
        .get(server.url("/order-result/%3Cscript%3Ealert(1)%3C%2Fscript%3E"))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(hostile.status(), StatusCode::NOT_FOUND);
    let html = hostile.text().await.unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );

    // An order placed through the API is not a web order.
    let id = create_order(&client, &server, "alice").await;
    let api_order = client
        .get(server.url(&format!("/order-result/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(api_order.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_event_page_moved_permanently_to_new_event() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let moved = client.get(server.url("/event")).send().await.unwrap();
    assert_redirect(moved, 301, "/new-event").await;
    let moved = client
        .post(server.url("/event"))
        .form(&[("name", "hello"), ("age", "20")])
        .send()
        .await
        .unwrap();
    assert_redirect(moved, 301, "/new-event").await;

    // Followed, a POST becomes a GET without its body, as the lecture shows.
    let followed = following_client()
        .post(server.url("/event"))
        .form(&[("name", "hello"), ("age", "20")])
        .send()
        .await
        .unwrap();
    assert_eq!(followed.status(), StatusCode::OK);
    assert_eq!(followed.url().path(), "/new-event");
    let page = received(&followed.text().await.unwrap());
    assert_eq!(page.method, "GET");
    assert_eq!(page.body_length, 0);

    // Posted to directly, the new page shows the form it received, escaped.
    let direct = client
        .post(server.url("/new-event"))
        .form(&[("name", "<b>hello</b>"), ("age", "20")])
        .send()
        .await
        .unwrap();
    assert_eq!(direct.status(), StatusCode::OK);
    let html = direct.text().await.unwrap();
    assert!(!html.contains("<b>hello"), "{html}");
    let page = received(&html);
    assert_eq!(page.method, "POST");
    assert_eq!(page.body_html, "name=%3Cb%3Ehello%3C%2Fb%3E&amp;age=20");
}

#[tokio::test]
async fn temporary_redirects_and_the_loop_say_where_to_go() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let cart = client.get(server.url("/cart")).send().await.unwrap();
    assert_redirect(cart, 302, "/basket").await;
    let checkout = client
        .post(server.url("/checkout"))
        .form(&[("payment", "card")])
        .send()
        .await
        .unwrap();
    assert_redirect(checkout, 307, "/checkout/standby").await;
    let a = client.get(server.url("/loop/a")).send().await.unwrap();
    assert_redirect(a, 302, "/loop/b").await;
    let b = client.get(server.url("/loop/b")).send().await.unwrap();
    assert_redirect(b, 302, "/loop/a").await;

    // reqwest follows a 307 with the same method and body.
    let standby = following_client()
        .post(server.url("/checkout"))
        .form(&[("payment", "card")])
        .send()
        .await
        .unwrap();
    assert_eq!(standby.url().path(), "/checkout/standby");
    let page = received(&standby.text().await.unwrap());
    assert_eq!(page.method, "POST");
    assert_eq!(page.body_html, "payment=card");

    // A client that follows redirects gives up on the loop.
    let error = following_client()
        .get(server.url("/loop/a"))
        .send()
        .await
        .expect_err("a redirect loop never ends");
    assert!(error.is_redirect(), "{error:?}");
}

#[tokio::test]
async fn the_order_api_moved_with_308_and_keeps_the_post_and_its_body() {
    let (server, shop) = RunningServer::shop();
    let body = r#"{"itemId":"mouse","count":3}"#;
    let moved = client()
        .post(server.url("/api/v1/orders"))
        .header(AUTHORIZATION, "Bearer alice")
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_redirect(moved, 308, "/api/v2/orders").await;
    assert_eq!(shop.orders_saved(), 0);

    let created = following_client()
        .post(server.url("/api/v1/orders"))
        .header(AUTHORIZATION, "Bearer alice")
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.url().path(), "/api/v2/orders");
    let receipt: Value = created.json().await.unwrap();
    assert_eq!(receipt["received"]["method"], "POST");
    assert_eq!(receipt["received"]["body"], body);
    assert_eq!(shop.orders_saved(), 1);
}

#[tokio::test]
async fn a_new_order_is_201_created_with_its_location() {
    let (server, shop) = RunningServer::shop();
    let client = client();
    let body = r#"{"itemId":"mouse","count":2}"#;
    let created = client
        .post(server.url("/api/v2/orders"))
        .header(AUTHORIZATION, "Bearer alice")
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(header(&created, LOCATION), "/api/v2/orders/1");
    assert_eq!(header(&created, CONTENT_TYPE), "application/json");
    let receipt: Value = created.json().await.unwrap();
    assert_eq!(
        receipt,
        json!({
            "order": {"id": 1, "itemId": "mouse", "count": 2, "customer": "alice"},
            "received": {"method": "POST", "contentType": "application/json", "body": body},
        })
    );
    assert_eq!(shop.orders_saved(), 1);

    let order = client
        .get(server.url("/api/v2/orders/1"))
        .header(AUTHORIZATION, "Bearer alice")
        .send()
        .await
        .unwrap();
    assert_eq!(order.status(), StatusCode::OK);
    assert_eq!(header(&order, CONTENT_TYPE), "application/json");
    let order: Value = order.json().await.unwrap();
    assert_eq!(order, receipt["order"]);
}

#[tokio::test]
async fn a_malformed_api_order_is_400_and_one_that_is_not_json_is_415() {
    let (server, shop) = RunningServer::shop();
    let client = client();
    let post = |body: &'static str, content_type: &'static str| {
        client
            .post(server.url("/api/v2/orders"))
            .header(AUTHORIZATION, "Bearer alice")
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
    };

    let cases = [
        (
            r#"{"count":1}"#,
            "the order has no itemId",
            ("field", json!("itemId")),
        ),
        (
            r#"{"itemId":"mouse","count":0}"#,
            r#"count must be a positive integer, not "0""#,
            ("value", json!("0")),
        ),
        (
            r#"{"itemId":"mouse","count":"2"}"#,
            r#"count must be a positive integer, not "\"2\"""#,
            ("value", json!("\"2\"")),
        ),
    ];
    for (body, detail, (member, value)) in cases {
        let problem = read_problem(post(body, "application/json").await.unwrap(), 400).await;
        assert_eq!(
            members(&problem),
            (
                "/problems/malformed-order",
                Some("Malformed order"),
                Some(400),
                Some(detail)
            ),
            "{body}"
        );
        assert_eq!(problem.extensions[member], value, "{body}");
    }

    let problem = read_problem(post("{not json", "application/json").await.unwrap(), 400).await;
    let detail = problem.detail.expect("a detail");
    assert!(detail.starts_with("the order cannot be read: "), "{detail}");

    let response = post("itemId=mouse&count=1", "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(header(&response, "accept-post"), "application/json");
    let problem = read_problem(response, 415).await;
    assert_eq!(
        problem.detail.as_deref(),
        Some("send the order as JSON (application/json)")
    );
    assert_eq!(shop.orders_saved(), 0);
}

#[tokio::test]
async fn the_order_api_challenges_a_client_that_did_not_authenticate() {
    let (server, shop) = RunningServer::shop();
    let client = client();
    let challenges = [
        (None, r#"Bearer realm="shop""#),
        (Some("Basic YWxpY2U6c2VjcmV0"), r#"Bearer realm="shop""#),
        (
            Some("Bearer not a name!"),
            r#"Bearer realm="shop", error="invalid_token""#,
        ),
    ];
    for (authorization, challenge) in challenges {
        for (method, path) in [
            (Method::GET, "/api/v2/orders/1"),
            (Method::POST, "/api/v2/orders"),
        ] {
            let mut request = client
                .request(method.clone(), server.url(path))
                .header(CONTENT_TYPE, "application/json")
                .body(r#"{"itemId":"mouse","count":1}"#);
            if let Some(authorization) = authorization {
                request = request.header(AUTHORIZATION, authorization);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                header(&response, WWW_AUTHENTICATE),
                challenge,
                "{method} {path}"
            );
            let problem = read_problem(response, 401).await;
            assert_eq!(problem.title.as_deref(), Some("Unauthorized"));
            assert!(problem.detail.is_some(), "{problem:?}");
        }
    }
    assert_eq!(shop.orders_saved(), 0);
}

#[tokio::test]
async fn someone_else_s_order_is_byte_for_byte_the_404_of_a_missing_order() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let alices = create_order(&client, &server, "alice").await;

    let mut answers = Vec::new();
    for path in [
        format!("/api/v2/orders/{alices}"), // exists, but is alice's
        "/api/v2/orders/999".to_owned(),    // does not exist
        "/api/v2/orders/abc".to_owned(),    // cannot exist
    ] {
        let response = client
            .get(server.url(&path))
            .header(AUTHORIZATION, "Bearer bob")
            .send()
            .await
            .unwrap();
        let status = response.status();
        let headers = field_pairs(response.headers());
        let body = response.bytes().await.unwrap();
        answers.push((path, status, headers, body));
    }
    for (path, status, headers, body) in &answers {
        assert_eq!(*status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            *headers,
            pairs(&[
                ("content-type", "application/problem+json"),
                ("vary", "accept"),
                ("content-length", "55")
            ]),
            "{path}"
        );
        assert_eq!(
            body.as_ref(),
            br#"{"type":"about:blank","title":"Not Found","status":404}"#,
            "{path}"
        );
    }
    // The server's log knows why.
    let log = logged();
    assert!(
        log.contains(&format!("order {alices} belongs to alice, not to bob")),
        "{log}"
    );
}

#[tokio::test]
async fn a_batch_job_is_202_accepted_with_a_location_to_poll() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let accepted = client
        .post(server.url("/api/batch"))
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{"job":"reindex"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    assert_eq!(header(&accepted, LOCATION), "/api/batch/1");
    assert_eq!(header(&accepted, CONTENT_TYPE), "application/json");
    let job: Value = accepted.json().await.unwrap();
    let expected = json!({"id": 1, "state": "queued", "job": r#"{"job":"reindex"}"#});
    assert_eq!(job, expected);

    let status = client.get(server.url("/api/batch/1")).send().await.unwrap();
    assert_eq!(status.status(), StatusCode::OK);
    assert_eq!(status.json::<Value>().await.unwrap(), expected);

    let missing = client.get(server.url("/api/batch/2")).send().await.unwrap();
    let problem = read_problem(missing, 404).await;
    assert_eq!(problem.detail.as_deref(), Some("there is no batch job 2"));
}

#[tokio::test]
async fn saving_a_draft_is_204_no_content_without_content() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let saved = client
        .put(server.url("/api/drafts/lecture"))
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body("상태 코드")
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::NO_CONTENT);
    assert_eq!(field_pairs(saved.headers()), pairs(&[]));
    assert_no_content(saved).await;

    let draft = client
        .get(server.url("/api/drafts/lecture"))
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), StatusCode::OK);
    assert_eq!(draft.text().await.unwrap(), "상태 코드");

    let missing = client
        .get(server.url("/api/drafts/other"))
        .send()
        .await
        .unwrap();
    let problem = read_problem(missing, 404).await;
    assert_eq!(problem.detail.as_deref(), Some("there is no draft other"));

    // The editor page shows the saved draft.
    let editor = client.get(server.url("/editor")).send().await.unwrap();
    assert_eq!(editor.status(), StatusCode::OK);
    assert!(
        editor
            .text()
            .await
            .unwrap()
            .contains(">상태 코드</textarea>")
    );
}

#[tokio::test]
async fn a_method_a_resource_does_not_serve_is_405_with_allow() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let cases = [
        (Method::DELETE, "/api/drafts/lecture", "GET, HEAD, PUT"),
        (Method::DELETE, "/order", "GET, HEAD, POST"),
        (Method::POST, "/order-result/1", "GET, HEAD"),
        (Method::GET, "/api/v2/orders", "POST"),
        (Method::PUT, "/api/catalog", "GET, HEAD"),
        (Method::PATCH, "/admin/maintenance", "PUT, DELETE"),
    ];
    for (method, path, allow) in cases {
        let response = client
            .request(method.clone(), server.url(path))
            .send()
            .await
            .unwrap();
        let allowed: Vec<_> = response.headers().get_all(ALLOW).iter().collect();
        assert_eq!(allowed, [allow], "{method} {path}");
        let problem = read_problem(response, 405).await;
        assert_eq!(
            members(&problem),
            (
                "about:blank",
                Some("Method Not Allowed"),
                Some(405),
                Some(
                    format!("{method} is not allowed here; the methods allowed are {allow}")
                        .as_str()
                )
            )
        );
    }
}

#[tokio::test]
async fn the_catalog_is_revalidated_with_its_etag_and_304() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    let current = client.get(server.url("/api/catalog")).send().await.unwrap();
    assert_eq!(current.status(), StatusCode::OK);
    assert_eq!(header(&current, CONTENT_TYPE), "application/json");
    assert_eq!(header(&current, CACHE_CONTROL), "no-cache");
    let etag = header(&current, ETAG).to_owned();
    assert!(
        etag.starts_with("\"catalog-") && etag.ends_with('"'),
        "{etag}"
    );
    let catalog: Value = current.json().await.unwrap();
    assert_eq!(catalog["items"][0]["itemId"], "mouse");

    let weak = format!("W/{etag}");
    let listed = format!("\"catalog-0\", {etag}");
    for if_none_match in [etag.as_str(), &weak, &listed, "*"] {
        for method in [Method::GET, Method::HEAD] {
            let response = client
                .request(method.clone(), server.url("/api/catalog"))
                .header(IF_NONE_MATCH, if_none_match)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::NOT_MODIFIED,
                "{method} {if_none_match}"
            );
            // RFC 9110 §15.4.5: the fields a 200 would have sent, no content.
            assert_eq!(
                field_pairs(response.headers()),
                pairs(&[("cache-control", "no-cache"), ("etag", &etag)])
            );
            assert_no_content(response).await;
        }
    }

    let stale = client
        .get(server.url("/api/catalog"))
        .header(IF_NONE_MATCH, "\"catalog-0\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);
    assert_eq!(header(&stale, ETAG), etag);
}

#[tokio::test]
async fn the_fourth_stock_check_within_a_minute_is_429_with_retry_after() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    for _ in 0..app::STOCK_CHECKS_PER_WINDOW {
        let response = client
            .get(server.url("/api/stock/mouse"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let stock: Value = response.json().await.unwrap();
        assert_eq!(stock, json!({"itemId": "mouse", "inStock": 12}));
    }
    for _ in 0..2 {
        let response = client
            .get(server.url("/api/stock/mouse"))
            .send()
            .await
            .unwrap();
        let wait: u64 = header(&response, RETRY_AFTER)
            .parse()
            .expect("delay-seconds");
        assert!((1..=60).contains(&wait), "Retry-After: {wait}");
        let problem = read_problem(response, 429).await;
        assert_eq!(
            members(&problem),
            (
                "about:blank",
                Some("Too Many Requests"),
                Some(429),
                Some("at most 3 stock checks every 60 s; wait for the next window")
            )
        );
    }
}

#[tokio::test]
async fn a_client_that_waits_the_retry_after_is_served_again() {
    let shop = app::Shop::with_stock_check_limit(1, Duration::from_secs(2));
    let server = RunningServer::serving(shop);
    let client = client();
    let first = client
        .get(server.url("/api/stock/keyboard"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let limited_at = Instant::now();
    let limited = client
        .get(server.url("/api/stock/keyboard"))
        .send()
        .await
        .unwrap();
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = header(&limited, RETRY_AFTER).parse().unwrap();
    assert!((1..=2).contains(&wait), "Retry-After: {wait}");

    tokio::time::sleep_until((limited_at + Duration::from_secs(wait)).into()).await;
    let again = client
        .get(server.url("/api/stock/nothing"))
        .send()
        .await
        .unwrap();
    // Admitted again: an unknown item is a 404 now, not a 429.
    let problem = read_problem(again, 404).await;
    assert_eq!(
        problem.detail.as_deref(),
        Some("there is no item nothing in the catalogue")
    );
}

#[tokio::test]
async fn maintenance_closes_the_shop_with_503_and_retry_after() {
    let (server, shop) = RunningServer::shop();
    let client = client();
    let closed = client
        .put(server.url("/admin/maintenance"))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);
    assert_no_content(closed).await;

    for (method, path) in [
        (Method::GET, "/order"),
        (Method::POST, "/order"),
        (Method::GET, "/api/catalog"),
        (Method::GET, "/api/orders/count"),
    ] {
        let response = client
            .request(method.clone(), server.url(path))
            .form(&[("itemId", "mouse"), ("count", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(header(&response, RETRY_AFTER), "600", "{method} {path}");
        let problem = read_problem(response, 503).await;
        assert_eq!(
            members(&problem),
            (
                "about:blank",
                Some("Service Unavailable"),
                Some(503),
                Some("the shop is closed for maintenance; come back in ten minutes")
            )
        );
    }
    assert_eq!(shop.orders_saved(), 0);

    let reopened = client
        .delete(server.url("/admin/maintenance"))
        .send()
        .await
        .unwrap();
    assert_eq!(reopened.status(), StatusCode::NO_CONTENT);
    assert_no_content(reopened).await;
    let open = client.get(server.url("/order")).send().await.unwrap();
    assert_eq!(open.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_server_error_keeps_its_internals_in_the_log() {
    let (server, _shop) = RunningServer::shop();
    let response = client()
        .get(server.url("/api/reports/sales?month=11"))
        .header("x-request-id", "sales-report-7f3c")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        field_pairs(response.headers()),
        pairs(&[
            ("content-type", "application/problem+json"),
            ("vary", "accept"),
            ("content-length", "98")
        ])
    );
    let body = response.text().await.unwrap();
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"sales-report-7f3c"}"#
    );
    for secret in [app::STORAGE_FAILURE, "ledger", "no space", "sales report"] {
        assert!(!body.contains(secret), "{body}");
    }

    let log = logged();
    let line = log
        .lines()
        .find(|line| line.contains(app::STORAGE_FAILURE))
        .unwrap_or_else(|| panic!("the cause is not in the log:\n{log}"));
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("the sales report could not be written"),
        "{line}"
    );
    // The request it answered, to find it by: method, path (without the query), request id.
    assert!(
        line.contains("request{method=GET path=/api/reports/sales request_id=sales-report-7f3c}"),
        "{line}"
    );
}

#[tokio::test]
async fn an_unknown_address_is_a_404_problem() {
    let (server, _shop) = RunningServer::shop();
    let response = client().get(server.url("/nowhere")).send().await.unwrap();
    let problem = read_problem(response, 404).await;
    assert_eq!(
        members(&problem),
        (
            "about:blank",
            Some("Not Found"),
            Some(404),
            Some("there is no page at /nowhere")
        )
    );
}

#[tokio::test]
async fn the_html_pages_are_html() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    for path in [
        "/",
        "/order",
        "/new-event",
        "/basket",
        "/checkout/standby",
        "/editor",
        "/problems/malformed-order",
    ] {
        let response = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header(&response, CONTENT_TYPE),
            "text/html; charset=utf-8",
            "{path}"
        );
        let html = response.text().await.unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(html.trim_end().ends_with("</html>"), "{path}");
    }
}

#[tokio::test]
async fn head_answers_as_get_does_without_a_body() {
    let (server, _shop) = RunningServer::shop();
    let client = client();
    client
        .post(server.url("/order"))
        .form(&[("itemId", "mouse"), ("count", "1")])
        .send()
        .await
        .unwrap();
    client
        .put(server.url("/api/drafts/lecture"))
        .body("draft")
        .send()
        .await
        .unwrap();
    let paths = [
        ("/", 200),
        ("/order", 200),
        ("/order-result/1", 200),
        ("/order-result/2", 404),
        ("/api/orders/count", 200),
        ("/api/catalog", 200),
        ("/api/drafts/lecture", 200),
        ("/event", 301),
        ("/cart", 302),
        ("/api/v2/orders/1", 401),
        ("/nowhere", 404),
        ("/api/reports/sales", 500),
    ];
    for (path, status) in paths {
        let get = client.get(server.url(path)).send().await.unwrap();
        let head = client.head(server.url(path)).send().await.unwrap();
        assert_eq!(get.status().as_u16(), status, "GET {path}");
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        assert_eq!(
            field_pairs(head.headers()),
            field_pairs(get.headers()),
            "HEAD {path}"
        );
        assert!(head.bytes().await.unwrap().is_empty(), "HEAD {path}");
    }
}
