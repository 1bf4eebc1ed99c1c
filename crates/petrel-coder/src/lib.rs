//! Event coding over dependency trees: who did what to whom, in CAMEO codes.
//!
//! Given a sentence parsed into Universal Dependencies and a [`Lexicon`], the [`Coder`] finds
//! the actors named in the sentence ([`mentions`]), works out the code of every noun phrase
//! from its actors and agents ([`nominals`]), matches each verb against its dictionary
//! patterns ([`patterns`]), finds the verb's source and target in the tree ([`roles`]), and
//! emits [`Event`]s that record the words and dictionary entries that justify them.
//!
//! [`Lexicon`]: petrel_lexicon::Lexicon

mod calendar;
mod coder;
pub mod context;
mod discard;
mod event;
mod mended;
pub mod mentions;
pub mod modality;
pub mod nominals;
mod pattern_words;
pub mod patterns;
mod repair;
pub mod roles;
mod tree;
mod word_table;

pub use coder::{Coder, Discarded, SentenceCoding};
pub use context::StoryContext;
pub use event::{ActorMatch, Event, Evidence};
pub use modality::Modality;
pub use tree::Tree;
