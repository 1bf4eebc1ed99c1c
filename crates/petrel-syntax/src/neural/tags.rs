//! The tagging head: a softmax layer over each word's encoder vector that chooses its (UPOS,
//! XPOS) pair. The encoder already reads the perceptron tagger's tags with the whole sentence
//! and the pretrained vectors, so the head learns where those tags go wrong; training it
//! beside the parser also teaches the encoder what a word is, which the parser's losses alone
//! say only indirectly.

use super::linalg::{axpy, dot, exp};
use super::param::Param;
use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::rng::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct TagHead {
    /// Class `i` is the pair `tags[i]` = (UPOS, XPOS).
    tags: Vec<(String, String)>,
    width: usize,
    /// Class-major: `w[c * width..][..width]`.
    w: Param,
    b: Param,
}

impl TagHead {
    pub fn new(tags: Vec<(String, String)>, width: usize, rng: &mut Rng) -> TagHead {
        let scale = (6.0 / (width + tags.len()) as f32).sqrt();
        TagHead {
            w: Param::uniform(tags.len() * width, scale, rng),
            b: Param::zeros(tags.len()),
            tags,
            width,
        }
    }

    pub fn tags(&self) -> &[(String, String)] {
        &self.tags
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn weight_count(&self) -> usize {
        self.w.w.len() + self.b.w.len()
    }

    pub fn params(&mut self) -> [&mut Param; 2] {
        [&mut self.w, &mut self.b]
    }

    fn score(&self, v: &[f32], c: usize) -> f32 {
        dot(&self.w.w[c * self.width..(c + 1) * self.width], v) + self.b.w[c]
    }

    /// Adds each class's score for an encoder vector to `out`. A score is the class's
    /// log-probability plus a constant of the vector, so the class with the highest sum over
    /// several heads is the one whose probabilities multiply to the most.
    pub fn add_scores(&self, v: &[f32], out: &mut [f32]) {
        for (c, o) in out.iter_mut().enumerate() {
            *o += self.score(v, c);
        }
    }

    /// Adds the gradient of the cross-entropy loss of class `gold` for vector `v` to the
    /// weights, and its gradient with respect to `v` to `dv`; returns the loss.
    pub fn backward(
        &mut self,
        v: &[f32],
        gold: usize,
        dv: &mut [f32],
        probs: &mut Vec<f32>,
    ) -> f64 {
        probs.clear();
        probs.extend((0..self.tags.len()).map(|c| self.score(v, c)));
        let top = probs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut sum = 0.0;
        for p in probs.iter_mut() {
            *p = exp(*p - top);
            sum += *p;
        }
        let loss = -f64::from((probs[gold] / sum).max(1e-30)).ln();
        let width = self.width;
        for (c, p) in probs.iter().enumerate() {
            let g = p / sum - if c == gold { 1.0 } else { 0.0 };
            axpy(dv, g, &self.w.w[c * width..(c + 1) * width]);
            axpy(&mut self.w.g[c * width..(c + 1) * width], g, v);
            self.b.g[c] += g;
        }
        loss
    }

    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(self.tags.len() as u32);
        for (upos, xpos) in &self.tags {
            w.str(upos);
            w.str(xpos);
        }
        w.u32(self.width as u32);
        self.w.write(w);
        self.b.write(w);
    }

    pub fn read(r: &mut ModelReader) -> Result<TagHead, ModelError> {
        let n = r.u32()? as usize;
        if n == 0 || n > 1 << 12 {
            return Err(r.corrupt("implausible number of tags"));
        }
        let tags = (0..n)
            .map(|_| Ok((r.str()?, r.str()?)))
            .collect::<Result<Vec<_>, ModelError>>()?;
        let width = r.u32()? as usize;
        if width == 0 || width > 1 << 16 {
            return Err(r.corrupt("implausible tagging head width"));
        }
        Ok(TagHead {
            w: Param::read(r, n * width)?,
            b: Param::read(r, n)?,
            tags,
            width,
        })
    }
}
