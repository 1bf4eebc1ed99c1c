//! The whole annotation pipeline over tokenized sentences: tagger, lemmatizer, parser.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use petrel_text::Sentence;

use crate::lemmatizer::Lemmatizer;
use crate::lexeme::{Lexeme, Scratch};
use crate::model_io::{load_bytes, ModelError, ModelReader, ModelWriter};
use crate::neural::{EnsembleWork, NeuralEnsemble, NEURAL_PARSER_FILE};
use crate::parser::{ParseWork, Parser};
use crate::tagger::{TagWork, Tagger};

/// File names of the three models inside a models directory.
pub const TAGGER_FILE: &str = "tagger.bin";
pub const LEMMATIZER_FILE: &str = "lemmatizer.bin";
pub const PARSER_FILE: &str = "parser.bin";

/// Loaded models, ready to annotate sentences.
pub struct Pipeline {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: DependencyParser,
}

/// Which parser to load: the fast one, or the more accurate and slower one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParserKind {
    /// The averaged-perceptron parser (`parser.bin`): the default, several times faster.
    #[default]
    Perceptron,
    /// The BiLSTM parsers with their tagging heads (`nparser.bin`, two members parsing as
    /// one): on EWT about 4.6 LAS points and 0.6 UPOS points better, at about a twentieth
    /// of the perceptron's speed (0.4 of spaCy's small model's).
    Neural,
}

/// A loaded dependency parser of either kind (the neural one boxed: its cache makes it large).
pub enum DependencyParser {
    Perceptron(Parser),
    Neural(Box<NeuralEnsemble>),
}

/// Per-thread buffers, so that annotating allocates nothing for features once warm.
#[derive(Default)]
struct Work {
    scratch: Scratch,
    lexemes: Vec<Lexeme>,
    tag: TagWork,
    parse: ParseWork,
    neural: EnsembleWork,
    lemma: String,
}

thread_local! {
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

impl Pipeline {
    /// Loads `tagger.bin`, `lemmatizer.bin` and `parser.bin` from `dir`.
    pub fn load(dir: &Path) -> Result<Pipeline, ModelError> {
        Pipeline::load_with(dir, ParserKind::Perceptron)
    }

    /// Loads the tagger, the lemmatizer and the parser of the given kind from `dir`.
    pub fn load_with(dir: &Path, kind: ParserKind) -> Result<Pipeline, ModelError> {
        let parser = match kind {
            ParserKind::Perceptron => {
                DependencyParser::Perceptron(load_model(&dir.join(PARSER_FILE), Parser::load)?)
            }
            ParserKind::Neural => DependencyParser::Neural(Box::new(load_model(
                &dir.join(NEURAL_PARSER_FILE),
                NeuralEnsemble::load,
            )?)),
        };
        Ok(Pipeline {
            tagger: load_model(&dir.join(TAGGER_FILE), Tagger::load)?,
            lemmatizer: load_model(&dir.join(LEMMATIZER_FILE), Lemmatizer::load)?,
            parser,
        })
    }

    /// Fills in UPOS, XPOS, FEATS, lemma, head and relation of every token, in place.
    pub fn annotate(&self, sentence: &mut Sentence) {
        if sentence.tokens.is_empty() {
            return;
        }
        WORK.with(|work| {
            let work = &mut *work.borrow_mut();
            let Work {
                scratch,
                lexemes,
                tag,
                parse,
                neural,
                lemma,
            } = work;
            lexemes.clear();
            lexemes.extend(
                sentence
                    .tokens
                    .iter()
                    .map(|t| Lexeme::new(&t.form, scratch)),
            );
            let tokens = &mut sentence.tokens;
            self.tagger.annotate(tokens, lexemes, tag);
            match &self.parser {
                DependencyParser::Perceptron(p) => p.annotate(tokens, lexemes, parse),
                DependencyParser::Neural(p) => {
                    // The parser's tagging head has the last word on UPOS and XPOS.
                    p.annotate(tokens, lexemes, neural);
                    self.tagger.retag(tokens, lexemes, tag);
                }
            }
            for t in tokens.iter_mut() {
                self.lemmatizer.lemmatize(&t.form, &t.upos, &t.xpos, lemma);
                t.lemma.clear();
                t.lemma.push_str(lemma);
            }
        });
    }
}

/// Reads one model file with `read`, requiring that it use every byte.
pub fn load_model<T>(
    path: &Path,
    read: impl Fn(&mut ModelReader) -> Result<T, ModelError>,
) -> Result<T, ModelError> {
    let bytes = load_bytes(path)?;
    let name = path.display().to_string();
    let mut r = ModelReader::new(&bytes, &name);
    let model = read(&mut r)?;
    r.finish()?;
    Ok(model)
}

/// Writes one model file.
pub fn save_model(path: &Path, write: impl Fn(&mut ModelWriter)) -> Result<(), ModelError> {
    let mut w = ModelWriter::new();
    write(&mut w);
    w.save(path)
}

/// Where the models are: `explicit` if given, else `$PETREL_MODELS`, else the repository's
/// `models/` directory as compiled in, else `models/` next to the executable.
pub fn models_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("PETREL_MODELS") {
        return PathBuf::from(dir);
    }
    let compiled = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
    if compiled.join(PARSER_FILE).is_file() {
        return compiled.to_path_buf();
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join("models")))
        .unwrap_or_else(|| PathBuf::from("models"))
}
