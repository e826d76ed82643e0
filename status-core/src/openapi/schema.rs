//! The schemas of one status's response: its header fields, and its body, from the contracts of
//! the variants that answer it.

use serde_json::{Map, Value, json};

use super::{Content, Header, InFormat, negotiation};
use crate::{BodyContract, Contract, DetailSource, HeaderSource, ProblemContract, ResponseContext};

/// The header fields of `contracts`, in the order the first sends them, then the others'.
pub(super) fn headers(contracts: &[&'static Contract]) -> Vec<Header> {
    let mut names: Vec<&'static str> = Vec::new();
    for contract in contracts {
        for header in contract.headers {
            if !names.contains(&header.name) {
                names.push(header.name);
            }
        }
    }
    names
        .into_iter()
        .map(|name| header(name, contracts))
        .collect()
}

/// Header `name` as `contracts` send it: required when each sends it always (a fixed value, a
/// template, or a field the status requires, which the runtime checks before sending).
fn header(name: &'static str, contracts: &[&'static Contract]) -> Header {
    let sources: Vec<Option<HeaderSource>> = contracts
        .iter()
        .map(|contract| {
            contract
                .headers
                .iter()
                .find(|header| header.name == name)
                .map(|header| header.source)
        })
        .collect();
    let required = sources.iter().all(|source| match source {
        Some(HeaderSource::Static(_) | HeaderSource::Template(_)) => true,
        Some(HeaderSource::Field(_)) => requires(contracts[0], name),
        _ => false,
    });
    let fixed: Vec<&str> = sources
        .iter()
        .filter_map(|source| match source {
            Some(HeaderSource::Static(value)) => Some(*value),
            _ => None,
        })
        .collect();
    let all_fixed = fixed.len() == sources.len();
    Header {
        name,
        required,
        description: header_description(&sources),
        schema: header_schema(name, all_fixed.then_some(fixed.as_slice())),
    }
}

/// Whether the status of `contract` requires header `name` so that the runtime never sends it
/// without (a MUST, and a redirect's `Location`).
fn requires(contract: &Contract, name: &str) -> bool {
    status_codes::required_header(contract.status.as_u16()).is_some_and(|required| {
        required.name == name
            && (required.requirement == status_codes::Requirement::Must || name == "location")
    })
}

/// Where the values come from, in words.
fn header_description(sources: &[Option<HeaderSource>]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for source in sources.iter().flatten() {
        let part = match source {
            HeaderSource::Static(value) => format!("`{value}`"),
            HeaderSource::Template(template) => format!("`{template}`, its placeholders filled in"),
            HeaderSource::Field(field) => format!("the value of field `{field}`"),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join("; or ")
}

/// The schema of header `name`'s value: an `enum` of its fixed values when every variant fixes
/// it, else its syntax as far as JSON Schema says it.
fn header_schema(name: &str, fixed: Option<&[&str]>) -> Value {
    if let Some(values) = fixed {
        return string_enum(values.iter().copied());
    }
    match name {
        "location" | "content-location" => json!({ "type": "string", "format": "uri-reference" }),
        "retry-after" => json!({
            "type": "string",
            "pattern": "^([0-9]+|(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT)$",
            "description": "delay-seconds or an IMF-fixdate (RFC 9110 §10.2.3)",
        }),
        _ => json!({ "type": "string" }),
    }
}

/// The body of `contracts`: none when none sends content; a problem in each format it can be
/// sent in (`context` adds those it negotiates); any content for a `#[body]` field, beside the
/// problems of the same status too.
pub(super) fn content(contracts: &[InFormat], context: Option<&ResponseContext>) -> Vec<Content> {
    let problems: Vec<&ProblemContract> = contracts
        .iter()
        .filter_map(|(contract, _)| match &contract.body {
            BodyContract::Problem(problem) => Some(problem),
            _ => None,
        })
        .collect();
    let mut contents = Vec::new();
    if !problems.is_empty() {
        let status = contracts[0].0.status.as_u16();
        // A member is required only where every answer of the status is a problem that sends it.
        let all = problems.len() == contracts.len();
        let mut problem = problem_schema(status, &problems, all);
        if context.is_some_and(ResponseContext::takes_request_id) {
            // The request's id becomes the `instance` of a problem that has none.
            problem["properties"]["instance"] = instance_schema();
        }
        contents = problem_contents(contracts, context, &problem);
    }
    let field = contracts
        .iter()
        .any(|(contract, _)| matches!(contract.body, BodyContract::Field(_)));
    if field {
        contents.push(Content {
            media_type: "*/*",
            schema: Some(any_value()),
        });
    }
    contents
}

/// The problem whose RFC 9457 schema is `problem`, in each format the problems of `contracts`
/// are sent in: each media type once, with its format's schema.
fn problem_contents(
    contracts: &[InFormat],
    context: Option<&ResponseContext>,
    problem: &Value,
) -> Vec<Content> {
    let mut contents: Vec<Content> = Vec::new();
    for (contract, format) in contracts {
        if !matches!(contract.body, BodyContract::Problem(_)) {
            continue;
        }
        for format in negotiation::problem_formats(*format, context) {
            let media_type = format.media_type();
            if contents.iter().all(|known| known.media_type != media_type) {
                contents.push(Content {
                    media_type,
                    schema: format.schema(problem),
                });
            }
        }
    }
    contents
}

/// `instance`: a URI reference.
fn instance_schema() -> Value {
    json!({ "type": "string", "format": "uri-reference" })
}

/// The schema of the problems `problems` of status `status`: each member they send, `required`
/// when every one sends it (`all` says whether every variant of the status is a problem).
fn problem_schema(status: u16, problems: &[&ProblemContract], all: bool) -> Value {
    let mut properties = Map::new();
    let mut required: Vec<String> = Vec::new();
    let every = |has: &dyn Fn(&ProblemContract) -> bool| all && problems.iter().all(|p| has(p));
    properties.insert(
        "type".into(),
        string_enum(problems.iter().map(|p| p.type_uri)),
    );
    properties.insert(
        "title".into(),
        string_enum(problems.iter().map(|p| p.title)),
    );
    properties.insert(
        "status".into(),
        json!({ "type": "integer", "enum": [status] }),
    );
    required.extend(["type", "title", "status"].map(String::from));
    if let Some(detail) = detail_schema(problems) {
        properties.insert("detail".into(), detail);
        if every(&|p| p.detail != DetailSource::Hidden) {
            required.push("detail".into());
        }
    }
    if problems.iter().any(|p| p.instance.is_some()) {
        properties.insert("instance".into(), instance_schema());
        if every(&|p| p.instance.is_some()) {
            required.push("instance".into());
        }
    }
    for problem in problems {
        for member in problem.extensions {
            if properties.contains_key(*member) {
                continue;
            }
            properties.insert((*member).to_owned(), member_schema(member, problems));
            if every(&|p| p.extensions.contains(member)) {
                required.push((*member).to_owned());
            }
        }
    }
    json!({ "type": "object", "properties": properties, "required": required })
}

/// `{"type": "string", "enum": [...]}` of the distinct `values`.
fn string_enum<'a>(values: impl Iterator<Item = &'a str>) -> Value {
    let mut distinct: Vec<&str> = Vec::new();
    for value in values {
        if !distinct.contains(&value) {
            distinct.push(value);
        }
    }
    json!({ "type": "string", "enum": distinct })
}

/// The `detail` of `problems`: free text if one writes its `Display`, the fixed texts if they
/// all fix it, `None` if none sends one.
fn detail_schema(problems: &[&ProblemContract]) -> Option<Value> {
    let mut fixed: Vec<&str> = Vec::new();
    let mut display = false;
    for problem in problems {
        match problem.detail {
            DetailSource::Display => display = true,
            DetailSource::Static(text) => fixed.push(text),
            DetailSource::Hidden => {}
        }
    }
    match (display, fixed.is_empty()) {
        (true, _) => Some(json!({ "type": "string" })),
        (false, false) => Some(string_enum(fixed.into_iter())),
        (false, true) => None,
    }
}

/// The schema of extension member `member`: the `enum` of its fixed values (with their JSON
/// types) when every problem that sends it fixes it, else any JSON value (its field's type says
/// more than the contract).
fn member_schema(member: &str, problems: &[&ProblemContract]) -> Value {
    let mut fixed: Vec<Value> = Vec::new();
    for problem in problems.iter().filter(|p| p.extensions.contains(&member)) {
        let value = problem
            .fixed_extensions
            .iter()
            .find(|(name, _)| *name == member)
            .map(|(_, json)| serde_json::from_str(json).unwrap_or(Value::Null));
        match value {
            Some(value) if !fixed.contains(&value) => fixed.push(value),
            Some(_) => {}
            None => return any_value(),
        }
    }
    let mut types: Vec<&str> = Vec::new();
    for value in &fixed {
        let name = json_type(value);
        if !types.contains(&name) {
            types.push(name);
        }
    }
    match types.as_slice() {
        [one] => json!({ "type": one, "enum": fixed }),
        several => json!({ "type": several, "enum": fixed }),
    }
}

/// Any JSON value, as a schema every reader takes (utoipa's reads no `{}`).
fn any_value() -> Value {
    json!({ "type": ["string", "number", "boolean", "array", "object", "null"] })
}

/// The JSON Schema type of `value`.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_i64() || number.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
