//! petrel's own lexicon format (see `lexicon/README.md`): plain-text actor, agent and verb
//! files and the ontology tables, read into the same [`Lexicon`] as the PETRARCH files.
//!
//! Reading happens in two steps. [`Source::read`] parses every file into records that keep
//! what was written and where (names with their `?` marks, roles, patterns as typed); then
//! [`Source::build`] turns the records into a [`Lexicon`]. `petrel lexicon check` works on
//! the records, which still hold what building merges or drops (a name listed twice, a
//! second default code for a verb); the coder works on the lexicon.

mod actors;
mod agents;
mod build;
mod irregular;
mod lines;
pub mod names;
pub mod prepositions;
mod verbs;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use actors::{ActorRecord, WrittenName, CODES_NOTHING};
pub use agents::AgentRecord;
pub use irregular::{base_of as irregular_base, forms as verb_forms, is_base as is_irregular_base};
pub use verbs::{PatternRecord, PatternWord};

use crate::lexicon::read_text;
use crate::ontology::Ontology;
use crate::verbs::Predicate;
use crate::{Diagnostic, Lexicon, LoadError, Origin};

/// Where the lexicon files are, relative to the lexicon directory.
pub const ACTORS_DIR: &str = "actors";
pub const AGENTS_FILE: &str = "agents.txt";
pub const VERBS_DIR: &str = "verbs";
pub const NOUNS_DIR: &str = "nouns";
pub const ADJECTIVES_DIR: &str = "adjectives";
pub const EVENTS_FILE: &str = "ontology/cameo-events.tsv";
pub const ACTOR_TYPES_FILE: &str = "ontology/actor-types.tsv";

/// The environment variable that points petrel at another lexicon directory.
pub const LEXICON_ENV: &str = "PETREL_LEXICON";

/// The lexicon directory petrel uses unless told otherwise: `$PETREL_LEXICON` when set,
/// else the `lexicon/` directory of the source tree petrel was built from.
///
/// The built-in path is fixed at compile time (`CARGO_MANIFEST_DIR/../../lexicon`), so a
/// binary copied to another machine needs `$PETREL_LEXICON` (or the command's `--dir`).
pub fn default_dir() -> PathBuf {
    match std::env::var_os(LEXICON_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => {
            let built_in = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicon"));
            built_in
                .canonicalize()
                .unwrap_or_else(|_| built_in.to_path_buf())
        }
    }
}

/// Everything the lexicon files say, as written, with where they say it.
#[derive(Debug, Default)]
pub struct Source {
    /// Actor entries, file by file in file-name order.
    pub actors: Vec<ActorRecord>,
    pub agents: Vec<AgentRecord>,
    /// Verb patterns, file by file in file-name order, then the event-noun and adjective
    /// patterns.
    pub patterns: Vec<PatternRecord>,
    pub ontology: Ontology,
    /// Lines that could not be read (they are left out of everything else).
    pub diagnostics: Vec<Diagnostic>,
}

impl Source {
    /// Reads every file of the lexicon in `dir`. A missing or unreadable file is an error;
    /// bad lines inside files are diagnostics.
    pub fn read(dir: &Path) -> Result<Source, LoadError> {
        let mut source = Source::default();
        let mut diags = Vec::new();
        for path in txt_files(&dir.join(ACTORS_DIR))? {
            let (origins, text) = open(dir, &path, &mut diags)?;
            let (records, d) = actors::read(&origins, &text);
            source.actors.extend(records);
            diags.extend(d);
        }
        let (origins, text) = open(dir, &dir.join(AGENTS_FILE), &mut diags)?;
        let (records, d) = agents::read(&origins, &text);
        source.agents = records;
        diags.extend(d);
        // A lexicon without event nouns or adjectives is complete: `nouns/` and `adjectives/`
        // may be left out.
        let subs = [
            (VERBS_DIR, Predicate::Verb),
            (NOUNS_DIR, Predicate::Noun),
            (ADJECTIVES_DIR, Predicate::Adjective),
        ];
        for (sub, kind) in subs {
            if kind != Predicate::Verb && !dir.join(sub).is_dir() {
                continue;
            }
            for path in txt_files(&dir.join(sub))? {
                let (origins, text) = open(dir, &path, &mut diags)?;
                let (records, d) = verbs::read(&origins, &text, kind);
                source.patterns.extend(records);
                diags.extend(d);
            }
        }
        let (origins, text) = open(dir, &dir.join(EVENTS_FILE), &mut diags)?;
        diags.extend(source.ontology.read_events(&origins.file, &text));
        let (origins, text) = open(dir, &dir.join(ACTOR_TYPES_FILE), &mut diags)?;
        diags.extend(source.ontology.read_actor_types(&origins.file, &text));
        source.diagnostics = diags;
        Ok(source)
    }

    /// The lexicon the coder uses.
    pub fn build(&self) -> Lexicon {
        build::build(self)
    }
}

impl Lexicon {
    /// Loads petrel's own lexicon from `dir` (see [`default_dir`]). Unreadable files are
    /// errors; bad lines are returned as diagnostics and left out.
    pub fn load_own(dir: &Path) -> Result<(Lexicon, Vec<Diagnostic>), LoadError> {
        let source = Source::read(dir)?;
        let lexicon = source.build();
        Ok((lexicon, source.diagnostics))
    }
}

/// Whether `code` is a CAMEO actor code in shape: upper-case letters in groups of three.
pub fn is_actor_code(code: &str) -> bool {
    !code.is_empty() && code.len().is_multiple_of(3) && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Makes the [`Origin`]s of one file.
pub(crate) struct Origins {
    pub file: Arc<str>,
}

impl Origins {
    pub fn new(file: &str) -> Origins {
        Origins {
            file: Arc::from(file),
        }
    }

    pub fn at(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }
}

/// The `.txt` files of a directory, sorted by name.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let error = |source| LoadError {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(error)? {
        let path = entry.map_err(error)?.path();
        if path.extension().is_some_and(|e| e == "txt") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads a lexicon file; its origins name it relative to the lexicon directory's parent
/// (`lexicon/actors/countries.txt`), as a reviewer finds it in the repository.
fn open(
    dir: &Path,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Origins, String), LoadError> {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    let shown = match dir.file_name() {
        Some(name) => Path::new(name).join(relative),
        None => relative.to_path_buf(),
    };
    let name = shown.to_string_lossy().replace('\\', "/");
    let text = read_text(path, &name, diags)?;
    Ok((Origins::new(&name), text))
}
