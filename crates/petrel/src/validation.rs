//! The PETRARCH validation-suite XML: `<Environment>` naming the dictionaries, then
//! `<Sentence id date>` records, each with `<EventCoding>` expectations, `<Text>` and a
//! `<Parse>` in CoNLL-U.
//!
//! Expectations are events (`eventcode`, `sourcecode`, `targetcode`), `noevents="True"`, or
//! `error="..."` for records that test a coder's handling of bad input or discards.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// What a validation file could not be read for, and where.
#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The dictionary files a validation file names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Option<String>,
    pub actors: Option<String>,
    pub agents: Option<String>,
    pub discards: Option<String>,
}

/// One expected event, with codes as written (`"---GOV"`, `"ARN"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExpectedEvent {
    pub code: String,
    pub source: String,
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Events(Vec<ExpectedEvent>),
    NoEvents,
    /// The coder should refuse the record: `dateline`, `bad_input_parse`, `storydiscard`,
    /// `sentencediscard`.
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub date: Option<Date>,
    pub text: String,
    /// The CoNLL-U parse, as given.
    pub parse: String,
    pub expected: Expected,
    /// Line of the `<Sentence>` tag.
    pub line: usize,
}

/// A whole validation file.
#[derive(Clone, Debug, Default)]
pub struct ValidationFile {
    pub environment: Environment,
    pub records: Vec<Record>,
}

/// Reads a validation file from disk.
pub fn read_file(path: &Path) -> Result<ValidationFile, ValidationError> {
    let bytes = std::fs::read(path).map_err(|source| ValidationError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&bytes).map_err(|(line, message)| ValidationError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses validation XML; an error is `(line, message)`.
pub fn parse(bytes: &[u8]) -> Result<ValidationFile, (usize, String)> {
    let line_at = |pos: usize| {
        1 + bytes[..pos.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    let mut reader = Reader::from_reader(bytes);
    let mut file = ValidationFile::default();
    let mut record: Option<Record> = None;
    let mut events: Vec<ExpectedEvent> = Vec::new();
    let mut expected: Option<Expected> = None;
    let mut path: Vec<String> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| (line_at(reader.error_position() as usize), e.to_string()))?;
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Eof => break,
            Event::Start(tag) | Event::Empty(tag) if tag.name().as_ref() == b"Sentence" => {
                let attrs = attributes(&tag).map_err(|m| (line_at(pos), m))?;
                let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
                let id = get("id").ok_or((line_at(pos), "<Sentence> without id".to_string()))?;
                let date = match get("date") {
                    Some(d) => Some(parse_date(&d).map_err(|m| (line_at(pos), m))?),
                    None => None,
                };
                record = Some(Record {
                    id,
                    date,
                    text: String::new(),
                    parse: String::new(),
                    expected: Expected::NoEvents,
                    line: line_at(pos),
                });
                events.clear();
                expected = None;
                if is_start {
                    path.push("Sentence".into());
                }
            }
            Event::Start(tag) | Event::Empty(tag) if tag.name().as_ref() == b"EventCoding" => {
                let attrs = attributes(&tag).map_err(|m| (line_at(pos), m))?;
                let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
                if let Some(error) = get("error") {
                    expected = Some(Expected::Error(error));
                } else if get("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                    expected = Some(Expected::NoEvents);
                } else {
                    match (get("eventcode"), get("sourcecode"), get("targetcode")) {
                        (Some(code), Some(source), Some(target)) => events.push(ExpectedEvent {
                            code,
                            source,
                            target,
                        }),
                        _ => {
                            return Err((
                                line_at(pos),
                                "<EventCoding> needs eventcode, sourcecode and targetcode, noevents or error"
                                    .into(),
                            ))
                        }
                    }
                }
                if is_start {
                    path.push("EventCoding".into());
                }
            }
            Event::Start(tag) => {
                path.push(String::from_utf8_lossy(tag.name().as_ref()).into_owned());
            }
            Event::End(tag) => {
                let name = String::from_utf8_lossy(tag.name().as_ref()).into_owned();
                if path.last() != Some(&name) {
                    return Err((line_at(pos), format!("unexpected </{name}>")));
                }
                path.pop();
                if name == "Sentence" {
                    let mut r = record
                        .take()
                        .ok_or((line_at(pos), "</Sentence> without <Sentence>".into()))?;
                    r.expected = match expected.take() {
                        Some(e) => e,
                        None if events.is_empty() => Expected::NoEvents,
                        None => Expected::Events(std::mem::take(&mut events)),
                    };
                    if let (Expected::NoEvents, false) = (&r.expected, events.is_empty()) {
                        r.expected = Expected::Events(std::mem::take(&mut events));
                    }
                    file.records.push(r);
                }
            }
            Event::Text(text) => {
                let text = text
                    .unescape()
                    .map_err(|e| (line_at(pos), e.to_string()))?
                    .into_owned();
                let here = path.last().map(String::as_str);
                let parent = path.len().checked_sub(2).map(|i| path[i].as_str());
                match (parent, here) {
                    (Some("Sentence"), Some("Text")) => {
                        if let Some(r) = record.as_mut() {
                            r.text.push_str(&text);
                        }
                    }
                    (Some("Sentence"), Some("Parse")) => {
                        if let Some(r) = record.as_mut() {
                            r.parse.push_str(&text);
                        }
                    }
                    (Some("Environment"), Some(field)) => {
                        let value = Some(text.trim().to_string());
                        match field {
                            "Verbfile" => file.environment.verbs = value,
                            "Actorfile" => file.environment.actors = value,
                            "Agentfile" => file.environment.agents = value,
                            "Discardfile" => file.environment.discards = value,
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        buf.clear();
    }
    if let Some(r) = record {
        return Err((r.line, format!("<Sentence id={:?}> is not closed", r.id)));
    }
    for r in &mut file.records {
        r.text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    Ok(file)
}

fn attributes(tag: &BytesStart) -> Result<Vec<(String, String)>, String> {
    tag.attributes()
        .map(|a| {
            let a = a.map_err(|e| e.to_string())?;
            let value = a.unescape_value().map_err(|e| e.to_string())?;
            Ok((
                String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                value.into_owned(),
            ))
        })
        .collect()
}

/// `19950101` → 1995-01-01.
fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("date {text:?} is not YYYYMMDD");
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<i16>().map_err(|_| bad());
    Date::new(num(0..4)?, num(4..6)? as i8, num(6..8)? as i8)
        .map_err(|e| format!("date {text:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version='1.0'?>
<Validation>
<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<!-- a comment -->
<Sentence source="DEMO" date="19950101" id="A" sentence="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Arnor restored
 ties.</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
</Parse></Sentence>
<Config option="x" value="1" />
<Sentence date="19950101" id="B"><EventCoding noevents="True" /><Text>x</Text><Parse></Parse></Sentence>
<Sentence id="C"><EventCoding error="storydiscard" /><Text>y</Text><Parse></Parse></Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_environment_records_and_expectations() {
        let file = parse(SAMPLE.as_bytes()).unwrap();
        assert_eq!(file.environment.verbs.as_deref(), Some("v.txt"));
        assert_eq!(file.records.len(), 3);
        let a = &file.records[0];
        assert_eq!(a.text, "Arnor restored ties.");
        assert_eq!(a.date, Some(Date::constant(1995, 1, 1)));
        assert!(a.parse.contains("Arnor\tArnor"));
        assert_eq!(a.line, 6);
        assert_eq!(
            a.expected,
            Expected::Events(vec![ExpectedEvent {
                code: "050".into(),
                source: "ARN".into(),
                target: "GON".into()
            }])
        );
        assert_eq!(file.records[1].expected, Expected::NoEvents);
        assert_eq!(
            file.records[2].expected,
            Expected::Error("storydiscard".into())
        );
    }

    #[test]
    fn malformed_xml_names_its_line() {
        let bad = "<Validation>\n<Sentence id=\"A\">\n<Text>x</Parse>\n</Validation>";
        let (line, _) = parse(bad.as_bytes()).unwrap_err();
        assert_eq!(line, 3);
        let (line, message) =
            parse(b"<Validation>\n<Sentence date=\"1995\" id=\"A\"></Sentence></Validation>")
                .unwrap_err();
        assert_eq!(line, 2, "{message}");
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn arbitrary_markup_never_panics(s in "(<Sentence id=\"a\"( date=\"[0-9]{0,9}\")?>|<EventCoding [a-z]{0,9}=\"x\"/>|<Text>|</Text>|<Parse>|</Parse>|</Sentence>|[a-z\t0-9 ]{0,5}){0,12}") {
            let _ = parse(s.as_bytes());
        }
    }
}
