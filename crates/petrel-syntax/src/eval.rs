//! Scoring against a UD treebank with the CoNLL 2018 shared-task metrics.
//!
//! System and gold words are aligned the way the shared task's scorer (conll18_ud_eval.py)
//! aligns them: both files must spell the same characters once whitespace is removed, and a
//! token or word is placed by its character range in that whitespace-free text. Tokens and
//! sentences count as correct when their ranges match exactly. Words outside multiword tokens
//! align when their ranges match; inside a stretch of text covered by multiword tokens
//! (EWT's "don't" → "do" + "n't"), words align by the longest common subsequence of their
//! lower-cased forms. Every metric is an F1 over gold and system words, in percent:
//!
//! - `Tokens`, `Sentences`, `Words`: segmentation.
//! - `UPOS`, `XPOS`, `UFeats` (universal features only), `AllTags` (all three), `Lemmas`
//!   (any system lemma is right where the gold lemma is `_`).
//! - `UAS`: the head is the word aligned to the gold head (or both are roots). `LAS`: and the
//!   relation matches, ignoring subtypes (`nsubj:pass` = `nsubj`). `CLAS`: LAS over content
//!   words only (gold relation not a function-word or punctuation relation).
//!
//! This module reads CoNLL-U itself rather than through [`crate::conllu::Reader`], because
//! scoring needs what petrel otherwise ignores: multiword-token lines and their surface forms.

use std::ops::Range;

use petrel_text::{surface_tokens, Sentence};

/// Morphological features the shared task scores; language-specific ones are ignored.
const UNIVERSAL_FEATURES: [&str; 21] = [
    "Abbr", "Animacy", "Aspect", "Case", "Definite", "Degree", "Evident", "Foreign", "Gender",
    "Mood", "NumType", "Number", "Person", "Polarity", "Polite", "Poss", "PronType", "Reflex",
    "Tense", "VerbForm", "Voice",
];

/// Relations of content words, the ones CLAS counts.
const CONTENT_RELATIONS: [&str; 29] = [
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "dep",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "nmod",
    "nsubj",
    "nummod",
    "obj",
    "obl",
    "orphan",
    "parataxis",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// The metrics, in the order the shared task reports them.
pub const METRICS: [&str; 11] = [
    "Tokens",
    "Sentences",
    "Words",
    "UPOS",
    "XPOS",
    "UFeats",
    "AllTags",
    "Lemmas",
    "UAS",
    "LAS",
    "CLAS",
];

/// Why two files cannot be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
    #[error("annotation does not fit the gold words: {0}")]
    Reannotation(String),
    #[error(
        "the gold and system texts differ (whitespace ignored) at character {offset}: \
         gold has {gold:?}, system has {system:?}"
    )]
    TextMismatch {
        offset: usize,
        gold: String,
        system: String,
    },
}

/// Where a word's head is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    Root,
    /// Index into the document's words.
    Word(usize),
    /// Not annotated (`_`): never correct.
    Missing,
}

#[derive(Clone, Debug)]
struct Word {
    /// Character range of the word's token in the whitespace-free text.
    span: Range<usize>,
    multiword: bool,
    form: String,
    lemma: String,
    upos: String,
    xpos: String,
    /// Universal features only, sorted, `|`-joined.
    feats: String,
    /// The relation without its subtype.
    deprel: String,
    head: Head,
}

impl Word {
    fn is_content(&self) -> bool {
        CONTENT_RELATIONS.contains(&self.deprel.as_str())
    }
}

/// A treebank or system output, as the scorer sees it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// All token forms concatenated, whitespace removed.
    chars: Vec<char>,
    tokens: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    /// Each sentence's words, as a range of `words`.
    sentence_words: Vec<Range<usize>>,
    words: Vec<Word>,
}

/// Annotation of one word as read, before heads are resolved to document positions.
struct RawWord<'a> {
    form: &'a str,
    lemma: &'a str,
    upos: &'a str,
    xpos: &'a str,
    feats: &'a str,
    deprel: &'a str,
    /// 0 for the root, `None` when not annotated.
    head: Option<usize>,
}

/// Builds a [`Document`] sentence by sentence.
#[derive(Default)]
struct Builder {
    doc: Document,
}

impl Builder {
    /// Adds one sentence: its tokens, each a surface form and the words it holds.
    fn sentence(&mut self, tokens: &[(&str, Range<usize>)], words: &[RawWord]) {
        let first_word = self.doc.words.len();
        let sentence_start = self.doc.chars.len();
        for (form, range) in tokens {
            let start = self.doc.chars.len();
            self.doc
                .chars
                .extend(form.chars().filter(|c| !c.is_whitespace()));
            let span = start..self.doc.chars.len();
            self.doc.tokens.push(span.clone());
            for word in &words[range.clone()] {
                self.doc.words.push(Word {
                    span: span.clone(),
                    multiword: range.len() > 1,
                    form: word.form.to_string(),
                    lemma: word.lemma.to_string(),
                    upos: word.upos.to_string(),
                    xpos: word.xpos.to_string(),
                    feats: universal_features(word.feats),
                    deprel: word.deprel.split(':').next().unwrap_or("").to_string(),
                    head: match word.head {
                        None => Head::Missing,
                        Some(0) => Head::Root,
                        Some(h) => Head::Word(first_word + h - 1),
                    },
                });
            }
        }
        if self.doc.chars.len() > sentence_start {
            self.doc
                .sentences
                .push(sentence_start..self.doc.chars.len());
        }
        self.doc
            .sentence_words
            .push(first_word..self.doc.words.len());
    }
}

fn universal_features(feats: &str) -> String {
    let mut kept: Vec<&str> = feats
        .split('|')
        .filter(|f| {
            f.split_once('=')
                .is_some_and(|(name, _)| UNIVERSAL_FEATURES.contains(&name))
        })
        .collect();
    kept.sort_unstable();
    kept.join("|")
}

impl Document {
    /// Reads CoNLL-U text. Errors name the line: wrong column count, ids out of sequence,
    /// multiword ranges that do not match the words after them, heads outside the sentence.
    pub fn from_conllu(text: &str) -> Result<Document, EvalError> {
        let mut builder = Builder::default();
        let mut block: Vec<(usize, &str)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                read_block(&block, &mut builder)?;
                block.clear();
            } else if !line.starts_with('#') {
                block.push((n + 1, line));
            }
        }
        read_block(&block, &mut builder)?;
        Ok(builder.doc)
    }

    /// A document from petrel's own sentences: tokens are regrouped into surface tokens with
    /// [`surface_tokens`], and empty annotation counts as not annotated.
    pub fn from_sentences(sentences: &[Sentence]) -> Document {
        let mut builder = Builder::default();
        for sentence in sentences {
            let groups = surface_tokens(sentence);
            let surface: Vec<String> = groups
                .iter()
                .map(|g| {
                    sentence.tokens[g.clone()]
                        .iter()
                        .map(|t| t.form.as_str())
                        .collect()
                })
                .collect();
            let tokens: Vec<(&str, Range<usize>)> = surface
                .iter()
                .zip(&groups)
                .map(|(form, g)| (form.as_str(), g.clone()))
                .collect();
            let n = sentence.tokens.len();
            let words: Vec<RawWord> = sentence
                .tokens
                .iter()
                .map(|t| RawWord {
                    form: &t.form,
                    lemma: &t.lemma,
                    upos: &t.upos,
                    xpos: &t.xpos,
                    feats: &t.feats,
                    deprel: &t.deprel,
                    head: (!t.deprel.is_empty() && t.head <= n).then_some(t.head),
                })
                .collect();
            builder.sentence(&tokens, &words);
        }
        builder.doc
    }

    /// This document's segmentation with the annotation of `sentences`, which must hold the
    /// same words sentence by sentence (a tagger and parser run on this document's words).
    pub fn reannotated(&self, sentences: &[Sentence]) -> Result<Document, EvalError> {
        let mismatch = EvalError::Reannotation;
        if sentences.len() != self.sentence_words.len() {
            return Err(mismatch(format!(
                "annotated {} sentences, the gold file has {}",
                sentences.len(),
                self.sentence_words.len()
            )));
        }
        let mut doc = self.clone();
        for (k, (sentence, range)) in sentences.iter().zip(&self.sentence_words).enumerate() {
            if sentence.tokens.len() != range.len() {
                return Err(mismatch(format!(
                    "sentence {}: annotated {} words, the gold file has {}",
                    k + 1,
                    sentence.tokens.len(),
                    range.len()
                )));
            }
            for (token, word) in sentence.tokens.iter().zip(&mut doc.words[range.clone()]) {
                word.lemma = token.lemma.clone();
                word.upos = token.upos.clone();
                word.xpos = token.xpos.clone();
                word.feats = universal_features(&token.feats);
                word.deprel = token.base_deprel().to_string();
                word.head = match token.head {
                    _ if token.deprel.is_empty() || token.head > range.len() => Head::Missing,
                    0 => Head::Root,
                    h => Head::Word(range.start + h - 1),
                };
            }
        }
        Ok(doc)
    }

    /// Whether any word has a part-of-speech tag.
    pub fn has_tags(&self) -> bool {
        self.words.iter().any(|w| !w.upos.is_empty())
    }

    /// Whether any word has a head and relation.
    pub fn has_trees(&self) -> bool {
        self.words.iter().any(|w| w.head != Head::Missing)
    }

    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

/// Reads one sentence's word lines into the builder.
fn read_block(lines: &[(usize, &str)], builder: &mut Builder) -> Result<(), EvalError> {
    let Some(&(first_line, _)) = lines.first() else {
        return Ok(());
    };
    let mut words: Vec<RawWord> = Vec::new();
    let mut tokens: Vec<(&str, Range<usize>)> = Vec::new();
    let mut multiword_until = 0;
    for &(line_no, line) in lines {
        let malformed = |message: String| EvalError::Malformed {
            line: line_no,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(malformed(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node: not a word of the basic tree
        }
        if let Some((from, to)) = id.split_once('-') {
            let (from, to): (usize, usize) = match (from.parse(), to.parse()) {
                (Ok(f), Ok(t)) if f == words.len() + 1 && t > f => (f, t),
                _ => return Err(malformed(format!("bad multiword token range {id:?}"))),
            };
            tokens.push((cols[1], from - 1..to));
            multiword_until = to;
            continue;
        }
        let number: usize = id
            .parse()
            .map_err(|_| malformed(format!("word id {id:?} is not a number")))?;
        if number != words.len() + 1 {
            return Err(malformed(format!(
                "word id {number} out of sequence (expected {})",
                words.len() + 1
            )));
        }
        if number > multiword_until {
            tokens.push((cols[1], number - 1..number));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(
                h.parse::<usize>()
                    .map_err(|_| malformed(format!("head {h:?} is not a number")))?,
            ),
        };
        words.push(RawWord {
            form: cols[1],
            lemma: cols[2],
            upos: unannotated_empty(cols[3]),
            xpos: unannotated_empty(cols[4]),
            feats: unannotated_empty(cols[5]),
            deprel: unannotated_empty(cols[7]),
            head,
        });
    }
    let n = words.len();
    if multiword_until > n {
        return Err(EvalError::Malformed {
            line: first_line,
            message: format!("multiword token reaches word {multiword_until}, sentence has {n}"),
        });
    }
    if let Some((i, w)) = words
        .iter()
        .enumerate()
        .find(|(_, w)| w.head.is_some_and(|h| h > n))
    {
        return Err(EvalError::Malformed {
            line: first_line,
            message: format!("word {} has head {:?}, outside the sentence", i + 1, w.head),
        });
    }
    builder.sentence(&tokens, &words);
    Ok(())
}

/// CoNLL-U's `_` as the empty string petrel uses for "not annotated".
fn unannotated_empty(field: &str) -> &str {
    if field == "_" {
        ""
    } else {
        field
    }
}

/// One metric's counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.system)
    }

    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// F1 in percent; 0 when neither side has anything.
    pub fn f1(&self) -> f64 {
        percent(2 * self.correct, self.gold + self.system)
    }
}

fn percent(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// Scores for every metric in [`METRICS`], in that order.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub scores: Vec<(&'static str, Score)>,
}

impl Evaluation {
    pub fn get(&self, metric: &str) -> Option<Score> {
        self.scores
            .iter()
            .find(|(name, _)| *name == metric)
            .map(|(_, s)| *s)
    }
}

/// Scores `system` against `gold`.
pub fn evaluate(gold: &Document, system: &Document) -> Result<Evaluation, EvalError> {
    check_same_text(gold, system)?;
    let alignment = align(&gold.words, &system.words);
    let words = |filter: fn(&Word) -> bool, key: &dyn Fn(&Word, &Word) -> bool| {
        alignment.score(&gold.words, &system.words, filter, key)
    };
    let all: fn(&Word) -> bool = |_| true;
    let head_ok = |g: &Word, s: &Word| match (g.head, s.head) {
        (Head::Root, Head::Root) => true,
        (Head::Word(gh), Head::Word(sh)) => alignment.gold_for_system[sh] == Some(gh),
        _ => false,
    };
    let scores = vec![
        ("Tokens", spans_score(&gold.tokens, &system.tokens)),
        ("Sentences", spans_score(&gold.sentences, &system.sentences)),
        ("Words", words(all, &|_, _| true)),
        ("UPOS", words(all, &|g, s| g.upos == s.upos)),
        ("XPOS", words(all, &|g, s| g.xpos == s.xpos)),
        ("UFeats", words(all, &|g, s| g.feats == s.feats)),
        (
            "AllTags",
            words(all, &|g, s| {
                g.upos == s.upos && g.xpos == s.xpos && g.feats == s.feats
            }),
        ),
        (
            "Lemmas",
            words(all, &|g, s| g.lemma == "_" || g.lemma == s.lemma),
        ),
        ("UAS", words(all, &head_ok)),
        (
            "LAS",
            words(all, &|g, s| head_ok(g, s) && g.deprel == s.deprel),
        ),
        (
            "CLAS",
            words(Word::is_content, &|g, s| {
                head_ok(g, s) && g.deprel == s.deprel
            }),
        ),
    ];
    Ok(Evaluation { scores })
}

fn check_same_text(gold: &Document, system: &Document) -> Result<(), EvalError> {
    if gold.chars == system.chars {
        return Ok(());
    }
    let offset = gold
        .chars
        .iter()
        .zip(&system.chars)
        .position(|(g, s)| g != s)
        .unwrap_or(gold.chars.len().min(system.chars.len()));
    let context = |chars: &[char]| chars.iter().skip(offset).take(20).collect::<String>();
    Err(EvalError::TextMismatch {
        offset,
        gold: context(&gold.chars),
        system: context(&system.chars),
    })
}

/// Exact matches between two sorted lists of ranges.
fn spans_score(gold: &[Range<usize>], system: &[Range<usize>]) -> Score {
    let (mut g, mut s, mut correct) = (0, 0, 0);
    while g < gold.len() && s < system.len() {
        let (a, b) = (&gold[g], &system[s]);
        if a.start == b.start && a.end == b.end {
            correct += 1;
            g += 1;
            s += 1;
        } else if (a.start, a.end) < (b.start, b.end) {
            g += 1;
        } else {
            s += 1;
        }
    }
    Score {
        gold: gold.len(),
        system: system.len(),
        correct,
    }
}

/// Aligned word pairs, and for each system word its gold partner.
struct Alignment {
    pairs: Vec<(usize, usize)>,
    gold_for_system: Vec<Option<usize>>,
}

impl Alignment {
    fn score(
        &self,
        gold: &[Word],
        system: &[Word],
        filter: fn(&Word) -> bool,
        key: &dyn Fn(&Word, &Word) -> bool,
    ) -> Score {
        Score {
            gold: gold.iter().filter(|w| filter(w)).count(),
            system: system.iter().filter(|w| filter(w)).count(),
            correct: self
                .pairs
                .iter()
                .filter(|&&(g, s)| filter(&gold[g]) && key(&gold[g], &system[s]))
                .count(),
        }
    }
}

/// Aligns words as the shared-task scorer does: by span outside multiword tokens, by the
/// longest common subsequence of lower-cased forms inside a stretch of multiword tokens.
fn align(gold: &[Word], system: &[Word]) -> Alignment {
    let mut pairs = Vec::new();
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multiword || system[si].multiword {
            let (gs, ss, ge, se) = multiword_stretch(gold, system, gi, si);
            align_by_forms(&gold[gs..ge], &system[ss..se], gs, ss, &mut pairs);
            (gi, si) = (ge, se);
        } else if gold[gi].span == system[si].span {
            pairs.push((gi, si));
            gi += 1;
            si += 1;
        } else if gold[gi].span.start <= system[si].span.start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    let mut gold_for_system = vec![None; system.len()];
    for &(g, s) in &pairs {
        gold_for_system[s] = Some(g);
    }
    Alignment {
        pairs,
        gold_for_system,
    }
}

/// The stretch of words, on both sides, covered by the multiword token at `gi` or `si` and
/// anything overlapping it: `(gold start, system start, gold end, system end)`.
fn multiword_stretch(
    gold: &[Word],
    system: &[Word],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if gold[gi].multiword {
        end = gold[gi].span.end;
        if !system[si].multiword && system[si].span.start < gold[gi].span.start {
            si += 1;
        }
    } else {
        end = system[si].span.end;
        if !gold[gi].multiword && gold[gi].span.start < system[si].span.start {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    while !beyond(gold, gi, end) || !beyond(system, si, end) {
        let take_gold =
            gi < gold.len() && (si >= system.len() || gold[gi].span.start <= system[si].span.start);
        let word = if take_gold {
            gi += 1;
            &gold[gi - 1]
        } else {
            si += 1;
            &system[si - 1]
        };
        if word.multiword && word.span.end > end {
            end = word.span.end;
        }
    }
    (gs, ss, gi, si)
}

/// Whether the word at `i` lies past a stretch ending at character `end`.
fn beyond(words: &[Word], i: usize, end: usize) -> bool {
    match words.get(i) {
        None => true,
        Some(w) if w.multiword => w.span.start >= end,
        Some(w) => w.span.end > end,
    }
}

/// Aligns two stretches of words by the longest common subsequence of lower-cased forms,
/// walking the table from the front as the shared-task scorer does.
fn align_by_forms(
    gold: &[Word],
    system: &[Word],
    g_offset: usize,
    s_offset: usize,
    pairs: &mut Vec<(usize, usize)>,
) {
    let (gn, sn) = (gold.len(), system.len());
    if gn == 0 || sn == 0 {
        return;
    }
    let lower = |words: &[Word]| {
        words
            .iter()
            .map(|w| w.form.to_lowercase())
            .collect::<Vec<_>>()
    };
    let (gf, sf) = (lower(gold), lower(system));
    // lcs[g][s]: LCS length of gold[g..] and system[s..]; one extra row and column of zeros.
    let mut lcs = vec![vec![0usize; sn + 1]; gn + 1];
    for g in (0..gn).rev() {
        for s in (0..sn).rev() {
            lcs[g][s] = if gf[g] == sf[s] {
                1 + lcs[g + 1][s + 1]
            } else {
                lcs[g + 1][s].max(lcs[g][s + 1])
            };
        }
    }
    let (mut g, mut s) = (0, 0);
    while g < gn && s < sn {
        if gf[g] == sf[s] {
            pairs.push((g_offset + g, s_offset + s));
            g += 1;
            s += 1;
        } else if lcs[g][s] == lcs[g + 1][s] {
            g += 1;
        } else {
            s += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, form: &str, upos: &str, head: &str, deprel: &str) -> String {
        format!(
            "{id}\t{form}\t{}\t{upos}\t_\t_\t{head}\t{deprel}\t_\t_\n",
            form.to_lowercase()
        )
    }

    fn gold() -> String {
        let mut s = String::from("# text = I don't know.\n");
        s += &line("1", "I", "PRON", "4", "nsubj");
        s += "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n";
        s += &line("2", "do", "AUX", "4", "aux");
        s += &line("3", "n't", "PART", "4", "advmod");
        s += &line("4", "know", "VERB", "0", "root");
        s += &line("5", ".", "PUNCT", "4", "punct");
        s += "\n# text = Yes.\n";
        s += &line("1", "Yes", "INTJ", "0", "root");
        s += &line("2", ".", "PUNCT", "1", "punct");
        s
    }

    fn score(gold: &str, system: &str) -> Evaluation {
        let g = Document::from_conllu(gold).unwrap();
        let s = Document::from_conllu(system).unwrap();
        evaluate(&g, &s).unwrap()
    }

    #[test]
    fn identical_files_score_100_everywhere() {
        let e = score(&gold(), &gold());
        for (name, s) in &e.scores {
            assert_eq!(s.f1(), 100.0, "{name}");
        }
        assert_eq!(e.get("Words").unwrap().gold, 7);
        assert_eq!(e.get("Tokens").unwrap().gold, 6);
        assert_eq!(e.get("CLAS").unwrap().gold, 4); // nsubj, advmod, root, root
    }

    #[test]
    fn unsplit_contraction_and_merged_sentences() {
        // One sentence; "don't" left whole; a wrong tag on "know" and a subtype on a relation.
        let mut s = String::new();
        s += &line("1", "I", "PRON", "3", "nsubj:x");
        s += &line("2", "don't", "AUX", "3", "aux");
        s += &line("3", "know", "NOUN", "0", "root");
        s += &line("4", ".", "PUNCT", "3", "punct");
        s += &line("5", "Yes", "INTJ", "3", "parataxis");
        s += &line("6", ".", "PUNCT", "5", "punct");
        let e = score(&gold(), &s);
        let tokens = e.get("Tokens").unwrap();
        assert_eq!((tokens.gold, tokens.system, tokens.correct), (6, 6, 6));
        let sentences = e.get("Sentences").unwrap();
        assert_eq!(
            (sentences.gold, sentences.system, sentences.correct),
            (2, 1, 0)
        );
        // Gold "do" + "n't" against system "don't": no form matches, so neither aligns.
        let words = e.get("Words").unwrap();
        assert_eq!((words.gold, words.system, words.correct), (7, 6, 5));
        assert_eq!(e.get("UPOS").unwrap().correct, 4);
        // Heads: I→know ok (subtype ignored), know root ok, "." ok, Yes wrong, "." ok.
        assert_eq!(e.get("LAS").unwrap().correct, 4);
        assert!((e.get("Words").unwrap().f1() - 2.0 * 5.0 / 13.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn different_text_is_an_error() {
        let g = Document::from_conllu(&gold()).unwrap();
        let s = Document::from_conllu(&line("1", "Hello", "X", "0", "root")).unwrap();
        let e = evaluate(&g, &s).unwrap_err().to_string();
        assert!(e.contains("character 0"), "{e}");
    }

    #[test]
    fn malformed_lines_are_named() {
        let e = Document::from_conllu("1\ta\n").unwrap_err().to_string();
        assert!(e.starts_with("line 1:"), "{e}");
        let bad_range = "1-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n".to_string()
            + &line("1", "do", "AUX", "0", "root");
        let e = Document::from_conllu(&bad_range).unwrap_err().to_string();
        assert!(e.contains("multiword"), "{e}");
        let bad_head = line("1", "a", "X", "7", "root");
        assert!(Document::from_conllu(&bad_head).is_err());
    }

    #[test]
    fn reannotation_keeps_gold_segmentation() {
        let g = Document::from_conllu(&gold()).unwrap();
        let mut sentences = crate::conllu::parse_str(&gold()).unwrap();
        sentences[0].tokens[3].upos = "NOUN".to_string();
        sentences[1].tokens[1].head = 0;
        let e = evaluate(&g, &g.reannotated(&sentences).unwrap()).unwrap();
        assert_eq!(e.get("Tokens").unwrap().f1(), 100.0);
        assert_eq!(e.get("UPOS").unwrap().correct, 6);
        assert_eq!(e.get("UAS").unwrap().correct, 6);
        assert!(g.reannotated(&sentences[..1]).is_err());
    }

    #[test]
    fn petrel_sentences_regroup_contractions() {
        let sentences = petrel_text::segment("I don't know. Yes.");
        let system = Document::from_sentences(&sentences);
        let g = Document::from_conllu(&gold()).unwrap();
        let e = evaluate(&g, &system).unwrap();
        for metric in ["Tokens", "Sentences", "Words"] {
            assert_eq!(e.get(metric).unwrap().f1(), 100.0, "{metric}");
        }
        assert!(!system.has_tags() && !system.has_trees());
        assert_eq!(e.get("UPOS").unwrap().correct, 0);
    }
}
