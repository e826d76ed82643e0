//! Header fields: the static shortcuts and `headers(...)`, fields marked `#[header]`, `Option`
//! fields, the `Connection: upgrade` beside an `Upgrade`, `ETag` on a 304, `Content-Range` on a
//! 206, and the reason phrase of an unregistered code. `Location` is in response_location.rs,
//! `Retry-After` in response_retry_after.rs.

use std::borrow::Cow;

use http::HeaderValue;
use serde_json::json;
use status_core::HttpStatus;

mod common;
use common::{PROBLEM, header_map, json_body};

/// The header fields a case expects besides `Content-Type`.
type Fields = &'static [(&'static str, &'static str)];

#[test]
fn static_shortcut_headers() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ApiError {
        #[error("sign in to see your orders")]
        #[status(
            401,
            www_authenticate = r#"Bearer realm="shop", error="invalid_token""#
        )]
        SignInRequired,
        #[error("orders cannot be deleted")]
        #[status(405, allow = "GET, HEAD, POST")]
        NoDelete,
        #[error("the corporate proxy wants credentials")]
        #[status(407, proxy_authenticate = r#"Basic realm="proxy""#)]
        ProxyAuth,
        #[error("live order tracking needs a WebSocket")]
        #[status(426, upgrade = "websocket")]
        NeedsWebSocket,
        #[error("the invoice has 47022 bytes")]
        #[status(416, content_range = "bytes */47022")]
        BadRange,
        #[error("prices are region-specific")]
        #[status(
            409,
            headers(CACHE_CONTROL = "no-store", "x-shop-region" = "eu-central", VARY = "Accept-Language")
        )]
        RegionMismatch,
    }

    let cases: [(ApiError, u16, Fields); 6] = [
        (
            ApiError::SignInRequired,
            401,
            &[(
                "www-authenticate",
                r#"Bearer realm="shop", error="invalid_token""#,
            )],
        ),
        (ApiError::NoDelete, 405, &[("allow", "GET, HEAD, POST")]),
        (
            ApiError::ProxyAuth,
            407,
            &[("proxy-authenticate", r#"Basic realm="proxy""#)],
        ),
        // RFC 9110 §7.8: a sender of Upgrade also sends the "upgrade" connection option.
        (
            ApiError::NeedsWebSocket,
            426,
            &[("upgrade", "websocket"), ("connection", "upgrade")],
        ),
        (
            ApiError::BadRange,
            416,
            &[("content-range", "bytes */47022")],
        ),
        (
            ApiError::RegionMismatch,
            409,
            &[
                ("cache-control", "no-store"),
                ("x-shop-region", "eu-central"),
                ("vary", "Accept-Language"),
            ],
        ),
    ];
    for (error, status, headers) in cases {
        let detail = error.to_string();
        let response = error.to_response();
        assert_eq!(response.status(), status);
        let mut expected = header_map(headers);
        expected.append(
            "content-type",
            HeaderValue::from_static("application/problem+json"),
        );
        assert_eq!(response.headers(), &expected, "{status}");
        let title = status_core::status_codes::lookup(status).unwrap().phrase;
        assert_eq!(
            json_body(&response),
            json!({ "type": "about:blank", "title": title, "status": status, "detail": detail })
        );
    }
}

#[test]
fn header_fields_by_constant_and_by_name() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderUpdateError {
        #[error("order {order} changed since you loaded it")]
        #[status(412)]
        Stale {
            #[header(ETAG)]
            current: String,
            #[header("x-request-id")]
            request_id: String,
            #[header("X-Order-Id")]
            order: u64,
        },
    }

    let response = OrderUpdateError::Stale {
        current: "\"v8\"".into(),
        request_id: "req-5f3a".into(),
        order: 7,
    }
    .to_response();
    assert_eq!(response.status(), 412);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("etag", "\"v8\""),
            ("x-request-id", "req-5f3a"),
            ("x-order-id", "7"),
            PROBLEM,
        ])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Precondition Failed",
            "status": 412,
            "detail": "order 7 changed since you loaded it",
        })
    );
}

#[test]
fn header_fields_of_every_supported_type() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("conflict")]
    #[status(409)]
    struct Conflict {
        #[header("x-str")]
        a: &'static str,
        #[header("x-string")]
        b: String,
        #[header("x-box")]
        c: Box<str>,
        #[header("x-cow")]
        d: Cow<'static, str>,
        #[header("x-header-value")]
        e: HeaderValue,
        #[header("x-u16")]
        f: u16,
        #[header("x-i64")]
        g: i64,
        #[header("x-usize")]
        h: usize,
        #[header("x-arc")]
        i: std::sync::Arc<str>,
    }

    let response = Conflict {
        a: "a b",
        b: "W/\"1\"".into(),
        c: "boxed".into(),
        d: Cow::Borrowed("cow\tcow"),
        e: HeaderValue::from_static("text/html"),
        f: 65535,
        g: -42,
        h: 0,
        i: "arc".into(),
    }
    .to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("x-str", "a b"),
            ("x-string", "W/\"1\""),
            ("x-box", "boxed"),
            ("x-cow", "cow\tcow"),
            ("x-header-value", "text/html"),
            ("x-u16", "65535"),
            ("x-i64", "-42"),
            ("x-usize", "0"),
            ("x-arc", "arc"),
            PROBLEM,
        ])
    );
}

#[test]
fn upgrade_from_a_field_brings_its_connection_option() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum TrackingError {
        #[error("live tracking needs another protocol")]
        #[status(426)]
        NeedsUpgrade {
            #[header(UPGRADE)]
            protocols: &'static str,
        },
        #[error("the tracking request is malformed")]
        #[status(400)]
        Malformed {
            // Offered only to clients that could use it.
            #[header(UPGRADE)]
            offer: Option<&'static str>,
        },
    }

    let response = TrackingError::NeedsUpgrade {
        protocols: "websocket",
    }
    .to_response();
    assert_eq!(response.status(), 426);
    assert_eq!(
        response.headers(),
        &header_map(&[("upgrade", "websocket"), ("connection", "upgrade"), PROBLEM])
    );

    let response = TrackingError::Malformed {
        offer: Some("websocket"),
    }
    .to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers(),
        &header_map(&[("upgrade", "websocket"), ("connection", "upgrade"), PROBLEM])
    );
}

#[test]
fn no_connection_option_without_an_upgrade() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum TrackingError {
        #[error("the tracking request is malformed")]
        #[status(400)]
        Malformed {
            #[header(UPGRADE)]
            offer: Option<&'static str>,
        },
    }

    let response = TrackingError::Malformed { offer: None }.to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
}

#[test]
fn option_header_fields_send_nothing_when_none() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CatalogueError {
        #[error("product {sku} not found")]
        #[status(404)]
        NoProduct {
            sku: String,
            #[header("x-request-id")]
            request_id: Option<String>,
            #[header(CACHE_CONTROL)]
            cache: Option<&'static str>,
        },
    }

    let response = CatalogueError::NoProduct {
        sku: "MOUSE-42".into(),
        request_id: None,
        cache: None,
    }
    .to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));

    let response = CatalogueError::NoProduct {
        sku: "MOUSE-42".into(),
        request_id: Some("req-1".into()),
        cache: None,
    }
    .to_response();
    assert_eq!(
        response.headers(),
        &header_map(&[("x-request-id", "req-1"), PROBLEM])
    );

    let response = CatalogueError::NoProduct {
        sku: "MOUSE-42".into(),
        request_id: Some("req-2".into()),
        cache: Some("max-age=60"),
    }
    .to_response();
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("x-request-id", "req-2"),
            ("cache-control", "max-age=60"),
            PROBLEM
        ])
    );
}

#[test]
fn not_modified_for_caches() {
    #[derive(Debug, HttpStatus)]
    enum Conditional {
        #[status(304, headers(CACHE_CONTROL = "max-age=60"))]
        NotModified {
            #[header(ETAG)]
            etag: String,
            #[header(LAST_MODIFIED)]
            last_modified: Option<String>,
        },
    }

    let response = Conditional::NotModified {
        etag: "\"catalogue-v12\"".into(),
        last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()),
    }
    .to_response();
    assert_eq!(response.status(), 304);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("cache-control", "max-age=60"),
            ("etag", "\"catalogue-v12\""),
            ("last-modified", "Wed, 21 Oct 2015 07:28:00 GMT"),
        ])
    );
    assert_eq!(response.body().as_ref(), b"");
}

#[test]
fn partial_content_sends_its_range_and_its_part() {
    #[derive(Debug, HttpStatus)]
    #[status(206, content_range = "bytes 0-3/10")]
    struct InvoicePart {
        #[body]
        bytes: Vec<u8>,
    }
    impl std::fmt::Display for InvoicePart {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the first four bytes of the invoice")
        }
    }

    let response = InvoicePart {
        bytes: b"%PDF".to_vec(),
    }
    .to_response();
    assert_eq!(response.status(), 206);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("content-range", "bytes 0-3/10"),
            ("content-type", "application/octet-stream"),
        ])
    );
    assert_eq!(response.body().as_ref(), b"%PDF");
}

#[test]
fn an_unregistered_code_carries_its_reason_phrase_for_the_status_line() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ProxyError {
        #[error("the client went away")]
        #[status(499, reason = "Client Closed Request")]
        ClientClosed,
        #[error("no such order")]
        #[status(404)]
        NotFound,
    }

    let response = ProxyError::ClientClosed.to_response();
    assert_eq!(response.status(), 499);
    assert_eq!(
        response.extensions().get::<status_core::ReasonPhrase>(),
        Some(&status_core::ReasonPhrase("Client Closed Request"))
    );
    assert_eq!(json_body(&response)["title"], "Client Closed Request");
    // A registered code's phrase is the server's to write: nothing in the extensions.
    let response = ProxyError::NotFound.to_response();
    assert!(
        response
            .extensions()
            .get::<status_core::ReasonPhrase>()
            .is_none()
    );
}

/// A type written by a `macro_rules!` reaches the derive wrapped in an invisible group: an
/// `Option` is still an `Option` there, and sends nothing when `None`.
#[test]
fn an_option_written_by_a_macro_is_still_an_option() {
    macro_rules! catalogue_error {
        ($request_id:ty) => {
            #[derive(Debug, thiserror::Error, HttpStatus)]
            enum CatalogueError {
                #[error("product not found")]
                #[status(404)]
                NoProduct {
                    #[header("x-request-id")]
                    request_id: $request_id,
                },
            }
        };
    }
    catalogue_error!(Option<String>);

    let response = CatalogueError::NoProduct { request_id: None }.to_response();
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    let response = CatalogueError::NoProduct {
        request_id: Some("req-1".into()),
    }
    .to_response();
    assert_eq!(
        response.headers(),
        &header_map(&[("x-request-id", "req-1"), PROBLEM])
    );
}
