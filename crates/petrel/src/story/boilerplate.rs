//! Publishers' furniture around a story: newsletter and subscription pitches, links to other
//! stories, copyright notices, republication notes, share buttons.

use super::lines::starts_with_any;

const BOILERPLATE_LEADS: &[&str] = &[
    "sign up for",
    "sign up to",
    "sign up now",
    "subscribe to",
    "subscribe now",
    "subscribe for",
    "click here",
    "read more:",
    "read more at",
    "read more here",
    "also read:",
    "see also:",
    "related:",
    "related coverage",
    "related stories",
    "related articles",
    "recommended:",
    "all rights reserved",
    "\u{a9}",
    "(c) 20",
    "this article was originally published",
    "this article was first published",
    "this article originally appeared",
    "this article first appeared",
    "this story was originally published",
    "this story originally appeared",
    "this story first appeared",
    "this content was produced",
    "our standards:",
    "share this article",
    "share this story",
    "download the app",
    "download our app",
    "follow us on",
    "listen to this article",
    "get the latest",
    "editor's note",
    "editor\u{2019}s note",
    "this story has been",
    "this article has been",
    "this story corrects",
];

/// Boilerplate starts `chunk`.
pub(crate) fn is_boilerplate(chunk: &str) -> bool {
    starts_with_any(chunk, BOILERPLATE_LEADS) || is_copyright(chunk) || is_advertisement(chunk)
}

/// "Copyright 2025 Reuters", "Copyright © ...", "Copyright (c) ...": "Copyright" followed by a
/// sign or a year, so that "Copyright law was debated" stays body.
fn is_copyright(chunk: &str) -> bool {
    if !starts_with_any(chunk, &["copyright"]) {
        return false;
    }
    let rest = chunk["copyright".len()..].trim_start();
    rest.starts_with(['\u{a9}', '(']) || rest.starts_with(|c: char| c.is_ascii_digit())
}

/// "Advertisement" or "ADVERTISEMENT" standing alone.
fn is_advertisement(chunk: &str) -> bool {
    let word = chunk.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.eq_ignore_ascii_case("advertisement") || word.eq_ignore_ascii_case("advertisements")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate() {
        for line in [
            "Sign up for our newsletter",
            "Subscribe to the Morning Briefing",
            "Click here to read more",
            "Read more: Kenya's protests",
            "Related: Ethiopia and Eritrea",
            "All rights reserved.",
            "Copyright 2025 The Associated Press.",
            "Copyright \u{a9} Reuters",
            "\u{a9} 2025 Nation Media Group",
            "This article was originally published by The Conversation.",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Advertisement",
            "ADVERTISEMENT -",
            "Share this article",
            "Download the app for breaking news",
            "Editor's note: names have been changed.",
            "This story has been refiled to fix a typo.",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn reporting_that_looks_like_boilerplate() {
        for line in [
            "Copyright law was debated in parliament.",
            "Advertisements for the rally appeared overnight.",
            "Relatedly, the army withdrew.",
            "Subscribers to the service complained.",
            "Clicking through the files, investigators found more.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
