//! The committed models in `models/`: they load, score on EWT dev above a floor close to what
//! was measured when they were trained (so that a broken or stale model fails), and survive
//! any input.

use std::path::{Path, PathBuf};

use petrel_syntax::conllu::Reader;
use petrel_syntax::lemmatizer::Lemmatizer;
use petrel_syntax::model_io::{ModelReader, ModelWriter};
use petrel_syntax::neural::{NeuralEnsemble, NEURAL_PARSER_FILE};
use petrel_syntax::parser::Parser;
use petrel_syntax::tagger::Tagger;
use petrel_syntax::{load_model, ParserKind, Pipeline, LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};
use petrel_text::Sentence;

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models")
}

fn pipeline() -> Pipeline {
    Pipeline::load(&committed()).expect("committed models load")
}

fn neural_pipeline() -> Pipeline {
    Pipeline::load_with(&committed(), ParserKind::Neural).expect("committed models load")
}

/// A copy of a gold sentence with nothing but its words.
fn words_only(gold: &Sentence) -> Sentence {
    let mut s = gold.clone();
    for t in &mut s.tokens {
        let form = std::mem::take(&mut t.form);
        *t = petrel_text::Token {
            form,
            ..Default::default()
        };
    }
    s
}

/// Loads the committed model `file` and writes it again.
fn rewritten<T>(
    file: &str,
    read: impl Fn(&mut ModelReader) -> Result<T, petrel_syntax::ModelError>,
    write: impl Fn(&T, &mut ModelWriter),
) -> (Vec<u8>, Vec<u8>) {
    let path = committed().join(file);
    let model = load_model(&path, read).expect("committed model loads");
    let mut w = ModelWriter::new();
    write(&model, &mut w);
    (std::fs::read(&path).unwrap(), w.into_bytes())
}

#[test]
fn committed_models_are_written_back_byte_for_byte() {
    // Loading lays the weights out for speed (dense rows, huge pages); saving must give the
    // file back exactly, or a retrained model could differ from what training produced.
    let (file, again) = rewritten(TAGGER_FILE, Tagger::load, Tagger::save);
    assert!(file == again, "tagger differs once rewritten");
    let (file, again) = rewritten(PARSER_FILE, Parser::load, Parser::save);
    assert!(file == again, "parser differs once rewritten");
    let (file, again) = rewritten(LEMMATIZER_FILE, Lemmatizer::load, Lemmatizer::save);
    assert!(file == again, "lemmatizer differs once rewritten");
    let (file, again) = rewritten(
        NEURAL_PARSER_FILE,
        NeuralEnsemble::load,
        NeuralEnsemble::save,
    );
    assert!(file == again, "neural parser differs once rewritten");
}

/// UPOS, lemma, UAS and LAS (relations without subtypes) of `pipeline` on EWT dev from the
/// gold words, in percent; `None` when the shared data is absent.
fn dev_scores(pipeline: &Pipeline) -> Option<[f64; 4]> {
    let path = petrel_testdata::require("ud/en_ewt/en_ewt-ud-dev.conllu")?;
    let file = std::fs::File::open(path).unwrap();
    let gold: Vec<Sentence> = Reader::new(std::io::BufReader::new(file))
        .collect::<Result<_, _>>()
        .unwrap();
    let (mut total, mut upos, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0);
    for g in &gold {
        let mut s = words_only(g);
        pipeline.annotate(&mut s);
        for (p, g) in s.tokens.iter().zip(&g.tokens) {
            total += 1;
            upos += usize::from(p.upos == g.upos);
            lemma += usize::from(p.lemma == g.lemma);
            if p.head == g.head {
                uas += 1;
                las += usize::from(p.base_deprel() == g.base_deprel());
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total as f64;
    Some([pct(upos), pct(lemma), pct(uas), pct(las)])
}

#[test]
fn committed_models_score_on_dev_above_the_floor() {
    let Some([upos, lemma, uas, las]) = dev_scores(&pipeline()) else {
        return;
    };
    eprintln!("dev: UPOS {upos:.2} lemma {lemma:.2} UAS {uas:.2} LAS {las:.2}");
    // Measured when the models were trained (models/README.md), less about half a point.
    assert!(upos >= 94.5, "UPOS {upos:.2}");
    assert!(lemma >= 96.2, "lemmas {lemma:.2}");
    assert!(uas >= 84.0, "UAS {uas:.2}");
    assert!(las >= 80.5, "LAS {las:.2}");
}

#[test]
fn the_neural_parser_scores_on_dev_above_its_floor() {
    let Some([upos, lemma, uas, las]) = dev_scores(&neural_pipeline()) else {
        return;
    };
    eprintln!("dev, neural parser: UPOS {upos:.2} lemma {lemma:.2} UAS {uas:.2} LAS {las:.2}");
    // The two members together (models/README.md: UPOS 95.80 from their tagging heads,
    // lemmas 97.41, UAS 87.99, LAS 85.36), less about half a point; the first member alone
    // (UAS 87.50, LAS 84.67) falls below the UAS and LAS floors.
    assert!(upos >= 95.4, "UPOS {upos:.2}");
    assert!(lemma >= 96.9, "lemmas {lemma:.2}");
    assert!(uas >= 87.6, "UAS {uas:.2}");
    assert!(las >= 84.9, "LAS {las:.2}");
}

/// Every word has one head inside the sentence, exactly one is the root, and there is no
/// cycle.
fn assert_tree(s: &Sentence) {
    let n = s.tokens.len();
    let roots = s.tokens.iter().filter(|t| t.head == 0).count();
    assert_eq!(roots, 1, "{s:?}");
    for (i, t) in s.tokens.iter().enumerate() {
        assert!(t.head <= n && t.head != i + 1);
        assert!(!t.upos.is_empty() && !t.deprel.is_empty());
        assert_eq!(t.deprel == "root", t.head == 0);
        let (mut at, mut steps) = (i + 1, 0);
        while at != 0 {
            at = s.tokens[at - 1].head;
            steps += 1;
            assert!(steps <= n, "cycle through word {}", i + 1);
        }
    }
}

#[test]
fn any_text_gives_well_formed_trees() {
    for pipeline in [pipeline(), neural_pipeline()] {
        well_formed_trees_from_any_text(&pipeline);
    }
}

fn well_formed_trees_from_any_text(pipeline: &Pipeline) {
    let long = "word ".repeat(600);
    let texts = [
        "",
        ".",
        "!!! ??? ...",
        "Russian forces shelled Kharkiv on Tuesday, officials said.",
        "日本 政府 は 東京 で 会談 した 。",
        "ÆØÅ ÿ \u{200b} \u{feff} tab\tseparated\u{0}null",
        "A",
        long.as_str(),
    ];
    for text in texts {
        for mut s in petrel_text::segment(text) {
            pipeline.annotate(&mut s);
            assert_tree(&s);
        }
    }
    let mut empty = Sentence::default();
    pipeline.annotate(&mut empty);
    assert!(empty.tokens.is_empty());
}

#[test]
fn broken_model_files_are_errors_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("petrel-models-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["lemmatizer.bin", PARSER_FILE, TAGGER_FILE] {
        std::fs::copy(committed().join(name), dir.join(name)).unwrap();
    }
    let tagger = std::fs::read(dir.join(TAGGER_FILE)).unwrap();
    for cut in [0, 10, tagger.len() / 3, tagger.len() - 1] {
        std::fs::write(dir.join(TAGGER_FILE), &tagger[..cut]).unwrap();
        let error = Pipeline::load(&dir)
            .err()
            .expect("truncated model rejected");
        assert!(error.to_string().contains(TAGGER_FILE), "{error}");
    }
    std::fs::write(dir.join(TAGGER_FILE), &tagger).unwrap();
    std::fs::remove_file(dir.join(PARSER_FILE)).unwrap();
    let error = Pipeline::load(&dir).err().expect("missing model rejected");
    assert!(error.to_string().contains(PARSER_FILE), "{error}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Tags changed after tagging (as the neural parser's tagging head changes them) get FEATS
/// that go with them, and tags the tagger does not know are left as they are.
#[test]
fn features_follow_tags_changed_after_tagging() {
    use petrel_syntax::lexeme::{Lexeme, Scratch};
    use petrel_syntax::tagger::TagWork;
    let tagger = load_model(&committed().join(TAGGER_FILE), Tagger::load).unwrap();
    let mut scratch = Scratch::default();
    let mut tokens: Vec<petrel_text::Token> = ["Rebels", "took", "the", "towns", "."]
        .iter()
        .map(|f| petrel_text::Token {
            form: f.to_string(),
            ..Default::default()
        })
        .collect();
    let lexemes: Vec<Lexeme> = tokens
        .iter()
        .map(|t| Lexeme::new(&t.form, &mut scratch))
        .collect();
    let mut work = TagWork::default();
    tagger.annotate(&mut tokens, &lexemes, &mut work);
    assert_eq!(
        (tokens[1].xpos.as_str(), tokens[3].xpos.as_str()),
        ("VBD", "NNS")
    );
    assert!(tokens[1].feats.contains("Tense=Past"), "{:?}", tokens[1]);
    tokens[1].upos = "NOUN".into();
    tokens[1].xpos = "NNS".into();
    tokens[3].upos = "NOSUCH".into();
    tagger.retag(&mut tokens, &lexemes, &mut work);
    assert_eq!(
        (tokens[1].upos.as_str(), tokens[1].xpos.as_str()),
        ("NOUN", "NNS")
    );
    assert_eq!(tokens[1].feats, "Number=Plur");
    // An unknown pair keeps the tagger's own tags.
    assert_eq!(
        (tokens[3].upos.as_str(), tokens[3].xpos.as_str()),
        ("NOUN", "NNS")
    );
}
