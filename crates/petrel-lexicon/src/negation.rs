//! Negated events: what "did not X" codes as, when the dictionaries say.
//!
//! PETRARCH2 places every CAMEO code in an internal ontology of numbers in which negation is
//! arithmetic: "disapprove" (110) is "diplomatic cooperation" (050) plus a negation offset, so
//! "did not clash" codes 050 and "will not wire tap" (170) codes 057. With those dictionaries
//! loaded, petrel reproduces that; without them a negated event keeps its code and is marked
//! `negated` for the user to judge.

use std::collections::HashMap;

/// The offset that turns a code into its negation in PETRARCH's ontology.
pub const NEGATION_OFFSET: i64 = 0xFFFF;

#[derive(Debug, Default)]
pub struct NegationTable {
    value_of: HashMap<String, i64>,
    /// The first code (in file order) holding each value.
    code_of: HashMap<i64, String>,
}

impl NegationTable {
    pub fn insert(&mut self, code: String, value: i64) {
        self.code_of.entry(value).or_insert_with(|| code.clone());
        self.value_of.insert(code, value);
    }

    pub fn len(&self) -> usize {
        self.value_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value_of.is_empty()
    }

    /// The code a negated `code` becomes, or `None` if the negation is not itself an event
    /// ("did not attack" is no event at all).
    pub fn negate(&self, code: &str) -> Option<&str> {
        let value = *self.value_of.get(code)?;
        let negated = if !(0..NEGATION_OFFSET).contains(&value) {
            value - NEGATION_OFFSET * value.signum()
        } else {
            value + NEGATION_OFFSET
        };
        self.code_of.get(&negated).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_removes_or_adds_the_offset() {
        let mut t = NegationTable::default();
        t.insert("050".into(), 0x80);
        t.insert("110".into(), 0xFFFF + 0x80);
        t.insert("190".into(), 0xA0);
        assert_eq!(t.negate("110"), Some("050"));
        assert_eq!(t.negate("050"), Some("110"));
        assert_eq!(t.negate("190"), None);
        assert_eq!(t.negate("999"), None);
    }
}
