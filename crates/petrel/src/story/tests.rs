use super::*;
use jiff::civil::date;
use proptest::prelude::*;

fn parts(text: &str) -> Vec<(&str, Part)> {
    non_body(text)
        .into_iter()
        .map(|(span, part)| (&text[span.start..span.end], part))
        .collect()
}

fn dateline_of(text: &str) -> Option<&str> {
    parts(text)
        .into_iter()
        .find(|(_, part)| *part == Part::Dateline)
        .map(|(text, _)| text)
}

#[test]
fn wire_datelines() {
    for (text, expected) in [
        (
            "LAGOS, March 4 (Reuters) - Nigeria's",
            "LAGOS, March 4 (Reuters) -",
        ),
        (
            "NAIROBI, 4 March (Reuters) \u{2013} Kenya",
            "NAIROBI, 4 March (Reuters) \u{2013}",
        ),
        ("WASHINGTON (AP) \u{2014} The", "WASHINGTON (AP) \u{2014}"),
        (
            "KYIV, Ukraine, Nov. 3 (AFP) -- Russian",
            "KYIV, Ukraine, Nov. 3 (AFP) --",
        ),
        (
            "BEIJING, Oct 2 (Xinhua) -- China",
            "BEIJING, Oct 2 (Xinhua) --",
        ),
        ("CEBU CITY: -- Police", "CEBU CITY: --"),
        ("GENEVA \u{2014} The UN", "GENEVA \u{2014}"),
        ("Lagos (Reuters) - Nigeria", "Lagos (Reuters) -"),
        ("(Reuters) - Nigeria", "(Reuters) -"),
        (
            "SÃO PAULO, Jan 5 (Reuters) - Brazil",
            "SÃO PAULO, Jan 5 (Reuters) -",
        ),
        (
            "WASHINGTON, D.C. \u{2014} Officials",
            "WASHINGTON, D.C. \u{2014}",
        ),
        (
            "PORT-AU-PRINCE, Haiti (AP) - Gangs",
            "PORT-AU-PRINCE, Haiti (AP) -",
        ),
        (
            "LONDON, March 4, 2025 (AP) - The",
            "LONDON, March 4, 2025 (AP) -",
        ),
        ("LONDON, March 4 -- The", "LONDON, March 4 --"),
    ] {
        assert_eq!(dateline_of(text), Some(expected), "{text}");
    }
}

#[test]
fn dateline_after_a_headline_or_byline() {
    let text = "Kenya and Ethiopia talk borders\nBy Jane Doe\nNAIROBI (Reuters) - Ruto met Abiy.";
    assert_eq!(dateline_of(text), Some("NAIROBI (Reuters) -"));
}

#[test]
fn sentences_with_dashes_are_not_datelines() {
    for text in [
        "Kenya's president - who took office in 2022 - said",
        "UN - the world body said",
        "President Ruto (pictured) - speaking in Nairobi",
        "LAGOS-based traders said",
        "US President Joe Biden - said",
        "A KENYAN court - ruled",
        "Ruto said - and Abiy agreed",
        "LONDON, 2025 - The",
    ] {
        assert_eq!(dateline_of(text), None, "{text}");
    }
    let late = "First line.\nSecond line.\nThird line.\nGENEVA - The UN said.";
    assert_eq!(dateline_of(late), None);
}

#[test]
fn dateline_dates() {
    let story = date(2025, 3, 5);
    let text = "NAIROBI, 4 March (Reuters) - Kenyan President William Ruto met";
    assert_eq!(dateline_date(text, story), Some(date(2025, 3, 4)));
    assert_eq!(
        dateline_date("KYIV, Ukraine, Nov. 3 (AFP) -- x", story),
        Some(date(2024, 11, 3))
    );
    assert_eq!(dateline_date("WASHINGTON (AP) \u{2014} x", story), None);
    assert_eq!(dateline_date("No dateline here", story), None);
}

#[test]
fn bylines() {
    let text = "By Jane Smith and John Doe\nLAGOS (Reuters) - Police said.";
    assert_eq!(parts(text)[0], ("By Jane Smith and John Doe", Part::Byline));
    let text = "By JANE SMITH, Reuters\nThe talks ended.";
    assert_eq!(parts(text), vec![("By JANE SMITH, Reuters", Part::Byline)]);
}

#[test]
fn production_credits_on_their_own_line_and_in_brackets() {
    let text = "The talks ended.\nReporting by Jane Doe; Editing by John Smith";
    assert_eq!(
        parts(text),
        vec![("Reporting by Jane Doe; Editing by John Smith", Part::Byline)]
    );
    let text = "The talks ended, the ministry said. (Reporting by X; Writing by Y)";
    assert_eq!(
        parts(text),
        vec![("(Reporting by X; Writing by Y)", Part::Byline)]
    );
    let text = "Talks ended.\nAdditional reporting by A in Addis Ababa\nCompiled by B";
    assert_eq!(
        parts(text),
        vec![
            ("Additional reporting by A in Addis Ababa", Part::Byline),
            ("Compiled by B", Part::Byline),
        ]
    );
}

#[test]
fn author_biographies() {
    let text = "The war goes on.\nJane Doe is a senior fellow at Chatham House.\n\
                Follow her on Twitter @janedoe";
    assert_eq!(
        parts(text),
        vec![
            (
                "Jane Doe is a senior fellow at Chatham House.",
                Part::AuthorBio
            ),
            ("Follow her on Twitter @janedoe", Part::AuthorBio),
        ]
    );
    let text = "Talks failed. The author is a professor of law at Makerere University.";
    assert_eq!(
        parts(text),
        vec![(
            "The author is a professor of law at Makerere University.",
            Part::AuthorBio
        )]
    );
    let text = "Talks failed.\nOtieno Mwangi is the news editor of The Star.";
    assert_eq!(parts(text)[0].1, Part::AuthorBio);
    let text = "Talks failed.\nJohn Doe writes about African politics for Foreign Policy.";
    assert_eq!(parts(text)[0].1, Part::AuthorBio);
}

#[test]
fn biographies_far_from_the_end_are_reporting() {
    let body = "Ruto urged Abiy to withdraw. ".repeat(60);
    let text = format!("Jane Doe is a senior fellow at Chatham House.\n{body}");
    assert!(parts(&text).is_empty());
}

#[test]
fn captions() {
    for (text, expected) in [
        (
            "Photo: Ruto in Nairobi\nThe talks ended.",
            "Photo: Ruto in Nairobi",
        ),
        (
            "FILE PHOTO: Kenya's President William Ruto speaks",
            "FILE PHOTO: Kenya's President William Ruto speaks",
        ),
        (
            "Pictured: the delegation\nTalks ended.",
            "Pictured: the delegation",
        ),
        ("Caption: Troops in Goma", "Caption: Troops in Goma"),
        (
            "Credit: John Doe / Getty Images",
            "Credit: John Doe / Getty Images",
        ),
        (
            "Ruto speaks in Nairobi, Kenya, March 4, 2025. REUTERS/Monicah Mwangi\nTalks ended.",
            "Ruto speaks in Nairobi, Kenya, March 4, 2025. REUTERS/Monicah Mwangi",
        ),
        (
            "Abiy Ahmed in Addis Ababa. AFP via Getty Images",
            "Abiy Ahmed in Addis Ababa. AFP via Getty Images",
        ),
    ] {
        assert_eq!(parts(text), vec![(expected, Part::Caption)], "{text}");
    }
    let text = "Police fired tear gas (Photo by Jane Doe) at protesters. [Image: crowds in Lagos]";
    assert_eq!(
        parts(text),
        vec![
            ("(Photo by Jane Doe)", Part::Caption),
            ("[Image: crowds in Lagos]", Part::Caption)
        ]
    );
}

#[test]
fn a_credit_in_a_long_line_takes_only_its_caption() {
    let body = "Ruto urged Abiy to withdraw his troops from the border. ".repeat(10);
    let text = format!("{body}Ruto speaks in Nairobi. REUTERS/Monicah Mwangi");
    assert_eq!(
        parts(&text),
        vec![(
            "Ruto speaks in Nairobi. REUTERS/Monicah Mwangi",
            Part::Caption
        )]
    );
}

#[test]
fn boilerplate() {
    let text = "Sign up for our newsletter\nTalks ended.\nRead more: Kenya's protests\n\
                Related: Ethiopia\nAdvertisement\nShare this article\n\
                \u{a9} 2025 Nation Media Group. All rights reserved.\n\
                Copyright 2025 The Associated Press.\n\
                This article was originally published by The Conversation.\n\
                Our Standards: The Thomson Reuters Trust Principles.\n\
                Subscribe to our channel\nClick here to donate\nDownload the app now";
    let got = parts(text);
    assert_eq!(got.len(), 12, "{got:?}");
    assert!(got.iter().all(|(_, part)| *part == Part::Boilerplate));
    assert!(!got.iter().any(|(text, _)| text.contains("Talks")));
}

#[test]
fn boilerplate_inside_a_one_line_story() {
    let text =
        "LAGOS (Reuters) - Police said. Our Standards: The Thomson Reuters Trust Principles.";
    assert_eq!(
        parts(text),
        vec![
            ("LAGOS (Reuters) -", Part::Dateline),
            (
                "Our Standards: The Thomson Reuters Trust Principles.",
                Part::Boilerplate
            ),
        ]
    );
}

#[test]
fn ordinary_reporting_stays_body() {
    let text = "Ruto said by telephone that talks would resume.\n\
                The visit was a photo opportunity, critics said.\n\
                The news editor said the paper would appeal.\n\
                President Ruto urged Abiy to pull back his troops.\n\
                By Tuesday, rebels had taken the town.\n\
                Copyright law was debated in parliament.\n\
                Related talks in Geneva failed.\n\
                A spokesperson for Getty Images said it was reviewing the photo.\n\
                Ruto is the president of Kenya.\n\
                Reporting restrictions were lifted.";
    assert_eq!(parts(text), vec![]);
}

/// Every span lies in `text`, on character boundaries, non-empty, sorted and apart.
fn assert_valid(text: &str) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for (span, _) in non_body(text) {
        prop_assert!(
            span.start >= previous_end,
            "overlap or unsorted in {text:?}"
        );
        prop_assert!(span.start < span.end);
        prop_assert!(text.get(span.start..span.end).is_some());
        previous_end = span.end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_gives_valid_spans(text in "\\PC{0,300}") {
        assert_valid(&text)?;
        let _ = dateline_date(&text, date(2025, 3, 4));
    }

    #[test]
    fn story_shaped_text_gives_valid_spans(
        pieces in proptest::collection::vec(
            prop::sample::select(vec![
                "LAGOS", ", ", "March 4", " (Reuters) ", "- ", "\u{2014} ", "\n", "By ", "Jane ",
                "Doe", ". ", "Photo: ", "(Photo by X) ", "REUTERS/Jane Doe", "Read more: ",
                "\u{a9} 2025 ", "Reporting by ", "; Editing by ", "(", ")", "[", "]", "is a ",
                "senior fellow ", "at ", "Follow her on ", "Ruto said ", "é", "\u{a0}", ":",
                "Getty Images", "Advertisement", "\r\n", "  ",
            ]),
            0..40,
        ),
    ) {
        let text: String = pieces.concat();
        assert_valid(&text)?;
        let _ = dateline_date(&text, date(2025, 3, 4));
    }
}
