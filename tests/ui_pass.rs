//! Contracts that HTTP accepts compile, in every shape the derive supports, and behave.
#[test]
fn pass() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
}
