//! One module per subcommand.

pub mod code_conllu;
