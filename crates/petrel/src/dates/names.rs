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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_ABBREVIATIONS: [(&str, i8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

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
    if word.len() < 3 || word.len() > 9 || !is_name_cased(word) {
        return None;
    }
    if let Some(index) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)) {
        let month = index as i8 + 1;
        return Some(MonthName {
            month,
            abbreviated: false,
            ambiguous: month == 3 || month == 5,
        });
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, month)| MonthName {
            month,
            abbreviated: true,
            ambiguous: false,
        })
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    if word.len() < 6 || word.len() > 9 || !is_name_cased(word) {
        return None;
    }
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, weekday)| weekday)
}

/// A count written as a word ("a", "two", "twelve"), for "two days ago".
pub(crate) fn count_word(word: &str) -> Option<i64> {
    const COUNTS: [(&str, i64); 25] = [
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
    ];
    COUNTS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
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
