//! The rules table appears in the README and in the derive's documentation; they must agree.

fn rules_section(markdown: &str) -> String {
    let start = markdown
        .find("The rules\n")
        .expect("a section named \"The rules\"");
    markdown[start..]
        .lines()
        .skip(1)
        .take_while(|line| !line.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

#[test]
fn rules_tables_agree() {
    let root = include_str!("../README.md");
    let derive = include_str!("../status-derive/README.md");
    let (root, derive) = (rules_section(root), rules_section(derive));
    assert!(root.contains("| 401 has `WWW-Authenticate` |"), "{root}");
    assert_eq!(
        root, derive,
        "README.md and status-derive/README.md list different rules"
    );
}
