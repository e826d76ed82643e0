//! `try_to_response()`'s arm for one variant with a status of its own: the status line, each
//! header field, and the body, from what the rules accepted.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::bounds::Bounds;
use super::plan::Plan;
use super::{binding, header_name, local, pattern, status_code};
use crate::ast::{FieldHeader, HeaderOrigin, PartKind, Variant, json_string};
use crate::attr::{Detail, DetailSpec, LocationTemplate, TemplatePiece};
use crate::prop::{self, Body};

/// The arm, and whether it writes the error's `Display` as the `detail`.
pub fn arm(plan: &Plan, bounds: &mut Bounds) -> (TokenStream, bool) {
    let pat = pattern(plan.variant, &plan.used_fields());
    let (body, needs_display) = body(plan, bounds);
    (quote!(#pat => #body,), needs_display)
}

/// The arm's expression, which reads the fields `Plan::used_fields` binds, and whether it
/// writes the error's `Display` as the `detail`.
pub fn body(plan: &Plan, bounds: &mut Bounds) -> (TokenStream, bool) {
    let wire = status_code(plan.wire);
    let statements = header_statements(plan, bounds);
    if let Some(call) = one_call(plan, &statements, &wire) {
        // No member from a field, so no bound to add: only whether the detail is `Display`.
        let needs_display = matches!(plan.body, Body::Problem)
            && matches!(plan.detail(), DetailSpec::Kind(Detail::Display));
        return (call, needs_display);
    }
    let (finish, needs_display) = finish(plan, bounds);
    let header_count = statements.len();
    let mut parts = if header_count == 0 {
        quote!(::status_core::__private::ResponseParts::new(#wire))
    } else {
        quote!(::status_core::__private::ResponseParts::with_capacity(#wire, #header_count))
    };
    if status_codes::lookup(plan.wire).is_none() {
        let reason = &plan.reason;
        parts = quote!(#parts.reason_phrase(#reason));
    }
    let mutability = if header_count == 0 {
        quote!()
    } else {
        quote!(mut)
    };
    let body = quote! {
        {
            let #mutability __parts = #parts;
            #(#statements)*
            #finish
        }
    };
    (body, needs_display)
}

/// The common shapes (no header field, no member from a field) as one call each: less code for
/// every user's build to type-check and borrow-check.
fn one_call(plan: &Plan, statements: &[TokenStream], wire: &TokenStream) -> Option<TokenStream> {
    let from_fields = plan.variant.parts.iter().any(|part| part.is_from_field());
    if !statements.is_empty() || from_fields || status_codes::lookup(plan.wire).is_none() {
        return None;
    }
    match (&plan.body, plan.detail()) {
        (Body::Empty, _) => Some(quote!(::status_core::__private::empty(#wire))),
        (Body::Problem, DetailSpec::Kind(Detail::Display)) => {
            let prefix = plan.problem_prefix();
            Some(quote!(::status_core::__private::problem_with_display(#wire, #prefix, self)))
        }
        (Body::Problem, _) => {
            let prefix = plan.problem_prefix();
            Some(quote!(::status_core::__private::problem(#wire, #prefix)))
        }
        _ => None,
    }
}

/// One statement per header field, in the order of the variant's header sources, then the
/// `Connection: upgrade` beside an `Upgrade`, then the check that a required header a field
/// gives is there.
fn header_statements(plan: &Plan, bounds: &mut Bounds) -> Vec<TokenStream> {
    let variant = plan.variant;
    let mut statements: Vec<TokenStream> = variant
        .headers
        .iter()
        .map(|source| match &source.origin {
            HeaderOrigin::Static(header) => {
                let name = header_name(&header.name, header.constant.as_ref());
                let value = &header.value;
                quote!(__parts.fixed(#name, const { ::status_core::http::HeaderValue::from_static(#value) });)
            }
            HeaderOrigin::Template(location) => location_statement(location, variant, bounds),
            HeaderOrigin::Field { field, kind } => {
                field_statement(variant, *field, kind, &source.name, bounds)
            }
        })
        .collect();
    if plan.sends_upgrade() {
        statements.push(quote!(__parts.connection_upgrade();));
    }
    // A required header whose only sources are fields may still be missing at run time (an
    // `Option` that is `None`, however it is spelled): that response must not go out.
    if let Some(required) = prop::required_header(plan.wire) {
        let opted_out = required.allow.is_some_and(|allow| plan.attr.allows(allow));
        let name = required.header.name;
        if required.always_sent && !opted_out && !variant.has_static_header(name) {
            let constant = format_ident!("{}", required.constant);
            statements
                .push(quote!(__parts.require(::status_core::http::header::#constant, #name)?;));
        }
    }
    statements
}

fn field_statement(
    variant: &Variant,
    index: usize,
    kind: &FieldHeader,
    name: &str,
    bounds: &mut Bounds,
) -> TokenStream {
    let field = variant.field_at(index);
    let (value, ty) = (binding(field), field.ty);
    let parts = local("__parts");
    match kind {
        FieldHeader::Named(constant) => {
            bounds.field(ty, quote!(::status_core::HeaderFieldValue));
            let header = header_name(name, constant.as_ref());
            quote_spanned!(ty.span()=> #parts.field(#header, #name, #value)?;)
        }
        FieldHeader::Location => {
            bounds.field(ty, quote!(::status_core::HeaderFieldValue));
            quote_spanned!(ty.span()=> #parts.field(::status_core::http::header::LOCATION, "location", #value)?;)
        }
        FieldHeader::RetryAfter => {
            bounds.field(ty, quote!(::status_core::RetryAfterValue));
            quote_spanned!(ty.span()=> #parts.retry_after(#value);)
        }
    }
}

fn location_statement(
    location: &LocationTemplate,
    variant: &Variant,
    bounds: &mut Bounds,
) -> TokenStream {
    if !location.has_placeholder() {
        let text = location.literal.value();
        return quote!(__parts.fixed(::status_core::http::header::LOCATION, const { ::status_core::http::HeaderValue::from_static(#text) }););
    }
    let literal_length: usize = location
        .pieces
        .iter()
        .map(|piece| match piece {
            TemplatePiece::Literal(text) => text.len(),
            // Room for a typical id.
            TemplatePiece::Placeholder(_) => 16,
        })
        .sum();
    let pushes: Vec<TokenStream> = location
        .pieces
        .iter()
        .filter_map(|piece| match piece {
            TemplatePiece::Literal(text) => Some(quote!(__location.literal(#text);)),
            TemplatePiece::Placeholder(name) => {
                let field = variant.field(name)?;
                bounds.field(field.ty, quote!(::core::fmt::Display));
                let value = binding(field);
                let location = local("__location");
                Some(quote_spanned!(field.ty.span()=> #location.placeholder(#value)?;))
            }
        })
        .collect();
    let span = Span::call_site();
    quote_spanned! {span=>
        let mut __location = ::status_core::__private::LocationTemplate::new(#literal_length);
        #(#pushes)*
        __parts.location(__location)?;
    }
}

/// The body, and whether it writes the error's `Display` as the `detail`.
fn finish(plan: &Plan, bounds: &mut Bounds) -> (TokenStream, bool) {
    match &plan.body {
        Body::Empty => (quote!(::core::result::Result::Ok(__parts.empty())), false),
        Body::ResetContent => (
            quote!(::core::result::Result::Ok(__parts.reset_content())),
            false,
        ),
        Body::Field(field) => {
            let (value, name, ty) = (binding(field), &field.name, field.ty);
            bounds.field(ty, quote!(::status_core::ResponseBody));
            let parts = local("__parts");
            (
                quote_spanned!(ty.span()=> #parts.body(#name, #value)),
                false,
            )
        }
        Body::Problem => problem(plan, bounds),
    }
}

/// A problem document: the prefix known at compile time, then the members from the error.
fn problem(plan: &Plan, bounds: &mut Bounds) -> (TokenStream, bool) {
    let prefix = plan.problem_prefix();
    let mut members = Vec::new();
    let problem = local("__problem");
    let needs_display = matches!(plan.detail(), DetailSpec::Kind(Detail::Display));
    if needs_display {
        members.push(quote!(#problem.detail(self)?;));
    }
    for part in &plan.variant.parts {
        match &part.kind {
            PartKind::Instance { field } => {
                let field = plan.variant.field_at(*field);
                let (value, ty) = (binding(field), field.ty);
                bounds.field(ty, quote!(::core::fmt::Display));
                members
                    .push(quote_spanned!(ty.span()=> #problem.display(",\"instance\":", #value)?;));
            }
            PartKind::Extension { field, member, .. } => {
                let field = plan.variant.field_at(*field);
                let (value, ty) = (binding(field), field.ty);
                bounds.field(ty, quote!(::status_core::ExtensionMember));
                let key = format!(",{}:", json_string(member));
                members.push(quote_spanned!(ty.span()=> ::status_core::ExtensionMember::write_member(#value, &mut #problem, #key)?;));
            }
            _ => {}
        }
    }
    let finish = quote! {
        let mut #problem = ::status_core::__private::ProblemWriter::new(#prefix);
        #(#members)*
        ::core::result::Result::Ok(__parts.problem(#problem.finish()))
    };
    (finish, needs_display)
}
