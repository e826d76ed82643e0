//! A bounded load test against the example shop on loopback: 20,000 requests over 50 concurrent
//! connections, a mix of every error scenario. Every response must be well-formed (a status the
//! scenario allows, problem bodies that are JSON with the response's status, valid header
//! values), no 5xx where a 4xx belongs, nothing of the 500's internals on the wire, and memory
//! that does not grow with the requests (the process's RSS, server included, before and after).

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;

mod e2e;
use e2e::RunningServer;
use e2e::app::STORAGE_FAILURE;

const REQUESTS: usize = 20_000;
const CONNECTIONS: usize = 50;

/// A request, and the statuses it may answer.
struct Scenario {
    method: Method,
    path: &'static str,
    bearer: Option<&'static str>,
    body: Option<(&'static str, &'static str)>,
    statuses: &'static [u16],
}

const fn scenario(method: Method, path: &'static str, statuses: &'static [u16]) -> Scenario {
    Scenario {
        method,
        path,
        bearer: None,
        body: None,
        statuses,
    }
}

fn scenarios() -> Vec<Scenario> {
    vec![
        scenario(Method::GET, "/api/v2/orders/1", &[401]),
        Scenario {
            bearer: Some("bob"),
            ..scenario(Method::GET, "/api/v2/orders/999", &[404])
        },
        scenario(Method::GET, "/event", &[301]),
        scenario(Method::GET, "/cart", &[302]),
        scenario(Method::POST, "/checkout", &[307]),
        scenario(Method::POST, "/api/v1/orders", &[308]),
        scenario(Method::PUT, "/api/drafts/load", &[204]),
        scenario(Method::DELETE, "/api/drafts/load", &[405]),
        scenario(Method::GET, "/api/catalog", &[200]),
        // The 4th check within the window is a 429: under load, most are.
        scenario(Method::GET, "/api/stock/mouse", &[200, 429]),
        scenario(Method::GET, "/api/reports/sales", &[500]),
        Scenario {
            body: Some(("application/x-www-form-urlencoded", "itemId=mouse&count=0")),
            ..scenario(Method::POST, "/order", &[400])
        },
        scenario(Method::GET, "/no/such/page", &[404]),
    ]
}

/// The process's resident set size, in KiB.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

async fn run(
    client: &reqwest::Client,
    base: &str,
    scenarios: &Arc<Vec<Scenario>>,
    requests: usize,
) {
    let mut tasks = Vec::new();
    for worker in 0..CONNECTIONS {
        let client = client.clone();
        let base = base.to_owned();
        let scenarios = Arc::clone(scenarios);
        let jobs: Vec<usize> = (worker..requests).step_by(CONNECTIONS).collect();
        tasks.push(tokio::spawn(async move {
            for job in jobs {
                let scenario = &scenarios[job % scenarios.len()];
                let (method, statuses) = (&scenario.method, scenario.statuses);
                let url = format!("{base}{}", scenario.path);
                let mut request = client.request(method.clone(), &url);
                if let Some(token) = scenario.bearer {
                    request = request.bearer_auth(token);
                }
                if let Some((content_type, body)) = scenario.body {
                    request = request.header("content-type", content_type).body(body);
                }
                let response = request.send().await.expect("a response");
                let status = response.status().as_u16();
                assert!(
                    statuses.contains(&status),
                    "{method} {url}: {status}, expected {statuses:?}"
                );
                for (name, value) in response.headers() {
                    assert!(
                        value
                            .as_bytes()
                            .iter()
                            .all(|&b| b == b'\t' || (b' '..=b'~').contains(&b)),
                        "{method} {url}: {name} is not a valid field value"
                    );
                }
                let is_problem = response
                    .headers()
                    .get("content-type")
                    .is_some_and(|value| value == "application/problem+json");
                let bytes = response.bytes().await.expect("the body");
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains(STORAGE_FAILURE),
                    "{method} {url}: internals leaked"
                );
                if is_problem {
                    let json: serde_json::Value =
                        serde_json::from_slice(&bytes).expect("a problem body is JSON");
                    assert_eq!(json["status"], status, "{method} {url}");
                }
            }
        }));
    }
    for task in tasks {
        task.await.expect("a client task");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_thousand_requests_over_fifty_connections() {
    let (server, _shop) = RunningServer::shop();
    let base = server.url("");
    let base = base.trim_end_matches('/').to_owned();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(CONNECTIONS)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a client");
    let scenarios = Arc::new(scenarios());

    // A first round warms allocator pools and connections; memory is measured across the rest.
    run(&client, &base, &scenarios, 2_000).await;
    let before = rss_kib();
    let started = Instant::now();
    run(&client, &base, &scenarios, REQUESTS).await;
    let elapsed = started.elapsed();
    let after = rss_kib();
    eprintln!(
        "{REQUESTS} requests over {CONNECTIONS} connections in {elapsed:?}; RSS {before} KiB before, {after} KiB after"
    );
    // The server's log of this test binary keeps every event in memory (a few MB for 20,000
    // responses); anything far beyond that would be a leak.
    assert!(
        after.saturating_sub(before) < 64 * 1024,
        "RSS grew from {before} KiB to {after} KiB"
    );
    assert!(elapsed < Duration::from_secs(120), "took {elapsed:?}");
}
