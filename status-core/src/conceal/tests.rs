//! The compile-time check run as ordinary code: the derive calls [`conceal_verdict`] in a
//! `const`, so the UI cases see only its message; here each path of it is taken directly.

use super::*;

const fn answer(name: &'static str, status: u16, hidden: &'static str) -> WireAnswer {
    WireAnswer {
        name,
        status,
        status_named: if status == 404 {
            "404 Not Found"
        } else {
            "410 Gone"
        },
        hidden,
        beyond: "",
        allowed: false,
    }
}

const NOT_LIBRARIAN: WireAnswer = answer("AuthError::NotLibrarian", 404, "403 Forbidden");
const BARE_NOT_FOUND: WireAnswer = answer("StoreError::Missing", 404, "");
const NOT_FOUND: WireAnswer = WireAnswer {
    beyond: "a `detail`",
    ..answer("StoreError::NotFound", 404, "")
};

const AUTH: &[WireEntry] = &[WireEntry::Answer(NOT_LIBRARIAN)];
const STORE: &[WireEntry] = &[WireEntry::Answer(NOT_FOUND)];
const BARE_STORE: &[WireEntry] = &[WireEntry::Answer(BARE_NOT_FOUND)];

const fn nested(name: &'static str, entries: &'static [WireEntry]) -> WireEntry {
    WireEntry::Nested {
        name,
        format: "",
        entries,
    }
}

fn verdict(entries: &'static [WireEntry], format: &'static str, index: usize) -> String {
    conceal_verdict(entries, format, index)
        .map(|message| message.text().to_owned())
        .unwrap_or_default()
}

const HELP: &str = " (RFC 9110 §15.5.4)\nhelp: make `StoreError::NotFound` answer a bare problem too (`detail = hidden`, no headers or members, the same format), or opt out with `allow(distinguishable_conceal)` in this #[status(transparent, ...)]";

#[test]
fn the_variant_that_brings_in_the_real_answer_is_the_one_reported() {
    const API: &[WireEntry] = &[
        nested("ApiError::Auth", AUTH),
        nested("ApiError::Store", STORE),
    ];
    assert_eq!(verdict(API, "", 0), "");
    assert_eq!(
        verdict(API, "", 1),
        format!(
            "`ApiError::Store` brings in `StoreError::NotFound`, which answers 404 Not Found \
             with a `detail`, so a client can tell the concealed 403 Forbidden of \
             `AuthError::NotLibrarian` from a real 404 Not Found{HELP}"
        )
    );
    const REVERSED: &[WireEntry] = &[
        nested("ApiError::Store", STORE),
        nested("ApiError::Auth", AUTH),
    ];
    assert_eq!(verdict(REVERSED, "", 1), "");
    assert!(verdict(REVERSED, "", 0).starts_with("`ApiError::Store` brings in"));
}

#[test]
fn a_concealed_answer_brought_in_beside_a_real_one_of_the_type_is_reported() {
    const API: &[WireEntry] = &[nested("ApiError::Auth", AUTH), WireEntry::Answer(NOT_FOUND)];
    assert_eq!(
        verdict(API, "", 0),
        format!(
            "`ApiError::Auth` brings in `AuthError::NotLibrarian`, which conceals 403 \
             Forbidden as a bare 404 Not Found, but `StoreError::NotFound` answers 404 Not \
             Found with a `detail`, so a client can tell them apart{HELP}"
        )
    );
    assert_eq!(
        verdict(API, "", 1),
        "",
        "an answer of the type's own is no check"
    );
}

#[test]
fn answers_a_client_cannot_tell_apart_pass() {
    const ALLOWED: &[WireEntry] = &[WireEntry::Answer(WireAnswer {
        allowed: true,
        ..NOT_LIBRARIAN
    })];
    const OTHER_STATUS: &[WireEntry] = &[WireEntry::Answer(WireAnswer {
        status: 410,
        ..NOT_FOUND
    })];
    const CONCEALED_TOO: &[WireEntry] = &[WireEntry::Answer(WireAnswer {
        beyond: "a `detail`",
        ..answer("GoneError::Hidden", 404, "401 Unauthorized")
    })];
    for store in [BARE_STORE, OTHER_STATUS, CONCEALED_TOO] {
        let api: &'static [WireEntry] = Vec::leak(vec![
            nested("ApiError::Auth", AUTH),
            nested("ApiError::Store", store),
        ]);
        assert_eq!(verdict(api, "", 1), "", "{store:?}");
    }
    const API: &[WireEntry] = &[
        nested("ApiError::Auth", ALLOWED),
        nested("ApiError::Store", STORE),
        WireEntry::Unknown,
    ];
    assert_eq!(verdict(API, "", 1), "");
    assert_eq!(
        verdict(API, "", 2),
        "",
        "an unknown entry is checked at run time"
    );
}

#[test]
fn nesting_is_followed_on_both_sides_and_the_outer_format_wins() {
    const DEEP_AUTH: &[WireEntry] = &[nested("Middle::Auth", AUTH)];
    const DEEP_STORE: &[WireEntry] = &[WireEntry::Nested {
        name: "Middle::Store",
        format: "Html",
        entries: BARE_STORE,
    }];
    const API: &[WireEntry] = &[
        nested("ApiError::Auth", DEEP_AUTH),
        nested("ApiError::Store", DEEP_STORE),
    ];
    assert_eq!(
        verdict(API, "", 1),
        "`ApiError::Store` brings in `StoreError::Missing`, which answers 404 Not Found in \
         another format (`Html`, while the concealed one is in RFC 9457 JSON), so a client \
         can tell the concealed 403 Forbidden of `AuthError::NotLibrarian` from a real 404 \
         Not Found (RFC 9110 §15.5.4)\nhelp: make `StoreError::Missing` answer a bare problem \
         too (`detail = hidden`, no headers or members, the same format), or opt out with \
         `allow(distinguishable_conceal)` in this #[status(transparent, ...)]"
    );
    // The outer type's format is what both are written in: nothing tells them apart.
    assert_eq!(verdict(API, "Html", 1), "");
    const BESIDE_OWN: &[WireEntry] = &[
        WireEntry::Nested {
            name: "ApiError::Auth",
            format: "Html",
            entries: DEEP_AUTH,
        },
        WireEntry::Answer(BARE_NOT_FOUND),
    ];
    assert!(
        verdict(BESIDE_OWN, "", 0)
            .contains("in another format (RFC 9457 JSON, while the concealed one is in `Html`)")
    );
}

#[test]
fn a_message_is_cut_at_its_capacity_on_a_character_boundary() {
    let message = ConcealMessage::new().push("ab").push("").push("cd");
    assert_eq!(message.text(), "abcd");
    let long = "é".repeat(MESSAGE_CAPACITY);
    let cut = ConcealMessage::new().push("x").push(&long);
    assert_eq!(cut.len, MESSAGE_CAPACITY);
    assert_eq!(
        cut.text(),
        format!("x{}", "é".repeat(MESSAGE_CAPACITY / 2 - 1))
    );
}

#[test]
fn strings_are_compared_byte_by_byte() {
    assert!(same("Html", "Html"));
    assert!(same("", ""));
    assert!(!same("Html", "Htm"));
    assert!(!same("Htm", "Html"));
    assert!(!same("Html", "Xml1"));
    assert!(!same("Html", "Htmx"));
    assert_eq!(effective("", "Html"), "Html");
    assert_eq!(effective("Json", "Html"), "Json");
}
