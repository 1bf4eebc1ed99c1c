//! petrel's own lexicon, as committed in `lexicon/`: it loads cleanly, passes its own check,
//! and codes the offices that changed hands in 2023-2026 on the right side of each change.

use std::sync::OnceLock;

use jiff::civil::Date;
use petrel_lexicon::check::{check, Severity};
use petrel_lexicon::lookup::{self, Named, Outcome};
use petrel_lexicon::own::Source;
use petrel_lexicon::{default_dir, Lexicon};

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let (lexicon, diags) = Lexicon::load_own(&default_dir()).expect("the lexicon loads");
        assert!(diags.is_empty(), "{diags:#?}");
        lexicon
    })
}

fn date(d: &str) -> Date {
    d.parse().unwrap()
}

/// What the whole phrase codes on a day, as the coder would take it: the first entry whose
/// capitals fit.
fn code(phrase: &str, on: &str) -> Option<String> {
    let found = lookup::actors(lexicon(), phrase, Some(date(on)));
    let first = found.iter().find(|f| f.capitals_match)?;
    match first.outcome {
        Outcome::Role(r) => Some(r.code.clone()),
        Outcome::Fixed(c) => Some(c.to_string()),
        Outcome::Nothing(_) => None,
    }
}

/// Asserts the codes of `phrase` on the day before `change` and on the day itself.
fn changes(phrase: &str, change: &str, before: &str, after: &str) {
    let day_before = date(change).yesterday().unwrap().to_string();
    assert_eq!(
        code(phrase, &day_before).as_deref(),
        Some(before),
        "{phrase} on {day_before}"
    );
    assert_eq!(
        code(phrase, change).as_deref(),
        Some(after),
        "{phrase} on {change}"
    );
}

#[test]
fn committed_lexicon_passes_its_check() {
    let source = Source::read(&default_dir()).unwrap();
    let findings = check(&source, &source.build());
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn german_chancellor_scholz_to_merz() {
    changes("Olaf Scholz", "2025-05-06", "DEUGOV", "DEUELI");
    changes("Scholz", "2025-05-06", "DEUGOV", "DEUELI");
    changes("Friedrich Merz", "2025-05-06", "DEUOPP", "DEUGOV");
    assert_eq!(code("Olaf Scholz", "2024-11-15").as_deref(), Some("DEUGOV"));
}

#[test]
fn uk_prime_minister_sunak_to_starmer() {
    changes("Rishi Sunak", "2024-07-05", "GBRGOV", "GBROPP");
    changes("Keir Starmer", "2024-07-05", "GBROPP", "GBRGOV");
    assert_eq!(
        code("Sir Keir Starmer", "2026-11-15").as_deref(),
        Some("GBRGOV")
    );
}

#[test]
fn us_president_biden_to_trump() {
    changes("Joe Biden", "2025-01-20", "USAGOV", "USAELI");
    changes("Donald Trump", "2025-01-20", "USAPTY", "USAGOV");
    // Between his terms Trump is a former president, and Biden was not yet president.
    assert_eq!(code("Trump", "2021-06-01").as_deref(), Some("USAELI"));
    assert_eq!(code("Biden", "2019-06-01").as_deref(), Some("USAELI"));
}

#[test]
fn japanese_prime_ministers_kishida_ishiba_takaichi() {
    changes("Fumio Kishida", "2024-10-01", "JPNGOV", "JPNELI");
    changes("Shigeru Ishiba", "2024-10-01", "JPNPTY", "JPNGOV");
    changes("Shigeru Ishiba", "2025-10-21", "JPNGOV", "JPNELI");
    changes("Sanae Takaichi", "2025-10-21", "JPNPTY", "JPNGOV");
}

#[test]
fn south_korean_presidency_yoon_acting_lee() {
    changes("Yoon Suk Yeol", "2024-12-14", "KORGOV", "KORELI");
    // The acting presidents held their cabinet posts in the meantime.
    assert_eq!(
        code("Han Duck-soo", "2024-12-20").as_deref(),
        Some("KORGOV")
    );
    assert_eq!(
        code("Choi Sang-mok", "2025-01-15").as_deref(),
        Some("KORGOV")
    );
    changes("Lee Jae-myung", "2025-06-04", "KOROPP", "KORGOV");
    // The last acting president's role ends the day the elected one takes office.
    assert_eq!(code("Lee Ju-ho", "2025-06-03").as_deref(), Some("KORGOV"));
    assert_eq!(code("Lee Ju-ho", "2025-06-04"), None);
}

#[test]
fn a_date_outside_every_role_codes_nothing() {
    assert_eq!(code("Sanae Takaichi", "2010-01-01"), None);
    assert_eq!(code("Lee Jae-myung", "2000-01-01"), None);
}

#[test]
fn capitals_stand_for_their_governments() {
    for (name, expected) in [
        ("Moscow", "RUSGOV"),
        ("Kremlin", "RUSGOV"),
        ("Kyiv", "UKRGOV"),
        ("Kiev", "UKRGOV"),
        ("White House", "USAGOV"),
        ("Tbilisi", "GEOGOV"),
    ] {
        assert_eq!(
            code(name, "2026-11-15").as_deref(),
            Some(expected),
            "{name}"
        );
    }
    // "the Kremlin": the article is not part of the name; the scan finds the name after it.
    let found = lookup::scan(lexicon(), "the Kremlin");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].start, 1);
}

#[test]
fn possessives_and_plain_plurals_need_not_be_listed() {
    // "Russia's" is "Russia" + "'s" to the tokenizer, so "Russia" is found.
    let found = lookup::scan(lexicon(), "Russia's");
    assert!(matches!(
        found[..],
        [lookup::Found {
            start: 0,
            len: 1,
            what: Named::Actor(_)
        }]
    ));
    // Demonyms listed in the singular only code in the plural too.
    assert_eq!(code("Slovakians", "2026-11-15").as_deref(), Some("SVK"));
    assert_eq!(code("Transnistrians", "2026-11-15").as_deref(), Some("MDA"));
}

#[test]
fn hyphenated_names_match_split_or_whole() {
    let split = lookup::scan(lexicon(), "Lee Jae - myung");
    assert_eq!(split.len(), 1);
    assert_eq!(split[0].len, 4);
    assert_eq!(
        code("Lee Jae-myung", "2026-11-15").as_deref(),
        Some("KORGOV")
    );
}

#[test]
fn capitals_matter_except_in_headlines() {
    assert_eq!(code("Turkey", "2026-11-15").as_deref(), Some("TUR"));
    assert_eq!(code("turkey", "2026-11-15"), None);
    assert_eq!(code("TURKEY", "2026-11-15").as_deref(), Some("TUR"));
}

#[test]
fn ambiguous_names_carry_their_mark() {
    for name in ["Chad", "Georgia", "Jordan"] {
        let found = lookup::actors(lexicon(), name, None);
        assert!(found.iter().all(|f| f.name.flags.ambiguous), "{name}");
    }
    let chadian = lookup::actors(lexicon(), "Chadian", None);
    assert!(!chadian[0].name.flags.ambiguous);
}

#[test]
fn agents_code_alone_and_join_their_country() {
    let found = lookup::scan(lexicon(), "Kenyan police");
    assert_eq!(found.len(), 2);
    assert_eq!(
        lookup::joined(lexicon(), &found, Some(date("2026-11-15"))).as_deref(),
        Some("KENCOP")
    );
    let found = lookup::scan(lexicon(), "Egyptian foreign minister");
    assert_eq!(
        lookup::joined(lexicon(), &found, None).as_deref(),
        Some("EGYGOV")
    );
    let found = lookup::scan(lexicon(), "Nigerian weapons inspectors");
    assert_eq!(
        lookup::joined(lexicon(), &found, None).as_deref(),
        Some("IGONGA")
    );
}

#[test]
fn verb_patterns_match_inflections_and_pick_the_most_specific() {
    let held = lookup::verb(lexicon(), "held talks with Iran").expect("hold is a verb");
    let winner = held.winner.expect("a pattern matches");
    assert_eq!(winner.text, "hold talks with +");
    assert_eq!(winner.codes.forward.as_deref(), Some("046"));
    assert_eq!(
        winner.codes.reverse.as_deref(),
        Some("046"),
        "talks are mutual"
    );
    let accused = lookup::verb(lexicon(), "accused Arnor of corruption").unwrap();
    assert_eq!(
        accused.winner.unwrap().codes.forward.as_deref(),
        Some("1121")
    );
    let plain = lookup::verb(lexicon(), "accuses Arnor").unwrap();
    assert!(plain.winner.is_none());
    assert_eq!(plain.default.forward.as_deref(), Some("112"));
}

#[test]
fn ontology_gives_weights_classes_and_plover() {
    let o = &lexicon().ontology;
    let consult = o.event("040").unwrap();
    assert_eq!((consult.goldstein, consult.quad_class), (1.0, 1));
    assert_eq!(consult.plover.as_deref(), Some("CONSULT"));
    assert_eq!(o.event("163").unwrap().quad_class, 4);
    assert!(o.actor_type("GOV").is_some() && o.actor_type("RUS").is_none());
    // Every code a pattern uses is in the ontology (the check enforces it; this says so).
    for block in &lexicon().verbs.blocks {
        for p in &block.patterns {
            let code = p.codes.forward.as_deref().unwrap();
            assert!(o.event(code).is_some(), "{code} at {}", p.origin);
        }
    }
}

#[test]
fn petrarch_lexicons_have_no_ontology() {
    let (petrarch, _) = Lexicon::load_petrarch(&petrel_lexicon::PetrarchFiles::default()).unwrap();
    assert!(petrarch.ontology.is_empty());
    assert!(!lexicon().ontology.is_empty());
}

#[test]
fn origins_name_the_file_and_line() {
    let found = lookup::actors(lexicon(), "Olaf Scholz", None);
    let origin = &found[0].entry.origin;
    assert!(
        origin.file.ends_with("lexicon/actors/people-europe.txt"),
        "{origin}"
    );
    let text = std::fs::read_to_string(default_dir().join("actors/people-europe.txt")).unwrap();
    let line = text.lines().nth(origin.line - 1).unwrap();
    assert!(line.starts_with("Olaf Scholz"), "{line}");
}

#[test]
fn adjectives_get_entries_apart_from_verbs_of_the_same_spelling() {
    use petrel_lexicon::verbs::Predicate;
    let verbs = &lexicon().verbs;
    let kinds = |word: &str| -> Vec<Predicate> {
        verbs
            .verbs
            .iter()
            .filter(|v| v.words == [word])
            .map(|v| v.kind)
            .collect()
    };
    assert_eq!(kinds("CRITICAL"), [Predicate::Adjective]);
    // "open to talks" is an adjective's pattern; "open" the verb keeps its own entry.
    let open = kinds("OPEN");
    assert!(open.contains(&Predicate::Adjective) && open.contains(&Predicate::Verb));
    // An adjective matches only its own spelling, never verb inflections ("criticals").
    let critical = verbs
        .verbs
        .iter()
        .find(|v| v.words == ["CRITICAL"])
        .unwrap();
    assert_eq!(critical.forms, ["CRITICAL"]);
}
