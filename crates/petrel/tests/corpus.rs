//! End to end on petrel's own test corpus (`corpus/stories.jsonl`): raw news stories in, events
//! out, scored as (source country, CAMEO root, target country) triples against the events a
//! human coder expects. Prints precision and recall and holds them to a floor.
//!
//! Both modes are scored: the default (perceptron) parser and the neural one
//! (`--parser neural`), each with its own floors. The models are the repository's, or those in
//! `$PETREL_MODELS`: set it to score the corpus with another tagger or parser (the floors are
//! for the repository's own).

use std::collections::BTreeSet;
use std::path::Path;

use petrel::pipeline::{Options, Pipeline};
use petrel::stories::parse_record;
use petrel_lexicon::Lexicon;
use petrel_syntax::ParserKind;
use serde_json::Value;

/// Measured figures (precision, recall), rounded down: raise them as petrel improves.
const PERCEPTRON_FLOORS: (f64, f64) = (0.92, 0.86);
const NEURAL_FLOORS: (f64, f64) = (0.92, 0.88);

type Triple = (String, String, String);

#[test]
fn corpus_precision_and_recall() {
    corpus_above_floors(ParserKind::Perceptron, PERCEPTRON_FLOORS);
}

#[test]
fn corpus_precision_and_recall_with_the_neural_parser() {
    corpus_above_floors(ParserKind::Neural, NEURAL_FLOORS);
}

/// Codes the corpus with the given parser, prints the stories it gets wrong and its scores,
/// and holds precision and recall to `floors`.
fn corpus_above_floors(parser: ParserKind, (precision_floor, recall_floor): (f64, f64)) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = std::fs::read_to_string(root.join("corpus/stories.jsonl")).expect("corpus");
    let (lexicon, diags) = Lexicon::load_own(&root.join("lexicon")).expect("lexicon");
    assert!(diags.is_empty(), "{:?}", &diags[..diags.len().min(3)]);
    let syntax = petrel_syntax::Pipeline::load_with(&petrel_syntax::models_dir(None), parser)
        .expect("models");
    let pipeline = Pipeline::new(&syntax, &lexicon, &lexicon.ontology, Options::default());

    let (mut hits, mut coded, mut expected) = (0usize, 0usize, 0usize);
    for (n, line) in corpus.lines().enumerate() {
        let story = parse_record(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1));
        let value: Value = serde_json::from_str(line).expect("json");
        let want: BTreeSet<Triple> = value["expected"]
            .as_array()
            .expect("expected")
            .iter()
            .map(|e| {
                let field = |k: &str| e[k].as_str().expect("triple field").to_string();
                (field("source"), field("root"), field("target"))
            })
            .collect();
        let got: BTreeSet<Triple> = pipeline
            .code_story(&story)
            .events
            .iter()
            // Negated events and the conditions of conditionals ("if Kyiv withdrew") are
            // marked in the output, not asserted: they are not expected triples.
            .filter(|e| !e.negated && e.modality != Some("hypothetical"))
            .filter_map(|e| {
                let target = e.target.as_ref()?;
                Some((
                    e.source.country.clone(),
                    e.cameo_root.clone(),
                    target.country.clone(),
                ))
            })
            .filter(|(s, _, t)| s != "---" && t != "---")
            .collect();
        let story_hits = got.intersection(&want).count();
        if story_hits < want.len().max(got.len()) {
            println!(
                "{}: expected {want:?}\n{}  got {got:?}",
                story.id,
                " ".repeat(story.id.len())
            );
        }
        hits += story_hits;
        coded += got.len();
        expected += want.len();
    }
    let precision = hits as f64 / coded.max(1) as f64;
    let recall = hits as f64 / expected.max(1) as f64;
    println!(
        "corpus, {parser:?} parser: {hits} of {coded} coded triples right (precision \
         {precision:.3}), {hits} of {expected} expected found (recall {recall:.3})"
    );
    assert!(precision >= precision_floor, "precision {precision:.3}");
    assert!(recall >= recall_floor, "recall {recall:.3}");
}
