//! A borrowing view of the input: the type, its variants (a struct is one variant), their
//! `#[status]` and the roles of their fields, and, built once from those, each variant's header
//! sources (`headers.rs`) and body parts (`body.rs`), which both the rules and the expansion read.

mod body;
mod headers;

use syn::ext::IdentExt;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Member, Type};

pub use body::{BodyPart, PartKind, json_string};
pub use headers::{FieldHeader, HeaderOrigin, HeaderSource};

use crate::attr::{self, FieldRole, Place, StatusAttr};
use crate::ctxt::Ctxt;

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    /// Whether the type is an error type (it has thiserror-style `#[error]` attributes or its
    /// name ends in `Error`): a 2xx on it is reported as a mistake.
    pub is_error_type: bool,
    pub variants: Vec<Variant<'a>>,
    /// `#[status(format = ...)]` on the type.
    pub format: Option<syn::Path>,
    /// `#[status(integrations = none)]` on the type.
    pub integrations: bool,
    /// `#[status(crate = "...")]` on the type.
    pub crate_path: Option<syn::Path>,
}

pub struct Variant<'a> {
    /// `None` for a struct.
    pub ident: Option<&'a Ident>,
    pub attr: Option<StatusAttr>,
    /// Whether `attr` is the enum-level default rather than the variant's own.
    pub uses_default: bool,
    /// Whether its attributes had errors of form: HTTP's rules are not checked on what could
    /// not be parsed, so that one mistake gives one error.
    pub malformed: bool,
    /// Whether thiserror's `#[error(transparent)]` makes its `Display` the source error's.
    pub error_transparent: bool,
    pub fields: Vec<Field<'a>>,
    /// Every source of a header field, in the order they are sent.
    pub headers: Vec<HeaderSource>,
    /// Everything it asks to put in its body.
    pub parts: Vec<BodyPart>,
    /// The summary of its doc comment (`///`, the first paragraph): what documentation
    /// generators show.
    pub doc: Option<String>,
}

pub struct Field<'a> {
    pub member: Member,
    /// The field's name, or its index for a tuple field.
    pub name: String,
    /// Its position among the variant's fields.
    pub index: usize,
    pub ty: &'a Type,
    pub roles: Vec<FieldRole>,
    /// Whether it has thiserror's `#[from]` or `#[source]`.
    pub source_attr: bool,
}

impl<'a> Variant<'a> {
    fn new(
        ident: Option<&'a Ident>,
        attr: Option<StatusAttr>,
        uses_default: bool,
        malformed: bool,
        error_transparent: bool,
        fields: Vec<Field<'a>>,
    ) -> Variant<'a> {
        let (headers, parts) = match &attr {
            Some(attr) => (
                headers::header_sources(attr, &fields),
                body::body_parts(attr, &fields),
            ),
            None => (Vec::new(), Vec::new()),
        };
        Variant {
            ident,
            attr,
            uses_default,
            malformed,
            error_transparent,
            fields,
            headers,
            parts,
            doc: None,
        }
    }

    pub fn name(&self) -> String {
        self.ident
            .map_or_else(|| "the struct".to_owned(), |ident| format!("`{ident}`"))
    }

    pub fn field(&self, name: &str) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.name == name)
    }

    /// The field at `index`, as header sources and body parts name it. Never out of bounds:
    /// those indices are `Field::index`, each field's position in this very `fields`.
    pub fn field_at(&self, index: usize) -> &Field<'a> {
        &self.fields[index]
    }

    /// The `#[body]` field, if any (the first, when a mistake gave two).
    pub fn body_field(&self) -> Option<&Field<'a>> {
        self.parts.iter().find_map(|part| match part.kind {
            PartKind::Field { field } => Some(self.field_at(field)),
            _ => None,
        })
    }

    /// The field a status set's `classify` reads: the only field, or the error's source as
    /// thiserror picks it (`#[from]` or `#[source]` first, then a field named `source`).
    pub fn classified_field(&self) -> Option<&Field<'a>> {
        match self.fields.as_slice() {
            [only] => Some(only),
            fields => fields
                .iter()
                .find(|field| field.source_attr)
                .or_else(|| fields.iter().find(|field| field.name == "source")),
        }
    }

    pub fn has_header(&self, name: &str) -> bool {
        self.headers.iter().any(|source| source.name == name)
    }

    /// Whether a fixed value in `#[status(...)]` (always sent) gives header `name`.
    pub fn has_static_header(&self, name: &str) -> bool {
        self.headers.iter().any(|source| {
            source.name == name && !matches!(source.origin, HeaderOrigin::Field { .. })
        })
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
        let place = match input.data {
            Data::Enum(_) => Place::Enum,
            _ => Place::Struct,
        };
        let ((default, _), type_malformed) = cx.scoped(|cx| {
            let default = status_attrs(cx, &input.attrs, place);
            reject_field_attributes(cx, &input.attrs, "the type");
            default
        });
        let format = default.as_ref().and_then(|attr| attr.format.clone());
        let crate_path = default.as_ref().and_then(|attr| attr.crate_path.clone());
        let integrations = default
            .as_ref()
            .is_none_or(|attr| attr.integrations_none.is_none());
        // An enum's `#[status(...)]` with only type-level keys is no default for its variants.
        let written = default.is_some();
        let default = default.filter(|attr| {
            attr.code.is_some() || attr.transparent.is_some() || !attr.has_type_keys()
        });
        let type_keys_only = written && default.is_none();
        let variants = match &input.data {
            Data::Struct(data) => vec![struct_variant(cx, input, data, default, type_malformed)],
            Data::Enum(data) => data
                .variants
                .iter()
                .map(|variant| enum_variant(cx, variant, &default, type_malformed, type_keys_only))
                .collect(),
            Data::Union(data) => {
                cx.error(
                    data.union_token.span,
                    "#[derive(HttpStatus)] does not support unions: use an enum, whose variants each get a status",
                );
                return None;
            }
        };
        Some(Input {
            original: input,
            is_error_type: is_error_type(input),
            variants,
            format,
            integrations,
            crate_path,
        })
    }
}

/// Whether the type is an error type: its name ends in `Error`, or it has thiserror-style
/// `#[error]` attributes.
fn is_error_type(input: &DeriveInput) -> bool {
    input.ident.to_string().ends_with("Error")
        || has_error_attr(&input.attrs)
        || matches!(&input.data, Data::Enum(data) if data.variants.iter().any(|v| has_error_attr(&v.attrs)))
}

fn struct_variant<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    data: &'a syn::DataStruct,
    status: Option<StatusAttr>,
    type_malformed: bool,
) -> Variant<'a> {
    let (fields, fields_malformed) = cx.scoped(|cx| fields(cx, &data.fields));
    let malformed = type_malformed || fields_malformed;
    if status.is_none() && !malformed {
        cx.error(
            input.ident.span(),
            format!(
                "`{}` needs a status: add `#[status(404)]` (or the code it answers with) above the struct",
                input.ident
            ),
        );
    }
    let error_transparent = is_error_transparent(&input.attrs);
    let mut variant = Variant::new(None, status, false, malformed, error_transparent, fields);
    variant.doc = doc_comment(&input.attrs);
    variant
}

fn enum_variant<'a>(
    cx: &Ctxt,
    variant: &'a syn::Variant,
    default: &Option<StatusAttr>,
    type_malformed: bool,
    type_keys_only: bool,
) -> Variant<'a> {
    let (((own, has_own), fields), malformed) = cx.scoped(|cx| {
        let own = status_attrs(cx, &variant.attrs, Place::Variant);
        reject_field_attributes(cx, &variant.attrs, "a variant");
        (own, fields(cx, &variant.fields))
    });
    let malformed = type_malformed || malformed;
    let attr = if has_own { own } else { default.clone() };
    if attr.is_none() && !malformed {
        let default = if type_keys_only {
            "a default status first in the enum's `#[status(...)]`: `#[status(404, format = ...)]`"
        } else {
            "a default `#[status(...)]` to the enum"
        };
        cx.error(
            variant.ident.span(),
            format!(
                "variant `{}` has no status: add `#[status(...)]` to it, or {default}",
                variant.ident
            ),
        );
    }
    let error_transparent = is_error_transparent(&variant.attrs);
    let mut built = Variant::new(
        Some(&variant.ident),
        attr,
        !has_own,
        malformed,
        error_transparent,
        fields,
    );
    built.doc = doc_comment(&variant.attrs);
    built
}

/// The summary of the doc comment among `attrs`, as rustdoc has it: its first paragraph, each
/// `///` line without its first space, joined by newlines; `None` when there is none or it is
/// blank. (What follows, examples among it, is for the type's readers, not its clients.)
fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }),
                ..
            }) => Some(text.value()),
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .collect();
    let summary: Vec<String> = lines
        .into_iter()
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty() && !line.starts_with("```"))
        .collect();
    let doc = summary.join("\n").trim().to_owned();
    (!doc.is_empty()).then_some(doc)
}

fn is_error_transparent(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("error")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "transparent")
    })
}

fn has_error_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident("error"))
}

/// The one `#[status(...)]` among `attrs`, and whether there was one at all (a malformed one
/// parses to `None`).
fn status_attrs(cx: &Ctxt, attrs: &[Attribute], place: Place) -> (Option<StatusAttr>, bool) {
    let mut found: Option<StatusAttr> = None;
    let mut present = false;
    for attr in attrs
        .iter()
        .filter(|attr| attr.path().is_ident(attr::STATUS))
    {
        if present {
            cx.error_spanned_by(
                attr,
                "duplicate #[status] attribute: give each variant one `#[status(...)]`",
            );
            continue;
        }
        present = true;
        found = attr::parse_status_attr(cx, attr, place);
    }
    (found, present)
}

fn reject_field_attributes(cx: &Ctxt, attrs: &[Attribute], place: &str) {
    for attr in attrs {
        let Some(ident) = attr.path().get_ident() else {
            continue;
        };
        let name = ident.to_string();
        if attr::FIELD_ATTRIBUTES.contains(&name.as_str()) {
            let hint = match name.as_str() {
                "location" | "retry_after" => {
                    format!("; for a fixed value, write `{name} = \"...\"` inside `#[status(...)]`")
                }
                "header" => {
                    "; for a fixed value, write `headers(NAME = \"...\")` inside `#[status(...)]`"
                        .to_owned()
                }
                _ => String::new(),
            };
            cx.error(
                ident.span(),
                format!("`#[{name}]` is not expected on {place}: it belongs on a field, whose value it takes{hint}"),
            );
        }
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let (member, name) = match &field.ident {
                Some(ident) => (Member::Named(ident.clone()), ident.unraw().to_string()),
                None => (Member::Unnamed(index.into()), index.to_string()),
            };
            let source_attr = field
                .attrs
                .iter()
                .any(|attr| attr.path().is_ident("from") || attr.path().is_ident("source"));
            Field {
                member,
                name,
                index,
                ty: &field.ty,
                roles: attr::parse_field_attrs(cx, &field.attrs),
                source_attr,
            }
        })
        .collect()
}
