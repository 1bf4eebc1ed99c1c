//! Pre-parsed stories: CoNLL-U from any UD parser (UDPipe, Stanza, spaCy, `petrel parse`), so
//! that a team with its own parser can code its trees with petrel.
//!
//! A `# newdoc` comment starts a new story (its `id` names it); a file without one is one
//! story named after the file. The story's text is rebuilt from the sentences' `# text`
//! comments (or their words, when a sentence has none), one sentence a line, and every word's
//! span is found in that text, so output spans point into the rebuilt text, which each event
//! repeats in its `sentence` field. A malformed sentence is reported with its line and
//! skipped; the rest of its story is coded.

use std::io::{self, BufRead};

use jiff::civil::Date;
use petrel_syntax::conllu;
use petrel_text::{Sentence, Span};

use crate::stories::{InputError, Story, StoryResult};

/// Reads CoNLL-U stories one document at a time.
pub struct ConlluStories<R> {
    lines: io::Lines<R>,
    file: String,
    /// Name for a document without a `# newdoc id`.
    stem: String,
    date: Option<Date>,
    line: usize,
    /// The `# newdoc` line that ended the previous document (its id), if any.
    next_id: Option<String>,
    documents: usize,
    /// Results ready to hand out (a document's errors, then the document).
    ready: std::collections::VecDeque<StoryResult>,
    done: bool,
}

impl<R: BufRead> ConlluStories<R> {
    pub fn new(reader: R, file: impl Into<String>, stem: String, date: Option<Date>) -> Self {
        ConlluStories {
            lines: reader.lines(),
            file: file.into(),
            stem,
            date,
            line: 0,
            next_id: None,
            documents: 0,
            ready: Default::default(),
            done: false,
        }
    }

    /// Reads the next document's lines (up to the next `# newdoc` or the end) and queues its
    /// results.
    fn read_document(&mut self) {
        let id = self.next_id.take();
        let first_line = self.line + 1;
        let mut block = String::new();
        loop {
            let Some(line) = self.lines.next() else {
                self.done = true;
                break;
            };
            self.line += 1;
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    self.ready
                        .push_back(Err(self.error(self.line, e.to_string())));
                    self.done = true;
                    break;
                }
            };
            if let Some(doc) = newdoc(&line) {
                if !block.trim().is_empty() || id.is_some() {
                    self.next_id = Some(doc);
                    break;
                }
                self.next_id = Some(doc);
                return self.read_document();
            }
            block.push_str(&line);
            block.push('\n');
        }
        if block.trim().is_empty() {
            return;
        }
        self.documents += 1;
        let id = id.filter(|s| !s.is_empty()).unwrap_or_else(|| {
            if self.documents == 1 && self.done {
                self.stem.clone()
            } else {
                format!("{}-{}", self.stem, self.documents)
            }
        });
        let mut sentences = Vec::new();
        for result in conllu::Reader::new(block.as_bytes()) {
            match result {
                Ok(sentence) => sentences.push(sentence),
                Err(conllu::ConlluError::Malformed { line, message }) => {
                    let at = first_line + line - 1;
                    self.ready.push_back(Err(self.error(at, message)));
                }
                // Reading from memory cannot fail; kept for completeness of the match.
                Err(e) => self
                    .ready
                    .push_back(Err(self.error(first_line, e.to_string()))),
            }
        }
        if sentences.is_empty() {
            return;
        }
        self.ready
            .push_back(Ok(story_from_sentences(id, self.date, sentences)));
    }

    fn error(&self, line: usize, message: String) -> InputError {
        InputError {
            file: self.file.clone(),
            record: line,
            message: format!("CoNLL-U: {message}"),
        }
    }
}

impl<R: BufRead> Iterator for ConlluStories<R> {
    type Item = StoryResult;

    fn next(&mut self) -> Option<StoryResult> {
        while self.ready.is_empty() && !self.done {
            self.read_document();
        }
        self.ready.pop_front()
    }
}

/// The id of a `# newdoc` comment (empty when it has none).
fn newdoc(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix('#')?
        .trim_start()
        .strip_prefix("newdoc")?;
    let id = rest
        .trim()
        .strip_prefix("id")
        .and_then(|r| r.trim_start().strip_prefix('='))
        .map(|r| r.trim().to_string());
    Some(id.unwrap_or_default())
}

/// A story whose text is its sentences' texts, one a line, with every sentence and word span
/// set in it.
fn story_from_sentences(id: String, date: Option<Date>, mut sentences: Vec<Sentence>) -> Story {
    let mut text = String::new();
    for sentence in &mut sentences {
        let own = sentence.text.clone().unwrap_or_else(|| {
            let words: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
            words.join(" ")
        });
        let start = text.len();
        text.push_str(&own);
        sentence.span = Some(Span::new(start, text.len()));
        align(sentence, &own, start);
        text.push('\n');
    }
    Story {
        id,
        date,
        text,
        parsed: Some(sentences),
        ..Story::default()
    }
}

/// Sets each word's span by finding its form in the sentence text, left to right. A word
/// not found where expected (a syntactic word of a contraction written otherwise) keeps no
/// span; the search goes on after the last word found.
fn align(sentence: &mut Sentence, text: &str, offset: usize) {
    let mut at = 0;
    for token in &mut sentence.tokens {
        token.span = text[at..].find(token.form.as_str()).and_then(|i| {
            let gap = &text[at..at + i];
            // Only skip white space and characters no word covers (a contraction's rest).
            (gap.chars().filter(|c| !c.is_whitespace()).count() <= 2).then(|| {
                let start = at + i;
                at = start + token.form.len();
                Span::new(offset + start, offset + at)
            })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_DOCS: &str = "\
# newdoc id = first
# text = Kenya met Ethiopia.
1\tKenya\tKenya\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_
3\tEthiopia\tEthiopia\tPROPN\t_\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# newdoc id = second
1\tbad line
2\tx

# text = Gondor did n't.
1\tGondor\tGondor\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tdid\tdo\tVERB\t_\t_\t0\troot\t_\t_
3\tn't\tnot\tPART\t_\t_\t2\tadvmod\t_\t_
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
";

    #[test]
    fn documents_become_stories_and_bad_sentences_are_reported_with_their_line() {
        let results: Vec<StoryResult> =
            ConlluStories::new(TWO_DOCS.as_bytes(), "in.conllu", "in".into(), None).collect();
        assert_eq!(results.len(), 3, "{results:?}");
        let first = results[0].as_ref().unwrap();
        assert_eq!(first.id, "first");
        assert_eq!(first.text, "Kenya met Ethiopia.\n");
        let parsed = first.parsed.as_ref().unwrap();
        let met = parsed[0].tokens[1].span.unwrap();
        assert_eq!(met.slice(&first.text), Some("met"));

        let error = results[1].as_ref().unwrap_err();
        assert_eq!(error.record, 9);
        assert!(
            error.message.contains("10 tab-separated columns"),
            "{error}"
        );

        let second = results[2].as_ref().unwrap();
        assert_eq!(second.id, "second");
        let words = &second.parsed.as_ref().unwrap()[0].tokens;
        assert_eq!(words[2].span.unwrap().slice(&second.text), Some("n't"));
    }

    #[test]
    fn a_file_without_newdoc_is_one_story_named_after_it() {
        let body = TWO_DOCS
            .lines()
            .skip(1)
            .take(5)
            .collect::<Vec<_>>()
            .join("\n");
        let results: Vec<StoryResult> =
            ConlluStories::new(body.as_bytes(), "x.conllu", "x".into(), None).collect();
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].as_ref().unwrap().id, "x");
    }
}
