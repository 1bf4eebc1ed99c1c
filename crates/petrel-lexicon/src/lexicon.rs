//! The whole lexicon, and loading it from dictionary files.

use std::path::{Path, PathBuf};

use crate::actors::{ActorDict, ActorId, NameRef};
use crate::agents::{AgentDict, AgentId};
use crate::discards::Discard;
use crate::issues::IssueDict;
use crate::negation::NegationTable;
use crate::ontology::Ontology;
use crate::verbs::VerbDict;
use crate::{petrarch, Diagnostic, Origin};

/// Everything the coder consults.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub actors: ActorDict,
    pub agents: AgentDict,
    pub verbs: VerbDict,
    pub discards: Vec<Discard>,
    pub issues: IssueDict,
    /// How negated events code, when the dictionaries define it (PETRARCH's ontology file).
    pub negations: Option<NegationTable>,
    /// Event and actor type tables; empty for PETRARCH dictionaries, which have none.
    pub ontology: Ontology,
}

/// What a run of words names in the actor and agent dictionaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameAt {
    Actor(ActorId),
    Agent(AgentId),
}

impl Lexicon {
    /// The longest actor or agent name that `words` (upper-cased) begin with, and its length
    /// in words; an actor wins over an agent of the same length. `actor_fits` says whether an
    /// actor name of that length may be used here (its capitals, an ambiguous name's
    /// neighbours): the coder and `petrel lexicon lookup` judge that differently.
    pub fn longest_name<S: AsRef<str>>(
        &self,
        words: &[S],
        actor_fits: impl Fn(usize, &NameRef) -> bool,
    ) -> Option<(usize, NameAt)> {
        longest(
            self.actors.names.matches(words),
            self.agents.names.matches(words),
            actor_fits,
        )
    }

    /// [`Lexicon::longest_name`] for words given by their numbers in the actor and in the
    /// agent name index ([`crate::PhraseIndex::word`]), as a caller that looks up many runs of
    /// the same words numbers them once.
    pub fn longest_name_numbered(
        &self,
        actor_words: impl IntoIterator<Item = Option<u32>>,
        agent_words: impl IntoIterator<Item = Option<u32>>,
        actor_fits: impl Fn(usize, &NameRef) -> bool,
    ) -> Option<(usize, NameAt)> {
        longest(
            self.actors.names.matches_numbered(actor_words),
            self.agents.names.matches_numbered(agent_words),
            actor_fits,
        )
    }
}

/// The longest of the actor names and agent names matched (each longest first), the first
/// actor name that fits winning over an agent name of the same length.
fn longest<'l>(
    mut actors: impl Iterator<Item = (usize, &'l NameRef)>,
    mut agents: impl Iterator<Item = (usize, &'l AgentId)>,
    actor_fits: impl Fn(usize, &NameRef) -> bool,
) -> Option<(usize, NameAt)> {
    let actor = actors
        .find(|(len, name)| actor_fits(*len, name))
        .map(|(len, name)| (len, NameAt::Actor(name.actor)));
    let agent = agents.next().map(|(len, &id)| (len, NameAt::Agent(id)));
    match (actor, agent) {
        (Some(a), Some(g)) if g.0 > a.0 => Some(g),
        (Some(a), _) => Some(a),
        (None, g) => g,
    }
}

/// The PETRARCH dictionary files making up one lexicon.
#[derive(Clone, Debug, Default)]
pub struct PetrarchFiles {
    pub verbs: Vec<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub discards: Vec<PathBuf>,
    pub issues: Vec<PathBuf>,
    /// PETRARCH2's internal coding ontology, for coding negated events.
    pub ontology: Option<PathBuf>,
}

impl PetrarchFiles {
    /// The Phoenix set as PETRARCH2 ships it, all in `dir`: `CAMEO.2.0.txt` verbs, the three
    /// Phoenix actor files, agents and discards (issues and the ontology left out).
    pub fn phoenix(dir: &Path) -> PetrarchFiles {
        PetrarchFiles {
            verbs: vec![dir.join("CAMEO.2.0.txt")],
            actors: [
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt",
            ]
            .iter()
            .map(|f| dir.join(f))
            .collect(),
            agents: vec![dir.join("Phoenix.agents.txt")],
            discards: vec![dir.join("Phoenix.discards.txt")],
            issues: Vec::new(),
            ontology: None,
        }
    }
}

/// A dictionary file that could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot read dictionary {path}: {source}")]
pub struct LoadError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl Lexicon {
    /// Loads PETRARCH dictionaries. Unreadable files are errors; bad lines inside them are
    /// returned as diagnostics and skipped.
    pub fn load_petrarch(files: &PetrarchFiles) -> Result<(Lexicon, Vec<Diagnostic>), LoadError> {
        let mut lexicon = Lexicon::default();
        let mut diags = Vec::new();
        for path in &files.verbs {
            let (name, text) = read(path, &mut diags)?;
            diags.extend(petrarch::read_verbs(&name, &text, &mut lexicon.verbs));
        }
        for path in &files.actors {
            let (name, text) = read(path, &mut diags)?;
            diags.extend(petrarch::read_actors(&name, &text, &mut lexicon.actors));
        }
        for path in &files.agents {
            let (name, text) = read(path, &mut diags)?;
            diags.extend(petrarch::read_agents(&name, &text, &mut lexicon.agents));
        }
        for path in &files.discards {
            let (name, text) = read(path, &mut diags)?;
            let (discards, d) = petrarch::read_discards(&name, &text);
            lexicon.discards.extend(discards);
            diags.extend(d);
        }
        for path in &files.issues {
            let (name, text) = read(path, &mut diags)?;
            diags.extend(petrarch::read_issues(&name, &text, &mut lexicon.issues));
        }
        if let Some(path) = &files.ontology {
            let (name, text) = read(path, &mut diags)?;
            let mut table = NegationTable::default();
            diags.extend(petrarch::read_ontology(&name, &text, &mut table));
            lexicon.negations = Some(table);
        }
        Ok((lexicon, diags))
    }
}

/// Reads a file as text, named by its path.
fn read(path: &Path, diags: &mut Vec<Diagnostic>) -> Result<(String, String), LoadError> {
    let name = path.display().to_string();
    let text = read_text(path, &name, diags)?;
    Ok((name, text))
}

/// Reads a file as text. Bytes that are not UTF-8 (older dictionaries are Latin-1 in places)
/// are replaced, with one diagnostic for the file under `name`.
pub(crate) fn read_text(
    path: &Path,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            diags.push(Diagnostic {
                origin: Origin {
                    file: name.into(),
                    line,
                },
                message: "invalid UTF-8; bad bytes replaced".into(),
            });
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}
