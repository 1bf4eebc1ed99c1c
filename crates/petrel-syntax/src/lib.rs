//! Syntax: CoNLL-U input and output, and (in time) petrel's own tagger, lemmatizer and
//! dependency parser.

pub mod conllu;
pub mod eval;
pub mod relations;
