//! Checks of agent lines: forms listed twice or under two codes, and type codes that do not
//! exist.

use std::collections::HashMap;

use super::codes::CodeBook;
use super::Findings;
use crate::own::names::tokens;
use crate::own::Source;
use crate::words::key;

pub(super) fn check(source: &Source, book: &CodeBook, findings: &mut Findings) {
    // Agents match whatever their capitals: forms differing only in capitals are one form.
    let mut seen: HashMap<Vec<String>, (usize, &str)> = HashMap::new();
    for (i, record) in source.agents.iter().enumerate() {
        let unknown = book.unknown_chunks(&record.code, false);
        if !unknown.is_empty() {
            findings.error(
                &record.origin,
                format!(
                    "unknown actor type {} in {}: agents carry type codes only (no country)",
                    unknown.join(", "),
                    record.code
                ),
            );
        }
        for form in &record.forms {
            let upper: Vec<String> = tokens(form, false).iter().map(|t| key(t)).collect();
            let Some(&(j, earlier)) = seen.get(&upper) else {
                seen.insert(upper, (i, form));
                continue;
            };
            let first = &source.agents[j];
            let message = if j == i && earlier == form {
                format!("{form:?} is listed twice on this line")
            } else if j == i {
                format!(
                    "{earlier:?} and {form:?} are one form: agents match whatever their capitals"
                )
            } else if first.code == record.code {
                format!("{form:?} is already listed at line {}", first.origin.line)
            } else {
                format!(
                    "conflict: {form:?} codes {} here but {} at line {}, which wins",
                    record.code, first.code, first.origin.line
                )
            };
            findings.error(&record.origin, message);
        }
    }
}
