//! The parts of a story's text that are not reporting: datelines, bylines, author biographies,
//! photo captions and publishers' boilerplate.
//!
//! Events must be coded from what a story reports, not from "By Jane Smith", "Jane Doe is a
//! senior fellow at Chatham House" or "Kenyan President William Ruto speaks in Nairobi.
//! REUTERS/Monicah Mwangi". [`non_body`] finds those regions so the pipeline can skip them.
//!
//! The text is read line by line where it has line breaks; material that starts a short line
//! (up to 400 bytes) takes the whole line. Within long lines, and in stories that are a single
//! line, it is read sentence by sentence, and material takes only its own sentence (credits and
//! boilerplate near the end of the line take the rest of it). Bracketed captions and credits
//! ("(Photo by ...)", "(Reporting by ...)", "[Image: ...]") are found anywhere.
//!
//! Each kind of material is recognised by how it starts (or, for photo credits, how it ends),
//! never by words that reporting also uses in the middle of a sentence: "Ruto said by telephone",
//! "a photo opportunity" and "the news editor said" stay body. Biographies of the "Jane Doe is a
//! senior fellow at ..." kind are looked for only in the last [`BIO_ZONE`] bytes.

mod bio;
mod boilerplate;
mod captions;
mod credits;
mod dateline;
mod lines;

use jiff::civil::Date;
use petrel_text::Span;

use crate::dates::{find_dates, Precision};
use lines::Line;

/// What a non-body region of a story is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// "LAGOS, March 4 (Reuters) -", up to and including the dash.
    Dateline,
    /// "By Jane Smith", "Reporting by ...; Editing by ...".
    Byline,
    /// "Jane Doe is a senior fellow at ...", "Follow her on Twitter @...".
    AuthorBio,
    /// "Photo: ...", "(AP Photo/...)", "... REUTERS/Jane Doe".
    Caption,
    /// "Sign up for our newsletter", "© 2025 ...", "Advertisement".
    Boilerplate,
}

/// Biographies of the "Name is a role at ..." kind are looked for this near the end of a story,
/// in bytes.
pub const BIO_ZONE: usize = 1200;

/// How many non-empty lines at the start of a story may hold the dateline (a headline or byline
/// may come first).
const DATELINE_LINES: usize = 3;

/// The regions of `text` that are not reporting and must not be coded, with what they are.
///
/// Spans are byte ranges into `text` on character boundaries, sorted and never overlapping.
///
/// ```
/// use petrel::story::{non_body, Part};
///
/// let text = "NAIROBI, 4 March (Reuters) - Ruto met Abiy on Monday.\n\
///             (Reporting by Jane Doe; Editing by John Smith)";
/// let parts: Vec<_> = non_body(text)
///     .into_iter()
///     .map(|(span, part)| (&text[span.start..span.end], part))
///     .collect();
/// assert_eq!(
///     parts,
///     vec![
///         ("NAIROBI, 4 March (Reuters) -", Part::Dateline),
///         ("(Reporting by Jane Doe; Editing by John Smith)", Part::Byline),
///     ]
/// );
/// ```
pub fn non_body(text: &str) -> Vec<(Span, Part)> {
    let lines = lines::lines(text);
    let bio_zone = text.len().saturating_sub(BIO_ZONE);
    let mut found = Vec::new();
    for line in &lines {
        classify_line(*line, bio_zone, &mut found);
    }
    if let Some(span) = dateline(&lines) {
        found.push((span, Part::Dateline));
    }
    tidy(found)
}

/// The date of the story's dateline ("LAGOS, March 4 (Reuters) -"), resolved against
/// `story_date` (a dateline without a year is the most recent such day on or before it).
pub fn dateline_date(text: &str, story_date: Date) -> Option<Date> {
    let span = dateline(&lines::lines(text))?;
    find_dates(&text[span.start..span.end], story_date)
        .into_iter()
        .find(|m| m.precision == Precision::Day)
        .map(|m| m.date)
}

/// The dateline at the start of one of the first few lines.
fn dateline(lines: &[Line]) -> Option<Span> {
    lines.iter().take(DATELINE_LINES).find_map(|line| {
        let len = dateline::length(line.text)?;
        Some(Span::new(line.start, line.start + len))
    })
}

/// Adds the non-body regions of one line to `found`.
fn classify_line(line: Line, bio_zone: usize, found: &mut Vec<(Span, Part)>) {
    let text = line.text;
    let span = |start: usize, end: usize| Span::new(line.start + start, line.start + end);
    if credits::is_byline(text) {
        found.push((span(0, text.len()), Part::Byline));
        return;
    }
    let starts = lines::chunk_starts(text);
    let mut covered = 0;
    for &start in &starts {
        if start < covered {
            continue;
        }
        let chunk = &text[start..];
        let near_end = line.start + start >= bio_zone;
        let part = if credits::is_credit(chunk) {
            Part::Byline
        } else if captions::is_caption(chunk) {
            Part::Caption
        } else if boilerplate::is_boilerplate(chunk) {
            Part::Boilerplate
        } else if bio::is_bio(chunk, near_end) {
            Part::AuthorBio
        } else {
            continue;
        };
        covered = lines::extent(text, start);
        found.push((span(start, covered), part));
    }
    for (open, close) in brackets(text) {
        let inside = &text[open + 1..close];
        let part = if credits::is_credit(inside) {
            Part::Byline
        } else if captions::is_caption(inside) {
            Part::Caption
        } else {
            continue;
        };
        found.push((span(open, close + 1), part));
    }
    if let Some(credit) = captions::credit_at_end(text) {
        let start = if text.len() <= lines::SHORT_LINE {
            0
        } else {
            // The description the credit belongs to is the sentence before it.
            starts.iter().copied().rfind(|&s| s < credit).unwrap_or(0)
        };
        found.push((span(start, text.len()), Part::Caption));
    }
}

/// The longest bracketed aside looked at, in bytes.
const BRACKET_MAX: usize = 300;

/// Byte offsets of "(" ... ")" and "[" ... "]" pairs in `line`, innermost first when nested,
/// no longer than [`BRACKET_MAX`].
fn brackets(line: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Vec<(usize, u8)> = Vec::new();
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'(' | b'[' => open.push((i, b)),
            b')' | b']' => {
                let wanted = if b == b')' { b'(' } else { b'[' };
                if let Some(k) = open.iter().rposition(|&(_, o)| o == wanted) {
                    let (start, _) = open[k];
                    open.truncate(k);
                    if i - start <= BRACKET_MAX {
                        pairs.push((start, i));
                    }
                }
            }
            _ => {}
        }
    }
    pairs
}

/// Sorts regions by start and drops any that overlap one already kept (the earlier, then the
/// longer, wins).
fn tidy(mut found: Vec<(Span, Part)>) -> Vec<(Span, Part)> {
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut kept: Vec<(Span, Part)> = Vec::with_capacity(found.len());
    for (span, part) in found {
        let free = !matches!(kept.last(), Some((last, _)) if span.start < last.end);
        if free && span.start < span.end {
            kept.push((span, part));
        }
    }
    kept
}

#[cfg(test)]
mod tests;
