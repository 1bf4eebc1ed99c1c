//! Sentence splitting and tokenization: story text into [`Sentence`]s of [`Token`]s.
//!
//! Tokenization ([`crate::tokenize`]) follows UD English EWT, whose conventions the tagger and
//! parser are trained on; sentence ends come from a learned model ([`crate::sentence_model`]),
//! with a blank line always ending a sentence and a news dateline or byline made a segment
//! of its own ([`crate::dateline`]).
//!
//! Every token's form is exactly the text its span covers, so `&text[span]` always gives the
//! form back. When a sentence ends in an abbreviation, its period is split off as the
//! sentence's final punctuation ("etc." → "etc" + "."), as EWT writes it.

use crate::sentence_model::SentenceModel;
use crate::tokenize::{tokenize, Word};
use crate::{Sentence, Span, SpareTokens, Token};

/// Splits story text into sentences of tokens whose spans are byte offsets into `text`.
///
/// ```
/// let text = "Dr. Ruto met Abiy. They didn't talk.";
/// let sentences = petrel_text::segment(text);
/// let forms: Vec<Vec<&str>> = sentences
///     .iter()
///     .map(|s| s.tokens.iter().map(|t| t.form.as_str()).collect())
///     .collect();
/// assert_eq!(forms, [vec!["Dr.", "Ruto", "met", "Abiy", "."], vec!["They", "did", "n't", "talk", "."]]);
/// ```
pub fn segment(text: &str) -> Vec<Sentence> {
    segment_reusing(text, &mut SpareTokens::default())
}

/// [`segment`], building the tokens on `spare` ones where it has them: the same sentences,
/// without allocating their strings anew (see [`SpareTokens`]).
pub fn segment_reusing(text: &str, spare: &mut SpareTokens) -> Vec<Sentence> {
    segment_into(text, SentenceModel::embedded(), spare)
}

/// [`segment`] with a given sentence-boundary model (for training and evaluating one).
pub fn segment_with(text: &str, model: &SentenceModel) -> Vec<Sentence> {
    segment_into(text, model, &mut SpareTokens::default())
}

fn segment_into(text: &str, model: &SentenceModel, spare: &mut SpareTokens) -> Vec<Sentence> {
    let words = tokenize(text);
    let ends = model.sentence_ends(text, &words);
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in ends.iter().enumerate().filter(|(_, end)| **end) {
        sentences.push(build(text, &words[start..=i], spare));
        start = i + 1;
    }
    sentences
}

/// The sentence made of `words` (not empty).
fn build(text: &str, words: &[Word], spare: &mut SpareTokens) -> Sentence {
    let mut tokens: Vec<Token> = Vec::with_capacity(words.len() + 1);
    let mut token =
        |start: usize, end: usize| spare.token(&text[start..end], Span::new(start, end));
    for word in words.iter() {
        tokens.push(token(word.start, word.end));
    }
    if let Some(last) = words.last() {
        let form = &text[last.start..last.end];
        let stem = form.strip_suffix('.').unwrap_or("");
        if stem.ends_with(char::is_alphanumeric) && !last.clitic {
            tokens.pop();
            tokens.push(token(last.start, last.end - 1));
            tokens.push(token(last.end - 1, last.end));
        }
    }
    let span = match (words.first(), words.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end),
        _ => Span::default(),
    };
    Sentence {
        id: None,
        text: Some(text[span.start..span.end].to_string()),
        span: Some(span),
        tokens,
    }
}
