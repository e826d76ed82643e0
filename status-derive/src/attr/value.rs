//! The values keys and field attributes take: status codes, strings, header names, `location`
//! templates.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Ident, Lit, LitStr, Token};

use status_codes::syntax;

use super::{Code, LocationTemplate, TemplatePiece, closest, did_you_mean};
use crate::ctxt::Ctxt;

/// The value after a key: `key = value`, `key(...)`, or nothing.
pub enum Value {
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
pub fn parse_literal(input: ParseStream) -> syn::Result<Value> {
    if input.peek(Token![-]) {
        let minus: Token![-] = input.parse()?;
        let lit: Lit = input.parse()?;
        return Ok(Value::Negative(minus.span, lit.span()));
    }
    Ok(Value::Lit(input.parse()?))
}

pub fn parse_value(input: ParseStream) -> syn::Result<Value> {
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
pub fn qualified_by(path: &syn::Path, parent: &str) -> bool {
    let segments: Vec<&syn::PathSegment> = path.segments.iter().collect();
    match segments.as_slice() {
        [_] => path.leading_colon.is_none(),
        [.., before, _] => before.ident == parent,
        [] => false,
    }
}

/// Runs `parser` on the content of a parenthesized group, so that an error at the end of the
/// content points at the closing parenthesis rather than at the derive.
pub fn in_parens<T>(
    parser: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> impl FnOnce(ParseStream) -> syn::Result<T> {
    move |input: ParseStream| {
        let content;
        syn::parenthesized!(content in input);
        parser(&content)
    }
}

/// Skips to the next top-level comma, after an error inside one item.
pub fn skip_item(input: ParseStream) {
    while !input.is_empty() && !input.peek(Token![,]) {
        if input.parse::<proc_macro2::TokenTree>().is_err() {
            return;
        }
    }
}

/// Parses `404`, `NOT_FOUND` or `StatusCode::NOT_FOUND` into a code. The range is checked in
/// `check`, with the other rules.
pub fn code_from_value(cx: &Ctxt, value: &Value, what: &str) -> Option<Code> {
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
        Value::Path(path) => code_from_path(cx, path),
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

/// `NOT_FOUND` or `StatusCode::NOT_FOUND`, by the registry's names and `http`'s aliases.
fn code_from_path(cx: &Ctxt, path: &syn::Path) -> Option<Code> {
    let ident = path.segments.last().map(|segment| &segment.ident)?;
    if !qualified_by(path, "StatusCode") {
        cx.error_spanned_by(
            path,
            format!("write the status code's name alone, `{ident}`, or as `StatusCode::{ident}`"),
        );
        return None;
    }
    let name = ident.to_string();
    if let Some(row) = status_codes::by_name(&name) {
        return Some(Code {
            value: row.code,
            span: path.span(),
            end: ident.span(),
        });
    }
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

pub fn value_span(value: &Value) -> Span {
    match value {
        Value::Lit(lit) => lit.span(),
        Value::Negative(span, _) => *span,
        Value::List(group) => group.span(),
        Value::Path(path) => path.span(),
        Value::Flag => Span::call_site(),
    }
}

pub fn string_value(cx: &Ctxt, key: &Ident, value: &Value, example: &str) -> Option<LitStr> {
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

/// A header name written as an `http::header` constant (`ETAG`) or a string (`"x-request-id"`).
/// Returns the lowercase name, or `None` after reporting an invalid one.
pub fn parse_header_name(
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

pub fn parse_template(cx: &Ctxt, literal: LitStr) -> Option<LocationTemplate> {
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
