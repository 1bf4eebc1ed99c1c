//! The shared data model: [`Sentence`] and [`Token`], following Universal Dependencies.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a story's text.
///
/// Serialised as a two-element array, `[start, end]`, as the output contract requires.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers, if it lies on character boundaries inside `text`.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Span {
        Span::new(start, end)
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> [usize; 2] {
        [span.start, span.end]
    }
}

/// One syntactic word, with the Universal Dependencies annotation a parser gives it.
///
/// Tags are plain strings in UD conventions (`upos` = `"VERB"`, `deprel` = `"nsubj:pass"`), so
/// that any UD parser's output can be read without a translation table. An empty string means
/// "not annotated" (CoNLL-U's `_`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// Morphological features in CoNLL-U form, `Number=Sing|Tense=Past`, sorted by name.
    pub feats: String,
    /// 1-based index of the head token within the sentence; 0 for the root.
    pub head: usize,
    pub deprel: String,
    /// Where the token is in the story text, when known (a pre-parsed CoNLL-U file without
    /// offsets has none).
    pub span: Option<Span>,
}

impl Token {
    /// The value of one morphological feature, if present: `feat("Tense")` → `Some("Past")`.
    pub fn feat(&self, name: &str) -> Option<&str> {
        self.feats.split('|').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then_some(value)
        })
    }

    /// The relation without its subtype: `nsubj:pass` → `nsubj`.
    pub fn base_deprel(&self) -> &str {
        self.deprel.split(':').next().unwrap_or("")
    }
}

/// A sentence: its tokens in order, and where it sits in the story.
///
/// Invariant: `tokens[i].head` is 0 or names another token by its 1-based position, so the
/// token at position `h` is `tokens[h - 1]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's identifier (`# sent_id` in CoNLL-U), if it has one.
    pub id: Option<String>,
    /// The sentence text (`# text`), if known.
    pub text: Option<String>,
    /// Where the sentence is in the story text, if known.
    pub span: Option<Span>,
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The token at a 1-based position (as used by `head`), or `None` for 0 or out of range.
    pub fn token(&self, position: usize) -> Option<&Token> {
        position.checked_sub(1).and_then(|i| self.tokens.get(i))
    }

    /// 1-based positions of the tokens whose head is `position`, in sentence order.
    pub fn children(&self, position: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == position)
            .map(|(i, _)| i + 1)
    }
}
