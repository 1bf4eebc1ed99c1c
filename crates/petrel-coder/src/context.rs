//! What the earlier sentences of a story tell the coder about a later one: who "he" is, that
//! "Blinken" is the "U.S. Secretary of State Antony Blinken" named before, that "the bloc" is
//! ECOWAS and "the court" the International Court of Justice, and in which country the story
//! takes place, so that "police" and "civilians" get a country.
//!
//! A news story names its actors in full once and then shortens them; coding each sentence
//! alone loses most of its second and later events. The context is built sentence by sentence
//! by [`crate::Coder::code_in_story`] and read by the next sentence's coding. Resolution is
//! deliberately conservative: the latest earlier actor of the right kind, never a guess across
//! kinds, and every resolved actor says in its entries where its code came from.

use crate::nominals::Nominals;
use crate::roles;
use crate::{ActorMatch, Event, Tree};

/// How many distinct actors of a story are remembered (the latest ones).
const MEMORY: usize = 48;

/// An actor named earlier in the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub code: String,
    /// The words that named it.
    pub text: String,
}

impl Known {
    /// This actor as named by the words `first..=last` of the current sentence, with a note
    /// saying how those words came to stand for it.
    pub(crate) fn at(&self, first: usize, last: usize, how: &str) -> ActorMatch {
        ActorMatch {
            code: self.code.as_str().into(),
            head: last,
            tokens: (first, last),
            entries: vec![format!("{how}{} (earlier in the story)", self.text)],
        }
    }

    /// The country of an actor found in the sentence, named by its words: a place.
    pub(crate) fn country(tree: &Tree, actor: &ActorMatch) -> Option<Known> {
        Some(Known {
            code: country_of(&actor.code)?.to_string(),
            text: phrase(tree, actor),
        })
    }
}

/// The words of an actor's phrase, as written.
pub(crate) fn phrase(tree: &Tree, actor: &ActorMatch) -> String {
    let (first, last) = actor.tokens;
    tree.sentence.tokens[first..=last.min(tree.len().saturating_sub(1))]
        .iter()
        .map(|t| t.form.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a story has established so far. Start each story with `StoryContext::default()`.
#[derive(Clone, Debug, Default)]
pub struct StoryContext {
    /// Who a personal pronoun subject stands for.
    antecedent: Option<Known>,
    /// Actors named so far, latest last, one entry per code.
    actors: Vec<Known>,
    /// Last words of named people ("BLINKEN"), upper-cased, with who they name.
    surnames: Vec<(String, Known)>,
    /// The country the story takes place in (its dateline), with the words that said so.
    place: Option<Known>,
    /// Accusations made so far (CAMEO 11x): the accuser and the accused's country, latest
    /// last.
    accusations: Vec<(Known, String)>,
    /// Events coded so far, latest last.
    events: Vec<Done>,
    /// How many acts (verbs that coded events) the story has had: numbers them in `events`.
    acts: usize,
    /// Who last spoke in the story: the attribution of its latest attributed event, or the
    /// subject of a sentence's main speech verb ("Putin said Russia would end the war if ...").
    speaker: Option<Known>,
}

/// An act coded earlier in the story, by one of its doers.
#[derive(Clone, Debug)]
struct Done {
    /// The CAMEO root of its code.
    root: String,
    doer: Known,
    /// Which act it was: the doers of one act ("American and Filipino troops began exercises")
    /// share it.
    act: usize,
}

/// Nouns that name an earlier event ("condemned *the arrest*"), with the CAMEO roots of the
/// events each may name; an empty list accepts any ("the decision", "the move").
const EVENT_NOUNS: &[(&str, &[&str])] = &[
    ("ARREST", &["17"]),
    ("DETENTION", &["17"]),
    ("EXPULSION", &["17", "20"]),
    ("DEPORTATION", &["17", "20"]),
    ("STRIKE", &["18", "19", "20"]),
    ("ATTACK", &["18", "19", "20"]),
    ("BOMBING", &["18", "19", "20"]),
    ("SHELLING", &["19"]),
    ("RAID", &["17", "19"]),
    ("OFFENSIVE", &["19"]),
    ("INVASION", &["19"]),
    ("LAUNCH", &["15", "19", "20"]),
    ("TEST", &["15"]),
    ("VISIT", &["04"]),
    ("MEETING", &["04"]),
    ("TALK", &["04"]),
    ("EXERCISE", &["06", "15"]),
    ("DRILL", &["06", "15"]),
    ("SANCTION", &["16"]),
    ("WARRANT", &["17"]),
    ("CHARGE", &["17", "11"]),
    ("OFFER", &["03", "10"]),
    ("PROPOSAL", &["03", "10"]),
    ("RESOLUTION", &[]),
    ("DECISION", &[]),
    ("MOVE", &[]),
    ("STEP", &[]),
    ("DEMAND", &["10"]),
    ("ULTIMATUM", &["10", "13"]),
    ("PLAN", &["03"]),
];

/// Nouns that name something said ("rejected *the proposal*", "denied *the allegations*"):
/// what the story's latest speaker said, coded or not, when no earlier event of
/// [`EVENT_NOUNS`] fits. (An allegation is whatever was last reported, not the last
/// criticism: "condemned the arrest ... The newspaper denied the allegations" answers whoever
/// reported the arrest.)
const SAID_NOUNS: &[&str] = &[
    "OFFER",
    "PROPOSAL",
    "CLAIM",
    "ALLEGATION",
    "ACCUSATION",
    "CHARGE",
    "DEMAND",
    "ULTIMATUM",
    "PLAN",
];

/// Nouns that, after "the", stand for an actor named earlier, and the kind of actor each may
/// stand for.
const DESCRIPTIONS: &[(&str, Kind)] = &[
    ("BLOC", Kind::International),
    ("ALLIANCE", Kind::International),
    ("ORGANISATION", Kind::International),
    ("ORGANIZATION", Kind::International),
    ("AGENCY", Kind::International),
    ("BODY", Kind::International),
    ("COUNCIL", Kind::International),
    ("GROUP", Kind::Group),
    ("MOVEMENT", Kind::Group),
    ("FACTION", Kind::Group),
    ("NEWSPAPER", Kind::Type("MED")),
    ("BROADCASTER", Kind::Type("MED")),
    ("UNION", Kind::Type("LAB")),
    ("COMPANY", Kind::Type("BUS")),
    ("FIRM", Kind::Type("BUS")),
];

/// A kind of actor a description may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// An international organisation (`IGO...`).
    International,
    /// A non-state group: armed, political or civic.
    Group,
    /// Any actor carrying this type code.
    Type(&'static str),
}

/// Actor types of non-state groups.
const GROUP_TYPES: &[&str] = &["REB", "INS", "UAF", "SEP", "RAD", "OPP", "PTY"];

/// Three-letter prefixes of CAMEO codes that are not countries: international and
/// transnational actors and regions.
const NOT_COUNTRIES: &[&str] = &[
    "---", "IGO", "NGO", "IMG", "MNC", "UIS", "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB",
    "DEV", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS",
    "SEA", "SCN", "WAF", "WST",
];

/// The country of a code, if it is a state's.
pub fn country_of(code: &str) -> Option<&str> {
    code.get(..3).filter(|c| !NOT_COUNTRIES.contains(c))
}

/// The type codes after a code's first three letters (`IGOUNOJUDICJ` → UNO, JUD, ICJ).
pub(crate) fn types(code: &str) -> impl Iterator<Item = &str> {
    let rest = code.get(3..).unwrap_or("");
    (0..rest.len() / 3).filter_map(move |k| rest.get(3 * k..3 * k + 3))
}

impl Kind {
    fn fits(self, code: &str) -> bool {
        match self {
            Kind::International => code.starts_with("IGO"),
            Kind::Group => {
                code.starts_with("NGO")
                    || code.starts_with("IMG")
                    || types(code).any(|t| GROUP_TYPES.contains(&t))
            }
            Kind::Type(t) => types(code).any(|c| c == t),
        }
    }
}

impl StoryContext {
    /// Who a personal pronoun subject stands for, if anyone.
    pub(crate) fn antecedent(&self) -> Option<&Known> {
        self.antecedent.as_ref()
    }

    /// Who a bare surname names, if the story named that person in full before.
    pub(crate) fn surname(&self, form: &str) -> Option<&Known> {
        self.surnames
            .iter()
            .rev()
            .find(|(name, _)| name == form)
            .map(|(_, k)| k)
    }

    /// Who "the NOUN" stands for, when the noun is a description of an actor kind.
    pub(crate) fn described(&self, lemma: &str) -> Option<Known> {
        let (_, kind) = DESCRIPTIONS.iter().find(|(noun, _)| *noun == lemma)?;
        self.actors
            .iter()
            .rev()
            .find(|k| kind.fits(&k.code))
            .cloned()
    }

    /// The latest actor carrying one of the type codes of `code`, for a country-less sector
    /// phrase with "the" ("the court" → the court named before).
    pub(crate) fn latest_of_types(&self, code: &str) -> Option<&Known> {
        let wanted: Vec<&str> = types(code).collect();
        if wanted.is_empty() {
            return None;
        }
        self.actors
            .iter()
            .rev()
            .find(|k| types(&k.code).any(|t| wanted.contains(&t)))
    }

    /// Who last accused the actor `code` (by country) in the story.
    pub(crate) fn accuser_of(&self, code: &str) -> Option<&Known> {
        let accused = country_of(code)?;
        self.accusations
            .iter()
            .rev()
            .find(|(_, target)| target == accused)
            .map(|(k, _)| k)
    }

    /// The doers of the latest earlier act a noun such as "the arrest" or "the drills" can
    /// name (see `EVENT_NOUNS`), if the noun is one of them; else, for a said thing such as
    /// "the proposal", the latest speaker.
    pub(crate) fn event_named(&self, lemma: &str) -> Vec<&Known> {
        let said = || {
            self.speaker
                .iter()
                .filter(|_| SAID_NOUNS.contains(&lemma))
                .collect()
        };
        let Some((_, roots)) = EVENT_NOUNS.iter().find(|(noun, _)| *noun == lemma) else {
            return said();
        };
        let Some(last) = self
            .events
            .iter()
            .rev()
            .find(|done| roots.is_empty() || roots.contains(&done.root.as_str()))
        else {
            return said();
        };
        let mut doers: Vec<&Known> = Vec::new();
        for done in self.events.iter().filter(|d| d.act == last.act) {
            if !doers.iter().any(|k| k.code == done.doer.code) {
                doers.push(&done.doer);
            }
        }
        doers
    }

    /// The country the story takes place in, if known.
    pub(crate) fn place(&self) -> Option<&Known> {
        self.place.as_ref()
    }

    /// Records where the story takes place: its dateline's country ("HERAT, Afghanistan",
    /// "NAIROBI"). (The first place a sentence names is not used: a story datelined La Paz
    /// that mentions Gaza first does not take place in Gaza.)
    pub(crate) fn set_place(&mut self, place: Known) {
        if self.place.is_none() {
            self.place = Some(place);
        }
    }

    /// Takes in what one coded sentence establishes: its actors, the surnames of its named
    /// people, and who a pronoun in the next sentence most likely stands for (the subject of
    /// the sentence's main verb when it is an actor: "Blinken said ... He also said"; else the
    /// speaker or source of its latest event).
    pub(crate) fn remember(
        &mut self,
        tree: &Tree,
        nominals: &Nominals,
        events: &[Event],
        text: impl Fn(&ActorMatch) -> String,
    ) {
        for i in 0..tree.len() {
            for actor in nominals.actors(i) {
                if actor.code.starts_with("---") || actor.code.is_empty() {
                    continue;
                }
                let known = Known {
                    code: actor.code.to_string(),
                    text: text(&actor),
                };
                // A person named in full is named again by one word: the family name, which
                // comes last ("Blinken") or, in Chinese and Korean names, first ("Li" for Li
                // Qiang, "Lee" for Lee Jae-myung).
                let words = match nominals.person_named_at(actor.head) {
                    Some((first, last)) => vec![first, last],
                    None if tree.token(actor.head).upos == "PROPN"
                        && actor.tokens.1 > actor.tokens.0 =>
                    {
                        vec![actor.tokens.1]
                    }
                    None => Vec::new(),
                };
                for w in words {
                    let surname = &tree.forms[w];
                    if surname.chars().count() > 1 && surname.chars().any(char::is_alphabetic) {
                        self.surnames.retain(|(s, _)| s != surname);
                        self.surnames.push((surname.clone(), known.clone()));
                    }
                }
                self.actors.retain(|k| k.code != known.code);
                self.actors.push(known);
            }
        }
        let mut trigger = None;
        for (k, event) in events.iter().enumerate() {
            // The second direction of a mutual event ("Orban met Putin" also codes Putin →
            // Orban) is not a second act: "the visit" is Orban's. When both sides are the
            // subject ("American and Filipino troops began exercises"), both did it.
            let reverse = events[..k].iter().any(|e| {
                e.code == event.code
                    && e.trigger == event.trigger
                    && e.target.as_ref().map(|t| &t.code) == Some(&event.source.code)
            });
            let by_the_subject = || {
                roles::subject(tree, event.trigger)
                    .is_some_and(|s| tree.dominates(s, event.source.head))
            };
            if reverse && !by_the_subject() {
                continue;
            }
            if trigger != Some(event.trigger) {
                trigger = Some(event.trigger);
                self.acts += 1;
            }
            self.events.push(Done {
                root: event.code.get(..2).unwrap_or_default().to_string(),
                doer: Known {
                    code: event.source.code.to_string(),
                    text: text(&event.source),
                },
                act: self.acts,
            });
        }
        if self.events.len() > MEMORY {
            self.events.drain(..self.events.len() - MEMORY);
        }
        for event in events.iter().filter(|e| e.code.starts_with("11")) {
            let accused = event.target.as_ref().and_then(|t| country_of(&t.code));
            if let Some(accused) = accused {
                let accuser = Known {
                    code: event.source.code.to_string(),
                    text: text(&event.source),
                };
                self.accusations.push((accuser, accused.to_string()));
            }
        }
        if self.accusations.len() > MEMORY {
            self.accusations.drain(..self.accusations.len() - MEMORY);
        }
        if self.actors.len() > MEMORY {
            self.actors.drain(..self.actors.len() - MEMORY);
        }
        if self.surnames.len() > MEMORY {
            self.surnames.drain(..self.surnames.len() - MEMORY);
        }
        let root_subject = tree
            .root()
            .and_then(|root| tree.children_with(root, "nsubj").next())
            .and_then(|s| nominals.find_in(s).into_iter().next())
            .filter(|a| !a.code.starts_with("---"));
        let speaker = events
            .iter()
            .rev()
            .find_map(|e| e.attribution.clone())
            .or_else(|| {
                roles::main_speaker(tree).and_then(|s| nominals.find_in(s).into_iter().next())
            })
            .filter(|a| !a.code.starts_with("---"));
        if let Some(actor) = speaker {
            self.speaker = Some(Known {
                code: actor.code.to_string(),
                text: text(&actor),
            });
        }
        let latest = events
            .last()
            .map(|e| e.attribution.as_ref().unwrap_or(&e.source).clone());
        if let Some(actor) = root_subject.or(latest) {
            self.antecedent = Some(Known {
                code: actor.code.to_string(),
                text: text(&actor),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> Known {
        Known {
            code: code.into(),
            text: code.into(),
        }
    }

    #[test]
    fn descriptions_take_the_latest_actor_of_their_kind() {
        let context = StoryContext {
            actors: vec![known("IGOWAFECO"), known("NERMIL"), known("CODREB")],
            ..StoryContext::default()
        };
        assert_eq!(context.described("BLOC").unwrap().code, "IGOWAFECO");
        assert_eq!(context.described("GROUP").unwrap().code, "CODREB");
        assert_eq!(context.described("COUNTRY"), None);
        assert_eq!(context.described("NEWSPAPER"), None);
        assert_eq!(context.described("TABLE"), None);
        assert_eq!(context.latest_of_types("---MIL").unwrap().code, "NERMIL");
        assert_eq!(context.latest_of_types("---"), None);
    }

    #[test]
    fn countries_exclude_international_and_regional_codes() {
        assert_eq!(country_of("KENGOV"), Some("KEN"));
        assert_eq!(country_of("IGOUNO"), None);
        assert_eq!(country_of("---MIL"), None);
        assert_eq!(country_of("SAM"), None);
    }
}
