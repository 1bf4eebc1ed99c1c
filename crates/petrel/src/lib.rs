//! petrel's pipeline facade: what other programs link to.
//!
//! So far it holds the readers for coded-sentence inputs: the PETRARCH validation suite
//! ([`validation`]), whose records pair a UD parse with the events expected from it.

pub mod dates;
pub mod story;
pub mod validation;
