//! Training-time averaged perceptron over hashed features, with sparse weight rows.
//!
//! Each feature key owns a short list of (class, weight) cells, created when an update first
//! touches them: the tagger and label models have dozens of classes but any one feature is
//! evidence for only a few. Weights are integers (updates are ±1); averaging is lazy (each cell
//! remembers when it last changed), as in Collins (2002) with the Daumé trick.
//! [`Perceptron::freeze`] turns the averages into quantised [`Rows`], from which the compact
//! tables used at run time are built.

use crate::hashing::HashedMap;
use crate::weights::{Entry, Rows};

#[derive(Clone, Copy)]
struct Cell {
    class: u16,
    weight: i32,
    /// Sum of the weight over all steps up to `stamp`.
    total: i64,
    stamp: u32,
}

/// An averaged perceptron being trained.
pub struct Perceptron {
    classes: usize,
    rows: HashedMap<Vec<Cell>>,
    /// Number of training examples seen (the averaging clock).
    time: u32,
}

impl Perceptron {
    pub fn new(classes: usize) -> Perceptron {
        assert!(classes <= usize::from(u16::MAX), "too many classes");
        Perceptron {
            classes,
            rows: HashedMap::default(),
            time: 0,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of `keys` into `scores` (one slot per class).
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        for key in keys {
            if let Some(row) = self.rows.get(key) {
                for cell in row {
                    scores[usize::from(cell.class)] += cell.weight;
                }
            }
        }
    }

    /// Advances the averaging clock: call once per training example.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Adds `delta` to the weight of `class` for every key.
    pub fn update(&mut self, keys: &[u64], class: usize, delta: i32) {
        let (class, time) = (class as u16, self.time);
        for &key in keys {
            let row = self.rows.entry(key).or_default();
            let cell = match row.iter_mut().position(|c| c.class == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Cell {
                        class,
                        weight: 0,
                        total: 0,
                        stamp: time,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            cell.total += i64::from(cell.weight) * i64::from(time - cell.stamp);
            cell.stamp = time;
            cell.weight += delta;
        }
    }

    /// Rewards `gold` and penalises `guess` for `keys` (nothing when they agree).
    pub fn correct(&mut self, keys: &[u64], gold: usize, guess: usize) {
        if gold != guess {
            self.update(keys, gold, 1);
            self.update(keys, guess, -1);
        }
    }

    /// The averaged weights, quantised; cells whose quantised average is below `min_weight`
    /// in magnitude (out of 32767 for the largest) are dropped to keep the model small.
    pub fn freeze(&self, min_weight: i16) -> Rows {
        let time = f64::from(self.time.max(1));
        let average = |c: &Cell| {
            let total = c.total + i64::from(c.weight) * i64::from(self.time - c.stamp);
            total as f64 / time
        };
        let max = self
            .rows
            .values()
            .flatten()
            .map(|c| average(c).abs())
            .fold(0.0f64, f64::max);
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut rows = Vec::new();
        for key in keys {
            let mut cells: Vec<Entry> = Vec::new();
            for c in &self.rows[&key] {
                let q = (average(c) * scale).round() as i32;
                if q.unsigned_abs() >= u32::from(min_weight.unsigned_abs()) && q != 0 {
                    cells.push(Entry {
                        class: c.class,
                        weight: q.clamp(-32767, 32767) as i16,
                    });
                }
            }
            if !cells.is_empty() {
                cells.sort_unstable_by_key(|e| e.class);
                rows.push((key, cells));
            }
        }
        Rows {
            classes: self.classes,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::weights::Weights;

    #[test]
    fn learns_a_separable_problem() {
        // Class 0 when feature 10 is present, class 1 when feature 20 is; 30 is noise.
        let data = [
            (vec![10u64, 30], 0usize),
            (vec![20, 30], 1),
            (vec![10], 0),
            (vec![20], 1),
        ];
        let mut p = Perceptron::new(2);
        for _ in 0..5 {
            for (keys, gold) in &data {
                let mut scores = [0i32; 2];
                p.score(keys, &mut scores);
                let guess = if scores[1] > scores[0] { 1 } else { 0 };
                p.correct(keys, *gold, guess);
                p.tick();
            }
        }
        let w = Weights::new(p.freeze(1));
        for (keys, gold) in &data {
            let mut scores = [0i32; 2];
            w.score(keys, &mut scores);
            let guess = if scores[1] > scores[0] { 1 } else { 0 };
            assert_eq!(guess, *gold);
        }
    }

    #[test]
    fn averaging_weighs_by_time_held() {
        let mut p = Perceptron::new(2);
        p.update(&[1], 0, 1);
        for _ in 0..9 {
            p.tick();
        }
        p.update(&[1], 0, -1);
        p.update(&[1], 1, 1);
        p.tick();
        // Class 0 held weight 1 for 9 of 10 steps; class 1 held 1 for 1 step.
        let w = Weights::new(p.freeze(1));
        let mut scores = [0i32; 2];
        w.score(&[1], &mut scores);
        assert_eq!(scores[0], 32767);
        assert_eq!(scores[1], (32767.0f64 / 9.0).round() as i32);
    }
}
