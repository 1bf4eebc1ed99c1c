//! Abbreviations that keep their period ("Dr.", "Gen.", "Jan.", "Inc.").
//!
//! The list is what occurs in UD English EWT train plus the titles, months, days, US states and
//! company suffixes common in news wire. A wrong entry costs little: when the sentence
//! splitter ends a sentence after an abbreviation, the period is split off again as the
//! sentence's final punctuation, as EWT does ("etc" + ".").

/// Lower-case entries match in any case; capitalised entries only as written or in capitals,
/// because in lower case they are ordinary words ("no.", "ill.", "sun.").
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Bros", "Calif", "Capt", "Cmdr",
    "Col", "Colo", "Conn", "Cpl", "Dec", "Del", "Dept", "Feb", "Fig", "Fla", "Fri", "Ga", "Gen",
    "Gov", "Ill", "Ind", "Jan", "Jul", "Jun", "Kan", "Ky", "La", "Lt", "Maj", "Mar", "Mass", "Md",
    "Mich", "Minn", "Miss", "Mo", "Mon", "Mont", "Mt", "Neb", "Nev", "No", "Nos", "Nov", "Oct",
    "Okla", "Ore", "Pa", "Pres", "Prof", "Rep", "Reps", "Rev", "Sat", "Sen", "Sens", "Sep", "Sept",
    "Sgt", "Sun", "Supt", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Va",
    "Vol", "Vt", "Wash", "Wed", "Wis", "Wyo", "al", "approx", "arrv", "attn", "blvd", "cf", "co",
    "corp", "dr", "eg", "esp", "est", "etc", "ext", "fax", "ft", "govt", "inc", "jr", "lb", "lbs",
    "ltd", "messrs", "mins", "mr", "mrs", "ms", "oz", "ph", "ps", "rd", "ret", "sr", "st", "viz",
    "vs", "yrs",
];

/// Whether `word` (without its period) is an abbreviation that takes one.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if word.len() > 7 {
        return false;
    }
    ABBREVIATIONS.iter().any(|entry| {
        if entry.starts_with(|c: char| c.is_ascii_uppercase()) {
            word == *entry
                || (word.eq_ignore_ascii_case(entry)
                    && word.bytes().all(|b| b.is_ascii_uppercase()))
        } else {
            word.eq_ignore_ascii_case(entry)
        }
    })
}

/// Letters separated by periods, "U.S", "e.g", "a.m" (the final period not included), or a
/// single capital letter (an initial, "W").
pub(crate) fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters >= 2 || word.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_titles_months_and_suffixes() {
        for word in [
            "Dr", "Mr", "Gen", "Jan", "No", "Inc", "inc", "INC", "etc", "Sept", "GEN",
        ] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in ["no", "ill", "sun", "the", "Iraq", "Novel"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn recognises_initialisms() {
        for word in ["U.S", "e.g", "a.m", "W", "D.C", "F.O.B"] {
            assert!(is_initialism(word), "{word}");
        }
        for word in ["w", "US", "U.Sa", "", ".", "U..S", "5.2"] {
            assert!(!is_initialism(word), "{word}");
        }
    }

    #[test]
    fn list_entries_are_bare_words() {
        assert!(ABBREVIATIONS
            .iter()
            .all(|e| e.chars().all(|c| c.is_ascii_alphabetic())));
    }
}
