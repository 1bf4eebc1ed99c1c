//! Adam (Kingma & Ba 2015) with the gradient's global norm clipped before each step, so that
//! one bad batch cannot throw the weights far.

use super::param::Param;

pub struct Adam {
    pub rate: f32,
    beta1: f32,
    beta2: f32,
    clip: f32,
    steps: i32,
    /// First and second moments of each parameter block, in the order given to `step`.
    moments: Vec<(Vec<f32>, Vec<f32>)>,
}

impl Adam {
    pub fn new(rate: f32, clip: f32) -> Adam {
        Adam {
            rate,
            beta1: 0.9,
            beta2: 0.999,
            clip,
            steps: 0,
            moments: Vec::new(),
        }
    }

    /// Updates every block from its gradient, then zeroes the gradients. The blocks must come
    /// in the same order at every call.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        if self.moments.is_empty() {
            self.moments = params
                .iter()
                .map(|p| (vec![0.0; p.w.len()], vec![0.0; p.w.len()]))
                .collect();
        }
        let norm = params
            .iter()
            .flat_map(|p| &p.g)
            .map(|g| f64::from(*g) * f64::from(*g))
            .sum::<f64>()
            .sqrt() as f32;
        let scale = if norm > self.clip {
            self.clip / norm
        } else {
            1.0
        };
        self.steps += 1;
        let (b1, b2) = (self.beta1, self.beta2);
        let rate = self.rate * (1.0 - b2.powi(self.steps)).sqrt() / (1.0 - b1.powi(self.steps));
        for (p, (m, v)) in params.iter_mut().zip(&mut self.moments) {
            for (((w, g), m), v) in p.w.iter_mut().zip(&mut p.g).zip(m).zip(v) {
                let grad = *g * scale;
                *m = b1 * *m + (1.0 - b1) * grad;
                *v = b2 * *v + (1.0 - b2) * grad * grad;
                *w -= rate * *m / (v.sqrt() + 1e-8);
                *g = 0.0;
            }
        }
    }
}
