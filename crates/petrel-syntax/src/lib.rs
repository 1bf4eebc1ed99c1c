//! Syntax: CoNLL-U input and output, and petrel's own tagger, lemmatizer and dependency parser.
//!
//! [`Pipeline`] is the entry point: load the models once, then [`Pipeline::annotate`] each
//! tokenized sentence. Training lives beside each model ([`tagger::train_tagger`],
//! [`parser::train_parser`], [`lemmatizer::Lemmatizer::train`]).

pub mod conllu;
pub mod eval;
mod hashing;
pub mod lemmatizer;
pub mod lexeme;
pub mod model_io;
pub mod neural;
mod pages;
pub mod parser;
mod perceptron;
mod pipeline;
mod prefetch;
pub mod relations;
mod rng;
pub mod tagger;
mod weights;

pub use model_io::ModelError;
pub use pipeline::{
    load_model, models_dir, save_model, DependencyParser, ParserKind, Pipeline, LEMMATIZER_FILE,
    PARSER_FILE, TAGGER_FILE,
};
