//! The shape of what the derive generates, where the response it builds is the same either way
//! and only the code differs: the common shapes as one call each (less for every user's build to
//! type-check, BENCHMARKS.md), a `Display` bound on a generic type only where a response
//! writes the error's `Display` as its `detail`, a bound on a field's type that holds a parameter
//! inside brackets, no empty piece of a `location` template; and
//! which transparent variants the conceal check reads when the crate compiles, and which it
//! leaves to `check_concealment` at run time.

use std::str::FromStr;

use proc_macro2::TokenStream;
use status_derive_internals::derive_http_status;

/// The expansion of `source`, which the derive accepts, as text without spaces.
fn expansion(source: &str) -> String {
    let input = TokenStream::from_str(source).expect("the source lexes");
    let text: String = derive_http_status(input)
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(!text.contains("compile_error"), "{source}: {text}");
    text
}

#[test]
fn a_response_without_headers_or_members_from_fields_is_one_call() {
    let saved = expansion("#[status(204)] struct Saved;");
    assert!(
        saved.contains("::status_core::__private::empty("),
        "{saved}"
    );
    assert!(!saved.contains("ResponseParts"), "{saved}");

    let missing = expansion(r#"#[status(404)] struct Missing;"#);
    assert!(
        missing.contains("__private::problem_with_display("),
        "{missing}"
    );
    assert!(!missing.contains("ResponseParts"), "{missing}");

    let hidden = expansion(r#"#[status(404, detail = hidden)] struct Missing;"#);
    assert!(hidden.contains("__private::problem("), "{hidden}");
    assert!(!hidden.contains("problem_with_display"), "{hidden}");
}

#[test]
fn a_header_or_a_member_from_a_field_takes_the_general_path() {
    let moved = expansion(r#"#[status(303)] struct Created { #[location] at: String }"#);
    assert!(moved.contains("ResponseParts::with_capacity("), "{moved}");
    assert!(!moved.contains("__private::empty("), "{moved}");

    // A member from a field, no header: parts with no room reserved.
    let conflict =
        expansion(r#"#[status(409)] struct Conflict { #[extension("order_id")] order: u64 }"#);
    assert!(conflict.contains("ResponseParts::new("), "{conflict}");
    assert!(!conflict.contains("with_capacity"), "{conflict}");

    let unregistered = expansion(r#"#[status(599, reason = "Network Timeout")] struct Timeout;"#);
    assert!(
        unregistered.contains(".reason_phrase(\"NetworkTimeout\")"),
        "{unregistered}"
    );
}

/// The `where` clause of a generic type's impl, and whether it asks for `Display`.
fn asks_for_display(source: &str) -> bool {
    expansion(source).contains(":::core::fmt::Display")
}

#[test]
fn a_generic_type_needs_display_only_where_a_detail_writes_it() {
    assert!(asks_for_display(
        r#"enum Lookup<T> { #[error("{0} is missing")] #[status(404)] Missing(T) }"#
    ));
    assert!(!asks_for_display(
        r#"enum Lookup<T> { #[status(404, detail = hidden)] Missing(T) }"#
    ));
    assert!(!asks_for_display(
        r#"enum Lookup<T> { #[status(404, detail = "No such thing.")] Missing(T) }"#
    ));
    // Each status of a set writes it.
    assert!(asks_for_display(
        r#"enum Lookup<T> { #[error("{0} is bad")] #[status(400 | 422, classify = crate::pick)] Bad(T) }"#
    ));
    // Not generic: the type's own `Display`, which the `#[error]` gives, needs no bound.
    assert!(!asks_for_display(
        r#"enum Lookup { #[error("{0} is missing")] #[status(404)] Missing(u64) }"#
    ));
    // No body, so no detail to write, whatever the detail would have been.
    assert!(!asks_for_display(
        r#"enum Saved<T> { #[status(204)] Done(T) }"#
    ));
    assert!(!asks_for_display(
        r#"enum Saved<T> { #[status(200, body = none)] Done(T) }"#
    ));
}

#[test]
fn a_location_template_writes_no_empty_piece() {
    // Before the first placeholder and between two, nothing is written; the one literal here is
    // the `/orders/` between `{base}` and `{id}`.
    for (template, literals) in [("{base}{id}", 0), ("{base}/orders/{id}", 1)] {
        let source = format!(
            r#"#[status(303, location = "{template}")] struct Moved {{ base: String, id: u64 }}"#
        );
        let text = expansion(&source);
        assert_eq!(
            text.matches(".literal(").count(),
            literals,
            "{source}: {text}"
        );
    }
}

#[test]
fn a_field_type_that_holds_a_parameter_inside_brackets_is_bounded() {
    for ty in ["(T, u8)", "[T; 2]", "Vec<(u8, T)>"] {
        let source = format!(
            r#"enum Lookup<T> {{ #[error("x")] #[status(409)] Conflict {{ #[extension("items")] items: {ty} }} }}"#
        );
        let bound = format!("{}:::status_core::ExtensionMember", ty.replace(' ', ""));
        let text = expansion(&source);
        assert!(text.contains(&bound), "{source}: {text}");
    }
}

#[test]
fn a_transparent_field_that_names_a_lifetime_parameter_is_an_unknown_entry() {
    // A constant beside the impl cannot name `'a`: those two entries are `Unknown`, for
    // `check_concealment` to read at run time; `'static` is no parameter, and is checked when
    // the crate compiles.
    let text = expansion(
        r#"enum ApiError<'a> {
            #[error(transparent)] #[status(transparent)] Store(StoreError<'static>),
            #[error(transparent)] #[status(transparent)] Auth(AuthError<'a>),
            #[error(transparent)] #[status(transparent)] Shelf([ShelfError<'a>; 1]),
        }"#,
    );
    assert_eq!(text.matches("WireEntry::Nested").count(), 1, "{text}");
    assert_eq!(text.matches("WireEntry::Unknown").count(), 2, "{text}");
}
