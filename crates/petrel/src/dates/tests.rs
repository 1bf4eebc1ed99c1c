use super::*;
use jiff::civil::date;
use proptest::prelude::*;

/// Tuesday 4 March 2025, the story date of every test unless it says otherwise.
const TUESDAY: Date = date(2025, 3, 4);

fn found(text: &str) -> Vec<(&str, Date, Precision)> {
    found_on(text, TUESDAY)
}

fn found_on(text: &str, story: Date) -> Vec<(&str, Date, Precision)> {
    find_dates(text, story)
        .into_iter()
        .map(|m| (&text[m.span.start..m.span.end], m.date, m.precision))
        .collect()
}

fn one(text: &str) -> (&str, Date, Precision) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all[0]
}

use Precision::{Day, Month, Week, Year};

#[test]
fn weekday_alone_is_the_nearest_on_or_before_the_story_date() {
    assert_eq!(
        one("Ruto met Abiy on Monday."),
        ("Monday", date(2025, 3, 3), Day)
    );
    assert_eq!(
        one("The ministry said Friday"),
        ("Friday", date(2025, 2, 28), Day)
    );
    // Wire style: a Tuesday story's "on Tuesday" is the story date itself.
    assert_eq!(one("He said on Tuesday"), ("Tuesday", TUESDAY, Day));
}

#[test]
fn last_next_and_coming_weekdays() {
    assert_eq!(
        one("last Tuesday"),
        ("last Tuesday", date(2025, 2, 25), Day)
    );
    assert_eq!(one("next Monday"), ("next Monday", date(2025, 3, 10), Day));
    assert_eq!(
        one("talks this coming Friday"),
        ("this coming Friday", date(2025, 3, 7), Day)
    );
    assert_eq!(
        one("talks this Friday"),
        ("this Friday", date(2025, 3, 7), Day)
    );
}

#[test]
fn future_tense_turns_weekdays_and_months_forward() {
    assert_eq!(
        one("Leaders will meet on Friday"),
        ("Friday", date(2025, 3, 7), Day)
    );
    assert_eq!(
        one("They'll vote on Monday"),
        ("Monday", date(2025, 3, 10), Day)
    );
    assert_eq!(
        one("Elections will be held in June"),
        ("June", date(2025, 6, 1), Month)
    );
    assert_eq!(
        one("talks scheduled for March 10"),
        ("March 10", date(2025, 3, 10), Day)
    );
    assert_eq!(
        one("Parliament is expected to debate it on Thursday"),
        ("Thursday", date(2025, 3, 6), Day)
    );
    assert_eq!(
        one("Parliament was expected to debate it on Thursday"),
        ("Thursday", date(2025, 2, 27), Day)
    );
    assert_eq!(
        one("the last units due on April 15"),
        ("April 15", date(2025, 4, 15), Day)
    );
    assert_eq!(
        one("flights stopped due to rain on Monday"),
        ("Monday", date(2025, 3, 3), Day)
    );
    assert_eq!(
        one("She plans to visit in May"),
        ("May", date(2025, 5, 1), Month)
    );
    assert_eq!(
        one("it said it would vote in June"),
        ("June", date(2025, 6, 1), Month)
    );
    // A future cue in an earlier sentence does not reach.
    assert_eq!(
        found("He will go. They met on Friday."),
        vec![("Friday", date(2025, 2, 28), Day)]
    );
}

#[test]
fn days_around_the_story_date() {
    assert_eq!(one("today"), ("today", TUESDAY, Day));
    assert_eq!(one("Tonight the vote"), ("Tonight", TUESDAY, Day));
    assert_eq!(one("said yesterday"), ("yesterday", date(2025, 3, 3), Day));
    assert_eq!(
        one("Yesterday, rebels"),
        ("Yesterday", date(2025, 3, 3), Day)
    );
    assert_eq!(one("due tomorrow"), ("tomorrow", date(2025, 3, 5), Day));
    assert_eq!(
        one("clashes last night"),
        ("last night", date(2025, 3, 3), Day)
    );
    assert_eq!(one("this morning"), ("this morning", TUESDAY, Day));
}

#[test]
fn weeks_start_on_monday() {
    assert_eq!(
        one("earlier this week"),
        ("earlier this week", date(2025, 3, 3), Week)
    );
    assert_eq!(one("this week"), ("this week", date(2025, 3, 3), Week));
    assert_eq!(one("last week"), ("last week", date(2025, 2, 24), Week));
    assert_eq!(one("next week"), ("next week", date(2025, 3, 10), Week));
    assert_eq!(
        one("three weeks ago"),
        ("three weeks ago", date(2025, 2, 10), Week)
    );
}

#[test]
fn weekends_are_their_saturday() {
    assert_eq!(one("last weekend"), ("last weekend", date(2025, 3, 1), Day));
    assert_eq!(one("this weekend"), ("this weekend", date(2025, 3, 8), Day));
    assert_eq!(
        one("next weekend"),
        ("next weekend", date(2025, 3, 15), Day)
    );
    assert_eq!(
        one("clashes over the weekend"),
        ("weekend", date(2025, 3, 1), Day)
    );
    assert_eq!(
        one("talks will resume at the weekend"),
        ("weekend", date(2025, 3, 8), Day)
    );
    let sunday = date(2025, 3, 9);
    assert_eq!(
        found_on("over the weekend", sunday),
        vec![("weekend", date(2025, 3, 8), Day)]
    );
    assert!(found("a weekend retreat").is_empty());
}

#[test]
fn months_relative_to_the_story() {
    assert_eq!(one("last month"), ("last month", date(2025, 2, 1), Month));
    assert_eq!(one("this month"), ("this month", date(2025, 3, 1), Month));
    assert_eq!(
        one("earlier this month"),
        ("earlier this month", date(2025, 3, 1), Month)
    );
    assert_eq!(one("a month ago"), ("a month ago", date(2025, 2, 1), Month));
    assert_eq!(
        one("late last month"),
        ("late last month", date(2025, 2, 21), Month)
    );
}

#[test]
fn month_names_without_a_year_look_back() {
    assert_eq!(one("in June"), ("June", date(2024, 6, 1), Month));
    assert_eq!(one("since January"), ("January", date(2025, 1, 1), Month));
    assert_eq!(one("in March"), ("March", date(2025, 3, 1), Month));
    assert_eq!(one("last June"), ("last June", date(2024, 6, 1), Month));
    assert_eq!(one("last March"), ("last March", date(2024, 3, 1), Month));
    assert_eq!(
        one("next January"),
        ("next January", date(2026, 1, 1), Month)
    );
    assert_eq!(one("this June"), ("this June", date(2025, 6, 1), Month));
}

#[test]
fn month_with_year() {
    assert_eq!(one("in June 2023"), ("June 2023", date(2023, 6, 1), Month));
    assert_eq!(
        one("in March 2022"),
        ("March 2022", date(2022, 3, 1), Month)
    );
    assert_eq!(one("May 2021"), ("May 2021", date(2021, 5, 1), Month));
}

#[test]
fn parts_of_months() {
    assert_eq!(
        one("in early June"),
        ("early June", date(2024, 6, 1), Month)
    );
    assert_eq!(
        one("mid-June 2023"),
        ("mid-June 2023", date(2023, 6, 11), Month)
    );
    assert_eq!(
        one("late February"),
        ("late February", date(2025, 2, 21), Month)
    );
    assert_eq!(one("Mid-May"), ("Mid-May", date(2024, 5, 11), Month));
}

#[test]
fn month_and_day_in_either_order() {
    assert_eq!(one("on June 4"), ("June 4", date(2024, 6, 4), Day));
    assert_eq!(one("on 4 June"), ("4 June", date(2024, 6, 4), Day));
    assert_eq!(one("on March 3"), ("March 3", date(2025, 3, 3), Day));
    assert_eq!(one("on 4th June"), ("4th June", date(2024, 6, 4), Day));
    assert_eq!(
        one("on the 4th of June"),
        ("4th of June", date(2024, 6, 4), Day)
    );
    assert_eq!(one("June 4th"), ("June 4th", date(2024, 6, 4), Day));
}

#[test]
fn full_dates() {
    assert_eq!(
        one("on June 4, 2023,"),
        ("June 4, 2023", date(2023, 6, 4), Day)
    );
    assert_eq!(
        one("on 4 June 2023."),
        ("4 June 2023", date(2023, 6, 4), Day)
    );
    assert_eq!(one("(2023-06-04)"), ("2023-06-04", date(2023, 6, 4), Day));
    assert_eq!(
        one("dated 2023-06-04."),
        ("2023-06-04", date(2023, 6, 4), Day)
    );
}

#[test]
fn abbreviated_months() {
    assert_eq!(one("on Jan. 4"), ("Jan. 4", date(2025, 1, 4), Day));
    assert_eq!(
        one("Sept. 11, 2001"),
        ("Sept. 11, 2001", date(2001, 9, 11), Day)
    );
    assert_eq!(one("on 4 Nov 2024"), ("4 Nov 2024", date(2024, 11, 4), Day));
    assert_eq!(one("in Dec. last"), ("Dec.", date(2024, 12, 1), Month));
}

#[test]
fn weekday_with_a_date_takes_the_date() {
    assert_eq!(
        one("Monday, March 3"),
        ("Monday, March 3", date(2025, 3, 3), Day)
    );
    assert_eq!(
        one("on Friday 28 February"),
        ("Friday 28 February", date(2025, 2, 28), Day)
    );
    assert_eq!(
        one("Thursday, June 1, 2023"),
        ("Thursday, June 1, 2023", date(2023, 6, 1), Day)
    );
}

#[test]
fn years() {
    assert_eq!(one("in 2019"), ("2019", date(2019, 1, 1), Year));
    assert_eq!(one("since 2014,"), ("2014", date(2014, 1, 1), Year));
    assert_eq!(one("last year"), ("last year", date(2024, 1, 1), Year));
    assert_eq!(one("this year"), ("this year", date(2025, 1, 1), Year));
    assert_eq!(
        one("earlier this year"),
        ("earlier this year", date(2025, 1, 1), Year)
    );
    assert_eq!(
        one("early last year"),
        ("early last year", date(2024, 1, 1), Year)
    );
    assert_eq!(
        one("late last year"),
        ("late last year", date(2024, 9, 1), Year)
    );
    assert_eq!(one("in mid-2019"), ("mid-2019", date(2019, 5, 1), Year));
    assert_eq!(one("early 2020"), ("early 2020", date(2020, 1, 1), Year));
}

#[test]
fn counted_periods_ago() {
    assert_eq!(one("two days ago"), ("two days ago", date(2025, 3, 2), Day));
    assert_eq!(one("3 days ago"), ("3 days ago", date(2025, 3, 1), Day));
    assert_eq!(
        one("a couple of years ago"),
        ("a couple of years ago", date(2023, 1, 1), Year)
    );
    assert_eq!(one("a year ago"), ("a year ago", date(2024, 1, 1), Year));
}

#[test]
fn several_dates_in_one_sentence() {
    assert_eq!(
        found("Rebels seized Goma in January and, on Monday, March 3, took Bukavu; talks resume next week."),
        vec![
            ("January", date(2025, 1, 1), Month),
            ("Monday, March 3", date(2025, 3, 3), Day),
            ("next week", date(2025, 3, 10), Week),
        ]
    );
}

#[test]
fn all_caps_dates_from_datelines() {
    assert_eq!(one("LAGOS, MARCH 4"), ("MARCH 4", TUESDAY, Day));
}

#[test]
fn modal_may_and_verb_march_are_not_months() {
    assert!(found("Troops may withdraw, officials said.").is_empty());
    assert!(found("May the talks succeed.").is_empty());
    assert!(found("Thousands march on the capital.").is_empty());
    assert!(found("March on the capital, the leader urged.").is_empty());
    assert!(found("Theresa May said the deal was done.").is_empty());
    assert!(found("A speech by May to parliament.").is_empty());
    assert!(found("China launched a Long March 5 rocket.").is_empty());
    assert!(found("They met in May's office.").is_empty());
}

#[test]
fn numbers_that_are_not_dates() {
    assert!(found("The ship carried 50,000 tonnes of grain.").is_empty());
    assert!(found("Ukraine will receive F-16 jets.").is_empty());
    assert!(found("The vote passed 2019 to 2018.").is_empty());
    assert!(found("In 2000 people were displaced.").is_empty());
    assert!(found("A March 15,000-strong rally").is_empty());
    assert!(found("Flight 2023-06-045 landed").is_empty());
    assert!(found("Jan Kowalski, a minister, said so.").is_empty());
    assert!(found("It took 4.5 hours at 10:30 over 12 days.").is_empty());
}

#[test]
fn names_that_contain_weekdays_and_phrases_that_are_not_periods() {
    assert!(found("The Sunday Times reported it.").is_empty());
    assert!(found("the Good Friday Agreement").is_empty());
    assert!(found("the anniversary of Bloody Sunday").is_empty());
    assert!(found("over the last year, prices rose").is_empty());
    assert!(found("the last week of the war").is_empty());
    assert!(found("Three days of talks").is_empty());
}

#[test]
fn impossible_days_are_not_dates() {
    assert!(found("on February 30").is_empty());
    // The month and year still stand when the day is impossible.
    assert_eq!(
        found("on 31 April 2023"),
        vec![("April 2023", date(2023, 4, 1), Month)]
    );
    assert_eq!(
        found("on June 4, 99999"),
        vec![("June 4", date(2024, 6, 4), Day)]
    );
    assert!(found("in 99999").is_empty());
}

#[test]
fn the_edges_of_the_calendar_give_nothing_rather_than_panicking() {
    let last = date(9999, 12, 31);
    assert!(found_on("tomorrow next week next year next January", last).is_empty());
    let first = date(-9999, 1, 1);
    assert!(found_on("yesterday last week last year a year ago", first).is_empty());
    assert_eq!(found_on("today", last), vec![("today", last, Day)]);
}

#[test]
fn february_29_needs_a_leap_year() {
    let story = date(2024, 3, 1);
    assert_eq!(
        found_on("on February 29", story),
        vec![("February 29", date(2024, 2, 29), Day)]
    );
    assert!(found_on("on February 29", date(2025, 3, 1)).is_empty());
}

proptest! {
    #[test]
    fn arbitrary_text_gives_valid_spans(text in "\\PC{0,200}", days in -3_000_000i64..3_000_000) {
        let story = calendar::add_days(date(1970, 1, 1), days).unwrap_or(TUESDAY);
        let mut previous_end = 0;
        for m in find_dates(&text, story) {
            prop_assert!(m.span.start >= previous_end && m.span.start < m.span.end);
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
            previous_end = m.span.end;
        }
    }

    #[test]
    fn date_like_word_salad_gives_valid_spans(
        words in proptest::collection::vec(
            prop::sample::select(vec![
                "June", "4", "4th", "of", ",", "2023", "-", "06", "May", "last", "next", "this",
                "coming", "Friday", "in", "early", "mid", "late", "year", "week", "month", "ago",
                "two", "a", "couple", "will", ".", "Sept", "99999", "31", "February", "30", "'",
                "ll", "s", "é", "—",
            ]),
            0..30,
        ),
        spaces in proptest::collection::vec(any::<bool>(), 30),
        days in -3_000_000i64..3_000_000,
    ) {
        let mut text = String::new();
        for (word, space) in words.iter().zip(&spaces) {
            text.push_str(word);
            if *space {
                text.push(' ');
            }
        }
        let story = calendar::add_days(date(1970, 1, 1), days).unwrap_or(TUESDAY);
        let mut previous_end = 0;
        for m in find_dates(&text, story) {
            prop_assert!(m.span.start >= previous_end && m.span.start < m.span.end);
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
            previous_end = m.span.end;
        }
    }
}
