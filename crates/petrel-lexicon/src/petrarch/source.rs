//! Turning a dictionary file into numbered lines with comments removed.
//!
//! PETRARCH files allow `#` comments, legacy `;` comments, and HTML-style `<!-- ... -->`
//! comments that may span lines. What remains of each line keeps its leading white space,
//! because the actor format gives a leading tab a meaning (a date restriction).

/// One line of a dictionary with its comments stripped.
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The text left after comment removal, right-trimmed; never empty.
    pub text: String,
}

/// The non-blank, comment-free lines of `text`.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_html_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut kept = String::new();
        let mut rest = raw;
        loop {
            if in_html_comment {
                match find_ascii(rest, "-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_html_comment = false;
                    }
                    None => break,
                }
            } else {
                match find_ascii(rest, "<!") {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        rest = &rest[start + 2..];
                        in_html_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        // Each marker is looked for on its own: searching for one character is a fast scan,
        // for either of two a slow one.
        if let Some(at) = [kept.find('#'), kept.find(';')].into_iter().flatten().min() {
            kept.truncate(at);
        }
        kept.truncate(kept.trim_end().len());
        if !kept.is_empty() {
            out.push(Line {
                number: i + 1,
                text: kept,
            });
        }
    }
    out
}

/// Where `pattern`, which begins with an ASCII character, first occurs in `text`: found by
/// its first character, as the lines are short and setting up the general string search
/// cost more than scanning them.
fn find_ascii(text: &str, pattern: &str) -> Option<usize> {
    let first = char::from(*pattern.as_bytes().first()?);
    let mut from = 0;
    while let Some(at) = text[from..].find(first) {
        let start = from + at;
        if text[start..].starts_with(pattern) {
            return Some(start);
        }
        // The character found is one byte long.
        from = start + 1;
    }
    None
}

/// Splits `text` at its bracketed code: `("MEET {MET}", Some("040:040"))` for
/// `MEET {MET} [040:040]`. Returns an error message for an unclosed bracket.
pub fn split_code(text: &str) -> Result<(&str, Option<&str>), String> {
    match text.find('[') {
        None => Ok((text, None)),
        Some(open) => {
            let close = text[open..]
                .find(']')
                .map(|c| open + c)
                .ok_or_else(|| "'[' without a closing ']'".to_string())?;
            Ok((&text[..open], Some(text[open + 1..close].trim())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_all_comment_styles() {
        let text = "A [X] # note\n<!-- one\ntwo -->\nB <!-- x --> C ; legacy\n\n   \nD";
        let got: Vec<(usize, String)> = lines(text)
            .into_iter()
            .map(|l| (l.number, l.text))
            .collect();
        assert_eq!(
            got,
            [
                (1, "A [X]".to_string()),
                (4, "B  C".to_string()),
                (7, "D".to_string())
            ]
        );
    }

    #[test]
    fn splits_codes() {
        assert_eq!(
            split_code("MEET {MET} [040:040] x").unwrap(),
            ("MEET {MET} ", Some("040:040"))
        );
        assert_eq!(split_code("MEET").unwrap(), ("MEET", None));
        assert!(split_code("MEET [040").is_err());
    }
}
