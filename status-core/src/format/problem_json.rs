//! RFC 9457 JSON, the default format.

use serde::Serialize;

use super::{Problem, RenderError, ResponseFormat};
use crate::problem::PROBLEM_JSON;

/// RFC 9457 problem details in JSON (`application/problem+json`): the format of every derived
/// type that names none.
///
/// Responses in this format are the document the derive wrote, byte for byte; `render` is what
/// writes a [`Problem`] anew (members in the order of RFC 9457 §3.1, then the extensions).
///
/// ```
/// use status_core::format::{Problem, ProblemJson, ResponseFormat};
/// use status_core::ProblemDetails;
///
/// let details: ProblemDetails = serde_json::from_str(r#"{"title":"Not Found","status":404}"#).unwrap();
/// let mut out = Vec::new();
/// ProblemJson.render(&Problem::new(http::StatusCode::NOT_FOUND, &details), &mut out).unwrap();
/// assert_eq!(out, br#"{"type":"about:blank","title":"Not Found","status":404}"#);
/// assert_eq!(ProblemJson.media_type(), "application/problem+json");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemJson;

impl ResponseFormat for ProblemJson {
    fn media_type(&self) -> &'static str {
        PROBLEM_JSON
    }

    /// The problem's own schema.
    fn schema(&self, problem: &serde_json::Value) -> Option<serde_json::Value> {
        Some(problem.clone())
    }

    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        #[derive(Serialize)]
        struct Document<'a> {
            #[serde(rename = "type")]
            type_uri: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            title: Option<&'a str>,
            status: u16,
            #[serde(skip_serializing_if = "Option::is_none")]
            detail: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            instance: Option<&'a str>,
            #[serde(flatten)]
            extensions: &'a serde_json::Map<String, serde_json::Value>,
        }
        let document = Document {
            type_uri: problem.type_uri(),
            title: problem.title(),
            status: problem.status().as_u16(),
            detail: problem.detail(),
            instance: problem.instance(),
            extensions: problem.extensions(),
        };
        Ok(serde_json::to_writer(out, &document)?)
    }
}
