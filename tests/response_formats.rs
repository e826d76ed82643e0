//! Every format against every kind of variant, exact bytes: RFC 9457 JSON (the default), the HTML
//! page and a house format named by the type, and each of them chosen by `ResponseContext`.

#[allow(dead_code)] // the house format is what this file takes from the properties
mod wire_properties;

use http::{HeaderMap, HeaderValue, Response};
use status_core::format::{HtmlPage, ProblemDocument};

use status_core::openapi::Responses;
use status_core::{Bytes, HttpStatus, ResponseContext};
use wire_properties::formats::HouseJson;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("card declined by issuer 4711")]
    #[status(502)]
    Declined,
    #[error("card {0} expired")]
    #[status(402, allow(reserved_status))]
    Expired(String),
}

/// One type per format, each with every kind of variant.
macro_rules! library_error {
    ($name:ident $(, $format:path)?) => {
        #[derive(Debug, thiserror::Error, HttpStatus)]
        $(#[status(format = $format)])?
        pub enum $name {
            #[error("book {0} was withdrawn")]
            #[status(410)]
            Withdrawn(u64),
            #[error("not a librarian")]
            #[status(403, conceal = 404)]
            NotLibrarian,
            #[error("shelf {0} does not exist")]
            #[status(404, detail = hidden)]
            NoShelf(u64),
            #[error("saved")]
            #[status(204, allow(success_status))]
            Saved,
            #[error("unchanged")]
            #[status(304)]
            NotModified {
                #[header(ETAG)]
                etag: &'static str,
            },
            #[error("catalog storage at /var/lib/books failed")]
            #[status(500)]
            Storage,
            #[error(transparent)]
            #[status(transparent)]
            Payment(PaymentError),
            #[error("book {book} is on loan")]
            #[status(409)]
            OnLoan {
                book: u64,
                #[extension("due_back")]
                due: &'static str,
                #[instance]
                loan: &'static str,
            },
        }
    };
}

library_error!(JsonError);
library_error!(PageError, HtmlPage);
library_error!(HouseError, HouseJson);

const PAGE_HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
const PAGE_STYLE: &str = "</title>\n<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem;line-height:1.5;color-scheme:light dark}\
main{max-width:40rem;margin:auto}h1{font-size:1.5rem}dt{font-weight:bold}dd{margin:0 0 .5rem}</style>\n</head>\n<body>\n<main>\n<h1>";
const PAGE_END: &str = "</main>\n</body>\n</html>\n";

/// The HTML page with `heading`, and `rest` between the heading and the end.
fn page(heading: &str, rest: &str) -> String {
    format!("{PAGE_HEAD}{heading}{PAGE_STYLE}{heading}</h1>\n{rest}{PAGE_END}")
}

fn parts(response: &Response<Bytes>) -> (u16, Option<&str>, String) {
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap());
    let body = String::from_utf8(response.body().to_vec()).unwrap();
    (response.status().as_u16(), content_type, body)
}

const JSON: Option<&str> = Some("application/problem+json");
const HTML: Option<&str> = Some("text/html; charset=utf-8");
const HOUSE: Option<&str> = Some("application/vnd.shop.error+json");

#[test]
fn problems_in_each_format() {
    assert_eq!(
        parts(&JsonError::Withdrawn(7).to_response()),
        (
            410,
            JSON,
            r#"{"type":"about:blank","title":"Gone","status":410,"detail":"book 7 was withdrawn"}"#
                .into()
        )
    );
    assert_eq!(
        parts(&PageError::Withdrawn(7).to_response()),
        (410, HTML, page("410 Gone", "<p>book 7 was withdrawn</p>\n"))
    );
    assert_eq!(
        parts(&HouseError::Withdrawn(7).to_response()),
        (
            410,
            HOUSE,
            r#"{"error":{"code":410,"message":"book 7 was withdrawn"}}"#.into()
        )
    );
}

#[test]
fn extension_members_and_instance_in_each_format() {
    let on_loan = || (7, "2026-12-24", "/loans/99");
    let (book, due, loan) = on_loan();
    assert_eq!(
        parts(&JsonError::OnLoan { book, due, loan }.to_response()).2,
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"book 7 is on loan","due_back":"2026-12-24","instance":"/loans/99"}"#
    );
    assert_eq!(
        parts(&PageError::OnLoan { book, due, loan }.to_response()).2,
        page(
            "409 Conflict",
            "<p>book 7 is on loan</p>\n<dl>\n<dt>Reference</dt><dd>/loans/99</dd>\n<dt>due_back</dt><dd>2026-12-24</dd>\n</dl>\n"
        )
    );
    assert_eq!(
        parts(&HouseError::OnLoan { book, due, loan }.to_response()).2,
        r#"{"error":{"code":409,"message":"book 7 is on loan","reference":"/loans/99"}}"#
    );
}

#[test]
fn a_concealed_status_is_the_one_it_hides_in_each_format() {
    let pairs = [
        (
            JsonError::NotLibrarian.to_response(),
            JsonError::NoShelf(3).to_response(),
        ),
        (
            PageError::NotLibrarian.to_response(),
            PageError::NoShelf(3).to_response(),
        ),
        (
            HouseError::NotLibrarian.to_response(),
            HouseError::NoShelf(3).to_response(),
        ),
    ];
    let expected = [
        (
            404,
            JSON,
            r#"{"type":"about:blank","title":"Not Found","status":404}"#.to_owned(),
        ),
        (404, HTML, page("404 Not Found", "")),
        (
            404,
            HOUSE,
            r#"{"error":{"code":404,"message":"Not Found"}}"#.to_owned(),
        ),
    ];
    for ((concealed, missing), expected) in pairs.iter().zip(expected) {
        assert_eq!(parts(concealed), expected);
        assert_eq!(concealed.headers(), missing.headers());
        assert_eq!(concealed.body(), missing.body());
    }
}

#[test]
fn no_content_stays_without_content_in_each_format() {
    for response in [
        JsonError::Saved.to_response(),
        PageError::Saved.to_response(),
        HouseError::Saved.to_response(),
    ] {
        assert_eq!(parts(&response), (204, None, String::new()));
        assert!(response.extensions().get::<ProblemDocument>().is_none());
    }
    for response in [
        JsonError::NotModified { etag: "\"v1\"" }.to_response(),
        PageError::NotModified { etag: "\"v1\"" }.to_response(),
        HouseError::NotModified { etag: "\"v1\"" }.to_response(),
    ] {
        assert_eq!(parts(&response), (304, None, String::new()));
        assert_eq!(response.headers()["etag"], "\"v1\"");
    }
}

#[test]
fn a_server_error_shows_nothing_of_itself_in_each_format() {
    assert_eq!(
        parts(&JsonError::Storage.to_response()),
        (
            500,
            JSON,
            r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#.into()
        )
    );
    assert_eq!(
        parts(&PageError::Storage.to_response()),
        (500, HTML, page("500 Internal Server Error", ""))
    );
    assert_eq!(
        parts(&HouseError::Storage.to_response()),
        (
            500,
            HOUSE,
            r#"{"error":{"code":500,"message":"Internal Server Error"}}"#.into()
        )
    );
}

#[test]
fn a_transparent_variant_answers_in_the_outer_type_s_format() {
    let declined = || PaymentError::Declined;
    assert_eq!(
        parts(&PageError::Payment(declined()).to_response()),
        (502, HTML, page("502 Bad Gateway", ""))
    );
    assert_eq!(
        parts(&HouseError::Payment(PaymentError::Expired("4242".into())).to_response()),
        (
            402,
            HOUSE,
            r#"{"error":{"code":402,"message":"card 4242 expired"}}"#.into()
        )
    );
    assert_eq!(
        parts(&JsonError::Payment(declined()).to_response()),
        (
            502,
            JSON,
            r#"{"type":"about:blank","title":"Bad Gateway","status":502}"#.into()
        )
    );
}

/// No format of its own: a transparent variant answers in its field type's, boxed or not.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum CounterError {
    #[error(transparent)]
    #[status(transparent)]
    Page(Box<PageError>),
}

#[test]
fn a_boxed_transparent_variant_answers_in_its_type_s_format() {
    let media = |format: Option<&dyn status_core::format::ResponseFormat>| {
        format.map(|format| format.media_type())
    };
    assert_eq!(
        media(<Box<PageError>>::format()),
        media(PageError::format())
    );
    assert_eq!(
        parts(&CounterError::Page(Box::new(PageError::Withdrawn(7))).to_response()),
        (410, HTML, page("410 Gone", "<p>book 7 was withdrawn</p>\n"))
    );
}

#[test]
fn the_fallback_is_in_the_type_s_format() {
    assert_eq!(
        parts(&PageError::Withdrawn(1).fallback_response()),
        (500, HTML, page("500 Internal Server Error", ""))
    );
    assert_eq!(
        parts(&HouseError::Withdrawn(1).fallback_response()),
        (
            500,
            HOUSE,
            r#"{"error":{"code":500,"message":"Internal Server Error"}}"#.into()
        )
    );
    assert_eq!(
        JsonError::Withdrawn(1).fallback_response().body(),
        status_core::fallback_response().body()
    );
}

fn request(accept: Option<&str>, id: Option<&str>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(accept) = accept {
        headers.insert("accept", HeaderValue::from_str(accept).unwrap());
    }
    if let Some(id) = id {
        headers.insert("x-request-id", HeaderValue::from_str(id).unwrap());
    }
    headers
}

const CHROMIUM: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

#[test]
fn the_context_writes_each_type_s_problems_in_the_format_accept_prefers() {
    let context = ResponseContext::new().offer(HouseJson);
    let finish = |accept, response| context.for_request(&request(accept, None)).finish(response);
    for (accept, expected) in [
        (None, JSON),
        (Some("*/*"), JSON),
        (Some(CHROMIUM), HTML),
        (Some("application/vnd.shop.error+json"), HOUSE),
        (Some("application/json"), JSON),
        (Some("image/png"), JSON),
    ] {
        let response = finish(accept, JsonError::Withdrawn(7).to_response());
        assert_eq!(parts(&response).1, expected, "{accept:?}");
        assert_eq!(response.headers()["vary"], "accept");
    }
    // A type's own format comes first, and the RFC 9457 document is still on offer.
    for (accept, expected) in [
        (None, HOUSE),
        (Some("*/*"), HOUSE),
        (Some(CHROMIUM), HTML),
        (Some("application/problem+json"), JSON),
    ] {
        let response = finish(accept, HouseError::Withdrawn(7).to_response());
        assert_eq!(parts(&response).1, expected, "{accept:?}");
    }
    let response = finish(
        Some("application/problem+json"),
        PageError::Withdrawn(7).to_response(),
    );
    assert_eq!(
        parts(&response).2,
        r#"{"type":"about:blank","title":"Gone","status":410,"detail":"book 7 was withdrawn"}"#
    );
}

#[test]
fn the_context_puts_the_request_id_in_instance_unless_the_problem_has_one() {
    let context = ResponseContext::new();
    let finish = |id, response| {
        context
            .for_request(&request(None, Some(id)))
            .finish(response)
    };
    assert_eq!(
        parts(&finish("req-1", JsonError::Storage.to_response())).2,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"instance":"req-1"}"#
    );
    assert_eq!(
        parts(&finish("a b/c:d", JsonError::Withdrawn(7).to_response())).2,
        r#"{"type":"about:blank","title":"Gone","status":410,"detail":"book 7 was withdrawn","instance":"a%20b%2Fc%3Ad"}"#
    );
    let (book, due, loan) = (7, "2026-12-24", "/loans/99");
    assert_eq!(
        parts(&finish(
            "req-1",
            JsonError::OnLoan { book, due, loan }.to_response()
        ))
        .2,
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"book 7 is on loan","due_back":"2026-12-24","instance":"/loans/99"}"#
    );
    assert_eq!(
        parts(&finish("req-1", HouseError::Withdrawn(7).to_response())).2,
        r#"{"error":{"code":410,"message":"book 7 was withdrawn","reference":"req-1"}}"#
    );
    assert!(
        parts(&finish("req-1", PageError::Withdrawn(7).to_response()))
            .2
            .contains("<dt>Reference</dt><dd>req-1</dd>")
    );
    // As long as a request id may be: the instance. Longer, or another header: no instance.
    let longest = "x".repeat(256);
    assert!(
        parts(&finish(&longest, JsonError::Withdrawn(7).to_response()))
            .2
            .contains(&format!(r#""instance":"{longest}""#))
    );
    let long = "x".repeat(257);
    assert!(
        !parts(&finish(&long, JsonError::Withdrawn(7).to_response()))
            .2
            .contains("instance")
    );
    let other =
        ResponseContext::new().request_id_header(http::HeaderName::from_static("x-correlation-id"));
    let response = other
        .for_request(&request(None, Some("req-1")))
        .finish(JsonError::Withdrawn(7).to_response());
    assert!(!parts(&response).2.contains("instance"));
    let without = ResponseContext::new().without_request_id();
    let response = without
        .for_request(&request(None, Some("req-1")))
        .finish(JsonError::Withdrawn(7).to_response());
    assert!(!parts(&response).2.contains("instance"));
}

#[test]
fn the_context_leaves_what_is_not_a_problem_as_it_is() {
    let context = ResponseContext::new();
    let html_request = request(Some("text/html"), Some("req-1"));
    for response in [
        JsonError::Saved.to_response(),
        JsonError::NotModified { etag: "\"v1\"" }.to_response(),
        PageError::NotModified { etag: "\"v1\"" }.to_response(),
    ] {
        let expected = (
            response.status(),
            response.headers().clone(),
            response.body().clone(),
        );
        let finished = context.for_request(&html_request).finish(response);
        assert_eq!(
            (
                finished.status(),
                finished.headers().clone(),
                finished.body().clone()
            ),
            expected
        );
    }
    let mut json = Response::new(Bytes::from_static(b"{\"a\":1}"));
    json.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    let finished = context.for_request(&html_request).finish(json);
    assert_eq!(finished.body().as_ref(), b"{\"a\":1}");
    assert!(finished.headers().get("vary").is_none());
}

#[test]
fn vary_is_sent_only_when_there_was_a_choice_and_joins_the_response_s_own() {
    let single = ResponseContext::new().offer_none();
    let response = single
        .for_request(&request(Some("text/html"), None))
        .finish(JsonError::Withdrawn(7).to_response());
    assert!(response.headers().get("vary").is_none());
    assert_eq!(parts(&response).1, JSON);

    let context = ResponseContext::new();
    let mut response = JsonError::Withdrawn(7).to_response();
    response
        .headers_mut()
        .insert("vary", HeaderValue::from_static("origin"));
    let response = context.for_request(&request(None, None)).finish(response);
    let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
    assert_eq!(vary, ["origin", "accept"]);
    let mut response = JsonError::Withdrawn(7).to_response();
    response
        .headers_mut()
        .insert("vary", HeaderValue::from_static("Origin, Accept"));
    let response = context.for_request(&request(None, None)).finish(response);
    assert_eq!(response.headers().get_all("vary").iter().count(), 1);
}

#[test]
fn a_house_default_answers_types_that_name_no_format() {
    let context = ResponseContext::new().default_format(HouseJson);
    let finish = |accept, response| context.for_request(&request(accept, None)).finish(response);
    assert_eq!(
        parts(&finish(None, JsonError::Withdrawn(7).to_response())).1,
        HOUSE
    );
    assert_eq!(
        parts(&finish(
            Some(CHROMIUM),
            JsonError::Withdrawn(7).to_response()
        ))
        .1,
        HTML
    );
    assert_eq!(
        parts(&finish(
            Some("application/problem+json"),
            JsonError::Withdrawn(7).to_response()
        ))
        .1,
        JSON
    );
    // A type that names its format keeps it.
    assert_eq!(
        parts(&finish(None, PageError::Withdrawn(7).to_response())).1,
        HTML
    );
    // So does the fallback of a type without one: it is a problem like any other.
    assert_eq!(
        parts(&finish(None, status_core::fallback_response().into_inner())).2,
        r#"{"error":{"code":500,"message":"Internal Server Error"}}"#
    );
}

#[test]
fn on_a_tie_the_type_s_own_format_wins() {
    let context = ResponseContext::new().offer(HouseJson);
    let answer = |accept, response| {
        let response = context
            .for_request(&request(Some(accept), None))
            .finish(response);
        parts(&response).1.map(str::to_owned)
    };
    for accept in ["*/*", "text/html, application/problem+json, application/*"] {
        let (page, house, json) = (
            PageError::Withdrawn(7).to_response(),
            HouseError::Withdrawn(7).to_response(),
            JsonError::Withdrawn(7).to_response(),
        );
        assert_eq!(answer(accept, page).as_deref(), HTML, "{accept}");
        assert_eq!(answer(accept, house).as_deref(), HOUSE, "{accept}");
        assert_eq!(answer(accept, json).as_deref(), JSON, "{accept}");
    }
    // Among the others, the first offered.
    assert_eq!(
        answer(
            "application/vnd.shop.error+json, text/html",
            JsonError::Withdrawn(7).to_response()
        )
        .as_deref(),
        HTML
    );
}

#[test]
fn malformed_accept_fields_answer_the_type_s_format_never_406() {
    let context = ResponseContext::new().offer(HouseJson);
    for accept in [
        "",
        ",",
        ";q=1",
        "text/html;q=2",
        "text/html;q=-1",
        "*/html",
        "text",
        "a/b/c",
        "text/html;;;q=0.5;",
        "q=1",
    ] {
        let response = context
            .for_request(&request(Some(accept), None))
            .finish(JsonError::Withdrawn(7).to_response());
        assert_eq!(response.status(), 410, "{accept}");
        assert_eq!(
            parts(&response).1,
            if accept == "text/html;;;q=0.5;" {
                HTML
            } else {
                JSON
            },
            "{accept}"
        );
    }
    let mut headers = HeaderMap::new();
    headers.insert("accept", HeaderValue::from_bytes(b"text/html\xff").unwrap());
    let response = context
        .for_request(&headers)
        .finish(JsonError::Withdrawn(7).to_response());
    assert_eq!(parts(&response).1, JSON);
}

/// A format that names no media type.
struct NotAMediaType;

impl status_core::format::ResponseFormat for NotAMediaType {
    fn media_type(&self) -> &'static str {
        "html"
    }

    fn render(
        &self,
        _: &status_core::format::Problem<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), status_core::format::RenderError> {
        out.extend_from_slice(b"<p>never sent</p>");
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("book {0} was withdrawn")]
#[status(410, format = NotAMediaType)]
struct WithdrawnInNoMediaType(u64);

#[test]
fn a_format_that_names_no_media_type_leaves_the_problem_in_rfc_9457_json() {
    assert_eq!(
        parts(&WithdrawnInNoMediaType(7).to_response()),
        (
            410,
            JSON,
            r#"{"type":"about:blank","title":"Gone","status":410,"detail":"book 7 was withdrawn"}"#
                .into()
        )
    );
    let context = ResponseContext::new().offer(NotAMediaType);
    let response = context
        .for_request(&request(Some("html"), None))
        .finish(JsonError::Withdrawn(7).to_response());
    assert_eq!(parts(&response).1, JSON);
}

/// A 404 from elsewhere, labelled RFC 9457 JSON, finished for a request with id `req-1`.
fn foreign_finished(body: &'static [u8]) -> String {
    String::from_utf8(foreign_finished_bytes(body)).unwrap()
}

/// [`foreign_finished`]'s body as bytes.
fn foreign_finished_bytes(body: &'static [u8]) -> Vec<u8> {
    let mut foreign = Response::new(Bytes::from_static(body));
    *foreign.status_mut() = http::StatusCode::NOT_FOUND;
    foreign.headers_mut().insert(
        "content-type",
        HeaderValue::from_static("application/problem+json"),
    );
    let response = ResponseContext::new()
        .for_request(&request(None, Some("req-1")))
        .finish(foreign);
    response.body().to_vec()
}

#[test]
fn a_problem_with_a_null_instance_gets_the_request_id_once() {
    assert_eq!(
        foreign_finished(
            br#"{"type":"about:blank","title":"Not Found","status":404,"instance":null}"#
        ),
        r#"{"type":"about:blank","title":"Not Found","status":404,"instance":"req-1"}"#
    );
}

#[test]
fn a_body_labelled_problem_json_that_is_not_json_is_left_as_it_is() {
    // Each ends in `}`, where an id would go into an object; none is one.
    for body in [
        &br#"{"title":"Not Found","status":404}}"#[..],
        br#"{"title":"Not Found" "status":404}"#,
        br#"[{"title":"Not Found"}]}"#,
        br#"not json {}"#,
    ] {
        assert_eq!(foreign_finished(body), std::str::from_utf8(body).unwrap());
    }
    // A string that is not UTF-8 makes it no JSON either, whether or not the body mentions
    // `instance` (which has it read as a problem document first).
    for not_utf8 in [
        &b"{\"title\":\"Not \xff Found\"}"[..],
        b"{\"title\":\"Not \xff Found\",\"detail\":\"no instance\"}",
    ] {
        assert_eq!(foreign_finished_bytes(not_utf8), not_utf8);
    }
    // A JSON object still gets the id, with the word in its text or not.
    assert_eq!(
        foreign_finished(br#"{"title":"Not Found"} "#),
        r#"{"title":"Not Found","instance":"req-1"}"#
    );
    assert_eq!(
        foreign_finished(br#"{"detail":"no instance"}"#),
        r#"{"detail":"no instance","instance":"req-1"}"#
    );
}

#[test]
fn rfc_9457_json_stays_on_offer_however_many_formats_are() {
    struct Numbered(&'static str);
    impl status_core::format::ResponseFormat for Numbered {
        fn media_type(&self) -> &'static str {
            self.0
        }
        fn render(
            &self,
            _: &status_core::format::Problem<'_>,
            out: &mut Vec<u8>,
        ) -> Result<(), status_core::format::RenderError> {
            out.extend_from_slice(self.0.as_bytes());
            Ok(())
        }
    }
    let mut context = ResponseContext::new();
    for media_type in [
        "text/a", "text/b", "text/c", "text/d", "text/e", "text/f", "text/g", "text/h",
    ] {
        context = context.offer(Numbered(media_type));
    }
    let finish = |accept| {
        context
            .for_request(&request(Some(accept), None))
            .finish(JsonError::Withdrawn(7).to_response())
    };
    assert_eq!(
        parts(&finish("application/problem+json, text/*;q=0.5")).1,
        JSON
    );
    // The sixth offered format is weighed (HTML is the first), the seventh is not.
    assert_eq!(parts(&finish("text/e")).1, Some("text/e"));
    assert_eq!(parts(&finish("text/f")).1, JSON);
    // The document lists what is weighed, and nothing after it.
    let document = context.document(|| Responses::of::<JsonError>().to_json());
    let documented: Vec<&String> = document["410"]["content"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        documented,
        [
            "application/problem+json",
            "text/a",
            "text/b",
            "text/c",
            "text/d",
            "text/e",
            "text/html; charset=utf-8"
        ]
    );
    // A type in another format keeps RFC 9457 JSON on offer too, however many are offered.
    let page = context
        .for_request(&request(Some("application/problem+json"), None))
        .finish(PageError::Withdrawn(7).to_response());
    assert_eq!(parts(&page).1, JSON);
    // A format that gives no schema is documented by its media type alone; the page is text.
    assert_eq!(document["410"]["content"]["text/a"], serde_json::json!({}));
    assert_eq!(
        document["410"]["content"]["text/html; charset=utf-8"],
        serde_json::json!({"schema": {"type": "string"}})
    );
}

#[test]
fn a_problem_in_a_format_carries_its_rfc_9457_document() {
    let response = PageError::Withdrawn(7).to_response();
    let document = response.extensions().get::<ProblemDocument>().unwrap();
    let json =
        r#"{"type":"about:blank","title":"Gone","status":410,"detail":"book 7 was withdrawn"}"#;
    assert_eq!(document.json().as_ref(), json.as_bytes());
    assert_eq!(document.format().media_type(), "text/html; charset=utf-8");
    assert_eq!(
        format!("{document:?}"),
        format!(r#"ProblemDocument {{ json: b{json:?}, format: "text/html; charset=utf-8" }}"#)
    );
}

/// A problem from elsewhere whose `title` is not a string (RFC 9457 §3.1: such a member is
/// ignored, the document is still a problem) gets the request id as its `instance` too.
#[test]
fn a_problem_with_a_member_of_another_type_still_gets_the_request_id() {
    let foreign = http::Response::builder()
        .status(404)
        .header("content-type", "application/problem+json")
        .body(Bytes::from_static(br#"{"title":5,"status":404}"#))
        .unwrap();
    let response = ResponseContext::new()
        .for_request(&request(Some("application/problem+json"), Some("req-1")))
        .finish(foreign);
    assert_eq!(
        parts(&response).2,
        r#"{"title":5,"status":404,"instance":"req-1"}"#
    );
}

#[test]
fn a_context_shows_what_it_offers() {
    let context = ResponseContext::new()
        .offer(HouseJson)
        .default_format(HtmlPage)
        .request_id_header(http::HeaderName::from_static("x-correlation-id"));
    assert_eq!(
        format!("{context:?}"),
        r#"ResponseContext { default: Some("text/html; charset=utf-8"), offered: ["text/html; charset=utf-8", "application/vnd.shop.error+json"], request_id: Some("x-correlation-id") }"#
    );
    let mut headers = http::HeaderMap::new();
    headers.append("accept", http::HeaderValue::from_static("text/html"));
    headers.append("accept", http::HeaderValue::from_static("*/*;q=0.1"));
    headers.append("x-correlation-id", http::HeaderValue::from_static("a b"));
    let request = context.for_request(&headers);
    assert_eq!(
        format!("{request:?}"),
        r#"RequestContext { accept: ["text/html", "*/*;q=0.1"], request_id: Some("a%20b"), .. }"#
    );
}

#[test]
fn instance_is_documented_only_where_a_request_id_fills_it_in() {
    let instance = |context: ResponseContext| {
        let document = context.document(|| Responses::of::<JsonError>().to_json());
        document["410"]["content"]["application/problem+json"]["schema"]["properties"]
            .get("instance")
            .cloned()
    };
    assert_eq!(
        instance(ResponseContext::new()),
        Some(serde_json::json!({"type": "string", "format": "uri-reference"}))
    );
    assert_eq!(instance(ResponseContext::new().without_request_id()), None);
}
