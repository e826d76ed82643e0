//! Every message the derive writes for the UI cases, checked in process: each case of
//! `tests/ui/{rules,syntax,allow,pass}` has its derive inputs run through
//! `derive_http_status`, and the messages of the `compile_error!`s it returns are exactly the
//! `error: ` messages of the case's `.stderr` (those rustc writes itself, `error[E...]`, after
//! type checking, stay trybuild's to check). A pass case gets none.
//!
//! It runs in a second, not trybuild's minutes: the test that makes a mutation of a rule's
//! condition or message fail fast (SECURITY.md, "Mutation testing").

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::ToTokens;
use status_derive_internals::{compile_error_messages, derive_http_status};

/// The UI cases of `group`, with their `.stderr` when they have one.
fn cases(group: &str) -> Vec<(PathBuf, Option<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/ui")
        .join(group);
    let mut cases: Vec<(PathBuf, Option<String>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| {
            let stderr = std::fs::read_to_string(path.with_extension("stderr")).ok();
            (path, stderr)
        })
        .collect();
    cases.sort();
    cases
}

/// The items of `file` that derive `HttpStatus`, in modules too.
fn derive_inputs(items: &[syn::Item], inputs: &mut Vec<TokenStream>) {
    for item in items {
        let attrs = match item {
            syn::Item::Struct(item) => &item.attrs,
            syn::Item::Enum(item) => &item.attrs,
            syn::Item::Union(item) => &item.attrs,
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    derive_inputs(items, inputs);
                }
                continue;
            }
            _ => continue,
        };
        let derives = attrs.iter().any(|attr| {
            attr.path().is_ident("derive")
                && attr
                    .meta
                    .to_token_stream()
                    .to_string()
                    .contains("HttpStatus")
        });
        if derives {
            inputs.push(item.to_token_stream());
        }
    }
}

/// The `error: ` messages of a `.stderr`, each with its continuation lines, unindented.
fn stderr_messages(stderr: &str) -> Vec<String> {
    let mut messages: Vec<String> = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in stderr.lines() {
        if let Some(first) = line.strip_prefix("error: ") {
            if let Some(done) = current.take() {
                messages.push(done.join("\n"));
            }
            current = Some(vec![first.to_owned()]);
        } else if let Some(lines) = current.as_mut() {
            match line.strip_prefix("       ") {
                Some(more) if !more.trim_start().starts_with("-->") => {
                    lines.push(more.to_owned());
                }
                _ => messages.extend(current.take().map(|lines| lines.join("\n"))),
            }
        }
    }
    messages.extend(current.map(|lines| lines.join("\n")));
    // What trybuild adds after the errors ("could not compile", "aborting") is no message of a case.
    messages.retain(|message| {
        !message.starts_with("aborting") && !message.starts_with("could not compile")
    });
    messages
}

/// The derive's messages for the case at `path`, sorted.
fn derive_messages(path: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(path).expect("the case is readable");
    let file =
        syn::parse_file(&source).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut inputs = Vec::new();
    derive_inputs(&file.items, &mut inputs);
    let mut messages = Vec::new();
    for input in inputs {
        messages.extend(compile_error_messages(derive_http_status(input)));
    }
    messages.sort();
    messages
}

/// Checks every case of `group`; how many cases and how many messages it compared.
fn check(group: &str) -> (usize, usize) {
    let mut failures = Vec::new();
    let cases = cases(group);
    let mut compared = 0;
    for (path, stderr) in &cases {
        let actual = derive_messages(path);
        compared += actual.len();
        let mut expected = stderr.as_deref().map(stderr_messages).unwrap_or_default();
        expected.sort();
        if actual != expected {
            failures.push(format!(
                "{}:\n  the derive wrote {actual:#?}\n  the .stderr has {expected:#?}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    (cases.len(), compared)
}

#[test]
fn rules() {
    let (cases, messages) = check("rules");
    assert!(
        cases >= 90 && messages >= 90,
        "{cases} cases, {messages} messages"
    );
}

#[test]
fn syntax() {
    let (cases, messages) = check("syntax");
    assert!(
        cases >= 60 && messages >= 60,
        "{cases} cases, {messages} messages"
    );
}

#[test]
fn allow() {
    let (cases, messages) = check("allow");
    assert!(cases >= 10, "{cases} cases, {messages} messages");
}

#[test]
fn pass() {
    let (cases, messages) = check("pass");
    assert!(
        cases >= 5 && messages == 0,
        "{cases} cases, {messages} messages"
    );
}
