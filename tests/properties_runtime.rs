//! Property tests over every dynamic input a response is built from (the properties themselves
//! are in `wire_properties/`, shared with the fuzz target `fuzz/fuzz_targets/response.rs`):
//! header values from fields, `Display` output, placeholders, `Retry-After` values, extension
//! members. 512 cases per property here; `PROPTEST_CASES=100000` for a long run by hand.

mod wire_properties;

use std::time::Duration;

use proptest::prelude::*;
use wire_properties as wire;

/// Any string, weighted towards what breaks headers and JSON: controls, CR/LF, quotes,
/// backslashes, non-ASCII, surrounding whitespace.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \\t\\r\\n\"\\\\/%{}<>a-z0-9.\u{e9}\u{1f600}\u{0}\u{7f}]{0,40}",
        "[a-zA-Z0-9._~-]{1,20}",
    ]
}

/// Text near a book's JSON: valid documents, documents of the wrong shape, and broken ones.
fn json_like() -> impl Strategy<Value = String> {
    prop_oneof![
        r#"\{"title": ?"[a-z\\"]{0,8}", ?"pages": ?-?[0-9]{1,6}\}"#,
        r#"[\[\]{}:,"a-z0-9 \\]{0,30}"#,
        nasty(),
    ]
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn display_output_becomes_json_detail(detail in nasty()) {
        wire::display_output_becomes_json_detail(&detail).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn header_values_from_fields_are_valid_or_fall_back(value in nasty()) {
        wire::header_values_from_fields_are_valid_or_fall_back(&value).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn no_content_statuses_never_carry_a_body(value in nasty()) {
        wire::no_content_statuses_never_carry_a_body(&value).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn retry_after_is_always_a_valid_value(secs in any::<u64>(), nanos in 0u32..1_000_000_000, offset in any::<i64>()) {
        let until = wire::system_time(offset);
        wire::retry_after_is_always_a_valid_value(Duration::new(secs, nanos), until)
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn extension_members_keep_the_body_json(detail in nasty(), item in nasty(), levels in proptest::collection::btree_map(nasty(), any::<f64>(), 0..4)) {
        wire::extension_members_keep_the_body_json(&detail, &item, levels).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_server_error_never_shows_its_source(marker in "[A-Za-z0-9]{12,24}") {
        wire::a_server_error_never_shows_its_source(&marker).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn json_errors_answer_their_classified_status(input in json_like(), marker in "[A-Za-z0-9]{12,24}") {
        wire::classify::json_errors_answer_their_classified_status(input.as_bytes(), &marker).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_classified_status_answers_its_own_or_the_fallback(code in any::<u16>(), marker in "[A-Za-z0-9]{12,24}") {
        wire::classify::any_classified_status_answers_its_own_or_the_fallback(code, &marker).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn every_format_keeps_the_guarantees(text in nasty(), accept in accept(), request_id in nasty()) {
        wire::formats::every_format_keeps_the_guarantees(&text, &accept, &request_id).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn conceal_holds_in_every_format(hidden in nasty(), missing in nasty(), accept in accept(), request_id in nasty()) {
        wire::formats::conceal_holds_in_every_format(&hidden, &missing, &accept, &request_id).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn conceal_holds_across_types(hidden in nasty(), missing in nasty(), accept in accept(), request_id in nasty()) {
        wire::conceal::conceal_holds_across_types(&hidden, &missing, &accept, &request_id).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn formats_write_any_problem(detail in nasty(), instance in nasty(), member in nasty()) {
        wire::formats::formats_write_any_problem(&detail, &instance, &member).map_err(TestCaseError::fail)?;
    }
}

/// `Accept` values: real ones, with weights, wildcards and parameters, and malformed ones.
fn accept() -> impl Strategy<Value = String> {
    let range = prop_oneof![
        Just("text/html".to_owned()),
        Just("*/*".to_owned()),
        Just("application/*".to_owned()),
        Just("application/problem+json".to_owned()),
        Just("application/json".to_owned()),
        Just("application/vnd.shop.error+json".to_owned()),
        Just("text/html;charset=utf-8".to_owned()),
        "[a-z*]{0,6}/[a-z*+.]{0,10}",
        nasty(),
    ];
    let weighted = (range, proptest::option::of("[0-9.]{0,6}")).prop_map(|(range, q)| match q {
        Some(q) => format!("{range};q={q}"),
        None => range,
    });
    proptest::collection::vec(weighted, 0..5).prop_map(|ranges| ranges.join(", "))
}

#[test]
fn a_megabyte_of_display_output_is_escaped_whole() {
    let detail: String = "\"\\\u{0}\u{1f600}\r\nabc".repeat(1 << 17);
    assert!(detail.len() > 1 << 20);
    assert_eq!(wire::display_output_becomes_json_detail(&detail), Ok(()));
}

/// The checks look at what they claim to: a `Location` field with CR LF is answered by the
/// fallback, the same text in a placeholder is percent-encoded, and a marker that a bare 5xx
/// problem does contain is reported.
#[test]
fn the_checks_catch_what_they_look_for() {
    let splitting = "/a\r\nSet-Cookie: a=b";
    let whole = wire::ShopError::Elsewhere {
        target: splitting.to_owned(),
    };
    assert_eq!(
        wire::on_the_wire(&whole).map(|r| r.status()),
        Ok(http::StatusCode::INTERNAL_SERVER_ERROR)
    );
    let placeholder = wire::ShopError::Placed {
        id: splitting.to_owned(),
    };
    let response = wire::on_the_wire(&placeholder).expect("valid");
    assert_eq!(
        response.headers()["location"],
        "/orders/%2Fa%0D%0ASet-Cookie%3A%20a%3Db/receipt"
    );
    let verdict = wire::a_server_error_never_shows_its_source("Internal");
    assert!(verdict.is_err(), "{verdict:?}");
    // A source that spells a fixed part of the 5xx's body is no leak (found by the fuzzer).
    let spelled = "de\":502,\"message\":\"Bad Gateway";
    assert_eq!(
        wire::formats::every_format_keeps_the_guarantees(spelled, "", ""),
        Ok(())
    );
    // Two statuses are told apart; so are two details of one status.
    use status_core::HttpStatus;
    use wire::formats::{HouseError, alike_in_every_context, in_every_context};
    let verdict = alike_in_every_context(
        || HouseError::Conflict("a".into()),
        || HouseError::Missing("a".into()),
        "",
        "",
    );
    assert!(verdict.is_err(), "{verdict:?}");
    let verdict = alike_in_every_context(
        || HouseError::Conflict("a".into()),
        || HouseError::Conflict("b".into()),
        "text/html",
        "",
    );
    assert!(verdict.is_err(), "{verdict:?}");
    // The contexts reach every format, and put the request's id in each.
    let responses = in_every_context(
        || HouseError::Conflict("a".into()).to_response(),
        "text/html",
        "id-7",
    );
    let types: Vec<_> = responses
        .iter()
        .map(|r| r.headers()["content-type"].clone())
        .collect();
    assert_eq!(
        types,
        [
            "application/vnd.shop.error+json",
            "text/html; charset=utf-8",
            "text/html; charset=utf-8",
            "application/vnd.shop.error+json"
        ]
    );
    assert!(
        responses[1..]
            .iter()
            .all(|r| String::from_utf8_lossy(r.body()).contains("id-7"))
    );
    let responses = in_every_context(
        || HouseError::Conflict("a".into()).to_response(),
        "application/problem+json",
        "",
    );
    let types: Vec<_> = responses
        .iter()
        .map(|r| r.headers()["content-type"].clone())
        .collect();
    assert_eq!(types[1..], ["application/problem+json"; 3]);
}
