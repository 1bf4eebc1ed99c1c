//! `petrel parse`: raw text (or tokenized CoNLL-U) in, tagged, lemmatized and parsed CoNLL-U out.
//!
//! Input is read incrementally, a paragraph (or at most about 64 KiB of lines) at a time, and
//! written a batch of sentences at a time, so memory stays flat whatever the input size. The
//! sentences of a batch are annotated on all worker threads and written in input order, so the
//! output is the same on any number of threads. Token offsets are written as
//! `TokenRange=START:END` in MISC: **byte** offsets into the input, as everywhere in petrel.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use petrel_syntax::conllu::{write_sentence, Reader};
use petrel_syntax::{models_dir, Pipeline};
use petrel_text::{Sentence, Span, SpareTokens};
use rayon::prelude::*;

/// A chunk is cut at the first line end past this many bytes, even inside a paragraph.
const CHUNK_BYTES: usize = 64 * 1024;

/// Sentences are annotated and written once a batch holds this many tokens (or input ends):
/// enough work to share among threads, little enough to keep memory flat.
const BATCH_TOKENS: usize = 16 * 1024;

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
    /// Worker threads (default: all cores); the output does not depend on it.
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
            (CHUNK_BYTES, BATCH_TOKENS),
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

/// Sentences read but not yet annotated and written.
struct Batch {
    sentences: Vec<Sentence>,
    tokens: usize,
    /// Written once it holds this many tokens ([`BATCH_TOKENS`] but in tests).
    limit: usize,
}

impl Batch {
    fn new(limit: usize) -> Batch {
        Batch {
            sentences: Vec::new(),
            tokens: 0,
            limit,
        }
    }

    /// Adds a sentence; writes the batch once full.
    fn push(
        &mut self,
        sentence: Sentence,
        pipeline: &Pipeline,
        out: &mut impl Write,
        counts: &mut Counts,
        spare: &mut SpareTokens,
    ) -> anyhow::Result<()> {
        counts.sentences += 1;
        counts.tokens += sentence.tokens.len();
        self.tokens += sentence.tokens.len();
        self.sentences.push(sentence);
        if self.tokens >= self.limit {
            self.write(pipeline, out, spare)?;
        }
        Ok(())
    }

    /// Annotates the batch's sentences in parallel and writes them in order.
    fn write(
        &mut self,
        pipeline: &Pipeline,
        out: &mut impl Write,
        spare: &mut SpareTokens,
    ) -> anyhow::Result<()> {
        self.sentences
            .par_iter_mut()
            .for_each(|s| pipeline.annotate(s));
        for sentence in self.sentences.drain(..) {
            write_sentence(out, &sentence).context("writing output")?;
            spare.recycle(sentence);
        }
        self.tokens = 0;
        Ok(())
    }
}

/// Raw text: paragraphs (or chunks of about `chunk_bytes`) are segmented one at a time, and
/// their sentences annotated and written in batches of about `batch_tokens` tokens.
fn parse_text(
    pipeline: &Pipeline,
    mut input: impl BufRead,
    out: &mut impl Write,
    name: &str,
    counts: &mut Counts,
    (chunk_bytes, batch_tokens): (usize, usize),
) -> anyhow::Result<()> {
    let mut chunk = String::new();
    let mut spare = SpareTokens::default();
    let mut batch = Batch::new(batch_tokens);
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
                sentence.id = Some((counts.sentences + 1).to_string());
                batch.push(sentence, pipeline, out, counts, &mut spare)?;
            }
            base += chunk.len();
            chunk.clear();
        }
        if n == 0 {
            return batch.write(pipeline, out, &mut spare);
        }
    }
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
    let mut batch = Batch::new(BATCH_TOKENS);
    let mut spare = SpareTokens::default();
    for result in Reader::new(input) {
        match result {
            Ok(sentence) => batch.push(sentence, pipeline, out, counts, &mut spare)?,
            Err(e) => {
                eprintln!("petrel parse: {name}: {e}");
                counts.errors += 1;
            }
        }
    }
    batch.write(pipeline, out, &mut spare)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> Pipeline {
        let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
        Pipeline::load(&models).expect("committed models load")
    }

    fn run_text(text: &[u8], chunk_bytes: usize) -> anyhow::Result<(String, Counts)> {
        run_batched(text, chunk_bytes, BATCH_TOKENS)
    }

    fn run_batched(
        text: &[u8],
        chunk_bytes: usize,
        batch_tokens: usize,
    ) -> anyhow::Result<(String, Counts)> {
        let mut out = Vec::new();
        let mut counts = Counts::default();
        parse_text(
            &pipeline(),
            text,
            &mut out,
            "input",
            &mut counts,
            (chunk_bytes, batch_tokens),
        )?;
        Ok((String::from_utf8(out).unwrap(), counts))
    }

    #[test]
    fn output_is_the_same_on_any_number_of_threads_and_batch_size() {
        let text = "Russian forces shelled Kharkiv on Monday. Two people were killed.\n\n\
            Officials in Kyiv said the talks had failed, and the ministry condemned the attack.\n\
            Turkey offered to mediate. The UN called for calm.\n";
        let on = |threads: usize, batch_tokens: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| run_batched(text.as_bytes(), 1 << 16, batch_tokens))
                .unwrap()
        };
        let (serial, counts) = on(1, BATCH_TOKENS);
        assert_eq!(counts.sentences, 5, "{serial}");
        for (threads, batch_tokens) in [(1, 1), (3, 1), (3, 7), (3, BATCH_TOKENS)] {
            assert_eq!(on(threads, batch_tokens).0, serial, "{threads} threads");
        }
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
