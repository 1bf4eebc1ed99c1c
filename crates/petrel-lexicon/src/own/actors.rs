//! Reading actor files: `names => CODE` one-liners, and names lines followed by indented
//! dated roles (`CODE FROM .. TO # note`).

use jiff::civil::Date;

use super::lines::lines;
use super::{is_actor_code, Origins};
use crate::actors::Role;
use crate::Diagnostic;

/// The code of a name that codes nothing: a place such as "South China Sea", listed so that
/// the actor named inside it ("China") does not code either (the longest name wins). The
/// coder drops actors with this code.
pub const CODES_NOTHING: &str = "---";

/// One actor entry as written.
#[derive(Clone, Debug)]
pub struct ActorRecord {
    pub names: Vec<WrittenName>,
    /// The code on the names line, if any.
    pub code: Option<String>,
    pub roles: Vec<Role>,
    /// Where the names line is.
    pub origin: crate::Origin,
}

/// One name of an entry, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenName {
    /// The name without its `?` mark.
    pub text: String,
    /// Written with a leading `?`: also a common word or given name.
    pub ambiguous: bool,
}

/// Reads one actor file. Bad lines are reported and skipped; role lines under a bad names
/// line are skipped with it, silently.
pub(crate) fn read(origins: &Origins, text: &str) -> (Vec<ActorRecord>, Vec<Diagnostic>) {
    let mut records: Vec<ActorRecord> = Vec::new();
    let mut diags = Vec::new();
    // Whether role lines attach to the last record (false after a skipped names line).
    let mut open = false;
    let mut skipping = false;
    for line in lines(text) {
        let origin = origins.at(line.number);
        if line.indented {
            match (open, skipping) {
                (true, _) => match parse_role(line.body, line.comment, &origin) {
                    Ok(role) => records.last_mut().expect("open record").roles.push(role),
                    Err(message) => diags.push(Diagnostic { origin, message }),
                },
                (false, true) => {}
                (false, false) => diags.push(Diagnostic {
                    origin,
                    message: "indented role line without a names line above it".into(),
                }),
            }
            continue;
        }
        match parse_names_line(line.body) {
            Ok((names, code)) => {
                records.push(ActorRecord {
                    names,
                    code,
                    roles: Vec::new(),
                    origin,
                });
                open = true;
                skipping = false;
            }
            Err(message) => {
                diags.push(Diagnostic { origin, message });
                open = false;
                skipping = true;
            }
        }
    }
    (records, diags)
}

/// `Moscow | ?Kremlin => RUSGOV` → its names and code.
fn parse_names_line(body: &str) -> Result<(Vec<WrittenName>, Option<String>), String> {
    let (names, code) = match body.split_once("=>") {
        Some((names, code)) => {
            let code = code.trim();
            if !(is_actor_code(code) || code == CODES_NOTHING) {
                return Err(format!(
                    "bad actor code {code:?}: expected three-letter codes run together \
                     (RUSGOV), or {CODES_NOTHING} for a name that codes nothing"
                ));
            }
            (names, Some(code.to_string()))
        }
        None => (body, None),
    };
    let mut out = Vec::new();
    for name in names.split('|') {
        let name = name.trim();
        let (text, ambiguous) = match name.strip_prefix('?') {
            Some(rest) => (rest.trim(), true),
            None => (name, false),
        };
        if text.is_empty() {
            return Err("empty name (two '|' in a row, or a '|' at an end)".into());
        }
        if text.contains(['=', '>', '<']) {
            return Err(format!("cannot read name {text:?}"));
        }
        out.push(WrittenName {
            text: text.to_string(),
            ambiguous,
        });
    }
    Ok((out, code))
}

/// `DEUGOV 2021-12-08 .. 2025-05-06` (either date may be left out).
fn parse_role(body: &str, note: Option<&str>, origin: &crate::Origin) -> Result<Role, String> {
    let (code, range) = body
        .split_once(char::is_whitespace)
        .ok_or_else(|| format!("role line {body:?} needs a code and a date range"))?;
    if !is_actor_code(code) {
        return Err(format!("bad actor code {code:?} in role line"));
    }
    let (from, until) = range
        .split_once("..")
        .ok_or_else(|| format!("date range {:?} lacks '..'", range.trim()))?;
    Ok(Role {
        code: code.to_string(),
        from: parse_date(from)?,
        until: parse_date(until)?,
        note: note.map(str::to_string),
        origin: origin.clone(),
    })
}

fn parse_date(text: &str) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!("bad date {text:?}: expected YYYY-MM-DD"));
    }
    text.parse()
        .map(Some)
        .map_err(|_| format!("no such date {text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> (Vec<ActorRecord>, Vec<Diagnostic>) {
        read(&Origins::new("actors/test.txt"), text)
    }

    #[test]
    fn one_liners_and_dated_roles() {
        let (records, diags) = read_text(
            "Russia | Russian => RUS\n?Chad | Chadian => TCD\n\
Olaf Scholz | Scholz\n    DEUGOV  2021-12-08 .. 2025-05-06   # Chancellor\n    DEUELI  2025-05-06 ..\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].code.as_deref(), Some("RUS"));
        assert!(records[1].names[0].ambiguous && !records[1].names[1].ambiguous);
        assert_eq!(records[1].names[0].text, "Chad");
        let scholz = &records[2];
        assert_eq!(scholz.code, None);
        assert_eq!(scholz.roles.len(), 2);
        assert_eq!(scholz.roles[0].note.as_deref(), Some("Chancellor"));
        assert_eq!(scholz.roles[0].origin.line, 4);
        assert_eq!(scholz.roles[1].from, Some("2025-05-06".parse().unwrap()));
        assert_eq!(scholz.roles[1].until, None);
    }

    #[test]
    fn a_name_may_code_nothing() {
        let (records, diags) = read_text("South China Sea => ---\nGulf => --\n");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].code.as_deref(), Some(CODES_NOTHING));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].origin.line, 2);
    }

    #[test]
    fn open_ranges_both_ways() {
        let (records, diags) = read_text("X\n    ABC .. 2001-01-01\n    ABCGOV ..\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(records[0].roles[0].from, None);
        assert_eq!(records[0].roles[1].until, None);
    }

    #[test]
    fn malformed_lines_are_diagnostics_with_lines() {
        let (records, diags) = read_text(
            "    RUSGOV 2000-01-01 ..\nA | | B => X\n    ABC 2000-01-01 ..\nC => rus\nD\n    DEUGOV 2021-13-01 ..\n    DEUGOV 2021\n    DEUGOV 21-01-01 ..\n    deu ..\nE => ABCD\n",
        );
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 2, 4, 6, 7, 8, 9, 10], "{diags:?}");
        assert_eq!(records.len(), 1, "only D survives");
        assert!(diags[3].message.contains("no such date"));
    }
}
