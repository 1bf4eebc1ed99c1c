//! The story passes on a whole made-up wire story (`fixtures/wire_story.txt`): what is not body,
//! and the dates the body names.

use jiff::civil::{date, Date};
use petrel::dates::{find_dates, Precision};
use petrel::story::{dateline_date, non_body, Part};

const STORY: &str = include_str!("fixtures/wire_story.txt");

/// Written on Tuesday 4 March 2025.
const STORY_DATE: Date = date(2025, 3, 4);

#[test]
fn non_body_parts_of_a_wire_story() {
    let parts: Vec<(&str, Part)> = non_body(STORY)
        .into_iter()
        .map(|(span, part)| (&STORY[span.start..span.end], part))
        .collect();
    let caption = "Kenyan President William Ruto speaks during a news conference at State House \
                   in Nairobi, Kenya, March 3, 2025. REUTERS/Monicah Mwangi";
    let credits = "(Reporting by Jane Achieng in Nairobi and Dawit Bekele in Addis Ababa; \
                   Additional reporting by Tom Otieno; Editing by Peter Graff)";
    assert_eq!(
        parts,
        vec![
            ("By Jane Achieng and Dawit Bekele", Part::Byline),
            ("NAIROBI, 4 March (Reuters) -", Part::Dateline),
            (caption, Part::Caption),
            (credits, Part::Byline),
            (
                "Jane Achieng is a senior correspondent for Reuters in East Africa. \
                 Follow her on Twitter @jachieng",
                Part::AuthorBio
            ),
            (
                "Our Standards: The Thomson Reuters Trust Principles.",
                Part::Boilerplate
            ),
            ("Sign up for our Africa newsletter", Part::Boilerplate),
            (
                "\u{a9} 2025 Thomson Reuters. All rights reserved.",
                Part::Boilerplate
            ),
        ]
    );
    assert_eq!(dateline_date(STORY, STORY_DATE), Some(STORY_DATE));
}

#[test]
fn dates_in_the_body_of_a_wire_story() {
    let mut body = STORY.to_string();
    for (span, _) in non_body(STORY).into_iter().rev() {
        body.replace_range(span.start..span.end, "");
    }
    let found: Vec<(String, String, Precision)> = body
        .lines()
        .flat_map(|line| {
            find_dates(line, STORY_DATE).into_iter().map(move |m| {
                let text = line[m.span.start..m.span.end].to_string();
                (text, m.date.to_string(), m.precision)
            })
        })
        .collect();
    let expected = [
        ("Monday", "2025-03-03", Precision::Day),
        ("Tuesday", "2025-03-04", Precision::Day),
        ("June 2023", "2023-06-01", Precision::Month),
        ("early January", "2025-01-01", Precision::Month),
        ("last week", "2025-02-24", Precision::Week),
        ("two weeks ago", "2025-02-17", Precision::Week),
        ("Sunday", "2025-03-02", Precision::Day),
        ("next week", "2025-03-10", Precision::Week),
        ("Monday", "2025-03-03", Precision::Day),
        // "invited to return in May" is future, but nothing in the sentence marks it: missed.
        ("May", "2024-05-01", Precision::Month),
        ("2019", "2019-01-01", Precision::Year),
        ("September 2022", "2022-09-01", Precision::Month),
        ("Monday", "2025-03-03", Precision::Day),
        ("last year", "2024-01-01", Precision::Year),
        ("Yesterday", "2025-03-03", Precision::Day),
        ("Thursday", "2025-03-06", Precision::Day),
        // "planned protests ... for Friday" is future too; "planned" is not a cue.
        ("Friday", "2025-02-28", Precision::Day),
        ("earlier this week", "2025-03-03", Precision::Week),
        ("28 February", "2025-02-28", Precision::Day),
        ("Feb. 26", "2025-02-26", Precision::Day),
        ("two days ago", "2025-03-02", Precision::Day),
        ("April 15", "2025-04-15", Precision::Day),
    ];
    let expected: Vec<(String, String, Precision)> = expected
        .iter()
        .map(|&(text, date, precision)| (text.to_string(), date.to_string(), precision))
        .collect();
    assert_eq!(found, expected);
}
