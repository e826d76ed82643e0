//! HTTP's rules, one function per rule. Each error names the rule, its RFC section, and the fix.
//!
//! "error" rules are HTTP MUSTs (or codes that can never be a final response) and have no
//! opt-out. "should" rules are SHOULDs or near-certain mistakes; each names the `allow(...)`
//! that turns it off for one variant.

use std::cell::RefCell;

use proc_macro2::Span;

use crate::ast::{Field, Input, Variant};
use crate::attr::{
    Allow, BodyKind, Code, Detail, DetailSpec, FieldRole, StaticHeader, StatusAttr, TemplatePiece,
    closest,
};
use crate::ctxt::Ctxt;
use crate::grammar;
use crate::prop;
use status_codes::syntax::ContentRange;

pub fn check(cx: &Ctxt, input: &Input) {
    for (index, variant) in input.variants.iter().enumerate() {
        let Some(attr) = &variant.attr else {
            continue;
        };
        if variant.malformed {
            continue;
        }
        // The enum-level default is checked once per variant that uses it; a message that does
        // not depend on the variant is reported once.
        let key = if variant.uses_default {
            "default".to_owned()
        } else {
            index.to_string()
        };
        let rules = Rules {
            cx,
            input,
            variant,
            attr,
            key: &key,
            allowed: RefCell::new(Vec::new()),
            sources: header_sources(variant, attr),
        };
        let before = cx.error_count();
        rules.check();
        // An enum-level default's opt-outs apply to many variants; each variant's own must be
        // needed, so that an opt-out does not outlive the contract that needed it.
        if !variant.uses_default && cx.error_count() == before {
            rules.unused_allows();
        }
    }
}

/// One source of a header field in a variant.
#[derive(Clone)]
struct HeaderUse {
    /// Lowercase field name.
    name: String,
    span: Span,
    /// The source in words, for "two sources" errors.
    described: String,
    /// Whether the source is an `Option` field, sent only when `Some`.
    optional: bool,
}

/// Whether `ty` is written as `Option<...>` (or a path ending in `Option<...>`).
fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Option"),
        syn::Type::Group(group) => is_option(&group.elem),
        syn::Type::Paren(paren) => is_option(&paren.elem),
        syn::Type::Reference(reference) => is_option(&reference.elem),
        _ => false,
    }
}

/// Every header of a variant: static ones from the attribute, and fields.
fn header_sources(variant: &Variant, attr: &StatusAttr) -> Vec<HeaderUse> {
    let mut sources: Vec<HeaderUse> = attr
        .headers
        .iter()
        .map(|header| HeaderUse {
            name: header.name.clone(),
            span: header.name_span,
            described: format!("the fixed value \"{}\"", header.value),
            optional: false,
        })
        .collect();
    if let Some(location) = &attr.location {
        sources.push(HeaderUse {
            name: "location".to_owned(),
            span: location.literal.span(),
            described: format!("`location = \"{}\"`", location.literal.value()),
            optional: false,
        });
    }
    for (field, role) in variant.fields_with(|_| true) {
        let name = match role {
            FieldRole::Header { name, .. } => name.clone(),
            FieldRole::Location(_) => "location".to_owned(),
            FieldRole::RetryAfter(_) => "retry-after".to_owned(),
            _ => continue,
        };
        sources.push(HeaderUse {
            name,
            span: role.span(),
            described: format!("field `{}`", field.name),
            optional: is_option(field.ty),
        });
    }
    sources
}

struct Rules<'a> {
    cx: &'a Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    attr: &'a StatusAttr,
    key: &'a str,
    /// The opt-outs that turned a "should" rule off.
    allowed: RefCell<Vec<Allow>>,
    /// Every source of a header field in the variant.
    sources: Vec<HeaderUse>,
}

/// The phrase of a code for messages: `404 Not Found`.
fn named(code: u16) -> String {
    match status_codes::lookup(code) {
        Some(row) => format!("{code} {}", row.phrase),
        None => code.to_string(),
    }
}

impl Rules<'_> {
    fn error(&self, span: Span, message: impl std::fmt::Display) {
        self.cx.error_once(self.key, span, message);
    }

    /// A "should" rule: an error unless the variant allows it.
    fn should(&self, allow: Allow, span: Span, message: impl std::fmt::Display) {
        if self.attr.allows(allow) {
            self.allowed.borrow_mut().push(allow);
        } else {
            self.error(
                span,
                format!(
                    "{message}\nnote: if this is on purpose, opt out with `allow({})` in this #[status(...)]",
                    allow.name()
                ),
            );
        }
    }

    /// Rule (error): an `allow(...)` that turns no rule off is a stale opt-out.
    fn unused_allows(&self) {
        for (allow, span) in &self.attr.allows {
            if !self.allowed.borrow().contains(allow) {
                self.error(
                    *span,
                    format!(
                        "`allow({})` turns nothing off: {} breaks no rule it names\nhelp: remove it",
                        allow.name(),
                        self.variant.name()
                    ),
                );
            }
        }
    }

    fn check(&self) {
        if self.attr.transparent.is_some() {
            self.transparent();
            return;
        }
        self.field_roles();
        self.headers();
        self.problem_members();
        let Some(code) = self.attr.code else {
            return;
        };
        if !self.status_range(code) {
            return;
        }
        self.informational(code);
        self.deprecated(code);
        self.reserved(code);
        self.multiple_choices(code);
        self.success_on_error(code);
        self.reason_phrase(code);
        let wire = match self.attr.conceal {
            Some(conceal) => {
                if !self.conceal(code, conceal) {
                    return;
                }
                conceal
            }
            None => code,
        };
        self.no_content(wire);
        self.members_without_problem(wire);
        self.source_in_detail(wire);
        self.required_header(wire);
        self.missing_content_range(wire);
        self.content_range_form(wire);
        if self.attr.conceal.is_none() {
            // A concealed variant's headers are already reported as revealing it.
            self.retry_after_status(wire);
        }
    }

    /// Every header of the variant: static ones from the attribute, and fields.
    fn header_sources(&self) -> &[HeaderUse] {
        &self.sources
    }

    fn has_header(&self, name: &str) -> bool {
        self.header_sources()
            .iter()
            .any(|source| source.name == name)
    }

    /// A header whose only source is an `Option` field is sent only sometimes: for a header the
    /// status requires, that is a response without it whenever the field is `None`.
    fn optional_only(&self, name: &str) -> Option<HeaderUse> {
        let sources: Vec<&HeaderUse> = self
            .header_sources()
            .iter()
            .filter(|source| source.name == name)
            .collect();
        match sources.as_slice() {
            [only] if only.optional => Some((*only).clone()),
            _ => None,
        }
    }

    /// Rule (error): the status is three digits, 100..=599 (RFC 9110 §15). `http` accepts up to
    /// 999, which no client understands.
    fn status_range(&self, code: Code) -> bool {
        if (100..=599).contains(&code.value) {
            return true;
        }
        self.cx.error_once_between(
            self.key,
            code.span,
            code.end,
            "not an HTTP status code: a status code is three digits from 100 to 599 (RFC 9110 §15)\n\
             help: use the code that says what happened, such as `404` or `NOT_FOUND`",
        );
        false
    }

    /// Rule (error): a 1xx is interim; every request gets exactly one final response, never a
    /// 1xx (RFC 9110 §15.2).
    fn informational(&self, code: Code) {
        if (100..=199).contains(&code.value) {
            self.error(
                code.span,
                format!(
                    "{} is an interim (1xx) response, and a final response can never be 1xx (RFC 9110 §15.2)\n\
                     help: an error answers with a final status: 4xx for the client's mistakes, 5xx for the server's",
                    named(code.value)
                ),
            );
        }
    }

    /// Rule (error): 305 Use Proxy is deprecated and 306 is reserved (RFC 9110 §15.4.6, §15.4.7).
    fn deprecated(&self, code: Code) {
        let why = match code.value {
            305 => "305 Use Proxy is deprecated and clients ignore it (RFC 9110 §15.4.6)",
            306 => "306 is reserved and no longer used (RFC 9110 §15.4.7)",
            _ => return,
        };
        self.error(
            code.span,
            format!("{why}\nhelp: use 307 Temporary Redirect with a `location` to send the client elsewhere"),
        );
    }

    /// Rule (should): 402 and 418 are reserved (RFC 9110 §15.5.3, §15.5.19).
    fn reserved(&self, code: Code) {
        let (why, help) = match code.value {
            402 => (
                "402 Payment Required is reserved for future use (RFC 9110 §15.5.3)",
                "most payment problems are 403 Forbidden or 409 Conflict with a problem `type`",
            ),
            418 => (
                "418 is reserved and unused (RFC 9110 §15.5.19)",
                "use the 4xx that says what went wrong, such as 400 Bad Request, 404 Not Found or 422 Unprocessable Content",
            ),
            _ => return,
        };
        self.should(
            Allow::ReservedStatus,
            code.span,
            format!("{why}\nhelp: {help}"),
        );
    }

    /// Rule (should): 300 Multiple Choices needs a body listing the choices and is rarely meant
    /// (RFC 9110 §15.4.1).
    fn multiple_choices(&self, code: Code) {
        if code.value == 300 {
            self.should(
                Allow::MultipleChoices,
                code.span,
                "300 Multiple Choices offers the client a list of alternatives and is rarely what an error means (RFC 9110 §15.4.1)\n\
                 help: to send the client elsewhere, use 303, 307 or 308 with a `location`",
            );
        }
    }

    /// Rule (should): a 2xx on an error type reports a failure as a success.
    fn success_on_error(&self, code: Code) {
        if self.input.is_error_type && (200..=299).contains(&code.value) {
            self.should(
                Allow::SuccessStatus,
                code.span,
                format!(
                    "{} on an error type reports a failure as a success (RFC 9110 §15.3)\n\
                     help: use the 4xx or 5xx that says what went wrong",
                    named(code.value)
                ),
            );
        }
    }

    /// Rule (should): a code IANA does not register has no standard meaning, and clients treat
    /// it as x00; it needs an explicit reason phrase (RFC 9110 §15, §16.2.1). A reason phrase on
    /// a registered code would contradict IANA's.
    fn reason_phrase(&self, code: Code) {
        match (status_codes::lookup(code.value), &self.attr.reason) {
            (None, None) => self.should(
                Allow::UnregisteredStatus,
                code.span,
                format!(
                    "{} is not in the IANA status code registry, so clients treat it as {}00 (RFC 9110 §15)\n\
                     help: use a registered code, or give the phrase: `reason = \"...\"`",
                    code.value,
                    code.value / 100
                ),
            ),
            (Some(row), Some(reason)) => self.error(
                reason.span(),
                format!(
                    "{} is registered as \"{}\", and clients know it by that phrase; `reason` is only for codes IANA does not register (RFC 9110 §15, §16.2.1)\n\
                     help: remove `reason`; to describe this problem, use `title` with a `type`",
                    code.value, row.phrase
                ),
            ),
            (None, Some(reason)) => {
                if let Err(why) = grammar::reason_phrase(&reason.value()) {
                    self.error(
                        reason.span(),
                        format!("this reason phrase {why}\nhelp: write a short phrase such as \"Client Closed Request\""),
                    );
                }
            }
            (Some(_), None) => {}
        }
    }

    /// Rule (error): `conceal` answers with another 4xx to hide the real one, as RFC 9110
    /// §15.5.4 allows 404 for 403; nothing of the real status may reach the client.
    fn conceal(&self, code: Code, conceal: Code) -> bool {
        let mut valid = true;
        if !(400..=499).contains(&code.value) {
            self.error(
                code.span,
                format!(
                    "only a client error (4xx) can be concealed, and {} is not one (RFC 9110 §15.5.4)\n\
                     help: remove `conceal`",
                    named(code.value)
                ),
            );
            valid = false;
        }
        let why = if !(400..=499).contains(&conceal.value)
            || status_codes::lookup(conceal.value).is_none()
        {
            Some(format!(
                "`conceal = {}` is not a registered client error (4xx)",
                conceal.value
            ))
        } else if conceal.value == code.value {
            Some(format!(
                "`conceal = {}` answers with the status it should hide",
                conceal.value
            ))
        } else if matches!(conceal.value, 401 | 405 | 407 | 416 | 426) {
            Some(format!(
                "{} needs a header field about the real resource, which a concealed response cannot send",
                named(conceal.value)
            ))
        } else {
            None
        };
        if let Some(why) = why {
            let help = if conceal.value == code.value {
                "help: remove `conceal`".to_owned()
            } else {
                "help: `conceal = 404` answers \"Not Found\" to hide that the resource exists"
                    .to_owned()
            };
            self.error(
                conceal.span,
                format!(
                    "{why}, so it cannot hide {} (RFC 9110 §15.5.4)\n{help}",
                    named(code.value)
                ),
            );
            valid = false;
        }
        let reveal = |span: Span, what: &str| {
            self.error(
                span,
                format!(
                    "{what} would reveal the concealed {}: a concealed status answers with nothing but `conceal`'s status and title\n\
                     help: remove it, or remove `conceal`",
                    named(code.value)
                ),
            );
        };
        for source in self.header_sources() {
            reveal(source.span, &format!("the `{}` header", source.name));
        }
        for (_, role) in self.variant.fields_with(|role| {
            matches!(
                role,
                FieldRole::Body(_) | FieldRole::Extension { .. } | FieldRole::Instance(_)
            )
        }) {
            reveal(role.span(), "a body or problem member from a field");
        }
        if let Some((_, span)) = &self.attr.detail {
            reveal(*span, "`detail`");
        }
        if let Some(title) = &self.attr.title {
            reveal(title.span(), "`title`");
        }
        if let Some(type_uri) = &self.attr.type_uri {
            reveal(type_uri.span(), "`type`");
        }
        if valid {
            self.distinguishable_conceal(code, conceal);
        }
        valid
    }

    /// Rule (should): a concealed status hides the real one only if its answer is the same as a
    /// real one's: if another variant answers the concealing status with more than a bare
    /// problem, a client tells them apart (RFC 9110 §15.5.4).
    fn distinguishable_conceal(&self, code: Code, conceal: Code) {
        for sibling in &self.input.variants {
            if std::ptr::eq(sibling, self.variant) || sibling.malformed {
                continue;
            }
            let Some(attr) = &sibling.attr else {
                continue;
            };
            if attr.transparent.is_some() || prop::wire(attr) != Some((conceal.value, None)) {
                continue;
            }
            if let Some(what) = prop::beyond_bare_problem(sibling, attr, conceal.value) {
                self.should(
                    Allow::DistinguishableConceal,
                    conceal.span,
                    format!(
                        "`conceal = {}` answers a bare \"{}\" problem, but {} answers {} with {what}, so a client can tell a concealed {} from a real {} (RFC 9110 §15.5.4)\n\
                         help: make {} answer a bare problem too (`detail = hidden`, no headers or members)",
                        conceal.value,
                        named(conceal.value),
                        sibling.name(),
                        conceal.value,
                        named(code.value),
                        conceal.value,
                        sibling.name()
                    ),
                );
                return;
            }
        }
    }

    /// Rule (should): with thiserror's `#[error(transparent)]`, the variant's `Display` is the
    /// source error's, and a `detail` from it shows the source to the client (RFC 9457 §5).
    fn source_in_detail(&self, wire: Code) {
        let from_display = matches!(
            prop::detail(self.attr, wire.value, self.attr.conceal.map(|c| c.value)),
            DetailSpec::Kind(Detail::Display)
        );
        let problem = matches!(
            prop::body(self.variant, self.attr, wire.value),
            prop::Body::Problem
        );
        if self.variant.error_transparent && from_display && problem {
            self.should(
                Allow::SourceInDetail,
                wire.span,
                format!(
                    "{} sends its `Display` as the problem's `detail`, and `#[error(transparent)]` makes that the source error's message, which may show internals to the client (RFC 9457 §5)\n\
                     help: set `detail = hidden` or a fixed `detail = \"...\"`, or give the variant its own `#[error(\"...\")]`",
                    named(wire.value)
                ),
            );
        }
    }

    /// Rule (error): 1xx, 204, 205 and 304 never carry content (RFC 9110 §15.2, §15.3.5,
    /// §15.3.6, §15.4.5).
    fn no_content(&self, wire: Code) {
        let section = match wire.value {
            100..=199 => return, // already an error of its own
            204 => "§15.3.5",
            205 => "§15.3.6",
            304 => "§15.4.5",
            _ => return,
        };
        let forbid = |span: Span, what: &str| {
            self.error(
                span,
                format!(
                    "{} never has content (RFC 9110 {section}), so it cannot have {what}\n\
                     help: remove it; the response is sent without a body",
                    named(wire.value)
                ),
            );
        };
        if let Some((BodyKind::Problem, span)) = &self.attr.body {
            forbid(*span, "`body = problem`");
        }
        if let Some((_, span)) = &self.attr.detail {
            forbid(*span, "a problem `detail`");
        }
        if let Some(title) = &self.attr.title {
            forbid(title.span(), "a problem `title`");
        }
        if let Some(type_uri) = &self.attr.type_uri {
            forbid(type_uri.span(), "a problem `type`");
        }
        for (_, role) in self.variant.fields_with(|_| true) {
            match role {
                FieldRole::Body(span) => forbid(*span, "a `#[body]` field"),
                FieldRole::Extension { span, .. } => forbid(*span, "a problem extension member"),
                FieldRole::Instance(span) => forbid(*span, "a problem `instance`"),
                _ => {}
            }
        }
    }

    /// Rule (error for 401, 405, 407, 426, 206; should for redirects): the header field the
    /// status requires (RFC 9110 §15.5.2, §15.5.6, §15.5.8, §15.5.22, §15.3.7.1) or the target
    /// a redirect needs (§15.4). An `Option` field alone is not enough: when it is `None`, the
    /// response goes out without it.
    fn required_header(&self, wire: Code) {
        let Some(required) = prop::required_header(wire.value) else {
            return;
        };
        let article = if matches!(required.display, "Allow" | "Upgrade") {
            "an"
        } else {
            "a"
        };
        let (message, span) = if !self.has_header(required.name) {
            let message = match required.allow {
                None => format!(
                    "{} must send {article} {} header field (RFC 9110 {})\nhelp: add {}",
                    named(wire.value),
                    required.display,
                    required.section,
                    required.fix
                ),
                Some(_) => format!(
                    "{} without a Location header redirects nowhere (RFC 9110 {})\nhelp: add {}",
                    named(wire.value),
                    required.section,
                    required.fix
                ),
            };
            (message, wire.span)
        } else if let Some(source) = self.optional_only(required.name) {
            let message = format!(
                "{} needs {article} {} header field (RFC 9110 {}), but {} is an `Option`: when it is `None`, the response goes out without one\n\
                 help: make the field's type non-optional",
                named(wire.value),
                required.display,
                required.section,
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

    /// Rule (error): problem members on a variant whose body is not a problem would be dropped
    /// without a word: 2xx and 3xx send no body unless asked to.
    fn members_without_problem(&self, wire: Code) {
        let no_content = matches!(wire.value, 100..=199 | 204 | 205 | 304);
        let explicit_none = matches!(self.attr.body, Some((BodyKind::None, _)));
        if no_content
            || explicit_none
            || !matches!(
                prop::body(self.variant, self.attr, wire.value),
                prop::Body::Empty
            )
        {
            return;
        }
        for (span, what) in self.problem_member_spans() {
            self.error(
                span,
                format!(
                    "{} sends no body unless asked to, so {what} goes nowhere\n\
                     help: add `body = problem` to send a problem document, or remove it",
                    named(wire.value)
                ),
            );
        }
    }

    /// Where the variant asks for problem members, and what each is.
    fn problem_member_spans(&self) -> Vec<(Span, &'static str)> {
        let mut members = Vec::new();
        if let Some((_, span)) = &self.attr.detail {
            members.push((*span, "`detail`"));
        }
        members.extend(self.attr.title.iter().map(|t| (t.span(), "`title`")));
        members.extend(self.attr.type_uri.iter().map(|t| (t.span(), "`type`")));
        for (_, role) in self.variant.fields_with(|_| true) {
            match role {
                FieldRole::Extension { span, .. } => members.push((*span, "an extension member")),
                FieldRole::Instance(span) => members.push((*span, "`instance`")),
                _ => {}
            }
        }
        members
    }

    /// Rule (should): 416 says which ranges exist with `Content-Range: bytes */length`
    /// (RFC 9110 §15.5.17).
    fn missing_content_range(&self, wire: Code) {
        if wire.value == 416 && !self.has_header("content-range") {
            self.should(
                Allow::MissingContentRange,
                wire.span,
                "416 Range Not Satisfiable should send the current length as `Content-Range: bytes */length` (RFC 9110 §15.5.17)\n\
                 help: add `content_range = \"bytes */47022\"` or a `#[header(CONTENT_RANGE)]` field",
            );
        }
    }

    /// Rule (error on 206, should on 416): a 206 describes the range it encloses
    /// (RFC 9110 §15.3.7.1, §14.4); a 416 gives the current length as `*/length` (§15.5.17).
    fn content_range_form(&self, wire: Code) {
        for header in &self.attr.headers {
            if header.name != "content-range" {
                continue;
            }
            let Ok(form) = grammar::content_range(&header.value) else {
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
    fn retry_after_status(&self, wire: Code) {
        if matches!(wire.value, 300..=399 | 413 | 429 | 503) {
            return;
        }
        for source in self.header_sources() {
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

    /// Rules (error) on header fields: one source per header; no field the runtime or the
    /// connection owns; static values well-formed.
    fn headers(&self) {
        let sources = self.header_sources();
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
        for header in &self.attr.headers {
            self.static_value(header);
        }
        if let Some(location) = &self.attr.location {
            self.location(location);
        }
    }

    fn static_value(&self, header: &StaticHeader) {
        let checked =
            grammar::field_value(&header.value).and_then(|()| match header.name.as_str() {
                "location" => grammar::uri_reference(&header.value),
                "retry-after" => grammar::retry_after(&header.value),
                "allow" => grammar::allow(&header.value),
                "www-authenticate" => grammar::challenge(&header.value, "§11.6.1"),
                "proxy-authenticate" => grammar::challenge(&header.value, "§11.7.1"),
                "upgrade" => grammar::upgrade(&header.value),
                "content-range" => grammar::content_range(&header.value).map(|_| ()),
                _ if header.value.is_empty() => Err(
                    "is empty, which sends the field with nothing in it\nhelp: remove the header, or give it a value".to_owned(),
                ),
                _ => Ok(()),
            });
        if let Err(why) = checked {
            self.error(
                header.value_span,
                format!("this {} value {why}", header.name),
            );
        }
    }

    /// `location = "..."`: placeholders name fields; the rest is a URI reference.
    fn location(&self, location: &crate::attr::LocationTemplate) {
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
                        self.cx.error(
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
        if let Err(why) =
            grammar::field_value(&sample).and_then(|()| grammar::uri_reference(&sample))
        {
            self.error(span, format!("this location {why}"));
        }
    }

    /// Rules (error) on field attributes: one `#[body]`, one `#[instance]`; a custom body has
    /// no problem members.
    fn field_roles(&self) {
        let mut body: Option<&Field> = None;
        let mut instance = false;
        for (field, role) in self.variant.fields_with(|_| true) {
            match role {
                FieldRole::Body(span) => {
                    if body.is_some() {
                        self.cx
                            .error(*span, "a second `#[body]` field: a response has one body\nhelp: keep `#[body]` on one field; put the others into its type");
                    }
                    body = Some(field);
                    if let Some((kind, _)) = &self.attr.body {
                        let why = match kind {
                            BodyKind::None => "`body = none` says there is no body",
                            BodyKind::Problem => "`body = problem` asks for a problem-details body",
                        };
                        self.cx.error(*span, format!("a `#[body]` field conflicts with the variant's #[status]: {why}\nhelp: remove one of them"));
                    }
                }
                FieldRole::Instance(span) => {
                    if instance {
                        self.cx.error(
                            *span,
                            "a second `#[instance]` field: a problem has one `instance` (RFC 9457 §3.1.5)\nhelp: keep `#[instance]` on one field",
                        );
                    }
                    instance = true;
                }
                _ => {}
            }
        }
        let Some(body) = body else {
            return;
        };
        let conflict = |span: Span, what: &str| {
            self.error(
                span,
                format!(
                    "{what} is a problem-details member, but the body comes from field `{}`\nhelp: remove it, or remove `#[body]`",
                    body.name
                ),
            );
        };
        for (_, role) in self.variant.fields_with(|role| {
            matches!(role, FieldRole::Extension { .. } | FieldRole::Instance(_))
        }) {
            self.cx.error(
                role.span(),
                format!("a problem member from a field has no place in a custom body (field `{}` is the body)\nhelp: remove it, or remove `#[body]`", body.name),
            );
        }
        if let Some((_, span)) = &self.attr.detail {
            conflict(*span, "`detail`");
        }
        if let Some(title) = &self.attr.title {
            conflict(title.span(), "`title`");
        }
        if let Some(type_uri) = &self.attr.type_uri {
            conflict(type_uri.span(), "`type`");
        }
    }

    /// Rules on problem members: `type` is a URI reference (RFC 9457 §3.1.1); `title` goes with
    /// a `type` (RFC 9457 §4.2.1, "should"); extension names are unique, not standard members,
    /// and (should) letters, digits and `_`, at least three (RFC 9457 §3.2).
    fn problem_members(&self) {
        let no_body = matches!(self.attr.body, Some((BodyKind::None, _)));
        if no_body {
            for (span, _) in self.problem_member_spans() {
                self.error(span, "`body = none` sends no problem, so this member goes nowhere\nhelp: remove it, or remove `body = none`");
            }
        }
        if let Some(type_uri) = &self.attr.type_uri {
            if let Err(why) = grammar::uri_reference(&type_uri.value()) {
                self.error(
                    type_uri.span(),
                    format!(
                        "this problem `type` {why}\nnote: a problem's `type` is a URI reference that names the problem (RFC 9457 §3.1.1)\nhelp: write a URI such as \"https://example.com/probs/out-of-credit\""
                    ),
                );
            }
        }
        if let Some(title) = &self.attr.title {
            if title.value().trim().is_empty() {
                self.error(title.span(), "an empty `title` says nothing (RFC 9457 §3.1.3)\nhelp: remove it to use the reason phrase");
            } else if !no_body
                && self
                    .attr
                    .type_uri
                    .as_ref()
                    .is_none_or(|type_uri| type_uri.value() == "about:blank")
            {
                self.should(
                    Allow::TitleWithoutType,
                    title.span(),
                    "with the default type \"about:blank\", the title is the status's reason phrase (RFC 9457 §4.2.1)\n\
                     help: give this problem its own `type = \"https://example.com/probs/...\"`, or remove `title`",
                );
            }
        }
        if let Some((DetailSpec::Static(text), span)) = &self.attr.detail {
            if text.trim().is_empty() {
                self.error(*span, "an empty `detail` says nothing (RFC 9457 §3.1.4)\nhelp: use `detail = hidden` to send none");
            }
        }
        let mut names: Vec<String> = Vec::new();
        for (field, role) in self
            .variant
            .fields_with(|role| matches!(role, FieldRole::Extension { .. }))
        {
            let FieldRole::Extension { name, span } = role else {
                continue;
            };
            let member = name.clone().unwrap_or_else(|| field.name.clone());
            if name.is_none() && field.name.bytes().all(|b| b.is_ascii_digit()) {
                self.cx.error(
                    *span,
                    "a tuple field needs a member name: `#[extension(\"member_name\")]`",
                );
                continue;
            }
            if ["type", "title", "status", "detail", "instance"].contains(&member.as_str()) {
                self.cx.error(
                    *span,
                    format!("`{member}` is a standard problem member (RFC 9457 §3.1), not an extension\nhelp: rename it: `#[extension(\"{member}_info\")]`"),
                );
            } else if names.contains(&member) {
                self.cx.error(*span, format!("a second extension member named `{member}`: a JSON object's member names are unique (RFC 9457 §3.2, RFC 8259 §4)\nhelp: rename one: `#[extension(\"other_name\")]`"));
            } else {
                let well_formed = member.len() >= 3
                    && member
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_alphabetic())
                    && member
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if !well_formed {
                    let what = if member.len() < 3 {
                        "has fewer than three characters".to_owned()
                    } else if !member.starts_with(|c: char| c.is_ascii_alphabetic()) {
                        "does not start with an ASCII letter".to_owned()
                    } else {
                        let bad = member
                            .chars()
                            .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
                            .unwrap_or('?');
                        format!("has `{bad}`, which is not a letter, digit or `_`")
                    };
                    let renamed = member.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
                    let help = if renamed != member
                        && renamed.len() >= 3
                        && renamed.starts_with(|c: char| c.is_ascii_alphabetic())
                    {
                        format!("rename it: `#[extension(\"{renamed}\")]`")
                    } else {
                        "rename it: `#[extension(\"...\")]` with a letter, then letters, digits or `_`, three at least".to_owned()
                    };
                    self.should(
                        Allow::ExtensionName,
                        *span,
                        format!(
                            "extension member `{member}` {what}; a member name is a letter, then letters, digits or `_`, three at least (RFC 9457 §3.2)\nhelp: {help}"
                        ),
                    );
                }
            }
            names.push(member);
        }
    }

    /// Rule (error): `#[status(transparent)]` delegates to the only field's own `HttpStatus`, so
    /// the variant has exactly one field, and nothing else to say.
    fn transparent(&self) {
        let span = self.attr.transparent.unwrap_or(self.attr.span);
        if self.variant.fields.len() != 1 {
            self.error(
                span,
                format!(
                    "`#[status(transparent)]` needs exactly one field, whose type implements HttpStatus; {} has {}\n\
                     help: give it one field, or a status of its own",
                    self.variant.name(),
                    self.variant.fields.len()
                ),
            );
        }
        for (_, role) in self.variant.fields_with(|_| true) {
            self.cx.error(
                role.span(),
                "a transparent variant takes everything from its field's HttpStatus, so field attributes have no effect here\nhelp: remove it",
            );
        }
        for (key, span) in &self.attr.keys {
            self.error(
                *span,
                format!("`{key}` has no effect with `transparent`, which takes the whole response from the field's HttpStatus\nhelp: remove `{key}`, or give the variant a status of its own instead of `transparent`"),
            );
        }
        for (_, span) in &self.attr.allows {
            self.error(
                *span,
                "`allow(...)` has nothing to allow on a transparent variant\nhelp: remove it",
            );
        }
    }
}
