//! The MLP that scores a parser configuration from the encoder vectors of the top three stack
//! items and the buffer front (Kiperwasser & Goldberg 2016): one tanh hidden layer, then the
//! three moves' scores and, for each arc direction, a score for every relation.
//!
//! The hidden layer's input is a concatenation, so its product with the first weight matrix
//! is a sum of one product per slot. Each word's product for each slot is computed at most
//! once per sentence, when a configuration first puts the word in the slot (many words never
//! reach the third stack item, for one); a configuration then costs four vector additions
//! before the tanh. Training sums each (word, slot) product's gradient over the sentence and
//! backpropagates it through the weights once, in [`Scorer::backward_rows`].

use super::linalg::{accumulate, add, axpy, dot, tanh};
use super::param::Param;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

/// Stack top, second, third, buffer front.
pub const SLOTS: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct Scorer {
    /// Width of an encoder vector.
    width: usize,
    hidden: usize,
    outputs: usize,
    /// Stand-ins for the root (which has no encoder vector) and for an empty slot.
    root: Param,
    empty: Param,
    /// Slot-major, then input-major: `w1[(slot * width + k) * hidden..][..hidden]`.
    w1: Param,
    b1: Param,
    /// Output-major: `w2[o * hidden..][..hidden]`.
    w2: Param,
    b2: Param,
}

/// A sentence's rows (encoder vectors, then root, then empty) and their slot products.
#[derive(Default)]
pub struct ScorerWork {
    rows: Vec<f32>,
    proj: Vec<f32>,
    /// Whether each (row, slot) product in `proj` has been computed.
    made: Vec<bool>,
    dproj: Vec<f32>,
    touched: Vec<bool>,
    drows: Vec<f32>,
}

impl ScorerWork {
    /// The encoder vectors of a prepared sentence's `n` words (`width` each).
    pub fn vectors(&self, n: usize, width: usize) -> &[f32] {
        &self.rows[..n * width]
    }
}

impl Scorer {
    pub fn new(width: usize, hidden: usize, outputs: usize, rng: &mut Rng) -> Scorer {
        let s1 = (6.0 / (SLOTS * width + hidden) as f32).sqrt();
        let s2 = (6.0 / (hidden + outputs) as f32).sqrt();
        Scorer {
            width,
            hidden,
            outputs,
            root: Param::uniform(width, 0.1, rng),
            empty: Param::uniform(width, 0.1, rng),
            w1: Param::uniform(SLOTS * width * hidden, s1, rng),
            b1: Param::zeros(hidden),
            w2: Param::uniform(outputs * hidden, s2, rng),
            b2: Param::zeros(outputs),
        }
    }

    /// Width of the encoder vectors it reads.
    pub fn width(&self) -> usize {
        self.width
    }

    pub fn hidden_width(&self) -> usize {
        self.hidden
    }

    pub fn outputs(&self) -> usize {
        self.outputs
    }

    pub fn weight_count(&self) -> usize {
        self.blocks().iter().map(|p| p.w.len()).sum()
    }

    /// The weight blocks in file order (the order [`Scorer::params`] and `read` use too).
    fn blocks(&self) -> [&Param; 6] {
        [
            &self.root,
            &self.empty,
            &self.w1,
            &self.b1,
            &self.w2,
            &self.b2,
        ]
    }

    pub fn params(&mut self) -> Vec<&mut Param> {
        vec![
            &mut self.root,
            &mut self.empty,
            &mut self.w1,
            &mut self.b1,
            &mut self.w2,
            &mut self.b2,
        ]
    }

    /// Takes the `n` encoder vectors of a sentence. Row `n` is the root, row `n + 1` the
    /// empty slot.
    pub fn prepare(&self, vectors: &[f32], n: usize, work: &mut ScorerWork) {
        let (w, m) = (self.width, self.hidden);
        work.rows.clear();
        work.rows.extend_from_slice(&vectors[..n * w]);
        work.rows.extend_from_slice(&self.root.w);
        work.rows.extend_from_slice(&self.empty.w);
        work.proj.clear();
        work.proj.resize((n + 2) * SLOTS * m, 0.0);
        work.made.clear();
        work.made.resize((n + 2) * SLOTS, false);
    }

    /// The hidden layer of a configuration whose slots hold `rows`.
    pub fn hidden(&self, work: &mut ScorerWork, rows: [usize; SLOTS], h: &mut [f32]) {
        let (w, m) = (self.width, self.hidden);
        h.copy_from_slice(&self.b1.w);
        for (slot, &r) in rows.iter().enumerate() {
            let at = r * SLOTS + slot;
            let out = &mut work.proj[at * m..(at + 1) * m];
            if !work.made[at] {
                work.made[at] = true;
                let weights = &self.w1.w[slot * w * m..(slot + 1) * w * m];
                accumulate(out, &work.rows[r * w..(r + 1) * w], weights);
            }
            add(h, out);
        }
        for x in h.iter_mut() {
            *x = tanh(*x);
        }
    }

    /// Output `o`'s score from a hidden layer.
    #[inline]
    pub fn score(&self, h: &[f32], o: usize) -> f32 {
        let m = self.hidden;
        dot(&self.w2.w[o * m..(o + 1) * m], h) + self.b2.w[o]
    }

    /// Starts a sentence's backward pass: clears the slot products' gradients.
    pub fn start_backward(&self, work: &mut ScorerWork) {
        let rows = work.rows.len() / self.width;
        work.dproj.clear();
        work.dproj.resize(rows * SLOTS * self.hidden, 0.0);
        work.touched.clear();
        work.touched.resize(rows * SLOTS, false);
    }

    /// Backpropagates output gradients `(output, d loss / d score)` of the configuration with
    /// slots `rows` and hidden layer `h`, scored as `h * mask` (dropout), down to the slot
    /// products.
    #[allow(clippy::too_many_arguments)]
    pub fn backward_outputs(
        &mut self,
        work: &mut ScorerWork,
        rows: [usize; SLOTS],
        h: &[f32],
        mask: &[f32],
        grads: &[(usize, f32)],
        dh: &mut [f32],
    ) {
        let m = self.hidden;
        dh.fill(0.0);
        for &(o, g) in grads {
            axpy(dh, g, &self.w2.w[o * m..(o + 1) * m]);
            let wg = &mut self.w2.g[o * m..(o + 1) * m];
            for ((w, y), k) in wg.iter_mut().zip(h).zip(mask) {
                *w += g * y * k;
            }
            self.b2.g[o] += g;
        }
        for ((d, y), k) in dh.iter_mut().zip(h).zip(mask) {
            *d *= k * (1.0 - y * y);
        }
        add(&mut self.b1.g, dh);
        for (slot, &r) in rows.iter().enumerate() {
            let at = r * SLOTS + slot;
            add(&mut work.dproj[at * m..(at + 1) * m], dh);
            work.touched[at] = true;
        }
    }

    /// Finishes a sentence's backward pass: the gradient of each of the `n` encoder vectors
    /// (n × width); the root's and empty slot's go to their parameters.
    pub fn backward_rows<'w>(&mut self, work: &'w mut ScorerWork, n: usize) -> &'w [f32] {
        let (w, m) = (self.width, self.hidden);
        work.drows.clear();
        work.drows.resize((n + 2) * w, 0.0);
        for r in 0..n + 2 {
            let row = &work.rows[r * w..(r + 1) * w];
            let drow = &mut work.drows[r * w..(r + 1) * w];
            for slot in 0..SLOTS {
                let at = r * SLOTS + slot;
                if !work.touched[at] {
                    continue;
                }
                let dp = &work.dproj[at * m..(at + 1) * m];
                let cols = slot * w * m..(slot + 1) * w * m;
                let weights = self.w1.w[cols.clone()].chunks_exact(m);
                let grads = self.w1.g[cols].chunks_exact_mut(m);
                for ((&x, dx), (col, g)) in row.iter().zip(drow.iter_mut()).zip(weights.zip(grads))
                {
                    axpy(g, x, dp);
                    *dx += dot(col, dp);
                }
            }
        }
        add(&mut self.root.g, &work.drows[n * w..(n + 1) * w]);
        add(&mut self.empty.g, &work.drows[(n + 1) * w..(n + 2) * w]);
        &work.drows[..n * w]
    }

    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(self.width as u32);
        w.u32(self.hidden as u32);
        w.u32(self.outputs as u32);
        for p in self.blocks() {
            p.write(w);
        }
    }

    pub fn read(r: &mut ModelReader) -> Result<Scorer, ModelError> {
        let width = r.u32()? as usize;
        let hidden = r.u32()? as usize;
        let outputs = r.u32()? as usize;
        if [width, hidden, outputs]
            .iter()
            .any(|&d| d == 0 || d > 1 << 16)
        {
            return Err(r.corrupt("implausible MLP dimensions"));
        }
        Ok(Scorer {
            width,
            hidden,
            outputs,
            root: Param::read(r, width)?,
            empty: Param::read(r, width)?,
            w1: Param::read(r, SLOTS * width * hidden)?,
            b1: Param::read(r, hidden)?,
            w2: Param::read(r, outputs * hidden)?,
            b2: Param::read(r, outputs)?,
        })
    }
}
