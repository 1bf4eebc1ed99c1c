//! The first LSTM layer's input products of embedding rows, computed once when a model is
//! loaded (or a training epoch ends), so that parsing adds three precomputed vectors per word
//! and direction instead of multiplying the input vector by the input weights, which is most
//! of the encoder's work.
//!
//! The most frequent rows of each table are kept (the vocabulary is numbered by
//! descending frequency), which for forms cover nearly every running word and for the other
//! tables every row; the rare rest are multiplied as they come, which bounds the memory.

use super::embeddings::{Inputs, FIELDS};
use super::linalg::add;
use super::lstm::Lstm;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct InputCache {
    /// By direction, then table: `rows[t]` products of 4H each.
    products: [[Vec<f32>; FIELDS]; 2],
    rows: [usize; FIELDS],
    /// Where each table's part starts in the input vector.
    offsets: [usize; FIELDS],
}

impl InputCache {
    /// Keeps up to `max_rows` rows of each table.
    pub fn new(inputs: &Inputs, first: [&Lstm; 2], max_rows: usize) -> InputCache {
        let mut cache = InputCache::default();
        let mut offset = 0;
        for (t, table) in inputs.tables.iter().enumerate() {
            cache.rows[t] = table.vocab.rows().min(max_rows);
            cache.offsets[t] = offset;
            offset += table.dim;
        }
        // The two directions are independent: built side by side, they take half the load
        // time on a machine with two cores, with the same result.
        let (rows, offsets) = (cache.rows, cache.offsets);
        std::thread::scope(|scope| {
            for (products, lstm) in cache.products.iter_mut().zip(first) {
                scope.spawn(move || {
                    let g4 = 4 * lstm.hidden;
                    for (t, table) in inputs.tables.iter().enumerate() {
                        let out = &mut products[t];
                        out.resize(rows[t] * g4, 0.0);
                        let x = &table.weights.w[..rows[t] * table.dim];
                        lstm.add_input_products(x, offsets[t], out);
                    }
                });
            }
        });
        cache
    }

    /// Writes the gate inputs of the first layer's LSTM `dir` for words `ids`, in the order
    /// that LSTM reads them, into `gates` (n × 4H).
    pub fn gate_inputs(
        &self,
        dir: usize,
        lstm: &Lstm,
        inputs: &Inputs,
        ids: &[[u32; FIELDS]],
        gates: &mut [f32],
    ) {
        let g4 = 4 * lstm.hidden;
        let n = ids.len();
        for (s, g) in gates.chunks_exact_mut(g4).enumerate() {
            let p = if dir == 1 { n - 1 - s } else { s };
            g.copy_from_slice(lstm.bias());
            for (t, &id) in ids[p].iter().enumerate() {
                let id = id as usize;
                if id < self.rows[t] {
                    add(g, &self.products[dir][t][id * g4..(id + 1) * g4]);
                } else {
                    let row = inputs.tables[t].row(id as u32);
                    lstm.add_input_product(row, self.offsets[t], g);
                }
            }
        }
    }
}
