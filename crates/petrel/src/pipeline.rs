//! The whole job for one story: structure, sentences, syntax, coding, dates, output records.

use std::cell::RefCell;

use jiff::civil::Date;
use petrel_coder::{ActorMatch, Coder, Discarded, Event, StoryContext};
use petrel_lexicon::ontology::Ontology;
use petrel_lexicon::Lexicon;
use petrel_text::{Sentence, SentenceModel, Span, SpareTokens};

use crate::output::{ActorRecord, EventRecord, Explanation, Trigger};
use crate::stories::Story;
use crate::{dates, story};

/// How much of a sentence may lie in a dateline, byline, caption or boilerplate before the
/// sentence is left uncoded.
const NON_BODY_SHARE: f64 = 0.5;

/// Options for coding.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Add the dictionary entries behind each event (`--explain`).
    pub explain: bool,
}

/// What coding one story gave.
#[derive(Debug, Default)]
pub struct CodedStory {
    pub events: Vec<EventRecord>,
    pub sentences: usize,
    /// A story-level discard phrase matched (the phrase); no events are kept.
    pub discarded: Option<String>,
}

thread_local! {
    /// The tokens of this thread's coded sentences, written over by the next story's (see
    /// [`SpareTokens`]).
    static SPARE: RefCell<SpareTokens> = RefCell::new(SpareTokens::default());
}

/// Loaded models and dictionaries, shared (read-only) by every story and thread.
pub struct Pipeline<'a> {
    syntax: &'a petrel_syntax::Pipeline,
    coder: Coder<'a>,
    ontology: &'a Ontology,
    options: Options,
}

impl<'a> Pipeline<'a> {
    /// `ontology` names the codes in the output (Goldstein, QuadClass, PLOVER); it is petrel's
    /// own even when the dictionaries are PETRARCH's.
    pub fn new(
        syntax: &'a petrel_syntax::Pipeline,
        lexicon: &'a Lexicon,
        ontology: &'a Ontology,
        options: Options,
    ) -> Pipeline<'a> {
        // Read the sentence splitter's model now, with the others, rather than in the middle
        // of the first story (it is parsed once per process, on first use).
        SentenceModel::embedded();
        Pipeline {
            syntax,
            coder: Coder::new(lexicon)
                .recode_modal(true)
                .explain(options.explain),
            ontology,
            options,
        }
    }

    /// Codes one story from raw text.
    pub fn code_story(&self, story: &Story) -> CodedStory {
        let text = &story.text;
        let parts = story::non_body(text);
        let non_body: Vec<Span> = parts.iter().map(|(s, _)| *s).collect();
        let datelines: Vec<Span> = parts
            .iter()
            .filter(|(_, part)| *part == story::Part::Dateline)
            .map(|(s, _)| *s)
            .collect();
        let story_date = story.date;
        let mut coded = CodedStory::default();
        let mut context = StoryContext::default();
        let sentences: Box<dyn Iterator<Item = Sentence>> = match &story.parsed {
            Some(parsed) => Box::new(parsed.iter().cloned()),
            None => Box::new(chunks(text).flat_map(|start| {
                let end = chunk_end(text, start);
                let piece = &text[start..end];
                let mut sentences = SPARE
                    .with(|spare| petrel_text::segment_reusing(piece, &mut spare.borrow_mut()));
                for sentence in &mut sentences {
                    shift(sentence, start);
                }
                sentences
            })),
        };
        for (index, mut sentence) in sentences.enumerate() {
            coded.sentences += 1;
            'sentence: {
                let sentence = &mut sentence;
                let Some(span) = sentence.span else {
                    break 'sentence;
                };
                if mostly_within(span, &non_body) {
                    if mostly_within(span, &datelines) {
                        self.coder.read_dateline(sentence, story_date, &mut context);
                    }
                    break 'sentence;
                }
                if story.parsed.is_none() {
                    self.syntax.annotate(sentence);
                }
                let result = self.coder.code_in_story(sentence, story_date, &mut context);
                match result.discarded {
                    Some(Discarded::Story(phrase)) => {
                        coded.events.clear();
                        coded.discarded = Some(phrase);
                        return coded;
                    }
                    Some(Discarded::Sentence(_)) => break 'sentence,
                    None => {}
                }
                let sentence_text = span.slice(text).unwrap_or_default();
                let mentions = story_date.map(|d| dates::find_dates(sentence_text, d));
                for event in &result.events {
                    let date = mentions
                        .as_deref()
                        .and_then(|m| nearest_date(m, sentence, event, span.start))
                        .or(story_date);
                    coded.events.push(self.record(
                        story,
                        index,
                        sentence,
                        sentence_text,
                        event,
                        date,
                    ));
                }
            }
            SPARE.with(|spare| spare.borrow_mut().recycle(sentence));
        }
        coded
    }

    fn record(
        &self,
        story: &Story,
        index: usize,
        sentence: &Sentence,
        sentence_text: &str,
        event: &Event,
        date: Option<Date>,
    ) -> EventRecord {
        let text = &story.text;
        let actor = |a: &ActorMatch| actor_record(a, sentence, text);
        let trigger_span = sentence.tokens[event.trigger].span.unwrap_or_default();
        let kind = self.ontology.event(&event.code);
        EventRecord {
            story_id: story.id.clone(),
            sentence_index: index,
            date: date.map(|d| d.to_string()),
            source: actor(&event.source),
            target: event.target.as_ref().map(actor),
            cameo: event.code.clone(),
            cameo_root: event.code.get(..2).unwrap_or(&event.code).to_string(),
            plover: kind.and_then(|k| k.plover.clone()),
            plover_mode: kind.and_then(|k| k.plover_mode.clone()),
            goldstein: kind.map(|k| k.goldstein),
            quad_class: kind.map(|k| k.quad_class),
            negated: event.negated,
            modality: event.modality.map(|m| m.as_str()),
            trigger: Trigger {
                text: trigger_span.slice(text).unwrap_or_default().to_string(),
                span: trigger_span.into(),
            },
            attribution: event.attribution.as_ref().map(actor),
            sentence: sentence_text.to_string(),
            explain: self.options.explain.then(|| Explanation {
                verb: format!("{} / {}", event.evidence.block, event.evidence.verb),
                pattern: event.evidence.pattern.clone(),
                source_entries: event.source.entries.clone(),
                target_entries: event
                    .target
                    .as_ref()
                    .map(|t| t.entries.clone())
                    .unwrap_or_default(),
                recoded_from: event.recoded_from.clone(),
            }),
        }
    }
}

/// The output form of an actor: its words' span in the story.
fn actor_record(actor: &ActorMatch, sentence: &Sentence, text: &str) -> ActorRecord {
    let first = sentence.tokens[actor.tokens.0].span.unwrap_or_default();
    let last = sentence.tokens[actor.tokens.1].span.unwrap_or_default();
    let span = first.join(last);
    ActorRecord {
        code: actor.code.to_string(),
        country: actor.code.get(..3).unwrap_or(&actor.code).to_string(),
        text: span.slice(text).unwrap_or_default().to_string(),
        span: span.into(),
    }
}

/// Longest piece of a story segmented at once. A story of any length is split at line
/// breaks (or, failing that, after a full stop) into pieces of about this size, so memory
/// stays bounded by the piece, not the story.
const CHUNK: usize = 64 * 1024;

/// Start offsets of the pieces of `text` (see [`CHUNK`]).
fn chunks(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(0), move |&start| {
        let end = chunk_end(text, start);
        (end < text.len()).then_some(end)
    })
}

/// Where the piece starting at `start` ends: the last line break, else the last ". ", within
/// [`CHUNK`] bytes, else the last character boundary before the limit.
fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK {
        return text.len();
    }
    let mut limit = start + CHUNK;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let cut = window
        .rfind('\n')
        .map(|i| i + 1)
        .or_else(|| window.rfind(". ").map(|i| i + 2))
        .filter(|&i| i > 0)
        .unwrap_or(window.len());
    start + cut
}

/// Moves a sentence segmented from a piece to offsets in the whole story.
fn shift(sentence: &mut Sentence, by: usize) {
    let moved = |s: Span| Span::new(s.start + by, s.end + by);
    sentence.span = sentence.span.map(moved);
    for token in &mut sentence.tokens {
        token.span = token.span.map(moved);
    }
}

/// Whether more than half of `span` lies in the non-body regions.
fn mostly_within(span: Span, regions: &[Span]) -> bool {
    let covered: usize = regions
        .iter()
        .map(|r| r.end.min(span.end).saturating_sub(r.start.max(span.start)))
        .sum();
    let len = span.end.saturating_sub(span.start).max(1);
    covered as f64 / len as f64 > NON_BODY_SHARE
}

/// The date expression in the sentence nearest the event's trigger, if any.
fn nearest_date(
    mentions: &[dates::DateMention],
    sentence: &Sentence,
    event: &Event,
    sentence_start: usize,
) -> Option<Date> {
    let trigger = sentence.tokens[event.trigger].span?;
    let at = trigger.start.checked_sub(sentence_start)?;
    mentions
        .iter()
        .min_by_key(|m| m.span.start.abs_diff(at).min(m.span.end.abs_diff(at)))
        .map(|m| m.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_stories_are_cut_into_bounded_pieces_at_line_breaks_or_full_stops() {
        let line = "Kenya met Ethiopia. ".repeat(40) + "\n";
        let text = line.repeat(200);
        let starts: Vec<usize> = chunks(&text).collect();
        assert!(starts.len() > 1);
        for &start in &starts {
            let end = chunk_end(&text, start);
            assert!(end - start <= CHUNK);
            assert!(end == text.len() || text[..end].ends_with('\n'));
        }
        let no_lines = "Kenya met Ethiopia. ".repeat(10_000);
        for start in chunks(&no_lines) {
            let end = chunk_end(&no_lines, start);
            assert!(end == no_lines.len() || no_lines[..end].ends_with(". "));
        }
        let no_breaks = "é".repeat(100_000);
        let pieces: Vec<usize> = chunks(&no_breaks).collect();
        assert!(pieces.iter().all(|&s| no_breaks.is_char_boundary(s)));
        assert_eq!(chunks("").collect::<Vec<_>>(), [0]);
    }
}
