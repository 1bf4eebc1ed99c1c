//! `petrel parse`: raw text (or tokenized CoNLL-U) in, tagged, lemmatized and parsed CoNLL-U out.
//!
//! Input is read and written incrementally, a paragraph (or at most about 64 KiB of lines) at a
//! time, so memory stays flat whatever the input size. Token offsets are written as
//! `TokenRange=START:END` in MISC: **byte** offsets into the input, as everywhere in petrel.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use petrel_syntax::conllu::{write_sentence, Reader};
use petrel_syntax::{models_dir, Pipeline};
use petrel_text::{Sentence, Span};

/// A chunk is cut at the first line end past this many bytes, even inside a paragraph.
const CHUNK_BYTES: usize = 64 * 1024;

#[derive(clap::Args)]
pub struct Args {
    /// Input file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    pub input: String,
    /// Output file (default: standard output).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Models directory (default: $PETREL_MODELS, else the repository's models/, else models/
    /// next to the executable).
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// The input is CoNLL-U whose tokenization is kept; tags, lemmas and trees are replaced.
    #[arg(long)]
    pub conllu_input: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = models_dir(args.models.as_deref());
    let loading = Instant::now();
    let pipeline = Pipeline::load(&dir)
        .with_context(|| format!("loading models from {} (see --models)", dir.display()))?;
    let load_time = loading.elapsed();
    let input: Box<dyn Read> = if args.input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(&args.input).with_context(|| args.input.clone())?)
    };
    let input = BufReader::with_capacity(1 << 16, input);
    let output: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(std::fs::File::create(path).with_context(|| path.display().to_string())?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut output = BufWriter::with_capacity(1 << 16, output);
    let started = Instant::now();
    let mut counts = Counts::default();
    if args.conllu_input {
        parse_conllu(&pipeline, input, &mut output, &args.input, &mut counts)?;
    } else {
        parse_text(&pipeline, input, &mut output, &args.input, &mut counts)?;
    }
    output.flush().context("writing output")?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "petrel parse: {} sentences, {} tokens in {:.2} s ({:.0} tokens/s; models loaded in {} ms)",
        counts.sentences,
        counts.tokens,
        seconds,
        counts.tokens as f64 / seconds.max(1e-9),
        load_time.as_millis()
    );
    Ok(if counts.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Default)]
struct Counts {
    sentences: usize,
    tokens: usize,
    errors: usize,
}

fn emit(
    pipeline: &Pipeline,
    sentence: &mut Sentence,
    out: &mut impl Write,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    pipeline.annotate(sentence);
    counts.sentences += 1;
    counts.tokens += sentence.tokens.len();
    write_sentence(out, sentence).context("writing output")
}

/// Raw text: paragraphs are segmented, annotated and written one at a time.
fn parse_text(
    pipeline: &Pipeline,
    mut input: impl BufRead,
    out: &mut impl Write,
    name: &str,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let mut chunk = String::new();
    let mut base = 0usize;
    let mut line_no = 0usize;
    loop {
        let before = chunk.len();
        let n = input
            .read_line(&mut chunk)
            .with_context(|| format!("{name}: line {}: not UTF-8 text", line_no + 1))?;
        line_no += 1;
        let blank = n > 0 && chunk[before..].trim().is_empty();
        if n == 0 || blank || chunk.len() >= CHUNK_BYTES {
            for mut sentence in petrel_text::segment(&chunk) {
                shift(&mut sentence, base);
                counts_id(&mut sentence, counts);
                emit(pipeline, &mut sentence, out, counts)?;
            }
            base += chunk.len();
            chunk.clear();
        }
        if n == 0 {
            return Ok(());
        }
    }
}

/// Names a sentence by its number in the output.
fn counts_id(sentence: &mut Sentence, counts: &Counts) {
    sentence.id = Some((counts.sentences + 1).to_string());
}

/// Moves spans from chunk offsets to input offsets.
fn shift(sentence: &mut Sentence, base: usize) {
    let move_span = |s: Span| Span::new(s.start + base, s.end + base);
    sentence.span = sentence.span.map(move_span);
    for t in &mut sentence.tokens {
        t.span = t.span.map(move_span);
    }
}

/// Gold-tokenized CoNLL-U: each sentence is re-annotated; a malformed one is reported and
/// skipped.
fn parse_conllu(
    pipeline: &Pipeline,
    input: impl BufRead,
    out: &mut impl Write,
    name: &str,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    for result in Reader::new(input) {
        match result {
            Ok(mut sentence) => emit(pipeline, &mut sentence, out, counts)?,
            Err(e) => {
                eprintln!("petrel parse: {name}: {e}");
                counts.errors += 1;
            }
        }
    }
    Ok(())
}
