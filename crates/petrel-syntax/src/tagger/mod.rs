//! The part-of-speech tagger: UPOS, Penn Treebank XPOS and morphological features.
//!
//! Tags are classes among the (UPOS, XPOS) pairs seen in training, chosen greedily left to
//! right by averaged perceptrons in two passes. The first sees the tags it chose on the left;
//! the second also sees the tags the first chose for the two words on the right, which corrects
//! what only the right context shows ("that" before a clause or a noun, "round" before a noun or
//! a verb). The second pass runs only where the first was unsure, which keeps its cost small.
//! Frequent words that always carry one tag take it from a dictionary without being scored.
//! A third perceptron then chooses the FEATS string among those seen with the chosen tag (most
//! tags allow only one, and are not scored at all).

mod features;
mod train;

pub use train::{train_tagger, TaggerOptions, TaggerReport};

use petrel_text::Token;

use crate::hashing::HashedMap;
use crate::lexeme::Lexeme;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::weights::Weights;
use features::{MorphTags, TagContext, END_TAG, START_TAG};

const MAGIC: &[u8] = b"petrel tagger v2\n";

/// A first-pass tag that beats the runner-up by this much (in quantised weight units, the
/// largest single weight being 32767) is kept without a second pass. Chosen on EWT dev: UPOS
/// 94.95 against 94.96 with a second pass on every word (94.79 with none), for about a fifth of
/// the second pass's cost.
const SETTLED_MARGIN: i32 = 8000;

/// Ambiguity class of a word too rare to have one.
const RARE_WORD: u64 = 0x7261_7265_0000_0001;
/// Morphology cue of a word with no nominal word before it.
const NO_CUE: u64 = 0x6e6f_6375_6500_0001;

/// A trained tagger.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    /// Class `i` is the pair `tags[i]` = (UPOS, XPOS).
    tags: Vec<(String, String)>,
    /// Morphological classes: whole FEATS strings (`""` for none).
    feats: Vec<String>,
    /// For each tag, the FEATS classes seen with it, most frequent first.
    feats_of_tag: Vec<Vec<u16>>,
    /// Word form hash → its only tag, for frequent unambiguous words.
    dictionary: HashedMap<u16>,
    /// Lower-case word hash → hash of the set of tags it was seen with.
    ambiguity: HashedMap<u64>,
    weights: Weights,
    /// The second pass.
    second: Weights,
    morph: Weights,
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct TagWork {
    ambiguity: Vec<u64>,
    scores: Vec<i32>,
    /// The chosen tag and FEATS class of each word.
    pub tags: Vec<u16>,
    pub feats: Vec<u16>,
    /// The first pass's tags.
    first: Vec<u16>,
    /// Whether the first pass's tag is final (dictionary words and clear decisions).
    settled: Vec<bool>,
}

impl Tagger {
    /// Tags one sentence given its words' lexemes, leaving the classes in `work.tags` and
    /// `work.feats`.
    pub fn predict(&self, lexemes: &[Lexeme], work: &mut TagWork) {
        let n = lexemes.len();
        let mut ambiguity = std::mem::take(&mut work.ambiguity);
        ambiguity.clear();
        ambiguity.extend(lexemes.iter().map(|l| self.ambiguity_of(l.lower)));
        let ctx = TagContext {
            lexemes,
            ambiguity: &ambiguity,
        };
        work.first.clear();
        work.settled.clear();
        for (i, lexeme) in lexemes.iter().enumerate() {
            let (tag, settled) = match self.dictionary.get(&lexeme.form) {
                Some(&tag) => (tag, true),
                None => {
                    let left = left_atoms(&work.first, i);
                    let keys = ctx.tag_features(i, left[0], left[1]);
                    let (tag, margin) = self.best(&self.weights, &keys, &mut work.scores);
                    (tag, margin >= SETTLED_MARGIN)
                }
            };
            work.first.push(tag);
            work.settled.push(settled);
        }
        work.tags.clear();
        for i in 0..n {
            let tag = if work.settled[i] {
                work.first[i]
            } else {
                let (left, right) = (left_atoms(&work.tags, i), right_atoms(&work.first, i));
                let keys = ctx.second_features(i, left, right);
                self.best(&self.second, &keys, &mut work.scores).0
            };
            work.tags.push(tag);
        }
        self.choose_all_feats(&ctx, work);
        work.ambiguity = ambiguity;
    }

    /// Chooses the FEATS class of every word, given the tags in `work.tags`.
    fn choose_all_feats(&self, ctx: &TagContext, work: &mut TagWork) {
        work.feats.clear();
        for i in 0..ctx.lexemes.len() {
            let feats = self.choose_feats(ctx, i, work);
            work.feats.push(feats);
        }
    }

    /// After [`Tagger::annotate`] and a later model that changed some tokens' UPOS and XPOS
    /// (the neural parser's tagging head), takes those tags where the tagger knows the pair,
    /// and chooses every word's FEATS again, so that they agree with the final tags.
    pub fn retag(&self, tokens: &mut [Token], lexemes: &[Lexeme], work: &mut TagWork) {
        let mut changed = false;
        for (i, token) in tokens.iter().enumerate() {
            let own = &self.tags[usize::from(work.tags[i])];
            if own.0 == token.upos && own.1 == token.xpos {
                continue;
            }
            if let Some(c) = self.class_of(&token.upos, &token.xpos) {
                work.tags[i] = c;
                changed = true;
            }
        }
        if !changed {
            return;
        }
        let ambiguity = std::mem::take(&mut work.ambiguity);
        let ctx = TagContext {
            lexemes,
            ambiguity: &ambiguity,
        };
        self.choose_all_feats(&ctx, work);
        work.ambiguity = ambiguity;
        self.write(tokens, work);
    }

    /// The class of a (UPOS, XPOS) pair, if the tagger has one.
    fn class_of(&self, upos: &str, xpos: &str) -> Option<u16> {
        let at = self.tags.iter().position(|(u, x)| u == upos && x == xpos)?;
        Some(at as u16)
    }

    /// The best tag class under `weights`, and by how much it beats the second best.
    fn best(&self, weights: &Weights, features: &[u64], scores: &mut Vec<i32>) -> (u16, i32) {
        scores.clear();
        scores.resize(self.tags.len(), 0);
        weights.score(features, scores);
        // Three simple passes (each a few vector instructions) rather than one with branches.
        let top = scores.iter().copied().max().unwrap_or(0);
        let best = scores.iter().position(|&s| s == top).unwrap_or(0);
        let second = (scores[..best].iter().copied().max())
            .max(scores[best + 1..].iter().copied().max())
            .unwrap_or(i32::MIN);
        (best as u16, top.saturating_sub(second))
    }

    /// Writes the predicted UPOS, XPOS and FEATS into the tokens.
    pub fn annotate(&self, tokens: &mut [Token], lexemes: &[Lexeme], work: &mut TagWork) {
        self.predict(lexemes, work);
        self.write(tokens, work);
    }

    /// Writes the classes in `work` into the tokens.
    fn write(&self, tokens: &mut [Token], work: &TagWork) {
        for (i, token) in tokens.iter_mut().enumerate() {
            let (upos, xpos) = &self.tags[usize::from(work.tags[i])];
            set(&mut token.upos, upos);
            set(&mut token.xpos, xpos);
            set(&mut token.feats, &self.feats[usize::from(work.feats[i])]);
        }
    }

    /// The UPOS of a tag class.
    pub fn upos(&self, tag: u16) -> &str {
        &self.tags[usize::from(tag)].0
    }

    fn ambiguity_of(&self, lower: u64) -> u64 {
        self.ambiguity.get(&lower).copied().unwrap_or(RARE_WORD)
    }

    /// The FEATS class of word `i`, once every tag and the FEATS of the words before it are
    /// chosen.
    fn choose_feats(&self, ctx: &TagContext, i: usize, work: &mut TagWork) -> u16 {
        let candidates = &self.feats_of_tag[usize::from(work.tags[i])];
        match candidates.len() {
            0 => self.empty_feats(),
            1 => candidates[0],
            _ => {
                let context = morph_context(self, &work.tags, &work.feats, ctx, i);
                let keys = ctx.morph_features(i, &context);
                let scores = &mut work.scores;
                scores.clear();
                scores.resize(self.feats.len(), 0);
                self.morph.score(&keys, scores);
                *candidates
                    .iter()
                    .max_by_key(|&&c| (scores[usize::from(c)], std::cmp::Reverse(c)))
                    .expect("candidates is not empty")
            }
        }
    }

    fn empty_feats(&self) -> u16 {
        self.feats.iter().position(|f| f.is_empty()).unwrap_or(0) as u16
    }

    pub fn save(&self, w: &mut ModelWriter) {
        w.raw(MAGIC);
        w.u32(self.tags.len() as u32);
        for (upos, xpos) in &self.tags {
            w.str(upos);
            w.str(xpos);
        }
        w.strings(&self.feats);
        for list in &self.feats_of_tag {
            w.u32(list.len() as u32);
            for &f in list {
                w.u16(f);
            }
        }
        write_map(w, &self.dictionary, |w, &v| w.u16(v));
        write_map(w, &self.ambiguity, |w, &v| w.u64(v));
        self.weights.write(w);
        self.second.write(w);
        self.morph.write(w);
    }

    pub fn load(r: &mut ModelReader) -> Result<Tagger, ModelError> {
        r.expect_magic(MAGIC)?;
        let n = r.u32()? as usize;
        let mut tags = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let feats = r.strings()?;
        let mut feats_of_tag = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let m = r.u32()? as usize;
            let mut list = Vec::with_capacity(m.min(4096));
            for _ in 0..m {
                let f = r.u16()?;
                if usize::from(f) >= feats.len() {
                    return Err(r.corrupt("FEATS class out of range"));
                }
                list.push(f);
            }
            feats_of_tag.push(list);
        }
        let dictionary = read_map(r, |r| r.u16())?;
        if dictionary.values().any(|&t| usize::from(t) >= n) {
            return Err(r.corrupt("dictionary tag out of range"));
        }
        let ambiguity = read_map(r, |r| r.u64())?;
        let weights = Weights::read(r)?;
        let second = Weights::read(r)?;
        let morph = Weights::read(r)?;
        if weights.classes() != n
            || second.classes() != n
            || morph.classes() != feats.len()
            || n == 0
        {
            return Err(r.corrupt("class counts do not match the tag lists"));
        }
        Ok(Tagger {
            tags,
            feats,
            feats_of_tag,
            dictionary,
            ambiguity,
            weights,
            second,
            morph,
        })
    }

    /// Sizes for reports: (tag classes, FEATS classes, tag weights of both passes, FEATS
    /// weights).
    pub fn sizes(&self) -> (usize, usize, usize, usize) {
        (
            self.tags.len(),
            self.feats.len(),
            self.weights.len() + self.second.len(),
            self.morph.len(),
        )
    }
}

/// The tags of the two words before `i`, as feature atoms.
fn left_atoms(tags: &[u16], i: usize) -> [u64; 2] {
    let atom = |back: usize| {
        i.checked_sub(back)
            .map_or(START_TAG, |j| u64::from(tags[j]) + 1)
    };
    [atom(1), atom(2)]
}

/// The tags of the two words after `i`, as feature atoms.
fn right_atoms(tags: &[u16], i: usize) -> [u64; 2] {
    let atom = |ahead: usize| tags.get(i + ahead).map_or(END_TAG, |&t| u64::from(t) + 1);
    [atom(1), atom(2)]
}

/// The tag context for choosing word `i`'s features: its own and its neighbours' tags, and
/// the nearest nominal word before it.
fn morph_context(
    tagger: &Tagger,
    tags: &[u16],
    chosen: &[u16],
    ctx: &TagContext,
    i: usize,
) -> MorphTags {
    let atom = |j: Option<usize>| {
        j.and_then(|j| tags.get(j))
            .map_or(START_TAG, |&t| u64::from(t) + 1)
    };
    let mut context = MorphTags {
        tag: u64::from(tags[i]) + 1,
        prev: atom(i.checked_sub(1)),
        next: atom(Some(i + 1)),
        cue_tag: NO_CUE,
        cue_morph: NO_CUE,
        cue_word: NO_CUE,
        cue_distance: 0,
    };
    for back in 1..=6 {
        let Some(j) = i.checked_sub(back) else { break };
        if matches!(tagger.upos(tags[j]), "NOUN" | "PROPN" | "PRON") {
            context.cue_tag = u64::from(tags[j]) + 1;
            context.cue_morph = u64::from(chosen[j]) + 1;
            context.cue_word = ctx.lexemes[j].lower;
            context.cue_distance = back as u64;
            break;
        }
    }
    context
}

fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

fn set(field: &mut String, value: &str) {
    field.clear();
    field.push_str(value);
}

fn write_map<V>(w: &mut ModelWriter, map: &HashedMap<V>, value: impl Fn(&mut ModelWriter, &V)) {
    let mut keys: Vec<&u64> = map.keys().collect();
    keys.sort_unstable();
    w.u32(keys.len() as u32);
    for k in keys {
        w.u64(*k);
        value(w, &map[k]);
    }
}

fn read_map<V>(
    r: &mut ModelReader,
    value: impl Fn(&mut ModelReader) -> Result<V, ModelError>,
) -> Result<HashedMap<V>, ModelError> {
    let n = r.u32()? as usize;
    let mut map = HashedMap::default();
    map.reserve(n.min(r.remaining() / 8));
    for _ in 0..n {
        let k = r.u64()?;
        map.insert(k, value(r)?);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbour_atoms_mark_the_sentence_ends() {
        let tags = [4u16, 0, 9];
        assert_eq!(left_atoms(&tags, 0), [START_TAG, START_TAG]);
        assert_eq!(left_atoms(&tags, 2), [1, 5]);
        assert_eq!(right_atoms(&tags, 0), [1, 10]);
        assert_eq!(right_atoms(&tags, 2), [END_TAG, END_TAG]);
        assert_ne!(START_TAG, END_TAG);
    }
}
