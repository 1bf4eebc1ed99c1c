//! Where sentences end: a linear model scoring each gap between two words.
//!
//! Punctuation alone is a poor guide in real text: abbreviations end in periods, and web and
//! wire text has headlines, list items and greetings without any. So every gap is scored from
//! the words around it (lower-cased forms, shapes such as "ul" for "Kenya", the whitespace
//! between them, and how long the sentence already is), and a positive score ends the
//! sentence. A blank line always ends one. The weights are learned from UD English EWT train
//! ([`crate::sentence_training`]) and shipped in `models/sentences.tsv`, a plain-text file of
//! `feature<TAB>weight` lines embedded in the binary.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::abbreviation::{is_abbreviation, is_initialism};
use crate::tokenize::{Gap, Word};

/// The model petrel ships with, trained on UD English EWT.
const EMBEDDED: &str = include_str!("../../../models/sentences.tsv");

/// Sentences longer than this are cut, so that text without punctuation (a log dump, a table)
/// still reaches the tagger and parser in pieces they can handle.
pub(crate) const MAX_SENTENCE_WORDS: usize = 250;

/// Feature weights keyed by feature hash.
type Weights = HashMap<u64, f32, BuildHasherDefault<PreHashed>>;

/// Keys are already hashes: a final multiply-shift mix is all the table needs, and much
/// cheaper than the default SipHash on a path run for every feature of every gap.
#[derive(Default)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        let x = self.0 ^ (self.0 >> 29);
        x.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0 ^ FNV_OFFSET, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A learned sentence-boundary model.
#[derive(Clone, Debug, Default)]
pub struct SentenceModel {
    weights: Weights,
}

/// A malformed model file, naming the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sentence model line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ModelError {}

impl SentenceModel {
    /// The model embedded in petrel, parsed once.
    pub fn embedded() -> &'static SentenceModel {
        static MODEL: OnceLock<SentenceModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            SentenceModel::parse(EMBEDDED)
                .expect("the embedded sentence model is checked by a unit test")
        })
    }

    /// Reads a model from its text form: `#` comment lines, then `feature<TAB>weight` lines.
    pub fn parse(text: &str) -> Result<SentenceModel, ModelError> {
        let mut weights = Weights::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| ModelError {
                line: n + 1,
                message: message.to_string(),
            };
            let (key, weight) = line
                .split_once('\t')
                .ok_or_else(|| error("expected feature<TAB>weight"))?;
            let weight: f32 = weight
                .parse()
                .map_err(|_| error("weight is not a number"))?;
            weights.insert(hash_key(key), weight);
        }
        Ok(SentenceModel { weights })
    }

    /// How many features carry a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    fn score(&self, features: &mut dyn FnMut(&mut dyn FeatureSink)) -> f32 {
        let mut sink = ScoreSink {
            weights: &self.weights,
            total: 0.0,
        };
        features(&mut sink);
        sink.total
    }

    /// For each word, whether a sentence ends after it. The last word always ends one.
    pub(crate) fn sentence_ends(&self, text: &str, words: &[Word]) -> Vec<bool> {
        let mut ends = vec![false; words.len()];
        let paragraph_ends = paragraph_ends(words);
        let mut length = 0;
        let mut header_until = None;
        for i in 0..words.len() {
            length += 1;
            // A header opens a paragraph, or follows another (a byline, then a dateline).
            if words[i].gap == Gap::Paragraph || (i > 0 && header_until == Some(i - 1)) {
                header_until = crate::dateline::header_end(text, words, i);
            }
            let last_in_paragraph = paragraph_ends[i] == i;
            let end = if last_in_paragraph || header_until == Some(i) {
                true
            } else if words[i + 1].clitic || header_until.is_some_and(|h| i < h) {
                false
            } else if length >= MAX_SENTENCE_WORDS {
                true
            } else {
                let gap = GapContext {
                    text,
                    words,
                    i,
                    length,
                    remaining: paragraph_ends[i] - i,
                };
                self.score(&mut |sink| gap.features(sink)) > 0.0
            };
            if end {
                ends[i] = true;
                length = 0;
            }
        }
        ends
    }
}

/// For each word, the index of the last word of its paragraph.
pub(crate) fn paragraph_ends(words: &[Word]) -> Vec<usize> {
    let mut ends = vec![0; words.len()];
    let mut end = words.len().saturating_sub(1);
    for i in (0..words.len()).rev() {
        if i + 1 < words.len() && words[i + 1].gap == Gap::Paragraph {
            end = i;
        }
        ends[i] = end;
    }
    ends
}

/// Receives features: a template name and the values it combines.
pub(crate) trait FeatureSink {
    fn add(&mut self, template: &str, values: &[&str]);
}

struct ScoreSink<'a> {
    weights: &'a Weights,
    total: f32,
}

impl FeatureSink for ScoreSink<'_> {
    fn add(&mut self, template: &str, values: &[&str]) {
        if let Some(w) = self.weights.get(&hash_feature(template, values)) {
            self.total += w;
        }
    }
}

/// The gap after word `i`, with what the features need to know about its surroundings.
pub(crate) struct GapContext<'a> {
    pub text: &'a str,
    pub words: &'a [Word],
    /// The gap follows this word; `i + 1 < words.len()`.
    pub i: usize,
    /// Words in the sentence so far, including word `i`.
    pub length: usize,
    /// Words left in the paragraph after word `i`.
    pub remaining: usize,
}

impl GapContext<'_> {
    fn form(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.text[w.start..w.end]
    }

    /// The word before word `i`, or a marker when `i` starts its paragraph.
    fn previous(&self) -> &str {
        if self.i == 0 || self.words[self.i].gap == Gap::Paragraph {
            "<p>"
        } else {
            self.form(self.i - 1)
        }
    }

    /// The word two after word `i`, or a marker past the end of the paragraph.
    fn after_next(&self) -> &str {
        if self.remaining >= 2 {
            self.form(self.i + 2)
        } else {
            "</p>"
        }
    }

    /// Emits this gap's features into `sink`.
    pub(crate) fn features(&self, sink: &mut dyn FeatureSink) {
        let (p, w, n, n2) = (
            self.previous(),
            self.form(self.i),
            self.form(self.i + 1),
            self.after_next(),
        );
        let (sp, sw, sn, sn2) = (Shape::of(p), Shape::of(w), Shape::of(n), Shape::of(n2));
        let (sp, sw, sn, sn2) = (sp.as_str(), sw.as_str(), sn.as_str(), sn2.as_str());
        let gap = match self.words[self.i + 1].gap {
            Gap::None => "none",
            Gap::Space => "space",
            Gap::Newline | Gap::Paragraph => "newline",
        };
        sink.add("b", &[]);
        sink.add("w", &[short(w)]);
        sink.add("p", &[short(p)]);
        sink.add("n", &[short(n)]);
        sink.add("ws", &[sw]);
        sink.add("ps", &[sp]);
        sink.add("ns", &[sn]);
        sink.add("n2s", &[sn2]);
        sink.add("g", &[gap]);
        sink.add("w.ns", &[short(w), sn]);
        sink.add("ws.n", &[sw, short(n)]);
        sink.add("w.n", &[short(w), short(n)]);
        sink.add("ws.ns.g", &[sw, sn, gap]);
        sink.add("pw", &[short(p), short(w)]);
        sink.add("ps.ws.ns", &[sp, sw, sn]);
        sink.add("ws.ns.n2s", &[sw, sn, sn2]);
        sink.add("len", &[bucket(self.length)]);
        sink.add("rem", &[bucket(self.remaining)]);
        sink.add("len.ws", &[bucket(self.length), sw]);
        if let Some(stem) = w.strip_suffix('.').filter(|s| !s.is_empty()) {
            if is_abbreviation(stem) || is_initialism(stem) {
                sink.add("abbr.ns", &[sn]);
            }
        }
    }
}

/// Long forms (URLs, hashes) say nothing a shape does not.
fn short(form: &str) -> &str {
    if form.len() <= 20 {
        form
    } else {
        "<long>"
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}

/// A word's shape: "u" for an upper-case letter, "l" lower-case, "d" digit, "o" any other
/// non-ASCII character, ASCII punctuation as itself; runs collapsed, at most 5 long. The
/// letters are lower-case so that the shape survives the lower-casing of feature values.
struct Shape {
    bytes: [u8; 5],
    len: usize,
}

impl Shape {
    fn of(form: &str) -> Shape {
        let mut shape = Shape {
            bytes: [0; 5],
            len: 0,
        };
        if form.starts_with('<') && form.ends_with('>') && form.len() > 2 {
            shape.push(b'_');
            return shape;
        }
        for c in form.chars() {
            let b = if c.is_uppercase() {
                b'u'
            } else if c.is_lowercase() {
                b'l'
            } else if c.is_numeric() {
                b'd'
            } else if c.is_ascii_punctuation() {
                c as u8
            } else {
                b'o'
            };
            if shape.len > 0 && shape.bytes[shape.len - 1] == b {
                continue;
            }
            if shape.len == shape.bytes.len() {
                break;
            }
            shape.push(b);
        }
        shape
    }

    fn push(&mut self, b: u8) {
        self.bytes[self.len] = b;
        self.len += 1;
    }

    fn as_str(&self) -> &str {
        // Only ASCII bytes are pushed.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// The hash of a feature: the bytes of `template=value1|value2`, values lower-cased, so that
/// it equals [`hash_key`] of the feature's name as written in the model file.
pub(crate) fn hash_feature(template: &str, values: &[&str]) -> u64 {
    let mut hash = fnv(FNV_OFFSET, template.as_bytes());
    hash = fnv(hash, b"=");
    let mut buf = [0u8; 4];
    for (k, value) in values.iter().enumerate() {
        if k > 0 {
            hash = fnv(hash, b"|");
        }
        if value.is_ascii() {
            for b in value.bytes() {
                hash ^= u64::from(b.to_ascii_lowercase());
                hash = hash.wrapping_mul(FNV_PRIME);
            }
        } else {
            for c in value.chars().flat_map(char::to_lowercase) {
                hash = fnv(hash, c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    hash
}

/// The name of a feature as written in the model file (`template=value1|value2`, lower-cased).
pub(crate) fn feature_name(template: &str, values: &[&str]) -> String {
    let mut name = format!("{template}=");
    for (k, value) in values.iter().enumerate() {
        if k > 0 {
            name.push('|');
        }
        name.extend(value.chars().flat_map(char::to_lowercase));
    }
    name
}

fn hash_key(key: &str) -> u64 {
    fnv(FNV_OFFSET, key.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_parses_and_is_not_empty() {
        let model = SentenceModel::parse(EMBEDDED).unwrap();
        assert!(model.len() > 100, "{} features", model.len());
    }

    #[test]
    fn feature_hash_matches_the_written_name() {
        for values in [&["Kenya", "ul"][..], &["ÉTÉ"], &[], &["n't", "."]] {
            let name = feature_name("w.ns", values);
            assert_eq!(hash_key(&name), hash_feature("w.ns", values), "{name}");
        }
    }

    #[test]
    fn shapes() {
        let shape = |s: &str| Shape::of(s).as_str().to_string();
        assert_eq!(shape("Kenya"), "ul");
        assert_eq!(shape("U.S."), "u.u.");
        assert_eq!(shape("5.2"), "d.d");
        assert_eq!(shape("<p>"), "_");
        assert_eq!(shape("“"), "o");
    }

    #[test]
    fn malformed_model_names_the_line() {
        let e = SentenceModel::parse("# c\nb=\t1.0\nw=x 2\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = SentenceModel::parse("b=\tlots\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }
}
