//! `petrel train tagger|parser|nparser`: trains petrel's own models on UD treebanks.
//!
//! The tagger command also trains the lemmatizer. The parser command needs the tagger in the
//! output directory: it tags the dev set with it, and tags the training set by jackknifing
//! (each fold tagged by a tagger trained on the other folds), so that the parser learns from
//! tags as imperfect as those it will see. `nparser` trains the BiLSTM parser
//! ([`petrel_syntax::neural`], used with `--parser neural`) on the same data, alone or, with
//! `--add`, as a further member of the ensemble already in the output directory.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use petrel_syntax::lemmatizer::Lemmatizer;
use petrel_syntax::lexeme::{Lexeme, Scratch};
use petrel_syntax::neural::{
    train_neural_parser, NeuralData, NeuralEnsemble, NeuralOptions, Pretrained, NEURAL_PARSER_FILE,
};
use petrel_syntax::parser::{train_parser, ParserOptions};
use petrel_syntax::tagger::{train_tagger, TagWork, Tagger, TaggerOptions};
use petrel_syntax::{load_model, save_model, LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};
use petrel_text::Sentence;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Component {
    /// Part-of-speech tagger, morphological features and lemmatizer.
    Tagger,
    /// Dependency parser (needs the tagger in --out).
    Parser,
    /// BiLSTM dependency parser, `nparser.bin` (needs the tagger in --out).
    Nparser,
}

#[derive(clap::Args)]
pub struct Args {
    /// What to train.
    #[arg(value_enum)]
    pub component: Component,
    /// Training data (CoNLL-U).
    #[arg(long)]
    pub train: PathBuf,
    /// Development data (CoNLL-U): scored after every iteration; the best iteration is kept.
    #[arg(long)]
    pub dev: PathBuf,
    /// Directory to write the model into.
    #[arg(long)]
    pub out: PathBuf,
    /// Seed for shuffling and exploration: the same seed gives the same model.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Training iterations (default: 10 for the tagger, 15 for the parser, 20 for the neural
    /// parser).
    #[arg(long)]
    pub iterations: Option<usize>,
    /// Jackknife folds for tagging the parser's training data (0: train on the tags the
    /// training file has, gold or already predicted; the neural parser's tagging head then
    /// learns those tags too).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Drop weights smaller than this (in units of 1/32767 of the largest).
    #[arg(long, default_value_t = 400)]
    pub min_weight: i16,
    /// Write the jackknifed training set (CoNLL-U) here, to reuse it with `--folds 0`.
    #[arg(long)]
    pub save_tagged: Option<PathBuf>,
    /// Neural parser: LSTM units per direction (the shipped `nparser.bin` has 128).
    #[arg(long, default_value_t = 128)]
    pub lstm_hidden: usize,
    /// Neural parser: BiLSTM layers (the shipped `nparser.bin` has 2).
    #[arg(long, default_value_t = 2)]
    pub lstm_layers: usize,
    /// Neural parser: units of the MLP's hidden layer.
    #[arg(long, default_value_t = 100)]
    pub mlp_hidden: usize,
    /// Neural parser: dropout on the BiLSTM's inputs and output.
    #[arg(long, default_value_t = 0.3)]
    pub dropout: f32,
    /// Neural parser: dropout on the MLP's hidden layer.
    #[arg(long, default_value_t = 0.1)]
    pub mlp_dropout: f32,
    /// Neural parser: pretrained word vectors in GloVe's text format, most frequent word
    /// first (models/README.md says where the shipped model's came from).
    #[arg(long)]
    pub vectors: Option<PathBuf>,
    /// Neural parser: how many words of --vectors to keep.
    #[arg(long, default_value_t = 50_000)]
    pub vectors_limit: usize,
    /// Neural parser: add the trained parser to the ensemble in --out's `nparser.bin` as a
    /// further member (train it with another --seed), instead of replacing the file.
    #[arg(long)]
    pub add: bool,
}

pub fn run(args: Args) -> anyhow::Result<std::process::ExitCode> {
    let train = read_conllu(&args.train)?;
    let dev = read_conllu(&args.dev)?;
    if train.is_empty() {
        bail!("{}: no sentences", args.train.display());
    }
    match args.component {
        Component::Tagger => run_tagger(&args, &train, &dev)?,
        Component::Parser => run_parser(&args, &train, &dev)?,
        Component::Nparser => run_neural_parser(&args, &train, &dev)?,
    }
    Ok(std::process::ExitCode::SUCCESS)
}

fn tagger_options(args: &Args) -> TaggerOptions {
    TaggerOptions {
        iterations: args.iterations.unwrap_or(10),
        seed: args.seed,
        min_weight: args.min_weight,
    }
}

fn run_tagger(args: &Args, train: &[Sentence], dev: &[Sentence]) -> anyhow::Result<()> {
    let started = Instant::now();
    eprintln!("iter  UPOS    XPOS    UFeats  (dev %)   time");
    let tagger = train_tagger(train, dev, &tagger_options(args), |r| {
        eprintln!(
            "{:>4}  {:6.2}  {:6.2}  {:6.2}            {:.0}s",
            r.iteration, r.upos, r.xpos, r.feats, r.seconds
        );
    });
    let lemmatizer = Lemmatizer::train(train);
    let tagged = tag_all(&tagger, dev);
    let lemmas = lemma_accuracy(&lemmatizer, &tagged, dev);
    eprintln!("lemmas (dev, predicted tags): {lemmas:.2}%");
    let tagger_path = args.out.join(TAGGER_FILE);
    save_model(&tagger_path, |w| tagger.save(w))?;
    save_model(&args.out.join(LEMMATIZER_FILE), |w| lemmatizer.save(w))?;
    let (tags, feats, weights, morph) = tagger.sizes();
    eprintln!(
        "wrote {} ({tags} tags, {feats} FEATS values, {weights} + {morph} weights) and {} in {:.0}s",
        tagger_path.display(),
        LEMMATIZER_FILE,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run_parser(args: &Args, train: &[Sentence], dev: &[Sentence]) -> anyhow::Result<()> {
    let started = Instant::now();
    let (train_tagged, dev_tagged) = parser_data(args, train, dev)?;
    let options = ParserOptions {
        iterations: args.iterations.unwrap_or(15),
        seed: args.seed,
        min_weight: args.min_weight,
        ..ParserOptions::default()
    };
    eprintln!("iter  UAS     LAS     LAS+subtypes  (dev %)   time");
    let parser = train_parser(&train_tagged, &dev_tagged, &options, |r| {
        eprintln!(
            "{:>4}  {:6.2}  {:6.2}  {:6.2}                  {:.0}s",
            r.iteration, r.uas, r.las, r.las_full, r.seconds
        );
    });
    let path = args.out.join(PARSER_FILE);
    save_model(&path, |w| parser.save(w))?;
    let (labels, moves, names) = parser.sizes();
    eprintln!(
        "wrote {} ({labels} relations, {moves} move weights, {names} label weights) in {:.0}s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The training and dev sets with the tagger's tags: dev tagged by the tagger in `--out`,
/// training jackknifed (or as read, with `--folds 0`), and saved if `--save-tagged` asks.
fn parser_data(
    args: &Args,
    train: &[Sentence],
    dev: &[Sentence],
) -> anyhow::Result<(Vec<Sentence>, Vec<Sentence>)> {
    let started = Instant::now();
    let tagger_path = args.out.join(TAGGER_FILE);
    let tagger = load_model(&tagger_path, Tagger::load)
        .with_context(|| "the parser is trained on the tagger's output: train the tagger first")?;
    let dev_tagged = tag_all(&tagger, dev);
    let train_tagged = if args.folds == 0 {
        train.to_vec()
    } else {
        let tagged = jackknife(args, train);
        eprintln!(
            "jackknifed training tags ({} folds) in {:.0}s",
            args.folds,
            started.elapsed().as_secs_f64()
        );
        tagged
    };
    if let Some(path) = &args.save_tagged {
        let mut out = Vec::new();
        for s in &train_tagged {
            petrel_syntax::conllu::write_sentence(&mut out, s)?;
        }
        std::fs::write(path, out).with_context(|| format!("{}", path.display()))?;
    }
    Ok((train_tagged, dev_tagged))
}

fn run_neural_parser(args: &Args, train: &[Sentence], dev: &[Sentence]) -> anyhow::Result<()> {
    let started = Instant::now();
    let path = args.out.join(NEURAL_PARSER_FILE);
    // Read before training, so that a missing or bad file costs seconds, not an hour.
    let joined = if args.add {
        Some(load_model(&path, NeuralEnsemble::load)?)
    } else {
        None
    };
    let (train_tagged, dev_tagged) = parser_data(args, train, dev)?;
    let vectors = match &args.vectors {
        None => None,
        Some(path) => {
            let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
            let name = path.display().to_string();
            let vectors =
                Pretrained::read(std::io::BufReader::new(file), &name, args.vectors_limit)?;
            eprintln!(
                "{} vectors of {} values from {name}",
                vectors.keys.len(),
                vectors.dim
            );
            Some(vectors)
        }
    };
    let data = NeuralData {
        train: &train_tagged,
        train_gold: train,
        dev: &dev_tagged,
        dev_gold: dev,
        vectors: vectors.as_ref(),
    };
    let options = NeuralOptions {
        epochs: args.iterations.unwrap_or(20),
        seed: args.seed,
        lstm_hidden: args.lstm_hidden.max(1),
        lstm_layers: args.lstm_layers.max(1),
        mlp_hidden: args.mlp_hidden.max(1),
        dropout: args.dropout.clamp(0.0, 0.9),
        mlp_dropout: args.mlp_dropout.clamp(0.0, 0.9),
        ..NeuralOptions::default()
    };
    eprintln!("{options:?}");
    eprintln!("epoch  UPOS    UAS     LAS    (dev %)   loss        train s");
    let parser = train_neural_parser(&data, &options, |r| {
        eprintln!(
            "{:>5}  {:6.2}  {:6.2}  {:6.2}            {:<10.0}  {:.1}",
            r.epoch, r.upos, r.uas, r.las, r.loss, r.train_seconds
        );
    });
    let weights = parser.weight_count();
    let ensemble = match joined {
        None => NeuralEnsemble::new(vec![parser]),
        Some(ensemble) => ensemble.with(parser),
    }
    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    save_model(&path, |w| ensemble.save(w))?;
    let bytes = std::fs::metadata(&path)?.len();
    eprintln!(
        "wrote {} ({} members; this one {weights} weights; {bytes} bytes) in {:.0}s",
        path.display(),
        ensemble.members().len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The training sentences with predicted tags, each fold tagged by a tagger trained on the
/// others.
fn jackknife(args: &Args, train: &[Sentence]) -> Vec<Sentence> {
    let folds = args.folds.max(2);
    let mut out: Vec<Sentence> = train.to_vec();
    let options = TaggerOptions {
        seed: args.seed,
        min_weight: args.min_weight,
        ..TaggerOptions::default()
    };
    for fold in 0..folds {
        let (held, rest): (Vec<_>, Vec<_>) = train
            .iter()
            .enumerate()
            .partition(|(i, _)| i % folds == fold);
        let rest: Vec<Sentence> = rest.into_iter().map(|(_, s)| s.clone()).collect();
        let held_idx: Vec<usize> = held.iter().map(|(i, _)| *i).collect();
        let held: Vec<Sentence> = held.into_iter().map(|(_, s)| s.clone()).collect();
        let tagger = train_tagger(&rest, &[], &options, |_| {});
        for (i, tagged) in held_idx.into_iter().zip(tag_all(&tagger, &held)) {
            out[i] = tagged;
        }
    }
    out
}

/// Copies of `sentences` with the tagger's UPOS, XPOS and FEATS (gold trees kept).
fn tag_all(tagger: &Tagger, sentences: &[Sentence]) -> Vec<Sentence> {
    let mut scratch = Scratch::default();
    let mut work = TagWork::default();
    sentences
        .iter()
        .map(|s| {
            let mut s = s.clone();
            let lexemes: Vec<Lexeme> = s
                .tokens
                .iter()
                .map(|t| Lexeme::new(&t.form, &mut scratch))
                .collect();
            tagger.annotate(&mut s.tokens, &lexemes, &mut work);
            s
        })
        .collect()
}

fn lemma_accuracy(lemmatizer: &Lemmatizer, tagged: &[Sentence], gold: &[Sentence]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    let mut lemma = String::new();
    for (t, g) in tagged
        .iter()
        .flat_map(|s| &s.tokens)
        .zip(gold.iter().flat_map(|s| &s.tokens))
    {
        lemmatizer.lemmatize(&t.form, &t.upos, &t.xpos, &mut lemma);
        right += usize::from(lemma == g.lemma);
        total += 1;
    }
    100.0 * right as f64 / total.max(1) as f64
}

/// Every sentence of a CoNLL-U file; the first malformed record is an error naming its line.
fn read_conllu(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    petrel_syntax::conllu::Reader::new(std::io::BufReader::new(file))
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{}", path.display()))
}
