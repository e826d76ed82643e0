//! Statuses without content: 204 and 304 send no body, no `Content-Type` and no
//! `Content-Length`; 205 sends no body and `Content-Length: 0`; other 2xx and 3xx default to no
//! body. (A 1xx cannot be derived at all: it is a compile error, RFC 9110 §15.2.)

use http::{HeaderMap, StatusCode};
use status_core::{BodyContract, HttpStatus, StatusSemantics};

mod common;
use common::header_map;

#[test]
fn no_content_has_no_body_and_no_content_headers() {
    // DELETE /cart/items/7 succeeded.
    #[derive(Debug, HttpStatus)]
    #[status(204)]
    struct ItemRemoved;

    let response = ItemRemoved.to_response();
    assert_eq!(response.status(), 204);
    assert_eq!(response.headers(), &HeaderMap::new());
    assert_eq!(response.body().as_ref(), b"");
    assert_eq!(ItemRemoved.contract().body, BodyContract::Empty);
    assert!(!StatusCode::NO_CONTENT.allows_content());
}

#[test]
fn no_content_keeps_its_header_fields() {
    #[derive(Debug, HttpStatus)]
    #[status(204, headers(CACHE_CONTROL = "no-store"))]
    struct CartSaved {
        #[header(ETAG)]
        etag: String,
    }

    let response = CartSaved {
        etag: "\"cart-v3\"".into(),
    }
    .to_response();
    assert_eq!(response.status(), 204);
    assert_eq!(
        response.headers(),
        &header_map(&[("cache-control", "no-store"), ("etag", "\"cart-v3\"")])
    );
    assert_eq!(response.body().as_ref(), b"");
}

#[test]
fn not_modified_has_no_body_even_on_an_error_type() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CatalogueError {
        #[error("catalogue unchanged since {since}, this text must not be sent")]
        #[status(304)]
        NotModified {
            #[header(ETAG)]
            etag: String,
            since: String,
        },
    }

    let response = CatalogueError::NotModified {
        etag: "\"catalogue-v12\"".into(),
        since: "yesterday".into(),
    }
    .to_response();
    assert_eq!(response.status(), 304);
    assert_eq!(
        response.headers(),
        &header_map(&[("etag", "\"catalogue-v12\"")])
    );
    assert_eq!(response.body().as_ref(), b"");
    assert!(!StatusCode::NOT_MODIFIED.allows_content());
}

#[test]
fn reset_content_sends_content_length_zero() {
    // The review form was stored; the browser clears it (RFC 9110 §15.3.6).
    #[derive(Debug, HttpStatus)]
    enum ReviewForm {
        #[status(205)]
        Stored,
        #[status(205, headers(CACHE_CONTROL = "no-store"))]
        StoredPrivately {
            #[header("x-review-id")]
            id: u64,
        },
    }

    let response = ReviewForm::Stored.to_response();
    assert_eq!(response.status(), 205);
    assert_eq!(response.headers(), &header_map(&[("content-length", "0")]));
    assert_eq!(response.body().as_ref(), b"");

    let response = ReviewForm::StoredPrivately { id: 31 }.to_response();
    assert_eq!(response.status(), 205);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("cache-control", "no-store"),
            ("x-review-id", "31"),
            ("content-length", "0")
        ])
    );
    assert_eq!(response.body().as_ref(), b"");
    assert_eq!(ReviewForm::Stored.contract().body, BodyContract::Empty);
    assert!(!StatusCode::RESET_CONTENT.allows_content());
}

#[test]
fn other_success_and_redirect_statuses_default_to_no_body() {
    #[derive(Debug, HttpStatus)]
    enum OrderAccepted {
        #[status(202, headers("x-queue-position" = "3"))]
        Queued,
        #[status(201, location = "/orders/{id}")]
        Created { id: u64 },
        #[status(303, location = "/order-result/{id}")]
        Placed { id: u64 },
    }

    let response = OrderAccepted::Queued.to_response();
    assert_eq!(response.status(), 202);
    assert_eq!(
        response.headers(),
        &header_map(&[("x-queue-position", "3")])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = OrderAccepted::Created { id: 8 }.to_response();
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/orders/8")])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = OrderAccepted::Placed { id: 8 }.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/8")])
    );
    assert_eq!(response.body().as_ref(), b"");
    for variant in [OrderAccepted::Queued, OrderAccepted::Created { id: 1 }] {
        assert_eq!(variant.contract().body, BodyContract::Empty);
    }
}

#[test]
fn interim_statuses_never_allow_content() {
    // The derive rejects 1xx; the runtime semantics agree that they carry no content.
    for code in 100..=199 {
        assert!(
            !StatusCode::from_u16(code).unwrap().allows_content(),
            "{code}"
        );
    }
}
