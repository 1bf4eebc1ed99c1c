//! A block of weights and, while training, its gradient; read and written in petrel's model
//! format as a length and little-endian floats, or, for the large matrices, as bytes.

use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub w: Vec<f32>,
    /// The gradient, summed until the optimiser's next step; empty outside training.
    pub g: Vec<f32>,
    /// The bytes a block stored as bytes was read from (or made from, see
    /// [`Param::quantized`]), so that it is written back unchanged.
    bytes: Option<Quantized>,
}

/// A block stored as one signed byte a weight and one scale a row: a quarter of the size of
/// floats, which is what keeps a model with a large vocabulary small. The rounding error, at
/// most half of a row's largest weight over 127, is far below what changes a parse.
#[derive(Clone, Debug, PartialEq)]
struct Quantized {
    codes: Vec<i8>,
    scales: Vec<f32>,
}

impl Quantized {
    fn new(weights: &[f32], row: usize) -> Quantized {
        let mut codes = Vec::with_capacity(weights.len());
        let mut scales = Vec::with_capacity(weights.len() / row);
        for r in weights.chunks_exact(row) {
            let top = r.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = if top > 0.0 { top / 127.0 } else { 1.0 };
            scales.push(scale);
            codes.extend(
                r.iter()
                    .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8),
            );
        }
        Quantized { codes, scales }
    }

    fn values(&self, row: usize) -> Vec<f32> {
        self.codes
            .chunks_exact(row)
            .zip(&self.scales)
            .flat_map(|(r, &scale)| r.iter().map(move |&c| f32::from(c) * scale))
            .collect()
    }
}

impl Param {
    fn new(w: Vec<f32>) -> Param {
        Param {
            w,
            g: Vec::new(),
            bytes: None,
        }
    }

    /// Weights drawn uniformly from `[-scale, scale]`.
    pub fn uniform(len: usize, scale: f32, rng: &mut Rng) -> Param {
        let w = (0..len)
            .map(|_| {
                let unit = (rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32;
                (2.0 * unit - 1.0) * scale
            })
            .collect();
        Param::new(w)
    }

    pub fn zeros(len: usize) -> Param {
        Param::new(vec![0.0; len])
    }

    /// Weights that are already what storing `w` as bytes in rows of `row` gives back, for a
    /// block that is never trained, so that training sees what a loaded model will.
    pub fn quantized(w: &[f32], row: usize) -> Param {
        let bytes = Quantized::new(w, row);
        Param {
            w: bytes.values(row),
            g: Vec::new(),
            bytes: Some(bytes),
        }
    }

    /// Makes room for the gradient.
    pub fn trainable(&mut self) {
        self.g = vec![0.0; self.w.len()];
    }

    pub fn write(&self, out: &mut ModelWriter) {
        out.u32(self.w.len() as u32);
        for &x in &self.w {
            out.f32(x);
        }
    }

    /// Reads a block that must hold `len` weights.
    pub fn read(r: &mut ModelReader, len: usize) -> Result<Param, ModelError> {
        if r.u32()? as usize != len {
            return Err(r.corrupt("weight block has the wrong size for the model's dimensions"));
        }
        let bytes = r.raw(4 * len)?;
        let w = bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        Ok(Param::new(w))
    }

    /// Writes the block as bytes in rows of `row` weights: the bytes it was read from, or
    /// its weights rounded to bytes.
    pub fn write_bytes(&self, out: &mut ModelWriter, row: usize) {
        out.u32(self.w.len() as u32);
        let made;
        let q = match &self.bytes {
            Some(q) => q,
            None => {
                made = Quantized::new(&self.w, row);
                &made
            }
        };
        out.raw(&q.codes.iter().map(|&c| c as u8).collect::<Vec<u8>>());
        for &s in &q.scales {
            out.f32(s);
        }
    }

    /// Reads a block written by [`Param::write_bytes`] that must hold `len` weights.
    pub fn read_bytes(r: &mut ModelReader, len: usize, row: usize) -> Result<Param, ModelError> {
        if r.u32()? as usize != len || row == 0 || !len.is_multiple_of(row) {
            return Err(r.corrupt("weight block has the wrong size for the model's dimensions"));
        }
        if r.remaining() < len + 4 * (len / row) {
            return Err(r.corrupt("file ends early"));
        }
        let codes = r.raw(len)?.iter().map(|&b| b as i8).collect();
        let scales = (0..len / row).map(|_| r.f32()).collect::<Result<_, _>>()?;
        let bytes = Quantized { codes, scales };
        Ok(Param {
            w: bytes.values(row),
            g: Vec::new(),
            bytes: Some(bytes),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_stored_as_bytes_are_close_and_written_back_unchanged() {
        let p = Param::new(vec![0.5, -1.0, 0.25, 2.0, 0.0, -0.1, 0.0, 0.0, 0.0]);
        let mut out = ModelWriter::new();
        p.write_bytes(&mut out, 3);
        let bytes = out.into_bytes();
        // Length, a byte a weight, a scale a row.
        assert_eq!(bytes.len(), 4 + 9 + 3 * 4);
        let mut r = ModelReader::new(&bytes, "p.bin");
        let q = Param::read_bytes(&mut r, 9, 3).unwrap();
        r.finish().unwrap();
        for (row, back) in p.w.chunks(3).zip(q.w.chunks(3)) {
            let top = row.iter().fold(0f32, |m, x| m.max(x.abs()));
            for (a, b) in row.iter().zip(back) {
                assert!((a - b).abs() <= top / 254.0 + 1e-7, "{a} vs {b}");
            }
        }
        let mut again = ModelWriter::new();
        q.write_bytes(&mut again, 3);
        assert_eq!(again.into_bytes(), bytes);
        let mut r = ModelReader::new(&bytes[..bytes.len() - 1], "p.bin");
        assert!(Param::read_bytes(&mut r, 9, 3).is_err());
    }
}
