//! A borrowing view of the input: the type, its variants (a struct is one variant), their
//! `#[status]` and the roles of their fields.

use syn::ext::IdentExt;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Member, Type};

use crate::attr::{self, FieldRole, StatusAttr};
use crate::ctxt::Ctxt;

pub struct Input<'a> {
    pub original: &'a DeriveInput,
    /// Whether the type is an error type (it has thiserror-style `#[error]` attributes or its
    /// name ends in `Error`): a 2xx on it is reported as a mistake.
    pub is_error_type: bool,
    pub variants: Vec<Variant<'a>>,
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
}

pub struct Field<'a> {
    pub member: Member,
    /// The field's name, or its index for a tuple field.
    pub name: String,
    /// Its position among the variant's fields.
    pub index: usize,
    pub ty: &'a Type,
    pub roles: Vec<FieldRole>,
}

impl Variant<'_> {
    pub fn name(&self) -> String {
        self.ident
            .map_or_else(|| "the struct".to_owned(), |ident| format!("`{ident}`"))
    }

    pub fn field(&self, name: &str) -> Option<&Field<'_>> {
        self.fields.iter().find(|field| field.name == name)
    }

    pub fn fields_with<'s>(
        &'s self,
        matches: fn(&FieldRole) -> bool,
    ) -> impl Iterator<Item = (&'s Field<'s>, &'s FieldRole)> + 's {
        self.fields.iter().flat_map(move |field| {
            field
                .roles
                .iter()
                .filter(move |role| matches(role))
                .map(move |role| (field, role))
        })
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
        let before = cx.error_count();
        let (own_status, _) = status_attrs(cx, &input.attrs);
        reject_field_attributes(cx, &input.attrs, "the type");
        let type_malformed = cx.error_count() > before;
        let is_error_type = input.ident.to_string().ends_with("Error")
            || has_error_attr(&input.attrs)
            || matches!(&input.data, Data::Enum(data) if data.variants.iter().any(|v| has_error_attr(&v.attrs)));

        match &input.data {
            Data::Struct(data) => {
                let before = cx.error_count();
                let fields = fields(cx, &data.fields);
                let malformed = type_malformed || cx.error_count() > before;
                if own_status.is_none() && !malformed {
                    cx.error(
                        input.ident.span(),
                        format!(
                            "`{}` needs a status: add `#[status(404)]` (or the code it answers with) above the struct",
                            input.ident
                        ),
                    );
                }
                let variant = Variant {
                    ident: None,
                    attr: own_status,
                    uses_default: false,
                    malformed,
                    error_transparent: is_error_transparent(&input.attrs),
                    fields,
                };
                Some(Input {
                    original: input,
                    is_error_type,
                    variants: vec![variant],
                })
            }
            Data::Enum(data) => {
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let before = cx.error_count();
                        let (own, has_own) = status_attrs(cx, &variant.attrs);
                        reject_field_attributes(cx, &variant.attrs, "a variant");
                        let fields = fields(cx, &variant.fields);
                        let malformed = type_malformed || cx.error_count() > before;
                        let attr = if has_own { own } else { own_status.clone() };
                        if attr.is_none() && !malformed {
                            cx.error(
                                variant.ident.span(),
                                format!(
                                    "variant `{}` has no status: add `#[status(...)]` to it, or a default `#[status(...)]` to the enum",
                                    variant.ident
                                ),
                            );
                        }
                        Variant {
                            ident: Some(&variant.ident),
                            attr,
                            uses_default: !has_own,
                            malformed,
                            error_transparent: is_error_transparent(&variant.attrs),
                            fields,
                        }
                    })
                    .collect();
                Some(Input {
                    original: input,
                    is_error_type,
                    variants,
                })
            }
            Data::Union(data) => {
                cx.error(
                    data.union_token.span,
                    "#[derive(HttpStatus)] does not support unions: use an enum, whose variants each get a status",
                );
                None
            }
        }
    }
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
fn status_attrs(cx: &Ctxt, attrs: &[Attribute]) -> (Option<StatusAttr>, bool) {
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
        found = attr::parse_status_attr(cx, attr);
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
            Field {
                member,
                name,
                index,
                ty: &field.ty,
                roles: attr::parse_field_attrs(cx, &field.attrs),
            }
        })
        .collect()
}
