//! The shapes of types the derive accepts: unit, tuple and struct variants; structs; an
//! enum-level default `#[status(...)]`; generic types (a generic field as extension member,
//! header, location placeholder, `Retry-After` and transparent inner error); lifetimes; raw
//! identifiers; an empty enum.

use std::fmt;
use std::time::Duration;

use serde_json::json;
use status_core::HttpStatus;

mod common;
use common::{PROBLEM, header_map, json_body};

#[test]
fn unit_tuple_and_struct_variants() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("the cart is empty")]
        #[status(400)]
        EmptyCart,
        #[error("order {0} changed")]
        #[status(412)]
        Stale(u64, #[header(ETAG)] String),
        #[error("order {id} does not exist")]
        #[status(404)]
        NotFound {
            id: u64,
            #[header("x-request-id")]
            request_id: String,
        },
    }

    let response = OrderError::EmptyCart.to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Bad Request", "status": 400, "detail": "the cart is empty" })
    );

    let response = OrderError::Stale(7, "\"v9\"".into()).to_response();
    assert_eq!(response.status(), 412);
    assert_eq!(
        response.headers(),
        &header_map(&[("etag", "\"v9\""), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Precondition Failed", "status": 412, "detail": "order 7 changed" })
    );

    let response = OrderError::NotFound {
        id: 7,
        request_id: "req-1".into(),
    }
    .to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers(),
        &header_map(&[("x-request-id", "req-1"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Not Found", "status": 404, "detail": "order 7 does not exist" })
    );

    let variants: Vec<Option<&str>> = [
        OrderError::EmptyCart,
        OrderError::Stale(1, String::new()),
        OrderError::NotFound {
            id: 1,
            request_id: String::new(),
        },
    ]
    .iter()
    .map(|error| error.contract().variant)
    .collect();
    assert_eq!(
        variants,
        [Some("EmptyCart"), Some("Stale"), Some("NotFound")]
    );
}

#[test]
fn tuple_field_as_location_placeholder() {
    #[derive(Debug, HttpStatus)]
    enum Checkout {
        #[status(303, location = "/order-result/{0}")]
        Placed(u64),
        #[status(303, location = "/shops/{0}/order-result/{1}")]
        PlacedInShop(&'static str, u64),
    }

    let response = Checkout::Placed(7).to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7")])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = Checkout::PlacedInShop("köln", 8).to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(response.body().as_ref(), b"");
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/shops/k%C3%B6ln/order-result/8")])
    );
}

#[test]
fn structs_named_tuple_and_unit() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("order {id} does not exist")]
    #[status(404)]
    struct OrderNotFound {
        #[extension("order_id")]
        id: u64,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("too many requests")]
    #[status(TOO_MANY_REQUESTS)]
    struct SlowDown(#[retry_after] Duration);

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("the shop is closed")]
    #[status(503, retry_after = 3600)]
    struct Closed;

    let response = OrderNotFound { id: 7 }.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "order 7 does not exist",
            "order_id": 7,
        })
    );
    assert_eq!(OrderNotFound { id: 7 }.contract().variant, None);
    assert_eq!(
        OrderNotFound { id: 7 }.contract().type_name,
        "OrderNotFound"
    );

    let response = SlowDown(Duration::from_millis(2500)).to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "3"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Too Many Requests", "status": 429, "detail": "too many requests" })
    );

    let response = Closed.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "3600"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Service Unavailable", "status": 503 })
    );
}

#[test]
fn enum_level_default_status() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(500)]
    enum WarehouseError {
        #[error("pick list for order {0} failed")]
        PickList(u64),
        #[error("label printer offline")]
        Printer,
        #[error("no parcel {0}")]
        #[status(404)]
        NoParcel(String),
        #[error("warehouse closed")]
        #[status(503, retry_after = 600)]
        Closed,
    }

    for error in [WarehouseError::PickList(7), WarehouseError::Printer] {
        let response = error.to_response();
        assert_eq!(response.status(), 500);
        assert_eq!(response.headers(), &header_map(&[PROBLEM]));
        assert_eq!(
            response.body().as_ref(),
            br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
        );
    }

    let response = WarehouseError::NoParcel("DE123".into()).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Not Found", "status": 404, "detail": "no parcel DE123" })
    );

    let response = WarehouseError::Closed.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "600"), PROBLEM])
    );
}

#[test]
fn enum_level_default_with_fields() {
    // The default applies to variants of different shapes; its placeholders name a field each
    // variant has.
    #[derive(Debug, HttpStatus)]
    #[status(303, location = "/order-result/{id}")]
    enum Placed {
        Paid { id: u64 },
        OnInvoice { id: u64, due_days: u8 },
    }

    for (placed, location) in [
        (Placed::Paid { id: 7 }, "/order-result/7"),
        (
            Placed::OnInvoice {
                id: 8,
                due_days: 14,
            },
            "/order-result/8",
        ),
    ] {
        if let Placed::OnInvoice { due_days, .. } = &placed {
            assert_eq!(*due_days, 14);
        }
        let response = placed.to_response();
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers(), &header_map(&[("location", location)]));
        assert_eq!(response.body().as_ref(), b"");
    }
}

#[test]
fn generic_enum_uses_generic_fields_in_every_role() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ApiError<T, E, I> {
        #[error("the order changed")]
        #[status(409)]
        Conflict {
            #[extension]
            current: T,
        },
        #[error("stale order")]
        #[status(412)]
        Stale {
            #[header(ETAG)]
            etag: T,
        },
        #[error("order placed")]
        #[status(303, location = "/order-result/{id}")]
        Placed { id: I },
        #[error("slow down")]
        #[status(429)]
        Busy {
            #[retry_after]
            wait: I,
        },
        #[error(transparent)]
        #[status(transparent)]
        Inner(E),
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PaymentError {
        #[error("payment declined")]
        #[status(422)]
        Declined,
    }

    type Shop = ApiError<String, PaymentError, u64>;

    let response = Shop::Conflict {
        current: "\"v9\"".into(),
    }
    .to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "the order changed",
            "current": "\"v9\"",
        })
    );

    let response = Shop::Stale {
        etag: "\"v9\"".into(),
    }
    .to_response();
    assert_eq!(response.status(), 412);
    assert_eq!(
        response.headers(),
        &header_map(&[("etag", "\"v9\""), PROBLEM])
    );

    let response = Shop::Placed { id: 7 }.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7")])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = Shop::Busy { wait: 30 }.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "30"), PROBLEM])
    );

    let response = Shop::Inner(PaymentError::Declined).to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "payment declined",
        })
    );

    // Another instantiation of the same type.
    type Borrowed = ApiError<&'static str, PaymentError, u32>;
    let response = Borrowed::Conflict { current: "v1" }.to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "the order changed",
            "current": "v1",
        })
    );
    let response = Borrowed::Stale { etag: "W/\"1\"" }.to_response();
    assert_eq!(response.status(), 412);
    assert_eq!(
        response.headers(),
        &header_map(&[("etag", "W/\"1\""), PROBLEM])
    );
    let response = Borrowed::Placed { id: 42 }.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(response.body().as_ref(), b"");
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/42")])
    );
}

#[test]
fn generic_struct_with_a_where_clause() {
    #[derive(Debug, HttpStatus)]
    #[status(404)]
    struct NotFound<K>
    where
        K: fmt::Debug,
    {
        #[extension("key")]
        key: K,
    }
    impl<K: fmt::Debug> fmt::Display for NotFound<K> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "no record for {:?}", self.key)
        }
    }

    let response = NotFound { key: ("order", 7) }.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "no record for (\"order\", 7)",
            "key": ["order", 7],
        })
    );
}

#[test]
fn borrowed_fields_with_lifetimes() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum LookupError<'a> {
        #[error("no product {sku}")]
        #[status(404)]
        NoProduct {
            #[extension]
            sku: &'a str,
            #[header("x-request-id")]
            request_id: &'a str,
            #[instance]
            path: &'a str,
        },
        #[error("search moved")]
        #[status(308, location = "/search/{term}")]
        Moved { term: &'a str },
        #[error("no page")]
        #[status(404)]
        Page(#[body] &'a str),
    }

    let sku = String::from("MOUSE-42");
    let request_id = String::from("req-7");
    let path = format!("/products/{sku}");
    let response = LookupError::NoProduct {
        sku: &sku,
        request_id: &request_id,
        path: &path,
    }
    .to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers(),
        &header_map(&[("x-request-id", "req-7"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "no product MOUSE-42",
            "sku": "MOUSE-42",
            "instance": "/products/MOUSE-42",
        })
    );

    let term = String::from("red shoes");
    let response = LookupError::Moved { term: &term }.to_response();
    assert_eq!(response.status(), 308);
    assert_eq!(response.body().as_ref(), b"");
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/search/red%20shoes")])
    );

    let page = String::from("<p>gone</p>");
    let response = LookupError::Page(&page).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "text/plain; charset=utf-8")])
    );
    assert_eq!(response.body().as_ref(), b"<p>gone</p>");
}

#[test]
fn raw_identifier_fields() {
    #[derive(Debug, HttpStatus)]
    enum FilterError {
        #[status(400)]
        BadFilter {
            #[header("x-filter-type")]
            r#type: String,
            #[extension]
            r#match: String,
            #[extension("loop_count")]
            r#loop: u32,
            #[instance]
            r#ref: String,
        },
    }
    impl fmt::Display for FilterError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let FilterError::BadFilter { r#type, .. } = self;
            write!(f, "filter type {type} is unknown", type = r#type)
        }
    }

    let response = FilterError::BadFilter {
        r#type: "color".into(),
        r#match: "exact".into(),
        r#loop: 3,
        r#ref: "/filters/color".into(),
    }
    .to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers(),
        &header_map(&[("x-filter-type", "color"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "filter type color is unknown",
            "match": "exact",
            "loop_count": 3,
            "instance": "/filters/color",
        })
    );
    let contract = FilterError::BadFilter {
        r#type: String::new(),
        r#match: String::new(),
        r#loop: 0,
        r#ref: String::new(),
    }
    .contract();
    assert_eq!(contract.headers[0].name, "x-filter-type");
    assert_eq!(
        contract.headers[0].source,
        status_core::HeaderSource::Field("type")
    );
}

#[test]
fn an_empty_enum_has_no_contracts() {
    #[derive(Debug, HttpStatus)]
    enum Never {}

    assert!(Never::contracts().is_empty());
}

/// A derive inside a `macro_rules!` macro, with the variants written by the macro's caller: the
/// fields and variant names carry the caller's hygiene, the derive's variables its own. Each
/// statement that names a field (a header, a location, `Retry-After`, a body, `instance`, an
/// extension member, a transparent variant's check) must still reach the derive's variables.
macro_rules! error_enum {
    ($name:ident { $($variants:tt)* }) => {
        #[derive(Debug, thiserror::Error, HttpStatus)]
        pub enum $name { $($variants)* }
    };
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StockError {
    #[error("sold out")]
    #[status(409, detail = hidden)]
    SoldOut,
}

error_enum!(CallerError {
    #[error("order {id} placed")]
    #[status(303, location = "/order-result/{id}")]
    Placed { id: u64 },
    #[error("moved")]
    #[status(308)]
    Moved(#[location] &'static str),
    #[error("stale")]
    #[status(412)]
    Stale(#[header(ETAG)] &'static str),
    #[error("slow down")]
    #[status(429)]
    Busy(#[retry_after] Duration),
    #[error("robots")]
    #[status(200, allow(success_status))]
    Robots(#[body] &'static str),
    #[error("book {book} is on loan")]
    #[status(409)]
    OnLoan {
        book: u64,
        #[extension("due_back")]
        due: &'static str,
        #[instance]
        loan: &'static str,
    },
    // Not `#[error(transparent)]`: thiserror 2 reports it as an unknown value when it stands
    // in another macro's input.
    #[error("{0}")]
    #[status(transparent)]
    Stock(StockError),
});

#[test]
fn variants_written_in_another_macro_s_input() {
    let header = |error: CallerError, name: &str| {
        let response = error.to_response();
        response.headers()[name].to_str().unwrap().to_owned()
    };
    assert_eq!(
        header(CallerError::Placed { id: 7 }, "location"),
        "/order-result/7"
    );
    assert_eq!(
        header(CallerError::Moved("/new-event"), "location"),
        "/new-event"
    );
    assert_eq!(header(CallerError::Stale("\"v2\""), "etag"), "\"v2\"");
    assert_eq!(
        header(CallerError::Busy(Duration::from_secs(30)), "retry-after"),
        "30"
    );
    assert_eq!(
        CallerError::Robots("User-agent: *")
            .to_response()
            .body()
            .as_ref(),
        b"User-agent: *"
    );
    let on_loan = CallerError::OnLoan {
        book: 3,
        due: "2026-12-24",
        loan: "/loans/9",
    };
    assert_eq!(
        json_body(&on_loan.to_response()),
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "book 3 is on loan",
            "instance": "/loans/9",
            "due_back": "2026-12-24",
        })
    );
    assert_eq!(CallerError::Stock(StockError::SoldOut).status(), 409);
}
