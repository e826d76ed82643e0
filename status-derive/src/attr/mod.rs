//! Parsing of `#[status(...)]` and of the field attributes. Mistakes of form (unknown or duplicate
//! keys, values of the wrong type) are reported here; HTTP's rules are in `check`.
//!
//! `status.rs` parses the keys of `#[status(...)]`, from one table of keys; `field.rs` the field
//! attributes; `value.rs` the values both take (codes, strings, header names, templates).

mod field;
mod keys;
mod status;
mod value;

use proc_macro2::Span;
use syn::{Ident, LitStr};

pub use field::parse_field_attrs;
// `key_names` is read by status-derive-internals, which compiles these files too.
#[allow(unused_imports)]
pub use keys::key_names;
pub use status::parse_status_attr;

pub const STATUS: &str = "status";
pub const HEADER: &str = "header";
pub const LOCATION: &str = "location";
pub const RETRY_AFTER: &str = "retry_after";
pub const BODY: &str = "body";
pub const EXTENSION: &str = "extension";
pub const INSTANCE: &str = "instance";

/// The attributes that belong on a field.
pub const FIELD_ATTRIBUTES: &[&str] = &[HEADER, LOCATION, RETRY_AFTER, BODY, EXTENSION, INSTANCE];

/// Where a `#[status(...)]` stands: on an enum (a default for its variants, or only the
/// type-level keys), on a struct, or on a variant (which cannot take the type-level keys).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Struct,
    Variant,
}

/// The keys that belong to the whole type: on the enum's or the struct's `#[status(...)]`.
pub const TYPE_KEYS: &[&str] = &["format", "integrations", "crate"];

/// A status code as written: `404` or `NOT_FOUND`.
#[derive(Clone, Copy)]
pub struct Code {
    pub value: u16,
    pub span: Span,
    /// The last token's span: `-404` is two tokens, and stable Rust cannot join spans.
    pub end: Span,
}

/// A header field with a value fixed in the attribute.
#[derive(Clone)]
pub struct StaticHeader {
    /// Lowercase field name.
    pub name: String,
    /// The key or header name as written, for errors.
    pub name_span: Span,
    /// The `http::header` constant to use, when the name was written as one.
    pub constant: Option<Ident>,
    pub value: String,
    pub value_span: Span,
}

/// A `location = "..."` template: literal pieces and placeholders that name fields.
#[derive(Clone)]
pub struct LocationTemplate {
    pub literal: LitStr,
    pub pieces: Vec<TemplatePiece>,
}

impl LocationTemplate {
    /// Whether a field fills it in; otherwise it is a fixed value.
    pub fn has_placeholder(&self) -> bool {
        self.pieces
            .iter()
            .any(|piece| matches!(piece, TemplatePiece::Placeholder(_)))
    }
}

#[derive(Clone)]
pub enum TemplatePiece {
    Literal(String),
    Placeholder(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Display,
    Hidden,
}

#[derive(Clone)]
pub enum DetailSpec {
    Kind(Detail),
    Static(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Problem,
}

/// An extension member with a value fixed in the attribute: `code = "book_not_found"`.
#[derive(Clone)]
pub struct FixedExtension {
    pub name: String,
    pub name_span: Span,
    /// The value as JSON text.
    pub json: String,
}

/// The level the integrations log a response at, as `log = ...` names it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LogLevel {
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

/// `log = ...`'s values, by name.
pub const LOG_LEVELS: &[(&str, LogLevel)] = &[
    ("off", LogLevel::Off),
    ("error", LogLevel::Error),
    ("warn", LogLevel::Warn),
    ("info", LogLevel::Info),
    ("debug", LogLevel::Debug),
    ("trace", LogLevel::Trace),
];

/// The "should" rules, each with the name of its per-variant opt-out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Allow {
    MissingLocation,
    MissingContentRange,
    RetryAfterStatus,
    UnregisteredStatus,
    ReservedStatus,
    SuccessStatus,
    MultipleChoices,
    ExtensionName,
    TitleWithoutType,
    DistinguishableConceal,
    SourceInDetail,
}

pub const ALLOWS: &[(&str, Allow)] = &[
    ("missing_location", Allow::MissingLocation),
    ("missing_content_range", Allow::MissingContentRange),
    ("retry_after_status", Allow::RetryAfterStatus),
    ("unregistered_status", Allow::UnregisteredStatus),
    ("reserved_status", Allow::ReservedStatus),
    ("success_status", Allow::SuccessStatus),
    ("multiple_choices", Allow::MultipleChoices),
    ("extension_name", Allow::ExtensionName),
    ("title_without_type", Allow::TitleWithoutType),
    ("distinguishable_conceal", Allow::DistinguishableConceal),
    ("source_in_detail", Allow::SourceInDetail),
];

impl Allow {
    pub fn name(self) -> &'static str {
        ALLOWS
            .iter()
            .find(|(_, allow)| *allow == self)
            .map_or("", |(name, _)| name)
    }
}

/// A parsed `#[status(...)]`.
#[derive(Clone)]
pub struct StatusAttr {
    /// The attribute's path, where errors about the attribute as a whole point.
    pub span: Span,
    pub code: Option<Code>,
    /// `400 | 422 | 500`: every code of a status set, `code` first; empty for one status.
    pub set: Vec<Code>,
    /// `classify = path`: the function that picks a status of the set at run time.
    pub classify: Option<syn::Path>,
    pub transparent: Option<Span>,
    /// Every key given besides the code, in order, for `transparent`'s "no other keys".
    pub keys: Vec<(String, Span)>,
    /// `conceal = 404`: the status answered in place of `code`, which it hides.
    pub conceal_with: Option<Code>,
    pub location: Option<LocationTemplate>,
    pub headers: Vec<StaticHeader>,
    pub reason: Option<LitStr>,
    pub title: Option<LitStr>,
    pub type_uri: Option<LitStr>,
    pub detail: Option<(DetailSpec, Span)>,
    pub body: Option<(BodyKind, Span)>,
    pub allows: Vec<(Allow, Span)>,
    /// `extensions(code = "book_not_found")`: problem members with fixed values.
    pub extensions: Vec<FixedExtension>,
    /// `log = warn`: the level the integrations log the response at.
    pub log: Option<(LogLevel, Span)>,
    /// `format = path`: the type's response format (a type-level key).
    pub format: Option<syn::Path>,
    /// `integrations = none`: no framework impls for the type (a type-level key), where written.
    pub integrations_none: Option<Span>,
    /// `crate = "path"`: where the generated code finds status-core (a type-level key).
    pub crate_path: Option<syn::Path>,
}

impl StatusAttr {
    /// An attribute with nothing in it yet, at `span`.
    pub fn new(span: Span) -> StatusAttr {
        StatusAttr {
            span,
            code: None,
            set: Vec::new(),
            classify: None,
            transparent: None,
            keys: Vec::new(),
            conceal_with: None,
            location: None,
            headers: Vec::new(),
            reason: None,
            title: None,
            type_uri: None,
            detail: None,
            body: None,
            allows: Vec::new(),
            extensions: Vec::new(),
            log: None,
            format: None,
            integrations_none: None,
            crate_path: None,
        }
    }

    /// Whether it has a key that belongs to the type rather than to a status.
    pub fn has_type_keys(&self) -> bool {
        self.format.is_some() || self.integrations_none.is_some() || self.crate_path.is_some()
    }

    /// The attribute as each status it may answer: itself for one status, and for a status set
    /// one copy per code, as if each were a variant's own (what the rules check, and what is
    /// generated).
    pub fn statuses(&self) -> Vec<StatusAttr> {
        if self.set.is_empty() {
            return vec![self.clone()];
        }
        self.set
            .iter()
            .map(|code| StatusAttr {
                code: Some(*code),
                set: Vec::new(),
                ..self.clone()
            })
            .collect()
    }

    pub fn allows(&self, allow: Allow) -> bool {
        self.allows.iter().any(|(a, _)| *a == allow)
    }
}

/// A role a field plays in the response.
#[derive(Clone)]
pub enum FieldRole {
    Header {
        name: String,
        constant: Option<Ident>,
        span: Span,
    },
    Location(Span),
    RetryAfter(Span),
    Body(Span),
    Extension {
        name: Option<String>,
        span: Span,
    },
    Instance(Span),
}

impl FieldRole {
    pub fn span(&self) -> Span {
        match self {
            FieldRole::Header { span, .. } | FieldRole::Extension { span, .. } => *span,
            FieldRole::Location(span)
            | FieldRole::RetryAfter(span)
            | FieldRole::Body(span)
            | FieldRole::Instance(span) => *span,
        }
    }
}

/// The closest known name to `unknown`, if one is close enough to be a likely typo.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown_lower = unknown.to_ascii_lowercase();
    known
        .into_iter()
        .map(|candidate| {
            (
                edit_distance(&unknown_lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, candidate)| *distance <= (candidate.len().max(3) / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("location", "location"), 0);
        assert_eq!(edit_distance("locaton", "location"), 1);
        assert_eq!(edit_distance("xlocation", "location"), 1);
        assert_eq!(edit_distance("locatiom", "location"), 1);
        assert_eq!(edit_distance("locatxion", "location"), 1);
        assert_eq!(edit_distance("abc", "ac"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("ab", "ba"), 2);
    }

    #[test]
    fn closest_takes_the_nearest_likely_typo_and_nothing_far() {
        let known = ["location", "retry_after", "title"];
        assert_eq!(closest("Locaton", known), Some("location"));
        assert_eq!(closest("retry_afer", known), Some("retry_after"));
        assert_eq!(closest("titel", known), Some("title"));
        assert_eq!(closest("headers", known), None);
    }
}
