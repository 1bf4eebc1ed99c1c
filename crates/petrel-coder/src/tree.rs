//! A read-only view of a parsed sentence that the coder walks: children lists, relations,
//! upper-cased forms and lemmas, and the pattern words it holds, computed once per sentence
//! (the coder asks for each of them many times per token).
//!
//! Positions are 0-based token indices (unlike CoNLL-U's 1-based heads).

use std::cell::RefCell;

use petrel_lexicon::discards::push_upper;
use petrel_text::{Sentence, Token};

use crate::pattern_words::{PatternWords, WordSet};

pub struct Tree<'s> {
    pub sentence: &'s Sentence,
    /// Upper-cased word forms, for dictionary matching.
    pub forms: Vec<String>,
    /// Upper-cased lemmas (the form when the parse has no lemma).
    pub lemmas: Vec<String>,
    heads: Vec<Option<usize>>,
    /// Base relations (`nsubj:pass` → `nsubj`).
    rels: Vec<&'s str>,
    /// Token `i`'s children are `children[child_start[i]..child_start[i + 1]]`, in sentence
    /// order: one list for the whole sentence rather than one per token.
    children: Vec<usize>,
    child_start: Vec<usize>,
    /// The pattern-word number of each token's form and lemma, where they are pattern words.
    word_ids: Vec<(Option<u32>, Option<u32>)>,
    /// The pattern words among the forms and lemmas, and the synsets they begin, for quick
    /// "is this here at all" tests.
    pattern_words: WordSet,
}

impl<'s> Tree<'s> {
    /// The tree of `sentence`, noting which of `words` it holds.
    pub fn new(sentence: &'s Sentence, words: &PatternWords) -> Tree<'s> {
        let n = sentence.tokens.len();
        let heads: Vec<Option<usize>> = sentence
            .tokens
            .iter()
            .map(|t| t.head.checked_sub(1).filter(|&h| h < n))
            .collect();
        let mut child_start = vec![0; n + 1];
        for h in heads.iter().flatten() {
            child_start[h + 1] += 1;
        }
        for i in 0..n {
            child_start[i + 1] += child_start[i];
        }
        let mut children = vec![0; child_start[n]];
        let mut next = child_start.clone();
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                children[next[h]] = i;
                next[h] += 1;
            }
        }
        let rels = sentence
            .tokens
            .iter()
            .map(|t| base_relation(&t.deprel))
            .collect();
        let (forms, lemmas): (Vec<String>, Vec<String>) = SPARE.with_borrow_mut(|spare| {
            let tokens = &sentence.tokens;
            let forms = tokens.iter().map(|t| upper(&t.form, spare)).collect();
            let lemmas = tokens
                .iter()
                .map(|t| match t.lemma.as_str() {
                    "" => upper(&t.form, spare),
                    lemma => upper(lemma, spare),
                })
                .collect();
            (forms, lemmas)
        });
        let mut pattern_words = WordSet::new(words);
        let note = |set: &mut WordSet, word: &str| {
            let id = words.id(word);
            if let Some(id) = id {
                set.insert(id);
            }
            id
        };
        let mut singular = String::new();
        let mut word_ids = Vec::with_capacity(n);
        for (form, lemma) in forms.iter().zip(&lemmas) {
            let form_id = note(&mut pattern_words, form);
            let lemma_id = if lemma == form {
                form_id
            } else {
                note(&mut pattern_words, lemma)
            };
            let ids = (form_id, lemma_id);
            // A synset is here when one of its phrases could begin at a form or lemma.
            for id in [ids.0, ids.1].into_iter().flatten() {
                for &synset in words.opened_by(id) {
                    pattern_words.insert(synset);
                }
            }
            word_ids.push(ids);
            // Singulars of regular plurals, so a dictionary's "TIE" finds "TIES" in one lookup.
            for (suffix, replacement) in [("IES", "Y"), ("ES", ""), ("S", "")] {
                if let Some(stem) = form.strip_suffix(suffix).filter(|s| s.len() > 1) {
                    singular.clear();
                    singular.push_str(stem);
                    singular.push_str(replacement);
                    note(&mut pattern_words, &singular);
                }
            }
        }
        Tree {
            sentence,
            forms,
            lemmas,
            heads,
            rels,
            children,
            child_start,
            word_ids,
            pattern_words,
        }
    }

    /// The pattern words in the sentence, each as a form or lemma, or as the singular of a
    /// regular plural form; and the synsets with a phrase beginning at a form or lemma.
    pub fn pattern_words(&self) -> &WordSet {
        &self.pattern_words
    }

    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    pub fn token(&self, i: usize) -> &'s Token {
        &self.sentence.tokens[i]
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[self.child_start[i]..self.child_start[i + 1]]
    }

    /// The relation without subtype (`nsubj:pass` → `nsubj`).
    pub fn rel(&self, i: usize) -> &'s str {
        self.rels[i]
    }

    /// The pattern-word numbers of the form and the lemma at `i` (see [`PatternWords::id`]).
    pub fn word_ids(&self, i: usize) -> (Option<u32>, Option<u32>) {
        self.word_ids[i]
    }

    /// Children with a given base relation.
    pub fn children_with<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }

    /// Whether the word at `i` is `word` (upper-cased) as written or as lemma.
    pub fn is_word(&self, i: usize, word: &str) -> bool {
        self.forms[i] == word || self.lemmas[i] == word
    }

    /// The preposition (`case` child) introducing `i`, upper-cased, if any.
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.children_with(i, "case")
            .next()
            .map(|c| self.forms[c].as_str())
    }

    /// All tokens of the subtree rooted at `i`, `i` included, in sentence order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            out.extend_from_slice(self.children(out[k]));
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// Whether `ancestor` dominates `i` (or is `i`).
    pub fn dominates(&self, ancestor: usize, mut i: usize) -> bool {
        for _ in 0..self.len() {
            if i == ancestor {
                return true;
            }
            match self.heads[i] {
                Some(h) => i = h,
                None => return false,
            }
        }
        false
    }
}

impl Drop for Tree<'_> {
    /// Hands the tree's word strings to the next tree made on this thread.
    fn drop(&mut self) {
        // A tree dropped while the thread itself ends has nowhere to hand them; they are
        // freed as usual.
        let _ = SPARE.try_with(|spare| {
            let mut spare = spare.borrow_mut();
            let room = MAX_SPARE.saturating_sub(spare.len());
            let words = self.forms.drain(..).chain(self.lemmas.drain(..));
            spare.extend(words.take(room));
        });
    }
}

thread_local! {
    /// Strings of the trees already dropped on this thread, reused for the upper-cased words of
    /// the next: two fresh strings per token, allocated and freed, cost a tenth of coding.
    static SPARE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// At most this many spare strings are kept per thread (enough for two long sentences).
const MAX_SPARE: usize = 512;

/// `word` upper-cased, in a spare string if there is one.
fn upper(word: &str, spare: &mut Vec<String>) -> String {
    let mut out = spare.pop().unwrap_or_default();
    out.clear();
    push_upper(word, &mut out);
    out
}

/// The relation without subtype, as [`Token::base_deprel`] gives it, by a byte search: the
/// general string splitting it uses cost as much as all the rest of building a tree.
fn base_relation(deprel: &str) -> &str {
    match deprel.bytes().position(|b| b == b':') {
        Some(colon) => &deprel[..colon],
        None => deprel,
    }
}
