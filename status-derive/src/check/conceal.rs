//! Rules on `conceal`: what may hide what, that nothing of the hidden status reaches the client,
//! and that the concealing answer looks like a real one (RFC 9110 §15.5.4).

use proc_macro2::Span;

use super::{Rules, named};
use crate::ast::Variant;
use crate::attr::{Allow, Code};
use crate::prop;

impl Rules<'_> {
    /// Rule (error): `conceal` answers with another 4xx to hide the real one, as RFC 9110
    /// §15.5.4 allows 404 for 403; nothing of the real status may reach the client. Whether the
    /// pair is valid, so that the rules on the status sent can run.
    pub(super) fn conceal(&self, code: Code, conceal_with: Code) -> bool {
        let mut valid = true;
        if !(400..=499).contains(&code.value) {
            self.error(
                code.span,
                format!(
                    "only a client error (4xx) can be concealed, and {} is not one (RFC 9110 §15.5.4)\n\
                     help: remove `conceal`",
                    named(code.value)
                ),
            );
            valid = false;
        }
        if let Some(why) = cannot_conceal_with(code, conceal_with) {
            let help = if conceal_with.value == code.value {
                "help: remove `conceal`"
            } else {
                "help: `conceal = 404` answers \"Not Found\" to hide that the resource exists"
            };
            self.error(
                conceal_with.span,
                format!(
                    "{why}, so it cannot hide {} (RFC 9110 §15.5.4)\n{help}",
                    named(code.value)
                ),
            );
            valid = false;
        }
        self.revealing(code);
        if valid {
            self.distinguishable_conceal(code, conceal_with);
        }
        valid
    }

    /// Everything of the variant's that a concealed response would send: its header sources,
    /// its body parts from fields, then those of `#[status(...)]`.
    fn revealing(&self, code: Code) {
        let reveal = |span: Span, what: &str| {
            self.error(
                span,
                format!(
                    "{what} would reveal the concealed {}: a concealed status answers with nothing but `conceal`'s status and title\n\
                     help: remove it, or remove `conceal`",
                    named(code.value)
                ),
            );
        };
        for source in &self.variant.headers {
            reveal(source.span, &format!("the `{}` header", source.name));
        }
        let parts = &self.variant.parts;
        for part in parts.iter().filter(|part| part.is_from_field()) {
            reveal(part.span, "a body or problem member from a field");
        }
        for part in parts.iter().filter(|part| !part.is_from_field()) {
            reveal(part.span, part.named());
        }
    }

    /// Rule (should): a concealed status hides the real one only if its answer is the same as a
    /// real one's: if another variant answers the concealing status with more than a bare
    /// problem, a client tells them apart (RFC 9110 §15.5.4).
    fn distinguishable_conceal(&self, code: Code, conceal: Code) {
        for sibling in &self.input.variants {
            if std::ptr::eq(sibling, self.variant) || sibling.malformed {
                continue;
            }
            let Some(attr) = &sibling.attr else {
                continue;
            };
            // Each status of a sibling's set is an answer of its own.
            for view in attr.statuses() {
                if view.transparent.is_some() || prop::wire(&view) != Some((conceal.value, None)) {
                    continue;
                }
                if let Some(what) = prop::beyond_bare_problem(sibling, &view, conceal.value) {
                    self.distinguishable(code, conceal, sibling, &what);
                    return;
                }
            }
        }
    }

    fn distinguishable(&self, code: Code, conceal: Code, sibling: &Variant, what: &str) {
        self.should(
            Allow::DistinguishableConceal,
            conceal.span,
            format!(
                "`conceal = {}` answers a bare \"{}\" problem, but {} answers {} with {what}, so a client can tell a concealed {} from a real {} (RFC 9110 §15.5.4)\n\
                 help: make {} answer a bare problem too (`detail = hidden`, no headers or members)",
                conceal.value,
                named(conceal.value),
                sibling.name(),
                conceal.value,
                named(code.value),
                conceal.value,
                sibling.name()
            ),
        );
    }
}

/// Why `conceal_with` cannot stand in for `code`: it is not a registered 4xx, it is `code`
/// itself, or its status needs a header field about the real resource.
fn cannot_conceal_with(code: Code, conceal_with: Code) -> Option<String> {
    let value = conceal_with.value;
    if !(400..=499).contains(&value) || status_codes::lookup(value).is_none() {
        Some(format!(
            "`conceal = {value}` is not a registered client error (4xx)"
        ))
    } else if value == code.value {
        Some(format!(
            "`conceal = {value}` answers with the status it should hide"
        ))
    } else if status_codes::required_header(value).is_some() {
        Some(format!(
            "{} needs a header field about the real resource, which a concealed response cannot send",
            named(value)
        ))
    } else {
        None
    }
}
