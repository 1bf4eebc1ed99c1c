//! Helpers shared by the coder's integration tests.

use petrel_text::Sentence;

/// A sentence from rows `ID FORM LEMMA UPOS HEAD DEPREL` (one a line, white-space separated),
/// or `ID FORM LEMMA UPOS XPOS HEAD DEPREL` where a rule reads the Penn tag, through the
/// CoNLL-U reader, so that tests read like the parses they describe.
pub fn parse(rows: &str) -> Sentence {
    let conllu: String = rows
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            let (xpos, rest) = match c.len() {
                6 => ("_", &c[4..]),
                7 => (c[4], &c[5..]),
                _ => panic!("row {l:?} is not ID FORM LEMMA UPOS [XPOS] HEAD DEPREL"),
            };
            format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                c[0], c[1], c[2], c[3], xpos, rest[0], rest[1]
            )
        })
        .collect();
    let mut sentences = petrel_syntax::conllu::parse_str(&conllu).expect("valid CoNLL-U");
    assert_eq!(sentences.len(), 1);
    sentences.remove(0)
}
