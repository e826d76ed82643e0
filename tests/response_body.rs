//! Custom bodies from a `#[body]` field: a string, `Json`, `Html` and bytes, each with its
//! content type and no problem members.

use serde::Serialize;
use serde_json::json;
use status_core::{Html, HttpStatus, Json};

mod common;
use common::{header_map, json_body};

#[test]
fn body_field_with_a_string() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PageError {
        #[error("no such product page")]
        #[status(404)]
        Missing {
            #[body]
            text: String,
        },
        #[error("robots only")]
        #[status(403)]
        Robots(#[body] &'static str),
    }

    let response = PageError::Missing {
        text: "Product 42 is not in our catalogue. Grüße!\n".into(),
    }
    .to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "text/plain; charset=utf-8")])
    );
    assert_eq!(
        response.body().as_ref(),
        "Product 42 is not in our catalogue. Grüße!\n".as_bytes()
    );

    let response = PageError::Robots("User-agent: *\nDisallow: /checkout\n").to_response();
    assert_eq!(response.status(), 403);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "text/plain; charset=utf-8")])
    );
    assert_eq!(
        response.body().as_ref(),
        b"User-agent: *\nDisallow: /checkout\n"
    );
}

#[test]
fn body_field_with_json() {
    #[derive(Debug, Serialize)]
    struct FieldError {
        field: &'static str,
        message: String,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum AddressError {
        #[error("the address form has errors")]
        #[status(422, headers(CACHE_CONTROL = "no-store"))]
        Invalid {
            #[body]
            errors: Json<Vec<FieldError>>,
        },
    }

    let response = AddressError::Invalid {
        errors: Json(vec![
            FieldError {
                field: "postcode",
                message: "must be 5 digits".into(),
            },
            FieldError {
                field: "city",
                message: "must not be \"empty\"".into(),
            },
        ]),
    }
    .to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("cache-control", "no-store"),
            ("content-type", "application/json")
        ])
    );
    assert_eq!(
        json_body(&response),
        json!([
            { "field": "postcode", "message": "must be 5 digits" },
            { "field": "city", "message": "must not be \"empty\"" },
        ])
    );
}

#[test]
fn body_field_with_html_and_bytes() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum StorefrontError {
        #[error("the shop is closed")]
        #[status(503, retry_after = 3600)]
        Closed {
            #[body]
            page: Html<&'static str>,
        },
        #[error("the invoice PDF is gone")]
        #[status(410)]
        InvoiceGone(#[body] Vec<u8>),
        #[error("the receipt is still being written")]
        #[status(409)]
        ReceiptPending(#[body] status_core::Bytes),
    }

    let response = StorefrontError::Closed {
        page: Html("<h1>Back at 06:00</h1>"),
    }
    .to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("retry-after", "3600"),
            ("content-type", "text/html; charset=utf-8")
        ])
    );
    assert_eq!(response.body().as_ref(), b"<h1>Back at 06:00</h1>");

    let response =
        StorefrontError::InvoiceGone(vec![0x25, 0x50, 0x44, 0x46, 0x00, 0xff]).to_response();
    assert_eq!(response.status(), 410);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/octet-stream")])
    );
    assert_eq!(
        response.body().as_ref(),
        [0x25, 0x50, 0x44, 0x46, 0x00, 0xff]
    );

    let partial = status_core::Bytes::from_static(b"%PDF-1.7\n%\xe2\xe3");
    let response = StorefrontError::ReceiptPending(partial.clone()).to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/octet-stream")])
    );
    assert_eq!(response.body(), &partial);
}

/// A generic type whose responses write no `Display` gets no `Display` bound: a page of any
/// `T` answers, though it has no `Display` of its own.
#[test]
fn a_generic_type_without_display_needs_none() {
    #[derive(Debug, HttpStatus)]
    #[status(200)]
    struct Page<T: Serialize + std::fmt::Debug> {
        #[body]
        items: Json<Vec<T>>,
    }

    let response = Page {
        items: Json(vec![1u8, 2]),
    }
    .to_response();
    assert_eq!(response.status(), 200);
    assert_eq!(response.body().as_ref(), b"[1,2]");
}
