//! Sentences and tokens: the data model every stage of petrel shares, and the sentence splitter
//! and tokenizer that produce it from raw text.
//!
//! Every token keeps the byte span it came from in the story text, so that an event can always
//! be traced back to the exact words that justify it.

mod doc;
mod segment;

pub use doc::{Sentence, Span, Token};
pub use segment::segment;
