//! The properties of every response, whatever its dynamic inputs (header values from fields,
//! `Display` output, placeholders, `Retry-After` values, extension members): no panic; every
//! header value sent is a valid field value (no CR or LF: no response splitting, CWE-113), or
//! the response is exactly the fallback; the body is JSON whose `status` is the response's; a
//! 5xx never shows its source error (CWE-209); 1xx/204/205/304 never carry a body.
//!
//! One function per property, each `Err` with what broke it. Shared by the property tests
//! (`tests/properties_runtime.rs`, proptest, in `cargo test`) and the fuzz target
//! (`fuzz/fuzz_targets/response.rs`, libFuzzer), which include this file.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use http::Response;
use status_core::{Bytes, HttpStatus, ResponseBuildError, fallback_response};

/// A property's verdict.
pub type Checked = Result<(), String>;

macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

pub mod classify;
pub mod conceal;
pub mod documented;
pub mod formats;

/// A response never sends a header value that is not a valid field value of its field's syntax
/// (the check a fixed value passes at compile time), an error build is answered by the fallback
/// exactly, a problem body is JSON with the response's status, and the response (the fallback
/// too) is the one its type's OpenAPI description documents (in RFC 9457 JSON: a type in a
/// house format documents the problem its format is written from).
pub fn on_the_wire<T: HttpStatus>(value: &T) -> Result<Response<Bytes>, String> {
    let response = value.to_response();
    for (name, header) in response.headers() {
        let bytes = header.as_bytes();
        ensure!(
            status_core::status_codes::syntax::field_value(bytes).is_ok(),
            "{name}: {header:?} is not a field value"
        );
        ensure!(
            status_core::status_codes::syntax::header_value(name.as_str(), bytes),
            "{name}: {header:?} is not of its field's syntax, or empty"
        );
        ensure!(
            !bytes.contains(&b'\r') && !bytes.contains(&b'\n'),
            "{name}: {header:?} has CR or LF"
        );
    }
    if let Err(error) = value.try_to_response() {
        let fallback = fallback_response();
        ensure!(
            response.status() == 500,
            "{error} answered {}",
            response.status()
        );
        ensure!(
            response.headers() == fallback.headers(),
            "{error}: not the fallback's headers"
        );
        ensure!(
            response.body() == fallback.body(),
            "{error}: not the fallback's body"
        );
    }
    let problem = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t == "application/problem+json");
    let plain = problem || response.headers().get("content-type").is_none();
    // The fallback 500 too: a type that sends a value taken from a field documents it.
    if plain {
        let responses = status_core::openapi::Responses::of::<T>().to_json();
        let (status, headers) = (response.status().as_u16(), response.headers());
        documented::documented(&responses, status, headers, response.body())?;
    }
    if problem {
        let json: serde_json::Value = serde_json::from_slice(response.body())
            .map_err(|error| format!("the body is not JSON: {error}"))?;
        ensure!(
            json["status"] == response.status().as_u16(),
            "the body's status is not the response's {}: {json}",
            response.status()
        );
    } else {
        ensure!(response.body().is_empty(), "a body without a media type");
    }
    Ok(response)
}

/// Every dynamic input of [`ShopError`] at once.
#[derive(Debug, thiserror::Error, status_core::HttpStatus)]
pub enum ShopError {
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
    #[status(409, extensions(code = "order_conflict"))]
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

/// The source of a transparent variant.
#[derive(Debug, thiserror::Error, status_core::HttpStatus)]
pub enum InnerError {
    #[error("payment provider failed: {0}")]
    #[status(502)]
    Provider(String),
}

/// `Display` output becomes the `detail` member, whole.
pub fn display_output_becomes_json_detail(detail: &str) -> Checked {
    let response = on_the_wire(&ShopError::BadRequest(detail.to_owned()))?;
    let json: serde_json::Value =
        serde_json::from_slice(response.body()).map_err(|error| error.to_string())?;
    ensure!(
        json["detail"].as_str() == Some(detail),
        "detail changed: {json}"
    );
    Ok(())
}

/// A header value from a field is sent valid or not at all (the fallback, for an invalid
/// header); a placeholder is one opaque, percent-encoded piece of the `Location`.
pub fn header_values_from_fields_are_valid_or_fall_back(value: &str) -> Checked {
    let value = value.to_owned();
    for error in [
        ShopError::Placed { id: value.clone() },
        ShopError::Elsewhere {
            target: value.clone(),
        },
        ShopError::NotModified {
            etag: value.clone(),
        },
        ShopError::Saved {
            draft: value.clone(),
        },
        ShopError::Reset {
            form: value.clone(),
        },
    ] {
        let response = on_the_wire(&error)?;
        if let Err(error) = error.try_to_response() {
            let invalid_header = matches!(error, ResponseBuildError::InvalidHeader { .. });
            ensure!(invalid_header, "{error}");
        } else if response.status() == 303 {
            let location = response.headers()["location"].as_bytes();
            ensure!(
                status_core::status_codes::syntax::uri_reference(location).is_ok(),
                "{location:?} is not a URI reference"
            );
            ensure!(
                location.starts_with(b"/orders/") && location.ends_with(b"/receipt"),
                "the placeholder escaped its place: {location:?}"
            );
        }
    }
    Ok(())
}

/// 204, 205 and 304 never carry a body or a media type, whatever their header fields hold.
pub fn no_content_statuses_never_carry_a_body(value: &str) -> Checked {
    for error in [
        ShopError::NotModified {
            etag: value.to_owned(),
        },
        ShopError::Saved {
            draft: value.to_owned(),
        },
        ShopError::Reset {
            form: value.to_owned(),
        },
    ] {
        let response = on_the_wire(&error)?;
        if response.status() != 500 {
            ensure!(
                response.body().is_empty(),
                "{} with a body",
                response.status()
            );
            ensure!(
                response.headers().get("content-type").is_none(),
                "{} with a content-type",
                response.status()
            );
        }
    }
    Ok(())
}

/// A point in time `offset` seconds from the epoch (either way, within ±12,000 years), if the
/// platform can represent it.
pub fn system_time(offset: i64) -> Option<SystemTime> {
    let distance = Duration::from_secs(offset.unsigned_abs() % 400_000_000_000);
    if offset >= 0 {
        SystemTime::UNIX_EPOCH.checked_add(distance)
    } else {
        SystemTime::UNIX_EPOCH.checked_sub(distance)
    }
}

/// `Retry-After` from any `Duration` or `SystemTime` is delay-seconds or an IMF-fixdate.
pub fn retry_after_is_always_a_valid_value(wait: Duration, until: Option<SystemTime>) -> Checked {
    let busy = on_the_wire(&ShopError::Busy { wait })?;
    let mut responses = vec![busy];
    if let Some(until) = until {
        responses.push(on_the_wire(&ShopError::Later { until })?);
    }
    for response in responses {
        let value = response
            .headers()
            .get("retry-after")
            .ok_or("no retry-after")?
            .to_str()
            .map_err(|error| error.to_string())?;
        ensure!(
            status_core::status_codes::syntax::retry_after(value).is_ok(),
            "retry-after: {value:?}"
        );
    }
    Ok(())
}

/// Extension members of any content leave the body JSON, with the members in it, the fixed
/// ones too.
pub fn extension_members_keep_the_body_json(
    detail: &str,
    item: &str,
    levels: BTreeMap<String, f64>,
) -> Checked {
    let conflict = ShopError::Conflict {
        detail: detail.to_owned(),
        item: item.to_owned(),
        levels,
    };
    let response = on_the_wire(&conflict)?;
    let json: serde_json::Value =
        serde_json::from_slice(response.body()).map_err(|error| error.to_string())?;
    ensure!(
        json["conflicting_item"].as_str() == Some(item),
        "conflicting_item changed: {json}"
    );
    ensure!(
        json["code"] == "order_conflict" && json["detail"].as_str() == Some(detail),
        "the fixed member or the detail changed: {json}"
    );
    Ok(())
}

/// A 5xx shows nothing of its source's `Display` or `Debug`, in the body or a header, directly
/// or through a transparent variant. `marker` must not occur in a bare 5xx problem (12
/// alphanumerics or more will do).
pub fn a_server_error_never_shows_its_source(marker: &str) -> Checked {
    let storage = ShopError::Storage(std::io::Error::other(format!("disk {marker} full")));
    let inner = ShopError::Inner(InnerError::Provider(marker.to_owned()));
    for error in [storage, inner] {
        let response = on_the_wire(&error)?;
        ensure!(response.status().is_server_error(), "{}", response.status());
        let body = String::from_utf8_lossy(response.body()).into_owned();
        ensure!(!body.contains(marker), "the body shows the source: {body}");
        let debug = format!("{error:?}");
        ensure!(
            !body.contains(&debug),
            "the body shows the Debug output: {body}"
        );
        for (name, value) in response.headers() {
            let value = String::from_utf8_lossy(value.as_bytes());
            ensure!(!value.contains(marker), "{name} shows the source: {value}");
        }
    }
    Ok(())
}
