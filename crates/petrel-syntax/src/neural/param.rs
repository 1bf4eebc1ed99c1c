//! A block of weights and, while training, its gradient; read and written in petrel's model
//! format as a length and little-endian floats.

use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub w: Vec<f32>,
    /// The gradient, summed until the optimiser's next step; empty outside training.
    pub g: Vec<f32>,
}

impl Param {
    /// Weights drawn uniformly from `[-scale, scale]`.
    pub fn uniform(len: usize, scale: f32, rng: &mut Rng) -> Param {
        let w = (0..len)
            .map(|_| {
                let unit = (rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32;
                (2.0 * unit - 1.0) * scale
            })
            .collect();
        Param { w, g: Vec::new() }
    }

    pub fn zeros(len: usize) -> Param {
        Param {
            w: vec![0.0; len],
            g: Vec::new(),
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
        if r.remaining() < 4 * len {
            return Err(r.corrupt("file ends early"));
        }
        let w = (0..len).map(|_| r.f32()).collect::<Result<_, _>>()?;
        Ok(Param { w, g: Vec::new() })
    }
}
