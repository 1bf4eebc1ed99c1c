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
use petrel_text::{Sentence, Span, SpareTokens};

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
    /// Which dependency parser to use.
    #[arg(long, value_enum, default_value_t)]
    pub parser: super::ParserChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = models_dir(args.models.as_deref());
    let loading = Instant::now();
    let pipeline = Pipeline::load_with(&dir, args.parser.kind())
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
        let name = &args.input;
        parse_text(
            &pipeline,
            input,
            &mut output,
            name,
            &mut counts,
            CHUNK_BYTES,
        )?;
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

/// Raw text: paragraphs (or chunks of about `chunk_bytes`) are segmented, annotated and written
/// one at a time.
fn parse_text(
    pipeline: &Pipeline,
    mut input: impl BufRead,
    out: &mut impl Write,
    name: &str,
    counts: &mut Counts,
    chunk_bytes: usize,
) -> anyhow::Result<()> {
    let mut chunk = String::new();
    let mut spare = SpareTokens::default();
    let mut base = 0usize;
    let mut line_no = 0usize;
    loop {
        let before = chunk.len();
        let n = input
            .read_line(&mut chunk)
            .with_context(|| format!("{name}: line {}: not UTF-8 text", line_no + 1))?;
        line_no += 1;
        let blank = n > 0 && chunk[before..].trim().is_empty();
        if n == 0 || blank || chunk.len() >= chunk_bytes {
            for mut sentence in petrel_text::segment_reusing(&chunk, &mut spare) {
                shift(&mut sentence, base);
                counts_id(&mut sentence, counts);
                emit(pipeline, &mut sentence, out, counts)?;
                spare.recycle(sentence);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> Pipeline {
        let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
        Pipeline::load(&models).expect("committed models load")
    }

    fn run_text(text: &[u8], chunk_bytes: usize) -> anyhow::Result<(String, Counts)> {
        let mut out = Vec::new();
        let mut counts = Counts::default();
        parse_text(
            &pipeline(),
            text,
            &mut out,
            "input",
            &mut counts,
            chunk_bytes,
        )?;
        Ok((String::from_utf8(out).unwrap(), counts))
    }

    #[test]
    fn offsets_point_into_the_input_across_chunks() {
        let text =
            "Russian forces shelled Kharkiv.\n\nOfficials said the talks failed.\nThé end.\n";
        for chunk_bytes in [1, 20, 1 << 16] {
            let (conllu, counts) = run_text(text.as_bytes(), chunk_bytes).unwrap();
            let sentences = petrel_syntax::conllu::parse_str(&conllu).unwrap();
            assert_eq!(counts.sentences, sentences.len());
            assert!(sentences.len() >= 2, "{conllu}");
            for (i, s) in sentences.iter().enumerate() {
                assert_eq!(s.id.as_deref(), Some((i + 1).to_string().as_str()));
                for t in &s.tokens {
                    let span = t.span.expect("every token has its offsets");
                    assert_eq!(span.slice(text), Some(t.form.as_str()), "{conllu}");
                    assert!(!t.upos.is_empty() && !t.deprel.is_empty());
                }
            }
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_naming_the_line() {
        let error = run_text(b"fine\nbad \xff byte\n", 1 << 16).err().unwrap();
        assert!(format!("{error:#}").contains("input: line 2"), "{error:#}");
    }

    #[test]
    fn malformed_conllu_is_reported_and_skipped() {
        let input =
            "1\tYes\t_\t_\t_\t_\t0\t_\t_\t_\n\n1\tbroken\n\n1\tNo\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let mut out = Vec::new();
        let mut counts = Counts::default();
        parse_conllu(&pipeline(), input.as_bytes(), &mut out, "in", &mut counts).unwrap();
        assert_eq!((counts.sentences, counts.errors), (2, 1));
        let sentences =
            petrel_syntax::conllu::parse_str(std::str::from_utf8(&out).unwrap()).unwrap();
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[1].tokens[0].head, 0);
    }
}
