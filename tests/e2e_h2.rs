//! End to end over HTTP/2 with prior knowledge (h2c), through hyper's own HTTP/2 client: the
//! shop's 204 and 304 responses end with their HEADERS frame (END_STREAM, no DATA frame, no
//! `content-length`), while the same statuses built by hand in an axum handler, served the same
//! way, go out with `content-length` and a DATA frame: hyper's HTTP/2 server does not strip
//! them. curl (`--http2-prior-knowledge`) double-checks the shop's 204.

mod e2e;

use axum::Router;
use axum::body::Bytes;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{Method, Request, Response, StatusCode, Version};
use axum::routing::{get, put};
use e2e::{CLIENT_TIMEOUT, RunningServer, curl_expecting, curl_has_http2};
use http_body_util::{BodyExt, Full};
use hyper::body::{Body as _, Incoming};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::net::TcpStream;

/// What came back over HTTP/2: the response head, whether the body had ended with the HEADERS
/// frame, every DATA frame's bytes, and how many other frames (trailers) followed.
struct H2Exchange {
    response: Response<()>,
    ended_with_headers: bool,
    data_frames: Vec<Bytes>,
    other_frames: usize,
}

/// Sends one request over a fresh h2c connection with prior knowledge, and reads the whole
/// response frame by frame.
async fn h2(
    server: &RunningServer,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
) -> H2Exchange {
    let exchange = async {
        let stream = TcpStream::connect(server.address()).await.expect("connect");
        let (mut sender, connection) =
            hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(stream))
                .await
                .expect("an HTTP/2 handshake with prior knowledge");
        tokio::spawn(connection);
        let mut request = Request::builder()
            .method(method)
            .uri(server.url(path))
            .version(Version::HTTP_2);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = Full::new(Bytes::from_static(b"saved text"));
        let response: Response<Incoming> = sender
            .send_request(request.body(body).expect("a request"))
            .await
            .expect("an HTTP/2 response");
        let (parts, mut body) = response.into_parts();
        let ended_with_headers = body.is_end_stream();
        let (mut data_frames, mut other_frames) = (Vec::new(), 0);
        while let Some(frame) = body.frame().await {
            match frame.expect("a frame").into_data() {
                Ok(data) => data_frames.push(data),
                Err(_) => other_frames += 1,
            }
        }
        H2Exchange {
            response: Response::from_parts(parts, ()),
            ended_with_headers,
            data_frames,
            other_frames,
        }
    };
    tokio::time::timeout(CLIENT_TIMEOUT, exchange)
        .await
        .expect("the HTTP/2 exchange ends within the timeout")
}

/// A router that builds its 204 and 304 by hand, as plain axum code would.
fn hand_built() -> Router {
    Router::new()
        .route(
            "/hand-built/no-content",
            put(|| async { (StatusCode::NO_CONTENT, "x") }),
        )
        .route(
            "/hand-built/not-modified",
            get(|| async { (StatusCode::NOT_MODIFIED, [(ETAG, "\"v1\"")], "catalog") }),
        )
}

fn names(response: &Response<()>) -> Vec<&str> {
    let mut names: Vec<&str> = response
        .headers()
        .keys()
        .map(|name| name.as_str())
        .collect();
    names.sort_unstable();
    names
}

#[tokio::test]
async fn no_content_and_not_modified_send_no_data_frame_unlike_hand_built_ones() {
    let (shop, _) = RunningServer::shop();

    // The shop's 204: the HEADERS frame ends the stream.
    let saved = h2(
        &shop,
        Method::PUT,
        "/api/drafts/h2",
        &[("content-type", "text/plain")],
    )
    .await;
    assert_eq!(saved.response.version(), Version::HTTP_2);
    assert_eq!(saved.response.status(), StatusCode::NO_CONTENT);
    assert_eq!(names(&saved.response), ["date"]);
    assert!(saved.ended_with_headers);
    assert!(saved.data_frames.is_empty());
    assert_eq!(saved.other_frames, 0);

    // The shop's 304.
    let current = h2(&shop, Method::GET, "/api/catalog", &[]).await;
    assert_eq!(current.response.status(), StatusCode::OK);
    assert!(!current.ended_with_headers);
    let etag = current.response.headers()[ETAG]
        .to_str()
        .unwrap()
        .to_owned();
    let cached = h2(
        &shop,
        Method::GET,
        "/api/catalog",
        &[(IF_NONE_MATCH.as_str(), &etag)],
    )
    .await;
    assert_eq!(cached.response.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(names(&cached.response), ["cache-control", "date", "etag"]);
    assert_eq!(cached.response.headers()[ETAG], etag.as_str());
    assert!(cached.ended_with_headers);
    assert!(cached.data_frames.is_empty());
    assert_eq!(cached.other_frames, 0);

    // The same statuses built by hand, served the same way: content-length and a DATA frame.
    let plain = RunningServer::start(hand_built());
    let saved = h2(&plain, Method::PUT, "/hand-built/no-content", &[]).await;
    assert_eq!(saved.response.version(), Version::HTTP_2);
    assert_eq!(saved.response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        names(&saved.response),
        ["content-length", "content-type", "date"]
    );
    assert_eq!(saved.response.headers()[CONTENT_LENGTH], "1");
    assert_eq!(
        saved.response.headers()[CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    assert!(!saved.ended_with_headers);
    assert_eq!(saved.data_frames, [Bytes::from_static(b"x")]);
    assert_eq!(saved.other_frames, 0);

    let cached = h2(&plain, Method::GET, "/hand-built/not-modified", &[]).await;
    assert_eq!(cached.response.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(
        names(&cached.response),
        ["content-length", "content-type", "date", "etag"]
    );
    assert_eq!(cached.response.headers()[CONTENT_LENGTH], "7");
    assert!(!cached.ended_with_headers);
    assert_eq!(cached.data_frames, [Bytes::from_static(b"catalog")]);
    assert_eq!(cached.other_frames, 0);
}

#[test]
fn curl_with_http2_prior_knowledge_sees_a_204_without_content() {
    assert!(
        curl_has_http2(),
        "this curl was built without HTTP/2 (`curl -V` lists no HTTP2 feature); \
         `.ci/run` installs Debian's curl, which has it"
    );
    let (shop, _) = RunningServer::shop();
    let output = curl_expecting(
        0,
        &[
            "--http2-prior-knowledge",
            "-sS",
            "-D",
            "-",
            "-X",
            "PUT",
            "-d",
            "saved text",
            "-w",
            "--write-out-- %{http_version} %{size_download}",
            &shop.url("/api/drafts/curl"),
        ],
    );
    let (head, write_out) = output.split_once("--write-out-- ").expect("-w output");
    assert_eq!(write_out, "2 0");
    let lines: Vec<&str> = head.split("\r\n").collect();
    assert_eq!(lines[0], "HTTP/2 204 ");
    assert!(lines[1].starts_with("date: "), "{head:?}");
    assert_eq!(&lines[2..], ["", ""], "{head:?}");
}
