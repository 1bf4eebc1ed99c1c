//! Which words of a pattern are prepositions, and what each governs.
//!
//! In `accuse + of war crimes`, "of war crimes" is a prepositional phrase: the coder should
//! find "war crimes" under the "of", not anywhere after the verb. A preposition *governs* the
//! words after it up to the next preposition that starts a phrase of its own, so
//! `call on + to abide by ceasefire` reads as `on +`, `to abide`, `by ceasefire`.
//!
//! Many English prepositions are also verb particles ("carry *out*", "hand *over*",
//! "cut *off*"), which the parser attaches to the verb, not to the noun after them. A word
//! is therefore read as a plain word, not a preposition, when
//! - it can be a particle and stands straight after the verb (`hand over prisoners`,
//!   `call on +`: a plain word matches wherever the parser puts it, so nothing is lost);
//! - the next word is a preposition too (`back out of +`, `in front of +`);
//! - nothing follows it (`meet + in`).

use super::verbs::PatternWord;
use crate::verbs::Element;

/// English prepositions (and the infinitive `to`, which governs its verb as `to` governs
/// a noun).
pub const PREPOSITIONS: &[&str] = &[
    "aboard",
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "amongst",
    "around",
    "as",
    "at",
    "atop",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "concerning",
    "despite",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "past",
    "per",
    "regarding",
    "round",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "unto",
    "upon",
    "versus",
    "via",
    "with",
    "within",
    "without",
];

/// Prepositions that are also verb particles.
pub const PARTICLES: &[&str] = &[
    "about", "across", "along", "around", "behind", "by", "in", "off", "on", "over", "round",
    "through", "under",
];

fn alternatives(word: &PatternWord) -> &[String] {
    match word {
        PatternWord::Word(w) => std::slice::from_ref(w),
        PatternWord::Either(options) => options,
        PatternWord::Target | PatternWord::Source => &[],
    }
}

fn in_list(word: &PatternWord, list: &[&str], all: bool) -> bool {
    let options = alternatives(word);
    let listed = |o: &String| list.iter().any(|w| w.eq_ignore_ascii_case(o));
    !options.is_empty()
        && if all {
            options.iter().all(listed)
        } else {
            options.iter().any(listed)
        }
}

/// Whether `words[i]` opens a prepositional phrase (see the module documentation).
fn opens_phrase(words: &[PatternWord], i: usize) -> bool {
    in_list(&words[i], PREPOSITIONS, true)
        && words
            .get(i + 1)
            .is_some_and(|next| !in_list(next, PREPOSITIONS, true))
        && !(i == 0 && in_list(&words[i], PARTICLES, false))
}

/// Turns the words after a verb into pattern elements, grouping prepositional phrases into
/// [`Element::Prep`]. `element` makes the element of one word, alternative set or marker.
pub fn group(
    words: &[PatternWord],
    mut element: impl FnMut(&PatternWord) -> Element,
) -> Vec<Element> {
    let opens: Vec<bool> = (0..words.len()).map(|i| opens_phrase(words, i)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !opens[i] {
            out.push(element(&words[i]));
            i += 1;
            continue;
        }
        let end = (i + 1..words.len())
            .find(|&j| opens[j])
            .unwrap_or(words.len());
        let inner = words[i + 1..end].iter().map(&mut element).collect();
        out.push(Element::Prep(Box::new(element(&words[i])), inner));
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pattern: &str) -> Vec<PatternWord> {
        pattern
            .split_whitespace()
            .map(|t| match t {
                "+" => PatternWord::Target,
                "$" => PatternWord::Source,
                _ if t.contains('|') => PatternWord::Either(t.split('|').map(Into::into).collect()),
                _ => PatternWord::Word(t.into()),
            })
            .collect()
    }

    /// Writes elements back in a compact form: `(of war crimes)` for a phrase.
    fn show(pattern: &str) -> String {
        let shown = group(&parse(pattern), |w| match w {
            PatternWord::Word(w) => Element::Word(w.to_uppercase()),
            PatternWord::Either(o) => Element::Word(o.join("|").to_uppercase()),
            PatternWord::Target => Element::Target,
            PatternWord::Source => Element::Source,
        });
        fn one(e: &Element) -> String {
            match e {
                Element::Word(w) => w.to_lowercase(),
                Element::Target => "+".into(),
                Element::Source => "$".into(),
                Element::Prep(p, inner) => {
                    let inner: Vec<String> = inner.iter().map(one).collect();
                    format!("({} {})", one(p), inner.join(" "))
                }
                other => format!("{other:?}"),
            }
        }
        shown.iter().map(one).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn prepositions_govern_up_to_the_next_one() {
        assert_eq!(show("+ of war crimes"), "+ (of war crimes)");
        assert_eq!(show("talks with +"), "talks (with +)");
        assert_eq!(
            show("on + to abide by ceasefire"),
            "on + (to abide) (by ceasefire)"
        );
        assert_eq!(show("to attack"), "(to attack)");
        assert_eq!(
            show("sanctions|embargo on|against +"),
            "sanctions|embargo (on|against +)"
        );
    }

    #[test]
    fn particles_stay_plain_words() {
        assert_eq!(show("out of +"), "out (of +)");
        assert_eq!(show("over prisoners to +"), "over prisoners (to +)");
        assert_eq!(
            show("off aid|assistance to|for +"),
            "off aid|assistance (to|for +)"
        );
        assert_eq!(show("in front of +"), "in front (of +)");
        assert_eq!(show("+ in"), "+ in");
        assert_eq!(show("on +"), "on +");
        assert_eq!(
            show("up troops|forces on|along|near +"),
            "up troops|forces (on|along|near +)"
        );
    }
}
