//! A small HTML page for browsers.

use std::fmt::Write as _;

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

    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let mut page = String::with_capacity(1024);
        let heading = heading(problem);
        write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{heading}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n",
            heading = Escaped(&heading)
        )?;
        if let Some(detail) = problem.detail() {
            writeln!(page, "<p>{}</p>", Escaped(detail))?;
        }
        members(problem, &mut page)?;
        page.push_str("</main>\n</body>\n</html>\n");
        out.extend_from_slice(page.as_bytes());
        Ok(())
    }
}

/// "404 Not Found": the status and the problem's title (or the code alone).
fn heading(problem: &Problem<'_>) -> String {
    match problem.title() {
        Some(title) => format!("{} {title}", problem.status().as_str()),
        None => problem.status().as_str().to_owned(),
    }
}

/// The problem type (unless `about:blank`), the instance and the extension members, as a `<dl>`.
fn members(problem: &Problem<'_>, page: &mut String) -> std::fmt::Result {
    let type_uri = Some(problem.type_uri()).filter(|uri| *uri != "about:blank");
    let fixed = [
        ("Problem type", type_uri),
        ("Reference", problem.instance()),
    ];
    let fixed = fixed
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| (name, value.to_owned())));
    let extensions = problem.extensions().iter().map(|(name, value)| {
        let value = match value {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        (name.as_str(), value)
    });
    let mut rows = fixed.chain(extensions).peekable();
    if rows.peek().is_none() {
        return Ok(());
    }
    page.push_str("<dl>\n");
    for (name, value) in rows {
        writeln!(
            page,
            "<dt>{}</dt><dd>{}</dd>",
            Escaped(name),
            Escaped(&value)
        )?;
    }
    page.push_str("</dl>\n");
    Ok(())
}

/// Text escaped for HTML content and attribute values.
struct Escaped<'a>(&'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}
