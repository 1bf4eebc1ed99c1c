//! Helpers shared by the coder's integration tests.

use petrel_text::Sentence;

/// A sentence from rows `ID FORM LEMMA UPOS HEAD DEPREL` (one a line, white-space separated),
/// through the CoNLL-U reader, so that tests read like the parses they describe.
pub fn parse(rows: &str) -> Sentence {
    let conllu: String = rows
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(
                c.len(),
                6,
                "row {l:?} is not ID FORM LEMMA UPOS HEAD DEPREL"
            );
            format!(
                "{}\t{}\t{}\t{}\t_\t_\t{}\t{}\t_\t_\n",
                c[0], c[1], c[2], c[3], c[4], c[5]
            )
        })
        .collect();
    let mut sentences = petrel_syntax::conllu::parse_str(&conllu).expect("valid CoNLL-U");
    assert_eq!(sentences.len(), 1);
    sentences.remove(0)
}
