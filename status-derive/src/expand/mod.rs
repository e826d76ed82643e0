//! Code generation. Everything known at compile time is computed here: status codes, reason
//! phrases, static header values, and the static part of each problem-details body.
//!
//! It trusts the rules (`check`): what they accept is generated without being checked again.
//! Each variant adds its arms to [`Arms`] (`plan.rs` its contract row, `response.rs` its
//! response arm, `transparent.rs` the delegating arms, `bounds.rs` the where clause), and
//! [`implementation`] joins them into one impl.

mod bounds;
mod crate_path;
mod plan;
mod response;
mod set;
mod transparent;
mod wire;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use crate::ast::{Field, Input, Variant};
use crate::check;
use crate::contract_table::TableWriter;
use crate::ctxt::Ctxt;
use bounds::Bounds;
use plan::Plan;
use wire::WireWriter;

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
    let crate_path = parsed.as_ref().and_then(|parsed| parsed.crate_path.clone());
    let output = match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => expand(&parsed),
        (Err(error), _) => {
            let stub = stub(input);
            let error = error.to_compile_error();
            quote!(#error #stub)
        }
        // `from_syn` returns `None` only after reporting an error.
        (Ok(()), None) => stub(input),
    };
    match crate_path {
        Some(path) => crate_path::rename(output, &path),
        None => output,
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

        #[automatically_derived]
        impl #impl_generics ::status_core::__private::Wire for #ident #ty_generics #where_clause {
            const ENTRIES: &'static [::status_core::__private::WireEntry] = &[];
            const FORMAT: &'static str = "";
        }
    }
}

/// A local variable of the generated code (`__parts`), to interpolate where a statement is
/// spanned at a field's type: the variable keeps the derive's own span, so that it is the same
/// variable when the field was written in another macro's input, under that macro's hygiene.
fn local(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
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
/// (`check` rejects codes outside 100..=599 before anything is generated).
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

/// The arms of the four methods and the contract table, collected variant by variant; each
/// method's body is then one `match` over its arms (the way thiserror builds each trait method
/// as its own block).
pub struct Arms {
    status: Vec<TokenStream>,
    /// `contract()`: own variants pick their table index; transparent ones delegate.
    own_contract: Vec<TokenStream>,
    transparent_contract: Vec<(TokenStream, TokenStream)>,
    response: Vec<TokenStream>,
    /// `contracts()` of each transparent variant's field, which `contracts()` joins in.
    transparent_contracts: Vec<TokenStream>,
    table: TableWriter,
    own_count: usize,
    /// Whether an arm writes the error's `Display` as a problem's `detail`.
    needs_display: bool,
    /// What a client sees of each answer, for the conceal check across types.
    wire: WireWriter,
}

fn expand(input: &Input) -> TokenStream {
    let original = input.original;
    // As written, without `r#`: the contracts name things for people and OpenAPI documents.
    let type_name = original.ident.unraw().to_string();
    let mut bounds = Bounds::new(&original.generics);
    let mut arms = Arms {
        status: Vec::new(),
        own_contract: Vec::new(),
        transparent_contract: Vec::new(),
        response: Vec::new(),
        transparent_contracts: Vec::new(),
        table: TableWriter::new(&type_name),
        own_count: 0,
        needs_display: false,
        wire: WireWriter::default(),
    };
    for variant in &input.variants {
        let Some(attr) = &variant.attr else {
            continue;
        };
        if attr.transparent.is_some() {
            if let Some(field) = variant.fields.first() {
                let name = variant.ident.map(|ident| ident.unraw().to_string());
                arms.table
                    .transparent(name.as_deref(), &transparent::type_text(field.ty));
                arms.wire.transparent(&type_name, variant, field, &bounds);
                transparent::arms(&mut arms, variant, field, &mut bounds);
            }
        } else if let (false, Some(classify)) = (attr.set.is_empty(), &attr.classify) {
            let views = attr.statuses();
            let plans: Vec<Plan> = views
                .iter()
                .filter_map(|view| Plan::new(variant, view))
                .collect();
            for plan in &plans {
                arms.wire.answer(&type_name, plan);
            }
            arms.classified(variant, classify, &plans, &mut bounds);
        } else if let Some(plan) = Plan::new(variant, attr) {
            arms.wire.answer(&type_name, &plan);
            arms.own(&plan, &mut bounds);
        }
    }
    if arms.needs_display && bounds.is_generic() {
        // The type by name, not `Self`: the integrations' impls (`From<T> for actix_web::Error`)
        // share this where clause, and their `Self` is another type.
        let ident = &original.ident;
        let (_, ty_generics, _) = original.generics.split_for_impl();
        bounds.push(quote!(#ident #ty_generics: ::core::fmt::Display));
    }
    implementation(input, &bounds, arms)
}

impl Arms {
    /// The arms of a variant with a status of its own, and its row of the table.
    fn own(&mut self, plan: &Plan, bounds: &mut Bounds) {
        let index = self.own_count;
        self.own_count += 1;
        let all = pattern(plan.variant, &[]);
        let code = status_code(plan.wire);
        self.status.push(quote!(#all => #code,));
        self.own_contract.push(quote!(#all => #index,));
        plan.write_contract(&mut self.table);
        let (arm, needs_display) = response::arm(plan, bounds);
        self.needs_display |= needs_display;
        self.response.push(arm);
    }
}

/// `contract()`'s body: the table read once, at the index a `match` picks (one call, not one per
/// variant: less for a build to check); without own contracts, every arm delegates.
fn contract_body(
    own_count: usize,
    own: Vec<TokenStream>,
    transparent: Vec<(TokenStream, TokenStream)>,
) -> TokenStream {
    let (delegated, delegates): (Vec<_>, Vec<_>) = transparent.into_iter().unzip();
    if own_count > 0 {
        quote!(__HTTP_STATUS_TABLE.own(match self {
            #(#own)*
            #(#delegated => return #delegates,)*
        }))
    } else {
        quote!(match self { #(#delegated => #delegates,)* })
    }
}

/// The impl, with the contract table as a `static` beside it in an anonymous `const` (so that
/// its name cannot clash), and the framework integrations' impls. The table's contracts do not
/// depend on the type's generic parameters, except through transparent fields, whose
/// contracts `variants` receives at each call.
fn implementation(input: &Input, bounds: &Bounds, arms: Arms) -> TokenStream {
    let ident = &input.original.ident;
    let generics = bounds.add_to(&input.original.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let Arms {
        status,
        own_contract,
        transparent_contract,
        response,
        transparent_contracts,
        table,
        own_count,
        wire,
        ..
    } = arms;
    let (status_body, contract_body, response_body) = method_bodies(
        input.variants.is_empty(),
        &status,
        own_count,
        own_contract,
        transparent_contract,
        &response,
    );
    let table = table.finish();
    let (response_body, fallback) = in_format(input.format.as_ref(), response_body);
    let integrations = integrations(input, &generics);
    let wire = wire.finish(
        input.format.as_ref(),
        quote!(impl #impl_generics ::status_core::__private::Wire for #ident #ty_generics #where_clause),
    );
    let http_status = http_status_impl(
        quote!(impl #impl_generics ::status_core::HttpStatus for #ident #ty_generics #where_clause),
        [status_body, contract_body, response_body],
        &transparent_contracts,
        fallback,
    );
    quote! {
        const _: () = {
            static __HTTP_STATUS_TABLE: ::status_core::__private::ContractTable =
                ::status_core::__private::ContractTable::v3(#table);

            #http_status

            #wire
        };

        #integrations
    }
}

/// The `HttpStatus` impl with `head`, from the bodies of `status()`, `contract()` and
/// `try_to_response()`.
fn http_status_impl(
    head: TokenStream,
    [status_body, contract_body, response_body]: [TokenStream; 3],
    transparent_contracts: &[TokenStream],
    fallback: TokenStream,
) -> TokenStream {
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        #head {
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
            #fallback
        }
    }
}

/// The bodies of `status()`, `contract()` and `try_to_response()`: a `match` on the variants,
/// or on nothing for an enum without variants.
fn method_bodies(
    no_variants: bool,
    status: &[TokenStream],
    own_count: usize,
    own_contract: Vec<TokenStream>,
    transparent_contract: Vec<(TokenStream, TokenStream)>,
    response: &[TokenStream],
) -> (TokenStream, TokenStream, TokenStream) {
    if no_variants {
        let empty = quote!(match *self {});
        return (empty.clone(), empty.clone(), empty);
    }
    (
        quote!(match self { #(#status)* }),
        contract_body(own_count, own_contract, transparent_contract),
        quote!(match self { #(#response)* }),
    )
}

/// The framework integrations' impls for the type, unless it opted out (`integrations = none`).
fn integrations(input: &Input, generics: &syn::Generics) -> Option<TokenStream> {
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    input.integrations.then(|| {
        quote!(::status_core::__integrations!([#impl_generics] [#ident #ty_generics] [#where_clause]);)
    })
}

/// `try_to_response()`'s body written in the type's format, and the `fallback_response()` in
/// it; the body as it is, and no `fallback_response()`, for a type without a format. The format is a `'static` reference made in a `const`, so that a value that is not a
/// format is reported on the path the user wrote.
fn in_format(path: Option<&syn::Path>, response_body: TokenStream) -> (TokenStream, TokenStream) {
    let Some(path) = path else {
        return (response_body, TokenStream::new());
    };
    let format = quote_spanned! {path.span()=>
        {
            const __HTTP_STATUS_FORMAT: &'static dyn ::status_core::format::ResponseFormat = &#path;
            __HTTP_STATUS_FORMAT
        }
    };
    let body = quote!(::status_core::__private::in_format(#format, #response_body));
    let fallback = quote! {
        #[cold]
        fn fallback_response(&self) -> ::status_core::http::Response<::status_core::__private::Bytes> {
            ::status_core::__private::fallback_in_format(#format)
        }

        fn format() -> ::core::option::Option<&'static dyn ::status_core::format::ResponseFormat>
        where
            Self: ::core::marker::Sized,
        {
            ::core::option::Option::Some(#format)
        }
    };
    (body, fallback)
}
