//! The running text of a UD treebank, rebuilt from its CoNLL-U comments.
//!
//! A treebank file keeps each sentence's text in a `# text = ...` comment and marks document
//! and paragraph starts with `# newdoc` and `# newpar`. Joining the sentences of a paragraph
//! with a space, and paragraphs with a blank line, gives raw text on which a sentence splitter
//! and tokenizer can be trained and scored, with the gold sentences' byte spans in it.

use std::fmt;

use crate::Span;

/// Raw text and where its gold sentences are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UdText {
    pub text: String,
    /// One span per sentence, in order, covering exactly its `# text`.
    pub sentences: Vec<Span>,
}

/// A sentence without a `# text` comment, naming the line its words start on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingText {
    pub line: usize,
}

impl fmt::Display for MissingText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: sentence has no `# text` comment, so the raw text cannot be rebuilt",
            self.line
        )
    }
}

impl std::error::Error for MissingText {}

/// Rebuilds the raw text of a CoNLL-U document from its comments.
pub fn rebuild_ud_text(conllu: &str) -> Result<UdText, MissingText> {
    let mut out = UdText::default();
    let mut paragraph_break = false;
    let mut sentence_text: Option<&str> = None;
    let mut in_words = false;
    for (n, line) in conllu.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            in_words = false;
            sentence_text = None;
        } else if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if comment.starts_with("newdoc") || comment.starts_with("newpar") {
                paragraph_break = true;
            } else if let Some(value) = comment.strip_prefix("text") {
                if let Some(value) = value.trim_start().strip_prefix('=') {
                    sentence_text = Some(value.strip_prefix(' ').unwrap_or(value));
                }
            }
        } else if !in_words {
            in_words = true;
            let text = sentence_text.ok_or(MissingText { line: n + 1 })?;
            if !out.text.is_empty() {
                out.text
                    .push_str(if paragraph_break { "\n\n" } else { " " });
            }
            paragraph_break = false;
            let start = out.text.len();
            out.text.push_str(text);
            out.sentences.push(Span::new(start, out.text.len()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_sentences_and_paragraphs() {
        let conllu = "# newdoc id = d\n# newpar\n# text = Hi there.\n1\tHi\n2\tthere\n3\t.\n\n\
# text = Bye.\n1\tBye\n2\t.\n\n# newpar\n# text = New.\n1\tNew\n2\t.\n";
        let ud = rebuild_ud_text(conllu).unwrap();
        assert_eq!(ud.text, "Hi there. Bye.\n\nNew.");
        let texts: Vec<&str> = ud
            .sentences
            .iter()
            .map(|s| &ud.text[s.start..s.end])
            .collect();
        assert_eq!(texts, ["Hi there.", "Bye.", "New."]);
    }

    #[test]
    fn missing_text_names_the_line() {
        let conllu = "# text = A.\n1\tA\n\n# sent_id = 2\n1\tB\n";
        assert_eq!(rebuild_ud_text(conllu), Err(MissingText { line: 5 }));
    }
}
