//! `petrel validate`: codes every record of a PETRARCH validation file and compares the events
//! with those expected.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use petrel::validation::{self, Expected, ExpectedEvent, Record};
use petrel_coder::{Coder, Discarded, SentenceCoding};
use petrel_lexicon::{Lexicon, PetrarchFiles};
use petrel_syntax::conllu;

#[derive(clap::Args)]
pub struct Args {
    /// Validation file (PETRARCH XML with CoNLL-U parses).
    pub file: PathBuf,
    /// Directory holding the dictionaries the file's <Environment> names.
    #[arg(long)]
    pub dictionaries: PathBuf,
    /// Verb dictionary to use instead of the one the file names.
    #[arg(long)]
    pub verbs: Option<String>,
    /// Actor dictionary to use instead of the one the file names.
    #[arg(long)]
    pub actors: Option<String>,
    /// Agent dictionary to use instead of the one the file names.
    #[arg(long)]
    pub agents: Option<String>,
    /// Discard list to use instead of the one the file names.
    #[arg(long)]
    pub discards: Option<String>,
    /// PETRARCH2's internal coding ontology (how negated events code), relative to
    /// --dictionaries; by default the file PETRARCH ships, when it is there.
    #[arg(long, default_value = "PETR.Internal.Coding.Ontology.txt")]
    pub ontology: String,
    /// Print dictionary diagnostics (skipped lines) before the results.
    #[arg(long)]
    pub show_diagnostics: bool,
    /// Exit 0 even when records fail.
    #[arg(long)]
    pub report_only: bool,
}

/// Expected errors that test a PETRARCH reader of constituency parses; a well-formed UD parse
/// cannot reproduce them, so such records are skipped, with the reason printed.
const READER_ERRORS: &[&str] = &["bad_input_parse", "dateline"];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let file = validation::read_file(&args.file)?;
    let env = &file.environment;
    let pick = |flag: &Option<String>,
                named: &Option<String>,
                what: &str|
     -> anyhow::Result<Vec<PathBuf>> {
        match flag.as_ref().or(named.as_ref()) {
            Some(name) => Ok(vec![args.dictionaries.join(name)]),
            None if what == "discard" => Ok(Vec::new()),
            None => anyhow::bail!(
                "{} names no {what} dictionary; give --{what}s",
                args.file.display()
            ),
        }
    };
    let files = PetrarchFiles {
        verbs: pick(&args.verbs, &env.verbs, "verb")?,
        actors: pick(&args.actors, &env.actors, "actor")?,
        agents: pick(&args.agents, &env.agents, "agent")?,
        discards: pick(&args.discards, &env.discards, "discard")?,
        issues: Vec::new(),
        ontology: Some(args.dictionaries.join(&args.ontology)).filter(|p| p.exists()),
    };
    let (lexicon, diagnostics) = Lexicon::load_petrarch(&files)?;
    if args.show_diagnostics {
        for d in &diagnostics {
            eprintln!("{d}");
        }
    } else if !diagnostics.is_empty() {
        eprintln!(
            "{} dictionary lines skipped (--show-diagnostics lists them)",
            diagnostics.len()
        );
    }
    let coder = Coder::new(&lexicon);
    let (mut passed, mut failed) = (0, 0);
    let mut skipped = Vec::new();
    for record in &file.records {
        match check(&coder, record, &args.file) {
            Outcome::Pass => passed += 1,
            Outcome::Skip(reason) => skipped.push(format!("{}: {reason}", record.id)),
            Outcome::Fail(got) => {
                failed += 1;
                println!("FAIL {} (line {})", record.id, record.line);
                println!("  text:     {}", record.text);
                println!("  expected: {}", describe_expected(&record.expected));
                println!("  got:      {got}");
            }
        }
    }
    for s in &skipped {
        println!("skipped {s}");
    }
    let mut summary = format!("{passed} passed, {failed} failed");
    if !skipped.is_empty() {
        summary.push_str(&format!(", {} skipped", skipped.len()));
    }
    println!("{summary}");
    Ok(if failed == 0 || args.report_only {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
}

fn check(coder: &Coder, record: &Record, file: &Path) -> Outcome {
    if let Expected::Error(kind) = &record.expected {
        if READER_ERRORS.contains(&kind.as_str()) {
            return Outcome::Skip(format!(
                "expects PETRARCH's {kind:?} error from its constituency-parse reader; the UD parse given is well-formed"
            ));
        }
    }
    let sentences = match conllu::parse_str(&record.parse).with_context(|| {
        format!(
            "{}: record {} (line {})",
            file.display(),
            record.id,
            record.line
        )
    }) {
        Ok(s) => s,
        Err(e) => return Outcome::Fail(format!("unreadable parse: {e:#}")),
    };
    let mut events = BTreeSet::new();
    let mut discarded = None;
    for mut sentence in sentences {
        sentence.text = Some(record.text.clone());
        let SentenceCoding {
            events: coded,
            discarded: d,
        } = coder.code(&sentence, record.date);
        discarded = discarded.or(d);
        for e in coded {
            events.insert(ExpectedEvent {
                code: e.code,
                source: e.source.code.into(),
                target: e
                    .target
                    .map_or_else(|| "---".to_string(), |t| t.code.into()),
            });
        }
    }
    let got = match &discarded {
        Some(Discarded::Story(p)) => format!("story discarded ({p})"),
        Some(Discarded::Sentence(p)) => format!("sentence discarded ({p})"),
        None => describe_events(&events),
    };
    let pass = match &record.expected {
        Expected::Error(kind) => matches!(
            (kind.as_str(), &discarded),
            ("storydiscard", Some(Discarded::Story(_)))
                | ("sentencediscard", Some(Discarded::Sentence(_)))
        ),
        Expected::NoEvents => discarded.is_none() && events.is_empty(),
        Expected::Events(want) => {
            discarded.is_none() && want.iter().cloned().collect::<BTreeSet<_>>() == events
        }
    };
    if pass {
        Outcome::Pass
    } else {
        Outcome::Fail(got)
    }
}

fn describe_events(events: &BTreeSet<ExpectedEvent>) -> String {
    if events.is_empty() {
        return "no events".into();
    }
    events
        .iter()
        .map(|e| format!("{} {}→{}", e.code, e.source, e.target))
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe_expected(expected: &Expected) -> String {
    match expected {
        Expected::Events(events) => describe_events(&events.iter().cloned().collect()),
        Expected::NoEvents => "no events".into(),
        Expected::Error(kind) => format!("error {kind}"),
    }
}
