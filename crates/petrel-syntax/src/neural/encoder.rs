//! The bidirectional LSTM that turns each word's input vector into a vector that has seen the
//! whole sentence: layers of a forward and a backward LSTM whose outputs are concatenated and
//! fed to the next layer.

use super::cache::InputCache;
use super::embeddings::{Inputs, FIELDS};
use super::linalg::mul;
use super::lstm::{Lstm, Trace};
use super::param::Param;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct Encoder {
    /// Forward and backward LSTM of each layer; all have the same number of units.
    layers: Vec<[Lstm; 2]>,
}

/// Buffers of one sentence's pass: each layer's input, and the traces of its two LSTMs.
#[derive(Default)]
pub struct EncoderWork {
    /// `inputs[l]` is layer `l`'s input; the last entry is the encoder's output.
    inputs: Vec<Vec<f32>>,
    traces: Vec<[Trace; 2]>,
    grads: Vec<Vec<f32>>,
    /// Training only: the dropout mask of each entry of `inputs` (0, or 1 / (1 - p)).
    masks: Vec<Vec<f32>>,
}

impl Encoder {
    pub fn new(input: usize, hidden: usize, layers: usize, rng: &mut Rng) -> Encoder {
        let layers = (0..layers)
            .map(|l| {
                let width = if l == 0 { input } else { 2 * hidden };
                [Lstm::new(width, hidden, rng), Lstm::new(width, hidden, rng)]
            })
            .collect();
        Encoder { layers }
    }

    pub fn input_width(&self) -> usize {
        self.layers[0][0].input
    }

    /// Width of an output vector (both directions).
    pub fn output_width(&self) -> usize {
        2 * self.layers[0][0].hidden
    }

    pub fn weight_count(&self) -> usize {
        self.layers.iter().flatten().map(Lstm::weight_count).sum()
    }

    pub fn params(&mut self) -> Vec<&mut Param> {
        self.layers
            .iter_mut()
            .flat_map(|[f, b]| f.params().into_iter().chain(b.params()))
            .collect()
    }

    /// The two LSTMs of the first layer, whose input products [`InputCache`] keeps.
    pub fn first_layer(&self) -> [&Lstm; 2] {
        let [f, b] = &self.layers[0];
        [f, b]
    }

    /// The input rows the caller fills (n × input width) before [`Encoder::forward_train`].
    pub fn input<'w>(&self, work: &'w mut EncoderWork, n: usize) -> &'w mut [f32] {
        self.size(work);
        let first = &mut work.inputs[0];
        first.clear();
        first.resize(n * self.input_width(), 0.0);
        first
    }

    fn size(&self, work: &mut EncoderWork) {
        let depth = self.layers.len();
        work.inputs.resize_with(depth + 1, Vec::new);
        work.traces.resize_with(depth, Default::default);
    }

    /// Runs the layers over the input rows set with [`Encoder::input`] for training, with
    /// dropout of probability `p` on every layer's input and on the output; returns the
    /// output rows (n × output width).
    pub fn forward_train<'w>(
        &self,
        work: &'w mut EncoderWork,
        n: usize,
        p: f32,
        rng: &mut Rng,
    ) -> &'w [f32] {
        let depth = self.layers.len();
        work.masks.resize_with(depth + 1, Vec::new);
        let keep = 1.0 / (1.0 - p);
        for l in 0..=depth {
            let mask = &mut work.masks[l];
            mask.clear();
            mask.extend((0..work.inputs[l].len()).map(|_| {
                if rng.chance(f64::from(p)) {
                    0.0
                } else {
                    keep
                }
            }));
            mul(&mut work.inputs[l], mask);
            if l < depth {
                self.layer(work, n, l);
            }
        }
        &work.inputs[depth]
    }

    /// Runs the layers over words `ids`, the first layer's input products taken from `cache`
    /// (made from `inputs` and this encoder); the same result as [`Encoder::forward`] over
    /// their embeddings.
    pub fn forward_cached<'w>(
        &self,
        work: &'w mut EncoderWork,
        ids: &[[u32; FIELDS]],
        inputs: &Inputs,
        cache: &InputCache,
    ) -> &'w [f32] {
        self.size(work);
        let n = ids.len();
        let width = self.output_width();
        let out = &mut work.inputs[1];
        out.clear();
        out.resize(n * width, 0.0);
        for (dir, lstm) in self.layers[0].iter().enumerate() {
            let trace = &mut work.traces[0][dir];
            let gates = trace.gate_inputs(n, 4 * lstm.hidden);
            cache.gate_inputs(dir, lstm, inputs, ids, gates);
            lstm.recur(n, dir == 1, trace, out, (width, dir * width / 2));
        }
        self.layers_from(work, n, 1)
    }

    /// Runs layers `first..`; returns the last output.
    fn layers_from<'w>(&self, work: &'w mut EncoderWork, n: usize, first: usize) -> &'w [f32] {
        for l in first..self.layers.len() {
            self.layer(work, n, l);
        }
        &work.inputs[self.layers.len()]
    }

    /// Runs layer `l` over `work.inputs[l]` into `work.inputs[l + 1]`.
    fn layer(&self, work: &mut EncoderWork, n: usize, l: usize) {
        let width = self.output_width();
        let (below, above) = work.inputs.split_at_mut(l + 1);
        let out = &mut above[0];
        out.clear();
        out.resize(n * width, 0.0);
        let half = width / 2;
        for (dir, lstm) in self.layers[l].iter().enumerate() {
            let trace = &mut work.traces[l][dir];
            lstm.forward(&below[l], n, dir == 1, trace, out, (width, dir * half));
        }
    }

    /// Backpropagates the output gradient `dout` (n × output width) through the last
    /// [`Encoder::forward_train`] and its dropout; returns the input gradient (n × input
    /// width).
    pub fn backward<'w>(&mut self, work: &'w mut EncoderWork, n: usize, dout: &[f32]) -> &'w [f32] {
        let width = self.output_width();
        let half = width / 2;
        let depth = self.layers.len();
        work.grads.resize_with(depth + 1, Vec::new);
        work.grads[depth].clear();
        work.grads[depth].extend_from_slice(dout);
        mul(&mut work.grads[depth], &work.masks[depth]);
        for (l, layer) in self.layers.iter_mut().enumerate().rev() {
            let (below, above) = work.grads.split_at_mut(l + 1);
            let dx = &mut below[l];
            dx.clear();
            dx.resize(n * layer[0].input, 0.0);
            for (dir, lstm) in layer.iter_mut().enumerate() {
                let trace = &mut work.traces[l][dir];
                lstm.backward(
                    &work.inputs[l],
                    n,
                    dir == 1,
                    trace,
                    &above[0],
                    (width, dir * half),
                    dx,
                );
            }
            mul(dx, &work.masks[l]);
        }
        &work.grads[0]
    }

    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(self.layers.len() as u32);
        for layer in &self.layers {
            for lstm in layer {
                lstm.write(w);
            }
        }
    }

    pub fn read(r: &mut ModelReader) -> Result<Encoder, ModelError> {
        let depth = r.u32()? as usize;
        if depth == 0 || depth > 8 {
            return Err(r.corrupt("implausible number of LSTM layers"));
        }
        let mut layers: Vec<[Lstm; 2]> = Vec::with_capacity(depth);
        for _ in 0..depth {
            let layer = [Lstm::read(r)?, Lstm::read(r)?];
            let fits = layer[1].hidden == layer[0].hidden
                && layer[0].input == layer[1].input
                && layers.last().is_none_or(|below| {
                    below[0].hidden == layer[0].hidden && layer[0].input == 2 * below[0].hidden
                });
            if !fits {
                return Err(r.corrupt("LSTM layer dimensions do not fit together"));
            }
            layers.push(layer);
        }
        Ok(Encoder { layers })
    }
}
