//! Normalising dependency relation names to Universal Dependencies v2.
//!
//! Parsers in the wild emit UD v1 names (`dobj`, `nmod` on a clause's dependent, `name`, ...)
//! or v2 names (`obj`, `obl`, `flat`, ...). The coder is written against v2 only; this is the
//! one place that knows about v1.

/// The UD v2 name for a relation, given the head's and dependent's UPOS where the mapping
/// depends on them (v1 `nmod` on a verb is v2 `obl`).
pub fn to_v2(deprel: &str, head_upos: &str) -> String {
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
    use super::to_v2;

    #[test]
    fn v1_names_become_v2() {
        assert_eq!(to_v2("dobj", "VERB"), "obj");
        assert_eq!(to_v2("nmod", "VERB"), "obl");
        assert_eq!(to_v2("nmod", "NOUN"), "nmod");
        assert_eq!(to_v2("nmod:tmod", "VERB"), "obl:tmod");
        assert_eq!(to_v2("nmod:poss", "NOUN"), "nmod:poss");
        assert_eq!(to_v2("name", "PROPN"), "flat");
        assert_eq!(to_v2("nsubjpass", "VERB"), "nsubj:pass");
        assert_eq!(to_v2("neg", "VERB"), "advmod");
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
        ] {
            assert_eq!(to_v2(rel, "VERB"), rel);
        }
    }
}
