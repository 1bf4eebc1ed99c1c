//! Lines and sentence-like chunks of a story, as byte ranges.
//!
//! Non-body material is found line by line where the text has line breaks and chunk by chunk
//! (a chunk starts after ".", "!" or "?" and whitespace) where a paragraph, or the whole story,
//! is one line.

/// A non-empty line with surrounding whitespace trimmed off, and where it starts in the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
}

/// The non-empty lines of `text`, trimmed.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let left = raw.trim_start();
        let trimmed = left.trim_end();
        if !trimmed.is_empty() {
            lines.push(Line {
                start: start + (raw.len() - left.len()),
                text: trimmed,
            });
        }
        start += raw.len() + 1;
    }
    lines
}

/// Characters that may close a sentence after its final stop: quotes and brackets.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}')
}

/// Words that end in a period without ending a sentence ("Dr. Amina Yusuf", "Nov. 3").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether the "." at byte `dot` of `line` closes an abbreviation or an initial ("J.", "U.S.")
/// rather than a sentence.
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let word_start = line[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &line[word_start..dot];
    let last = word.rsplit('.').next().unwrap_or(word);
    last.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Byte offsets in `line` where sentence-like chunks start: 0, and after each ".", "!" or "?"
/// (with any closing quotes or brackets) followed by whitespace and a character that is not a
/// lower-case letter.
pub(crate) fn chunk_starts(line: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if !matches!(b, b'.' | b'!' | b'?') || (b == b'.' && is_abbreviation(line, i - 1)) {
            continue;
        }
        let after_closers = line[i..].trim_start_matches(is_closer);
        let next = after_closers.trim_start();
        i = line.len() - after_closers.len();
        let spaced = next.len() < after_closers.len();
        if spaced && next.chars().next().is_some_and(|c| !c.is_lowercase()) {
            starts.push(line.len() - next.len());
        }
    }
    starts
}

/// Where the chunk starting at `from` ends: after its first ".", "!" or "?" (and closers) that is
/// followed by whitespace or the end of the line, or at the end of the line.
pub(crate) fn chunk_end(line: &str, from: usize) -> usize {
    let mut chars = line[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') || (c == '.' && is_abbreviation(line, from + i)) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some((j, closer)) = chars.next_if(|&(_, c)| is_closer(c)) {
            end = j + closer.len_utf8();
        }
        match chars.peek() {
            None => return line.len(),
            Some(&(_, next)) if next.is_whitespace() => return from + end,
            Some(_) => {}
        }
    }
    line.len()
}

/// Lines up to this long are taken whole once they start with non-body material; longer ones
/// (a paragraph, a story on one line) give up only the chunk that does.
pub(crate) const SHORT_LINE: usize = 400;

/// How far non-body material starting at `from` reaches: the rest of a short line, or the chunk.
pub(crate) fn extent(line: &str, from: usize) -> usize {
    if line.len() - from <= SHORT_LINE {
        line.len()
    } else {
        chunk_end(line, from)
    }
}

/// Whether `text` starts with one of `phrases`, ignoring ASCII case, and the phrase ends at a
/// word boundary (unless it ends in punctuation itself, like "Photo:").
pub(crate) fn starts_with_any(text: &str, phrases: &[&str]) -> bool {
    let Some(first) = text.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    // Comparing first bytes before whole phrases keeps the many lead lists cheap to try.
    phrases
        .iter()
        .any(|phrase| phrase.as_bytes()[0] == first && starts_with_phrase(text, phrase))
}

pub(crate) fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    let Some(head) = text.get(..phrase.len()) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(phrase) {
        return false;
    }
    let ends_in_word = phrase.chars().last().is_some_and(char::is_alphanumeric);
    !ends_in_word || !text[phrase.len()..].starts_with(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_keep_their_offsets() {
        let text = "  One.\r\n\n\tTwo  \nThree";
        let got: Vec<_> = lines(text).iter().map(|l| (l.start, l.text)).collect();
        assert_eq!(got, vec![(2, "One."), (10, "Two"), (16, "Three")]);
        for line in lines(text) {
            assert_eq!(&text[line.start..line.start + line.text.len()], line.text);
        }
    }

    #[test]
    fn chunks_start_after_sentence_stops() {
        let line = "He left. \"Go.\" She said. then more? (Reporting by X)";
        let starts: Vec<_> = chunk_starts(line).iter().map(|&s| &line[s..]).collect();
        assert_eq!(
            starts,
            vec![
                line,
                "\"Go.\" She said. then more? (Reporting by X)",
                "She said. then more? (Reporting by X)",
                "(Reporting by X)"
            ]
        );
        assert_eq!(&line[..chunk_end(line, 0)], "He left.");
        assert_eq!(chunk_end(line, 9), 14);
        assert_eq!(chunk_end("No stop", 0), 7);
        assert_eq!(chunk_end("U.S. aid", 0), 8);
        assert_eq!(chunk_end("Dr. Amina Yusuf left. Then", 0), 21);
        assert_eq!(chunk_starts("Gen. Smith met J. Doe. Talks"), vec![0, 23]);
    }

    #[test]
    fn phrases_end_at_word_boundaries() {
        assert!(starts_with_phrase("Photo: Ruto", "photo:"));
        assert!(starts_with_phrase("Related", "related"));
        assert!(!starts_with_phrase("Relatedness", "related"));
        assert!(!starts_with_phrase("Ph", "photo:"));
        assert!(!starts_with_phrase("Phé", "photo:"));
    }
}
