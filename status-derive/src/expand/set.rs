//! The arms of a variant with a status set (`#[status(400 | 422 | 500, classify = ...)]`): its
//! classifier picks the status at run time, once per method call, and each status answers as if it
//! were a variant's own (one row of the contract table each). A status the classifier answers
//! outside the set is the documented fallback: `status()` 500, `try_to_response()`
//! `ResponseBuildError::OutsideStatusSet`, and so `to_response()` the bare 500.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::bounds::Bounds;
use super::plan::Plan;
use super::{Arms, binding, pattern, response, status_code};
use crate::ast::{Field, Variant};

impl Arms {
    /// The arms of a variant whose status `classify` picks among `plans`, and their rows.
    pub(super) fn classified(
        &mut self,
        variant: &Variant,
        classify: &syn::Path,
        plans: &[Plan],
        bounds: &mut Bounds,
    ) {
        // The rules require the field (`check::set`).
        let Some(field) = variant.classified_field() else {
            return;
        };
        let status = classified_status(classify, field);
        let keys: Vec<Literal> = plans
            .iter()
            .map(|plan| Literal::u16_unsuffixed(plan.concealed.unwrap_or(plan.wire)))
            .collect();
        self.set_status_arms(variant, field, &status, &keys, plans);
        let mut used: Vec<&Field> = vec![field];
        let mut bodies = Vec::new();
        for plan in plans {
            plan.write_contract(&mut self.table);
            used.extend(plan.used_fields());
            let (body, needs_display) = response::body(plan, bounds);
            self.needs_display |= needs_display;
            bodies.push(body);
        }
        let all = pattern(variant, &used);
        self.response.push(quote! {
            #all => match #status {
                #(#keys => #bodies,)*
                __status => ::core::result::Result::Err(
                    ::status_core::ResponseBuildError::OutsideStatusSet { status: __status },
                ),
            },
        });
    }

    /// The arms of `status()` and `contract()`: the status each key answers on the wire, and
    /// its row of the table; outside the set, 500 and the fallback's contract.
    fn set_status_arms(
        &mut self,
        variant: &Variant,
        field: &Field,
        status: &TokenStream,
        keys: &[Literal],
        plans: &[Plan],
    ) {
        let only_field = pattern(variant, &[field]);
        let name = match variant.ident {
            Some(ident) => {
                let name = syn::ext::IdentExt::unraw(ident).to_string();
                quote!(::core::option::Option::Some(#name))
            }
            None => quote!(::core::option::Option::None),
        };
        let wires = plans.iter().map(|plan| status_code(plan.wire));
        self.status.push(quote! {
            #only_field => match #status {
                #(#keys => #wires,)*
                _ => ::status_core::http::StatusCode::INTERNAL_SERVER_ERROR,
            },
        });
        let indices = (self.own_count..self.own_count + plans.len()).map(Literal::usize_unsuffixed);
        self.own_count += plans.len();
        self.own_contract.push(quote! {
            #only_field => match #status {
                #(#keys => #indices,)*
                _ => return __HTTP_STATUS_TABLE.outside_set(#name),
            },
        });
    }
}

/// The status the classifier picks, as a number; a classifier of the wrong type is reported on
/// the path the user wrote.
fn classified_status(classify: &syn::Path, field: &Field) -> TokenStream {
    let value = binding(field);
    quote_spanned!(classify.span()=> ::status_core::__private::classified(#classify(#value)))
}
