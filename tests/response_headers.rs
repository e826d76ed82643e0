//! Header fields: the static shortcuts and `headers(...)`, fields marked `#[header]`,
//! `#[location]` and `#[retry_after]`, `Option` fields, static `retry_after`, and `location`
//! templates whose placeholders are percent-encoded.

use std::borrow::Cow;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, HeaderValue};
use serde_json::json;
use status_core::{HttpStatus, RetryAfter};

mod common;
use common::{PROBLEM, header_map, json_body};

/// The header fields a case expects besides `Content-Type`.
type Fields = &'static [(&'static str, &'static str)];

/// 2015-10-21T07:28:00Z, "Wed, 21 Oct 2015 07:28:00 GMT".
fn back_to_the_future() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480)
}

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
fn static_location_on_permanent_redirects() {
    // /event moved to /new-event: 301 for links (a POST becomes a GET), 308 for the API (a POST
    // stays a POST).
    #[derive(Debug, HttpStatus)]
    enum EventPage {
        #[status(301, location = "/new-event")]
        Moved,
        #[status(308, location = "/new-event")]
        MovedKeepMethod,
        #[status(307, location = "https://shop.example/new-event?from=event#top")]
        Elsewhere,
    }

    for (page, status, location) in [
        (EventPage::Moved, 301, "/new-event"),
        (EventPage::MovedKeepMethod, 308, "/new-event"),
        (
            EventPage::Elsewhere,
            307,
            "https://shop.example/new-event?from=event#top",
        ),
    ] {
        let response = page.to_response();
        assert_eq!(response.status(), status);
        assert_eq!(response.headers(), &header_map(&[("location", location)]));
        assert_eq!(response.body().as_ref(), b"");
    }
}

#[test]
fn location_template_post_redirect_get() {
    #[derive(Debug, HttpStatus)]
    enum Checkout {
        #[status(303, location = "/order-result/{id}")]
        Placed { id: u64 },
        #[status(303, location = "/shops/{shop}/orders/{id}?tab={tab}")]
        PlacedInShop {
            shop: &'static str,
            id: u64,
            tab: String,
        },
        #[status(201, location = "https://shop.example/orders/{0}")]
        Created(u32),
    }

    let response = Checkout::Placed { id: 7 }.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7")])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = Checkout::PlacedInShop {
        shop: "berlin",
        id: 18_446_744_073_709_551_615,
        tab: "summary".into(),
    }
    .to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[(
            "location",
            "/shops/berlin/orders/18446744073709551615?tab=summary"
        )])
    );

    let response = Checkout::Created(42).to_response();
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "https://shop.example/orders/42")])
    );
    assert_eq!(response.body().as_ref(), b"");
}

#[test]
fn location_placeholders_are_percent_encoded() {
    #[derive(Debug, HttpStatus)]
    #[status(303, location = "/search/{term}/results")]
    struct SearchMoved {
        term: String,
    }

    let cases = [
        // RFC 3986 unreserved characters stay.
        ("AZaz09-._~", "AZaz09-._~"),
        ("red shoes", "red%20shoes"),
        ("a/b", "a%2Fb"),
        ("../../admin", "..%2F..%2Fadmin"),
        ("x?y=1&z#top", "x%3Fy%3D1%26z%23top"),
        ("100%", "100%25"),
        ("Größe", "Gr%C3%B6%C3%9Fe"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("😀", "%F0%9F%98%80"),
        (
            "x\r\nSet-Cookie: session=stolen",
            "x%0D%0ASet-Cookie%3A%20session%3Dstolen",
        ),
        ("nul\0tab\tdel\u{7f}", "nul%00tab%09del%7F"),
        ("+:@!$'()*,;", "%2B%3A%40%21%24%27%28%29%2A%2C%3B"),
        ("", ""),
    ];
    for (term, encoded) in cases {
        let response = SearchMoved { term: term.into() }.try_to_response().unwrap();
        assert_eq!(response.status(), 303);
        let location = format!("/search/{encoded}/results");
        assert_eq!(
            response.headers(),
            &header_map(&[("location", location.as_str())]),
            "{term:?}"
        );
        assert_eq!(response.body().as_ref(), b"");
    }
}

#[test]
fn location_from_a_field() {
    #[derive(Debug, HttpStatus)]
    enum Continue {
        #[status(307)]
        ToPaymentProvider {
            #[location]
            url: String,
        },
        #[status(302, allow(missing_location))]
        Back {
            #[location]
            referer: Option<&'static str>,
        },
    }

    let response = Continue::ToPaymentProvider {
        url: "https://pay.example/session/abc?return=%2Forder-result%2F7".into(),
    }
    .to_response();
    assert_eq!(response.status(), 307);
    assert_eq!(
        response.headers(),
        &header_map(&[(
            "location",
            "https://pay.example/session/abc?return=%2Forder-result%2F7"
        )])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = Continue::Back {
        referer: Some("/cart"),
    }
    .to_response();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers(), &header_map(&[("location", "/cart")]));

    let response = Continue::Back { referer: None }.to_response();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers(), &HeaderMap::new());
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
fn retry_after_from_a_duration_rounds_up() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("too many checkout attempts")]
    #[status(429)]
    struct RateLimited {
        #[retry_after]
        wait: Duration,
    }

    let cases = [
        (Duration::ZERO, "0"),
        (Duration::from_nanos(1), "1"),
        (Duration::from_millis(999), "1"),
        (Duration::from_secs(1), "1"),
        (Duration::from_millis(1500), "2"),
        (Duration::new(2, 1), "3"),
        (Duration::from_secs(3), "3"),
        (Duration::from_secs(86_400), "86400"),
    ];
    for (wait, seconds) in cases {
        let response = RateLimited { wait }.to_response();
        assert_eq!(response.status(), 429);
        assert_eq!(
            response.headers(),
            &header_map(&[("retry-after", seconds), PROBLEM]),
            "{wait:?}"
        );
        assert_eq!(
            json_body(&response),
            json!({
                "type": "about:blank",
                "title": "Too Many Requests",
                "status": 429,
                "detail": "too many checkout attempts",
            })
        );
    }
}

#[test]
fn retry_after_from_the_longest_duration_does_not_overflow() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("the shop is closed for good")]
    #[status(503)]
    struct ClosedForGood {
        #[retry_after]
        wait: Duration,
    }

    // u64::MAX seconds and a fraction: the fraction cannot round up any further.
    let response = ClosedForGood {
        wait: Duration::MAX,
    }
    .try_to_response()
    .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "18446744073709551615"), PROBLEM])
    );
}

#[test]
fn retry_after_from_seconds_dates_and_options() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum Busy {
        #[error("busy")]
        #[status(503)]
        Seconds {
            #[retry_after]
            wait: u64,
        },
        #[error("busy")]
        #[status(503)]
        SmallSeconds {
            #[retry_after]
            wait: u32,
        },
        #[error("busy")]
        #[status(503)]
        Until {
            #[retry_after]
            until: SystemTime,
        },
        #[error("busy")]
        #[status(503)]
        Either(#[retry_after] RetryAfter),
        #[error("busy")]
        #[status(429)]
        Maybe {
            #[retry_after]
            wait: Option<Duration>,
        },
        #[error("upload too large for now")]
        #[status(413)]
        TooLarge {
            #[retry_after]
            wait: Duration,
        },
    }

    let cases: [(Busy, u16, Fields); 9] = [
        (Busy::Seconds { wait: 120 }, 503, &[("retry-after", "120")]),
        (
            Busy::SmallSeconds { wait: u32::MAX },
            503,
            &[("retry-after", "4294967295")],
        ),
        (
            Busy::Until {
                until: back_to_the_future(),
            },
            503,
            &[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")],
        ),
        (
            Busy::Until {
                until: SystemTime::UNIX_EPOCH,
            },
            503,
            &[("retry-after", "Thu, 01 Jan 1970 00:00:00 GMT")],
        ),
        (
            Busy::Either(RetryAfter::Delay(Duration::from_millis(100))),
            503,
            &[("retry-after", "1")],
        ),
        (
            Busy::Either(RetryAfter::Date(back_to_the_future())),
            503,
            &[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")],
        ),
        (Busy::Maybe { wait: None }, 429, &[]),
        (
            Busy::Maybe {
                wait: Some(Duration::from_secs(30)),
            },
            429,
            &[("retry-after", "30")],
        ),
        (
            Busy::TooLarge {
                wait: Duration::from_secs(600),
            },
            413,
            &[("retry-after", "600")],
        ),
    ];
    for (error, status, headers) in cases {
        let response = error.to_response();
        assert_eq!(response.status(), status);
        let mut expected = header_map(headers);
        expected.append(
            "content-type",
            HeaderValue::from_static("application/problem+json"),
        );
        assert_eq!(response.headers(), &expected);
    }
}

#[test]
fn retry_after_dates_outside_what_an_http_date_can_say_are_clamped() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("maintenance")]
    #[status(503)]
    struct Maintenance {
        #[retry_after]
        until: SystemTime,
    }

    let before_1970 = SystemTime::UNIX_EPOCH - Duration::from_secs(86_400);
    let after_9999 = SystemTime::UNIX_EPOCH + Duration::from_secs(253_402_300_800 + 86_400);
    let cases = [
        (before_1970, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (after_9999, "Fri, 31 Dec 9999 23:59:59 GMT"),
    ];
    for (until, date) in cases {
        let response = Maintenance { until }.try_to_response().unwrap();
        assert_eq!(response.status(), 503);
        assert_eq!(
            response.headers(),
            &header_map(&[("retry-after", date), PROBLEM])
        );
    }
}

#[test]
fn static_retry_after_seconds_and_date() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum Maintenance {
        #[error("back in two minutes")]
        #[status(503, retry_after = 120)]
        Short,
        #[error("back after the migration")]
        #[status(503, retry_after = "Wed, 21 Oct 2015 07:28:00 GMT")]
        Long,
        #[error("try the new shop later")]
        #[status(307, location = "/new-event", retry_after = "5")]
        Redirect,
    }

    let response = Maintenance::Short.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "120"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Service Unavailable", "status": 503 })
    );

    let response = Maintenance::Long.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"), PROBLEM])
    );

    let response = Maintenance::Redirect.to_response();
    assert_eq!(response.status(), 307);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "5"), ("location", "/new-event")])
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
