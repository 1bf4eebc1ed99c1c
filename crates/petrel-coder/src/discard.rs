//! Discard phrases: whether a sentence (or its whole story) is one not to code.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use petrel_lexicon::discards::{normalise_words, Discard};
use petrel_text::Sentence;

use crate::Discarded;

/// All discard phrases of a lexicon in one automaton: one pass over a sentence finds every
/// candidate, where looking for each of the Phoenix list's ~2,000 phrases in turn cost more
/// than all the rest of coding. It is built as a DFA: larger than the default automaton, but
/// it visits each byte of every sentence once without following failure links.
pub(crate) struct Discards<'l> {
    discards: &'l [Discard],
    automaton: Option<AhoCorasick>,
}

impl<'l> Discards<'l> {
    pub(crate) fn new(discards: &'l [Discard]) -> Discards<'l> {
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(discards.iter().map(|d| d.phrase.as_str()))
            .ok();
        Discards {
            discards,
            automaton,
        }
    }

    /// The discard phrase the sentence holds, if any: a story-level one before a
    /// sentence-level one, then the first defined.
    pub(crate) fn check(&self, sentence: &Sentence) -> Option<Discarded> {
        if self.discards.is_empty() {
            return None;
        }
        let mut text = String::with_capacity(256);
        match &sentence.text {
            Some(written) => normalise_words([written.as_str()], &mut text),
            None => normalise_words(sentence.tokens.iter().map(|t| t.form.as_str()), &mut text),
        }
        let automaton = self.automaton.as_ref()?;
        let hit = automaton
            .find_overlapping_iter(&text)
            .map(|m| &self.discards[m.pattern().as_usize()])
            .filter(|d| d.matches(&text))
            .min_by_key(|d| (!d.story, d.origin.line))?;
        Some(if hit.story {
            Discarded::Story(hit.phrase.clone())
        } else {
            Discarded::Sentence(hit.phrase.clone())
        })
    }
}
