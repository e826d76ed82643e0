//! `#[status(crate = "facade::status_core")]`: the generated code names `::status_core`; for a
//! type that says where status-core is (a renamed dependency, a facade that re-exports it),
//! every path that starts so is made to start at that path instead.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::ToTokens;

/// Rust's keywords but the path roots (`crate`, `self`, `super`): a name that ends a path
/// (`a::status_core`, `crate::status_core`) is none of them, and `::` after one of them
/// (`impl ::status_core::...`) starts a path at the root.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "enum", "extern",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "type", "unsafe", "use", "where", "while", "yield",
];

/// `tokens` with each path that starts at `::status_core` starting at `path` instead. A
/// `status_core` after a name (`a::status_core`) is a path of the user's, left alone.
pub fn rename(tokens: TokenStream, path: &syn::Path) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut index = 0;
    while index < trees.len() {
        let after_name = ends_a_path(&trees[..index]);
        if !after_name && starts_at_status_core(&trees[index..]) {
            out.extend(path.to_token_stream());
            index += 3;
            continue;
        }
        out.push(match &trees[index] {
            TokenTree::Group(group) => {
                let mut renamed = Group::new(group.delimiter(), rename(group.stream(), path));
                renamed.set_span(group.span());
                TokenTree::Group(renamed)
            }
            tree => tree.clone(),
        });
        index += 1;
    }
    out.into_iter().collect()
}

/// Whether the last of `before` is a name a `::` continues (`a` in `a::status_core`): not a
/// keyword, and not a lifetime (`'a ::status_core::X`).
fn ends_a_path(before: &[TokenTree]) -> bool {
    match before {
        [.., TokenTree::Punct(tick), TokenTree::Ident(_)] if tick.as_char() == '\'' => false,
        [.., TokenTree::Ident(name)] => !KEYWORDS.contains(&name.to_string().as_str()),
        _ => false,
    }
}

/// Whether `trees` starts with `::status_core`.
fn starts_at_status_core(trees: &[TokenTree]) -> bool {
    match trees {
        [
            TokenTree::Punct(first),
            TokenTree::Punct(second),
            TokenTree::Ident(name),
            ..,
        ] => {
            first.as_char() == ':'
                && first.spacing() == proc_macro2::Spacing::Joint
                && second.as_char() == ':'
                && name == "status_core"
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn renamed(source: &str, path: &str) -> String {
        let tokens = TokenStream::from_str(source).unwrap_or_default();
        let path: syn::Path = syn::parse_str(path).unwrap_or_else(|_| syn::parse_quote!(x));
        rename(tokens, &path).to_string()
    }

    #[test]
    fn paths_from_the_root_move_to_the_given_crate() {
        assert_eq!(
            renamed(
                "impl ::status_core::HttpStatus for T { fn f() -> ::status_core::http::StatusCode { ::status_core::__private::code::OK } }",
                "facade::status_core"
            ),
            "impl facade :: status_core :: HttpStatus for T { fn f () -> facade :: status_core :: http :: StatusCode { facade :: status_core :: __private :: code :: OK } }"
        );
        assert_eq!(
            renamed("::status_core::__integrations!([] [E] [])", "::status"),
            ":: status :: __integrations ! ([] [E] [])"
        );
        assert_eq!(
            renamed("&'a ::status_core::Json<T>", "status"),
            "&'a status :: Json < T >"
        );
    }

    #[test]
    fn other_paths_stay() {
        for source in [
            "my::status_core::Thing",
            "<my::status_core::Thing>",
            "&crate::my::status_core::Thing",
            "::status_codes::X",
            "status_core::X",
            ":: other",
        ] {
            let expected = TokenStream::from_str(source)
                .unwrap_or_default()
                .to_string();
            assert_eq!(renamed(source, "facade::status_core"), expected);
        }
    }
}
