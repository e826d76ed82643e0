//! Whether a response is the one its OpenAPI description documents
//! (`status_core::openapi::Responses`): its status is documented, every header documented as
//! required is there, every documented header it sends has a value of its schema, and its body
//! is of the documented media type and validates against the documented schema (JSON Schema
//! 2020-12, the `jsonschema` crate), or is empty where none is documented. Shared by the
//! property tests, the fuzz target and the end-to-end tests.

use http::HeaderMap;
use serde_json::Value;

use super::Checked;

/// Header fields the description does not list: the body's own, and what the transport or the
/// request's context add.
const UNLISTED: &[&str] = &[
    "content-type",
    "content-length",
    "vary",
    "date",
    "connection",
];

/// Whether `status`, `headers` and `body` are documented by `responses`, the OpenAPI
/// Responses Object (`Responses::to_json()`) of the type that answered.
pub fn documented(responses: &Value, status: u16, headers: &HeaderMap, body: &[u8]) -> Checked {
    documented_head(responses, status, headers)?;
    content(&responses[status.to_string()], status, headers, body)
}

/// Whether `status` and `headers` are documented by `responses`: for the answer to a `HEAD`,
/// which sends the head of a `GET`'s response without its content.
pub fn documented_head(responses: &Value, status: u16, headers: &HeaderMap) -> Checked {
    let Some(response) = responses.get(status.to_string()) else {
        return Err(format!("status {status} is not documented: {responses}"));
    };
    let listed = response["headers"].as_object();
    for (name, header) in listed.into_iter().flatten() {
        let value = headers.get(name.as_str());
        if header["required"] == true && value.is_none() {
            return Err(format!("{status}: the required header {name} is missing"));
        }
        if let Some(value) = value {
            let text = Value::String(String::from_utf8_lossy(value.as_bytes()).into_owned());
            valid(&header["schema"], &text).map_err(|why| format!("{status} {name}: {why}"))?;
        }
    }
    for name in headers.keys() {
        let known = listed.is_some_and(|listed| listed.contains_key(name.as_str()));
        ensure!(
            known || UNLISTED.contains(&name.as_str()),
            "{status}: header {name} is not documented"
        );
    }
    Ok(())
}

/// The body against the documented content.
fn content(response: &Value, status: u16, headers: &HeaderMap, body: &[u8]) -> Checked {
    let Some(content) = response["content"].as_object() else {
        ensure!(body.is_empty(), "{status}: a body where none is documented");
        return Ok(());
    };
    let media_type = headers
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let essence = |media: &str| {
        media
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let Some((_, documented)) = content.iter().find(|(documented, _)| {
        *documented == "*/*"
            || *documented == media_type
            || essence(documented) == essence(media_type)
    }) else {
        return Err(format!(
            "{status}: {media_type} is not a documented media type"
        ));
    };
    let Some(schema) = documented.get("schema") else {
        // A format that gives no schema: its media type is all there is to check.
        return Ok(());
    };
    let instance = if essence(media_type).ends_with("json") {
        serde_json::from_slice(body).map_err(|error| format!("{status}: not JSON: {error}"))?
    } else {
        let text =
            std::str::from_utf8(body).map_err(|error| format!("{status}: not text: {error}"));
        Value::String(text?.to_owned())
    };
    valid(schema, &instance).map_err(|why| format!("{status} body: {why}"))
}

thread_local! {
    /// The validators compiled so far, by their schema's text: the same few schemas come back
    /// for every input the property tests and the fuzz target try.
    static VALIDATORS: std::cell::RefCell<std::collections::HashMap<String, std::rc::Rc<jsonschema::Validator>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Whether `instance` is valid against `schema`.
fn valid(schema: &Value, instance: &Value) -> Checked {
    let key = schema.to_string();
    let cached = VALIDATORS.with(|validators| validators.borrow().get(&key).cloned());
    let validator = match cached {
        Some(validator) => validator,
        None => {
            let compiled = jsonschema::draft202012::new(schema)
                .map_err(|error| format!("the schema {schema} does not compile: {error}"))?;
            let compiled = std::rc::Rc::new(compiled);
            VALIDATORS.with(|validators| validators.borrow_mut().insert(key, compiled.clone()));
            compiled
        }
    };
    validator
        .validate(instance)
        .map_err(|error| format!("{instance} is not of {schema}: {error}"))
}
