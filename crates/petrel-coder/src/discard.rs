//! Discard phrases: whether a sentence (or its whole story) is one not to code.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, Input, Match};
use petrel_lexicon::discards::{normalise_words, Discard};
use petrel_text::{Sentence, Token};

use crate::Discarded;

/// All discard phrases of a lexicon in one automaton: one pass over a sentence finds every
/// candidate, where looking for each of the Phoenix list's ~2,000 phrases in turn cost more
/// than all the rest of coding. It is a DFA: larger than the default automaton, but it visits
/// each byte of every sentence once without following failure links.
pub(crate) struct Discards<'l> {
    discards: &'l [Discard],
    /// Matches ASCII letters of either case. The phrases are upper-cased, so on upper-cased
    /// text this is plain matching, and on text that normalisation would only upper-case it
    /// finds what plain matching would find in the normalised text, without making it. Built
    /// for the unanchored, standard (overlapping) searches made here.
    automaton: Option<DFA>,
}

impl<'l> Discards<'l> {
    pub(crate) fn new(discards: &'l [Discard]) -> Discards<'l> {
        let automaton = DFA::builder()
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
        // Nearly every sentence is plain text with no candidate at all: one pass over its
        // bytes (its words and the spaces between them, when it has no text) tells so,
        // without joining or upper-casing anything.
        let nothing = Pass::new(automaton).is_some_and(|mut pass| match &sentence.text {
            Some(text) => pass.feed(text.as_bytes()) && pass.end(),
            None => {
                let mut words = sentence.tokens.iter().enumerate();
                words.all(|(i, t)| (i == 0 || pass.feed(b" ")) && pass.feed(t.form.as_bytes()))
                    && pass.end()
            }
        });
        if nothing {
            return None;
        }
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
            // Every candidate is checked against word boundaries, in the normalised text.
            self.first(
                overlapping(automaton, written),
                &written.to_ascii_uppercase(),
            )
        } else {
            let mut upper = String::with_capacity(written.len());
            normalise_words([written], &mut upper);
            self.first(overlapping(automaton, &upper), &upper)
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

/// Every match of the automaton in `text`, overlapping ones included. (The automaton is built
/// for unanchored standard searches, the only kind an overlapping search refuses none of.)
fn overlapping<'a>(automaton: &'a DFA, text: &'a str) -> impl Iterator<Item = Match> + 'a {
    automaton
        .try_find_overlapping_iter(Input::new(text))
        .into_iter()
        .flatten()
}

/// One pass of the automaton over a sentence's text, fed piece by piece, that stops at the
/// first byte that makes it more than plain text ([`only_case_to_normalise`]) or ends a
/// phrase: either needs the full check.
struct Pass<'a> {
    automaton: &'a DFA,
    state: StateID,
    last: Option<u8>,
}

impl<'a> Pass<'a> {
    /// `None` when the automaton matches before any text (a phrase matching every sentence).
    fn new(automaton: &'a DFA) -> Option<Pass<'a>> {
        let state = automaton.start_state(Anchored::No).ok()?;
        let pass = Pass {
            automaton,
            state,
            last: None,
        };
        (!stops(automaton, state)).then_some(pass)
    }

    /// Feeds `bytes`; false as soon as the text needs the full check.
    fn feed(&mut self, bytes: &[u8]) -> bool {
        let a = self.automaton;
        let mut state = self.state;
        // Whether the byte before was a space or there was none: a space then is untidy.
        let mut space_before = matches!(self.last, None | Some(b' '));
        for &b in bytes {
            // Letters, digits and punctuation pass one comparison; the rest are looked at.
            if !(b'!'..=0x7F).contains(&b) {
                let untidy =
                    !b.is_ascii() || (0x09..=0x0D).contains(&b) || (b == b' ' && space_before);
                if untidy {
                    return false;
                }
            }
            space_before = b == b' ';
            state = a.next_state(Anchored::No, state, b);
            if stops(a, state) {
                return false;
            }
        }
        self.state = state;
        if let Some(&b) = bytes.last() {
            self.last = Some(b);
        }
        true
    }

    /// Whether the text fed was plain to its end (no space last).
    fn end(&self) -> bool {
        self.last != Some(b' ')
    }
}

/// Whether `state` is one where a phrase ends (or none can any more).
fn stops(automaton: &DFA, state: StateID) -> bool {
    automaton.is_special(state) && (automaton.is_match(state) || automaton.is_dead(state))
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
            ("the world cup ", sentence("WORLD CUP")),
            ("the world cu", None),
            ("world cup", sentence("WORLD CUP")),
            ("the  world", None),
        ] {
            assert_eq!(discards.check(&text(written)), expected, "{written:?}");
        }
    }

    #[test]
    fn tokens_stand_in_for_missing_text() {
        let list = [discard("world cup", false, true, 1)];
        let discards = Discards::new(&list);
        let found = Some(Discarded::Sentence("WORLD CUP".into()));
        for (forms, expected) in [
            (&["the", "World", "Cup"][..], found.clone()),
            (&["World", "", "Cup"], found.clone()),
            (&["", "World", "Cup"], found.clone()),
            (&["World Cup", "final"], found.clone()),
            (&["World", "Cups"], None),
            (&["Worldcup"], None),
            (&[], None),
        ] {
            let mut sentence = Sentence::default();
            for form in forms {
                sentence.tokens.push(petrel_text::Token {
                    form: form.to_string(),
                    ..Default::default()
                });
            }
            assert_eq!(discards.check(&sentence), expected, "{forms:?}");
        }
    }
}
