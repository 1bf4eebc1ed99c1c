//! Actors: named entities (countries, organisations, people) and the codes they take, which
//! may depend on the date.

use jiff::civil::Date;

use crate::phrases::PhraseIndex;
use crate::Origin;

/// Index of an entry in an [`ActorDict`].
pub type ActorId = usize;

/// One actor: its names, its codes over time, and where it was defined.
#[derive(Clone, Debug)]
pub struct ActorEntry {
    /// The primary name, as written in the dictionary.
    pub name: String,
    /// The code when no dated role applies (PETRARCH's code on the primary line).
    pub default: Option<String>,
    /// Dated roles, in dictionary order: the first whose range contains the date wins.
    pub roles: Vec<Role>,
    pub origin: Origin,
}

/// A code held over a date range: `from` inclusive, `until` exclusive; `None` is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// What the role is ("Chancellor"), when the dictionary says.
    pub note: Option<String>,
    pub origin: Origin,
}

impl Role {
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date < until)
    }
}

/// How a name may be matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameFlags {
    /// The name is also a common word or given name: code it only when it stands alone, not
    /// joined to a neighbouring capitalised name.
    pub ambiguous: bool,
    /// The name must match with the capitals it is written with.
    pub case_sensitive: bool,
}

/// What a name in the index points at.
#[derive(Clone, Debug)]
pub struct NameRef {
    pub actor: ActorId,
    pub flags: NameFlags,
    /// The name as written (for case-sensitive matching and explanations).
    pub written: String,
}

impl ActorEntry {
    /// The entry's code on `date`: the first dated role containing it, else the default.
    /// Without a date, the default, else the most recent open-ended role.
    pub fn code_on(&self, date: Option<Date>) -> Option<&Role> {
        match date {
            Some(date) => self.roles.iter().find(|r| r.contains(date)),
            None => self.roles.iter().rev().find(|r| r.until.is_none()),
        }
    }

    /// The code to use on `date`, and the role that gave it if it was a dated one.
    pub fn resolve(&self, date: Option<Date>) -> Option<(&str, Option<&Role>)> {
        if date.is_none() {
            if let Some(code) = &self.default {
                return Some((code, None));
            }
        }
        match self.code_on(date) {
            Some(role) => Some((&role.code, Some(role))),
            None => self.default.as_deref().map(|c| (c, None)),
        }
    }
}

/// All actors, and an index from their names to them.
#[derive(Debug, Default)]
pub struct ActorDict {
    pub entries: Vec<ActorEntry>,
    pub names: PhraseIndex<NameRef>,
}

impl ActorDict {
    /// Adds an entry and returns its id; names are added with [`ActorDict::add_name`].
    pub fn push(&mut self, entry: ActorEntry) -> ActorId {
        self.entries.push(entry);
        self.entries.len() - 1
    }

    pub fn add_name(&mut self, words: Vec<String>, name: NameRef) {
        self.names.insert(words, name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn origin() -> Origin {
        Origin {
            file: Arc::from("test"),
            line: 1,
        }
    }

    fn role(code: &str, from: Option<&str>, until: Option<&str>) -> Role {
        Role {
            code: code.into(),
            from: from.map(|d| d.parse().unwrap()),
            until: until.map(|d| d.parse().unwrap()),
            note: None,
            origin: origin(),
        }
    }

    #[test]
    fn first_containing_role_wins_and_default_fills_gaps() {
        let entry = ActorEntry {
            name: "SAM".into(),
            default: Some("HOB".into()),
            roles: vec![
                role("ORCHOB", Some("2010-01-09"), Some("2010-01-13")),
                role("HOBMIL", Some("2008-01-20"), Some("2012-11-10")),
            ],
            origin: origin(),
        };
        let on = |d: &str| {
            entry
                .resolve(Some(d.parse().unwrap()))
                .unwrap()
                .0
                .to_string()
        };
        assert_eq!(on("2010-01-10"), "ORCHOB");
        assert_eq!(on("2010-01-13"), "HOBMIL");
        assert_eq!(on("2001-01-01"), "HOB");
    }

    #[test]
    fn range_includes_start_and_excludes_end() {
        let r = role("DEUGOV", Some("2021-12-08"), Some("2025-05-06"));
        assert!(r.contains("2021-12-08".parse().unwrap()));
        assert!(!r.contains("2025-05-06".parse().unwrap()));
    }
}
