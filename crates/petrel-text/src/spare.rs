//! Tokens kept from sentences that are done with, to be written over by the next ones.
//!
//! A token holds six strings (form, lemma, UPOS, XPOS, FEATS, relation). Made afresh for every
//! word of a stream of stories, each is an allocation when filled and a free when the sentence
//! is dropped, which cost more than tokenizing the word. A reused token keeps the capacity of
//! its strings, so once a few sentences have gone through, segmenting and annotating allocate
//! next to nothing per token.

use crate::{Sentence, Span, Token};

/// The most tokens kept: more than any one sentence needs, and little memory (a few hundred
/// kilobytes at most).
const MAX_SPARE: usize = 4096;

/// Tokens to reuse; see the module documentation.
#[derive(Default)]
pub struct SpareTokens {
    tokens: Vec<Token>,
}

impl SpareTokens {
    /// Keeps the tokens of a sentence that is no longer needed (up to a bound).
    pub fn recycle(&mut self, sentence: Sentence) {
        let room = MAX_SPARE.saturating_sub(self.tokens.len());
        self.tokens.extend(sentence.tokens.into_iter().take(room));
    }

    /// A token of `form` at `span` and nothing else: equal to a new one, built on a spare
    /// token's strings when there is one.
    pub(crate) fn token(&mut self, form: &str, span: Span) -> Token {
        let Some(mut token) = self.tokens.pop() else {
            return Token {
                form: form.to_string(),
                span: Some(span),
                ..Token::default()
            };
        };
        // Every field by name, so that a field added to `Token` cannot be left unreset.
        let Token {
            form: old_form,
            lemma,
            upos,
            xpos,
            feats,
            head,
            deprel,
            span: old_span,
        } = &mut token;
        old_form.clear();
        old_form.push_str(form);
        for s in [lemma, upos, xpos, feats, deprel] {
            s.clear();
        }
        *head = 0;
        *old_span = Some(span);
        token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_token_equals_a_new_one() {
        let mut spare = SpareTokens::default();
        let used = Token {
            form: "Kenya".into(),
            lemma: "Kenya".into(),
            upos: "PROPN".into(),
            xpos: "NNP".into(),
            feats: "Number=Sing".into(),
            head: 2,
            deprel: "nsubj".into(),
            span: Some(Span::new(0, 5)),
        };
        spare.recycle(Sentence {
            tokens: vec![used],
            ..Sentence::default()
        });
        let reused = spare.token("met", Span::new(6, 9));
        let fresh = SpareTokens::default().token("met", Span::new(6, 9));
        assert_eq!(reused, fresh);
        assert!(reused.lemma.capacity() >= 5, "the strings were kept");
    }

    #[test]
    fn the_spare_tokens_are_bounded() {
        let mut spare = SpareTokens::default();
        for _ in 0..3 {
            spare.recycle(Sentence {
                tokens: vec![Token::default(); MAX_SPARE / 2 + 1],
                ..Sentence::default()
            });
        }
        assert_eq!(spare.tokens.len(), MAX_SPARE);
    }
}
