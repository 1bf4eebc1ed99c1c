//! `petrel lexicon lookup`: how a phrase codes and why, from the lexicon alone.
//!
//! The coder decides with the sentence's tree; lookup has only the words, so it answers the
//! dictionary's part of the question: which entries a phrase names, which dated role applies
//! on a day (or why none does), and which of a verb's patterns the words could match. Words
//! are split as the lexicon splits names ([`crate::own::names`]), so a phrase looks up the
//! way it would appear in a story.

use jiff::civil::Date;

use crate::actors::{ActorEntry, ActorId, NameRef, Role};
use crate::own::irregular_base;
use crate::own::names::tokens;
use crate::verbs::{Block, Element, EventCodes, Pattern, VerbDict, VerbId};
use crate::words::{key, plural, verb_forms};
use crate::Lexicon;

/// The phrase's words as the dictionaries compare them: tokens, upper-cased.
pub fn words(phrase: &str) -> Vec<String> {
    tokens(phrase, false).iter().map(|t| key(t)).collect()
}

/// An actor entry one of whose names is the whole phrase.
#[derive(Debug)]
pub struct ActorLookup<'l> {
    pub id: ActorId,
    pub entry: &'l ActorEntry,
    pub name: &'l NameRef,
    /// False when the name must match with its capitals and the phrase has others.
    pub capitals_match: bool,
    pub outcome: Outcome<'l>,
}

/// What an entry codes on a date.
#[derive(Debug, PartialEq)]
pub enum Outcome<'l> {
    /// A dated role applies.
    Role(&'l Role),
    /// The entry's fixed code applies (no role covers the date, or the entry has none).
    Fixed(&'l str),
    /// Nothing applies.
    Nothing(Why<'l>),
}

/// Why an entry codes nothing on a date.
#[derive(Debug, PartialEq)]
pub enum Why<'l> {
    /// The entry has no code and no roles.
    NoCode,
    /// The date comes before the first role starts.
    BeforeFirst(&'l Role),
    /// The date falls between two roles.
    Between(&'l Role, &'l Role),
    /// The last role ended before the date.
    AfterLast(&'l Role),
    /// No date was given and no role is open-ended.
    NoOpenRole,
}

/// What `entry` codes on `date` (the coder's rule, [`ActorEntry::resolve`]), with the
/// reason when it codes nothing.
pub fn outcome(entry: &ActorEntry, date: Option<Date>) -> Outcome<'_> {
    match entry.resolve(date) {
        Some((_, Some(role))) => return Outcome::Role(role),
        Some((code, None)) => return Outcome::Fixed(code),
        None => {}
    }
    if entry.roles.is_empty() {
        return Outcome::Nothing(Why::NoCode);
    }
    let Some(date) = date else {
        return Outcome::Nothing(Why::NoOpenRole);
    };
    let mut ordered: Vec<&Role> = entry.roles.iter().collect();
    ordered.sort_by_key(|r| r.from);
    let ended = ordered
        .iter()
        .rev()
        .find(|r| r.until.is_some_and(|u| u <= date));
    let next = ordered.iter().find(|r| r.from.is_some_and(|f| f > date));
    Outcome::Nothing(match (ended, next) {
        (Some(e), Some(n)) => Why::Between(e, n),
        (Some(e), None) => Why::AfterLast(e),
        (None, Some(n)) => Why::BeforeFirst(n),
        // Unreachable for valid ranges: some role would contain the date.
        (None, None) => Why::NoCode,
    })
}

/// Entries named by the whole phrase, in the order the coder tries them (the first whose
/// capitals fit wins).
pub fn actors<'l>(lexicon: &'l Lexicon, phrase: &str, date: Option<Date>) -> Vec<ActorLookup<'l>> {
    let words = words(phrase);
    let written = tokens(phrase, false);
    lexicon
        .actors
        .names
        .matches(&words)
        .filter(|(len, _)| *len == words.len())
        .map(|(_, name)| {
            let entry = &lexicon.actors.entries[name.actor];
            ActorLookup {
                id: name.actor,
                entry,
                name,
                capitals_match: capitals_fit(name, &written),
                outcome: outcome(entry, date),
            }
        })
        .collect()
}

/// Whether a case-sensitive name has the phrase's capitals (an all-capital phrase, like a
/// headline, fits any name).
fn capitals_fit(name: &NameRef, written: &[String]) -> bool {
    let all_caps = written.iter().all(|w| !w.chars().any(char::is_lowercase));
    !name.flags.case_sensitive
        || all_caps
        || name
            .written
            .split(' ')
            .eq(written.iter().map(String::as_str))
}

/// A dictionary phrase found inside the phrase.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// First word and number of words.
    pub start: usize,
    pub len: usize,
    pub what: Named,
}

pub use crate::NameAt as Named;

/// The actors and agents the phrase names, left to right, longest first (an actor wins
/// over an agent of the same length), as the coder scans a sentence.
pub fn scan(lexicon: &Lexicon, phrase: &str) -> Vec<Found> {
    let words = words(phrase);
    let written = tokens(phrase, false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let best = lexicon.longest_name(&words[i..], |len, name| {
            capitals_fit(name, &written[i..i + len])
        });
        match best {
            Some((len, what)) => {
                out.push(Found {
                    start: i,
                    len,
                    what,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The code of one actor joined with the agents around it ("Kenyan police" → `KENCOP`), as
/// the coder joins them when the parse attaches the agents to the actor; `None` unless the
/// phrase names exactly one actor, which codes on `date`, and at least one agent.
pub fn joined(lexicon: &Lexicon, found: &[Found], date: Option<Date>) -> Option<String> {
    let mut actors = found.iter().filter_map(|f| match f.what {
        Named::Actor(id) => Some(id),
        Named::Agent(_) => None,
    });
    let (Some(actor), None) = (actors.next(), actors.next()) else {
        return None;
    };
    let (code, _) = lexicon.actors.entries[actor].resolve(date)?;
    let mut code = code.to_string();
    let mut agents = 0;
    for f in found {
        if let Named::Agent(id) = f.what {
            code = lexicon.agents.entries[id].join(Some(&code));
            agents += 1;
        }
    }
    (agents > 0).then_some(code)
}

/// A verb in the phrase and the patterns its words match.
#[derive(Debug)]
pub struct VerbLookup<'l> {
    /// Index of the verb's word in the phrase.
    pub at: usize,
    pub verb: VerbId,
    pub block: &'l Block,
    /// The code when no pattern matches.
    pub default: &'l EventCodes,
    /// Patterns whose words occur in the phrase, in dictionary order.
    pub matching: Vec<&'l Pattern>,
    /// The pattern the coder would pick among them: the most specific, first on ties.
    pub winner: Option<&'l Pattern>,
}

/// The first word of the phrase that is a dictionary verb (as written, or the base of an
/// irregular form), and what its patterns make of the words around it.
///
/// Matching is on the words alone, in order, with gaps allowed: `+` and `$` stand for any
/// one word. The coder is stricter (it needs the words among those the verb governs).
pub fn verb<'l>(lexicon: &'l Lexicon, phrase: &str) -> Option<VerbLookup<'l>> {
    let words = words(phrase);
    let dict = &lexicon.verbs;
    let (at, verb) = words.iter().enumerate().find_map(|(i, w)| {
        let mut candidates = dict.lookup(w).to_vec();
        if let Some(base) = irregular_base(w) {
            candidates.extend_from_slice(dict.lookup(&base));
        }
        let fits = |&&id: &&VerbId| {
            let (before, after) = dict.verbs[id].companions();
            in_order(before, &words[..i]) && in_order(after, &words[i + 1..])
        };
        let best = candidates
            .iter()
            .filter(fits)
            .max_by_key(|&&id| (dict.verbs[id].words.len(), std::cmp::Reverse(id)))?;
        Some((i, *best))
    })?;
    let block = &dict.blocks[dict.verbs[verb].block];
    let matcher = Flat { dict };
    let matching: Vec<&Pattern> = block
        .patterns
        .iter()
        .filter(|p| {
            matcher.sequence(&p.before, &words[..at], 0)
                && matcher.sequence(&p.after, &words[at + 1..], 0)
        })
        .collect();
    let mut winner: Option<&Pattern> = None;
    for p in &matching {
        if winner.is_none_or(|w| p.specificity() > w.specificity()) {
            winner = Some(p);
        }
    }
    Some(VerbLookup {
        at,
        verb,
        block,
        default: dict.default_codes(verb),
        matching,
        winner,
    })
}

fn in_order(needed: &[String], words: &[String]) -> bool {
    let mut it = words.iter();
    needed.iter().all(|n| it.any(|w| w == n))
}

/// Pattern matching over a flat list of words.
struct Flat<'l> {
    dict: &'l VerbDict,
}

impl Flat<'_> {
    /// Whether `elements` match in order somewhere in `words[k..]`.
    fn sequence(&self, elements: &[Element], words: &[String], k: usize) -> bool {
        let Some((first, rest)) = elements.split_first() else {
            return true;
        };
        if matches!(first, Element::Compound) {
            return self.sequence(rest, words, k);
        }
        (k..words.len()).any(|at| {
            self.one(first, words, at)
                .is_some_and(|next| self.sequence(rest, words, next))
        })
    }

    /// Matches one element starting exactly at `at`; the index after it.
    fn one(&self, element: &Element, words: &[String], at: usize) -> Option<usize> {
        let w = words.get(at)?;
        match element {
            Element::Word(x) => {
                (w == x || *w == plural(x) || verb_forms(x).contains(w)).then_some(at + 1)
            }
            Element::Synset(id) => self.dict.synsets[*id]
                .phrases
                .iter()
                .filter(|p| words[at..].starts_with(p))
                .map(|p| at + p.len())
                .max(),
            Element::Target | Element::Source | Element::Skip => Some(at + 1),
            Element::Compound => Some(at),
            Element::NounPhrase(inner) => self.anchored(inner, words, at),
            Element::Prep(p, inner) => {
                let next = self.one(p, words, at)?;
                if inner.is_empty() {
                    return Some(next);
                }
                (next..words.len()).find_map(|start| self.anchored(inner, words, start))
            }
        }
    }

    /// Matches `inner` with its first element at `at` and the rest after it, in order; the
    /// index after the last.
    fn anchored(&self, inner: &[Element], words: &[String], at: usize) -> Option<usize> {
        let (first, rest) = inner.split_first()?;
        let mut next = self.one(first, words, at)?;
        for e in rest {
            next = (next..words.len()).find_map(|s| self.one(e, words, s))?;
        }
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Origin;
    use std::sync::Arc;

    fn role(code: &str, from: &str, until: &str) -> Role {
        let date = |d: &str| (!d.is_empty()).then(|| d.parse().unwrap());
        Role {
            code: code.into(),
            from: date(from),
            until: date(until),
            note: None,
            origin: Origin {
                file: Arc::from("t"),
                line: 1,
            },
        }
    }

    #[test]
    fn outcomes_explain_gaps() {
        let entry = ActorEntry {
            name: "X".into(),
            default: None,
            roles: vec![
                role("ABCGOV", "2001-01-01", "2002-01-01"),
                role("ABCELI", "2003-01-01", "2004-01-01"),
            ],
            origin: Origin {
                file: Arc::from("t"),
                line: 1,
            },
        };
        let on = |d: &str| outcome(&entry, Some(d.parse().unwrap()));
        assert!(matches!(on("2001-06-01"), Outcome::Role(r) if r.code == "ABCGOV"));
        assert!(
            matches!(on("2000-01-01"), Outcome::Nothing(Why::BeforeFirst(r)) if r.code == "ABCGOV")
        );
        assert!(
            matches!(on("2002-06-01"), Outcome::Nothing(Why::Between(a, b)) if a.code == "ABCGOV" && b.code == "ABCELI")
        );
        assert!(
            matches!(on("2004-01-01"), Outcome::Nothing(Why::AfterLast(r)) if r.code == "ABCELI")
        );
        assert_eq!(outcome(&entry, None), Outcome::Nothing(Why::NoOpenRole));
    }
}
