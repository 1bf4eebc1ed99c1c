//! Normalising dependency relation names to Universal Dependencies v2.
//!
//! Parsers in the wild emit UD v1 names (`dobj`, `nmod` on a clause's dependent, `name`, ...)
//! or v2 names (`obj`, `obl`, `flat`, ...). The coder is written against v2 only; this is the
//! one place that knows about v1.

/// Relation names that exist only in UD v1: a sentence using any of them is read as v1.
const V1_ONLY: &[&str] = &[
    "dobj",
    "nsubjpass",
    "csubjpass",
    "auxpass",
    "name",
    "neg",
    "mwe",
    "foreign",
];

/// Relation names that exist only in UD v2.
const V2_ONLY: &[&str] = &["obj", "obl", "flat", "fixed", "orphan", "goeswith"];

/// Whether a sentence's relations should be read as UD v1: it uses a name that v2 dropped, or
/// none that v2 introduced (a short v1 sentence may use neither; reading it as v1 is then the
/// safe choice, since v1's `nmod` on a verb would otherwise be lost as an oblique).
pub fn looks_v1<'a>(deprels: impl IntoIterator<Item = &'a str> + Clone) -> bool {
    let base = |d: &'a str| d.split(':').next().unwrap_or(d);
    let subtype_v2 = |d: &str| matches!(d, "nsubj:pass" | "csubj:pass" | "aux:pass");
    deprels
        .clone()
        .into_iter()
        .any(|d| V1_ONLY.contains(&base(d)))
        || !deprels
            .into_iter()
            .any(|d| V2_ONLY.contains(&base(d)) || subtype_v2(d))
}

/// The UD v2 name for a relation, given the head's UPOS where the mapping depends on it (v1
/// `nmod` on a verb is v2 `obl`). `v1` says whether the sentence is UD v1 (see
/// [`looks_v1`]): in a v2 sentence, `nmod` is left alone, since v2 allows it under any head.
pub fn to_v2(deprel: &str, head_upos: &str, v1: bool) -> String {
    if !v1 {
        return deprel.to_string();
    }
    let (base, subtype) = match deprel.split_once(':') {
        Some((b, s)) => (b, Some(s)),
        None => (deprel, None),
    };
    let verbal_head = matches!(head_upos, "VERB" | "AUX" | "ADJ" | "ADV");
    let mapped = match (base, subtype) {
        ("dobj", _) => "obj".to_string(),
        ("name", _) => "flat".to_string(),
        ("foreign", _) => "flat:foreign".to_string(),
        ("mwe", _) => "fixed".to_string(),
        ("neg", _) => "advmod".to_string(),
        ("auxpass", _) => "aux:pass".to_string(),
        ("nsubjpass", _) => "nsubj:pass".to_string(),
        ("csubjpass", _) => "csubj:pass".to_string(),
        ("nmod", Some("agent")) => "obl:agent".to_string(),
        ("nmod", Some("poss")) => "nmod:poss".to_string(),
        ("nmod", Some("tmod")) if verbal_head => "obl:tmod".to_string(),
        ("nmod", Some("npmod")) if verbal_head => "obl:npmod".to_string(),
        ("nmod", None) if verbal_head => "obl".to_string(),
        ("nmod", Some(s)) if verbal_head => format!("obl:{s}"),
        _ => return deprel.to_string(),
    };
    mapped
}

#[cfg(test)]
mod tests {
    use super::{looks_v1, to_v2};

    #[test]
    fn v1_names_become_v2() {
        assert_eq!(to_v2("dobj", "VERB", true), "obj");
        assert_eq!(to_v2("nmod", "VERB", true), "obl");
        assert_eq!(to_v2("nmod", "NOUN", true), "nmod");
        assert_eq!(to_v2("nmod:tmod", "VERB", true), "obl:tmod");
        assert_eq!(to_v2("nmod:poss", "NOUN", true), "nmod:poss");
        assert_eq!(to_v2("name", "PROPN", true), "flat");
        assert_eq!(to_v2("nsubjpass", "VERB", true), "nsubj:pass");
        assert_eq!(to_v2("neg", "VERB", true), "advmod");
    }

    #[test]
    fn v2_names_pass_through() {
        for rel in [
            "obj",
            "obl",
            "flat",
            "nsubj:pass",
            "obl:agent",
            "compound:prt",
            "nmod",
        ] {
            assert_eq!(to_v2(rel, "VERB", false), rel);
        }
        assert_eq!(to_v2("nmod:desc", "ADJ", false), "nmod:desc");
    }

    #[test]
    fn v1_is_recognised_by_its_names() {
        assert!(looks_v1(["nsubj", "dobj", "nmod"]));
        assert!(!looks_v1(["nsubj", "obj", "nmod", "obl"]));
        assert!(looks_v1(["nsubj", "nmod"]));
    }
}
