//! A small HTML page for browsers.

use super::{Problem, RenderError, ResponseFormat};

/// A small, self-contained HTML page (`text/html; charset=utf-8`): the status and title as the
/// page's title and heading, the detail, the instance as a reference to quote, and the
/// extension members as a list. Every value is escaped; the page loads nothing else.
///
/// ```
/// use status_core::format::{HtmlPage, Problem, ResponseFormat};
/// use status_core::ProblemDetails;
///
/// let details: ProblemDetails = serde_json::from_str(
///     r#"{"title":"Not Found","status":404,"detail":"no book <b>7</b>"}"#,
/// ).unwrap();
/// let mut page = Vec::new();
/// HtmlPage.render(&Problem::new(http::StatusCode::NOT_FOUND, &details), &mut page).unwrap();
/// let page = String::from_utf8(page).unwrap();
/// assert!(page.contains("<title>404 Not Found</title>"));
/// assert!(page.contains("no book &lt;b&gt;7&lt;/b&gt;"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlPage;

/// The page's style: readable on a phone and a desktop, light and dark.
const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;padding:2rem;line-height:1.5;color-scheme:light dark}\
main{max-width:40rem;margin:auto}h1{font-size:1.5rem}dt{font-weight:bold}dd{margin:0 0 .5rem}";

impl ResponseFormat for HtmlPage {
    fn media_type(&self) -> &'static str {
        "text/html; charset=utf-8"
    }

    /// A page: text, whatever the problem.
    fn schema(&self, _: &serde_json::Value) -> Option<serde_json::Value> {
        Some(serde_json::json!({ "type": "string" }))
    }

    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let mut heading = Vec::with_capacity(64);
        heading.extend_from_slice(problem.status().as_str().as_bytes());
        if let Some(title) = problem.title() {
            heading.push(b' ');
            escape(title, &mut heading);
        }
        out.extend_from_slice(HEAD.as_bytes());
        out.extend_from_slice(&heading);
        out.extend_from_slice(b"</title>\n<style>");
        out.extend_from_slice(STYLE.as_bytes());
        out.extend_from_slice(b"</style>\n</head>\n<body>\n<main>\n<h1>");
        out.extend_from_slice(&heading);
        out.extend_from_slice(b"</h1>\n");
        if let Some(detail) = problem.detail() {
            out.extend_from_slice(b"<p>");
            escape(detail, out);
            out.extend_from_slice(b"</p>\n");
        }
        members(problem, out);
        out.extend_from_slice(b"</main>\n</body>\n</html>\n");
        Ok(())
    }
}

/// The page up to its title's text.
const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";

/// The problem type (unless `about:blank`), the instance and the extension members, as a `<dl>`.
fn members(problem: &Problem<'_>, out: &mut Vec<u8>) {
    let type_uri = Some(problem.type_uri()).filter(|uri| *uri != "about:blank");
    let fixed = [
        ("Problem type", type_uri),
        ("Reference", problem.instance()),
    ];
    let fixed = fixed
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| (name, value)));
    let extensions = problem.extensions();
    if fixed.clone().next().is_none() && extensions.is_empty() {
        return;
    }
    out.extend_from_slice(b"<dl>\n");
    for (name, value) in fixed {
        row(name, value, out);
    }
    for (name, value) in extensions {
        match value {
            serde_json::Value::String(text) => row(name, text, out),
            other => row(name, &other.to_string(), out),
        }
    }
    out.extend_from_slice(b"</dl>\n");
}

/// `<dt>name</dt><dd>value</dd>`, both escaped.
fn row(name: &str, value: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"<dt>");
    escape(name, out);
    out.extend_from_slice(b"</dt><dd>");
    escape(value, out);
    out.extend_from_slice(b"</dd>\n");
}

/// `text` escaped for HTML content and quoted attribute values.
fn escape(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (at, byte) in bytes.iter().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..at]);
        out.extend_from_slice(entity);
        start = at + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        let mut out = Vec::new();
        escape(r#"<a href="x" title='y'>Tom & Jerry</a>!"#, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;!"
        );
    }
}
