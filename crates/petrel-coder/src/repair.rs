//! Mending the parse errors that cost events most often, before the coder reads the tree.
//!
//! A greedy parser trained on web text misreads news sentences in a few recurring ways, each
//! of which leaves a structure no well-formed UD tree has: a possessive hanging off a verb, a
//! finite verb conjoined to a noun, a "passive" verb with a direct object and no auxiliary.
//! Each rule here looks for one such structure and moves or relabels the one token that makes
//! it impossible. The rules never fire on a well-formed tree, so gold parses pass unchanged.

use std::borrow::Cow;

use petrel_text::Sentence;

/// The sentence with its impossible structures mended; borrowed unchanged when it has none
/// (most sentences).
pub fn repaired(sentence: &Sentence) -> Cow<'_, Sentence> {
    let fixes = Heads::of(sentence).fixes();
    if fixes.is_empty() {
        return Cow::Borrowed(sentence);
    }
    let mut mended = sentence.clone();
    for Fix {
        token,
        head,
        deprel,
    } in fixes
    {
        let t = &mut mended.tokens[token];
        if let Some(head) = head {
            t.head = head + 1;
        }
        if let Some(deprel) = deprel {
            t.deprel = deprel.to_string();
        }
    }
    Cow::Owned(mended)
}

/// One mended token: a new head (0-based), a new relation, or both.
struct Fix {
    token: usize,
    head: Option<usize>,
    deprel: Option<&'static str>,
}

/// The sentence's heads and relations, as the rules read them.
struct Heads<'s> {
    sentence: &'s Sentence,
    heads: Vec<Option<usize>>,
}

impl<'s> Heads<'s> {
    fn of(sentence: &'s Sentence) -> Heads<'s> {
        let n = sentence.tokens.len();
        let heads = sentence
            .tokens
            .iter()
            .map(|t| t.head.checked_sub(1).filter(|&h| h < n))
            .collect();
        Heads { sentence, heads }
    }

    fn upos(&self, i: usize) -> &str {
        &self.sentence.tokens[i].upos
    }

    fn deprel(&self, i: usize) -> &str {
        &self.sentence.tokens[i].deprel
    }

    fn is_nominal(&self, i: usize) -> bool {
        matches!(self.upos(i), "NOUN" | "PROPN")
    }

    fn is_verb(&self, i: usize) -> bool {
        self.upos(i) == "VERB"
    }

    fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.heads.len()).filter(move |&c| self.heads[c] == Some(h))
    }

    fn has_child(&self, h: usize, rel: &str) -> bool {
        self.children(h).any(|c| self.deprel(c) == rel)
    }

    fn has_subject(&self, h: usize) -> bool {
        self.children(h)
            .any(|c| matches!(self.deprel(c), "nsubj" | "nsubj:pass" | "csubj"))
    }

    /// Whether `k` lies in the subtree of `root` (or is `root`).
    fn descends_from(&self, mut k: usize, root: usize) -> bool {
        for _ in 0..=self.heads.len() {
            if k == root {
                return true;
            }
            match self.heads[k] {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    }

    /// Every fix the sentence needs, at most one per token, each computed on the parse as
    /// given (the rules do not feed each other).
    fn fixes(&self) -> Vec<Fix> {
        let mut out = Vec::new();
        for i in 0..self.heads.len() {
            let Some(h) = self.heads[i] else { continue };
            let fix = match self.deprel(i) {
                "nsubj:pass" => self.active_subject(i, h),
                "compound" => self.name_before_verb(i, h),
                "nmod:poss" => self.possessive_on_verb(i, h),
                "conj" => self
                    .verb_conjoined_to_noun(i, h)
                    .or_else(|| self.noun_conjoined_to_verb(i, h)),
                _ => None,
            };
            out.extend(fix);
        }
        out
    }

    /// "Erdogan *hosted* NATO leaders", tagged as a participle: a passive subject of a verb
    /// with a direct object and no passive auxiliary is the verb's doer.
    fn active_subject(&self, i: usize, v: usize) -> Option<Fix> {
        let misread = self.is_verb(v) && self.has_child(v, "obj") && !self.has_child(v, "aux:pass");
        misread.then_some(Fix {
            token: i,
            head: None,
            deprel: Some("nsubj"),
        })
    }

    /// "Chancellor Friedrich Merz *hosted* ...", with the name read as a compound of the verb:
    /// a noun compounded to a following verb that has no subject is its subject.
    fn name_before_verb(&self, i: usize, v: usize) -> Option<Fix> {
        let misread = self.is_nominal(i) && self.is_verb(v) && i < v && !self.has_subject(v);
        if !misread {
            return None;
        }
        let nearest = self
            .children(v)
            .filter(|&c| c < v && self.deprel(c) == "compound" && self.is_nominal(c))
            .last();
        (nearest == Some(i)).then_some(Fix {
            token: i,
            head: None,
            deprel: Some("nsubj"),
        })
    }

    /// "*Iraq's* foreign ministry condemned", with "Iraq's" hung on the verb: a possessive
    /// belongs to the next noun the verb governs.
    fn possessive_on_verb(&self, i: usize, v: usize) -> Option<Fix> {
        if !matches!(self.upos(v), "VERB" | "AUX") {
            return None;
        }
        let owner = self
            .children(v)
            .find(|&k| k > i && self.is_nominal(k) && self.deprel(k) != "nmod:poss")?;
        Some(Fix {
            token: i,
            head: Some(owner),
            deprel: None,
        })
    }

    /// "MONUSCO condemned the ADF and *called on* ...", with "called" conjoined to "ADF": a
    /// finite verb without a subject conjoined to a noun is conjoined to the verb above it.
    fn verb_conjoined_to_noun(&self, i: usize, h: usize) -> Option<Fix> {
        // Not an infinitive or participle (which may well modify a noun).
        let finite = !matches!(self.sentence.tokens[i].xpos.as_str(), "VB" | "VBG" | "VBN");
        if !(self.is_verb(i) && finite && self.is_nominal(h) && !self.has_subject(i)) {
            return None;
        }
        let mut up = self.heads[h];
        for _ in 0..4 {
            let at = up?;
            if self.is_verb(at) {
                return Some(Fix {
                    token: i,
                    head: Some(at),
                    deprel: None,
                });
            }
            up = self.heads[at];
        }
        None
    }

    /// "recalled its ambassadors to France, *the United States*, Nigeria and Togo", with the
    /// list's second item conjoined to the verb: a bare noun conjoined to an earlier verb, in
    /// the middle of a list (no "and" of its own), joins the nearest noun phrase before it.
    fn noun_conjoined_to_verb(&self, i: usize, v: usize) -> Option<Fix> {
        let bare = self.is_nominal(i)
            && self.is_verb(v)
            && v < i
            && !self.has_subject(i)
            && !self.has_child(i, "cop")
            && !self.has_child(i, "cc");
        if !bare {
            return None;
        }
        let phrase_head = |k: &usize| {
            self.is_nominal(*k)
                && !matches!(
                    self.deprel(*k),
                    "compound" | "flat" | "nmod:poss" | "amod" | "nmod:desc"
                )
                && !self.descends_from(*k, i)
                && self.descends_from(*k, v)
        };
        let previous = (v + 1..i).rev().find(phrase_head)?;
        Some(Fix {
            token: i,
            head: Some(previous),
            deprel: None,
        })
    }
}
