//! Reading and writing CoNLL-U, the interchange format of Universal Dependencies.
//!
//! Reading is strict about structure (ten tab-separated columns, numeric ids and heads, heads
//! inside the sentence) and lenient about content: any tag set passes through. Relation names
//! are normalised to UD v2 ([`crate::relations`]) so that the rest of petrel sees one scheme.
//! Multiword-token lines (`1-2`) and empty nodes (`1.1`) are read past: petrel works on
//! syntactic words.
//!
//! Token offsets are taken from a `TokenRange=START:END` entry in the MISC column when present
//! (byte offsets into the story text, as petrel writes them).

use std::io::{self, BufRead, Write};

use petrel_text::{Sentence, Span, Token};

use crate::relations;

/// What went wrong reading CoNLL-U, and on which line (1-based, counted from the start of the
/// input given to the reader).
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
    #[error("reading CoNLL-U: {0}")]
    Io(#[from] io::Error),
}

/// Reads sentences one at a time from CoNLL-U text.
///
/// A malformed sentence yields an error naming its line; reading then resumes at the next
/// sentence, so one bad record does not lose the rest of the file.
pub struct Reader<R> {
    input: R,
    line_no: usize,
    line: String,
    first_line: usize,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input,
            line_no: 0,
            line: String::new(),
            first_line: 0,
        }
    }

    /// The 1-based line number at which the most recently returned sentence began.
    pub fn sentence_line(&self) -> usize {
        self.first_line
    }

    fn next_sentence(&mut self) -> Option<Result<Sentence, ConlluError>> {
        let mut sentence = Sentence::default();
        let mut error: Option<ConlluError> = None;
        let mut seen_any = false;
        loop {
            self.line.clear();
            let n = match self.input.read_line(&mut self.line) {
                Ok(n) => n,
                Err(e) => return Some(Err(e.into())),
            };
            if n == 0 {
                break;
            }
            self.line_no += 1;
            let line = self.line.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                if seen_any {
                    break;
                }
                continue;
            }
            if !seen_any {
                self.first_line = self.line_no;
                seen_any = true;
            }
            if error.is_some() {
                continue;
            }
            if let Some(comment) = line.strip_prefix('#') {
                read_comment(comment, &mut sentence);
                continue;
            }
            match parse_token_line(line, self.line_no) {
                Ok(Some(token)) => {
                    let expected = sentence.tokens.len() + 1;
                    if token.0 != expected {
                        error = Some(malformed(
                            self.line_no,
                            format!("word id {} out of sequence (expected {expected})", token.0),
                        ));
                    } else {
                        sentence.tokens.push(token.1);
                    }
                }
                Ok(None) => {}
                Err(e) => error = Some(e),
            }
        }
        if !seen_any {
            return None;
        }
        if let Some(e) = error {
            return Some(Err(e));
        }
        Some(finish(sentence, self.first_line))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Sentence, ConlluError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_sentence()
    }
}

/// Reads every sentence of a CoNLL-U string, stopping at the first error.
pub fn parse_str(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    Reader::new(text.as_bytes()).collect()
}

fn malformed(line: usize, message: String) -> ConlluError {
    ConlluError::Malformed { line, message }
}

fn read_comment(comment: &str, sentence: &mut Sentence) {
    let Some((key, value)) = comment.split_once('=') else {
        return;
    };
    match key.trim() {
        "sent_id" => sentence.id = Some(value.trim().to_string()),
        "text" => sentence.text = Some(value.trim().to_string()),
        _ => {}
    }
}

/// Parses one word line into its 1-based id and token; `None` for multiword-token and
/// empty-node lines.
fn parse_token_line(line: &str, line_no: usize) -> Result<Option<(usize, Token)>, ConlluError> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(malformed(
            line_no,
            format!("expected 10 tab-separated columns, found {}", cols.len()),
        ));
    }
    if cols[0].contains('-') || cols[0].contains('.') {
        return Ok(None);
    }
    let id: usize = cols[0]
        .parse()
        .map_err(|_| malformed(line_no, format!("word id {:?} is not a number", cols[0])))?;
    let head: usize = match cols[6] {
        "_" => 0,
        h => h
            .parse()
            .map_err(|_| malformed(line_no, format!("head {h:?} is not a number")))?,
    };
    let field = |s: &str| {
        if s == "_" {
            String::new()
        } else {
            s.to_string()
        }
    };
    let span = cols[9].split('|').find_map(|item| {
        let range = item.strip_prefix("TokenRange=")?;
        let (start, end) = range.split_once(':')?;
        let (start, end) = (start.parse().ok()?, end.parse().ok()?);
        (start <= end).then(|| Span::new(start, end))
    });
    let token = Token {
        form: cols[1].to_string(),
        lemma: field(cols[2]),
        upos: field(cols[3]),
        xpos: field(cols[4]),
        feats: field(cols[5]),
        head,
        deprel: field(cols[7]),
        span,
    };
    Ok(Some((id, token)))
}

/// Checks heads and normalises relation names once the whole sentence is known.
fn finish(mut sentence: Sentence, first_line: usize) -> Result<Sentence, ConlluError> {
    let n = sentence.tokens.len();
    if n == 0 {
        return Err(malformed(first_line, "sentence has no words".to_string()));
    }
    for (i, token) in sentence.tokens.iter().enumerate() {
        if token.head > n || token.head == i + 1 {
            return Err(malformed(
                first_line,
                format!(
                    "word {} has head {}, outside the sentence or itself",
                    i + 1,
                    token.head
                ),
            ));
        }
    }
    let head_upos: Vec<String> = sentence
        .tokens
        .iter()
        .map(|t| {
            sentence
                .token(t.head)
                .map(|h| h.upos.clone())
                .unwrap_or_default()
        })
        .collect();
    let v1 = relations::looks_v1(sentence.tokens.iter().map(|t| t.deprel.as_str()));
    for (token, head_upos) in sentence.tokens.iter_mut().zip(head_upos) {
        token.deprel = relations::to_v2(&token.deprel, &head_upos, v1);
    }
    Ok(sentence)
}

/// Writes one sentence as CoNLL-U, with `# sent_id` and `# text` when known and each token's
/// byte span as `TokenRange=START:END` in MISC.
pub fn write_sentence(out: &mut impl Write, sentence: &Sentence) -> io::Result<()> {
    if let Some(id) = &sentence.id {
        writeln!(out, "# sent_id = {id}")?;
    }
    if let Some(text) = &sentence.text {
        writeln!(out, "# text = {}", text.replace('\n', " "))?;
    }
    let col = |s: &str| {
        if s.is_empty() {
            "_".to_string()
        } else {
            s.to_string()
        }
    };
    for (i, t) in sentence.tokens.iter().enumerate() {
        let misc = match t.span {
            Some(span) => format!("TokenRange={}:{}", span.start, span.end),
            None => "_".to_string(),
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
            i + 1,
            t.form,
            col(&t.lemma),
            col(&t.upos),
            col(&t.xpos),
            col(&t.feats),
            t.head,
            col(&t.deprel),
            misc
        )?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# sent_id = a\n# text = Arnor met Gondor.\n\
1\tArnor\tArnor\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n\
2\tmet\tmeet\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n\
3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tdobj\t_\tTokenRange=10:16\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_sentences_with_comments_offsets_and_v2_relations() {
        let sentences = parse_str(TWO).unwrap();
        assert_eq!(sentences.len(), 2);
        let s = &sentences[0];
        assert_eq!(s.id.as_deref(), Some("a"));
        assert_eq!(s.text.as_deref(), Some("Arnor met Gondor."));
        assert_eq!(s.tokens[2].deprel, "obj");
        assert_eq!(s.tokens[2].span, Some(Span::new(10, 16)));
        assert_eq!(s.tokens[0].feat("Number"), Some("Sing"));
    }

    #[test]
    fn skips_multiword_tokens_and_empty_nodes() {
        let text = "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
1.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n";
        let s = &parse_str(text).unwrap()[0];
        assert_eq!(s.tokens.len(), 2);
    }

    #[test]
    fn bad_sentence_names_its_line_and_reading_resumes() {
        let text = "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n1\tb\tb\tX\n\n1\tc\tc\tX\tX\t_\t5\troot\t_\t_\n\n1\td\td\tX\tX\t_\t0\troot\t_\t_\n";
        let results: Vec<_> = Reader::new(text.as_bytes()).collect();
        assert_eq!(results.len(), 4);
        assert!(results[0].is_ok());
        let e = results[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("line 3:"), "{e}");
        let e = results[2].as_ref().unwrap_err().to_string();
        assert!(e.contains("head 5"), "{e}");
        assert!(results[3].is_ok());
    }

    #[test]
    fn writes_what_it_reads() {
        let sentences = parse_str(TWO).unwrap();
        let mut out = Vec::new();
        for s in &sentences {
            write_sentence(&mut out, s).unwrap();
        }
        let again = parse_str(std::str::from_utf8(&out).unwrap()).unwrap();
        assert_eq!(again, sentences);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let text = String::from_utf8_lossy(&bytes);
            for _ in Reader::new(text.as_bytes()) {}
        }

        #[test]
        fn arbitrary_lines_of_columns_never_panic(lines in proptest::collection::vec("[0-9_.\\-]{0,3}(\t[a-z0-9_:=|]{0,4}){0,10}", 0..12)) {
            let text = lines.join("\n");
            for _ in Reader::new(text.as_bytes()) {}
        }
    }
}
