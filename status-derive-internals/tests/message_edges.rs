//! The derive's messages at the edges of its rules, where no UI case sits: a member name of
//! exactly three characters, a concealed status whose sibling sends something only from a field,
//! a field attribute written on a variant. Each message says what is wrong and how to fix it.

use std::str::FromStr;

use proc_macro2::TokenStream;
use status_derive_internals::{compile_error_messages, derive_http_status};

/// The messages of the `compile_error!`s the derive returns for `source`.
fn messages(source: &str) -> Vec<String> {
    let input = TokenStream::from_str(source).expect("the source lexes");
    compile_error_messages(derive_http_status(input))
}

/// The one message for `source`.
fn message(source: &str) -> String {
    let mut all = messages(source);
    assert_eq!(all.len(), 1, "{source}: {all:?}");
    all.remove(0)
}

#[test]
fn a_three_character_member_name_is_long_enough_and_its_bad_character_is_named() {
    let hyphen = message(
        r#"enum OrderError { #[error("x")] #[status(409)] OutOfStock { #[extension("a-b")] order: u64 } }"#,
    );
    assert!(hyphen.contains("`a-b`"), "{hyphen}");
    assert!(hyphen.contains("`-`"), "{hyphen}");
    assert!(!hyphen.contains("fewer than three"), "{hyphen}");

    let short = message(
        r#"enum OrderError { #[error("x")] #[status(409)] OutOfStock { #[extension("ab")] order: u64 } }"#,
    );
    assert!(short.contains("fewer than three"), "{short}");

    assert!(messages(
        r#"enum OrderError { #[error("x")] #[status(409)] OutOfStock { #[extension("abc")] order: u64 } }"#,
    )
    .is_empty());
}

#[test]
fn a_sibling_that_sends_a_member_from_a_field_tells_a_concealed_status_apart() {
    let member = message(
        r#"enum LoanError {
            #[error("not a librarian")] #[status(403, conceal = 404)] NotLibrarian,
            #[error("no such book")] #[status(404, detail = hidden)] NoSuchBook { #[extension("book_id")] id: u64 },
        }"#,
    );
    assert!(
        member.contains("a problem member from field `id`"),
        "{member}"
    );

    let header = message(
        r#"enum LoanError {
            #[error("not a librarian")] #[status(403, conceal = 404)] NotLibrarian,
            #[error("no such book")] #[status(404, detail = hidden)] NoSuchBook { #[header("x-book")] id: u64 },
        }"#,
    );
    assert!(header.contains("a header from field `id`"), "{header}");

    // A sibling that sends nothing beyond the bare problem is indistinguishable: no message.
    assert!(
        messages(
            r#"enum LoanError {
            #[error("not a librarian")] #[status(403, conceal = 404)] NotLibrarian,
            #[error("no such book")] #[status(404, detail = hidden)] NoSuchBook { id: u64 },
        }"#,
        )
        .is_empty()
    );
}

#[test]
fn a_field_attribute_on_a_variant_says_how_to_write_a_fixed_value() {
    let header =
        message(r#"enum CacheError { #[error("x")] #[status(409)] #[header("x-shop")] Stale }"#);
    assert!(
        header.contains("`#[header]` is not expected on"),
        "{header}"
    );
    assert!(
        header.contains(r#"write `headers(NAME = "...")` inside `#[status(...)]`"#),
        "{header}"
    );

    let location = message(r#"enum Moved { #[error("x")] #[status(308)] #[location] Gone }"#);
    assert!(
        location.contains(r#"write `location = "..."` inside `#[status(...)]`"#),
        "{location}"
    );

    let instance = message(r#"enum Moved { #[error("x")] #[status(409)] #[instance] Gone }"#);
    assert!(
        instance.contains("`#[instance]` is not expected on"),
        "{instance}"
    );
    assert!(!instance.contains("for a fixed value"), "{instance}");
}

#[test]
fn what_stands_where_a_key_belongs_is_reported_wherever_it_stands() {
    let second = messages(r#"enum Shelf { #[error("x")] #[status(404, *)] Missing }"#);
    assert!(
        second
            .iter()
            .any(|m| m.starts_with("expected a key such as `location = \"/path\"`")),
        "{second:?}"
    );
    let first = messages(r#"enum Shelf { #[error("x")] #[status(*)] Missing }"#);
    assert!(!first.is_empty(), "{first:?}");
    assert!(
        !first
            .iter()
            .any(|m| m.starts_with("expected a key such as")),
        "the first item is the status code, whose own message says so: {first:?}"
    );
}

#[test]
fn a_malformed_sibling_is_reported_once_not_compared() {
    let all = messages(
        r#"enum LoanError {
            #[error("not a librarian")] #[status(403, conceal = 404)] NotLibrarian,
            #[error("no such book")] #[status(404, detial = hidden)] NoSuchBook,
        }"#,
    );
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].contains("did you mean `detail`?"), "{all:?}");
}

#[test]
fn a_sibling_with_its_own_type_tells_a_concealed_status_apart() {
    let typed = message(
        r#"enum LoanError {
            #[error("not a librarian")] #[status(403, conceal = 404)] NotLibrarian,
            #[error("no such book")] #[status(404, detail = hidden, type = "/problems/no-such-book")] NoSuchBook,
        }"#,
    );
    assert!(typed.contains("its own `type` and `title`"), "{typed}");
}

#[test]
fn an_option_in_parentheses_is_still_an_option() {
    let challenge = message(
        r#"enum SignIn { #[error("x")] #[status(401)] Required { #[header(WWW_AUTHENTICATE)] challenge: (Option<String>) } }"#,
    );
    assert!(challenge.contains("Option"), "{challenge}");
}

#[test]
fn detail_is_display_hidden_or_a_string_and_nothing_else() {
    let secret = message(r#"enum Shelf { #[error("x")] #[status(404, detail = secret)] Missing }"#);
    assert!(
        secret.starts_with(
            "`detail` is `display` (the error's Display output), `hidden`, or a string"
        ),
        "{secret}"
    );
    for detail in ["display", "hidden", r#""No such shelf.""#] {
        let source =
            format!(r#"enum Shelf {{ #[error("x")] #[status(404, detail = {detail})] Missing }}"#);
        assert!(messages(&source).is_empty(), "{source}");
    }
}

#[test]
fn a_second_code_is_reported_and_a_first_one_is_the_status() {
    let second = message(r#"enum Shelf { #[error("x")] #[status(404, NOT_FOUND)] Missing }"#);
    assert!(
        second.starts_with("the status code comes first, and only once"),
        "{second}"
    );
    assert!(messages(r#"enum Shelf { #[error("x")] #[status(NOT_FOUND)] Missing }"#).is_empty());
}

#[test]
fn after_a_malformed_item_the_next_one_is_still_read() {
    let all =
        messages(r#"enum Shelf { #[error("x")] #[status(404, *, detial = hidden)] Missing }"#);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[1].contains("did you mean `detail`?"), "{all:?}");
}

#[test]
fn status_keys_beside_the_default_code_of_an_enum_are_the_default() {
    let source = r#"#[status(404, detail = hidden, format = status_core::format::HtmlPage)]
        enum Shelf { #[error("x")] Missing, #[error("y")] #[status(409)] Busy }"#;
    assert!(messages(source).is_empty(), "{source}");
    let no_code = message(r#"enum Shelf { #[error("x")] #[status(detail = hidden)] Missing }"#);
    assert!(
        no_code.starts_with("`#[status(...)]` needs a status code, first"),
        "{no_code}"
    );
}

#[test]
fn a_struct_with_only_type_keys_still_needs_its_status() {
    let all = messages(r#"#[status(format = status_core::format::HtmlPage)] struct Saved;"#);
    assert!(
        all.iter()
            .any(|m| m.starts_with("`#[status(...)]` needs a status code, first")),
        "{all:?}"
    );
}

#[test]
fn a_2xx_is_a_mistake_on_a_type_named_an_error_or_with_error_attributes_each_alone() {
    let success = "reports a failure as a success";
    // None of the three: a 2xx is what the type is for.
    assert!(messages(r#"enum Outcome { #[status(200)] Fine }"#).is_empty());
    for source in [
        // Only the name.
        r#"enum OutcomeError { #[status(200)] Fine }"#,
        // Only `#[error]` on the type.
        r#"#[error("x")] #[status(200)] struct Outcome;"#,
        // Only `#[error]` on a variant.
        r#"enum Outcome { #[error("x")] #[status(200)] Fine }"#,
    ] {
        assert!(message(source).contains(success), "{source}");
    }
}

#[test]
fn parse_errors_reach_the_user_from_each_place_they_come_from() {
    for (source, expected) in [
        // Between items.
        (
            r#"enum Shelf { #[error("x")] #[status(404 409)] Missing }"#,
            "expected `,`",
        ),
        // A code of a status set.
        (
            r#"enum Shelf { #[error("x")] #[status(404 | )] Missing }"#,
            "unexpected end of input, expected identifier",
        ),
        // A key's value.
        (
            r#"enum Shelf { #[error("x")] #[status(404, location = )] Missing }"#,
            "unexpected end of input, expected a value after `=`: a number, a string or a name",
        ),
    ] {
        assert_eq!(message(source), expected, "{source}");
    }
}

#[test]
fn an_enum_default_with_status_keys_but_no_code_asks_for_the_code() {
    let source =
        r#"#[status(detail = hidden)] enum Shelf { #[error("x")] #[status(404)] Missing }"#;
    assert!(
        message(source).starts_with("`#[status(...)]` needs a status code, first"),
        "{source}"
    );
}

#[test]
fn a_long_key_is_suggested_across_a_third_of_its_length() {
    // `retry_after` has 11 characters: three edits are still a typo of it, four are not.
    let near = message(r#"enum Busy { #[error("x")] #[status(503, retri_aft = 5)] Down }"#);
    assert!(near.ends_with("did you mean `retry_after`?"), "{near}");
    let far = message(r#"enum Busy { #[error("x")] #[status(503, retri_af = 5)] Down }"#);
    assert!(!far.contains("did you mean"), "{far}");
}

#[test]
fn one_field_gives_several_headers_and_roles_each_once() {
    for source in [
        r#"enum Stock { #[error("x")] #[status(409)] Out { #[header("x-a")] #[header("x-b")] id: u64 } }"#,
        r#"enum Stock { #[error("x")] #[status(409)] Out { #[header("x-a")] #[extension("abc")] id: u64 } }"#,
    ] {
        assert!(messages(source).is_empty(), "{source}");
    }
    assert_eq!(
        message(
            r#"enum Stock { #[error("x")] #[status(409)] Out { #[header("x-a")] #[header("x-a")] id: u64 } }"#
        ),
        "duplicate `#[header]` on this field"
    );
    assert_eq!(
        message(
            r#"enum Moved { #[error("x")] #[status(303)] Done { #[location] #[location] at: String } }"#
        ),
        "duplicate `#[location]` on this field"
    );
}

#[test]
fn integrations_takes_only_none() {
    let source =
        r#"#[status(integrations = none)] enum Shelf { #[error("x")] #[status(404)] Missing }"#;
    assert!(messages(source).is_empty(), "{source}");
    let all = message(
        r#"#[status(integrations = all)] enum Shelf { #[error("x")] #[status(404)] Missing }"#,
    );
    assert!(all.starts_with("`integrations` takes `none`"), "{all}");
}

#[test]
fn reason_is_the_phrase_of_the_unregistered_code_of_a_status_set() {
    let set = r#"enum Upload { #[error("x")] #[status(400 | 499, classify = crate::pick, reason = "Client Closed Request")] Cut(std::io::Error) }"#;
    assert!(messages(set).is_empty(), "{set}: {:?}", messages(set));
    // Without the unregistered code, `reason` contradicts the registry, for each code.
    let registered = messages(
        r#"enum Upload { #[error("x")] #[status(400 | 409, classify = crate::pick, reason = "Client Closed Request")] Cut(std::io::Error) }"#,
    );
    assert_eq!(registered.len(), 2, "{registered:?}");
    assert!(
        registered[0].starts_with("400 is registered as \"Bad Request\""),
        "{registered:?}"
    );
    assert!(
        registered[1].starts_with("409 is registered as \"Conflict\""),
        "{registered:?}"
    );
}
