//! End to end in a real browser: Debian's headless Chromium, driven over WebDriver
//! (chromedriver, through the `fantoccini` crate), against the example shop
//! (`examples/shop/app.rs`) served in this process on 127.0.0.1 with a port the OS picks.
//!
//! - Post/Redirect/Get: the browser fills in and submits the order form, follows the 303 to the
//!   order's result page, reloads it, and the shop's JSON order count says exactly one order was
//!   saved: the reload repeated only the GET.
//! - A permanent redirect: the browser opens /event and ends on /new-event; a form posted to the
//!   old address arrives there as a GET without its body.
//! - An API error in a browser: the browser's own `Accept` gets the HTML page of the error, with
//!   the same status (404), whose title shows the status; an API client gets the problem.
//!
//! The test fails, it never skips, when `chromium` or `chromedriver` is missing (`.ci/run`
//! installs them); every wait has a time limit.

use std::time::Duration;

use serde_json::Value;

mod browser;
mod e2e;

use browser::{Browser, within};
use e2e::{CLIENT_TIMEOUT, RunningServer};

/// The longest a whole scenario may take, browser start included.
const SCENARIO: Duration = Duration::from_secs(120);

/// How many orders the shop has saved, from its JSON endpoint (`GET /api/orders/count`).
async fn orders_saved(server: &RunningServer) -> u64 {
    let url = server.url("/api/orders/count");
    let client = reqwest::Client::builder()
        .timeout(CLIENT_TIMEOUT)
        .no_proxy()
        .build()
        .expect("an HTTP client");
    let response = client
        .get(&url)
        .send()
        .await
        .unwrap_or_else(|error| panic!("GET {url}: {error}"));
    assert!(response.status().is_success(), "GET {url}: {response:?}");
    let body: Value = response
        .json()
        .await
        .unwrap_or_else(|error| panic!("GET {url}: not JSON: {error}"));
    body["ordersSaved"]
        .as_u64()
        .unwrap_or_else(|| panic!("GET {url}: no ordersSaved in {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reloading_the_result_of_an_order_does_not_order_twice() {
    within(SCENARIO, "the Post/Redirect/Get scenario", async {
        let (server, _shop) = RunningServer::shop();
        let browser = Browser::start().await;
        assert_eq!(orders_saved(&server).await, 0, "no order before the form");

        browser.goto(&server.url("/order")).await;
        browser.fill("itemId", "keyboard").await;
        browser.fill("count", "2").await;
        browser.submit("/order").await;

        let path = browser.path().await;
        assert_eq!(path, "/order-result/1", "the 303 led to the order's page");
        assert_eq!(
            browser.navigation().await,
            ("navigate".to_owned(), 1),
            "the result page was reached through one redirect (the 303)"
        );
        assert_eq!(browser.text_of("#order-id").await, "1");
        assert_eq!(browser.text_of("#item-id").await, "keyboard");
        assert_eq!(browser.text_of("#count").await, "2");
        assert_eq!(browser.text_of("#orders-saved").await, "1");
        assert_eq!(orders_saved(&server).await, 1, "the form sent one order");

        browser.reload().await;
        assert_eq!(browser.path().await, path, "the reload stays on the page");
        assert_eq!(
            browser.navigation().await,
            ("reload".to_owned(), 0),
            "the page was reloaded, with a GET of its own address"
        );
        assert_eq!(browser.text_of("#order-id").await, "1");
        assert_eq!(
            browser.text_of("#orders-saved").await,
            "1",
            "the reloaded page shows the one order"
        );
        assert_eq!(
            orders_saved(&server).await,
            1,
            "reloading the result page ordered again"
        );

        browser.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moved_page_is_followed_to_its_new_address() {
    within(SCENARIO, "the moved-permanently scenario", async {
        let (server, _shop) = RunningServer::shop();
        let browser = Browser::start().await;

        browser.goto(&server.url("/event")).await;
        let path = browser
            .wait_for_path("/new-event", |path| path == "/new-event")
            .await;
        assert_eq!(path, "/new-event");
        assert_eq!(
            browser.url().await,
            server.url("/new-event"),
            "the address bar shows the new address"
        );
        assert_eq!(
            browser.navigation().await,
            ("navigate".to_owned(), 1),
            "/new-event was reached through one redirect (the 301)"
        );
        assert!(
            browser.title().await.starts_with("New event"),
            "the new event page: {}",
            browser.title().await
        );
        assert_eq!(browser.text_of("h1").await, "New event");
        assert_eq!(browser.text_of("#method").await, "GET");

        // The sign-up form posted to the old address: the 301 turns the POST into a GET of
        // the new one, and the form's fields are left behind.
        browser.click_to_navigate("#sign-up-old").await;
        assert_eq!(browser.path().await, "/new-event");
        assert_eq!(
            browser.navigation().await,
            ("navigate".to_owned(), 1),
            "POST /event was redirected once"
        );
        assert_eq!(browser.text_of("#method").await, "GET");
        assert_eq!(browser.text_of("#body-length").await, "0");

        // Posted to the new address, the form arrives whole.
        browser.click_to_navigate("#sign-up").await;
        assert_eq!(browser.path().await, "/new-event");
        assert_eq!(browser.navigation().await, ("navigate".to_owned(), 0));
        assert_eq!(browser.text_of("#method").await, "POST");
        assert_eq!(browser.text_of("#body").await, "name=hello&age=20");

        browser.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_error_loads_as_an_html_page_whose_title_shows_the_status() {
    within(SCENARIO, "the API error in a browser", async {
        let (server, _shop) = RunningServer::shop();
        let browser = Browser::start().await;

        browser.goto(&server.url("/api/batch/999")).await;
        assert_eq!(browser.title().await, "404 Not Found");
        assert_eq!(browser.text_of("h1").await, "404 Not Found");
        assert_eq!(browser.text_of("p").await, "there is no batch job 999");
        let page = browser
            .script(
                "const entry = performance.getEntriesByType('navigation')[0];
                 return [document.contentType, entry.responseStatus];",
            )
            .await;
        assert_eq!(page, serde_json::json!(["text/html", 404]));
        browser.close().await;

        // The same address, to a client that does not ask for HTML: the problem.
        let problem = reqwest::Client::builder()
            .no_proxy()
            .timeout(CLIENT_TIMEOUT)
            .build()
            .expect("an HTTP client")
            .get(server.url("/api/batch/999"))
            .send()
            .await
            .expect("GET /api/batch/999");
        assert_eq!(problem.status(), 404);
        assert_eq!(
            problem.headers()["content-type"],
            "application/problem+json"
        );
    })
    .await;
}
