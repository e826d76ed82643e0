//! What a derived type answers, as OpenAPI documents responses: one entry per status on the
//! wire, built from [`contracts()`](crate::HttpStatus::contracts) alone, framework-neutral. The
//! documentation crates' adapters are thin layers over it.
//!
//! - Transparent variants are resolved; variants that answer one status are merged into one
//!   response, each named in its description; each status of a status set is a response of its
//!   own.
//! - A concealed variant is documented only as the status it answers, with nothing that tells
//!   it apart: its real status, its doc comment and its name never appear.
//! - The description is the variant's doc comment, else the IANA reason phrase.
//! - Headers carry schemas (`Location` a URI reference, a fixed value an `enum` of that value),
//!   `required` where every variant of the status sends them.
//! - A problem body is `application/problem+json` with a schema that says exactly what this
//!   status sends: `status` an `enum` of the one code, `type` and `title` their values, `detail`
//!   required, absent or free text as the contracts say, `instance`, each extension member.
//!
//! ```
//! use status_core::HttpStatus;
//! use status_core::openapi::Responses;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum OrderError {
//!     /// The order was placed: see its result.
//!     #[error("order placed")]
//!     #[status(303, location = "/order-result/{id}")]
//!     Placed { id: u64 },
//!     /// No such order.
//!     #[error("order {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//! }
//!
//! let responses = Responses::of::<OrderError>();
//! let json = responses.to_json();
//! assert_eq!(json["303"]["description"], "The order was placed: see its result.");
//! assert_eq!(json["303"]["headers"]["location"]["required"], true);
//! assert_eq!(json["404"]["content"]["application/problem+json"]["schema"]["properties"]["status"]["enum"][0], 404);
//! ```

mod negotiation;
mod schema;

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::format::ResponseFormat;
use crate::{Contract, HttpStatus, ResponseContext, VariantContract};

/// A contract, with the format its problem is written in (`None`: RFC 9457 JSON).
type InFormat = (&'static Contract, Option<&'static dyn ResponseFormat>);

/// Every response a type answers, one per status, in ascending order of status.
#[derive(Debug, Clone, PartialEq)]
pub struct Responses {
    /// One per status on the wire.
    pub responses: Vec<Response>,
}

/// One status's response, as OpenAPI's Response Object has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The status on the wire.
    pub status: StatusCode,
    /// The doc comments of the variants that answer it (each named when there are several),
    /// else the reason phrase.
    pub description: String,
    /// Its header fields, beside `Content-Type` and `Content-Length`.
    pub headers: Vec<Header>,
    /// Its body, one entry per media type it can be sent in: none for a response without
    /// content.
    pub content: Vec<Content>,
}

/// One header field of a response.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The field name, lowercase.
    pub name: &'static str,
    /// Whether every variant of the status sends it, always.
    pub required: bool,
    /// Where its value comes from, in words.
    pub description: String,
    /// Its value's JSON Schema.
    pub schema: Value,
}

/// The body of a response in one media type.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// Its media type: `application/problem+json`, a format's (`#[status(format = ...)]`, or
    /// one a [`ResponseContext`] negotiates); `*/*` for a `#[body]`
    /// field, whose media type the contract does not know.
    pub media_type: &'static str,
    /// Its JSON Schema (2020-12, as OpenAPI 3.1 uses it); `None` for a format that gives none.
    pub schema: Option<Value>,
}

impl Responses {
    /// The responses of `T`, in its format.
    pub fn of<T: HttpStatus>() -> Responses {
        Responses::from_contracts_in(T::contracts(), T::format())
    }

    /// The responses of the contracts `entries` (transparent entries resolved), as RFC 9457
    /// JSON where their types name no format.
    pub fn from_contracts(entries: &[VariantContract]) -> Responses {
        Responses::from_contracts_in(entries, None)
    }

    /// The responses of the contracts `entries` of a type whose format is `format`
    /// ([`HttpStatus::format`]); inside [`ResponseContext::document`](crate::ResponseContext::document),
    /// with every format that context negotiates too.
    pub fn from_contracts_in(
        entries: &[VariantContract],
        format: Option<&'static dyn ResponseFormat>,
    ) -> Responses {
        let mut contracts: Vec<InFormat> = entries
            .iter()
            .flat_map(|entry| entry.resolve_in_format(format))
            .collect();
        // A value taken from a field that cannot go on the wire, or a classifier that answers
        // outside its status set, makes the response the bare 500 of `fallback_response()`:
        // documented too, with the status it is sent as.
        let fallback = Fallback {
            from_field: contracts
                .iter()
                .any(|(contract, _)| may_fall_back(contract)),
            outside_set: in_a_status_set(entries),
        };
        if fallback.from_field || fallback.outside_set {
            contracts.push((&crate::contract_table::UNDECODABLE, format));
        }
        contracts.sort_by_key(|(contract, _)| contract.status);
        let negotiated = negotiation::current();
        let mut responses: Vec<Response> = Vec::new();
        let mut rest = contracts.as_slice();
        while let Some((first, _)) = rest.first() {
            let count = rest
                .iter()
                .take_while(|(contract, _)| contract.status == first.status)
                .count();
            responses.push(Response::of_status(
                &rest[..count],
                negotiated.as_ref(),
                fallback,
            ));
            rest = &rest[count..];
        }
        Responses { responses }
    }

    /// The OpenAPI 3.1 Responses Object: each status code (as a string) to its Response Object,
    /// with the schemas inline (nothing to register, nothing that can dangle).
    pub fn to_json(&self) -> Value {
        let map: Map<String, Value> = self
            .responses
            .iter()
            .map(|response| (response.status.as_str().to_owned(), response.to_json()))
            .collect();
        Value::Object(map)
    }
}

impl Response {
    /// The one response of `contracts`, which all answer the same status.
    fn of_status(
        contracts: &[InFormat],
        negotiated: Option<&ResponseContext>,
        fallback: Fallback,
    ) -> Response {
        let status = contracts[0].0.status;
        let plain: Vec<&'static Contract> =
            contracts.iter().map(|(contract, _)| *contract).collect();
        Response {
            status,
            description: description(&plain, &fallback.text()),
            headers: schema::headers(&plain),
            content: schema::content(contracts, negotiated),
        }
    }

    /// The OpenAPI 3.1 Response Object.
    pub fn to_json(&self) -> Value {
        let mut response = Map::new();
        response.insert(
            "description".into(),
            Value::String(self.description.clone()),
        );
        if !self.headers.is_empty() {
            let headers: Map<String, Value> = self
                .headers
                .iter()
                .map(|header| {
                    let mut object = json!({
                        "description": header.description,
                        "style": "simple",
                        "schema": header.schema,
                    });
                    // `required` is false unless said (OpenAPI 3.1 §4.8.12.2), as aide writes it.
                    if header.required {
                        object["required"] = Value::Bool(true);
                    }
                    (header.name.to_owned(), object)
                })
                .collect();
            response.insert("headers".into(), Value::Object(headers));
        }
        if !self.content.is_empty() {
            let content: Map<String, Value> = self
                .content
                .iter()
                .map(|content| {
                    let media = match &content.schema {
                        Some(schema) => json!({ "schema": schema }),
                        None => json!({}),
                    };
                    (content.media_type.to_owned(), media)
                })
                .collect();
            response.insert("content".into(), Value::Object(content));
        }
        Value::Object(response)
    }
}

/// Whether `contract` sends a value taken from a field that may not be sendable (a header
/// field's value, a `location` template's placeholders, an extension member, the `instance`,
/// a `#[body]`): then its type may answer the fallback 500 instead.
fn may_fall_back(contract: &Contract) -> bool {
    let from_field = contract.headers.iter().any(|header| {
        matches!(
            header.source,
            crate::HeaderSource::Field(_) | crate::HeaderSource::Template(_)
        )
    });
    let body = match contract.body {
        crate::BodyContract::Field(_) => true,
        crate::BodyContract::Problem(problem) => {
            problem.instance.is_some() || problem.extensions.len() > problem.fixed_extensions.len()
        }
        crate::BodyContract::Empty => false,
    };
    from_field || body
}

/// Why a type may answer the bare 500 of `fallback_response()`.
#[derive(Debug, Clone, Copy)]
struct Fallback {
    /// A value taken from a field may not go on the wire.
    from_field: bool,
    /// A status set's classifier may answer outside the set.
    outside_set: bool,
}

impl Fallback {
    /// The fallback 500's description, and its line among the variants of a 500.
    fn text(self) -> String {
        let when = match (self.from_field, self.outside_set) {
            (true, true) => {
                "a value taken from a field cannot go on the wire, or a classifier answers outside its status set"
            }
            (false, true) => "a classifier answers outside its status set",
            _ => "a value taken from a field cannot go on the wire",
        };
        format!("the bare 500 sent when {when} (`fallback_response()`)")
    }
}

/// Whether one of `entries` (or of the types their transparent entries bring in) is a status of a
/// status set: within one type's entries, its variant answers more than one contract. (The same
/// type brought in twice is not a set.)
fn in_a_status_set(entries: &[VariantContract]) -> bool {
    let own: Vec<&Contract> = entries
        .iter()
        .filter_map(|entry| match entry {
            VariantContract::Own(contract) => Some(*contract),
            _ => None,
        })
        .collect();
    let here = own.iter().enumerate().any(|(index, contract)| {
        own[index + 1..]
            .iter()
            .any(|other| other.variant == contract.variant)
    });
    here || entries.iter().any(|entry| match entry {
        VariantContract::Transparent { contracts, .. } => in_a_status_set(contracts()),
        _ => false,
    })
}

/// The description of one status: the variants that answer it and are not concealed, each by
/// its doc comment (or the reason phrase), named when there are several; the reason phrase
/// when there is none (a concealed status alone).
fn description(contracts: &[&'static Contract], fallback: &str) -> String {
    let shown: Vec<&Contract> = contracts
        .iter()
        .copied()
        .filter(|contract| contract.concealed.is_none())
        .collect();
    let reason = contracts[0].reason;
    match shown.as_slice() {
        [] => reason.to_owned(),
        [only] if only.type_name.is_empty() => format!("{reason}: {fallback}"),
        [only] => only.description.unwrap_or(reason).to_owned(),
        several => {
            let lines: Vec<String> = several
                .iter()
                .map(|contract| {
                    let text = contract.description.unwrap_or(reason);
                    if contract.type_name.is_empty() {
                        return format!("- {fallback}");
                    }
                    match contract.variant {
                        Some(variant) => format!("- `{}::{variant}`: {text}", contract.type_name),
                        None => format!("- `{}`: {text}", contract.type_name),
                    }
                })
                .collect();
            format!("{reason}, one of:\n{}", lines.join("\n"))
        }
    }
}

/// Two Response Objects of one status from two sources (an extractor's rejection and the
/// handler's error) as one: both descriptions, every header (required only where both require
/// it), and per media type the schema of either body (`anyOf` when they differ).
///
/// ```
/// use serde_json::json;
/// use status_core::openapi::merge_responses;
///
/// let merged = merge_responses(
///     &json!({"description": "The body is of the wrong shape.", "content": {"application/problem+json": {"schema": {"type": "object"}}}}),
///     &json!({"description": "No such item.", "content": {"application/problem+json": {"schema": {"type": "object", "required": ["code"]}}}}),
/// );
/// assert_eq!(merged["description"], "The body is of the wrong shape.\n\nOr: No such item.");
/// assert_eq!(merged["content"]["application/problem+json"]["schema"]["anyOf"][1]["required"][0], "code");
/// ```
pub fn merge_responses(first: &Value, second: &Value) -> Value {
    let mut merged = first.clone();
    let text = |response: &Value| {
        response["description"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let (one, other) = (text(first), text(second));
    if one != other {
        merged["description"] = Value::String(format!("{one}\n\nOr: {other}"));
    }
    let headers = merge_headers(&first["headers"], &second["headers"]);
    if !headers.is_empty() {
        merged["headers"] = Value::Object(headers);
    }
    let content = merge_content(&first["content"], &second["content"]);
    if !content.is_empty() {
        merged["content"] = Value::Object(content);
    }
    merged
}

/// The headers of either, `required` only where both require them.
fn merge_headers(first: &Value, second: &Value) -> Map<String, Value> {
    let empty = Map::new();
    let (first, second) = (
        first.as_object().unwrap_or(&empty),
        second.as_object().unwrap_or(&empty),
    );
    let mut merged = first.clone();
    for (name, header) in second {
        let Some(known) = merged.get_mut(name) else {
            merged.insert(name.clone(), header.clone());
            continue;
        };
        // Each side's values are sent: a value of either schema is documented.
        if known["schema"] != header["schema"] {
            known["schema"] =
                json!({ "anyOf": [known["schema"].clone(), header["schema"].clone()] });
        }
    }
    for (name, header) in &mut merged {
        let required =
            |side: &Map<String, Value>| side.get(name).is_some_and(|h| h["required"] == true);
        if let Some(object) = header.as_object_mut()
            && !(required(first) && required(second))
        {
            object.remove("required");
        }
    }
    merged
}

/// Per media type, the schema of either body.
fn merge_content(first: &Value, second: &Value) -> Map<String, Value> {
    let mut merged = first.as_object().cloned().unwrap_or_default();
    for (media_type, media) in second.as_object().into_iter().flatten() {
        let Some(known) = merged.get_mut(media_type) else {
            merged.insert(media_type.clone(), media.clone());
            continue;
        };
        match (known.get("schema").cloned(), media.get("schema")) {
            (Some(one), Some(other)) if one != *other => {
                known["schema"] = json!({ "anyOf": [one, other] });
            }
            // A side without a schema takes any content: so does the merged one.
            (Some(_), None) => {
                if let Some(object) = known.as_object_mut() {
                    object.remove("schema");
                }
            }
            _ => {}
        }
    }
    merged
}
