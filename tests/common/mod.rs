//! Helpers shared by the behaviour tests: exact header maps, bodies as JSON, whole responses
//! compared.
#![allow(dead_code)] // each test file uses some of them

use http::{HeaderMap, HeaderName, HeaderValue, Response};
use serde_json::Value;

/// The `content-type` of every problem-details body.
pub const PROBLEM: (&str, &str) = ("content-type", "application/problem+json");

/// A header map with exactly these fields, in this order.
pub fn header_map(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            HeaderName::from_static(name),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

/// The body, parsed as JSON.
pub fn json_body<B: AsRef<[u8]>>(response: &Response<B>) -> Value {
    serde_json::from_slice(response.body().as_ref()).unwrap()
}

/// Two responses are the same on the wire: status, version, every header, body bytes.
pub fn assert_same<A: AsRef<[u8]>, B: AsRef<[u8]>>(actual: &Response<A>, expected: &Response<B>) {
    assert_eq!(actual.status(), expected.status());
    assert_eq!(actual.version(), expected.version());
    assert_eq!(actual.headers(), expected.headers());
    assert_eq!(actual.body().as_ref(), expected.body().as_ref());
}

/// Every header field but `date` (which changes with the clock), as owned (name, value) pairs in
/// the order they were sent; from any framework's header map.
pub fn field_pairs<N: ToString, V: AsRef<[u8]>>(
    fields: impl IntoIterator<Item = (N, V)>,
) -> Vec<(String, String)> {
    fields
        .into_iter()
        .map(|(name, value)| {
            let value = std::str::from_utf8(value.as_ref()).expect("an ASCII field value");
            (name.to_string(), value.to_owned())
        })
        .filter(|(name, _)| name != "date")
        .collect()
}

/// Owned (name, value) pairs, to compare with [`field_pairs`].
pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

/// `list`, sorted: for comparing fields whose order does not matter.
pub fn sorted(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
    list.sort();
    list
}

/// [`pairs`], sorted.
pub fn sorted_pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    sorted(pairs(expected))
}

/// Runs `tests/openapi/validate.py` on `document`: openapi-spec-validator on the document, and
/// JSON Schema 2020-12's `check_schema` on each of its schemas. Fails the test with what is
/// wrong; returns the validator's report (`valid: the document, and N schemas`). `test.sh`
/// installs the Python packages it needs.
pub fn validate_openapi(document: &Value) -> String {
    let path = std::env::temp_dir().join(format!(
        "status-core-openapi-{}-{:?}.json",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, document.to_string()).expect("the document written");
    let output = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/openapi/validate.py"
        ))
        .arg(&path)
        .output()
        .expect("python3 runs (test.sh installs what the validator needs)");
    let _ = std::fs::remove_file(&path);
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    report
}
