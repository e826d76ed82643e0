//! Every `rust-version` the workspace claims is true: no lower than its edition needs, nor than
//! the `rust-version` of any crate it builds (for a published crate, its normal and build
//! dependencies with default features; for the unpublished ones, everything their tests build).
//! And the README's table of what each optional feature of status-core needs is exact.
//!
//! Read from `cargo metadata` and `cargo tree`, as cargo resolves this very lockfile.

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

/// A Rust version, `1.85` or `1.85.0`, as comparable numbers.
type Version = Vec<u64>;

fn version(text: &str) -> Version {
    let mut parts: Version = text
        .split('.')
        .map(|part| part.parse().expect("a numeric version"))
        .collect();
    parts.resize(3, 0);
    parts
}

fn shown(version: &Version) -> String {
    format!("{}.{}", version[0], version[1])
}

fn cargo(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

struct Workspace {
    packages: Vec<Value>,
}

impl Workspace {
    fn read() -> Workspace {
        let metadata: Value =
            serde_json::from_str(&cargo(&["metadata", "--format-version", "1", "--locked"]))
                .expect("cargo metadata is JSON");
        let packages = metadata["packages"].as_array().expect("packages").clone();
        Workspace { packages }
    }

    fn package(&self, name: &str, version: &str) -> Option<&Value> {
        self.packages
            .iter()
            .find(|package| package["name"] == name && package["version"] == version)
    }

    fn members(&self) -> impl Iterator<Item = &Value> {
        self.packages
            .iter()
            .filter(|package| package["source"].is_null())
    }

    /// The highest `rust-version` among the crates `cargo tree` lists for `args`, and which.
    fn needs(&self, args: &[&str]) -> (Version, BTreeSet<String>) {
        // Every platform's dependencies, not only this machine's.
        let mut tree = vec![
            "tree", "--locked", "--target", "all", "--prefix", "none", "-f", "{p}",
        ];
        tree.extend_from_slice(args);
        let mut highest = (version("0"), BTreeSet::new());
        for line in cargo(&tree).lines() {
            let mut words = line.split_whitespace();
            let (Some(name), Some(release)) = (words.next(), words.next()) else {
                continue;
            };
            let package = self
                .package(name, release.trim_start_matches('v'))
                .unwrap_or_else(|| panic!("{line}: not in cargo metadata"));
            let Some(needed) = package["rust_version"].as_str() else {
                continue;
            };
            let needed = version(needed);
            if needed > highest.0 {
                highest = (needed.clone(), BTreeSet::new());
            }
            if needed == highest.0 {
                highest.1.insert(format!("{name} {release}"));
            }
        }
        highest
    }
}

/// The oldest Rust that compiles an edition.
fn edition_needs(edition: &str) -> Version {
    version(match edition {
        "2015" => "1.0",
        "2018" => "1.31",
        "2021" => "1.56",
        "2024" => "1.85",
        other => panic!("edition {other} is not known to this test"),
    })
}

#[test]
fn every_claimed_rust_version_is_true() {
    let workspace = Workspace::read();
    let mut checked = 0;
    for member in workspace.members() {
        let name = member["name"].as_str().expect("a name");
        let Some(claimed) = member["rust_version"].as_str() else {
            assert!(
                member["publish"] == Value::Array(Vec::new()),
                "{name} is published and claims no rust-version"
            );
            continue;
        };
        let claimed = version(claimed);
        let published = member["publish"] != Value::Array(Vec::new());
        let edges = if published {
            "normal,build"
        } else {
            "normal,build,dev"
        };
        let (needed, by) = workspace.needs(&["-p", name, "-e", edges]);
        let needed = needed.max(edition_needs(member["edition"].as_str().expect("edition")));
        assert!(
            claimed >= needed,
            "{name} claims rust-version {}, but needs {} ({by:?}, or its edition)",
            shown(&claimed),
            shown(&needed)
        );
        checked += 1;
    }
    assert!(
        checked >= 4,
        "the three published crates and the root claim one"
    );
}

/// README's "Rust versions" table: each feature of status-core, and the Rust it needs.
fn readme_features() -> Vec<(String, Version)> {
    let readme = include_str!("../README.md");
    let start = readme
        .find("| feature of status-core | needs Rust |")
        .expect("README has the table of features and Rust versions");
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_owned(), version(cells[2]))
        })
        .collect()
}

#[test]
fn the_readme_says_what_each_feature_needs() {
    let workspace = Workspace::read();
    let core = workspace
        .members()
        .find(|member| member["name"] == "status-core")
        .expect("status-core");
    let own = version(core["rust_version"].as_str().expect("a rust-version"));
    let features: BTreeSet<&str> = core["features"]
        .as_object()
        .expect("features")
        .keys()
        .map(String::as_str)
        .filter(|feature| *feature != "default")
        .collect();
    let listed = readme_features();
    let names: BTreeSet<&str> = listed.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names, features,
        "README lists exactly status-core's features"
    );
    for (feature, said) in &listed {
        let (needed, by) = workspace.needs(&[
            "-p",
            "status-core",
            "-e",
            "normal,build",
            "--features",
            feature,
        ]);
        let needed = needed.max(own.clone());
        assert_eq!(
            shown(said),
            shown(&needed),
            "README says `{feature}` needs {}, it needs {} ({by:?})",
            shown(said),
            shown(&needed)
        );
    }
}
