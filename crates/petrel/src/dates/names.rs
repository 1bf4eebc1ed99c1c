//! The words date expressions are made of: month and weekday names, counts, ordinal days.

use jiff::civil::Weekday;

/// A month name as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MonthName {
    /// 1..=12.
    pub month: i8,
    /// "Jan", "Sept": a shortened form, which needs a number beside it unless a period follows.
    pub abbreviated: bool,
    /// "May" and "March" are also an English modal and verb (and a surname): they count as a
    /// month alone only after words that announce a time ("in May", "since March").
    pub ambiguous: bool,
}

/// The longest word any lookup here knows ("September", "yesterday").
const LONGEST: usize = 9;

/// An ASCII word in lower case, for matching against the tables below without allocating.
pub(crate) struct Lower {
    buf: [u8; LONGEST],
    len: usize,
}

impl Lower {
    /// `None` for words longer than any known word or not plain ASCII.
    pub fn of(word: &str) -> Option<Lower> {
        let bytes = word.as_bytes();
        if bytes.len() > LONGEST || !bytes.is_ascii() {
            return None;
        }
        let mut buf = [0; LONGEST];
        for (to, from) in buf.iter_mut().zip(bytes) {
            *to = from.to_ascii_lowercase();
        }
        Some(Lower {
            buf,
            len: bytes.len(),
        })
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The month a lower-case month name or abbreviation names, and whether it is abbreviated.
fn month_number(lower: &[u8]) -> Option<(i8, bool)> {
    Some(match lower {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

fn weekday_of(lower: &[u8]) -> Option<Weekday> {
    Some(match lower {
        b"monday" => Weekday::Monday,
        b"tuesday" => Weekday::Tuesday,
        b"wednesday" => Weekday::Wednesday,
        b"thursday" => Weekday::Thursday,
        b"friday" => Weekday::Friday,
        b"saturday" => Weekday::Saturday,
        b"sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn count_of(lower: &[u8]) -> Option<i64> {
    Some(match lower {
        b"a" | b"an" | b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        _ => return None,
    })
}

/// Whether a lower-case word is a month or weekday name (in any case in the text).
pub(crate) fn is_month_or_weekday(lower: &[u8]) -> bool {
    month_number(lower).is_some() || weekday_of(lower).is_some()
}

/// Whether a lower-case word is a count: "a", "two", "twelve".
pub(crate) fn is_count(lower: &[u8]) -> bool {
    count_of(lower).is_some()
}

/// True for "June" and "JUNE", false for "june" and "jUNE": names are only names when
/// capitalised, which is what keeps "troops march" and "may" the modal out.
pub(crate) fn is_name_cased(word: &str) -> bool {
    let mut bytes = word.bytes();
    let Some(first) = bytes.next() else {
        return false;
    };
    if !first.is_ascii_uppercase() {
        return false;
    }
    let rest = &word.as_bytes()[1..];
    rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase)
}

pub(crate) fn month(word: &str) -> Option<MonthName> {
    if word.len() < 3 || !is_name_cased(word) {
        return None;
    }
    let (month, abbreviated) = month_number(Lower::of(word)?.as_bytes())?;
    Some(MonthName {
        month,
        abbreviated,
        ambiguous: !abbreviated && (month == 3 || month == 5),
    })
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    if !is_name_cased(word) {
        return None;
    }
    weekday_of(Lower::of(word)?.as_bytes())
}

/// A count written as a word ("a", "two", "twelve"), for "two days ago".
pub(crate) fn count_word(word: &str) -> Option<i64> {
    count_of(Lower::of(word)?.as_bytes())
}

/// A day of the month written as an ordinal word: "4th", "21st", "2nd", "23rd".
pub(crate) fn ordinal_day(word: &str) -> Option<i8> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = &word[digits..];
    let known = ["st", "nd", "rd", "th"];
    if !known.iter().any(|s| s.eq_ignore_ascii_case(suffix)) {
        return None;
    }
    let day: i8 = word[..digits].parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_need_capitals_and_know_their_ambiguity() {
        assert_eq!(month("June").map(|m| m.month), Some(6));
        assert_eq!(
            month("SEPT").map(|m| (m.month, m.abbreviated)),
            Some((9, true))
        );
        assert!(month("May").is_some_and(|m| m.ambiguous));
        assert_eq!(month("may"), None);
        assert_eq!(month("march"), None);
        assert_eq!(month("Junes"), None);
    }

    #[test]
    fn weekdays_and_counts() {
        assert_eq!(weekday("Friday"), Some(Weekday::Friday));
        assert_eq!(weekday("friday"), None);
        assert_eq!(count_word("Three"), Some(3));
        assert_eq!(count_word("several"), None);
    }

    #[test]
    fn ordinal_days() {
        assert_eq!(ordinal_day("4th"), Some(4));
        assert_eq!(ordinal_day("21ST"), Some(21));
        assert_eq!(ordinal_day("32nd"), None);
        assert_eq!(ordinal_day("F16"), None);
        assert_eq!(ordinal_day("4x"), None);
    }
}
