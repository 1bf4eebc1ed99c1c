//! One test per coding rule: a tiny invented lexicon in PETRARCH format, hand-written UD v2
//! parses, and the exact (code, source, target) events each sentence must give.
//!
//! The parses are written as CoNLL-U rows of the six columns the coder reads (ID, FORM, LEMMA,
//! UPOS, HEAD, DEPREL); [`parse`] fills in the other four with `_`, so a failing test points at
//! the coding rule and not at a parser's mistake.

mod support;

use jiff::civil::{date, Date};
use petrel_coder::{Coder, Discarded, Event, Evidence, SentenceCoding};
use petrel_lexicon::negation::NegationTable;
use petrel_lexicon::{petrarch, Lexicon};
use support::parse;

/// Verb blocks for the tests. Codes are CAMEO where one fits; each pattern is there for one
/// rule below.
const VERBS: &str = "\
# Weapons a FIRE pattern accepts; plurals are added by the reader.
&MISSILE
+ROCKET
+MISSILE
+MORTAR_SHELL

--- ACCORD [013] ---
ACCORD
- (TO) * [073]

--- ACCUSE [112] ---
ACCUSE

--- ATTACK [190] ---
ATTACK

--- BREAK [120] ---
BREAK {BROKE BROKEN}
- + * (IN) $ [075]

--- CLASH [110] ---
CLASH

--- CONDEMN [111] ---
CONDEMN
DENOUNCE

--- CORDON [193] ---
CORDON
+CORDON_OFF [191]

--- DOUBT [110] ---
DOUBT

--- FIRE [180] ---
FIRE
- * &MISSILE (AT +) [195]

--- LEAVE [034] ---
LEAVE

--- LEFT [032] ---
LEFT

--- MEET [040:040] ---
MEET
- % * [044]

--- OBSERVE [010] ---
SEE {SEES SEEING SAW SEEN}

--- PROMISE [030] ---
PROMISE
- * AID [033]

--- PROTEST [140] ---
PROTEST

--- RESTORE [050] ---
RESTORE
- * TIES [051]

--- SEND [070] ---
SEND
- * AID [071]
- * {HUMANITARIAN AID} [073]

--- SURRENDER [:173] ---
SURRENDER

--- TALK [041] ---
TALK
- * (WITH +) [040]

--- WAGE [---] ---
WAGE
- * WAR [190]
";

/// Invented actors; ELESSAR holds a government role over one dated range.
const ACTORS: &str = "\
ARNOR [ARN]
GONDOR [GON]
ROHAN [ROH]
MORDOR [MOR]
TELEMAR [GON]
BOROMIR_DENETHOR [GON]
ELESSAR [ARN]
\t[ARNGOV 20100501-20151231]
";

const AGENTS: &str = "\
POLICE {} [~COP]
GOVERNMENT [~GOV]
MINISTER [~GOV]
PRIME_MINISTER [~GOV]
MSF {} [NGO~]
";

/// A sentence-level discard (whole word) and a story-level one (a stem).
const DISCARDS: &str = "\
FOOTBALL_
+HURRICANE
";

/// A slice of PETRARCH's coding ontology: 110 (disapprove) is 050 (diplomatic cooperation)
/// plus the negation offset; 190 has no negated counterpart here.
const ONTOLOGY: &str = "\
050:0x0080
110:0x1007f
190:0x00A0
";

/// The test lexicon, asserting that every dictionary loads without a diagnostic.
fn lexicon() -> Lexicon {
    let mut lex = Lexicon::default();
    let diags = petrarch::read_verbs("test.verbs", VERBS, &mut lex.verbs);
    assert!(diags.is_empty(), "verbs: {diags:?}");
    let diags = petrarch::read_actors("test.actors", ACTORS, &mut lex.actors);
    assert!(diags.is_empty(), "actors: {diags:?}");
    let diags = petrarch::read_agents("test.agents", AGENTS, &mut lex.agents);
    assert!(diags.is_empty(), "agents: {diags:?}");
    let (discards, diags) = petrarch::read_discards("test.discards", DISCARDS);
    assert!(diags.is_empty(), "discards: {diags:?}");
    lex.discards = discards;
    lex
}

/// The test lexicon with the negation table loaded.
fn lexicon_with_ontology() -> Lexicon {
    let mut lex = lexicon();
    let mut table = NegationTable::default();
    let diags = petrarch::read_ontology("test.ontology", ONTOLOGY, &mut table);
    assert!(diags.is_empty(), "ontology: {diags:?}");
    lex.negations = Some(table);
    lex
}

type Triple = (String, String, Option<String>);

fn triple(e: &Event) -> Triple {
    (
        e.code.clone(),
        e.source.code.to_string(),
        e.target.as_ref().map(|t| t.code.to_string()),
    )
}

/// The events' (code, source, target), sorted so tests do not depend on emission order.
fn triples(coding: &SentenceCoding) -> Vec<Triple> {
    let mut out: Vec<Triple> = coding.events.iter().map(triple).collect();
    out.sort();
    out
}

/// Expected triples, sorted the same way.
fn want(events: &[(&str, &str, Option<&str>)]) -> Vec<Triple> {
    let mut out: Vec<Triple> = events
        .iter()
        .map(|(c, s, t)| (c.to_string(), s.to_string(), t.map(str::to_string)))
        .collect();
    out.sort();
    out
}

fn code_on(lex: &Lexicon, rows: &str, day: Option<Date>) -> SentenceCoding {
    Coder::new(lex).explain(true).code(&parse(rows), day)
}

fn code(lex: &Lexicon, rows: &str) -> Vec<Triple> {
    let coding = code_on(lex, rows, None);
    assert_eq!(coding.discarded, None);
    triples(&coding)
}

// Sentences used by more than one test.

const ARNOR_CONDEMNED_GONDOR: &str = "
    1 Arnor     Arnor    PROPN 2 nsubj
    2 condemned condemn  VERB  0 root
    3 Gondor    Gondor   PROPN 2 obj
    4 .         .        PUNCT 2 punct";

const ARNOR_RESTORED_TIES_WITH_GONDOR: &str = "
    1 Arnor    Arnor   PROPN 2 nsubj
    2 restored restore VERB  0 root
    3 ties     tie     NOUN  2 obj
    4 with     with    ADP   5 case
    5 Gondor   Gondor  PROPN 3 nmod
    6 .        .       PUNCT 2 punct";

const ARNOR_DID_NOT_ATTACK_GONDOR: &str = "
    1 Arnor  Arnor  PROPN 4 nsubj
    2 did    do     AUX   4 aux
    3 not    not    PART  4 advmod
    4 attack attack VERB  0 root
    5 Gondor Gondor PROPN 4 obj
    6 .      .      PUNCT 4 punct";

const ELESSAR_CONDEMNED_GONDOR: &str = "
    1 Elessar   Elessar  PROPN 2 nsubj
    2 condemned condemn  VERB  0 root
    3 Gondor    Gondor   PROPN 2 obj
    4 .         .        PUNCT 2 punct";

const ARNOR_PROTESTED: &str = "
    1 Arnor     Arnor   PROPN 2 nsubj
    2 protested protest VERB  0 root
    3 .         .       PUNCT 2 punct";

#[test]
fn verb_without_a_matching_pattern_takes_its_default_code() {
    let lex = lexicon();
    let coding = code_on(&lex, ARNOR_CONDEMNED_GONDOR, None);
    assert_eq!(triples(&coding), want(&[("111", "ARN", Some("GON"))]));
    let event = &coding.events[0];
    assert_eq!(event.evidence.pattern, None);
    assert_eq!(event.evidence.block, "CONDEMN");
    assert_eq!(event.trigger, 1);
    assert!(!event.negated);
}

#[test]
fn explanations_are_written_only_when_asked_for() {
    let lex = lexicon();
    let sentence = parse(ARNOR_CONDEMNED_GONDOR);
    let plain = Coder::new(&lex).code(&sentence, None);
    let explained = Coder::new(&lex).explain(true).code(&sentence, None);
    assert_eq!(triples(&plain), triples(&explained));
    let (plain, explained) = (&plain.events[0], &explained.events[0]);
    assert_eq!(plain.evidence, Evidence::default());
    assert!(plain.source.entries.is_empty());
    assert_eq!(explained.evidence.block, "CONDEMN");
    assert!(!explained.source.entries.is_empty());
}

#[test]
fn pattern_with_a_noun_overrides_the_default() {
    let lex = lexicon();
    let coding = code_on(&lex, ARNOR_RESTORED_TIES_WITH_GONDOR, None);
    assert_eq!(triples(&coding), want(&[("051", "ARN", Some("GON"))]));
    let pattern = coding.events[0].evidence.pattern.as_deref().unwrap();
    assert!(pattern.contains("TIES"), "{pattern}");

    // Without "ties" the block's own code applies.
    let order = "
        1 Arnor    Arnor   PROPN 2 nsubj
        2 restored restore VERB  0 root
        3 order    order   NOUN  2 obj
        4 in       in      ADP   5 case
        5 Gondor   Gondor  PROPN 2 obl
        6 .        .       PUNCT 2 punct";
    assert_eq!(code(&lex, order), want(&[("050", "ARN", Some("GON"))]));
}

#[test]
fn prepositional_pattern_marks_the_target() {
    let lex = lexicon();
    let with = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 talked talk   VERB  0 root
        3 with   with   ADP   4 case
        4 Gondor Gondor PROPN 2 obl
        5 .      .      PUNCT 2 punct";
    let coding = code_on(&lex, with, None);
    assert_eq!(triples(&coding), want(&[("040", "ARN", Some("GON"))]));
    assert_eq!(coding.events[0].target.as_ref().unwrap().head, 3);

    // Another preposition does not match `(WITH +)`: the default code, target from the
    // oblique.
    let to = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 talked talk   VERB  0 root
        3 to     to     ADP   4 case
        4 Gondor Gondor PROPN 2 obl
        5 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, to), want(&[("041", "ARN", Some("GON"))]));
}

#[test]
fn synset_member_matches_in_a_pattern() {
    let lex = lexicon();
    let rockets = "
        1 Arnor   Arnor  PROPN 2 nsubj
        2 fired   fire   VERB  0 root
        3 rockets rocket NOUN  2 obj
        4 at      at     ADP   5 case
        5 Gondor  Gondor PROPN 2 obl
        6 .       .      PUNCT 2 punct";
    assert_eq!(code(&lex, rockets), want(&[("195", "ARN", Some("GON"))]));

    // A multi-word member, in the plural.
    let shells = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 fired  fire   VERB  0 root
        3 mortar mortar NOUN  4 compound
        4 shells shell  NOUN  2 obj
        5 at     at     ADP   6 case
        6 Gondor Gondor PROPN 2 obl
        7 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, shells), want(&[("195", "ARN", Some("GON"))]));

    // "shells" alone is not in the synset.
    let bare = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 fired  fire   VERB  0 root
        3 shells shell  NOUN  2 obj
        4 at     at     ADP   5 case
        5 Gondor Gondor PROPN 2 obl
        6 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, bare), want(&[("180", "ARN", Some("GON"))]));
}

#[test]
fn noun_phrase_pattern_needs_its_words_together() {
    let lex = lexicon();
    let together = "
        1 Arnor        Arnor        PROPN 2 nsubj
        2 sent         send         VERB  0 root
        3 humanitarian humanitarian ADJ   4 amod
        4 aid          aid          NOUN  2 obj
        5 to           to           ADP   6 case
        6 Gondor       Gondor       PROPN 2 obl
        7 .            .            PUNCT 2 punct";
    assert_eq!(code(&lex, together), want(&[("073", "ARN", Some("GON"))]));

    // A word between the modifier and the noun breaks the phrase; the plainer `* AID` pattern
    // still applies.
    let broken = "
        1 Arnor        Arnor        PROPN 2 nsubj
        2 sent         send         VERB  0 root
        3 humanitarian humanitarian ADJ   5 amod
        4 military     military     ADJ   5 amod
        5 aid          aid          NOUN  2 obj
        6 to           to           ADP   7 case
        7 Gondor       Gondor       PROPN 2 obl
        8 .            .            PUNCT 2 punct";
    assert_eq!(code(&lex, broken), want(&[("071", "ARN", Some("GON"))]));

    // A coordinated modifier does not: "humanitarian and medical aid" is humanitarian aid.
    let coordinated = "
        1 Arnor        Arnor        PROPN 2 nsubj
        2 sent         send         VERB  0 root
        3 humanitarian humanitarian ADJ   6 amod
        4 and          and          CCONJ 5 cc
        5 medical      medical      ADJ   3 conj
        6 aid          aid          NOUN  2 obj
        7 to           to           ADP   8 case
        8 Gondor       Gondor       PROPN 2 obl
        9 .            .            PUNCT 2 punct";
    assert_eq!(
        code(&lex, coordinated),
        want(&[("073", "ARN", Some("GON"))])
    );
}

#[test]
fn most_specific_matching_pattern_wins() {
    let lex = lexicon();
    // Both `* AID` (listed first) and `* {HUMANITARIAN AID}` match; the longer one wins.
    let rows = "
        1 Arnor        Arnor        PROPN 2 nsubj
        2 sent         send         VERB  0 root
        3 humanitarian humanitarian ADJ   4 amod
        4 aid          aid          NOUN  2 obj
        5 to           to           ADP   6 case
        6 Gondor       Gondor       PROPN 2 obl
        7 .            .            PUNCT 2 punct";
    let coding = code_on(&lex, rows, None);
    assert_eq!(triples(&coding), want(&[("073", "ARN", Some("GON"))]));
    let pattern = coding.events[0].evidence.pattern.as_deref().unwrap();
    assert!(pattern.contains("HUMANITARIAN"), "{pattern}");

    // Only the plain one matches plain aid.
    let plain = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 sent   send   VERB  0 root
        3 aid    aid    NOUN  2 obj
        4 to     to     ADP   5 case
        5 Gondor Gondor PROPN 2 obl
        6 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, plain), want(&[("071", "ARN", Some("GON"))]));
}

#[test]
fn the_verbs_own_to_is_not_a_prepositional_phrase() {
    let lex = lexicon();
    // "(TO) *" wants a phrase with "to" before the verb, not the verb's infinitive marker.
    let infinitive = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 hopes  hope   VERB  0 root
        3 to     to     PART  4 mark
        4 accord accord VERB  2 xcomp
        5 with   with   ADP   6 case
        6 Gondor Gondor PROPN 4 obl
        7 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, infinitive), want(&[("013", "ARN", Some("GON"))]));

    let phrase = "
        1 To       to     ADP   2 case
        2 Rohan    Rohan  PROPN 5 obl
        3 ,        ,      PUNCT 2 punct
        4 Arnor    Arnor  PROPN 5 nsubj
        5 accorded accord VERB  0 root
        6 .        .      PUNCT 5 punct";
    assert_eq!(code(&lex, phrase), want(&[("073", "ARN", Some("ROH"))]));
}

#[test]
fn multi_word_verb_needs_its_particle() {
    let lex = lexicon();
    let with_particle = "
        1 Gondor   Gondor  PROPN 2 nsubj
        2 cordoned cordon  VERB  0 root
        3 off      off     ADP   2 compound:prt
        4 the      the     DET   6 det
        5 Arnor    Arnor   PROPN 6 compound
        6 embassy  embassy NOUN  2 obj
        7 .        .       PUNCT 2 punct";
    assert_eq!(
        code(&lex, with_particle),
        want(&[("191", "GON", Some("ARN"))])
    );

    let without = "
        1 Gondor   Gondor  PROPN 2 nsubj
        2 cordoned cordon  VERB  0 root
        3 the      the     DET   5 det
        4 Arnor    Arnor   PROPN 5 compound
        5 embassy  embassy NOUN  2 obj
        6 .        .       PUNCT 2 punct";
    assert_eq!(code(&lex, without), want(&[("193", "GON", Some("ARN"))]));
}

#[test]
fn verb_listed_as_an_inflected_form_beats_its_lemma() {
    let lex = lexicon();
    let left = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 left   leave  VERB  0 root
        3 Gondor Gondor PROPN 2 obj
        4 .      .      PUNCT 2 punct";
    let coding = code_on(&lex, left, None);
    assert_eq!(triples(&coding), want(&[("032", "ARN", Some("GON"))]));
    assert_eq!(coding.events[0].evidence.block, "LEFT");

    let leaves = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 leaves leave  VERB  0 root
        3 Gondor Gondor PROPN 2 obj
        4 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, leaves), want(&[("034", "ARN", Some("GON"))]));
}

#[test]
fn paired_codes_give_both_directions() {
    let lex = lexicon();
    let rows = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 met    meet   VERB  0 root
        3 Gondor Gondor PROPN 2 obj
        4 .      .      PUNCT 2 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("040", "ARN", Some("GON")), ("040", "GON", Some("ARN"))])
    );
}

#[test]
fn reverse_only_code_goes_from_target_to_source() {
    let lex = lexicon();
    let rows = "
        1 Arnor       Arnor     PROPN 2 nsubj
        2 surrendered surrender VERB  0 root
        3 to          to        ADP   4 case
        4 Gondor      Gondor    PROPN 2 obl
        5 .           .         PUNCT 2 punct";
    assert_eq!(code(&lex, rows), want(&[("173", "GON", Some("ARN"))]));
}

#[test]
fn source_is_the_subject_and_target_the_object() {
    let lex = lexicon();
    let rows = "
        1 Arnor   Arnor  PROPN 2 nsubj
        2 accused accuse VERB  0 root
        3 Gondor  Gondor PROPN 2 obj
        4 .       .      PUNCT 2 punct";
    let coding = code_on(&lex, rows, None);
    assert_eq!(triples(&coding), want(&[("112", "ARN", Some("GON"))]));
    let event = &coding.events[0];
    assert_eq!((event.source.head, event.source.tokens), (0, (0, 0)));
    let target = event.target.as_ref().unwrap();
    assert_eq!((target.head, target.tokens), (2, (2, 2)));
}

#[test]
fn target_is_found_inside_the_object_phrase() {
    let lex = lexicon();
    let coding = code_on(&lex, ARNOR_RESTORED_TIES_WITH_GONDOR, None);
    assert_eq!(triples(&coding), want(&[("051", "ARN", Some("GON"))]));
    assert_eq!(coding.events[0].target.as_ref().unwrap().head, 4);

    let attack_on = "
        1 Arnor     Arnor   PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 the       the     DET   4 det
        4 attack    attack  NOUN  2 obj
        5 on        on      ADP   6 case
        6 Gondor    Gondor  PROPN 4 nmod
        7 .         .       PUNCT 2 punct";
    assert_eq!(code(&lex, attack_on), want(&[("111", "ARN", Some("GON"))]));
}

#[test]
fn passive_by_agent_is_the_source() {
    let lex = lexicon();
    let rows = "
        1 Gondor   Gondor PROPN 3 nsubj:pass
        2 was      be     AUX   3 aux:pass
        3 attacked attack VERB  0 root
        4 by       by     ADP   5 case
        5 Arnor    Arnor  PROPN 3 obl:agent
        6 .        .      PUNCT 3 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "ARN", Some("GON"))]));

    // Parsers that do not subtype the agent give a plain oblique with "by".
    let plain_obl = rows.replace("obl:agent", "obl");
    assert_eq!(code(&lex, &plain_obl), want(&[("190", "ARN", Some("GON"))]));

    // The agent phrase codes like any other: "by Arnor police".
    let police = "
        1 Gondor   Gondor PROPN 3 nsubj:pass
        2 was      be     AUX   3 aux:pass
        3 attacked attack VERB  0 root
        4 by       by     ADP   6 case
        5 Arnor    Arnor  PROPN 6 compound
        6 police   police NOUN  3 obl:agent
        7 .        .      PUNCT 3 punct";
    assert_eq!(code(&lex, police), want(&[("190", "ARNCOP", Some("GON"))]));
}

#[test]
fn passive_without_an_agent_is_done_by_the_actor_of_its_oblique() {
    let lex = lexicon();
    let rows = "
        1 Gondor   Gondor PROPN 3 nsubj:pass
        2 was      be     AUX   3 aux:pass
        3 attacked attack VERB  0 root
        4 in       in     ADP   5 case
        5 Arnor    Arnor  PROPN 3 obl
        6 .        .      PUNCT 3 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "ARN", Some("GON"))]));

    // A phrase of direction names who receives the act, not who does it.
    let towards = rows.replace("in       in ", "to       to ");
    assert_eq!(code(&lex, &towards), want(&[]));
}

#[test]
fn conjoined_subjects_and_objects_give_every_pair() {
    let lex = lexicon();
    let rows = "
        1 Arnor     Arnor   PROPN 4 nsubj
        2 and       and     CCONJ 3 cc
        3 Rohan     Rohan   PROPN 1 conj
        4 condemned condemn VERB  0 root
        5 Gondor    Gondor  PROPN 4 obj
        6 and       and     CCONJ 7 cc
        7 Mordor    Mordor  PROPN 5 conj
        8 .         .       PUNCT 4 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[
            ("111", "ARN", Some("GON")),
            ("111", "ARN", Some("MOR")),
            ("111", "ROH", Some("GON")),
            ("111", "ROH", Some("MOR")),
        ])
    );
}

#[test]
fn compound_pattern_needs_a_conjoined_subject() {
    let lex = lexicon();
    let together = "
        1 Arnor  Arnor  PROPN 4 nsubj
        2 and    and    CCONJ 3 cc
        3 Gondor Gondor PROPN 1 conj
        4 met    meet   VERB  0 root
        5 .      .      PUNCT 4 punct";
    assert_eq!(
        code(&lex, together),
        want(&[("044", "ARN", Some("GON")), ("044", "GON", Some("ARN"))])
    );

    // Conjoined objects are not a compound subject: `%` does not match, the paired default
    // applies to each object.
    let objects = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 met    meet   VERB  0 root
        3 Gondor Gondor PROPN 2 obj
        4 and    and    CCONJ 5 cc
        5 Rohan  Rohan  PROPN 3 conj
        6 .      .      PUNCT 2 punct";
    assert_eq!(
        code(&lex, objects),
        want(&[
            ("040", "ARN", Some("GON")),
            ("040", "ARN", Some("ROH")),
            ("040", "GON", Some("ARN")),
            ("040", "ROH", Some("ARN")),
        ])
    );
}

#[test]
fn agent_joins_a_compound_country() {
    let lex = lexicon();
    let rows = "
        1 Gondor  Gondor PROPN 2 compound
        2 police  police NOUN  3 nsubj
        3 accused accuse VERB  0 root
        4 Arnor   Arnor  PROPN 3 obj
        5 .       .      PUNCT 3 punct";
    let coding = code_on(&lex, rows, None);
    assert_eq!(triples(&coding), want(&[("112", "GONCOP", Some("ARN"))]));
    assert_eq!(coding.events[0].source.tokens, (0, 1));
}

#[test]
fn agent_joins_a_possessive_country() {
    let lex = lexicon();
    let rows = "
        1 Gondor  Gondor PROPN 3 nmod:poss
        2 's      's     PART  1 case
        3 police  police NOUN  4 nsubj
        4 accused accuse VERB  0 root
        5 Arnor   Arnor  PROPN 4 obj
        6 .       .      PUNCT 4 punct";
    assert_eq!(code(&lex, rows), want(&[("112", "GONCOP", Some("ARN"))]));
}

#[test]
fn agent_joins_a_country_after_of_in_or_from() {
    let lex = lexicon();
    for prep in ["of", "in", "from"] {
        let rows = format!(
            "
            1 The     the    DET   2 det
            2 police  police NOUN  5 nsubj
            3 {prep}  {prep} ADP   4 case
            4 Gondor  Gondor PROPN 2 nmod
            5 accused accuse VERB  0 root
            6 Arnor   Arnor  PROPN 5 obj
            7 .       .      PUNCT 5 punct"
        );
        assert_eq!(
            code(&lex, &rows),
            want(&[("112", "GONCOP", Some("ARN"))]),
            "police {prep} Gondor"
        );
    }
}

#[test]
fn agent_placed_before_goes_in_front_of_the_country() {
    let lex = lexicon();
    let rows = "
        1 MSF       MSF     PROPN 4 nsubj
        2 in        in      ADP   3 case
        3 Arnor     Arnor   PROPN 1 nmod
        4 condemned condemn VERB  0 root
        5 Gondor    Gondor  PROPN 4 obj
        6 .         .       PUNCT 4 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "NGOARN", Some("GON"))]));
}

#[test]
fn agent_without_a_country_has_the_unknown_prefix() {
    let lex = lexicon();
    let rows = "
        1 Police  police NOUN  2 nsubj
        2 accused accuse VERB  0 root
        3 Gondor  Gondor PROPN 2 obj
        4 .       .      PUNCT 2 punct";
    assert_eq!(code(&lex, rows), want(&[("112", "---COP", Some("GON"))]));
}

#[test]
fn phrase_naming_no_actor_at_its_head_takes_its_nearest_modifier() {
    let lex = lexicon();
    // Both words hang on "spokesman": "government" is nearer the head and takes Arnor.
    let flat = "
        1 The       the       DET   4 det
        2 Arnor     Arnor     PROPN 4 compound
        3 government government NOUN 4 compound
        4 spokesman spokesman NOUN  5 nsubj
        5 condemned condemn   VERB  0 root
        6 Gondor    Gondor    PROPN 5 obj
        7 .         .         PUNCT 5 punct";
    assert_eq!(code(&lex, flat), want(&[("111", "ARNGOV", Some("GON"))]));

    // The title hangs on the name with a modifier of its own, so no single modifier carries
    // both the country and the agent.
    let titled = "
        1 Arnor     Arnor    PROPN 5 nmod:poss
        2 's        's       PART  1 case
        3 Prime     Prime    PROPN 4 compound
        4 Minister  Minister PROPN 5 compound
        5 Hurin     Hurin    PROPN 6 nsubj
        6 condemned condemn  VERB  0 root
        7 Gondor    Gondor   PROPN 6 obj
        8 .         .        PUNCT 6 punct";
    assert_eq!(code(&lex, titled), want(&[("111", "ARNGOV", Some("GON"))]));

    // Without an agent the phrase names its country alone.
    let plain = "
        1 Arnor     Arnor    PROPN 2 compound
        2 envoy     envoy    NOUN  3 nsubj
        3 condemned condemn  VERB  0 root
        4 Gondor    Gondor   PROPN 3 obj
        5 .         .        PUNCT 3 punct";
    assert_eq!(code(&lex, plain), want(&[("111", "ARN", Some("GON"))]));
}

#[test]
fn actor_name_tagged_as_a_preposition_still_modifies_its_noun() {
    let lex = lexicon();
    let rows = "
        1 Arnor     Arnor   ADP   2 case
        2 police    police  NOUN  3 nsubj
        3 condemned condemn VERB  0 root
        4 Gondor    Gondor  PROPN 3 obj
        5 .         .       PUNCT 3 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "ARNCOP", Some("GON"))]));
}

#[test]
fn title_with_its_own_country_overrides_the_person() {
    let lex = lexicon();
    // TELEMAR alone codes GON; as Arnor's prime minister he acts for Arnor's government.
    let titled = "
        1 Arnor     Arnor    PROPN 3 compound
        2 Prime     Prime    PROPN 3 compound
        3 Minister  Minister PROPN 4 compound
        4 Telemar   Telemar  PROPN 5 nsubj
        5 condemned condemn  VERB  0 root
        6 Gondor    Gondor   PROPN 5 obj
        7 .         .        PUNCT 5 punct";
    let coding = code_on(&lex, titled, None);
    assert_eq!(triples(&coding), want(&[("111", "ARNGOV", Some("GON"))]));
    assert_eq!(coding.events[0].source.tokens, (0, 3));

    // A possessive country before a bare title does the same.
    let possessive = "
        1 Arnor     Arnor    PROPN 4 nmod:poss
        2 's        's       PART  1 case
        3 minister  minister NOUN  4 compound
        4 Telemar   Telemar  PROPN 5 nsubj
        5 condemned condemn  VERB  0 root
        6 Gondor    Gondor   PROPN 5 obj
        7 .         .        PUNCT 5 punct";
    assert_eq!(
        code(&lex, possessive),
        want(&[("111", "ARNGOV", Some("GON"))])
    );

    let bare = "
        1 Telemar   Telemar PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 Arnor     Arnor   PROPN 2 obj
        4 .         .       PUNCT 2 punct";
    assert_eq!(code(&lex, bare), want(&[("111", "GON", Some("ARN"))]));
}

#[test]
fn dated_actor_codes_follow_the_sentence_date() {
    let lex = lexicon();
    let source_on = |day: Option<Date>| {
        let coding = code_on(&lex, ELESSAR_CONDEMNED_GONDOR, day);
        assert_eq!(coding.events.len(), 1, "{day:?}: {:?}", coding.events);
        coding.events[0].source.code.clone()
    };
    assert_eq!(
        source_on(Some(date(2009, 12, 31))),
        "ARN",
        "before the range"
    );
    assert_eq!(source_on(Some(date(2010, 5, 1))), "ARNGOV", "first day");
    assert_eq!(source_on(Some(date(2012, 6, 15))), "ARNGOV", "inside");
    assert_eq!(source_on(Some(date(2015, 12, 31))), "ARNGOV", "last day");
    assert_eq!(source_on(Some(date(2016, 1, 1))), "ARN", "after the range");
    assert_eq!(source_on(None), "ARN", "no date: the default code");
}

#[test]
fn infinitive_inherits_the_subject_of_its_governor() {
    let lex = lexicon();
    let about_to = "
        1 Arnor   Arnor   PROPN 3 nsubj
        2 is      be      AUX   3 cop
        3 about   about   ADJ   0 root
        4 to      to      PART  5 mark
        5 restore restore VERB  3 xcomp
        6 ties    tie     NOUN  5 obj
        7 with    with    ADP   8 case
        8 Gondor  Gondor  PROPN 6 nmod
        9 .       .       PUNCT 3 punct";
    assert_eq!(code(&lex, about_to), want(&[("051", "ARN", Some("GON"))]));

    let vowed = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 vowed  vow    VERB  0 root
        3 to     to     PART  4 mark
        4 wage   wage   VERB  2 xcomp
        5 war    war    NOUN  4 obj
        6 on     on     ADP   7 case
        7 Gondor Gondor PROPN 4 obl
        8 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, vowed), want(&[("190", "ARN", Some("GON"))]));
}

#[test]
fn agentless_passive_reports_the_deed_of_its_infinitive() {
    let lex = lexicon();
    // Nobody is said to see: the seeing gives no event, the attack does.
    let seen = "
        1 Arnor  Arnor  PROPN 3 nsubj:pass
        2 was    be     AUX   3 aux:pass
        3 seen   see    VERB  0 root
        4 to     to     PART  5 mark
        5 attack attack VERB  3 xcomp
        6 Gondor Gondor PROPN 5 obj
        7 .      .      PUNCT 3 punct";
    assert_eq!(code(&lex, seen), want(&[("190", "ARN", Some("GON"))]));

    // With its agent the passive is an event of its own, and the infinitive is what was seen.
    let seen_by = "
        1 Arnor  Arnor  PROPN 3 nsubj:pass
        2 was    be     AUX   3 aux:pass
        3 seen   see    VERB  0 root
        4 by     by     ADP   5 case
        5 Rohan  Rohan  PROPN 3 obl
        6 to     to     PART  7 mark
        7 attack attack VERB  3 xcomp
        8 Gondor Gondor PROPN 7 obj
        9 .      .      PUNCT 3 punct";
    assert_eq!(code(&lex, seen_by), want(&[("010", "ROH", Some("ARN"))]));
}

#[test]
fn words_before_the_verb_in_a_pattern_include_its_shared_subject() {
    let lex = lexicon();
    // "break" has no subject of its own: Arnor, which it shares with "seen", stands before
    // it and is the pattern's `+`.
    let rows = "
        1 Arnor  Arnor  PROPN 3 nsubj:pass
        2 was    be     AUX   3 aux:pass
        3 seen   see    VERB  0 root
        4 to     to     PART  5 mark
        5 break  break  VERB  3 xcomp
        6 in     in     ADP   5 compound:prt
        7 a      a      DET   9 det
        8 Gondor Gondor PROPN 9 compound
        9 parade parade NOUN  5 obj
        10 .     .      PUNCT 3 punct";
    assert_eq!(code(&lex, rows), want(&[("075", "GON", Some("ARN"))]));
}

#[test]
fn clause_about_the_subject_itself_is_about_the_other_party() {
    let lex = lexicon();
    let itself = "
        1 Arnor   Arnor   PROPN 2 nsubj
        2 doubted doubt   VERB  0 root
        3 whether whether SCONJ 6 mark
        4 it      it      PRON  6 nsubj
        5 could   could   AUX   6 aux
        6 trust   trust   VERB  2 ccomp
        7 Gondor  Gondor  PROPN 6 obj
        8 .       .       PUNCT 2 punct";
    assert_eq!(code(&lex, itself), want(&[("110", "ARN", Some("GON"))]));

    // A clause about someone else is about that someone.
    let other = "
        1 Arnor   Arnor   PROPN 2 nsubj
        2 doubted doubt   VERB  0 root
        3 whether whether SCONJ 6 mark
        4 Rohan   Rohan   PROPN 6 nsubj
        5 could   could   AUX   6 aux
        6 trust   trust   VERB  2 ccomp
        7 Gondor  Gondor  PROPN 6 obj
        8 .       .       PUNCT 2 punct";
    assert_eq!(code(&lex, other), want(&[("110", "ARN", Some("ROH"))]));
}

#[test]
fn infinitive_after_an_object_takes_the_object_as_subject() {
    let lex = lexicon();
    // Gondor is urged, and Gondor would attack: not Arnor.
    let rows = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 urged  urge   VERB  0 root
        3 Gondor Gondor PROPN 2 obj
        4 to     to     PART  5 mark
        5 attack attack VERB  2 xcomp
        6 Mordor Mordor PROPN 5 obj
        7 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "GON", Some("MOR"))]));
}

#[test]
fn conjoined_verb_inherits_the_subject() {
    let lex = lexicon();
    let rows = "
        1 Arnor     Arnor   PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 Gondor    Gondor  PROPN 2 obj
        4 and       and     CCONJ 5 cc
        5 promised  promise VERB  2 conj
        6 aid       aid     NOUN  5 obj
        7 to        to      ADP   8 case
        8 Rohan     Rohan   PROPN 5 obl
        9 .         .       PUNCT 2 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("033", "ARN", Some("ROH")), ("111", "ARN", Some("GON"))])
    );
}

#[test]
fn pronoun_subject_of_a_complement_is_the_main_subject() {
    let lex = lexicon();
    let rows = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 said   say    VERB  0 root
        3 it     it     PRON  5 nsubj
        4 would  would  AUX   5 aux
        5 attack attack VERB  2 ccomp
        6 Gondor Gondor PROPN 5 obj
        7 .      .      PUNCT 2 punct";
    let coding = code_on(&lex, rows, None);
    assert_eq!(triples(&coding), want(&[("190", "ARN", Some("GON"))]));
    assert_eq!(coding.events[0].trigger, 4);

    // "they" after a conjoined subject stands for both conjuncts.
    let they = "
        1 Arnor  Arnor  PROPN 4 nsubj
        2 and    and    CCONJ 3 cc
        3 Rohan  Rohan  PROPN 1 conj
        4 said   say    VERB  0 root
        5 they   they   PRON  7 nsubj
        6 would  would  AUX   7 aux
        7 attack attack VERB  4 ccomp
        8 Gondor Gondor PROPN 7 obj
        9 .      .      PUNCT 4 punct";
    assert_eq!(
        code(&lex, they),
        want(&[("190", "ARN", Some("GON")), ("190", "ROH", Some("GON"))])
    );

    // A named subject of the complement is kept.
    let named = "
        1 Arnor  Arnor  PROPN 2 nsubj
        2 said   say    VERB  0 root
        3 Rohan  Rohan  PROPN 5 nsubj
        4 would  would  AUX   5 aux
        5 attack attack VERB  2 ccomp
        6 Gondor Gondor PROPN 5 obj
        7 .      .      PUNCT 2 punct";
    assert_eq!(code(&lex, named), want(&[("190", "ROH", Some("GON"))]));
}

#[test]
fn discard_phrases_drop_the_sentence_or_the_story() {
    let lex = lexicon();
    let football = "
        1 Arnor    Arnor    PROPN 2 nsubj
        2 accused  accuse   VERB  0 root
        3 Gondor   Gondor   PROPN 2 obj
        4 of       of       SCONJ 5 mark
        5 cheating cheat    VERB  2 advcl
        6 at       at       ADP   7 case
        7 football football NOUN  5 obl
        8 .        .        PUNCT 2 punct";
    let coding = code_on(&lex, football, None);
    assert_eq!(
        coding.discarded,
        Some(Discarded::Sentence("FOOTBALL".into()))
    );
    assert!(coding.events.is_empty());

    // The same sentence codes when the discard list is empty: the discard is what stopped it.
    let mut without = lexicon();
    without.discards.clear();
    assert_eq!(
        code(&without, football),
        want(&[("112", "ARN", Some("GON"))])
    );

    let hurricane = "
        1 A         a         DET   2 det
        2 hurricane hurricane NOUN  3 nsubj
        3 struck    strike    VERB  0 root
        4 Arnor     Arnor     PROPN 3 obj
        5 .         .         PUNCT 3 punct";
    let coding = code_on(&lex, hurricane, None);
    assert_eq!(coding.discarded, Some(Discarded::Story("HURRICANE".into())));
    assert!(coding.events.is_empty());
}

#[test]
fn negation_without_a_table_keeps_the_code_and_marks_the_event() {
    let lex = lexicon();
    let coding = code_on(&lex, ARNOR_DID_NOT_ATTACK_GONDOR, None);
    assert_eq!(triples(&coding), want(&[("190", "ARN", Some("GON"))]));
    assert!(coding.events[0].negated);
}

#[test]
fn negation_with_an_ontology_recodes_or_drops_the_event() {
    let lex = lexicon_with_ontology();
    let not_clash = "
        1 Arnor  Arnor  PROPN 4 nsubj
        2 did    do     AUX   4 aux
        3 not    not    PART  4 advmod
        4 clash  clash  VERB  0 root
        5 with   with   ADP   6 case
        6 Gondor Gondor PROPN 4 obl
        7 .      .      PUNCT 4 punct";
    let coding = code_on(&lex, not_clash, None);
    assert_eq!(triples(&coding), want(&[("050", "ARN", Some("GON"))]));
    assert!(!coding.events[0].negated);

    // An affirmative clash is untouched by the table.
    let clashed = "
        1 Arnor   Arnor  PROPN 2 nsubj
        2 clashed clash  VERB  0 root
        3 with    with   ADP   4 case
        4 Gondor  Gondor PROPN 2 obl
        5 .       .      PUNCT 2 punct";
    assert_eq!(code(&lex, clashed), want(&[("110", "ARN", Some("GON"))]));

    // "Did not attack" has no counterpart in the table: no event at all.
    assert_eq!(code(&lex, ARNOR_DID_NOT_ATTACK_GONDOR), want(&[]));
}

#[test]
fn events_without_a_target_need_require_target_off() {
    let lex = lexicon();
    let coding = Coder::new(&lex).code(&parse(ARNOR_PROTESTED), None);
    assert!(coding.events.is_empty(), "{:?}", coding.events);

    let coding = Coder::new(&lex)
        .require_target(false)
        .code(&parse(ARNOR_PROTESTED), None);
    assert_eq!(triples(&coding), want(&[("140", "ARN", None)]));
}

#[test]
fn identical_events_are_reported_once() {
    let lex = lexicon();
    // Both conjuncts of the subject code ARNGOV: one event, not two.
    let rows = "
        1  The        the        DET   3 det
        2  Arnor      Arnor      PROPN 3 compound
        3  minister   minister   NOUN  8 nsubj
        4  and        and        CCONJ 7 cc
        5  the        the        DET   7 det
        6  Arnor      Arnor      PROPN 7 compound
        7  government government NOUN  3 conj
        8  condemned  condemn    VERB  0 root
        9  Gondor     Gondor     PROPN 8 obj
        10 .          .          PUNCT 8 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "ARNGOV", Some("GON"))]));
}

#[test]
fn a_relative_pronoun_subject_is_the_noun_its_clause_modifies() {
    let lex = lexicon();
    let coding = Coder::new(&lex).require_target(false).code(
        &parse(
            "
            1 Arnor     Arnor   PROPN 5 nsubj
            2 ,         ,       PUNCT 3 punct
            3 who       who     PRON  4 nsubj
            4 condemned condemn VERB  1 acl:relcl
            5 met       meet    VERB  0 root
            6 Gondor    Gondor  PROPN 5 obj
            7 .         .       PUNCT 5 punct",
        ),
        None,
    );
    assert!(
        triples(&coding).contains(&("111".into(), "ARN".into(), None)),
        "{:?}",
        triples(&coding)
    );
}

#[test]
fn every_subject_of_a_clause_parsed_with_two_acts() {
    let lex = lexicon();
    // "Arnor and Gondor met" with the coordination lost: two nsubj of one verb.
    let got = code(
        &lex,
        "
        1 Arnor  Arnor  PROPN 4 nsubj
        2 and    and    CCONJ 3 cc
        3 Gondor Gondor PROPN 4 nsubj
        4 met    meet   VERB  0 root
        5 .      .      PUNCT 4 punct",
    );
    assert_eq!(
        got,
        want(&[("040", "ARN", Some("GON")), ("040", "GON", Some("ARN"))])
    );
}

#[test]
fn an_active_participle_with_an_object_is_done_by_the_noun_it_modifies() {
    let lex = lexicon();
    // A headline's main verb read as a participle of its subject: "Arnor police attacked
    // Gondor" with "attacked" as `acl` of "police".
    let got = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 2 compound
        2 police   police NOUN  0 root
        3 attacked attack VERB  2 acl
        4 Gondor   Gondor PROPN 3 obj
        5 .        .      PUNCT 2 punct",
    );
    assert_eq!(got, want(&[("190", "ARNCOP", Some("GON"))]));
    // A passive participle ("police attacked in Gondor") is not done by its noun.
    let passive = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 2 compound
        2 police   police NOUN  0 root
        3 attacked attack VERB  2 acl
        4 in       in     ADP   5 case
        5 Gondor   Gondor PROPN 3 obl
        6 .        .      PUNCT 2 punct",
    );
    assert!(passive.is_empty(), "{passive:?}");
}

// Parse errors the coder mends before reading the tree (`repair.rs`).

#[test]
fn a_passive_subject_of_a_verb_with_an_object_and_no_auxiliary_is_its_doer() {
    let lex = lexicon();
    // "Arnor attacked Gondor" with "attacked" read as a reduced passive.
    let got = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 2 nsubj:pass
        2 attacked attack VERB  0 root
        3 Gondor   Gondor PROPN 2 obj
        4 .        .      PUNCT 2 punct",
    );
    assert_eq!(got, want(&[("190", "ARN", Some("GON"))]));
    // With its auxiliary it is a true passive: Gondor is not the attacker.
    let passive = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 3 nsubj:pass
        2 was      be     AUX   3 aux:pass
        3 attacked attack VERB  0 root
        4 by       by     ADP   5 case
        5 Gondor   Gondor PROPN 3 obl
        6 .        .      PUNCT 3 punct",
    );
    assert_eq!(passive, want(&[("190", "GON", Some("ARN"))]));
}

#[test]
fn a_name_compounded_to_a_verb_without_a_subject_is_its_subject() {
    let lex = lexicon();
    let got = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 2 compound
        2 attacked attack VERB  0 root
        3 Gondor   Gondor PROPN 2 obj
        4 .        .      PUNCT 2 punct",
    );
    assert_eq!(got, want(&[("190", "ARN", Some("GON"))]));
}

#[test]
fn a_name_compounded_to_an_infinitive_after_a_verb_is_that_verbs_object() {
    let lex = lexicon();
    // "Arnor sent troops to help Gondor attack Rohan", with "Gondor" read as a compound of
    // "attack": Gondor is helped, and attacks.
    let rows = "
        1 Arnor  Arnor  PROPN NNP 2 nsubj
        2 sent   send   VERB  VBD 0 root
        3 troops troop  NOUN  NNS 2 obj
        4 to     to     PART  TO  5 mark
        5 help   help   VERB  VB  2 advcl
        6 Gondor Gondor PROPN NNP 7 compound
        7 attack attack VERB  VB  5 xcomp
        8 Rohan  Rohan  PROPN NNP 7 obj
        9 .      .      PUNCT .   2 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("070", "ARN", Some("GON")), ("190", "GON", Some("ROH"))])
    );
}

#[test]
fn a_possessive_hung_on_a_verb_belongs_to_the_next_noun() {
    let lex = lexicon();
    // "Arnor's police attacked Gondor" with "Arnor's" attached to the verb.
    let got = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 4 nmod:poss
        2 's       's     PART  1 case
        3 police   police NOUN  4 nsubj
        4 attacked attack VERB  0 root
        5 Gondor   Gondor PROPN 4 obj
        6 .        .      PUNCT 4 punct",
    );
    assert_eq!(got, want(&[("190", "ARNCOP", Some("GON"))]));
}

#[test]
fn a_verb_conjoined_to_a_noun_is_conjoined_to_the_verb_above_it() {
    let lex = lexicon();
    // "Arnor condemned Gondor and attacked Rohan" with "attacked" conjoined to "Gondor".
    let got = code(
        &lex,
        "
        1 Arnor     Arnor   PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 Gondor    Gondor  PROPN 2 obj
        4 and       and     CCONJ 5 cc
        5 attacked  attack  VERB  3 conj
        6 Rohan     Rohan   PROPN 5 obj
        7 .         .       PUNCT 2 punct",
    );
    assert_eq!(
        got,
        want(&[("111", "ARN", Some("GON")), ("190", "ARN", Some("ROH"))])
    );
}

#[test]
fn a_participle_conjoined_to_a_noun_shares_the_auxiliary_of_the_verb_above_it() {
    let lex = lexicon();
    // "Arnor had condemned Gondor and attacked Rohan", "attacked" conjoined to "Gondor".
    let perfect = "
        1 Arnor     Arnor   PROPN NNP 3 nsubj
        2 had       have    AUX   VBD 3 aux
        3 condemned condemn VERB  VBN 0 root
        4 Gondor    Gondor  PROPN NNP 3 obj
        5 and       and     CCONJ CC  6 cc
        6 attacked  attack  VERB  VBN 4 conj
        7 Rohan     Rohan   PROPN NNP 6 obj
        8 .         .       PUNCT .   3 punct";
    assert_eq!(
        code(&lex, perfect),
        want(&[("111", "ARN", Some("GON")), ("190", "ARN", Some("ROH"))])
    );
    // Without the auxiliary the participle may modify the noun, and is left there.
    let simple = perfect
        .replace(
            "2 had       have    AUX   VBD 3 aux",
            "2 ,         ,       PUNCT ,   3 punct",
        )
        .replace("condemn VERB  VBN", "condemn VERB  VBD");
    assert_ne!(simple, perfect);
    assert_eq!(code(&lex, &simple), want(&[("111", "ARN", Some("GON"))]));
}

#[test]
fn a_noun_conjoined_to_a_verb_joins_the_noun_phrase_before_it() {
    let lex = lexicon();
    // "Arnor attacked Gondor, Rohan and Mordor" with "Rohan" conjoined to the verb.
    let got = code(
        &lex,
        "
        1 Arnor    Arnor  PROPN 2 nsubj
        2 attacked attack VERB  0 root
        3 Gondor   Gondor PROPN 2 obj
        4 ,        ,      PUNCT 5 punct
        5 Rohan    Rohan  PROPN 2 conj
        6 and      and    CCONJ 7 cc
        7 Mordor   Mordor PROPN 5 conj
        8 .        .      PUNCT 2 punct",
    );
    assert_eq!(
        got,
        want(&[
            ("190", "ARN", Some("GON")),
            ("190", "ARN", Some("MOR")),
            ("190", "ARN", Some("ROH")),
        ])
    );
}

#[test]
fn a_second_name_conjoined_inside_the_first_still_acts() {
    let lex = lexicon();
    // "Arnor's Telemar and Gondor met", with "Gondor" conjoined to a word of the first name.
    let got = code(
        &lex,
        "
        1 Elessar Elessar PROPN 5 nsubj
        2 Telemar Telemar PROPN 1 flat
        3 and     and     CCONJ 4 cc
        4 Rohan   Rohan   PROPN 2 conj
        5 met     meet    VERB  0 root
        6 .       .       PUNCT 5 punct",
    );
    assert_eq!(
        got,
        want(&[("040", "ARN", Some("ROH")), ("040", "ROH", Some("ARN"))])
    );
}

#[test]
fn a_bare_past_form_read_as_modifying_the_first_noun_is_its_verb() {
    let lex = lexicon();
    // "Arnor attacked Gondor", with "attacked" read as a participle modifying "Arnor".
    let headline = "
        1 Arnor    Arnor  PROPN NNP 0 root
        2 attacked attack VERB  VBN 1 acl
        3 Gondor   Gondor PROPN NNP 2 obj
        4 .        .      PUNCT .   1 punct";
    assert_eq!(code(&lex, headline), want(&[("190", "ARN", Some("GON"))]));
    // "Arnor attacked Gondor, Rohan said", with both nouns read as subjects of "said".
    let reported = "
        1 Arnor    Arnor  PROPN NNP 6 nsubj
        2 attacked attack VERB  VBD 1 acl
        3 Gondor   Gondor PROPN NNP 2 obj
        4 ,        ,      PUNCT ,   6 punct
        5 Rohan    Rohan  PROPN NNP 6 nsubj
        6 said     say    VERB  VBD 0 root
        7 .        .      PUNCT .   6 punct";
    assert_eq!(code(&lex, reported), want(&[("190", "ARN", Some("GON"))]));
    // A participle with its "by" agent is a true passive modifier: no repair, no attack by
    // Arnor ("Arnor, attacked by Gondor").
    let passive = "
        1 Arnor    Arnor  PROPN NNP 0 root
        2 attacked attack VERB  VBN 1 acl
        3 by       by     ADP   IN  4 case
        4 Gondor   Gondor PROPN NNP 2 obl
        5 .        .      PUNCT .   1 punct";
    assert!(
        !code(&lex, passive).contains(&("190".into(), "ARN".into(), Some("GON".into()))),
        "{:?}",
        code(&lex, passive)
    );
}

#[test]
fn a_place_is_not_a_third_party_to_an_act_between_the_subjects() {
    let lex = lexicon();
    // "Arnor and Gondor restored relations at Rohan": Rohan is only where they did it.
    let rows = "
        1 Arnor     Arnor    PROPN 4 nsubj
        2 and       and      CCONJ 3 cc
        3 Gondor    Gondor   PROPN 1 conj
        4 restored  restore  VERB  0 root
        5 relations relation NOUN  4 obj
        6 at        at       ADP   7 case
        7 Rohan     Rohan    PROPN 4 obl
        8 .         .        PUNCT 4 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("050", "ARN", Some("GON")), ("050", "GON", Some("ARN"))])
    );
}

#[test]
fn a_clause_read_as_a_prepositional_phrase_gets_its_subject_back() {
    let lex = lexicon();
    // "Rohan waited as Arnor attacked Gondor", with "as Arnor" read as a phrase and
    // "attacked" as a second verb of "waited".
    let rows = "
        1 Rohan    Rohan  PROPN NNP 2 nsubj
        2 waited   wait   VERB  VBD 0 root
        3 as       as     ADP   IN  4 case
        4 Arnor    Arnor  PROPN NNP 2 obl
        5 attacked attack VERB  VBD 2 conj
        6 Gondor   Gondor PROPN NNP 5 obj
        7 .        .      PUNCT .   2 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "ARN", Some("GON"))]));
    // The same with "attacked" read as an adverbial clause of "waited" without a marker.
    let adverbial = rows.replace("VBD 2 conj", "VBD 2 advcl");
    assert_ne!(adverbial, rows);
    assert_eq!(code(&lex, &adverbial), want(&[("190", "ARN", Some("GON"))]));
}

#[test]
fn an_infinitive_hung_on_the_object_is_done_by_the_verbs_subject() {
    let lex = lexicon();
    // "Arnor raised troops to attack Gondor", with "to attack" read as modifying "troops"
    // (it is read as often as a purpose of "raised").
    let rows = "
        1 Arnor  Arnor  PROPN NNP 2 nsubj
        2 raised raise  VERB  VBD 0 root
        3 troops troop  NOUN  NNS 2 obj
        4 to     to     PART  TO  5 mark
        5 attack attack VERB  VB  3 acl
        6 Gondor Gondor PROPN NNP 5 obj
        7 .      .      PUNCT .   2 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "ARN", Some("GON"))]));
    // After a verb of asking, the object does it: "Rohan urged Arnor to attack Gondor".
    let urged = rows
        .replace("raised raise", "urged  urge ")
        .replace("troops troop ", "Rohan  Rohan ");
    assert_ne!(urged, rows);
    assert!(code(&lex, &urged)
        .iter()
        .all(|(_, source, _)| source != "ARN"));
    // A subject's infinitive ("Arnor's plan to attack") is not taken this way.
    let subject = "
        1 Arnor  Arnor  PROPN NNP 3 nmod:poss
        2 's     's     PART  POS 1 case
        3 plan   plan   NOUN  NN  6 nsubj
        4 to     to     PART  TO  5 mark
        5 attack attack VERB  VB  3 acl
        6 failed fail   VERB  VBD 0 root
        7 .      .      PUNCT .   6 punct";
    assert!(code(&lex, subject)
        .iter()
        .all(|(_, source, _)| source != "ARN"));
}

#[test]
fn a_verb_read_as_modifying_its_object_heads_the_sentence() {
    let lex = lexicon();
    // "Arnor attacked towns in Gondor.", with "attacked" read as a participle modifying
    // "towns", which heads the sentence, and "Arnor" hung on "towns".
    let rows = "
        1 Arnor    Arnor  PROPN NNP 3 obl:unmarked
        2 attacked attack VERB  VBN 3 amod
        3 towns    town   NOUN  NNS 0 root
        4 in       in     ADP   IN  5 case
        5 Gondor   Gondor PROPN NNP 3 nmod
        6 .        .      PUNCT .   3 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "ARN", Some("GON"))]));
    // The same with "Arnor" hung on "attacked".
    let on_the_verb = rows.replace(
        "1 Arnor    Arnor  PROPN NNP 3",
        "1 Arnor    Arnor  PROPN NNP 2",
    );
    assert_eq!(
        code(&lex, &on_the_verb),
        want(&[("190", "ARN", Some("GON"))])
    );
    // A headline without the full stop is a noun phrase, and codes nothing.
    let headline = rows.rsplit_once('\n').unwrap().0;
    assert_eq!(code(&lex, headline), want(&[]));
}

#[test]
fn conjoined_subjects_fight_each_other_only_without_another_object() {
    let lex = lexicon();
    // "Arnor and Gondor attacked each other."
    let rows = "
        1 Arnor    Arnor  PROPN 4 nsubj
        2 and      and    CCONJ 3 cc
        3 Gondor   Gondor PROPN 1 conj
        4 attacked attack VERB  0 root
        5 each     each   DET   6 det
        6 other    other  ADJ   4 obj
        7 .        .      PUNCT 4 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("190", "ARN", Some("GON")), ("190", "GON", Some("ARN"))])
    );
    // "Arnor and Gondor attacked the village": together, against no actor.
    let village = rows
        .replace("5 each     each   DET", "5 the      the    DET")
        .replace("6 other    other  ADJ", "6 village  village NOUN");
    assert_eq!(code(&lex, &village), want(&[]));
}

#[test]
fn a_speaker_read_as_the_last_item_of_a_list_is_the_speaker() {
    let lex = lexicon();
    // "Arnor attacked Gondor, Rohan said", with "Rohan" read as one more of the attacked.
    let rows = "
        1 Arnor    Arnor  PROPN 2 nsubj
        2 attacked attack VERB  6 ccomp
        3 Gondor   Gondor PROPN 2 obj
        4 ,        ,      PUNCT 5 punct
        5 Rohan    Rohan  PROPN 3 conj
        6 said     say    VERB  0 root
        7 .        .      PUNCT 6 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "ARN", Some("GON"))]));
}

#[test]
fn a_weapon_acts_for_whoever_launched_it() {
    let lex = lexicon();
    // "A drone launched by Mordor attacked Gondor."
    let rows = "
        1 A        a      DET   2 det
        2 drone    drone  NOUN  6 nsubj
        3 launched launch VERB  2 acl
        4 by       by     ADP   5 case
        5 Mordor   Mordor PROPN 3 obl:agent
        6 attacked attack VERB  0 root
        7 Gondor   Gondor PROPN 6 obj
        8 .        .      PUNCT 6 punct";
    assert_eq!(code(&lex, rows), want(&[("190", "MOR", Some("GON"))]));
}

#[test]
fn a_trailing_participle_is_done_by_the_clause_s_subject_unless_it_is_a_toll() {
    let lex = lexicon();
    // "Mordor attacked Gondor, accusing Rohan."
    let rows = "
        1 Mordor   Mordor PROPN     2 nsubj
        2 attacked attack VERB      0 root
        3 Gondor   Gondor PROPN     2 obj
        4 ,        ,      PUNCT     5 punct
        5 accusing accuse VERB  VBG 2 advcl
        6 Rohan    Rohan  PROPN     5 obj
        7 .        .      PUNCT     2 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("112", "MOR", Some("ROH")), ("190", "MOR", Some("GON"))])
    );
    // "Mordor accused Gondor, attacking Rohan": what an attack did is the attack itself.
    let toll = rows
        .replace("attacked attack", "accused  accuse")
        .replace("accusing accuse", "attacking attack");
    assert_eq!(code(&lex, &toll), want(&[("112", "MOR", Some("GON"))]));
}

#[test]
fn a_clause_after_a_time_read_as_a_phrase_gets_its_subject_back() {
    let lex = lexicon();
    // "Mordor attacked Gondor a day after Rohan attacked Arnor", with "Rohan" read as a
    // modifier of "day" and the second "attacked" conjoined to the first.
    let rows = "
        1 Mordor   Mordor PROPN     2 nsubj
        2 attacked attack VERB  VBD 0 root
        3 Gondor   Gondor PROPN     2 obj
        4 a        a      DET       5 det
        5 day      day    NOUN      8 obl:unmarked
        6 after    after  ADP       7 case
        7 Rohan    Rohan  PROPN     5 nmod
        8 attacked attack VERB  VBD 2 conj
        9 Arnor    Arnor  PROPN     8 obj
        10 .       .      PUNCT     2 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("190", "MOR", Some("GON")), ("190", "ROH", Some("ARN"))])
    );
}

#[test]
fn a_subject_read_as_the_last_item_of_a_list_gets_its_verb_back() {
    let lex = lexicon();
    // "Arnor attacked Rohan on Friday, and Gondor and Mordor met", with "Gondor" read as one
    // more item after "Friday" (the `%` pattern of MEET sees the compound subject).
    let rows = "
        1 Arnor    Arnor  PROPN     2 nsubj
        2 attacked attack VERB  VBD 0 root
        3 Rohan    Rohan  PROPN     2 obj
        4 on       on     ADP       5 case
        5 Friday   Friday PROPN     2 obl
        6 ,        ,      PUNCT     8 punct
        7 and      and    CCONJ     8 cc
        8 Gondor   Gondor PROPN     5 conj
        9 and      and    CCONJ     10 cc
        10 Mordor  Mordor PROPN     8 conj
        11 met     meet   VERB  VBD 2 conj
        12 .       .      PUNCT     2 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[
            ("044", "GON", Some("MOR")),
            ("044", "MOR", Some("GON")),
            ("190", "ARN", Some("ROH")),
        ])
    );
}

#[test]
fn an_owner_hung_on_an_inner_word_of_a_sector_name_owns_it() {
    let lex = lexicon();
    // "Mordor's prime minister condemned Gondor", with "Mordor's" hung on "prime".
    let rows = "
        1 Mordor    Mordor   PROPN 3 nmod:poss
        2 's        's       PART  1 case
        3 prime     prime    ADJ   4 amod
        4 minister  minister NOUN  5 nsubj
        5 condemned condemn  VERB  0 root
        6 Gondor    Gondor   PROPN 5 obj
        7 .         .        PUNCT 5 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "MORGOV", Some("GON"))]));
}

#[test]
fn a_subject_read_as_part_of_an_opening_day_gets_its_verb_back() {
    let lex = lexicon();
    // "On Friday Gondor condemned Arnor", with "Gondor" read as the second word of a name
    // "Friday Gondor", which is when the verb happened.
    let rows = "
        1 On        on      ADP   2 case
        2 Friday    Friday  PROPN 4 obl
        3 Gondor    Gondor  PROPN 2 flat
        4 condemned condemn VERB  0 root
        5 Arnor     Arnor   PROPN 4 obj
        6 .         .       PUNCT 4 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "GON", Some("ARN"))]));
    // "... Friday the Gondor government condemned", with the subject in apposition to the day.
    let appos = "
        1 On         on         ADP   2 case
        2 Friday     Friday     PROPN 6 obl
        3 the        the        DET   5 det
        4 Gondor     Gondor     PROPN 5 compound
        5 government government NOUN  2 appos
        6 condemned  condemn    VERB  0 root
        7 Arnor      Arnor      PROPN 6 obj
        8 .          .          PUNCT 6 punct";
    assert_eq!(code(&lex, appos), want(&[("111", "GONGOV", Some("ARN"))]));
}

#[test]
fn a_name_read_as_a_second_subject_modifies_the_subject_after_it() {
    let lex = lexicon();
    // "Gondor police condemned Arnor", with "Gondor" read as a second (passive) subject.
    let rows = "
        1 Gondor    Gondor  PROPN 3 nsubj:pass
        2 police    police  NOUN  3 nsubj
        3 condemned condemn VERB  0 root
        4 Arnor     Arnor   PROPN 3 obj
        5 .         .       PUNCT 3 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "GONCOP", Some("ARN"))]));
}

#[test]
fn a_country_split_off_as_a_second_subject_adds_no_second_actor() {
    let lex = lexicon();
    // "Arnor's King Elessar condemned Gondor" parsed with "Arnor" and "Elessar" as two
    // subjects: one actor (ARNGOV), not ARN and ARNGOV.
    let rows = "
        1 Arnor     Arnor   PROPN 4 nsubj
        2 King      King    PROPN 3 compound
        3 Elessar   Elessar PROPN 4 nsubj
        4 condemned condemn VERB  0 root
        5 Gondor    Gondor  PROPN 4 obj
        6 .         .       PUNCT 4 punct";
    let coding = code_on(&lex, rows, Some(date(2012, 6, 1)));
    assert_eq!(triples(&coding), want(&[("111", "ARNGOV", Some("GON"))]));
    // Two subjects of different countries both act ("Hours later Arnor Gondor condemned").
    let two = rows.replace("3 Elessar   Elessar", "3 Rohan     Rohan  ");
    let coding = code_on(&lex, &two, Some(date(2012, 6, 1)));
    assert_eq!(
        triples(&coding),
        want(&[("111", "ARN", Some("GON")), ("111", "ROH", Some("GON"))])
    );
}

#[test]
fn a_report_hung_on_its_day_is_the_complement_of_the_verb_it_dates() {
    let lex = lexicon();
    // "Rohan said on Wednesday that Arnor had attacked Gondor", with the reported clause read
    // as a relative clause of "Wednesday", "that" as its relative pronoun and "Gondor" as a
    // "by" agent that has no "by".
    let rows = "
        1  Rohan     Rohan     PROPN NNP 2  nsubj
        2  said      say       VERB  VBD 0  root
        3  on        on        ADP   IN  4  case
        4  Wednesday Wednesday PROPN NNP 2  obl
        5  that      that      PRON  WDT 8  obj
        6  Arnor     Arnor     PROPN NNP 8  nsubj
        7  had       have      AUX   VBD 8  aux
        8  attacked  attack    VERB  VBN 4  acl:relcl
        9  Gondor    Gondor    PROPN NNP 8  obl:agent
        10 .         .         PUNCT .   2  punct";
    let coding = code_on(&lex, rows, None);
    assert_eq!(triples(&coding), want(&[("190", "ARN", Some("GON"))]));
    let said_by = coding.events[0]
        .attribution
        .as_ref()
        .map(|a| a.code.as_str());
    assert_eq!(said_by, Some("ROH"));
    // A true relative clause of a day keeps its reading: "the Wednesday that Arnor chose".
    let relative = "
        1 Rohan     Rohan     PROPN NNP 2 nsubj
        2 attacked  attack    VERB  VBD 0 root
        3 on        on        ADP   IN  4 case
        4 Wednesday Wednesday PROPN NNP 2 obl
        5 that      that      PRON  WDT 7 obj
        6 Arnor     Arnor     PROPN NNP 7 nsubj
        7 chose     choose    VERB  VBD 4 acl:relcl
        8 .         .         PUNCT .   2 punct";
    assert_eq!(code(&lex, relative), want(&[]));
}

#[test]
fn a_that_clause_conjoined_to_the_verb_that_reports_is_reported_too() {
    let lex = lexicon();
    // "Rohan said Arnor was ready and that Arnor would attack Gondor", with the second clause
    // conjoined to "said": it is a second thing Rohan said, not Rohan's own act.
    let rows = "
        1  Rohan  Rohan  PROPN NNP 2  nsubj
        2  said   say    VERB  VBD 0  root
        3  Arnor  Arnor  PROPN NNP 5  nsubj
        4  was    be     AUX   VBD 5  cop
        5  ready  ready  ADJ   JJ  2  ccomp
        6  and    and    CCONJ CC  10 cc
        7  that   that   SCONJ IN  10 mark
        8  Arnor  Arnor  PROPN NNP 10 nsubj
        9  would  would  AUX   MD  10 aux
        10 attack attack VERB  VB  2  conj
        11 Gondor Gondor PROPN NNP 10 obj
        12 .      .      PUNCT .   2  punct";
    let coding = code_on(&lex, rows, None);
    assert_eq!(triples(&coding), want(&[("190", "ARN", Some("GON"))]));
    let said_by = coding.events[0]
        .attribution
        .as_ref()
        .map(|a| a.code.as_str());
    assert_eq!(said_by, Some("ROH"));
}

#[test]
fn a_passive_subject_of_a_main_verb_without_auxiliary_is_its_doer_in_a_full_sentence() {
    let lex = lexicon();
    // "Arnor attacked at dawn near Gondor.", with "attacked" tagged as a participle and
    // "Arnor" as its passive subject: no auxiliary, so no passive.
    let rows = "
        1 Arnor    Arnor  PROPN NNP 2 nsubj:pass
        2 attacked attack VERB  VBN 0 root
        3 near     near   ADP   IN  4 case
        4 Gondor   Gondor PROPN NNP 2 obl
        5 .        .      PUNCT .   2 punct";
    let active = code(&lex, rows);
    assert!(active.iter().all(|(_, s, _)| s == "ARN"), "{active:?}");
    assert!(!active.is_empty());
    // A headline without a full stop stays passive: Arnor was attacked.
    let headline = &rows[..rows.rfind("5 .").unwrap()];
    let passive = code(&lex, headline);
    assert!(passive.iter().all(|(_, s, _)| s != "ARN"), "{passive:?}");
    // So does a sentence with its "was".
    let was = "
        1 Arnor    Arnor  PROPN NNP 3 nsubj:pass
        2 was      be     AUX   VBD 3 aux:pass
        3 attacked attack VERB  VBN 0 root
        4 near     near   ADP   IN  5 case
        5 Gondor   Gondor PROPN NNP 3 obl
        6 .        .      PUNCT .   3 punct";
    let passive = code(&lex, was);
    assert!(passive.iter().all(|(_, s, _)| s != "ARN"), "{passive:?}");
}

#[test]
fn a_verb_read_as_modifying_a_later_word_of_the_opening_name_is_the_name_s_verb() {
    let lex = lexicon();
    // "Boromir Denethor condemned Arnor", with "condemned" read as a participle modifying
    // "Denethor", the second word of the name that heads the sentence.
    let rows = "
        1 Boromir   Boromir  PROPN NNP 0 root
        2 Denethor  Denethor PROPN NNP 1 flat
        3 condemned condemn  VERB  VBN 2 acl
        4 Arnor     Arnor    PROPN NNP 3 obj
        5 .         .        PUNCT .   1 punct";
    assert_eq!(code(&lex, rows), want(&[("111", "GON", Some("ARN"))]));
}

#[test]
fn a_list_item_opened_by_and_is_a_conjunct() {
    let lex = lexicon();
    // "Arnor and envoy Gondor met", with "Gondor" read as the next item of a list after
    // "Arnor" and "and" hung on its title.
    let rows = "
        1 Arnor  Arnor  PROPN 5 nsubj
        2 and    and    CCONJ 3 cc
        3 envoy  envoy  NOUN  4 nmod:desc
        4 Gondor Gondor PROPN 1 list
        5 met    meet   VERB  0 root
        6 .      .      PUNCT 5 punct";
    assert_eq!(
        code(&lex, rows),
        want(&[("044", "ARN", Some("GON")), ("044", "GON", Some("ARN"))])
    );
    // A list without "and" stays a list: one subject, and no one to meet.
    let list = rows
        .replace("CCONJ 3 cc", "PUNCT 3 punct")
        .replace(" and ", " ,   ");
    assert_eq!(code(&lex, &list), want(&[]));
}

#[test]
fn a_verb_read_as_modifying_what_a_number_is_of_is_the_number_s_verb() {
    let lex = lexicon();
    // "Hundreds of Arnor clashed with Gondor", with "clashed" read as a participle
    // modifying "Arnor", the noun the opening "Hundreds" is of.
    let rows = "
        1 Hundreds hundred PROPN NNS 0 root
        2 of       of      ADP   IN  3 case
        3 Arnor    Arnor   PROPN NNP 1 nmod
        4 clashed  clash   VERB  VBD 3 acl
        5 with     with    ADP   IN  6 case
        6 Gondor   Gondor  PROPN NNP 4 obl
        7 .        .       PUNCT .   1 punct";
    assert_eq!(code(&lex, rows), want(&[("110", "ARN", Some("GON"))]));
}
