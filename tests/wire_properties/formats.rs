//! The guarantees through every format: the shipped ones (RFC 9457 JSON, the HTML page), a house
//! format defined here, a type that names its format, and [`ResponseContext`] choosing one from
//! any `Accept` with any request id. No panic; no body where HTTP forbids one; every header a
//! valid field value; a 5xx never shows its source; a concealed status answers byte for byte
//! what the status it hides answers; the content is in the media type its header names.

use http::{HeaderMap, HeaderValue, Response, StatusCode};
use status_core::format::{HtmlPage, Problem, ProblemJson, RenderError, ResponseFormat};
use status_core::{Bytes, HttpStatus, ResponseContext};

use super::Checked;

/// A house format: `{"error":{"code":404,"message":"...","reference":"..."}}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct HouseJson;

impl ResponseFormat for HouseJson {
    fn media_type(&self) -> &'static str {
        "application/vnd.shop.error+json"
    }

    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let message = problem.detail().or(problem.title()).unwrap_or_default();
        let mut error = serde_json::json!({"code": problem.status().as_u16(), "message": message});
        if let Some(instance) = problem.instance() {
            error["reference"] = instance.into();
        }
        Ok(serde_json::to_writer(
            out,
            &serde_json::json!({ "error": error }),
        )?)
    }
}

/// One error of every kind, in the house format: problems, a concealed 403 and the 404 it
/// hides, no content, a 5xx, and a transparent variant over a type in RFC 9457 JSON.
#[derive(Debug, thiserror::Error, status_core::HttpStatus)]
#[status(format = HouseJson)]
pub enum HouseError {
    #[error("{0}")]
    #[status(409)]
    Conflict(String),
    #[error("not yours: {0}")]
    #[status(403, conceal = 404)]
    NotYours(String),
    #[error("missing: {0}")]
    #[status(404, detail = hidden)]
    Missing(String),
    #[error("cached")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
    },
    #[error("storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
    #[error(transparent)]
    #[status(transparent)]
    Inner(super::ShopError),
}

/// The formats a [`ResponseContext`] is tried with: the default, one that also offers the house
/// format, and one whose default is the house format.
fn contexts() -> [ResponseContext; 3] {
    [
        ResponseContext::new(),
        ResponseContext::new().offer(HouseJson),
        ResponseContext::new()
            .offer_none()
            .default_format(HouseJson),
    ]
}

/// The media types a response may be in.
const MEDIA_TYPES: [&str; 3] = [
    "application/problem+json",
    "text/html; charset=utf-8",
    "application/vnd.shop.error+json",
];

/// `response` through every context, for a request with `accept` and `request_id` (each only
/// if it is a header value), and as it is.
pub fn in_every_context(
    response: impl Fn() -> Response<Bytes>,
    accept: &str,
    request_id: &str,
) -> Vec<Response<Bytes>> {
    let mut request = HeaderMap::new();
    if let Ok(accept) = HeaderValue::from_str(accept) {
        request.insert("accept", accept);
    }
    if let Ok(id) = HeaderValue::from_str(request_id) {
        request.insert("x-request-id", id);
    }
    let mut responses = vec![response()];
    for context in contexts() {
        responses.push(context.for_request(&request).finish(response()));
    }
    responses
}

/// The checks every response passes, in whatever format.
fn well_formed(response: &Response<Bytes>) -> Checked {
    for (name, value) in response.headers() {
        ensure!(
            status_core::status_codes::syntax::field_value(value.as_bytes()).is_ok(),
            "{name}: {value:?} is not a field value"
        );
    }
    let status = response.status();
    let content_type = response.headers().get("content-type");
    if status_core::status_codes::without_content(status.as_u16()).is_some() {
        ensure!(response.body().is_empty(), "{status} with a body");
        ensure!(content_type.is_none(), "{status} with a content-type");
        return Ok(());
    }
    let Some(content_type) = content_type else {
        ensure!(
            response.body().is_empty(),
            "{status}: a body without a media type"
        );
        return Ok(());
    };
    let content_type = content_type.to_str().map_err(|e| e.to_string())?;
    ensure!(
        MEDIA_TYPES.contains(&content_type),
        "{status}: an unknown media type {content_type}"
    );
    if content_type.ends_with("json") {
        let json: serde_json::Value = serde_json::from_slice(response.body())
            .map_err(|error| format!("{content_type} is not JSON: {error}"))?;
        let code = json
            .get("status")
            .or_else(|| json.pointer("/error/code"))
            .cloned();
        ensure!(
            code == Some(status.as_u16().into()),
            "the body's status is not the response's {status}: {json}"
        );
    } else {
        let page = std::str::from_utf8(response.body()).map_err(|e| e.to_string())?;
        let title = format!("<title>{}", status.as_str());
        ensure!(
            page.contains(&title),
            "the page's title is not {status}: {page}"
        );
    }
    Ok(())
}

/// Every kind of variant, through every format and context: well formed, nothing of a 5xx's
/// source, no body where HTTP forbids one.
pub fn every_format_keeps_the_guarantees(text: &str, accept: &str, request_id: &str) -> Checked {
    let errors: [fn(&str) -> HouseError; 5] = [
        |text| HouseError::Conflict(text.to_owned()),
        |text| HouseError::NotModified {
            etag: text.to_owned(),
        },
        |text| HouseError::Storage(std::io::Error::other(text.to_owned())),
        |text| {
            HouseError::Inner(super::ShopError::Inner(super::InnerError::Provider(
                text.to_owned(),
            )))
        },
        |text| HouseError::Inner(super::ShopError::BadRequest(text.to_owned())),
    ];
    for error in errors {
        for response in in_every_context(|| error(text).to_response(), accept, request_id) {
            well_formed(&response)?;
        }
        // A 5xx answers the same, byte for byte, whatever its source says: nothing of it shows
        // (a substring test would fail on a source that happens to spell a fixed part).
        let answers = in_every_context(|| error(text).to_response(), accept, request_id);
        let neutral = in_every_context(|| error("neutral").to_response(), accept, request_id);
        for (answer, neutral) in answers.iter().zip(&neutral) {
            // (A header value that falls back to the bare 500 is checked by `well_formed`.)
            if answer.status().is_server_error() && neutral.status().is_server_error() {
                ensure!(
                    (answer.headers(), answer.body()) == (neutral.headers(), neutral.body()),
                    "a 5xx shows its source: {:?}",
                    answer.body()
                );
            }
        }
    }
    Ok(())
}

/// A concealed 403 answers what the 404 it hides answers, byte for byte, in every format and
/// context, whatever the values inside them.
pub fn conceal_holds_in_every_format(
    hidden: &str,
    missing: &str,
    accept: &str,
    request_id: &str,
) -> Checked {
    alike_in_every_context(
        || HouseError::NotYours(hidden.to_owned()),
        || HouseError::Missing(missing.to_owned()),
        accept,
        request_id,
    )
}

/// `a` and `b` answer alike, byte for byte, in every context.
pub fn alike_in_every_context<T: status_core::HttpStatus>(
    a: impl Fn() -> T,
    b: impl Fn() -> T,
    accept: &str,
    request_id: &str,
) -> Checked {
    let concealed = in_every_context(|| a().to_response(), accept, request_id);
    let real = in_every_context(|| b().to_response(), accept, request_id);
    for (concealed, real) in concealed.iter().zip(&real) {
        ensure!(
            concealed.status() == real.status(),
            "{} vs {}",
            concealed.status(),
            real.status()
        );
        ensure!(
            concealed.headers() == real.headers(),
            "{:?} vs {:?}",
            concealed.headers(),
            real.headers()
        );
        ensure!(
            concealed.body() == real.body(),
            "{:?} vs {:?}",
            concealed.body(),
            real.body()
        );
    }
    Ok(())
}

/// The shipped formats and the house one write any problem without failing, in their media
/// type: JSON stays JSON, and the HTML page has the same markup whatever the values (every one
/// escaped: as many `<` and `>` as a page of plain values).
pub fn formats_write_any_problem(detail: &str, instance: &str, member: &str) -> Checked {
    let standard = ["type", "title", "status", "detail", "instance"];
    let member = if standard.contains(&member) {
        "member"
    } else {
        member
    };
    let plain = render_all(&problem_details("x", "x", "m")?)?;
    let any = render_all(&problem_details(detail, instance, member)?)?;
    for (index, (plain, any)) in plain.iter().zip(&any).enumerate() {
        if index < 2 {
            serde_json::from_slice::<serde_json::Value>(any).map_err(|e| e.to_string())?;
            continue;
        }
        let page = std::str::from_utf8(any).map_err(|e| e.to_string())?;
        let marks = |bytes: &[u8]| bytes.iter().filter(|b| matches!(b, b'<' | b'>')).count();
        ensure!(
            marks(plain) == marks(any),
            "the page does not escape a value: {page}"
        );
    }
    Ok(())
}

fn problem_details(
    detail: &str,
    instance: &str,
    member: &str,
) -> Result<status_core::ProblemDetails, String> {
    serde_json::from_value(serde_json::json!({
        "type": "about:blank", "title": "Conflict", "status": 409,
        "detail": detail, "instance": instance, member: detail,
    }))
    .map_err(|e| e.to_string())
}

/// `details` in RFC 9457 JSON, the house format and the HTML page, in that order.
fn render_all(details: &status_core::ProblemDetails) -> Result<Vec<Vec<u8>>, String> {
    let problem = Problem::new(StatusCode::CONFLICT, details);
    let formats: [&dyn ResponseFormat; 3] = [&ProblemJson, &HouseJson, &HtmlPage];
    let mut rendered = Vec::new();
    for format in formats {
        let mut out = Vec::new();
        format
            .render(&problem, &mut out)
            .map_err(|e| e.to_string())?;
        rendered.push(out);
    }
    Ok(rendered)
}
