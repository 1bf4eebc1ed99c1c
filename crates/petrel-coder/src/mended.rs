//! The copy of a sentence that [`crate::repair`] mends, reused from sentence to sentence.
//!
//! Few sentences need mending, but each copy made afresh allocated every string of every
//! token and freed them again after coding: for the one sentence in forty mended, as much as
//! all the repair rules' checks on every sentence. A thread's copies are made one after
//! another, so each overwrites the strings of the one before.

use std::cell::RefCell;
use std::ops::Deref;

use petrel_text::{Sentence, Token};

thread_local! {
    /// The copy last dropped on this thread, for the next one to overwrite.
    static SPARE: RefCell<Option<Sentence>> = const { RefCell::new(None) };
    /// Tokens a copy had beyond the sentence it was made for, kept for a longer one: dropped
    /// and cloned anew, they cost six strings each.
    static EXTRA: RefCell<Vec<Token>> = const { RefCell::new(Vec::new()) };
}

/// A sentence as the coder reads it: the one given, or a mended copy of it.
pub enum Repaired<'s> {
    Given(&'s Sentence),
    Mended(Sentence),
}

impl Repaired<'_> {
    /// A copy of `sentence` to mend, made in the strings of the last copy dropped.
    pub fn copy(sentence: &Sentence) -> Sentence {
        let mut copy = SPARE
            .try_with(|spare| spare.borrow_mut().take())
            .ok()
            .flatten()
            .unwrap_or_default();
        let mended =
            EXTRA.try_with(|extra| overwrite(&mut copy, sentence, &mut extra.borrow_mut()));
        if mended.is_err() {
            // While the thread ends: no tokens to keep aside.
            overwrite(&mut copy, sentence, &mut Vec::new());
        }
        copy
    }
}

impl Deref for Repaired<'_> {
    type Target = Sentence;

    fn deref(&self) -> &Sentence {
        match self {
            Repaired::Given(sentence) => sentence,
            Repaired::Mended(sentence) => sentence,
        }
    }
}

impl Drop for Repaired<'_> {
    /// Hands a mended copy to the next one made on this thread.
    fn drop(&mut self) {
        if let Repaired::Mended(sentence) = self {
            let copy = std::mem::take(sentence);
            // A copy dropped while the thread itself ends is freed as usual.
            let _ = SPARE.try_with(|spare| *spare.borrow_mut() = Some(copy));
        }
    }
}

/// Makes `to` equal to `from`, reusing the strings `to` has and the tokens in `extra`, and
/// putting the tokens it has too many in `extra`.
fn overwrite(to: &mut Sentence, from: &Sentence, extra: &mut Vec<Token>) {
    // Taken apart field by field, so that a field added to either type must be copied here.
    let Sentence {
        id,
        text,
        span,
        tokens,
    } = from;
    to.id.clone_from(id);
    to.text.clone_from(text);
    to.span = *span;
    if to.tokens.len() > tokens.len() {
        extra.extend(to.tokens.drain(tokens.len()..));
    }
    while to.tokens.len() < tokens.len() {
        let Some(token) = extra.pop() else { break };
        to.tokens.push(token);
    }
    let kept = to.tokens.len();
    for (to, from) in to.tokens.iter_mut().zip(tokens) {
        let Token {
            form,
            lemma,
            upos,
            xpos,
            feats,
            head,
            deprel,
            span,
        } = from;
        to.form.clone_from(form);
        to.lemma.clone_from(lemma);
        to.upos.clone_from(upos);
        to.xpos.clone_from(xpos);
        to.feats.clone_from(feats);
        to.head = *head;
        to.deprel.clone_from(deprel);
        to.span = *span;
    }
    to.tokens.extend_from_slice(&tokens[kept..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(form: &str, head: usize, deprel: &str) -> Token {
        Token {
            form: form.into(),
            lemma: form.to_lowercase(),
            upos: "NOUN".into(),
            xpos: "NN".into(),
            feats: "Number=Sing".into(),
            head,
            deprel: deprel.into(),
            span: None,
        }
    }

    fn sentence(words: &[&str]) -> Sentence {
        Sentence {
            id: Some(words.join("-")),
            text: Some(words.join(" ")),
            span: None,
            tokens: words
                .iter()
                .enumerate()
                .map(|(i, w)| token(w, i, if i == 0 { "root" } else { "dep" }))
                .collect(),
        }
    }

    #[test]
    fn copies_equal_their_sentence_whatever_came_before() {
        let long = sentence(&["Arnor", "condemned", "the", "raids", "on", "Gondor"]);
        let short = sentence(&["Rohan", "wept"]);
        for s in [&long, &short, &short, &long, &Sentence::default(), &long] {
            let copy = Repaired::Mended(Repaired::copy(s));
            assert_eq!(&*copy, s);
        }
    }
}
