//! HTTP's rules, one function per rule. Each error names the rule, its RFC section, and the fix.
//!
//! "error" rules are HTTP MUSTs (or codes that can never be a final response) and have no
//! opt-out. "should" rules are SHOULDs or near-certain mistakes; each names the `allow(...)`
//! that turns it off for one variant.
//!
//! The rules own the guarantees: what they accept, `expand` generates without checking again
//! (a concealed variant, for one, has no header source and no body part left when they pass).
//! By topic: the status code (`status.rs`), header fields (`headers.rs`), the body (`body.rs`),
//! and `conceal` (`conceal.rs`).

mod body;
mod conceal;
mod headers;
mod set;
mod status;

use std::cell::{Cell, RefCell};

use proc_macro2::Span;

use crate::ast::{Input, Variant};
use crate::attr::{Allow, StatusAttr};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, input: &Input) {
    for (index, variant) in input.variants.iter().enumerate() {
        let Some(attr) = &variant.attr else {
            continue;
        };
        if variant.malformed {
            continue;
        }
        // The enum-level default is checked once per variant that uses it; a message that does
        // not depend on the variant is reported once.
        let scope = if variant.uses_default {
            "default".to_owned()
        } else {
            index.to_string()
        };
        let mut allowed = Vec::new();
        let mut reported = false;
        // Each status of a set is checked as if it were a variant's own; what does not depend on
        // the status is checked with the first.
        for (position, view) in attr.statuses().iter().enumerate() {
            let rules = Rules {
                cx,
                input,
                variant,
                attr: view,
                first_status: position == 0,
                dedup_scope: &scope,
                allowed: RefCell::new(Vec::new()),
                reported: Cell::new(false),
                status_rules: Cell::new(false),
            };
            rules.check();
            allowed.extend(rules.allowed.take());
            reported |= rules.reported.get();
        }
        // An enum-level default's opt-outs apply to many variants; each variant's own must be
        // needed, so that an opt-out does not outlive the contract that needed it.
        if !variant.uses_default && !reported {
            unused_allows(cx, variant, attr, &allowed);
        }
    }
}

/// Rule (error): an `allow(...)` that turns no rule off, for any status the variant answers, is
/// a stale opt-out.
fn unused_allows(cx: &Ctxt, variant: &Variant, attr: &StatusAttr, allowed: &[Allow]) {
    for (allow, span) in &attr.allows {
        if !allowed.contains(allow) {
            cx.error(
                *span,
                format!(
                    "`allow({})` turns nothing off: {} breaks no rule it names\nhelp: remove it",
                    allow.name(),
                    variant.name()
                ),
            );
        }
    }
}

struct Rules<'a> {
    cx: &'a Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    /// The variant's `#[status]`, as the one status being checked (`StatusAttr::statuses`).
    attr: &'a StatusAttr,
    /// Whether it is the first (or only) status: what does not depend on the status is checked
    /// once, with it.
    first_status: bool,
    /// Where the same message at the same place is reported once: the enum-level default is
    /// one scope for every variant that uses it, each variant's own attribute another.
    dedup_scope: &'a str,
    /// The opt-outs that turned a "should" rule off.
    allowed: RefCell<Vec<Allow>>,
    /// Whether a rule reported an error on this variant.
    reported: Cell<bool>,
    /// Whether the rules on the status itself are running (those that differ from one status of
    /// a set to another).
    status_rules: Cell<bool>,
}

/// The phrase of a code for messages: `404 Not Found`.
pub(crate) fn named(code: u16) -> String {
    match status_codes::lookup(code) {
        Some(row) => format!("{code} {}", row.phrase),
        None => code.to_string(),
    }
}

impl Rules<'_> {
    /// An error, reported once per scope and place.
    fn error(&self, span: Span, message: impl std::fmt::Display) {
        let message = self.in_set(message);
        if self.cx.error_once(self.dedup_scope, span, message) {
            self.reported.set(true);
        }
    }

    /// An error about one field or key of this variant's own, reported every time: a mistake
    /// that cannot come from an enum-level default.
    fn error_here(&self, span: Span, message: impl std::fmt::Display) {
        self.cx.error(span, message);
        self.reported.set(true);
    }

    /// An error over the tokens from `start` to `end`, such as `-404`.
    fn error_between(&self, start: Span, end: Span, message: impl std::fmt::Display) {
        let message = self.in_set(message);
        if self
            .cx
            .error_once_between(self.dedup_scope, start, end, message)
        {
            self.reported.set(true);
        }
    }

    /// `message`, and, from a rule on one status of a status set, which status it is: the fix
    /// may be to take that status out of the set.
    fn in_set(&self, message: impl std::fmt::Display) -> String {
        let set = self
            .variant
            .attr
            .as_ref()
            .map_or(&[][..], |attr| &attr.set[..]);
        match (self.status_rules.get(), self.attr.code) {
            (true, Some(code)) if !set.is_empty() => {
                let codes: Vec<String> = set.iter().map(|code| code.value.to_string()).collect();
                format!(
                    "{message}\nnote: {} is one status of the set `{}`, each checked as a variant of its own; or take it out of the set",
                    code.value,
                    codes.join(" | ")
                )
            }
            _ => message.to_string(),
        }
    }

    /// A "should" rule: an error unless the variant allows it.
    fn should(&self, allow: Allow, span: Span, message: impl std::fmt::Display) {
        if self.attr.allows(allow) {
            self.allowed.borrow_mut().push(allow);
        } else {
            self.error(
                span,
                format!(
                    "{message}\nnote: if this is on purpose, opt out with `allow({})` in this #[status(...)]",
                    allow.name()
                ),
            );
        }
    }

    fn check(&self) {
        if self.attr.transparent.is_some() {
            self.transparent();
            return;
        }
        if self.first_status {
            self.field_roles();
            self.headers();
            self.problem_members();
            self.status_set();
        }
        self.status_rules.set(true);
        let Some(code) = self.attr.code else {
            return;
        };
        if !self.status_range(code) {
            return;
        }
        self.status(code);
        let wire = match self.attr.conceal_with {
            Some(conceal_with) => {
                if !self.conceal(code, conceal_with) {
                    return;
                }
                conceal_with
            }
            None => code,
        };
        self.no_content(wire);
        self.members_without_problem(wire);
        self.source_in_detail(wire);
        self.required_header(wire);
        self.content_range_form(wire);
        if self.attr.conceal_with.is_none() {
            // A concealed variant's headers are already reported as revealing it.
            self.retry_after_status(wire);
        }
    }

    /// Rule (error): `#[status(transparent)]` delegates to the only field's own `HttpStatus`, so
    /// the variant has exactly one field, and nothing else to say.
    fn transparent(&self) {
        let span = self.attr.transparent.unwrap_or(self.attr.span);
        if self.variant.fields.len() != 1 {
            self.error(
                span,
                format!(
                    "`#[status(transparent)]` needs exactly one field, whose type implements HttpStatus; {} has {}\n\
                     help: give it one field, or a status of its own",
                    self.variant.name(),
                    self.variant.fields.len()
                ),
            );
        }
        for field in &self.variant.fields {
            for role in &field.roles {
                self.error_here(
                    role.span(),
                    "a transparent variant takes everything from its field's HttpStatus, so field attributes have no effect here\nhelp: remove it",
                );
            }
        }
        // `format` and `integrations` belong to the type, and take effect on a transparent one.
        let keys = self.attr.keys.iter();
        for (key, span) in keys.filter(|(key, _)| !crate::attr::TYPE_KEYS.contains(&key.as_str())) {
            self.error(
                *span,
                format!("`{key}` has no effect with `transparent`, which takes the whole response from the field's HttpStatus\nhelp: remove `{key}`, or give the variant a status of its own instead of `transparent`"),
            );
        }
        for (allow, span) in &self.attr.allows {
            if *allow == Allow::DistinguishableConceal {
                // Checked when the compiler evaluates the variant's conceal check: the field
                // type's answers are not known to the derive.
                self.allowed.borrow_mut().push(*allow);
                continue;
            }
            self.error(
                *span,
                "`allow(...)` has nothing to allow on a transparent variant but `distinguishable_conceal`\nhelp: remove it",
            );
        }
    }
}
