//! Issues: phrases that tag a sentence with a topic code (`NUCLEAR_WEAPONS`), independent of
//! events.

use crate::discards::{occurs, Discard};
use crate::Origin;

#[derive(Clone, Debug)]
pub struct Issue {
    /// Upper-cased phrase, words separated by single spaces.
    pub phrase: String,
    pub code: String,
    pub origin: Origin,
}

/// All issue phrases, and the phrases whose presence suppresses issue coding.
#[derive(Debug, Default)]
pub struct IssueDict {
    pub issues: Vec<Issue>,
    pub ignore: Vec<Discard>,
}

impl IssueDict {
    /// Issue codes found in normalised text (see [`crate::discards::normalise_text`]), each
    /// with how many of its phrases matched, in order of first definition.
    pub fn find(&self, upper_text: &str) -> Vec<(&str, usize)> {
        if self.ignore.iter().any(|d| d.matches(upper_text)) {
            return Vec::new();
        }
        let mut found: Vec<(&str, usize)> = Vec::new();
        for issue in &self.issues {
            if occurs(upper_text, &issue.phrase, true) {
                match found.iter_mut().find(|(code, _)| *code == issue.code) {
                    Some((_, n)) => *n += 1,
                    None => found.push((&issue.code, 1)),
                }
            }
        }
        found
    }
}
