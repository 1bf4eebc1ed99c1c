//! A read-only view of a parsed sentence that the coder walks: children lists, relations,
//! upper-cased forms and lemmas, and the pattern words it holds, computed once per sentence
//! (the coder asks for each of them many times per token).
//!
//! Positions are 0-based token indices (unlike CoNLL-U's 1-based heads).

use std::cell::RefCell;

use petrel_text::{Sentence, Token};

use crate::pattern_words::{PatternWords, Word, WordSet};

pub struct Tree<'s> {
    pub sentence: &'s Sentence,
    /// Upper-cased word forms, for dictionary matching.
    pub forms: Vec<String>,
    /// Upper-cased lemmas (the form when the parse has no lemma).
    pub lemmas: Vec<String>,
    /// Base relations (`nsubj:pass` → `nsubj`).
    rels: Vec<&'s str>,
    tables: Tables,
}

/// The tree's tables that do not borrow from the sentence. A thread's trees are made one
/// after another, so each hands its tables (and its word strings) to the next rather than
/// freeing them: allocating them afresh for every sentence cost a tenth of coding.
#[derive(Default)]
struct Tables {
    heads: Vec<Option<usize>>,
    /// Token `i`'s children are `children[child_start[i]..child_start[i + 1]]`, in sentence
    /// order: one list for the whole sentence rather than one per token.
    children: Vec<usize>,
    child_start: Vec<usize>,
    /// Where the next child of each token goes, while `children` is filled.
    places: Vec<usize>,
    /// Each token's numbers in the coder's dictionaries.
    numbers: Vec<Numbers>,
    /// The pattern words among the forms and lemmas, and the synsets they begin, for quick
    /// "is this here at all" tests.
    pattern_words: WordSet,
    /// The word strings of the last tree, while no tree holds them, and those left over when
    /// a tree has fewer tokens than the one before.
    forms: Vec<String>,
    lemmas: Vec<String>,
    spare: Vec<String>,
    /// The last tree's relation list, emptied: only its allocation is kept.
    rels: Vec<&'static str>,
}

/// The numbers of one token's form and lemma in the coder's dictionaries.
#[derive(Clone, Copy)]
struct Numbers {
    /// The pattern-word numbers of the form and the lemma.
    pattern: (Option<u32>, Option<u32>),
    /// The form's numbers in the actor and in the agent name index.
    names: (Option<u32>, Option<u32>),
    /// Whether an actor or agent name begins with the form.
    begins_name: bool,
    /// The verb-form numbers of the form and the lemma ([`PatternWords::verbs`]).
    verbs: (Option<u32>, Option<u32>),
}

impl Tables {
    /// Writes a token's form and lemma upper-cased into `form` and `lemma`, notes the pattern
    /// words among them, and returns their numbers in the coder's dictionaries.
    fn read_word(
        &mut self,
        token: &Token,
        form: &mut String,
        lemma: &mut String,
        words: &PatternWords,
    ) -> Numbers {
        form.clear();
        let form_word = words.read(&token.form, form).unwrap_or(&Word::NONE);
        lemma.clear();
        // A lemma that differs from its form only in the case of ASCII letters upper-cases
        // to the same word. (Most lemmas are their form exactly, which one comparison of
        // bytes tells.)
        let same = token.lemma.is_empty()
            || token.lemma == token.form
            || token.lemma.eq_ignore_ascii_case(&token.form);
        let lemma_word = if same {
            lemma.push_str(form);
            form_word
        } else {
            words.read(&token.lemma, lemma).unwrap_or(&Word::NONE)
        };
        let pattern = (form_word.pattern, lemma_word.pattern);
        let set = &mut self.pattern_words;
        // A lemma that is its form adds nothing the form has not (most lemmas are).
        let lemma_new = pattern.1.filter(|_| pattern.1 != pattern.0);
        for id in [pattern.0, lemma_new].into_iter().flatten() {
            set.insert(id);
            // A synset is here when one of its phrases could begin at a form or lemma.
            for &synset in words.opened_by(id) {
                set.insert(synset);
            }
        }
        // Singulars of regular plurals, so a dictionary's "TIE" finds "TIES". (The slots fill
        // from the first, so an empty first one means a word that is no such plural.)
        if form_word.plural_of[0].is_some() {
            for id in form_word.plural_of.iter().flatten().copied() {
                set.insert(id);
            }
        }
        Numbers {
            pattern,
            names: (form_word.actor, form_word.agent),
            begins_name: form_word.begins_name,
            verbs: (form_word.verbs, lemma_word.verbs),
        }
    }

    /// Notes each token's head and lists each token's children.
    fn link(&mut self, tokens: &[Token]) {
        let n = tokens.len();
        self.heads.clear();
        self.heads.extend(
            tokens
                .iter()
                .map(|t| t.head.checked_sub(1).filter(|&h| h < n)),
        );
        self.child_start.clear();
        self.child_start.resize(n + 1, 0);
        for h in self.heads.iter().flatten() {
            self.child_start[h + 1] += 1;
        }
        for i in 0..n {
            self.child_start[i + 1] += self.child_start[i];
        }
        self.children.clear();
        self.children.resize(self.child_start[n], 0);
        // Each child goes to the next free place in its head's list.
        self.places.clear();
        self.places.extend_from_slice(&self.child_start[..n]);
        for (i, h) in self.heads.iter().enumerate() {
            if let Some(h) = *h {
                self.children[self.places[h]] = i;
                self.places[h] += 1;
            }
        }
    }
}

/// The last tree's forms or lemmas (`last`), as `n` strings to overwrite: extra ones are put
/// aside in `spare`, missing ones taken from there.
fn word_list(last: &mut Vec<String>, spare: &mut Vec<String>, n: usize) -> Vec<String> {
    let mut list = std::mem::take(last);
    if list.len() > n {
        spare.extend(list.drain(n..));
    }
    while list.len() < n {
        list.push(spare.pop().unwrap_or_default());
    }
    list
}

/// `list` emptied, as a list of strings of another lifetime in the same allocation (a
/// collection in place, which the standard library makes for a map over a list's own
/// items): the relations borrow from each sentence in turn, and their list is kept from one
/// tree to the next like the rest.
fn recycled<'a>(mut list: Vec<&str>) -> Vec<&'a str> {
    list.clear();
    list.into_iter().map(|_| "").collect()
}

thread_local! {
    /// The tables of the last tree dropped on this thread, for the next one.
    static SPARE: RefCell<Option<Tables>> = const { RefCell::new(None) };
}

impl<'s> Tree<'s> {
    /// The tree of `sentence`, noting which of `words` it holds.
    pub fn new(sentence: &'s Sentence, words: &PatternWords) -> Tree<'s> {
        let mut t = SPARE
            .try_with(|spare| spare.borrow_mut().take())
            .ok()
            .flatten()
            .unwrap_or_default();
        let tokens = &sentence.tokens;
        let n = tokens.len();
        let mut forms = word_list(&mut t.forms, &mut t.spare, n);
        let mut lemmas = word_list(&mut t.lemmas, &mut t.spare, n);
        t.pattern_words.reset(words);
        t.numbers.clear();
        for (i, token) in tokens.iter().enumerate() {
            let numbers = t.read_word(token, &mut forms[i], &mut lemmas[i], words);
            t.numbers.push(numbers);
        }
        t.link(tokens);
        let mut rels = recycled(std::mem::take(&mut t.rels));
        rels.extend(tokens.iter().map(|t| base_relation(&t.deprel)));
        Tree {
            sentence,
            forms,
            lemmas,
            rels,
            tables: t,
        }
    }

    /// The pattern words in the sentence, each as a form or lemma, or as the singular of a
    /// regular plural form; and the synsets with a phrase beginning at a form or lemma.
    pub fn pattern_words(&self) -> &WordSet {
        &self.tables.pattern_words
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
        self.tables.heads[i]
    }

    pub fn children(&self, i: usize) -> &[usize] {
        let t = &self.tables;
        &t.children[t.child_start[i]..t.child_start[i + 1]]
    }

    /// The relation without subtype (`nsubj:pass` → `nsubj`).
    pub fn rel(&self, i: usize) -> &'s str {
        self.rels[i]
    }

    /// The pattern-word numbers of the form and the lemma at `i` (see [`PatternWords::read`]).
    pub fn word_ids(&self, i: usize) -> (Option<u32>, Option<u32>) {
        self.tables.numbers[i].pattern
    }

    /// The verbs the form and the lemma at `i` name, by their verb-form numbers (see
    /// [`PatternWords::verbs`]).
    pub fn verb_words(&self, i: usize) -> (Option<u32>, Option<u32>) {
        self.tables.numbers[i].verbs
    }

    /// Whether the form at `i` begins some actor or agent name (a name looked for from any
    /// other word finds nothing at its first step).
    pub fn in_names(&self, i: usize) -> bool {
        self.tables.numbers[i].begins_name
    }

    /// The numbers of the forms from `i` on in the actor name index
    /// ([`petrel_lexicon::PhraseIndex::word`]).
    pub fn actor_words(&self, i: usize) -> impl Iterator<Item = Option<u32>> + Clone + '_ {
        self.tables.numbers[i..].iter().map(|n| n.names.0)
    }

    /// The numbers of the forms from `i` on in the agent name index.
    pub fn agent_words(&self, i: usize) -> impl Iterator<Item = Option<u32>> + Clone + '_ {
        self.tables.numbers[i..].iter().map(|n| n.names.1)
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

    /// The sentence's root: its first token without a head.
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.head(i).is_none())
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
            match self.tables.heads[i] {
                Some(h) => i = h,
                None => return false,
            }
        }
        false
    }
}

impl Drop for Tree<'_> {
    /// Hands the tree's tables and word strings to the next tree made on this thread.
    fn drop(&mut self) {
        let mut tables = std::mem::take(&mut self.tables);
        tables.forms = std::mem::take(&mut self.forms);
        tables.lemmas = std::mem::take(&mut self.lemmas);
        tables.rels = recycled(std::mem::take(&mut self.rels));
        // A tree dropped while the thread itself ends has nowhere to hand them; they are
        // freed as usual.
        let _ = SPARE.try_with(|spare| *spare.borrow_mut() = Some(tables));
    }
}

/// The relation without subtype, as [`Token::base_deprel`] gives it, by a byte search: the
/// general string splitting it uses cost as much as all the rest of building a tree.
fn base_relation(deprel: &str) -> &str {
    match deprel.bytes().position(|b| b == b':') {
        Some(colon) => &deprel[..colon],
        None => deprel,
    }
}
