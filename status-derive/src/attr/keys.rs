//! The keys of `#[status(...)]`: one table ([`KEYS`]) that dispatch and "did you mean" both
//! read, and the parser of each key's value.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Lit, Token};

use super::value::{
    Value, code_from_value, in_parens, parse_header_name, parse_template, skip_item, string_value,
    value_span,
};
use super::{
    ALLOWS, BodyKind, Detail, DetailSpec, FixedExtension, LOG_LEVELS, StaticHeader, StatusAttr,
    closest, did_you_mean,
};
use crate::ctxt::Ctxt;

/// One key of `#[status(...)]`: the name written, and what parses its value. Dispatch and the
/// "did you mean" suggestions read this one table, so they cannot disagree.
pub(super) struct Key {
    pub(super) name: &'static str,
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
pub(super) const KEYS: &[Key] = &[
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
    // #[status(404, extensions(code = "book_not_found", retryable = false))]
    Key {
        name: "extensions",
        parse: Parse::With(extensions),
    },
    // #[status(503, log = warn)]
    Key {
        name: "log",
        parse: Parse::With(log),
    },
    // #[status(303, body = problem)], `body = none`
    Key {
        name: "body",
        parse: Parse::With(body),
    },
    // #[status(400 | 422 | 500, classify = status_core::classify::json_error)]
    Key {
        name: "classify",
        parse: Parse::With(classify),
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
    // #[status(crate = "facade::status_core")], on the type: a renamed or re-exported crate.
    Key {
        name: "crate",
        parse: Parse::With(crate_path),
    },
    // #[status(transparent)] stands alone; as a later key it is a mistake.
    Key {
        name: "transparent",
        parse: Parse::With(transparent),
    },
];

/// The opt-outs, `allow(missing_location, ...)`: the key `allow` with a list.
pub(super) const ALLOW_LIST: &str = "allow(...)";

/// The names of the keys `#[status(...)]` accepts besides the code.
pub fn key_names() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(|key| key.name)
}

impl Key {
    pub(super) fn parse(&self, cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
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

fn classify(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    match value {
        Value::Path(path) => parsed.classify = Some(path),
        other => cx.error(
            value_or_key(key, &other),
            "`classify` names a function from the variant's field to the status it answers: `classify = status_core::classify::json_error`, or `fn(&YourError) -> StatusCode` of yours",
        ),
    }
}

fn log(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    let level = match &value {
        Value::Path(path) => path.get_ident().and_then(|ident| {
            LOG_LEVELS
                .iter()
                .find(|(name, _)| ident == name)
                .map(|(_, level)| *level)
        }),
        _ => None,
    };
    let suggestion = match &value {
        Value::Path(path) => path.get_ident().and_then(|ident| {
            closest(&ident.to_string(), LOG_LEVELS.iter().map(|(name, _)| *name))
        }),
        _ => None,
    };
    match level {
        Some(level) => parsed.log = Some((level, value_span(&value))),
        None => cx.error(
            value_or_key(key, &value),
            format!(
                "`log` is the level the response is logged at: `off`, `error`, `warn`, `info`, `debug` or `trace` (by default `error` for a 5xx, `debug` for a 4xx, `off` for the others){}",
                did_you_mean(suggestion)
            ),
        ),
    }
}

fn extensions(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    match value {
        Value::List(group) => {
            let members = in_parens(|input: ParseStream| {
                syn::punctuated::Punctuated::<(Ident, Lit), Token![,]>::parse_terminated_with(
                    input,
                    fixed_member,
                )
            })
            .parse2(group.into_token_stream());
            match members {
                Ok(members) => {
                    for (name, lit) in members {
                        if let Some(json) = json_value(cx, &lit) {
                            parsed.extensions.push(FixedExtension {
                                name: name.unraw().to_string(),
                                name_span: name.span(),
                                json,
                            });
                        }
                    }
                }
                Err(error) => cx.error(
                    error.span(),
                    format!("{error}\nnote: `extensions` takes `name = value` pairs: `extensions(code = \"book_not_found\", retryable = false)`"),
                ),
            }
        }
        other => cx.error(
            value_or_key(key, &other),
            "`extensions` takes a list of members with fixed values: `extensions(code = \"book_not_found\", retryable = false)`",
        ),
    }
}

/// `name = value` in `extensions(...)`.
fn fixed_member(input: ParseStream) -> syn::Result<(Ident, Lit)> {
    let name = input.call(Ident::parse_any)?;
    input.parse::<Token![=]>()?;
    Ok((name, input.parse()?))
}

/// A literal as JSON text: a string, a whole or decimal number, or a boolean.
fn json_value(cx: &Ctxt, lit: &Lit) -> Option<String> {
    let json = match lit {
        Lit::Str(text) => crate::ast::json_string(&text.value()),
        Lit::Int(number) if number.suffix().is_empty() => number.base10_digits().to_owned(),
        Lit::Float(number) if number.suffix().is_empty() => {
            // As JSON writes it: `1.` and `01.5` are Rust literals but not JSON numbers.
            match number.base10_parse::<f64>() {
                Ok(value) if value.is_finite() => value.to_string(),
                _ => {
                    cx.error(
                        number.span(),
                        "a fixed extension member's number is finite: this one is too large for a JSON number that clients can read",
                    );
                    return None;
                }
            }
        }
        Lit::Bool(value) => value.value.to_string(),
        other => {
            cx.error(
                other.span(),
                "a fixed extension member is a string, a number without a suffix, or a boolean",
            );
            return None;
        }
    };
    Some(json)
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

fn crate_path(cx: &Ctxt, key: &Ident, value: Value, parsed: &mut StatusAttr) {
    const EXAMPLE: &str = "`crate = \"facade::status_core\"`, or `crate = \"status\"` for `status = { package = \"status-core\" }`";
    let Some(lit) = string_value(cx, key, &value, "\"facade::status_core\"") else {
        return;
    };
    match lit.parse::<syn::Path>() {
        Ok(path) => parsed.crate_path = Some(path),
        Err(_) => cx.error(
            lit.span(),
            format!("`crate` is the path of status-core as this crate names it: {EXAMPLE}"),
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

pub(super) fn parse_allows(cx: &Ctxt, group: proc_macro2::Group, parsed: &mut StatusAttr) {
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
