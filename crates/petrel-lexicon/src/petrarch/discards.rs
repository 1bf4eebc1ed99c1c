//! The PETRARCH discard list: one phrase a line, `+` for a story-level discard, a trailing
//! `_` for a whole-word match.

use std::sync::Arc;

use super::source;
use crate::discards::{normalise_text, Discard};
use crate::{Diagnostic, Origin};

/// Reads a discard list, returning the discards and what was skipped.
pub fn read_discards(file: &str, text: &str) -> (Vec<Discard>, Vec<Diagnostic>) {
    let file: Arc<str> = Arc::from(file);
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for line in source::lines(text) {
        let origin = Origin {
            file: file.clone(),
            line: line.number,
        };
        let text = line.text.trim();
        let (story, phrase) = match text.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, text),
        };
        let whole_word = phrase.ends_with('_');
        let phrase = normalise_text(&phrase.replace('_', " "));
        if phrase.is_empty() {
            diags.push(Diagnostic {
                origin,
                message: "empty discard phrase".into(),
            });
            continue;
        }
        out.push(Discard {
            phrase,
            story,
            whole_word,
            origin,
        });
    }
    (out, diags)
}
