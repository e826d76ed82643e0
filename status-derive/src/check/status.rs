//! Rules on the status code itself: its range, its class, the codes HTTP reserves or deprecates,
//! and the reason phrase of an unregistered one.

use super::{Rules, named};
use crate::attr::{Allow, Code};
use crate::grammar;

impl Rules<'_> {
    /// The rules on a code in range.
    pub(super) fn status(&self, code: Code) {
        self.informational(code);
        self.deprecated(code);
        self.reserved(code);
        self.multiple_choices(code);
        self.success_on_error(code);
        self.reason_phrase(code);
    }

    /// Rule (error): the status is three digits, 100..=599 (RFC 9110 §15). `http` accepts up to
    /// 999, which no client understands.
    pub(super) fn status_range(&self, code: Code) -> bool {
        if (100..=599).contains(&code.value) {
            return true;
        }
        self.error_between(
            code.span,
            code.end,
            "not an HTTP status code: a status code is three digits from 100 to 599 (RFC 9110 §15)\n\
             help: use the code that says what happened, such as `404` or `NOT_FOUND`",
        );
        false
    }

    /// Rule (error): a 1xx is interim; every request gets exactly one final response, never a
    /// 1xx (RFC 9110 §15.2).
    fn informational(&self, code: Code) {
        if (100..=199).contains(&code.value) {
            self.error(
                code.span,
                format!(
                    "{} is an interim (1xx) response, and a final response can never be 1xx (RFC 9110 §15.2)\n\
                     help: an error answers with a final status: 4xx for the client's mistakes, 5xx for the server's",
                    named(code.value)
                ),
            );
        }
    }

    /// Rule (error): 305 Use Proxy is deprecated and 306 is reserved (RFC 9110 §15.4.6, §15.4.7).
    fn deprecated(&self, code: Code) {
        let why = match code.value {
            305 => "305 Use Proxy is deprecated and clients ignore it (RFC 9110 §15.4.6)",
            306 => "306 is reserved and no longer used (RFC 9110 §15.4.7)",
            _ => return,
        };
        self.error(
            code.span,
            format!("{why}\nhelp: use 307 Temporary Redirect with a `location` to send the client elsewhere"),
        );
    }

    /// Rule (should): 402 and 418 are reserved (RFC 9110 §15.5.3, §15.5.19).
    fn reserved(&self, code: Code) {
        let (why, help) = match code.value {
            402 => (
                "402 Payment Required is reserved for future use (RFC 9110 §15.5.3)",
                "most payment problems are 403 Forbidden or 409 Conflict with a problem `type`",
            ),
            418 => (
                "418 is reserved and unused (RFC 9110 §15.5.19)",
                "use the 4xx that says what went wrong, such as 400 Bad Request, 404 Not Found or 422 Unprocessable Content",
            ),
            _ => return,
        };
        self.should(
            Allow::ReservedStatus,
            code.span,
            format!("{why}\nhelp: {help}"),
        );
    }

    /// Rule (should): 300 Multiple Choices needs a body listing the choices and is rarely meant
    /// (RFC 9110 §15.4.1).
    fn multiple_choices(&self, code: Code) {
        if code.value == 300 {
            self.should(
                Allow::MultipleChoices,
                code.span,
                "300 Multiple Choices offers the client a list of alternatives and is rarely what an error means (RFC 9110 §15.4.1)\n\
                 help: to send the client elsewhere, use 303, 307 or 308 with a `location`",
            );
        }
    }

    /// Rule (should): a 2xx on an error type reports a failure as a success.
    fn success_on_error(&self, code: Code) {
        if self.input.is_error_type && (200..=299).contains(&code.value) {
            self.should(
                Allow::SuccessStatus,
                code.span,
                format!(
                    "{} on an error type reports a failure as a success (RFC 9110 §15.3)\n\
                     help: use the 4xx or 5xx that says what went wrong",
                    named(code.value)
                ),
            );
        }
    }

    /// Rule (should): a code IANA does not register has no standard meaning, and clients treat
    /// it as x00; it needs an explicit reason phrase (RFC 9110 §15, §16.2.1). A reason phrase on
    /// a registered code would contradict IANA's.
    /// Whether the variant's status set holds a code IANA does not register.
    fn set_has_unregistered(&self) -> bool {
        self.variant.attr.as_ref().is_some_and(|attr| {
            attr.set
                .iter()
                .any(|code| status_codes::lookup(code.value).is_none())
        })
    }

    fn reason_phrase(&self, code: Code) {
        match (status_codes::lookup(code.value), &self.attr.reason) {
            (None, None) => self.should(
                Allow::UnregisteredStatus,
                code.span,
                format!(
                    "{} is not in the IANA status code registry, so clients treat it as {}00 (RFC 9110 §15)\n\
                     help: use a registered code, or give the phrase: `reason = \"...\"`",
                    code.value,
                    code.value / 100
                ),
            ),
            // In a set that holds an unregistered code, `reason` is that code's phrase.
            (Some(_), Some(_)) if self.set_has_unregistered() => {}
            (Some(row), Some(reason)) => self.error(
                reason.span(),
                format!(
                    "{} is registered as \"{}\", and clients know it by that phrase; `reason` is only for codes IANA does not register (RFC 9110 §15, §16.2.1)\n\
                     help: remove `reason`; to describe this problem, use `title` with a `type`",
                    code.value, row.phrase
                ),
            ),
            (None, Some(reason)) => {
                if let Err(why) = grammar::reason_phrase(&reason.value()) {
                    self.error(
                        reason.span(),
                        format!("this reason phrase {why}\nhelp: write a short phrase such as \"Client Closed Request\""),
                    );
                }
            }
            (Some(_), None) => {}
        }
    }
}
