//! `#[status(...)]`: the status code first, then keys, each parsed by its entry in `keys.rs`'s
//! table.

use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, Token};

use super::keys::{ALLOW_LIST, KEYS, key_names, parse_allows};
use super::value::{Value, code_from_value, parse_literal, parse_value, skip_item};
use super::{ALLOWS, Code, FIELD_ATTRIBUTES, Place, StatusAttr, TYPE_KEYS, closest, did_you_mean};
use crate::ctxt::Ctxt;

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
    if only_type_keys && parsed.code.is_none() && parsed.transparent.is_none() {
        reject_status_keys(cx, &parsed);
    }
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
                "crate" => "crate = \"facade::status_core\"",
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

/// The keys of a status on an enum's `#[status(...)]` that holds no default status: they would
/// apply to nothing, so each is an error that says where the code goes.
fn reject_status_keys(cx: &Ctxt, parsed: &StatusAttr) {
    let status_keys = parsed
        .keys
        .iter()
        .filter(|(name, _)| !TYPE_KEYS.contains(&name.as_str()))
        .map(|(name, span)| (format!("`{name}`"), *span));
    let allows = parsed
        .allows
        .iter()
        .map(|(allow, span)| (format!("`allow({})`", allow.name()), *span));
    for (key, span) in status_keys.chain(allows) {
        cx.error(
            span,
            format!(
                "{key} goes with a default status, and this `#[status(...)]` has none: write the code first, `#[status(404, ...)]`, or move {key} to the variants"
            ),
        );
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
        parsed.code = one_code(cx, input);
        status_set(cx, input, parsed);
        return true;
    }
    let fork = input.fork();
    let is_code = fork.call(syn::Path::parse_mod_style).is_ok()
        && (fork.is_empty() || fork.peek(Token![,]) || fork.peek(Token![|]));
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
    status_set(cx, input, parsed);
    true
}

/// One code of a status set: a number (or `-` and one) or a name.
fn one_code(cx: &Ctxt, input: ParseStream) -> Option<Code> {
    let value = if input.peek(Lit) || input.peek(Token![-]) {
        parse_literal(input)
    } else {
        input.call(syn::Path::parse_mod_style).map(Value::Path)
    };
    match value {
        Ok(value) => code_from_value(cx, &value, "the status code"),
        Err(error) => {
            cx.syn_error(error);
            None
        }
    }
}

/// `400 | 422 | 500`: the rest of a status set after its first code, which `parsed.code`
/// holds. Each code once.
fn status_set(cx: &Ctxt, input: ParseStream, parsed: &mut StatusAttr) {
    if !input.peek(Token![|]) {
        return;
    }
    if let Some(span) = parsed.transparent {
        cx.error(
            span,
            "`transparent` answers the field's own statuses: it takes no status set",
        );
    }
    let mut set: Vec<Code> = parsed.code.into_iter().collect();
    while input.parse::<Token![|]>().is_ok() {
        let Some(code) = one_code(cx, input) else {
            skip_item(input);
            return;
        };
        // A code out of range is reported as such, each where it is written.
        let in_range = (100..=599).contains(&code.value);
        if in_range && set.iter().any(|known| known.value == code.value) {
            cx.error(
                code.span,
                format!("{} is already in this status set", code.value),
            );
        } else {
            set.push(code);
        }
    }
    parsed.set = set;
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
