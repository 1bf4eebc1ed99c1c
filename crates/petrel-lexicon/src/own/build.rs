//! Turning the records of petrel's lexicon files into the [`Lexicon`] the coder uses.

use std::collections::HashMap;

use super::names::{self, variants};
use super::prepositions::{group, PREPOSITIONS};
use super::{irregular, AgentRecord, PatternRecord, PatternWord, Source};
use crate::actors::{ActorDict, ActorEntry, NameFlags, NameRef};
use crate::agents::{AgentDict, AgentEntry};
use crate::verbs::{Block, Element, EventCodes, Pattern, Predicate, Synset, Verb, VerbDict};
use crate::words::{key, plural};
use crate::{Lexicon, Origin};

pub(super) fn build(source: &Source) -> Lexicon {
    Lexicon {
        actors: actors(source),
        agents: agents(&source.agents),
        verbs: verbs(&source.patterns),
        ontology: source.ontology.clone(),
        ..Lexicon::default()
    }
}

fn upper(tokens: &[String]) -> Vec<String> {
    tokens.iter().map(|t| key(t)).collect()
}

/// Every name under each of its tokenizations; then, for names that have one, their plain
/// plural, unless that plural is already a name of some entry (a listed name always wins
/// over a made-up plural).
fn actors(source: &Source) -> ActorDict {
    let mut dict = ActorDict::default();
    let mut plurals = Vec::new();
    for record in &source.actors {
        let actor = dict.push(ActorEntry {
            name: record.names[0].text.clone(),
            default: record.code.clone(),
            roles: record.roles.clone(),
            origin: record.origin.clone(),
        });
        for name in &record.names {
            let flags = NameFlags {
                ambiguous: name.ambiguous,
                case_sensitive: name.text.chars().any(char::is_uppercase),
            };
            for tokens in variants(&name.text) {
                if let Some(p) = names::plural(&tokens) {
                    plurals.push((p, actor, flags));
                }
                dict.add_name(
                    upper(&tokens),
                    NameRef {
                        actor,
                        flags,
                        written: tokens.join(" "),
                    },
                );
            }
        }
    }
    for (tokens, actor, flags) in plurals {
        let key = upper(&tokens);
        let taken = dict.names.matches(&key).any(|(len, _)| len == key.len());
        if !taken {
            dict.add_name(
                key,
                NameRef {
                    actor,
                    flags,
                    written: tokens.join(" "),
                },
            );
        }
    }
    dict
}

/// Agents are indexed by every form as written (the file lists plurals itself).
fn agents(records: &[AgentRecord]) -> AgentDict {
    let mut dict = AgentDict::default();
    for record in records {
        let id = dict.push(AgentEntry {
            name: record.forms[0].clone(),
            code: record.code.clone(),
            placement: record.placement(),
            origin: record.origin.clone(),
        });
        for form in &record.forms {
            for tokens in variants(form) {
                dict.names.insert(upper(&tokens), id);
            }
        }
    }
    dict
}

/// One block per verb lemma, holding every pattern of that verb from every file in order;
/// the verb written alone gives the block's default code. Event nouns ("meeting") and
/// adjectives ("critical") get blocks of their own, apart from a verb of the same spelling
/// ("call", "open").
fn verbs(records: &[PatternRecord]) -> VerbDict {
    let mut dict = VerbDict::default();
    let mut synsets = SynsetTable::default();
    let mut block_of: HashMap<(Predicate, String), usize> = HashMap::new();
    let mut kinds = Vec::new();
    for record in records {
        let lemma = key(&record.verb);
        let block = *block_of
            .entry((record.kind, lemma.clone()))
            .or_insert_with(|| {
                kinds.push(record.kind);
                dict.blocks.push(Block {
                    name: lemma.clone(),
                    codes: EventCodes::default(),
                    patterns: Vec::new(),
                    origin: record.origin.clone(),
                });
                dict.blocks.len() - 1
            });
        let codes = EventCodes {
            forward: Some(record.code.clone()),
            reverse: record.reverse.clone(),
            foretold: record.foretold,
            joint: record.joint.clone(),
        };
        if record.is_bare_verb() {
            // The first bare line is the default; `petrel lexicon check` reports a second.
            let block = &mut dict.blocks[block];
            if block.codes.is_null() {
                block.codes = codes;
                block.origin = record.origin.clone();
            }
            continue;
        }
        let after = group(&record.words, |w| synsets.element(w, &record.origin));
        dict.blocks[block].patterns.push(Pattern {
            before: Vec::new(),
            after,
            codes,
            text: record.text.clone(),
            origin: record.origin.clone(),
        });
    }
    dict.synsets = synsets.synsets;
    let verbs: Vec<Verb> = dict
        .blocks
        .iter()
        .enumerate()
        .map(|(block, b)| Verb {
            words: vec![b.name.clone()],
            head: 0,
            forms: match kinds[block] {
                Predicate::Noun => vec![b.name.clone(), plural(&b.name)],
                Predicate::Adjective => vec![b.name.clone()],
                Predicate::Verb => irregular::forms(&b.name),
            },
            codes: None,
            kind: kinds[block],
            block,
            origin: b.origin.clone(),
        })
        .collect();
    for verb in verbs {
        dict.push_verb(verb);
    }
    dict
}

/// Anonymous synsets made for `a|b` and hyphenated words, one per distinct set of phrases.
#[derive(Default)]
struct SynsetTable {
    synsets: Vec<Synset>,
    ids: HashMap<Vec<Vec<String>>, usize>,
    /// Ids by the alternatives as written (`on|against`): most sets recur many times.
    written: HashMap<String, usize>,
}

impl SynsetTable {
    /// The element for one pattern word. A word matches as the coder matches any
    /// [`Element::Word`] (form, lemma, or regular plural); a hyphenated word or a set of
    /// alternatives becomes a synset whose phrases carry the same spellings: each word whole
    /// and split at its hyphens, and its regular plural unless it is a preposition or already
    /// ends in `s`.
    fn element(&mut self, word: &PatternWord, origin: &Origin) -> Element {
        let options: &[String] = match word {
            PatternWord::Target => return Element::Target,
            PatternWord::Source => return Element::Source,
            PatternWord::Word(w) if !w.contains('-') => return Element::Word(key(w)),
            PatternWord::Word(w) => std::slice::from_ref(w),
            PatternWord::Either(options) => options,
        };
        let written = options.join("|");
        if let Some(&id) = self.written.get(&written) {
            return Element::Synset(id);
        }
        let mut phrases: Vec<Vec<String>> = Vec::new();
        for option in options {
            let variants = variants(option);
            let single = variants[0].len() == 1;
            for tokens in variants {
                phrases.push(upper(&tokens));
            }
            let lower = option.to_lowercase();
            if single && !PREPOSITIONS.contains(&lower.as_str()) && !lower.ends_with('s') {
                phrases.push(vec![plural(&key(option))]);
            }
        }
        phrases.sort();
        phrases.dedup();
        let id = match self.ids.get(&phrases) {
            Some(&id) => id,
            None => {
                let id = self.synsets.len();
                self.ids.insert(phrases.clone(), id);
                self.synsets.push(Synset {
                    name: written.clone(),
                    phrases,
                    origin: origin.clone(),
                });
                id
            }
        };
        self.written.insert(written, id);
        Element::Synset(id)
    }
}
