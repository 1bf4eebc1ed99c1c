//! Reading pretrained word vectors for the neural parser's frozen table.
//!
//! The format is GloVe's text format, which most published vectors use or convert to: one
//! word a line, then its values, separated by spaces. The file is expected in descending
//! frequency (GloVe's and word2vec's own order), so that the first `limit` lines are the words
//! most worth their space in the model. Words are keyed as the parser looks them up, by the
//! hash of their lower-cased form; of two lines with the same key the first is kept.

use std::collections::HashSet;
use std::io::BufRead;

use crate::lexeme::{Lexeme, Scratch};

/// Vectors read from a file: `keys[i]`'s vector is `values[i * dim..][..dim]`.
#[derive(Clone, Debug, Default)]
pub struct Pretrained {
    pub keys: Vec<u64>,
    pub dim: usize,
    pub values: Vec<f32>,
}

#[derive(Debug, thiserror::Error)]
pub enum VectorsError {
    #[error("{file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}, line {line}: {message}")]
    Format {
        file: String,
        line: usize,
        message: String,
    },
}

impl Pretrained {
    /// Reads up to `limit` distinct words from `input` (named `file` in errors).
    pub fn read(input: impl BufRead, file: &str, limit: usize) -> Result<Pretrained, VectorsError> {
        let mut out = Pretrained::default();
        let mut seen = HashSet::new();
        let mut scratch = Scratch::default();
        for (i, line) in input.lines().enumerate() {
            if out.keys.len() >= limit {
                break;
            }
            let line = line.map_err(|source| VectorsError::Io {
                file: file.to_string(),
                source,
            })?;
            let error = |message: String| VectorsError::Format {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let mut fields = line.split(' ');
            let word = fields.next().unwrap_or_default();
            if word.is_empty() {
                return Err(error("no word at the start of the line".into()));
            }
            let start = out.values.len();
            for f in fields {
                let v: f32 = f
                    .parse()
                    .map_err(|_| error(format!("{f:?} is not a number")))?;
                out.values.push(v);
            }
            let dim = out.values.len() - start;
            if out.dim == 0 {
                out.dim = dim;
            }
            if dim == 0 || dim != out.dim {
                return Err(error(format!(
                    "{dim} values where {} were expected",
                    out.dim
                )));
            }
            let key = Lexeme::new(word, &mut scratch).lower;
            if seen.insert(key) {
                out.keys.push(key);
            } else {
                out.values.truncate(start);
            }
        }
        if out.keys.is_empty() {
            return Err(VectorsError::Format {
                file: file.to_string(),
                line: 0,
                message: "no vectors in the file".into(),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_in_order_up_to_the_limit() {
        let text = "the 0.5 -1\nThe 9 9\n, 0.25 2\nof 1 1\n";
        let v = Pretrained::read(text.as_bytes(), "v.txt", 2).unwrap();
        let mut scratch = Scratch::default();
        let mut key = |w: &str| Lexeme::new(w, &mut scratch).lower;
        assert_eq!(v.dim, 2);
        // "The" is "the" again: skipped, and not counted against the limit.
        assert_eq!(v.keys, vec![key("the"), key(",")]);
        assert_eq!(v.values, vec![0.5, -1.0, 0.25, 2.0]);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = Pretrained::read("a 1 2\nb 1\n".as_bytes(), "v.txt", 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "v.txt, line 2: 1 values where 2 were expected"
        );
        let e = Pretrained::read("a 1 x\n".as_bytes(), "v.txt", 10).unwrap_err();
        assert_eq!(e.to_string(), "v.txt, line 1: \"x\" is not a number");
        assert!(Pretrained::read("".as_bytes(), "v.txt", 10).is_err());
    }
}
