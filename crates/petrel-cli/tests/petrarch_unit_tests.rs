//! Runs the PETRARCH unit-test suite (UD parses) through `petrel validate` and holds the pass
//! count to a floor, so a change that codes fewer records correctly fails CI.

use std::process::Command;

/// Records coded exactly, as last measured; raise it when the coder improves.
const FLOOR: usize = 246;

#[test]
fn unit_test_suite_through_petrel_validate() {
    let Some(dir) = petrel_testdata::require("petrarch") else {
        return;
    };
    let output = Command::new(env!("CARGO_BIN_EXE_petrel"))
        .arg("validate")
        .arg(dir.join("validation/PETR.UnitTest.records.ud.xml"))
        .arg("--dictionaries")
        .arg(dir.join("dictionaries"))
        .args(["--verbs", "PETR.Validate.verbs.2.0.txt", "--report-only"])
        .output()
        .expect("run petrel validate");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary = stdout.lines().last().expect("a summary line");
    let passed: usize = summary
        .split(" passed")
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("unexpected summary line {summary:?}"));
    assert!(summary.contains(" failed"), "{summary}");
    let total: usize = summary
        .split(", ")
        .filter_map(|part| part.split_whitespace().next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(total, 284, "{summary}");
    assert!(
        passed >= FLOOR,
        "{summary}: fewer than {FLOOR} records coded exactly"
    );
}
