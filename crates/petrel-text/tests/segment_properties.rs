//! Properties every segmentation must have, on arbitrary and hostile input.

use petrel_text::{segment, Sentence};
use proptest::prelude::*;

/// Checks the segmentation of `text` and returns the number of tokens.
fn check(text: &str, sentences: &[Sentence]) -> usize {
    let mut covered = 0; // everything before this byte is accounted for
    let mut count = 0;
    for sentence in sentences {
        let span = sentence.span.expect("sentence span");
        assert_eq!(sentence.text.as_deref(), span.slice(text));
        assert!(!sentence.tokens.is_empty());
        assert_eq!(sentence.tokens[0].span.map(|s| s.start), Some(span.start));
        assert_eq!(
            sentence.tokens.last().and_then(|t| t.span).map(|s| s.end),
            Some(span.end)
        );
        for token in &sentence.tokens {
            let s = token.span.expect("token span");
            assert!(s.start < s.end, "empty token at {}", s.start);
            assert!(
                s.start >= covered,
                "token at {} overlaps or is out of order",
                s.start
            );
            let gap = text.get(covered..s.start).expect("gap on char boundaries");
            assert!(
                gap.chars().all(char::is_whitespace),
                "uncovered text {gap:?}"
            );
            assert_eq!(
                s.slice(text),
                Some(token.form.as_str()),
                "form is not the span's text"
            );
            covered = s.end;
            count += 1;
        }
    }
    assert!(
        text[covered..].chars().all(char::is_whitespace),
        "uncovered tail"
    );
    count
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn tokens_partition_the_non_whitespace_text(
        text in "[a-zA-Z0-9 .,;:!?'’`\"“”‘()\\[\\]/@#$%&*+<=>_~\\-—–…\n\t\u{a0}é\u{301}😀]{0,160}"
    ) {
        check(&text, &segment(&text));
    }

    #[test]
    fn any_unicode_is_handled(text in any::<String>()) {
        check(&text, &segment(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn word_like_text_round_trips(words in proptest::collection::vec(
        "(Dr\\.|U\\.S\\.|don't|can’t|e-mail|\\$5\\.2|http://x\\.org/a|a@b\\.com|:\\)|--|\\.\\.\\.|[A-Z][a-z]{0,6}|[a-z]{1,6}|[0-9]{1,4}|[.!?,\"])",
        0..40
    ), seps in proptest::collection::vec("( |\n|\n\n| \t)?", 40)) {
        let mut text = String::new();
        for (w, sep) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(sep);
        }
        check(&text, &segment(&text));
    }
}

#[test]
fn empty_and_blank_input_give_no_sentences() {
    assert!(segment("").is_empty());
    assert!(segment(" \n\t\n ").is_empty());
}

#[test]
fn text_without_punctuation_is_cut_to_sane_sentences() {
    let text = "word ".repeat(100_000);
    let sentences = segment(&text);
    assert_eq!(check(&text, &sentences), 100_000);
    assert!(sentences.iter().all(|s| s.tokens.len() <= 250));
}

#[test]
fn text_without_spaces_is_cut_to_sane_words_and_sentences() {
    let text = "abcdéfgh".repeat(50_000);
    let sentences = segment(&text);
    check(&text, &sentences);
    assert!(sentences.iter().all(|s| s.tokens.len() <= 250));
    assert!(sentences
        .iter()
        .flat_map(|s| &s.tokens)
        .all(|t| t.form.len() <= 512));
}

#[test]
fn dateline_is_its_own_segment() {
    let text = "NAIROBI, March 4 (Reuters) - Kenyan President William Ruto met Ethiopian Prime \
                Minister Abiy Ahmed on Monday. Ruto urged Addis Ababa to pull its troops back.";
    let sentences = segment(text);
    let texts: Vec<&str> = sentences.iter().filter_map(|s| s.text.as_deref()).collect();
    assert_eq!(
        texts,
        [
            "NAIROBI, March 4 (Reuters) -",
            "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Monday.",
            "Ruto urged Addis Ababa to pull its troops back."
        ]
    );
}

#[test]
fn byline_then_dateline_then_story() {
    let text = "By Jane Doe\nWASHINGTON (Reuters) — The Senate voted on Tuesday.";
    let texts: Vec<String> = segment(text).into_iter().filter_map(|s| s.text).collect();
    assert_eq!(
        texts,
        [
            "By Jane Doe",
            "WASHINGTON (Reuters) —",
            "The Senate voted on Tuesday."
        ]
    );
}

#[test]
fn abbreviations_do_not_end_sentences_but_a_final_one_gives_up_its_period() {
    let text = "Gen. Smith met Mr. Jones in the U.S. on Jan. 5. He left for the U.S.";
    let sentences = segment(text);
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.tokens.iter().map(|t| t.form.as_str()).collect())
        .collect();
    assert_eq!(
        forms,
        [
            vec![
                "Gen.", "Smith", "met", "Mr.", "Jones", "in", "the", "U.S.", "on", "Jan.", "5", "."
            ],
            vec!["He", "left", "for", "the", "U.S", "."],
        ]
    );
}
