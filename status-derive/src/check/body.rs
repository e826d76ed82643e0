//! Rules on the body: what a status without content cannot have, problem members that would go
//! nowhere, a `#[body]` field beside problem members, the members' own syntax, and a `detail`
//! that would show the source error.

use proc_macro2::Span;

use super::{Rules, named};
use crate::ast::{BodyPart, PartKind};
use crate::attr::{Allow, BodyKind, Code, Detail, DetailSpec};
use crate::grammar;
use crate::prop;

/// The members RFC 9457 §3.1 defines, which an extension cannot be.
const STANDARD_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance"];

impl Rules<'_> {
    /// Rules (error) on field attributes: one `#[body]`, one `#[instance]`; a custom body has
    /// no problem members.
    pub(super) fn field_roles(&self) {
        let mut body: Option<&str> = None;
        let mut instance = false;
        for part in &self.variant.parts {
            match part.kind {
                PartKind::Field { field } => {
                    if body.is_some() {
                        self.error_here(part.span, "a second `#[body]` field: a response has one body\nhelp: keep `#[body]` on one field; put the others into its type");
                    }
                    body = Some(&self.variant.field_at(field).name);
                    self.body_beside_body_key(part.span);
                }
                PartKind::Instance { .. } => {
                    if instance {
                        self.error_here(
                            part.span,
                            "a second `#[instance]` field: a problem has one `instance` (RFC 9457 §3.1.5)\nhelp: keep `#[instance]` on one field",
                        );
                    }
                    instance = true;
                }
                _ => {}
            }
        }
        if let Some(body) = body {
            self.members_beside_body(body);
        }
    }

    /// A `#[body]` field and `body = ...` in `#[status(...)]` contradict each other.
    fn body_beside_body_key(&self, span: Span) {
        if let Some((kind, _)) = &self.attr.body {
            let why = match kind {
                BodyKind::None => "`body = none` says there is no body",
                BodyKind::Problem => "`body = problem` asks for a problem-details body",
            };
            self.error_here(span, format!("a `#[body]` field conflicts with the variant's #[status]: {why}\nhelp: remove one of them"));
        }
    }

    /// Problem members have no place in a body that comes from field `body`.
    fn members_beside_body(&self, body: &str) {
        let members = self
            .variant
            .parts
            .iter()
            .filter(|part| part.is_problem_member());
        for part in members.clone().filter(|part| part.is_from_field()) {
            self.error_here(
                part.span,
                format!("a problem member from a field has no place in a custom body (field `{body}` is the body)\nhelp: remove it, or remove `#[body]`"),
            );
        }
        for part in members.filter(|part| !part.is_from_field()) {
            self.error(
                part.span,
                format!(
                    "{} is a problem-details member, but the body comes from field `{body}`\nhelp: remove it, or remove `#[body]`",
                    part.named()
                ),
            );
        }
    }

    /// Rules on problem members: `type` is a URI reference (RFC 9457 §3.1.1); `title` goes with
    /// a `type` (RFC 9457 §4.2.1, "should"); `title` and `detail` say something; extension
    /// names are valid (`extension_name`).
    pub(super) fn problem_members(&self) {
        let no_body = matches!(self.attr.body, Some((BodyKind::None, _)));
        if no_body {
            for part in self.problem_members_asked() {
                self.error(part.span, "`body = none` sends no problem, so this member goes nowhere\nhelp: remove it, or remove `body = none`");
            }
        }
        if let Some(type_uri) = &self.attr.type_uri {
            if let Err(why) = grammar::uri_reference(&type_uri.value()) {
                self.error(
                    type_uri.span(),
                    format!(
                        "this problem `type` {why}\nnote: a problem's `type` is a URI reference that names the problem (RFC 9457 §3.1.1)\nhelp: write a URI such as \"https://example.com/probs/out-of-credit\""
                    ),
                );
            }
        }
        self.title(no_body);
        if let Some((DetailSpec::Static(text), span)) = &self.attr.detail {
            if text.trim().is_empty() {
                self.error(*span, "an empty `detail` says nothing (RFC 9457 §3.1.4)\nhelp: use `detail = hidden` to send none");
            }
        }
        self.extension_names();
    }

    /// The problem members the variant asks for, `#[body]` aside.
    fn problem_members_asked(&self) -> impl Iterator<Item = &BodyPart> {
        self.variant
            .parts
            .iter()
            .filter(|part| part.is_problem_member())
    }

    fn title(&self, no_body: bool) {
        let Some(title) = &self.attr.title else {
            return;
        };
        if title.value().trim().is_empty() {
            self.error(title.span(), "an empty `title` says nothing (RFC 9457 §3.1.3)\nhelp: remove it to use the reason phrase");
        } else if !no_body
            && self
                .attr
                .type_uri
                .as_ref()
                .is_none_or(|type_uri| type_uri.value() == "about:blank")
        {
            self.should(
                Allow::TitleWithoutType,
                title.span(),
                "with the default type \"about:blank\", the title is the status's reason phrase (RFC 9457 §4.2.1)\n\
                 help: give this problem its own `type = \"https://example.com/probs/...\"`, or remove `title`",
            );
        }
    }

    /// Extension names are given for tuple fields, unique, not standard members, and (should)
    /// letters, digits and `_`, at least three (RFC 9457 §3.2).
    fn extension_names(&self) {
        let mut names: Vec<&str> = Vec::new();
        for part in &self.variant.parts {
            let member = match &part.kind {
                PartKind::Extension {
                    field,
                    member,
                    renamed,
                } => {
                    let field_name = &self.variant.field_at(*field).name;
                    if !renamed && field_name.bytes().all(|b| b.is_ascii_digit()) {
                        self.error_here(
                            part.span,
                            "a tuple field needs a member name: `#[extension(\"member_name\")]`",
                        );
                        continue;
                    }
                    member
                }
                PartKind::FixedExtension { member, .. } => member,
                _ => continue,
            };
            self.extension_name(part, member, &names);
            names.push(member);
        }
    }

    /// One extension member's name, against the standard members and the names before it.
    fn extension_name(&self, part: &BodyPart, member: &str, before: &[&str]) {
        let rename = |name: &str| match part.kind {
            PartKind::FixedExtension { .. } => format!("`extensions({name} = ...)`"),
            _ => format!("`#[extension(\"{name}\")]`"),
        };
        if STANDARD_MEMBERS.contains(&member) {
            self.error_here(
                part.span,
                format!("`{member}` is a standard problem member (RFC 9457 §3.1), not an extension\nhelp: rename it: {}", rename(&format!("{member}_info"))),
            );
        } else if before.contains(&member) {
            self.error_here(part.span, format!("a second extension member named `{member}`: a JSON object's member names are unique (RFC 9457 §3.2, RFC 8259 §4)\nhelp: rename one: {}", rename("other_name")));
        } else if let Some((what, help)) = malformed_member_name(member) {
            self.should(
                Allow::ExtensionName,
                part.span,
                format!(
                    "extension member `{member}` {what}; a member name is a letter, then letters, digits or `_`, three at least (RFC 9457 §3.2)\nhelp: {help}"
                ),
            );
        }
    }

    /// Rule (error): 1xx, 204, 205 and 304 never carry content (RFC 9110 §15.2, §15.3.5,
    /// §15.3.6, §15.4.5).
    pub(super) fn no_content(&self, wire: Code) {
        let Some(without) = status_codes::without_content(wire.value) else {
            return;
        };
        if (100..=199).contains(&wire.value) {
            return; // already an error of its own
        }
        let forbid = |span: Span, what: &str| {
            self.error(
                span,
                format!(
                    "{} never has content (RFC 9110 {}), so it cannot have {what}\n\
                     help: remove it; the response is sent without a body",
                    named(wire.value),
                    without.section
                ),
            );
        };
        if let Some((BodyKind::Problem, span)) = &self.attr.body {
            forbid(*span, "`body = problem`");
        }
        for part in &self.variant.parts {
            let what = match part.kind {
                PartKind::Field { .. } => "a `#[body]` field".to_owned(),
                PartKind::Extension { .. } => "a problem extension member".to_owned(),
                _ => format!("a problem {}", part.named()),
            };
            forbid(part.span, &what);
        }
    }

    /// Rule (error): problem members on a variant whose body is not a problem would be dropped
    /// without a word: 2xx and 3xx send no body unless asked to.
    pub(super) fn members_without_problem(&self, wire: Code) {
        let explicit_none = matches!(self.attr.body, Some((BodyKind::None, _)));
        if !status_codes::allows_content(wire.value)
            || explicit_none
            || !matches!(
                prop::body(self.variant, self.attr, wire.value),
                prop::Body::Empty
            )
        {
            return;
        }
        for part in self.problem_members_asked() {
            self.error(
                part.span,
                format!(
                    "{} sends no body unless asked to, so {} goes nowhere\n\
                     help: add `body = problem` to send a problem document, or remove it",
                    named(wire.value),
                    part.named()
                ),
            );
        }
    }

    /// Rule (should): with thiserror's `#[error(transparent)]`, the variant's `Display` is the
    /// source error's, and a `detail` from it shows the source to the client (RFC 9457 §5).
    pub(super) fn source_in_detail(&self, wire: Code) {
        let concealed = self
            .attr
            .conceal_with
            .and(self.attr.code)
            .map(|code| code.value);
        let from_display = matches!(
            prop::detail(self.attr, wire.value, concealed),
            DetailSpec::Kind(Detail::Display)
        );
        let problem = matches!(
            prop::body(self.variant, self.attr, wire.value),
            prop::Body::Problem
        );
        if self.variant.error_transparent && from_display && problem {
            self.should(
                Allow::SourceInDetail,
                wire.span,
                format!(
                    "{} sends its `Display` as the problem's `detail`, and `#[error(transparent)]` makes that the source error's message, which may show internals to the client (RFC 9457 §5)\n\
                     help: set `detail = hidden` or a fixed `detail = \"...\"`, or give the variant its own `#[error(\"...\")]`",
                    named(wire.value)
                ),
            );
        }
    }
}

/// Why an extension member's name is not letters, digits and `_` from a letter, three at least,
/// and the help: `None` when it is well formed.
fn malformed_member_name(member: &str) -> Option<(String, String)> {
    let well_formed = member.len() >= 3
        && member
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic())
        && member
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if well_formed {
        return None;
    }
    let what = if member.len() < 3 {
        "has fewer than three characters".to_owned()
    } else if !member.starts_with(|c: char| c.is_ascii_alphabetic()) {
        "does not start with an ASCII letter".to_owned()
    } else {
        let bad = member
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
            .unwrap_or('?');
        format!("has `{bad}`, which is not a letter, digit or `_`")
    };
    let renamed = member.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    // A renamed member that is well formed differs from this malformed one.
    let help = if renamed.len() >= 3 && renamed.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("rename it: `#[extension(\"{renamed}\")]`")
    } else {
        "rename it: `#[extension(\"...\")]` with a letter, then letters, digits or `_`, three at least".to_owned()
    };
    Some((what, help))
}
