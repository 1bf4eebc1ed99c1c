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
    /// Two BiLSTM parsers with tagging heads, parsing as one (`nparser.bin`): on EWT about
    /// 4.5 LAS points and 0.6 UPOS points better, at about a twentieth of the perceptron's
    /// speed (0.4 of spaCy's small model's).
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
