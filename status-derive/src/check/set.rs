//! Rules on a status set (`#[status(400 | 422 | 500, classify = ...)]`): the set and its
//! classifier come together, on a variant's own status, over a field the classifier can read.
//! Each status of the set is then checked by every other rule, as if it were a variant's own.

use syn::spanned::Spanned;

use super::Rules;

impl Rules<'_> {
    /// Rule (error): a status set names the function that picks one of its statuses at run
    /// time, and `classify` has a set to pick from.
    pub(super) fn status_set(&self) {
        let Some(attr) = &self.variant.attr else {
            return;
        };
        match (attr.set.first(), &attr.classify) {
            (Some(first), None) => {
                let codes: Vec<String> = attr.set.iter().map(|code| code.value.to_string()).collect();
                self.error(
                    first.span,
                    format!(
                        "a status set needs `classify = ...`, the function that picks one of {} at run time\n\
                         help: `classify = status_core::classify::json_error` for a `serde_json::Error`, or a `fn(&YourError) -> StatusCode` of yours",
                        codes.join(", ")
                    ),
                );
            }
            (None, Some(path)) => self.error_over(
                path,
                format!(
                    "`classify` picks one status of a set, and {} has one status\n\
                     help: write every status it may answer, `#[status(400 | 422 | 500, classify = ...)]`, or remove `classify`",
                    self.variant.name()
                ),
            ),
            (Some(first), Some(path)) => self.classified(first.span, path),
            (None, None) => {}
        }
    }

    /// Rule (error): the classifier reads one variant's error: the set is the variant's own, and
    /// the variant has the field to pass.
    fn classified(&self, set: proc_macro2::Span, classify: &syn::Path) {
        if self.variant.uses_default {
            self.error(
                set,
                "a status set classifies one variant's error, so it is no default for an enum's variants\n\
                 help: write it on each variant that answers it",
            );
        } else if self.variant.classified_field().is_none() {
            let fields = match self.variant.fields.len() {
                0 => "no field to give it".to_owned(),
                count => format!("{count} fields and none is its source"),
            };
            self.error_over(
                classify,
                format!(
                    "`classify` is given the variant's error, and {} has {fields}\n\
                     help: mark the error's field `#[from]` or `#[source]` (thiserror's attributes), or give the variant that one field",
                    self.variant.name(),
                ),
            );
        }
    }

    /// An error over the whole of `path`, such as `status_core::classify::json_error`.
    fn error_over(&self, path: &syn::Path, message: impl std::fmt::Display) {
        let first = path
            .segments
            .first()
            .map_or(path.span(), |segment| segment.ident.span());
        let last = path
            .segments
            .last()
            .map_or(path.span(), |segment| segment.ident.span());
        self.error_between(first, last, message);
    }
}
