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
    /// Code a CoNLL-U file (any UD parser's output) into events.
    CodeConllu(cmd::code_conllu::Args),
    /// Train petrel's tagger (with lemmatizer) or dependency parser on a UD treebank.
    Train(cmd::train::Args),
    /// Tag, lemmatize and parse raw text (or tokenized CoNLL-U) into CoNLL-U, with each
    /// token's byte offsets in the input as TokenRange=START:END.
    Parse(cmd::parse::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::CodeConllu(args) => cmd::code_conllu::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::Parse(args) => cmd::parse::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("petrel: {error:#}");
            ExitCode::from(2)
        }
    }
}
