//! The names `petrel train --news-names` fills its extra training sentences with: people and
//! demonyms from petrel's own lexicon (see `petrel_syntax::augment` for why).

use std::path::Path;

use anyhow::Context;
use petrel_lexicon::own::Source;
use petrel_syntax::augment::NameStock;

/// People's names of two or three plain words from the `people-*` files, and one-word
/// demonyms ("Venezuelan", "Japanese") from `countries.txt`.
pub fn stock(dir: &Path) -> anyhow::Result<NameStock> {
    let source =
        Source::read(dir).with_context(|| format!("reading the lexicon in {}", dir.display()))?;
    let mut stock = NameStock::default();
    for record in &source.actors {
        let file = &*record.origin.file;
        if file.contains("people-") {
            let words: Vec<String> = record.names[0]
                .text
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if (2..=3).contains(&words.len()) && words.iter().all(|w| is_plain_name_word(w)) {
                stock.people.push(words);
            }
        } else if file.ends_with("countries.txt") {
            let demonyms = record.names[1..]
                .iter()
                .map(|n| n.text.as_str())
                .filter(|n| {
                    is_plain_name_word(n)
                        && n.len() >= 5
                        && !n.ends_with("stan")
                        && ["an", "ese", "ish", "i", "ic"]
                            .iter()
                            .any(|e| n.ends_with(e))
                });
            stock.demonyms.extend(demonyms.map(str::to_string));
        }
    }
    stock.demonyms.sort();
    stock.demonyms.dedup();
    if stock.people.is_empty() || stock.demonyms.is_empty() {
        anyhow::bail!(
            "{}: found {} people and {} demonyms; is this petrel's lexicon directory?",
            dir.display(),
            stock.people.len(),
            stock.demonyms.len()
        );
    }
    Ok(stock)
}

/// A capitalised word of letters only ("Maduro", "Lula"; not "bin", "Jae-myung", "Jr.").
fn is_plain_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_gives_people_and_demonyms() {
        let stock = stock(&petrel_lexicon::default_dir()).unwrap();
        assert!(stock.people.len() > 1000, "{}", stock.people.len());
        for demonym in ["Venezuelan", "Japanese", "Turkish", "Israeli"] {
            assert!(stock.demonyms.iter().any(|d| d == demonym), "{demonym}");
        }
        // Country names are not demonyms, though some end like them.
        for country in ["Afghanistan", "Iran", "Japan"] {
            assert!(!stock.demonyms.iter().any(|d| d == country), "{country}");
        }
        assert!(stock
            .people
            .iter()
            .all(|p| p.iter().all(|w| !w.contains('-'))));
    }

    #[test]
    fn a_directory_without_a_lexicon_is_an_error_naming_it() {
        let err = stock(Path::new("/nonexistent-lexicon")).unwrap_err();
        assert!(
            format!("{err:#}").contains("/nonexistent-lexicon"),
            "{err:#}"
        );
    }
}
