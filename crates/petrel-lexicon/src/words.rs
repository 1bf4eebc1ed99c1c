//! Dictionary words: how phrases are split, normalised and inflected.
//!
//! Dictionary matching is on upper-cased whole words. PETRARCH joins the words of a phrase with
//! `_` or spaces; both split here. Regular English plurals and verb forms are generated the way
//! the PETRARCH documentation describes, so that a dictionary written for PETRARCH matches the
//! same words in petrel.

/// Upper-cases a word for dictionary comparison. (An ASCII word, nearly every one, takes the
/// quicker ASCII upper-casing, which gives the same word.)
pub fn key(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_uppercase()
    } else {
        word.to_uppercase()
    }
}

/// Splits a phrase written with `_` or spaces into upper-cased words, dropping empty pieces.
pub fn split_phrase(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(key)
        .collect()
}

/// The regular plural of an upper-cased noun: `+S`, `Y` → `IES`, `SS`/`X`/`CH`/`SH` → `+ES`.
pub fn plural(word: &str) -> String {
    let (stem, suffix) = plural_parts(word);
    format!("{stem}{suffix}")
}

/// Whether `form` is the regular plural of `word` (both upper-cased), as [`plural`] makes it,
/// without building the plural: the coder asks this for every pattern word it tries.
pub fn is_plural_of(form: &str, word: &str) -> bool {
    let (stem, suffix) = plural_parts(word);
    form.len() == stem.len() + suffix.len() && form.starts_with(stem) && form.ends_with(suffix)
}

/// The plural as the part of the word kept and the ending added.
fn plural_parts(word: &str) -> (&str, &'static str) {
    let consonant_y = word.ends_with('Y')
        && !matches!(
            word.chars().rev().nth(1),
            Some('A' | 'E' | 'I' | 'O' | 'U') | None
        );
    if consonant_y {
        (&word[..word.len() - 1], "IES")
    } else if ["SS", "X", "CH", "SH", "Z"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        (word, "ES")
    } else {
        (word, "S")
    }
}

/// The regular inflections of an upper-cased verb: base, third person, past, gerund.
pub fn verb_forms(base: &str) -> Vec<String> {
    let third = plural(base);
    let (past, gerund) = if let Some(stem) = base.strip_suffix('E') {
        (format!("{base}D"), format!("{stem}ING"))
    } else if third.ends_with("IES") {
        (
            format!("{}IED", &base[..base.len() - 1]),
            format!("{base}ING"),
        )
    } else {
        (format!("{base}ED"), format!("{base}ING"))
    };
    vec![base.to_string(), third, past, gerund]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_split_on_underscores_and_spaces() {
        assert_eq!(
            split_phrase("white_House  officials"),
            ["WHITE", "HOUSE", "OFFICIALS"]
        );
        assert!(split_phrase("__").is_empty());
    }

    #[test]
    fn regular_plurals() {
        assert_eq!(plural("TIE"), "TIES");
        assert_eq!(plural("MINISTRY"), "MINISTRIES");
        assert_eq!(plural("DAY"), "DAYS");
        assert_eq!(plural("PRESS"), "PRESSES");
        for (form, word) in [
            ("TIES", "TIE"),
            ("MINISTRIES", "MINISTRY"),
            ("PRESSES", "PRESS"),
        ] {
            assert!(is_plural_of(form, word));
        }
        assert!(!is_plural_of("MINISTRYS", "MINISTRY"));
        assert!(!is_plural_of("TIE", "TIE"));
        assert!(!is_plural_of("TIESS", "TIE"));
    }

    #[test]
    fn regular_verb_forms() {
        assert_eq!(
            verb_forms("RESTORE"),
            ["RESTORE", "RESTORES", "RESTORED", "RESTORING"]
        );
        assert_eq!(
            verb_forms("CARRY"),
            ["CARRY", "CARRIES", "CARRIED", "CARRYING"]
        );
        assert_eq!(
            verb_forms("ATTACK"),
            ["ATTACK", "ATTACKS", "ATTACKED", "ATTACKING"]
        );
    }
}
