//! When a value taken from a field cannot go on the wire: `try_to_response()` says which field,
//! `to_response()` answers exactly `status_core::fallback_response()` (a 500 problem without
//! detail), and nothing of the bad value reaches the response.

use std::collections::HashMap;
use std::fmt;

use http::{HeaderMap, HeaderValue, Response, Version};
use serde::{Serialize, Serializer};
use status_core::{HttpStatus, Json, ResponseBuildError, fallback_response};

mod common;
use common::{assert_same, header_map};

/// The response is the fallback, and contains nothing of `marker`.
fn assert_fallback<B: AsRef<[u8]>>(response: &Response<B>, marker: &str) {
    assert_same(response, &fallback_response());
    let body = String::from_utf8_lossy(response.body().as_ref()).into_owned();
    assert!(!body.contains(marker), "{marker:?} in the body");
    for (name, value) in response.headers() {
        assert!(
            !String::from_utf8_lossy(value.as_bytes()).contains(marker),
            "{marker:?} in {name}"
        );
    }
}

/// Values that are not valid field values (RFC 9110 §5.5), each with a marker that must not
/// reach the response.
const BAD_VALUES: &[(&str, &str)] = &[
    ("r1\r\nSet-Cookie: session=stolen", "stolen"),
    ("r1\rinjected-cr", "injected-cr"),
    ("r1\ninjected-lf", "injected-lf"),
    ("r1\0injected-nul", "injected-nul"),
    ("r1\u{7f}injected-del", "injected-del"),
    ("r1\u{1b}[31minjected-esc", "injected-esc"),
    ("bestellung-größe", "bestellung"),
    ("order-😀", "order-"),
    (" leading-space", "leading-space"),
    ("trailing-space ", "trailing-space"),
    ("\tleading-tab", "leading-tab"),
    ("trailing-tab\t", "trailing-tab"),
];

#[test]
fn the_fallback_response_is_a_bare_500_problem() {
    let response = fallback_response();
    assert_eq!(response.status(), 500);
    assert_eq!(response.version(), Version::HTTP_11);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[test]
fn invalid_values_in_a_named_header_field() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("order {id} does not exist")]
        #[status(404)]
        NotFound {
            id: u64,
            #[header("x-request-id")]
            request_id: String,
        },
    }

    for (value, marker) in BAD_VALUES {
        let error = OrderError::NotFound {
            id: 7,
            request_id: (*value).to_owned(),
        };
        assert_eq!(
            error.try_to_response().unwrap_err(),
            ResponseBuildError::InvalidHeader {
                name: "x-request-id"
            },
            "{value:?}"
        );
        let response = error.to_response();
        assert_fallback(&response, marker);
        // Not even the detail of the 404 is sent.
        assert!(!String::from_utf8_lossy(response.body()).contains("order 7"));
    }
    // Whitespace only: it starts (and ends) with whitespace.
    for value in [" ", "\t", "  "] {
        let error = OrderError::NotFound {
            id: 7,
            request_id: value.to_owned(),
        };
        assert_eq!(
            error.try_to_response().unwrap_err(),
            ResponseBuildError::InvalidHeader {
                name: "x-request-id"
            },
            "{value:?}"
        );
        assert_same(&error.to_response(), &fallback_response());
    }
}

#[test]
fn invalid_values_in_constant_named_location_and_optional_fields() {
    #[derive(Debug, HttpStatus)]
    enum Cache {
        #[status(304)]
        NotModified {
            #[header(ETAG)]
            etag: String,
        },
        #[status(307)]
        Elsewhere {
            #[location]
            target: String,
        },
        #[status(412)]
        Stale {
            #[header("x-request-id")]
            request_id: Option<String>,
        },
        #[status(409)]
        Raw {
            #[header(CONTENT_LANGUAGE)]
            language: HeaderValue,
        },
    }
    impl fmt::Display for Cache {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("cache says no")
        }
    }

    for (value, marker) in BAD_VALUES {
        let cases = [
            (
                Cache::NotModified {
                    etag: (*value).to_owned(),
                },
                "etag",
            ),
            (
                Cache::Elsewhere {
                    target: (*value).to_owned(),
                },
                "location",
            ),
            (
                Cache::Stale {
                    request_id: Some((*value).to_owned()),
                },
                "x-request-id",
            ),
        ];
        for (error, name) in cases {
            assert_eq!(
                error.try_to_response().unwrap_err(),
                ResponseBuildError::InvalidHeader { name },
                "{value:?}"
            );
            assert_fallback(&error.to_response(), marker);
        }
    }

    // `http::HeaderValue` accepts obs-text (0x80-0xFF), which a sender must not generate.
    let obs_text = HeaderValue::from_bytes(b"de-\xe9marker").unwrap();
    let error = Cache::Raw { language: obs_text };
    assert_eq!(
        error.try_to_response().unwrap_err(),
        ResponseBuildError::InvalidHeader {
            name: "content-language"
        }
    );
    assert_fallback(&error.to_response(), "marker");
    let error = Cache::Raw {
        language: HeaderValue::from_static(" de"),
    };
    assert_eq!(
        error.try_to_response().unwrap_err(),
        ResponseBuildError::InvalidHeader {
            name: "content-language"
        }
    );
}

#[test]
fn a_bad_second_header_discards_the_good_first_one() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("order changed")]
    #[status(412, headers(CACHE_CONTROL = "no-store"))]
    struct Stale {
        #[header(ETAG)]
        etag: String,
        #[header("x-request-id")]
        request_id: String,
    }

    let error = Stale {
        etag: "\"v8\"".into(),
        request_id: "r1\nmarker".into(),
    };
    assert_eq!(
        error.try_to_response().unwrap_err(),
        ResponseBuildError::InvalidHeader {
            name: "x-request-id"
        }
    );
    let response = error.to_response();
    assert_fallback(&response, "marker");
    assert!(!response.headers().contains_key("etag"));
    assert!(!response.headers().contains_key("cache-control"));
}

#[test]
fn valid_edge_values_go_through() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("order changed")]
    #[status(412)]
    struct Stale {
        #[header("x-request-id")]
        request_id: String,
    }

    let visible: String = (0x21_u8..0x7f).map(char::from).collect();
    for value in ["a b", "a\tb", "a  \t  b", "x", visible.as_str()] {
        let response = Stale {
            request_id: value.to_owned(),
        }
        .try_to_response()
        .unwrap();
        assert_eq!(response.status(), 412);
        let mut expected = HeaderMap::new();
        expected.append("x-request-id", HeaderValue::from_str(value).unwrap());
        expected.append(
            "content-type",
            HeaderValue::from_static("application/problem+json"),
        );
        assert_eq!(response.headers(), &expected, "{value:?}");
    }
}

#[test]
fn an_empty_value_of_a_field_of_unknown_syntax_is_refused_as_a_fixed_one_is() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("order changed")]
    #[status(412)]
    struct Stale {
        #[header("x-request-id")]
        request_id: String,
        #[header(ALLOW)]
        allow: String,
    }

    // `headers("x-request-id" = "")` does not compile (`header-empty-value`), so the same value
    // from a field is not sent either; an empty `Allow` is a valid list of no methods.
    let empty = Stale {
        request_id: String::new(),
        allow: "GET".into(),
    };
    assert_eq!(
        empty.try_to_response().unwrap_err(),
        ResponseBuildError::InvalidHeader {
            name: "x-request-id"
        }
    );
    assert_fallback(&empty.to_response(), "order changed");
    let no_methods = Stale {
        request_id: "r1".into(),
        allow: String::new(),
    };
    let response = no_methods.try_to_response().unwrap();
    assert_eq!(response.headers()["allow"], "");
}

#[test]
fn a_location_field_must_be_a_uri_reference() {
    #[derive(Debug, HttpStatus)]
    #[status(307)]
    struct ToProvider {
        #[location]
        url: String,
    }

    // Each is a valid field value, so only the URI grammar (RFC 3986, RFC 9110 §10.2.2) can
    // keep it out; the static `location = "..."` is checked against it at compile time.
    for url in [
        "/orders/my order",
        "/search?q=<script>",
        "/orders/\"7\"",
        "/orders/{id}",
        "/orders/7%zz",
        "/a#b#c",
        // A valid reference to the current document, which would redirect to itself.
        "",
    ] {
        let error = ToProvider { url: url.into() };
        assert_eq!(
            error.try_to_response().unwrap_err(),
            ResponseBuildError::InvalidHeader { name: "location" },
            "{url:?}"
        );
        assert_same(&error.to_response(), &fallback_response());
    }
    // Valid references still go through.
    for url in [
        "/order-result/7",
        "https://pay.example/s?id=1#top",
        "?page=2",
    ] {
        let response = ToProvider { url: url.into() }.try_to_response().unwrap();
        assert_eq!(response.headers(), &header_map(&[("location", url)]));
    }
}

#[test]
fn location_placeholders_cannot_fail() {
    #[derive(Debug, HttpStatus)]
    #[status(303, location = "/order-result/{id}")]
    struct Placed {
        id: String,
    }

    let response = Placed {
        id: "7\r\nSet-Cookie: a=b".into(),
    }
    .try_to_response()
    .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7%0D%0ASet-Cookie%3A%20a%3Db")])
    );
}

/// A value whose `Serialize` always fails, as a broken third-party type might.
#[derive(Debug)]
struct Unserializable(&'static str);

impl Serialize for Unserializable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(self.0))
    }
}

#[test]
fn a_failing_extension_member_falls_back() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum StockError {
        #[error("out of stock")]
        #[status(409)]
        OutOfStock {
            #[extension]
            sku: &'static str,
            #[extension("stock_level")]
            stock: Unserializable,
        },
    }

    let error = StockError::OutOfStock {
        sku: "MOUSE-42",
        stock: Unserializable("warehouse db at 10.0.0.9 unreachable"),
    };
    assert_eq!(
        error.try_to_response().unwrap_err(),
        ResponseBuildError::Member {
            name: "stock_level"
        }
    );
    let response = error.to_response();
    assert_fallback(&response, "10.0.0.9");
    assert_fallback(&response, "MOUSE-42");
}

#[test]
fn a_failing_json_body_falls_back() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ReportError {
        #[error("bad filter")]
        #[status(400)]
        BadFilter {
            // JSON object keys are strings; a map keyed by tuples cannot be serialized.
            #[body]
            per_cell: Json<HashMap<(u8, u8), &'static str>>,
        },
    }

    let error = ReportError::BadFilter {
        per_cell: Json(HashMap::from([((1, 2), "secret-cell")])),
    };
    assert_eq!(
        error.try_to_response().unwrap_err(),
        ResponseBuildError::Member { name: "per_cell" }
    );
    assert_fallback(&error.to_response(), "secret-cell");
}

/// A `Display` that fails after writing part of its text (a bug in the `Display`, but one the
/// response builder must survive: `ResponseBuildError::Member` covers "a failing `Serialize` or
/// `Display` implementation").
struct FailingDisplay;

impl fmt::Display for FailingDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial-secret")?;
        Err(fmt::Error)
    }
}

impl fmt::Debug for FailingDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FailingDisplay")
    }
}

#[test]
fn a_failing_display_detail_falls_back() {
    #[derive(Debug, HttpStatus)]
    #[status(404)]
    struct Missing;
    impl fmt::Display for Missing {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            FailingDisplay.fmt(f)
        }
    }

    let result = std::panic::catch_unwind(|| Missing.try_to_response());
    let result = result.expect("try_to_response panicked");
    assert_eq!(
        result.unwrap_err(),
        ResponseBuildError::Member { name: "detail" }
    );
    assert_fallback(&Missing.to_response(), "partial-secret");
}

#[test]
fn a_failing_display_instance_falls_back() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("payment page expired")]
    #[status(410)]
    struct Expired {
        #[instance]
        page: FailingDisplay,
    }

    let error = Expired {
        page: FailingDisplay,
    };
    let result = std::panic::catch_unwind(|| error.try_to_response());
    let result = result.expect("try_to_response panicked");
    assert_eq!(
        result.unwrap_err(),
        ResponseBuildError::Member { name: "instance" }
    );
    assert_fallback(&error.to_response(), "partial-secret");
}

#[test]
fn build_errors_say_which_field() {
    assert_eq!(
        ResponseBuildError::InvalidHeader { name: "etag" }.to_string(),
        "the value of header field `etag` is not a valid field value, or not of the field's syntax"
    );
    assert_eq!(
        ResponseBuildError::Member {
            name: "stock_level"
        }
        .to_string(),
        "`stock_level` could not be serialized"
    );
}

#[test]
fn field_values_must_have_their_header_s_syntax() {
    // Valid field values, each malformed for its header: the same checks as for fixed values.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ShopError {
        #[error("busy")]
        #[status(503)]
        Busy {
            #[header(RETRY_AFTER)]
            when: String,
        },
        #[error("sign in")]
        #[status(401)]
        SignIn {
            #[header(WWW_AUTHENTICATE)]
            challenge: String,
        },
        #[error("moved")]
        #[status(308)]
        Moved {
            #[header(LOCATION)]
            target: String,
        },
        #[error("use another method")]
        #[status(405)]
        Method {
            #[header(ALLOW)]
            methods: String,
        },
    }

    let cases = [
        (
            ShopError::Busy {
                when: "whenever".into(),
            },
            "retry-after",
        ),
        (
            ShopError::Busy {
                when: "Mon, 21 Oct 2015 07:28:00 GMT".into(),
            },
            "retry-after",
        ),
        (
            ShopError::SignIn {
                challenge: "realm=shop".into(),
            },
            "www-authenticate",
        ),
        (
            ShopError::SignIn {
                challenge: String::new(),
            },
            "www-authenticate",
        ),
        (
            ShopError::Moved {
                target: "/new event".into(),
            },
            "location",
        ),
        (
            ShopError::Moved {
                target: String::new(),
            },
            "location",
        ),
        (
            ShopError::Method {
                methods: "GET HEAD".into(),
            },
            "allow",
        ),
    ];
    for (error, name) in cases {
        assert_eq!(
            error.try_to_response().unwrap_err(),
            ResponseBuildError::InvalidHeader { name },
            "{error:?}"
        );
        assert_same(&error.to_response(), &fallback_response());
    }
    // And well-formed ones go through.
    let busy = ShopError::Busy {
        when: "Wed, 21 Oct 2015 07:28:00 GMT".into(),
    };
    assert_eq!(
        busy.to_response().headers()["retry-after"],
        "Wed, 21 Oct 2015 07:28:00 GMT"
    );
    let method = ShopError::Method {
        methods: "GET, HEAD".into(),
    };
    assert_eq!(method.to_response().headers()["allow"], "GET, HEAD");
}

/// A 401 whose challenge field sent nothing: refused, and the bare 500 goes out instead.
fn refused_without_challenge(error: &impl HttpStatus) {
    assert_eq!(
        error.try_to_response().unwrap_err(),
        ResponseBuildError::MissingHeader {
            name: "www-authenticate"
        }
    );
    assert_same(&error.to_response(), &fallback_response());
}

#[test]
fn a_required_header_that_a_field_does_not_send_falls_back() {
    // The derive rejects `Option<_>` as the only source of a required header; through an alias
    // it cannot see the `Option`, and the runtime refuses to send a 401 without a challenge.
    type Challenge = Option<&'static str>;

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("sign in to see your orders")]
    #[status(401)]
    struct SignInRequired {
        #[header(WWW_AUTHENTICATE)]
        challenge: Challenge,
    }

    refused_without_challenge(&SignInRequired { challenge: None });
    let error = SignInRequired {
        challenge: Some(r#"Bearer realm="shop""#),
    };
    let response = error.to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer realm="shop""#
    );
}

#[test]
fn another_fixed_header_does_not_stand_in_for_a_required_one() {
    // A fixed `Cache-Control` is always sent; the challenge, from a field, may still be missing.
    type Challenge = Option<&'static str>;

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("sign in to see your orders")]
    #[status(401, headers(CACHE_CONTROL = "no-store"))]
    struct SignInRequired {
        #[header(WWW_AUTHENTICATE)]
        challenge: Challenge,
    }

    refused_without_challenge(&SignInRequired { challenge: None });
}

#[test]
fn a_placeholder_cannot_be_a_dot_segment() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("order placed")]
    #[status(303, location = "/orders/{id}/receipt")]
    struct Placed {
        id: &'static str,
    }

    // `/orders/../receipt` would resolve to `/receipt` (RFC 3986 §5.2.4).
    for id in [".", ".."] {
        assert_eq!(
            Placed { id }.try_to_response().unwrap_err(),
            ResponseBuildError::InvalidHeader { name: "location" },
            "{id:?}"
        );
    }
    // Dots inside a value are no segment of their own.
    let response = Placed { id: "..." }.to_response();
    assert_eq!(response.headers()["location"], "/orders/.../receipt");
    let response = Placed { id: "../admin" }.to_response();
    assert_eq!(response.headers()["location"], "/orders/..%2Fadmin/receipt");
}
