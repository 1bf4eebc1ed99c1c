//! Events out: the record petrel writes for every event (the output contract of GUIDE.md),
//! and the sinks that write records as JSON Lines or as delimited columns.
//!
//! The pipeline pushes records into an [`EventSink`]; it never knows where they go.

use std::io::{self, Write};

use serde::Serialize;

/// An actor in an output record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorRecord {
    /// CAMEO actor code (`"KENGOV"`).
    pub code: String,
    /// The first three letters: the country (or `IGO`, `NGO`, ...).
    pub country: String,
    /// The words that name the actor, as they stand in the story.
    pub text: String,
    /// Byte offsets of `text` in the story.
    pub span: [usize; 2],
}

/// The words that triggered an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trigger {
    pub text: String,
    pub span: [usize; 2],
}

/// Why an event was coded (`--explain`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// Verb block and verb entry, with file:line.
    pub verb: String,
    /// The pattern that matched, with file:line; absent when the verb's own code applied.
    pub pattern: Option<String>,
    /// Dictionary entries behind the source and target (actor, dated role, agents).
    pub source_entries: Vec<String>,
    pub target_entries: Vec<String>,
    /// The dictionary's code, when modality turned the event into an intent or a threat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recoded_from: Option<String>,
}

/// One event, as written. Field names are a contract: add, never rename.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRecord {
    pub story_id: String,
    pub sentence_index: usize,
    /// `YYYY-MM-DD`, or null when neither the text nor the story gives a date.
    pub date: Option<String>,
    pub source: ActorRecord,
    pub target: Option<ActorRecord>,
    pub cameo: String,
    pub cameo_root: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub negated: bool,
    /// `"future"`, `"possible"`, `"intended"`, `"conditional"` or `"hypothetical"` (the "if"
    /// clause itself) when the event is announced rather than reported as done ("would
    /// strike", "ready to send", "if ..."); null for a plain assertion.
    pub modality: Option<&'static str>,
    pub trigger: Trigger,
    /// Who reported the event, for reported speech.
    pub attribution: Option<ActorRecord>,
    /// The sentence the event was coded from.
    pub sentence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explanation>,
}

/// Where records go. `write` is called once per event, in a fixed order; `finish` once at the
/// end (flush, write a footer).
pub trait EventSink {
    fn write(&mut self, record: &EventRecord) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

/// One JSON object a line.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink { out }
    }
}

impl<W: Write> EventSink for JsonlSink<W> {
    fn write(&mut self, record: &EventRecord) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The columns of the delimited output, in order (GDELT-like: one row per event, actors
/// flattened).
pub const COLUMNS: &[&str] = &[
    "story_id",
    "sentence_index",
    "date",
    "source_code",
    "source_country",
    "source_text",
    "target_code",
    "target_country",
    "target_text",
    "cameo",
    "cameo_root",
    "plover",
    "goldstein",
    "quad_class",
    "negated",
    "modality",
    "trigger",
    "attribution_code",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "trigger_start",
    "trigger_end",
];

/// Comma- or tab-separated values with a header row ([`COLUMNS`]).
pub struct DelimitedSink<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> DelimitedSink<W> {
    pub fn new(out: W, delimiter: u8) -> DelimitedSink<W> {
        DelimitedSink {
            out: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(out),
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(COLUMNS)?;
            self.header_written = true;
        }
        Ok(())
    }
}

impl<W: Write> EventSink for DelimitedSink<W> {
    fn write(&mut self, r: &EventRecord) -> io::Result<()> {
        self.header()?;
        let opt = |s: Option<&str>| s.unwrap_or("").to_string();
        let target = r.target.as_ref();
        let span = |s: Option<[usize; 2]>, i: usize| s.map_or(String::new(), |s| s[i].to_string());
        self.out.write_record([
            r.story_id.clone(),
            r.sentence_index.to_string(),
            opt(r.date.as_deref()),
            r.source.code.clone(),
            r.source.country.clone(),
            r.source.text.clone(),
            opt(target.map(|t| t.code.as_str())),
            opt(target.map(|t| t.country.as_str())),
            opt(target.map(|t| t.text.as_str())),
            r.cameo.clone(),
            r.cameo_root.clone(),
            opt(r.plover.as_deref()),
            r.goldstein.map_or(String::new(), |g| g.to_string()),
            r.quad_class.map_or(String::new(), |q| q.to_string()),
            r.negated.to_string(),
            opt(r.modality),
            r.trigger.text.clone(),
            opt(r.attribution.as_ref().map(|a| a.code.as_str())),
            r.source.span[0].to_string(),
            r.source.span[1].to_string(),
            span(target.map(|t| t.span), 0),
            span(target.map(|t| t.span), 1),
            r.trigger.span[0].to_string(),
            r.trigger.span[1].to_string(),
        ])?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}
