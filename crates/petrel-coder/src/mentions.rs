//! Finding the actors and agents a sentence names, as runs of words matched against the
//! lexicon's phrase indexes (longest match first, left to right).

use std::cell::OnceCell;

use petrel_lexicon::actors::{ActorId, NameRef};
use petrel_lexicon::agents::AgentId;
use petrel_lexicon::{Lexicon, NameAt};

use crate::calendar;
use crate::context::{Known, StoryContext};
use crate::Tree;

/// What a run of words names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Actor(ActorId),
    Agent(AgentId),
    /// An actor the story named before, by its index in the list [`find_known`] returns.
    Known(usize),
}

/// A dictionary phrase found in the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub named: Named,
    /// First and last token, inclusive.
    pub start: usize,
    pub end: usize,
    /// The token of the run that heads it in the tree (its head lies outside the run).
    pub head: usize,
}

/// Every mention in the sentence, with no two overlapping. At each position the longest
/// phrase wins; an actor beats an agent of the same length.
pub fn find(tree: &Tree, lexicon: &Lexicon) -> Vec<Mention> {
    // Needed only for a name that must match with its capitals: worked out then.
    let all_caps = OnceCell::new();
    let all_caps = || {
        *all_caps.get_or_init(|| {
            tree.sentence
                .tokens
                .iter()
                .filter(|t| t.form.chars().any(char::is_alphabetic))
                .all(|t| !t.form.chars().any(char::is_lowercase))
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tree.len() {
        // Most words begin no name: no dictionary has them at all.
        if !tree.in_names(i) {
            i += 1;
            continue;
        }
        let fits = |len, name: &NameRef| name_fits(tree, i, len, name, all_caps);
        let best = lexicon
            .longest_name_numbered(tree.actor_words(i), tree.agent_words(i), fits)
            .map(|(len, named)| {
                let named = match named {
                    NameAt::Actor(id) => Named::Actor(id),
                    NameAt::Agent(id) => Named::Agent(id),
                };
                (len, named)
            });
        match best {
            Some((len, named)) => {
                let end = i + len - 1;
                out.push(Mention {
                    named,
                    start: i,
                    end,
                    head: run_head(tree, i, end),
                });
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a matched name may be used here: with its capitals when it has them, and, when it
/// is also a common word or given name, not joined to a neighbouring capitalised name.
fn name_fits(
    tree: &Tree,
    start: usize,
    len: usize,
    name: &NameRef,
    all_caps: impl Fn() -> bool,
) -> bool {
    if name.flags.case_sensitive && !all_caps() {
        let written: Vec<&str> = name.written.split_whitespace().collect();
        let tokens = &tree.sentence.tokens[start..start + len];
        if written.len() == len && written.iter().zip(tokens).any(|(w, t)| *w != t.form) {
            return false;
        }
    }
    if name.flags.ambiguous {
        // A day or month is no name's neighbour ("On Wednesday, Washington said").
        let capitalised = |i: usize| {
            let t = tree.token(i);
            t.upos == "PROPN"
                && t.form.chars().next().is_some_and(char::is_uppercase)
                && !calendar::is_time_name(&t.form)
        };
        let before = start.checked_sub(1).is_some_and(capitalised);
        let after = start + len < tree.len() && capitalised(start + len);
        let after_comma_place =
            start >= 2 && tree.forms[start - 1] == "," && capitalised(start - 2);
        if before || after || after_comma_place {
            return false;
        }
    }
    true
}

/// The token of `start..=end` whose head lies outside the run (the last such, as English
/// noun phrases are head-final); the last token when the parse disagrees with the run.
fn run_head(tree: &Tree, start: usize, end: usize) -> usize {
    (start..=end)
        .rev()
        .find(|&i| tree.head(i).is_none_or(|h| h < start || h > end))
        .unwrap_or(end)
}

/// Adds to `mentions` the words that name an actor only through the story so far: a bare
/// surname of someone named in full before ("Blinken"), and a definite description ("the
/// bloc", "the group") of an actor of that kind. Returns the actors they name; the added
/// mentions point into it.
pub fn find_known(tree: &Tree, mentions: &mut Vec<Mention>, context: &StoryContext) -> Vec<Known> {
    let mut covered = vec![false; tree.len()];
    for m in mentions.iter() {
        covered[m.start..=m.end].fill(true);
    }
    let mut known = Vec::new();
    for i in (0..tree.len()).filter(|&i| !covered[i]) {
        let token = tree.token(i);
        let found = match token.upos.as_str() {
            "PROPN" => context.surname(&tree.forms[i]).cloned(),
            "NOUN" if is_definite(tree, i) => context.described(&tree.lemmas[i]),
            _ => None,
        };
        if let Some(k) = found {
            mentions.push(Mention {
                named: Named::Known(known.len()),
                start: i,
                end: i,
                head: i,
            });
            known.push(k);
        }
    }
    known
}

/// Whether a noun has the definite article or a demonstrative.
pub(crate) fn is_definite(tree: &Tree, i: usize) -> bool {
    tree.children_with(i, "det")
        .any(|d| matches!(tree.lemmas[d].as_str(), "THE" | "THIS" | "THAT"))
}
