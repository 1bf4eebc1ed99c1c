//! The coder with petrel's own lexicon (`lexicon/`): names that are also given names or
//! places code only on their own, agents join the countries they are attached to, capitals
//! stand for governments, and a person's code follows the story's date.
//!
//! Parses are hand-written UD v2 (rows of ID FORM LEMMA UPOS HEAD DEPREL), as EWT would
//! annotate the sentences, so a failure points at the lexicon or the coder, not a parser.

mod support;

use std::sync::OnceLock;
use support::parse;

use jiff::civil::Date;
use petrel_coder::{Coder, StoryContext};
use petrel_lexicon::{default_dir, Lexicon};

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let (lexicon, diags) = Lexicon::load_own(&default_dir()).expect("the lexicon loads");
        assert!(diags.is_empty(), "{diags:#?}");
        lexicon
    })
}

/// The (code, source, target) of each event, sorted.
fn events(rows: &str, day: &str) -> Vec<(String, String, String)> {
    let day: Date = day.parse().unwrap();
    let coding = Coder::new(lexicon()).code(&parse(rows), Some(day));
    let mut out: Vec<(String, String, String)> = coding
        .events
        .iter()
        .map(|e| {
            let target = e
                .target
                .as_ref()
                .map_or("-".to_string(), |t| t.code.to_string());
            (e.code.clone(), e.source.code.to_string(), target)
        })
        .collect();
    out.sort();
    out
}

fn want(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = expected
        .iter()
        .map(|(c, s, t)| (c.to_string(), s.to_string(), t.to_string()))
        .collect();
    out.sort();
    out
}

const DAY: &str = "2026-11-15";

#[test]
fn chad_the_country_codes_alone() {
    let rows = "
        1 Chad Chad PROPN 2 nsubj
        2 accused accuse VERB 0 root
        3 Nigeria Nigeria PROPN 2 obj
        4 . . PUNCT 2 punct";
    assert_eq!(events(rows, DAY), want(&[("112", "TCD", "NGA")]));
}

#[test]
fn chad_the_given_name_does_not_code() {
    // "Chad" joined to a capitalised name is a person, whichever way the parser attaches it.
    let flat = "
        1 Chad Chad PROPN 3 nsubj
        2 Smith Smith PROPN 1 flat
        3 criticized criticize VERB 0 root
        4 Nigeria Nigeria PROPN 3 obj
        5 . . PUNCT 3 punct";
    assert_eq!(events(flat, DAY), want(&[]));
    let compound = "
        1 Chad Chad PROPN 2 compound
        2 Smith Smith PROPN 3 nsubj
        3 criticized criticize VERB 0 root
        4 Nigeria Nigeria PROPN 3 obj
        5 . . PUNCT 3 punct";
    assert_eq!(events(compound, DAY), want(&[]));
}

#[test]
fn jordan_and_georgia_in_and_out_of_context() {
    let country = "
        1 Jordan Jordan PROPN 2 nsubj
        2 condemned condemn VERB 0 root
        3 Israel Israel PROPN 2 obj
        4 . . PUNCT 2 punct";
    assert_eq!(events(country, DAY), want(&[("111", "JOR", "ISR")]));
    let person = "
        1 Michael Michael PROPN 3 nsubj
        2 Jordan Jordan PROPN 1 flat
        3 condemned condemn VERB 0 root
        4 Israel Israel PROPN 3 obj
        5 . . PUNCT 3 punct";
    assert_eq!(events(person, DAY), want(&[]));
    // "Atlanta, Georgia": the state, after a capitalised place and a comma.
    let state = "
        1 Police police NOUN 6 nsubj
        2 in in ADP 3 case
        3 Atlanta Atlanta PROPN 1 nmod
        4 , , PUNCT 5 punct
        5 Georgia Georgia PROPN 3 appos
        6 arrested arrest VERB 0 root
        7 Russian Russian ADJ 8 amod
        8 diplomats diplomat NOUN 6 obj
        9 . . PUNCT 6 punct";
    // Police of no known country (Atlanta is not in the lexicon), not Georgia's (GEOCOP).
    assert_eq!(events(state, DAY), want(&[("173", "---COP", "RUSGOV")]));
}

#[test]
fn a_day_before_a_name_is_not_part_of_it() {
    // "On Friday, Jordan condemned Israel": a day, with or without its comma, is no given name.
    let rows = "
        1 On On ADP 2 case
        2 Friday Friday PROPN 5 obl
        3 , , PUNCT 2 punct
        4 Jordan Jordan PROPN 5 nsubj
        5 condemned condemn VERB 0 root
        6 Israel Israel PROPN 5 obj
        7 . . PUNCT 5 punct";
    assert_eq!(events(rows, DAY), want(&[("111", "JOR", "ISR")]));
    let no_comma = rows.replace("3 , , PUNCT 2 punct", "3 so so ADV 5 advmod");
    assert_eq!(events(&no_comma, DAY), want(&[("111", "JOR", "ISR")]));
}

#[test]
fn headlines_in_capitals_still_code() {
    let rows = "
        1 TURKEY Turkey PROPN 2 nsubj
        2 ACCUSES accuse VERB 0 root
        3 GREECE Greece PROPN 2 obj";
    assert_eq!(events(rows, DAY), want(&[("112", "TUR", "GRC")]));
}

#[test]
fn agents_join_the_country_before_them() {
    let adjective = "
        1 Kenyan Kenyan ADJ 2 amod
        2 police police NOUN 3 nsubj
        3 arrested arrest VERB 0 root
        4 Ethiopian Ethiopian ADJ 5 amod
        5 journalists journalist NOUN 3 obj
        6 . . PUNCT 3 punct";
    assert_eq!(events(adjective, DAY), want(&[("173", "KENCOP", "ETHMED")]));
    let possessive = "
        1 Kenya Kenya PROPN 3 nmod:poss
        2 's 's PART 1 case
        3 police police NOUN 4 nsubj
        4 arrested arrest VERB 0 root
        5 Ethiopian Ethiopian ADJ 6 amod
        6 journalists journalist NOUN 4 obj
        7 . . PUNCT 4 punct";
    assert_eq!(
        events(possessive, DAY),
        want(&[("173", "KENCOP", "ETHMED")])
    );
}

#[test]
fn troops_take_their_country() {
    let rows = "
        1 Russian Russian ADJ 2 amod
        2 troops troops NOUN 3 nsubj
        3 attacked attack VERB 0 root
        4 Ukrainian Ukrainian ADJ 5 amod
        5 soldiers soldier NOUN 3 obj
        6 . . PUNCT 3 punct";
    assert_eq!(events(rows, DAY), want(&[("190", "RUSMIL", "UKRMIL")]));
}

#[test]
fn capitals_as_metonyms() {
    let rows = "
        1 The the DET 2 det
        2 Kremlin Kremlin PROPN 3 nsubj
        3 accused accuse VERB 0 root
        4 Kyiv Kyiv PROPN 3 obj
        5 of of ADP 7 case
        6 war war NOUN 7 compound
        7 crimes crime NOUN 3 obl
        8 . . PUNCT 3 punct";
    assert_eq!(events(rows, DAY), want(&[("1124", "RUSGOV", "UKRGOV")]));
    let kiev = rows.replace("Kyiv Kyiv", "Kiev Kiev");
    assert_eq!(events(&kiev, DAY), want(&[("1124", "RUSGOV", "UKRGOV")]));
}

#[test]
fn people_code_by_the_story_date() {
    let rows = "
        1 Olaf Olaf PROPN 3 nsubj
        2 Scholz Scholz PROPN 1 flat
        3 met meet VERB 0 root
        4 Emmanuel Emmanuel PROPN 3 obj
        5 Macron Macron PROPN 4 flat
        6 . . PUNCT 3 punct";
    assert_eq!(
        events(rows, "2024-11-15"),
        want(&[("040", "DEUGOV", "FRAGOV"), ("040", "FRAGOV", "DEUGOV")])
    );
    assert_eq!(
        events(rows, "2025-11-15"),
        want(&[("040", "DEUELI", "FRAGOV"), ("040", "FRAGOV", "DEUELI")])
    );
}

#[test]
fn titles_name_the_capacity_people_act_in() {
    let rows = "
        1 Kenyan Kenyan ADJ 2 amod
        2 President president PROPN 4 compound
        3 William William PROPN 4 compound
        4 Ruto Ruto PROPN 5 nsubj
        5 met meet VERB 0 root
        6 Ethiopian Ethiopian ADJ 7 amod
        7 Prime prime PROPN 8 amod
        8 Minister minister PROPN 10 compound
        9 Abiy Abiy PROPN 10 compound
        10 Ahmed Ahmed PROPN 5 obj
        11 . . PUNCT 5 punct";
    assert_eq!(
        events(rows, "2025-03-03"),
        want(&[("040", "KENGOV", "ETHGOV"), ("040", "ETHGOV", "KENGOV")])
    );
}

#[test]
fn talks_are_mutual_and_organisations_code() {
    let talks = "
        1 Iran Iran PROPN 2 nsubj
        2 held hold VERB 0 root
        3 talks talk NOUN 2 obj
        4 with with ADP 5 case
        5 Oman Oman PROPN 2 obl
        6 . . PUNCT 2 punct";
    assert_eq!(
        events(talks, DAY),
        want(&[("046", "IRN", "OMN"), ("046", "OMN", "IRN")])
    );
    let un = "
        1 The the DET 3 det
        2 United United PROPN 3 compound
        3 Nations Nations PROPN 4 nsubj
        4 condemned condemn VERB 0 root
        5 Israel Israel PROPN 4 obj
        6 . . PUNCT 4 punct";
    assert_eq!(events(un, DAY), want(&[("111", "IGOUNO", "ISR")]));
    let peacekeepers = "
        1 UN UN PROPN 2 compound
        2 peacekeepers peacekeeper NOUN 3 nsubj
        3 accused accuse VERB 0 root
        4 Israel Israel PROPN 3 obj
        5 . . PUNCT 3 punct";
    assert_eq!(
        events(peacekeepers, DAY),
        want(&[("112", "IGOUNOPKO", "ISR")])
    );
}

#[test]
fn former_leaders_code_as_elites() {
    let rows = "
        1 Joe Joe PROPN 3 nsubj
        2 Biden Biden PROPN 1 flat
        3 criticized criticize VERB 0 root
        4 Donald Donald PROPN 3 obj
        5 Trump Trump PROPN 4 flat
        6 . . PUNCT 3 punct";
    assert_eq!(
        events(rows, "2024-06-01"),
        want(&[("111", "USAGOV", "USAPTY")])
    );
    assert_eq!(events(rows, DAY), want(&[("111", "USAELI", "USAGOV")]));
}

#[test]
fn hyphenated_names_split_by_the_tokenizer_still_match() {
    // EWT splits "Jae-myung" into "Jae", "-", "myung"; the lexicon indexes both spellings.
    let rows = "
        1 Lee Lee PROPN 5 nsubj
        2 Jae Jae PROPN 1 flat
        3 - - PUNCT 4 punct
        4 myung myung PROPN 1 flat
        5 criticized criticize VERB 0 root
        6 Japan Japan PROPN 5 obj
        7 . . PUNCT 5 punct";
    assert_eq!(events(rows, DAY), want(&[("111", "KORGOV", "JPN")]));
}

#[test]
fn possessive_country_with_a_title() {
    let rows = "
        1 Russia Russia PROPN 4 nmod:poss
        2 's 's PART 1 case
        3 foreign foreign ADJ 4 amod
        4 minister minister NOUN 5 nsubj
        5 accused accuse VERB 0 root
        6 Ukraine Ukraine PROPN 5 obj
        7 . . PUNCT 5 punct";
    assert_eq!(events(rows, DAY), want(&[("112", "RUSGOV", "UKR")]));
}

#[test]
fn an_event_noun_in_the_background_codes_with_the_clause_subject_as_doer() {
    // "France apologised to Chad during a meeting with Kenya."
    let rows = "
        1 France     France     PROPN 2 nsubj
        2 apologised apologise  VERB  0 root
        3 to         to         ADP   4 case
        4 Chad       Chad       PROPN 2 obl
        5 during     during     ADP   7 case
        6 a          a          DET   7 det
        7 meeting    meeting    NOUN  2 obl
        8 with       with       ADP   9 case
        9 Kenya      Kenya      PROPN 7 nmod
        10 .         .          PUNCT 2 punct";
    let got = events(rows, DAY);
    assert!(
        got.contains(&("040".into(), "FRA".into(), "KEN".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("040".into(), "KEN".into(), "FRA".into())),
        "{got:?}"
    );
}

#[test]
fn an_event_noun_only_proposed_is_not_an_event() {
    // "France proposed talks with Kenya": a proposal, not talks held.
    let rows = "
        1 France   France   PROPN 2 nsubj
        2 proposed propose  VERB  0 root
        3 talks    talk     NOUN  2 obj
        4 with     with     ADP   5 case
        5 Kenya    Kenya    PROPN 3 nmod
        6 .        .        PUNCT 2 punct";
    let got = events(rows, DAY);
    assert!(
        got.iter().all(|(code, ..)| !code.starts_with("04")),
        "{got:?}"
    );
}

#[test]
fn a_lone_target_after_a_preposition_is_the_phrase_head() {
    // "France held talks with Kenyan President William Ruto": Ruto (KENGOV), not the
    // adjective "Kenyan" (KEN) that comes first inside the phrase.
    let rows = "
        1 France    France    PROPN 2 nsubj
        2 held      hold      VERB  0 root
        3 talks     talk      NOUN  2 obj
        4 with      with      ADP   7 case
        5 Kenyan    Kenyan    ADJ   6 amod
        6 President President PROPN 7 nmod:desc
        7 William   William   PROPN 3 nmod
        8 Ruto      Ruto      PROPN 7 flat
        9 .         .         PUNCT 2 punct";
    let got = events(rows, "2025-01-20");
    assert!(
        got.contains(&("046".into(), "FRA".into(), "KENGOV".into())),
        "{got:?}"
    );
}

#[test]
fn a_fate_foretold_for_another_country_is_the_speaker_s_threat() {
    // "Pakistan vowed that India would pay a heavy price."
    let rows = "
        1 Pakistan Pakistan PROPN 2 nsubj
        2 vowed    vow      VERB  0 root
        3 that     that     SCONJ 6 mark
        4 India    India    PROPN 6 nsubj
        5 would    would    AUX   6 aux
        6 pay      pay      VERB  2 ccomp
        7 a        a        DET   9 det
        8 heavy    heavy    ADJ   9 amod
        9 price    price    NOUN  6 obj
        10 .       .        PUNCT 2 punct";
    assert_eq!(events(rows, DAY), want(&[("130", "PAK", "IND")]));
    // Said of a fact, or of the speaker's own country, it threatens no one.
    let fact = rows.replace(
        "would    would    AUX   6 aux",
        "had      have     AUX   6 aux",
    );
    assert_eq!(events(&fact, DAY), want(&[]));
    let own = rows.replace("India    India", "Pakistan Pakistan");
    assert_eq!(events(&own, DAY), want(&[]));
}

#[test]
fn striking_an_actor_is_an_attack_but_a_labour_strike_is_not() {
    let rows = "
        1 Israel Israel PROPN 2 nsubj
        2 struck strike VERB  0 root
        3 Lebanon Lebanon PROPN 2 obj
        4 .      .      PUNCT 2 punct";
    assert_eq!(events(rows, DAY), want(&[("190", "ISR", "LBN")]));
    let labour = "
        1 Workers worker NOUN  2 nsubj
        2 struck  strike VERB  0 root
        3 over    over   ADP   4 case
        4 pay     pay    NOUN  2 obl
        5 .       .      PUNCT 2 punct";
    assert_eq!(events(labour, DAY), want(&[]));
}

#[test]
fn exercises_held_by_two_countries_together_are_military_cooperation() {
    // "Russian and Chinese warships held exercises."
    let rows = "
        1 Russian   Russian  ADJ   4 amod
        2 and       and      CCONJ 3 cc
        3 Chinese   Chinese  ADJ   1 conj
        4 warships  warship  NOUN  5 nsubj
        5 held      hold     VERB  0 root
        6 exercises exercise NOUN  5 obj
        7 .         .        PUNCT 5 punct";
    let got = events(rows, DAY);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|(code, ..)| code == "062"), "{got:?}");
    assert_eq!(got[0].1.get(..3), got[1].2.get(..3));
    assert_eq!(got[0].2.get(..3), got[1].1.get(..3));
    // Near another country, they show force to it.
    let near = rows.replace(
        "7 .         .        PUNCT 5 punct",
        "7 near      near     ADP   8 case\n        8 Japan     Japan    PROPN 5 obl\n        9 .         .        PUNCT 5 punct",
    );
    let got = events(&near, DAY);
    assert!(
        !got.is_empty()
            && got
                .iter()
                .all(|(code, _, target)| code == "150" && target == "JPN"),
        "{got:?}"
    );
}

#[test]
fn a_particle_opens_a_phrase_of_the_verb_not_of_its_object() {
    // "Kenya called on Somalia": an appeal.
    let appeal = "
        1 Kenya   Kenya   PROPN 2 nsubj
        2 called  call    VERB  0 root
        3 on      on      ADP   4 case
        4 Somalia Somalia PROPN 2 obl
        5 .       .       PUNCT 2 punct";
    assert_eq!(events(appeal, DAY), want(&[("020", "KEN", "SOM")]));
    // "Kenya called the attack on Somalia cowardly": no appeal to Somalia.
    let described = "
        1 Kenya    Kenya    PROPN 2 nsubj
        2 called   call     VERB  0 root
        3 the      the      DET   4 det
        4 attack   attack   NOUN  2 obj
        5 on       on       ADP   6 case
        6 Somalia  Somalia  PROPN 4 nmod
        7 cowardly cowardly ADJ   2 xcomp
        8 .        .        PUNCT 2 punct";
    assert!(events(described, DAY)
        .iter()
        .all(|(code, ..)| code != "020"));
    // "Kenya called for democracy in Somalia" is an appeal; "Kenya called Somalia's vote a
    // setback for democracy" is not, though `call for democracy` starts with a preposition.
    let appeal = "
        1 Kenya     Kenya     PROPN 2 nsubj
        2 called    call      VERB  0 root
        3 for       for       ADP   4 case
        4 democracy democracy NOUN  2 obl
        5 in        in        ADP   6 case
        6 Somalia   Somalia   PROPN 4 nmod
        7 .         .         PUNCT 2 punct";
    assert_eq!(events(appeal, DAY), want(&[("0244", "KEN", "SOM")]));
    let described = "
        1 Kenya     Kenya     PROPN 2 nsubj
        2 called    call      VERB  0 root
        3 Somalia   Somalia   PROPN 5 nmod:poss
        4 's        's        PART  3 case
        5 vote      vote      NOUN  2 obj
        6 a         a         DET   7 det
        7 setback   setback   NOUN  2 xcomp
        8 for       for       ADP   9 case
        9 democracy democracy NOUN  7 nmod
        10 .        .         PUNCT 2 punct";
    assert!(events(described, DAY)
        .iter()
        .all(|(code, ..)| !code.starts_with("02")));
}

#[test]
fn according_to_names_no_accord() {
    // "Kenyan police killed five people, according to rights groups": no deal was killed.
    let rows = "
        1 Kenyan    Kenyan    ADJ        2 amod
        2 police    police    NOUN       3 nsubj
        3 killed    kill      VERB       0 root
        4 five      five      NUM        5 nummod
        5 people    person    NOUN       3 obj
        6 ,         ,         PUNCT      10 punct
        7 according accord    VERB  VBG  10 case
        8 to        to        ADP        7 fixed
        9 rights    right     NOUN       10 compound
        10 groups   group     NOUN       3 obl
        11 .        .         PUNCT      3 punct";
    let got = events(rows, DAY);
    assert!(!got.is_empty(), "the killing is coded");
    assert!(
        got.iter().all(|(code, ..)| code.starts_with("19")),
        "{got:?}"
    );
}

#[test]
fn a_clause_without_a_place_is_where_its_governing_clause_is() {
    // "India struck sites in Pakistan, saying it had targeted camps of militants."
    let rows = "
        1 India    India    PROPN      2 nsubj
        2 struck   strike   VERB       0 root
        3 sites    site     NOUN       2 obj
        4 in       in       ADP        5 case
        5 Pakistan Pakistan PROPN      3 nmod
        6 ,        ,        PUNCT      7 punct
        7 saying   say      VERB  VBG  2 advcl
        8 it       it       PRON       10 nsubj
        9 had      have     AUX        10 aux
        10 targeted target  VERB       7 ccomp
        11 camps   camp     NOUN       10 obj
        12 of      of       ADP        13 case
        13 militants militant NOUN     11 nmod
        14 .       .        PUNCT      2 punct";
    // Countries come from places only within a story.
    let mut story = StoryContext::default();
    let coding = Coder::new(lexicon()).code_in_story(&parse(rows), None, &mut story);
    let mut got: Vec<(String, String)> = coding
        .events
        .iter()
        .map(|e| (e.code.clone(), e.target.as_ref().unwrap().code.to_string()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("190".to_string(), "PAK".to_string()),
            ("190".into(), "PAKUAF".into())
        ],
        "militants in Pakistan"
    );
}

#[test]
fn a_call_between_conjoined_subjects_is_reciprocal() {
    // "Mexico and Canada agreed in a phone call to coordinate."
    let rows = "
        1 Mexico     Mexico     PROPN 4 nsubj
        2 and        and        CCONJ 3 cc
        3 Canada     Canada     PROPN 1 conj
        4 agreed     agree      VERB  0 root
        5 in         in         ADP   8 case
        6 a          a          DET   8 det
        7 phone      phone      NOUN  8 compound
        8 call       call       NOUN  4 obl
        9 to         to         PART  10 mark
        10 coordinate coordinate VERB 4 xcomp
        11 .         .          PUNCT 4 punct";
    let got = events(rows, DAY);
    assert!(
        got.contains(&("041".into(), "MEX".into(), "CAN".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("041".into(), "CAN".into(), "MEX".into())),
        "{got:?}"
    );
    // One caller alone names no party.
    let alone = "
        1 Mexico     Mexico     PROPN 2 nsubj
        2 agreed     agree      VERB  0 root
        3 in         in         ADP   6 case
        4 a          a          DET   6 det
        5 phone      phone      NOUN  6 compound
        6 call       call       NOUN  2 obl
        7 .          .          PUNCT 2 punct";
    assert!(events(alone, DAY).iter().all(|(code, ..)| code != "041"));
}

#[test]
fn calling_someone_to_discuss_is_a_phone_call_and_calling_them_names_is_not() {
    let rows = "
        1 Macron Macron PROPN 2 nsubj
        2 called call VERB 0 root
        3 Putin Putin PROPN 2 obj
        4 to to PART 5 mark
        5 discuss discuss VERB 2 advcl
        6 the the DET 7 det
        7 war war NOUN 5 obj
        8 . . PUNCT 2 punct";
    assert_eq!(
        events(rows, DAY),
        want(&[("041", "FRAGOV", "RUSGOV"), ("041", "RUSGOV", "FRAGOV")])
    );
    // "Macron called Putin a liar" names no call.
    let names = "
        1 Macron Macron PROPN 2 nsubj
        2 called call VERB 0 root
        3 Putin Putin PROPN 2 obj
        4 a a DET 5 det
        5 liar liar NOUN 2 xcomp
        6 . . PUNCT 2 punct";
    assert!(!events(names, DAY).iter().any(|(code, _, _)| code == "041"));
}

#[test]
fn a_predicate_adjective_codes_but_the_same_adjective_as_a_modifier_does_not() {
    // "Germany was critical of Turkey".
    let predicate = "
        1 Germany  Germany  PROPN 3 nsubj
        2 was      be       AUX   3 cop
        3 critical critical ADJ   0 root
        4 of       of       ADP   5 case
        5 Turkey   Turkey   PROPN 3 obl
        6 .        .        PUNCT 3 punct";
    assert_eq!(events(predicate, DAY), want(&[("111", "DEU", "TUR")]));
    // "Germany issued a critical report on Turkey": no criticism coded from "critical".
    let modifier = "
        1 Germany  Germany  PROPN 2 nsubj
        2 issued   issue    VERB  0 root
        3 a        a        DET   5 det
        4 critical critical ADJ   5 amod
        5 report   report   NOUN  2 obj
        6 on       on       ADP   7 case
        7 Turkey   Turkey   PROPN 5 nmod
        8 .        .        PUNCT 2 punct";
    assert!(events(modifier, DAY).iter().all(|(code, ..)| code != "111"));
    // "China is ready to hold talks with Japan": an intent to negotiate.
    let ready = "
        1 China China PROPN 3 nsubj
        2 is    be    AUX   3 cop
        3 ready ready ADJ   0 root
        4 to    to    PART  5 mark
        5 hold  hold  VERB  3 xcomp
        6 talks talk  NOUN  5 obj
        7 with  with  ADP   8 case
        8 Japan Japan PROPN 5 obl
        9 .     .     PUNCT 3 punct";
    assert_eq!(events(ready, DAY), want(&[("036", "CHN", "JPN")]));
}

#[test]
fn a_sea_named_after_a_country_is_not_that_country() {
    // "Japan condemned China over the South China Sea": China is the target, once; the sea
    // names no actor of its own (`lexicon/actors/places.txt`).
    let rows = "
        1 Japan     Japan   PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 China     China   PROPN 2 obj
        4 over      over    ADP   8 case
        5 the       the     DET   8 det
        6 South     South   PROPN 8 compound
        7 China     China   PROPN 8 compound
        8 Sea       Sea     PROPN 2 obl
        9 .         .       PUNCT 2 punct";
    assert_eq!(events(rows, DAY), want(&[("111", "JPN", "CHN")]));
    // "Japan condemned drills in the South China Sea": no target at all.
    let rows = "
        1 Japan     Japan   PROPN 2 nsubj
        2 condemned condemn VERB  0 root
        3 drills    drill   NOUN  2 obj
        4 in        in      ADP   8 case
        5 the       the     DET   8 det
        6 South     South   PROPN 8 compound
        7 China     China   PROPN 8 compound
        8 Sea       Sea     PROPN 3 nmod
        9 .         .       PUNCT 2 punct";
    assert!(
        events(rows, DAY).iter().all(|(_, _, t)| t != "CHN"),
        "{:?}",
        events(rows, DAY)
    );
    // A US state named after another country codes the United States ("New Mexico accused
    // Russia").
    let rows = "
        1 New    New    PROPN 2 compound
        2 Mexico Mexico PROPN 3 nsubj
        3 accused accuse VERB 0 root
        4 Russia Russia PROPN 3 obj
        5 .      .      PUNCT 3 punct";
    let accused = events(rows, DAY);
    assert!(
        !accused.is_empty() && accused.iter().all(|(_, s, _)| s == "USA"),
        "{accused:?}"
    );
}
