//! Rules that go beyond one verb and its arguments: modality (announced, possible and
//! conditional events), deeds that are only asked for, and what earlier sentences of a story
//! tell a later one (pronouns, surnames, "the bloc", the dateline's country).
//!
//! Like `coding_rules.rs`: an invented lexicon in PETRARCH format and hand-written UD parses.

mod support;

use petrel_coder::{Coder, Event, Modality, StoryContext};
use petrel_lexicon::{petrarch, Lexicon};
use support::parse;

const VERBS: &str = "\
--- ACCUSE [112] ---
ACCUSE

--- ATTACK [190] ---
ATTACK


--- DENY [016] ---
DENY

--- CONDEMN [111] ---
CONDEMN

--- MEET [040:040] ---
MEET

--- PROTEST [141] ---
PROTEST

--- TRAVEL [---] ---
TRAVEL
- * (TO +) [042]

--- SUPPLY [070] ---
SUPPLY
- * WEAPONS [072]

--- URGE [020] ---
URGE

--- REJECT [120] ---
REJECT

--- SAY [---] ---
SAY
";

const ACTORS: &str = "\
ARNOR [ARN]
GONDOR [GON]
MORDOR [MOR]
ELESSAR_TELCONTAR [ARNGOV]
HAN_SEO-YUN [GONGOV]
	[GONGOV 20100101-20301231]
WHITE_COUNCIL [IGOWHC]
";

const AGENTS: &str = "\
POLICE {} [~COP]
CIVILIAN [~CVL]
GOVERNMENT [~GOV]
";

fn lexicon() -> Lexicon {
    let mut lex = Lexicon::default();
    assert!(petrarch::read_verbs("t.verbs", VERBS, &mut lex.verbs).is_empty());
    assert!(petrarch::read_actors("t.actors", ACTORS, &mut lex.actors).is_empty());
    assert!(petrarch::read_agents("t.agents", AGENTS, &mut lex.agents).is_empty());
    lex
}

/// (code, source, target) of each event.
fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = events
        .iter()
        .map(|e| {
            let target = e.target.as_ref().map_or("-".into(), |t| t.code.to_string());
            (e.code.clone(), e.source.code.to_string(), target)
        })
        .collect();
    out.sort();
    out
}

fn one(code: &str, source: &str, target: &str) -> Vec<(String, String, String)> {
    vec![(code.into(), source.into(), target.into())]
}

// Sentences that open more than one test's story.

/// "Gondor accused Mordor."
const GONDOR_ACCUSED_MORDOR: &str = "
    1 Gondor  Gondor PROPN 2 nsubj
    2 accused accuse VERB  0 root
    3 Mordor  Mordor PROPN 2 obj
    4 .       .      PUNCT 2 punct";

/// "Mordor attacked Arnor."
const MORDOR_ATTACKED_ARNOR: &str = "
    1 Mordor   Mordor PROPN 2 nsubj
    2 attacked attack VERB  0 root
    3 Arnor    Arnor  PROPN 2 obj
    4 .        .      PUNCT 2 punct";

/// A story that has so far told the one sentence `rows`.
fn story_after(coder: &Coder, rows: &str) -> StoryContext {
    let mut story = StoryContext::default();
    coder.code_in_story(&parse(rows), None, &mut story);
    story
}

const ARNOR_WOULD_SUPPLY_WEAPONS_TO_GONDOR: &str = "
    1 Arnor   Arnor   PROPN 3 nsubj
    2 would   would   AUX   3 aux
    3 supply  supply  VERB  0 root
    4 weapons weapon  NOUN  3 obj
    5 to      to      ADP   6 case
    6 Gondor  Gondor  PROPN 3 obl
    7 .       .       PUNCT 3 punct";

#[test]
fn announced_cooperation_is_an_intent_when_asked_for() {
    let lex = lexicon();
    let sentence = parse(ARNOR_WOULD_SUPPLY_WEAPONS_TO_GONDOR);
    let plain = Coder::new(&lex).code(&sentence, None);
    assert_eq!(triples(&plain.events), one("072", "ARN", "GON"));
    assert_eq!(plain.events[0].modality, Some(Modality::Future));
    assert_eq!(plain.events[0].recoded_from, None);

    let recoded = Coder::new(&lex).recode_modal(true).code(&sentence, None);
    assert_eq!(triples(&recoded.events), one("0332", "ARN", "GON"));
    assert_eq!(recoded.events[0].recoded_from.as_deref(), Some("072"));
}

#[test]
fn announced_violence_is_a_threat_only_from_its_own_actor() {
    let lex = lexicon();
    let coder = Coder::new(&lex).recode_modal(true);
    let own = coder.code(
        &parse(
            "
            1 Arnor  Arnor  PROPN 3 nsubj
            2 will   will   AUX   3 aux
            3 attack attack VERB  0 root
            4 Gondor Gondor PROPN 3 obj
            5 if     if     SCONJ 7 mark
            6 Gondor Gondor PROPN 7 nsubj
            7 refuses refuse VERB 3 advcl
            8 .      .      PUNCT 3 punct",
        ),
        None,
    );
    assert_eq!(triples(&own.events), one("1384", "ARN", "GON"));
    assert_eq!(own.events[0].modality, Some(Modality::Conditional));

    // Mordor's prediction of what Arnor will do is not Arnor's threat: the attack keeps its
    // code and is marked as only expected.
    let predicted = coder.code(
        &parse(
            "
            1 Mordor Mordor PROPN 2 nsubj
            2 said   say    VERB  0 root
            3 Arnor  Arnor  PROPN 5 nsubj
            4 would  would  AUX   5 aux
            5 attack attack VERB  2 ccomp
            6 Gondor Gondor PROPN 5 obj
            7 .      .      PUNCT 2 punct",
        ),
        None,
    );
    assert_eq!(triples(&predicted.events), one("190", "ARN", "GON"));
    assert_eq!(predicted.events[0].modality, Some(Modality::Future));
}

#[test]
fn a_deed_only_asked_for_is_not_an_event() {
    let lex = lexicon();
    let coding = Coder::new(&lex).code(
        &parse(
            "
            1 Arnor  Arnor  PROPN 2 nsubj
            2 urged  urge   VERB  0 root
            3 Gondor Gondor PROPN 2 obj
            4 to     to     PART  5 mark
            5 attack attack VERB  2 xcomp
            6 Mordor Mordor PROPN 5 obj
            7 .      .      PUNCT 2 punct",
        ),
        None,
    );
    assert_eq!(triples(&coding.events), one("020", "ARN", "GON"));
}

const ELESSAR_TELCONTAR_MET_GONDOR: &str = "
    1 Elessar   Elessar   PROPN 3 nsubj
    2 Telcontar Telcontar PROPN 1 flat
    3 met       meet      VERB  0 root
    4 Gondor    Gondor    PROPN 3 obj
    5 .         .         PUNCT 3 punct";

#[test]
fn a_surname_names_the_person_named_in_full_before() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let later = parse(
        "
        1 Telcontar Telcontar PROPN 2 nsubj
        2 condemned condemn   VERB  0 root
        3 Mordor    Mordor    PROPN 2 obj
        4 .         .         PUNCT 2 punct",
    );
    assert!(coder.code(&later, None).events.is_empty());

    let mut story = StoryContext::default();
    coder.code_in_story(&parse(ELESSAR_TELCONTAR_MET_GONDOR), None, &mut story);
    let coding = coder.code_in_story(&later, None, &mut story);
    assert_eq!(triples(&coding.events), one("111", "ARNGOV", "MOR"));
}

#[test]
fn a_person_is_named_again_by_the_first_or_the_last_word_of_the_name() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    // "Han Seo-yun met Arnor", then "Han condemned Mordor": a person (an entry with a dated
    // role) is named again by the first word of the name as well as the last.
    let mut story = story_after(
        &coder,
        "
        1 Han    Han    PROPN 2 compound
        2 Seo-yun Seo-yun PROPN 3 nsubj
        3 met    meet   VERB  0 root
        4 Arnor  Arnor  PROPN 3 obj
        5 .      .      PUNCT 3 punct",
    );
    let later = parse(
        "
        1 Han       Han     PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 Mordor    Mordor  PROPN 2 obj
        4 .         .       PUNCT 2 punct",
    );
    let coding = coder.code_in_story(&later, None, &mut story);
    assert_eq!(triples(&coding.events), one("111", "GONGOV", "MOR"));
}

#[test]
fn a_pronoun_subject_is_the_last_sentence_s_subject() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let mut story = StoryContext::default();
    coder.code_in_story(&parse(ELESSAR_TELCONTAR_MET_GONDOR), None, &mut story);
    let coding = coder.code_in_story(
        &parse(
            "
            1 He        he      PRON  2 nsubj
            2 condemned condemn VERB  0 root
            3 Mordor    Mordor  PROPN 2 obj
            4 .         .       PUNCT 2 punct",
        ),
        None,
        &mut story,
    );
    assert_eq!(triples(&coding.events), one("111", "ARNGOV", "MOR"));
    // The actor points at the pronoun, and says whom it stands for.
    let source = &coding.events[0].source;
    assert_eq!(source.tokens, (0, 0));
    assert!(source.entries[0].contains("Elessar Telcontar"));
}

#[test]
fn the_bloc_is_the_international_body_named_before() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let mut story = StoryContext::default();
    coder.code_in_story(
        &parse(
            "
            1 The     the     DET   3 det
            2 White   White   PROPN 3 compound
            3 Council Council PROPN 4 nsubj
            4 met     meet    VERB  0 root
            5 Gondor  Gondor  PROPN 4 obj
            6 .       .       PUNCT 4 punct",
        ),
        None,
        &mut story,
    );
    let coding = coder.code_in_story(
        &parse(
            "
            1 The       the     DET   2 det
            2 bloc      bloc    NOUN  3 nsubj
            3 condemned condemn VERB  0 root
            4 Mordor    Mordor  PROPN 3 obj
            5 .         .       PUNCT 3 punct",
        ),
        None,
        &mut story,
    );
    assert_eq!(triples(&coding.events), one("111", "IGOWHC", "MOR"));
}

const POLICE_ATTACKED_CIVILIANS: &str = "
    1 Police    police    NOUN 2 nsubj
    2 attacked  attack    VERB 0 root
    3 civilians civilian  NOUN 2 obj
    4 .         .         PUNCT 2 punct";

#[test]
fn local_actors_take_the_country_of_the_dateline_or_of_the_clause() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    // Alone, police and civilians have no country, and an event between two unknowns is
    // still coded with PETRARCH's unknown-country prefix.
    let alone = coder.code(&parse(POLICE_ATTACKED_CIVILIANS), None);
    assert_eq!(triples(&alone.events), one("190", "---COP", "---CVL"));

    let mut story = StoryContext::default();
    gondor_dateline(&coder, &mut story);
    let coding = coder.code_in_story(&parse(POLICE_ATTACKED_CIVILIANS), None, &mut story);
    assert_eq!(triples(&coding.events), one("190", "GONCOP", "GONCVL"));

    // A place in the event's own clause outranks the dateline.
    let elsewhere = coder.code_in_story(
        &parse(
            "
            1 Police    police   NOUN  2 nsubj
            2 attacked  attack   VERB  0 root
            3 civilians civilian NOUN  2 obj
            4 in        in       ADP   5 case
            5 Mordor    Mordor   PROPN 2 obl
            6 .         .        PUNCT 2 punct",
        ),
        None,
        &mut story,
    );
    assert_eq!(triples(&elsewhere.events), one("190", "MORCOP", "MORCVL"));
}

#[test]
fn a_condition_is_hypothetical_and_a_failed_act_is_negated() {
    let lex = lexicon();
    let coder = Coder::new(&lex).recode_modal(true);
    let coding = coder.code(
        &parse(
            "
            1 Arnor  Arnor  PROPN 3 nsubj
            2 will   will   AUX   3 aux
            3 meet   meet   VERB  0 root
            4 Gondor Gondor PROPN 3 obj
            5 if     if     SCONJ 7 mark
            6 Mordor Mordor PROPN 7 nsubj
            7 attacks attack VERB 3 advcl
            8 Gondor Gondor PROPN 7 obj
            9 .      .      PUNCT 3 punct",
        ),
        None,
    );
    let attack = coding.events.iter().find(|e| e.code == "190").unwrap();
    assert_eq!(attack.modality, Some(Modality::Hypothetical));
    assert_eq!(attack.recoded_from, None);
    let meeting = coding
        .events
        .iter()
        .find(|e| e.source.code == "ARN")
        .unwrap();
    assert_eq!(
        (meeting.code.as_str(), meeting.modality),
        ("036", Some(Modality::Conditional))
    );

    let failed = coder.code(
        &parse(
            "
            1 Arnor  Arnor  PROPN 2 nsubj
            2 failed fail   VERB  0 root
            3 to     to     PART  4 mark
            4 meet   meet   VERB  2 xcomp
            5 Gondor Gondor PROPN 4 obj
            6 .      .      PUNCT 2 punct",
        ),
        None,
    );
    assert!(!failed.events.is_empty());
    assert!(
        failed.events.iter().all(|e| e.negated),
        "{:?}",
        failed.events
    );
}

#[test]
fn a_denial_answers_the_last_accuser_of_the_denier() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let denial = parse(
        "
        1 Mordor         Mordor         PROPN 2 nsubj
        2 denied         deny           VERB  0 root
        3 responsibility responsibility NOUN  2 obj
        4 .              .              PUNCT 2 punct",
    );
    assert!(coder.code(&denial, None).events.is_empty());

    let mut story = story_after(&coder, GONDOR_ACCUSED_MORDOR);
    let coding = coder.code_in_story(&denial, None, &mut story);
    assert_eq!(triples(&coding.events), one("016", "MOR", "GON"));
}

#[test]
fn an_object_pronoun_is_the_nearest_other_actor_before_it() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let rows = "
        1 Arnor     Arnor   PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 Gondor    Gondor  PROPN 2 obj
        4 and       and     CCONJ 5 cc
        5 urged     urge    VERB  2 conj
        6 it        it      PRON  5 obj
        7 to        to      PART  8 mark
        8 leave     leave   VERB  5 xcomp
        9 Mordor    Mordor  PROPN 8 obj
        10 .        .       PUNCT 2 punct";
    let coding = coder.code_in_story(&parse(rows), None, &mut StoryContext::default());
    assert_eq!(
        triples(&coding.events),
        vec![
            ("020".into(), "ARN".into(), "GON".into()),
            ("111".into(), "ARN".into(), "GON".into())
        ]
    );
    // "Gondor police urged him to leave": "him" is not the police's own country.
    let rows = "
        1 Gondor Gondor PROPN 2 compound
        2 police police NOUN  3 nsubj
        3 urged  urge   VERB  0 root
        4 him    he     PRON  3 obj
        5 to     to     PART  6 mark
        6 leave  leave  VERB  3 xcomp
        7 .      .      PUNCT 3 punct";
    let coding = coder.code_in_story(&parse(rows), None, &mut StoryContext::default());
    assert_eq!(triples(&coding.events), vec![]);
}

#[test]
fn condemning_an_earlier_act_targets_whoever_did_it() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let condemned = parse(
        "
        1 Gondor    Gondor  PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 the       the     DET   4 det
        4 attack    attack  NOUN  2 obj
        5 .         .       PUNCT 2 punct",
    );
    assert!(coder.code(&condemned, None).events.is_empty());

    let mut story = story_after(&coder, MORDOR_ATTACKED_ARNOR);
    let coding = coder.code_in_story(&condemned, None, &mut story);
    assert_eq!(triples(&coding.events), one("111", "GON", "MOR"));
}

#[test]
fn condemning_a_joint_act_targets_all_who_did_it_together() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    // "Mordor condemned the meeting."
    let condemned = parse(
        "
        1 Mordor    Mordor  PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 the       the     DET   4 det
        4 meeting   meeting NOUN  2 obj
        5 .         .       PUNCT 2 punct",
    );
    // "Gondor and Arnor met.": both held the meeting.
    let together = "
        1 Gondor Gondor PROPN 4 nsubj
        2 and    and    CCONJ 3 cc
        3 Arnor  Arnor  PROPN 1 conj
        4 met    meet   VERB  0 root
        5 .      .      PUNCT 4 punct";
    let mut story = story_after(&coder, together);
    let coding = coder.code_in_story(&condemned, None, &mut story);
    assert_eq!(
        triples(&coding.events),
        vec![
            ("111".into(), "MOR".into(), "ARN".into()),
            ("111".into(), "MOR".into(), "GON".into())
        ]
    );
    // "Gondor met Arnor.": Gondor's meeting, as a visit is the visitor's.
    let one_way = "
        1 Gondor Gondor PROPN 2 nsubj
        2 met    meet   VERB  0 root
        3 Arnor  Arnor  PROPN 2 obj
        4 .      .      PUNCT 2 punct";
    let mut story = story_after(&coder, one_way);
    let coding = coder.code_in_story(&condemned, None, &mut story);
    assert_eq!(triples(&coding.events), one("111", "MOR", "GON"));
}

#[test]
fn what_is_denied_is_negated_and_the_denial_answers_the_accuser() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let mut story = story_after(&coder, GONDOR_ACCUSED_MORDOR);
    // "Mordor denied that it attacked Arnor."
    let rows = "
        1 Mordor   Mordor PROPN 2 nsubj
        2 denied   deny   VERB  0 root
        3 that     that   SCONJ 5 mark
        4 it       it     PRON  5 nsubj
        5 attacked attack VERB  2 ccomp
        6 Arnor    Arnor  PROPN 5 obj
        7 .        .      PUNCT 2 punct";
    let coding = coder.code_in_story(&parse(rows), None, &mut story);
    let denial: Vec<_> = coding
        .events
        .iter()
        .filter(|e| e.code == "016")
        .cloned()
        .collect();
    assert_eq!(triples(&denial), one("016", "MOR", "GON"));
    let attack = coding.events.iter().find(|e| e.code == "190").unwrap();
    assert!(attack.negated, "{attack:?}");
}

#[test]
fn a_proposal_rejected_is_what_the_last_speaker_said() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let mut story = StoryContext::default();
    // "Arnor said Gondor should leave." (no event: only what someone said)
    let said = coder.code_in_story(
        &parse(
            "
            1 Arnor  Arnor  PROPN 2 nsubj
            2 said   say    VERB  0 root
            3 Gondor Gondor PROPN 5 nsubj
            4 should should AUX   5 aux
            5 leave  leave  VERB  2 ccomp
            6 .      .      PUNCT 2 punct",
        ),
        None,
        &mut story,
    );
    assert!(said.events.is_empty(), "{:?}", said.events);
    let rows = "
        1 Gondor   Gondor   PROPN 2 nsubj
        2 rejected reject   VERB  0 root
        3 the      the      DET   4 det
        4 proposal proposal NOUN  2 obj
        5 .        .        PUNCT 2 punct";
    let coding = coder.code_in_story(&parse(rows), None, &mut story);
    assert_eq!(triples(&coding.events), one("120", "GON", "ARN"));
}

#[test]
fn an_event_noun_with_its_doer_named_targets_that_doer() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let mut story = story_after(&coder, MORDOR_ATTACKED_ARNOR);
    // "Gondor condemned Arnor's decision": Arnor's, not the attacker's.
    let rows = "
        1 Gondor    Gondor   PROPN 2 nsubj
        2 condemned condemn  VERB  0 root
        3 Arnor     Arnor    PROPN 5 nmod:poss
        4 's        's       PART  3 case
        5 decision  decision NOUN  2 obj
        6 .         .        PUNCT 2 punct";
    let coding = coder.code_in_story(&parse(rows), None, &mut story);
    assert_eq!(triples(&coding.events), one("111", "GON", "ARN"));
}

/// "GONDOR, March 4 -", read as a story's dateline.
fn gondor_dateline(coder: &Coder, story: &mut StoryContext) {
    coder.read_dateline(
        &parse(
            "
            1 GONDOR GONDOR PROPN 0 root
            2 ,      ,      PUNCT 3 punct
            3 March  March  PROPN 1 appos
            4 4      4      NUM   3 nummod
            5 -      -      PUNCT 1 punct",
        ),
        None,
        story,
    );
}

#[test]
fn the_government_is_the_dateline_country_s_unless_named_before() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let accused = parse(
        "
        1 The        the        DET   2 det
        2 government government NOUN  3 nsubj
        3 accused    accuse     VERB  0 root
        4 Mordor     Mordor     PROPN 3 obj
        5 .          .          PUNCT 3 punct",
    );
    let mut story = StoryContext::default();
    gondor_dateline(&coder, &mut story);
    let coding = coder.code_in_story(&accused, None, &mut story);
    assert_eq!(triples(&coding.events), one("112", "GONGOV", "MOR"));
    // Without a dateline, "the government" is nobody's in particular.
    let alone = coder.code_in_story(&accused, None, &mut StoryContext::default());
    assert_eq!(triples(&alone.events), one("112", "---GOV", "MOR"));
}

#[test]
fn its_police_are_the_speaker_s() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let coding = coder.code_in_story(
        &parse(
            "
            1 Arnor    Arnor  PROPN 2 nsubj
            2 said     say    VERB  0 root
            3 its      its    PRON  4 nmod:poss
            4 police   police NOUN  5 nsubj
            5 attacked attack VERB  2 ccomp
            6 Gondor   Gondor PROPN 5 obj
            7 .        .      PUNCT 2 punct",
        ),
        None,
        &mut StoryContext::default(),
    );
    assert_eq!(triples(&coding.events), one("190", "ARNCOP", "GON"));
}

#[test]
fn a_protest_against_no_one_named_is_against_the_protesters_government() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    let protested = parse(
        "
        1 Arnor     Arnor   PROPN 2 nsubj
        2 protested protest VERB  0 root
        3 .         .       PUNCT 2 punct",
    );
    let coding = coder.code_in_story(&protested, None, &mut StoryContext::default());
    assert_eq!(triples(&coding.events), one("141", "ARN", "ARNGOV"));
    // Sentence by sentence, as PETRARCH codes, a protest without a target is no event.
    assert!(coder.code(&protested, None).events.is_empty());
}

#[test]
fn those_who_come_along_on_a_visit_visit_too() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    // "Arnor travelled to Gondor with Mordor."
    let coding = coder.code_in_story(
        &parse(
            "
            1 Arnor     Arnor  PROPN 2 nsubj
            2 travelled travel VERB  0 root
            3 to        to     ADP   4 case
            4 Gondor    Gondor PROPN 2 obl
            5 with      with   ADP   6 case
            6 Mordor    Mordor PROPN 2 obl
            7 .         .      PUNCT 2 punct",
        ),
        None,
        &mut StoryContext::default(),
    );
    let mut want = one("042", "ARN", "GON");
    want.extend(one("042", "MOR", "GON"));
    assert_eq!(triples(&coding.events), want);
}

#[test]
fn a_means_clause_is_done_by_the_subject_of_its_clause() {
    let lex = lexicon();
    let coder = Coder::new(&lex);
    // "Arnor opened the session by condemning Gondor", with the clause on the object, as
    // parsers often attach it.
    let rows = "
        1 Arnor      Arnor   PROPN 2 nsubj
        2 opened     open    VERB  0 root
        3 the        the     DET   4 det
        4 session    session NOUN  2 obj
        5 by         by      SCONJ 6 mark
        6 condemning condemn VERB  4 acl
        7 Gondor     Gondor  PROPN 6 obj
        8 .          .       PUNCT 2 punct";
    assert_eq!(
        triples(&coder.code(&parse(rows), None).events),
        one("111", "ARN", "GON")
    );
    let on_the_verb = rows.replace("VERB  4 acl", "VERB  2 advcl");
    assert_eq!(
        triples(&coder.code(&parse(&on_the_verb), None).events),
        one("111", "ARN", "GON")
    );
}
