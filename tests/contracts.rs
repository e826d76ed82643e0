//! The contracts as data: `contract()` of each variant, `contracts()` in declaration order with
//! transparent entries resolved through `VariantContract::resolve`, header sources
//! (static, template, field), body contracts; and that every response keeps its contract.

use std::io;
use std::time::Duration;

use http::{Response, StatusCode};
use status_core::{
    BodyContract, Contract, DetailSource, HeaderSource, Html, HttpStatus, ProblemContract,
    VariantContract,
};

fn own(entry: &VariantContract) -> &'static Contract {
    match entry {
        VariantContract::Own(contract) => contract,
        other => panic!("not an own contract: {other:?}"),
    }
}

fn headers(contract: &Contract) -> Vec<(&'static str, HeaderSource)> {
    contract
        .headers
        .iter()
        .map(|header| (header.name, header.source))
        .collect()
}

fn problem(contract: &Contract) -> ProblemContract {
    match contract.body {
        BodyContract::Problem(problem) => problem,
        other => panic!("not a problem body: {other:?}"),
    }
}

/// The response agrees with its contract: status, header names, body kind.
fn assert_keeps_contract<B: AsRef<[u8]>>(response: &Response<B>, contract: &Contract) {
    assert_eq!(response.status(), contract.status, "{contract:?}");
    let mut sent: Vec<&str> = response
        .headers()
        .keys()
        .map(|name| name.as_str())
        .filter(|name| !matches!(*name, "content-type" | "content-length"))
        .collect();
    sent.sort_unstable();
    let mut promised: Vec<&str> = contract.headers.iter().map(|h| h.name).collect();
    promised.sort_unstable();
    assert_eq!(sent, promised, "{contract:?}");
    let content_type = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap());
    match contract.body {
        BodyContract::Empty => {
            assert!(response.body().as_ref().is_empty());
            assert_eq!(content_type, None);
        }
        BodyContract::Problem(problem) => {
            assert_eq!(content_type, Some("application/problem+json"));
            let body: serde_json::Value = serde_json::from_slice(response.body().as_ref()).unwrap();
            assert_eq!(body["type"], problem.type_uri);
            assert_eq!(body["title"], problem.title);
            assert_eq!(body["status"], contract.status.as_u16());
            match problem.detail {
                DetailSource::Hidden => assert!(body.get("detail").is_none()),
                DetailSource::Static(text) => assert_eq!(body["detail"], text),
                DetailSource::Display => assert!(body["detail"].is_string()),
                other => panic!("{other:?}"),
            }
            assert_eq!(body.get("instance").is_some(), problem.instance.is_some());
            for member in problem.extensions {
                assert!(body.get(*member).is_some(), "{member}");
            }
        }
        BodyContract::Field(_) => {
            assert!(content_type.is_some());
            assert!(!response.body().as_ref().is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_variant_of_an_order_error() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PaymentError {
        #[error("card declined")]
        #[status(402, allow(reserved_status))]
        Declined,
        #[error("payment provider down")]
        #[status(503, retry_after = 60)]
        ProviderDown,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("order {id} does not exist")]
        #[status(404)]
        NotFound { id: u64 },
        #[error("sign in first")]
        #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
        SignInRequired,
        #[error("order placed")]
        #[status(303, location = "/order-result/{id}")]
        Placed { id: u64 },
        #[error("the event page moved")]
        #[status(301, location = "/new-event")]
        EventMoved,
        #[error("slow down")]
        #[status(429)]
        RateLimited {
            #[retry_after]
            wait: Duration,
        },
        #[error("not modified")]
        #[status(304, headers(CACHE_CONTROL = "max-age=60"))]
        NotModified {
            #[header(ETAG)]
            etag: String,
        },
        #[error("not your order")]
        #[status(403, conceal = 404, allow(distinguishable_conceal))]
        Forbidden,
        #[error("storage failed")]
        #[status(500)]
        Storage(#[source] io::Error),
        #[error("item {sku} sold out")]
        #[status(
            409,
            type = "https://shop.example/probs/out-of-stock",
            title = "Out of stock",
            detail = "An item in your cart sold out."
        )]
        OutOfStock {
            #[extension]
            sku: String,
            #[extension("order_id")]
            id: u64,
            #[instance]
            at: String,
        },
        #[error("this offer ended")]
        #[status(410)]
        OfferEnded {
            #[body]
            page: Html<&'static str>,
        },
        #[error("continue at the payment provider")]
        #[status(307)]
        ToProvider(#[location] String),
        #[error(transparent)]
        #[status(transparent)]
        Payment(#[from] PaymentError),
        #[error("quietly missing")]
        #[status(404, body = none, headers("x-request-id" = "static-id"))]
        Quiet,
    }

    let entries = OrderError::contracts();
    assert_eq!(entries.len(), 13);
    for entry in entries
        .iter()
        .filter(|entry| !matches!(entry, VariantContract::Transparent { .. }))
    {
        assert_eq!(own(entry).type_name, "OrderError");
    }

    let c = own(&entries[0]);
    assert_eq!(c.variant, Some("NotFound"));
    assert_eq!(c.status, StatusCode::NOT_FOUND);
    assert_eq!(c.reason, "Not Found");
    assert_eq!(c.concealed, None);
    assert_eq!(headers(c), []);
    let p = problem(c);
    assert_eq!(
        (p.type_uri, p.title, p.detail, p.instance, p.extensions),
        (
            "about:blank",
            "Not Found",
            DetailSource::Display,
            None,
            &[] as &[&str]
        )
    );

    let c = own(&entries[1]);
    assert_eq!(c.variant, Some("SignInRequired"));
    assert_eq!(c.status, StatusCode::UNAUTHORIZED);
    assert_eq!(c.reason, "Unauthorized");
    assert_eq!(
        headers(c),
        [(
            "www-authenticate",
            HeaderSource::Static(r#"Bearer realm="shop""#)
        )]
    );
    assert_eq!(problem(c).detail, DetailSource::Display);

    let c = own(&entries[2]);
    assert_eq!(c.variant, Some("Placed"));
    assert_eq!(c.status, StatusCode::SEE_OTHER);
    assert_eq!(c.reason, "See Other");
    assert_eq!(
        headers(c),
        [("location", HeaderSource::Template("/order-result/{id}"))]
    );
    assert_eq!(c.body, BodyContract::Empty);

    let c = own(&entries[3]);
    assert_eq!(c.variant, Some("EventMoved"));
    assert_eq!(c.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        headers(c),
        [("location", HeaderSource::Static("/new-event"))]
    );
    assert_eq!(c.body, BodyContract::Empty);

    let c = own(&entries[4]);
    assert_eq!(c.variant, Some("RateLimited"));
    assert_eq!(c.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(headers(c), [("retry-after", HeaderSource::Field("wait"))]);
    assert_eq!(problem(c).detail, DetailSource::Display);

    let c = own(&entries[5]);
    assert_eq!(c.variant, Some("NotModified"));
    assert_eq!(c.status, StatusCode::NOT_MODIFIED);
    assert_eq!(
        headers(c),
        [
            ("cache-control", HeaderSource::Static("max-age=60")),
            ("etag", HeaderSource::Field("etag")),
        ]
    );
    assert_eq!(c.body, BodyContract::Empty);

    let c = own(&entries[6]);
    assert_eq!(c.variant, Some("Forbidden"));
    assert_eq!(c.status, StatusCode::NOT_FOUND);
    assert_eq!(c.reason, "Not Found");
    assert_eq!(c.concealed, Some(StatusCode::FORBIDDEN));
    assert_eq!(headers(c), []);
    let p = problem(c);
    assert_eq!(
        (p.type_uri, p.title, p.detail),
        ("about:blank", "Not Found", DetailSource::Hidden)
    );

    let c = own(&entries[7]);
    assert_eq!(c.variant, Some("Storage"));
    assert_eq!(c.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(c.reason, "Internal Server Error");
    assert_eq!(headers(c), []);
    assert_eq!(problem(c).detail, DetailSource::Hidden);

    let c = own(&entries[8]);
    assert_eq!(c.variant, Some("OutOfStock"));
    assert_eq!(c.status, StatusCode::CONFLICT);
    assert_eq!(c.reason, "Conflict");
    let p = problem(c);
    assert_eq!(
        (p.type_uri, p.title, p.detail, p.instance, p.extensions),
        (
            "https://shop.example/probs/out-of-stock",
            "Out of stock",
            DetailSource::Static("An item in your cart sold out."),
            Some("at"),
            &["sku", "order_id"] as &[&str]
        )
    );

    let c = own(&entries[9]);
    assert_eq!(c.variant, Some("OfferEnded"));
    assert_eq!(c.status, StatusCode::GONE);
    assert_eq!(c.body, BodyContract::Field("page"));

    let c = own(&entries[10]);
    assert_eq!(c.variant, Some("ToProvider"));
    assert_eq!(c.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(headers(c), [("location", HeaderSource::Field("0"))]);
    assert_eq!(c.body, BodyContract::Empty);

    let VariantContract::Transparent {
        type_name,
        variant,
        field_type,
        contracts,
        format,
        ..
    } = entries[11]
    else {
        panic!("{:?}", entries[11])
    };
    assert_eq!(type_name, "OrderError");
    assert_eq!(variant, Some("Payment"));
    assert_eq!(field_type, "PaymentError");
    assert!(std::ptr::eq(contracts(), PaymentError::contracts()));
    assert!(format().is_none());

    let c = own(&entries[12]);
    assert_eq!(c.variant, Some("Quiet"));
    assert_eq!(c.status, StatusCode::NOT_FOUND);
    assert_eq!(
        headers(c),
        [("x-request-id", HeaderSource::Static("static-id"))]
    );
    assert_eq!(c.body, BodyContract::Empty);

    // Resolved: every status a client can receive, in declaration order.
    let resolved: Vec<(Option<&str>, u16)> = entries
        .iter()
        .flat_map(VariantContract::resolve)
        .map(|contract| (contract.variant, contract.status.as_u16()))
        .collect();
    assert_eq!(
        resolved,
        [
            (Some("NotFound"), 404),
            (Some("SignInRequired"), 401),
            (Some("Placed"), 303),
            (Some("EventMoved"), 301),
            (Some("RateLimited"), 429),
            (Some("NotModified"), 304),
            (Some("Forbidden"), 404),
            (Some("Storage"), 500),
            (Some("OutOfStock"), 409),
            (Some("OfferEnded"), 410),
            (Some("ToProvider"), 307),
            (Some("Declined"), 402),
            (Some("ProviderDown"), 503),
            (Some("Quiet"), 404),
        ]
    );
    let payment = entries[11].resolve();
    assert_eq!(payment.len(), 2);
    assert_eq!(payment[0].type_name, "PaymentError");
    assert_eq!(
        headers(payment[1]),
        [("retry-after", HeaderSource::Static("60"))]
    );

    // `contract()` of a value is its variant's entry (the inner type's for a transparent one),
    // and the response it builds keeps that contract.
    let values = [
        (OrderError::NotFound { id: 7 }, Some(0)),
        (OrderError::SignInRequired, Some(1)),
        (OrderError::Placed { id: 7 }, Some(2)),
        (OrderError::EventMoved, Some(3)),
        (
            OrderError::RateLimited {
                wait: Duration::from_secs(3),
            },
            Some(4),
        ),
        (
            OrderError::NotModified {
                etag: "\"v1\"".into(),
            },
            Some(5),
        ),
        (OrderError::Forbidden, Some(6)),
        (OrderError::Storage(io::Error::other("disk")), Some(7)),
        (
            OrderError::OutOfStock {
                sku: "MOUSE-42".into(),
                id: 7,
                at: "/orders/7".into(),
            },
            Some(8),
        ),
        (
            OrderError::OfferEnded {
                page: Html("<h1>Gone</h1>"),
            },
            Some(9),
        ),
        (
            OrderError::ToProvider("https://pay.example/s/1".into()),
            Some(10),
        ),
        (OrderError::Payment(PaymentError::Declined), None),
        (OrderError::Payment(PaymentError::ProviderDown), None),
        (OrderError::Quiet, Some(12)),
    ];
    for (value, index) in &values {
        let contract = value.contract();
        match index {
            Some(index) => assert!(std::ptr::eq(contract, own(&entries[*index]))),
            None => {
                let OrderError::Payment(inner) = value else {
                    unreachable!()
                };
                assert!(std::ptr::eq(contract, inner.contract()));
                assert_eq!(contract.type_name, "PaymentError");
            }
        }
        assert_eq!(value.status(), contract.status);
        assert_keeps_contract(&value.try_to_response().unwrap(), contract);
    }
}

#[test]
fn nested_transparent_entries_resolve_to_the_leaves() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum LedgerError {
        #[error("ledger locked")]
        #[status(423)]
        Locked,
        #[error("ledger write failed")]
        #[status(500)]
        Write,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum PaymentError {
        #[error(transparent)]
        #[status(transparent)]
        Ledger(LedgerError),
        #[error("card declined")]
        #[status(422)]
        Declined,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error(transparent)]
    #[status(transparent)]
    struct CheckoutError(PaymentError);

    let entries = CheckoutError::contracts();
    assert_eq!(entries.len(), 1);
    let VariantContract::Transparent {
        type_name,
        variant,
        field_type,
        ..
    } = entries[0]
    else {
        panic!("{:?}", entries[0])
    };
    assert_eq!(
        (type_name, variant, field_type),
        ("CheckoutError", None, "PaymentError")
    );
    let resolved: Vec<(&str, Option<&str>, u16)> = entries[0]
        .resolve()
        .into_iter()
        .map(|contract| {
            (
                contract.type_name,
                contract.variant,
                contract.status.as_u16(),
            )
        })
        .collect();
    assert_eq!(
        resolved,
        [
            ("LedgerError", Some("Locked"), 423),
            ("LedgerError", Some("Write"), 500),
            ("PaymentError", Some("Declined"), 422),
        ]
    );

    for (value, status) in [
        (
            CheckoutError(PaymentError::Ledger(LedgerError::Locked)),
            423,
        ),
        (CheckoutError(PaymentError::Ledger(LedgerError::Write)), 500),
        (CheckoutError(PaymentError::Declined), 422),
    ] {
        assert_eq!(value.contract().status.as_u16(), status);
        assert_keeps_contract(&value.to_response(), value.contract());
    }
}

/// A generic type's table is one `static` for all its instantiations: each instantiation still
/// lists its own field types' contracts, and a type with two transparent variants lists both.
#[test]
fn each_instantiation_of_a_generic_type_resolves_its_own_transparent_contracts() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum StockError {
        #[error("out of stock")]
        #[status(409)]
        OutOfStock,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CardError {
        #[error("card declined")]
        #[status(422)]
        Declined,
        #[error("card expired")]
        #[status(422)]
        Expired,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum StepError<E: std::error::Error + HttpStatus, F: std::error::Error + HttpStatus> {
        #[error(transparent)]
        #[status(transparent)]
        Inner(E),
        #[error("step timed out")]
        #[status(504)]
        TimedOut,
        #[error(transparent)]
        #[status(transparent)]
        Other(F),
    }

    fn statuses<T: HttpStatus>() -> Vec<(Option<&'static str>, u16)> {
        T::contracts()
            .iter()
            .flat_map(VariantContract::resolve)
            .map(|contract| (contract.variant, contract.status.as_u16()))
            .collect()
    }

    let stock_card = statuses::<StepError<StockError, CardError>>();
    let card_stock = statuses::<StepError<CardError, StockError>>();
    let card_card = statuses::<StepError<CardError, CardError>>();
    assert_eq!(
        stock_card,
        [
            (Some("OutOfStock"), 409),
            (Some("TimedOut"), 504),
            (Some("Declined"), 422),
            (Some("Expired"), 422),
        ]
    );
    assert_eq!(
        card_stock,
        [
            (Some("Declined"), 422),
            (Some("Expired"), 422),
            (Some("TimedOut"), 504),
            (Some("OutOfStock"), 409),
        ]
    );
    assert_eq!(card_card.len(), 5);
    // Asked again, the same decoded slice.
    assert!(std::ptr::eq(
        StepError::<StockError, CardError>::contracts(),
        StepError::<StockError, CardError>::contracts()
    ));
    let VariantContract::Transparent { field_type, .. } =
        StepError::<StockError, CardError>::contracts()[2]
    else {
        panic!("not transparent")
    };
    assert_eq!(field_type, "F");

    type StockThenCard = StepError<StockError, CardError>;
    type CardThenStock = StepError<CardError, StockError>;
    let values: [(&'static Contract, u16, Option<&str>); 5] = [
        (
            StockThenCard::Inner(StockError::OutOfStock).contract(),
            409,
            Some("OutOfStock"),
        ),
        (StockThenCard::TimedOut.contract(), 504, Some("TimedOut")),
        (
            StockThenCard::Other(CardError::Declined).contract(),
            422,
            Some("Declined"),
        ),
        (
            CardThenStock::Inner(CardError::Expired).contract(),
            422,
            Some("Expired"),
        ),
        (
            CardThenStock::Other(StockError::OutOfStock).contract(),
            409,
            Some("OutOfStock"),
        ),
    ];
    for (contract, status, variant) in values {
        assert_eq!(
            (contract.status.as_u16(), contract.variant),
            (status, variant)
        );
    }
}

/// The table survives what strings can hold: raw identifiers (named without `r#`), non-ASCII
/// text (its lengths are in bytes), quotes, and an unregistered code's own reason.
#[test]
fn raw_identifiers_and_non_ascii_text_keep_their_exact_names() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[allow(non_camel_case_types)]
    enum r#match {
        #[error("conflict")]
        #[status(
            409,
            type = "https://example.com/problems/d%C3%A9j%C3%A0-vu",
            title = "Déjà vu \"again\" 😀",
            detail = "ça coince"
        )]
        r#type {
            #[extension("prix_total")]
            r#ref: u64,
        },
        #[error("closed")]
        #[status(499, reason = "Client Closed Request", body = none)]
        Closed,
    }

    let entries = r#match::contracts();
    let conflict = own(&entries[0]);
    assert_eq!(
        (conflict.type_name, conflict.variant),
        ("match", Some("type"))
    );
    let body = problem(conflict);
    assert_eq!(
        (
            body.type_uri,
            body.title,
            body.detail,
            body.instance,
            body.extensions
        ),
        (
            "https://example.com/problems/d%C3%A9j%C3%A0-vu",
            "Déjà vu \"again\" 😀",
            DetailSource::Static("ça coince"),
            None,
            &["prix_total"][..],
        )
    );
    let closed = own(&entries[1]);
    assert_eq!(
        (closed.status.as_u16(), closed.reason),
        (499, "Client Closed Request")
    );
    assert_eq!(closed.body, BodyContract::Empty);
    assert_eq!(r#match::Closed.contract(), closed);
    assert_eq!(r#match::r#type { r#ref: 1 }.contract(), conflict);
    assert_keeps_contract(&r#match::r#type { r#ref: 1 }.to_response(), conflict);
}

#[test]
fn struct_contract_and_static_retry_after() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("the shop is under maintenance")]
    #[status(
        503,
        retry_after = "Wed, 21 Oct 2015 07:28:00 GMT",
        headers(CACHE_CONTROL = "no-store")
    )]
    struct Maintenance {
        #[header("x-request-id")]
        request_id: Option<String>,
    }

    let entries = Maintenance::contracts();
    assert_eq!(entries.len(), 1);
    let c = own(&entries[0]);
    assert_eq!(c.type_name, "Maintenance");
    assert_eq!(c.variant, None);
    assert_eq!(c.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(c.reason, "Service Unavailable");
    assert_eq!(
        headers(c),
        [
            (
                "retry-after",
                HeaderSource::Static("Wed, 21 Oct 2015 07:28:00 GMT")
            ),
            ("cache-control", HeaderSource::Static("no-store")),
            ("x-request-id", HeaderSource::Field("request_id")),
        ]
    );
    assert_eq!(problem(c).detail, DetailSource::Hidden);
    let value = Maintenance {
        request_id: Some("r-1".into()),
    };
    assert!(std::ptr::eq(value.contract(), c));
    assert_keeps_contract(&value.to_response(), c);
}

#[test]
fn transparent_field_type_is_written_as_in_the_source() {
    mod payment {
        #[derive(Debug, thiserror::Error, status_core::HttpStatus)]
        pub enum PaymentError {
            #[error("card declined")]
            #[status(422)]
            Declined,
        }
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error(transparent)]
        #[status(transparent)]
        Payment(payment::PaymentError),
    }

    let VariantContract::Transparent { field_type, .. } = OrderError::contracts()[0] else {
        panic!()
    };
    assert_eq!(
        OrderError::Payment(payment::PaymentError::Declined).status(),
        422
    );
    assert_eq!(field_type, "payment::PaymentError");
}

/// A variant's doc comment's first paragraph is its contract's description, lines joined; the
/// struct's is the struct's.
#[test]
fn doc_comments_are_descriptions() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ShelfError {
        /// No shelf has this
        /// number.
        ///
        /// Shelves are numbered from 1.
        #[error("no shelf")]
        #[status(404)]
        NoShelf,
        #[error("undocumented")]
        #[status(409)]
        Undocumented,
    }
    /// The reading room is closed.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("closed")]
    #[status(503)]
    struct Closed;

    let descriptions: Vec<Option<&str>> = ShelfError::contracts()
        .iter()
        .flat_map(VariantContract::resolve)
        .map(|contract| contract.description)
        .collect();
    assert_eq!(descriptions, [Some("No shelf has this\nnumber."), None]);
    assert_eq!(
        Closed.contract().description,
        Some("The reading room is closed.")
    );
    assert_eq!(ShelfError::NoShelf.status(), 404);
    assert_eq!(ShelfError::Undocumented.contract().description, None);
}
