//! `petrel lexicon stats`: how much petrel's lexicon holds.

use std::collections::BTreeSet;
use std::fmt;

use crate::ontology::root_of;
use crate::own::Source;
use crate::Lexicon;

/// Counts of what the lexicon holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Entries of `countries.txt` coded with a bare country code.
    pub countries: usize,
    /// Other entries of `countries.txt`: capitals and organs of state (`RUSGOV`).
    pub seats_of_power: usize,
    /// Entries of the other non-people actor files (organisations, armed groups).
    pub organisations_and_groups: usize,
    /// Entries of `people-*.txt`.
    pub people: usize,
    /// Dated roles, over all actor entries.
    pub roles: usize,
    /// Actor names as written.
    pub actor_names: usize,
    /// Phrases in the actor index (spelling variants and plurals included).
    pub indexed_actor_phrases: usize,
    pub agents: usize,
    pub agent_forms: usize,
    /// Pattern lines, the verbs written alone included.
    pub verb_patterns: usize,
    pub verbs: usize,
    /// Distinct event codes the patterns use.
    pub event_codes_used: usize,
    /// Distinct leaf codes (codes no other code refines) the patterns use, and how many
    /// leaf codes the ontology has.
    pub leaf_codes_covered: usize,
    pub leaf_codes: usize,
    /// CAMEO roots with at least one pattern, and how many roots there are.
    pub roots_covered: usize,
    pub roots: usize,
    /// Event codes in the ontology.
    pub event_codes: usize,
    /// Actor type codes in the ontology.
    pub actor_types: usize,
}

impl Stats {
    pub fn new(source: &Source, lexicon: &Lexicon) -> Stats {
        let mut s = Stats::default();
        for record in &source.actors {
            let file = record.origin.file.rsplit('/').next().unwrap_or("");
            if file == "countries.txt" {
                if record.code.as_ref().is_some_and(|c| c.len() == 3) {
                    s.countries += 1;
                } else {
                    s.seats_of_power += 1;
                }
            } else if file.starts_with("people") {
                s.people += 1;
            } else {
                s.organisations_and_groups += 1;
            }
            s.roles += record.roles.len();
            s.actor_names += record.names.len();
        }
        s.indexed_actor_phrases = lexicon.actors.names.len();
        s.agents = source.agents.len();
        s.agent_forms = source.agents.iter().map(|a| a.forms.len()).sum();
        s.verb_patterns = source.patterns.len();
        s.verbs = lexicon.verbs.verbs.len();
        let used: BTreeSet<&str> = source.patterns.iter().map(|p| p.code.as_str()).collect();
        let ontology = &source.ontology;
        s.event_codes_used = used.len();
        s.leaf_codes_covered = used
            .iter()
            .filter(|c| ontology.event(c).is_some() && ontology.is_leaf(c))
            .count();
        s.leaf_codes = ontology
            .events()
            .filter(|e| ontology.is_leaf(&e.code))
            .count();
        s.roots_covered = used
            .iter()
            .map(|c| root_of(c))
            .collect::<BTreeSet<_>>()
            .len();
        s.roots = ontology.events().filter(|e| e.code.len() == 2).count();
        s.event_codes = ontology.events().count();
        s.actor_types = ontology.actor_types().count();
        s
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = [
            ("countries and territories", self.countries.to_string()),
            (
                "capitals and organs of state",
                self.seats_of_power.to_string(),
            ),
            (
                "organisations and groups",
                self.organisations_and_groups.to_string(),
            ),
            ("people", self.people.to_string()),
            ("dated roles", self.roles.to_string()),
            ("actor names (as written)", self.actor_names.to_string()),
            (
                "actor phrases indexed",
                self.indexed_actor_phrases.to_string(),
            ),
            ("agents", self.agents.to_string()),
            ("agent forms", self.agent_forms.to_string()),
            ("verb patterns", self.verb_patterns.to_string()),
            ("verbs", self.verbs.to_string()),
            ("event codes used", self.event_codes_used.to_string()),
            (
                "leaf event codes covered",
                format!("{} of {}", self.leaf_codes_covered, self.leaf_codes),
            ),
            (
                "CAMEO roots covered",
                format!("{} of {}", self.roots_covered, self.roots),
            ),
            ("event codes in the ontology", self.event_codes.to_string()),
            ("actor types in the ontology", self.actor_types.to_string()),
        ];
        for (label, value) in rows {
            writeln!(f, "{label:<30} {value:>10}")?;
        }
        Ok(())
    }
}
