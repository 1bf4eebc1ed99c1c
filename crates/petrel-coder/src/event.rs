//! What the coder produces: events, the actors in them, and the evidence for both.

use compact_str::CompactString;
use serde::Serialize;

use crate::modality::Modality;

/// An actor as it appears in one event: its code and the words that gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorMatch {
    /// The CAMEO code (`RUSGOV`). Held inline: codes are short (the dictionaries' longest
    /// is 15 characters, 24 fit), and actors are copied from phrase to event several times a
    /// sentence, each copy of a `String` an allocation. Serialized as a plain string.
    pub code: CompactString,
    /// The token (0-based) heading the phrase that names the actor.
    pub head: usize,
    /// First and last token (0-based, inclusive) of the words that gave the code.
    pub tokens: (usize, usize),
    /// Dictionary entries used (actor, dated role, agents), for explanations: written by a
    /// coder that explains ([`crate::Coder::explain`]); otherwise only the story context's
    /// notes on how an actor was resolved are.
    #[serde(skip)]
    pub entries: Vec<String>,
}

/// Why an event was coded: the verb's dictionary entry and the pattern that matched. Empty
/// (the default) unless the coder explains ([`crate::Coder::explain`]).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Evidence {
    /// The verb block's name (`--- MEET ---`).
    pub block: String,
    /// Where the verb is defined.
    pub verb: String,
    /// The pattern that matched, as written, and where; `None` when the verb's default code
    /// applied.
    pub pattern: Option<String>,
}

/// One coded event within a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// CAMEO event code, as in the dictionary (`"040"`).
    pub code: String,
    pub source: ActorMatch,
    pub target: Option<ActorMatch>,
    /// The verb token (0-based) that triggered the event.
    pub trigger: usize,
    /// The verb is negated ("did not attack").
    pub negated: bool,
    /// Who reported the event, when it is reported speech ("Kenya *said* Ethiopia had ...",
    /// "according to *the Elysee*"): the speaker's actor.
    pub attribution: Option<ActorMatch>,
    /// Said to be coming, possible, intended or conditional rather than done
    /// ([`crate::modality`]); `None` for a plain assertion.
    pub modality: Option<Modality>,
    /// The code the verb's dictionary entry gave, when modality turned it into an intent or a
    /// threat ("would supply weapons": 072 → 0332).
    pub recoded_from: Option<String>,
    pub evidence: Evidence,
}
