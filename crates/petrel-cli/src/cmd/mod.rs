//! One module per subcommand.

pub mod code;
pub mod eval_ud;
pub mod lexicon;
pub mod parse;
pub mod train;
pub mod validate;

/// `--parser`: which dependency parser annotates the text.
#[derive(Clone, Copy, Default, clap::ValueEnum)]
pub enum ParserChoice {
    /// The averaged-perceptron parser (parser.bin): fast.
    #[default]
    Perceptron,
    /// The BiLSTM parser with its tagging head (`nparser.bin`): on EWT about 4 LAS points
    /// and half a UPOS point better, at about a tenth of the perceptron's speed (the speed
    /// of spaCy's small model).
    Neural,
}

impl ParserChoice {
    pub fn kind(self) -> petrel_syntax::ParserKind {
        match self {
            ParserChoice::Perceptron => petrel_syntax::ParserKind::Perceptron,
            ParserChoice::Neural => petrel_syntax::ParserKind::Neural,
        }
    }
}
