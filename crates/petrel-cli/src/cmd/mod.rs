//! One module per subcommand.

pub mod code_conllu;
pub mod eval_ud;
