//! `petrel lexicon`: check, count, and query petrel's own lexicon (and look phrases up in
//! PETRARCH dictionaries, to compare).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use jiff::civil::Date;
use petrel_lexicon::actors::{ActorEntry, Role};
use petrel_lexicon::agents::Placement;
use petrel_lexicon::check::{check, Severity};
use petrel_lexicon::lookup::{self, Named, Outcome, Why};
use petrel_lexicon::own::Source;
use petrel_lexicon::stats::Stats;
use petrel_lexicon::verbs::EventCodes;
use petrel_lexicon::{default_dir, Lexicon, PetrarchFiles};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Find mistakes in the lexicon, with file:line; exits 1 if there are errors.
    Check {
        #[command(flatten)]
        dir: DirArg,
        /// Print errors only, not warnings.
        #[arg(long)]
        errors_only: bool,
    },
    /// Count what the lexicon holds.
    Stats {
        #[command(flatten)]
        dir: DirArg,
    },
    /// Show how a phrase codes and why: entries, dated roles, verb patterns.
    Lookup {
        /// The phrase, as it would appear in a story ("Olaf Scholz", "imposed sanctions on").
        phrase: String,
        /// The date to resolve dated roles on (YYYY-MM-DD); without it, the current role.
        #[arg(long)]
        date: Option<Date>,
        #[command(flatten)]
        dir: DirArg,
        /// Look up in the PETRARCH Phoenix dictionaries in this directory instead.
        #[arg(long, conflicts_with = "dir")]
        dictionaries: Option<PathBuf>,
    },
    /// List names that both this lexicon and the Phoenix dictionaries code, where their
    /// codes differ on a date.
    Compare {
        /// Directory of the PETRARCH Phoenix dictionaries.
        #[arg(long)]
        dictionaries: PathBuf,
        /// The date to compare codes on (YYYY-MM-DD).
        #[arg(long)]
        date: Date,
        #[command(flatten)]
        dir: DirArg,
    },
}

#[derive(clap::Args)]
struct DirArg {
    /// Lexicon directory (default: $PETREL_LEXICON, else the lexicon/ petrel was built with).
    #[arg(long)]
    dir: Option<PathBuf>,
}

impl DirArg {
    fn read(&self) -> anyhow::Result<(PathBuf, Source)> {
        let dir = self.dir.clone().unwrap_or_else(default_dir);
        let source = Source::read(&dir).with_context(|| format!("lexicon in {}", dir.display()))?;
        Ok((dir, source))
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Check { dir, errors_only } => run_check(&dir, errors_only),
        Command::Stats { dir } => {
            let (_, source) = dir.read()?;
            print!("{}", Stats::new(&source, &source.build()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Lookup {
            phrase,
            date,
            dir,
            dictionaries,
        } => {
            let lexicon = match dictionaries {
                Some(d) => load_phoenix(&d)?,
                None => dir.read()?.1.build(),
            };
            print!("{}", explain(&lexicon, &phrase, date));
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare {
            dictionaries,
            date,
            dir,
        } => {
            let (_, source) = dir.read()?;
            let own = source.build();
            let phoenix = load_phoenix(&dictionaries)?;
            print!("{}", compare(&own, &phoenix, date));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_check(dir: &DirArg, errors_only: bool) -> anyhow::Result<ExitCode> {
    let (path, source) = dir.read()?;
    let lexicon = source.build();
    let findings = check(&source, &lexicon);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    for f in &findings {
        if !(errors_only && f.severity == Severity::Warning) {
            println!("{f}");
        }
    }
    println!(
        "{}: {errors} errors, {} warnings",
        path.display(),
        findings.len() - errors
    );
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The Phoenix set PETRARCH2 ships, from `dir`.
fn load_phoenix(dir: &Path) -> anyhow::Result<Lexicon> {
    let mut actors: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("dictionaries in {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("Phoenix.") && n.ends_with(".actors.txt"))
        })
        .collect();
    actors.sort();
    anyhow::ensure!(
        !actors.is_empty(),
        "no Phoenix.*.actors.txt in {}",
        dir.display()
    );
    let optional = |name: &str| Some(dir.join(name)).filter(|p| p.exists());
    let files = PetrarchFiles {
        verbs: optional("CAMEO.2.0.txt").into_iter().collect(),
        actors,
        agents: optional("Phoenix.agents.txt").into_iter().collect(),
        ..PetrarchFiles::default()
    };
    let (lexicon, _) = Lexicon::load_petrarch(&files)?;
    Ok(lexicon)
}

fn role_line(role: &Role) -> String {
    let show = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let range = format!("{} .. {}", show(role.from), show(role.until));
    let note = role
        .note
        .as_deref()
        .map(|n| format!("  # {n}"))
        .unwrap_or_default();
    format!(
        "{:<12} {range:<24} line {}{note}",
        role.code, role.origin.line
    )
}

fn codes(codes: &EventCodes) -> String {
    let one = |c: &Option<String>| c.clone().unwrap_or_else(|| "---".into());
    match &codes.reverse {
        Some(_) if codes.reverse == codes.forward => format!("{} mutual", one(&codes.forward)),
        Some(_) => format!("{}:{}", one(&codes.forward), one(&codes.reverse)),
        None => one(&codes.forward),
    }
}

fn why(date: Option<Date>, why: &Why) -> String {
    let on = date.map(|d| format!("on {d}")).unwrap_or_default();
    match why {
        Why::NoCode => "the entry has no code and no roles".into(),
        Why::BeforeFirst(r) => format!(
            "{on} is before its first role ({}, line {})",
            r.code, r.origin.line
        ),
        Why::Between(a, b) => format!(
            "{on} falls between roles: {} ended, {} had not begun (lines {}, {})",
            a.code, b.code, a.origin.line, b.origin.line
        ),
        Why::AfterLast(r) => format!(
            "{on} is after its last role ended ({}, line {})",
            r.code, r.origin.line
        ),
        Why::NoOpenRole => "no date given, and no role is open-ended".into(),
    }
}

/// The actor lines of an explanation: entry, roles, and what applies.
fn explain_actor(out: &mut String, entry: &ActorEntry, date: Option<Date>) {
    use std::fmt::Write;
    if let Some(code) = &entry.default {
        let _ = writeln!(out, "    code {code}");
    }
    let outcome = lookup::outcome(entry, date);
    for role in &entry.roles {
        let chosen = matches!(&outcome, Outcome::Role(r) if *r == role);
        let mark = if chosen { ">" } else { " " };
        let _ = writeln!(out, "  {mark} {}", role_line(role));
    }
    let on = date.map(|d| format!(" on {d}")).unwrap_or_default();
    let _ = match outcome {
        Outcome::Role(r) => writeln!(out, "  => {}{on} (role at line {})", r.code, r.origin.line),
        Outcome::Fixed(code) if entry.roles.is_empty() => writeln!(out, "  => {code}"),
        Outcome::Fixed(code) => {
            writeln!(
                out,
                "  => {code}{on} (its fixed code: no role covers the date)"
            )
        }
        Outcome::Nothing(w) => writeln!(out, "  => nothing: {}", why(date, &w)),
    };
}

/// The actor entries the whole phrase names, each once, in the order the coder tries them.
fn explain_actors(out: &mut String, lexicon: &Lexicon, phrase: &str, date: Option<Date>) {
    use std::fmt::Write;
    let named = lookup::actors(lexicon, phrase, date);
    if named.is_empty() {
        let _ = writeln!(out, "no actor is named by the whole phrase");
    }
    let mut shown = Vec::new();
    for found in &named {
        if shown.contains(&found.id) {
            continue;
        }
        shown.push(found.id);
        let names: Vec<&lookup::ActorLookup> = named.iter().filter(|n| n.id == found.id).collect();
        let written: Vec<String> = names
            .iter()
            .map(|n| format!("{:?}", n.name.written))
            .collect();
        let _ = writeln!(
            out,
            "actor {:?} ({}), by the name {}",
            found.entry.name,
            found.entry.origin,
            written.join(" or ")
        );
        if !names.iter().any(|n| n.capitals_match) {
            let _ = writeln!(
                out,
                "  => nothing for this phrase: the name has capitals and matches only with them"
            );
            continue;
        }
        if names.iter().any(|n| n.name.flags.ambiguous) {
            let _ = writeln!(
                out,
                "  (marked '?': codes only when not joined to a neighbouring capitalised name)"
            );
        }
        explain_actor(out, found.entry, date);
    }
}

fn explain(lexicon: &Lexicon, phrase: &str, date: Option<Date>) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let words = lookup::words(phrase);
    let _ = writeln!(out, "{phrase:?} (words: {})", words.join(" "));
    explain_actors(&mut out, lexicon, phrase, date);
    let found = lookup::scan(lexicon, phrase);
    if found.len() > 1 || found.first().is_some_and(|f| f.len < words.len()) {
        let _ = writeln!(out, "names within the phrase, left to right:");
        for f in &found {
            let text = words[f.start..f.start + f.len].join(" ");
            let _ = match f.what {
                Named::Actor(id) => {
                    let entry = &lexicon.actors.entries[id];
                    let code = match lookup::outcome(entry, date) {
                        Outcome::Role(r) => r.code.clone(),
                        Outcome::Fixed(c) => c.to_string(),
                        Outcome::Nothing(_) => "nothing".into(),
                    };
                    writeln!(
                        out,
                        "  {text:<24} actor {:?} => {code}  ({})",
                        entry.name, entry.origin
                    )
                }
                Named::Agent(id) => {
                    let agent = &lexicon.agents.entries[id];
                    writeln!(
                        out,
                        "  {text:<24} agent {:?} => {} (joins {})  ({})",
                        agent.name,
                        agent.code,
                        match agent.placement {
                            Placement::After => "after the actor's code",
                            Placement::Before => "before the actor's code",
                        },
                        agent.origin
                    )
                }
            };
        }
        if let Some(code) = lookup::joined(lexicon, &found, date) {
            let _ = writeln!(
                out,
                "  together {code} (when the parse attaches the agents to the actor, as in \"Kenyan police\")"
            );
        }
    }
    match lookup::verb(lexicon, phrase) {
        None => {
            let _ = writeln!(out, "no dictionary verb in the phrase");
        }
        Some(v) => {
            let verb = &lexicon.verbs.verbs[v.verb];
            let default = if v.default.is_null() {
                "--- (no line gives the verb alone)".to_string()
            } else {
                format!("{}  ({})", codes(v.default), v.block.origin)
            };
            let _ = writeln!(
                out,
                "verb {:?} (as {:?}): default {default}",
                verb.words.join(" ").to_lowercase(),
                words[v.at].to_lowercase(),
            );
            if v.matching.is_empty() {
                let _ = writeln!(out, "  no pattern matches these words; the default applies");
            }
            for p in &v.matching {
                let mark = if v.winner.is_some_and(|w| std::ptr::eq(w, *p)) {
                    ">"
                } else {
                    " "
                };
                let _ = writeln!(
                    out,
                    "  {mark} {:<40} => {:<12} specificity {}  ({})",
                    p.text,
                    codes(&p.codes),
                    p.specificity(),
                    p.origin
                );
            }
        }
    }
    out
}

/// Names both lexicons code whole, with different codes on `date`.
fn compare(own: &Lexicon, phoenix: &Lexicon, date: Date) -> String {
    use std::collections::BTreeSet;
    use std::fmt::Write;
    let code_on = |entry: &ActorEntry| match lookup::outcome(entry, Some(date)) {
        Outcome::Role(r) => Some(r.code.clone()),
        Outcome::Fixed(c) => Some(c.to_string()),
        Outcome::Nothing(_) => None,
    };
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    for (words, name) in own.actors.names.iter() {
        let entry = &own.actors.entries[name.actor];
        let Some(ours) = code_on(entry) else { continue };
        let Some((_, theirs)) = phoenix
            .actors
            .names
            .matches(words)
            .find(|(len, _)| *len == words.len())
        else {
            continue;
        };
        let their_entry = &phoenix.actors.entries[theirs.actor];
        let Some(their_code) = code_on(their_entry) else {
            continue;
        };
        if their_code == ours || !seen.insert((name.actor, theirs.actor)) {
            continue;
        }
        rows.push(format!(
            "{}\tpetrel {ours} ({})\tphoenix {their_code} ({})",
            name.written, entry.origin, their_entry.origin
        ));
    }
    rows.sort();
    let mut out = String::new();
    for row in &rows {
        let _ = writeln!(out, "{row}");
    }
    let _ = writeln!(out, "{} names code differently on {date}", rows.len());
    out
}
