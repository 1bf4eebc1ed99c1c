//! Sentences and tokens: the data model every stage of petrel shares, and the sentence splitter
//! and tokenizer that produce it from raw text.
//!
//! Every token keeps the byte span it came from in the story text, so that an event can always
//! be traced back to the exact words that justify it.

mod abbreviation;
mod contraction;
mod dateline;
mod doc;
mod segment;
mod sentence_model;
mod sentence_training;
mod spare;
mod tokenize;
mod ud_text;

pub use contraction::surface_tokens;
pub use doc::{Sentence, Span, Token};
pub use segment::{segment, segment_reusing, segment_with};
pub use sentence_model::{ModelError, SentenceModel};
pub use sentence_training::{train_sentence_model, Trained, TrainingOptions};
pub use spare::SpareTokens;
pub use ud_text::{rebuild_ud_text, MissingText, UdText};
