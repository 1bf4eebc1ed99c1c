//! One module per subcommand.

pub mod code;
pub mod eval_ud;
pub mod lexicon;
pub mod parse;
pub mod train;
pub mod validate;
