//! Inflected forms of dictionary verbs.
//!
//! The coder matches a verb by the lemma its tagger gives, so the lemma alone would do; the
//! forms are indexed too so that a verb still matches when the tagger's lemma is wrong or
//! missing (a pre-parsed CoNLL-U file without lemmas). Regular forms come from
//! [`crate::words::verb_forms`]; this adds doubled final consonants ("ban" → "banned") and
//! the irregular verbs of news English.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::words::verb_forms;

/// Irregular verbs: base, simple past, past participle (written once when they agree).
const IRREGULAR: &[&str] = &[
    "arise arose arisen",
    "bear bore borne",
    "beat beat beaten",
    "become became become",
    "begin began begun",
    "bend bent",
    "bet bet",
    "bid bid",
    "bind bound",
    "bite bit bitten",
    "bleed bled",
    "blow blew blown",
    "break broke broken",
    "bring brought",
    "broadcast broadcast",
    "build built",
    "burn burnt",
    "burst burst",
    "buy bought",
    "cast cast",
    "catch caught",
    "choose chose chosen",
    "cling clung",
    "come came come",
    "cost cost",
    "cut cut",
    "deal dealt",
    "dig dug",
    "do did done",
    "draw drew drawn",
    "drink drank drunk",
    "drive drove driven",
    "eat ate eaten",
    "fall fell fallen",
    "feed fed",
    "feel felt",
    "fight fought",
    "find found",
    "flee fled",
    "fling flung",
    "fly flew flown",
    "forbid forbade forbidden",
    "forecast forecast",
    "foresee foresaw foreseen",
    "forget forgot forgotten",
    "forgive forgave forgiven",
    "freeze froze frozen",
    "get got gotten",
    "give gave given",
    "go went gone",
    "grind ground",
    "grow grew grown",
    "hang hung",
    "have had",
    "hear heard",
    "hide hid hidden",
    "hit hit",
    "hold held",
    "hurt hurt",
    "keep kept",
    "kneel knelt",
    "know knew known",
    "lay laid",
    "lead led",
    "leave left",
    "lend lent",
    "let let",
    "lie lay lain",
    "light lit",
    "lose lost",
    "make made",
    "mean meant",
    "meet met",
    "mislead misled",
    "overcome overcame overcome",
    "overrun overran overrun",
    "oversee oversaw overseen",
    "overthrow overthrew overthrown",
    "pay paid",
    "put put",
    "quit quit",
    "read read",
    "rebuild rebuilt",
    "repay repaid",
    "rethink rethought",
    "ride rode ridden",
    "ring rang rung",
    "rise rose risen",
    "run ran run",
    "say said",
    "see saw seen",
    "seek sought",
    "sell sold",
    "send sent",
    "set set",
    "shake shook shaken",
    "shed shed",
    "shoot shot",
    "show showed shown",
    "shut shut",
    "sink sank sunk",
    "sit sat",
    "slay slew slain",
    "sleep slept",
    "slide slid",
    "speak spoke spoken",
    "spend spent",
    "spin spun",
    "split split",
    "spread spread",
    "spring sprang sprung",
    "stand stood",
    "steal stole stolen",
    "stick stuck",
    "sting stung",
    "strike struck stricken",
    "strive strove striven",
    "swear swore sworn",
    "sweep swept",
    "swing swung",
    "take took taken",
    "teach taught",
    "tear tore torn",
    "tell told",
    "think thought",
    "throw threw thrown",
    "thrust thrust",
    "undergo underwent undergone",
    "understand understood",
    "undertake undertook undertaken",
    "uphold upheld",
    "upset upset",
    "wake woke woken",
    "wear wore worn",
    "weep wept",
    "win won",
    "withdraw withdrew withdrawn",
    "withhold withheld",
    "withstand withstood",
    "write wrote written",
];

/// Third-person and gerund forms that the regular rules get wrong.
const IRREGULAR_OTHER: &[&str] = &[
    "be is was were been being am are",
    "die dying",
    "do does",
    "go goes",
    "have has",
    "lie lying",
    "tie tying",
    "vie vying",
];

/// Every form of an upper-cased verb lemma: regular forms, doubled-consonant forms, and the
/// irregular ones it has. Spurious forms ("VISITTED") are harmless: they match no text.
pub fn forms(lemma: &str) -> Vec<String> {
    let mut out = verb_forms(lemma);
    if let Some(last) = doubles_final_consonant(lemma) {
        out.push(format!("{lemma}{last}ED"));
        out.push(format!("{lemma}{last}ING"));
    }
    if let Some(irregular) = irregular_forms().get(lemma) {
        out.extend(irregular.iter().cloned());
    }
    out.sort();
    out.dedup();
    out
}

/// The irregular forms of each irregular base, upper-cased, built once.
fn irregular_forms() -> &'static HashMap<String, Vec<String>> {
    static FORMS: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for row in IRREGULAR.iter().chain(IRREGULAR_OTHER) {
            let mut words = row.split_whitespace().map(str::to_uppercase);
            if let Some(base) = words.next() {
                map.entry(base).or_default().extend(words);
            }
        }
        map
    })
}

/// The base of an irregular past or participle that is not itself a verb's base form
/// ("HELD" → "HOLD"; "FOUND" is the base of "found" too, but not in this table, so it maps to
/// "FIND": callers treat the answer as a hint).
pub fn base_of(form: &str) -> Option<String> {
    if is_base(form) {
        return None;
    }
    IRREGULAR.iter().chain(IRREGULAR_OTHER).find_map(|row| {
        let mut words = row.split_whitespace();
        let base = words.next()?;
        words
            .any(|w| w.eq_ignore_ascii_case(form))
            .then(|| base.to_uppercase())
    })
}

/// Whether `word` is the base form of an irregular verb ("LAY" is, though it is also a form
/// of "LIE").
pub fn is_base(word: &str) -> bool {
    IRREGULAR.iter().any(|row| {
        row.split_whitespace()
            .next()
            .is_some_and(|b| b.eq_ignore_ascii_case(word))
    })
}

/// The final consonant of a verb ending in one vowel and one consonant ("BAN", "COMMIT"),
/// which English often doubles before `-ed` and `-ing`.
fn doubles_final_consonant(lemma: &str) -> Option<char> {
    let chars: Vec<char> = lemma.chars().collect();
    let vowel = |c: char| "AEIOU".contains(c);
    match chars[..] {
        [.., before, v, c] if vowel(v) && !vowel(before) && !vowel(c) && !"WXY".contains(c) => {
            Some(c)
        }
        [v, c] if vowel(v) && !vowel(c) && !"WXY".contains(c) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_doubled_and_irregular_forms() {
        let hold = forms("HOLD");
        assert!(["HOLD", "HOLDS", "HELD", "HOLDING"]
            .iter()
            .all(|f| hold.contains(&f.to_string())));
        let ban = forms("BAN");
        assert!(ban.contains(&"BANNED".to_string()) && ban.contains(&"BANNING".to_string()));
        assert!(forms("SEND").contains(&"SENT".to_string()));
        assert!(forms("GO").contains(&"GOES".to_string()));
        assert!(!forms("ACCUSE").iter().any(|f| f.ends_with("SSED")));
        assert!(!forms("VIEW").contains(&"VIEWWED".to_string()));
        assert_eq!(base_of("HELD").as_deref(), Some("HOLD"));
        assert_eq!(base_of("SET"), None);
        assert_eq!(base_of("ACCUSED"), None);
    }
}
