//! Matching a verb against its dictionary entry: which verb it is (multi-word verbs need their
//! other words among the verb's dependents) and which of its block's patterns fits.
//!
//! A pattern's words are looked for in the verb's *scope*: the verb's dependents, transitively,
//! without entering clauses that have their own speaker or time (`ccomp`, `advcl`,
//! `parataxis`, relative clauses). Words before `*` must stand before the verb and words after
//! it after, each in the order written, with other words allowed in between. This keeps
//! PETRARCH's reading of a pattern while letting the tree, not the surface string, decide what
//! belongs to the verb.

use std::cell::{Cell, OnceCell};
use std::ops::Deref;

use petrel_lexicon::verbs::{Element, EventCodes, Pattern, Predicate, VerbDict, VerbId};
use petrel_lexicon::words::is_plural_of;

use crate::nominals::Nominals;
use crate::pattern_words::PatternWords;
use crate::Tree;

/// Relations that start a separate clause: a pattern does not reach into them.
const SEPARATE_CLAUSES: &[&str] = &["ccomp", "advcl", "parataxis", "csubj"];

/// Parts of speech a word before the verb must have to match a pattern word.
const NOMINAL: &[&str] = &["NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"];

/// Cap on backtracking steps per pattern, so a pathological sentence cannot stall coding.
const MAX_STEPS: usize = 2_000;

/// The outcome of matching one verb token.
#[derive(Debug)]
pub struct VerbMatch<'l> {
    pub verb: VerbId,
    /// The pattern that matched, if any (else the verb's default code applies).
    pub pattern: Option<&'l Pattern>,
    pub codes: &'l EventCodes,
    /// Token marked `+` by the pattern.
    pub target: Option<usize>,
    /// Token marked `$` by the pattern.
    pub source: Option<usize>,
    /// The pattern's `%`: the source's conjuncts act on one another.
    pub compound: bool,
}

/// Matches the verb at `v`, or `None` if no dictionary verb fits. A noun at `v` is matched
/// against the dictionary's event nouns ("talks with +") instead, and an adjective against
/// its adjectives ("critical of +").
pub fn match_verb<'l>(
    tree: &Tree,
    verbs: &'l VerbDict,
    words: &PatternWords,
    nominals: &Nominals,
    v: usize,
) -> Option<VerbMatch<'l>> {
    let (form, lemma) = tree.verb_words(v);
    let (by_lemma, by_form) = (words.verbs(lemma), words.verbs(form));
    // Most verbs of a sentence are in no dictionary: they cost two lookups and nothing more.
    if by_lemma.is_empty() && by_form.is_empty() {
        return None;
    }
    // The verb is not in its own scope, so the scope splits into the words before and after.
    // It is collected only when a multi-word verb or a pattern needs it.
    let scope = OnceCell::new();
    let sides = || {
        let scope = scope.get_or_init(|| {
            let mut list = ScopeList::take();
            self::scope(tree, v, &mut list.0);
            shared_subject(tree, v, &mut list.0);
            list
        });
        scope.split_at(scope.partition_point(|&p| p < v))
    };
    // Every verb the lemma or the form names, each once (the key below orders them all, so
    // the order they are tried in does not matter).
    let kind = match tree.token(v).upos.as_str() {
        "NOUN" => Predicate::Noun,
        "ADJ" => Predicate::Adjective,
        _ => Predicate::Verb,
    };
    let candidates = by_lemma
        .iter()
        .chain(by_form.iter().filter(|id| !by_lemma.contains(id)))
        .copied()
        .filter(|&id| verbs.verbs[id].kind == kind);
    // Prefer multi-word verbs, then a verb written as this very form ("LEFT" over the lemma
    // "leave"): the dictionary lists such forms on purpose.
    let verb = candidates
        .filter(|&id| companions_present(tree, verbs, id, sides))
        .max_by_key(|&id| {
            let entry = &verbs.verbs[id];
            let exact = entry.words[entry.head] == tree.forms[v];
            (entry.words.len(), exact, std::cmp::Reverse(id))
        })?;
    let block_id = verbs.verbs[verb].block;
    let patterns = &verbs.blocks[block_id].patterns;
    let mut best: Option<((usize, usize), &Pattern, Bindings)> = None;
    // A cheap first test: every literal word the pattern names occurs in the sentence (as a
    // form, a lemma, or the singular of a plural form). Most patterns of a big block fail
    // here without any tree search.
    for k in words.candidates(tree.pattern_words(), block_id) {
        let pattern = &patterns[k];
        let (before, after) = sides();
        let mut matcher = Matcher {
            tree,
            words,
            nominals,
            verb: v,
            particle: pattern.after.first(),
            steps: 0,
        };
        let Some(b1) = matcher.sequence(&pattern.before, before, 0, Bindings::default()) else {
            continue;
        };
        let Some(bindings) = matcher.sequence(&pattern.after, after, 0, b1) else {
            continue;
        };
        // The pattern that accounts for the most words of the sentence wins ("austrian gold
        // florin" over "florin"); between equals, the one with more elements, then the first.
        let score = (bindings.words, pattern.specificity());
        if best.as_ref().is_none_or(|(s, ..)| score > *s) {
            best = Some((score, pattern, bindings));
        }
    }
    Some(match best {
        Some((_, pattern, b)) => VerbMatch {
            verb,
            pattern: Some(pattern),
            codes: &pattern.codes,
            target: b.target,
            source: b.source,
            compound: b.compound,
        },
        None => VerbMatch {
            verb,
            pattern: None,
            codes: verbs.default_codes(verb),
            target: None,
            source: None,
            compound: false,
        },
    })
}

/// The verb's scope: its dependents, transitively, in sentence order, not entering separate
/// clauses: appended to `out` (which may hold another scope already).
pub fn scope(tree: &Tree, v: usize, out: &mut Vec<usize>) {
    // Collected breadth first at the end of `out`, marked in a bit set, and read out of the
    // bit set in order: no sorting. The bit set is on the stack for all but very long
    // sentences.
    let mut short = [0u64; 8];
    let mut long = Vec::new();
    let marks = if tree.len() <= 64 * short.len() {
        &mut short[..]
    } else {
        long.resize(tree.len().div_ceil(64), 0);
        &mut long[..]
    };
    let start = out.len();
    out.extend_from_slice(tree.children(v));
    let mut k = start;
    while k < out.len() {
        let t = out[k];
        k += 1;
        let separate =
            SEPARATE_CLAUSES.contains(&tree.rel(t)) && !crate::roles::is_purpose(tree, t);
        if separate || tree.token(t).deprel == "acl:relcl" {
            continue;
        }
        marks[t / 64] |= 1 << (t % 64);
        out.extend_from_slice(tree.children(t));
    }
    out.truncate(start);
    for (k, &word) in marks.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            out.push(64 * k + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
    }
}

thread_local! {
    /// The list of the last scope dropped on this thread, emptied.
    static SPARE_SCOPE: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
}

/// A verb's scope, in the list of the last scope collected on this thread: matching a verb
/// allocated and freed one for every dictionary verb of every sentence.
struct ScopeList(Vec<usize>);

impl ScopeList {
    fn take() -> ScopeList {
        ScopeList(SPARE_SCOPE.try_with(Cell::take).unwrap_or_default())
    }
}

impl Deref for ScopeList {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.0
    }
}

impl Drop for ScopeList {
    /// Hands the list, emptied, to the next scope collected on this thread.
    fn drop(&mut self) {
        let mut list = std::mem::take(&mut self.0);
        list.clear();
        // Dropped while the thread itself ends, it is freed as usual.
        let _ = SPARE_SCOPE.try_with(|spare| spare.set(list));
    }
}

/// Adds to a verb's scope the subject it shares with the verb it depends on ("Gollum was seen
/// *to break* in", "Arnor condemned Gondor and *promised*"), when that stands before it: the
/// words before `*` in a pattern name the verb's subject, wherever the parse attaches it.
fn shared_subject(tree: &Tree, v: usize, scope: &mut Vec<usize>) {
    if tree.children_with(v, "nsubj").next().is_some() {
        return;
    }
    let Some(s) = crate::roles::subject(tree, v).filter(|&s| s < v) else {
        return;
    };
    if scope.contains(&s) {
        return;
    }
    scope.push(s);
    // The subject's scope, added in sentence order: the words before the verb are the first
    // of it. (Written into `scope` itself, not a list of its own.)
    let start = scope.len();
    self::scope(tree, s, scope);
    let before = scope[start..].partition_point(|&t| t < v);
    scope.truncate(start + before);
    scope.sort_unstable();
    scope.dedup();
}

/// Whether a multi-word verb's other words stand on the right sides of the verb, among the
/// scope's words before and after it (`sides`, asked for only when there are other words).
fn companions_present<'s>(
    tree: &Tree,
    verbs: &VerbDict,
    id: VerbId,
    sides: impl Fn() -> (&'s [usize], &'s [usize]),
) -> bool {
    let (words_before, words_after) = verbs.verbs[id].companions();
    if words_before.is_empty() && words_after.is_empty() {
        return true;
    }
    let (before, after) = sides();
    let in_order = |words: &[String], positions: &[usize]| {
        let mut it = positions.iter();
        words.iter().all(|w| it.any(|&p| tree.is_word(p, w)))
    };
    in_order(words_before, before) && in_order(words_after, after)
}

#[derive(Clone, Copy, Debug, Default)]
struct Bindings {
    target: Option<usize>,
    source: Option<usize>,
    compound: bool,
    /// Sentence words matched by literal words and synsets.
    words: usize,
}

struct Matcher<'a, 't> {
    tree: &'a Tree<'t>,
    words: &'a PatternWords,
    nominals: &'a Nominals<'a>,
    verb: usize,
    /// The pattern's first element after the verb: where a particle stands.
    particle: Option<&'a Element>,
    steps: usize,
}

impl Matcher<'_, '_> {
    /// Matches `elements` in order against `positions[k..]`, trying each place the first
    /// element could match before giving up.
    fn sequence(
        &mut self,
        elements: &[Element],
        positions: &[usize],
        k: usize,
        bindings: Bindings,
    ) -> Option<Bindings> {
        let Some((first, rest)) = elements.split_first() else {
            return Some(bindings);
        };
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return None;
        }
        match first {
            // `^` stands for one word (PETRARCH's skipped phrase, usually a bare name), or
            // none when the phrase has run out.
            Element::Skip => {
                return self.sequence(rest, positions, (k + 1).min(positions.len()), bindings)
            }
            Element::Compound => {
                // `%` needs a compound subject: actors joined by a conjunction.
                let compound_subject = crate::roles::subject(self.tree, self.verb)
                    .is_some_and(|s| self.tree.children_with(s, "conj").next().is_some());
                if !compound_subject {
                    return None;
                }
                let b = Bindings {
                    compound: true,
                    ..bindings
                };
                return self.sequence(rest, positions, k, b);
            }
            _ => {}
        }
        for at in k..positions.len() {
            if let Some((next, b)) = self.one(first, positions, at, bindings) {
                if let Some(done) = self.sequence(rest, positions, next, b) {
                    return Some(done);
                }
            }
        }
        None
    }

    /// Matches one element at `positions[at]`; returns the index after it and the bindings.
    fn one(
        &mut self,
        element: &Element,
        positions: &[usize],
        at: usize,
        mut bindings: Bindings,
    ) -> Option<(usize, Bindings)> {
        let p = positions[at];
        let after = |last: usize| positions.partition_point(|&q| q <= last);
        match element {
            // Before the verb, words name its subject: only nominal words count there, so an
            // adverb or conjunction ("recently", "neither") does not select a pattern.
            Element::Word(_) | Element::Synset(_) | Element::NounPhrase(_)
                if p < self.verb && !NOMINAL.contains(&self.tree.token(p).upos.as_str()) =>
            {
                None
            }
            // A preposition written straight after the verb is its particle (`call on +`,
            // `call for`): it must open a phrase of the verb itself, not one inside its object
            // ("called the detention a setback *for* democracy"). Further on in a pattern a
            // preposition may hang on the object ("warned their people *about* ...").
            Element::Word(_) | Element::Prep(..)
                if self
                    .particle
                    .is_some_and(|first| std::ptr::eq(element, first))
                    && self.tree.rel(p) == "case"
                    && self.tree.head(p).and_then(|h| self.tree.head(h)) != Some(self.verb) =>
            {
                None
            }
            Element::Word(w) => self.word(p, w).then(|| {
                bindings.words += 1;
                (at + 1, bindings)
            }),
            Element::Synset(id) => {
                let last = self.synset(p, *id)?;
                bindings.words += last + 1 - p;
                Some((after(last), bindings))
            }
            Element::NounPhrase(inner) => {
                let last = self.noun_phrase(inner, p)?;
                bindings.words += inner.len();
                Some((after(last), bindings))
            }
            Element::Prep(prep, inner) => {
                let last = match prep.as_ref() {
                    Element::Word(w) => self.word(p, w).then_some(p)?,
                    Element::Synset(id) => self.synset(p, *id)?,
                    _ => return None,
                };
                bindings.words += last + 1 - p;
                if !matches!(
                    self.tree.rel(p),
                    "case" | "mark" | "compound" | "advmod" | "fixed"
                ) {
                    return None;
                }
                let governed = if self.tree.rel(p) == "compound" {
                    None
                } else {
                    self.tree.head(p)
                };
                // The verb's own marker ("*to* accord") introduces no phrase of its own.
                if self.tree.rel(p) == "mark" && governed == Some(self.verb) {
                    return None;
                }
                let mut within: Vec<usize> = match governed {
                    Some(g) => positions
                        .iter()
                        .copied()
                        .filter(|&q| q > last && self.tree.dominates(g, q))
                        .collect(),
                    None => Vec::new(),
                };
                if let Some(g) = governed {
                    if inner
                        .iter()
                        .any(|e| matches!(e, Element::Target | Element::Source))
                        && !within.contains(&g)
                    {
                        return None;
                    }
                }
                // "with *Russian* President Vladimir Putin": a lone `+` is the phrase's head
                // when that names an actor, not the first word inside it that does.
                let lone_actor = matches!(inner[..], [Element::Target | Element::Source]);
                if let Some(g) = governed.filter(|&g| lone_actor && within.contains(&g)) {
                    if self.nominals.names_actor(g) {
                        within = vec![g];
                    }
                }
                let b = self.sequence(inner, &within, 0, bindings)?;
                // What follows the phrase is looked for after its head noun, not after its
                // whole subtree: parsers attach later phrases to it as often as to the verb.
                Some((after(governed.map_or(last, |g| g.max(last))), b))
            }
            Element::Target | Element::Source => {
                if !self.nominals.names_actor(p) {
                    return None;
                }
                if matches!(element, Element::Target) {
                    bindings.target = Some(p);
                } else {
                    bindings.source = Some(p);
                }
                Some((at + 1, bindings))
            }
            Element::Skip | Element::Compound => Some((at, bindings)),
        }
    }

    /// Matches a noun phrase's words starting at `p`, in sentence order: modifiers may be
    /// separated by other words ("new *global* economic relations"), but the last word, the
    /// noun, must follow the word before it directly. Returns the last token.
    fn noun_phrase(&self, inner: &[Element], p: usize) -> Option<usize> {
        let (noun, modifiers) = inner.split_last()?;
        let mut next = p;
        let mut last = None;
        for (i, e) in modifiers.iter().enumerate() {
            let at = if i == 0 {
                Some(p)
            } else {
                (next..self.tree.len().min(next + 4)).find(|&q| self.ends_at(e, q).is_some())
            }?;
            let end = self.ends_at(e, at)?;
            last = Some(end);
            next = end + 1;
        }
        // Coordinated modifiers share the noun: "death and injury toll" is a death toll.
        let mut start = last.map_or(p, |l| l + 1);
        while start < self.tree.len()
            && last.is_some()
            && matches!(self.tree.rel(start), "cc" | "conj" | "punct")
        {
            start += 1;
        }
        self.ends_at(noun, start)
    }

    /// Where a word or synset element matching at `p` ends.
    fn ends_at(&self, element: &Element, p: usize) -> Option<usize> {
        if p >= self.tree.len() {
            return None;
        }
        match element {
            Element::Word(w) => self.word(p, w).then_some(p),
            Element::Synset(id) => self.synset(p, *id),
            _ => None,
        }
    }

    /// A word matches a token's form or lemma, or the regular plural of the word.
    fn word(&self, p: usize, w: &str) -> bool {
        if self.form_only(p) {
            return self.tree.forms[p] == w;
        }
        self.tree.is_word(p, w) || is_plural_of(&self.tree.forms[p], w)
    }

    /// Whether the token at `p` matches by its form alone: a verb form used as a preposition
    /// ("*according* to", "*including*") no longer names its lemma's act ("kill accord" is
    /// not in "killing five people, according to").
    fn form_only(&self, p: usize) -> bool {
        self.tree.rel(p) == "case" && self.tree.token(p).xpos == "VBG"
    }

    /// Whether a phrase of the synset starts at `p`; returns its last token (of the longest).
    fn synset(&self, p: usize, id: usize) -> Option<usize> {
        let ids = (p..self.tree.len()).map(|q| self.tree.word_ids(q));
        let by_form = self
            .words
            .synset_match(id, ids.clone().map(|(form, _)| form));
        let by_lemma = if self.form_only(p) {
            None
        } else {
            self.words.synset_match(id, ids.map(|(_, lemma)| lemma))
        };
        by_form.max(by_lemma).map(|len| p + len - 1)
    }
}
