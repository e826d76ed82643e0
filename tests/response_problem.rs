//! Problem-details bodies (RFC 9457): the default 4xx problem, JSON escaping of `Display`
//! output, `type`/`title`/`detail`, extension and instance members, `body = none`, a problem on
//! a redirect. Custom `#[body]` fields are in response_body.rs.

use http::HeaderMap;
use serde::Serialize;
use serde_json::json;
use status_core::HttpStatus;

mod common;
use common::{PROBLEM, header_map, json_body};

#[test]
fn not_found_is_a_problem_with_the_display_as_detail() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("order {id} does not exist")]
        #[status(404)]
        NotFound { id: u64 },
    }

    let error = OrderError::NotFound { id: 7 };
    assert_eq!(error.status(), 404);
    let response = error.try_to_response().unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "order 7 does not exist",
        })
    );
    // The members in RFC 9457's order, as the documentation shows them.
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 7 does not exist"}"#
    );
    let via_to_response = error.to_response();
    assert_eq!(via_to_response.status(), response.status());
    assert_eq!(via_to_response.headers(), response.headers());
    assert_eq!(via_to_response.body(), response.body());
}

#[test]
fn title_is_the_iana_phrase_and_status_the_response_status() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CheckoutError {
        #[error("the cart is empty")]
        #[status(400)]
        EmptyCart,
        #[error("item {sku} sold out while you were paying")]
        #[status(CONFLICT)]
        SoldOut { sku: String },
        #[error("the shipping address has no postcode")]
        #[status(UNPROCESSABLE_ENTITY)]
        NoPostcode,
        #[error("the attachment is larger than 10 MB")]
        #[status(PAYLOAD_TOO_LARGE)]
        AttachmentTooLarge,
        #[error("this offer ended")]
        #[status(410)]
        OfferEnded,
    }

    let cases = [
        (
            CheckoutError::EmptyCart,
            400,
            "Bad Request",
            "the cart is empty",
        ),
        (
            CheckoutError::SoldOut {
                sku: "MOUSE-42".into(),
            },
            409,
            "Conflict",
            "item MOUSE-42 sold out while you were paying",
        ),
        (
            CheckoutError::NoPostcode,
            422,
            "Unprocessable Content",
            "the shipping address has no postcode",
        ),
        (
            CheckoutError::AttachmentTooLarge,
            413,
            "Content Too Large",
            "the attachment is larger than 10 MB",
        ),
        (CheckoutError::OfferEnded, 410, "Gone", "this offer ended"),
    ];
    for (error, status, title, detail) in cases {
        let response = error.to_response();
        assert_eq!(response.status(), status);
        assert_eq!(response.headers(), &header_map(&[PROBLEM]));
        assert_eq!(
            json_body(&response),
            json!({ "type": "about:blank", "title": title, "status": status, "detail": detail })
        );
    }
}

#[test]
fn display_output_is_escaped_as_a_json_string() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ReviewError {
        #[error("review rejected: {0}")]
        #[status(422)]
        Rejected(String),
    }

    let nasty = [
        r#"the title "Best mouse" is taken"#,
        r"path C:\shop\reviews\7 and \u0041 literally",
        "line one\nline two\r\n\ttabbed",
        "nul \u{0} bell \u{7} escape \u{1b} unit separator \u{1f} delete \u{7f}",
        "Größe 42 – café ☕ 😀 日本語",
        "separators \u{2028} and \u{2029}",
        "closing brace }\",\"status\":200,\"x\":\"",
        "",
    ];
    for text in nasty {
        let error = ReviewError::Rejected(text.to_owned());
        let response = error.try_to_response().unwrap();
        assert_eq!(response.status(), 422);
        assert_eq!(response.headers(), &header_map(&[PROBLEM]));
        assert!(std::str::from_utf8(response.body()).is_ok());
        let body = json_body(&response);
        assert_eq!(
            body,
            json!({
                "type": "about:blank",
                "title": "Unprocessable Content",
                "status": 422,
                "detail": format!("review rejected: {text}"),
            }),
            "{text:?}"
        );
        assert_eq!(body["detail"].as_str(), Some(error.to_string().as_str()));
    }
}

#[test]
fn type_and_title_on_a_4xx_keep_the_display_detail() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum StockError {
        #[error("only {available} of {sku} left")]
        #[status(
            409,
            type = "https://shop.example/probs/out-of-stock",
            title = "Out of stock"
        )]
        OutOfStock { sku: String, available: u32 },
    }

    let response = StockError::OutOfStock {
        sku: "KEYB-1".into(),
        available: 2,
    }
    .to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "https://shop.example/probs/out-of-stock",
            "title": "Out of stock",
            "status": 409,
            "detail": "only 2 of KEYB-1 left",
        })
    );
}

#[test]
fn static_members_with_quotes_controls_and_unicode_are_escaped() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum SizeError {
        #[error("size gone")]
        #[status(
            409,
            type = "https://shop.example/probs/size-sold-out?lang=de&v=2",
            title = "Größe \"XL\" ausverkauft \\ 😀",
            detail = "Zeile 1\nZeile 2\t\u{1}\u{7f} – \u{2028}",
            allow(extension_name)
        )]
        SoldOut {
            #[extension("größe")]
            size: &'static str,
        },
    }

    let response = SizeError::SoldOut { size: "XL" }.to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "https://shop.example/probs/size-sold-out?lang=de&v=2",
            "title": "Größe \"XL\" ausverkauft \\ 😀",
            "status": 409,
            "detail": "Zeile 1\nZeile 2\t\u{1}\u{7f} – \u{2028}",
            "größe": "XL",
        })
    );
}

#[test]
fn static_and_hidden_detail_on_a_4xx() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CouponError {
        #[error("coupon {code} is in table coupons_2024 row 88812")]
        #[status(
            400,
            detail = r#"The coupon "SPRING" cannot be combined \ with others."#
        )]
        NotCombinable { code: String },
        #[error("coupon {code} belongs to customer 991")]
        #[status(403, detail = hidden)]
        NotYours { code: String },
    }

    let response = CouponError::NotCombinable {
        code: "SPRING".into(),
    }
    .to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": r#"The coupon "SPRING" cannot be combined \ with others."#,
        })
    );
    assert!(!String::from_utf8_lossy(response.body()).contains("coupons_2024"));

    let response = CouponError::NotYours {
        code: "SPRING".into(),
    }
    .to_response();
    assert_eq!(response.status(), 403);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Forbidden", "status": 403 })
    );
}

#[test]
fn type_title_and_detail_on_a_5xx() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ShopError {
        #[error("maintenance window, database migration 2024_11_03 running")]
        #[status(
            503,
            type = "https://shop.example/probs/maintenance",
            title = "Shop under maintenance",
            detail = "The shop is back at 06:00 UTC.",
            retry_after = 120
        )]
        Maintenance,
        #[error("payment provider answered {0}")]
        #[status(502, detail = display)]
        PaymentProvider(u16),
        #[error("ledger out of balance by {0} cents")]
        #[status(500, detail = hidden)]
        Ledger(i64),
        #[error("search index corrupt at segment {0}")]
        #[status(500)]
        Search(u32),
    }

    let response = ShopError::Maintenance.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "120"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "https://shop.example/probs/maintenance",
            "title": "Shop under maintenance",
            "status": 503,
            "detail": "The shop is back at 06:00 UTC.",
        })
    );
    assert!(!String::from_utf8_lossy(response.body()).contains("2024_11_03"));

    // `detail = display` opts a 5xx in to its Display output.
    let response = ShopError::PaymentProvider(429).to_response();
    assert_eq!(response.status(), 502);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Bad Gateway",
            "status": 502,
            "detail": "payment provider answered 429",
        })
    );

    for (error, secret) in [
        (ShopError::Ledger(-1234), "1234"),
        (ShopError::Search(77), "segment"),
    ] {
        let response = error.to_response();
        assert_eq!(response.status(), 500);
        assert_eq!(response.headers(), &header_map(&[PROBLEM]));
        assert_eq!(
            response.body().as_ref(),
            br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
        );
        assert!(!String::from_utf8_lossy(response.body()).contains(secret));
    }
}

#[test]
fn extension_members_from_fields() {
    #[derive(Debug, Serialize)]
    struct Stock {
        warehouse: &'static str,
        available: u32,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CartError {
        #[error("not enough {sku} in stock")]
        #[status(
            409,
            type = "https://shop.example/probs/out-of-stock",
            title = "Out of stock"
        )]
        OutOfStock {
            #[extension]
            sku: String,
            #[extension("order_id")]
            id: u64,
            #[extension]
            stock: Stock,
            #[extension("missing_items")]
            missing: Vec<String>,
            // Not a member: the server's own note, never sent.
            #[allow(dead_code)]
            internal_note: &'static str,
        },
        #[error("order {0} is locked by another checkout")]
        #[status(423)]
        Locked(#[extension("order_id")] u64),
    }

    let error = CartError::OutOfStock {
        sku: "MOUSE-42".into(),
        id: 7,
        stock: Stock {
            warehouse: "Leipzig",
            available: 1,
        },
        missing: vec!["MOUSE-42".into(), "PAD-1".into()],
        internal_note: "supplier late",
    };
    let response = error.to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "https://shop.example/probs/out-of-stock",
            "title": "Out of stock",
            "status": 409,
            "detail": "not enough MOUSE-42 in stock",
            "sku": "MOUSE-42",
            "order_id": 7,
            "stock": { "warehouse": "Leipzig", "available": 1 },
            "missing_items": ["MOUSE-42", "PAD-1"],
        })
    );
    assert!(!String::from_utf8_lossy(response.body()).contains("supplier late"));

    let response = CartError::Locked(7).to_response();
    assert_eq!(response.status(), 423);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Locked",
            "status": 423,
            "detail": "order 7 is locked by another checkout",
            "order_id": 7,
        })
    );
}

#[test]
fn extension_string_values_are_escaped() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("the voucher code is malformed")]
    #[status(400)]
    struct BadVoucher {
        #[extension("voucher_code")]
        code: String,
    }

    let code = "\"}\u{0}\n\\😀";
    let response = BadVoucher { code: code.into() }.to_response();
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "the voucher code is malformed",
            "voucher_code": code,
        })
    );
}

#[test]
fn instance_member_from_a_display_field() {
    struct OrderPath(u64);
    impl std::fmt::Display for OrderPath {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "/orders/{}/payment", self.0)
        }
    }
    impl std::fmt::Debug for OrderPath {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            std::fmt::Display::fmt(self, f)
        }
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PaymentError {
        #[error("the card was declined")]
        #[status(
            422,
            type = "https://shop.example/probs/card-declined",
            title = "Card declined"
        )]
        Declined {
            #[instance]
            at: OrderPath,
            #[extension("retry_with")]
            alternatives: Vec<&'static str>,
        },
        #[error("payment page expired")]
        #[status(410)]
        Expired {
            #[instance]
            page: String,
        },
    }

    let response = PaymentError::Declined {
        at: OrderPath(7),
        alternatives: vec!["paypal", "invoice"],
    }
    .to_response();
    assert_eq!(response.status(), 422);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "https://shop.example/probs/card-declined",
            "title": "Card declined",
            "status": 422,
            "detail": "the card was declined",
            "instance": "/orders/7/payment",
            "retry_with": ["paypal", "invoice"],
        })
    );

    let page = "/pay/\"7\"\\x";
    let response = PaymentError::Expired { page: page.into() }.to_response();
    assert_eq!(response.status(), 410);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Gone",
            "status": 410,
            "detail": "payment page expired",
            "instance": page,
        })
    );
}

#[test]
fn body_none_sends_no_content_and_no_content_type() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum TrackingError {
        #[error("parcel {0} unknown")]
        #[status(404, body = none)]
        UnknownParcel(String),
        #[error("tracking is down")]
        #[status(503, body = none, retry_after = 30)]
        Down,
    }

    let response = TrackingError::UnknownParcel("DE123".into()).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers(), &HeaderMap::new());
    assert_eq!(response.body().as_ref(), b"");

    let response = TrackingError::Down.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers(), &header_map(&[("retry-after", "30")]));
    assert_eq!(response.body().as_ref(), b"");
}

#[test]
fn body_problem_on_a_redirect() {
    #[derive(Debug, HttpStatus)]
    enum CheckoutOutcome {
        #[status(303, location = "/order-result/{id}", body = problem)]
        Placed { id: u64 },
    }
    impl std::fmt::Display for CheckoutOutcome {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("your order was placed")
        }
    }

    let response = CheckoutOutcome::Placed { id: 7 }.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "See Other",
            "status": 303,
            "detail": "your order was placed",
        })
    );
}

#[test]
fn unregistered_codes_take_their_reason_or_the_class_title() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ProxyError {
        #[error("the client went away before the order was stored")]
        #[status(499, reason = "Client Closed Request")]
        ClientClosed,
        #[error("origin unreachable")]
        #[status(599, allow(unregistered_status))]
        Origin,
        #[error("a 4xx nobody registered")]
        #[status(460, allow(unregistered_status))]
        Odd,
    }

    let response = ProxyError::ClientClosed.to_response();
    assert_eq!(response.status(), 499);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Client Closed Request",
            "status": 499,
            "detail": "the client went away before the order was stored",
        })
    );
    assert_eq!(
        ProxyError::ClientClosed.contract().reason,
        "Client Closed Request"
    );

    let response = ProxyError::Origin.to_response();
    assert_eq!(response.status(), 599);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Server Error", "status": 599 })
    );
    assert_eq!(ProxyError::Origin.contract().reason, "Server Error");

    let response = ProxyError::Odd.to_response();
    assert_eq!(response.status(), 460);
    assert_eq!(response.headers(), &header_map(&[PROBLEM]));
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Client Error",
            "status": 460,
            "detail": "a 4xx nobody registered",
        })
    );
}
