//! End to end with the `curl` binary: the shop's reviews API, where every request that cannot be
//! read answers a problem with its status (400 not JSON, 415 with `Accept-Post`, 422 the wrong
//! shape), a foreign error is classified by its value, and the shop's own errors carry a stable
//! `code`. Each answer is checked on the wire: status line, header fields, body byte for byte;
//! and, as in every end-to-end test, against the shop's OpenAPI document (`e2e::wire_check`).
//!
//! A missing curl fails these tests (`.ci/run` installs it); they never skip.

mod e2e;

use e2e::{RunningServer, curl_expecting};

/// A response as curl received it (`-i`): the status code, the header fields (lowercase names,
/// without `date`), and the body.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

fn post(server: &RunningServer, path: &str, content_type: &str, body: &str) -> Answer {
    let header = format!("content-type: {content_type}");
    answer(&curl_expecting(
        0,
        &[
            "-sS",
            "-i",
            "-H",
            &header,
            "--data-binary",
            body,
            &server.url(path),
        ],
    ))
}

fn get(server: &RunningServer, path: &str) -> Answer {
    answer(&curl_expecting(0, &["-sS", "-i", &server.url(path)]))
}

fn answer(raw: &str) -> Answer {
    let (head, body) = raw.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
        .filter(|(name, _)| name != "date")
        .collect();
    Answer {
        status,
        headers,
        body: body.to_owned(),
    }
}

fn pairs(headers: &[(&str, &str)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

/// The fields every problem of the shop carries, with its length.
fn problem_headers(length: usize) -> Vec<(String, String)> {
    let length = length.to_string();
    pairs(&[
        ("content-type", "application/problem+json"),
        ("vary", "accept"),
        ("content-length", &length),
    ])
}

const JSON: &str = "application/json";

#[test]
fn a_body_that_is_not_json_is_a_400_problem_with_the_position() {
    let (server, _) = RunningServer::shop();
    let answer = post(&server, "/api/reviews", JSON, r#"{"itemId":"mouse",,}"#);
    let body = r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Failed to parse the request body as JSON: key must be a string at line 1 column 19"}"#;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.headers, problem_headers(body.len()));
    assert_eq!(answer.body, body);
}

#[test]
fn a_body_that_is_not_declared_json_is_a_415_with_accept_post() {
    let (server, _) = RunningServer::shop();
    let review = r#"{"itemId":"mouse","stars":5,"text":"quiet"}"#;
    let answer = post(&server, "/api/reviews", "text/plain", review);
    let body = r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"Expected request with `Content-Type: application/json`"}"#;
    assert_eq!(answer.status, 415);
    let mut expected = pairs(&[("accept-post", JSON)]);
    expected.extend(problem_headers(body.len()));
    assert_eq!(answer.headers, expected);
    assert_eq!(answer.body, body);
    assert_eq!(get(&server, "/api/reviews/1").status, 404, "nothing saved");
}

#[test]
fn json_of_the_wrong_shape_is_a_422_problem_naming_the_field() {
    let (server, _) = RunningServer::shop();
    let review = r#"{"itemId":"mouse","stars":"five","text":"quiet"}"#;
    let answer = post(&server, "/api/reviews", JSON, review);
    let body = r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Failed to deserialize the JSON body into the target type: stars: invalid type: string \"five\", expected u8 at line 1 column 32"}"#;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.headers, problem_headers(body.len()));
    assert_eq!(answer.body, body);
}

#[test]
fn a_review_is_201_created_and_readable_at_its_location() {
    let (server, _) = RunningServer::shop();
    let review = r#"{"itemId":"mouse","stars":5,"text":"quiet"}"#;
    let answer = post(&server, "/api/reviews", JSON, review);
    let body = r#"{"id":1,"itemId":"mouse","stars":5,"text":"quiet"}"#;
    assert_eq!(answer.status, 201);
    assert_eq!(
        answer.headers,
        pairs(&[
            ("location", "/api/reviews/1"),
            ("content-type", JSON),
            ("content-length", "50"),
        ])
    );
    assert_eq!(answer.body, body);
    assert_eq!(get(&server, "/api/reviews/1").body, body);
}

#[test]
fn the_shop_s_own_errors_carry_a_stable_code() {
    let (server, _) = RunningServer::shop();
    let unknown = post(
        &server,
        "/api/reviews",
        JSON,
        r#"{"itemId":"lamp","stars":5,"text":"bright"}"#,
    );
    let body = r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"code":"unknown_item","detail":"there is no item lamp in the catalogue","itemId":"lamp"}"#;
    assert_eq!((unknown.status, unknown.body.as_str()), (422, body));
    let stars = post(
        &server,
        "/api/reviews",
        JSON,
        r#"{"itemId":"mouse","stars":9,"text":"wow"}"#,
    );
    let body = r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"code":"stars_out_of_range","detail":"a review has 1 to 5 stars, not 9","stars":9}"#;
    assert_eq!((stars.status, stars.body.as_str()), (422, body));
    let missing = get(&server, "/api/reviews/99");
    let body = r#"{"type":"about:blank","title":"Not Found","status":404,"code":"review_not_found","detail":"there is no review 99"}"#;
    assert_eq!((missing.status, missing.body.as_str()), (404, body));
    let not_a_number = get(&server, "/api/reviews/first");
    let body = r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid URL: Cannot parse `id` with value `first` to a `u64`"}"#;
    assert_eq!(
        (not_a_number.status, not_a_number.body.as_str()),
        (400, body)
    );
}

#[test]
fn a_batch_line_s_error_is_classified_by_its_value() {
    let (server, _) = RunningServer::shop();
    let ndjson = "application/x-ndjson";
    let good = r#"{"itemId":"mouse","stars":4,"text":"fine"}"#;
    let shape = format!(
        "{good}\n{}\n",
        r#"{"itemId":"keyboard","stars":"x","text":"no"}"#
    );
    let answer = post(&server, "/api/reviews/batch", ndjson, &shape);
    let body = r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"line 2 of the batch: invalid type: string \"x\", expected u8 at line 1 column 32","line":2}"#;
    assert_eq!((answer.status, answer.body.as_str()), (422, body));
    let syntax = format!("{good}\n\n{{\"itemId\": \n");
    let answer = post(&server, "/api/reviews/batch", ndjson, &syntax);
    let body = r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"line 3 of the batch: EOF while parsing a value at line 1 column 11","line":3}"#;
    assert_eq!((answer.status, answer.body.as_str()), (400, body));
    // The good lines before each bad one were saved: reviews 1 and 2.
    assert_eq!(get(&server, "/api/reviews/2").status, 200);
    let answer = post(&server, "/api/reviews/batch", JSON, good);
    let body = r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"send the batch as NDJSON (application/x-ndjson), one review per line"}"#;
    assert_eq!((answer.status, answer.body.as_str()), (415, body));
    assert_eq!(
        answer.headers[0],
        ("accept-post".to_owned(), ndjson.to_owned())
    );
    let answer = post(
        &server,
        "/api/reviews/batch",
        ndjson,
        &format!("{good}\n{good}"),
    );
    assert_eq!(answer.status, 200);
    assert!(answer.body.starts_with(r#"[{"id":3,"#), "{}", answer.body);
}

#[test]
fn a_browser_gets_a_rejection_as_an_html_page() {
    let (server, _) = RunningServer::shop();
    let raw = curl_expecting(
        0,
        &[
            "-sS",
            "-i",
            "-H",
            "accept: text/html",
            "-H",
            "content-type: application/json",
            "--data-binary",
            "[",
            &server.url("/api/reviews"),
        ],
    );
    let answer = answer(&raw);
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.headers[0],
        (
            "content-type".to_owned(),
            "text/html; charset=utf-8".to_owned()
        )
    );
    assert!(
        answer.body.contains("<title>400 Bad Request</title>"),
        "{}",
        answer.body
    );
}
