//! The ontology petrel codes into: every CAMEO event code with its name, Goldstein weight,
//! QuadClass and PLOVER category, and the CAMEO actor type codes.
//!
//! Both tables are tab-separated files of petrel's own lexicon (`ontology/cameo-events.tsv`,
//! `ontology/actor-types.tsv`). The output writer takes an event's weight and category from
//! here, and `petrel lexicon check` uses the tables to reject codes that do not exist.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::{Diagnostic, Origin};

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct EventType {
    /// The code as a string: leading zeros matter (`"010"`, `"0211"`).
    pub code: String,
    pub name: String,
    /// Goldstein conflict-cooperation weight, -10 to +10.
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER category (`"CONSULT"`), where the crosswalk gives one.
    pub plover: Option<String>,
    /// PLOVER mode (`"visit"`), where the crosswalk gives one.
    pub plover_mode: Option<String>,
    pub origin: Origin,
}

impl EventType {
    /// The CAMEO root: the first two digits (`"04"` for `"0431"`).
    pub fn root(&self) -> &str {
        root_of(&self.code)
    }
}

/// The CAMEO root of an event code: its first two characters.
pub fn root_of(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// What kind of thing an actor type code says about an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActorKind {
    /// The part an actor plays: GOV, MIL, REB, and the international roots IGO, NGO, ...
    Role,
    /// An area of social or economic life: BUS, MED, EDU, ...
    Sector,
    /// A faith or denomination: MOS, CHR, SHI, ...
    Religion,
    /// An ethnic or national group tag: KUR, ...
    Ethnic,
    /// A region used as an actor root: AFR, EUR, MEA, ...
    Region,
    /// A named organisation or movement (CAMEO's "known groups"), or a stance.
    Other,
}

impl ActorKind {
    fn parse(text: &str) -> Option<ActorKind> {
        Some(match text {
            "role" => ActorKind::Role,
            "sector" => ActorKind::Sector,
            "religion" => ActorKind::Religion,
            "ethnic" => ActorKind::Ethnic,
            "region" => ActorKind::Region,
            "other" => ActorKind::Other,
            _ => return None,
        })
    }
}

/// One three-letter CAMEO actor type code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorType {
    pub code: String,
    pub meaning: String,
    pub kind: ActorKind,
    pub origin: Origin,
}

/// The event and actor type tables. Empty for a lexicon loaded from PETRARCH dictionaries,
/// which carry no such tables.
#[derive(Clone, Debug, Default)]
pub struct Ontology {
    events: BTreeMap<String, EventType>,
    actor_types: BTreeMap<String, ActorType>,
}

impl Ontology {
    /// The event code's entry, if the code exists.
    pub fn event(&self, code: &str) -> Option<&EventType> {
        self.events.get(code)
    }

    /// The actor type code's entry, if the code exists.
    pub fn actor_type(&self, code: &str) -> Option<&ActorType> {
        self.actor_types.get(code)
    }

    /// Every event code, in code order.
    pub fn events(&self) -> impl Iterator<Item = &EventType> {
        self.events.values()
    }

    /// Every actor type code, in code order.
    pub fn actor_types(&self) -> impl Iterator<Item = &ActorType> {
        self.actor_types.values()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.actor_types.is_empty()
    }

    /// Whether no other event code refines this one (`"0431"` is a leaf, `"043"` is not when
    /// `"0431"` exists).
    pub fn is_leaf(&self, code: &str) -> bool {
        self.events
            .range(code.to_string()..)
            .nth(1)
            .is_none_or(|(next, _)| !next.starts_with(code))
    }

    /// Reads `code, name, goldstein, quad_class, plover, plover_mode` rows. Bad rows are
    /// reported and skipped; the header row (starting `code`) is skipped.
    pub fn read_events(&mut self, file: &str, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (origin, fields) in rows(file, text) {
            let parsed = (|| -> Result<EventType, String> {
                let [code, name, goldstein, quad, plover, mode] = fields[..] else {
                    return Err(format!(
                        "expected 6 tab-separated fields, found {}",
                        fields.len()
                    ));
                };
                if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("bad event code {code:?}"));
                }
                let goldstein: f64 = goldstein
                    .parse()
                    .ok()
                    .filter(|g: &f64| (-10.0..=10.0).contains(g))
                    .ok_or_else(|| format!("bad Goldstein weight {goldstein:?}"))?;
                let quad_class = quad
                    .parse()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| format!("bad QuadClass {quad:?}"))?;
                let optional = |s: &str| (!s.is_empty()).then(|| s.to_string());
                Ok(EventType {
                    code: code.to_string(),
                    name: name.to_string(),
                    goldstein,
                    quad_class,
                    plover: optional(plover),
                    plover_mode: optional(mode),
                    origin: origin.clone(),
                })
            })();
            match parsed {
                Ok(event) if self.events.contains_key(&event.code) => diags.push(Diagnostic {
                    message: format!("event code {} listed twice", event.code),
                    origin,
                }),
                Ok(event) => {
                    self.events.insert(event.code.clone(), event);
                }
                Err(message) => diags.push(Diagnostic { origin, message }),
            }
        }
        diags
    }

    /// Reads `code, meaning, kind` rows, reporting and skipping bad ones.
    pub fn read_actor_types(&mut self, file: &str, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (origin, fields) in rows(file, text) {
            let parsed = match fields[..] {
                [code, meaning, kind] => {
                    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                        Err(format!("bad actor type code {code:?}"))
                    } else {
                        ActorKind::parse(kind)
                            .ok_or_else(|| format!("unknown kind {kind:?}"))
                            .map(|kind| ActorType {
                                code: code.to_string(),
                                meaning: meaning.to_string(),
                                kind,
                                origin: origin.clone(),
                            })
                    }
                }
                _ => Err(format!(
                    "expected 3 tab-separated fields, found {}",
                    fields.len()
                )),
            };
            match parsed {
                Ok(t) if self.actor_types.contains_key(&t.code) => diags.push(Diagnostic {
                    message: format!("actor type {} listed twice", t.code),
                    origin,
                }),
                Ok(t) => {
                    self.actor_types.insert(t.code.clone(), t);
                }
                Err(message) => diags.push(Diagnostic { origin, message }),
            }
        }
        diags
    }
}

/// The data rows of a TSV table: not comments (`#`), not blank, not the header.
fn rows<'t>(file: &str, text: &'t str) -> impl Iterator<Item = (Origin, Vec<&'t str>)> {
    let file: Arc<str> = Arc::from(file);
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .filter(|(_, line)| !line.starts_with("code\t"))
        .map(move |(i, line)| {
            (
                Origin {
                    file: file.clone(),
                    line: i + 1,
                },
                line.trim_end_matches('\r')
                    .split('\t')
                    .map(str::trim)
                    .collect(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_and_leaves() {
        let mut o = Ontology::default();
        let diags = o.read_events(
            "e.tsv",
            "# c\ncode\tname\tgoldstein\tquad_class\tplover\tplover_mode\n\
04\tConsult\t1\t1\t\t\n043\tVisit\t1.9\t1\tCONSULT\tvisit\n0431\tX\t2\t1\t\t\n044\tY\t2.5\t1\t\t\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let visit = o.event("043").unwrap();
        assert_eq!(visit.plover.as_deref(), Some("CONSULT"));
        assert_eq!(visit.plover_mode.as_deref(), Some("visit"));
        assert_eq!(visit.goldstein, 1.9);
        assert_eq!(visit.root(), "04");
        assert!(o.event("04").unwrap().plover.is_none());
        assert!(!o.is_leaf("043"));
        assert!(o.is_leaf("0431"));
        assert!(o.is_leaf("044"));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let mut o = Ontology::default();
        let diags = o.read_events(
            "e.tsv",
            "010\tSay\t0\t1\t\t\n010\tSay\t0\t1\t\t\nABC\tx\t0\t1\t\t\n011\tx\t11\t1\t\t\n012\tx\t0\t5\t\t\n013\tx\n",
        );
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6], "{diags:?}");
        let mut o = Ontology::default();
        let diags = o.read_actor_types(
            "a.tsv",
            "GOV\tgovernment\trole\nGo\tx\trole\nMIL\tx\tarmy\n",
        );
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(o.actor_type("GOV").unwrap().kind, ActorKind::Role);
    }
}
