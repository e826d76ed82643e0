//! End to end with the `curl` binary (HTTP/1.1): with `-L`, curl follows the shop's redirects as
//! RFC 9110 §15.4 and browsers do. A POST answered 301, 302 or 303 arrives at the target as a GET
//! without body; a POST answered 307 or 308 arrives as a POST with its body; `--max-redirs`
//! bounds a loop. The targets show what they received, and curl's `-w` and `-v` output show
//! what curl did.
//!
//! A missing curl fails these tests (`.ci/run` installs it); they never skip.

mod e2e;

use e2e::{RunningServer, curl, curl_expecting, received};
use serde_json::{Value, json};

/// What `-w` writes after the body, after this marker: the last status, the number of redirects
/// followed, the last request's method and the last URL.
const WRITE_OUT: &str = "\n--write-out-- %{http_code} %{num_redirects} %{method} %{url_effective}";

/// The outcome of `curl -sS -L` on a redirect, as curl reports it.
#[derive(Debug)]
struct Followed {
    body: String,
    /// `"{status} {redirects} {method} {url}"`.
    outcome: String,
    /// The request lines and header fields curl sent (from `-v`), one `Vec` per request.
    requests: Vec<Vec<String>>,
}

/// Runs `curl -sS -v -L` with `args` and splits what it reports.
fn follow(args: &[&str]) -> Followed {
    let mut all = vec!["-sS", "-v", "-L", "-w", WRITE_OUT];
    all.extend_from_slice(args);
    let output = curl(&all);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "curl {args:?}: {stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let (body, outcome) = stdout
        .rsplit_once("\n--write-out-- ")
        .expect("curl's -w output");
    // `-v` prints each request it sends as lines starting with "> ", ending with an empty one.
    let mut requests = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in stderr.lines() {
        let Some(sent) = line.strip_prefix("> ") else {
            continue;
        };
        if sent.trim().is_empty() {
            requests.push(std::mem::take(&mut current));
        } else {
            current.push(sent.trim_end().to_owned());
        }
    }
    Followed {
        body: body.to_owned(),
        outcome: outcome.to_owned(),
        requests,
    }
}

/// Whether a request (from `-v`) announced a body.
fn announces_a_body(request: &[String]) -> bool {
    request.iter().any(|line| {
        let name = line
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        name == "content-length" || name == "content-type" || name == "transfer-encoding"
    })
}

#[test]
fn a_post_answered_303_301_or_302_arrives_as_a_get_without_body() {
    let (server, shop) = RunningServer::shop();

    // 303 See Other: Post/Redirect/Get.
    let order = follow(&["-d", "itemId=mouse&count=1", &server.url("/order")]);
    assert_eq!(
        order.outcome,
        format!("200 1 GET {}", server.url("/order-result/1"))
    );
    assert!(
        order.body.contains(r#"<dd id="order-id">1</dd>"#),
        "{order:?}"
    );
    assert_eq!(order.requests.len(), 2, "{order:?}");
    assert_eq!(order.requests[0][0], "POST /order HTTP/1.1");
    assert!(announces_a_body(&order.requests[0]), "{order:?}");
    assert_eq!(order.requests[1][0], "GET /order-result/1 HTTP/1.1");
    assert!(!announces_a_body(&order.requests[1]), "{order:?}");
    assert_eq!(shop.orders_saved(), 1);

    // 301 Moved Permanently and 302 Found: the target says what it received.
    for (from, to) in [("/event", "/new-event"), ("/cart", "/basket")] {
        let followed = follow(&["-d", "name=hello&age=20", &server.url(from)]);
        assert_eq!(followed.outcome, format!("200 1 GET {}", server.url(to)));
        let page = received(&followed.body);
        assert_eq!(
            (page.method.as_str(), page.body_length),
            ("GET", 0),
            "{from}"
        );
        assert_eq!(followed.requests[0][0], format!("POST {from} HTTP/1.1"));
        assert_eq!(followed.requests[1][0], format!("GET {to} HTTP/1.1"));
        assert!(!announces_a_body(&followed.requests[1]), "{followed:?}");
    }
}

#[test]
fn a_post_answered_307_or_308_arrives_as_a_post_with_its_body() {
    let (server, shop) = RunningServer::shop();

    // 307 Temporary Redirect.
    let standby = follow(&["-d", "payment=card&amount=25000", &server.url("/checkout")]);
    assert_eq!(
        standby.outcome,
        format!("200 1 POST {}", server.url("/checkout/standby"))
    );
    let page = received(&standby.body);
    assert_eq!(page.method, "POST");
    assert_eq!(page.body_html, "payment=card&amp;amount=25000");
    assert_eq!(page.body_length, "payment=card&amount=25000".len());
    assert_eq!(standby.requests[1][0], "POST /checkout/standby HTTP/1.1");

    // 308 Permanent Redirect: the order API moved, and the order is created once, at the target.
    let order = r#"{"itemId":"mouse","count":2}"#;
    let created = follow(&[
        "-H",
        "Authorization: Bearer alice",
        "-H",
        "Content-Type: application/json",
        "-d",
        order,
        &server.url("/api/v1/orders"),
    ]);
    assert_eq!(
        created.outcome,
        format!("201 1 POST {}", server.url("/api/v2/orders"))
    );
    assert_eq!(created.requests[1][0], "POST /api/v2/orders HTTP/1.1");
    let receipt: Value = serde_json::from_str(&created.body).expect("the JSON receipt");
    assert_eq!(
        receipt,
        json!({
            "order": {"id": 1, "itemId": "mouse", "count": 2, "customer": "alice"},
            "received": {"method": "POST", "contentType": "application/json", "body": order},
        })
    );
    assert_eq!(shop.orders_saved(), 1);
}

#[test]
fn max_redirs_stops_a_redirect_loop_with_exit_code_47() {
    let (server, _shop) = RunningServer::shop();
    let output = curl(&[
        "-sS",
        "-L",
        "--max-redirs",
        "3",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code} %{num_redirects} %{url_effective}",
        &server.url("/loop/a"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(47), "{stderr}");
    assert!(
        stderr.contains("Maximum (3) redirects followed"),
        "{stderr}"
    );
    // a -> b -> a -> b, and the fourth redirect is refused.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("302 3 {}", server.url("/loop/b"))
    );
}

#[test]
fn without_l_curl_shows_each_status_line_and_its_header_fields() {
    let (server, _shop) = RunningServer::shop();
    let head = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["-sS", "-o", "/dev/null", "-D", "-"];
        all.extend_from_slice(args);
        curl_expecting(0, &all)
            .split("\r\n")
            .map(str::to_owned)
            .filter(|line| !line.is_empty() && !line.starts_with("date:"))
            .collect()
    };
    let expected =
        |lines: &[&str]| -> Vec<String> { lines.iter().map(|l| (*l).to_owned()).collect() };

    assert_eq!(
        head(&["-d", "itemId=mouse&count=1", &server.url("/order")]),
        expected(&[
            "HTTP/1.1 303 See Other",
            "location: /order-result/1",
            "content-length: 0",
        ])
    );
    assert_eq!(
        head(&[
            "-X",
            "PUT",
            "-d",
            "draft",
            &server.url("/api/drafts/lecture")
        ]),
        expected(&["HTTP/1.1 204 No Content"])
    );
    let etag = curl_expecting(
        0,
        &[
            "-sS",
            "-o",
            "/dev/null",
            "-w",
            "%header{etag}",
            &server.url("/api/catalog"),
        ],
    );
    assert_eq!(
        head(&[
            "-H",
            &format!("If-None-Match: {etag}"),
            &server.url("/api/catalog")
        ]),
        expected(&[
            "HTTP/1.1 304 Not Modified",
            "cache-control: no-cache",
            &format!("etag: {etag}"),
        ])
    );
    assert_eq!(
        head(&[&server.url("/api/v2/orders/1")]),
        expected(&[
            "HTTP/1.1 401 Unauthorized",
            r#"www-authenticate: Bearer realm="shop""#,
            "content-type: application/problem+json",
            "vary: accept",
            "content-length: 138",
        ])
    );
}
