//! Checks of actor entries: names listed twice or in two entries, entries that code nothing,
//! dated roles that are inverted or overlap, and codes that do not exist.

use std::collections::{BTreeSet, HashMap};

use super::codes::{chunks, CodeBook};
use super::Findings;
use crate::actors::Role;
use crate::own::names::tokens;
use crate::own::{ActorRecord, Source, CODES_NOTHING};
use crate::words::key;

pub(super) fn check(source: &Source, book: &CodeBook, findings: &mut Findings) {
    for record in &source.actors {
        entry(record, book, findings);
    }
    names(&source.actors, findings);
}

fn entry(record: &ActorRecord, book: &CodeBook, findings: &mut Findings) {
    let name = &record.names[0].text;
    match (&record.code, record.roles.is_empty()) {
        (None, true) => findings.error(
            &record.origin,
            format!("{name:?} codes nothing: give it '=> CODE' or indented role lines"),
        ),
        (Some(code), false) => findings.warning(
            &record.origin,
            format!(
                "{name:?} has both a code ({code}) and dated roles: {code} applies on dates no \
                 role covers; leave the code off if that is not meant"
            ),
        ),
        _ => {}
    }
    let codes = record
        .code
        .iter()
        .filter(|c| c.as_str() != CODES_NOTHING)
        .map(|c| (c, &record.origin))
        .chain(record.roles.iter().map(|r| (&r.code, &r.origin)));
    for (code, origin) in codes {
        let unknown = book.unknown_chunks(code, true);
        if !unknown.is_empty() {
            findings.error(
                origin,
                format!(
                    "unknown code {} in {code}: not a country code of {} nor an actor type",
                    unknown.join(", "),
                    super::codes::COUNTRIES_FILE
                ),
            );
        }
    }
    for (j, b) in record.roles.iter().enumerate() {
        if let (Some(from), Some(until)) = (b.from, b.until) {
            if from >= until {
                findings.error(
                    &b.origin,
                    format!("empty date range {from} .. {until}: the end is excluded and must come after the start"),
                );
                continue;
            }
        }
        if let Some(a) = record.roles[..j].iter().find(|a| overlap(a, b)) {
            findings.error(
                &b.origin,
                format!(
                    "role {} {} overlaps role {} {} at line {}: ranges of one actor must not overlap (the end date is excluded)",
                    b.code,
                    range(b),
                    a.code,
                    range(a),
                    a.origin.line
                ),
            );
        }
    }
}

/// Whether two half-open ranges share a day (an open end reaches forever).
fn overlap(a: &Role, b: &Role) -> bool {
    let starts_before_end = |r: &Role, s: &Role| match (r.from, s.until) {
        (Some(from), Some(until)) => from < until,
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}

fn range(role: &Role) -> String {
    let show = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    format!("{} .. {}", show(role.from), show(role.until))
        .trim()
        .to_string()
}

/// The codes an entry can take, for messages.
fn codes(record: &ActorRecord) -> BTreeSet<&str> {
    record
        .code
        .iter()
        .map(String::as_str)
        .chain(record.roles.iter().map(|r| r.code.as_str()))
        .collect()
}

/// The countries an entry's codes name (their first three letters).
fn countries(record: &ActorRecord) -> BTreeSet<&str> {
    codes(record)
        .into_iter()
        .filter_map(|c| chunks(c).next())
        .collect()
}

/// A name as the checks compare it: its upper-cased tokens, and its tokens as written if
/// it must match with its capitals.
struct Written<'r> {
    record: usize,
    text: &'r str,
    tokens: Vec<String>,
    case_sensitive: bool,
}

/// Names listed twice in one entry or file, and names shared by entries of different files.
fn names(records: &[ActorRecord], findings: &mut Findings) {
    let mut by_key: HashMap<Vec<String>, Vec<Written>> = HashMap::new();
    let mut order = Vec::new();
    for (i, record) in records.iter().enumerate() {
        for name in &record.names {
            let tokens = tokens(&name.text, false);
            let upper: Vec<String> = tokens.iter().map(|t| key(t)).collect();
            let written = Written {
                record: i,
                text: &name.text,
                tokens,
                case_sensitive: name.text.chars().any(char::is_uppercase),
            };
            let group = by_key.entry(upper.clone()).or_default();
            if group.is_empty() {
                order.push(upper);
            }
            group.push(written);
        }
    }
    for upper in order {
        let group = &by_key[&upper];
        for (j, b) in group.iter().enumerate() {
            let same =
                |a: &&Written| !a.case_sensitive || !b.case_sensitive || a.tokens == b.tokens;
            let Some(a) = group[..j].iter().find(same) else {
                continue;
            };
            let (ra, rb) = (&records[a.record], &records[b.record]);
            let here = &rb.origin;
            if a.record == b.record && a.text == b.text {
                findings.error(here, format!("{:?} is listed twice in this entry", b.text));
            } else if a.record == b.record {
                findings.error(
                    here,
                    format!(
                        "{:?} and {:?} are one name: a name written without capitals matches any capitals",
                        a.text, b.text
                    ),
                );
            } else if ra.origin.file == rb.origin.file {
                findings.error(
                    here,
                    format!(
                        "{:?} is also a name of the entry at line {} ({}): a name belongs to one entry per file",
                        b.text, ra.origin.line, ra.names[0].text
                    ),
                );
            } else if countries(ra).is_disjoint(&countries(rb)) {
                findings.error(
                    here,
                    format!(
                        "conflict: {:?} codes {} here but {} in {} ({}), which loads first and wins",
                        b.text,
                        join(&codes(rb)),
                        join(&codes(ra)),
                        ra.origin,
                        ra.names[0].text
                    ),
                );
            } else {
                findings.warning(
                    here,
                    format!(
                        "{:?} also names the entry at {} ({}, {}), which loads first and wins",
                        b.text,
                        ra.origin,
                        ra.names[0].text,
                        join(&codes(ra))
                    ),
                );
            }
        }
    }
}

fn join(codes: &BTreeSet<&str>) -> String {
    codes.iter().copied().collect::<Vec<_>>().join("/")
}
