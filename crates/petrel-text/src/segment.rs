//! Sentence splitting and tokenization.
//!
//! PLACEHOLDER: splits on whitespace and terminal punctuation only, so that the rest of the
//! pipeline can be built against the final signature; being replaced by the real tokenizer.

use crate::{Sentence, Span, Token};

/// Splits story text into sentences of tokens whose spans are byte offsets into `text`.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let push_token = |tokens: &mut Vec<Token>, start: usize, end: usize| {
        tokens.push(Token {
            form: text[start..end].to_string(),
            span: Some(Span::new(start, end)),
            ..Token::default()
        });
    };
    let finish = |tokens: &mut Vec<Token>, sentences: &mut Vec<Sentence>| {
        if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
            let span = first.span.unwrap().join(last.span.unwrap());
            sentences.push(Sentence {
                id: None,
                text: Some(text[span.start..span.end].to_string()),
                span: Some(span),
                tokens: std::mem::take(tokens),
            });
        }
    };
    for (start, word) in text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
    {
        let trimmed = word.trim_end_matches(['.', ',', '!', '?', ';', ':']);
        let end = start + trimmed.len();
        if !trimmed.is_empty() {
            push_token(&mut tokens, start, end);
        }
        for (i, c) in word[trimmed.len()..].char_indices() {
            push_token(&mut tokens, end + i, end + i + c.len_utf8());
            if matches!(c, '.' | '!' | '?') {
                finish(&mut tokens, &mut sentences);
            }
        }
    }
    finish(&mut tokens, &mut sentences);
    sentences
}
