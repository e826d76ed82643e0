//! The field attributes: `#[header(NAME)]`, `#[location]`, `#[retry_after]`, `#[body]`,
//! `#[extension]`, `#[instance]`.

use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr};

use super::value::parse_header_name;
use super::{BODY, EXTENSION, FieldRole, HEADER, INSTANCE, LOCATION, RETRY_AFTER, STATUS};
use crate::ctxt::Ctxt;

/// Parses the field attributes of one field.
pub fn parse_field_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Vec<FieldRole> {
    let mut roles: Vec<FieldRole> = Vec::new();
    for attr in attrs {
        let Some(name) = attr.path().get_ident().map(Ident::to_string) else {
            continue;
        };
        let Some(role) = field_role(cx, attr, &name) else {
            continue;
        };
        // One field can give several headers, but each role and each header once.
        if roles.iter().any(|existing| same_role(existing, &role)) {
            cx.error(
                attr.path().span(),
                format!("duplicate `#[{name}]` on this field"),
            );
        } else {
            roles.push(role);
        }
    }
    roles
}

fn same_role(a: &FieldRole, b: &FieldRole) -> bool {
    match (a, b) {
        (FieldRole::Header { name: a, .. }, FieldRole::Header { name: b, .. }) => a == b,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// The role one attribute named `name` gives its field; `None` for another crate's attribute,
/// or after reporting a malformed one.
fn field_role(cx: &Ctxt, attr: &Attribute, name: &str) -> Option<FieldRole> {
    let span = attr.path().span();
    let no_arguments = |role: FieldRole| -> Option<FieldRole> {
        if let syn::Meta::Path(_) = attr.meta {
            Some(role)
        } else {
            cx.error_spanned_by(&attr.meta, format!("`#[{name}]` takes no arguments"));
            None
        }
    };
    match name {
        // #[header(ETAG)], #[header("x-request-id")]
        HEADER => parse_field_header(cx, attr),
        LOCATION => no_arguments(FieldRole::Location(span)),
        RETRY_AFTER => no_arguments(FieldRole::RetryAfter(span)),
        BODY => no_arguments(FieldRole::Body(span)),
        INSTANCE => no_arguments(FieldRole::Instance(span)),
        // #[extension], #[extension("member_name")]
        EXTENSION => parse_extension(cx, attr, span),
        STATUS => {
            cx.error(
                span,
                "`#[status]` belongs on a variant or on the type, not on a field",
            );
            None
        }
        _ => None,
    }
}

fn parse_extension(cx: &Ctxt, attr: &Attribute, span: Span) -> Option<FieldRole> {
    match &attr.meta {
        syn::Meta::Path(_) => Some(FieldRole::Extension { name: None, span }),
        syn::Meta::List(list) => {
            match list.parse_args::<LitStr>() {
                Ok(lit) => Some(FieldRole::Extension {
                    name: Some(lit.value()),
                    span: lit.span(),
                }),
                Err(_) => {
                    cx.error_spanned_by(list, "write `#[extension]`, or `#[extension(\"member_name\")]` to rename the member");
                    None
                }
            }
        }
        syn::Meta::NameValue(meta) => {
            cx.error_spanned_by(
                meta,
                "write `#[extension(\"member_name\")]` to rename the member",
            );
            None
        }
    }
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
