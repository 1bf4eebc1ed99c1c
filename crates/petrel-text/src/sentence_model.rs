//! Where sentences end: a linear model scoring each gap between two words.
//!
//! Punctuation alone is a poor guide in real text: abbreviations end in periods, and web and
//! wire text has headlines, list items and greetings without any. So every gap is scored from
//! the words around it (lower-cased forms, shapes such as "ul" for "Kenya", the whitespace
//! between them, and how long the sentence already is), and a positive score ends the
//! sentence. A blank line always ends one. The weights are learned from UD English EWT train
//! ([`crate::sentence_training`]) and shipped in `models/sentences.tsv`, a plain-text file
//! embedded in the binary: one feature a line, `template<TAB>value<TAB>...<TAB>weight`, values
//! lower-cased (forms never contain whitespace, so tabs separate them unambiguously).
//!
//! Speed: each word's form and shape are hashed once, and a feature's hash combines its
//! template's hash with those, so scoring a gap costs a few table lookups.

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

    /// Reads a model from its text form: `#` comment lines, then one feature a line,
    /// `template<TAB>value<TAB>...<TAB>weight`.
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
            let fields: Vec<&str> = line.split('\t').collect();
            let [template, values @ .., weight] = fields.as_slice() else {
                return Err(error("expected template<TAB>values<TAB>weight"));
            };
            let weight: f32 = weight
                .parse()
                .map_err(|_| error("weight is not a number"))?;
            let values: Vec<Value> = values.iter().map(|v| Value::new(v)).collect();
            weights.insert(feature_hash(template_hash(template), &values), weight);
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

    /// The score of a gap: its features' weights added up in the order they come.
    fn score(&self, gap: &GapContext) -> f32 {
        let mut sink = ScoreSink {
            weights: &self.weights,
            total: 0.0,
        };
        gap.features(&mut sink);
        sink.total
    }

    /// For each word, whether a sentence ends after it. The last word always ends one.
    pub(crate) fn sentence_ends(&self, text: &str, words: &[Word]) -> Vec<bool> {
        let mut ends = vec![false; words.len()];
        let paragraph_ends = paragraph_ends(words);
        let infos = word_infos(text, words);
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
            } else if words[i + 1].clitic
                || header_until.is_some_and(|h| i < h)
                || name_continues(words, &infos, i)
            {
                false
            } else if length >= MAX_SENTENCE_WORDS {
                true
            } else {
                let gap = GapContext {
                    words,
                    infos: &infos,
                    i,
                    length,
                    remaining: paragraph_ends[i] - i,
                };
                self.score(&gap) > 0.0
            };
            if end {
                ends[i] = true;
                length = 0;
            }
        }
        ends
    }
}

/// Whether the space after word `i` lies inside a name: two capitalised words with only spaces
/// between them ("Islamic State", "Prime Minister"). A sentence ending without punctuation
/// before a capitalised word on the same line is rare enough that the model, left to itself,
/// cut "Two Islamic | State suicide bombers".
fn name_continues(words: &[Word], infos: &[WordInfo], i: usize) -> bool {
    // Capitals then small letters: the shape the model's features already computed.
    let title = |k: usize| infos[k].shape.as_str() == "ul";
    words[i + 1].gap == Gap::Space && title(i) && title(i + 1)
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

/// A feature value: its text (to name the feature in the model file) and its hash.
///
/// The text is kept as UTF-8 bytes so that a shape (ASCII bytes) needs no validation to be
/// one: only training reads it, and scoring makes thousands of shape values a story.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Value<'a> {
    pub text: &'a [u8],
    pub hash: u64,
}

impl Value<'_> {
    fn new(text: &str) -> Value<'_> {
        Value {
            text: text.as_bytes(),
            hash: value_hash(text),
        }
    }

    /// A value known when petrel is compiled: `text` must be lower-case ASCII, whose
    /// [`value_hash`] is its plain FNV hash.
    const fn constant(text: &'static str) -> Value<'static> {
        Value {
            text: text.as_bytes(),
            hash: const_fnv(text),
        }
    }
}

/// A feature template: its name (in the model file) and the hash of the name, computed when
/// petrel is compiled rather than for every feature of every gap.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Template {
    pub name: &'static str,
    pub hash: u64,
}

impl Template {
    const fn new(name: &'static str) -> Template {
        Template {
            name,
            hash: const_fnv(name),
        }
    }
}

/// [`fnv`] from the offset basis, for constants.
const fn const_fnv(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut hash = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    hash
}

/// Receives features: a template and the values it combines.
pub(crate) trait FeatureSink {
    fn add(&mut self, template: Template, values: &[Value]);
}

struct ScoreSink<'a> {
    weights: &'a Weights,
    total: f32,
}

impl FeatureSink for ScoreSink<'_> {
    fn add(&mut self, template: Template, values: &[Value]) {
        if let Some(w) = self.weights.get(&feature_hash(template.hash, values)) {
            self.total += w;
        }
    }
}

/// What the features use of one word, computed once per word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordInfo<'t> {
    /// The form, or `<long>` for forms over 20 bytes (URLs, hashes: their shape says enough).
    form: &'t str,
    form_hash: u64,
    shape: Shape,
    shape_hash: u64,
}

impl<'t> WordInfo<'t> {
    fn new(form: &'t str) -> WordInfo<'t> {
        let shape = Shape::of(form);
        let form = if form.len() <= 20 { form } else { "<long>" };
        WordInfo {
            form,
            form_hash: value_hash(form),
            shape,
            shape_hash: value_hash(shape.as_str()),
        }
    }

    fn form(&self) -> Value<'_> {
        Value {
            text: self.form.as_bytes(),
            hash: self.form_hash,
        }
    }

    fn shape(&self) -> Value<'_> {
        Value {
            text: self.shape.as_bytes(),
            hash: self.shape_hash,
        }
    }
}

pub(crate) fn word_infos<'t>(text: &'t str, words: &[Word]) -> Vec<WordInfo<'t>> {
    words
        .iter()
        .map(|w| WordInfo::new(&text[w.start..w.end]))
        .collect()
}

/// The gap after word `i`, with what the features need to know about its surroundings.
pub(crate) struct GapContext<'a, 't> {
    pub words: &'a [Word],
    pub infos: &'a [WordInfo<'t>],
    /// The gap follows this word; `i + 1 < words.len()`.
    pub i: usize,
    /// Words in the sentence so far, including word `i`.
    pub length: usize,
    /// Words left in the paragraph after word `i`.
    pub remaining: usize,
}

impl GapContext<'_, '_> {
    /// The word before word `i`, or a marker when `i` starts its paragraph.
    fn previous(&self) -> WordInfo<'_> {
        if self.i == 0 || self.words[self.i].gap == Gap::Paragraph {
            WordInfo::new("<p>")
        } else {
            self.infos[self.i - 1]
        }
    }

    /// The word two after word `i`, or a marker past the end of the paragraph.
    fn after_next(&self) -> WordInfo<'_> {
        if self.remaining >= 2 {
            self.infos[self.i + 2]
        } else {
            WordInfo::new("</p>")
        }
    }

    /// Emits this gap's features into `sink`.
    ///
    /// Generic over the sink (rather than through a trait object) so that scoring, which runs
    /// for every gap of every story, makes its lookups without a call for each feature.
    #[inline]
    pub(crate) fn features(&self, sink: &mut impl FeatureSink) {
        let (p, w, n, n2) = (
            self.previous(),
            self.infos[self.i],
            self.infos[self.i + 1],
            self.after_next(),
        );
        let gap = match self.words[self.i + 1].gap {
            Gap::None => Value::constant("none"),
            Gap::Space => Value::constant("space"),
            Gap::Newline | Gap::Paragraph => Value::constant("newline"),
        };
        let (length, remaining) = (bucket(self.length), bucket(self.remaining));
        sink.add(T_B, &[]);
        sink.add(T_W, &[w.form()]);
        sink.add(T_P, &[p.form()]);
        sink.add(T_N, &[n.form()]);
        sink.add(T_WS, &[w.shape()]);
        sink.add(T_PS, &[p.shape()]);
        sink.add(T_NS, &[n.shape()]);
        sink.add(T_N2S, &[n2.shape()]);
        sink.add(T_G, &[gap]);
        sink.add(T_W_NS, &[w.form(), n.shape()]);
        sink.add(T_WS_N, &[w.shape(), n.form()]);
        sink.add(T_W_N, &[w.form(), n.form()]);
        sink.add(T_WS_NS_G, &[w.shape(), n.shape(), gap]);
        sink.add(T_PW, &[p.form(), w.form()]);
        sink.add(T_PS_WS_NS, &[p.shape(), w.shape(), n.shape()]);
        sink.add(T_WS_NS_N2S, &[w.shape(), n.shape(), n2.shape()]);
        sink.add(T_LEN, &[length]);
        sink.add(T_REM, &[remaining]);
        sink.add(T_LEN_WS, &[length, w.shape()]);
        if let Some(stem) = w.form.strip_suffix('.').filter(|s| !s.is_empty()) {
            if is_abbreviation(stem) || is_initialism(stem) {
                sink.add(T_ABBR_NS, &[n.shape()]);
            }
        }
    }
}

/// The templates of [`GapContext::features`].
const T_B: Template = Template::new("b");
const T_W: Template = Template::new("w");
const T_P: Template = Template::new("p");
const T_N: Template = Template::new("n");
const T_WS: Template = Template::new("ws");
const T_PS: Template = Template::new("ps");
const T_NS: Template = Template::new("ns");
const T_N2S: Template = Template::new("n2s");
const T_G: Template = Template::new("g");
const T_W_NS: Template = Template::new("w.ns");
const T_WS_N: Template = Template::new("ws.n");
const T_W_N: Template = Template::new("w.n");
const T_WS_NS_G: Template = Template::new("ws.ns.g");
const T_PW: Template = Template::new("pw");
const T_PS_WS_NS: Template = Template::new("ps.ws.ns");
const T_WS_NS_N2S: Template = Template::new("ws.ns.n2s");
const T_LEN: Template = Template::new("len");
const T_REM: Template = Template::new("rem");
const T_LEN_WS: Template = Template::new("len.ws");
const T_ABBR_NS: Template = Template::new("abbr.ns");

fn bucket(n: usize) -> Value<'static> {
    match n {
        0 => Value::constant("0"),
        1 => Value::constant("1"),
        2 => Value::constant("2"),
        3 => Value::constant("3"),
        4..=5 => Value::constant("4-5"),
        6..=10 => Value::constant("6-10"),
        11..=20 => Value::constant("11-20"),
        21..=40 => Value::constant("21-40"),
        _ => Value::constant("41+"),
    }
}

/// A word's shape: "u" for an upper-case letter, "l" lower-case, "d" digit, "o" any other
/// non-ASCII character, ASCII punctuation as itself; runs collapsed, at most 5 long; "_" for
/// the paragraph-edge markers. Letters are lower-case so that the shape survives the
/// lower-casing of feature values.
#[derive(Clone, Copy, Debug)]
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
        if matches!(form, "<p>" | "</p>") {
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

    /// The shape's characters, all ASCII.
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
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

/// The hash of a value, lower-cased: FNV-1a over the bytes of its lower-case form.
fn value_hash(value: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    if value.is_ascii() {
        for b in value.bytes() {
            hash ^= u64::from(b.to_ascii_lowercase());
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    } else {
        let mut buf = [0u8; 4];
        for c in value.chars().flat_map(char::to_lowercase) {
            hash = fnv(hash, c.encode_utf8(&mut buf).as_bytes());
        }
    }
    hash
}

/// The hash of a feature: its template's (see [`template_hash`]), then each value's, mixed in
/// order.
pub(crate) fn feature_hash(template_hash: u64, values: &[Value]) -> u64 {
    let mut hash = template_hash;
    for value in values {
        hash = (hash ^ value.hash)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(31);
    }
    hash
}

/// The hash of a template name read from a model file (as [`Template`] computes it).
pub(crate) fn template_hash(name: &str) -> u64 {
    fnv(FNV_OFFSET, name.as_bytes())
}

/// The name of a feature as written in the model file: template and lower-cased values,
/// tab-separated.
pub(crate) fn feature_name(template: &str, values: &[Value]) -> String {
    let mut name = template.to_string();
    for value in values {
        name.push('\t');
        let text = String::from_utf8_lossy(value.text);
        name.extend(text.chars().flat_map(char::to_lowercase));
    }
    name
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
        for values in [
            &["Kenya", "ul"][..],
            &["ÉTÉ"],
            &[],
            &["n't", "."],
            &["|", "a|b"],
        ] {
            let values: Vec<Value> = values.iter().map(|v| Value::new(v)).collect();
            let line = format!("{}\t1.5\n", feature_name("w.ns", &values));
            let model = SentenceModel::parse(&line).unwrap();
            assert_eq!(
                model.weights.get(&feature_hash(T_W_NS.hash, &values)),
                Some(&1.5),
                "{line}"
            );
        }
    }

    #[test]
    fn constants_hash_as_values_read_from_a_file() {
        for text in ["none", "newline", "41+", "6-10"] {
            assert_eq!(Value::constant(text).hash, Value::new(text).hash);
        }
        assert_eq!(T_PS_WS_NS.hash, template_hash("ps.ws.ns"));
    }

    #[test]
    fn shapes() {
        let shape = |s: &str| Shape::of(s).as_str().to_string();
        assert_eq!(shape("Kenya"), "ul");
        assert_eq!(shape("U.S."), "u.u.");
        assert_eq!(shape("5.2"), "d.d");
        assert_eq!(shape("<p>"), "_");
        assert_eq!(shape("a<p>"), "l<l>");
        assert_eq!(shape("“"), "o");
    }

    #[test]
    fn two_capitalised_words_on_a_line_are_one_name() {
        let texts: Vec<Option<String>> =
            crate::segment::segment("Two Islamic State fighters attacked.")
                .iter()
                .map(|s| s.text.clone())
                .collect();
        assert_eq!(
            texts,
            [Some("Two Islamic State fighters attacked.".to_string())]
        );
        // A line break between them may still end a headline.
        let headline = crate::segment::segment("Two Killed\nPolice said two men died.");
        assert_eq!(headline.len(), 2);
    }

    #[test]
    fn malformed_model_names_the_line() {
        let e = SentenceModel::parse("# c\nb\t1.0\nw x 2\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = SentenceModel::parse("b\tlots\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }
}
