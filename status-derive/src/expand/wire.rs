//! What a client sees of each answer, for the conceal check across types
//! (`status_core::__private::Wire`): one entry per own answer (per status of a set), one per
//! transparent variant pointing at its field type's entries; and, per transparent variant, a
//! constant whose evaluation fails with the rule's message when that variant brings in an
//! answer a client tells from a concealed one (RFC 9110 §15.5.4).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use super::bounds::Bounds;
use super::local;
use super::plan::Plan;
use crate::ast::{Field, Variant};
use crate::attr::Allow;
use crate::check::named;
use crate::prop;

/// The entries and the checks, collected while the arms are generated.
#[derive(Default)]
pub struct WireWriter {
    entries: Vec<TokenStream>,
    /// One constant per transparent variant the compiler can see through.
    checks: Vec<TokenStream>,
}

impl WireWriter {
    /// The entry of an own answer.
    pub fn answer(&mut self, type_name: &str, plan: &Plan) {
        let name = qualified(type_name, plan.variant);
        let status = plan.wire;
        let status_named = named(status);
        let hidden = plan.concealed.map(named).unwrap_or_default();
        let beyond = if plan.concealed.is_some() {
            String::new()
        } else {
            prop::beyond_bare_problem(plan.variant, plan.attr, status).unwrap_or_default()
        };
        let allowed = plan.attr.allows(Allow::DistinguishableConceal);
        self.entries.push(quote! {
            ::status_core::__private::WireEntry::Answer(::status_core::__private::WireAnswer {
                name: #name,
                status: #status,
                status_named: #status_named,
                hidden: #hidden,
                beyond: #beyond,
                allowed: #allowed,
            })
        });
    }

    /// The entry of a transparent variant, and its check; `Unknown` when its field's type
    /// mentions a generic parameter or a lifetime, which the entries (a `const` beside the impl)
    /// cannot name (then `status_core::check_concealment` checks it at run time).
    pub fn transparent(
        &mut self,
        type_name: &str,
        variant: &Variant,
        field: &Field,
        bounds: &Bounds,
    ) {
        if bounds.mentions_any(field.ty) {
            self.entries
                .push(quote!(::status_core::__private::WireEntry::Unknown));
            return;
        }
        let index = self.entries.len();
        let name = qualified(type_name, variant);
        let span = field.ty.span();
        let ty = field.ty;
        self.entries.push(quote_spanned! {span=>
            ::status_core::__private::WireEntry::Nested {
                name: #name,
                format: <#ty as ::status_core::__private::Wire>::FORMAT,
                entries: <#ty as ::status_core::__private::Wire>::ENTRIES,
            }
        });
        let opted_out = variant
            .attr
            .as_ref()
            .is_some_and(|attr| attr.allows(Allow::DistinguishableConceal));
        // A struct has no sibling to compare with.
        let Some(ident) = variant.ident.filter(|_| !opted_out) else {
            return;
        };
        let at = ident.span();
        // Not a panic of the derive: generated code, a `panic!` in a `const` initializer that
        // the compiler evaluates, which is how a constant evaluation reports a compile error
        // (E0080) with the rule's message, at the variant's span.
        let message = local("__message");
        let fail = quote_spanned!(at=> ::core::panic!("{}", #message.text()));
        self.checks.push(quote! {
            const _: () = {
                const __VERDICT: ::core::option::Option<::status_core::__private::ConcealMessage> =
                    ::status_core::__private::conceal_verdict(__HTTP_STATUS_WIRE, __HTTP_STATUS_FORMAT, #index);
                if let ::core::option::Option::Some(__message) = &__VERDICT {
                    #fail
                }
            };
        });
    }

    /// The entries, the `Wire` impl, and the checks: items of the anonymous `const` that holds
    /// the impl. `format` is the type's format path, if it names one.
    pub fn finish(self, format: Option<&syn::Path>, impl_head: TokenStream) -> TokenStream {
        let WireWriter { entries, checks } = self;
        let format = format.map(format_name).unwrap_or_default();
        quote! {
            const __HTTP_STATUS_WIRE: &[::status_core::__private::WireEntry] = &[#(#entries),*];
            const __HTTP_STATUS_FORMAT: &str = #format;

            #[automatically_derived]
            #impl_head {
                const ENTRIES: &'static [::status_core::__private::WireEntry] = __HTTP_STATUS_WIRE;
                const FORMAT: &'static str = __HTTP_STATUS_FORMAT;
            }

            #(#checks)*
        }
    }
}

/// `Type::Variant`, or `Type` for a struct.
fn qualified(type_name: &str, variant: &Variant) -> String {
    match variant.ident {
        Some(ident) => format!("{type_name}::{}", ident.unraw()),
        None => type_name.to_owned(),
    }
}

/// A format's name for the comparison: the last segment of its path (`HtmlPage` however it is
/// written), and none for `ProblemJson`, which is what a type without a format writes.
fn format_name(path: &syn::Path) -> String {
    let name = path
        .segments
        .last()
        .map(|segment| segment.ident.unraw().to_string())
        .unwrap_or_default();
    if name == "ProblemJson" {
        String::new()
    } else {
        name
    }
}
