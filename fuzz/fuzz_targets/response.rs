//! Responses from arbitrary dynamic inputs: header values from fields, `Display` output,
//! placeholders, `Retry-After` from any `Duration` or `SystemTime`, extension members; and each
//! through every format (RFC 9457 JSON, the HTML page, a house format) chosen from any `Accept`
//! with any request id; foreign errors classified into a status set, and any status a classifier
//! may answer. The properties are the ones `cargo test` checks with proptest
//! (`tests/wire_properties/`).
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/wire_properties/mod.rs"]
mod wire_properties;
use wire_properties as wire;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    detail: String,
    item: String,
    levels: Vec<(String, f64)>,
    secs: u64,
    nanos: u32,
    offset: i64,
    marker: String,
    salt: u64,
    accept: String,
    request_id: String,
    member: String,
    code: u16,
}

fuzz_target!(|input: Input| {
    let wait = Duration::new(input.secs, input.nanos % 1_000_000_000);
    // The fuzzed text's letters and digits, then 16 hex digits: at least 16 alphanumerics in a
    // row, which no bare 5xx problem contains.
    let letters: String = input
        .marker
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let marker = format!("{letters}{:016x}", input.salt);
    let verdicts = [
        wire::display_output_becomes_json_detail(&input.text),
        wire::header_values_from_fields_are_valid_or_fall_back(&input.text),
        wire::no_content_statuses_never_carry_a_body(&input.text),
        wire::retry_after_is_always_a_valid_value(wait, wire::system_time(input.offset)),
        wire::extension_members_keep_the_body_json(
            &input.detail,
            &input.item,
            input.levels.into_iter().collect(),
        ),
        wire::a_server_error_never_shows_its_source(&marker),
        wire::formats::every_format_keeps_the_guarantees(&marker, &input.accept, &input.request_id),
        wire::formats::every_format_keeps_the_guarantees(
            &input.text,
            &input.accept,
            &input.request_id,
        ),
        wire::formats::conceal_holds_in_every_format(
            &input.text,
            &input.detail,
            &input.accept,
            &input.request_id,
        ),
        wire::conceal::conceal_holds_across_types(
            &input.text,
            &input.detail,
            &input.accept,
            &input.request_id,
        ),
        wire::formats::formats_write_any_problem(&input.detail, &input.item, &input.member),
        wire::classify::json_errors_answer_their_classified_status(input.text.as_bytes(), &marker),
        wire::classify::any_classified_status_answers_its_own_or_the_fallback(input.code, &marker),
    ];
    for verdict in verdicts {
        if let Err(violation) = verdict {
            panic!("{violation}");
        }
    }
});
