//! Lines of petrel's lexicon files: `#` starts a comment that runs to the end of the line,
//! blank lines are ignored, and a leading space or tab is kept as a fact (it marks a role
//! line under a names line).

/// One meaningful line of a lexicon file.
pub(crate) struct Line<'t> {
    /// 1-based line number in the file.
    pub number: usize,
    /// The line starts with white space.
    pub indented: bool,
    /// What comes before the comment, trimmed; never empty.
    pub body: &'t str,
    /// The comment's text, trimmed, when there is one.
    pub comment: Option<&'t str>,
}

/// The lines of `text` that hold more than a comment.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let (body, comment) = match raw.split_once('#') {
            Some((body, comment)) => (body, Some(comment.trim()).filter(|c| !c.is_empty())),
            None => (raw, None),
        };
        let body = body.trim();
        (!body.is_empty()).then(|| Line {
            number: i + 1,
            indented: raw.starts_with([' ', '\t']),
            body,
            comment,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_indentation() {
        let text =
            "# header\n\nRussia => RUS  # note\n    RUSGOV 2000-01-01 ..\n   # only a comment\n";
        let got: Vec<_> = lines(text)
            .map(|l| (l.number, l.indented, l.body, l.comment))
            .collect();
        assert_eq!(
            got,
            [
                (3, false, "Russia => RUS", Some("note")),
                (4, true, "RUSGOV 2000-01-01 ..", None)
            ]
        );
    }
}
