//! petrel's lexicon: actors, agents, verb patterns, discards and issues, in one in-memory form.
//!
//! Two dictionary formats load into the same [`Lexicon`]: the PETRARCH2 files (the Phoenix set
//! and the unit-test dictionaries, see [`petrarch`]) and petrel's own plain-text lexicon. The
//! coder only ever sees a [`Lexicon`], so it never knows which format it came from.
//!
//! Every entry remembers where it was defined ([`Origin`]), so that an event can be explained
//! by the dictionary lines that produced it.

pub mod actors;
pub mod agents;
pub mod check;
mod diagnostics;
pub mod discards;
pub mod issues;
mod lexicon;
pub mod lookup;
pub mod negation;
pub mod ontology;
pub mod own;
pub mod petrarch;
mod phrases;
pub mod stats;
pub mod verbs;
pub mod words;

pub use diagnostics::{Diagnostic, Origin};
pub use lexicon::{Lexicon, LoadError, NameAt, PetrarchFiles};
pub use ontology::Ontology;
pub use own::default_dir;
pub use phrases::PhraseIndex;
