//! The framework-neutral OpenAPI description (`status_core::openapi::Responses`), as exact JSON
//! for representative types: a 303 with its Location, a 401 with its challenge, a 204 without
//! content, a concealed 403 (only the 404 appears, identical to a real bare 404), a transparent
//! chain, variants merged into one status, and a status set.
// The types here are documented, never constructed: their contracts are what is tested.
#![allow(dead_code)]

mod common;

use serde_json::{Value, json};
use status_core::HttpStatus;
use status_core::http::StatusCode;
use status_core::openapi::Responses;

fn responses<T: HttpStatus>() -> Value {
    Responses::of::<T>().to_json()
}

/// The schema of a problem with these members.
fn problem(status: u16, title: &str, extra: Value, required: &[&str]) -> Value {
    let mut properties = json!({
        "type": { "type": "string", "enum": ["about:blank"] },
        "title": { "type": "string", "enum": [title] },
        "status": { "type": "integer", "enum": [status] },
    });
    if let (Some(properties), Some(extra)) = (properties.as_object_mut(), extra.as_object()) {
        properties.extend(extra.clone());
    }
    json!({ "application/problem+json": { "schema": {
        "type": "object",
        "properties": properties,
        "required": required,
    } } })
}

/// The fallback 500, documented for a type that sends a value taken from a field.
fn fallback_500() -> Value {
    fallback_500_when("a value taken from a field cannot go on the wire")
}

/// The fallback 500, documented for a type that may answer it `when`.
fn fallback_500_when(when: &str) -> Value {
    json!({
        "description": format!("Internal Server Error: the bare 500 sent when {when} (`fallback_response()`)"),
        "content": problem(500, "Internal Server Error", json!({}), &["type", "title", "status"]),
    })
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum OrderError {
    /// The order is saved: the client GETs its result (Post/Redirect/Get).
    #[error("order placed")]
    #[status(303, location = "/order-result/{id}")]
    Placed { id: u64 },

    #[error("sign in first")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
    SignInRequired,

    /// Saved; nothing to show.
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved,
}

#[test]
fn a_redirect_a_challenge_and_no_content() {
    assert_eq!(
        responses::<OrderError>(),
        json!({
            "204": { "description": "Saved; nothing to show." },
            "303": {
                "description": "The order is saved: the client GETs its result (Post/Redirect/Get).",
                "headers": { "location": {
                    "description": "`/order-result/{id}`, its placeholders filled in",
                    "required": true,
                    "style": "simple",
                    "schema": { "type": "string", "format": "uri-reference" },
                } },
            },
            "401": {
                "description": "Unauthorized",
                "headers": { "www-authenticate": {
                    "description": "`Bearer realm=\"shop\"`",
                    "required": true,
                    "style": "simple",
                    "schema": { "type": "string", "enum": ["Bearer realm=\"shop\""] },
                } },
                "content": problem(401, "Unauthorized", json!({ "detail": { "type": "string" } }), &["type", "title", "status", "detail"]),
            },
            // The Location template's placeholder is a field's value.
            "500": fallback_500(),
        })
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ShelfError {
    /// Not a librarian: must never appear.
    #[error("not a librarian")]
    #[status(403, conceal = 404)]
    NotLibrarian,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum MissingShelf {
    #[error("no shelf {0}")]
    #[status(404, detail = hidden)]
    NoShelf(u32),
}

#[test]
fn a_concealed_403_is_documented_as_the_404_it_answers_and_nothing_else() {
    let concealed = responses::<ShelfError>();
    let bare_404 = json!({
        "404": {
            "description": "Not Found",
            "content": problem(404, "Not Found", json!({}), &["type", "title", "status"]),
        }
    });
    assert_eq!(concealed, bare_404);
    assert_eq!(responses::<MissingShelf>(), bare_404);
    let text = concealed.to_string();
    for secret in ["403", "Forbidden", "NotLibrarian", "librarian"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum PaymentError {
    /// The card was declined.
    #[error("declined")]
    #[status(409, extensions(code = "card_declined"))]
    Declined,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum CheckoutError {
    /// Another checkout of this basket is running.
    #[error("busy")]
    #[status(409, detail = "retry when the other checkout ends")]
    Busy,

    #[error(transparent)]
    #[status(transparent)]
    Payment(#[from] PaymentError),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Checkout(#[from] CheckoutError),
}

#[test]
fn a_transparent_chain_merged_with_its_sibling_names_each_variant() {
    // One fixed detail and one from `Display`: free text, sent by both.
    let detail = json!({ "type": "string" });
    assert_eq!(
        responses::<ApiError>(),
        json!({
            "409": {
                "description": "Conflict, one of:\n- `CheckoutError::Busy`: Another checkout of this basket is running.\n- `PaymentError::Declined`: The card was declined.",
                "content": problem(409, "Conflict", json!({
                    "detail": detail,
                    "code": { "type": "string", "enum": ["card_declined"] },
                }), &["type", "title", "status", "detail"]),
            }
        })
    );
}

fn db_status(error: &DbError) -> StatusCode {
    match error {
        DbError::NoRow => StatusCode::NOT_FOUND,
        DbError::Down => StatusCode::SERVICE_UNAVAILABLE,
    }
}

#[derive(Debug, thiserror::Error)]
enum DbError {
    #[error("no row")]
    NoRow,
    #[error("down")]
    Down,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum BookError {
    /// The catalogue could not answer.
    #[error("catalogue: {0}")]
    #[status(404 | 503, classify = db_status)]
    Catalogue(#[from] DbError),

    #[error("book {book_id} is gone")]
    #[status(404, detail = hidden)]
    Gone {
        #[extension]
        book_id: u64,
    },
}

#[test]
fn a_status_set_is_documented_status_by_status() {
    assert_eq!(
        responses::<BookError>(),
        json!({
            "404": {
                "description": "Not Found, one of:\n- `BookError::Catalogue`: The catalogue could not answer.\n- `BookError::Gone`: Not Found",
                "content": problem(404, "Not Found", json!({
                    "detail": { "type": "string" },
                    "book_id": { "type": ["string", "number", "boolean", "array", "object", "null"] },
                }), &["type", "title", "status"]),
            },
            // `book_id` is a field's value.
            "500": fallback_500_when("a value taken from a field cannot go on the wire, or a classifier answers outside its status set"),
            "503": {
                "description": "The catalogue could not answer.",
                "content": problem(503, "Service Unavailable", json!({}), &["type", "title", "status"]),
            },
        })
    );
}

/// An OpenAPI 3.1 document with one operation per type above, each answering that type's
/// responses.
fn document() -> Value {
    let operation = |responses: Value| json!({ "get": { "responses": responses } });
    json!({
        "openapi": "3.1.0",
        "info": { "title": "status-core responses", "version": "1" },
        "paths": {
            "/orders": operation(responses::<OrderError>()),
            "/shelves": operation(responses::<ShelfError>()),
            "/missing-shelves": operation(responses::<MissingShelf>()),
            "/api": operation(responses::<ApiError>()),
            "/books": operation(responses::<BookError>()),
        },
    })
}

/// The document passes `openapi-spec-validator`, and each of its schemas JSON Schema 2020-12's
/// `check_schema` (`tests/openapi/validate.py`; `test.sh` installs the Python packages).
#[test]
fn the_document_validates() {
    let report = common::validate_openapi(&document());
    assert!(
        report.starts_with("valid: the document, and 10 schemas"),
        "{report}"
    );
}

#[allow(dead_code)]
#[path = "wire_properties/mod.rs"]
mod wire_properties;

/// Each response validates against its description, and the check catches what a description
/// does not say: an undocumented status, a required header missing, a body of another shape.
#[test]
fn responses_validate_against_their_description_and_the_check_can_fail() {
    use wire_properties::documented::documented;
    let doc = responses::<OrderError>();
    let placed = OrderError::Placed { id: 7 }.to_response();
    documented(&doc, 303, placed.headers(), placed.body()).expect("documented");
    let challenge = OrderError::SignInRequired.to_response();
    documented(&doc, 401, challenge.headers(), challenge.body()).expect("documented");

    let undocumented = documented(&doc, 404, placed.headers(), b"");
    assert!(undocumented.is_err_and(|why| why.contains("404 is not documented")));
    let without_location = documented(&doc, 303, &http::HeaderMap::new(), b"");
    assert!(without_location.is_err_and(|why| why.contains("required header location")));
    let wrong_status =
        br#"{"type":"about:blank","title":"Unauthorized","status":402,"detail":"x"}"#;
    let shape = documented(&doc, 401, challenge.headers(), wrong_status);
    assert!(
        shape.as_ref().is_err_and(|why| why.contains("401 body")),
        "{shape:?}"
    );
    let mut extra = challenge.headers().clone();
    extra.insert("x-internal", http::HeaderValue::from_static("db-7"));
    let undeclared = documented(&doc, 401, &extra, challenge.body());
    assert!(undeclared.is_err_and(|why| why.contains("x-internal is not documented")));
}

/// A house format that says its schema: `{"error":{"code":404,"message":"..."}}`.
struct HouseJson;

impl status_core::format::ResponseFormat for HouseJson {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn render(
        &self,
        problem: &status_core::format::Problem<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), status_core::format::RenderError> {
        let message = problem.detail().or(problem.title()).unwrap_or_default();
        let error = json!({ "error": { "code": problem.status().as_u16(), "message": message } });
        Ok(serde_json::to_writer(out, &error)?)
    }

    fn schema(&self, problem: &Value) -> Option<Value> {
        Some(json!({
            "type": "object",
            "properties": { "error": {
                "type": "object",
                "properties": {
                    "code": problem["properties"]["status"],
                    "message": { "type": "string" },
                },
                "required": ["code", "message"],
            } },
            "required": ["error"],
        }))
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = HouseJson)]
enum HouseShelfError {
    #[error("no book {0}")]
    #[status(404)]
    Missing(u64),
}

/// No format of its own: its transparent variant keeps the inner type's.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum HouseLibraryError {
    #[error(transparent)]
    #[status(transparent)]
    Shelf(#[from] HouseShelfError),

    #[error("the book is on loan")]
    #[status(409)]
    OnLoan,
}

/// A house format documents its own media type and schema, through a transparent chain too.
#[test]
fn a_house_format_documents_its_media_type_and_schema() {
    let doc = responses::<HouseLibraryError>();
    assert_eq!(
        doc["404"]["content"],
        json!({ "application/json": { "schema": {
            "type": "object",
            "properties": { "error": {
                "type": "object",
                "properties": {
                    "code": { "type": "integer", "enum": [404] },
                    "message": { "type": "string" },
                },
                "required": ["code", "message"],
            } },
            "required": ["error"],
        } } })
    );
    assert_eq!(
        doc["409"]["content"],
        problem(
            409,
            "Conflict",
            json!({ "detail": { "type": "string" } }),
            &["type", "title", "status", "detail"]
        )
    );
    use wire_properties::documented::documented;
    let missing = HouseLibraryError::Shelf(HouseShelfError::Missing(7)).to_response();
    documented(&doc, 404, missing.headers(), missing.body()).expect("documented");
}

/// In a `ResponseContext`, each problem is documented in every format the context can send,
/// with `instance` (the request's id); a response the layer negotiated validates.
#[test]
fn a_context_documents_every_format_it_negotiates() {
    let context = status_core::ResponseContext::new();
    let doc = context.document(responses::<HouseLibraryError>);
    let media: Vec<&str> = ["404", "409"]
        .iter()
        .flat_map(|status| doc[status]["content"].as_object().unwrap().keys())
        .map(String::as_str)
        .collect();
    assert_eq!(
        media,
        [
            "application/json",
            "application/problem+json",
            "text/html; charset=utf-8",
            "application/problem+json",
            "text/html; charset=utf-8",
        ]
    );
    let conflict = &doc["409"]["content"]["application/problem+json"]["schema"];
    assert_eq!(
        conflict["properties"]["instance"],
        json!({ "type": "string", "format": "uri-reference" })
    );
    assert_eq!(
        conflict["required"],
        json!(["type", "title", "status", "detail"])
    );
    // Outside `document`, the context is gone again.
    assert_eq!(
        responses::<HouseLibraryError>()["409"]["content"]
            .as_object()
            .unwrap()
            .len(),
        1
    );

    use wire_properties::documented::documented;
    for accept in ["text/html", "application/problem+json", "application/json"] {
        let mut request = http::HeaderMap::new();
        request.insert("accept", accept.parse().unwrap());
        request.insert("x-request-id", "req-7".parse().unwrap());
        let finished =
            |error: HouseLibraryError| context.for_request(&request).finish(error.to_response());
        for (status, error) in [
            (404, HouseLibraryError::Shelf(HouseShelfError::Missing(7))),
            (409, HouseLibraryError::OnLoan),
        ] {
            let response = finished(error);
            documented(&doc, status, response.headers(), response.body())
                .unwrap_or_else(|why| panic!("{accept}: {why}"));
        }
    }
}

/// A status set whose classifier could answer a status outside it: the fallback 500 it then
/// answers is documented, though no variant has a 500 of its own and no field goes on the wire.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum LookupError {
    #[error("lookup: {0}")]
    #[status(404 | 503, classify = db_status)]
    Db(#[from] DbError),
}

/// A status set brought in by a transparent variant documents its outside-set 500 in the outer
/// type too.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum StackError {
    #[error(transparent)]
    #[status(transparent)]
    Lookup(#[from] LookupError),
    #[error("no such stack")]
    #[status(404)]
    NoStack,
}

#[test]
fn a_status_set_documents_the_500_it_answers_outside_the_set() {
    // The set's own type, and a type that brings it in.
    for doc in [responses::<LookupError>(), responses::<StackError>()] {
        let statuses: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["404", "500", "503"]);
        assert_eq!(
            doc["500"],
            fallback_500_when("a classifier answers outside its status set")
        );
    }
}

/// One type brought in twice (as it is and in a `Box`) is not a status set: no outside-set 500.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum TwiceError {
    #[error(transparent)]
    #[status(transparent)]
    Plain(OrderError),
    #[error(transparent)]
    #[status(transparent)]
    Boxed(Box<OrderError>),
}

#[test]
fn a_type_brought_in_twice_is_not_a_status_set() {
    let doc = responses::<TwiceError>();
    assert_eq!(
        doc["500"]["description"],
        "Internal Server Error: the bare 500 sent when a value taken from a field cannot go on the wire (`fallback_response()`)"
    );
}

/// Merged responses document each side's header values: a layer's fixed `Retry-After` and a
/// handler's own.
#[test]
fn merged_headers_take_either_side_s_values() {
    let layer = json!({"description": "closed", "headers": {"retry-after": {"required": true, "schema": {"type": "string", "enum": ["600"]}}}});
    let handler = json!({"description": "busy", "headers": {"retry-after": {"required": true, "schema": {"type": "string", "enum": ["120"]}}}});
    let merged = status_core::openapi::merge_responses(&layer, &handler);
    assert_eq!(merged["headers"]["retry-after"]["required"], true);
    assert_eq!(
        merged["headers"]["retry-after"]["schema"],
        json!({"anyOf": [{"type": "string", "enum": ["600"]}, {"type": "string", "enum": ["120"]}]})
    );
}

/// `merge_responses`: one status documented by two sources (an extractor's rejection and the
/// handler's error), as aide meets them on one route.
mod merged_sources {
    use serde_json::json;
    use status_core::openapi::merge_responses;

    #[test]
    fn the_same_response_twice_is_itself() {
        let response = json!({
            "description": "No such item.",
            "headers": {"retry-after": {"required": true, "schema": {"type": "string"}}},
            "content": {"application/problem+json": {"schema": {"type": "object"}}},
        });
        assert_eq!(merge_responses(&response, &response), response);
    }

    #[test]
    fn headers_of_either_required_only_where_both_require_them() {
        let merged = merge_responses(
            &json!({"description": "a", "headers": {
                "allow": {"required": true, "schema": {"type": "string"}},
                "retry-after": {"required": true, "schema": {"type": "string"}},
            }}),
            &json!({"description": "b", "headers": {
                "allow": {"required": true, "schema": {"type": "string"}},
                "retry-after": {"schema": {"type": "integer"}},
                "x-request-id": {"required": true, "schema": {"type": "string"}},
            }}),
        );
        assert_eq!(
            merged,
            json!({"description": "a\n\nOr: b", "headers": {
                "allow": {"required": true, "schema": {"type": "string"}},
                "retry-after": {"schema": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
                "x-request-id": {"schema": {"type": "string"}},
            }})
        );
    }

    #[test]
    fn content_of_either_and_any_content_where_one_side_has_no_schema() {
        let merged = merge_responses(
            &json!({"description": "a", "content": {
                "application/problem+json": {"schema": {"type": "object"}},
                "text/html": {"schema": {"type": "string"}},
            }}),
            &json!({"description": "b", "content": {
                "application/problem+json": {"schema": {"type": "object", "required": ["code"]}},
                "text/html": {},
                "application/json": {"schema": {"type": "array"}},
            }}),
        );
        assert_eq!(
            merged["content"],
            json!({
                "application/problem+json": {"schema": {"anyOf": [
                    {"type": "object"},
                    {"type": "object", "required": ["code"]},
                ]}},
                "text/html": {},
                "application/json": {"schema": {"type": "array"}},
            })
        );
        let without = merge_responses(&json!({"description": "a"}), &json!({"description": "a"}));
        assert_eq!(
            without,
            json!({"description": "a"}),
            "no empty members added"
        );
    }
}

/// Headers whose values come from fields: required where the status requires them (a MUST, and
/// a redirect's `Location`, which the runtime never sends without), each with its syntax.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum FieldHeaderError {
    #[error("moved")]
    #[status(308)]
    Moved(#[location] String),
    #[error("sign in")]
    #[status(401)]
    SignIn(
        #[header(WWW_AUTHENTICATE)] String,
        #[header("x-sign-in-hint")] Option<String>,
    ),
    #[error("busy")]
    #[status(503)]
    Busy(#[retry_after] std::time::Duration),
    #[error("stale")]
    #[status(412)]
    Stale(#[header(ETAG)] String),
}

#[test]
fn headers_from_fields_are_required_where_their_status_requires_them() {
    let document = responses::<FieldHeaderError>();
    let header = |status: &str, name: &str| document[status]["headers"][name].clone();
    assert_eq!(
        header("308", "location"),
        json!({
            "description": "the value of field `0`",
            "required": true,
            "schema": {"type": "string", "format": "uri-reference"},
            "style": "simple",
        })
    );
    assert_eq!(header("401", "www-authenticate")["required"], true);
    assert_eq!(
        header("401", "x-sign-in-hint"),
        json!({
            "description": "the value of field `1`",
            "schema": {"type": "string"},
            "style": "simple",
        }),
        "a 401 requires its challenge, not every field it may send"
    );
    assert_eq!(
        header("401", "www-authenticate")["schema"],
        json!({"type": "string"})
    );
    let retry_after = header("503", "retry-after");
    assert_eq!(
        retry_after.get("required"),
        None,
        "a MAY on a 503: not required"
    );
    assert_eq!(
        retry_after["schema"]["description"],
        "delay-seconds or an IMF-fixdate (RFC 9110 §10.2.3)"
    );
    assert!(
        retry_after["schema"]["pattern"]
            .as_str()
            .unwrap()
            .starts_with("^([0-9]+|")
    );
    assert_eq!(header("412", "etag").get("required"), None);
}

/// A status answered by a problem and by a `#[body]`: both are documented, and a member the
/// problem always sends is not required of the status, whose other answer is no problem.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum MixedBodyError {
    #[error("the order changed")]
    #[status(409)]
    Changed,
    #[error("the order changed")]
    #[status(409)]
    Current(#[body] String),
}

#[test]
fn members_are_required_only_where_every_answer_is_a_problem() {
    let document = responses::<MixedBodyError>();
    let media: Vec<&String> = document["409"]["content"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(media, ["*/*", "application/problem+json"]);
    let schema = &document["409"]["content"]["application/problem+json"]["schema"];
    assert_eq!(
        schema["required"],
        json!(["type", "title", "status"]),
        "{schema}"
    );
    assert_eq!(schema["properties"]["detail"], json!({"type": "string"}));
}

/// Fixed extension members: each an `enum` of its one value, typed as JSON Schema types it.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum FixedMembersError {
    #[error("the catalog is being re-indexed")]
    #[status(
        503,
        retry_after = 120,
        extensions(
            code = "maintenance",
            eta_minutes = 2.5,
            attempts = 3,
            offset = -3,
            retryable = true
        )
    )]
    Maintenance,
}

#[test]
fn fixed_members_are_typed_by_their_value() {
    let document = responses::<FixedMembersError>();
    let schema = &document["503"]["content"]["application/problem+json"]["schema"];
    let member = |name: &str| schema["properties"][name].clone();
    assert_eq!(
        member("code"),
        json!({"type": "string", "enum": ["maintenance"]})
    );
    assert_eq!(
        member("eta_minutes"),
        json!({"type": "number", "enum": [2.5]})
    );
    assert_eq!(member("attempts"), json!({"type": "integer", "enum": [3]}));
    assert_eq!(member("offset"), json!({"type": "integer", "enum": [-3]}));
    assert_eq!(
        member("retryable"),
        json!({"type": "boolean", "enum": [true]})
    );
}

/// Variants of one status that fix a member: its `enum` lists each value once, in the order the
/// variants give them.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum StockError {
    #[error("sold out")]
    #[status(409, extensions(code = "stock"))]
    SoldOut,
    #[error("reserved")]
    #[status(409, extensions(code = "reserved"))]
    Reserved,
    #[error("withdrawn")]
    #[status(409, extensions(code = "stock"))]
    Withdrawn,
}

#[test]
fn a_member_fixed_by_several_variants_lists_each_value_once() {
    let document = responses::<StockError>();
    let schema = &document["409"]["content"]["application/problem+json"]["schema"];
    assert_eq!(
        schema["properties"]["code"],
        json!({"type": "string", "enum": ["stock", "reserved"]})
    );
}
