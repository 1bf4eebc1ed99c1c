//! Readers for the PETRARCH2 dictionary formats (verbs, actors, agents, discards, issues), as
//! documented in PETRARCH2's `dictionaries.rst` and the comments at the top of each file.
//!
//! Every reader is lenient in the same way: a line it cannot make sense of is reported as a
//! [`Diagnostic`](crate::Diagnostic) naming the file and line, and skipped; the rest of the
//! file still loads.

mod actors;
mod agents;
mod dates;
mod discards;
mod issues;
mod ontology;
mod source;
mod verbs;

pub use actors::read_actors;
pub use agents::read_agents;
pub use discards::read_discards;
pub use issues::read_issues;
pub use ontology::read_ontology;
pub use verbs::read_verbs;
