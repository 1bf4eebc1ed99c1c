//! Verb patterns: which verbs (and the words around them) code which CAMEO event.
//!
//! The model follows PETRARCH2's: verbs are grouped in blocks that share patterns; a pattern
//! lists words that must stand before the verb and after it, with markers for where the
//! source (`$`) and target (`+`) are. petrel matches patterns against the dependency tree, not
//! against surface word order alone (see `petrel-coder`).

use rustc_hash::FxHashMap;

use crate::Origin;

pub type SynsetId = usize;
pub type BlockId = usize;
pub type VerbId = usize;

/// The event codes a match produces: source → target, and optionally target → source
/// (PETRARCH's `[040:040]`, petrel's `mutual`). `None` is the null code `---`: no event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventCodes {
    pub forward: Option<String>,
    pub reverse: Option<String>,
    /// The verb's subject is the target and the speaker reporting the clause the source:
    /// "Pakistan vowed that India *would pay*" is Pakistan threatening India. Such an event
    /// codes only when someone of another country foretells it (petrel's own `foretold`
    /// flag; PETRARCH has none).
    pub foretold: bool,
    /// The code of the act when the subject is two or more countries acting together and no
    /// other party is named: "Russian and Chinese warships held exercises" is military
    /// cooperation between the two (062), not a show of force (150) against no one. Coded
    /// both ways (petrel's own `joint CODE` flag; PETRARCH has none).
    pub joint: Option<String>,
}

impl EventCodes {
    /// Parses `040`, `040:040`, `---` or `---:043`.
    pub fn parse(text: &str) -> Result<EventCodes, String> {
        let one = |s: &str| -> Result<Option<String>, String> {
            let s = s.trim();
            // Codes are letters and digits (`040`, `0871`, `174L` in old files); `---` is the
            // null code. Anything else (`+++`) is a mistake in the file.
            if s.is_empty() || !(s == "---" || s.chars().all(|c| c.is_ascii_alphanumeric())) {
                return Err(format!("bad event code {s:?}"));
            }
            Ok((s != "---").then(|| s.to_uppercase()))
        };
        // In a pair, an empty side is the null code: `[:173]` codes only target → source.
        let side = |s: &str| {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                one(s)
            }
        };
        match text.split_once(':') {
            Some((f, r)) if !(f.trim().is_empty() && r.trim().is_empty()) => Ok(EventCodes {
                forward: side(f)?,
                reverse: side(r)?,
                foretold: false,
                joint: None,
            }),
            Some(_) => Err("empty event code pair".to_string()),
            None => Ok(EventCodes {
                forward: one(text)?,
                reverse: None,
                foretold: false,
                joint: None,
            }),
        }
    }

    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }
}

/// A named set of words or phrases that any pattern may use in place of a word.
#[derive(Clone, Debug)]
pub struct Synset {
    pub name: String,
    /// Each phrase as upper-cased words, plurals already added.
    pub phrases: Vec<Vec<String>>,
    pub origin: Origin,
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A word, upper-cased; matches a token's form or lemma.
    Word(String),
    /// Any phrase of a synset.
    Synset(SynsetId),
    /// Words that must all belong to one noun phrase (PETRARCH's `{...}`), in order.
    NounPhrase(Vec<Element>),
    /// A prepositional phrase (PETRARCH's `(...)`): the preposition, then what it governs.
    Prep(Box<Element>, Vec<Element>),
    /// The source actor is here (`$`).
    Source,
    /// The target actor is here (`+`).
    Target,
    /// Any word (`^`).
    Skip,
    /// The source is a compound: its conjoined actors act on each other (`%`).
    Compound,
}

/// A pattern within a verb block.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Elements that stand before the verb, in order.
    pub before: Vec<Element>,
    /// Elements that stand after the verb, in order.
    pub after: Vec<Element>,
    pub codes: EventCodes,
    /// The pattern as written, for explanations.
    pub text: String,
    pub origin: Origin,
}

impl Pattern {
    /// How specific the pattern is: the number of word-like elements it requires. The most
    /// specific matching pattern wins.
    pub fn specificity(&self) -> usize {
        fn count(e: &Element) -> usize {
            match e {
                Element::Word(_) | Element::Synset(_) => 1,
                Element::NounPhrase(es) => es.iter().map(count).sum(),
                Element::Prep(p, es) => count(p) + es.iter().map(count).sum::<usize>(),
                Element::Source | Element::Target | Element::Compound => 1,
                Element::Skip => 0,
            }
        }
        self.before.iter().chain(&self.after).map(count).sum()
    }
}

/// A block of synonymous verbs sharing one default code and one list of patterns.
#[derive(Clone, Debug)]
pub struct Block {
    pub name: String,
    pub codes: EventCodes,
    pub patterns: Vec<Pattern>,
    pub origin: Origin,
}

/// One verb (or multi-word verb) of a block.
#[derive(Clone, Debug)]
pub struct Verb {
    /// The verb's words in dictionary form, upper-cased: `["BREAK", "DOWN"]`.
    pub words: Vec<String>,
    /// Which of `words` is the verb itself (the others are particles or objects).
    pub head: usize,
    /// Inflected forms of the head word (including the base form).
    pub forms: Vec<String>,
    /// The verb's own code, overriding the block's.
    pub codes: Option<EventCodes>,
    /// What kind of word the head is: a verb, or (only in petrel's own lexicon) a noun naming
    /// the event ("talks with +") or a predicate adjective ("critical of +").
    pub kind: Predicate,
    pub block: BlockId,
    pub origin: Origin,
}

impl Verb {
    /// Words that must accompany the head, split into those before and after it.
    pub fn companions(&self) -> (&[String], &[String]) {
        (&self.words[..self.head], &self.words[self.head + 1..])
    }
}

/// The kind of word that heads a dictionary entry, which decides the words of a sentence it
/// is matched against: a noun entry never matches a verb of the same spelling ("call").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Predicate {
    #[default]
    Verb,
    /// An event noun ("meeting with +"), matched against nouns.
    Noun,
    /// A predicate adjective ("critical of +"), matched against an adjective with a copula
    /// ("was *critical* of"): the same words as verb patterns, but English says many
    /// attitudes with an adjective and no verb at all.
    Adjective,
}

/// A rewriting of an event nested under a verb of saying or wanting (PETRARCH's `~` lines):
/// `a (a b ATTACK) SAY = a b 015` — when `a` says that `a` attacked `b`, code `a → b 015`.
#[derive(Clone, Debug)]
pub struct Transformation {
    /// Variable naming the outer verb's source.
    pub outer_source: String,
    /// The inner event: its source variable, target variable and verb (block name or verb).
    pub inner: (String, String, String),
    /// The outer verb (block name or verb).
    pub outer_verb: String,
    /// The result: source variable, target variable, and code (or `Q` for the inner code).
    pub result: (String, String, String),
    pub origin: Origin,
}

/// All verbs, blocks, synsets and transformations, with an index from word forms to verbs.
#[derive(Debug, Default)]
pub struct VerbDict {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<Block>,
    pub verbs: Vec<Verb>,
    pub transformations: Vec<Transformation>,
    /// Upper-cased verb forms and base forms → verbs with that head.
    by_form: FxHashMap<String, Vec<VerbId>>,
}

impl VerbDict {
    /// Adds a verb and indexes its forms.
    pub fn push_verb(&mut self, verb: Verb) -> VerbId {
        let id = self.verbs.len();
        let mut keys = verb.forms.clone();
        keys.push(verb.words[verb.head].clone());
        keys.sort();
        keys.dedup();
        for key in keys {
            self.by_form.entry(key).or_default().push(id);
        }
        self.verbs.push(verb);
        id
    }

    /// Verbs whose head has this upper-cased form or lemma.
    pub fn lookup(&self, word: &str) -> &[VerbId] {
        self.by_form.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every upper-cased form and base form with the verbs it names, as [`VerbDict::lookup`]
    /// finds them.
    pub fn forms(&self) -> impl Iterator<Item = (&str, &[VerbId])> {
        self.by_form
            .iter()
            .map(|(form, verbs)| (form.as_str(), verbs.as_slice()))
    }

    /// The codes a verb takes when no pattern matches: its own, else its block's.
    pub fn default_codes(&self, verb: VerbId) -> &EventCodes {
        let v = &self.verbs[verb];
        v.codes.as_ref().unwrap_or(&self.blocks[v.block].codes)
    }

    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_with_pairs_and_nulls() {
        let c = EventCodes::parse("040:040").unwrap();
        assert_eq!(c.forward.as_deref(), Some("040"));
        assert_eq!(c.reverse.as_deref(), Some("040"));
        assert!(EventCodes::parse("---").unwrap().is_null());
        let c = EventCodes::parse("---:043").unwrap();
        assert_eq!((c.forward, c.reverse.as_deref()), (None, Some("043")));
        assert!(EventCodes::parse("").is_err());
        assert!(EventCodes::parse("+++").is_err());
        assert_eq!(
            EventCodes::parse(":173").unwrap().reverse.as_deref(),
            Some("173")
        );
        assert!(EventCodes::parse(":").is_err());
    }
}
