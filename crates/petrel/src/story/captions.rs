//! Photo captions and credits: "Photo: ...", "(Photo by ...)", "FILE PHOTO: ...",
//! "Pictured: ...", "[Image: ...]", "Caption: ...", "Credit: ...", and descriptions that end in
//! a photographer's credit ("... March 4, 2025. REUTERS/Jane Doe", "... AFP via Getty Images").

use super::lines::starts_with_any;

const CAPTION_LEADS: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "photos by",
    "photograph:",
    "photograph by",
    "photographs by",
    "file photo",
    "pictured:",
    "picture:",
    "pictures:",
    "picture by",
    "image:",
    "images:",
    "image by",
    "image caption",
    "caption:",
    "credit:",
    "credits:",
    "photo credit",
    "image credit",
    "ap photo",
    "afp photo",
    "reuters photo",
    "epa photo",
];

/// A caption or credit starts `chunk` (a line, a sentence, or the inside of brackets).
pub(crate) fn is_caption(chunk: &str) -> bool {
    starts_with_any(chunk, CAPTION_LEADS)
}

/// Agency credits followed by the photographer's name: "REUTERS/Jane Doe".
const NAMED_CREDITS: &[&str] = &["REUTERS/", "AP Photo/", "EPA-EFE/", "Xinhua/", "AFP/"];

/// Agency credits that end a caption as they are.
const CLOSING_CREDITS: &[&str] = &["Getty Images", "/AFP", "/ AFP", "Shutterstock"];

/// How near the end of a line a photo credit must start.
const CREDIT_REACH: usize = 80;

/// Where a photo credit that ends `line` starts, if one does.
pub(crate) fn credit_at_end(line: &str) -> Option<usize> {
    let tail_from = floor_boundary(line, line.len().saturating_sub(CREDIT_REACH));
    let tail = &line[tail_from..];
    let ends_closing = ["Images", "Shutterstock"]
        .iter()
        .any(|word| tail.trim_end_matches([')', '.', ' ']).ends_with(word));
    if !ends_closing && !tail.contains('/') {
        // Every credit has a slash or ends in one of those words: most lines stop here.
        return None;
    }
    let named = NAMED_CREDITS.iter().filter_map(|credit| {
        let at = tail.rfind(credit)?;
        is_name_list(&tail[at + credit.len()..]).then_some(at)
    });
    let closing = CLOSING_CREDITS.iter().filter_map(|credit| {
        let at = tail.rfind(credit)?;
        let rest = tail[at + credit.len()..].trim_matches([')', '.', ' ']);
        rest.is_empty().then_some(at)
    });
    named.chain(closing).min().map(|at| tail_from + at)
}

/// "Jane Doe", "Jane Doe/File", "Jane Doe)": capitalised words only.
fn is_name_list(text: &str) -> bool {
    let text = text.trim_end_matches([')', '.', ' ']);
    !text.is_empty()
        && text
            .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(char::is_uppercase))
}

/// The largest character boundary of `text` at or below `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_leads() {
        assert!(is_caption("Photo: Ruto in Nairobi"));
        assert!(is_caption("FILE PHOTO: Kenya's President"));
        assert!(is_caption("Photo by Jane Doe"));
        assert!(is_caption("Pictured: the delegation"));
        assert!(is_caption("Image: AFP"));
        assert!(is_caption("AP Photo/Brian Inganga"));
        assert!(!is_caption("photo opportunity"));
        assert!(!is_caption("Photographers gathered"));
        assert!(!is_caption("Credit Suisse said"));
    }

    #[test]
    fn credits_ending_lines() {
        let line = "Ruto speaks in Nairobi, Kenya, March 4, 2025. REUTERS/Monicah Mwangi";
        assert_eq!(credit_at_end(line), line.find("REUTERS"));
        let line = "Abiy in Addis Ababa. AFP via Getty Images";
        assert_eq!(credit_at_end(line), line.find("Getty"));
        let line = "Police at the scene (AP Photo/Jane Doe)";
        assert_eq!(credit_at_end(line), line.find("AP Photo"));
        let line = "Abiy visits. Photo by X/AFP";
        assert_eq!(credit_at_end(line), line.find("/AFP"));
    }

    #[test]
    fn ordinary_endings_are_not_credits() {
        assert_eq!(credit_at_end("A spokesperson for Getty Images said."), None);
        assert_eq!(
            credit_at_end("Ruto told REUTERS/the press that he would go."),
            None
        );
        assert_eq!(credit_at_end("The talks ended."), None);
        assert_eq!(credit_at_end("é".repeat(100).as_str()), None);
    }
}
