//! The coder: one sentence in, its events out.

use std::borrow::Cow;
use std::cell::OnceCell;

use compact_str::format_compact;
use jiff::civil::Date;
use petrel_lexicon::verbs::EventCodes;
use petrel_lexicon::Lexicon;
use petrel_text::Sentence;

use crate::context::{self, phrase, Known, StoryContext};
use crate::discard::Discards;
use crate::nominals::Nominals;
use crate::pattern_words::PatternWords;
use crate::patterns::{match_verb, VerbMatch};
use crate::{mentions, modality, repair, roles, ActorMatch, Event, Evidence, Modality, Tree};

/// Codes sentences against one lexicon. Create it once (it indexes the discard list); it holds
/// no per-sentence state, so one coder may be shared across threads.
pub struct Coder<'l> {
    lexicon: &'l Lexicon,
    require_target: bool,
    recode_modal: bool,
    explain: bool,
    discards: Discards<'l>,
    pattern_words: PatternWords,
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
        Coder {
            lexicon,
            require_target: true,
            recode_modal: false,
            explain: false,
            discards: Discards::new(&lexicon.discards),
            pattern_words: PatternWords::new(lexicon),
        }
    }

    /// Whether events without a target are coded too (with `target: None`).
    pub fn require_target(mut self, yes: bool) -> Coder<'l> {
        self.require_target = yes;
        self
    }

    /// Whether an event only announced ("would supply", "ready to send", "could strike if")
    /// is coded as the intent (03) or threat (13) it expresses, as CAMEO does, instead of as
    /// the deed. Off by default, as in PETRARCH, whose test suite codes "is about to restore
    /// ties" as the restoring itself.
    pub fn recode_modal(mut self, yes: bool) -> Coder<'l> {
        self.recode_modal = yes;
        self
    }

    /// Whether events carry their explanation: the verb entry and pattern that coded them
    /// ([`Event::evidence`]) and the dictionary entries behind each actor
    /// ([`ActorMatch::entries`]). Off by default: writing those labels out for every actor
    /// and event, and copying them with the actor, was a twentieth of the cost of coding, for
    /// output most runs never show.
    pub fn explain(mut self, yes: bool) -> Coder<'l> {
        self.explain = yes;
        self
    }

    /// The intent or threat code of an announced event, if it has one. A cooperative act is
    /// an intent only when it is still to come or wanted ("may meet" is not a promise); a
    /// violent one is a threat when its own actor announces it, not when someone else
    /// predicts it ("Pakistan said India would strike" is Pakistan's fear, not India's
    /// threat).
    fn announced(
        &self,
        code: &str,
        modality: Modality,
        source: &ActorMatch,
        speaker: Option<&ActorMatch>,
    ) -> Option<&'static str> {
        if modality == Modality::Hypothetical {
            return None;
        }
        if modality != Modality::Possible {
            if let Some(intent) = modality::intent_code(code) {
                return Some(intent);
            }
        }
        let own_words = speaker.is_none_or(|s| s.code.get(..3) == source.code.get(..3));
        modality::threat_code(code).filter(|_| own_words)
    }

    /// Codes one parsed sentence on its own. `date` selects the actor codes valid on that day.
    pub fn code(&self, sentence: &Sentence, date: Option<Date>) -> SentenceCoding {
        self.code_with(sentence, date, None)
    }

    /// Codes one sentence of a story, in story order. `context` carries what the earlier
    /// sentences established (who "he" is, surnames, "the bloc", where the story happens)
    /// and takes in what this one adds.
    pub fn code_in_story(
        &self,
        sentence: &Sentence,
        date: Option<Date>,
        context: &mut StoryContext,
    ) -> SentenceCoding {
        self.code_with(sentence, date, Some(context))
    }

    fn code_with(
        &self,
        sentence: &Sentence,
        date: Option<Date>,
        story: Option<&mut StoryContext>,
    ) -> SentenceCoding {
        if let Some(discarded) = self.discards.check(sentence) {
            return SentenceCoding {
                events: Vec::new(),
                discarded: Some(discarded),
            };
        }
        let sentence = repair::repaired(sentence);
        let tree = Tree::new(&sentence, &self.pattern_words);
        let mut mentions = mentions::find(&tree, self.lexicon);
        let known = match &story {
            Some(context) => mentions::find_known(&tree, &mut mentions, context),
            None => Vec::new(),
        };
        let nominals = Nominals::new(&tree, self.lexicon, &mentions, date)
            .with_known(&known)
            .explaining(self.explain);
        // One slot per token, on the stack for all but very long sentences: a kilobyte or
        // more on the heap took the allocator's slow path for every sentence.
        let mut short: [Option<VerbMatch>; 64] = std::array::from_fn(|_| None);
        let mut long = Vec::new();
        let matches: &mut [Option<VerbMatch>] = match short.get_mut(..tree.len()) {
            Some(slots) => slots,
            None => {
                long.resize_with(tree.len(), || None);
                &mut long
            }
        };
        for (v, slot) in matches.iter_mut().enumerate() {
            // A word that is no verb form of the dictionary matches nothing (the usual case):
            // two numbers tell so before its part of speech is read.
            let known = tree.verb_words(v) != (None, None);
            // An adjective heads an event only as a predicate ("Li was *optimistic* about").
            let predicate = || match tree.token(v).upos.as_str() {
                "VERB" | "NOUN" => true,
                "ADJ" => tree.children_with(v, "cop").next().is_some(),
                _ => false,
            };
            *slot = (known && predicate())
                .then(|| {
                    let verbs = &self.lexicon.verbs;
                    match_verb(&tree, verbs, &self.pattern_words, &nominals, v)
                })
                .flatten()
                .filter(|m| !m.codes.is_null());
        }
        let matches = &*matches;
        let mut events: Vec<Event> = Vec::new();
        for (v, m) in matches.iter().enumerate() {
            let Some(m) = m else { continue };
            // "threatened *to strike*", "promised *to send* aid": the complement is what the
            // governing event threatens or promises, not a second event. A passive without an
            // agent ("was seen *to break* into", "is reported *to have attacked*") reports the
            // complement's deed, which is the event.
            let governed = tree.rel(v) == "xcomp"
                && tree.head(v).is_some_and(|h| {
                    matches[h].is_some()
                        && !(roles::is_passive(&tree, h)
                            && roles::passive_agent(&tree, h).is_none())
                });
            if governed || asked_for(&tree, matches, v) {
                continue;
            }
            let mut found = self.events_for(&tree, &nominals, v, m, story.as_deref());
            if let Some(context) = story.as_deref() {
                // Where the verb's event happens matters only to actors without a country;
                // it is looked for once per verb, and only then.
                let countryless = |a: &ActorMatch| a.code.starts_with("---");
                let needed = found
                    .iter()
                    .any(|e| countryless(&e.source) || e.target.as_ref().is_some_and(countryless));
                let here = needed.then(|| place_of(&tree, &nominals, v)).flatten();
                for event in &mut found {
                    // "Beijing said *its* coast guard acted lawfully": "its" is the
                    // speaker's, else the story's current subject's.
                    let owner = event
                        .attribution
                        .as_ref()
                        .and_then(|a| Known::country(&tree, a))
                        .or_else(|| context.antecedent().cloned());
                    let place = Place {
                        here: here.as_ref(),
                        owner: owner.as_ref(),
                    };
                    settle_country(&tree, &mut event.source, context, place);
                    if let Some(target) = &mut event.target {
                        settle_country(&tree, target, context, place);
                    }
                }
            }
            // Room for exactly these: an event is some 350 bytes, and the four a list grows
            // to at first take the allocator's slow path, here and where the list is freed.
            events.reserve_exact(found.len());
            for event in found {
                if event
                    .target
                    .as_ref()
                    .is_some_and(|t| t.code == event.source.code)
                {
                    continue;
                }
                // An event noun restates what a verb already coded ("held talks with") as
                // often as it adds an event ("during talks with"): it adds only a new root.
                let noun = tree.token(v).upos == "NOUN";
                let same_code = |e: &Event| match noun {
                    true => e.code.get(..2) == event.code.get(..2),
                    false => e.code == event.code,
                };
                let duplicate = events.iter().any(|e| {
                    same_code(e)
                        && e.source.code == event.source.code
                        && e.target.as_ref().map(|t| &t.code)
                            == event.target.as_ref().map(|t| &t.code)
                });
                if !duplicate {
                    events.push(event);
                }
            }
        }
        if let Some(context) = story {
            context.remember(&tree, &nominals, &events, |a| phrase(&tree, a));
        }
        SentenceCoding {
            events,
            discarded: None,
        }
    }

    /// Takes the country a dateline names ("HERAT, Afghanistan", "NAIROBI") as where the story
    /// takes place, so that "police" or "civilians" with no country of their own get it.
    pub fn read_dateline(
        &self,
        sentence: &Sentence,
        date: Option<Date>,
        context: &mut StoryContext,
    ) {
        // Datelines write the place in capitals and the date not ("HERAT, Afghanistan, July
        // 10"); in capitals throughout, names match as in a headline.
        let mut capitals = sentence.clone();
        for token in &mut capitals.tokens {
            token.form = token.form.to_uppercase();
        }
        let tree = Tree::new(&capitals, &self.pattern_words);
        let mentions = mentions::find(&tree, self.lexicon);
        let nominals = Nominals::new(&tree, self.lexicon, &mentions, date);
        let country = mentions
            .iter()
            .rev()
            .flat_map(|m| nominals.actors(m.head))
            .find_map(|a| Known::country(&tree, &a));
        if let Some(country) = country {
            context.set_place(country);
        }
    }

    /// The events one matched verb produces: every source with every target (or none).
    fn events_for(
        &self,
        tree: &Tree,
        nominals: &Nominals,
        v: usize,
        m: &VerbMatch,
        story: Option<&StoryContext>,
    ) -> Vec<Event> {
        // "Russia pounded Kyiv, *killing* 12 people": the toll of an act of force is that act,
        // coded once, by its own verb.
        let violent = m
            .codes
            .forward
            .as_deref()
            .is_some_and(|c| matches!(c.get(..2), Some("18" | "19" | "20")));
        if violent && roles::is_trailing_participle(tree, v) {
            return Vec::new();
        }
        let antecedent = story.and_then(StoryContext::antecedent);
        let passive = roles::is_passive(tree, v);
        // The actors of a subject: of each conjunct in turn, looking inside a conjunct that
        // names none at its head ("Ithilen's sheep and goats of Gondor"). A thing that names
        // none acts for whoever used it ("a drone *launched by the Houthis* killed").
        let subject_actors = |s: usize| {
            let found = nominals.actors(s);
            if !found.is_empty() {
                return found;
            }
            std::iter::once(s)
                .chain(tree.children_with(s, "conj"))
                .flat_map(|k| nominals.find_in(roles::user_of(tree, k).unwrap_or(k)))
                .collect()
        };
        let mut sources: Vec<ActorMatch> = match m.source {
            Some(s) => nominals.actors(s),
            None if passive => match roles::passive_agent(tree, v) {
                Some(a) => nominals.find_in(a),
                None => roles::unnamed_agent(tree, nominals, v),
            },
            None => {
                let subject = match tree.token(v).upos.as_str() {
                    "NOUN" => roles::doer_of_event_noun(tree, v),
                    _ => roles::subject(tree, v),
                };
                // A clause parsed with two subjects is most often a coordination the parser
                // missed ("Xi Jinping and ... Putin held talks", "Hours later Israel
                // released"): the actors of every subject of the clause act.
                let found: Vec<ActorMatch> = subject
                    .map(|s| {
                        let clause = tree.head(s).filter(|_| tree.rel(s) == "nsubj");
                        let others = clause.map_or(Vec::new(), |clause| {
                            tree.children_with(clause, "nsubj")
                                .filter(|&o| o != s)
                                .collect()
                        });
                        if others.is_empty() {
                            return subject_actors(s);
                        }
                        let all: Vec<ActorMatch> = std::iter::once(s)
                            .chain(others)
                            .flat_map(subject_actors)
                            .collect();
                        // "*U.S.* President *Donald Trump* agreed", split into two subjects,
                        // is one actor: a bare country named beside someone of it says less.
                        let vaguer = |a: &ActorMatch| {
                            all.iter().any(|b| {
                                b.code.len() > a.code.len() && b.code.starts_with(a.code.as_str())
                            })
                        };
                        let keep: Vec<bool> = all.iter().map(|a| !vaguer(a)).collect();
                        all.into_iter()
                            .zip(keep)
                            .filter_map(|(a, k)| k.then_some(a))
                            .collect()
                    })
                    .unwrap_or_default();
                match (subject, antecedent) {
                    (Some(s), Some(a))
                        if found.is_empty() && roles::is_personal_pronoun(tree, s) =>
                    {
                        vec![a.at(s, s, "pronoun for ")]
                    }
                    _ => found,
                }
            }
        };
        // Every event has a source: without one there is nothing more to work out (most
        // matched verbs end here).
        if sources.is_empty() {
            return Vec::new();
        }
        // "von der Leyen travelled to Tunis *with* Meloni and Rutte": when a visit or meeting
        // has its other party elsewhere, those who come along take part too (the phrase may
        // hang from the verb or, as parsers often attach it, from the place visited).
        let consults = m
            .codes
            .forward
            .as_deref()
            .is_some_and(|c| c.starts_with("04"));
        if let Some(t) = m.target.filter(|_| consults && story.is_some()) {
            let companions = tree
                .children_with(v, "obl")
                .chain(tree.children_with(t, "nmod"))
                .filter(|&c| c != t && tree.case_of(c) == Some("WITH"));
            for c in companions {
                sources.extend(nominals.actors(c));
            }
        }
        let targets: Vec<ActorMatch> = match m.target {
            Some(t) => nominals.actors(t),
            None if passive => roles::subject(tree, v)
                .map(subject_actors)
                .unwrap_or_default(),
            // An object pronoun comes before anything else the clause names ("urged *him* to
            // normalise relations with Israel": him, not Israel), when the story is known.
            None => match story {
                Some(context) => Some(object_pronoun_target(tree, nominals, v, &sources))
                    .filter(|found| !found.is_empty())
                    .or_else(|| {
                        let about_an_act = m.codes.forward.as_deref().is_some_and(|c| {
                            COMMENT_ROOTS.contains(&c.get(..2).unwrap_or_default())
                        });
                        about_an_act.then(|| event_noun_target(tree, nominals, v, context))?
                    })
                    .unwrap_or_else(|| roles::default_target(tree, nominals, v, passive)),
                None => roles::default_target(tree, nominals, v, passive),
            },
        };
        let verb = &self.lexicon.verbs.verbs[m.verb];
        // Written out only if the verb gives an event (most matched verbs give none), and only
        // for a coder that explains.
        let evidence = OnceCell::new();
        let evidence = || {
            evidence.get_or_init(|| match self.explain {
                true => Evidence {
                    block: self.lexicon.verbs.blocks[verb.block].name.clone(),
                    verb: verb.origin.label(&[&verb.words.join(" ")]),
                    pattern: m.pattern.map(|p| p.origin.label(&[p.text.trim()])),
                },
                false => Evidence::default(),
            })
        };
        let negated = roles::is_negated(tree, v);
        // With a negation table, "did not X" codes as the table says (or not at all); without
        // one the event keeps its code and carries `negated`.
        let negation = self.lexicon.negations.as_ref().filter(|_| negated);
        let codes = match negation {
            Some(table) => {
                let negate = |code: &Option<String>| {
                    code.as_deref()
                        .and_then(|c| table.negate(c))
                        .map(str::to_string)
                };
                Cow::Owned(EventCodes {
                    forward: negate(&m.codes.forward),
                    reverse: negate(&m.codes.reverse),
                    foretold: m.codes.foretold,
                    joint: negate(&m.codes.joint),
                })
            }
            // The dictionary's own codes, borrowed: copied, they cost a string each.
            None => Cow::Borrowed(m.codes),
        };
        let negated = negated && negation.is_none();
        // `find_in` looks at the phrase's head first, then inside it.
        let attribution =
            roles::speaker(tree, v).and_then(|s| nominals.find_in(s).into_iter().next());
        let modality = modality::of(tree, v);
        let event = |code: &str, source: &ActorMatch, target: Option<&ActorMatch>| {
            let recoded = modality
                .filter(|_| self.recode_modal && !negated)
                .and_then(|m| self.announced(code, m, source, attribution.as_ref()));
            Event {
                code: recoded.unwrap_or(code).to_string(),
                source: source.clone(),
                target: target.cloned(),
                trigger: v,
                negated,
                attribution: attribution.clone(),
                modality,
                recoded_from: recoded.map(|_| code.to_string()),
                evidence: evidence().clone(),
            }
        };
        // Room for the one or two events most verbs give: an event is some 350 bytes, and
        // the four a list grows to at first take the allocator's slow path.
        let mut out = Vec::with_capacity(2);
        if codes.foretold {
            let speaker = attribution.as_ref().filter(|_| !negated);
            if let (Some(speaker), Some(code)) = (speaker, &codes.forward) {
                for subject in foretold_for(&sources, speaker, modality) {
                    out.push(Event {
                        code: code.clone(),
                        source: speaker.clone(),
                        target: Some(subject.clone()),
                        trigger: v,
                        negated,
                        attribution: Some(speaker.clone()),
                        modality: None,
                        recoded_from: None,
                        evidence: evidence().clone(),
                    });
                }
            }
            return out;
        }
        // "Russia and Ukraine exchanged prisoners": a reciprocal event with a conjoined
        // subject and no other party is between the conjuncts, as `%` patterns say outright.
        // Cooperation and fighting between the conjuncts count too ("the United States and
        // China agreed", "rebels and soldiers clashed"); statements and criticism do not
        // ("Britain and France condemned the attack" is not an event between them).
        // Fighting counts only when it has no object but each other: "American and Filipino
        // troops attacked *the village*" is not an attack on each other.
        let mutual_root = codes.forward.as_deref().is_some_and(|c| match c.get(..2) {
            Some("03" | "04" | "05" | "06") => true,
            Some("19") => tree
                .children_with(v, "obj")
                .all(|o| matches!(tree.lemmas[o].as_str(), "OTHER" | "ANOTHER")),
            _ => false,
        });
        // A party with no country ("exchanged *prisoners*"), or one of the subjects again
        // ("Xi and Putin held talks *in the Kremlin*"), is not a third side of a reciprocal
        // act between the subjects.
        let is_subject = |t: &ActorMatch| {
            sources.len() > 1 && sources.iter().any(|s| s.code.get(..3) == t.code.get(..3))
        };
        // Nor is a place no pattern asked for ("signed a declaration *at the White House*";
        // "arrived *in* Moscow" asks for it).
        let is_place = |t: &ActorMatch| {
            sources.len() > 1
                && m.target.is_none()
                && matches!(tree.case_of(t.head), Some("AT" | "IN"))
        };
        let no_party = targets
            .iter()
            .all(|t| t.code.starts_with("---") || is_subject(t) || is_place(t));
        let reciprocal = no_party && (codes.reverse.is_some() || mutual_root);
        // Countries doing together what the lexicon calls a joint act ("Russian and Chinese
        // warships held exercises") act with each other, under the act's joint code.
        let countries = || {
            let mut seen: Vec<&str> = sources.iter().filter_map(|s| s.code.get(..3)).collect();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        let joint = codes.joint.as_ref().filter(|_| no_party && countries() > 1);
        if (m.compound || reciprocal || joint.is_some()) && sources.len() > 1 {
            for a in &sources {
                for b in sources.iter().filter(|b| b.code != a.code) {
                    if let Some(code) = joint.or(codes.forward.as_ref()) {
                        out.push(event(code, a, Some(b)));
                    }
                }
            }
            return out;
        }
        // "Moscow denied responsibility": a denial answers whoever last accused the denier in
        // the story. So does "Rwanda denied *that it backed the rebels*": the actors of what is
        // denied are not the ones the denial answers.
        let answers_accuser = codes.forward.as_deref() == Some(DENY)
            && (targets.is_empty() || tree.children_with(v, "ccomp").next().is_some());
        for source in &sources {
            let accuser = story
                .filter(|_| answers_accuser)
                .and_then(|s| s.accuser_of(&source.code))
                .map(|k| k.at(v, v, "the accuser: "));
            if let Some(accuser) = accuser {
                if let Some(code) = &codes.forward {
                    out.push(event(code, source, Some(&accuser)));
                }
                continue;
            }
            // "Thousands of Georgians rallied": a protest that names no target, or only a
            // country-less one ("outside city hall"), is, as CAMEO codes it, against the
            // protesters' own government.
            let protest = codes
                .forward
                .as_deref()
                .is_some_and(|c| c.starts_with("14"));
            if targets.is_empty() || (protest && targets.iter().all(|t| t.code.starts_with("---")))
            {
                let government = story
                    .filter(|_| protest)
                    .and_then(|_| context::country_of(&source.code))
                    .map(|country| ActorMatch {
                        code: format_compact!("{country}GOV"),
                        head: v,
                        tokens: (v, v),
                        entries: vec![
                            "the protesters' own government (a protest's default target)"
                                .to_string(),
                        ],
                    });
                if let (Some(government), Some(code)) = (government, &codes.forward) {
                    out.push(event(code, source, Some(&government)));
                    continue;
                }
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
                // An announced mutual act ("ready to sign a deal with the United States") is
                // the announcer's intent alone.
                if let Some(code) = &codes.reverse {
                    let reverse = event(code, target, Some(source));
                    if reverse.recoded_from.is_none() {
                        out.push(reverse);
                    }
                }
            }
        }
        out
    }
}

/// The subjects a `foretold` fate ("India *would pay* for the strikes") threatens: those the
/// speaker foretells it for, when it is still to come and the speaker is of another country.
/// Said as a fact ("India paid"), or by the subject of itself, it threatens no one.
fn foretold_for<'a>(
    subjects: &'a [ActorMatch],
    speaker: &'a ActorMatch,
    modality: Option<Modality>,
) -> impl Iterator<Item = &'a ActorMatch> {
    let to_come = matches!(
        modality,
        Some(Modality::Future | Modality::Possible | Modality::Conditional)
    );
    subjects
        .iter()
        .filter(move |s| to_come && s.code.get(..3) != speaker.code.get(..3))
}

/// The actor an object pronoun stands for ("praised Sharaa ... and urged *him*", "broke off
/// relations with Israel, accusing *it*"): the nearest actor named before it in the sentence
/// that is not the event's source.
fn object_pronoun_target(
    tree: &Tree,
    nominals: &Nominals,
    v: usize,
    sources: &[ActorMatch],
) -> Vec<ActorMatch> {
    let Some(pronoun) =
        tree.children(v).iter().copied().find(|&o| {
            matches!(tree.rel(o), "obj" | "iobj") && roles::is_personal_pronoun(tree, o)
        })
    else {
        return Vec::new();
    };
    let is_source = |a: &ActorMatch| sources.iter().any(|s| s.code == a.code);
    // Not a word of the source's own phrase ("*Kenyan* police arrested him").
    let in_source = |i: usize| {
        sources
            .iter()
            .any(|s| (s.tokens.0..=s.tokens.1).contains(&i))
    };
    (0..pronoun)
        .rev()
        .filter(|&i| !in_source(i))
        .flat_map(|i| nominals.actors(i))
        .find(|a| !is_source(a))
        .map(|a| {
            let known = Known {
                text: phrase(tree, &a),
                code: a.code.into(),
            };
            known.at(pronoun, pronoun, "pronoun for ")
        })
        .into_iter()
        .collect()
}

/// CAMEO roots of events that comment on an act ("condemned the arrest", "welcomed the
/// decision"), whose object may name an earlier event rather than an actor: 01 statements, 02
/// appeals, 05 praise, 10 demands, 11 criticism, 12 rejection, 13 threats, 14 protest.
const COMMENT_ROOTS: &[&str] = &["01", "02", "05", "10", "11", "12", "13", "14"];

/// The actor behind an earlier event that the verb's object names ("The White House condemned
/// *the arrest*": whoever made the arrest), when the object is a definite event noun. A doer
/// named before the noun ("*Bolivia's* decision", "the *U.S.* claims") is the target itself,
/// and the clause's own target rules find it.
fn event_noun_target(
    tree: &Tree,
    nominals: &Nominals,
    v: usize,
    context: &StoryContext,
) -> Option<Vec<ActorMatch>> {
    let object = tree.children_with(v, "obj").next()?;
    let definite = tree
        .children(object)
        .iter()
        .any(|&d| tree.lemmas[d] == "THE" || tree.lemmas[d] == "THIS" || tree.rel(d) == "nmod");
    if tree.token(object).upos != "NOUN" || !definite {
        return None;
    }
    let doer_named = tree.children(object).iter().any(|&d| {
        d < object
            && matches!(tree.rel(d), "nmod" | "compound" | "amod")
            && !nominals.find_in(d).is_empty()
    });
    if doer_named {
        return None;
    }
    let doers = context.event_named(&tree.lemmas[object]);
    (!doers.is_empty()).then(|| {
        doers
            .into_iter()
            .map(|known| known.at(object, object, "whoever did it: "))
            .collect()
    })
}

/// CAMEO 016, "deny responsibility": coded against the accuser when the sentence names none.
const DENY: &str = "016";

/// Prepositions that say where something happens ("clashes *in* Gaza", "strikes *across*
/// Yemen"). "near" and "at" are left out: "near the border with Guyana" is not in Guyana.
const PLACE_PREPS: &[&str] = &["IN", "INSIDE", "ACROSS", "THROUGHOUT"];

/// The country where the event of the verb at `v` takes place, as its own clause says: the
/// nearest place phrase below the verb ("blew themselves up outside the ministry *in Ankara*").
///
/// A clause that names no place takes the place of the clause it belongs to ("India struck
/// sites *in Pakistan*, saying it had targeted militants": the militants are in Pakistan).
fn place_of(tree: &Tree, nominals: &Nominals, v: usize) -> Option<Known> {
    let mut at = v;
    for _ in 0..PLACE_CLIMB {
        let mut places: Vec<usize> = tree
            .subtree(at)
            .into_iter()
            .filter(|&c| {
                matches!(tree.rel(c), "obl" | "nmod")
                    && tree.case_of(c).is_some_and(|p| PLACE_PREPS.contains(&p))
            })
            .collect();
        places.sort_by_key(|&c| c.abs_diff(v));
        // A clause that names a place of its own, even one not known ("killed a man *in Tel
        // Aviv*"), is not where its governing clause is.
        let named = places.iter().any(|&c| tree.head(c) == Some(at));
        let found = places
            .into_iter()
            .flat_map(|c| nominals.find_in(c))
            .find_map(|a| Known::country(tree, &a));
        if named || !matches!(tree.rel(at), "ccomp" | "advcl" | "xcomp" | "conj") {
            return found;
        }
        at = tree.head(at)?;
    }
    None
}

/// How many clauses up [`place_of`] looks for a place.
const PLACE_CLIMB: usize = 3;

/// What a country-less actor of one event may take its country from.
#[derive(Clone, Copy)]
struct Place<'a> {
    /// Where the sentence says the event happens.
    here: Option<&'a Known>,
    /// Whom "its" or "their" most likely stands for: the speaker, else the story's subject.
    owner: Option<&'a Known>,
}

/// Gives a country to an actor coded without one (`---COP`, "police"): the owner "its" or
/// "their" stands for ("its coast guard"); the actor of the same kind named earlier when the
/// phrase is definite ("*the* court" after the International Court of Justice); else the
/// country where the event takes place (the sentence's, else the story's). Left as it is when
/// none is known.
fn settle_country(tree: &Tree, actor: &mut ActorMatch, context: &StoryContext, place: Place) {
    let Some(sector) = actor.code.strip_prefix("---") else {
        return;
    };
    // "naval exercises" is not an actor, though "naval" is a sector word.
    let head = actor.head;
    if !matches!(tree.token(head).upos.as_str(), "NOUN" | "PROPN") {
        return;
    }
    // "their ambassadors" belong to whoever "their" is, not to where they are.
    let possessor = tree
        .children_with(head, "nmod")
        .find(|&c| tree.token(c).upos == "PRON");
    if let Some(p) = possessor {
        let owned = matches!(tree.forms[p].as_str(), "ITS" | "THEIR");
        if let Some(owner) = place.owner.filter(|_| owned) {
            if let Some(country) = context::country_of(&owner.code) {
                actor
                    .entries
                    .push(format!("{}: {}", tree.sentence.tokens[p].form, owner.text));
                actor.code = format_compact!("{country}{sector}");
            }
        }
        return;
    }
    if let Some(known) = mentions::is_definite(tree, actor.head)
        .then(|| context.latest_of_types(&actor.code))
        .flatten()
    {
        actor
            .entries
            .push(format!("the same as {} (earlier in the story)", known.text));
        actor.code = known.code.as_str().into();
        return;
    }
    // Where the sentence says the event happens, any sector; where the story happens (its
    // dateline), only the sectors that are nearly always local: a story datelined Caracas
    // has Venezuelan police and protesters, but its troops, envoys and media may be anyone's.
    // "the government" and "the army", named so without a country, are the host country's.
    let national = mentions::is_definite(tree, head)
        && context::types(&actor.code).all(|t| NATIONAL_SECTORS.contains(&t));
    let local = national || context::types(&actor.code).all(|t| LOCAL_SECTORS.contains(&t));
    let place = place.here.or(context.place().filter(|_| local));
    if let Some(place) = place {
        actor
            .entries
            .push(format!("country from where it happens: {}", place.text));
        actor.code = format_compact!("{}{sector}", place.code);
    }
}

/// Sector codes of actors that are, unless said otherwise, of the country they are in:
/// civilians, protesters and opposition, police, legislators, judges, armed groups, unions,
/// refugees, criminals.
const LOCAL_SECTORS: &[&str] = &[
    "CVL", "OPP", "COP", "LEG", "JUD", "REB", "INS", "UAF", "SEP", "LAB", "REF", "CRM", "EDU",
    "HLH", "AGR",
];

/// Sector codes of the state, which a definite description without a country ("the
/// government", "the army") places in the country the story happens in.
const NATIONAL_SECTORS: &[&str] = &["GOV", "MIL"];

/// CAMEO roots whose events take a clause saying what is asked, promised, demanded, alleged,
/// refused or threatened: 02 appeal, 03 intent, 10 demand, 11 disapprove (accusations), 12
/// reject, 13 threaten.
const CONTENT_ROOTS: &[&str] = &["02", "03", "10", "11", "12", "13"];

/// How many clauses up a verb is looked for whose content the clause is.
const MAX_CONTENT_CLIMB: usize = 3;

/// Whether the verb at `v` only says what another coded event asks for, promises, alleges or
/// threatens ("called on the United States *to supply* air defences", "accused Russia of
/// *striking* the hospital", "demanded that Iran *release* the ship"): the deed has not
/// happened, so it is not an event of its own. An appeal, demand, criticism or rejection under it is kept
/// ("filed a case *accusing* Israel"): it is a further statement, not a deed.
fn asked_for(tree: &Tree, matches: &[Option<VerbMatch>], v: usize) -> bool {
    let is_content = |m: &VerbMatch| {
        [&m.codes.forward, &m.codes.reverse]
            .into_iter()
            .flatten()
            .any(|c| c.get(..2).is_some_and(|r| CONTENT_ROOTS.contains(&r)))
    };
    // Statements about statements stand ("filed a case *accusing* Israel"); a promise or a
    // threat inside an accusation ("accused Caracas of *threatening* Guyana") is alleged.
    let statement = |m: &VerbMatch| {
        m.codes
            .forward
            .as_deref()
            .and_then(|c| c.get(..2))
            .is_some_and(|r| matches!(r, "02" | "10" | "11" | "12"))
    };
    if matches[v].as_ref().is_some_and(statement) {
        return false;
    }
    let mut at = v;
    for _ in 0..MAX_CONTENT_CLIMB {
        // `acl`: "accused the union *of backing* Hamas", parsed as modifying "union".
        if !matches!(tree.rel(at), "xcomp" | "ccomp" | "advcl" | "acl") {
            return false;
        }
        let Some(mut head) = tree.head(at) else {
            return false;
        };
        // A clause modifying a noun belongs with the verb governing that noun.
        if tree.rel(at) == "acl" && matches[head].is_none() {
            match tree.head(head) {
                Some(verb) => head = verb,
                None => return false,
            }
        }
        if let Some(m) = &matches[head] {
            return is_content(m);
        }
        at = head;
    }
    false
}
