//! The PETRARCH readers take any text without panicking, and every diagnostic they give names
//! the file it was given and a line that exists in it.
//!
//! Failures are not persisted to a regressions file: the minimal inputs found so far are pinned
//! as plain tests at the end instead.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use petrel_lexicon::actors::ActorDict;
use petrel_lexicon::agents::AgentDict;
use petrel_lexicon::issues::IssueDict;
use petrel_lexicon::negation::NegationTable;
use petrel_lexicon::verbs::VerbDict;
use petrel_lexicon::{petrarch, Diagnostic, Lexicon, PetrarchFiles};
use proptest::prelude::*;

const FILE: &str = "fuzz.txt";

/// Strings of the characters the PETRARCH formats give a meaning to.
const SPECIAL: &str = "[\\[\\]{}()&+\\-*$%^~_!=<>#;:0-9A-Z \\t\\n]{0,200}";

/// Pieces of the formats' syntax, so that generated text reaches past the first check of each
/// reader (a block header, a pattern, a dated code, a substitution set, an issue expansion).
/// White space and line breaks are listed twice to give them more weight.
const FRAGMENTS: &[&str] = &[
    "---",
    "--- ",
    " ---",
    "- ",
    "* ",
    "**",
    "[",
    "]",
    "040",
    "040:040",
    ":173",
    "+",
    "&",
    "&TIE",
    "&TIE_",
    "{",
    "}",
    "{}",
    "(",
    ")",
    "WITH",
    "AT",
    "$",
    "%",
    "^",
    "~",
    "=",
    "!X!",
    "!X! = A, B",
    "<",
    ">",
    "990101",
    "20100501-20151231",
    "-",
    "0x1F",
    "0xFFFF",
    "#",
    ";",
    "<!--",
    "-->",
    "_",
    "n:",
    "v:",
    "<ISSUE",
    "</ISSUE>",
    "a (a b ATTACK) SAY = a b 015",
    "ARN",
    "~COP",
    "NGO~",
    ":",
    " ",
    " ",
    "\t",
    "\n",
    "\n",
    "\r\n",
    "é",
    "Ω",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

/// Every diagnostic names `FILE` and a line between 1 and the number of lines in `text`.
fn check(text: &str, diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    let lines = text.lines().count();
    for d in diags {
        prop_assert_eq!(&*d.origin.file, FILE, "{}", d);
        prop_assert!(
            (1..=lines).contains(&d.origin.line),
            "{} is outside lines 1..={} of {:?}",
            d,
            lines,
            text
        );
    }
    Ok(())
}

fn verbs(text: &str) -> Result<(), TestCaseError> {
    let mut dict = VerbDict::default();
    check(text, &petrarch::read_verbs(FILE, text, &mut dict))
}

fn actors(text: &str) -> Result<(), TestCaseError> {
    let mut dict = ActorDict::default();
    check(text, &petrarch::read_actors(FILE, text, &mut dict))
}

fn agents(text: &str) -> Result<(), TestCaseError> {
    let mut dict = AgentDict::default();
    check(text, &petrarch::read_agents(FILE, text, &mut dict))
}

fn discards(text: &str) -> Result<(), TestCaseError> {
    let (_, diags) = petrarch::read_discards(FILE, text);
    check(text, &diags)
}

fn issues(text: &str) -> Result<(), TestCaseError> {
    let mut dict = IssueDict::default();
    check(text, &petrarch::read_issues(FILE, text, &mut dict))
}

fn ontology(text: &str) -> Result<(), TestCaseError> {
    let mut table = NegationTable::default();
    check(text, &petrarch::read_ontology(FILE, text, &mut table))
}

/// Property settings: `cases` runs, nothing written to disk on failure.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn verbs_take_any_text(a in SPECIAL, b in "\\PC*", c in fragments()) {
        verbs(&a)?;
        verbs(&b)?;
        verbs(&c)?;
    }

    #[test]
    fn actors_take_any_text(a in SPECIAL, b in "\\PC*", c in fragments()) {
        actors(&a)?;
        actors(&b)?;
        actors(&c)?;
    }

    #[test]
    fn agents_take_any_text(a in SPECIAL, b in "\\PC*", c in fragments()) {
        agents(&a)?;
        agents(&b)?;
        agents(&c)?;
    }

    #[test]
    fn discards_take_any_text(a in SPECIAL, b in "\\PC*", c in fragments()) {
        discards(&a)?;
        discards(&b)?;
        discards(&c)?;
    }

    #[test]
    fn issues_take_any_text(a in SPECIAL, b in "\\PC*", c in fragments()) {
        issues(&a)?;
        issues(&b)?;
        issues(&c)?;
    }

    #[test]
    fn ontology_takes_any_text(a in SPECIAL, b in "\\PC*", c in fragments()) {
        ontology(&a)?;
        ontology(&b)?;
        ontology(&c)?;
    }
}

/// A fresh path under the system temp directory, unique to this process and call.
fn temp_path(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "petrel-reader-properties-{}-{n}-{name}",
        std::process::id()
    ))
}

/// Writes `bytes`, with a byte that is not UTF-8 inserted at `at`, to a temporary file, loads it
/// as each kind of dictionary `files` selects, and checks that loading succeeds with diagnostics
/// that each name the file and one of its lines.
fn load_random_bytes(
    mut bytes: Vec<u8>,
    at: prop::sample::Index,
    every_kind: bool,
) -> Result<(), TestCaseError> {
    bytes.insert(at.index(bytes.len() + 1), 0xFF);
    let path = temp_path("random.txt");
    std::fs::write(&path, &bytes).unwrap();
    let one = || vec![path.clone()];
    let files = PetrarchFiles {
        verbs: if every_kind { one() } else { Vec::new() },
        actors: one(),
        agents: one(),
        discards: one(),
        issues: one(),
        ontology: every_kind.then(|| path.clone()),
    };
    let loaded = Lexicon::load_petrarch(&files);
    std::fs::remove_file(&path).unwrap();
    let (_, diags) = loaded.expect("a readable file loads");
    let name = path.display().to_string();
    let lines = String::from_utf8_lossy(&bytes).lines().count();
    for d in &diags {
        prop_assert_eq!(&*d.origin.file, name.as_str(), "{}", d);
        prop_assert!(
            (1..=lines).contains(&d.origin.line),
            "{} outside 1..={}",
            d,
            lines
        );
    }
    prop_assert!(
        diags.iter().any(|d| d.message.contains("UTF-8")),
        "no UTF-8 diagnostic in {:?}",
        diags
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn random_bytes_load_as_actors_agents_discards_and_issues(
        bytes in prop::collection::vec(any::<u8>(), 0..2_000),
        at in any::<prop::sample::Index>(),
    ) {
        load_random_bytes(bytes, at, false)?;
    }

    #[test]
    fn random_bytes_load_as_every_kind_of_dictionary(
        bytes in prop::collection::vec(any::<u8>(), 0..2_000),
        at in any::<prop::sample::Index>(),
    ) {
        load_random_bytes(bytes, at, true)?;
    }
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let path = temp_path("absent.txt");
    let files = PetrarchFiles {
        verbs: vec![path.clone()],
        ..PetrarchFiles::default()
    };
    let err = Lexicon::load_petrarch(&files).expect_err("a missing file is an error");
    assert_eq!(err.path, path);
    assert!(err.to_string().contains(&path.display().to_string()));
}

/// The lines of the diagnostics `read` gives for `text`.
fn diagnostic_lines(text: &str, read: fn(&str) -> Vec<Diagnostic>) -> Vec<usize> {
    read(text).iter().map(|d| d.origin.line).collect()
}

fn read_verbs(text: &str) -> Vec<Diagnostic> {
    petrarch::read_verbs(FILE, text, &mut VerbDict::default())
}

fn read_ontology(text: &str) -> Vec<Diagnostic> {
    petrarch::read_ontology(FILE, text, &mut NegationTable::default())
}

#[test]
fn transformation_with_close_before_open_is_reported() {
    assert_eq!(
        diagnostic_lines("--- A [010] ---\nA\n~)(=\n", read_verbs),
        [3]
    );
}

#[test]
fn ontology_value_that_is_only_a_sign_is_reported() {
    assert_eq!(
        diagnostic_lines("050:0x80\n110:+\n190:0xA0-\n", read_ontology),
        [2, 3]
    );
}

#[test]
fn ontology_value_with_a_non_ascii_character_is_reported() {
    assert_eq!(diagnostic_lines("050:\u{e9}\n", read_ontology), [1]);
}

#[test]
fn ontology_value_beyond_i64_is_reported() {
    assert_eq!(
        diagnostic_lines("050:0x7FFFFFFFFFFFFFFF+0x7FFFFFFFFFFFFFFF\n", read_ontology),
        [1]
    );
}
