//! What the derive knows about one variant with a status of its own, and its row of the
//! contract table.

use crate::ast::{Field, HeaderOrigin, PartKind, Variant, json_string};
use crate::attr::{Detail, DetailSpec, LogLevel, StatusAttr, TemplatePiece};
use crate::contract_table::{self, Own, Source, TableWriter};
use crate::prop::{self, Body};

/// One variant with a status of its own, as the rules accepted it: a concealed one has no
/// header source and no body part left (`check::conceal`), so nothing here guards against them.
pub struct Plan<'a> {
    pub variant: &'a Variant<'a>,
    pub attr: &'a StatusAttr,
    /// The status on the wire.
    pub wire: u16,
    /// The status `conceal` hides.
    pub concealed: Option<u16>,
    pub reason: String,
    pub body: Body<'a>,
}

impl<'a> Plan<'a> {
    pub fn new(variant: &'a Variant<'a>, attr: &'a StatusAttr) -> Option<Plan<'a>> {
        let (wire, concealed) = prop::wire(attr)?;
        // A concealing status is registered (`check::conceal`), so `reason` is never read then.
        let reason = match (status_codes::lookup(wire), &attr.reason) {
            (Some(row), _) => row.phrase.to_owned(),
            (None, Some(reason)) => reason.value(),
            (None, None) => status_codes::class_title(wire)
                .unwrap_or("Unknown")
                .to_owned(),
        };
        Some(Plan {
            variant,
            attr,
            wire,
            concealed,
            reason,
            body: prop::body(variant, attr, wire),
        })
    }

    pub fn detail(&self) -> DetailSpec {
        prop::detail(self.attr, self.wire, self.concealed)
    }

    pub fn title(&self) -> String {
        self.attr
            .title
            .as_ref()
            .map_or_else(|| self.reason.clone(), |title| title.value())
    }

    pub fn type_uri(&self) -> String {
        self.attr
            .type_uri
            .as_ref()
            .map_or_else(|| "about:blank".to_owned(), |type_uri| type_uri.value())
    }

    /// Whether it sends an `Upgrade`, and so the "upgrade" connection option beside it
    /// (RFC 9110 §7.8), so that intermediaries do not forward it.
    pub fn sends_upgrade(&self) -> bool {
        self.variant.has_header("upgrade")
    }

    /// The fields the response reads, in order: those with a role, then those the `location`
    /// template names.
    pub fn used_fields(&self) -> Vec<&'a Field<'a>> {
        let variant = self.variant;
        let mut used: Vec<&Field> = variant
            .fields
            .iter()
            .filter(|field| !field.roles.is_empty())
            .collect();
        for source in &variant.headers {
            if let HeaderOrigin::Template(location) = &source.origin {
                for piece in &location.pieces {
                    if let TemplatePiece::Placeholder(name) = piece {
                        used.extend(variant.field(name));
                    }
                }
            }
        }
        used
    }

    /// The problem document's start, up to the members written at run time.
    pub fn problem_prefix(&self) -> String {
        let mut prefix = format!(
            "{{\"type\":{},\"title\":{},\"status\":{}",
            json_string(&self.type_uri()),
            json_string(&self.title()),
            self.wire
        );
        if let DetailSpec::Static(text) = self.detail() {
            prefix.push_str(",\"detail\":");
            prefix.push_str(&json_string(&text));
        }
        for (member, json) in self.fixed_extensions() {
            prefix.push(',');
            prefix.push_str(&json_string(member));
            prefix.push(':');
            prefix.push_str(json);
        }
        prefix
    }

    /// The extension members fixed in the attribute: name and JSON value.
    fn fixed_extensions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.variant
            .parts
            .iter()
            .filter_map(|part| match &part.kind {
                PartKind::FixedExtension { member, json } => Some((member.as_str(), json.as_str())),
                _ => None,
            })
    }

    /// The level the integrations log it at: as written, else error for a 5xx, debug for a
    /// 4xx, off for the others.
    fn log_level(&self) -> LogLevel {
        match (self.attr.log, self.wire) {
            (Some((level, _)), _) => level,
            (None, 500..) => LogLevel::Error,
            (None, 400..) => LogLevel::Debug,
            (None, _) => LogLevel::Off,
        }
    }

    /// Its row of the contract table.
    pub fn write_contract(&self, table: &mut TableWriter) {
        let variant_name = self.variant.ident.map(|ident| {
            use syn::ext::IdentExt;
            ident.unraw().to_string()
        });
        let headers = self.header_contracts();
        let (type_uri, title, detail) = (self.type_uri(), self.title(), self.detail());
        let extensions: Vec<String> =
            self.variant
                .parts
                .iter()
                .filter_map(|part| match &part.kind {
                    PartKind::Extension { member, .. }
                    | PartKind::FixedExtension { member, .. } => Some(member.clone()),
                    _ => None,
                })
                .collect();
        let fixed: Vec<(&str, &str)> = self.fixed_extensions().collect();
        let body = match &self.body {
            Body::Empty | Body::ResetContent => contract_table::Body::Empty,
            Body::Field(field) => contract_table::Body::Field(&field.name),
            Body::Problem => contract_table::Body::Problem {
                type_uri: &type_uri,
                title: &title,
                detail: match &detail {
                    DetailSpec::Kind(Detail::Display) => contract_table::Detail::Display,
                    DetailSpec::Kind(Detail::Hidden) => contract_table::Detail::Hidden,
                    DetailSpec::Static(text) => contract_table::Detail::Static(text),
                },
                instance: self.instance_field().map(|field| field.name.as_str()),
                extensions: &extensions,
                fixed: &fixed,
            },
        };
        let headers: Vec<(&str, Source, &str)> = headers
            .iter()
            .map(|(name, source, value)| (name.as_str(), *source, value.as_str()))
            .collect();
        table.own(&Own {
            variant: variant_name.as_deref(),
            status: self.wire,
            reason: &self.reason,
            concealed: self.concealed,
            log: self.log_level(),
            description: self.variant.doc.as_deref(),
            headers: &headers,
            body,
        });
    }

    /// The header fields as the contract lists them: name, source, and the value or the field.
    fn header_contracts(&self) -> Vec<(String, Source, String)> {
        let mut headers: Vec<(String, Source, String)> = self
            .variant
            .headers
            .iter()
            .map(|source| match &source.origin {
                HeaderOrigin::Static(header) => {
                    (header.name.clone(), Source::Static, header.value.clone())
                }
                HeaderOrigin::Template(location) => {
                    let kind = if location.has_placeholder() {
                        Source::Template
                    } else {
                        Source::Static
                    };
                    (source.name.clone(), kind, location.literal.value())
                }
                HeaderOrigin::Field { field, .. } => (
                    source.name.clone(),
                    Source::Field,
                    self.variant.field_at(*field).name.clone(),
                ),
            })
            .collect();
        if self.sends_upgrade() {
            headers.push((
                "connection".to_owned(),
                Source::Static,
                "upgrade".to_owned(),
            ));
        }
        headers
    }

    /// The `#[instance]` field.
    pub fn instance_field(&self) -> Option<&'a Field<'a>> {
        self.variant.parts.iter().find_map(|part| match part.kind {
            PartKind::Instance { field } => Some(self.variant.field_at(field)),
            _ => None,
        })
    }
}
