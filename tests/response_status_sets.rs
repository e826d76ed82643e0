//! Status sets: a variant that may answer several statuses, one picked at run time by its
//! classifier (`#[status(400 | 422 | 500, classify = ...)]`). Each status answers exactly as a
//! variant of its own would, is listed in the contracts, and a classifier's answer outside the
//! set is the documented fallback.

use status_core::http::StatusCode;
use status_core::{BodyContract, DetailSource, HttpStatus, ResponseBuildError, VariantContract};

#[derive(Debug, thiserror::Error, HttpStatus)]
enum BookError {
    #[error("the book is not valid JSON: {0}")]
    #[status(400 | 422 | 500, classify = status_core::classify::json_error)]
    Json(#[from] serde_json::Error),

    #[error("no book {0}")]
    #[status(404)]
    NotFound(u64),

    #[error("the catalogue failed")]
    #[status(404 | 503, classify = catalogue_status, retry_after = 30, allow(retry_after_status))]
    Catalogue {
        #[source]
        source: CatalogueError,
        #[extension("shelf_id")]
        shelf: u32,
    },
}

/// A concealed set beside a real 404 that answers as bare a problem.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ShelfError {
    #[error("not a librarian")]
    #[status(401 | 403, conceal = 404, classify = staff_status)]
    Staff(StaffError),

    #[error("no shelf {0}")]
    #[status(404, detail = hidden)]
    NoShelf(u32),
}

#[derive(Debug, thiserror::Error)]
enum CatalogueError {
    #[error("no row")]
    NoRow,
    #[error("connection to db-7.internal refused")]
    Down,
    #[error("a status the set does not list")]
    Teapot,
}

fn catalogue_status(error: &CatalogueError) -> StatusCode {
    match error {
        CatalogueError::NoRow => StatusCode::NOT_FOUND,
        CatalogueError::Down => StatusCode::SERVICE_UNAVAILABLE,
        CatalogueError::Teapot => StatusCode::IM_A_TEAPOT,
    }
}

#[derive(Debug, thiserror::Error)]
enum StaffError {
    #[error("signed out")]
    SignedOut,
    #[error("a reader, not a librarian")]
    Reader,
}

fn staff_status(error: &StaffError) -> StatusCode {
    match error {
        StaffError::SignedOut => StatusCode::UNAUTHORIZED,
        StaffError::Reader => StatusCode::FORBIDDEN,
    }
}

fn body(error: &BookError) -> String {
    String::from_utf8(error.to_response().body().to_vec()).unwrap()
}

fn json_error(text: &str) -> BookError {
    BookError::from(serde_json::from_str::<Vec<u8>>(text).unwrap_err())
}

#[test]
fn malformed_json_is_a_400_with_the_position() {
    let error = json_error("[1,");
    assert_eq!(error.status(), 400);
    assert_eq!(
        body(&error),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the book is not valid JSON: EOF while parsing a value at line 1 column 3"}"#
    );
}

#[test]
fn json_of_the_wrong_shape_is_a_422() {
    let error = json_error("[300]");
    assert_eq!(error.status(), 422);
    assert_eq!(
        body(&error),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"the book is not valid JSON: invalid value: integer `300`, expected u8 at line 1 column 4"}"#
    );
}

#[test]
fn a_read_failure_is_a_500_without_detail() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk sda1 gone"))
        }
    }
    let error = BookError::from(serde_json::from_reader::<_, Vec<u8>>(Failing).unwrap_err());
    assert_eq!(error.status(), 500);
    assert_eq!(
        body(&error),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[test]
fn each_status_of_a_set_sends_what_its_contract_says() {
    let missing = BookError::Catalogue {
        source: CatalogueError::NoRow,
        shelf: 7,
    };
    let response = missing.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        body(&missing),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"the catalogue failed","shelf_id":7}"#
    );
    let down = BookError::Catalogue {
        source: CatalogueError::Down,
        shelf: 7,
    };
    let response = down.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        body(&down),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"shelf_id":7}"#
    );
    assert!(!body(&down).contains("db-7"));
}

#[test]
fn a_status_outside_the_set_answers_the_fallback() {
    let teapot = BookError::Catalogue {
        source: CatalogueError::Teapot,
        shelf: 7,
    };
    assert_eq!(teapot.status(), 500);
    assert_eq!(
        teapot.try_to_response().unwrap_err(),
        ResponseBuildError::OutsideStatusSet { status: 418 }
    );
    assert_eq!(
        teapot.try_to_response().unwrap_err().to_string(),
        "the classifier answered 418, which the variant's status set does not list"
    );
    let response = teapot.to_response();
    let fallback = status_core::fallback_response();
    assert_eq!(response.status(), fallback.status());
    assert_eq!(response.headers(), fallback.headers());
    assert_eq!(response.body(), fallback.body());
    let contract = teapot.contract();
    assert_eq!(contract.status, 500);
    // Named, so that the log line says which type and variant answered outside its set.
    assert_eq!(
        (contract.type_name, contract.variant),
        ("BookError", Some("Catalogue"))
    );
    assert!(std::ptr::eq(contract, teapot.contract()), "made once");
    assert!(matches!(
        contract.body,
        BodyContract::Problem(problem) if problem.detail == DetailSource::Hidden
    ));
}

#[test]
fn a_concealed_set_answers_as_a_bare_404_whatever_it_hides() {
    let bare_404 = r#"{"type":"about:blank","title":"Not Found","status":404}"#;
    let real = ShelfError::NoShelf(3).to_response();
    for hidden in [StaffError::SignedOut, StaffError::Reader] {
        let response = ShelfError::Staff(hidden).to_response();
        assert_eq!(response.status(), real.status());
        assert_eq!(response.headers(), real.headers());
        assert_eq!(response.body(), real.body());
        assert_eq!(response.body(), bare_404.as_bytes());
    }
    let concealed: Vec<u16> = ShelfError::contracts()
        .iter()
        .flat_map(VariantContract::resolve)
        .filter_map(|contract| contract.concealed.map(|status| status.as_u16()))
        .collect();
    assert_eq!(concealed, [401, 403]);
}

#[test]
fn the_contracts_list_each_status_of_a_set_under_its_variant() {
    let listed: Vec<(Option<&str>, u16)> = BookError::contracts()
        .iter()
        .flat_map(VariantContract::resolve)
        .map(|contract| (contract.variant, contract.status.as_u16()))
        .collect();
    assert_eq!(
        listed,
        [
            (Some("Json"), 400),
            (Some("Json"), 422),
            (Some("Json"), 500),
            (Some("NotFound"), 404),
            (Some("Catalogue"), 404),
            (Some("Catalogue"), 503),
        ]
    );
    assert_eq!(BookError::NotFound(1).status(), 404);
    let error = json_error("[300]");
    assert_eq!(error.contract().status, 422);
    assert_eq!(error.contract().variant, Some("Json"));
    let detail = |text: &str| match json_error(text).contract().body {
        BodyContract::Problem(problem) => problem.detail,
        other => panic!("{other:?}"),
    };
    assert_eq!(detail("[1,"), DetailSource::Display);
    let down = BookError::Catalogue {
        source: CatalogueError::Down,
        shelf: 1,
    };
    assert_eq!(down.contract().status, 503);
}

/// A struct answers a set too: a newtype over a foreign error.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the order is not valid JSON: {0}")]
#[status(400 | 422 | 500, classify = status_core::classify::json_error)]
struct OrderJson(#[from] serde_json::Error);

#[test]
fn a_struct_with_a_set() {
    let error = OrderJson::from(serde_json::from_str::<u8>("true").unwrap_err());
    assert_eq!(error.status(), 422);
    assert_eq!(error.to_response().status(), 422);
    assert_eq!(OrderJson::contracts().len(), 3);
}

/// The classifier reads the field thiserror calls the source: `#[source]` before a field named
/// `source`.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum GatewayError {
    #[error("the upstream answered {cause}")]
    #[status(400 | 503, classify = upstream_status)]
    Upstream {
        source: Upstream,
        #[source]
        cause: Upstream,
    },
}

#[derive(Debug, thiserror::Error)]
#[error("upstream {0}")]
struct Upstream(u16);

fn upstream_status(upstream: &Upstream) -> StatusCode {
    StatusCode::from_u16(upstream.0).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

#[test]
fn the_classifier_reads_the_field_thiserror_calls_the_source() {
    let error = GatewayError::Upstream {
        source: Upstream(400),
        cause: Upstream(503),
    };
    assert_eq!(error.status(), 503);
    let source = std::error::Error::source(&error).map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("upstream 503"));
}

/// `classify::axum_rejection`: each way axum's `Json` fails to read answers the status axum
/// gives it, as a status of the set.
#[tokio::test]
async fn axum_s_rejections_answer_the_status_axum_gives_them() {
    use axum::extract::FromRequest;
    use axum::extract::rejection::JsonRejection;

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum OrderError {
        #[error("{0}")]
        #[status(400 | 413 | 415 | 422 | 500, classify = status_core::classify::axum_rejection)]
        Body(#[from] JsonRejection),
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        count: u32,
    }

    async fn read(content_type: Option<&str>, body: &'static str) -> OrderError {
        let mut request = http::Request::builder().method("POST").uri("/orders");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let request = request.body(axum::body::Body::from(body)).unwrap();
        OrderError::from(
            axum::Json::<Order>::from_request(request, &())
                .await
                .unwrap_err(),
        )
    }

    assert_eq!(read(None, r#"{"count":1}"#).await.status(), 415);
    assert_eq!(read(Some("application/json"), "{").await.status(), 400);
    let wrong_shape = read(Some("application/json"), r#"{"count":"two"}"#).await;
    assert_eq!(wrong_shape.status(), 422);
    assert_eq!(wrong_shape.to_response().status(), 422);
}
