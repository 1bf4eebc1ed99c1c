//! One module per subcommand.

pub mod eval_ud;
pub mod validate;
