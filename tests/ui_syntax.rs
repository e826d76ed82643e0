//! Malformed attributes: every mistake of form is a compile error that points at the token,
//! says what is expected, and suggests the closest name where there is one.
#[test]
fn syntax() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/syntax/*.rs");
}
