//! The input vector of each word: embeddings of its lower-cased form, its predicted UPOS and
//! XPOS, its last three letters and its shape (`Xxx`, `dd`), concatenated. The suffix and
//! shape say something about words too rare to have a vector of their own. Vocabularies are kept as the hashes petrel already computes
//! for every token (no strings), with number 0 for anything unknown.

use std::collections::HashMap;

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

/// An embedding table over a vocabulary.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub vocab: Vocab,
    pub dim: usize,
    pub weights: Param,
}

impl Table {
    pub fn new(vocab: Vocab, dim: usize, rng: &mut Rng) -> Table {
        let weights = Param::uniform(vocab.rows() * dim, (3.0 / dim as f32).sqrt(), rng);
        Table {
            vocab,
            dim,
            weights,
        }
    }

    #[inline]
    pub fn row(&self, id: u32) -> &[f32] {
        let at = id as usize * self.dim;
        &self.weights.w[at..at + self.dim]
    }

    /// Adds `grad` to the gradient of row `id`.
    #[inline]
    pub fn add_grad(&mut self, id: u32, grad: &[f32]) {
        let at = id as usize * self.dim;
        for (g, d) in self.weights.g[at..at + self.dim].iter_mut().zip(grad) {
            *g += *d;
        }
    }

    pub fn write(&self, w: &mut ModelWriter) {
        self.vocab.write(w);
        w.u32(self.dim as u32);
        self.weights.write(w);
    }

    pub fn read(r: &mut ModelReader) -> Result<Table, ModelError> {
        let vocab = Vocab::read(r)?;
        let dim = r.u32()? as usize;
        if dim == 0 || dim > 1 << 12 {
            return Err(r.corrupt("implausible embedding size"));
        }
        let weights = Param::read(r, vocab.rows() * dim)?;
        Ok(Table {
            vocab,
            dim,
            weights,
        })
    }
}

/// The number of tables: form, UPOS, XPOS, suffix, shape.
pub const FIELDS: usize = 5;

/// The tables of a word's input vector, in the order of [`FIELDS`].
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub tables: [Table; FIELDS],
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
            table.add_grad(id, &grad[at..at + table.dim]);
            at += table.dim;
        }
    }

    pub fn params(&mut self) -> Vec<&mut Param> {
        self.tables.iter_mut().map(|t| &mut t.weights).collect()
    }

    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(FIELDS as u32);
        for t in &self.tables {
            t.write(w);
        }
    }

    pub fn read(r: &mut ModelReader) -> Result<Inputs, ModelError> {
        if r.u32()? as usize != FIELDS {
            return Err(r.corrupt("wrong number of embedding tables"));
        }
        let mut tables = Vec::with_capacity(FIELDS);
        for _ in 0..FIELDS {
            tables.push(Table::read(r)?);
        }
        let tables = tables
            .try_into()
            .map_err(|_| r.corrupt("wrong number of embedding tables"))?;
        Ok(Inputs { tables })
    }
}
