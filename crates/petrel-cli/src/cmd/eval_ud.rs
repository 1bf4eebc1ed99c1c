//! `petrel eval-ud`: score UD annotation against a gold treebank with the CoNLL 2018
//! shared-task metrics ([`petrel_syntax::eval`]).
//!
//! With `--system FILE`, that file is scored. Without it, petrel produces the system output
//! itself: from the gold file's raw text (rebuilt from its `# text`, `# newdoc` and `# newpar`
//! comments) by segmentation, tagging and parsing, or with `--gold-tokenization` by tagging and
//! parsing the gold words.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use petrel_syntax::conllu;
use petrel_syntax::eval::{evaluate, Document, Evaluation, METRICS};
use petrel_syntax::ParserKind;
use petrel_text::{rebuild_ud_text, segment, Sentence};

#[derive(clap::Args)]
pub struct Args {
    /// Gold CoNLL-U file (a UD treebank).
    #[arg(long)]
    pub gold: PathBuf,
    /// System CoNLL-U file to score. Without it, petrel annotates the gold file's text itself.
    #[arg(long)]
    pub system: Option<PathBuf>,
    /// Without --system: start from the gold words rather than raw text, so that tagging and
    /// parsing are scored on their own.
    #[arg(long, conflicts_with = "system")]
    pub gold_tokenization: bool,
    /// Also print the F1 scores as one JSON object, on the last line.
    #[arg(long)]
    pub json: bool,
    /// Without --system: which of petrel's dependency parsers to score.
    #[arg(long, value_enum, default_value_t)]
    pub parser: super::ParserChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold_text = read(&args.gold)?;
    let gold = Document::from_conllu(&gold_text)
        .with_context(|| format!("reading gold file {}", args.gold.display()))?;
    let (system, source) = match &args.system {
        Some(path) => {
            let system = Document::from_conllu(&read(path)?)
                .with_context(|| format!("reading system file {}", path.display()))?;
            (system, path.display().to_string())
        }
        None if args.gold_tokenization => {
            petrel_on_gold_words(&gold_text, &gold, args.parser.kind())?
        }
        None => petrel_on_raw_text(&gold_text, args.parser.kind())?,
    };
    let evaluation = evaluate(&gold, &system).context("scoring")?;
    let available = |metric: &str| match metric {
        "Tokens" | "Sentences" | "Words" => true,
        "UAS" | "LAS" | "CLAS" => system.has_trees(),
        _ => system.has_tags(),
    };
    println!(
        "gold: {} ({} sentences, {} words)",
        args.gold.display(),
        gold.sentence_count(),
        gold.word_count()
    );
    println!("system: {source}");
    print_table(&evaluation, &available);
    if !system.has_tags() && args.system.is_none() {
        println!("note: petrel's tagger and parser are not in this build; segmentation only");
    }
    if args.json {
        println!("{}", json_line(&evaluation, &available));
    }
    Ok(ExitCode::SUCCESS)
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// petrel's whole pipeline on the gold file's raw text.
fn petrel_on_raw_text(gold_text: &str, kind: ParserKind) -> anyhow::Result<(Document, String)> {
    let raw = rebuild_ud_text(gold_text)?;
    let mut sentences = segment(&raw.text);
    let annotated = annotate(&mut sentences, kind)?;
    let what = if annotated {
        "petrel on the raw text (segmentation, tagging, parsing)"
    } else {
        "petrel on the raw text (segmentation only)"
    };
    Ok((Document::from_sentences(&sentences), what.to_string()))
}

/// petrel's tagger and parser on the gold words, scored within the gold segmentation.
fn petrel_on_gold_words(
    gold_text: &str,
    gold: &Document,
    kind: ParserKind,
) -> anyhow::Result<(Document, String)> {
    let mut sentences = conllu::parse_str(gold_text)?;
    for token in sentences.iter_mut().flat_map(|s| s.tokens.iter_mut()) {
        *token = petrel_text::Token {
            form: std::mem::take(&mut token.form),
            span: token.span,
            ..Default::default()
        };
    }
    if !annotate(&mut sentences, kind)? {
        bail!("--gold-tokenization scores tagging and parsing, and this build of petrel has no tagger or parser yet");
    }
    let system = gold.reannotated(&sentences)?;
    Ok((
        system,
        "petrel on the gold words (tagging, parsing)".to_string(),
    ))
}

/// Tags, lemmatizes and parses sentences with petrel's own models (found as `petrel parse`
/// finds them), returning whether it did.
fn annotate(sentences: &mut [Sentence], kind: ParserKind) -> anyhow::Result<bool> {
    let dir = petrel_syntax::models_dir(None);
    let pipeline = petrel_syntax::Pipeline::load_with(&dir, kind)
        .map_err(|e| anyhow::anyhow!("loading models from {}: {e}", dir.display()))?;
    for sentence in sentences {
        pipeline.annotate(sentence);
    }
    Ok(true)
}

fn print_table(evaluation: &Evaluation, available: &dyn Fn(&str) -> bool) {
    println!(
        "{:<10} | {:>9} | {:>9} | {:>9}",
        "Metric", "Precision", "Recall", "F1 Score"
    );
    println!("{}", "-".repeat(10 + 3 * 12));
    for (metric, score) in &evaluation.scores {
        if available(metric) {
            println!(
                "{metric:<10} | {:>9.2} | {:>9.2} | {:>9.2}",
                score.precision(),
                score.recall(),
                score.f1()
            );
        } else {
            println!("{metric:<10} | {:>9} | {:>9} | {:>9}", "n/a", "n/a", "n/a");
        }
    }
}

/// `{"Tokens": 99.12, ...}` over the available metrics, in the shared task's order.
fn json_line(evaluation: &Evaluation, available: &dyn Fn(&str) -> bool) -> String {
    let fields: Vec<String> = METRICS
        .iter()
        .filter(|m| available(m))
        .filter_map(|m| evaluation.get(m).map(|s| format!("\"{m}\": {:.2}", s.f1())))
        .collect();
    format!("{{{}}}", fields.join(", "))
}
