//! Training on a small generated treebank: the models learn it, and the same seed gives the
//! same model byte for byte.

use petrel_syntax::lemmatizer::Lemmatizer;
use petrel_syntax::model_io::ModelWriter;
use petrel_syntax::parser::{train_parser, Parser, ParserOptions};
use petrel_syntax::tagger::{train_tagger, Tagger, TaggerOptions};
use petrel_syntax::Pipeline;
use petrel_text::{Sentence, Token};

const NOUNS: [(&str, &str); 6] = [
    ("troops", "troop"),
    ("rebels", "rebel"),
    ("ministers", "minister"),
    ("police", "police"),
    ("talks", "talk"),
    ("protesters", "protester"),
];
const VERBS: [(&str, &str); 5] = [
    ("attacked", "attack"),
    ("met", "meet"),
    ("criticized", "criticize"),
    ("joined", "join"),
    ("praised", "praise"),
];
const ADJS: [&str; 3] = ["local", "foreign", "angry"];

fn token(form: &str, lemma: &str, upos: &str, xpos: &str, head: usize, deprel: &str) -> Token {
    Token {
        form: form.into(),
        lemma: lemma.into(),
        upos: upos.into(),
        xpos: xpos.into(),
        head,
        deprel: deprel.into(),
        ..Token::default()
    }
}

/// Sentence `k` of the generated treebank: "the [ADJ] NOUN VERB the [ADJ] NOUN ."
fn sentence(k: usize) -> Sentence {
    let (subj, verb, obj) = (NOUNS[k % 6], VERBS[(k / 6) % 5], NOUNS[(k / 30 + 1) % 6]);
    let subj_adj = (k % 7 < 3).then(|| ADJS[k % 3]);
    let obj_adj = (k % 5 < 2).then(|| ADJS[(k / 3) % 3]);
    let mut tokens = Vec::new();
    let s_noun = 2 + usize::from(subj_adj.is_some());
    let v = s_noun + 1;
    let o_noun = v + 2 + usize::from(obj_adj.is_some());
    tokens.push(token("the", "the", "DET", "DT", s_noun, "det"));
    if let Some(a) = subj_adj {
        tokens.push(token(a, a, "ADJ", "JJ", s_noun, "amod"));
    }
    tokens.push(token(subj.0, subj.1, "NOUN", "NNS", v, "nsubj"));
    tokens.push(token(verb.0, verb.1, "VERB", "VBD", 0, "root"));
    tokens.push(token("the", "the", "DET", "DT", o_noun, "det"));
    if let Some(a) = obj_adj {
        tokens.push(token(a, a, "ADJ", "JJ", o_noun, "amod"));
    }
    tokens.push(token(obj.0, obj.1, "NOUN", "NNS", v, "obj"));
    tokens.push(token(".", ".", "PUNCT", ".", v, "punct"));
    Sentence {
        tokens,
        ..Sentence::default()
    }
}

fn treebank(range: std::ops::Range<usize>) -> Vec<Sentence> {
    range.map(sentence).collect()
}

fn bytes(save: impl Fn(&mut ModelWriter)) -> Vec<u8> {
    let mut w = ModelWriter::new();
    save(&mut w);
    w.into_bytes()
}

fn train(seed: u64) -> (Tagger, Parser) {
    let (train, dev) = (treebank(0..240), treebank(240..300));
    let tagger = train_tagger(
        &train,
        &dev,
        &TaggerOptions {
            iterations: 4,
            seed,
            min_weight: 1,
        },
        |_| {},
    );
    let options = ParserOptions {
        iterations: 6,
        seed,
        min_weight: 1,
        ..ParserOptions::default()
    };
    let mut reports = Vec::new();
    let parser = train_parser(&train, &dev, &options, |r| reports.push(r.las));
    assert_eq!(reports.len(), 6, "one report per iteration");
    (tagger, parser)
}

#[test]
fn learns_a_small_treebank() {
    let (tagger, parser) = train(7);
    let lemmatizer = Lemmatizer::train(&treebank(0..240));
    let pipeline = Pipeline {
        tagger,
        lemmatizer,
        parser: petrel_syntax::DependencyParser::Perceptron(parser),
    };
    let held_out = treebank(300..360);
    let (mut total, mut upos, mut lemmas, mut las) = (0, 0, 0, 0);
    for gold in &held_out {
        let mut s = gold.clone();
        for t in &mut s.tokens {
            *t = Token {
                form: t.form.clone(),
                ..Token::default()
            };
        }
        pipeline.annotate(&mut s);
        for (p, g) in s.tokens.iter().zip(&gold.tokens) {
            total += 1;
            upos += usize::from(p.upos == g.upos && p.xpos == g.xpos);
            lemmas += usize::from(p.lemma == g.lemma);
            las += usize::from(p.head == g.head && p.deprel == g.deprel);
        }
    }
    assert_eq!(upos, total, "tags");
    assert_eq!(lemmas, total, "lemmas");
    assert!(las * 100 >= total * 95, "LAS {las}/{total}");
}

#[test]
fn the_same_seed_gives_the_same_model() {
    let (t1, p1) = train(3);
    let (t2, p2) = train(3);
    assert_eq!(bytes(|w| t1.save(w)), bytes(|w| t2.save(w)));
    assert_eq!(bytes(|w| p1.save(w)), bytes(|w| p2.save(w)));
}
