//! Checks of verb patterns: event codes that do not exist, a verb given two default codes,
//! patterns written twice, patterns that can never win, and words that can never match.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::Findings;
use crate::own::{
    irregular_base, is_irregular_base, verb_forms, PatternRecord, PatternWord, Source,
};
use crate::verbs::{Element, Pattern, Predicate, Synset};
use crate::words::{key, plural};
use crate::{Lexicon, Origin};

/// Words the README asks not to write in patterns: the coder matches governed words, and
/// these are rarely governed the same way twice.
const FILLERS: &[&str] = &["a", "an", "the", "their", "its", "his", "her", "our", "my"];

pub(super) fn check(source: &Source, lexicon: &Lexicon, findings: &mut Findings) {
    let lemmas: HashSet<String> = source
        .patterns
        .iter()
        .filter(|p| p.kind == Predicate::Verb)
        .map(|p| key(&p.verb))
        .collect();
    let mut form_of: HashMap<String, &String> = HashMap::new();
    for lemma in &lemmas {
        for form in verb_forms(lemma) {
            if form != *lemma {
                form_of.entry(form).or_insert(lemma);
            }
        }
    }
    let mut inflected_reported = HashSet::new();
    for record in &source.patterns {
        for code in std::iter::once(&record.code).chain(&record.reverse) {
            if source.ontology.event(code).is_none() {
                findings.error(
                    &record.origin,
                    format!(
                        "unknown event code {code} (not in {})",
                        crate::own::EVENTS_FILE
                    ),
                );
            }
        }
        words(record, findings);
        let verb = key(&record.verb);
        if record.kind != Predicate::Verb
            || is_irregular_base(&verb)
            || !inflected_reported.insert(verb.clone())
        {
            continue;
        }
        let base = form_of
            .get(&verb)
            .map(|l| l.to_string())
            .or_else(|| irregular_base(&verb));
        if let Some(base) = base {
            findings.warning(
                &record.origin,
                format!(
                    "{:?} looks like a form of {:?}: write the verb in its dictionary form (the tagger's lemma)",
                    record.verb,
                    base.to_lowercase()
                ),
            );
        }
    }
    defaults(&source.patterns, findings);
    for block in &lexicon.verbs.blocks {
        shadowed(&block.patterns, &lexicon.verbs.synsets, findings);
    }
}

/// Pattern words that can never match a token, and words the format asks to leave out.
fn words(record: &PatternRecord, findings: &mut Findings) {
    let options = record.words.iter().flat_map(|w| match w {
        PatternWord::Word(w) => std::slice::from_ref(w),
        PatternWord::Either(options) => options.as_slice(),
        PatternWord::Target | PatternWord::Source => &[],
    });
    for word in options {
        let lower = word.to_lowercase();
        if lower.ends_with("'s") || lower.ends_with("’s") || lower.ends_with(['\'', '’']) {
            findings.error(
                &record.origin,
                format!("{word:?} can never match: the tokenizer splits a possessive off its word"),
            );
        } else if FILLERS.contains(&lower.as_str()) {
            findings.warning(
                &record.origin,
                format!(
                    "{word:?} in a pattern: leave out articles and possessives (lexicon/README.md)"
                ),
            );
        }
    }
}

/// A verb written alone twice: two default codes.
fn defaults(patterns: &[PatternRecord], findings: &mut Findings) {
    let mut first: HashMap<(Predicate, String), &PatternRecord> = HashMap::new();
    for record in patterns.iter().filter(|p| p.is_bare_verb()) {
        let verb = (record.kind, key(&record.verb));
        let Some(earlier) = first.get(&verb) else {
            first.insert(verb, record);
            continue;
        };
        let message = if earlier.code == record.code && earlier.reverse == record.reverse {
            format!(
                "the same pattern twice: {:?} is already at {}",
                record.text,
                place(&earlier.origin, &record.origin)
            )
        } else {
            format!(
                "conflicting default codes for {:?}: {} here, {} at {}, which wins",
                record.verb,
                record.code,
                earlier.code,
                place(&earlier.origin, &record.origin)
            )
        };
        findings.error(&record.origin, message);
    }
}

/// How to point at `other` from `here`: the line alone within one file.
fn place(other: &Origin, here: &Origin) -> String {
    if other.file == here.file {
        format!("line {}", other.line)
    } else {
        other.to_string()
    }
}

/// A pattern element reduced to what it matches: sets of word sequences.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Canon {
    Words(BTreeSet<Vec<String>>),
    Marker(&'static str),
    Group(Vec<Canon>),
    Prep(Box<Canon>, Vec<Canon>),
}

fn canon(element: &Element, synsets: &[Synset]) -> Canon {
    let all = |es: &[Element]| es.iter().map(|e| canon(e, synsets)).collect();
    match element {
        // The coder matches a word as written, as a lemma, or in its regular plural (left
        // out for words already ending in `s`: "CRIMESES" occurs in no text).
        Element::Word(w) if w.ends_with('S') => Canon::Words([vec![w.clone()]].into()),
        Element::Word(w) => Canon::Words([vec![w.clone()], vec![plural(w)]].into()),
        Element::Synset(id) => Canon::Words(synsets[*id].phrases.iter().cloned().collect()),
        Element::NounPhrase(es) => Canon::Group(all(es)),
        Element::Prep(p, es) => Canon::Prep(Box::new(canon(p, synsets)), all(es)),
        Element::Source => Canon::Marker("$"),
        Element::Target => Canon::Marker("+"),
        Element::Skip => Canon::Marker("^"),
        Element::Compound => Canon::Marker("%"),
    }
}

/// Whether every text `b` matches, `a` matches too, with the same specificity.
fn covers(a: &[Canon], b: &[Canon]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Canon::Words(x), Canon::Words(y)) => y.is_subset(x),
            (Canon::Group(x), Canon::Group(y)) => covers(x, y),
            (Canon::Prep(p, x), Canon::Prep(q, y)) => {
                covers(std::slice::from_ref(p), std::slice::from_ref(q)) && covers(x, y)
            }
            _ => x == y,
        })
}

/// Patterns of one verb that an earlier pattern makes pointless: among equally specific
/// matches the coder takes the first, so a later pattern that matches nothing the earlier
/// one does not can never win.
fn shadowed(patterns: &[Pattern], synsets: &[Synset], findings: &mut Findings) {
    let canons: Vec<Vec<Canon>> = patterns
        .iter()
        .map(|p| {
            let mut c: Vec<Canon> = p.before.iter().map(|e| canon(e, synsets)).collect();
            c.push(Canon::Marker("*"));
            c.extend(p.after.iter().map(|e| canon(e, synsets)));
            c
        })
        .collect();
    for (j, b) in patterns.iter().enumerate() {
        let Some(i) = (0..j).find(|&i| covers(&canons[i], &canons[j])) else {
            continue;
        };
        let a = &patterns[i];
        let at = place(&a.origin, &b.origin);
        let same_words = canons[i] == canons[j];
        let code = a.codes.forward.as_deref().unwrap_or("---");
        match (same_words, a.codes == b.codes) {
            (true, true) if a.text == b.text => {
                findings.error(&b.origin, format!("the same pattern twice: {:?} is already at {at}", b.text))
            }
            (true, true) => findings.error(
                &b.origin,
                format!("the same pattern twice: {:?} matches what {:?} at {at} matches", b.text, a.text),
            ),
            (true, false) => findings.error(
                &b.origin,
                format!(
                    "unreachable: {:?} at {at} has the same words, comes first and codes {code}",
                    a.text
                ),
            ),
            (false, true) => findings.warning(
                &b.origin,
                format!(
                    "redundant: {:?} at {at} already matches everything {:?} matches, with the same code",
                    a.text, b.text
                ),
            ),
            (false, false) => findings.error(
                &b.origin,
                format!(
                    "unreachable: {:?} at {at} matches everything {:?} matches, comes first and codes {code}",
                    a.text, b.text
                ),
            ),
        }
    }
}
