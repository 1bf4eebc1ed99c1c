//! The few vector kernels the network needs, written so that the compiler vectorises them:
//! `axpy` is element-wise, and `dot` keeps eight running sums (a fixed order, so results do
//! not depend on the machine) instead of one serial chain that could not be vectorised.
//!
//! The loops that take most of the time are also compiled for AVX and chosen when the CPU
//! has it (`multiversion`). FMA is deliberately not enabled: without it every output gets the
//! same multiplications and additions in the same order whatever the vector width, so a
//! model gives bit-identical results on every x86-64 machine, only faster on newer ones.

use multiversion::multiversion;

/// `y += a * x`.
#[inline]
pub fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * *x;
    }
}

/// `y += x`.
#[inline]
pub fn add(y: &mut [f32], x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += *x;
    }
}

/// `y *= x`, element-wise.
#[inline]
pub fn mul(y: &mut [f32], x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y *= *x;
    }
}

/// `y += x[0] * rows[0] + x[1] * rows[1] + ...`, where `rows` holds `x.len()` rows as long
/// as `y`: the product of a vector with an input-major matrix, which is most of the network's
/// work. Four rows are added in one pass over `y`, in the same order as four passes would
/// add them (so with the same result), which saves three loads and stores of `y` in four.
#[multiversion(targets("x86_64+avx"))]
pub fn accumulate(y: &mut [f32], x: &[f32], rows: &[f32]) {
    let width = y.len();
    let mut rows = rows.chunks_exact(width);
    let mut quads = x.chunks_exact(4);
    for v in &mut quads {
        let (Some(a), Some(b), Some(c), Some(d)) =
            (rows.next(), rows.next(), rows.next(), rows.next())
        else {
            return;
        };
        for ((((y, a), b), c), d) in y.iter_mut().zip(a).zip(b).zip(c).zip(d) {
            *y = (((*y + v[0] * a) + v[1] * b) + v[2] * c) + v[3] * d;
        }
    }
    for (&v, row) in quads.remainder().iter().zip(rows) {
        axpy(y, v, row);
    }
}

/// [`accumulate`] for a batch: `ys` holds vectors as long as `width`, `xs` as many inputs
/// of `rows.len() / width` values. Every output gets exactly what `accumulate` would give
/// it (the same additions in the same order), but each four rows of weights are read once for
/// a block of outputs that stays in the fastest cache, instead of once for every output.
#[multiversion(targets("x86_64+avx"))]
pub fn accumulate_batch(ys: &mut [f32], xs: &[f32], rows: &[f32], width: usize) {
    /// Outputs per block: eight of 512 values (an LSTM layer of 128 units) and four rows
    /// of weights take 24 KB.
    const BLOCK: usize = 8;
    let d = rows.len() / width;
    let quads = d / 4;
    for (yb, xb) in ys.chunks_mut(BLOCK * width).zip(xs.chunks(BLOCK * d)) {
        for q in 0..quads {
            let r = &rows[4 * q * width..(4 * q + 4) * width];
            let (a, r) = r.split_at(width);
            let (b, r) = r.split_at(width);
            let (c, e) = r.split_at(width);
            for (y, x) in yb.chunks_exact_mut(width).zip(xb.chunks_exact(d)) {
                let v = &x[4 * q..4 * q + 4];
                for ((((y, a), b), c), e) in y.iter_mut().zip(a).zip(b).zip(c).zip(e) {
                    *y = (((*y + v[0] * a) + v[1] * b) + v[2] * c) + v[3] * e;
                }
            }
        }
        for k in 4 * quads..d {
            let row = &rows[k * width..(k + 1) * width];
            for (y, x) in yb.chunks_exact_mut(width).zip(xb.chunks_exact(d)) {
                axpy(y, x[k], row);
            }
        }
    }
}

/// The dot product of two slices of equal length.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for ((lane, a), b) in lanes.iter_mut().zip(x).zip(y) {
            *lane += a * b;
        }
    }
    let pairs = [
        lanes[0] + lanes[4],
        lanes[1] + lanes[5],
        lanes[2] + lanes[6],
        lanes[3] + lanes[7],
    ];
    (pairs[0] + pairs[2]) + (pairs[1] + pairs[3]) + tail
}

/// `e^x` to about 2e-7 relative error, without branches or library calls, so that loops of
/// it vectorise (even on plain SSE2): x = (k + f) ln 2 with k an integer and |f| <= 1/2,
/// 2^f by its degree-6 Taylor polynomial, 2^k put into the exponent bits.
#[inline]
pub fn exp(x: f32) -> f32 {
    /// Adding and subtracting 1.5 * 2^23 rounds a float of magnitude below 2^22 to an integer.
    const ROUND: f32 = 12_582_912.0;
    let t = x.clamp(-87.0, 88.0) * std::f32::consts::LOG2_E;
    let k = (t + ROUND) - ROUND;
    let f = (t - k) * std::f32::consts::LN_2;
    let p = 1.0
        + f * (1.0
            + f * (0.5
                + f * (1.0 / 6.0 + f * (1.0 / 24.0 + f * (1.0 / 120.0 + f * (1.0 / 720.0))))));
    f32::from_bits((p.to_bits() as i32).wrapping_add((k as i32) << 23) as u32)
}

#[inline]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

#[inline]
pub fn tanh(x: f32) -> f32 {
    2.0 * sigmoid(2.0 * x) - 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_matches_the_plain_sum() {
        let a: Vec<f32> = (0..21).map(|i| i as f32 * 0.5).collect();
        let b: Vec<f32> = (0..21).map(|i| 1.0 - i as f32 * 0.25).collect();
        let plain: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - plain).abs() < 1e-3);
        let mut y = vec![1.0; 3];
        axpy(&mut y, 2.0, &[1.0, 2.0, 3.0]);
        assert_eq!(y, [3.0, 5.0, 7.0]);
        // Six rows of two: one pass of four, then two single rows, each added in turn.
        let x = [0.5, -1.0, 2.0, 0.0, 3.0, 0.25];
        let rows: Vec<f32> = (0..12).map(|i| i as f32 * 0.1 - 0.3).collect();
        let mut fused = vec![0.7, -0.2];
        accumulate(&mut fused, &x, &rows);
        let mut plain = vec![0.7, -0.2];
        for (&v, row) in x.iter().zip(rows.chunks_exact(2)) {
            axpy(&mut plain, v, row);
        }
        assert_eq!(fused, plain);
        // A batch of eleven inputs (a block of eight and a rest of three), each as above.
        let xs: Vec<f32> = (0..66).map(|i| (i % 7) as f32 * 0.3 - 0.8).collect();
        let mut batch: Vec<f32> = (0..22).map(|i| i as f32 * 0.05).collect();
        let mut one_by_one = batch.clone();
        accumulate_batch(&mut batch, &xs, &rows, 2);
        for (y, x) in one_by_one.chunks_exact_mut(2).zip(xs.chunks_exact(6)) {
            accumulate(y, x, &rows);
        }
        assert_eq!(batch, one_by_one);
    }

    #[test]
    fn activations_are_close_to_the_library_ones() {
        for i in -2000..=2000 {
            let x = i as f32 * 0.01;
            assert!((exp(x) / x.exp() - 1.0).abs() < 1e-5, "exp({x})");
            assert!((tanh(x) - x.tanh()).abs() < 1e-6, "tanh({x})");
            let s = 1.0 / (1.0 + (-x).exp());
            assert!((sigmoid(x) - s).abs() < 1e-6, "sigmoid({x})");
        }
        assert!(exp(-200.0) < 1e-37 && exp(200.0) > 1e38);
        assert_eq!(tanh(50.0), 1.0);
    }
}
