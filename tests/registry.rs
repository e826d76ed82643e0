//! The crate's status code table against an independent copy of the IANA "HTTP Status Code"
//! registry (tests/data/iana-http-status-codes.csv, in IANA's own CSV format), for every code
//! from 100 to 599: `status_codes::lookup`, `StatusSemantics`, and the problem body of a derived
//! type built with each registered 4xx and 5xx code.

use std::collections::BTreeMap;

use http::StatusCode;
use serde_json::json;
use status_core::status_codes;
use status_core::{HttpStatus, StatusClass, StatusSemantics};

const IANA_CSV: &str = include_str!("data/iana-http-status-codes.csv");

/// One registered code, as the IANA file gives it.
#[derive(Debug, Clone)]
struct IanaRow {
    /// The reason phrase: IANA's description without its registration-status annotation
    /// ("(OBSOLETED)", "(TEMPORARY - registered ...)"), which is not part of the phrase.
    phrase: String,
    /// The description exactly as in the file.
    description: String,
    /// The reference exactly as in the file, such as `[RFC9110, Section 15.5.5]`.
    reference: String,
}

/// Splits one CSV record into fields (RFC 4180: quoted fields, `""` inside quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field in {line:?}");
    fields.push(field);
    fields
}

/// Removes IANA's registration-status annotation from a description.
fn phrase_of(description: &str) -> String {
    for marker in [" (OBSOLETED)", " (TEMPORARY"] {
        if let Some(at) = description.find(marker) {
            assert!(
                description.ends_with(')'),
                "annotation not at the end: {description:?}"
            );
            return description[..at].to_owned();
        }
    }
    description.to_owned()
}

/// Every code from 100 to 599: `Some(row)` if registered, `None` if the file says Unassigned.
/// Panics unless the file covers each code exactly once.
fn iana() -> BTreeMap<u16, Option<IanaRow>> {
    let mut lines = IANA_CSV.lines().map(|line| line.trim_end_matches('\r'));
    assert_eq!(lines.next(), Some("Value,Description,Reference"));
    let mut codes = BTreeMap::new();
    for line in lines.filter(|line| !line.is_empty()) {
        let fields = csv_fields(line);
        assert_eq!(fields.len(), 3, "{line:?}");
        let (value, description, reference) = (&fields[0], &fields[1], &fields[2]);
        let (first, last): (u16, u16) = match value.split_once('-') {
            Some((first, last)) => (first.parse().unwrap(), last.parse().unwrap()),
            None => (value.parse().unwrap(), value.parse().unwrap()),
        };
        assert!(first <= last, "{line:?}");
        let row = if description == "Unassigned" {
            assert!(reference.is_empty(), "{line:?}");
            None
        } else {
            assert_eq!(first, last, "a registered row is one code: {line:?}");
            Some(IanaRow {
                phrase: phrase_of(description),
                description: description.clone(),
                reference: reference.clone(),
            })
        };
        for code in first..=last {
            assert!(
                codes.insert(code, row.clone()).is_none(),
                "{code} is listed twice"
            );
        }
    }
    let listed: Vec<u16> = codes.keys().copied().collect();
    assert_eq!(
        listed,
        (100..=599).collect::<Vec<u16>>(),
        "the file lists 100..=599"
    );
    codes
}

fn registered() -> Vec<(u16, IanaRow)> {
    iana()
        .into_iter()
        .filter_map(|(code, row)| row.map(|row| (code, row)))
        .collect()
}

#[test]
fn the_reference_file_is_the_registry_as_published() {
    let codes = iana();
    let count = codes.values().filter(|row| row.is_some()).count();
    assert_eq!(count, 64);
    // The rows the brief calls out.
    let row = |code: u16| codes[&code].clone();
    assert_eq!(row(104).unwrap().phrase, "Upload Resumption Supported");
    assert!(row(104).unwrap().description.contains("TEMPORARY"));
    assert_eq!(row(306).unwrap().phrase, "(Unused)");
    assert_eq!(row(418).unwrap().phrase, "(Unused)");
    assert!(row(509).is_none());
    assert_eq!(row(510).unwrap().description, "Not Extended (OBSOLETED)");
    assert_eq!(row(510).unwrap().phrase, "Not Extended");
    assert!(row(105).is_none() && row(199).is_none() && row(599).is_none());
}

#[test]
fn lookup_agrees_with_iana_for_every_code() {
    for (code, row) in iana() {
        let found = status_codes::lookup(code);
        match (&row, found) {
            (None, None) => {}
            (Some(row), Some(found)) => {
                assert_eq!(found.code, code);
                assert_eq!(found.phrase, row.phrase, "phrase of {code}");
            }
            (row, found) => panic!("{code}: IANA says {row:?}, lookup says {found:?}"),
        }
    }
}

#[test]
fn registry_table_is_exactly_the_registered_codes_in_order() {
    let from_iana: Vec<(u16, String)> = registered()
        .into_iter()
        .map(|(code, row)| (code, row.phrase))
        .collect();
    let from_crate: Vec<(u16, String)> = status_codes::REGISTRY
        .iter()
        .map(|row| (row.code, row.phrase.to_owned()))
        .collect();
    assert_eq!(from_crate, from_iana);
}

/// `[RFC9110, Section 15.5.5]` to `RFC 9110, Section 15.5.5`; the first document of several;
/// a draft without its revision number.
fn cited(iana_reference: &str) -> String {
    let first = iana_reference
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .unwrap();
    if let Some(number) = first.strip_prefix("RFC") {
        return format!("RFC {number}");
    }
    match first.rsplit_once('-') {
        Some((draft, revision)) if revision.bytes().all(|b| b.is_ascii_digit()) => draft.to_owned(),
        _ => first.to_owned(),
    }
}

#[test]
fn references_cite_the_same_documents() {
    for (code, row) in registered() {
        let crate_reference = status_codes::lookup(code).unwrap().reference;
        // The crate keeps IANA's "(OBSOLETED)" of 510 in the reference, not in the phrase.
        let crate_reference = crate_reference.trim_end_matches(" (OBSOLETED)");
        assert_eq!(
            crate_reference,
            cited(&row.reference),
            "reference of {code}"
        );
    }
}

#[test]
fn by_name_finds_every_registered_code() {
    for row in status_codes::REGISTRY {
        assert_eq!(
            status_codes::by_name(row.name).map(|r| r.code),
            Some(row.code)
        );
    }
    for (alias, code) in [
        ("PAYLOAD_TOO_LARGE", 413),
        ("UNPROCESSABLE_ENTITY", 422),
        ("IM_A_TEAPOT", 418),
    ] {
        assert_eq!(status_codes::by_name(alias).map(|r| r.code), Some(code));
    }
    assert_eq!(status_codes::by_name("BANDWIDTH_LIMIT_EXCEEDED"), None);
    assert_eq!(status_codes::by_name("not_found"), None);
}

fn class_of(code: u16) -> StatusClass {
    match code / 100 {
        1 => StatusClass::Informational,
        2 => StatusClass::Successful,
        3 => StatusClass::Redirection,
        4 => StatusClass::ClientError,
        5 => StatusClass::ServerError,
        _ => unreachable!("{code}"),
    }
}

#[test]
fn status_semantics_agree_with_iana_for_every_code() {
    for (code, row) in iana() {
        let status = StatusCode::from_u16(code).unwrap();
        assert_eq!(
            status.reason_phrase(),
            row.as_ref().map(|row| row.phrase.as_str()),
            "reason_phrase of {code}"
        );
        assert_eq!(
            status.is_registered(),
            row.is_some(),
            "is_registered of {code}"
        );
        assert_eq!(status.class(), Some(class_of(code)), "class of {code}");
    }
}

#[test]
fn iana_phrases_differ_from_canonical_reason_for_203_413_418_422() {
    let cases = [
        (
            203,
            "Non-Authoritative Information",
            "Non Authoritative Information",
        ),
        (413, "Content Too Large", "Payload Too Large"),
        (418, "(Unused)", "I'm a teapot"),
        (422, "Unprocessable Content", "Unprocessable Entity"),
    ];
    let iana = iana();
    for (code, phrase, canonical) in cases {
        let status = StatusCode::from_u16(code).unwrap();
        assert_eq!(iana[&code].as_ref().unwrap().phrase, phrase);
        assert_eq!(status.reason_phrase(), Some(phrase));
        assert_eq!(status_codes::lookup(code).unwrap().phrase, phrase);
        assert_eq!(status.canonical_reason(), Some(canonical));
    }
}

#[test]
fn the_four_are_the_only_differences_from_canonical_reason() {
    let mut different = Vec::new();
    let mut canonical_missing = Vec::new();
    for (code, row) in registered() {
        match StatusCode::from_u16(code).unwrap().canonical_reason() {
            Some(canonical) if canonical != row.phrase => different.push(code),
            Some(_) => {}
            None => canonical_missing.push(code),
        }
    }
    assert_eq!(different, [203, 413, 418, 422]);
    assert_eq!(canonical_missing, [104, 306]);
}

#[test]
fn class_edges() {
    let edges = [
        (100, Some(StatusClass::Informational)),
        (199, Some(StatusClass::Informational)),
        (200, Some(StatusClass::Successful)),
        (299, Some(StatusClass::Successful)),
        (300, Some(StatusClass::Redirection)),
        (399, Some(StatusClass::Redirection)),
        (400, Some(StatusClass::ClientError)),
        (499, Some(StatusClass::ClientError)),
        (500, Some(StatusClass::ServerError)),
        (599, Some(StatusClass::ServerError)),
        (600, None),
        (999, None),
    ];
    for (code, class) in edges {
        assert_eq!(StatusCode::from_u16(code).unwrap().class(), class, "{code}");
    }
    let titles = [
        (99, None),
        (100, Some("Informational")),
        (199, Some("Informational")),
        (200, Some("Success")),
        (299, Some("Success")),
        (300, Some("Redirection")),
        (399, Some("Redirection")),
        (400, Some("Client Error")),
        (499, Some("Client Error")),
        (500, Some("Server Error")),
        (599, Some("Server Error")),
        (600, None),
    ];
    for (code, title) in titles {
        assert_eq!(status_codes::class_title(code), title, "{code}");
    }
}

/// Derives one type per code (each in its own block) and collects the code, the response and the
/// contract. `[...]` after a code adds keys to its `#[status(...)]`.
macro_rules! one_type_per_code {
    ($($code:tt $([$($extra:tt)*])?),* $(,)?) => {{
        let mut built = Vec::new();
        $({
            #[derive(Debug, HttpStatus)]
            #[status($code $(, $($extra)*)?)]
            struct OrderFailure;

            impl std::fmt::Display for OrderFailure {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    write!(f, "order 7 failed with {}", $code)
                }
            }

            built.push(($code, OrderFailure.to_response(), OrderFailure.contract()));
        })*
        built
    }};
}

#[test]
fn problem_title_is_the_iana_phrase_for_every_registered_4xx_and_5xx() {
    let built = one_type_per_code![
        400,
        401[www_authenticate = r#"Bearer realm="shop""#],
        402[allow(reserved_status)],
        403,
        404,
        405[allow = "GET, HEAD"],
        406,
        407[proxy_authenticate = r#"Basic realm="proxy""#],
        408,
        409,
        410,
        411,
        412,
        413,
        414,
        415,
        416[content_range = "bytes */47022"],
        417,
        418[allow(reserved_status)],
        421,
        422,
        423,
        424,
        425,
        426[upgrade = "HTTP/2.0"],
        428,
        429,
        431,
        451,
        500,
        501,
        502,
        503,
        504,
        505,
        506,
        507,
        508,
        510,
        511,
    ];
    let expected_codes: Vec<u16> = registered()
        .into_iter()
        .map(|(code, _)| code)
        .filter(|code| *code >= 400)
        .collect();
    let built_codes: Vec<u16> = built.iter().map(|(code, ..)| *code).collect();
    assert_eq!(
        built_codes, expected_codes,
        "one derived type per registered 4xx and 5xx"
    );

    let iana = iana();
    for (code, response, contract) in built {
        let phrase = iana[&code].as_ref().unwrap().phrase.as_str();
        assert_eq!(response.status().as_u16(), code);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{code}"
        );
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let expected = if code < 500 {
            json!({
                "type": "about:blank",
                "title": phrase,
                "status": code,
                "detail": format!("order 7 failed with {code}"),
            })
        } else {
            json!({ "type": "about:blank", "title": phrase, "status": code })
        };
        assert_eq!(body, expected, "{code}");
        assert_eq!(body["status"], response.status().as_u16());
        assert_eq!(contract.status.as_u16(), code);
        assert_eq!(contract.reason, phrase, "{code}");
    }
}
