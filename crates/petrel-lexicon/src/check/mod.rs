//! `petrel lexicon check`: mistakes in petrel's own lexicon files, each with the file and
//! line to fix.
//!
//! Errors are mistakes that make the lexicon code something it should not, or miss what it
//! should (a name in two entries, overlapping roles, a code that does not exist, a pattern
//! that can never win). Warnings are things that work but are probably not meant (a pattern
//! that repeats what an earlier one already matches, a role line under an entry that also has
//! a fixed code).

mod actors;
mod agents;
mod codes;
mod verbs;

use std::fmt;

use crate::own::Source;
use crate::{Lexicon, Origin};

pub use codes::CodeBook;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {severity}: {}", self.origin, self.message)
    }
}

/// Collects findings.
#[derive(Default)]
pub(crate) struct Findings(Vec<Finding>);

impl Findings {
    pub fn error(&mut self, origin: &Origin, message: impl Into<String>) {
        self.push(Severity::Error, origin, message);
    }

    pub fn warning(&mut self, origin: &Origin, message: impl Into<String>) {
        self.push(Severity::Warning, origin, message);
    }

    fn push(&mut self, severity: Severity, origin: &Origin, message: impl Into<String>) {
        self.0.push(Finding {
            severity,
            origin: origin.clone(),
            message: message.into(),
        });
    }
}

/// Checks a lexicon read from its files (`lexicon` is `source.build()`). Findings come in
/// file and line order.
pub fn check(source: &Source, lexicon: &Lexicon) -> Vec<Finding> {
    let mut findings = Findings::default();
    for d in &source.diagnostics {
        findings.error(&d.origin, format!("cannot read line: {}", d.message));
    }
    let book = CodeBook::new(source);
    actors::check(source, &book, &mut findings);
    agents::check(source, &book, &mut findings);
    verbs::check(source, lexicon, &mut findings);
    let mut out = findings.0;
    out.sort_by(|a, b| {
        (&a.origin.file, a.origin.line, a.severity).cmp(&(
            &b.origin.file,
            b.origin.line,
            b.severity,
        ))
    });
    out
}
