//! `#[status(transparent)]`: the variant answers exactly what its field answers (status,
//! header fields, body, contract, and build errors), through several levels.

use serde_json::json;
use status_core::{HttpStatus, ResponseBuildError};

mod common;
use common::{assert_same, header_map, json_body};

#[test]
fn transparent_variant_answers_with_the_inner_response() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum AuthError {
        #[error("session {0} expired")]
        #[status(
            401,
            www_authenticate = r#"Bearer realm="shop", error="invalid_token""#
        )]
        Expired(String),
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum CheckoutError {
        #[error(transparent)]
        #[status(transparent)]
        Auth(#[from] AuthError),
        #[error("order placed")]
        #[status(303, location = "/order-result/{id}")]
        Placed { id: u64 },
        #[error("item {sku} is sold out")]
        #[status(409)]
        SoldOut {
            #[extension]
            sku: String,
        },
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ApiError {
        #[error(transparent)]
        #[status(transparent)]
        Checkout(#[from] CheckoutError),
        #[error("no such page")]
        #[status(404)]
        NotFound,
    }

    let inner = AuthError::Expired("s-91".into());
    let outer = ApiError::from(CheckoutError::from(AuthError::Expired("s-91".into())));
    assert_eq!(outer.status(), 401);
    let response = outer.try_to_response().unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers(),
        &header_map(&[
            (
                "www-authenticate",
                r#"Bearer realm="shop", error="invalid_token""#
            ),
            ("content-type", "application/problem+json"),
        ])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Unauthorized",
            "status": 401,
            "detail": "session s-91 expired",
        })
    );
    assert_same(&response, &inner.to_response());
    assert!(std::ptr::eq(outer.contract(), inner.contract()));

    let outer = ApiError::Checkout(CheckoutError::Placed { id: 7 });
    let response = outer.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7")])
    );
    assert_eq!(response.body().as_ref(), b"");
    assert!(std::ptr::eq(
        outer.contract(),
        CheckoutError::Placed { id: 7 }.contract()
    ));

    let response = ApiError::Checkout(CheckoutError::SoldOut {
        sku: "MOUSE-42".into(),
    })
    .to_response();
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        json_body(&response),
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "item MOUSE-42 is sold out",
            "sku": "MOUSE-42",
        })
    );

    let response = ApiError::NotFound.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers(),
        &header_map(&[("content-type", "application/problem+json")])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Not Found", "status": 404, "detail": "no such page" })
    );
}

#[test]
fn transparent_struct() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum AuthError {
        #[error("sign in to continue")]
        #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
        SignInRequired,
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error(transparent)]
    #[status(transparent)]
    struct RequestError(AuthError);

    let response = RequestError(AuthError::SignInRequired).to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers(),
        &header_map(&[
            ("www-authenticate", r#"Bearer realm="shop""#),
            ("content-type", "application/problem+json"),
        ])
    );
    assert_same(&response, &AuthError::SignInRequired.to_response());
    assert_eq!(
        RequestError(AuthError::SignInRequired).contract().variant,
        Some("SignInRequired")
    );
    assert_eq!(
        RequestError(AuthError::SignInRequired).contract().type_name,
        "AuthError"
    );
}

#[test]
fn transparent_variant_passes_on_build_errors() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum TraceError {
        #[error("order not found")]
        #[status(404)]
        NotFound {
            #[header("x-request-id")]
            request_id: String,
        },
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ApiError {
        #[error(transparent)]
        #[status(transparent)]
        Trace(TraceError),
    }

    let outer = ApiError::Trace(TraceError::NotFound {
        request_id: "r1\r\nSet-Cookie: session=stolen".into(),
    });
    assert_eq!(
        outer.try_to_response().unwrap_err(),
        ResponseBuildError::InvalidHeader {
            name: "x-request-id"
        }
    );
    assert_same(&outer.to_response(), &status_core::fallback_response());
}

/// A transparent field that borrows, with the type's lifetime: it answers, and its concealment
/// is checked at run time (the compile-time description cannot name the lifetime).
#[test]
fn transparent_over_a_borrowing_type() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("no book {0}")]
    #[status(404)]
    struct Missing<'a>(&'a str);

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum LookupError<'a> {
        #[error(transparent)]
        #[status(transparent)]
        Missing(Missing<'a>),
        #[error("busy")]
        #[status(409)]
        Busy,
    }

    let title = String::from("Dune");
    let error = LookupError::Missing(Missing(&title));
    assert_eq!(error.status(), 404);
    assert_eq!(LookupError::Busy.status(), 409);
    assert_eq!(status_core::check_concealment::<LookupError<'_>>(), Ok(()));
}

/// `Box<T>` answers what `T` answers: the status, the contract and every variant's, the
/// response, the fallback, the format.
#[test]
fn a_box_answers_what_its_content_answers() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(format = status_core::format::HtmlPage)]
    enum CatalogueError {
        #[error("no book {0}")]
        #[status(404)]
        NotFound(u64),
        #[error("the catalogue is being rebuilt")]
        #[status(503, retry_after = 60)]
        Rebuilding,
    }

    let boxed = Box::new(CatalogueError::Rebuilding);
    assert_eq!(boxed.status(), 503);
    assert!(std::ptr::eq(
        boxed.contract(),
        CatalogueError::Rebuilding.contract()
    ));
    let contracts = <Box<CatalogueError> as HttpStatus>::contracts();
    assert_eq!(contracts.len(), 2);
    assert!(std::ptr::eq(contracts, CatalogueError::contracts()));
    assert_same(
        &boxed.try_to_response().unwrap(),
        &CatalogueError::Rebuilding.try_to_response().unwrap(),
    );
    let fallback = Box::new(CatalogueError::NotFound(7)).fallback_response();
    assert_eq!(fallback.status(), 500);
    assert_eq!(
        fallback.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_same(&fallback, &CatalogueError::NotFound(7).fallback_response());
    let format = <Box<CatalogueError> as HttpStatus>::format().map(|format| format.media_type());
    assert_eq!(format, Some("text/html; charset=utf-8"));
}
