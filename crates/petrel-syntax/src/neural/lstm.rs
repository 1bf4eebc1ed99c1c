//! One direction of an LSTM layer, forward and backward by hand.
//!
//! Weight matrices are stored input-major (`wx[k]` holds the weights from input `k` to all
//! 4H gate units, in the order input, forget, output, candidate), so that both the forward
//! pass (`gates += x[k] * wx[k]`) and the weight gradient are runs of `axpy`, and the input
//! gradient a run of `dot`.

use multiversion::multiversion;

use super::linalg::{accumulate, accumulate_batch, axpy, dot, sigmoid, tanh};
use super::param::Param;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct Lstm {
    pub input: usize,
    pub hidden: usize,
    wx: Param,
    wh: Param,
    b: Param,
}

/// What a forward pass keeps for the backward pass, by step (not by position).
#[derive(Default)]
pub struct Trace {
    /// Activated gates, 4H a step.
    gates: Vec<f32>,
    /// Cell states, H a step.
    cells: Vec<f32>,
    /// Outputs, H a step.
    outs: Vec<f32>,
    /// Gradients flowing back through time (scratch).
    dh: Vec<f32>,
    dc: Vec<f32>,
    dg: Vec<f32>,
}

impl Trace {
    /// The buffer of gate inputs (bias plus input product) for `n` steps of `width` (4H)
    /// each, in step order, for the caller to fill before [`Lstm::recur`].
    pub fn gate_inputs(&mut self, n: usize, width: usize) -> &mut [f32] {
        self.gates.clear();
        self.gates.resize(n * width, 0.0);
        &mut self.gates
    }
}

impl Lstm {
    pub fn new(input: usize, hidden: usize, rng: &mut Rng) -> Lstm {
        let scale = 1.0 / (hidden as f32).sqrt();
        let mut b = Param::zeros(4 * hidden);
        // A forget bias of one lets gradients through time early in training.
        b.w[hidden..2 * hidden].fill(1.0);
        Lstm {
            input,
            hidden,
            wx: Param::uniform(input * 4 * hidden, scale, rng),
            wh: Param::uniform(hidden * 4 * hidden, scale, rng),
            b,
        }
    }

    pub fn weight_count(&self) -> usize {
        self.wx.w.len() + self.wh.w.len() + self.b.w.len()
    }

    pub fn params(&mut self) -> [&mut Param; 3] {
        [&mut self.wx, &mut self.wh, &mut self.b]
    }

    pub fn bias(&self) -> &[f32] {
        &self.b.w
    }

    /// [`Lstm::add_input_product`] for a batch: `xs` holds vectors of the same part of the
    /// input, `gates` as many rows of 4H.
    pub fn add_input_products(&self, xs: &[f32], offset: usize, gates: &mut [f32]) {
        let g4 = 4 * self.hidden;
        let rows = gates.len() / g4;
        if rows == 0 {
            return;
        }
        let width = xs.len() / rows;
        let weights = &self.wx.w[offset * g4..(offset + width) * g4];
        accumulate_batch(gates, xs, weights, g4);
    }

    /// Adds the product of part of an input vector, `x`, starting at input `offset`, with
    /// the input weights to `gates` (4H).
    #[inline]
    pub fn add_input_product(&self, x: &[f32], offset: usize, gates: &mut [f32]) {
        let g4 = 4 * self.hidden;
        accumulate(gates, x, &self.wx.w[offset * g4..(offset + x.len()) * g4]);
    }

    /// Runs over the `n` rows of `xs` (each `input` wide), backwards if `reverse`, writing the
    /// output at each position into `out[p * stride + offset..][..hidden]`.
    pub fn forward(
        &self,
        xs: &[f32],
        n: usize,
        reverse: bool,
        trace: &mut Trace,
        out: &mut [f32],
        place: (usize, usize),
    ) {
        let g4 = 4 * self.hidden;
        let gates = trace.gate_inputs(n, g4);
        for g in gates.chunks_exact_mut(g4) {
            g.copy_from_slice(&self.b.w);
        }
        self.add_input_products(&xs[..n * self.input], 0, gates);
        if reverse {
            // Computed in word order; the backward LSTM reads them last word first.
            for s in 0..n / 2 {
                let (front, back) = gates.split_at_mut((n - 1 - s) * g4);
                front[s * g4..(s + 1) * g4].swap_with_slice(&mut back[..g4]);
            }
        }
        self.recur(n, reverse, trace, out, place);
    }

    /// The recurrence over gate inputs already in `trace` (see [`Trace::gate_inputs`]),
    /// writing outputs as [`Lstm::forward`] does.
    pub fn recur(
        &self,
        n: usize,
        reverse: bool,
        trace: &mut Trace,
        out: &mut [f32],
        (stride, offset): (usize, usize),
    ) {
        let h = self.hidden;
        let g4 = 4 * h;
        trace.cells.clear();
        trace.cells.resize(n * h, 0.0);
        trace.outs.clear();
        trace.outs.resize(n * h, 0.0);
        for s in 0..n {
            let p = if reverse { n - 1 - s } else { s };
            let gates = &mut trace.gates[s * g4..(s + 1) * g4];
            if s > 0 {
                accumulate(gates, &trace.outs[(s - 1) * h..s * h], &self.wh.w);
            }
            let (before, cells) = trace.cells.split_at_mut(s * h);
            let prev_cells = if s > 0 {
                &before[(s - 1) * h..]
            } else {
                &[][..]
            };
            let outs = &mut trace.outs[s * h..(s + 1) * h];
            cell_step(gates, prev_cells, &mut cells[..h], outs);
            out[p * stride + offset..][..h].copy_from_slice(outs);
        }
    }

    /// Backpropagates `dout` (laid out as `out` was) through the pass recorded in `trace`,
    /// adding weight gradients and writing input gradients into `dxs` (added to).
    #[allow(clippy::too_many_arguments)]
    pub fn backward(
        &mut self,
        xs: &[f32],
        n: usize,
        reverse: bool,
        trace: &mut Trace,
        dout: &[f32],
        (stride, offset): (usize, usize),
        dxs: &mut [f32],
    ) {
        let (d, h) = (self.input, self.hidden);
        let g4 = 4 * h;
        let Trace {
            gates,
            cells,
            outs,
            dh,
            dc,
            dg,
        } = trace;
        dh.clear();
        dh.resize(h, 0.0);
        dc.clear();
        dc.resize(h, 0.0);
        dg.clear();
        dg.resize(g4, 0.0);
        for s in (0..n).rev() {
            let p = if reverse { n - 1 - s } else { s };
            let g = &gates[s * g4..(s + 1) * g4];
            for j in 0..h {
                let c = cells[s * h + j];
                let prev = if s > 0 { cells[(s - 1) * h + j] } else { 0.0 };
                let (i, f, o, cand) = (g[j], g[h + j], g[2 * h + j], g[3 * h + j]);
                let tc = tanh(c);
                let dy = dout[p * stride + offset + j] + dh[j];
                let dcell = dy * o * (1.0 - tc * tc) + dc[j];
                dg[j] = dcell * cand * i * (1.0 - i);
                dg[h + j] = dcell * prev * f * (1.0 - f);
                dg[2 * h + j] = dy * tc * o * (1.0 - o);
                dg[3 * h + j] = dcell * i * (1.0 - cand * cand);
                dc[j] = dcell * f;
            }
            for (b, g) in self.b.g.iter_mut().zip(dg.iter()) {
                *b += *g;
            }
            let x = &xs[p * d..(p + 1) * d];
            let dx = &mut dxs[p * d..(p + 1) * d];
            let rows = self
                .wx
                .w
                .chunks_exact(g4)
                .zip(self.wx.g.chunks_exact_mut(g4));
            for ((&x, dx), (w, wg)) in x.iter().zip(dx).zip(rows) {
                if x != 0.0 {
                    axpy(wg, x, dg);
                }
                *dx += dot(w, dg);
            }
            if s > 0 {
                let prev = &outs[(s - 1) * h..s * h];
                let rows = self
                    .wh
                    .w
                    .chunks_exact(g4)
                    .zip(self.wh.g.chunks_exact_mut(g4));
                for ((&y, dy), (w, wg)) in prev.iter().zip(dh.iter_mut()).zip(rows) {
                    axpy(wg, y, dg);
                    *dy = dot(w, dg);
                }
            }
        }
    }

    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(self.input as u32);
        w.u32(self.hidden as u32);
        // Input-major rows: one scale for each input's weights to the 4H gates.
        self.wx.write_bytes(w, 4 * self.hidden);
        self.wh.write_bytes(w, 4 * self.hidden);
        self.b.write(w);
    }

    pub fn read(r: &mut ModelReader) -> Result<Lstm, ModelError> {
        let input = r.u32()? as usize;
        let hidden = r.u32()? as usize;
        if input == 0 || hidden == 0 || input > 1 << 16 || hidden > 1 << 16 {
            return Err(r.corrupt("implausible LSTM dimensions"));
        }
        Ok(Lstm {
            input,
            hidden,
            wx: Param::read_bytes(r, input * 4 * hidden, 4 * hidden)?,
            wh: Param::read_bytes(r, hidden * 4 * hidden, 4 * hidden)?,
            b: Param::read(r, 4 * hidden)?,
        })
    }
}

/// One step of the cell once the gate inputs are summed: activates the gates in place
/// (sigmoid for input, forget and output, tanh for the candidate), then writes the new cell
/// states (`prev_cells` empty at the first step) and outputs.
#[multiversion(targets("x86_64+avx"))]
fn cell_step(gates: &mut [f32], prev_cells: &[f32], cells: &mut [f32], outs: &mut [f32]) {
    let h = cells.len();
    for g in &mut gates[..3 * h] {
        *g = sigmoid(*g);
    }
    for g in &mut gates[3 * h..] {
        *g = tanh(*g);
    }
    let (ifo, cand) = gates.split_at(3 * h);
    let (i, fo) = ifo.split_at(h);
    let (f, o) = fo.split_at(h);
    if prev_cells.is_empty() {
        for j in 0..h {
            cells[j] = i[j] * cand[j];
        }
    } else {
        for j in 0..h {
            cells[j] = f[j] * prev_cells[j] + i[j] * cand[j];
        }
    }
    for j in 0..h {
        outs[j] = o[j] * tanh(cells[j]);
    }
}
