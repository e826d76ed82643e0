//! utoipa 6 (feature `utoipa`) and utoipa 5 (feature `utoipa5`): every derived type is an
//! `IntoResponses`, referenced from `#[utoipa::path(responses(...))]`. The document utoipa
//! builds validates, holds exactly `status_core::openapi::Responses` (a header's `required` said
//! in its description, which utoipa's `Header` cannot hold), and the concealed 403 is nothing but
//! a 404.

mod common;

use serde_json::Value;
use status_core::HttpStatus;
use status_core::openapi::Responses;
use utoipa::OpenApi;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
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

/// One order.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = u64, Path, description = "the order's id")),
    responses((status = 200, description = "the order", body = String), OrderError)
)]
#[allow(dead_code)]
async fn order(id: u64) -> Result<String, OrderError> {
    Err(OrderError::NotFound(id))
}

#[derive(OpenApi)]
#[openapi(paths(order))]
struct Api;

/// `Responses::to_json()` as utoipa says it: `required` in the description of a header (and
/// `style` kept by utoipa 6 only).
fn as_utoipa_says_it(mut responses: Value, keeps_style: bool) -> Value {
    for response in responses
        .as_object_mut()
        .into_iter()
        .flat_map(|map| map.values_mut())
    {
        if let Some(headers) = response.get_mut("headers").and_then(Value::as_object_mut) {
            for header in headers.values_mut() {
                let always = header["required"] == true;
                if let Some(header) = header.as_object_mut() {
                    header.remove("required");
                    if !keeps_style {
                        header.remove("style");
                    }
                    if always {
                        let said = format!(
                            "{}. Always sent.",
                            header["description"].as_str().unwrap_or_default()
                        );
                        header.insert("description".into(), Value::String(said));
                    }
                }
            }
        }
    }
    responses
}

#[test]
fn utoipa_6_documents_every_status_from_the_one_declaration() {
    let document = serde_json::to_value(Api::openapi()).expect("the document as JSON");
    let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
    let mut expected = as_utoipa_says_it(Responses::of::<OrderError>().to_json(), true);
    if let (Some(expected), Some(ok)) = (expected.as_object_mut(), responses.get("200")) {
        expected.insert("200".into(), ok.clone());
    }
    assert_eq!(responses, &expected);
    let text = responses.to_string();
    for secret in ["403", "Forbidden", "NotYours", "someone else"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let report = common::validate_openapi(&document);
    assert!(report.starts_with("valid: the document, and "), "{report}");
}

#[test]
fn utoipa_5_reads_the_same_responses() {
    let responses = <OrderError as utoipa5::IntoResponses>::responses();
    let json = serde_json::to_value(&responses).expect("the responses as JSON");
    assert_eq!(
        json,
        as_utoipa_says_it(Responses::of::<OrderError>().to_json(), false)
    );
    // Constructed here too: the variants are documented, and answered.
    assert_eq!(OrderError::SignInRequired.status(), 401);
    assert_eq!(OrderError::NotYours(1).status(), 404);
    assert_eq!(OrderError::TooMany.status(), 429);
}
