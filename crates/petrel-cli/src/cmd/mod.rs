//! One module per subcommand.

pub mod code_conllu;
pub mod parse;
pub mod train;
