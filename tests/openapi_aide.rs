//! aide 0.15 (feature `aide`): a handler's return type documents every status of its error type
//! with no annotation. The document aide builds validates (openapi-spec-validator, and every
//! schema with JSON Schema 2020-12's `check_schema`), and its error responses are exactly
//! `status_core::openapi::Responses`: merged statuses, the concealed 403 as nothing but a 404,
//! required headers.

mod common;

use aide::axum::ApiRouter;
use aide::axum::routing::{get, post};
use aide::openapi::OpenApi;
use serde_json::Value;
use status_core::HttpStatus;
use status_core::openapi::Responses;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum OrderError {
    /// The order API needs a bearer token.
    #[error("sign in first")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
    SignInRequired,

    /// No such order.
    #[error("order {0} does not exist")]
    #[status(404, detail = hidden)]
    NotFound(u64),

    /// Someone else's order: must never appear in the document.
    #[error("order {0} is someone else's")]
    #[status(403, conceal = 404)]
    NotYours(u64),

    /// Too many orders this minute.
    #[error("slow down")]
    #[status(429, retry_after = 60, extensions(code = "rate_limited"))]
    TooMany,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum PlaceError {
    /// The order is saved: see its result.
    #[error("placed")]
    #[status(303, location = "/orders/{id}")]
    Placed { id: u64 },

    #[error(transparent)]
    #[status(transparent)]
    Order(#[from] OrderError),
}

/// The path's parameters, as aide documents them (a struct of named fields).
#[derive(serde::Deserialize, schemars::JsonSchema)]
struct OrderId {
    id: u64,
}

async fn order(
    axum::extract::Path(OrderId { id }): axum::extract::Path<OrderId>,
) -> Result<String, OrderError> {
    Err(OrderError::NotFound(id))
}

async fn place() -> Result<String, PlaceError> {
    Err(PlaceError::Placed { id: 1 })
}

/// A new review, as the API reads it.
#[derive(serde::Deserialize, serde::Serialize, schemars::JsonSchema)]
struct NewReview {
    stars: u8,
}

async fn review(
    status_core::extract::axum::Json(review): status_core::extract::axum::Json<NewReview>,
) -> status_core::extract::axum::Json<NewReview> {
    status_core::extract::axum::Json(review)
}

fn document() -> Value {
    let mut api = OpenApi {
        info: aide::openapi::Info {
            title: "orders".into(),
            version: "1".into(),
            ..aide::openapi::Info::default()
        },
        ..OpenApi::default()
    };
    let _router: axum::Router = ApiRouter::new()
        .api_route("/orders/{id}", get(order))
        .api_route("/orders", post(place))
        .api_route("/reviews", post(review))
        .api_route(
            "/reviews/imported",
            aide::axum::routing::put_with(review, |operation| {
                operation.response::<201, status_core::extract::axum::Json<NewReview>>()
            }),
        )
        .finish_api(&mut api);
    serde_json::to_value(&api).expect("the document as JSON")
}

#[test]
fn the_error_type_s_responses_are_the_operation_s() {
    let document = document();
    let get = &document["paths"]["/orders/{id}"]["get"]["responses"];
    let mut expected = Responses::of::<OrderError>().to_json();
    // aide adds the handler's own 200 (a `String`).
    if let (Some(expected), Some(ok)) = (expected.as_object_mut(), get.get("200")) {
        expected.insert("200".into(), ok.clone());
    }
    assert_eq!(get, &expected);
    let text = get.to_string();
    for secret in ["403", "Forbidden", "NotYours", "someone else"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert_eq!(get["429"]["headers"]["retry-after"]["required"], true);
    let post = &document["paths"]["/orders"]["post"]["responses"];
    assert_eq!(post["303"]["headers"]["location"]["required"], true);
    assert_eq!(
        post["404"], get["404"],
        "a transparent chain documents its inner statuses"
    );
}

/// An operation written by hand takes a type's responses, the same as one aide infers.
#[test]
fn responses_added_to_an_operation_by_hand() {
    let mut operation = aide::openapi::Operation::default();
    Responses::of::<OrderError>().add_to_operation(&mut operation);
    let document = serde_json::to_value(&operation).unwrap();
    assert_eq!(
        document["responses"],
        Responses::of::<OrderError>().to_json()
    );
}

/// The drop-in `Json` documents its body's schema, and the problems it rejects with, as the
/// `Rejection` it answers them with.
#[test]
fn the_drop_in_json_documents_its_body_and_its_rejections() {
    let document = document();
    let operation = &document["paths"]["/reviews"]["post"];
    assert!(operation["requestBody"]["content"]["application/json"]["schema"].is_object());
    let responses = operation["responses"].as_object().expect("responses");
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["200", "400", "413", "415", "422"]);
    let rejection = Responses::of::<status_core::Rejection>().to_json();
    for status in ["400", "413", "415", "422"] {
        assert_eq!(responses[status], rejection[status], "{status}");
    }
    assert!(
        responses["415"]["headers"]["accept-post"]
            .get("required")
            .is_none(),
        "sent on a POST only: not required"
    );
}

/// Named for another status, the drop-in `Json` documents its schema there as axum's does.
#[test]
fn the_drop_in_json_documents_a_response_named_for_any_status() {
    let document = document();
    let created = &document["paths"]["/reviews/imported"]["put"]["responses"]["201"];
    assert_eq!(created["description"], "A new review, as the API reads it.");
    let schema = &created["content"]["application/json"]["schema"];
    assert_eq!(
        schema["$ref"], "#/components/schemas/NewReview",
        "{created}"
    );
    let component = &document["components"]["schemas"]["NewReview"];
    assert_eq!(component["properties"]["stars"]["type"], "integer");
}

#[test]
fn the_document_validates() {
    let checked = common::validate_openapi(&document());
    assert!(
        checked.starts_with("valid: the document, and "),
        "{checked}"
    );
    // Constructed here too: the variants are documented, and answered.
    assert_eq!(OrderError::SignInRequired.status(), 401);
    assert_eq!(OrderError::NotYours(1).status(), 404);
    assert_eq!(OrderError::TooMany.status(), 429);
}

/// A format whose schema aide cannot read (`true`, JSON Schema's "anything", where aide reads
/// only objects): the response is still documented, and says why its schema is missing.
struct AnyText;

impl status_core::format::ResponseFormat for AnyText {
    fn media_type(&self) -> &'static str {
        "text/plain; charset=utf-8"
    }

    fn render(
        &self,
        problem: &status_core::format::Problem<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), status_core::format::RenderError> {
        out.extend_from_slice(problem.title().unwrap_or_default().as_bytes());
        Ok(())
    }

    fn schema(&self, _: &Value) -> Option<Value> {
        Some(Value::Bool(true))
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("no such shelf")]
#[status(404, format = AnyText)]
struct NoShelf;

async fn shelf() -> Result<String, NoShelf> {
    Err(NoShelf)
}

#[test]
fn a_schema_aide_cannot_read_leaves_the_response_documented_and_says_so() {
    let mut api = OpenApi::default();
    let _router: axum::Router = ApiRouter::new()
        .api_route("/shelves", get(shelf))
        .finish_api(&mut api);
    let document = serde_json::to_value(&api).expect("the document as JSON");
    let description = document["paths"]["/shelves"]["get"]["responses"]["404"]["description"]
        .as_str()
        .expect("a description");
    assert!(
        description.starts_with("Not Found (its schema could not be read by aide: "),
        "{description}"
    );
}
