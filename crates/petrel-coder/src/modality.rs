//! Whether an event is said to have happened, or only to be coming, possible, wanted or
//! conditional: "Germany *would continue to supply* weapons", "ready *to send* rescue teams",
//! "it *could use* force *if* the soldiers refused".
//!
//! An analyst counting attacks must not count "would strike", and CAMEO has codes of its own
//! for what such sentences do say: an actor announcing its own future cooperation expresses an
//! intent (03: "would supply weapons" is 0332, intent to provide military aid), and one
//! announcing its own future violence threatens (13: "would strike" is 138). [`intent_code`]
//! and [`threat_code`] give those codes.

use serde::Serialize;

use crate::Tree;

/// How an event is asserted, when not as a plain fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// "will", "would", "shall", "is going to", "is about to", "is set to".
    Future,
    /// "could", "might", "may", "can".
    Possible,
    /// Wanted or offered, not yet done: "plans to", "is ready to", "offered to", "vowed to".
    Intended,
    /// Promised or threatened on a condition: the main clause of "would end the war *if* ...".
    Conditional,
    /// The condition itself: "if Kyiv *withdrew* its troops" says nothing happened, and no
    /// one announced it.
    Hypothetical,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Future => "future",
            Modality::Possible => "possible",
            Modality::Intended => "intended",
            Modality::Conditional => "conditional",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// How many controlling verbs up ("would *continue* to *supply*") modality is looked for.
const MAX_CLIMB: usize = 4;

/// Words that, governing an infinitive, make what it names a plan or offer rather than a
/// deed. ("agree", "promise", "threaten" and the like usually code events of their own; when
/// they do, the infinitive is part of that event and never reaches here.)
const INTENT_HEADS: &[&str] = &[
    "PLAN",
    "INTEND",
    "AIM",
    "WANT",
    "WISH",
    "HOPE",
    "SEEK",
    "OFFER",
    "PLEDGE",
    "PROMISE",
    "VOW",
    "VOLUNTEER",
    "PROPOSE",
    "PREPARE",
    "READY",
    "PREPARED",
    "WILLING",
    "EAGER",
    "KEEN",
    "DETERMINED",
    "RESOLVE",
    "DECIDE",
    "AGREE",
    "COMMIT",
    "EXPECT",
    "LIKELY",
    "TRY",
    "ATTEMPT",
];

/// Words that, governing an infinitive, put it in the future: "is *set* to sign", "is *due* to
/// meet", "is *about* to restore", "is *going* to send".
const FUTURE_HEADS: &[&str] = &["SET", "DUE", "ABOUT", "GOING", "POISED", "SCHEDULE"];

/// Conjunctions that open a condition.
const CONDITIONS: &[&str] = &["IF", "UNLESS", "PROVIDED", "PROVIDING"];

/// The modality of the verb at `v`, looking at its auxiliaries, the verbs or adjectives that
/// control it ("ready *to send*"), and conditions on its clause. The first found wins,
/// nearest first; a condition outranks everything ("would strike *if* attacked" is
/// conditional, "*if* attacked" hypothetical).
pub fn of(tree: &Tree, v: usize) -> Option<Modality> {
    let mut found = None;
    let mut at = v;
    for _ in 0..MAX_CLIMB {
        if is_condition(tree, at) {
            return Some(Modality::Hypothetical);
        }
        if has_condition(tree, at) {
            return Some(Modality::Conditional);
        }
        if found.is_none() {
            found = auxiliary(tree, at);
        }
        let Some(head) = tree.head(at) else { break };
        match tree.rel(at) {
            "xcomp" => {
                if found.is_none() {
                    found = controller(tree, head);
                }
            }
            // A conjoined verb shares its first conjunct's auxiliary ("will meet and sign").
            "conj" => {}
            _ => break,
        }
        at = head;
    }
    found
}

/// Whether the clause at `v` is a condition: an adverbial clause marked "if" or "unless".
fn is_condition(tree: &Tree, v: usize) -> bool {
    tree.rel(v) == "advcl" && marked_as_condition(tree, v)
}

/// Whether a condition hangs on the clause at `v` ("would strike *if* attacked").
fn has_condition(tree: &Tree, v: usize) -> bool {
    tree.children_with(v, "advcl")
        .any(|c| marked_as_condition(tree, c))
}

fn marked_as_condition(tree: &Tree, clause: usize) -> bool {
    tree.children_with(clause, "mark")
        .any(|m| CONDITIONS.contains(&tree.forms[m].as_str()))
}

/// The modality an auxiliary of `v` gives it.
fn auxiliary(tree: &Tree, v: usize) -> Option<Modality> {
    tree.children_with(v, "aux").find_map(|a| {
        match tree.lemmas[a].as_str() {
            "WILL" | "WOULD" | "SHALL" | "'LL" => Some(Modality::Future),
            "COULD" | "MIGHT" | "MAY" | "CAN" => Some(Modality::Possible),
            _ => None,
        }
        .or(match tree.forms[a].as_str() {
            "WILL" | "WOULD" | "SHALL" | "'LL" | "WO" => Some(Modality::Future),
            "COULD" | "MIGHT" | "MAY" | "CAN" | "CA" => Some(Modality::Possible),
            _ => None,
        })
    })
}

/// The modality a controlling word gives the infinitive under it.
fn controller(tree: &Tree, head: usize) -> Option<Modality> {
    let lemma = tree.lemmas[head].as_str();
    if INTENT_HEADS.contains(&lemma) {
        Some(Modality::Intended)
    } else if FUTURE_HEADS.contains(&lemma) {
        Some(Modality::Future)
    } else {
        None
    }
}

/// The CAMEO "express intent" code (03) for a cooperative event that is only announced:
/// meeting or negotiating becomes 036, material cooperation 031x, aid 033x, yielding 035x.
/// `None` for codes that have no intent counterpart.
pub fn intent_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match (root, code) {
        ("04", _) => "036",
        ("05", _) => "032",
        (_, "061") => "0311",
        (_, "062") => "0312",
        (_, "063") => "0313",
        (_, "064") => "0314",
        ("06", _) => "031",
        (_, "071") => "0331",
        (_, "072") => "0332",
        (_, "073") => "0333",
        (_, "074") => "0334",
        ("07", _) => "033",
        (_, c) if c.starts_with("081") => "0351",
        (_, "082") => "0352",
        (_, "083") => "034",
        (_, c) if c.starts_with("084") => "0353",
        (_, "085") => "0354",
        (_, "086") => "0355",
        (_, c) if c.starts_with("087") => "0356",
        ("08", _) => "035",
        _ => return None,
    })
}

/// The CAMEO "threaten" code (13) for a coercive or violent event that is only announced:
/// cutting aid 1311, sanctions 1312, breaking relations 1313, repression 137, force 138x.
pub fn threat_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match (root, code) {
        (_, "161") => "1313",
        (_, c) if c.starts_with("162") => "1311",
        (_, "163") => "1312",
        (_, "164") => "134",
        ("16", _) => "131",
        ("17", _) => "137",
        (_, "191") => "1381",
        (_, "192") => "1382",
        ("18", _) => "138",
        ("19", _) => "1384",
        (_, "204") => "1385",
        ("20", _) => "1383",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intents_and_threats_keep_the_kind_of_act() {
        assert_eq!(intent_code("072"), Some("0332"));
        assert_eq!(intent_code("046"), Some("036"));
        assert_eq!(intent_code("0841"), Some("0353"));
        assert_eq!(intent_code("0871"), Some("0356"));
        assert_eq!(intent_code("112"), None);
        assert_eq!(threat_code("195"), Some("1384"));
        assert_eq!(threat_code("163"), Some("1312"));
        assert_eq!(threat_code("1622"), Some("1311"));
        assert_eq!(threat_code("202"), Some("1383"));
        assert_eq!(threat_code("051"), None);
    }
}
