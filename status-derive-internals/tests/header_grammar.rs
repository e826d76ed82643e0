//! The derive at compile time and the runtime agree, for every header name, on which values may
//! be sent: a fixed value in `headers(...)` compiles exactly when the runtime would send the
//! same value taken from a field (`ResponseParts::field`, what the generated code calls).

use std::str::FromStr;

use proc_macro2::TokenStream;
use status_codes::syntax::{Grammar, HEADER_GRAMMARS};
use status_core::__private::ResponseParts;
use status_core::http::{HeaderName, StatusCode};

/// Values that pass or fail each grammar, and every field-value mistake.
const VALUES: &[&str] = &[
    "",
    " ",
    "/new-event",
    "/a b",
    "/a%2",
    "https://shop.example/x#a#b",
    "1a:b",
    "120",
    "-1",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Mon, 21 Oct 2015 07:28:00 GMT",
    "GET, HEAD",
    "GET HEAD",
    "GET,, HEAD",
    "websocket, HTTP/2.0",
    "web socket",
    "Bearer realm=\"shop\"",
    "realm=\"shop\"",
    "bytes 0-499/1234",
    "bytes */1234",
    "bytes 500-100/1234",
    "no-store",
    "\"v1\"",
    " padded",
    "padded ",
    "tab\tinside",
    "caf\u{e9}",
];

/// Names whose syntax status-codes does not know, beside those it does.
const OTHER_NAMES: &[&str] = &["etag", "cache-control", "x-request-kind", "link"];

/// Whether `#[derive(HttpStatus)]` accepts `value` as a fixed value of header `name`. The status
/// is 503, on which every one of these headers means something, so no other rule is involved.
fn compiles(name: &str, value: &str) -> bool {
    let literal = proc_macro2::Literal::string(value);
    let input = format!(
        "#[status(503, headers({:?} = {literal}))] struct Unavailable;",
        name
    );
    let tokens = TokenStream::from_str(&input).expect("the input lexes");
    let output = status_derive_internals::derive_http_status(tokens).to_string();
    !output.contains("compile_error")
}

/// The keys of `#[status(...)]` that fix one header's value, with the header they fix.
const SHORTCUTS: &[(&str, &str)] = &[
    ("location", "location"),
    ("www_authenticate", "www-authenticate"),
    ("proxy_authenticate", "proxy-authenticate"),
    ("allow", "allow"),
    ("upgrade", "upgrade"),
    ("content_range", "content-range"),
    ("retry_after", "retry-after"),
];

/// Whether `#[status(503, key = "value")]` compiles.
fn key_compiles(key: &str, value: &str) -> bool {
    let literal = proc_macro2::Literal::string(value);
    let input = format!("#[status(503, {key} = {literal})] struct Unavailable;");
    let tokens = TokenStream::from_str(&input).expect("the input lexes");
    let output = status_derive_internals::derive_http_status(tokens).to_string();
    !output.contains("compile_error")
}

/// Whether the runtime sends `value` taken from a field as header `name`.
fn sends(name: &'static str, value: &str) -> bool {
    let mut parts = ResponseParts::new(StatusCode::SERVICE_UNAVAILABLE);
    parts
        .field(HeaderName::from_static(name), name, value)
        .is_ok()
}

fn names() -> impl Iterator<Item = &'static str> {
    HEADER_GRAMMARS
        .iter()
        .map(|(name, _)| *name)
        .chain(OTHER_NAMES.iter().copied())
}

#[test]
fn compile_time_and_run_time_agree_for_every_header_name() {
    let mut disagreements = Vec::new();
    for name in names() {
        for value in VALUES {
            let (at_compile_time, at_run_time) = (compiles(name, value), sends(name, value));
            if at_compile_time != at_run_time {
                disagreements.push(format!(
                    "{name}: {value:?} compiles: {at_compile_time}, is sent: {at_run_time}"
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The agreement above is not vacuous: every grammar accepts some value and rejects another,
/// and the fix this test came with holds (a fixed `content-location` is a URI reference; an
/// empty value of a field whose syntax is unknown is refused at both ends).
#[test]
fn each_grammar_accepts_and_rejects() {
    for (name, grammar) in HEADER_GRAMMARS {
        assert!(
            VALUES.iter().any(|value| compiles(name, value)),
            "{name} ({grammar:?}) accepts nothing"
        );
        assert!(
            VALUES.iter().any(|value| !compiles(name, value)),
            "{name} ({grammar:?}) rejects nothing"
        );
    }
    assert!(!compiles("content-location", "/a b"));
    assert!(compiles("content-location", "/a%20b"));
    assert!(!compiles("etag", "") && !sends("etag", ""));
    assert!(compiles("allow", "") && sends("allow", ""));
    assert_eq!(status_codes::syntax::grammar("etag"), Grammar::NonEmpty);
}

#[test]
fn the_shortcut_keys_agree_with_the_run_time_too() {
    let mut disagreements = Vec::new();
    for (key, name) in SHORTCUTS {
        for value in VALUES {
            let (at_compile_time, at_run_time) = (key_compiles(key, value), sends(name, value));
            if at_compile_time != at_run_time {
                disagreements.push(format!(
                    "{key} = {value:?} compiles: {at_compile_time}, is sent: {at_run_time}"
                ));
            }
        }
        assert!(VALUES.iter().any(|value| key_compiles(key, value)), "{key}");
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
