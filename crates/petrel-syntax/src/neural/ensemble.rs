//! Neural parsers trained alike from different seeds, parsing as one. At every step each
//! member scores the configuration from its own encoding of the sentence and the move and
//! relation with the highest summed score win, and each word's tag is the class with the
//! highest summed score (the class whose probabilities multiply to the most). Members err in different places, so together they err less than
//! any of them alone, at the price of running every member's encoder.
//!
//! This is also what a model file holds: the relations once, then the members, a member's
//! frozen pretrained table written only once if the first member has the same one.

use petrel_text::Token;

use super::{best_move, slot_rows, Inputs, NeuralParser, NeuralWork};
use crate::lexeme::Lexeme;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::parser::read_labels;
use crate::parser::state::{Move, State, MOVES};

const MAGIC: &[u8] = b"petrel neural parser v3\n";

/// More members than this in a file is taken for corruption.
const MAX_MEMBERS: usize = 16;

/// One or more members with the same relations and tag classes, in the same order.
#[derive(Debug)]
pub struct NeuralEnsemble {
    members: Vec<NeuralParser>,
}

/// Reusable buffers: one set per member, and the configuration they share.
#[derive(Default)]
pub struct EnsembleWork {
    members: Vec<NeuralWork>,
    state: State,
    /// Summed scores of the tag classes of one word.
    tag_scores: Vec<f32>,
}

impl NeuralEnsemble {
    /// Joins `members`; an error if there are none or their outputs differ, since only
    /// scores of the same outputs can be summed.
    pub fn new(members: Vec<NeuralParser>) -> Result<NeuralEnsemble, &'static str> {
        let first = members.first().ok_or("an ensemble needs a member")?;
        let same = |m: &NeuralParser| {
            m.labels == first.labels
                && m.root == first.root
                && m.tagger.tags() == first.tagger.tags()
        };
        if !members.iter().all(same) {
            return Err("the members differ in their relations or tag classes");
        }
        Ok(NeuralEnsemble { members })
    }

    /// Adds a member, as [`NeuralEnsemble::new`] would.
    pub fn with(self, member: NeuralParser) -> Result<NeuralEnsemble, &'static str> {
        let mut members = self.members;
        members.push(member);
        NeuralEnsemble::new(members)
    }

    pub fn members(&self) -> &[NeuralParser] {
        &self.members
    }

    /// Fills in `head` and `deprel` of tokens tagged by the perceptron tagger (UPOS and
    /// XPOS set), and replaces their UPOS and XPOS with the members' joint choice.
    pub fn annotate(&self, tokens: &mut [Token], lexemes: &[Lexeme], work: &mut EnsembleWork) {
        annotate_jointly(&self.members, tokens, lexemes, work);
    }

    pub fn save(&self, w: &mut ModelWriter) {
        let first = &self.members[0];
        w.raw(MAGIC);
        w.strings(&first.labels);
        w.u32(self.members.len() as u32);
        for (i, m) in self.members.iter().enumerate() {
            m.write(w, (i > 0).then_some(&first.inputs));
        }
    }

    pub fn load(r: &mut ModelReader) -> Result<NeuralEnsemble, ModelError> {
        r.expect_magic(MAGIC)?;
        let (labels, root) = read_labels(r)?;
        let count = r.u32()? as usize;
        if count == 0 || count > MAX_MEMBERS {
            return Err(r.corrupt("implausible number of members"));
        }
        let mut members: Vec<NeuralParser> = Vec::with_capacity(count);
        for _ in 0..count {
            let first = members.first().map(|m| &m.inputs);
            let member = NeuralParser::read(r, &labels, root, first)?;
            members.push(member);
        }
        NeuralEnsemble::new(members).map_err(|e| r.corrupt(e))
    }
}

/// [`NeuralEnsemble::annotate`] over borrowed members (training scores one this way).
pub(super) fn annotate_jointly(
    members: &[NeuralParser],
    tokens: &mut [Token],
    lexemes: &[Lexeme],
    work: &mut EnsembleWork,
) {
    work.members.resize_with(members.len(), NeuralWork::default);
    for (m, w) in members.iter().zip(&mut work.members) {
        w.ids.clear();
        w.ids.extend(
            tokens
                .iter()
                .zip(lexemes)
                .map(|(t, l)| m.inputs.ids(Inputs::keys(l, &t.upos, &t.xpos))),
        );
        m.encode(w);
    }
    tag(members, tokens, work);
    parse(members, tokens.len(), work);
    work.state.write_tree(tokens, &members[0].labels);
}

fn tag(members: &[NeuralParser], tokens: &mut [Token], work: &mut EnsembleWork) {
    let classes = members[0].tagger.tags();
    let width = members[0].encoder.output_width();
    let n = tokens.len();
    for (i, t) in tokens.iter_mut().enumerate() {
        work.tag_scores.clear();
        work.tag_scores.resize(classes.len(), 0.0);
        for (m, w) in members.iter().zip(&work.members) {
            let v = &w.scorer.vectors(n, width)[i * width..(i + 1) * width];
            m.tagger.add_scores(v, &mut work.tag_scores);
        }
        let (upos, xpos) = &classes[argmax(&work.tag_scores)];
        t.upos.clone_from(upos);
        t.xpos.clone_from(xpos);
    }
}

/// Parses the `n` encoded words, leaving the tree in `work.state`.
fn parse(members: &[NeuralParser], n: usize, work: &mut EnsembleWork) {
    let first = &members[0];
    let EnsembleWork {
        members: works,
        state,
        ..
    } = work;
    state.start(n);
    while !state.is_final() {
        let rows = slot_rows(state);
        for (m, w) in members.iter().zip(works.iter_mut()) {
            m.scorer.hidden(&mut w.scorer, rows, &mut w.hidden);
        }
        let m = match state.forced() {
            Some(m) => m,
            None => {
                let scores = MOVES.map(|mv| summed(members, works, |p| p.move_output(mv)));
                best_move(state, scores, |_| true)
            }
        };
        let label = match state.arc(m) {
            None => 0,
            Some((head, _)) if head as usize == n => first.root,
            Some(_) => best_label(members, works, m),
        };
        state.apply(m, label);
    }
}

/// The score of one output (`output` numbers it for a member), summed over the members.
fn summed(
    members: &[NeuralParser],
    works: &[NeuralWork],
    output: impl Fn(&NeuralParser) -> usize,
) -> f32 {
    members
        .iter()
        .zip(works)
        .map(|(p, w)| p.scorer.score(&w.hidden, output(p)))
        .sum()
}

/// The relation other than `root` with the highest summed score for arc move `m`.
fn best_label(members: &[NeuralParser], works: &[NeuralWork], m: Move) -> u16 {
    let first = &members[0];
    let mut best = (u16::MAX, f32::NEG_INFINITY);
    for l in 0..first.labels.len() as u16 {
        if l == first.root {
            continue;
        }
        let s = summed(members, works, |p| p.label_output(m, l));
        if s > best.1 {
            best = (l, s);
        }
    }
    best.0
}

/// The index of the largest value; ties go to the earlier one.
fn argmax(values: &[f32]) -> usize {
    let mut best = (0, f32::NEG_INFINITY);
    for (i, &v) in values.iter().enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}
