//! What the derive emits for the conceal check across types (its verdict is the compiler's, in
//! the UI cases `tests/ui/rules/conceal-across-types*.rs`): each answer described with its
//! status, the status it conceals and what it sends beyond a bare problem; one check per
//! transparent variant of an enum, none where the variant opts out, none for a generic field.

use std::str::FromStr;

use proc_macro2::TokenStream;
use status_derive_internals::derive_http_status;

/// The expansion of `source`, as text without spaces.
fn expansion(source: &str) -> String {
    let input = TokenStream::from_str(source).expect("the source lexes");
    derive_http_status(input)
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn each_answer_is_described_as_a_client_sees_it() {
    let auth = expansion(
        r#"enum AuthError {
            #[error("not a librarian")]
            #[status(403, conceal = 404)]
            NotLibrarian,
            #[error("book {0} does not exist")]
            #[status(409)]
            Busy(u64),
        }"#,
    );
    assert!(auth.contains(r#"name:"AuthError::NotLibrarian",status:404u16,status_named:"404NotFound",hidden:"403Forbidden",beyond:"",allowed:false"#), "{auth}");
    assert!(auth.contains(r#"name:"AuthError::Busy",status:409u16,status_named:"409Conflict",hidden:"",beyond:"a`detail`",allowed:false"#), "{auth}");
    assert!(
        !auth.contains("conceal_verdict"),
        "no transparent variant, no check: {auth}"
    );
}

#[test]
fn each_transparent_variant_of_an_enum_is_checked_unless_it_opts_out() {
    let api = expansion(
        r#"enum ApiError {
            #[error(transparent)]
            #[status(transparent)]
            Auth(AuthError),
            #[error(transparent)]
            #[status(transparent)]
            Store(StoreError),
            #[error(transparent)]
            #[status(transparent, allow(distinguishable_conceal))]
            Loud(LoudError),
        }"#,
    );
    assert_eq!(api.matches("conceal_verdict").count(), 2, "{api}");
    let store =
        r#"name:"ApiError::Store",format:<StoreErroras::status_core::__private::Wire>::FORMAT"#;
    assert!(api.contains(store), "{api}");
    assert!(
        api.contains("__HTTP_STATUS_WIRE,__HTTP_STATUS_FORMAT,0usize"),
        "{api}"
    );
    assert!(
        api.contains("__HTTP_STATUS_WIRE,__HTTP_STATUS_FORMAT,1usize"),
        "{api}"
    );
    assert!(!api.contains("__HTTP_STATUS_FORMAT,2usize"), "{api}");
}

#[test]
fn a_generic_field_is_unknown_and_a_struct_has_nothing_to_compare() {
    let generic = expansion(
        r#"enum ApiError<S> {
            #[error(transparent)]
            #[status(transparent)]
            Store(S),
        }"#,
    );
    assert!(generic.contains("WireEntry::Unknown"), "{generic}");
    assert!(!generic.contains("conceal_verdict"), "{generic}");
    let wrapper = expansion(
        r#"#[status(transparent)]
        struct Wrapper(StoreError);"#,
    );
    assert!(wrapper.contains("WireEntry::Nested"), "{wrapper}");
    assert!(!wrapper.contains("conceal_verdict"), "{wrapper}");
}

#[test]
fn a_format_is_named_by_its_last_segment_and_problem_json_is_none() {
    let html = expansion(
        r#"#[status(format = status_core::format::HtmlPage)]
        enum PageError {
            #[error("no page")]
            #[status(404)]
            NoPage,
        }"#,
    );
    assert!(
        html.contains(r#"const__HTTP_STATUS_FORMAT:&str="HtmlPage";"#),
        "{html}"
    );
    let problem = expansion(
        r#"#[status(format = ProblemJson)]
        enum PageError {
            #[error("no page")]
            #[status(404)]
            NoPage,
        }"#,
    );
    assert!(
        problem.contains(r#"const__HTTP_STATUS_FORMAT:&str="";"#),
        "{problem}"
    );
}
