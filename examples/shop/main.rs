//! The example shop: an axum application whose every answer that is not a plain `200 OK` is a
//! `#[derive(HttpStatus)]` type. The routes and scenarios are listed in `app.rs`.
//!
//! Run it with `cargo run --example shop` (port 3000, or `PORT`), then open
//! <http://127.0.0.1:3000/> in a browser, or try the README's curl commands.

mod app;

use std::io;
use std::net::{Ipv4Addr, SocketAddr};

use tokio::net::TcpListener;

/// What to try, printed at start-up.
const SCENARIOS: &[(&str, &str)] = &[
    ("/", "what to try"),
    (
        "/order",
        "the order form: POST /order answers 303 to /order-result/{id} (Post/Redirect/Get)",
    ),
    ("/event", "301 to /new-event, which shows what it received"),
    ("/cart", "302 to /basket"),
    (
        "/checkout",
        "307 to /checkout/standby (POST it: the body is kept)",
    ),
    (
        "/api/v1/orders",
        "308 to /api/v2/orders (POST it: the body is kept)",
    ),
    (
        "/api/v2/orders/{id}",
        "401 without `Authorization: Bearer <name>`; someone else's order is a 404; a browser gets the HTML page",
    ),
    (
        "/api/partner/orders/{id}",
        "the same, errors in the partners' house format {\"error\":{...}}",
    ),
    ("/api/batch", "POST: 202 Accepted"),
    (
        "/api/drafts/{id}",
        "PUT: 204 No Content; DELETE: 405 with Allow",
    ),
    ("/editor", "the save button: 204, and the page stays"),
    ("/api/catalog", "ETag; 304 with a matching If-None-Match"),
    (
        "/api/stock/mouse",
        "the 4th check within a minute: 429 with Retry-After",
    ),
    (
        "/admin/maintenance",
        "PUT: closed, every page 503 with Retry-After; DELETE: open",
    ),
    (
        "/api/reports/sales",
        "500: the cause is in this log, not in the response",
    ),
    ("/loop/a", "a redirect loop"),
    (
        "/openapi.json",
        "the OpenAPI 3.1 document of every route, from the handlers' types",
    ),
];

#[tokio::main]
async fn main() -> io::Result<()> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_target(false)
        .init();

    let port = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("PORT must be a port number, not {port:?}"),
            )
        })?,
        Err(_) => 3000,
    };
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let address = listener.local_addr()?;

    println!("The status shop serves HTTP/1.1 and h2c on http://{address}/");
    for (path, scenario) in SCENARIOS {
        println!("  http://{address}{path:<22} {scenario}");
    }
    let shop = app::api(app::Shop::new());
    for problem in &shop.problems {
        tracing::warn!("the OpenAPI document is incomplete: {problem}");
    }
    let paths = shop.document["paths"]
        .as_object()
        .map_or(0, |paths| paths.len());
    println!("Its OpenAPI document describes {paths} paths: http://{address}/openapi.json");
    println!("Stop it with Ctrl-C.");

    app::serve(listener, shop.router).await
}
