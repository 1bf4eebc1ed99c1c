//! The actor codes of noun phrases: an actor or agent at the phrase's head, joined with the
//! actors and agents that modify it ("Gondor's government" → `GONGOV`, "soldiers from Gondor"
//! → `GONMIL`, "An MSF Arnor diplomat" → `NGOARNGOV`), and spread over conjuncts ("Arnor and
//! Gondor" → `ARN`, `GON`).

use std::cell::{Cell, OnceCell, RefCell};

use compact_str::CompactString;
use jiff::civil::Date;
use petrel_lexicon::agents::{AgentEntry, Placement};
use petrel_lexicon::Lexicon;

use crate::context::Known;
use crate::mentions::{Mention, Named};
use crate::{ActorMatch, Tree};

/// Relations by which a modifier lends its actor or agent to the noun it modifies.
/// (`det` is there for parsers that tag an unknown proper name before a noun as a determiner.)
const MODIFIER_RELS: &[&str] = &["compound", "amod", "nmod", "flat", "appos", "obl", "det"];

/// Prepositions by which an `nmod` names whose the head noun is ("ambassadors *of* Arnor",
/// "lawmakers *in* Arnor", "soldiers *from* Gondor"). Others ("ties *with* Gondor") name a
/// different party.
const BELONGING_PREPS: &[&str] = &["OF", "IN", "FROM"];

/// No mention is headed here.
const NO_MENTION: u32 = u32::MAX;

/// Relations that start a clause of their own; searches for actors do not enter them.
const CLAUSE_RELS: &[&str] = &["advcl", "ccomp", "parataxis", "csubj", "xcomp"];

pub struct Nominals<'a> {
    tree: &'a Tree<'a>,
    lexicon: &'a Lexicon,
    date: Option<Date>,
    mentions: &'a [Mention],
    /// The mention headed at each token, by its index in `mentions` ([`NO_MENTION`] for
    /// none): four bytes a token rather than a whole mention.
    headed: Vec<u32>,
    /// Whether a token lies inside a mention it does not head.
    inside: Vec<bool>,
    /// `actors(i)`, once computed: every verb's pattern matching asks about the same words.
    cache: RefCell<Cache>,
    /// Actors named earlier in the story, for [`Named::Known`] mentions.
    known: &'a [Known],
    /// Whether actors carry the dictionary entries behind them ([`Nominals::explaining`]).
    explain: bool,
    /// The words [`Nominals::find_in`] has still to visit, kept from one search to the next.
    queue: Cell<Vec<usize>>,
}

impl<'a> Nominals<'a> {
    pub fn new(
        tree: &'a Tree<'a>,
        lexicon: &'a Lexicon,
        mentions: &'a [Mention],
        date: Option<Date>,
    ) -> Nominals<'a> {
        let Tables {
            mut headed,
            mut inside,
            mut cache,
            queue,
        } = SPARE
            .try_with(|spare| spare.borrow_mut().take())
            .ok()
            .flatten()
            .unwrap_or_default();
        headed.clear();
        headed.resize(tree.len(), NO_MENTION);
        inside.clear();
        inside.resize(tree.len(), false);
        cache.at.clear();
        cache.at.resize(tree.len(), NOT_YET);
        for (k, m) in mentions.iter().enumerate() {
            headed[m.head] = k as u32;
            for (i, flag) in inside.iter_mut().enumerate().take(m.end + 1).skip(m.start) {
                *flag = i != m.head;
            }
        }
        Nominals {
            tree,
            lexicon,
            date,
            mentions,
            headed,
            inside,
            cache: RefCell::new(cache),
            known: &[],
            explain: false,
            queue: Cell::new(queue),
        }
    }

    /// The mention headed at `i`, if any.
    fn headed(&self, i: usize) -> Option<Mention> {
        self.mentions.get(self.headed[i] as usize).copied()
    }

    /// The first and last token of the person's name headed at `i`, if it names a person (an
    /// actor entry with dated roles) in more than one word.
    pub(crate) fn person_named_at(&self, i: usize) -> Option<(usize, usize)> {
        let mention = self.headed(i)?;
        let Named::Actor(id) = mention.named else {
            return None;
        };
        let person = !self.lexicon.actors.entries[id].roles.is_empty();
        (person && mention.end > mention.start).then_some((mention.start, mention.end))
    }

    /// Resolves [`Named::Known`] mentions against `known` (see [`crate::mentions::find_known`]).
    pub fn with_known(mut self, known: &'a [Known]) -> Nominals<'a> {
        self.known = known;
        self
    }

    /// Writes into each actor's `entries` the dictionary entries that gave it, for
    /// explanations. Off, those labels (much of the cost of an actor) are never made.
    pub fn explaining(mut self, yes: bool) -> Nominals<'a> {
        self.explain = yes;
        self
    }

    /// The actors named by the phrase headed at `i`, its conjuncts included.
    ///
    /// A conjunct with a sector but no country shares the first conjunct's country: "Danish
    /// media and government" is `DNKMED` and `DNKGOV`.
    pub fn actors(&self, i: usize) -> Vec<ActorMatch> {
        self.ensure(i);
        self.cache.borrow().get(i).to_vec()
    }

    /// Whether the phrase headed at `i` names any actor.
    pub fn names_actor(&self, i: usize) -> bool {
        self.headed(i).is_some() && {
            self.ensure(i);
            !self.cache.borrow().get(i).is_empty()
        }
    }

    /// Fills the cache for `i`. Pattern matching asks [`Nominals::names_actor`] of the same
    /// tokens again and again; answering from the cache copies nothing.
    fn ensure(&self, i: usize) {
        if self.cache.borrow().at[i] == NOT_YET {
            let found = self.compute_actors(i);
            let mut cache = self.cache.borrow_mut();
            cache.at[i] = cache.found.len() as u32;
            cache.found.push(found);
        }
    }

    fn compute_actors(&self, i: usize) -> Vec<ActorMatch> {
        let mut out = self.own(i, 0, &[]);
        // A word with no dependents has no conjuncts either (most words asked about).
        if self.tree.children(i).is_empty() {
            return out;
        }
        // The countries the phrase's modifiers give, for conjuncts without one (worked out
        // only for such a conjunct).
        let shared = OnceCell::new();
        let shared = || {
            shared.get_or_init(|| match self.headed(i) {
                Some(m) if !self.inside[i] => self.modifiers(i, &m, 0).countries,
                _ => Vec::new(),
            })
        };
        let mut add = |c: usize| {
            let conjunct = self.actors(c);
            if conjunct.iter().all(|a| a.code.starts_with("---")) && !shared().is_empty() {
                out.extend(self.own(c, 0, shared()));
            } else {
                out.extend(conjunct);
            }
        };
        // Conjuncts, and for a named actor the names set beside it ("Mordor, the Shire,
        // Arnor and Bree"), in that order. (Looked for in plain loops: chained and collected,
        // the iterators cost a sixtieth of coding.)
        let named = matches!(
            self.headed(i),
            Some(Mention {
                named: Named::Actor(_),
                ..
            })
        );
        self.tree.children_with(i, "conj").for_each(&mut add);
        if named {
            self.tree.children_with(i, "appos").for_each(&mut add);
        }
        // "U.S. President Donald Trump and Russian President Vladimir Putin" is often parsed
        // with the second name conjoined to a word inside the first: those conjuncts count
        // when they follow the phrase ("Polish and NATO jets" is one phrase, not two).
        for &w in self.tree.children(i) {
            let name_word = matches!(
                self.tree.token(w).deprel.as_str(),
                "flat" | "compound" | "nmod:desc"
            );
            if name_word {
                self.tree
                    .children_with(w, "conj")
                    .filter(|&k| k > i)
                    .for_each(&mut add);
            }
        }
        out
    }

    /// The first actors found in the phrase headed at `i`, searching its head, then its
    /// dependents breadth first, without entering clauses. A head naming no actor asks the
    /// words before it first ("the Calenardhon government issue").
    pub fn find_in(&self, i: usize) -> Vec<ActorMatch> {
        // The last search's queue, emptied, for the words before the head and then the
        // search: a list of their own cost each search an allocation.
        let mut queue = self.queue.take();
        let found = match self.premodifiers_joined(i, &mut queue) {
            Some(joined) => joined,
            None => {
                queue.clear();
                queue.push(i);
                self.search(&mut queue)
            }
        };
        self.queue.set(queue);
        found
    }

    /// The actors of the first word in `queue`, or below it, that names any: breadth first,
    /// not entering clauses.
    fn search(&self, queue: &mut Vec<usize>) -> Vec<ActorMatch> {
        let mut k = 0;
        while k < queue.len() {
            let t = queue[k];
            k += 1;
            let found = self.actors(t);
            if !found.is_empty() {
                return found;
            }
            for &c in self.tree.children(t) {
                let rel = self.tree.rel(c);
                let relative = self.tree.token(c).deprel == "acl:relcl";
                if !CLAUSE_RELS.contains(&rel) && rel != "conj" && !relative {
                    queue.push(c);
                }
            }
        }
        Vec::new()
    }

    /// The actors of a phrase that names none at its head, from the words before the head
    /// ("the Calenardhon government issue", "Gondor's Prime Minister Falastur", "West German
    /// world government activists"). English noun phrases are head-final, so the modifier
    /// nearest the head says most: "government", not "Calenardhon". Parsers hang such words on
    /// the last noun one by one, or on one another, so an agent without a country takes the
    /// country another of them names.
    fn premodifiers_joined(&self, i: usize, words: &mut Vec<usize>) -> Option<Vec<ActorMatch>> {
        if self.headed(i).is_some() {
            return None;
        }
        // The words naming actors, nearest first; only the actors used are copied.
        self.premodifiers(i, words);
        let mut named = words
            .iter()
            .rev()
            .copied()
            .filter(|&t| !self.inside[t] && self.names_actor(t));
        let nearest = self.actors(named.next()?);
        let countryless = |a: &ActorMatch| a.code.starts_with("---");
        if !nearest.iter().all(countryless) {
            return Some(nearest);
        }
        let country = named.find_map(|t| {
            let cache = self.cache.borrow();
            cache.get(t).iter().find(|a| !countryless(a)).cloned()
        })?;
        let joined = nearest
            .into_iter()
            .map(|agent| {
                let mut actor = country.clone();
                let sector = &agent.code[3..];
                if !actor.code.ends_with(sector) {
                    actor.code.push_str(sector);
                }
                actor.entries.extend(agent.entries);
                actor.tokens = (
                    actor.tokens.0.min(agent.tokens.0),
                    actor.tokens.1.max(agent.tokens.1),
                );
                actor.head = i;
                actor
            })
            .collect();
        Some(joined)
    }

    /// The words before `i` that modify it within its own noun phrase, directly or through one
    /// another, in sentence order: compounds, adjectives, determiners, flat names and
    /// possessives, not phrases with a preposition or clauses: written into `out`.
    fn premodifiers(&self, i: usize, out: &mut Vec<usize>) {
        // The words found so far are the ones whose children are looked at next.
        out.clear();
        let (mut t, mut next) = (i, 0);
        loop {
            for &c in self.tree.children(t) {
                let close = matches!(self.tree.rel(c), "compound" | "amod" | "det" | "flat")
                    || self.tree.token(c).deprel == "nmod:poss";
                if c < i && close {
                    out.push(c);
                }
            }
            let Some(&found) = out.get(next) else { break };
            (t, next) = (found, next + 1);
        }
        out.sort_unstable();
    }

    /// The actors of the phrase headed at `i` alone (no conjuncts); `inherited` countries
    /// apply when the phrase has none of its own.
    fn own(&self, i: usize, depth: usize, inherited: &[ActorMatch]) -> Vec<ActorMatch> {
        if self.inside[i] || depth > 4 {
            return Vec::new();
        }
        let Some(mention) = self.headed(i) else {
            return Vec::new();
        };
        let Modifiers {
            mut countries,
            agents: modifier_agents,
            titles,
        } = self.modifiers(i, &mention, depth);
        if countries.is_empty() {
            countries = inherited.to_vec();
        }
        let retitle = |mut c: ActorMatch| {
            c.head = i;
            c.tokens = (c.tokens.0.min(mention.start), c.tokens.1.max(mention.end));
            c
        };
        match mention.named {
            Named::Known(k) => vec![self.known[k].at(mention.start, mention.end, "")],
            // A named person under a title that carries its own country ("Bree Prime Minister
            // Romendacil"), or under a bare title beside a country ("Ithilen's minister
            // Calimehtar"): the title says for whom, and in what capacity, they act.
            Named::Actor(_) if !titles.is_empty() => titles.into_iter().map(retitle).collect(),
            Named::Actor(_) if !modifier_agents.is_empty() && !countries.is_empty() => countries
                .into_iter()
                .map(|mut c| {
                    for agent in &modifier_agents {
                        join(&mut c, agent, self.explain);
                    }
                    retitle(c)
                })
                .collect(),
            Named::Actor(id) => {
                let entry = &self.lexicon.actors.entries[id];
                let Some((code, role)) = entry.resolve(self.date) else {
                    return Vec::new();
                };
                if code == "---" {
                    return Vec::new();
                }
                let mut entries = Vec::new();
                if self.explain {
                    // Room for a dated role and agents joined later.
                    entries.reserve(4);
                    entries.push(entry.origin.label(&[&entry.name]));
                    if let Some(role) = role {
                        entries.push(role.origin.label(&[&role.code]));
                    }
                }
                let mut actor = ActorMatch {
                    code: code.into(),
                    head: i,
                    tokens: (mention.start, mention.end),
                    entries,
                };
                for agent in &modifier_agents {
                    join(&mut actor, agent, self.explain);
                }
                // A country word heading a named person of that country ("Kenyan ... William
                // Ruto", as parsers often attach it): the person's fuller code wins.
                if let Some(fuller) = countries
                    .iter()
                    .filter(|c| {
                        c.code.len() > actor.code.len() && c.code.starts_with(actor.code.as_str())
                    })
                    .max_by_key(|c| c.code.len())
                {
                    let tokens = (
                        actor.tokens.0.min(fuller.tokens.0),
                        actor.tokens.1.max(fuller.tokens.1),
                    );
                    actor = ActorMatch {
                        tokens,
                        head: i,
                        ..fuller.clone()
                    };
                }
                vec![actor]
            }
            Named::Agent(id) => {
                let agent = &self.lexicon.agents.entries[id];
                if countries.is_empty() {
                    countries.push(ActorMatch {
                        code: CompactString::default(),
                        head: i,
                        tokens: (mention.start, mention.end),
                        entries: Vec::new(),
                    });
                }
                for country in &mut countries {
                    for modifier in &modifier_agents {
                        join(country, modifier, self.explain);
                    }
                    join(country, agent, self.explain);
                    country.head = i;
                    country.tokens = (
                        country.tokens.0.min(mention.start),
                        country.tokens.1.max(mention.end),
                    );
                }
                countries
            }
        }
    }

    /// The actors and agents among the modifiers of `i` (outside its own mention), in
    /// sentence order.
    fn modifiers(&self, i: usize, mention: &Mention, depth: usize) -> Modifiers<'a> {
        let mut countries = Vec::new();
        let mut distant = Vec::new();
        let mut agents = Vec::new();
        let mut titles = Vec::new();
        // Parsers often attach every word of a name phrase to its last word ("Calenardhon
        // government issue", "Russian Foreign Minister Lavrov"), so a word modified by nothing
        // takes the modifiers standing before it under the same head.
        let flat_siblings: Vec<usize> = match self.tree.head(i) {
            Some(h) if self.tree.rel(i) == "compound" && self.tree.children(i).is_empty() => self
                .tree
                .children(h)
                .iter()
                .copied()
                .filter(|&s| {
                    s < mention.start && matches!(self.tree.rel(s), "compound" | "amod" | "det")
                })
                .collect(),
            _ => Vec::new(),
        };
        // A name of several words may have its owner hung on one of its inner words
        // ("Russia's" on "defence" in "Russia's defence ministry").
        let inner_owners: Vec<usize> = (mention.start..=mention.end)
            .filter(|&k| k != i)
            .flat_map(|k| self.tree.children(k).iter().copied())
            .filter(|&c| c < mention.start && self.tree.token(c).deprel == "nmod:poss")
            .collect();
        let around = self.tree.children(i).iter().chain(&flat_siblings);
        for &c in around.chain(&inner_owners) {
            if (mention.start..=mention.end).contains(&c) {
                continue;
            }
            let rel = self.tree.rel(c);
            if !MODIFIER_RELS.contains(&rel) && !self.name_read_as_preposition(c) {
                continue;
            }
            let poss = self.tree.token(c).deprel == "nmod:poss";
            // A prepositional modifier counts only with a preposition of belonging; one with
            // no preposition at all ("President" in "Kenyan President Ruto" read as
            // nmod:desc) is as close as a compound.
            let case = self.tree.case_of(c);
            let prepositional = matches!(rel, "nmod" | "obl") && !poss && case.is_some();
            if prepositional && !case.is_some_and(|p| BELONGING_PREPS.contains(&p)) {
                continue;
            }
            match self.headed(c).map(|m| m.named) {
                Some(Named::Agent(id)) if self.modifier_is_bare(c) => {
                    agents.push(&self.lexicon.agents.entries[id]);
                }
                _ => {
                    let mut found = self.own(c, depth + 1, &[]);
                    for k in self.tree.children_with(c, "conj") {
                        found.extend(self.own(k, depth + 1, &[]));
                    }
                    let title = matches!(
                        self.headed(c),
                        Some(Mention {
                            named: Named::Agent(_),
                            ..
                        })
                    );
                    if title && found.iter().all(|a| !a.code.starts_with("---")) {
                        titles.extend(found.iter().cloned());
                    }
                    if prepositional {
                        distant.extend(found);
                    } else {
                        countries.extend(found);
                    }
                }
            }
        }
        // A country written into the phrase ("Osgiliath soldiers", "Gondor's police") says
        // whose they are more surely than one in a prepositional phrase after it ("soldiers
        // in south Ithilen"), which is often where they are, not whose.
        if countries.is_empty() {
            countries = distant;
        }
        Modifiers {
            countries,
            agents,
            titles,
        }
    }

    /// Whether `c`, attached as a preposition (`case`), is an actor's name: taggers read an
    /// unknown name before a noun as a preposition as readily as a determiner ("Arnor former
    /// security officials"), and no dictionary names an actor with a preposition.
    fn name_read_as_preposition(&self, c: usize) -> bool {
        self.tree.rel(c) == "case"
            && matches!(
                self.headed(c),
                Some(Mention {
                    named: Named::Actor(_),
                    ..
                })
            )
    }

    /// An agent modifier with no actor of its own joins the head's actor as a plain agent.
    fn modifier_is_bare(&self, c: usize) -> bool {
        self.tree.children(c).iter().all(|&k| {
            self.inside[k]
                || !matches!(
                    self.headed(k),
                    Some(Mention {
                        named: Named::Actor(_),
                        ..
                    })
                )
        })
    }
}

impl Drop for Nominals<'_> {
    /// Hands the per-token tables, emptied, to the next `Nominals` made on this thread.
    fn drop(&mut self) {
        let mut cache = std::mem::take(self.cache.get_mut());
        cache.found.clear();
        let tables = Tables {
            headed: std::mem::take(&mut self.headed),
            inside: std::mem::take(&mut self.inside),
            queue: self.queue.take(),
            cache,
        };
        // Dropped while the thread itself ends, they are freed as usual.
        let _ = SPARE.try_with(|spare| *spare.borrow_mut() = Some(tables));
    }
}

/// The tables a `Nominals` keeps per token. A thread codes its sentences one after another,
/// so each sentence's tables are the last one's, emptied: allocated afresh and freed for every
/// sentence, they cost a thirtieth of coding.
#[derive(Default)]
struct Tables {
    headed: Vec<u32>,
    inside: Vec<bool>,
    cache: Cache,
    queue: Vec<usize>,
}

thread_local! {
    /// The tables of the last `Nominals` dropped on this thread, for the next one.
    static SPARE: RefCell<Option<Tables>> = const { RefCell::new(None) };
}

/// The actors of the tokens asked about, in the order they were worked out: a table of
/// every token's (mostly never asked for) cost more to drop than to fill.
#[derive(Default)]
struct Cache {
    /// Where each token's actors are in `found` ([`NOT_YET`] before they are worked out).
    at: Vec<u32>,
    found: Vec<Vec<ActorMatch>>,
}

/// A token whose actors have not been worked out.
const NOT_YET: u32 = u32::MAX;

impl Cache {
    /// The actors of token `i`, once worked out.
    fn get(&self, i: usize) -> &[ActorMatch] {
        self.found
            .get(self.at[i] as usize)
            .map_or(&[], Vec::as_slice)
    }
}

/// What the modifiers of a noun contribute.
struct Modifiers<'a> {
    /// Actors among them (close ones, else those in prepositional phrases).
    countries: Vec<ActorMatch>,
    /// Bare agents among them ("security" in "security officials" when listed alone).
    agents: Vec<&'a AgentEntry>,
    /// Titles that carry their own country ("Bree Prime Minister").
    titles: Vec<ActorMatch>,
}

/// Adds an agent's code to an actor: after it (`KEN` + `COP`) or before it (`NGO` + `KEN`).
/// An agent with no country takes PETRARCH's unknown-country prefix, `---`. With `explain`,
/// the agent's entry is noted among the actor's entries.
fn join(actor: &mut ActorMatch, agent: &AgentEntry, explain: bool) {
    // "White House security officials": the actor already carries the agent's sector.
    let already = match agent.placement {
        Placement::After => actor.code.ends_with(&agent.code),
        Placement::Before => actor.code.starts_with(&agent.code),
    };
    if already && actor.code.len() > agent.code.len() {
        return;
    }
    let base = if actor.code.is_empty() {
        "---"
    } else {
        actor.code.as_str()
    };
    // Written in place, not concatenated: a joined code still fits inline.
    let mut code = CompactString::default();
    match agent.placement {
        Placement::After => code.extend([base, &agent.code]),
        Placement::Before if actor.code.is_empty() => code.push_str(&agent.code),
        Placement::Before => code.extend([&agent.code, base]),
    }
    actor.code = code;
    if explain {
        actor
            .entries
            .push(agent.origin.label(&["agent ", &agent.name]));
    }
}
