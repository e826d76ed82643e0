//! Property tests of the derive over generated inputs (issue 5), through
//! `status_derive_internals::derive_http_status`, the function the proc macro wraps: whatever the
//! input, the derive never panics, and its output is either items or `compile_error!`s pointing
//! into the input next to one stub `HttpStatus` impl ([`property::check`]).
//!
//! The strategies generate the input as source text, which is what a failure prints: paste it
//! into `violation(...)` in a plain `#[test]` to reproduce it. `PROPTEST_RNG_SEED` fixes the seed.

use std::str::FromStr;

use proc_macro2::{Group, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use status_derive_internals::property::{self, Outcome};

// ---------------------------------------------------------------------------------------------
// The property.

/// What is wrong with the derive's handling of `source`, if anything. The generators only
/// produce struct, enum and union definitions, so anything else is a bug of theirs.
fn violation(source: &str) -> Option<String> {
    let input = match TokenStream::from_str(source) {
        Ok(input) => input,
        Err(error) => return Some(format!("generator bug, does not lex: {error}")),
    };
    match property::check(&input) {
        Ok(Outcome::NotAnItem) => Some("generator bug, not a struct, enum or union".to_owned()),
        Ok(_) => None,
        Err(violation) => Some(violation),
    }
}

/// The derive's outcome for a source the generators made.
fn outcome(source: &str) -> Result<Outcome, String> {
    let input = TokenStream::from_str(source).map_err(|error| error.to_string())?;
    property::check(&input)
}

/// `cases` per property in `cargo test`; `PROPTEST_CASES=100000` for a long run by hand.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        // The default would write `proptest-regressions/` into the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies: pieces of source text.

/// A string literal: fixed cases (valid values, control characters, non-ASCII) and random text
/// over an alphabet of troublemakers, escaped with `Debug` (which writes valid Rust literals).
fn string_literal() -> impl Strategy<Value = String> {
    let alphabet = vec![
        'a', 'Z', '0', '/', '{', '}', ' ', ',', '=', '%', '"', '\\', '\r', '\n', '\t', '\0', 'é',
        '😀', '\u{7f}', '\u{200b}', '\u{202e}',
    ];
    prop_oneof![
        2 => select(vec![
            "/a/{id}", "/a/{0}", "/a/{name}", "/a/{}", "/a/{nope}", "/a/{", "/a/}", "/é/{id}",
            "https://example.com/p", "GET", "GET, HEAD", "BREW", "Bearer realm=\"x\"", "Basic",
            "websocket", "bytes */47022", "bytes 0-1/2", "120", "-1", "Wed, 21 Oct 2015 07:28:00 GMT",
            "no-store", "text", "", " ", " padded ", "x-kind", "content-type", "connection",
            "title", "status", "detail", "about:blank", "javascript:x", "a\r\nSet-Cookie: x=1",
            "é", "😀", "\u{0}", "ÿ",
        ])
        .prop_map(|s| format!("{s:?}")),
        1 => proptest::collection::vec(select(alphabet), 0..10)
            .prop_map(|chars| format!("{:?}", chars.into_iter().collect::<String>())),
        1 => select(vec![
            r##"r#"Bearer realm="shop""#"##, r#"r"/raw/{id}""#, r#"b"bytes""#, r#"c"cstr""#,
            r#"'c'"#, r#"b'b'"#,
        ])
        .prop_map(str::to_owned),
    ]
}

/// Any literal: numbers of every kind (huge, suffixed, float, hex), strings, booleans, and
/// negatives.
fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (100u16..=599).prop_map(|code| code.to_string()),
        2 => select(vec![
            "0", "99", "600", "65535", "65536", "99999999999999999999",
            "340282366920938463463374607431768211456", "-1", "-404", "- 404", "404u16", "404i8",
            "4.04", "1e3", "0x194", "0o624", "0b1", "1_000", "120", "-0", "true", "false",
        ])
        .prop_map(str::to_owned),
        2 => string_literal(),
    ]
}

/// A status code as the first item: numbers, names (registered, aliases, unknown, qualified),
/// `transparent`, wrong types.
fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (100u16..=599).prop_map(|code| code.to_string()),
        2 => select(vec![
            "100", "200", "201", "204", "205", "206", "300", "301", "303", "304", "305", "306",
            "401", "402", "404", "405", "407", "410", "413", "416", "418", "426", "429", "451",
            "499", "500", "503", "599",
        ])
        .prop_map(str::to_owned),
        2 => select(vec![
            "NOT_FOUND", "OK", "CREATED", "NO_CONTENT", "MOVED_PERMANENTLY", "SEE_OTHER",
            "NOT_MODIFIED", "UNAUTHORIZED", "FORBIDDEN", "METHOD_NOT_ALLOWED", "IM_A_TEAPOT",
            "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_ENTITY", "TOO_MANY_REQUESTS",
            "INTERNAL_SERVER_ERROR", "StatusCode::NOT_FOUND", "http::StatusCode::GONE",
            "::NOT_FOUND", "foo::NOT_FOUND", "NOT_FUND", "not_found", "transparent", "r#type",
            "Self",
        ])
        .prop_map(str::to_owned),
        1 => literal(),
    ]
}

/// The keys of `#[status(...)]`, real (the parser's own list) and not.
fn key() -> impl Strategy<Value = &'static str> {
    let mut keys: Vec<&'static str> = status_derive_internals::status_keys();
    keys.extend([
        "r#type",
        "lcoation",
        "unknown",
        "header",
        "extension",
        "missing_location",
        "NOT_FOUND",
        "é",
        "_",
    ]);
    select(keys)
}

/// A name in value position: the right ones for some keys, the wrong ones for others.
fn path() -> impl Strategy<Value = &'static str> {
    select(vec![
        "hidden",
        "display",
        "none",
        "problem",
        "NOT_FOUND",
        "StatusCode::NOT_FOUND",
        "foo::bar",
        "::x",
        "transparent",
        "r#type",
        "ETAG",
        "missing_location",
    ])
}

/// The content of a parenthesized list: `allow(...)`, `headers(...)`, or one in a wrong place.
fn list() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        select(vec![
            "missing_location",
            "missing_content_range",
            "retry_after_status",
            "unregistered_status",
            "reserved_status",
            "success_status",
            "multiple_choices",
            "extension_name",
            "title_without_type",
            "distinguishable_conceal",
            "source_in_detail",
            "bogus",
            "ETAG",
            "CACHE_CONTROL = \"no-store\"",
            "\"x-kind\" = \"a\"",
            "\"bad name\" = \"a\"",
            "\"x-é\" = \"a\"",
            "CONTENT_TYPE = \"text/plain\"",
            "http::header::ETAG = \"\\\"1\\\"\"",
            "ETAG = 1",
            "ETAG =",
            "= \"v\"",
            "(nested(deeper))",
            "[x]",
        ])
        .prop_map(str::to_owned),
        string_literal().prop_map(|value| format!("\"x-a\" = {value}")),
        string_literal().prop_map(|value| format!("ETAG = {value}")),
    ];
    proptest::collection::vec(entry, 0..4).prop_map(|entries| entries.join(", "))
}

/// One item after the code: well-formed ones (most of the time, so that the checks and the
/// expansion run), and any key with any value.
fn item() -> impl Strategy<Value = String> {
    let valid = prop_oneof![
        select(vec![
            "location = \"/a/{id}\"",
            "location = \"/a\"",
            "www_authenticate = \"Bearer realm=\\\"x\\\"\"",
            "proxy_authenticate = \"Basic realm=x\"",
            "allow = \"GET\"",
            "allow = \"GET, HEAD\"",
            "upgrade = \"websocket\"",
            "content_range = \"bytes */47022\"",
            "retry_after = 120",
            "retry_after = \"Wed, 21 Oct 2015 07:28:00 GMT\"",
            "headers(CACHE_CONTROL = \"no-store\", \"x-kind\" = \"a\")",
            "detail = hidden",
            "detail = display",
            "detail = \"text\"",
            "body = none",
            "body = problem",
            "conceal = 404",
            "conceal = NOT_FOUND",
            "allow(missing_location)",
            "allow(reserved_status, success_status)",
            "reason = \"Client Closed Request\"",
            "title = \"Out of credit\"",
            "type = \"https://example.com/p\"",
            "transparent",
        ])
        .prop_map(str::to_owned),
        (
            select(vec![
                "location",
                "detail",
                "title",
                "reason",
                "type",
                "www_authenticate",
                "allow",
                "retry_after",
                "content_range",
            ]),
            string_literal()
        )
            .prop_map(|(key, value)| format!("{key} = {value}")),
    ];
    let value = prop_oneof![
        Just(String::new()),
        literal().prop_map(|value| format!(" = {value}")),
        path().prop_map(|path| format!(" = {path}")),
        list().prop_map(|list| format!("({list})")),
        select(vec![
            " =", " = =", " = (1)", " = [1]", " : 1", " 1", " = - x"
        ])
        .prop_map(str::to_owned),
    ];
    let any = (key(), value).prop_map(|(key, value)| format!("{key}{value}"));
    prop_oneof![3 => valid, 2 => any, 1 => literal()]
}

/// The content of `#[status(...)]`: an optional code, then items.
fn status_content() -> impl Strategy<Value = String> {
    (
        proptest::option::weighted(0.9, code()),
        proptest::collection::vec(item(), 0..4),
        select(vec!["", "", "", ",", ", ,", ",,"]),
    )
        .prop_map(|(code, items, trailing)| {
            let mut parts: Vec<String> = code.into_iter().collect();
            parts.extend(items);
            format!("{}{trailing}", parts.join(", "))
        })
}

/// Random token trees, nested, over the attribute language's tokens.
fn junk() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        select(vec![
            "404",
            "NOT_FOUND",
            "=",
            ",",
            "-",
            "::",
            ":",
            ";",
            "#",
            "!",
            "location",
            "allow",
            "headers",
            "transparent",
            "detail",
            "hidden",
            "r#type",
            "'a",
            "$",
            "@",
            "?",
            "é",
        ])
        .prop_map(str::to_owned),
        literal(),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        (
            proptest::collection::vec(inner, 0..5),
            select(vec![("(", ")"), ("[", "]"), ("{", "}"), ("", "")]),
        )
            .prop_map(|(trees, (open, close))| format!("{open}{}{close}", trees.join(" ")))
    })
}

/// Cuts `stream` after `budget` token trees, counting depth-first, closing open groups.
fn truncate(stream: TokenStream, budget: &mut usize) -> TokenStream {
    let mut out = TokenStream::new();
    for tree in stream {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        let tree = match tree {
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), truncate(group.stream(), budget));
                inner.set_span(group.span());
                TokenTree::Group(inner)
            }
            other => other,
        };
        out.extend([tree]);
    }
    out
}

/// A whole `#[status(...)]` (or a malformed form of it): well-formed content, the same cut at a
/// random token, wrapped in an extra group, or junk.
fn status_attr() -> impl Strategy<Value = String> {
    let content = prop_oneof![
        6 => status_content(),
        2 => (status_content(), 0usize..24).prop_map(|(content, cut)| {
            match TokenStream::from_str(&content) {
                Ok(stream) => truncate(stream, &mut { cut }).to_string(),
                Err(_) => content,
            }
        }),
        1 => (status_content(), select(vec![("(", ")"), ("[", "]"), ("{", "}")]))
            .prop_map(|(content, (open, close))| format!("{open}{content}{close}")),
        1 => junk(),
    ];
    prop_oneof![
        12 => content.prop_map(|content| format!("#[status({content})]")),
        1 => select(vec![
            "#[status]", "#[status()]", "#[status = 404]", "#[status = \"404\"]", "#[status[404]]",
            "#[status{404}]", "#[status::x(404)]",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Field attributes, right and wrong.
fn field_attr() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec![
            "#[header(ETAG)]", "#[header(\"x-request-id\")]", "#[header(http::header::ETAG)]",
            "#[header(LOCATION)]", "#[header(\"retry-after\")]", "#[header(UPGRADE)]",
            "#[location]", "#[retry_after]", "#[extension]", "#[extension(\"x\")]",
            "#[extension(\"balance\")]", "#[extension(\"type\")]", "#[body]", "#[instance]",
            "#[source]", "#[from]",
        ])
        .prop_map(str::to_owned),
        1 => select(vec![
            "#[header]", "#[header()]", "#[header(ETAG, LOCATION)]", "#[header(\"bad name\")]",
            "#[header(\"é\")]", "#[header(NOT_A_HEADER)]", "#[header(CONTENT_TYPE)]",
            "#[header(\"connection\")]", "#[header = \"etag\"]", "#[header(1)]",
            "#[location = \"/a\"]", "#[location(x)]", "#[retry_after = 1]", "#[extension(5)]",
            "#[extension = \"x\"]", "#[extension(\"\")]", "#[extension(\"é😀\")]", "#[body(x)]",
            "#[instance = 1]", "#[status(404)]",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Attributes on a variant or the type: mostly `#[status(...)]`, with thiserror's, docs, and
/// field attributes in the wrong place.
fn item_attrs() -> impl Strategy<Value = Vec<String>> {
    let attr = prop_oneof![
        8 => status_attr(),
        1 => select(vec![
            "#[error(\"x {0}\")]", "#[error(transparent)]", "#[error(\"é\")]", "#[doc = \"é😀\"]",
            "#[allow(dead_code)]", "#[cfg(test)]",
        ])
        .prop_map(str::to_owned),
        1 => field_attr(),
    ];
    proptest::collection::vec(attr, 0..3)
}

fn field_type() -> impl Strategy<Value = &'static str> {
    select(vec![
        "u64",
        "String",
        "Option<String>",
        "std::time::Duration",
        "T",
        "Option<T>",
        "&'a str",
        "Vec<u8>",
        "[u8; N]",
        "Box<dyn std::error::Error>",
        "()",
    ])
}

#[derive(Clone, Copy, Debug)]
enum Shape {
    Unit,
    Tuple,
    Named,
}

/// The fields of a variant or struct, with their delimiters.
fn fields() -> impl Strategy<Value = (Shape, String)> {
    let attrs = || proptest::collection::vec(field_attr(), 0..3);
    let tuple = proptest::collection::vec((attrs(), field_type()), 0..4).prop_map(|fields| {
        let fields: Vec<String> = fields
            .into_iter()
            .map(|(attrs, ty)| format!("{} {ty}", attrs.join(" ")))
            .collect();
        (Shape::Tuple, format!("({})", fields.join(", ")))
    });
    let names = proptest::sample::subsequence(
        vec![
            "id", "name", "wait", "etag", "value", "café", "r#type", "_0",
        ],
        0..4,
    );
    let named = names
        .prop_flat_map(move |names| {
            let count = names.len();
            (
                Just(names),
                proptest::collection::vec((attrs(), field_type()), count),
            )
        })
        .prop_map(|(names, fields)| {
            let fields: Vec<String> = names
                .into_iter()
                .zip(fields)
                .map(|(name, (attrs, ty))| format!("{} {name}: {ty}", attrs.join(" ")))
                .collect();
            (Shape::Named, format!("{{ {} }}", fields.join(", ")))
        });
    prop_oneof![
        1 => Just((Shape::Unit, String::new())),
        1 => tuple,
        1 => named,
    ]
}

fn generics() -> impl Strategy<Value = (&'static str, &'static str)> {
    select(vec![
        ("", ""),
        ("", ""),
        ("<T>", ""),
        ("<'a>", ""),
        ("<'a, T: Clone>", ""),
        ("<T>", "where T: Clone"),
        ("<'a, T: 'a + ?Sized>", "where T: std::fmt::Debug"),
        ("<const N: usize>", ""),
        ("<T = u8>", ""),
    ])
}

fn variant(index: usize) -> impl Strategy<Value = String> {
    (
        item_attrs(),
        select(vec!["A", "NotFound", "Gone", "r#Type", "Café", "Error"]),
        fields(),
        proptest::option::weighted(0.05, Just(" = 1")),
    )
        .prop_map(move |(attrs, name, (shape, fields), discriminant)| {
            let discriminant = match shape {
                Shape::Unit => discriminant.unwrap_or(""),
                _ => "",
            };
            format!("{} {name}{index} {fields}{discriminant}", attrs.join(" "))
        })
}

/// A variant from contracts known to be valid, with the fields they use: most enums made of
/// these reach the expansion, where random attributes mostly stop at a rule.
fn plausible_variant(index: usize) -> impl Strategy<Value = String> {
    select(vec![
        ("404", ""),
        ("404, detail = hidden", "{ id: u64 }"),
        ("NOT_FOUND, headers(CACHE_CONTROL = \"no-store\")", ""),
        ("410, detail = \"gone for good\"", ""),
        ("500", "(Box<dyn std::error::Error>)"),
        ("503, retry_after = 120", ""),
        ("429", "{ #[retry_after] wait: std::time::Duration }"),
        ("303, location = \"/a/{id}\"", "{ id: u64 }"),
        ("301, location = \"/a/{0}\"", "(String)"),
        ("401, www_authenticate = \"Bearer realm=\\\"x\\\"\"", ""),
        ("405, allow = \"GET, HEAD\"", ""),
        ("304", "{ #[header(ETAG)] etag: String }"),
        ("403, conceal = 404", ""),
        (
            "422",
            "{ #[extension(\"balance\")] balance: u64, #[instance] at: String }",
        ),
        ("400", "(#[body] String)"),
        ("transparent", "(T)"),
        (
            "404, title = \"Nope\", type = \"https://example.com/p\"",
            "",
        ),
        ("499, reason = \"Client Closed Request\"", ""),
        (
            "409",
            "{ #[header(\"x-request-id\")] request: Option<String> }",
        ),
        (
            "307, location = \"/b\"",
            "{ #[header(ETAG)] etag: &'a str }",
        ),
    ])
    .prop_map(move |(status, fields)| format!("#[status({status})] V{index} {fields}"))
}

/// An enum of plausible variants, sometimes with one random variant among them.
fn plausible_input() -> impl Strategy<Value = String> {
    let variants = (1usize..6).prop_flat_map(|count| {
        (0..count)
            .map(plausible_variant)
            .collect::<Vec<_>>()
            .prop_map(|variants| variants.join(",\n    "))
    });
    (
        generics(),
        variants,
        proptest::option::weighted(0.3, variant(9)),
    )
        .prop_map(|((params, where_clause), variants, odd)| {
            let odd = odd.map_or_else(String::new, |odd| format!(",\n    {odd}"));
            format!("pub enum E{params} {where_clause} {{\n    {variants}{odd}\n}}")
        })
}

/// `count` variants, with distinct names.
fn variants(count: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    count.prop_flat_map(|count| {
        (0..count)
            .map(variant)
            .collect::<Vec<_>>()
            .prop_map(|variants| variants.join(",\n    "))
    })
}

/// A whole input: an enum with 0..6 variants, a struct of any shape, or (rarely) a union.
fn input() -> impl Strategy<Value = String> {
    let variants = variants(0..6);
    let name = select(vec!["E", "OrderError", "Thing", "r#Error", "Café"]);
    let enumeration = (item_attrs(), name.clone(), generics(), variants).prop_map(
        |(attrs, name, (params, where_clause), variants)| {
            format!(
                "{}\npub enum {name}{params} {where_clause} {{\n    {variants}\n}}",
                attrs.join("\n")
            )
        },
    );
    let structure = (item_attrs(), name.clone(), generics(), fields()).prop_map(
        |(attrs, name, (params, where_clause), (shape, fields))| {
            let attrs = attrs.join("\n");
            match shape {
                Shape::Unit => format!("{attrs}\nstruct {name}{params} {where_clause};"),
                Shape::Tuple => format!("{attrs}\nstruct {name}{params}{fields} {where_clause};"),
                Shape::Named => format!("{attrs}\nstruct {name}{params} {where_clause} {fields}"),
            }
        },
    );
    let union = (item_attrs(), name).prop_map(|(attrs, name)| {
        format!("{}\nunion {name} {{ a: u32, b: f32 }}", attrs.join("\n"))
    });
    prop_oneof![6 => enumeration, 3 => structure, 1 => union, 4 => plausible_input()]
}

// ---------------------------------------------------------------------------------------------
// The properties.

proptest! {
    #![proptest_config(config(512))]

    /// The main property, over every input the strategies make.
    #[test]
    fn derive_never_panics_and_emits_items_or_one_error(source in input()) {
        if let Some(violation) = violation(&source) {
            prop_assert!(false, "{}\n--- input ---\n{}", violation, source);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Only the attribute varies, on a struct with one field of each role's usual type: the
    /// attribute language at full rate.
    #[test]
    fn any_status_attribute_on_a_struct(attr in status_attr(), fields in fields()) {
        let source = match fields {
            (Shape::Unit, _) => format!("{attr}\nstruct S;"),
            (Shape::Tuple, fields) => format!("{attr}\nstruct S{fields};"),
            (Shape::Named, fields) => format!("{attr}\nstruct S {fields}"),
        };
        if let Some(violation) = violation(&source) {
            prop_assert!(false, "{}\n--- input ---\n{}", violation, source);
        }
    }

    /// An enum-level default with variants that override it, or not.
    #[test]
    fn enum_defaults(default in status_attr(), variants in variants(1..4)) {
        let source = format!("{default}\nenum OrderError {{ {variants} }}");
        if let Some(violation) = violation(&source) {
            prop_assert!(false, "{}\n--- input ---\n{}", violation, source);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The checks of the harness itself.

/// The plain tests' result: a fixture that does not parse fails the test with its error.
type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn a_valid_input_expands_without_errors() {
    let source = r#"
        #[status(404, detail = hidden)]
        pub enum OrderError {
            NotFound { id: u64 },
            #[status(303, location = "/order-result/{id}")]
            Placed { id: u64 },
            #[status(429)]
            RateLimited { #[retry_after] wait: std::time::Duration },
        }
    "#;
    assert_eq!(outcome(source), Ok(Outcome::Expanded));
}

#[test]
fn an_invalid_input_gives_errors_that_point_into_it_and_the_stub() {
    let source = "#[status(99999999999999999999, lcoation = \"/x\")] struct S<'a, T>(&'a T);";
    assert_eq!(outcome(source), Ok(Outcome::Rejected { errors: 1 }));
}

/// The checks can fail: a derive that panics, emits two impls, or puts its error at the call
/// site breaks the property.
#[test]
fn the_property_catches_panics_cascades_and_errors_outside_the_input() -> TestResult {
    use proc_macro2::Span;
    use status_derive_internals::{derive_http_status, property::check_derive};
    let input = TokenStream::from_str("#[status(999)] struct S;")?;
    let valid = TokenStream::from_str("#[status(404)] struct S;")?;
    let panics = check_derive(&input, |_| panic!("boom"));
    assert!(panics.as_ref().is_err_and(|v| v.contains("panicked: boom")));
    let twice = check_derive(&valid, |input| {
        let once = derive_http_status(input);
        quote::quote!(#once #once)
    });
    assert!(
        twice
            .as_ref()
            .is_err_and(|v| v.contains("2 HttpStatus impls")),
        "{twice:?}"
    );
    // `::core::compile_error! { "..." }` is the first 8 trees (`::` is two): all but the braces
    // carry the error's first span, the braces its last. Moving the name (tree 5) or the braces
    // (tree 7) to the call site breaks the property.
    let moved = |range: std::ops::Range<usize>| {
        move |input: TokenStream| -> TokenStream {
            let output = derive_http_status(input).into_iter().enumerate();
            output
                .map(|(index, mut tree)| {
                    if range.contains(&index) {
                        tree.set_span(Span::call_site());
                    }
                    tree
                })
                .collect()
        }
    };
    for range in [0..8, 5..6, 7..8] {
        let verdict = check_derive(&input, moved(range.clone()));
        assert!(
            verdict
                .as_ref()
                .is_err_and(|v| v.contains("outside the input")),
            "{range:?}: {verdict:?}"
        );
    }
    assert_eq!(
        check_derive(&input, moved(8..8)),
        Ok(Outcome::Rejected { errors: 1 })
    );
    // An input without source positions cannot be checked, and says so.
    let quoted = quote::quote!(
        #[status(999)]
        struct S;
    );
    let verdict = check_derive(&quoted, derive_http_status);
    assert!(
        verdict
            .as_ref()
            .is_err_and(|v| v.contains("no source positions")),
        "{verdict:?}"
    );
    // A contract table that does not agree with the code beside it.
    let corrupt = check_derive(&valid, |input| {
        let output = derive_http_status(input).to_string();
        TokenStream::from_str(&output.replacen("\"1:S", "\"1:T", 1)).unwrap_or_default()
    });
    assert!(
        corrupt.as_ref().is_err_and(|v| v.contains("names \"T\"")),
        "{corrupt:?}"
    );
    let undecodable = check_derive(&valid, |input| {
        let output = derive_http_status(input).to_string();
        TokenStream::from_str(&output.replacen("\"1:S", "\"9:S", 1)).unwrap_or_default()
    });
    assert!(
        undecodable
            .as_ref()
            .is_err_and(|v| v.contains("does not decode")),
        "{undecodable:?}"
    );
    // The table of a one-variant enum beside the code of a two-variant one.
    let table_of = |source: &str| -> Result<String, Box<dyn std::error::Error>> {
        let text = derive_http_status(TokenStream::from_str(source)?).to_string();
        let start = text.find("v3 (").ok_or("no table")? + 4;
        let end = start + text[start..].find(')').ok_or("no end")?;
        Ok(text[start..end].to_owned())
    };
    let one = table_of("#[status(404)] enum E { A }")?;
    let two = table_of("#[status(404)] enum E { A, B }")?;
    let two_variants = TokenStream::from_str("#[status(404)] enum E { A, B }")?;
    let short = check_derive(&two_variants, |input| {
        let output = derive_http_status(input)
            .to_string()
            .replacen(&two, &one, 1);
        TokenStream::from_str(&output).unwrap_or_default()
    });
    let expected = "1 own and 0 transparent entries, the code reads 2";
    assert!(
        short.as_ref().is_err_and(|v| v.contains(expected)),
        "{short:?}"
    );
    Ok(())
}

#[test]
fn truncate_closes_open_groups() -> TestResult {
    let stream = TokenStream::from_str("404, headers(ETAG = \"x\", A = \"b\"), x")?;
    let cut = truncate(stream, &mut 6).to_string();
    assert_eq!(cut, "404 , headers (ETAG =)");
    Ok(())
}

/// The generator reaches both outcomes often enough for the property to mean something: a
/// strategy that only ever made errors would test only the stub.
#[test]
fn generated_inputs_reach_the_expansion() -> TestResult {
    let mut runner = TestRunner::deterministic();
    let strategy = input();
    let (mut expanded, mut rejected) = (0, 0);
    for _ in 0..200 {
        let source = strategy
            .new_tree(&mut runner)
            .map_err(|reason| reason.to_string())?
            .current();
        match outcome(&source)? {
            Outcome::Expanded => expanded += 1,
            Outcome::Rejected { .. } => rejected += 1,
            Outcome::NotAnItem => return Err(format!("not an item: {source}").into()),
        }
    }
    eprintln!("{expanded} expanded, {rejected} rejected");
    assert!(
        expanded >= 10 && rejected >= 10,
        "{expanded} expanded, {rejected} rejected"
    );
    Ok(())
}

/// Every key of the parser's list, bare, with each kind of wrong value, and repeated: the
/// errors that name no token of their own (a bare key has no value to point at) still point
/// into the input.
#[test]
fn every_key_in_every_form_keeps_the_property() {
    let forms = [
        "{key}",
        "{key} = 1",
        "{key} = \"\"",
        "{key} = x",
        "{key}()",
        "{key}, {key}",
    ];
    for key in status_derive_internals::status_keys() {
        for form in forms {
            let attr = form.replace("{key}", key);
            for source in [
                format!("#[status(404, {attr})] struct S {{ id: u64 }}"),
                format!("#[status({attr})] struct S;"),
                format!("enum E {{ #[status(303, {attr})] A {{ id: u64 }} }}"),
            ] {
                assert_eq!(violation(&source), None, "{source}");
            }
        }
    }
}

/// A status set expands, one contract row per status, and the table agrees with the code; so
/// does a type whose generated paths start at another crate (`crate = "..."`).
#[test]
fn status_sets_and_crate_paths_expand_and_their_tables_agree() {
    let source = r#"
        #[status(crate = "facade::status_core")]
        pub enum BookError {
            #[status(400 | 422 | 500, classify = status_core::classify::json_error)]
            Json(#[from] serde_json::Error),
            #[status(404 | 503, classify = db, retry_after = 5, allow(retry_after_status))]
            Db { #[source] source: DbError, #[extension] shelf: u32 },
            #[status(transparent)]
            Inner(Inner),
        }
    "#;
    assert_eq!(outcome(source), Ok(Outcome::Expanded));
}
