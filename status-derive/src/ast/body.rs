//! What a variant asks to put in its body, in one list that the rules check and the expansion
//! writes from: the problem members of `#[status(...)]` (`detail`, `title`, `type`), then, field
//! by field, extension members, `instance`, and a `#[body]` field.

use proc_macro2::Span;

use super::Field;
use crate::attr::{FieldRole, StatusAttr};

/// One thing a variant asks to put in its body.
pub struct BodyPart {
    /// Where errors about it point: the key or the field attribute.
    pub span: Span,
    pub kind: PartKind,
}

pub enum PartKind {
    /// `detail = ...`.
    Detail,
    /// `title = "..."`.
    Title,
    /// `type = "..."`.
    Type,
    /// `#[extension]`: the member's name, and whether it was given (`#[extension("name")]`)
    /// rather than taken from the field.
    Extension {
        field: usize,
        member: String,
        renamed: bool,
    },
    /// `extensions(name = value)`: a member with a value fixed in the attribute, as JSON.
    FixedExtension { member: String, json: String },
    /// `#[instance]`.
    Instance { field: usize },
    /// `#[body]`: the whole body, which is then not a problem.
    Field { field: usize },
}

impl BodyPart {
    /// Whether it comes from a field attribute rather than from `#[status(...)]`.
    pub fn is_from_field(&self) -> bool {
        self.field().is_some()
    }

    /// The field it comes from, by position.
    pub fn field(&self) -> Option<usize> {
        match self.kind {
            PartKind::Extension { field, .. }
            | PartKind::Instance { field }
            | PartKind::Field { field } => Some(field),
            PartKind::Detail
            | PartKind::Title
            | PartKind::Type
            | PartKind::FixedExtension { .. } => None,
        }
    }

    /// Whether it is a member of a problem document (everything but a `#[body]` field).
    pub fn is_problem_member(&self) -> bool {
        !matches!(self.kind, PartKind::Field { .. })
    }

    /// The member as messages name it: "`detail`", "an extension member".
    pub fn named(&self) -> &'static str {
        match self.kind {
            PartKind::Detail => "`detail`",
            PartKind::Title => "`title`",
            PartKind::Type => "`type`",
            PartKind::Extension { .. } | PartKind::FixedExtension { .. } => "an extension member",
            PartKind::Instance { .. } => "`instance`",
            PartKind::Field { .. } => "a `#[body]` field",
        }
    }
}

/// Every body part of a variant whose `#[status]` is `attr`: the attribute's members, then
/// the fields' in order.
pub fn body_parts(attr: &StatusAttr, fields: &[Field]) -> Vec<BodyPart> {
    let mut parts = Vec::new();
    if let Some((_, span)) = &attr.detail {
        parts.push(BodyPart {
            span: *span,
            kind: PartKind::Detail,
        });
    }
    if let Some(title) = &attr.title {
        parts.push(BodyPart {
            span: title.span(),
            kind: PartKind::Title,
        });
    }
    if let Some(type_uri) = &attr.type_uri {
        parts.push(BodyPart {
            span: type_uri.span(),
            kind: PartKind::Type,
        });
    }
    for extension in &attr.extensions {
        parts.push(BodyPart {
            span: extension.name_span,
            kind: PartKind::FixedExtension {
                member: extension.name.clone(),
                json: extension.json.clone(),
            },
        });
    }
    for field in fields {
        parts.extend(
            field
                .roles
                .iter()
                .filter_map(|role| field_part(field, role)),
        );
    }
    parts
}

fn field_part(field: &Field, role: &FieldRole) -> Option<BodyPart> {
    let kind = match role {
        FieldRole::Extension { name, .. } => PartKind::Extension {
            field: field.index,
            member: name.clone().unwrap_or_else(|| field.name.clone()),
            renamed: name.is_some(),
        },
        FieldRole::Instance(_) => PartKind::Instance { field: field.index },
        FieldRole::Body(_) => PartKind::Field { field: field.index },
        _ => return None,
    };
    Some(BodyPart {
        span: role.span(),
        kind,
    })
}

/// A JSON string literal (RFC 8259 §7).
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
