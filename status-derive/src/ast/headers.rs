//! Every source of a header field in a variant, in one list that the rules check and the
//! expansion writes from: fixed values in `#[status(...)]`, the `location` template, and fields.

use proc_macro2::Span;
use syn::Ident;

use super::Field;
use crate::attr::{FieldRole, LocationTemplate, StaticHeader, StatusAttr};

/// One source of a header field.
pub struct HeaderSource {
    /// The field's name, lowercase.
    pub name: String,
    /// Where errors about this source point: the key, the header name or the field attribute.
    pub span: Span,
    /// The source in words, for "two sources" errors.
    pub described: String,
    /// Whether the source is an `Option` field, which sends the header only when `Some`.
    pub optional: bool,
    pub origin: HeaderOrigin,
}

/// Where a header field's value comes from.
pub enum HeaderOrigin {
    /// A value fixed in `#[status(...)]`: `headers(...)`, a shortcut key, `retry_after = 120`.
    Static(StaticHeader),
    /// `location = "..."`, whose placeholders name fields.
    Template(LocationTemplate),
    /// A field, by its position among the variant's fields.
    Field { field: usize, kind: FieldHeader },
}

/// The field attribute that makes a field a header's source.
pub enum FieldHeader {
    /// `#[header(NAME)]`, with the `http::header` constant when the name was written as one.
    Named(Option<Ident>),
    /// `#[location]`.
    Location,
    /// `#[retry_after]`.
    RetryAfter,
}

impl HeaderSource {
    /// The fixed value, for a source in `#[status(...)]`.
    pub fn static_value(&self) -> Option<&StaticHeader> {
        match &self.origin {
            HeaderOrigin::Static(header) => Some(header),
            _ => None,
        }
    }
}

/// Every header source of a variant whose `#[status]` is `attr`, in the order they are sent:
/// fixed values as written, the `location` template, then fields in order.
pub fn header_sources(attr: &StatusAttr, fields: &[Field]) -> Vec<HeaderSource> {
    let mut sources: Vec<HeaderSource> = attr.headers.iter().map(static_source).collect();
    if let Some(location) = &attr.location {
        sources.push(HeaderSource {
            name: "location".to_owned(),
            span: location.literal.span(),
            described: format!("`location = \"{}\"`", location.literal.value()),
            optional: false,
            origin: HeaderOrigin::Template(location.clone()),
        });
    }
    for field in fields {
        sources.extend(
            field
                .roles
                .iter()
                .filter_map(|role| field_source(field, role)),
        );
    }
    sources
}

fn static_source(header: &StaticHeader) -> HeaderSource {
    HeaderSource {
        name: header.name.clone(),
        span: header.name_span,
        described: format!("the fixed value \"{}\"", header.value),
        optional: false,
        origin: HeaderOrigin::Static(header.clone()),
    }
}

fn field_source(field: &Field, role: &FieldRole) -> Option<HeaderSource> {
    let (name, kind) = match role {
        FieldRole::Header { name, constant, .. } => {
            (name.clone(), FieldHeader::Named(constant.clone()))
        }
        FieldRole::Location(_) => ("location".to_owned(), FieldHeader::Location),
        FieldRole::RetryAfter(_) => ("retry-after".to_owned(), FieldHeader::RetryAfter),
        _ => return None,
    };
    Some(HeaderSource {
        name,
        span: role.span(),
        described: format!("field `{}`", field.name),
        optional: is_option(field.ty),
        origin: HeaderOrigin::Field {
            field: field.index,
            kind,
        },
    })
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
