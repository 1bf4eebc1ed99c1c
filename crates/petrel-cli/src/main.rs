//! The `petrel` command: news text in, political event data out.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only parses the command
//! line and dispatches.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

#[derive(Parser)]
#[command(
    name = "petrel",
    version,
    about = "Code news text into political event data (CAMEO/PLOVER)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code news stories into events (JSON Lines or CSV/TSV).
    Code(cmd::code::Args),
    /// Check, count and query petrel's own lexicon.
    Lexicon(cmd::lexicon::Args),
    /// Tag, lemmatize and parse raw text (or tokenized CoNLL-U) into CoNLL-U, with each
    /// token's byte offsets in the input as TokenRange=START:END.
    Parse(cmd::parse::Args),
    /// Train petrel's tagger (with lemmatizer) or dependency parser on a UD treebank.
    Train(cmd::train::Args),
    /// Score UD annotation against a gold treebank (CoNLL 2018 shared-task metrics).
    EvalUd(cmd::eval_ud::Args),
    /// Run a PETRARCH validation suite (XML with UD parses) and report what fails.
    Validate(cmd::validate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd::code::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::EvalUd(args) => cmd::eval_ud::run(args),
        Command::Validate(args) => cmd::validate::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("petrel: {error:#}");
            ExitCode::from(2)
        }
    }
}
