//! Coding a stream of stories: in parallel across stories, in bounded batches, writing events
//! in input order so that the same input always gives the same bytes.

use std::io;

use rayon::prelude::*;

use crate::output::EventSink;
use crate::pipeline::Pipeline;
use crate::stories::{InputError, StoryResult};

/// Stories coded in parallel per batch; memory stays bounded by one batch.
pub const BATCH: usize = 256;

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Stories read and coded (bad records not included).
    pub stories: usize,
    pub sentences: usize,
    pub events: usize,
    /// Stories dropped by a story-level discard phrase.
    pub discarded: usize,
    /// Records that could not be read, in input order.
    pub skipped: Vec<InputError>,
}

/// Codes every story from `stories` and writes its events to `sink`. `progress` is called
/// after each batch. Returns an error only when writing fails.
pub fn run(
    stories: impl Iterator<Item = StoryResult>,
    pipeline: &Pipeline,
    sink: &mut dyn EventSink,
    mut progress: impl FnMut(&Summary),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut stories = stories.peekable();
    while stories.peek().is_some() {
        let batch: Vec<StoryResult> = stories.by_ref().take(BATCH).collect();
        let coded: Vec<_> = batch
            .into_par_iter()
            .map(|story| story.map(|s| pipeline.code_story(&s)))
            .collect();
        for result in coded {
            match result {
                Ok(story) => {
                    summary.stories += 1;
                    summary.sentences += story.sentences;
                    summary.discarded += usize::from(story.discarded.is_some());
                    for event in &story.events {
                        sink.write(event)?;
                    }
                    summary.events += story.events.len();
                }
                Err(e) => summary.skipped.push(e),
            }
        }
        progress(&summary);
    }
    sink.finish()?;
    Ok(summary)
}
