//! Discard phrases: whether a sentence (or its whole story) is one not to code.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Match};
use petrel_lexicon::discards::{normalise_words, Discard};
use petrel_text::{Sentence, Token};

use crate::Discarded;

/// All discard phrases of a lexicon in one automaton: one pass over a sentence finds every
/// candidate, where looking for each of the Phoenix list's ~2,000 phrases in turn cost more
/// than all the rest of coding. It is built as a DFA: larger than the default automaton, but
/// it visits each byte of every sentence once without following failure links.
pub(crate) struct Discards<'l> {
    discards: &'l [Discard],
    /// Matches ASCII letters of either case. The phrases are upper-cased, so on upper-cased
    /// text this is plain matching, and on text that normalisation would only upper-case it
    /// finds what plain matching would find in the normalised text, without making it.
    automaton: Option<AhoCorasick>,
}

impl<'l> Discards<'l> {
    pub(crate) fn new(discards: &'l [Discard]) -> Discards<'l> {
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
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
        let automaton = self.automaton.as_ref()?;
        // The text as written, else the words joined by spaces.
        let joined: String;
        let written = match &sentence.text {
            Some(text) => text.as_str(),
            None => {
                joined = join_words(&sentence.tokens);
                &joined
            }
        };
        let hit = if only_case_to_normalise(written) {
            // Nearly every sentence has no candidate at all (any overlapping match would be
            // found by the plain search too); the rest need every candidate checked against
            // word boundaries, in the normalised text.
            if !automaton.is_match(written) {
                return None;
            }
            let hits = automaton.find_overlapping_iter(written);
            self.first(hits, &written.to_ascii_uppercase())
        } else {
            let mut upper = String::with_capacity(written.len());
            normalise_words([written], &mut upper);
            self.first(automaton.find_overlapping_iter(&upper), &upper)
        }?;
        Some(if hit.story {
            Discarded::Story(hit.phrase.clone())
        } else {
            Discarded::Sentence(hit.phrase.clone())
        })
    }

    /// The first discard (story-level first) among the automaton's `hits` that really occurs
    /// in the normalised text `upper`.
    fn first(&self, hits: impl Iterator<Item = Match>, upper: &str) -> Option<&'l Discard> {
        hits.map(|m| &self.discards[m.pattern().as_usize()])
            .filter(|d| d.matches(upper))
            .min_by_key(|d| (!d.story, d.origin.line))
    }
}

/// The forms of `tokens` joined by single spaces.
fn join_words(tokens: &[Token]) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.form.len() + 1).sum());
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&token.form);
    }
    out
}

/// Whether normalising `text` ([`petrel_lexicon::discards::normalise_text`]) would only
/// upper-case it: ASCII, with single spaces between words and no other white space.
fn only_case_to_normalise(text: &str) -> bool {
    text.is_ascii()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.bytes().any(|b| (0x09..=0x0D).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use petrel_lexicon::discards::normalise_text;
    use petrel_lexicon::Origin;
    use std::sync::Arc;

    fn discard(phrase: &str, story: bool, whole_word: bool, line: usize) -> Discard {
        Discard {
            phrase: normalise_text(phrase),
            story,
            whole_word,
            origin: Origin {
                file: Arc::from("t"),
                line,
            },
        }
    }

    fn text(text: &str) -> Sentence {
        Sentence {
            text: Some(text.to_string()),
            ..Sentence::default()
        }
    }

    #[test]
    fn plain_and_untidy_text_find_the_same_phrases() {
        let list = [
            discard("world cup", false, true, 1),
            discard("basketball", false, false, 2),
            discard("box office", true, true, 3),
            discard("café", false, true, 4),
        ];
        let discards = Discards::new(&list);
        let sentence = |phrase: &str| Some(Discarded::Sentence(phrase.to_string()));
        for (written, expected) in [
            ("Brazil won the World Cup.", sentence("WORLD CUP")),
            ("Brazil won the World  Cup.", sentence("WORLD CUP")),
            ("Brazil won the World\tCup .", sentence("WORLD CUP")),
            (" world cup", sentence("WORLD CUP")),
            ("Worldcup fever", None),
            ("the basketballs", sentence("BASKETBALL")),
            (
                "a sporting world cup box office hit",
                Some(Discarded::Story("BOX OFFICE".into())),
            ),
            ("at the Café Nord", sentence("CAFÉ")),
            ("at the café", sentence("CAFÉ")),
            ("cafés", None),
            ("", None),
        ] {
            assert_eq!(discards.check(&text(written)), expected, "{written:?}");
        }
    }

    #[test]
    fn tokens_stand_in_for_missing_text() {
        let list = [discard("world cup", false, true, 1)];
        let mut sentence = Sentence::default();
        for form in ["the", "World", "Cup"] {
            sentence.tokens.push(petrel_text::Token {
                form: form.to_string(),
                ..Default::default()
            });
        }
        assert_eq!(
            Discards::new(&list).check(&sentence),
            Some(Discarded::Sentence("WORLD CUP".into()))
        );
    }
}
