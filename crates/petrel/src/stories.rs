//! Stories in: JSON Lines records, plain-text files, directories of either, standard input.
//!
//! Readers stream: a story is parsed when it is asked for, so a file of any size is read with
//! bounded memory. A bad record (invalid JSON, a missing or wrong-typed field, an impossible
//! date, an empty text) is returned as an [`InputError`] naming the file and record, and
//! reading goes on with the next one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::Value;

use crate::conllu_stories::ConlluStories;

/// One news story.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Sentences already parsed (CoNLL-U input), with spans into `text`; `None` for raw text,
    /// which petrel segments and parses itself.
    pub parsed: Option<Vec<petrel_text::Sentence>>,
}

/// A record that could not be read, and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `-` for standard input).
    pub file: String,
    /// 1-based record number: the line of a JSON Lines file, 1 for a text file.
    pub record: usize,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: record {}: {}", self.file, self.record, self.message)
    }
}

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line: `id`, `text`, optional `date`, `source`, `url`, `title`.
    Jsonl,
    /// The whole input is one story.
    Text,
    /// Parsed sentences in CoNLL-U; `# newdoc` starts a story ([`crate::conllu_stories`]).
    Conllu,
}

impl Format {
    /// The format a file's name suggests: `.jsonl`/`.ndjson` are JSON Lines, `.conllu` and
    /// `.conll` CoNLL-U, anything else is text.
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => Format::Jsonl,
            Some("conllu" | "conll") => Format::Conllu,
            _ => Format::Text,
        }
    }
}

pub type StoryResult = Result<Story, InputError>;

/// Reads JSON Lines stories one at a time. Blank lines are skipped.
pub struct JsonlStories<R> {
    lines: io::Lines<R>,
    file: String,
    line: usize,
}

impl<R: BufRead> JsonlStories<R> {
    pub fn new(reader: R, file: impl Into<String>) -> JsonlStories<R> {
        JsonlStories {
            lines: reader.lines(),
            file: file.into(),
            line: 0,
        }
    }
}

impl<R: BufRead> Iterator for JsonlStories<R> {
    type Item = StoryResult;

    fn next(&mut self) -> Option<StoryResult> {
        loop {
            self.line += 1;
            let error = |message: String| InputError {
                file: self.file.clone(),
                record: self.line,
                message,
            };
            let line = match self.lines.next()? {
                Ok(line) => line,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                    return Some(Err(error("not UTF-8 text".into())))
                }
                Err(e) => return Some(Err(error(format!("read error: {e}")))),
            };
            if line.trim().is_empty() {
                continue;
            }
            return Some(parse_record(&line).map_err(error));
        }
    }
}

/// Parses one JSON Lines record.
pub fn parse_record(line: &str) -> Result<Story, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("a record must be a JSON object".into());
    };
    let text_field = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!(
                "field {key:?} must be a string, not {}",
                kind(other)
            )),
        }
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => return Err("field \"id\" is empty".into()),
        Some(other) => {
            return Err(format!(
                "field \"id\" must be a string, not {}",
                kind(other)
            ))
        }
        None => return Err("missing field \"id\"".into()),
    };
    let text = text_field("text")?.ok_or("missing field \"text\"")?;
    if text.trim().is_empty() {
        return Err("empty story text".into());
    }
    let date = text_field("date")?.map(|d| parse_date(&d)).transpose()?;
    Ok(Story {
        id,
        date,
        source: text_field("source")?,
        url: text_field("url")?,
        title: text_field("title")?,
        text,
        parsed: None,
    })
}

/// Parses `YYYY-MM-DD`, rejecting impossible dates ("2025-02-30").
pub fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("date {text:?} is not a valid YYYY-MM-DD date");
    if text.len() != 10 || text.as_bytes()[4] != b'-' || text.as_bytes()[7] != b'-' {
        return Err(bad());
    }
    text.parse::<Date>().map_err(|_| bad())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a whole text input as one story with the given id and date.
pub fn text_story(
    mut reader: impl Read,
    file: &str,
    id: String,
    date: Option<Date>,
) -> StoryResult {
    let error = |message: String| InputError {
        file: file.to_string(),
        record: 1,
        message,
    };
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| error(format!("read error: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "not UTF-8 text (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(error("empty story text".into()));
    }
    Ok(Story {
        id,
        date,
        text,
        ..Story::default()
    })
}

/// Every input file named on the command line, directories expanded (recursively, in name
/// order, so the output order is the same on every run).
pub fn expand_paths(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
        } else if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
                .map(|e| e.map(|e| e.path()))
                .collect::<io::Result<_>>()?;
            entries.sort();
            out.extend(expand_paths(&entries)?);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Stories from one input path (`-` is standard input), as an iterator of results.
///
/// `date` is the date given to plain-text stories; `format` overrides the one the name
/// suggests.
pub fn open(
    path: &Path,
    format: Option<Format>,
    date: Option<Date>,
) -> Box<dyn Iterator<Item = StoryResult> + Send> {
    let name = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    let format = format.unwrap_or(if stdin {
        Format::Jsonl
    } else {
        Format::of_path(path)
    });
    let reader: Box<dyn Read + Send> = if stdin {
        Box::new(io::stdin())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                return Box::new(std::iter::once(Err(InputError {
                    file: name,
                    record: 0,
                    message: format!("cannot open: {e}"),
                })))
            }
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    match format {
        Format::Jsonl => Box::new(JsonlStories::new(BufReader::new(reader), name)),
        Format::Text => Box::new(std::iter::once(text_story(reader, &name, stem, date))),
        Format::Conllu => Box::new(ConlluStories::new(BufReader::new(reader), name, stem, date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_bad_ones_with_their_line() {
        let input =
            "{\"id\": \"a\", \"text\": \"Kenya met Ethiopia.\", \"date\": \"2025-03-04\"}\n\
\n\
not json\n\
{\"id\": 7, \"text\": \"x\"}\n\
{\"text\": \"no id\"}\n\
{\"id\": \"b\", \"text\": 5}\n\
{\"id\": \"c\", \"text\": \"t\", \"date\": \"2025-02-30\"}\n\
{\"id\": \"d\", \"text\": \"   \"}\n\
[1, 2]\n";
        let results: Vec<_> = JsonlStories::new(input.as_bytes(), "in.jsonl").collect();
        assert_eq!(results.len(), 8);
        let a = results[0].as_ref().unwrap();
        assert_eq!(a.date, Some(Date::constant(2025, 3, 4)));
        let errors: Vec<(usize, &str)> = results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| (e.record, e.message.as_str()))
            .collect();
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert_eq!(errors[0].0, 3);
        assert!(errors[0].1.starts_with("invalid JSON"));
        assert_eq!(results[2].as_ref().unwrap().id, "7");
        assert!(errors[1].1.contains("missing field \"id\""));
        assert!(errors[2].1.contains("must be a string, not a number"));
        assert!(errors[3].1.contains("2025-02-30"));
        assert!(errors[4].1.contains("empty"));
        assert!(errors[5].1.contains("JSON object"));
    }

    #[test]
    fn text_stories_reject_binary_and_empty_input() {
        let e = text_story(&[0x66, 0xff, 0x00][..], "x.txt", "x".into(), None).unwrap_err();
        assert!(e.message.contains("offset 1"), "{e}");
        assert!(text_story(&b"  \n"[..], "x.txt", "x".into(), None).is_err());
        let s = text_story(&b"Kenya met Ethiopia."[..], "x.txt", "x".into(), None).unwrap();
        assert_eq!(s.id, "x");
    }
}
