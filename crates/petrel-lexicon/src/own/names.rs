//! Names as the coder will see them: split into the words petrel's tokenizer makes of running
//! text, so that a dictionary name and the same name in a story fall into the same tokens.
//!
//! petrel's tokenizer follows UD English EWT: a possessive is its own word ("Russia's" →
//! "Russia" + "'s", "Martyrs'" → "Martyrs" + "'"), commas, brackets and quotes stand alone,
//! and a period stays with its word (a name holds abbreviations, "U.S.", "St.", not sentence
//! ends). Hyphens are the one place where tokenizers disagree: EWT splits most of them
//! ("al" + "-" + "Qaeda") but keeps prefixes ("non-profit"), and other UD tokenizers keep
//! every hyphenated word whole. A hyphenated name is therefore indexed both ways.

/// Characters that open a chunk and stand alone.
const OPENERS: &[char] = &['(', '[', '"', '“', '‘', '«'];
/// Characters that close a chunk and stand alone.
const CLOSERS: &[char] = &[')', ']', ',', ';', ':', '!', '?', '"', '”', '»'];

/// Every way petrel may tokenize `name`: hyphenated words whole, then (if the name has any)
/// split at their hyphens. Each variant keeps the name's capitals.
pub fn variants(name: &str) -> Vec<Vec<String>> {
    let whole = tokens(name, false);
    if !whole.iter().any(|t| has_inner_hyphen(t)) {
        return vec![whole];
    }
    let mut split = Vec::with_capacity(whole.len() + 2);
    for token in &whole {
        push_split_hyphens(token, &mut split);
    }
    vec![whole, split]
}

/// Whether a hyphen inside `word` has a letter or digit on both sides.
fn has_inner_hyphen(word: &str) -> bool {
    word.contains('-') && {
        let mut split = Vec::new();
        push_split_hyphens(word, &mut split);
        split.len() > 1
    }
}

/// The tokens of `name`, splitting hyphens between letters or digits when `split_hyphens`.
pub fn tokens(name: &str, split_hyphens: bool) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in name.split_whitespace() {
        let mut rest = chunk;
        while let Some(c) = rest.chars().next().filter(|c| OPENERS.contains(c)) {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
        let mut closing = Vec::new();
        while let Some(c) = rest.chars().last().filter(|c| CLOSERS.contains(c)) {
            closing.push(c.to_string());
            rest = &rest[..rest.len() - c.len_utf8()];
        }
        let (word, possessive) = split_possessive(rest);
        if split_hyphens {
            push_split_hyphens(word, &mut out);
        } else if !word.is_empty() {
            out.push(word.to_string());
        }
        out.extend(possessive.map(str::to_string));
        out.extend(closing.into_iter().rev());
    }
    out
}

/// `"Russia's"` → `("Russia", Some("'s"))`; `"Martyrs'"` → `("Martyrs", Some("'"))`.
fn split_possessive(word: &str) -> (&str, Option<&str>) {
    for apostrophe in ['\'', '’'] {
        let len = apostrophe.len_utf8();
        // "...'s" or "...'S", with something before the apostrophe.
        if let Some(stem) = word
            .strip_suffix(['s', 'S'])
            .and_then(|w| w.strip_suffix(apostrophe))
            .filter(|stem| !stem.is_empty())
        {
            return (stem, Some(&word[stem.len()..]));
        }
        // "...s'": a plural possessive.
        if let Some(stem) = word.strip_suffix(apostrophe) {
            if stem.ends_with(['s', 'S']) {
                return (stem, Some(&word[word.len() - len..]));
            }
        }
    }
    (word, None)
}

/// Pushes `word`, cut at every hyphen that has a letter or digit on both sides.
fn push_split_hyphens(word: &str, out: &mut Vec<String>) {
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let joins = c == '-'
            && k > 0
            && chars[k - 1].1.is_alphanumeric()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if joins {
            out.push(word[start..i].to_string());
            out.push("-".to_string());
            start = i + 1;
        }
    }
    if start < word.len() {
        out.push(word[start..].to_string());
    }
}

/// The plain English plural of a name, made on its last word, when the name admits one:
/// the last word is alphabetic, ends in a lower-case letter, and does not already end like
/// a plural or a word whose plural takes `-es` (s, x, z, ch, sh), nor in `-ese` or `-ish`
/// ("Chinese", "British"), which have no plural. `y` after a consonant becomes `ies`.
pub fn plural(tokens: &[String]) -> Option<Vec<String>> {
    let last = tokens.last()?;
    let plain = last.chars().all(char::is_alphabetic)
        && last.chars().last().is_some_and(char::is_lowercase)
        && last.chars().count() > 2;
    let no_plural = ["s", "x", "z", "ch", "sh", "ese", "ish"]
        .iter()
        .any(|end| last.ends_with(end));
    if !plain || no_plural {
        return None;
    }
    let consonant_y = last.ends_with('y')
        && !last
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| "aeiou".contains(c));
    let plural = if consonant_y {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    let mut out = tokens.to_vec();
    *out.last_mut()? = plural;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str) -> Vec<String> {
        tokens(name, false)
    }

    #[test]
    fn possessives_and_punctuation_stand_alone() {
        assert_eq!(
            t("People's Republic of China"),
            ["People", "'s", "Republic", "of", "China"]
        );
        assert_eq!(
            t("al-Aqsa Martyrs' Brigades"),
            ["al-Aqsa", "Martyrs", "'", "Brigades"]
        );
        assert_eq!(
            t("Bonaire, Sint Eustatius and Saba"),
            ["Bonaire", ",", "Sint", "Eustatius", "and", "Saba"]
        );
        assert_eq!(
            t("(UN) U.S. St. Kitts"),
            ["(", "UN", ")", "U.S.", "St.", "Kitts"]
        );
        assert_eq!(
            t("N'Djamena Côte d'Ivoire"),
            ["N'Djamena", "Côte", "d'Ivoire"]
        );
    }

    #[test]
    fn hyphenated_names_have_two_variants() {
        assert_eq!(
            variants("Yoon Suk-yeol"),
            [vec!["Yoon", "Suk-yeol"], vec!["Yoon", "Suk", "-", "yeol"]]
        );
        assert_eq!(variants("Kremlin").len(), 1);
        assert_eq!(tokens("Porto-Novo -", true), ["Porto", "-", "Novo", "-"]);
    }

    #[test]
    fn plurals_only_where_english_makes_them() {
        let p = |n: &str| plural(&t(n)).map(|v| v.join(" "));
        assert_eq!(p("Russian").as_deref(), Some("Russians"));
        assert_eq!(p("Bosnian Serb").as_deref(), Some("Bosnian Serbs"));
        assert_eq!(p("Tommy").as_deref(), Some("Tommies"));
        assert_eq!(p("Turkey").as_deref(), Some("Turkeys"));
        for none in [
            "Swiss", "Chinese", "British", "French", "UN", "U.S.", "Xi", "Merz",
        ] {
            assert_eq!(p(none), None, "{none}");
        }
    }
}
