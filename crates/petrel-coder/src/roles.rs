//! Who acts and who is acted on: finding a verb's subject, passive agent and target in the
//! dependency tree.

use crate::nominals::Nominals;
use crate::{ActorMatch, Tree};

/// How far up a chain of controlled or conjoined verbs a subject is looked for.
const MAX_CLIMB: usize = 4;

/// The token heading the verb's subject. A verb without one (an infinitive, "Arnor is about
/// *to restore*"; a conjoined verb, "condemned ... and *promised*") shares the subject of the
/// verb or predicate it depends on.
///
/// An infinitive whose governing verb has an object takes that object as its subject
/// ("Arnor urged *Gondor* to attack").
///
/// A personal pronoun subject of a dependent clause ("Ethiopia indicated *it* would act")
/// is taken to be the subject of the clause it depends on.
pub fn subject(tree: &Tree, v: usize) -> Option<usize> {
    let mut at = v;
    for _ in 0..MAX_CLIMB {
        if let Some(s) = tree.children_with(at, "nsubj").next() {
            // "Blinken, *who* met Netanyahu": the relative pronoun stands for the noun the
            // clause modifies.
            if let Some(noun) = antecedent_of_relative(tree, at, s) {
                return Some(noun);
            }
            let pronoun = is_personal_pronoun(tree, s);
            let dependent = matches!(tree.rel(at), "ccomp" | "advcl" | "conj" | "xcomp");
            if !(pronoun && dependent) {
                return Some(s);
            }
        } else if let Some(verb) = means_of(tree, at)
            .or_else(|| result_of(tree, at))
            .or_else(|| purpose_of_object(tree, at))
        {
            at = verb;
            continue;
        } else if let Some(noun) = agent_of_participle(tree, at) {
            return Some(noun);
        } else if !(matches!(tree.rel(at), "xcomp" | "conj" | "ccomp") || is_purpose(tree, at)) {
            // An adverbial clause without a subject ("after *leaving* Eriador") is
            // background to the main event, not an event of its own.
            return None;
        }
        let head = tree.head(at)?;
        // Object control: in "Arnor urged *Gondor* to attack", Gondor would attack.
        if tree.rel(at) == "xcomp" {
            let object = tree
                .children(head)
                .iter()
                .copied()
                .find(|&c| matches!(tree.rel(c), "obj" | "iobj"));
            if object.is_some() {
                return object;
            }
        }
        at = head;
    }
    None
}

/// Prepositions that put an event noun in the past or present of the clause it hangs from:
/// "*during* a meeting with", "*after* a phone call with", "*in* telephone calls with".
const OCCURRED_PREPS: &[&str] = &["DURING", "AFTER", "IN", "AT", "FOLLOWING", "AMID", "SINCE"];

/// Who did what an event noun names, when the sentence reports it as having happened: its
/// possessor ("after *Trump's* meeting with Zelenskiy"), else the subject of the clause it is
/// background to ("Netanyahu made the call *during a meeting with Trump*": Netanyahu). `None`
/// when the noun is not such a background event: it may be only
/// asked for, planned or proposed ("proposed talks with Iran"), which the verb's own patterns
/// code.
pub fn doer_of_event_noun(tree: &Tree, n: usize) -> Option<usize> {
    let background = matches!(tree.rel(n), "obl" | "nmod")
        && tree.case_of(n).is_some_and(|p| OCCURRED_PREPS.contains(&p));
    if !background {
        return None;
    }
    if let Some(possessor) = tree
        .children_with(n, "nmod")
        .find(|&c| tree.token(c).deprel == "nmod:poss")
    {
        return Some(possessor);
    }
    let mut at = tree.head(n)?;
    for _ in 0..MAX_CLIMB {
        if tree.token(at).upos == "VERB" {
            return subject(tree, at);
        }
        at = tree.head(at)?;
    }
    None
}

/// Whether a clause is a to-infinitive hanging off a verb ("vowed *to wage war*"). Parsers
/// label these `xcomp` or `advcl`; either way the infinitive carries on the main verb's
/// action, so its words and its objects belong to the main verb.
pub fn is_purpose(tree: &Tree, c: usize) -> bool {
    matches!(tree.rel(c), "xcomp" | "advcl") && is_to_infinitive(tree, c)
}

/// Whether `c` is a verb marked by "to".
fn is_to_infinitive(tree: &Tree, c: usize) -> bool {
    tree.token(c).upos == "VERB" && tree.children_with(c, "mark").any(|m| tree.forms[m] == "TO")
}

/// The verb a means clause serves ("Lula opened the debate *by criticising* the United
/// States"), whose subject did both. Parsers hang such a clause on the verb or on its object;
/// from a noun, the verb is the noun's head.
fn means_of(tree: &Tree, c: usize) -> Option<usize> {
    let means = matches!(tree.rel(c), "advcl" | "acl")
        && tree.children_with(c, "mark").any(|m| tree.forms[m] == "BY");
    if !means {
        return None;
    }
    let head = tree.head(c)?;
    if tree.rel(c) == "acl" {
        return tree.head(head);
    }
    Some(head)
}

/// Verbs whose object is asked, told or allowed to act ("asked *the court* to order"): a
/// to-infinitive hung on such an object is the object's own act, not the verb's purpose.
const OBJECT_CONTROL: &[&str] = &[
    "ASK",
    "URGE",
    "CALL",
    "TELL",
    "ORDER",
    "INVITE",
    "PERSUADE",
    "PRESS",
    "FORCE",
    "ALLOW",
    "ENCOURAGE",
    "AUTHORIZE",
    "AUTHORISE",
    "PERMIT",
    "INSTRUCT",
    "REQUEST",
    "WARN",
    "ADVISE",
];

/// The verb whose object a to-infinitive hangs on ("the council voted to set up *a mission to
/// investigate* abuses"): parsers hang such a purpose on the verb as often as on its object,
/// and either way the verb's subject is taken to do it, as for [`is_purpose`]. Not after a
/// verb of [`OBJECT_CONTROL`], whose object does it.
fn purpose_of_object(tree: &Tree, c: usize) -> Option<usize> {
    if !(tree.rel(c) == "acl" && is_to_infinitive(tree, c)) {
        return None;
    }
    let object = tree.head(c).filter(|&noun| tree.rel(noun) == "obj")?;
    tree.head(object)
        .filter(|&v| !OBJECT_CONTROL.contains(&tree.lemmas[v].as_str()))
}

/// The verb whose result a trailing participle clause reports ("Russia pounded Kyiv,
/// *killing* 12 people"): the same subject did both. Hung on a noun ("in the deadliest
/// attack on Israel, *killing* hundreds"), it reports the result of the verb above the noun.
fn result_of(tree: &Tree, c: usize) -> Option<usize> {
    if !is_trailing_participle(tree, c) {
        return None;
    }
    let mut at = tree.head(c)?;
    for _ in 0..MAX_CLIMB {
        if tree.token(at).upos == "VERB" {
            return Some(at);
        }
        at = tree.head(at)?;
    }
    None
}

/// Whether `c` is a participle clause trailing what it reports the result of ("Russia
/// pounded Kyiv, *killing* 12 people"; parsers also hang it on the last noun before it, "with
/// a suicide bomber, *killing* 32"). It has no marker and follows its head after a comma;
/// one before its verb ("*Arriving* in Kyiv, Blinken met ...") only sets the scene.
pub fn is_trailing_participle(tree: &Tree, c: usize) -> bool {
    matches!(tree.rel(c), "advcl" | "acl")
        && tree.token(c).xpos == "VBG"
        && tree.head(c).is_some_and(|h| h < c)
        && c > 0
        && tree.forms[c - 1] == ","
        && tree.children_with(c, "mark").next().is_none()
}

/// The noun an active participle clause with an object modifies, which is its doer:
/// "militants *firing* rockets", and, as taggers and parsers often read a headline's main verb,
/// "Russian and Ukrainian delegations *held* talks" (`held` as `acl` of "delegations"). A
/// passive participle ("the talks *held* in Istanbul") has no object and is not taken.
fn agent_of_participle(tree: &Tree, v: usize) -> Option<usize> {
    let participle = tree.token(v).deprel == "acl" || tree.rel(v) == "amod";
    let has_object = tree.children_with(v, "obj").next().is_some();
    let head = tree.head(v)?;
    (participle && has_object && head < v && !is_passive(tree, v)).then_some(head)
}

/// The noun a relative clause modifies, when `word` is the clause's relative pronoun ("who",
/// "which", "that") and `clause` is a relative clause.
fn antecedent_of_relative(tree: &Tree, clause: usize, word: usize) -> Option<usize> {
    let relative = tree.token(word).upos == "PRON"
        && matches!(
            tree.lemmas[word].as_str(),
            "WHO" | "WHICH" | "THAT" | "WHOM"
        );
    (relative && tree.token(clause).deprel == "acl:relcl")
        .then(|| tree.head(clause))
        .flatten()
}

/// Whether the token is a third-person personal pronoun that could stand for an actor.
pub fn is_personal_pronoun(tree: &Tree, i: usize) -> bool {
    tree.token(i).upos == "PRON" && matches!(tree.lemmas[i].as_str(), "HE" | "SHE" | "IT" | "THEY")
}

/// Whether the verb is passive: a passive subject or auxiliary.
pub fn is_passive(tree: &Tree, v: usize) -> bool {
    tree.children(v).iter().any(|&c| {
        let rel = tree.token(c).deprel.as_str();
        rel == "nsubj:pass" || rel == "aux:pass"
    })
}

/// The agent of a passive verb: `obl:agent`, or an oblique introduced by "by".
pub fn passive_agent(tree: &Tree, v: usize) -> Option<usize> {
    tree.children(v).iter().copied().find(|&c| {
        tree.token(c).deprel == "obl:agent"
            || (tree.rel(c) == "obl" && tree.case_of(c) == Some("BY"))
    })
}

/// Who used a thing that did something: the agent of a participle modifying it ("a drone
/// *launched by the Houthis* killed a man"). A weapon does nothing by itself.
pub fn user_of(tree: &Tree, thing: usize) -> Option<usize> {
    tree.children_with(thing, "acl")
        .filter(|&p| tree.token(p).xpos == "VBN" || is_passive(tree, p))
        .find_map(|p| passive_agent(tree, p))
}

/// Prepositions of direction: who something is done *to* or sent *towards* receives it, so
/// such a phrase does not say who did it.
const TOWARDS: &[&str] = &["TO", "TOWARD", "TOWARDS", "INTO", "ONTO"];

/// The doer of a passive verb that names none ("an Eriadorian was shot dead *in Osgiliath*",
/// "the Philippines was criticized *over its dispute with Eriador*"): as PETRARCH codes it, the
/// actor of the verb's first oblique that names one, other than a time or a direction. Where
/// an act against someone happens, or what it is over, most often says whose act it was.
pub fn unnamed_agent(tree: &Tree, nominals: &Nominals, v: usize) -> Vec<ActorMatch> {
    tree.children(v)
        .iter()
        .copied()
        .filter(|&c| {
            tree.token(c).deprel == "obl" && !tree.case_of(c).is_some_and(|p| TOWARDS.contains(&p))
        })
        .map(|c| nominals.find_in(c))
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Whether the verb is negated ("not", "n't", "never"), is what its actor failed to do
/// ("failed *to agree*"), or is what someone denies ("denied that it *backed* the rebels").
pub fn is_negated(tree: &Tree, v: usize) -> bool {
    let head_is = |rel: &str, lemma: &str| {
        tree.rel(v) == rel && tree.head(v).is_some_and(|h| tree.lemmas[h] == lemma)
    };
    head_is("xcomp", "FAIL")
        || head_is("ccomp", "DENY")
        || tree
            .children_with(v, "advmod")
            .any(|c| matches!(tree.lemmas[c].as_str(), "NOT" | "N'T" | "NEVER"))
}

/// The verb's target when no pattern marks one: the actors of its direct object (looked for
/// inside the object phrase: "restore ties *with Gondor*"), else of its first oblique that
/// names one (time expressions and the passive "by" excluded).
pub fn default_target(
    tree: &Tree,
    nominals: &Nominals,
    v: usize,
    passive: bool,
) -> Vec<ActorMatch> {
    for c in tree.children(v).iter().copied() {
        if matches!(tree.rel(c), "obj" | "iobj") {
            // "the ship *that* Iran seized": the relative pronoun is the modified noun.
            if let Some(noun) = antecedent_of_relative(tree, v, c) {
                return nominals.find_in(noun);
            }
            let found = nominals.find_in(c);
            if !found.is_empty() {
                return found;
            }
        }
    }
    for c in tree.children(v).iter().copied() {
        let deprel = tree.token(c).deprel.as_str();
        if tree.rel(c) != "obl" || matches!(deprel, "obl:tmod" | "obl:npmod") {
            continue;
        }
        if passive && (deprel == "obl:agent" || tree.case_of(c) == Some("BY")) {
            continue;
        }
        let found = nominals.find_in(c);
        if !found.is_empty() {
            return found;
        }
    }
    // "vowed to wage war *on the Rohans*", "signed an accord to supply *Gondor*": the target
    // of an infinitive that carries the verb's action on.
    for c in tree
        .children(v)
        .iter()
        .copied()
        .filter(|&c| is_purpose(tree, c))
    {
        let found = default_target(tree, nominals, c, false);
        if !found.is_empty() {
            return found;
        }
    }
    // "Arnor believes *Dagolath and Osgiliath* can cope": the subject of a complement
    // clause is who the belief or statement is about.
    for c in tree.children_with(v, "ccomp") {
        if let Some(s) = tree.children_with(c, "nsubj").next() {
            let found = nominals.actors(s);
            if !found.is_empty() {
                return found;
            }
            // "questioned whether *he* has a future with the Orcs": a clause about the
            // subject itself (its pronoun stands for the subject, as in [`subject`]) is about
            // the other party it names.
            if is_personal_pronoun(tree, s) {
                let found = default_target(tree, nominals, c, false);
                if !found.is_empty() {
                    return found;
                }
            }
        }
    }
    Vec::new()
}

/// Verbs that report what someone else did or said.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "SAY", "TELL", "ANNOUNCE", "STATE", "CLAIM", "ADD", "REPORT", "CONFIRM", "ALLEGE", "INSIST",
    "WRITE", "DECLARE", "NOTE", "EXPLAIN", "ASSERT", "ARGUE", "SUGGEST", "VOW", "WARN",
];

/// The subject of a sentence's main verb when that verb reports speech ("Putin said on Friday
/// that ...").
pub fn main_speaker(tree: &Tree) -> Option<usize> {
    let root = tree.root()?;
    if !SPEECH_VERBS.contains(&tree.lemmas[root].as_str()) {
        return None;
    }
    tree.children_with(root, "nsubj").next()
}

/// The speaker of reported speech: the subject of the speech verb whose complement holds the
/// verb ("Kenya said Ethiopia *had attacked*"), or the noun of an "according to" phrase
/// attached to the verb or its clause.
pub fn speaker(tree: &Tree, v: usize) -> Option<usize> {
    let mut at = v;
    for _ in 0..MAX_CLIMB {
        if let Some(source) = tree.children(at).iter().copied().find(|&c| {
            tree.rel(c) == "obl"
                && tree
                    .children(c)
                    .iter()
                    .any(|&k| tree.forms[k] == "ACCORDING")
        }) {
            return Some(source);
        }
        let rel = tree.rel(at);
        let head = tree.head(at)?;
        if rel == "ccomp" && SPEECH_VERBS.contains(&tree.lemmas[head].as_str()) {
            // "Trump said ... and *warned* that": a conjoined speech verb shares the subject.
            let speaking = match tree.rel(head) {
                "conj" if tree.children_with(head, "nsubj").next().is_none() => tree.head(head)?,
                _ => head,
            };
            return tree.children_with(speaking, "nsubj").next();
        }
        if !matches!(rel, "ccomp" | "xcomp" | "conj") {
            break;
        }
        at = head;
    }
    // "Ethiopia attacked the border post, Kenya said": a parataxis speech verb under the event.
    tree.children(v)
        .iter()
        .copied()
        .find(|&c| tree.rel(c) == "parataxis" && SPEECH_VERBS.contains(&tree.lemmas[c].as_str()))
        .and_then(|c| tree.children_with(c, "nsubj").next())
}
