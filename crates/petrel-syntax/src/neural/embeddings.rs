//! The input vector of each word: embeddings of its lower-cased form, its predicted UPOS and
//! XPOS, its last three letters, its shape (`Xxx`, `dd`) and a pretrained vector of its
//! lower-cased form, concatenated. The suffix and shape say something about words too rare to
//! have a vector of their own; the pretrained vector, learned from far more text than the
//! treebank (see [`Table::frozen`]), says what a word is like even when training never saw
//! it. Vocabularies are kept as the hashes petrel already computes for every token (no
//! strings), with number 0 for anything unknown.

use std::collections::HashMap;
use std::sync::Arc;

use super::param::Param;
use crate::hashing::hash_str;
use crate::lexeme::Lexeme;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

/// Hashes known to one embedding table, numbered from 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Vocab {
    keys: Vec<u64>,
    index: HashMap<u64, u32>,
}

impl Vocab {
    pub fn new(keys: Vec<u64>) -> Vocab {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32 + 1))
            .collect();
        Vocab { keys, index }
    }

    /// The number of a hash; 0 when unknown.
    #[inline]
    pub fn id(&self, key: u64) -> u32 {
        self.index.get(&key).copied().unwrap_or(0)
    }

    /// Table rows needed: the known keys and the unknown row.
    pub fn rows(&self) -> usize {
        self.keys.len() + 1
    }

    fn write(&self, w: &mut ModelWriter) {
        w.u32(self.keys.len() as u32);
        for &k in &self.keys {
            w.u64(k);
        }
    }

    fn read(r: &mut ModelReader) -> Result<Vocab, ModelError> {
        let n = r.u32()? as usize;
        if r.remaining() < 8 * n {
            return Err(r.corrupt("file ends early"));
        }
        let keys = (0..n).map(|_| r.u64()).collect::<Result<_, _>>()?;
        Ok(Vocab::new(keys))
    }
}

/// An embedding table over a vocabulary, stored as bytes (see [`Param::write_bytes`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub vocab: Vocab,
    pub dim: usize,
    pub weights: Param,
    /// Never trained: vectors learned elsewhere (see [`Table::frozen`]).
    frozen: bool,
}

impl Table {
    pub fn new(vocab: Vocab, dim: usize, rng: &mut Rng) -> Table {
        let weights = Param::uniform(vocab.rows() * dim, (3.0 / dim as f32).sqrt(), rng);
        Table {
            vocab,
            dim,
            weights,
            frozen: false,
        }
    }

    /// A table that training leaves alone, from vectors learned elsewhere (`vectors` holds
    /// one row per key of `vocab`, in its order); the unknown row is zeros. Its values are
    /// those of the bytes it will be saved as, so a model trains on what it later loads.
    pub fn frozen(vocab: Vocab, dim: usize, vectors: &[f32]) -> Table {
        let mut rows = vec![0.0; dim];
        rows.extend_from_slice(vectors);
        Table {
            vocab,
            dim,
            weights: Param::quantized(&rows, dim),
            frozen: true,
        }
    }

    pub fn is_frozen(&self) -> bool {
        self.frozen
    }

    #[inline]
    pub fn row(&self, id: u32) -> &[f32] {
        let at = id as usize * self.dim;
        &self.weights.w[at..at + self.dim]
    }

    /// Adds `grad` to the gradient of row `id` (nothing, for a frozen table).
    #[inline]
    pub fn add_grad(&mut self, id: u32, grad: &[f32]) {
        if self.frozen {
            return;
        }
        let at = id as usize * self.dim;
        for (g, d) in self.weights.g[at..at + self.dim].iter_mut().zip(grad) {
            *g += *d;
        }
    }

    pub fn write(&self, w: &mut ModelWriter) {
        self.vocab.write(w);
        w.u32(self.dim as u32);
        w.u8(u8::from(self.frozen));
        self.weights.write_bytes(w, self.dim);
    }

    pub fn read(r: &mut ModelReader) -> Result<Table, ModelError> {
        let vocab = Vocab::read(r)?;
        let dim = r.u32()? as usize;
        if dim == 0 || dim > 1 << 12 {
            return Err(r.corrupt("implausible embedding size"));
        }
        let frozen = match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(r.corrupt("bad embedding table flag")),
        };
        Ok(Table {
            weights: Param::read_bytes(r, vocab.rows() * dim, dim)?,
            vocab,
            dim,
            frozen,
        })
    }
}

/// The number of tables: form, UPOS, XPOS, suffix, shape, pretrained form.
pub const FIELDS: usize = 6;

/// The tables of a word's input vector, in the order of [`FIELDS`]. Members of an ensemble
/// share their frozen table (50,000 rows of pretrained vectors) instead of each holding a
/// copy; training changes a table only when it owns it alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub tables: [Arc<Table>; FIELDS],
}

impl Inputs {
    pub fn width(&self) -> usize {
        self.tables.iter().map(|t| t.dim).sum()
    }

    /// The row numbers of a word from its hashes (see [`FIELDS`]).
    pub fn ids(&self, keys: [u64; FIELDS]) -> [u32; FIELDS] {
        std::array::from_fn(|i| self.tables[i].vocab.id(keys[i]))
    }

    /// The hashes of a word (see [`FIELDS`]), from its spelling and predicted tags.
    pub fn keys(lexeme: &Lexeme, upos: &str, xpos: &str) -> [u64; FIELDS] {
        [
            lexeme.lower,
            hash_str(upos),
            hash_str(xpos),
            lexeme.suffix[2],
            lexeme.shape,
            lexeme.lower,
        ]
    }

    /// Writes the input vector of a word into `out` (`width()` long).
    pub fn embed(&self, ids: [u32; FIELDS], out: &mut [f32]) {
        let mut at = 0;
        for (table, id) in self.tables.iter().zip(ids) {
            out[at..at + table.dim].copy_from_slice(table.row(id));
            at += table.dim;
        }
    }

    /// Adds an input vector's gradient to the rows it came from.
    pub fn backward(&mut self, ids: [u32; FIELDS], grad: &[f32]) {
        let mut at = 0;
        for (table, id) in self.tables.iter_mut().zip(ids) {
            let dim = table.dim;
            if !table.is_frozen() {
                Arc::make_mut(table).add_grad(id, &grad[at..at + dim]);
            }
            at += dim;
        }
    }

    /// The trainable tables' weights (a frozen table has none).
    pub fn params(&mut self) -> Vec<&mut Param> {
        self.tables
            .iter_mut()
            .filter(|t| !t.is_frozen())
            .map(|t| &mut Arc::make_mut(t).weights)
            .collect()
    }

    /// Writes the tables. A frozen table equal to the same table of `first` (another
    /// member's inputs, read before these) is written as a reference to it: members trained
    /// on the same pretrained vectors then store them once.
    pub fn write(&self, w: &mut ModelWriter, first: Option<&Inputs>) {
        w.u32(FIELDS as u32);
        for (t, table) in self.tables.iter().enumerate() {
            let shared = table.is_frozen()
                && first.is_some_and(|f| Arc::ptr_eq(&f.tables[t], table) || f.tables[t] == *table);
            w.u8(u8::from(shared));
            if !shared {
                table.write(w);
            }
        }
    }

    /// Reads tables written by [`Inputs::write`] with the same `first`.
    pub fn read(r: &mut ModelReader, first: Option<&Inputs>) -> Result<Inputs, ModelError> {
        if r.u32()? as usize != FIELDS {
            return Err(r.corrupt("wrong number of embedding tables"));
        }
        let mut tables = Vec::with_capacity(FIELDS);
        for t in 0..FIELDS {
            let table = match (r.u8()?, first) {
                (0, _) => Arc::new(Table::read(r)?),
                (1, Some(first)) => Arc::clone(&first.tables[t]),
                (1, None) => return Err(r.corrupt("the first member refers to another's table")),
                _ => return Err(r.corrupt("bad embedding table flag")),
            };
            tables.push(table);
        }
        let tables = tables
            .try_into()
            .map_err(|_| r.corrupt("wrong number of embedding tables"))?;
        Ok(Inputs { tables })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_table_is_stored_in_bytes_and_never_trained() {
        let vectors = [0.5, -1.0, 0.25, 2.0, 0.0, -0.1];
        let mut table = Table::frozen(Vocab::new(vec![7, 8]), 3, &vectors);
        // The unknown row is zeros; the others are the vectors to within a 254th of their
        // largest value.
        assert_eq!(table.row(0), [0.0; 3]);
        for (got, want) in table.weights.w[3..].iter().zip(&vectors) {
            assert!((got - want).abs() <= 2.0 / 254.0, "{got} vs {want}");
        }
        let mut w = ModelWriter::new();
        table.write(&mut w);
        let bytes = w.into_bytes();
        let mut r = ModelReader::new(&bytes, "t.bin");
        assert_eq!(Table::read(&mut r).unwrap(), table);
        r.finish().unwrap();
        table.weights.trainable();
        table.add_grad(1, &[1.0, 1.0, 1.0]);
        assert!(table.weights.g.iter().all(|&g| g == 0.0));
        let mut inputs = Inputs {
            tables: std::array::from_fn(|_| Arc::new(table.clone())),
        };
        inputs.tables[0] = Arc::new(Table::new(Vocab::new(vec![1]), 2, &mut Rng::new(1)));
        assert_eq!(inputs.params().len(), 1, "only the trainable table");
    }
}
