//! Support shared by the end-to-end tests: the example shop (`examples/shop/app.rs`), started
//! in-process on 127.0.0.1 with a port the OS picks, what it logged, and the `curl` binary.
#![allow(dead_code)] // each test file uses some of it

use std::net::SocketAddr;
use std::process::{Command, Output};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

#[path = "../log_capture/mod.rs"]
mod log_capture;

#[path = "../../examples/shop/app.rs"]
pub mod app;

#[allow(dead_code)]
#[path = "../wire_properties/mod.rs"]
pub mod wire_properties;

pub mod wire_check;

use wire_check::WireCheck;

/// How long any one client exchange may take before the test fails.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

/// A server running on its own thread and runtime, until dropped. It serves HTTP/1.1 and h2c.
pub struct RunningServer {
    address: SocketAddr,
    /// For the shop: every response checked against its OpenAPI document.
    wire: Option<WireCheck>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl RunningServer {
    /// A fresh example shop: no orders, open, the default stock-check limit.
    pub fn shop() -> (RunningServer, app::Shop) {
        let shop = app::Shop::new();
        (RunningServer::serving(shop.clone()), shop)
    }

    /// `shop`, each response it sends checked against the shop's OpenAPI document: a response
    /// the document does not describe fails the test when the server is dropped.
    pub fn serving(shop: app::Shop) -> RunningServer {
        let api = app::api(shop);
        assert_eq!(
            api.problems,
            Vec::<String>::new(),
            "the OpenAPI document is incomplete"
        );
        let wire = WireCheck::new(api.document);
        let mut server = RunningServer::start(wire.around(api.router));
        server.wire = Some(wire);
        server
    }

    /// `router`, served by the shop's own [`app::serve`] on 127.0.0.1 and a port the OS picks.
    pub fn start(router: axum::Router) -> RunningServer {
        log_capture::install();
        let (address_tx, address_rx) = std::sync::mpsc::channel();
        let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime for the server");
            runtime.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind 127.0.0.1:0");
                let address = listener.local_addr().expect("the listener's address");
                let _ = address_tx.send(address);
                tokio::select! {
                    served = app::serve(listener, router) => served.expect("the server runs"),
                    _ = shutdown_rx => {}
                }
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
        });
        let address = address_rx
            .recv_timeout(CLIENT_TIMEOUT)
            .expect("the server listens within the timeout");
        RunningServer {
            address,
            wire: None,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }

    /// The server's address, `127.0.0.1:port`.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:port` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let violations = self
            .wire
            .as_ref()
            .map(WireCheck::violations)
            .unwrap_or_default();
        if !violations.is_empty() && !std::thread::panicking() {
            panic!(
                "{} response(s) the shop's OpenAPI document does not describe:\n{}",
                violations.len(),
                violations.join("\n")
            );
        }
    }
}

impl RunningServer {
    /// How many responses were checked against the shop's OpenAPI document so far.
    pub fn responses_checked(&self) -> usize {
        self.wire.as_ref().map_or(0, WireCheck::checked)
    }
}

#[allow(unused_imports)] // the tests that read the log
pub use log_capture::logged;

/// Runs the `curl` binary with `args`, bounded in time and never through a proxy. A missing
/// curl fails the test: these tests are not optional.
pub fn curl(args: &[&str]) -> Output {
    let max_time = CLIENT_TIMEOUT.as_secs().to_string();
    let output = Command::new("curl")
        .args(["--noproxy", "*", "--max-time", &max_time])
        .args(args)
        .output();
    match output {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "the `curl` binary is not installed, and the end-to-end tests need it: \
             `.ci/run` installs it (apt-get install -y curl)"
        ),
        Err(error) => panic!("could not run curl: {error}"),
    }
}

/// curl's standard output as text, after checking that it exited with `code`.
pub fn curl_expecting(code: i32, args: &[&str]) -> String {
    let output = curl(args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "curl {args:?} exited with {:?}; stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whether this curl speaks HTTP/2 (`curl -V` lists the feature `HTTP2`).
pub fn curl_has_http2() -> bool {
    let version = curl_expecting(0, &["--version"]);
    version
        .lines()
        .filter(|line| line.starts_with("Features:"))
        .any(|line| line.split_whitespace().any(|feature| feature == "HTTP2"))
}

/// What a page of the shop that shows what it received (`/new-event`, `/basket`,
/// `/checkout/standby`) says it received: method, body length, body (HTML-escaped).
#[derive(Debug, PartialEq, Eq)]
pub struct Received {
    pub method: String,
    pub body_length: usize,
    pub body_html: String,
}

/// Reads [`Received`] from the page's HTML.
pub fn received(html: &str) -> Received {
    let field = |id: &str| -> String {
        let open = format!("<dd id=\"{id}\">");
        let start = html
            .find(&open)
            .unwrap_or_else(|| panic!("no #{id} in the page:\n{html}"))
            + open.len();
        let end = html[start..].find("</dd>").expect("a closed <dd>") + start;
        html[start..end].to_owned()
    };
    Received {
        method: field("method"),
        body_length: field("body-length").parse().expect("a body length"),
        body_html: field("body"),
    }
}
