//! `petrel lexicon`: check passes on the committed lexicon and fails on a broken one, stats
//! counts, lookup explains a dated role, and `$PETREL_LEXICON` selects the directory.

use std::path::Path;
use std::process::{Command, Output};

fn petrel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_petrel"))
        .args(args)
        .env_remove("PETREL_LEXICON")
        .output()
        .expect("run petrel")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_passes_on_the_committed_lexicon() {
    let output = petrel(&["lexicon", "check", "--errors-only"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(": 0 errors,"),
        "{}",
        stdout(&output)
    );
}

/// Copies the committed lexicon and breaks one line in the copy.
fn broken_copy(dest: &Path) {
    let source = petrel_lexicon::default_dir();
    for sub in ["actors", "verbs", "nouns", "ontology"] {
        std::fs::create_dir_all(dest.join(sub)).unwrap();
        for entry in std::fs::read_dir(source.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dest.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(source.join("agents.txt"), dest.join("agents.txt")).unwrap();
    let verbs = dest.join("verbs/04-consult.txt");
    let mut text = std::fs::read_to_string(&verbs).unwrap();
    text.push_str("meet with +   => 9999\n");
    std::fs::write(&verbs, text).unwrap();
}

#[test]
fn check_fails_with_file_and_line_on_a_broken_lexicon() {
    let dir = std::env::temp_dir().join(format!("petrel-broken-lexicon-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    broken_copy(&dir);
    let output = petrel(&["lexicon", "check", "--dir", dir.to_str().unwrap()]);
    let lines = std::fs::read_to_string(dir.join("verbs/04-consult.txt"))
        .unwrap()
        .lines()
        .count();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let at = format!("verbs/04-consult.txt:{lines}: error: unknown event code 9999");
    assert!(stdout(&output).contains(&at), "{}", stdout(&output));
    let at = format!("verbs/04-consult.txt:{lines}: error: unreachable");
    assert!(stdout(&output).contains(&at), "{}", stdout(&output));
}

#[test]
fn stats_count_every_kind() {
    let output = petrel(&["lexicon", "stats"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let count = |label: &str| -> usize {
        let line = text
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label:?} in\n{text}"));
        line[label.len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(count("countries and territories") > 240);
    assert!(count("people") > 1000);
    assert!(count("verb patterns") > 1000);
    assert_eq!(count("CAMEO roots covered"), 20);
}

#[test]
fn lookup_explains_which_role_applies() {
    let output = petrel(&["lexicon", "lookup", "Olaf Scholz", "--date", "2024-11-15"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("actors/people-europe.txt:"), "{text}");
    assert!(text.contains("=> DEUGOV on 2024-11-15"), "{text}");
    let chosen = text
        .lines()
        .find(|l| l.trim_start().starts_with('>'))
        .unwrap();
    assert!(chosen.contains("# Chancellor"), "{text}");
    let output = petrel(&["lexicon", "lookup", "Olaf Scholz", "--date", "1990-01-01"]);
    assert!(
        stdout(&output).contains("before its first role"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn lookup_shows_the_winning_verb_pattern() {
    let output = petrel(&["lexicon", "lookup", "held talks with Oman"]);
    let text = stdout(&output);
    let winner = text
        .lines()
        .find(|l| l.trim_start().starts_with('>'))
        .unwrap();
    assert!(
        winner.contains("hold talks with +") && winner.contains("046 mutual"),
        "{text}"
    );
}

#[test]
fn petrel_lexicon_variable_selects_the_directory() {
    let output = Command::new(env!("CARGO_BIN_EXE_petrel"))
        .args(["lexicon", "stats"])
        .env("PETREL_LEXICON", "/nonexistent/lexicon")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("/nonexistent/lexicon"), "{err}");
}
