//! `#[status(...)]`: the status code first, then keys, each parsed by its entry in [`KEYS`].

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, Token};

use super::value::{
    Value, code_from_value, in_parens, parse_header_name, parse_literal, parse_template,
    parse_value, skip_item, string_value, value_span,
};
use super::{
    ALLOWS, BodyKind, Detail, DetailSpec, FIELD_ATTRIBUTES, Place, StaticHeader, StatusAttr,
    TYPE_KEYS, closest, did_you_mean,
};
use crate::ctxt::Ctxt;

/// One key of `#[status(...)]`: the name written, and what parses its value. Dispatch and the
/// "did you mean" suggestions read this one table, so they cannot disagree.
struct Key {
    name: &'static str,
    parse: Parse,
}

enum Parse {
    /// A key with a parser of its own.
    With(fn(&Ctxt, &Ident, Value, &mut StatusAttr)),
    /// A shortcut for a header field with a fixed string value: the field's lowercase name, its
    /// `http::header` constant, and an example value for messages.
    Header {
        name: &'static str,
        constant: &'static str,
        example: &'static str,
    },
}

/// Every key, in the order "did you mean" weighs them.
const KEYS: &[Key] = &[
    // #[status(403, conceal = 404)]
    Key {
        name: "conceal",
        parse: Parse::With(conceal),
    },
    // #[status(303, location = "/order-result/{id}")]
    Key {
        name: "location",
        parse: Parse::With(location),
    },
    // #[status(401, www_authenticate = r#"Bearer realm="api""#)]
    Key {
        name: "www_authenticate",
        parse: Parse::Header {
            name: "www-authenticate",
            constant: "WWW_AUTHENTICATE",
            example: "r#\"Bearer realm=\"api\"\"#",
        },
    },
    // #[status(407, proxy_authenticate = r#"Basic realm="proxy""#)]
    Key {
        name: "proxy_authenticate",
        parse: Parse::Header {
            name: "proxy-authenticate",
            constant: "PROXY_AUTHENTICATE",
            example: "r#\"Basic realm=\"proxy\"\"#",
        },
    },
    // #[status(405, allow = "GET, HEAD")]; `allow(...)` with a list is the opt-outs (ALLOW_LIST).
    Key {
        name: "allow",
        parse: Parse::Header {
            name: "allow",
            constant: "ALLOW",
            example: "\"GET, HEAD\"",
        },
    },
    // #[status(426, upgrade = "websocket")]
    Key {
        name: "upgrade",
        parse: Parse::Header {
            name: "upgrade",
            constant: "UPGRADE",
            example: "\"websocket\"",
        },
    },
    // #[status(416, content_range = "bytes */47022")]
    Key {
        name: "content_range",
        parse: Parse::Header {
            name: "content-range",
            constant: "CONTENT_RANGE",
            example: "\"bytes */47022\"",
        },
    },
    // #[status(503, retry_after = 120)]
    Key {
        name: "retry_after",
        parse: Parse::With(retry_after),
    },
    // #[status(404, headers(CACHE_CONTROL = "no-store", "x-request-kind" = "order"))]
    Key {
        name: "headers",
        parse: Parse::With(headers),
    },
    // #[status(499, reason = "Client Closed Request")]
    Key {
        name: "reason",
        parse: Parse::With(reason),
    },
    // #[status(403, type = "https://example.com/probs/out-of-credit", title = "Out of credit")]
    Key {
        name: "title",
        parse: Parse::With(title),
    },
    Key {
        name: "type",
        parse: Parse::With(type_uri),
    },
    // #[status(404, detail = hidden)], `detail = display`, `detail = "..."`
    Key {
        name: "detail",
        parse: Parse::With(detail),
    },
    // #[status(303, body = problem)], `body = none`
    Key {
        name: "body",
        parse: Parse::With(body),
    },
    // #[status(format = status_core::format::HtmlPage)], on the type: its response format.
    Key {
        name: "format",
        parse: Parse::With(format),
    },
    // #[status(integrations = none)], on the type: no framework impls, to write your own.
    Key {
        name: "integrations",
        parse: Parse::With(integrations),
    },
    // #[status(transparent)] stands alone; as a later key it is a mistake.
    Key {
        name: "transparent",
        parse: Parse::With(transparent),
    },
];

/// The opt-outs, `allow(missing_location, ...)`: the key `allow` with a list.
const ALLOW_LIST: &str = "allow(...)";

/// The names of the keys `#[status(...)]` accepts besides the code.
pub fn key_names() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(|key| key.name)
}

/// Parses `#[status(...)]` written at `place`; `None` when it has no arguments to parse.
pub fn parse_status_attr(cx: &Ctxt, attr: &Attribute, place: Place) -> Option<StatusAttr> {
    let span = attr.path().span();
    let tokens = match &attr.meta {
        syn::Meta::List(list) => &list.tokens,
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
    if tokens.is_empty() {
        cx.error_spanned_by(
            &attr.meta,
            "`#[status(...)]` needs a status code: `#[status(404)]` or `#[status(NOT_FOUND)]`",
        );
        return None;
    }
    let mut parsed = StatusAttr::new(span);
    let ((), malformed) = cx.scoped(|cx| {
        if let Err(error) = attr.parse_args_with(|input: ParseStream| items(cx, input, &mut parsed))
        {
            cx.syn_error(error);
        }
    });
    if place == Place::Variant {
        reject_type_keys(cx, &parsed);
    }
    let only_type_keys = place == Place::Enum && parsed.has_type_keys();
    if parsed.code.is_none() && parsed.transparent.is_none() && !malformed && !only_type_keys {
        cx.error(
            span,
            "`#[status(...)]` needs a status code, first: `#[status(404, ...)]`, `#[status(NOT_FOUND, ...)]` or `#[status(transparent)]`",
        );
    }
    Some(parsed)
}

/// The type-level keys on a variant: each is an error that says where it goes.
fn reject_type_keys(cx: &Ctxt, parsed: &StatusAttr) {
    for (name, span) in &parsed.keys {
        if TYPE_KEYS.contains(&name.as_str()) {
            let example = match name.as_str() {
                "format" => "format = status_core::format::HtmlPage",
                _ => "integrations = none",
            };
            cx.error(
                *span,
                format!(
                    "`{name}` is chosen for the whole type, not per variant: put it in a `#[status({example})]` above the enum"
                ),
            );
        }
    }
}

/// The comma-separated items: the code first, then keys, each once.
fn items(cx: &Ctxt, input: ParseStream, parsed: &mut StatusAttr) -> syn::Result<()> {
    let mut first = true;
    let mut seen: Vec<String> = Vec::new();
    while !input.is_empty() {
        if !(first && code(cx, input, parsed)) {
            key(cx, input, parsed, first, &mut seen);
        }
        first = false;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// The status code, which comes first: a number, or a name not followed by `=` or `(`. Whether
/// the item was one.
fn code(cx: &Ctxt, input: ParseStream, parsed: &mut StatusAttr) -> bool {
    if input.peek(Lit) || input.peek(Token![-]) {
        match parse_literal(input) {
            Ok(value) => parsed.code = code_from_value(cx, &value, "the status code"),
            Err(error) => cx.syn_error(error),
        }
        return true;
    }
    let fork = input.fork();
    let is_code =
        fork.call(syn::Path::parse_mod_style).is_ok() && (fork.is_empty() || fork.peek(Token![,]));
    if !is_code {
        return false;
    }
    if let Ok(path) = input.call(syn::Path::parse_mod_style) {
        if path.is_ident("transparent") {
            parsed.transparent = Some(path.span());
        } else {
            parsed.code = code_from_value(cx, &Value::Path(path), "the status code");
        }
    }
    true
}

/// One `key`, `key = value` or `key(...)` after the code.
fn key(
    cx: &Ctxt,
    input: ParseStream,
    parsed: &mut StatusAttr,
    first: bool,
    seen: &mut Vec<String>,
) {
    let Some((key, value)) = key_and_value(cx, input, parsed, first) else {
        return;
    };
    let name = key.unraw().to_string();
    if !first
        && matches!(value, Value::Flag)
        && name != "transparent"
        && status_codes::by_name(&name).is_some()
    {
        // A bare name after the first item is a second code.
        cx.error(
            key.span(),
            "the status code comes first, and only once: `#[status(404, ...)]`",
        );
        return;
    }
    let is_list_allow = name == "allow" && matches!(value, Value::List(..));
    let scope = if is_list_allow {
        ALLOW_LIST.to_owned()
    } else {
        name.clone()
    };
    if seen.contains(&scope) {
        cx.error(key.span(), format!("duplicate key `{scope}` in #[status]"));
        return;
    }
    seen.push(scope);
    match value {
        Value::List(group) if is_list_allow => parse_allows(cx, group, parsed),
        value => {
            parsed.keys.push((name.clone(), key.span()));
            match KEYS.iter().find(|known| known.name == name) {
                Some(known) => known.parse(cx, &key, value, parsed),
                None => unknown(cx, &key, &name),
            }
        }
    }
}

/// The key and its value, or `None` after reporting what stands where a key belongs and
/// skipping to the next item.
fn key_and_value(
    cx: &Ctxt,
    input: ParseStream,
    parsed: &StatusAttr,
    first: bool,
) -> Option<(Ident, Value)> {
    // A number where a key belongs: a code out of place, or a second one.
    if input.peek(Lit) || input.peek(Token![-]) {
        let message = if parsed.code.is_some() || parsed.transparent.is_some() {
            "a variant has one status code: remove this one"
        } else {
            "the status code comes first: `#[status(301, location = \"/new-event\")]`"
        };
        cx.error(input.span(), message);
        skip_item(input);
        return None;
    }
    let Ok(key) = input.call(Ident::parse_any) else {
        if !first {
            cx.error(
                input.span(),
                "expected a key such as `location = \"/path\"`",
            );
        }
        skip_item(input);
        return None;
    };
    match parse_value(input) {
        Ok(value) => Some((key, value)),
        Err(error) => {
            cx.syn_error(error);
            skip_item(input);
            None
        }
    }
}

impl Key {
    fn parse(&self, cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
        match self.parse {
            Parse::With(parse) => parse(cx, key, value, parsed),
            Parse::Header {
                name,
                constant,
                example,
            } => {
                if let Some(lit) = string_value(cx, key, &value, example) {
                    parsed.headers.push(StaticHeader {
                        name: name.to_owned(),
                        name_span: key.span(),
                        constant: Some(Ident::new(constant, key.span())),
                        value: lit.value(),
                        value_span: lit.span(),
                    });
                }
            }
        }
    }
}

fn unknown(cx: &Ctxt, key: &Ident, name: &str) {
    let names = key_names().chain([ALLOW_LIST]);
    let mut message = format!(
        "unknown key `{name}` in #[status]{}",
        did_you_mean(closest(name, names))
    );
    if FIELD_ATTRIBUTES.contains(&name) && name != "location" && name != "retry_after" {
        message.push_str(&format!(
            "\nnote: `#[{name}]` is a field attribute: put it on the field"
        ));
    } else if ALLOWS.iter().any(|(allow, _)| *allow == name) {
        message.push_str(&format!(
            "\nhelp: opt-outs go inside `allow(...)`: `allow({name})`"
        ));
    }
    cx.error(key.span(), message);
}

/// The span to report a key's bad value at: the value, or the key when it has none.
fn value_or_key(key: &Ident, value: &Value) -> Span {
    if matches!(value, Value::Flag) {
        key.span()
    } else {
        value_span(value)
    }
}

fn conceal(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    if matches!(value, Value::Flag) {
        cx.error(
            key.span(),
            "`conceal` needs the status to answer instead: `conceal = 404`",
        );
    } else {
        parsed.conceal_with = code_from_value(cx, &value, "`conceal`");
    }
}

fn location(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    if let Some(literal) = string_value(cx, key, &value, "\"/new-event\"") {
        parsed.location = parse_template(cx, literal);
    }
}

fn retry_after(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    let (text, value_span) = match &value {
        Value::Lit(Lit::Int(lit)) => (lit.base10_digits().to_owned(), lit.span()),
        Value::Negative(span, _) => {
            cx.error(*span, "`retry_after` is a delay in seconds, which is never negative (RFC 9110 §10.2.3): `retry_after = 120`");
            return;
        }
        Value::Lit(Lit::Float(lit)) => {
            cx.error(
                lit.span(),
                "`retry_after` is a whole number of seconds (RFC 9110 §10.2.3): `retry_after = 2`",
            );
            return;
        }
        _ => match string_value(cx, key, &value, "120") {
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

fn headers(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    match value {
        Value::List(group) => parse_headers(cx, group, parsed),
        other => cx.error(
            value_or_key(key, &other),
            "`headers` takes a list: `headers(CACHE_CONTROL = \"no-store\", \"x-request-kind\" = \"order\")`",
        ),
    }
}

fn reason(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    parsed.reason = string_value(cx, key, &value, "\"Client Closed Request\"");
}

fn title(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    parsed.title = string_value(cx, key, &value, "\"Out of credit\"");
}

fn type_uri(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    parsed.type_uri = string_value(
        cx,
        key,
        &value,
        "\"https://example.com/probs/out-of-credit\"",
    );
}

fn detail(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    let spec = match &value {
        Value::Lit(Lit::Str(lit)) => Some(DetailSpec::Static(lit.value())),
        Value::Path(path) if path.is_ident("display") => Some(DetailSpec::Kind(Detail::Display)),
        Value::Path(path) if path.is_ident("hidden") => Some(DetailSpec::Kind(Detail::Hidden)),
        _ => None,
    };
    match spec {
        Some(spec) => {
            let span = value_span(&value).join(key.span()).unwrap_or(key.span());
            parsed.detail = Some((spec, span));
        }
        None => cx.error(
            value_or_key(key, &value),
            "`detail` is `display` (the error's Display output), `hidden`, or a string",
        ),
    }
}

fn body(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    let kind = match &value {
        Value::Path(path) if path.is_ident("none") => Some(BodyKind::None),
        Value::Path(path) if path.is_ident("problem") => Some(BodyKind::Problem),
        _ => None,
    };
    match kind {
        Some(kind) => parsed.body = Some((kind, key.span())),
        None => cx.error(
            value_or_key(key, &value),
            "`body` is `none` or `problem`; a custom body comes from a field marked `#[body]`",
        ),
    }
}

fn format(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    match value {
        Value::Path(path) => parsed.format = Some(path),
        other => cx.error(
            value_or_key(key, &other),
            "`format` names a response format: `format = status_core::format::HtmlPage`, or a unit struct or `const` of yours whose type implements `ResponseFormat`",
        ),
    }
}

fn integrations(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    match &value {
        Value::Path(path) if path.is_ident("none") => {
            parsed.integrations_none = Some(value_span(&value).join(key.span()).unwrap_or(key.span()));
        }
        other => cx.error(
            value_or_key(key, other),
            "`integrations` takes `none`: `integrations = none` leaves the type without the `axum` and `actix-web` impls, so that you can write your own",
        ),
    }
}

fn transparent(cx: &Ctxt, key: &Ident, value: Value, _: &mut StatusAttr) {
    if !matches!(value, Value::Flag) {
        cx.error(key.span(), "`transparent` takes no value");
    }
    cx.error(
        key.span(),
        "`transparent` stands alone: `#[status(transparent)]` delegates everything to the field's own HttpStatus",
    );
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
