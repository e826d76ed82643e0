//! The where clause of the impl: a bound for each field whose type mentions one of the type's
//! generic parameters, on the trait the generated code uses it through.

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident, Type};

/// The bounds collected while the arms are generated, in the order they were asked for.
pub struct Bounds {
    params: Vec<Ident>,
    /// The lifetime parameters' names, without the `'`.
    lifetimes: Vec<Ident>,
    predicates: Vec<TokenStream>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Bounds {
        let params = generics
            .type_params()
            .map(|param| param.ident.clone())
            .chain(generics.const_params().map(|param| param.ident.clone()))
            .collect();
        let lifetimes = generics
            .lifetimes()
            .map(|param| param.lifetime.ident.clone())
            .collect();
        Bounds {
            params,
            lifetimes,
            predicates: Vec::new(),
        }
    }

    /// Whether the type has generic parameters that bounds could be about.
    pub fn is_generic(&self) -> bool {
        !self.params.is_empty()
    }

    /// `ty: trait_path`, when `ty` mentions a generic parameter. Spanned on the field's type, so
    /// that a type without the trait is reported on the field, not on the derive.
    pub fn field(&mut self, ty: &Type, trait_path: TokenStream) {
        if mentions(ty.to_token_stream(), &self.params) {
            self.predicates
                .push(quote_spanned!(ty.span()=> #ty: #trait_path));
        }
    }

    /// Whether `ty` mentions one of the type's generic parameters.
    pub fn mentions(&self, ty: &Type) -> bool {
        mentions(ty.to_token_stream(), &self.params)
    }

    /// Whether `ty` mentions one of the type's generic parameters, lifetimes included: what an
    /// item outside the impl cannot name.
    pub fn mentions_any(&self, ty: &Type) -> bool {
        self.mentions(ty) || mentions_lifetime(ty.to_token_stream(), &self.lifetimes)
    }

    /// A bound on something other than a field's type.
    pub fn push(&mut self, predicate: TokenStream) {
        self.predicates.push(predicate);
    }

    /// `generics` with the collected bounds added to its where clause.
    pub fn add_to(&self, generics: &Generics) -> Generics {
        let mut generics = generics.clone();
        if !self.predicates.is_empty() {
            let where_clause = generics.make_where_clause();
            for predicate in &self.predicates {
                if let Ok(predicate) = syn::parse2(predicate.clone()) {
                    where_clause.predicates.push(predicate);
                }
            }
        }
        generics
    }
}

/// Whether `tokens` mention one of `params`.
fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// Whether `tokens` mention one of the lifetimes `names` (`'a`: a `'` joined to the name).
fn mentions_lifetime(tokens: TokenStream, names: &[Ident]) -> bool {
    let mut after_tick = false;
    tokens.into_iter().any(|token| {
        let found = match &token {
            TokenTree::Ident(ident) => after_tick && names.contains(ident),
            TokenTree::Group(group) => mentions_lifetime(group.stream(), names),
            _ => false,
        };
        after_tick = matches!(&token, TokenTree::Punct(punct) if punct.as_char() == '\'');
        found
    })
}
