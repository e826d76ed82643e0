//! A tour of `#[derive(HttpStatus)]`: an online shop's errors, and each one's response as it goes
//! on the wire.
//!
//! Run it with `cargo run -p tour`.

use std::fmt::Write as _;
use std::time::Duration;

use status_core::http::{Response, header};
use status_core::{Bytes, HttpStatus, Redirect, RedirectMethod, Retry, StatusSemantics};

/// A payment provider's errors, with contracts of their own.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("the card was declined")]
    #[status(
        409,
        type = "https://shop.example/probs/card-declined",
        title = "Card declined"
    )]
    Declined,
}

/// Everything that can go wrong while ordering, and what each answers.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    /// Post/Redirect/Get: the order is saved, the browser is sent to the result page with a GET,
    /// so that a reload never orders twice.
    #[error("order {id} placed")]
    #[status(303, location = "/order-result/{id}")]
    Placed { id: u64 },

    /// /event moved to /new-event for good: links and search engines update.
    #[error("the event page moved")]
    #[status(301, location = "/new-event")]
    EventMoved,

    /// An API endpoint that moved for good, and keeps the POST and its body.
    #[error("the order API moved")]
    #[status(308, location = "/api/v2/orders")]
    ApiMoved,

    /// A cache's copy is still good: no body, ever.
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
    },

    #[error("the order form is incomplete: {missing} is missing")]
    #[status(400)]
    Malformed {
        #[extension("missing_field")]
        missing: &'static str,
    },

    /// 401: who are you? The challenge says how to sign in.
    #[error("sign in to see your orders")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
    SignInRequired,

    /// 403 concealed as 404: someone else's order does not exist, as far as you can tell.
    #[error("order {id} belongs to another customer")]
    #[status(403, conceal = 404)]
    NotYours { id: u64 },

    /// 404: no such order. It answers exactly what `NotYours` answers, so that a client cannot
    /// tell someone else's order from one that does not exist.
    #[error("order {id} does not exist")]
    #[status(404, detail = hidden)]
    NotFound { id: u64 },

    #[error("order {id} cannot be changed: it has shipped")]
    #[status(409)]
    AlreadyShipped {
        #[extension("order_id")]
        id: u64,
    },

    #[error("orders are placed with POST")]
    #[status(405, allow = "GET, HEAD, POST")]
    WrongMethod,

    #[error("too many orders; wait a little")]
    #[status(429)]
    RateLimited {
        #[retry_after]
        wait: Duration,
    },

    #[error(transparent)]
    #[status(transparent)]
    Payment(PaymentError),

    /// The internals stay in the log: the client sees only "Internal Server Error".
    #[error("order database failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),

    #[error("the shop is closed for maintenance")]
    #[status(503, retry_after = 600, detail = display)]
    Maintenance,
}

/// The response as an HTTP/1.1 server writes it: status line, header fields, body. A server
/// adds `content-length` to a response with content; the tour shows it too.
fn wire(response: &Response<Bytes>) -> String {
    let status = response.status();
    let reason = status.reason_phrase().unwrap_or("");
    let mut out = format!("HTTP/1.1 {} {reason}\n", status.as_str());
    for (name, value) in response.headers() {
        let _ = writeln!(out, "{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    let body = response.body();
    if !body.is_empty() && !response.headers().contains_key(header::CONTENT_LENGTH) {
        let _ = writeln!(out, "content-length: {}", body.len());
    }
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&String::from_utf8_lossy(body));
        out.push('\n');
    }
    out
}

/// What a client should do with it.
fn advice(response: &Response<Bytes>) -> String {
    let status = response.status();
    if let Some(Redirect { permanent, method }) = status.redirect() {
        let permanence = if permanent { "permanent" } else { "temporary" };
        let method = match method {
            RedirectMethod::Preserved => "the same method and body",
            RedirectMethod::ChangedToGet => "a POST becomes a GET without body",
        };
        return format!("{permanence} redirect; {method}");
    }
    match status.retry() {
        Retry::NotFailed => "not a failure".to_owned(),
        Retry::Never => "the same request fails again: change it".to_owned(),
        Retry::Later => match response.headers().get(header::RETRY_AFTER) {
            Some(wait) => format!("retry after {} s", wait.to_str().unwrap_or("?")),
            None => "may succeed later".to_owned(),
        },
    }
}

fn main() {
    let errors = [
        OrderError::Placed { id: 42 },
        OrderError::EventMoved,
        OrderError::ApiMoved,
        OrderError::NotModified {
            etag: "\"order-list-v7\"".to_owned(),
        },
        OrderError::Malformed { missing: "itemId" },
        OrderError::SignInRequired,
        OrderError::NotYours { id: 7 },
        OrderError::NotFound { id: 7 },
        OrderError::AlreadyShipped { id: 7 },
        OrderError::WrongMethod,
        OrderError::RateLimited {
            wait: Duration::from_secs(30),
        },
        OrderError::Payment(PaymentError::Declined),
        OrderError::Storage(std::io::Error::other("disk /dev/sda1 is full")),
        OrderError::Maintenance,
    ];
    for error in &errors {
        let response = error.to_response();
        let contract = error.contract();
        let variant = contract.variant.unwrap_or_default();
        println!("── {}::{variant}", contract.type_name);
        println!("   server log: {error}");
        println!("   client: {}", advice(&response));
        println!("{}", wire(&response));
    }
}
