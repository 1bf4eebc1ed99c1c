//! `petrel lexicon check` on small lexicons written for the purpose: each kind of mistake is
//! found, at its line, with the right severity; a clean lexicon has no findings.

use std::path::{Path, PathBuf};

use petrel_lexicon::check::{check, Finding, Severity};
use petrel_lexicon::own::Source;
use petrel_lexicon::Lexicon;

const EVENTS: &str = "code\tname\tgoldstein\tquad_class\tplover\tplover_mode\n\
04\tConsult\t1\t1\t\t\n040\tConsult\t1\t1\tCONSULT\t\n046\tNegotiate\t7\t1\tCONSULT\t\n\
11\tDisapprove\t-2\t3\t\t\n112\tAccuse\t-2\t3\tACCUSE\t\n1121\tAccuse of crime\t-2\t3\tACCUSE\t\n";

const ACTOR_TYPES: &str = "code\tmeaning\tkind\nGOV\tgovernment\trole\nOPP\topposition\trole\n\
ELI\telites\trole\nCOP\tpolice\trole\nIGO\tintergovernmental\trole\nUNO\tUnited Nations\tother\n";

/// A lexicon directory under the system temporary directory, removed when dropped.
struct TempLexicon(PathBuf);

impl TempLexicon {
    fn new(name: &str, files: &[(&str, &str)]) -> TempLexicon {
        let dir = std::env::temp_dir().join(format!("petrel-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let all = [
            ("ontology/cameo-events.tsv", EVENTS),
            ("ontology/actor-types.tsv", ACTOR_TYPES),
            (
                "actors/countries.txt",
                "Arnor | Arnorian => ARN\nGondor => GON\n",
            ),
            ("agents.txt", "police => COP\n"),
            ("verbs/04-consult.txt", "meet => 040 mutual\n"),
        ];
        for (path, text) in all.iter().chain(files) {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        TempLexicon(dir)
    }

    fn findings(&self) -> Vec<Finding> {
        let source = Source::read(&self.0).unwrap();
        check(&source, &source.build())
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempLexicon {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `(file ending, line, severity, words the message holds)` of each finding.
fn summary(findings: &[Finding]) -> Vec<(String, usize, Severity)> {
    findings
        .iter()
        .map(|f| {
            let file = f.origin.file.rsplit('/').next().unwrap().to_string();
            (file, f.origin.line, f.severity)
        })
        .collect()
}

fn has(findings: &[Finding], file: &str, line: usize, severity: Severity, words: &str) {
    assert!(
        findings.iter().any(|f| f.origin.file.ends_with(file)
            && f.origin.line == line
            && f.severity == severity
            && f.message.contains(words)),
        "no {severity:?} at {file}:{line} saying {words:?} in\n{}",
        findings
            .iter()
            .map(|f| format!("  {f}\n"))
            .collect::<String>()
    );
}

#[test]
fn a_clean_lexicon_has_no_findings() {
    let lexicon = TempLexicon::new("clean", &[]);
    assert_eq!(lexicon.findings(), []);
    let (loaded, diags) = Lexicon::load_own(lexicon.path()).unwrap();
    assert!(diags.is_empty());
    assert_eq!(loaded.actors.entries.len(), 2);
}

#[test]
fn actor_mistakes() {
    let lexicon = TempLexicon::new(
        "actors",
        &[(
            "actors/people.txt",
            "Aragorn | Strider | Aragorn\n    ARNGOV 3019-03-25 ..\n\
Boromir | Strider\n    GONMIL 3000-01-01 .. 3019-02-26\n\
Denethor\n    GONGOV 2984-01-01 .. 3019-03-15\n    GONELI 3019-03-10 ..\n\
Faramir\n    GONGOV 3019-05-01 .. 3019-05-01\n\
Gandalf\n\
Elrond => XYZGOV\n\
Arwen => ARN\n    ARNELI 3019-05-01 ..\n\
Gondor => ARN\n\
Eomer\n    ARNXXX 3019-01-01 ..\n",
        )],
    );
    let f = lexicon.findings();
    has(&f, "people.txt", 1, Severity::Error, "listed twice");
    has(
        &f,
        "people.txt",
        3,
        Severity::Error,
        "also a name of the entry at line 1",
    );
    has(&f, "people.txt", 4, Severity::Error, "unknown code MIL");
    has(&f, "people.txt", 7, Severity::Error, "overlaps role GONGOV");
    has(&f, "people.txt", 9, Severity::Error, "empty date range");
    has(&f, "people.txt", 10, Severity::Error, "codes nothing");
    has(&f, "people.txt", 11, Severity::Error, "unknown code XYZ");
    has(&f, "people.txt", 12, Severity::Warning, "both a code");
    // "Gondor" codes GON in countries.txt, which loads first: ARN here is a conflict.
    has(&f, "people.txt", 14, Severity::Error, "conflict");
    has(&f, "people.txt", 16, Severity::Error, "unknown code XXX");
    assert_eq!(f.len(), 10, "{:#?}", summary(&f));
}

#[test]
fn a_name_in_two_files_with_the_same_country_is_a_warning() {
    let lexicon = TempLexicon::new(
        "two-files",
        &[
            ("actors/people-a.txt", "Isildur\n    ARNGOV .. 3019-01-01\n"),
            ("actors/people-b.txt", "Isildur => ARNELI\n"),
        ],
    );
    let f = lexicon.findings();
    has(
        &f,
        "people-b.txt",
        1,
        Severity::Warning,
        "loads first and wins",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
}

#[test]
fn capitals_decide_whether_two_names_are_one() {
    let lexicon = TempLexicon::new(
        "capitals",
        &[(
            "actors/groups.txt",
            "Rangers | rangers => ARNCOP\nDunedain | DUNEDAIN => ARNELI\n",
        )],
    );
    let f = lexicon.findings();
    // A name without capitals matches any capitals, so it repeats "Rangers"; two spellings
    // with different capitals match different text and are both fine.
    has(&f, "groups.txt", 1, Severity::Error, "are one name");
    assert_eq!(f.len(), 1, "{f:#?}");
}

#[test]
fn agent_mistakes() {
    let lexicon = TempLexicon::new(
        "agents",
        &[(
            "agents.txt",
            "police | Police => COP\nconstable => COP\nconstable | sheriff => GOV\nsheriff => ARNCOP\n",
        )],
    );
    let f = lexicon.findings();
    has(&f, "agents.txt", 1, Severity::Error, "are one form");
    has(&f, "agents.txt", 3, Severity::Error, "conflict");
    has(
        &f,
        "agents.txt",
        4,
        Severity::Error,
        "unknown actor type ARN",
    );
    has(
        &f,
        "agents.txt",
        4,
        Severity::Error,
        "conflict: \"sheriff\" codes ARNCOP",
    );
    assert_eq!(f.len(), 4, "{f:#?}");
}

#[test]
fn verb_mistakes() {
    let lexicon = TempLexicon::new(
        "verbs",
        &[(
            "verbs/11-disapprove.txt",
            "accuse => 112\naccuse => 112\nmeet => 046\naccuse + of crime => 1121\n\
accuse + of crime => 1121\naccuse + of crime => 112\naccuse + of crimes => 112\n\
accuse + of crime|theft => 1121\naccuse + of theft => 1121\naccuse + of theft|crime => 1121\n\
accuse + of the crime => 9999\nheld talks => 046\naccuse + of Gondor's crimes => 1121\n",
        )],
    );
    let f = lexicon.findings();
    has(
        &f,
        "11-disapprove.txt",
        2,
        Severity::Error,
        "the same pattern twice",
    );
    has(
        &f,
        "11-disapprove.txt",
        3,
        Severity::Error,
        "conflicting default codes",
    );
    has(
        &f,
        "11-disapprove.txt",
        5,
        Severity::Error,
        "the same pattern twice",
    );
    has(&f, "11-disapprove.txt", 6, Severity::Error, "unreachable");
    // "crime" already matches "crimes", and comes first with another code.
    has(&f, "11-disapprove.txt", 7, Severity::Error, "unreachable");
    // "crime|theft" covers "theft" (warning: same code) and "theft|crime" (the same set).
    has(&f, "11-disapprove.txt", 9, Severity::Warning, "redundant");
    has(
        &f,
        "11-disapprove.txt",
        10,
        Severity::Error,
        "the same pattern twice",
    );
    has(
        &f,
        "11-disapprove.txt",
        11,
        Severity::Error,
        "unknown event code 9999",
    );
    has(
        &f,
        "11-disapprove.txt",
        11,
        Severity::Warning,
        "leave out articles",
    );
    has(
        &f,
        "11-disapprove.txt",
        12,
        Severity::Warning,
        "looks like a form of \"hold\"",
    );
    has(
        &f,
        "11-disapprove.txt",
        13,
        Severity::Error,
        "can never match",
    );
    assert_eq!(f.len(), 11, "{:#?}", summary(&f));
}

#[test]
fn unreadable_lines_are_errors_with_their_line() {
    let lexicon = TempLexicon::new(
        "syntax",
        &[(
            "verbs/04-consult.txt",
            "meet => 040 mutual\nmeet with + 040\n",
        )],
    );
    let f = lexicon.findings();
    has(&f, "04-consult.txt", 2, Severity::Error, "cannot read line");
    assert_eq!(f.len(), 1);
}

#[test]
fn a_missing_file_is_a_load_error_naming_it() {
    let lexicon = TempLexicon::new("missing", &[]);
    std::fs::remove_file(lexicon.path().join("agents.txt")).unwrap();
    let err = Lexicon::load_own(lexicon.path()).unwrap_err();
    assert!(err.to_string().contains("agents.txt"), "{err}");
}
