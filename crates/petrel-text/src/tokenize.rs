//! Tokenization: raw text into syntactic words with byte spans, following UD English EWT.
//!
//! Text is cut at whitespace into chunks, and each chunk is lexed left to right into pieces:
//! URLs and e-mail addresses whole; emoticons whole; words with their inner connectors
//! ("5.2", "1,000", "5:30", "11/28/2000", "O'Brien", "AT&T", "e-mail", "713-853-3989",
//! "U.S.", "Dr."); runs of sentence punctuation ("...", "?!"), of dashes ("--") and of a few
//! repeated symbols (">>") as one piece; any other symbol alone ("$", "(", "“", "-"). Words
//! that are contractions are then split into two syntactic words ([`crate::contraction`]).
//!
//! Invariant: the words of a chunk cover it exactly, in order, without overlap, so every
//! non-whitespace character of the text belongs to exactly one word.

use crate::abbreviation::{is_abbreviation, is_initialism};
use crate::contraction::split_point;

/// What separates a word from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Nothing: the word continues the same whitespace-delimited chunk.
    None,
    /// Spaces or tabs.
    Space,
    /// One line break.
    Newline,
    /// A blank line, or the start of the text: a paragraph break.
    Paragraph,
}

/// One syntactic word: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    /// The second half of a contraction ("n't" of "don't"): never separable from the first.
    pub clitic: bool,
}

/// A word longer than this is cut into pieces, so that pathological input (a megabyte with no
/// space) cannot make later stages quadratic or feature strings huge.
const MAX_WORD_BYTES: usize = 512;

/// Hyphenated prefixes that EWT keeps inside the word ("e-mail", "non-profit", "re-read");
/// other hyphens between letters are split off ("al" + "-" + "Qaeda").
const HYPHEN_PREFIXES: [&str; 21] = [
    "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "multi", "neo", "non",
    "over", "post", "pre", "pro", "psycho", "re", "semi", "socio", "sub",
];

/// Letters that stay on a number ("4th", "1990s"); any others are split off as a unit or
/// clock suffix ("5" + "pm", "375" + "mm", "70" + "k"), as EWT does.
const NUMBER_SUFFIXES: [&str; 5] = ["nd", "rd", "s", "st", "th"];

/// Splits `text` into words. Whitespace is anything `char::is_whitespace` accepts.
pub(crate) fn tokenize(text: &str) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 5 + 1);
    let mut newlines = 2; // the start of the text counts as a paragraph break
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                lex_chunk(text, start, i, gap_of(newlines), &mut words);
                newlines = 0;
            }
            if c == '\n' {
                newlines += 1;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(start) = chunk_start {
        lex_chunk(text, start, text.len(), gap_of(newlines), &mut words);
    }
    words
}

/// The gap before a chunk, from the line breaks in the whitespace before it.
fn gap_of(newlines: usize) -> Gap {
    match newlines {
        0 => Gap::Space,
        1 => Gap::Newline,
        _ => Gap::Paragraph,
    }
}

/// Lexes the chunk `text[start..end]` (no whitespace inside) into `words`.
fn lex_chunk(text: &str, start: usize, end: usize, gap: Gap, words: &mut Vec<Word>) {
    let chunk = &text[start..end];
    // A chunk that opens with a single quote quotes: its final "s'" closes the quote rather
    // than marking a plural possessive.
    let quoted = chunk.starts_with(['\'', '‘', '`']);
    let mut i = 0;
    while i < chunk.len() {
        let (len, is_word) = lex_piece(&chunk[i..], quoted);
        let gap = if i == 0 { gap } else { Gap::None };
        push_piece(start + i, &chunk[i..i + len], gap, is_word, words);
        i += len;
    }
}

/// Adds one lexed piece, splitting contractions and over-long pieces.
fn push_piece(start: usize, piece: &str, gap: Gap, is_word: bool, words: &mut Vec<Word>) {
    let word = |start, end, gap, clitic| Word {
        start,
        end,
        gap,
        clitic,
    };
    if piece.len() > MAX_WORD_BYTES {
        let mut from = 0;
        let mut gap = gap;
        while from < piece.len() {
            let mut to = (from + MAX_WORD_BYTES).min(piece.len());
            while !piece.is_char_boundary(to) {
                to -= 1;
            }
            words.push(word(start + from, start + to, gap, false));
            gap = Gap::None;
            from = to;
        }
        return;
    }
    match is_word.then(|| split_point(piece)).flatten() {
        Some(at) => {
            words.push(word(start, start + at, gap, false));
            words.push(word(start + at, start + piece.len(), Gap::None, true));
        }
        None => words.push(word(start, start + piece.len(), gap, false)),
    }
}

/// The length in bytes of the piece at the start of `rest`, and whether it is a word (rather
/// than punctuation, a symbol, a URL or an emoticon).
fn lex_piece(rest: &str, quoted: bool) -> (usize, bool) {
    if let Some(len) = url_len(rest).or_else(|| email_len(rest)) {
        return (len, false);
    }
    if let Some(len) = emoticon_len(rest) {
        return (len, false);
    }
    let c = first_char(rest);
    if is_word_char(c) {
        return (word_len(rest, quoted), true);
    }
    (punct_len(rest), false)
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

/// Combining marks, joiners and variation selectors: they belong to the character before.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// A URL from its scheme or "www." to the end of the chunk, less trailing punctuation.
fn url_len(rest: &str) -> Option<usize> {
    let is_url = ["http://", "https://", "ftp://", "www.", "mailto:"]
        .iter()
        .any(|scheme| {
            rest.as_bytes()
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
        });
    if !is_url {
        return None;
    }
    let len = trim_trailing(rest);
    (len > 4).then_some(len)
}

/// The length of `s` without trailing punctuation that belongs to the sentence, not the
/// address: ".,;:!?", quotes, and closing brackets that the address did not open.
fn trim_trailing(s: &str) -> usize {
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        let unbalanced = |open: char| !s[..end].contains(open);
        let trailing = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '»' => true,
            ')' => unbalanced('('),
            ']' => unbalanced('['),
            '}' => unbalanced('{'),
            '>' => unbalanced('<'),
            _ => false,
        };
        if !trailing {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// An e-mail address, `local@domain.tld`, at the start of `rest`. The local part is bounded
/// (64 bytes, as in RFC 5321) so that a long chunk is not rescanned at every piece.
fn email_len(rest: &str) -> Option<usize> {
    let at = rest
        .bytes()
        .take(65)
        .take_while(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b))
        .count();
    if at == 0 || rest.as_bytes().get(at) != Some(&b'@') {
        return None;
    }
    let domain = &rest[at + 1..];
    let domain_len = domain
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.')
        .count();
    let domain = domain[..domain_len].trim_end_matches('.');
    let labels: Vec<&str> = domain.split('.').collect();
    (labels.len() >= 2 && labels.iter().all(|l| !l.is_empty())).then(|| at + 1 + domain.len())
}

/// Emoticons EWT keeps whole (":)", ";-)", ":D"), when not followed by a letter or digit.
fn emoticon_len(rest: &str) -> Option<usize> {
    const FACES: [&str; 15] = [
        ":-)", ":-(", ";-)", ":-D", ":-P", ":'(", ":)", ":(", ";)", ":D", ":P", ":p", "=)", "<3",
        "^_^",
    ];
    // Every face starts with one of these: most pieces are ruled out by their first byte.
    if !rest.starts_with([':', ';', '=', '<', '^']) {
        return None;
    }
    let face = FACES.iter().find(|face| rest.starts_with(**face))?;
    let after = rest[face.len()..].chars().next();
    (!after.is_some_and(char::is_alphanumeric)).then_some(face.len())
}

/// The length of the word starting at `rest` (whose first character is a word character).
/// `quoted`: the chunk opened with a single quote.
fn word_len(rest: &str, quoted: bool) -> usize {
    if let Some(len) = phone_len(rest) {
        return len;
    }
    let numeric = first_char(rest).is_ascii_digit();
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if is_word_char(c) {
            let after_digit = ends_with_digit(&rest[..end]);
            if numeric && c.is_alphabetic() && after_digit && !number_suffix(&rest[j..]) {
                break;
            }
            end = j + c.len_utf8();
            continue;
        }
        if matches!(c, '\'' | '’')
            && !quoted
            && plural_possessive(&rest[..end], &rest[j + c.len_utf8()..])
        {
            end = j + c.len_utf8();
            break;
        }
        let Some(&(_, next)) = chars.peek() else {
            break;
        };
        let word = &rest[..end];
        let joins = match c {
            '.' => joins_period(word, &rest[j + 1..]),
            ',' => ends_with_digit(word) && thousands(&rest[j + 1..]),
            ':' | '/' => ends_with_digit(word) && next.is_ascii_digit(),
            '-' | '‐' => next.is_alphanumeric() && joins_hyphen(word),
            '\'' | '’' | '`' => next.is_alphabetic() && word.ends_with(char::is_alphanumeric),
            '&' => next.is_uppercase() && word.ends_with(char::is_uppercase),
            _ => false,
        };
        if !joins {
            break;
        }
        end = j + c.len_utf8();
    }
    // The period of an abbreviation or initialism ("Dr.", "U.S.") belongs to it, unless it
    // starts an ellipsis ("etc..."); of two periods, the first ("Inc.." → "Inc." + ".").
    let word = &rest[..end];
    let periods = rest[end..].bytes().take_while(|&b| b == b'.').count();
    if (periods == 1 || periods == 2) && (is_initialism(word) || is_abbreviation(word)) {
        end += 1;
    }
    end
}

fn ends_with_digit(word: &str) -> bool {
    word.ends_with(|c: char| c.is_ascii_digit())
}

/// Exactly three digits next ("1,000" but not "1,2").
fn thousands(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// Whether the letters starting `after` (which follow a number) stay on it: "4th", "1990s".
fn number_suffix(after: &str) -> bool {
    let len = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    let letters = &after[..len];
    NUMBER_SUFFIXES
        .iter()
        .any(|s| letters.eq_ignore_ascii_case(s))
}

/// "parents'": an apostrophe after a word ending in "s", with no letter or digit after it.
fn plural_possessive(word: &str, after: &str) -> bool {
    word.len() > 1
        && word.ends_with(['s', 'S'])
        && word.chars().all(char::is_alphabetic)
        && !after.starts_with(char::is_alphanumeric)
}

/// A period inside a word joins when it separates digits ("5.2"), letters of an initialism
/// ("U.S"), or a lower-case continuation such as a domain or file name ("amazon.com").
fn joins_period(word: &str, after: &str) -> bool {
    let next: &str = &after[..after
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(after.len(), |(i, _)| i)];
    if next.is_empty() {
        return false;
    }
    let last_part = word.rsplit('.').next().unwrap_or(word);
    if ends_with_digit(word) && next.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if last_part.chars().count() == 1 && next.chars().count() == 1 {
        return last_part.chars().all(char::is_alphabetic) && next.chars().all(char::is_alphabetic);
    }
    !next.chars().any(char::is_uppercase)
}

/// Whether a hyphen after `word` stays inside it: after a known prefix ("non-").
fn joins_hyphen(word: &str) -> bool {
    if word.len() > 7 {
        return false;
    }
    let lower = word.to_lowercase();
    HYPHEN_PREFIXES.contains(&lower.as_str())
}

/// Telephone-like numbers kept whole: "713-853-3989", "1-800-991-9019", "345-9945".
fn phone_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut groups = Vec::new();
    let mut i = 0;
    loop {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            break;
        }
        groups.push(digits);
        i += digits;
        if b.get(i) == Some(&b'-') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    if b.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    // Three groups or more; or an exchange or extension then four digits ("345-9945",
    // "3-5213"), which a range of years ("1969-1970") or of small numbers ("3-4") is not.
    let phone = groups.len() >= 3 || (groups.len() == 2 && groups[0] <= 3 && groups[1] == 4);
    phone.then_some(i)
}

/// Punctuation and symbols: a run of ".!?" (an ellipsis, "?!"), a run of one repeatable symbol
/// ("--", ">>", "***"), a doubled quote ("``", "''"), or one character with any combining
/// marks after it.
fn punct_len(rest: &str) -> usize {
    let c = first_char(rest);
    let run_of = |pred: &dyn Fn(char) -> bool| {
        rest.char_indices()
            .find(|&(_, d)| !pred(d))
            .map_or(rest.len(), |(i, _)| i)
    };
    match c {
        '.' | '!' | '?' => run_of(&|d| matches!(d, '.' | '!' | '?')),
        '-' | '=' | '*' | '_' | '~' | '>' | '<' | '#' | '+' | '$' | '—' | '–' => {
            run_of(&|d| d == c)
        }
        '`' | '\'' if rest[1..].starts_with(c) => 2,
        _ => {
            c.len_utf8()
                + rest[c.len_utf8()..]
                    .char_indices()
                    .find(|&(_, d)| !is_combining(d))
                    .map_or(rest.len() - c.len_utf8(), |(i, _)| i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|w| &text[w.start..w.end])
            .collect()
    }

    #[test]
    fn splits_punctuation_and_keeps_inner_connectors() {
        assert_eq!(
            forms("He paid $5.2 million (1,000 shares) at 5:30pm on 11/28/2000."),
            [
                "He",
                "paid",
                "$",
                "5.2",
                "million",
                "(",
                "1,000",
                "shares",
                ")",
                "at",
                "5:30",
                "pm",
                "on",
                "11/28/2000",
                "."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initialisms() {
        assert_eq!(
            forms("Gen. Smith and Dr. Jones of the U.S. met Mr. W. Bush, etc..."),
            [
                "Gen.", "Smith", "and", "Dr.", "Jones", "of", "the", "U.S.", "met", "Mr.", "W.",
                "Bush", ",", "etc", "..."
            ]
        );
    }

    #[test]
    fn splits_contractions_into_words() {
        assert_eq!(
            forms("I can't, won't and don’t; Bush's gonna"),
            [
                "I", "ca", "n't", ",", "wo", "n't", "and", "do", "n’t", ";", "Bush", "'s", "gon",
                "na"
            ]
        );
        let words = tokenize("can't");
        assert!(words[1].clitic && !words[0].clitic);
    }

    #[test]
    fn hyphens_split_except_after_prefixes_and_in_phone_numbers() {
        assert_eq!(
            forms("al-Qaeda's e-mail non-profit 713-853-3989 3-4"),
            [
                "al",
                "-",
                "Qaeda",
                "'s",
                "e-mail",
                "non-profit",
                "713-853-3989",
                "3",
                "-",
                "4"
            ]
        );
    }

    #[test]
    fn urls_emails_and_emoticons_stay_whole() {
        assert_eq!(
            forms("See http://www.x.com/a?b=1, mail jo.e@mail.example.org. :)"),
            [
                "See",
                "http://www.x.com/a?b=1",
                ",",
                "mail",
                "jo.e@mail.example.org",
                ".",
                ":)"
            ]
        );
    }

    #[test]
    fn quotes_dashes_and_ellipses() {
        assert_eq!(
            forms("“Yes” -- he said—‘no’... ``ok''"),
            [
                "“", "Yes", "”", "--", "he", "said", "—", "‘", "no", "’", "...", "``", "ok", "''"
            ]
        );
    }

    #[test]
    fn numbers_keep_ordinals_and_lose_units() {
        assert_eq!(
            forms("the 4th and 1990s, 375mm, 70k at 9am; the 70's; call 3-5213 or 345-9945"),
            [
                "the", "4th", "and", "1990s", ",", "375", "mm", ",", "70", "k", "at", "9", "am",
                ";", "the", "70's", ";", "call", "3-5213", "or", "345-9945"
            ]
        );
    }

    #[test]
    fn plural_possessives_unless_quoted() {
        assert_eq!(
            forms("the parents' home, 'cats' and CCNG, Inc.. On"),
            [
                "the", "parents", "'", "home", ",", "'", "cats", "'", "and", "CCNG", ",", "Inc.",
                ".", "On"
            ]
        );
        assert!(tokenize("parents'")[1].clitic);
    }

    #[test]
    fn all_caps_headline() {
        assert_eq!(
            forms("U.S. SAYS IRAN WON'T TALK"),
            ["U.S.", "SAYS", "IRAN", "WO", "N'T", "TALK"]
        );
    }

    #[test]
    fn gaps_record_paragraph_breaks() {
        let gaps: Vec<Gap> = tokenize("a b\nc\n\nd").iter().map(|w| w.gap).collect();
        assert_eq!(
            gaps,
            [Gap::Paragraph, Gap::Space, Gap::Newline, Gap::Paragraph]
        );
    }

    #[test]
    fn overlong_words_are_cut() {
        let text = "é".repeat(2000);
        let words = tokenize(&text);
        assert!(words.iter().all(|w| w.end - w.start <= MAX_WORD_BYTES));
        assert_eq!(words.last().map(|w| w.end), Some(text.len()));
    }
}
