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
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_html_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!") {
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
        if let Some(at) = kept.find(['#', ';']) {
            kept.truncate(at);
        }
        let text = kept.trim_end().to_string();
        if !text.trim().is_empty() {
            out.push(Line {
                number: i + 1,
                text,
            });
        }
    }
    out
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
