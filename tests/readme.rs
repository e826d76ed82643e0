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

/// Every UI case the rules tables name exists, and every compile-fail case in `tests/ui/rules/`
/// is named by the tables: no rule without its case, no case without its rule.
#[test]
fn rules_tables_name_every_case() {
    let readme = include_str!("../README.md");
    let section = rules_section(readme);
    let named: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with('|'))
        .filter_map(|line| line.trim_end_matches('|').rsplit('|').next())
        .flat_map(|cell| cell.split(','))
        .map(|case| case.trim().trim_matches('`'))
        .filter(|case| !case.is_empty() && !case.contains(' ') && !case.starts_with("---"))
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/rules");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/ui/rules")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    for case in &named {
        assert!(
            on_disk.iter().any(|c| c == case),
            "README names `{case}`, which tests/ui/rules/ does not have"
        );
    }
    for case in &on_disk {
        assert!(
            named.contains(&case.as_str()),
            "tests/ui/rules/{case}.rs is not named in README's rules tables"
        );
    }
}
