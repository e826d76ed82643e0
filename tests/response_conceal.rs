//! `conceal`: a 403 hidden behind a 404 (RFC 9110 §15.5.4) answers exactly what a genuine 404
//! without detail answers, with nothing of the real status, its fields or its `Display`.

use http::StatusCode;
use status_core::{BodyContract, DetailSource, HttpStatus};

mod common;
use common::{assert_same, header_map};

const NOT_FOUND: &[u8] = br#"{"type":"about:blank","title":"Not Found","status":404}"#;

#[test]
fn forbidden_order_is_answered_as_not_found() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("order {id} belongs to customer {owner}")]
        #[status(403, conceal = 404)]
        NotYours { id: u64, owner: String },
        #[error("order {id} does not exist")]
        #[status(404, detail = hidden)]
        Missing { id: u64 },
    }

    let concealed = OrderError::NotYours {
        id: 7,
        owner: "alice@example.com".into(),
    };
    assert_eq!(concealed.status(), 404);
    let response = concealed.try_to_response().unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(response.body().as_ref(), NOT_FOUND);
    let text = String::from_utf8_lossy(response.body());
    for secret in [
        "alice",
        "customer",
        "belongs",
        "Forbidden",
        "403",
        "\"7\"",
        "detail",
    ] {
        assert!(!text.contains(secret), "{secret} leaked");
    }

    // Indistinguishable from an order that does not exist.
    assert_same(&response, &OrderError::Missing { id: 7 }.to_response());
    assert_same(&concealed.to_response(), &response);
}

#[test]
fn concealed_contract_keeps_the_real_status_on_the_server_side() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("order {0} is someone else's")]
        #[status(FORBIDDEN, conceal = NOT_FOUND)]
        NotYours(u64),
    }

    let contract = OrderError::NotYours(7).contract();
    assert_eq!(contract.status, StatusCode::NOT_FOUND);
    assert_eq!(contract.concealed, Some(StatusCode::FORBIDDEN));
    assert_eq!(contract.reason, "Not Found");
    assert_eq!(contract.headers, &[]);
    let BodyContract::Problem(problem) = contract.body else {
        panic!("{:?}", contract.body)
    };
    assert_eq!(problem.type_uri, "about:blank");
    assert_eq!(problem.title, "Not Found");
    assert_eq!(problem.detail, DetailSource::Hidden);
    assert_eq!(problem.instance, None);
    assert_eq!(problem.extensions, &[] as &[&str]);

    let response = OrderError::NotYours(7).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.body().as_ref(), NOT_FOUND);
}

#[test]
fn a_concealed_enum_default_applies_to_every_variant() {
    // Every admin-only page is answered as "not found" to shoppers.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(403, conceal = 404)]
    enum AdminOnly {
        #[error("the sales report is for admins")]
        SalesReport,
        #[error("the refund queue of {region} is for admins")]
        RefundQueue { region: String },
        #[error("warehouse {0} is for admins")]
        Warehouse(u32),
    }

    for page in [
        AdminOnly::SalesReport,
        AdminOnly::RefundQueue {
            region: "eu-central".into(),
        },
        AdminOnly::Warehouse(3),
    ] {
        let response = page.to_response();
        assert_eq!(response.status(), 404);
        assert_eq!(
            response.headers(),
            &header_map(&[("content-type", "application/problem+json")])
        );
        assert_eq!(response.body().as_ref(), NOT_FOUND);
        assert_eq!(page.contract().concealed, Some(StatusCode::FORBIDDEN));
    }
}

#[test]
fn conceal_behind_another_4xx() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ReviewError {
        #[error("review {0} was removed by moderator 12 for spam")]
        #[status(451, conceal = 410)]
        Removed(u64),
    }

    let response = ReviewError::Removed(3).to_response();
    assert_eq!(response.status(), 410);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"type":"about:blank","title":"Gone","status":410}"#
    );
    let contract = ReviewError::Removed(3).contract();
    assert_eq!(contract.status, StatusCode::GONE);
    assert_eq!(
        contract.concealed,
        Some(StatusCode::UNAVAILABLE_FOR_LEGAL_REASONS)
    );
}

/// Across types, where the compiler cannot see (a generic field): `check_concealment` finds a
/// real 404 beside the concealed one and names what tells it apart, one way at a time.
mod across_a_generic_type {
    use status_core::format::HtmlPage;
    use status_core::{HttpStatus, check_concealment};

    #[derive(Debug, thiserror::Error, HttpStatus)]
    pub enum AuthError {
        #[error("not a librarian")]
        #[status(403, conceal = 404)]
        NotLibrarian,
    }

    /// What the store answers is `S`'s, unknown when `ApiError` is compiled.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    pub enum ApiError<S: std::error::Error + HttpStatus> {
        #[error(transparent)]
        #[status(transparent)]
        Auth(AuthError),
        #[error(transparent)]
        #[status(transparent)]
        Store(S),
    }

    /// A store error that answers `$status` with `$keys` (and the fields given).
    macro_rules! store_error {
        ($name:ident, #[status($($keys:tt)*)] $(#[$type_attr:meta])* $({ $($fields:tt)* })?) => {
            #[derive(Debug, thiserror::Error, HttpStatus)]
            $(#[$type_attr])*
            pub enum $name {
                #[error("book 7 does not exist")]
                #[status($($keys)*)]
                Missing $({ $($fields)* })?,
            }
        };
    }

    store_error!(Bare, #[status(404, detail = hidden)]);
    store_error!(Detail, #[status(404)]);
    store_error!(OwnType, #[status(404, detail = hidden, type = "/problems/missing", title = "Missing")]);
    store_error!(OwnTypeOnly, #[status(404, detail = hidden, type = "/problems/missing")]);
    // (A title of its own needs a type of its own: with `about:blank` the title is the
    // reason phrase, a compile error otherwise.)
    store_error!(Member, #[status(404, detail = hidden, extensions(code = "missing"))]);
    store_error!(Instance, #[status(404, detail = hidden)] { #[instance] at: String });
    store_error!(Header, #[status(404, detail = hidden, headers("cache-control" = "no-store"))]);
    store_error!(NoBody, #[status(404, body = none)]);
    store_error!(Page, #[status(404, detail = hidden)] #[status(format = HtmlPage)]);
    store_error!(Gone, #[status(410)]);
    store_error!(AlsoConcealed, #[status(401, conceal = 404)]);

    /// What `check_concealment` says tells the store's 404 apart, or `None`.
    fn told<S: std::error::Error + HttpStatus>() -> Option<String> {
        check_concealment::<ApiError<S>>().err().map(|leak| {
            assert_eq!(leak.concealing, "AuthError::NotLibrarian");
            assert!(leak.real.ends_with("::Missing"), "{}", leak.real);
            assert_eq!(leak.status, 404);
            leak.what
        })
    }

    #[test]
    fn each_difference_from_a_bare_problem_is_named() {
        assert_eq!(told::<Detail>().as_deref(), Some("a `detail`"));
        for own in [told::<OwnType>(), told::<OwnTypeOnly>()] {
            assert_eq!(own.as_deref(), Some("its own `type` and `title`"));
        }
        assert_eq!(
            told::<Member>().as_deref(),
            Some("the extension member `code`")
        );
        assert_eq!(told::<Instance>().as_deref(), Some("an `instance`"));
        assert_eq!(
            told::<Header>().as_deref(),
            Some("a `cache-control` header")
        );
        assert_eq!(told::<NoBody>().as_deref(), Some("a different body"));
        assert_eq!(
            told::<Page>().as_deref(),
            Some("another media type (text/html; charset=utf-8)")
        );
    }

    #[test]
    fn answers_a_client_cannot_tell_apart_pass() {
        assert_eq!(told::<Bare>(), None, "the same bare problem");
        assert_eq!(told::<Gone>(), None, "another status");
        assert_eq!(told::<AlsoConcealed>(), None, "concealed too");
    }

    #[test]
    fn the_leak_reads_as_the_rule() {
        let leak = check_concealment::<ApiError<Detail>>().unwrap_err();
        assert_eq!(
            leak.to_string(),
            "`AuthError::NotLibrarian` answers a concealed status as a bare 404 Not Found, but \
             `Detail::Missing` answers 404 Not Found with a `detail`, so a client can tell them \
             apart (RFC 9110 §15.5.4)"
        );
    }
}
