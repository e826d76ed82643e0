//! 5xx: no `detail` by default, and nothing of the error's `Display`, its source's `Display` or
//! `Debug` reaches the client, also through `#[status(transparent)]` chains (RFC 9457 §5).

use std::io;

use http::Response;
use serde_json::json;
use status_core::HttpStatus;

mod common;
use common::{header_map, json_body};

/// Neither the text nor any header contains any of `secrets`.
fn assert_no_leak<B: AsRef<[u8]>>(response: &Response<B>, secrets: &[&str]) {
    let body = String::from_utf8_lossy(response.body().as_ref()).into_owned();
    for secret in secrets {
        assert!(
            !body.contains(secret),
            "{secret:?} leaked into the body {body}"
        );
        for (name, value) in response.headers() {
            let value = String::from_utf8_lossy(value.as_bytes());
            assert!(
                !value.contains(secret),
                "{secret:?} leaked into header {name}"
            );
        }
    }
}

const DB_SECRET: &str = "postgres://shop:hunter2@10.0.0.5/orders";

#[test]
fn internal_server_error_hides_its_source() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("storing order {id} failed: {source}")]
        #[status(500)]
        Storage {
            id: u64,
            #[source]
            source: io::Error,
        },
    }

    let error = OrderError::Storage {
        id: 7,
        source: io::Error::other(format!("connection to {DB_SECRET} refused")),
    };
    // The secret is in Display and Debug, which are for the server's logs.
    assert!(error.to_string().contains("hunter2"));
    assert!(format!("{error:?}").contains("hunter2"));

    let response = error.to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
    assert_no_leak(
        &response,
        &[
            "hunter2", "postgres", "10.0.0.5", "refused", "storing", "Custom",
        ],
    );
}

#[test]
fn every_server_error_status_hides_display_and_debug() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PaymentError {
        #[error("gateway said: {0}")]
        #[status(502)]
        Gateway(#[from] io::Error),
        #[error("gateway timed out after {0} ms at /srv/pay/worker-3")]
        #[status(504)]
        Timeout(u64),
        #[error("refunds are not implemented for {0:?}")]
        #[status(501)]
        NoRefunds(Vec<&'static str>),
        #[error("disk full on /dev/sda1")]
        #[status(507)]
        Disk,
    }

    let cases = [
        (
            PaymentError::from(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "tls: bad certificate for internal-pay.corp",
            )),
            502,
            "Bad Gateway",
            &[
                "tls",
                "internal-pay.corp",
                "ConnectionReset",
                "gateway said",
            ][..],
        ),
        (
            PaymentError::Timeout(30_000),
            504,
            "Gateway Timeout",
            &["30000", "/srv/pay", "worker-3"][..],
        ),
        (
            PaymentError::NoRefunds(vec!["klarna"]),
            501,
            "Not Implemented",
            &["klarna", "refunds"][..],
        ),
        (
            PaymentError::Disk,
            507,
            "Insufficient Storage",
            &["sda1", "disk"][..],
        ),
    ];
    for (error, status, title, secrets) in cases {
        let response = error.to_response();
        assert_eq!(response.status(), status);
        assert_eq!(
            response.headers(),
            &header_map(&[("content-type", "application/problem+json")])
        );
        assert_eq!(
            json_body(&response),
            json!({ "type": "about:blank", "title": title, "status": status })
        );
        assert_no_leak(&response, secrets);
    }
}

#[test]
fn service_unavailable_with_retry_after_and_a_public_detail() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ShopError {
        #[error("replica lag {0} s on db-replica-2")]
        #[status(
            503,
            retry_after = 120,
            detail = "The shop is busy; please retry in two minutes."
        )]
        Overloaded(u32),
    }

    let response = ShopError::Overloaded(45).to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("retry-after", "120"),
            ("content-type", "application/problem+json")
        ])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Service Unavailable",
            "status": 503,
            "detail": "The shop is busy; please retry in two minutes.",
        })
    );
    assert_no_leak(&response, &["replica", "lag", "45"]);
}

#[test]
fn transparent_chains_hide_the_innermost_source() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum LedgerError {
        #[error("ledger write failed: {0}")]
        #[status(500)]
        Write(#[source] io::Error),
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PaymentError {
        #[error(transparent)]
        #[status(transparent)]
        Ledger(#[from] LedgerError),
        #[error("provider {0} unreachable")]
        #[status(502)]
        Provider(String),
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CheckoutError {
        #[error("cart {0} is empty")]
        #[status(400)]
        EmptyCart(u64),
        #[error("payment failed: {0}")]
        #[status(transparent)]
        Payment(#[from] PaymentError),
    }

    let error = CheckoutError::from(PaymentError::from(LedgerError::Write(io::Error::other(
        DB_SECRET,
    ))));
    assert!(error.to_string().contains("hunter2"));
    let response = error.to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
    assert_no_leak(&response, &["hunter2", "ledger", "payment failed"]);

    let response =
        CheckoutError::Payment(PaymentError::Provider("pay-eu-7.internal".into())).to_response();
    assert_eq!(response.status(), 502);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Bad Gateway", "status": 502 })
    );
    assert_no_leak(&response, &["pay-eu-7"]);

    // The 4xx of the outer type still explains itself.
    let response = CheckoutError::EmptyCart(9).to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Bad Request", "status": 400, "detail": "cart 9 is empty" })
    );
}
