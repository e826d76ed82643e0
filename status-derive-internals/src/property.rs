//! What must hold of the derive's output for every input, whatever it is: the property that the
//! property tests (`tests/properties.rs`) and the fuzzer (`fuzz/fuzz_targets/derive_tokens.rs`)
//! check.
//!
//! For any token stream, [`check`] runs the derive and requires that it does not panic and that
//! its output parses as items. For a stream that is a struct, enum or union (what rustc hands a
//! derive), the output must further be either the expansion with exactly one `HttpStatus` impl,
//! or `compile_error!`s next to exactly one stub impl (one error, not a cascade of
//! "`HttpStatus` is not implemented"), each error pointing into the input: at a token of it,
//! never at the call site.
//!
//! The span check needs proc-macro2's source map, which it keeps only for streams parsed from a
//! string outside a compiler run and not under `cfg(fuzzing)` (`cargo fuzz` sets it, and
//! proc-macro2 then drops spans' offsets to keep memory flat): there, it is skipped.
//!
//! ```
//! use std::str::FromStr;
//! use proc_macro2::TokenStream;
//! use status_derive_internals::property::{Outcome, check};
//!
//! let valid = TokenStream::from_str("#[status(404)] enum E { A, B }").unwrap();
//! assert_eq!(check(&valid), Ok(Outcome::Expanded));
//!
//! let invalid = TokenStream::from_str("#[status(99999, lcoation = \"/\")] struct S;").unwrap();
//! assert_eq!(check(&invalid), Ok(Outcome::Rejected { errors: 1 }));
//!
//! let not_an_item = TokenStream::from_str("fn f() {}").unwrap();
//! assert_eq!(check(&not_an_item), Ok(Outcome::NotAnItem));
//! ```

use std::panic::{self, AssertUnwindSafe};

use proc_macro2::{Literal, Span, TokenStream, TokenTree};

use status_core::__private::ContractTable;

use crate::derive_http_status;

/// How the derive answered an input that satisfied the property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The full expansion: one `HttpStatus` impl, no errors.
    Expanded,
    /// `errors` compile errors, each pointing into the input, and one stub impl.
    Rejected {
        /// How many `compile_error!` invocations the output holds.
        errors: usize,
    },
    /// The input is not a struct, enum or union (rustc never hands a derive such input): the
    /// output is `syn`'s compile error, and only "no panic, parses as items" is checked.
    NotAnItem,
}

/// Runs the derive on `input` and checks the property; `Err` says what broke it, with the
/// output.
///
/// ```
/// # use std::str::FromStr;
/// let input = proc_macro2::TokenStream::from_str("#[status(204)] struct Saved;").unwrap();
/// assert!(status_derive_internals::property::check(&input).is_ok());
/// ```
pub fn check(input: &TokenStream) -> Result<Outcome, String> {
    check_derive(input, derive_http_status)
}

/// [`check`] of any derive function: how the harness checks itself against derives that break
/// the property.
///
/// ```
/// # use std::str::FromStr;
/// use status_derive_internals::property::check_derive;
///
/// let input = proc_macro2::TokenStream::from_str("#[status(404)] struct S;").unwrap();
/// assert!(check_derive(&input, |_| panic!("a derive that panics")).is_err());
/// ```
pub fn check_derive(
    input: &TokenStream,
    derive: impl FnOnce(TokenStream) -> TokenStream,
) -> Result<Outcome, String> {
    let output = match panic::catch_unwind(AssertUnwindSafe(|| derive(input.clone()))) {
        Ok(output) => output,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            return Err(format!("the derive panicked: {message}"));
        }
    };
    let file = match syn::parse2::<syn::File>(output.clone()) {
        Ok(file) => file,
        Err(error) => {
            return Err(format!(
                "the output does not parse as items: {error}: {output}"
            ));
        }
    };
    let errors = compile_errors(&file);
    if syn::parse2::<syn::DeriveInput>(input.clone()).is_err() {
        return if errors.is_empty() {
            Err(format!("not an item, yet no compile error: {output}"))
        } else {
            Ok(Outcome::NotAnItem)
        };
    }
    let text: String = output
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let impls = text.matches("::HttpStatusfor").count();
    if errors.is_empty() {
        if impls != 1 {
            return Err(format!("{impls} HttpStatus impls: {output}"));
        }
        if !cfg!(fuzzing) {
            contract_table_agrees(input, &output, &text)?;
        }
        return Ok(Outcome::Expanded);
    }
    if impls != 1 || !text.contains("unreachable_stub") {
        return Err(format!(
            "compile errors without exactly one stub impl ({impls} impls): {output}"
        ));
    }
    if !cfg!(fuzzing) {
        let first = input.clone().into_iter().next().map(|tree| tree.span());
        if first.is_none_or(|first| first.join(Span::call_site()).is_some()) {
            return Err("the input has no source positions: parse it from a string".to_owned());
        }
        for error in &errors {
            if !points_into(input, error.start) || !points_into(input, error.end) {
                return Err(format!(
                    "the error {} points outside the input (at {:?}..{:?})",
                    error.message,
                    error.start.byte_range(),
                    error.end.byte_range()
                ));
            }
        }
    }
    Ok(Outcome::Rejected {
        errors: errors.len(),
    })
}

/// One `compile_error! { "message" }` of the output: `syn` spans the path and `!` with the
/// error's first span and the braces with its last.
struct CompileError {
    message: String,
    start: Span,
    end: Span,
}

/// The output's top-level `compile_error!`s (one the input holds, inside a type say, is the
/// user's, and is not counted).
fn compile_errors(file: &syn::File) -> Vec<CompileError> {
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(item) => {
                let last = item.mac.path.segments.last()?;
                (last.ident == "compile_error").then(|| CompileError {
                    message: item.mac.tokens.to_string(),
                    start: last.ident.span(),
                    end: match &item.mac.delimiter {
                        syn::MacroDelimiter::Paren(paren) => paren.span.join(),
                        syn::MacroDelimiter::Brace(brace) => brace.span.join(),
                        syn::MacroDelimiter::Bracket(bracket) => bracket.span.join(),
                    },
                })
            }
            _ => None,
        })
        .collect()
}

/// The contract table the expansion carries decodes, names the input's type, and has as many
/// own entries as `contract()` has arms picking one and as many transparent ones as
/// `contracts()` passes functions for. (Each check leaks its decoded table, which is what
/// `'static` contracts cost; not under `cfg(fuzzing)`, where a leak would be a finding.)
fn contract_table_agrees(
    input: &TokenStream,
    output: &TokenStream,
    text: &str,
) -> Result<(), String> {
    let literal = table_literal(output)
        .and_then(|literal| syn::parse2::<syn::LitStr>(TokenTree::Literal(literal).into()).ok())
        .ok_or_else(|| format!("no contract table as one string literal: {output}"))?;
    let encoded: &'static str = Box::leak(literal.value().into_boxed_str());
    let table: &'static ContractTable = Box::leak(Box::new(ContractTable::v3(encoded)));
    let Some((own, transparent)) = table.counts() else {
        return Err(format!("the contract table does not decode: {encoded:?}"));
    };
    // `contract()` is `__HTTP_STATUS_TABLE.own(match self { ... })`: an arm that answers an
    // index per own entry (a status set's inner `match` one per status), and a `=> return`
    // per transparent one (and per set, for a status outside it).
    let own_arms = text
        .split_once("__HTTP_STATUS_TABLE.own(matchself{")
        .and_then(|(_, rest)| rest.split_once("fncontracts("))
        .map_or(0, |(arms, _)| {
            arms.split("=>")
                .skip(1)
                .filter(|arm| arm.starts_with(|c: char| c.is_ascii_digit()))
                .count()
        });
    let functions = text.matches("::HttpStatus>::contracts").count();
    if (own, transparent) != (own_arms, functions) {
        return Err(format!(
            "the table has {own} own and {transparent} transparent entries, the code reads \
             {own_arms} and passes {functions} functions: {encoded:?}"
        ));
    }
    let name = syn::parse2::<syn::DeriveInput>(input.clone())
        .map(|input| syn::ext::IdentExt::unraw(&input.ident).to_string())
        .map_err(|error| error.to_string())?;
    if own > 0 && table.own(0).type_name != name {
        return Err(format!(
            "the table names {:?}, not {name}",
            table.own(0).type_name
        ));
    }
    Ok(())
}

/// The literal of `ContractTable::v3("...")`, wherever it is in `stream`.
fn table_literal(stream: &TokenStream) -> Option<Literal> {
    let trees: Vec<TokenTree> = stream.clone().into_iter().collect();
    trees
        .iter()
        .enumerate()
        .find_map(|(index, tree)| match tree {
            TokenTree::Ident(ident) if ident == "v3" && index >= 3 => {
                let is_table =
                    matches!(&trees[index - 3], TokenTree::Ident(name) if name == "ContractTable");
                match (is_table, trees.get(index + 1)) {
                    (true, Some(TokenTree::Group(group))) => {
                        match group.stream().into_iter().next() {
                            Some(TokenTree::Literal(literal)) => Some(literal),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            TokenTree::Group(group) => table_literal(&group.stream()),
            _ => None,
        })
}

/// Whether `span` lies in the source text `input` was parsed from: proc-macro2 joins two spans
/// only within one source text, and the call site belongs to none.
fn points_into(input: &TokenStream, span: Span) -> bool {
    input
        .clone()
        .into_iter()
        .next()
        .is_some_and(|first| first.span().join(span).is_some())
}
