//! The PETRARCH2 verb dictionary: synsets (`&NAME` then `+phrase` lines), verb blocks
//! (`--- NAME [code] ---`), verbs with irregular forms (`SEE {SEES SAW SEEN}`), multi-word
//! verbs (`+BREAK_DOWN`, the `+` marking the verb), patterns (`- * (ON RESOLUTION) [057]`) and
//! transformations (`~ a (a b ATTACK) SAY = a b 015`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::source::{self, split_code, Line};
use crate::verbs::{
    Block, Element, EventCodes, Pattern, Predicate, Synset, Transformation, Verb, VerbDict,
};
use crate::words::{key, plural, split_phrase, verb_forms};
use crate::{Diagnostic, Origin};

/// Reads a verb dictionary into `dict`, returning what was skipped and why.
///
/// Synsets may be defined anywhere in the file (they are collected first); a pattern that
/// names an undefined synset is skipped, and each undefined name is reported once.
pub fn read_verbs(file: &str, text: &str, dict: &mut VerbDict) -> Vec<Diagnostic> {
    let file: Arc<str> = Arc::from(file);
    let mut reader = Reader {
        file: file.clone(),
        dict,
        diagnostics: Vec::new(),
        synset_ids: HashMap::new(),
        reported: HashSet::new(),
    };
    let lines = source::lines(text);
    reader.read_synsets(&lines);
    reader.read_blocks(&lines);
    reader.diagnostics
}

struct Reader<'d> {
    file: Arc<str>,
    dict: &'d mut VerbDict,
    diagnostics: Vec<Diagnostic>,
    synset_ids: HashMap<String, usize>,
    reported: HashSet<String>,
}

impl Reader<'_> {
    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }

    fn report(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            origin: self.origin(line),
            message: message.into(),
        });
    }

    /// First pass: every `&NAME` with its `+` lines. Members naming another synset are
    /// expanded afterwards, one level deep.
    fn read_synsets(&mut self, lines: &[Line]) {
        let mut raw: Vec<RawSynset> = Vec::new();
        let mut current: Option<usize> = None;
        for line in lines {
            let text = line.text.trim();
            if let Some(name) = text.strip_prefix('&') {
                let name = name.trim();
                let no_plurals = name.ends_with('_');
                raw.push((
                    key(name.trim_end_matches('_')),
                    no_plurals,
                    Vec::new(),
                    line.number,
                ));
                current = Some(raw.len() - 1);
            } else if let (Some(i), Some(member)) = (current, text.strip_prefix('+')) {
                raw[i].2.push((member.trim().to_string(), line.number));
            } else {
                current = None;
            }
        }
        for (i, (name, ..)) in raw.iter().enumerate() {
            self.synset_ids
                .insert(name.clone(), self.dict.synsets.len() + i);
        }
        let mut built = Vec::new();
        for (name, no_plurals, members, line) in &raw {
            let mut phrases = Vec::new();
            for (member, member_line) in members {
                if let Some(other) = member.strip_prefix('&') {
                    let other = key(other.trim_end_matches('_'));
                    match raw.iter().find(|(n, ..)| *n == other) {
                        Some((_, other_np, other_members, _)) => {
                            for (m, _) in other_members.iter().filter(|(m, _)| !m.starts_with('&'))
                            {
                                phrases.extend(synset_phrase(m, *other_np));
                            }
                        }
                        None => self.report(*member_line, format!("undefined synset &{other}")),
                    }
                } else {
                    phrases.extend(synset_phrase(member, *no_plurals));
                }
            }
            built.push(Synset {
                name: name.clone(),
                phrases,
                origin: self.origin(*line),
            });
        }
        self.dict.synsets.extend(built);
    }

    /// Second pass: blocks, verbs, patterns and transformations.
    fn read_blocks(&mut self, lines: &[Line]) {
        let mut block: Option<usize> = None;
        let mut in_synset = false;
        for line in lines {
            let text = line.text.trim();
            let n = line.number;
            if text.starts_with('&') {
                in_synset = true;
                continue;
            }
            if in_synset && text.starts_with('+') {
                continue;
            }
            in_synset = false;
            if text.starts_with("---") {
                block = self.read_block_header(text, n);
            } else if let Some(rest) = text.strip_prefix('~') {
                self.read_transformation(rest, n);
            } else if let Some(rest) = text
                .strip_prefix('-')
                .or_else(|| text.starts_with('*').then_some(text))
            {
                // PETRARCH also reads a pattern line that starts at its verb marker, without
                // the leading '-'.
                match block {
                    Some(b) => self.read_pattern(rest, b, n),
                    None => self.report(n, "pattern outside any verb block"),
                }
            } else {
                block = self.read_verb(text, block, n);
            }
        }
    }

    fn read_block_header(&mut self, text: &str, n: usize) -> Option<usize> {
        let inner = text.trim_matches('-').trim();
        let (name, code) = match split_code(inner) {
            Ok(parts) => parts,
            Err(e) => {
                self.report(n, e);
                return None;
            }
        };
        let codes = match code.map(EventCodes::parse).transpose() {
            Ok(c) => c.unwrap_or_default(),
            Err(e) => {
                self.report(n, e);
                return None;
            }
        };
        self.dict.blocks.push(Block {
            name: key(name.trim().trim_end_matches('_')),
            codes,
            patterns: Vec::new(),
            origin: self.origin(n),
        });
        Some(self.dict.blocks.len() - 1)
    }

    /// A verb line; without a current block it opens an implicit block named after the verb.
    fn read_verb(&mut self, text: &str, block: Option<usize>, n: usize) -> Option<usize> {
        let (body, code) = match split_code(text) {
            Ok(parts) => parts,
            Err(e) => {
                self.report(n, e);
                return block;
            }
        };
        let codes = match code.map(EventCodes::parse).transpose() {
            Ok(c) => c,
            Err(e) => {
                self.report(n, e);
                return block;
            }
        };
        let (phrase, forms) = match body.split_once('{') {
            Some((p, rest)) => match rest.split_once('}') {
                Some((forms, _)) => (p, Some(forms)),
                None => {
                    self.report(n, "'{' without a closing '}'");
                    return block;
                }
            },
            None => (body, None),
        };
        let marked: Vec<&str> = phrase
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        if marked.is_empty() {
            self.report(n, format!("cannot read verb line {text:?}"));
            return block;
        }
        if marked.iter().any(|w| !is_word(w.trim_start_matches('+'))) {
            self.report(n, format!("verb {phrase:?} contains pattern symbols"));
            return block;
        }
        let head = marked.iter().position(|w| w.starts_with('+')).unwrap_or(0);
        let words: Vec<String> = marked
            .iter()
            .map(|w| key(w.trim_start_matches('+')))
            .collect();
        let forms = match forms {
            Some(forms) => {
                let mut all = vec![words[head].clone()];
                for form in forms.split_whitespace() {
                    let form_words = split_phrase(&form.replace('+', ""));
                    let marked_at = form
                        .split('_')
                        .position(|w| w.starts_with('+'))
                        .unwrap_or(head);
                    if let Some(w) = form_words.get(marked_at).or(form_words.first()) {
                        all.push(w.clone());
                    }
                }
                all
            }
            None => verb_forms(&words[head]),
        };
        let block = match block {
            Some(b) => b,
            None => {
                self.dict.blocks.push(Block {
                    name: words.join(" "),
                    codes: codes.clone().unwrap_or_default(),
                    patterns: Vec::new(),
                    origin: self.origin(n),
                });
                self.dict.blocks.len() - 1
            }
        };
        self.dict.push_verb(Verb {
            words,
            head,
            forms,
            codes,
            kind: Predicate::Verb,
            block,
            origin: self.origin(n),
        });
        Some(block)
    }

    fn read_pattern(&mut self, text: &str, block: usize, n: usize) {
        let (body, code) = match split_code(text) {
            Ok((body, Some(code))) => (body, code),
            Ok((_, None)) => return self.report(n, "pattern without a [code]"),
            Err(e) => return self.report(n, e),
        };
        let codes = match EventCodes::parse(code) {
            Ok(c) => c,
            Err(e) => return self.report(n, e),
        };
        let tokens = tokenize(body);
        let mut pos = 0;
        let elements = match Self::parse_elements(&tokens, &mut pos, None) {
            Ok(e) => e,
            Err(e) => return self.report(n, e),
        };
        let Some(star) = elements.iter().position(|e| matches!(e, Parsed::Verb)) else {
            return self.report(n, "pattern without the verb marker '*'");
        };
        let mut to_elements = |parsed: &[Parsed]| -> Option<Vec<Element>> {
            parsed.iter().map(|p| self.element(p, n)).collect()
        };
        let (Some(before), Some(after)) = (
            to_elements(&elements[..star]),
            to_elements(&elements[star + 1..]),
        ) else {
            return;
        };
        let pattern = Pattern {
            before,
            after,
            codes,
            text: format!("-{}", text.trim_end()),
            origin: self.origin(n),
        };
        self.dict.blocks[block].patterns.push(pattern);
    }

    /// Parses elements up to `close` (or the end), advancing `pos`.
    fn parse_elements(
        tokens: &[String],
        pos: &mut usize,
        close: Option<&str>,
    ) -> Result<Vec<Parsed>, String> {
        let mut out = Vec::new();
        while *pos < tokens.len() {
            let t = tokens[*pos].as_str();
            *pos += 1;
            match t {
                ")" | "}" if Some(t) == close => return Ok(out),
                ")" | "}" => return Err(format!("unexpected '{t}'")),
                "(" | "{" => {
                    let end = if t == "(" { ")" } else { "}" };
                    let inner = Self::parse_elements(tokens, pos, Some(end))?;
                    out.push(if t == "(" {
                        Parsed::Prep(inner)
                    } else {
                        Parsed::Noun(inner)
                    });
                }
                "*" | "**" => out.push(Parsed::Verb),
                "$" => out.push(Parsed::Plain(Element::Source)),
                "+" => out.push(Parsed::Plain(Element::Target)),
                "^" => out.push(Parsed::Plain(Element::Skip)),
                "%" => out.push(Parsed::Plain(Element::Compound)),
                _ => match t.strip_prefix('&') {
                    Some(name) => out.push(Parsed::Synset(key(name.trim_end_matches('_')))),
                    None if is_word(t) => out.push(Parsed::Plain(Element::Word(key(t)))),
                    None => return Err(format!("cannot read {t:?} in pattern")),
                },
            }
        }
        match close {
            Some(c) => Err(format!("missing '{c}'")),
            None => Ok(out),
        }
    }

    /// Resolves synset names; `None` (after reporting) when one is undefined.
    fn element(&mut self, parsed: &Parsed, n: usize) -> Option<Element> {
        Some(match parsed {
            Parsed::Plain(e) => e.clone(),
            Parsed::Verb => {
                self.report(n, "more than one verb marker '*'");
                return None;
            }
            Parsed::Synset(name) => match self.synset_ids.get(name) {
                Some(&id) => Element::Synset(id),
                None => {
                    if self.reported.insert(name.clone()) {
                        self.report(
                            n,
                            format!("undefined synset &{name} (patterns using it are skipped)"),
                        );
                    }
                    return None;
                }
            },
            Parsed::Noun(inner) => Element::NounPhrase(
                inner
                    .iter()
                    .map(|p| self.element(p, n))
                    .collect::<Option<_>>()?,
            ),
            Parsed::Prep(inner) => {
                let Some((first, rest)) = inner.split_first() else {
                    self.report(n, "empty '( )'");
                    return None;
                };
                Element::Prep(
                    Box::new(self.element(first, n)?),
                    rest.iter()
                        .map(|p| self.element(p, n))
                        .collect::<Option<_>>()?,
                )
            }
        })
    }

    fn read_transformation(&mut self, text: &str, n: usize) {
        match parse_transformation(text) {
            Some((outer_source, inner, outer_verb, result)) => {
                self.dict.transformations.push(Transformation {
                    outer_source,
                    inner,
                    outer_verb,
                    result,
                    origin: self.origin(n),
                })
            }
            None => self.report(n, format!("cannot read transformation {:?}", text.trim())),
        }
    }
}

/// A synset as read: name, whether plurals are suppressed, members with their lines, and
/// the line of its label.
type RawSynset = (String, bool, Vec<(String, usize)>, usize);

/// A pattern element before synset names are resolved.
enum Parsed {
    Plain(Element),
    Synset(String),
    Noun(Vec<Parsed>),
    Prep(Vec<Parsed>),
    Verb,
}

/// Splits a pattern into tokens: brackets stand alone; `_` and spaces separate words.
fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if matches!(c, '(' | ')' | '{' | '}') || c == '_' || c.is_whitespace() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if !(c == '_' || c.is_whitespace()) {
                out.push(c.to_string());
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Whether a token is a plain dictionary word (letters, digits and a few joiners).
fn is_word(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | ',' | '/'))
}

/// A synset member as words; unless it ends with `_` or the synset forbids plurals, its
/// plural (on the last word) is added.
fn synset_phrase(member: &str, no_plurals: bool) -> Vec<Vec<String>> {
    let words = split_phrase(member);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = vec![words.clone()];
    if !no_plurals && !member.trim_end().ends_with('_') {
        let mut p = words;
        let last = p.len() - 1;
        p[last] = plural(&p[last]);
        out.push(p);
    }
    out
}

type TransformParts = (
    String,
    (String, String, String),
    String,
    (String, String, String),
);

/// `a (a b ATTACK) SAY = a b 015` → its parts.
fn parse_transformation(text: &str) -> Option<TransformParts> {
    let (lhs, rhs) = text.split_once('=')?;
    let open = lhs.find('(')?;
    let close = lhs.find(')').filter(|&close| close > open)?;
    let outer_source = lhs[..open].trim().to_string();
    let inner: Vec<&str> = lhs[open + 1..close].split_whitespace().collect();
    let outer_verb = lhs[close + 1..].trim().to_string();
    let result: Vec<&str> = rhs.split_whitespace().collect();
    if outer_source.is_empty() || outer_verb.is_empty() || inner.len() != 3 || result.len() != 3 {
        return None;
    }
    Some((
        outer_source,
        (inner[0].into(), inner[1].into(), key(inner[2])),
        key(&outer_verb),
        (result[0].into(), result[1].into(), key(result[2])),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (VerbDict, Vec<Diagnostic>) {
        let mut dict = VerbDict::default();
        let diags = read_verbs("test.verbs", text, &mut dict);
        (dict, diags)
    }

    #[test]
    fn blocks_verbs_forms_and_patterns() {
        let (dict, diags) = read(
            "&TIE\n+TIE\n+RELATIONS_\n\n--- RESTORE [050] ---\nRESTORE\nSEE {SEES SAW SEEN} [010]\n\
- * {DIPLOMATIC &TIE} [051]\n- + * (WITH $) [040:040]\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            dict.synsets[0].phrases,
            [vec!["TIE"], vec!["TIES"], vec!["RELATIONS"]]
        );
        let restore = dict.lookup("RESTORED")[0];
        assert_eq!(dict.default_codes(restore).forward.as_deref(), Some("050"));
        let saw = dict.lookup("SAW")[0];
        assert_eq!(dict.default_codes(saw).forward.as_deref(), Some("010"));
        let block = &dict.blocks[0];
        assert_eq!(
            block.patterns[0].after,
            [Element::NounPhrase(vec![
                Element::Word("DIPLOMATIC".into()),
                Element::Synset(0)
            ])]
        );
        assert_eq!(block.patterns[1].before, [Element::Target]);
        assert_eq!(
            block.patterns[1].after,
            [Element::Prep(
                Box::new(Element::Word("WITH".into())),
                vec![Element::Source]
            )]
        );
        assert_eq!(block.patterns[1].codes.reverse.as_deref(), Some("040"));
    }

    #[test]
    fn multi_word_verbs_mark_their_head() {
        let (dict, _) = read(
            "--- BREAK [120] ---\n+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\nKLM_NOP_+RST [002]\n",
        );
        let broke = dict.lookup("BROKE");
        assert_eq!(broke.len(), 1);
        assert_eq!(dict.verbs[broke[0]].companions().1, ["DOWN"]);
        let rst = dict.lookup("RST")[0];
        assert_eq!(dict.verbs[rst].companions().0, ["KLM", "NOP"]);
    }

    #[test]
    fn synsets_may_be_defined_after_use_and_nest_one_level() {
        let (dict, diags) =
            read("--- A [010] ---\nA\n- * &LATER [011]\n\n&LATER\n+&INNER\n+X_\n&INNER_\n+Y\n");
        assert!(diags.is_empty(), "{diags:?}");
        let later = &dict.synsets[0];
        assert_eq!(later.phrases, [vec!["Y"], vec!["X"]]);
        assert_eq!(dict.blocks[0].patterns.len(), 1);
    }

    #[test]
    fn bad_lines_are_reported_once_with_their_line() {
        let (dict, diags) = read(
            "--- A [010] ---\nA\n- * &NOPE [011]\n- * &NOPE THING [012]\n- * NO_CODE\n- * (OPEN [013]\n- NO VERB [014]\n",
        );
        assert_eq!(dict.blocks[0].patterns.len(), 0);
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [3, 5, 6, 7], "{diags:?}");
        assert!(diags[0].message.contains("undefined synset &NOPE"));
    }

    #[test]
    fn a_pattern_may_start_at_its_verb_marker() {
        let (dict, diags) = read("--- A [010] ---\nA\n* (TO QUESTION) [110]\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(dict.blocks[0].patterns.len(), 1);
    }

    #[test]
    fn transformations() {
        let (dict, diags) = read("~ a (a b ATTACK) SAY = a b 015\n~ nonsense\n");
        assert_eq!(diags.len(), 1);
        let t = &dict.transformations[0];
        assert_eq!(t.outer_verb, "SAY");
        assert_eq!(t.inner.2, "ATTACK");
        assert_eq!(t.result.2, "015");
    }
}
