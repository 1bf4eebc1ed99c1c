//! Author biographies: "The author is ...", "Jane Doe is a senior fellow at ...", "X is the news
//! editor of Y.", "X writes about ... for ...", "Follow her on Twitter @...".
//!
//! "Name is a role at/of Y" is also how reporting introduces people ("Smith is the editor of the
//! Daily Nation, which ..."), so that form counts only near the end of a story, where
//! biographies go, and only with a role that writers and researchers hold.

use super::lines::starts_with_any;

/// Biographies that say what they are, wherever they stand.
const SELF_DESCRIBED: &[&str] = &[
    "the author is",
    "the author was",
    "the authors are",
    "the writer is",
    "the writers are",
    "follow her on",
    "follow him on",
    "follow them on",
    "follow me on",
    "follow her at",
    "follow him at",
    "follow @",
];

/// Roles that make "Name is a ... at Y" a biography.
const ROLES: &[&str] = &[
    "editor",
    "correspondent",
    "columnist",
    "writer",
    "journalist",
    "reporter",
    "fellow",
    "professor",
    "lecturer",
    "researcher",
    "analyst",
    "contributor",
    "author",
    "scholar",
    "student",
    "candidate",
    "commentator",
    "blogger",
    "novelist",
    "freelancer",
    "host",
];

/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "There",
    "Here", "His", "Her", "Their", "Our", "Its", "A", "An", "In", "On", "At", "But", "And", "Who",
    "What", "Which",
];

/// How many words a name may have ("Dr. Jane van der Berg-Smith").
const NAME_WORDS: usize = 6;

/// How many words after "is a" / "is the" may come before the role ("a senior non-resident
/// fellow").
const ROLE_REACH: usize = 6;

/// How many words after "writes" may come before "for" ("writes about East African politics
/// and security for ...").
const FOR_REACH: usize = 20;

/// A biography starts `chunk`. `near_end` says whether the chunk lies where biographies go.
pub(crate) fn is_bio(chunk: &str, near_end: bool) -> bool {
    if starts_with_any(chunk, SELF_DESCRIBED) {
        return true;
    }
    if !near_end {
        return false;
    }
    let mut words = chunk.split_whitespace().peekable();
    let mut name_words = 0;
    while let Some(word) = words.next_if(|w| is_name_word(w)) {
        if name_words == 0 && NOT_NAMES.contains(&word) {
            return false;
        }
        name_words += 1;
    }
    if name_words == 0 || name_words > NAME_WORDS {
        return false;
    }
    match words.next() {
        Some("is" | "was") => {
            if !matches!(words.next(), Some("a" | "an" | "the")) {
                return false;
            }
            words.take(ROLE_REACH).any(|w| {
                let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                ROLES.iter().any(|role| role.eq_ignore_ascii_case(w))
            })
        }
        Some("writes" | "covers" | "reports") => words.take(FOR_REACH).any(|w| w == "for"),
        _ => false,
    }
}

/// "Jane", "DOE", "J.", "al-Masri", "O'Neill": starts with a capital letter.
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn biographies() {
        assert!(is_bio("The author is a professor of law.", false));
        assert!(is_bio("Follow her on Twitter @janedoe", false));
        assert!(is_bio(
            "Jane Doe is a senior fellow at Chatham House.",
            true
        ));
        assert!(is_bio(
            "Otieno Mwangi is the news editor of The Star.",
            true
        ));
        assert!(is_bio(
            "Dr. Amina Yusuf is an associate professor at Makerere.",
            true
        ));
        assert!(is_bio(
            "John Doe writes about African politics for Foreign Policy.",
            true
        ));
    }

    #[test]
    fn reporting_is_not_biography() {
        assert!(!is_bio(
            "Jane Doe is a senior fellow at Chatham House.",
            false
        ));
        assert!(!is_bio("Ruto is the president of Kenya.", true));
        assert!(!is_bio(
            "The news editor said the paper would appeal.",
            true
        ));
        assert!(!is_bio("He is a former editor of the paper.", true));
        assert!(!is_bio("Smith writes that the war is lost.", true));
        assert!(!is_bio("President Ruto urged calm.", true));
    }
}
