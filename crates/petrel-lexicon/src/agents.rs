//! Agents: words for a sector or role ("police", "foreign minister") that make an actor code
//! on their own or joined to a country ("Kenyan police" → `KENCOP`).

use crate::phrases::PhraseIndex;
use crate::Origin;

pub type AgentId = usize;

/// Where an agent's code goes relative to the actor it joins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// After the actor code (`~COP`: `KEN` + `COP`), the usual case.
    After,
    /// Before the actor code (`NGO~`: `NGO` + `KEN`), used for organisations.
    Before,
}

#[derive(Clone, Debug)]
pub struct AgentEntry {
    pub name: String,
    pub code: String,
    pub placement: Placement,
    pub origin: Origin,
}

impl AgentEntry {
    /// Joins this agent to an actor code; with no actor, the agent code stands alone.
    pub fn join(&self, actor: Option<&str>) -> String {
        match (actor, self.placement) {
            (None, _) => self.code.clone(),
            (Some(a), Placement::After) => format!("{a}{}", self.code),
            (Some(a), Placement::Before) => format!("{}{a}", self.code),
        }
    }
}

#[derive(Debug, Default)]
pub struct AgentDict {
    pub entries: Vec<AgentEntry>,
    pub names: PhraseIndex<AgentId>,
}

impl AgentDict {
    pub fn push(&mut self, entry: AgentEntry) -> AgentId {
        self.entries.push(entry);
        self.entries.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn agents_join_before_or_after() {
        let origin = Origin {
            file: Arc::from("t"),
            line: 1,
        };
        let police = AgentEntry {
            name: "POLICE".into(),
            code: "COP".into(),
            placement: Placement::After,
            origin: origin.clone(),
        };
        let msf = AgentEntry {
            name: "MSF".into(),
            code: "NGO".into(),
            placement: Placement::Before,
            origin,
        };
        assert_eq!(police.join(Some("KEN")), "KENCOP");
        assert_eq!(police.join(None), "COP");
        assert_eq!(msf.join(Some("ARN")), "NGOARN");
    }
}
