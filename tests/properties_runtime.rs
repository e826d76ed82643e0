//! Property tests over every dynamic input a response is built from: header values from fields,
//! `Display` output, placeholders, `Retry-After` values, extension members. Whatever the input:
//! no panic; every header value sent is a valid field value (no CR or LF: no response
//! splitting, CWE-113), or the response is exactly the fallback; the body is JSON whose `status`
//! is the response's; a 5xx never shows its source error (CWE-209); 1xx/204/205/304 never carry
//! a body.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use http::Response;
use proptest::prelude::*;
use status_core::{Bytes, HttpStatus, ResponseBuildError, fallback_response};

/// Any string, weighted towards what breaks headers and JSON: controls, CR/LF, quotes,
/// backslashes, non-ASCII, surrounding whitespace.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \\t\\r\\n\"\\\\/%{}<>a-z0-9.\u{e9}\u{1f600}\u{0}\u{7f}]{0,40}",
        "[a-zA-Z0-9._~-]{1,20}",
    ]
}

/// A response never sends a header value that is not a valid field value, and an error build
/// is answered by the fallback exactly.
fn assert_on_the_wire<T: HttpStatus>(value: &T) -> Response<Bytes> {
    let response = value.to_response();
    for (name, header) in response.headers() {
        assert!(
            status_core::status_codes::syntax::field_value(header.as_bytes()).is_ok(),
            "{name}: {header:?}"
        );
        assert!(!header.as_bytes().contains(&b'\r') && !header.as_bytes().contains(&b'\n'));
    }
    if let Err(error) = value.try_to_response() {
        let fallback = fallback_response();
        assert_eq!(response.status(), 500, "{error}");
        assert_eq!(response.headers(), fallback.headers());
        assert_eq!(response.body(), fallback.body());
    }
    if !response.body().is_empty()
        && response
            .headers()
            .get("content-type")
            .is_some_and(|t| t == "application/problem+json")
    {
        let json: serde_json::Value =
            serde_json::from_slice(response.body()).expect("the body is JSON");
        assert_eq!(json["status"], response.status().as_u16(), "{json}");
    }
    response
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ShopError {
    #[error("{0}")]
    #[status(400)]
    BadRequest(String),
    #[error("moved")]
    #[status(303, location = "/orders/{id}/receipt")]
    Placed { id: String },
    #[error("moved")]
    #[status(307)]
    Elsewhere {
        #[location]
        target: String,
    },
    #[error("cached")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
    },
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved {
        #[header("x-draft")]
        draft: String,
    },
    #[error("reset")]
    #[status(205, allow(success_status))]
    Reset {
        #[header("x-form")]
        form: String,
    },
    #[error("busy")]
    #[status(503)]
    Busy {
        #[retry_after]
        wait: Duration,
    },
    #[error("later")]
    #[status(429)]
    Later {
        #[retry_after]
        until: SystemTime,
    },
    #[error("{detail}")]
    #[status(409)]
    Conflict {
        detail: String,
        #[extension("conflicting_item")]
        item: String,
        #[extension("stock_levels")]
        levels: BTreeMap<String, f64>,
    },
    #[error("storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
    #[error(transparent)]
    #[status(transparent)]
    Inner(InnerError),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum InnerError {
    #[error("payment provider failed: {0}")]
    #[status(502)]
    Provider(String),
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn display_output_becomes_json_detail(detail in nasty()) {
        let response = assert_on_the_wire(&ShopError::BadRequest(detail.clone()));
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        prop_assert_eq!(json["detail"].as_str(), Some(detail.as_str()));
    }

    #[test]
    fn header_values_from_fields_are_valid_or_fall_back(value in nasty()) {
        for error in [
            ShopError::Placed { id: value.clone() },
            ShopError::Elsewhere { target: value.clone() },
            ShopError::NotModified { etag: value.clone() },
            ShopError::Saved { draft: value.clone() },
            ShopError::Reset { form: value.clone() },
        ] {
            let response = assert_on_the_wire(&error);
            if let Err(error) = error.try_to_response() {
                let invalid_header = matches!(error, ResponseBuildError::InvalidHeader { .. });
                prop_assert!(invalid_header, "{}", error);
            } else if response.status() == 303 {
                // A placeholder is one opaque, percent-encoded piece of the URI.
                let location = response.headers()["location"].as_bytes();
                prop_assert!(status_core::status_codes::syntax::uri_reference(location).is_ok());
                prop_assert!(location.starts_with(b"/orders/") && location.ends_with(b"/receipt"));
            }
        }
    }

    #[test]
    fn no_content_statuses_never_carry_a_body(value in nasty()) {
        for error in [
            ShopError::NotModified { etag: value.clone() },
            ShopError::Saved { draft: value.clone() },
            ShopError::Reset { form: value.clone() },
        ] {
            let response = assert_on_the_wire(&error);
            if response.status() != 500 {
                prop_assert!(response.body().is_empty());
                prop_assert!(response.headers().get("content-type").is_none());
            }
        }
    }

    #[test]
    fn retry_after_is_always_a_valid_value(secs in any::<u64>(), nanos in 0u32..1_000_000_000, offset in any::<i64>()) {
        let wait = Duration::new(secs, nanos);
        let response = assert_on_the_wire(&ShopError::Busy { wait });
        let value = response.headers()["retry-after"].to_str().unwrap().to_owned();
        prop_assert!(status_core::status_codes::syntax::retry_after(&value).is_ok(), "{}", value);
        let until = if offset >= 0 {
            SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(offset.unsigned_abs() % 400_000_000_000))
        } else {
            SystemTime::UNIX_EPOCH.checked_sub(Duration::from_secs(offset.unsigned_abs() % 400_000_000_000))
        };
        if let Some(until) = until {
            let response = assert_on_the_wire(&ShopError::Later { until });
            let value = response.headers()["retry-after"].to_str().unwrap().to_owned();
            prop_assert!(status_core::status_codes::syntax::retry_after(&value).is_ok(), "{}", value);
        }
    }

    #[test]
    fn extension_members_keep_the_body_json(detail in nasty(), item in nasty(), levels in proptest::collection::btree_map(nasty(), any::<f64>(), 0..4)) {
        let response = assert_on_the_wire(&ShopError::Conflict { detail, item: item.clone(), levels });
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        prop_assert_eq!(json["conflicting_item"].as_str(), Some(item.as_str()));
    }

    #[test]
    fn a_server_error_never_shows_its_source(marker in "[A-Za-z0-9]{12,24}") {
        let storage = ShopError::Storage(std::io::Error::other(format!("disk {marker} full")));
        let inner = ShopError::Inner(InnerError::Provider(marker.clone()));
        for error in [storage, inner] {
            let response = assert_on_the_wire(&error);
            prop_assert!(response.status().is_server_error());
            let body = String::from_utf8_lossy(response.body()).into_owned();
            prop_assert!(!body.contains(&marker), "{}", body);
            let debug = format!("{error:?}");
            prop_assert!(!body.contains(&debug));
            for (_, value) in response.headers() {
                prop_assert!(!String::from_utf8_lossy(value.as_bytes()).contains(&marker));
            }
        }
    }
}

#[test]
fn a_megabyte_of_display_output_is_escaped_whole() {
    let detail: String = "\"\\\u{0}\u{1f600}\r\nabc".repeat(1 << 17);
    assert!(detail.len() > 1 << 20);
    let response = assert_on_the_wire(&ShopError::BadRequest(detail.clone()));
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json["detail"].as_str(), Some(detail.as_str()));
}
