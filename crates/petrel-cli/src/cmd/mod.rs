//! One module per subcommand.

pub mod lexicon;
pub mod validate;
