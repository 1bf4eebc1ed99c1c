//! PETRARCH2's internal coding ontology (`PETR.Internal.Coding.Ontology.txt`): lines
//! `CODE:VALUE#comment`, VALUE a sum of signed hexadecimal terms (`-0xFFFF+0x2040+0x300`).

use std::sync::Arc;

use super::source;
use crate::negation::NegationTable;
use crate::{Diagnostic, Origin};

/// Reads the ontology into a negation table, returning what was skipped and why.
pub fn read_ontology(file: &str, text: &str, table: &mut NegationTable) -> Vec<Diagnostic> {
    let file: Arc<str> = Arc::from(file);
    let mut diags = Vec::new();
    for line in source::lines(text) {
        let origin = Origin {
            file: file.clone(),
            line: line.number,
        };
        match line.text.trim().split_once(':') {
            Some((code, value)) if !code.trim().is_empty() => match evaluate(value) {
                Some(v) => table.insert(code.trim().to_string(), v),
                None => diags.push(Diagnostic {
                    origin,
                    message: format!("cannot read value {:?}", value.trim()),
                }),
            },
            _ => diags.push(Diagnostic {
                origin,
                message: "expected CODE:VALUE".into(),
            }),
        }
    }
    diags
}

/// Evaluates `0x1000-0xFFFF` and the like.
fn evaluate(expr: &str) -> Option<i64> {
    let expr: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    if expr.is_empty() {
        return None;
    }
    let mut total = 0i64;
    let mut rest = expr.as_str();
    while !rest.is_empty() {
        let sign = match rest.as_bytes()[0] {
            b'-' => -1,
            _ => 1,
        };
        rest = rest.trim_start_matches(['+', '-']);
        // A sign with nothing after it, or a term starting with a multi-byte character, is
        // not an expression (and must not panic on slicing).
        let first = rest.chars().next()?.len_utf8();
        let end = rest[first..]
            .find(['+', '-'])
            .map_or(rest.len(), |i| i + first);
        let term = rest[..end]
            .strip_prefix("0x")
            .or_else(|| rest[..end].strip_prefix("0X"))?;
        total += sign * i64::from_str_radix(term, 16).ok()?;
        rest = &rest[end..];
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_sums_of_hex_terms() {
        assert_eq!(evaluate("0x1007f"), Some(0x1007f));
        assert_eq!(
            evaluate("-0xFFFF+0x2040+0x300"),
            Some(-0xFFFF + 0x2040 + 0x300)
        );
        assert_eq!(evaluate("0x1000-0xFFFF"), Some(0x1000 - 0xFFFF));
        assert_eq!(evaluate("12"), None);
        assert_eq!(evaluate(""), None);
    }

    #[test]
    fn reads_codes_and_reports_bad_lines() {
        let mut t = NegationTable::default();
        let diags = read_ontology(
            "o",
            "050:0x0080#Coop\n110:0x1007f#0xFFFF+0x0080\nbad\n120:zz\n",
            &mut t,
        );
        assert_eq!(diags.len(), 2);
        assert_eq!(t.negate("110"), Some("050"));
    }
}
