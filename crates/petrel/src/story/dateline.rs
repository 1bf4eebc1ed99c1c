//! Datelines: "LAGOS, March 4 (Reuters) -", "KYIV, Ukraine, Nov. 3 (AFP) --", "WASHINGTON (AP)
//! —", "CEBU CITY: --", "GENEVA —", "Lagos (Reuters) -".
//!
//! A dateline is a place, optional comma-separated region and date, an optional agency in
//! brackets and an optional colon, then a dash between spaces. The place must be in capitals
//! (at least three letters when nothing else marks it as a dateline), or the agency must be
//! there: "Kenya's president - who..." and "UN - the body..." are not datelines.

use crate::dates::names;

/// The longest dateline, in bytes.
const MAX_LEN: usize = 160;

/// The length in bytes of the dateline that starts `line`, up to and including its dash.
pub(crate) fn length(line: &str) -> Option<usize> {
    let mut p = Parser { line, at: 0 };
    let capitals = p.capital_place();
    if capitals == 0 {
        // A place in ordinary case ("Lagos (Reuters) -"), or none before the agency; either
        // way the agency must follow.
        p.titled_place();
    }
    let mut dated = false;
    let mut regions = 0;
    while p.eat(",") {
        let group = p.group();
        if is_date_group(group) || (dated && is_year(group)) {
            dated = true;
        } else if !dated && regions < 2 && is_region(group) {
            regions += 1;
        } else {
            return None;
        }
    }
    let mut ready = p.skip_spaces();
    let agency = p.agency();
    if agency {
        p.skip_spaces();
        ready = true;
    }
    if p.eat(":") {
        p.skip_spaces();
        ready = true;
    }
    if !ready {
        return None;
    }
    let end = p.dash()?;
    let marked = agency || (capitals >= 2 && (dated || capitals >= 3));
    (end <= MAX_LEN && marked).then_some(end)
}

struct Parser<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.line[self.at..]
    }

    /// "LAGOS", "CEBU CITY", "ST. PETERSBURG", "PORT-AU-PRINCE": capitals, spaces, ".", "-"
    /// and apostrophes, ending at a word boundary. Returns the number of letters.
    fn capital_place(&mut self) -> usize {
        let mut letters = 0;
        let mut end = 0;
        let rest = self.rest();
        for (i, c) in rest.char_indices() {
            if c == ' ' && starts_with_dash(rest[i..].trim_start()) {
                break;
            }
            if c.is_uppercase() {
                letters += 1;
            } else if c.is_alphanumeric() {
                return 0;
            } else if !matches!(c, ' ' | '.' | '-' | '\'' | '\u{2019}') {
                break;
            }
            end = i + c.len_utf8();
        }
        if letters < 2 {
            return 0;
        }
        let place = rest[..end].trim_end_matches([' ', '-']);
        self.at += place.len();
        letters
    }

    /// "Lagos", "Kyiv", "New York": up to four capitalised words.
    fn titled_place(&mut self) {
        let mut end = 0;
        for (words, (i, word)) in split_words(self.rest()).enumerate() {
            if words == 4 || !word.starts_with(char::is_uppercase) {
                break;
            }
            if !word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            {
                break;
            }
            end = i + word.len();
        }
        self.at += end;
    }

    /// Text up to the next ",", "(", ":" or spaced dash, trimmed.
    fn group(&mut self) -> &'a str {
        let rest = self.rest();
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if matches!(c, ',' | '(' | ':')
                || (c.is_whitespace() && starts_with_dash(rest[i..].trim_start()))
            {
                end = i;
                break;
            }
        }
        self.at += end;
        rest[..end].trim()
    }

    /// "(Reuters)", "(AP)", "(Xinhua)": a short capitalised name in brackets.
    fn agency(&mut self) -> bool {
        let rest = self.rest();
        let Some(inner) = rest.strip_prefix('(') else {
            return false;
        };
        let Some(close) = inner.find(')') else {
            return false;
        };
        let name = &inner[..close];
        let ok = (2..=40).contains(&name.len())
            && name.starts_with(char::is_uppercase)
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '/' | '-' | '.' | '&' | '\''));
        if ok {
            self.at += close + 2;
        }
        ok
    }

    /// The dash ending a dateline, followed by whitespace or the end of the line; the offset just
    /// after it.
    fn dash(&mut self) -> Option<usize> {
        let rest = self.rest();
        let len = dash_len(rest)?;
        let after = &rest[len..];
        (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(self.at + len)
    }

    fn eat(&mut self, text: &str) -> bool {
        let found = self.rest().starts_with(text);
        if found {
            self.at += text.len();
        }
        found
    }

    /// Skips spaces; whether there were any.
    fn skip_spaces(&mut self) -> bool {
        let rest = self.rest();
        let skipped = rest.len() - rest.trim_start().len();
        self.at += skipped;
        skipped > 0
    }
}

fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .take_while(|(_, word)| !word.is_empty())
}

const DASHES: [&str; 5] = ["--", "-", "\u{2013}", "\u{2014}", "\u{2015}"];

fn dash_len(text: &str) -> Option<usize> {
    DASHES
        .iter()
        .find(|d| text.starts_with(*d))
        .map(|d| d.len())
}

fn starts_with_dash(text: &str) -> bool {
    dash_len(text)
        .is_some_and(|len| text[len..].is_empty() || text[len..].starts_with(char::is_whitespace))
}

/// "March 4", "4 March", "Nov. 3", "Oct 2", "MARCH 4": a month name and a day, maybe a year.
fn is_date_group(group: &str) -> bool {
    let mut month = false;
    let mut day = false;
    for word in group.split_whitespace() {
        let word = word.trim_end_matches('.');
        if names::month(word).is_some() {
            month = true;
        } else if (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
            || names::ordinal_day(word).is_some()
        {
            day = true;
        } else if !(word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())) {
            return false;
        }
    }
    month && day
}

/// "2025", after a date group: "WASHINGTON, March 4, 2025 (AP) -".
fn is_year(group: &str) -> bool {
    group.len() == 4 && group.bytes().all(|b| b.is_ascii_digit())
}

/// "Ukraine", "Calif.", "D.C.", "Democratic Republic of Congo".
fn is_region(group: &str) -> bool {
    let words: Vec<&str> = group.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && group.len() <= 40
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            let linking = matches!(*w, "of" | "and" | "de" | "du" | "la" | "del" | "the");
            let name = w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''));
            linking || name
        })
}
