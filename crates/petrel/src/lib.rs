//! petrel's pipeline facade: what other programs link to.
//!
//! [`pipeline::Pipeline`] codes one story (raw text → events); [`run::run`] codes a stream of
//! [`stories`] (raw text, or CoNLL-U through [`conllu_stories`]) into an [`output::EventSink`]. Around them: story structure ([`story`]: datelines,
//! bylines, captions), event dates ([`dates`]), and the PETRARCH validation suite reader
//! ([`validation`]).

pub mod conllu_stories;
pub mod dates;
pub mod output;
pub mod pipeline;
pub mod run;
pub mod stories;
pub mod story;
pub mod validation;
