//! One module per subcommand.

pub mod code;
pub mod eval_ud;
pub mod lexicon;
mod news_names;
pub mod parse;
pub mod train;
pub mod validate;
