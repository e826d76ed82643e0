//! Parsing of `#[status(...)]` and of the field attributes. Mistakes of form (unknown or duplicate
//! keys, values of the wrong type) are reported here; HTTP's rules are in `check.rs`.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, LitStr, Token};

use status_codes::syntax;

use crate::ctxt::Ctxt;

pub const STATUS: &str = "status";
pub const HEADER: &str = "header";
pub const LOCATION: &str = "location";
pub const RETRY_AFTER: &str = "retry_after";
pub const BODY: &str = "body";
pub const EXTENSION: &str = "extension";
pub const INSTANCE: &str = "instance";

/// The attributes that belong on a field.
pub const FIELD_ATTRIBUTES: &[&str] = &[HEADER, LOCATION, RETRY_AFTER, BODY, EXTENSION, INSTANCE];

/// The keys of `#[status(...)]`, for "unknown key" suggestions.
pub const KEYS: &[&str] = &[
    "conceal",
    "location",
    "www_authenticate",
    "proxy_authenticate",
    "allow",
    "upgrade",
    "content_range",
    "retry_after",
    "headers",
    "reason",
    "title",
    "type",
    "detail",
    "body",
    "transparent",
];

/// A status code as written: `404` or `NOT_FOUND`.
#[derive(Clone, Copy)]
pub struct Code {
    pub value: u16,
    pub span: Span,
    /// The last token's span: `-404` is two tokens, and stable Rust cannot join spans.
    pub end: Span,
}

/// A header field with a value fixed in the attribute.
#[derive(Clone)]
pub struct StaticHeader {
    /// Lowercase field name.
    pub name: String,
    /// The key or header name as written, for errors.
    pub name_span: Span,
    /// The `http::header` constant to use, when the name was written as one.
    pub constant: Option<Ident>,
    pub value: String,
    pub value_span: Span,
}

/// A `location = "..."` template: literal pieces and placeholders that name fields.
#[derive(Clone)]
pub struct LocationTemplate {
    pub literal: LitStr,
    pub pieces: Vec<TemplatePiece>,
}

#[derive(Clone)]
pub enum TemplatePiece {
    Literal(String),
    Placeholder(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Display,
    Hidden,
}

#[derive(Clone)]
pub enum DetailSpec {
    Kind(Detail),
    Static(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Problem,
}

/// The "should" rules, each with the name of its per-variant opt-out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Allow {
    MissingLocation,
    MissingContentRange,
    RetryAfterStatus,
    UnregisteredStatus,
    ReservedStatus,
    SuccessStatus,
    MultipleChoices,
    ExtensionName,
    TitleWithoutType,
    DistinguishableConceal,
    SourceInDetail,
}

pub const ALLOWS: &[(&str, Allow)] = &[
    ("missing_location", Allow::MissingLocation),
    ("missing_content_range", Allow::MissingContentRange),
    ("retry_after_status", Allow::RetryAfterStatus),
    ("unregistered_status", Allow::UnregisteredStatus),
    ("reserved_status", Allow::ReservedStatus),
    ("success_status", Allow::SuccessStatus),
    ("multiple_choices", Allow::MultipleChoices),
    ("extension_name", Allow::ExtensionName),
    ("title_without_type", Allow::TitleWithoutType),
    ("distinguishable_conceal", Allow::DistinguishableConceal),
    ("source_in_detail", Allow::SourceInDetail),
];

impl Allow {
    pub fn name(self) -> &'static str {
        ALLOWS
            .iter()
            .find(|(_, allow)| *allow == self)
            .map_or("", |(name, _)| name)
    }
}

/// A parsed `#[status(...)]`.
#[derive(Clone)]
pub struct StatusAttr {
    /// The attribute's path, where errors about the attribute as a whole point.
    pub span: Span,
    pub code: Option<Code>,
    pub transparent: Option<Span>,
    /// Every key given besides the code, in order, for `transparent`'s "no other keys".
    pub keys: Vec<(String, Span)>,
    pub conceal: Option<Code>,
    pub location: Option<LocationTemplate>,
    pub headers: Vec<StaticHeader>,
    pub reason: Option<LitStr>,
    pub title: Option<LitStr>,
    pub type_uri: Option<LitStr>,
    pub detail: Option<(DetailSpec, Span)>,
    pub body: Option<(BodyKind, Span)>,
    pub allows: Vec<(Allow, Span)>,
}

impl StatusAttr {
    pub fn allows(&self, allow: Allow) -> bool {
        self.allows.iter().any(|(a, _)| *a == allow)
    }
}

/// A role a field plays in the response.
#[derive(Clone)]
pub enum FieldRole {
    Header {
        name: String,
        constant: Option<Ident>,
        span: Span,
    },
    Location(Span),
    RetryAfter(Span),
    Body(Span),
    Extension {
        name: Option<String>,
        span: Span,
    },
    Instance(Span),
}

impl FieldRole {
    pub fn span(&self) -> Span {
        match self {
            FieldRole::Header { span, .. } | FieldRole::Extension { span, .. } => *span,
            FieldRole::Location(span)
            | FieldRole::RetryAfter(span)
            | FieldRole::Body(span)
            | FieldRole::Instance(span) => *span,
        }
    }
}

/// The value after a key: `key = value`, `key(...)`, or nothing.
enum Value {
    Lit(Lit),
    /// `-` and the literal after it.
    Negative(Span, Span),
    Path(syn::Path),
    /// `key(...)`: the group, whose delimiters give errors at the end of its content a place.
    List(proc_macro2::Group),
    Flag,
}

impl Value {
    fn describe(&self) -> &'static str {
        match self {
            Value::Lit(Lit::Str(_)) => "a string",
            Value::Lit(Lit::Int(_)) | Value::Negative(..) => "a number",
            Value::Lit(Lit::Bool(_)) => "a boolean",
            Value::Lit(_) => "a literal",
            Value::Path(_) => "a name",
            Value::List(..) => "a list",
            Value::Flag => "nothing",
        }
    }
}

/// A literal, or `-` and a literal.
fn parse_literal(input: ParseStream) -> syn::Result<Value> {
    if input.peek(Token![-]) {
        let minus: Token![-] = input.parse()?;
        let lit: Lit = input.parse()?;
        return Ok(Value::Negative(minus.span, lit.span()));
    }
    Ok(Value::Lit(input.parse()?))
}

fn parse_value(input: ParseStream) -> syn::Result<Value> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        if input.peek(Lit) || input.peek(Token![-]) {
            return parse_literal(input);
        }
        if input.peek(Ident::peek_any) || input.peek(Token![::]) {
            return Ok(Value::Path(input.call(syn::Path::parse_mod_style)?));
        }
        return Err(input.error("expected a value after `=`: a number, a string or a name"));
    }
    if input.peek(syn::token::Paren) {
        if let proc_macro2::TokenTree::Group(group) = input.parse()? {
            return Ok(Value::List(group));
        }
    }
    Ok(Value::Flag)
}

/// Whether `path` is a bare name, or a path whose next-to-last segment is `parent`
/// (`StatusCode::NOT_FOUND`, `http::header::ETAG`): anything else would be ignored silently.
fn qualified_by(path: &syn::Path, parent: &str) -> bool {
    let segments: Vec<&syn::PathSegment> = path.segments.iter().collect();
    match segments.as_slice() {
        [_] => path.leading_colon.is_none(),
        [.., before, _] => before.ident == parent,
        [] => false,
    }
}

/// Runs `parser` on the content of a parenthesized group, so that an error at the end of the
/// content points at the closing parenthesis rather than at the derive.
fn in_parens<T>(
    parser: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> impl FnOnce(ParseStream) -> syn::Result<T> {
    move |input: ParseStream| {
        let content;
        syn::parenthesized!(content in input);
        parser(&content)
    }
}

/// Skips to the next top-level comma, after an error inside one item.
fn skip_item(input: ParseStream) {
    while !input.is_empty() && !input.peek(Token![,]) {
        if input.parse::<proc_macro2::TokenTree>().is_err() {
            return;
        }
    }
}

/// The closest known name to `unknown`, if one is close enough to be a likely typo.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown_lower = unknown.to_ascii_lowercase();
    known
        .into_iter()
        .map(|candidate| {
            (
                edit_distance(&unknown_lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, candidate)| *distance <= (candidate.len().max(3) / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

/// Parses `404`, `NOT_FOUND` or `StatusCode::NOT_FOUND` into a code. The range is checked in
/// `check.rs`, with the other rules.
fn code_from_value(cx: &Ctxt, value: &Value, what: &str) -> Option<Code> {
    match value {
        Value::Lit(Lit::Int(lit)) => match lit.base10_parse::<u16>() {
            Ok(value) if lit.suffix().is_empty() => Some(Code {
                value,
                span: lit.span(),
                end: lit.span(),
            }),
            Ok(_) => {
                cx.error(
                    lit.span(),
                    format!("{what} is a plain number such as `404`, without a type suffix"),
                );
                None
            }
            // Too large for u16: certainly outside 100..=599, and reported as such.
            Err(_) => Some(Code {
                value: u16::MAX,
                span: lit.span(),
                end: lit.span(),
            }),
        },
        Value::Negative(minus, lit) => Some(Code {
            value: 0,
            span: *minus,
            end: *lit,
        }),
        Value::Path(path) => {
            let ident = path.segments.last().map(|segment| &segment.ident)?;
            if !qualified_by(path, "StatusCode") {
                cx.error_spanned_by(
                    path,
                    format!(
                        "write the status code's name alone, `{ident}`, or as `StatusCode::{ident}`"
                    ),
                );
                return None;
            }
            let name = ident.to_string();
            match status_codes::by_name(&name) {
                Some(row) => Some(Code {
                    value: row.code,
                    span: path.span(),
                    end: ident.span(),
                }),
                None => {
                    let names = status_codes::REGISTRY
                        .iter()
                        .map(|row| row.name)
                        .chain(status_codes::ALIASES.iter().map(|(alias, _)| *alias));
                    cx.error(
                        ident.span(),
                        format!(
                            "unknown status code name `{name}`{}\n\
                             help: use a registered name such as `NOT_FOUND`, or the number",
                            did_you_mean(closest(&name, names))
                        ),
                    );
                    None
                }
            }
        }
        other => {
            cx.error(
                value_span(other),
                format!(
                    "{what} must be a number such as `404` or a name such as `NOT_FOUND`, not {}",
                    other.describe()
                ),
            );
            None
        }
    }
}

fn value_span(value: &Value) -> Span {
    match value {
        Value::Lit(lit) => lit.span(),
        Value::Negative(span, _) => *span,
        Value::List(group) => group.span(),
        Value::Path(path) => path.span(),
        Value::Flag => Span::call_site(),
    }
}

fn string_value(cx: &Ctxt, key: &Ident, value: &Value, example: &str) -> Option<LitStr> {
    match value {
        Value::Lit(Lit::Str(lit)) => Some(lit.clone()),
        Value::Flag => {
            cx.error(
                key.span(),
                format!("`{key}` needs a value: `{key} = {example}`"),
            );
            None
        }
        other => {
            cx.error(
                value_span(other),
                format!(
                    "`{key}` takes a string, not {}: `{key} = {example}`",
                    other.describe()
                ),
            );
            None
        }
    }
}

/// The keys that are shortcuts for a header field with a fixed string value: key, field name,
/// `http::header` constant, an example value for messages.
const SHORTCUTS: &[(&str, &str, &str, &str)] = &[
    (
        "www_authenticate",
        "www-authenticate",
        "WWW_AUTHENTICATE",
        "r#\"Bearer realm=\"api\"\"#",
    ),
    (
        "proxy_authenticate",
        "proxy-authenticate",
        "PROXY_AUTHENTICATE",
        "r#\"Basic realm=\"proxy\"\"#",
    ),
    ("allow", "allow", "ALLOW", "\"GET, HEAD\""),
    ("upgrade", "upgrade", "UPGRADE", "\"websocket\""),
    (
        "content_range",
        "content-range",
        "CONTENT_RANGE",
        "\"bytes */47022\"",
    ),
];

pub fn parse_status_attr(cx: &Ctxt, attr: &Attribute) -> Option<StatusAttr> {
    let span = attr.path().span();
    let tokens = match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        syn::Meta::Path(path) => {
            cx.error_spanned_by(
                path,
                "`#[status]` needs a status code: `#[status(404)]` or `#[status(NOT_FOUND)]`",
            );
            return None;
        }
        syn::Meta::NameValue(meta) => {
            cx.error_spanned_by(meta, "write `#[status(404)]`, not `#[status = ...]`");
            return None;
        }
    };
    let mut parsed = StatusAttr {
        span,
        code: None,
        transparent: None,
        keys: Vec::new(),
        conceal: None,
        location: None,
        headers: Vec::new(),
        reason: None,
        title: None,
        type_uri: None,
        detail: None,
        body: None,
        allows: Vec::new(),
    };
    if tokens.is_empty() {
        cx.error_spanned_by(
            &attr.meta,
            "`#[status(...)]` needs a status code: `#[status(404)]` or `#[status(NOT_FOUND)]`",
        );
        return None;
    }
    let before = cx.error_count();
    let parser = |input: ParseStream| -> syn::Result<()> {
        let mut first = true;
        let mut seen: Vec<String> = Vec::new();
        while !input.is_empty() {
            parse_status_item(cx, input, &mut parsed, first, &mut seen);
            first = false;
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(error) = attr.parse_args_with(parser) {
        cx.syn_error(error);
    }
    if parsed.code.is_none() && parsed.transparent.is_none() && cx.error_count() == before {
        cx.error(
            span,
            "`#[status(...)]` needs a status code, first: `#[status(404, ...)]`, `#[status(NOT_FOUND, ...)]` or `#[status(transparent)]`",
        );
    }
    Some(parsed)
}

fn parse_status_item(
    cx: &Ctxt,
    input: ParseStream,
    parsed: &mut StatusAttr,
    first: bool,
    seen: &mut Vec<String>,
) {
    // The code comes first: a number, or a name not followed by `=` or `(`.
    if first {
        if input.peek(Lit) || input.peek(Token![-]) {
            match parse_literal(input) {
                Ok(value) => parsed.code = code_from_value(cx, &value, "the status code"),
                Err(error) => cx.syn_error(error),
            }
            return;
        }
        let fork = input.fork();
        let is_code = fork.call(syn::Path::parse_mod_style).is_ok()
            && (fork.is_empty() || fork.peek(Token![,]));
        if is_code {
            let Ok(path) = input.call(syn::Path::parse_mod_style) else {
                return;
            };
            if path.is_ident("transparent") {
                parsed.transparent = Some(path.span());
            } else {
                parsed.code = code_from_value(cx, &Value::Path(path), "the status code");
            }
            return;
        }
    }

    // A number where a key belongs: a code out of place, or a second one.
    if input.peek(Lit) || input.peek(Token![-]) {
        let message = if parsed.code.is_some() || parsed.transparent.is_some() {
            "a variant has one status code: remove this one"
        } else {
            "the status code comes first: `#[status(301, location = \"/new-event\")]`"
        };
        cx.error(input.span(), message);
        skip_item(input);
        return;
    }
    let key = match input.call(Ident::parse_any) {
        Ok(key) => key,
        Err(_) => {
            if !first {
                cx.error(
                    input.span(),
                    "expected a key such as `location = \"/path\"`",
                );
            }
            skip_item(input);
            return;
        }
    };
    let value = match parse_value(input) {
        Ok(value) => value,
        Err(error) => {
            cx.syn_error(error);
            skip_item(input);
            return;
        }
    };
    let name = key.unraw().to_string();

    // A bare number or name after the first item is a second code.
    if !first
        && matches!(value, Value::Flag)
        && name != "transparent"
        && status_codes::by_name(&name).is_some()
    {
        cx.error(
            key.span(),
            "the status code comes first, and only once: `#[status(404, ...)]`",
        );
        return;
    }
    let is_list_allow = name == "allow" && matches!(value, Value::List(..));
    let dedup_name = if is_list_allow {
        "allow(...)".to_owned()
    } else {
        name.clone()
    };
    if seen.contains(&dedup_name) {
        cx.error(
            key.span(),
            format!("duplicate key `{dedup_name}` in #[status]"),
        );
        return;
    }
    seen.push(dedup_name);
    if !is_list_allow {
        parsed.keys.push((name.clone(), key.span()));
    }

    match name.as_str() {
        "transparent" => {
            if !matches!(value, Value::Flag) {
                cx.error(key.span(), "`transparent` takes no value");
            }
            cx.error(
                key.span(),
                "`transparent` stands alone: `#[status(transparent)]` delegates everything to the field's own HttpStatus",
            );
        }
        "conceal" => {
            if matches!(value, Value::Flag) {
                cx.error(key.span(), "`conceal` needs the status to answer instead: `conceal = 404`");
            } else {
                parsed.conceal = code_from_value(cx, &value, "`conceal`");
            }
        }
        "location" => {
            if let Some(literal) = string_value(cx, &key, &value, "\"/new-event\"") {
                parsed.location = parse_template(cx, literal);
            }
        }
        "allow" if is_list_allow => {
            if let Value::List(group) = value {
                parse_allows(cx, group, parsed);
            }
        }
        "retry_after" => {
            let (text, value_span) = match &value {
                Value::Lit(Lit::Int(lit)) => (lit.base10_digits().to_owned(), lit.span()),
                Value::Negative(span, _) => {
                    cx.error(*span, "`retry_after` is a delay in seconds, which is never negative (RFC 9110 §10.2.3): `retry_after = 120`");
                    return;
                }
                Value::Lit(Lit::Float(lit)) => {
                    cx.error(lit.span(), "`retry_after` is a whole number of seconds (RFC 9110 §10.2.3): `retry_after = 2`");
                    return;
                }
                _ => match string_value(cx, &key, &value, "120") {
                    Some(lit) => (lit.value(), lit.span()),
                    None => return,
                },
            };
            parsed.headers.push(StaticHeader {
                name: "retry-after".to_owned(),
                name_span: key.span(),
                constant: Some(Ident::new("RETRY_AFTER", key.span())),
                value: text,
                value_span,
            });
        }
        _ if SHORTCUTS.iter().any(|(shortcut, ..)| *shortcut == name) => {
            let Some(&(_, header, constant, example)) =
                SHORTCUTS.iter().find(|(shortcut, ..)| *shortcut == name)
            else {
                return;
            };
            if let Some(lit) = string_value(cx, &key, &value, example) {
                parsed.headers.push(StaticHeader {
                    name: header.to_owned(),
                    name_span: key.span(),
                    constant: Some(Ident::new(constant, key.span())),
                    value: lit.value(),
                    value_span: lit.span(),
                });
            }
        }
        "headers" => match value {
            Value::List(group) => parse_headers(cx, group, parsed),
            other => cx.error(
                if matches!(other, Value::Flag) { key.span() } else { value_span(&other) },
                "`headers` takes a list: `headers(CACHE_CONTROL = \"no-store\", \"x-request-kind\" = \"order\")`",
            ),
        },
        "reason" => parsed.reason = string_value(cx, &key, &value, "\"Client Closed Request\""),
        "title" => parsed.title = string_value(cx, &key, &value, "\"Out of credit\""),
        "type" => parsed.type_uri = string_value(cx, &key, &value, "\"https://example.com/probs/out-of-credit\""),
        "detail" => {
            let spec = match &value {
                Value::Lit(Lit::Str(lit)) => Some(DetailSpec::Static(lit.value())),
                Value::Path(path) if path.is_ident("display") => Some(DetailSpec::Kind(Detail::Display)),
                Value::Path(path) if path.is_ident("hidden") => Some(DetailSpec::Kind(Detail::Hidden)),
                _ => None,
            };
            match spec {
                Some(spec) => parsed.detail = Some((spec, value_span(&value).join(key.span()).unwrap_or(key.span()))),
                None => cx.error(
                    if matches!(value, Value::Flag) { key.span() } else { value_span(&value) },
                    "`detail` is `display` (the error's Display output), `hidden`, or a string",
                ),
            }
        }
        "body" => {
            let kind = match &value {
                Value::Path(path) if path.is_ident("none") => Some(BodyKind::None),
                Value::Path(path) if path.is_ident("problem") => Some(BodyKind::Problem),
                _ => None,
            };
            match kind {
                Some(kind) => parsed.body = Some((kind, key.span())),
                None => cx.error(
                    if matches!(value, Value::Flag) { key.span() } else { value_span(&value) },
                    "`body` is `none` or `problem`; a custom body comes from a field marked `#[body]`",
                ),
            }
        }
        _ => {
            let names = KEYS.iter().copied().chain(["allow(...)"]);
            let mut message = format!(
                "unknown key `{name}` in #[status]{}",
                did_you_mean(closest(&name, names))
            );
            if FIELD_ATTRIBUTES.contains(&name.as_str()) && name != "location" && name != "retry_after" {
                message.push_str(&format!("\nnote: `#[{name}]` is a field attribute: put it on the field"));
            } else if ALLOWS.iter().any(|(allow, _)| *allow == name) {
                message.push_str(&format!("\nhelp: opt-outs go inside `allow(...)`: `allow({name})`"));
            }
            cx.error(key.span(), message);
        }
    }
}

fn parse_allows(cx: &Ctxt, group: proc_macro2::Group, parsed: &mut StatusAttr) {
    let names = in_parens(syn::punctuated::Punctuated::<Ident, Token![,]>::parse_terminated)
        .parse2(group.into_token_stream());
    let names = match names {
        Ok(names) => names,
        Err(error) => {
            cx.error(
                error.span(),
                "`allow(...)` takes rule names, such as `allow(missing_location)`",
            );
            return;
        }
    };
    for name in names {
        let text = name.to_string();
        match ALLOWS.iter().find(|(allow, _)| *allow == text) {
            Some((_, allow)) if parsed.allows(*allow) => {
                cx.error(name.span(), format!("`{text}` is already allowed"));
            }
            Some((_, allow)) => parsed.allows.push((*allow, name.span())),
            None => {
                let known: Vec<&str> = ALLOWS.iter().map(|(name, _)| *name).collect();
                cx.error(
                    name.span(),
                    format!(
                        "unknown rule `{text}` in allow(...){}\nnote: the rules that can be allowed are: {}{}",
                        did_you_mean(closest(&text, known.iter().copied())),
                        known.join(", "),
                        if text.bytes().all(|b| b.is_ascii_uppercase()) {
                            "\nhelp: the Allow header field is written `allow = \"GET, HEAD\"`"
                        } else {
                            ""
                        }
                    ),
                );
            }
        }
    }
}

/// `headers(CACHE_CONTROL = "no-store", "x-request-kind" = "order")`.
fn parse_headers(cx: &Ctxt, group: proc_macro2::Group, parsed: &mut StatusAttr) {
    let parser = |input: ParseStream| -> syn::Result<()> {
        while !input.is_empty() {
            let (name, constant, name_span) = parse_header_name(cx, input)?;
            if !input.peek(Token![=]) {
                cx.error(
                    name_span,
                    "a header in `headers(...)` needs a value: `CACHE_CONTROL = \"no-store\"`",
                );
                skip_item(input);
                if input.is_empty() {
                    break;
                }
                input.parse::<Token![,]>()?;
                continue;
            }
            input.parse::<Token![=]>()?;
            let value: Lit = input.parse()?;
            match value {
                Lit::Str(lit) => {
                    if let Some(name) = name {
                        parsed.headers.push(StaticHeader {
                            name,
                            name_span,
                            constant,
                            value: lit.value(),
                            value_span: lit.span(),
                        });
                    }
                }
                other => cx.error(
                    other.span(),
                    "a header value is a string: `CACHE_CONTROL = \"no-store\"`",
                ),
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(error) = in_parens(parser).parse2(group.into_token_stream()) {
        cx.error(
            error.span(),
            format!("{error}\nnote: `headers` takes `NAME = \"value\"` pairs: `headers(CACHE_CONTROL = \"no-store\", \"x-request-kind\" = \"order\")`"),
        );
    }
}

/// A header name written as an `http::header` constant (`ETAG`) or a string (`"x-request-id"`).
/// Returns the lowercase name, or `None` after reporting an invalid one.
fn parse_header_name(
    cx: &Ctxt,
    input: ParseStream,
) -> syn::Result<(Option<String>, Option<Ident>, Span)> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        let name = lit.value();
        if !syntax::is_token(&name) {
            cx.error(
                lit.span(),
                format!(
                    "`{}` is not a header field name: a name is a token of letters, digits and `!#$%&'*+-.^_`|~` (RFC 9110 §5.1)",
                    name.escape_debug()
                ),
            );
            return Ok((None, None, lit.span()));
        }
        return Ok((Some(name.to_ascii_lowercase()), None, lit.span()));
    }
    let path = input.call(syn::Path::parse_mod_style)?;
    let Some(ident) = path.segments.last().map(|segment| segment.ident.clone()) else {
        return Err(syn::Error::new(path.span(), "expected a header name"));
    };
    if !qualified_by(&path, "header") {
        cx.error_spanned_by(
            &path,
            format!("write the header's `http::header` constant alone, `{ident}`, or as `header::{ident}`"),
        );
        return Ok((None, None, ident.span()));
    }
    let text = ident.to_string();
    if !text
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        cx.error(
            ident.span(),
            format!("a header name is an `http::header` constant such as `ETAG`, or a string such as \"x-{}\"", text.to_ascii_lowercase().replace('_', "-")),
        );
        return Ok((None, None, ident.span()));
    }
    Ok((
        Some(text.to_ascii_lowercase().replace('_', "-")),
        Some(ident.clone()),
        ident.span(),
    ))
}

fn parse_template(cx: &Ctxt, literal: LitStr) -> Option<LocationTemplate> {
    let text = literal.value();
    let mut pieces = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        if rest[..open].contains('}') {
            cx.error(literal.span(), "`}` without `{` in `location`: a placeholder is a field name in braces, such as \"/order-result/{id}\"");
            return None;
        }
        if open > 0 {
            pieces.push(TemplatePiece::Literal(rest[..open].to_owned()));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            cx.error(
                literal.span(),
                "unclosed `{` in `location`: a placeholder is a field name in braces, such as \"/order-result/{id}\"",
            );
            return None;
        };
        // `{r#type}` and `{type}` both name the field `r#type`.
        let name = after[..close].trim();
        let name = name.strip_prefix("r#").unwrap_or(name);
        let valid = !name.is_empty()
            && (name.bytes().all(|b| b.is_ascii_digit())
                || Ident::parse_any.parse_str(name).is_ok());
        if !valid {
            cx.error(
                literal.span(),
                format!("`{{{}}}` in `location` is not a placeholder: write a field name in braces, such as `{{id}}`", &after[..close]),
            );
            return None;
        }
        pieces.push(TemplatePiece::Placeholder(name.to_owned()));
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        cx.error(literal.span(), "`}` without `{` in `location`: a placeholder is a field name in braces, such as \"/order-result/{id}\"");
        return None;
    }
    if !rest.is_empty() {
        pieces.push(TemplatePiece::Literal(rest.to_owned()));
    }
    Some(LocationTemplate { literal, pieces })
}

/// Parses the field attributes of one field.
pub fn parse_field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Vec<FieldRole> {
    let mut roles = Vec::new();
    for attr in attrs {
        let path = attr.path();
        let span = path.span();
        let Some(name) = path.get_ident().map(Ident::to_string) else {
            continue;
        };
        let no_arguments = |role: FieldRole| -> Option<FieldRole> {
            if let syn::Meta::Path(_) = attr.meta {
                Some(role)
            } else {
                cx.error_spanned_by(&attr.meta, format!("`#[{name}]` takes no arguments"));
                None
            }
        };
        let role = match name.as_str() {
            HEADER => parse_field_header(cx, attr),
            LOCATION => no_arguments(FieldRole::Location(span)),
            RETRY_AFTER => no_arguments(FieldRole::RetryAfter(span)),
            BODY => no_arguments(FieldRole::Body(span)),
            INSTANCE => no_arguments(FieldRole::Instance(span)),
            EXTENSION => match &attr.meta {
                syn::Meta::Path(_) => Some(FieldRole::Extension { name: None, span }),
                syn::Meta::List(list) => match list.parse_args::<LitStr>() {
                    Ok(lit) => Some(FieldRole::Extension {
                        name: Some(lit.value()),
                        span: lit.span(),
                    }),
                    Err(_) => {
                        cx.error_spanned_by(list, "write `#[extension]`, or `#[extension(\"member_name\")]` to rename the member");
                        None
                    }
                },
                syn::Meta::NameValue(meta) => {
                    cx.error_spanned_by(
                        meta,
                        "write `#[extension(\"member_name\")]` to rename the member",
                    );
                    None
                }
            },
            STATUS => {
                cx.error(
                    span,
                    "`#[status]` belongs on a variant or on the type, not on a field",
                );
                None
            }
            _ => None,
        };
        if let Some(role) = role {
            // One field can give several headers, but each role and each header once.
            let duplicate = roles
                .iter()
                .any(|existing: &FieldRole| match (existing, &role) {
                    (FieldRole::Header { name: a, .. }, FieldRole::Header { name: b, .. }) => {
                        a == b
                    }
                    (FieldRole::Header { .. }, _) | (_, FieldRole::Header { .. }) => false,
                    _ => std::mem::discriminant(existing) == std::mem::discriminant(&role),
                });
            if duplicate {
                cx.error(span, format!("duplicate `#[{name}]` on this field"));
            } else {
                roles.push(role);
            }
        }
    }
    roles
}

fn parse_field_header(cx: &Ctxt, attr: &Attribute) -> Option<FieldRole> {
    let syn::Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(
            &attr.meta,
            "`#[header]` names the header field: `#[header(ETAG)]` or `#[header(\"x-request-id\")]`",
        );
        return None;
    };
    let parser = |input: ParseStream| {
        let parsed = parse_header_name(cx, input)?;
        if !input.is_empty() {
            return Err(input.error("`#[header]` takes one header name"));
        }
        Ok(parsed)
    };
    match list.parse_args_with(parser) {
        Ok((Some(name), constant, span)) => Some(FieldRole::Header {
            name,
            constant,
            span,
        }),
        Ok((None, ..)) => None,
        Err(error) => {
            cx.error(
                error.span(),
                format!("{error}: write `#[header(ETAG)]` or `#[header(\"x-request-id\")]`"),
            );
            None
        }
    }
}
