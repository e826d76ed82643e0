//! Rules on header fields: one source each, none the connection or the body owns, static values
//! of the field's syntax, the header each status calls for, and where Retry-After means something.

use status_codes::syntax::{self, ContentRange};

use super::{Rules, named};
use crate::ast::{HeaderOrigin, HeaderSource};
use crate::attr::{Allow, Code, LocationTemplate, StaticHeader, TemplatePiece, closest};
use crate::grammar;
use crate::prop;

impl Rules<'_> {
    /// Rules (error) on header fields: one source per header; no field the runtime or the
    /// connection owns; static values well-formed.
    pub(super) fn headers(&self) {
        let sources = &self.variant.headers;
        for (i, source) in sources.iter().enumerate() {
            let (name, span) = (&source.name, &source.span);
            if let Some(earlier) = sources[..i].iter().find(|earlier| earlier.name == *name) {
                self.error(
                    *span,
                    format!(
                        "header `{name}` has two sources in this variant: {} and {}\nhelp: keep one: a fixed value in #[status(...)] or one field",
                        earlier.described, source.described
                    ),
                );
            }
            let owner = match name.as_str() {
                "content-type" | "content-length" => Some("the response's body, which sets it"),
                "connection" | "keep-alive" | "proxy-connection" | "transfer-encoding" | "te"
                | "trailer" => Some(
                    "the connection (RFC 9110 §7.6.1), and HTTP/2 forbids it in a response (RFC 9113 §8.2.2)",
                ),
                _ => None,
            };
            if let Some(owner) = owner {
                self.error(
                    *span,
                    format!("header `{name}` belongs to {owner}\nhelp: remove it"),
                );
            }
        }
        for source in sources {
            match &source.origin {
                HeaderOrigin::Static(header) => self.static_value(header),
                HeaderOrigin::Template(location) => self.location(location),
                HeaderOrigin::Field { .. } => {}
            }
        }
    }

    /// A fixed value is one the runtime would send in that field: the same check as for a value
    /// from a field, so the two cannot disagree.
    fn static_value(&self, header: &StaticHeader) {
        if let Err(why) = grammar::header_value(&header.name, &header.value) {
            self.error(
                header.value_span,
                format!("this {} value {why}", header.name),
            );
        }
    }

    /// `location = "..."`: placeholders name fields; the rest is a URI reference.
    fn location(&self, location: &LocationTemplate) {
        let span = location.literal.span();
        let mut sample = String::new();
        for piece in &location.pieces {
            match piece {
                TemplatePiece::Literal(text) => sample.push_str(text),
                TemplatePiece::Placeholder(name) => {
                    sample.push('x');
                    if self.variant.field(name).is_none() {
                        let names = self.variant.fields.iter().map(|field| field.name.as_str());
                        let hint = match closest(name, names) {
                            Some(close) => format!("; did you mean `{{{close}}}`?"),
                            None if self.variant.fields.is_empty() => {
                                format!("; {} has no fields", self.variant.name())
                            }
                            None => {
                                let all: Vec<String> = self
                                    .variant
                                    .fields
                                    .iter()
                                    .map(|f| format!("`{{{}}}`", f.name))
                                    .collect();
                                format!("; its fields are {}", all.join(", "))
                            }
                        };
                        self.error_here(
                            span,
                            format!(
                                "placeholder `{{{name}}}` in `location` names no field of {}{hint}",
                                self.variant.name()
                            ),
                        );
                    }
                }
            }
        }
        if let Err(why) = grammar::header_value("location", &sample) {
            self.error(span, format!("this location {why}"));
        }
    }

    /// A header whose only source is an `Option` field is sent only sometimes: for a header the
    /// status requires, that is a response without it whenever the field is `None`.
    fn optional_only(&self, name: &str) -> Option<&HeaderSource> {
        let mut sources = self
            .variant
            .headers
            .iter()
            .filter(|source| source.name == name);
        match (sources.next(), sources.next()) {
            (Some(only), None) if only.optional => Some(only),
            _ => None,
        }
    }

    /// Rule (error for 401, 405, 407, 426, 206; should for redirects and 416): the header field
    /// the status requires (RFC 9110 §15.5.2, §15.5.6, §15.5.8, §15.5.22, §15.3.7.1), the
    /// target a redirect needs (§15.4), the length a 416 gives (§15.5.17). For all but the 416,
    /// an `Option` field alone is not enough: when it is `None`, the response goes out without it.
    pub(super) fn required_header(&self, wire: Code) {
        let Some(required) = prop::required_header(wire.value) else {
            return;
        };
        let header = required.header;
        let (message, span) = if !self.variant.has_header(header.name) {
            let message = format!(
                "{} {} (RFC 9110 {})\nhelp: add {}",
                named(wire.value),
                required.without,
                header.section,
                required.fix
            );
            (message, wire.span)
        } else if let Some(source) = self
            .optional_only(header.name)
            .filter(|_| required.always_sent)
        {
            let message = format!(
                "{} needs {} {} header field (RFC 9110 {}), but {} is an `Option`: when it is `None`, the response goes out without one\n\
                 help: make the field's type non-optional",
                named(wire.value),
                required.article,
                header.display,
                header.section,
                source.described
            );
            (message, source.span)
        } else {
            return;
        };
        match required.allow {
            None => self.error(span, message),
            Some(allow) => self.should(allow, span, message),
        }
    }

    /// Rule (error on 206, should on 416): a 206 describes the range it encloses
    /// (RFC 9110 §15.3.7.1, §14.4); a 416 gives the current length as `*/length` (§15.5.17).
    pub(super) fn content_range_form(&self, wire: Code) {
        for header in self
            .variant
            .headers
            .iter()
            .filter_map(HeaderSource::static_value)
        {
            if header.name != "content-range" {
                continue;
            }
            let Ok(form) = syntax::content_range(&header.value) else {
                continue; // malformed: reported by `static_value`
            };
            let unsatisfied = form == ContentRange::Unsatisfied;
            match (wire.value, unsatisfied) {
                (206, true) => self.error(
                    header.value_span,
                    "206 Partial Content must describe the range it encloses, not `*/length` (RFC 9110 §15.3.7.1, §14.4)\n\
                     help: write the range sent, such as `content_range = \"bytes 0-499/47022\"`",
                ),
                (416, false) => self.should(
                    Allow::MissingContentRange,
                    header.value_span,
                    "416 Range Not Satisfiable should send the current length as `bytes */length`, not a range (RFC 9110 §15.5.17)\n\
                     help: write `content_range = \"bytes */47022\"`",
                ),
                _ => {}
            }
        }
    }

    /// Rule (should): Retry-After means something on 3xx, 413, 429 and 503 only
    /// (RFC 9110 §10.2.3).
    pub(super) fn retry_after_status(&self, wire: Code) {
        if status_codes::retry_after_meaningful(wire.value) {
            return;
        }
        for source in &self.variant.headers {
            if source.name == "retry-after" {
                self.should(
                    Allow::RetryAfterStatus,
                    source.span,
                    format!(
                        "Retry-After has no meaning on {}: clients read it on 503, 429, 413 and redirects (RFC 9110 §10.2.3)\n\
                         help: remove it, or answer 503 Service Unavailable or 429 Too Many Requests",
                        named(wire.value)
                    ),
                );
            }
        }
    }
}
