//! The lemmatizer, learned from the training data.
//!
//! A lemma is stored as an *edit* of its form: optionally lower-case it, strip some final
//! characters, append a string (`forces` → strip 1; `went` → strip 4, append `go`). Known
//! (form, UPOS, XPOS) triples look their edit up (XPOS matters: `her` is `she` as PRP but `her`
//! as PRP$ in EWT); unknown ones take the most frequent edit of the longest lower-case suffix
//! seen with that UPOS in training (by at least two words), counted over word types, since
//! unseen words behave like rare words, not like frequent ones. Whether a UPOS lower-cases its
//! lemmas (EWT: everything but proper nouns, in the main) is learned too, by word types so that
//! one frequent word (`I`) does not decide for a whole class. When the longest suffix's edit
//! gives a lemma never seen in training and a shorter suffix's gives a known one, the known one
//! wins (`shelled`: `shel` from `-elled` as in `travelled`, `shell` from `-led`). A rule never
//! strips more than the suffix it is learned for, and words whose lemma has capitals teach
//! rules to keep the case (`Canadian`, so that an unseen `Cambodian` stays as it is).

use std::borrow::Cow;
use std::collections::HashMap;

use petrel_text::Sentence;

use crate::hashing::{hash_str, key, HashedMap};
use crate::model_io::{ModelError, ModelReader, ModelWriter};

const MAGIC: &[u8] = b"petrel lemmatizer v3\n";
/// Longest suffix (in characters) that rules look at.
const MAX_SUFFIX: usize = 5;

/// One way of turning a form into its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Edit {
    lower: bool,
    strip: u16,
    append: String,
}

impl Edit {
    /// The edit that turns `form` into `lemma`, lower-casing first or not.
    fn between(form: &str, lemma: &str, lower: bool) -> Edit {
        let base = if lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let common = base
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let base_chars = base.chars().count();
        Edit {
            lower,
            strip: (base_chars - common).min(usize::from(u16::MAX)) as u16,
            append: lemma.chars().skip(common).collect(),
        }
    }

    /// The cheaper of the two edits (keeping case on a tie).
    fn best(form: &str, lemma: &str) -> Edit {
        let keep = Edit::between(form, lemma, false);
        let lower = Edit::between(form, lemma, true);
        let cost = |e: &Edit| usize::from(e.strip) + e.append.chars().count();
        if cost(&lower) < cost(&keep) {
            lower
        } else {
            keep
        }
    }

    /// Applies the edit to `form`, writing into `out`; false if the form is too short.
    fn apply(&self, form: &str, out: &mut String) -> bool {
        out.clear();
        if self.lower && !form.is_ascii() {
            out.extend(form.chars().flat_map(char::to_lowercase));
        } else {
            out.push_str(form);
            if self.lower {
                out.make_ascii_lowercase();
            }
        }
        let strip = usize::from(self.strip);
        let ascii = out.is_ascii();
        let chars = if ascii {
            out.len()
        } else {
            out.chars().count()
        };
        if strip > chars || (strip == chars && self.append.is_empty()) {
            return false;
        }
        let cut = if ascii {
            chars - strip
        } else {
            out.char_indices()
                .nth(chars - strip)
                .map_or(out.len(), |(i, _)| i)
        };
        out.truncate(cut);
        out.push_str(&self.append);
        true
    }
}

/// A trained lemmatizer.
#[derive(Clone, Debug, PartialEq)]
pub struct Lemmatizer {
    edits: Vec<Edit>,
    /// key(form, UPOS, XPOS) → edit.
    known: HashedMap<u32>,
    /// key(lower-case form, UPOS) → edit, for known words met in another case.
    known_lower: HashedMap<u32>,
    /// key(UPOS, lower-case suffix) → edit; the empty suffix is each UPOS's default.
    rules: HashedMap<u32>,
    /// UPOS hashes whose lemmas are lower-cased.
    lowering: Vec<u64>,
    /// Hashes of every lemma in the training data, sorted.
    vocabulary: Vec<u64>,
}

fn known_key(form: &str, tag: u64) -> u64 {
    key(300, &[hash_str(form), tag])
}

/// The hash of a (UPOS, XPOS) pair.
fn tag_key(upos: u64, xpos: &str) -> u64 {
    key(302, &[upos, hash_str(xpos)])
}

/// Rules need this many word types behind them (the empty suffix, each UPOS's default, none).
const RULE_MIN_TYPES: u32 = 2;

fn rule_key(upos: u64, suffix: &str) -> u64 {
    key(301, &[upos, hash_str(suffix)])
}

/// Suffixes of `lower` from the longest considered down to the empty one.
fn suffixes(lower: &str) -> impl Iterator<Item = &str> {
    // Where the last one, two, ... characters start.
    let mut starts = [0usize; MAX_SUFFIX];
    let mut n = 0;
    for ((i, _), start) in lower.char_indices().rev().zip(&mut starts) {
        *start = i;
        n += 1;
    }
    (0..=n)
        .rev()
        .map(move |k| if k == 0 { "" } else { &lower[starts[k - 1]..] })
}

impl Lemmatizer {
    /// Learns from gold-annotated sentences.
    pub fn train(sentences: &[Sentence]) -> Lemmatizer {
        let mut edit_ids: HashMap<Edit, u32> = HashMap::new();
        let mut edits = Vec::new();
        let mut id_of = |e: Edit| {
            *edit_ids.entry(e.clone()).or_insert_with(|| {
                edits.push(e);
                (edits.len() - 1) as u32
            })
        };
        let mut known_counts: HashMap<u64, HashMap<u32, u32>> = HashMap::new();
        let mut lower_counts: HashMap<u64, HashMap<u32, u32>> = HashMap::new();
        let mut types: HashMap<(&str, &str, &str), ()> = HashMap::new();
        for t in sentences.iter().flat_map(|s| &s.tokens) {
            if t.lemma.is_empty() {
                continue;
            }
            let upos = hash_str(&t.upos);
            let edit = id_of(Edit::best(&t.form, &t.lemma));
            *known_counts
                .entry(known_key(&t.form, tag_key(upos, &t.xpos)))
                .or_default()
                .entry(edit)
                .or_default() += 1;
            let lower = t.form.to_lowercase();
            let lower_edit = id_of(Edit::between(&lower, &t.lemma, false));
            *lower_counts
                .entry(known_key(&lower, upos))
                .or_default()
                .entry(lower_edit)
                .or_default() += 1;
            types.insert((&t.form, &t.upos, &t.lemma), ());
        }
        let mut type_list: Vec<_> = types.into_keys().collect();
        type_list.sort_unstable();
        // Per UPOS: word types with upper-case letters whose lemma is lower-cased, and those
        // whose lemma keeps them.
        let mut casing: HashMap<&str, (u32, u32)> = HashMap::new();
        for &(form, upos, lemma) in &type_list {
            if form.to_lowercase() != form {
                let c = casing.entry(upos).or_default();
                if lemma.to_lowercase() == lemma {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
            }
        }
        let mut lowering: Vec<u64> = casing
            .iter()
            .filter(|(_, (lower, keep))| lower > keep)
            .map(|(upos, _)| hash_str(upos))
            .collect();
        lowering.sort_unstable();
        let mut vocabulary: Vec<u64> = type_list.iter().map(|(_, _, l)| hash_str(l)).collect();
        vocabulary.sort_unstable();
        vocabulary.dedup();
        let mut rule_counts: HashMap<u64, HashMap<u32, u32>> = HashMap::new();
        let mut defaults = Vec::new();
        for (form, upos, lemma) in type_list {
            let upos_hash = hash_str(upos);
            // A lemma with capitals (`Canadian` as an adjective) keeps the form's case even in
            // a class that lower-cases: lower-casing first would make its edit a rewrite of
            // the whole word, and suffix rules learn that such words keep their case.
            let lower = lowering.binary_search(&upos_hash).is_ok() && !has_upper(lemma);
            let edit = Edit::between(form, lemma, lower);
            let strip = usize::from(edit.strip);
            let edit = id_of(edit);
            defaults.push(rule_key(upos_hash, ""));
            let lower_form = form.to_lowercase();
            // A suffix rule rewrites only the characters it looked at: an edit that strips
            // more (`went` → `go` under `-nt`) would graft part of another word onto an unseen
            // one (`Cambodian` → `cCanadian` from `canadian` → `Canadian` under `-dian`).
            let seen = suffixes(&lower_form).filter(|s| s.chars().count() >= strip);
            for suffix in seen {
                *rule_counts
                    .entry(rule_key(upos_hash, suffix))
                    .or_default()
                    .entry(edit)
                    .or_default() += 1;
            }
        }
        defaults.sort_unstable();
        rule_counts.retain(|k, edits| {
            defaults.binary_search(k).is_ok() || edits.values().max() >= Some(&RULE_MIN_TYPES)
        });
        Lemmatizer {
            edits,
            known: most_frequent(known_counts),
            known_lower: most_frequent(lower_counts),
            rules: most_frequent(rule_counts),
            lowering,
            vocabulary,
        }
    }

    /// Writes the lemma of `form` tagged `upos` and `xpos` into `out`.
    pub fn lemmatize(&self, form: &str, upos: &str, xpos: &str, out: &mut String) {
        let upos_hash = hash_str(upos);
        if let Some(&e) = self.known.get(&known_key(form, tag_key(upos_hash, xpos))) {
            if self.edits[e as usize].apply(form, out) {
                return;
            }
        }
        let lowering = self.lowering.binary_search(&upos_hash).is_ok();
        let lower: Cow<str> = if form
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Cow::Borrowed(form)
        } else {
            Cow::Owned(form.to_lowercase())
        };
        if lowering {
            if let Some(&e) = self.known_lower.get(&known_key(&lower, upos_hash)) {
                if self.edits[e as usize].apply(&lower, out) {
                    return;
                }
            }
        }
        // The edit of the longest suffix that applies, kept if no edit gives a known lemma.
        let mut longest = None;
        for suffix in suffixes(&lower) {
            if let Some(&e) = self.rules.get(&rule_key(upos_hash, suffix)) {
                if self.edits[e as usize].apply(form, out) {
                    if self.vocabulary.binary_search(&hash_str(out)).is_ok() {
                        return;
                    }
                    longest.get_or_insert(e);
                }
            }
        }
        if let Some(e) = longest {
            self.edits[e as usize].apply(form, out);
            return;
        }
        out.clear();
        if lowering {
            out.push_str(&lower);
        } else {
            out.push_str(form);
        }
    }

    pub fn save(&self, w: &mut ModelWriter) {
        w.raw(MAGIC);
        w.u32(self.edits.len() as u32);
        for e in &self.edits {
            w.u8(u8::from(e.lower));
            w.u16(e.strip);
            w.str(&e.append);
        }
        for map in [&self.known, &self.known_lower, &self.rules] {
            let mut keys: Vec<&u64> = map.keys().collect();
            keys.sort_unstable();
            w.u32(keys.len() as u32);
            for k in keys {
                w.u64(*k);
                w.u32(map[k]);
            }
        }
        for list in [&self.lowering, &self.vocabulary] {
            w.u32(list.len() as u32);
            for &u in list {
                w.u64(u);
            }
        }
    }

    pub fn load(r: &mut ModelReader) -> Result<Lemmatizer, ModelError> {
        r.expect_magic(MAGIC)?;
        let n = r.u32()? as usize;
        let mut edits = Vec::with_capacity(n.min(r.remaining() / 7));
        for _ in 0..n {
            edits.push(Edit {
                lower: r.u8()? != 0,
                strip: r.u16()?,
                append: r.str()?,
            });
        }
        let mut maps = Vec::new();
        for _ in 0..3 {
            let m = r.u32()? as usize;
            let mut map = HashedMap::default();
            map.reserve(m.min(r.remaining() / 12));
            for _ in 0..m {
                let k = r.u64()?;
                let e = r.u32()?;
                if e as usize >= edits.len() {
                    return Err(r.corrupt("lemma edit out of range"));
                }
                map.insert(k, e);
            }
            maps.push(map);
        }
        let mut lists = Vec::new();
        for _ in 0..2 {
            let m = r.u32()? as usize;
            let mut list = Vec::with_capacity(m.min(r.remaining() / 8));
            for _ in 0..m {
                list.push(r.u64()?);
            }
            list.sort_unstable();
            lists.push(list);
        }
        let vocabulary = lists.pop().expect("two lists");
        let lowering = lists.pop().expect("two lists");
        let rules = maps.pop().expect("three maps");
        let known_lower = maps.pop().expect("three maps");
        let known = maps.pop().expect("three maps");
        Ok(Lemmatizer {
            edits,
            known,
            known_lower,
            rules,
            lowering,
            vocabulary,
        })
    }
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// For each key, its most frequent edit (ties to the lower edit number).
fn most_frequent(counts: HashMap<u64, HashMap<u32, u32>>) -> HashedMap<u32> {
    counts
        .into_iter()
        .map(|(k, edits)| {
            let best = edits
                .into_iter()
                .max_by_key(|&(e, c)| (c, std::cmp::Reverse(e)))
                .map(|(e, _)| e)
                .expect("counted at least once");
            (k, best)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use petrel_text::Token;

    fn sentence(words: &[(&str, &str, &str)]) -> Sentence {
        Sentence {
            tokens: words
                .iter()
                .map(|&(form, lemma, tag)| {
                    let (upos, xpos) = tag.split_once('/').unwrap_or((tag, ""));
                    Token {
                        form: form.into(),
                        lemma: lemma.into(),
                        upos: upos.into(),
                        xpos: xpos.into(),
                        ..Token::default()
                    }
                })
                .collect(),
            ..Sentence::default()
        }
    }

    fn lemma(l: &Lemmatizer, form: &str, tag: &str) -> String {
        let (upos, xpos) = tag.split_once('/').unwrap_or((tag, ""));
        let mut out = String::new();
        l.lemmatize(form, upos, xpos, &mut out);
        out
    }

    #[test]
    fn edits_strip_append_and_lower() {
        let mut out = String::new();
        let e = Edit::best("Forces", "force");
        assert!(e.lower && e.strip == 1 && e.append.is_empty());
        assert!(e.apply("Talks", &mut out));
        assert_eq!(out, "talk");
        let e = Edit::best("went", "go");
        assert!(e.apply("went", &mut out));
        assert_eq!(out, "go");
        assert!(!Edit::best("went", "go").apply("at", &mut out));
        let e = Edit::best("naïves", "naïve");
        assert!(e.apply("cafés", &mut out));
        assert_eq!(out, "café");
    }

    #[test]
    fn learns_table_rules_and_casing() {
        let s = sentence(&[
            ("Forces", "force", "NOUN"),
            ("talks", "talk", "NOUN"),
            ("walls", "wall", "NOUN"),
            ("bridges", "bridge", "NOUN"),
            ("went", "go", "VERB"),
            ("walked", "walk", "VERB"),
            ("talked", "talk", "VERB"),
            ("travelled", "travel", "VERB"),
            ("cancelled", "cancel", "VERB"),
            ("spell", "spell", "VERB"),
            ("Ani", "Ani", "PROPN"),
            ("Gondor", "Gondor", "PROPN"),
            ("Kurds", "Kurd", "PROPN"),
            ("The", "the", "DET"),
            ("her", "she", "PRON/PRP"),
            ("her", "her", "PRON/PRP$"),
            ("I", "I", "PRON/PRP"),
            ("I", "I", "PRON/PRP"),
            ("Everyone", "everyone", "PRON/NN"),
            ("Something", "something", "PRON/NN"),
        ]);
        let l = Lemmatizer::train(&[s]);
        assert_eq!(lemma(&l, "went", "VERB"), "go");
        assert_eq!(lemma(&l, "forces", "NOUN"), "force");
        assert_eq!(lemma(&l, "Pencils", "NOUN"), "pencil");
        assert_eq!(lemma(&l, "jumped", "VERB"), "jump");
        // "-lled" would strip two letters as in "travelled"; "spell" is a known lemma.
        assert_eq!(lemma(&l, "spelled", "VERB"), "spell");
        assert_eq!(lemma(&l, "Zaman", "PROPN"), "Zaman");
        assert_eq!(lemma(&l, "THE", "DET"), "the");
        assert_eq!(lemma(&l, "her", "PRON/PRP"), "she");
        assert_eq!(lemma(&l, "her", "PRON/PRP$"), "her");
        // Two lower-cased pronoun types outvote the one (frequent) "I".
        assert_eq!(lemma(&l, "Anybody", "PRON/NN"), "anybody");
        // Unknown UPOS: the form itself.
        assert_eq!(lemma(&l, "Qx", "SYM"), "Qx");
        assert_eq!(lemma(&l, "", "NOUN"), "");
    }

    #[test]
    fn rules_keep_proper_adjectives_and_rewrite_only_their_suffix() {
        let s = sentence(&[
            ("Big", "big", "ADJ"),
            ("Tall", "tall", "ADJ"),
            ("Red", "red", "ADJ"),
            ("Old", "old", "ADJ"),
            ("Small", "small", "ADJ"),
            ("Canadian", "Canadian", "ADJ"),
            ("canadian", "Canadian", "ADJ"),
            ("Indian", "Indian", "ADJ"),
            ("Iranian", "Iranian", "ADJ"),
            ("went", "go", "VERB"),
            ("Went", "go", "VERB"),
            ("walked", "walk", "VERB"),
            ("talked", "talk", "VERB"),
            ("paint", "paint", "VERB"),
        ]);
        let l = Lemmatizer::train(&[s]);
        assert_eq!(lemma(&l, "Large", "ADJ"), "large", "adjectives lower-case");
        for form in ["Cambodian", "Georgian", "Ukrainian", "Venezuelan"] {
            assert_eq!(lemma(&l, form, "ADJ"), form);
        }
        // Two word types back `went` → `go`, but only under the whole `went`.
        assert_eq!(lemma(&l, "went", "VERB"), "go");
        assert_eq!(lemma(&l, "spent", "VERB"), "spent");
    }

    #[test]
    fn round_trips_and_rejects_garbage() {
        let s = sentence(&[("talks", "talk", "NOUN"), ("went", "go", "VERB")]);
        let l = Lemmatizer::train(&[s]);
        let mut w = ModelWriter::new();
        l.save(&mut w);
        let bytes = w.into_bytes();
        assert_eq!(
            Lemmatizer::load(&mut ModelReader::new(&bytes, "t")).unwrap(),
            l
        );
        assert!(Lemmatizer::load(&mut ModelReader::new(&bytes[..bytes.len() - 3], "t")).is_err());
    }
}
