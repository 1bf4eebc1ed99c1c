//! `petrel code`: news stories in, events out.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use petrel::output::{DelimitedSink, EventSink, JsonlSink};
use petrel::pipeline::{Options, Pipeline};
use petrel::run::{self, Summary};
use petrel::stories::{self, Format, StoryResult};
use petrel_lexicon::{Lexicon, PetrarchFiles};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Csv,
    Tsv,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum InputFormat {
    Jsonl,
    Text,
    Conllu,
}

#[derive(clap::Args)]
pub struct Args {
    /// Story files: JSON Lines (.jsonl), plain text (one story a file), CoNLL-U parses
    /// (.conllu; `# newdoc` starts a story), directories of these, or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Write events here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Input format, when the file name does not say (standard input is JSON Lines by default).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Date of plain-text stories (YYYY-MM-DD): relative dates resolve against it, and it
    /// selects which office holders the actor codes follow.
    #[arg(long)]
    pub date: Option<String>,
    /// Use the PETRARCH dictionaries in DIR (CAMEO.2.0.txt, Phoenix actors, agents,
    /// discards) instead of petrel's own lexicon.
    #[arg(long)]
    pub dictionaries: Option<PathBuf>,
    /// petrel's own lexicon directory (default: the built-in one, or $PETREL_LEXICON).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Directory of the tagger and parser models (default: built-in, or $PETREL_MODELS).
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// Which dependency parser to use.
    #[arg(long, value_enum, default_value_t)]
    pub parser: super::ParserChoice,
    /// Add to each event the dictionary entries and pattern that produced it.
    #[arg(long)]
    pub explain: bool,
    /// Exit non-zero if any record could not be read.
    #[arg(long)]
    pub strict: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("setting up worker threads")?;
    }
    let date = args
        .date
        .as_deref()
        .map(stories::parse_date)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let started = Instant::now();
    let own_dir = args
        .lexicon
        .clone()
        .unwrap_or_else(petrel_lexicon::own::default_dir);
    let (own, own_diags) = Lexicon::load_own(&own_dir)?;
    report_diagnostics(&own_diags, "lexicon");
    let petrarch = match &args.dictionaries {
        Some(dir) => {
            let (lexicon, diags) = Lexicon::load_petrarch(&PetrarchFiles::phoenix(dir))?;
            report_diagnostics(&diags, "dictionary");
            Some(lexicon)
        }
        None => None,
    };
    let lexicon = petrarch.as_ref().unwrap_or(&own);
    let models = petrel_syntax::models_dir(args.models.as_deref());
    let syntax = petrel_syntax::Pipeline::load_with(&models, args.parser.kind())
        .with_context(|| format!("loading models from {}", models.display()))?;
    let pipeline = Pipeline::new(
        &syntax,
        lexicon,
        &own.ontology,
        Options {
            explain: args.explain,
        },
    );
    eprintln!(
        "petrel: loaded lexicon and models in {:.0?}",
        started.elapsed()
    );

    let paths = stories::expand_paths(&args.inputs).context("listing inputs")?;
    let format = args.input_format.map(|f| match f {
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Text => Format::Text,
        InputFormat::Conllu => Format::Conllu,
    });
    let inputs: Box<dyn Iterator<Item = StoryResult> + Send> = Box::new(
        paths
            .into_iter()
            .flat_map(move |p| stories::open(&p, format, date)),
    );

    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut sink: Box<dyn EventSink> = match args.format {
        OutputFormat::Jsonl => Box::new(JsonlSink::new(out)),
        OutputFormat::Csv => Box::new(DelimitedSink::new(out, b',')),
        OutputFormat::Tsv => Box::new(DelimitedSink::new(out, b'\t')),
    };
    let bar = io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    });
    let coding = Instant::now();
    let summary = run::run(inputs, &pipeline, sink.as_mut(), |s: &Summary| {
        if let Some(bar) = &bar {
            bar.set_message(format!("{} stories, {} events", s.stories, s.events));
            bar.tick();
        }
    })
    .context("writing events")?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    report(&summary, coding.elapsed().as_secs_f64());
    if args.strict && !summary.skipped.is_empty() {
        bail!(
            "{} records could not be read (--strict)",
            summary.skipped.len()
        );
    }
    Ok(if summary.stories == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn report_diagnostics(diags: &[petrel_lexicon::Diagnostic], what: &str) {
    if !diags.is_empty() {
        eprintln!(
            "petrel: {} {what} lines skipped (see `petrel lexicon check`); first: {}",
            diags.len(),
            diags[0]
        );
    }
}

/// The end-of-run summary, on standard error.
fn report(summary: &Summary, seconds: f64) {
    for e in &summary.skipped {
        eprintln!("petrel: skipped {e}");
    }
    eprintln!(
        "petrel: {} stories, {} sentences, {} events, {} stories discarded, {} records skipped ({:.1} s, {:.0} sentences/s)",
        summary.stories,
        summary.sentences,
        summary.events,
        summary.discarded,
        summary.skipped.len(),
        seconds,
        summary.sentences as f64 / seconds.max(1e-9),
    );
}
