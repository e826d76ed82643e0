//! Code generation. Everything known at compile time is computed here: status codes, reason
//! phrases, static header values, and the static part of each problem-details body.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, Type};

use crate::ast::{Field, Input, Variant};
use crate::attr::{Detail, DetailSpec, FieldRole, StatusAttr, TemplatePiece};
use crate::check;
use crate::contract_table::{self, Own, Source, TableWriter};
use crate::ctxt::Ctxt;
use crate::prop::{self, Body};

/// The whole derive on a token stream: what the proc-macro entry point calls, and what
/// `status-derive-internals` exposes to property tests and fuzzers outside a compiler run.
/// Input that is not a struct or enum becomes `syn`'s own compile error.
pub fn derive_tokens(input: TokenStream) -> TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => derive(&input),
        Err(error) => error.to_compile_error(),
    }
}

fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let parsed = Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        check::check(&cx, parsed);
    }
    match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => expand(&parsed),
        (Err(error), _) => {
            let stub = stub(input);
            let error = error.to_compile_error();
            quote!(#error #stub)
        }
        // `from_syn` returns `None` only after reporting an error.
        (Ok(()), None) => stub(input),
    }
}

/// An impl whose bodies never run, emitted next to a compile error so that the user sees that
/// error, not a cascade of "`HttpStatus` is not implemented".
fn stub(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let never = quote!(::status_core::__private::unreachable_stub());
    quote! {
        #[automatically_derived]
        impl #impl_generics ::status_core::HttpStatus for #ident #ty_generics #where_clause {
            fn status(&self) -> ::status_core::http::StatusCode { #never }
            fn contract(&self) -> &'static ::status_core::Contract { #never }
            fn contracts() -> &'static [::status_core::VariantContract] where Self: ::core::marker::Sized { #never }
            fn try_to_response(&self) -> ::core::result::Result<
                ::status_core::http::Response<::status_core::__private::Bytes>,
                ::status_core::ResponseBuildError,
            > { #never }
        }
    }
}

/// What the derive knows about one non-transparent variant.
struct Plan<'a> {
    variant: &'a Variant<'a>,
    attr: &'a StatusAttr,
    wire: u16,
    concealed: Option<u16>,
    reason: String,
    body: Body<'a>,
}

impl<'a> Plan<'a> {
    fn new(variant: &'a Variant<'a>, attr: &'a StatusAttr) -> Option<Plan<'a>> {
        let (wire, concealed) = prop::wire(attr)?;
        let reason = match (status_codes::lookup(wire), &attr.reason) {
            (Some(row), _) => row.phrase.to_owned(),
            (None, Some(reason)) if concealed.is_none() => reason.value(),
            (None, _) => status_codes::class_title(wire)
                .unwrap_or("Unknown")
                .to_owned(),
        };
        let body = prop::body(variant, attr, wire);
        Some(Plan {
            variant,
            attr,
            wire,
            concealed,
            reason,
            body,
        })
    }

    fn detail(&self) -> DetailSpec {
        prop::detail(self.attr, self.wire, self.concealed)
    }

    fn title(&self) -> String {
        match (&self.attr.title, self.concealed) {
            (Some(title), None) => title.value(),
            _ => self.reason.clone(),
        }
    }

    fn type_uri(&self) -> String {
        match (&self.attr.type_uri, self.concealed) {
            (Some(type_uri), None) => type_uri.value(),
            _ => "about:blank".to_owned(),
        }
    }

    /// Fields whose roles the response uses (none when concealed: nothing of them is sent).
    fn roles(&self) -> Vec<(&'a Field<'a>, &'a FieldRole)> {
        if self.concealed.is_some() {
            return Vec::new();
        }
        self.variant.fields_with(|_| true).collect()
    }

    fn problem_prefix(&self) -> String {
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
        prefix
    }
}

/// A JSON string literal (RFC 8259 §7).
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The variable a field is bound to. It carries the span of the field's type, so that a trait
/// the field's type lacks is reported on the field, not on the derive.
fn binding(field: &Field) -> Ident {
    // By position, not by name: a field named `ID` would make a non-snake-case variable.
    format_ident!("__status_field_{}", field.index, span = field.ty.span())
}

/// `Self::Variant { a: __status_field_a, .. }` binding `fields`, or `Self { .. }` for a struct.
fn pattern(variant: &Variant, fields: &[&Field]) -> TokenStream {
    let path = match variant.ident {
        Some(ident) => quote!(Self::#ident),
        None => quote!(Self),
    };
    let mut seen: Vec<&str> = Vec::new();
    let bindings = fields.iter().filter(|field| {
        let new = !seen.contains(&field.name.as_str());
        seen.push(&field.name);
        new
    });
    let bindings = bindings.map(|field| {
        let member = &field.member;
        let binding = binding(field);
        quote!(#member: #binding)
    });
    quote!(#path { #(#bindings,)* .. })
}

fn header_name(name: &str, constant: Option<&Ident>) -> TokenStream {
    match constant {
        Some(ident) => quote_spanned!(ident.span()=> ::status_core::http::header::#ident),
        None => quote!(const { ::status_core::http::HeaderName::from_static(#name) }),
    }
}

/// Status `code` as a constant: by its registry name, or `Code::<499>` for an unregistered one
/// (`check.rs` rejects codes outside 100..=599 before anything is generated).
fn status_code(code: u16) -> TokenStream {
    match status_codes::lookup(code) {
        Some(row) => {
            let name = Ident::new(row.name, Span::call_site());
            quote!(::status_core::__private::code::#name)
        }
        None => {
            let code = proc_macro2::Literal::u16_unsuffixed(code);
            quote!(::status_core::__private::Code::<#code>::STATUS)
        }
    }
}

/// A type as written: `payment::PaymentError`, not the token printer's `payment :: PaymentError`.
fn type_text(ty: &Type) -> String {
    let printed = ty.to_token_stream().to_string();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '\'');
    let mut text = String::with_capacity(printed.len());
    let mut chars = printed.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let before = text.chars().last();
            let keep = (word(before) && word(chars.peek().copied())) || before == Some(',');
            if !keep {
                continue;
            }
        }
        text.push(c);
    }
    text
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut new =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                new.set_span(span);
                token = TokenTree::Group(new);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// Whether `ty` mentions one of the type's generic parameters; such a field needs a bound in
/// the impl's where clause.
fn is_generic(ty: &Type, params: &[Ident]) -> bool {
    fn scan(tokens: TokenStream, params: &[Ident]) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => params.contains(&ident),
            TokenTree::Group(group) => scan(group.stream(), params),
            _ => false,
        })
    }
    scan(ty.to_token_stream(), params)
}

fn expand(input: &Input) -> TokenStream {
    let original = input.original;
    let ident = &original.ident;
    // As written, without `r#`: the contracts name things for people and OpenAPI documents.
    let type_name = ident.unraw().to_string();
    let params: Vec<Ident> = original
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .chain(original.generics.const_params().map(|p| p.ident.clone()))
        .collect();
    let mut generics = original.generics.clone();
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut bound = |ty: &Type, trait_path: TokenStream| {
        if is_generic(ty, &params) {
            bounds.push(quote_spanned!(ty.span()=> #ty: #trait_path));
        }
    };

    let mut status_arms = Vec::new();
    // `contract()`: own variants pick their table index; transparent ones delegate.
    let mut own_contract_arms = Vec::new();
    let mut transparent_contract_arms = Vec::new();
    let mut response_arms = Vec::new();
    let mut table = TableWriter::new(&type_name);
    let mut own_count = 0usize;
    let mut transparent_contracts = Vec::new();
    let mut needs_display = false;

    for variant in &input.variants {
        let Some(attr) = &variant.attr else {
            continue;
        };
        let variant_name = variant.ident.map(|i| i.unraw().to_string());
        if attr.transparent.is_some() {
            let Some(field) = variant.fields.first() else {
                continue;
            };
            let ty = field.ty;
            bound(ty, quote!(::status_core::HttpStatus));
            let pat = pattern(variant, &[field]);
            let inner = binding(field);
            let field_type = type_text(ty);
            let span = ty.span();
            // Every use of the field's type carries one span, so that a type without HttpStatus
            // is one error (rustc merges identical diagnostics), not one per use.
            let respanned = respan(ty.to_token_stream(), span);
            let contracts =
                quote_spanned!(span=> <#respanned as ::status_core::HttpStatus>::contracts);
            status_arms
                .push(quote_spanned!(span=> #pat => ::status_core::HttpStatus::status(#inner),));
            transparent_contract_arms.push((
                pat.clone(),
                quote_spanned!(span=> ::status_core::HttpStatus::contract(#inner)),
            ));
            response_arms.push(
                quote_spanned!(span=> #pat => ::status_core::HttpStatus::try_to_response(#inner),),
            );
            table.transparent(variant_name.as_deref(), &field_type);
            transparent_contracts.push(contracts);
            continue;
        }
        let Some(plan) = Plan::new(variant, attr) else {
            continue;
        };
        let index = own_count;
        own_count += 1;
        let roles = plan.roles();
        let all = pattern(variant, &[]);
        status_arms.push({
            let code = status_code(plan.wire);
            quote!(#all => #code,)
        });
        own_contract_arms.push(quote!(#all => #index,));

        // The contract as data.
        let mut header_contracts: Vec<(&str, Source, &str)> = Vec::new();
        let concealed = plan.concealed.is_some();
        let location_text = attr
            .location
            .as_ref()
            .map(|location| location.literal.value());
        if !concealed {
            for header in &attr.headers {
                header_contracts.push((&header.name, Source::Static, &header.value));
            }
            if let (Some(location), Some(text)) = (&attr.location, &location_text) {
                let has_placeholder = location
                    .pieces
                    .iter()
                    .any(|p| matches!(p, TemplatePiece::Placeholder(_)));
                let source = if has_placeholder {
                    Source::Template
                } else {
                    Source::Static
                };
                header_contracts.push(("location", source, text));
            }
        }
        for (field, role) in &roles {
            let name = match role {
                FieldRole::Header { name, .. } => name.as_str(),
                FieldRole::Location(_) => "location",
                FieldRole::RetryAfter(_) => "retry-after",
                _ => continue,
            };
            header_contracts.push((name, Source::Field, &field.name));
        }
        // RFC 9110 §7.8: a sender of Upgrade also sends the "upgrade" connection option, so
        // that intermediaries do not forward it.
        let sends_upgrade = !concealed
            && (attr.headers.iter().any(|header| header.name == "upgrade")
                || roles.iter().any(
                    |(_, role)| matches!(role, FieldRole::Header { name, .. } if name == "upgrade"),
                ));
        if sends_upgrade {
            header_contracts.push(("connection", Source::Static, "upgrade"));
        }
        let (type_uri, title, detail) = (plan.type_uri(), plan.title(), plan.detail());
        let extensions: Vec<String> = roles
            .iter()
            .filter_map(|(field, role)| match role {
                FieldRole::Extension { name, .. } => {
                    Some(name.clone().unwrap_or_else(|| field.name.clone()))
                }
                _ => None,
            })
            .collect();
        let body_contract = match &plan.body {
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
                instance: roles
                    .iter()
                    .find(|(_, role)| matches!(role, FieldRole::Instance(_)))
                    .map(|(field, _)| field.name.as_str()),
                extensions: &extensions,
            },
        };
        table.own(&Own {
            variant: variant_name.as_deref(),
            status: plan.wire,
            reason: &plan.reason,
            concealed: plan.concealed,
            headers: &header_contracts,
            body: body_contract,
        });
        let wire = status_code(plan.wire);

        // The response.
        let used: Vec<&Field> = {
            let mut used: Vec<&Field> = roles.iter().map(|(field, _)| *field).collect();
            if let (Some(location), false) = (&attr.location, concealed) {
                for piece in &location.pieces {
                    if let TemplatePiece::Placeholder(name) = piece {
                        used.extend(variant.field(name));
                    }
                }
            }
            used
        };
        let pat = pattern(variant, &used);
        let mut statements = Vec::new();
        if !concealed {
            for header in &attr.headers {
                let name = header_name(&header.name, header.constant.as_ref());
                let value = &header.value;
                statements.push(quote!(__parts.fixed(#name, const { ::status_core::http::HeaderValue::from_static(#value) });));
            }
            if let Some(location) = &attr.location {
                statements.push(location_statement(location, variant, &mut bound));
            }
        }
        for (field, role) in &roles {
            let value = binding(field);
            let ty = field.ty;
            let statement = match role {
                FieldRole::Header { name, constant, .. } => {
                    bound(ty, quote!(::status_core::HeaderFieldValue));
                    let header = header_name(name, constant.as_ref());
                    quote_spanned!(ty.span()=> __parts.field(#header, #name, #value)?;)
                }
                FieldRole::Location(_) => {
                    bound(ty, quote!(::status_core::HeaderFieldValue));
                    quote_spanned!(ty.span()=> __parts.field(::status_core::http::header::LOCATION, "location", #value)?;)
                }
                FieldRole::RetryAfter(_) => {
                    bound(ty, quote!(::status_core::RetryAfterValue));
                    quote_spanned!(ty.span()=> __parts.retry_after(#value);)
                }
                _ => continue,
            };
            statements.push(statement);
        }
        if sends_upgrade {
            statements.push(quote!(__parts.connection_upgrade();));
        }
        // A required header whose only sources are fields may still be missing at run time (an
        // `Option` that is `None`, however it is spelled): that response must not go out.
        if let Some(required) = prop::required_header(plan.wire) {
            let opted_out = required.allow.is_some_and(|allow| attr.allows(allow));
            if !concealed && !opted_out && !prop::has_static_header(attr, required.name) {
                let (name, constant) = (required.name, format_ident!("{}", required.constant));
                statements
                    .push(quote!(__parts.require(::status_core::http::header::#constant, #name)?;));
            }
        }
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
        let finish = match &plan.body {
            Body::Empty => quote!(::core::result::Result::Ok(__parts.empty())),
            Body::ResetContent => quote!(::core::result::Result::Ok(__parts.reset_content())),
            Body::Field(field) => {
                let (value, name, ty) = (binding(field), &field.name, field.ty);
                bound(ty, quote!(::status_core::ResponseBody));
                quote_spanned!(ty.span()=> __parts.body(#name, #value))
            }
            Body::Problem => {
                let prefix = plan.problem_prefix();
                let mut members = Vec::new();
                if let DetailSpec::Kind(Detail::Display) = plan.detail() {
                    needs_display = true;
                    members.push(quote!(__problem.detail(self)?;));
                }
                for (field, role) in &roles {
                    let (value, ty) = (binding(field), field.ty);
                    match role {
                        FieldRole::Instance(_) => {
                            bound(ty, quote!(::core::fmt::Display));
                            members.push(quote_spanned!(ty.span()=> __problem.display(",\"instance\":", #value)?;));
                        }
                        FieldRole::Extension { name, .. } => {
                            bound(ty, quote!(::status_core::__private::Serialize));
                            let member = name.clone().unwrap_or_else(|| field.name.clone());
                            let key = format!(",{}:", json_string(&member));
                            members
                                .push(quote_spanned!(ty.span()=> __problem.member(#key, #value)?;));
                        }
                        _ => {}
                    }
                }
                quote! {
                    let mut __problem = ::status_core::__private::ProblemWriter::new(#prefix);
                    #(#members)*
                    ::core::result::Result::Ok(__parts.problem(__problem.finish()))
                }
            }
        };
        let mutability = if header_count == 0 {
            quote!()
        } else {
            quote!(mut)
        };
        // The common shapes (no header field, no member from a field) are one call each: less
        // code for every user's build to type-check and borrow-check.
        let plain =
            statements.is_empty() && roles.is_empty() && status_codes::lookup(plan.wire).is_some();
        let one_call = match (&plan.body, plan.detail()) {
            (Body::Empty, _) if plain => Some(quote!(::status_core::__private::empty(#wire))),
            (Body::Problem, DetailSpec::Kind(Detail::Display)) if plain => {
                let prefix = plan.problem_prefix();
                Some(quote!(::status_core::__private::problem_with_display(#wire, #prefix, self)))
            }
            (Body::Problem, _) if plain => {
                let prefix = plan.problem_prefix();
                Some(quote!(::status_core::__private::problem(#wire, #prefix)))
            }
            _ => None,
        };
        response_arms.push(match one_call {
            Some(call) => quote!(#pat => #call,),
            None => quote! {
                #pat => {
                    let #mutability __parts = #parts;
                    #(#statements)*
                    #finish
                }
            },
        });
    }

    if needs_display && !params.is_empty() {
        // The type by name, not `Self`: the integrations' impls (`From<T> for actix_web::Error`)
        // share this where clause, and their `Self` is another type.
        let (_, ty_generics, _) = original.generics.split_for_impl();
        bounds.push(quote!(#ident #ty_generics: ::core::fmt::Display));
    }
    if !bounds.is_empty() {
        let where_clause = generics.make_where_clause();
        for bound in &bounds {
            if let Ok(predicate) = syn::parse2(bound.clone()) {
                where_clause.predicates.push(predicate);
            }
        }
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let table = table.finish();
    // `contract()` reads the table once, at the index a `match` picks (one call, not one per
    // variant: less for a build to check); without own contracts, every arm delegates.
    let (delegated, delegates): (Vec<_>, Vec<_>) = transparent_contract_arms.into_iter().unzip();
    let contract_match = if own_count > 0 {
        quote!(__HTTP_STATUS_TABLE.own(match self {
            #(#own_contract_arms)*
            #(#delegated => return #delegates,)*
        }))
    } else {
        quote!(match self { #(#delegated => #delegates,)* })
    };
    let (status_body, contract_body, response_body) = if input.variants.is_empty() {
        let empty = quote!(match *self {});
        (empty.clone(), empty.clone(), empty)
    } else {
        (
            quote!(match self { #(#status_arms)* }),
            contract_match,
            quote!(match self { #(#response_arms)* }),
        )
    };
    // The table is a `static` beside the impl, in an anonymous `const` so that its name cannot
    // clash; its contracts do not depend on the type's generic parameters, except through
    // transparent fields, whose contracts `variants` receives at each call.
    quote! {
        const _: () = {
            static __HTTP_STATUS_TABLE: ::status_core::__private::ContractTable =
                ::status_core::__private::ContractTable::v1(#table);

            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_generics ::status_core::HttpStatus for #ident #ty_generics #where_clause {
            #[inline]
            fn status(&self) -> ::status_core::http::StatusCode {
                #status_body
            }

            #[inline]
            fn contract(&self) -> &'static ::status_core::Contract {
                #contract_body
            }

            fn contracts() -> &'static [::status_core::VariantContract]
            where
                Self: ::core::marker::Sized,
            {
                __HTTP_STATUS_TABLE.variants(&[#(#transparent_contracts),*])
            }

            #[inline]
            fn try_to_response(&self) -> ::core::result::Result<
                ::status_core::http::Response<::status_core::__private::Bytes>,
                ::status_core::ResponseBuildError,
            > {
                #response_body
            }
        }
        };

        ::status_core::__integrations!([#impl_generics] [#ident #ty_generics] [#where_clause]);
    }
}

fn location_statement(
    location: &crate::attr::LocationTemplate,
    variant: &Variant,
    bound: &mut impl FnMut(&Type, TokenStream),
) -> TokenStream {
    let text = location.literal.value();
    let has_placeholder = location
        .pieces
        .iter()
        .any(|p| matches!(p, TemplatePiece::Placeholder(_)));
    if !has_placeholder {
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
    let pushes = location.pieces.iter().filter_map(|piece| match piece {
        TemplatePiece::Literal(text) => Some(quote!(__location.literal(#text);)),
        TemplatePiece::Placeholder(name) => {
            let field = variant.field(name)?;
            bound(field.ty, quote!(::core::fmt::Display));
            let value = binding(field);
            Some(quote_spanned!(field.ty.span()=> __location.placeholder(#value)?;))
        }
    });
    let span = Span::call_site();
    quote_spanned! {span=>
        let mut __location = ::status_core::__private::LocationTemplate::new(#literal_length);
        #(#pushes)*
        __parts.location(__location)?;
    }
}
