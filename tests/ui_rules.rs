//! Compile-fail UI tests for HTTP's rules, as `#[derive(HttpStatus)]` enforces them.
//!
//! `tests/ui/rules/` holds one input per rule of the README's two tables (the "errors" that have
//! no opt-out, and the "should" rules), and per sub-case whose message differs: each file breaks
//! one rule, and its `.stderr` is the message a user who made that mistake reads, pointing at the
//! token to fix, naming the rule, its RFC section and the fix.
//!
//! `tests/ui/allow/` holds, for each "should" rule, the same contract with its `allow(...)`
//! opt-out: it compiles, and the response it builds is the one asked for.

#[test]
fn rules() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/rules/*.rs");
    t.pass("tests/ui/allow/*.rs");
}
