//! The coder: one sentence in, its events out.

use aho_corasick::AhoCorasick;
use jiff::civil::Date;
use petrel_lexicon::discards::normalise_text;
use petrel_lexicon::verbs::EventCodes;
use petrel_lexicon::Lexicon;
use petrel_text::Sentence;

use crate::event::describe;
use crate::nominals::Nominals;
use crate::patterns::{match_verb, VerbMatch};
use crate::{mentions, roles, ActorMatch, Event, Evidence, Tree};

/// Codes sentences against one lexicon. Create it once (it indexes the discard list); it holds
/// no per-sentence state, so one coder may be shared across threads.
pub struct Coder<'l> {
    lexicon: &'l Lexicon,
    require_target: bool,
    /// All discard phrases in one automaton: one pass over a sentence finds every candidate,
    /// where looking for each of the Phoenix list's ~2,000 phrases in turn cost more than
    /// all the rest of coding.
    discards: Option<AhoCorasick>,
}

/// Why a sentence was not coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Discarded {
    /// A sentence-level discard phrase matched (the phrase).
    Sentence(String),
    /// A story-level discard phrase matched: the caller should drop the whole story.
    Story(String),
}

/// The result of coding one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceCoding {
    pub events: Vec<Event>,
    pub discarded: Option<Discarded>,
}

impl<'l> Coder<'l> {
    /// A coder that, as PETRARCH does by default, codes only dyadic events: a verb whose
    /// target cannot be found yields nothing rather than a half-known event.
    pub fn new(lexicon: &'l Lexicon) -> Coder<'l> {
        let discards = AhoCorasick::new(lexicon.discards.iter().map(|d| d.phrase.as_str())).ok();
        Coder {
            lexicon,
            require_target: true,
            discards,
        }
    }

    /// Whether events without a target are coded too (with `target: None`).
    pub fn require_target(mut self, yes: bool) -> Coder<'l> {
        self.require_target = yes;
        self
    }

    /// Codes one parsed sentence. `date` selects the actor codes valid on that day.
    pub fn code(&self, sentence: &Sentence, date: Option<Date>) -> SentenceCoding {
        self.code_in_story(sentence, date, None)
    }

    /// Codes one sentence of a story. `antecedent` is who a subject pronoun ("he", "she",
    /// "it", "they") that the sentence itself cannot resolve refers to: the story's most
    /// recent actor, as the caller knows it.
    pub fn code_in_story(
        &self,
        sentence: &Sentence,
        date: Option<Date>,
        antecedent: Option<&ActorMatch>,
    ) -> SentenceCoding {
        if let Some(discarded) = self.discard(sentence) {
            return SentenceCoding {
                events: Vec::new(),
                discarded: Some(discarded),
            };
        }
        let tree = Tree::new(sentence);
        let mentions = mentions::find(&tree, self.lexicon);
        let nominals = Nominals::new(&tree, self.lexicon, &mentions, date);
        let matches: Vec<Option<VerbMatch>> = (0..tree.len())
            .map(|v| {
                (tree.token(v).upos == "VERB")
                    .then(|| match_verb(&tree, &self.lexicon.verbs, &nominals, v))
                    .flatten()
                    .filter(|m| !m.codes.is_null())
            })
            .collect();
        let mut events: Vec<Event> = Vec::new();
        for (v, m) in matches.iter().enumerate() {
            let Some(m) = m else { continue };
            // "threatened *to strike*", "promised *to send* aid": the complement is what the
            // governing event threatens or promises, not a second event.
            let governed =
                tree.rel(v) == "xcomp" && tree.head(v).is_some_and(|h| matches[h].is_some());
            if governed {
                continue;
            }
            for event in self.events_for(&tree, &nominals, v, m, antecedent) {
                let duplicate = events.iter().any(|e| {
                    e.code == event.code
                        && e.source.code == event.source.code
                        && e.target.as_ref().map(|t| &t.code)
                            == event.target.as_ref().map(|t| &t.code)
                });
                if !duplicate {
                    events.push(event);
                }
            }
        }
        SentenceCoding {
            events,
            discarded: None,
        }
    }

    fn discard(&self, sentence: &Sentence) -> Option<Discarded> {
        if self.lexicon.discards.is_empty() {
            return None;
        }
        let text = match &sentence.text {
            Some(text) => normalise_text(text),
            None => normalise_text(
                &sentence
                    .tokens
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
        let automaton = self.discards.as_ref()?;
        let hit = automaton
            .find_overlapping_iter(&text)
            .map(|m| &self.lexicon.discards[m.pattern().as_usize()])
            .filter(|d| d.matches(&text))
            .min_by_key(|d| (!d.story, d.origin.line))?;
        Some(if hit.story {
            Discarded::Story(hit.phrase.clone())
        } else {
            Discarded::Sentence(hit.phrase.clone())
        })
    }

    /// The events one matched verb produces: every source with every target (or none).
    fn events_for(
        &self,
        tree: &Tree,
        nominals: &Nominals,
        v: usize,
        m: &VerbMatch,
        antecedent: Option<&ActorMatch>,
    ) -> Vec<Event> {
        let passive = roles::is_passive(tree, v);
        // The actors of a subject: of each conjunct in turn, looking inside a conjunct that
        // names none at its head ("Ithilen's sheep and goats of Gondor").
        let subject_actors = |s: usize| {
            let found = nominals.actors(s);
            if !found.is_empty() {
                return found;
            }
            let mut conjuncts = vec![s];
            conjuncts.extend(tree.children_with(s, "conj"));
            conjuncts
                .into_iter()
                .flat_map(|k| nominals.find_in(k))
                .collect()
        };
        let sources: Vec<ActorMatch> = match m.source {
            Some(s) => nominals.actors(s),
            None if passive => roles::passive_agent(tree, v)
                .map(|a| nominals.find_in(a))
                .unwrap_or_default(),
            None => {
                let subject = roles::subject(tree, v);
                let found = subject.map(subject_actors).unwrap_or_default();
                match (subject, antecedent) {
                    (Some(s), Some(a))
                        if found.is_empty() && roles::is_personal_pronoun(tree, s) =>
                    {
                        vec![a.clone()]
                    }
                    _ => found,
                }
            }
        };
        let targets: Vec<ActorMatch> = match m.target {
            Some(t) => nominals.actors(t),
            None if passive => roles::subject(tree, v)
                .map(subject_actors)
                .unwrap_or_default(),
            None => roles::default_target(tree, nominals, v, passive),
        };
        let verb = &self.lexicon.verbs.verbs[m.verb];
        let evidence = Evidence {
            block: self.lexicon.verbs.blocks[verb.block].name.clone(),
            verb: format!("{} ({})", verb.words.join(" "), describe(&verb.origin)),
            pattern: m
                .pattern
                .map(|p| format!("{} ({})", p.text.trim(), describe(&p.origin))),
        };
        let negated = roles::is_negated(tree, v);
        // With a negation table, "did not X" codes as the table says (or not at all); without
        // one the event keeps its code and carries `negated`.
        let negation = self.lexicon.negations.as_ref().filter(|_| negated);
        let codes = match negation {
            Some(table) => EventCodes {
                forward: m
                    .codes
                    .forward
                    .as_deref()
                    .and_then(|c| table.negate(c))
                    .map(str::to_string),
                reverse: m
                    .codes
                    .reverse
                    .as_deref()
                    .and_then(|c| table.negate(c))
                    .map(str::to_string),
            },
            None => m.codes.clone(),
        };
        let negated = negated && negation.is_none();
        // `find_in` looks at the phrase's head first, then inside it.
        let attribution =
            roles::speaker(tree, v).and_then(|s| nominals.find_in(s).into_iter().next());
        let event = |code: &str, source: &ActorMatch, target: Option<&ActorMatch>| Event {
            code: code.to_string(),
            source: source.clone(),
            target: target.cloned(),
            trigger: v,
            negated,
            attribution: attribution.clone(),
            evidence: evidence.clone(),
        };
        let mut out = Vec::new();
        // "Russia and Ukraine exchanged prisoners": a reciprocal event with a conjoined
        // subject and no other party is between the conjuncts, as `%` patterns say outright.
        // Cooperation and fighting between the conjuncts count too ("the United States and
        // China agreed", "rebels and soldiers clashed"); statements and criticism do not
        // ("Britain and France condemned the attack" is not an event between them).
        let mutual_root = codes
            .forward
            .as_deref()
            .is_some_and(|c| matches!(c.get(..2), Some("03" | "04" | "05" | "06" | "19")));
        let reciprocal = targets.is_empty() && (codes.reverse.is_some() || mutual_root);
        if (m.compound || reciprocal) && sources.len() > 1 {
            for a in &sources {
                for b in sources.iter().filter(|b| b.code != a.code) {
                    if let Some(code) = &codes.forward {
                        out.push(event(code, a, Some(b)));
                    }
                }
            }
            return out;
        }
        for source in &sources {
            if targets.is_empty() {
                if self.require_target {
                    continue;
                }
                if let Some(code) = &codes.forward {
                    out.push(event(code, source, None));
                }
                continue;
            }
            for target in targets.iter().filter(|t| t.code != source.code) {
                if let Some(code) = &codes.forward {
                    out.push(event(code, source, Some(target)));
                }
                if let Some(code) = &codes.reverse {
                    out.push(event(code, target, Some(source)));
                }
            }
        }
        out
    }
}
