//! The real PETRARCH dictionaries load, with few enough skipped lines to be explained.

use petrel_lexicon::{Lexicon, PetrarchFiles};

fn dictionaries() -> Option<std::path::PathBuf> {
    petrel_testdata::require("petrarch/dictionaries")
}

#[test]
fn phoenix_set_loads() {
    let Some(dir) = dictionaries() else { return };
    let files = PetrarchFiles {
        issues: vec![dir.join("Phoenix.IssueCoding.txt")],
        ontology: Some(dir.join("PETR.Internal.Coding.Ontology.txt")),
        ..PetrarchFiles::phoenix(&dir)
    };
    let (lexicon, diags) = Lexicon::load_petrarch(&files).unwrap();
    for d in &diags {
        eprintln!("{d}");
    }
    assert!(
        lexicon.verbs.verbs.len() > 1_500,
        "{} verbs",
        lexicon.verbs.verbs.len()
    );
    assert!(lexicon.verbs.pattern_count() > 4_000);
    assert!(
        lexicon.actors.entries.len() > 10_000,
        "{}",
        lexicon.actors.entries.len()
    );
    assert!(lexicon.agents.entries.len() > 1_000);
    assert!(lexicon.discards.len() > 100);
    assert!(!lexicon.issues.issues.is_empty());
    assert!(lexicon.negations.as_ref().is_some_and(|n| n.len() > 250));
    // A few hundred lines of the Phoenix files are genuinely malformed; anything beyond that
    // means the reader misunderstands the format.
    assert!(diags.len() < 60, "{} diagnostics", diags.len());
}

#[test]
fn unit_test_dictionaries_load() {
    let Some(dir) = dictionaries() else { return };
    let files = PetrarchFiles {
        verbs: vec![dir.join("PETR.Validate.verbs.2.0.txt")],
        actors: vec![dir.join("PETR.Validate.actors.txt")],
        agents: vec![dir.join("PETR.Validate.agents.txt")],
        discards: vec![dir.join("PETR.Validate.discards.txt")],
        issues: Vec::new(),
        ontology: None,
    };
    let (lexicon, diags) = Lexicon::load_petrarch(&files).unwrap();
    for d in &diags {
        eprintln!("{d}");
    }
    assert!(lexicon.verbs.pattern_count() > 300);
    assert!(diags.len() < 20, "{} diagnostics", diags.len());
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let files = PetrarchFiles {
        verbs: vec!["/nonexistent/verbs.txt".into()],
        ..PetrarchFiles::default()
    };
    let err = Lexicon::load_petrarch(&files).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/verbs.txt"));
}
