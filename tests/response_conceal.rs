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
