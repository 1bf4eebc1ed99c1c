//! Frozen model weights, laid out for lookup speed and size.
//!
//! Both tables are open-addressing hash tables keyed by feature hash, with a fingerprint of the
//! key in each slot instead of the key itself:
//! - [`Weights`]: a slot holds a 32-bit fingerprint and where the feature's sparse row of
//!   (class, weight) entries starts; rows are laid out in slot order, so a row ends where the
//!   next slot's begins. For models with dozens of classes (tags, relations).
//! - [`SmallWeights`]: a slot holds a 16-bit fingerprint and all three class weights inline, so
//!   a feature costs one memory access. For the parser's move model.
//!
//! Weights are 16-bit integers and scores are summed as integers: only their order matters.
//! Scoring asks for every feature's slot before reading any (see [`crate::prefetch`]), so that
//! the memory accesses of all features overlap instead of waiting in turn.

use crate::model_io::{ModelError, ModelReader, ModelWriter};
use crate::pages::Table;
use crate::prefetch::prefetch;
use std::hint::select_unpredictable;

/// Keys looked up together: enough for all of one decision's features, so that all their
/// memory accesses are in flight at once.
const BATCH: usize = 128;

/// One weight of one class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub class: u16,
    pub weight: i16,
}

/// Quantised averaged weights, feature by feature, before layout.
#[derive(Clone)]
pub struct Rows {
    pub classes: usize,
    /// (feature key, entries sorted by class); each key once.
    pub rows: Vec<(u64, Vec<Entry>)>,
}

/// Table size for `n` keys: at most half full, so probes stay short (and mostly inside one
/// cache line). Most lookups are for features the model does not have, and those probe until
/// an empty slot: about 2.5 slots on average at half full, 5 at two thirds.
fn capacity(n: usize) -> usize {
    (2 * n + 1).next_power_of_two().max(16)
}

/// Places each row's index at the first free slot of its probe sequence.
fn place(rows: &[(u64, Vec<Entry>)], mask: usize) -> Vec<Option<usize>> {
    let mut table = vec![None; mask + 1];
    for (index, (key, _)) in rows.iter().enumerate() {
        let mut i = (*key as usize) & mask;
        while table[i].is_some() {
            i = (i + 1) & mask;
        }
        table[i] = Some(index);
    }
    table
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slot {
    /// Fingerprint of the key (never 0); 0 marks an empty slot.
    fingerprint: u32,
    start: u32,
}

#[inline]
fn fingerprint32(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

/// An entry as stored: `[class, weight]`, the class's bits in an `i16`. A dense row is a cell
/// `[DENSE, 0]` followed by the row's weights for every class, two to a cell, so that it lies
/// in one stretch of memory with nothing to look up in between, and zeros after them up to a
/// whole number of [`LANES`].
type Cell = [i16; 2];

/// Dense rows are padded with zero weights to a multiple of this many, so that they add up in
/// whole vector registers (two of AVX2's), with no last few weights to add one at a time.
const LANES: usize = 16;

/// Scores of models with at most this many classes are summed in a buffer on the stack,
/// padded to whole [`LANES`] and indexed by a byte: no bounds check for any entry, and dense
/// rows added in whole vectors.
const STACK_CLASSES: usize = 256;

/// Marks the start of a dense row: the bits of class 65535, which no model has (classes are
/// numbered by `u16` and there are at most 65535 of them).
const DENSE: i16 = -1;

/// Sparse rows of quantised weights, for models with many classes.
///
/// Rows with many entries are kept dense (a weight for every class, zeros included), which
/// adds up in a few vector instructions instead of an indexed addition per entry. They are
/// few (about a thousand rows in a tag model, under a quarter of a megabyte) but are the
/// frequent features' rows, and hold most of the weights a sentence adds up.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    classes: usize,
    mask: usize,
    /// `mask + 2` slots: the last is a sentinel holding the end of the final row.
    slots: Table<Slot>,
    /// The rows, sparse or dense, in slot order.
    entries: Table<Cell>,
    /// Number of (feature, class) weights in the model (zeros of dense rows not counted).
    weights: usize,
}

/// Rows with at least this many entries (and at least a quarter of the classes) are kept dense.
const MIN_DENSE: usize = 8;

impl Weights {
    pub fn new(rows: Rows) -> Weights {
        assert!(
            (rows.rows.iter())
                .all(|(_, row)| row.iter().all(|e| usize::from(e.class) < rows.classes)),
            "a weight for a class out of range"
        );
        let mask = capacity(rows.rows.len()) - 1;
        let table = place(&rows.rows, mask);
        let mut slots = Vec::with_capacity(mask + 2);
        let mut entries = Vec::new();
        for cell in &table {
            let start = entries.len() as u32;
            let fingerprint = match cell {
                Some(index) => {
                    let (key, row) = &rows.rows[*index];
                    entries.extend_from_slice(row);
                    fingerprint32(*key)
                }
                None => 0,
            };
            slots.push(Slot { fingerprint, start });
        }
        slots.push(Slot {
            fingerprint: 0,
            start: entries.len() as u32,
        });
        Weights::lay_out(
            rows.classes,
            mask,
            Table::from_slice(&slots),
            entries.len(),
            |i| entries[i],
        )
    }

    /// The table over `slots` (with their sentinel) and the `n_entries` sparse entries they
    /// point into, `entry(i)` giving entry `i`, the long rows made dense. Only rows in
    /// increasing class order without zero weights are, so that [`Weights::write`] gives their
    /// sparse form back exactly. The rows are laid out once the space they take is known, so
    /// that loading copies each weight once.
    fn lay_out(
        classes: usize,
        mask: usize,
        mut slots: Table<Slot>,
        n_entries: usize,
        entry: impl Fn(usize) -> Entry,
    ) -> Weights {
        let min_len = MIN_DENSE.max(classes / 4);
        let dense_cells = 1 + classes.next_multiple_of(LANES) / 2;
        let row = |slots: &[Slot], i: usize| slots[i].start as usize..slots[i + 1].start as usize;
        let densable = |rows: std::ops::Range<usize>| {
            rows.len() >= min_len
                && (rows.start + 1..rows.end).all(|i| entry(i - 1).class < entry(i).class)
                && rows.clone().all(|i| entry(i).weight != 0)
        };
        let mut dense = vec![false; slots.len() - 1];
        let mut cells = 0usize;
        for (i, dense) in dense.iter_mut().enumerate() {
            let rows = row(&slots, i);
            *dense = densable(rows.clone()) && cells + dense_cells < u32::MAX as usize;
            cells += if *dense { dense_cells } else { rows.len() };
        }
        let mut table = Table::new(cells, [0i16, 0]);
        let mut at = 0usize;
        for (i, &dense) in dense.iter().enumerate() {
            let rows = row(&slots, i);
            slots[i].start = at as u32;
            if dense {
                table[at] = [DENSE, 0];
                let weights = table[at + 1..at + dense_cells].as_flattened_mut();
                for e in rows.map(&entry) {
                    weights[usize::from(e.class)] = e.weight;
                }
                at += dense_cells;
            } else {
                for (cell, e) in table[at..].iter_mut().zip(rows.map(&entry)) {
                    *cell = [e.class as i16, e.weight];
                    at += 1;
                }
            }
        }
        let last = slots.len() - 1;
        slots[last].start = at as u32;
        Weights {
            classes,
            mask,
            slots,
            entries: table,
            weights: n_entries,
        }
    }

    /// The entries of the row at `start..end`, a dense row given back sparse.
    fn sparse_row(&self, start: u32, end: u32) -> Vec<Entry> {
        match &self.entries[start as usize..end as usize] {
            [[DENSE, _], weights @ ..] => weights.as_flattened()[..self.classes]
                .iter()
                .enumerate()
                .filter(|(_, &w)| w != 0)
                .map(|(class, &weight)| Entry {
                    class: class as u16,
                    weight,
                })
                .collect(),
            row => row
                .iter()
                .map(|&[class, weight]| Entry {
                    class: class as u16,
                    weight,
                })
                .collect(),
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of (feature, class) weights stored.
    pub fn len(&self) -> usize {
        self.weights
    }

    /// Where the row of the key with fingerprint `fp` whose probe sequence starts at `i` lies
    /// in `entries` (an empty range if it has none).
    #[inline]
    fn row_from(&self, mut i: usize, fp: u32) -> (u32, u32) {
        // `slots.len() - 2` is the mask: indexing with it needs no bounds check.
        let slots = &self.slots[..];
        let mask = slots.len() - 2;
        loop {
            i &= mask;
            let slot = slots[i];
            if slot.fingerprint == fp {
                return (slot.start, slots[i + 1].start);
            }
            if slot.fingerprint == 0 {
                return (0, 0);
            }
            i += 1;
        }
    }

    /// Adds the weights of `keys` into `scores` (one slot per class).
    ///
    /// In three passes over each batch of keys, so that the memory accesses of a pass overlap
    /// rather than wait in turn: ask for every key's first slot; find each key's row (the
    /// slots are at hand by then) and ask for its first entries; add the rows up.
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        for chunk in keys.chunks(BATCH) {
            self.prefetch(chunk);
            let mut rows = [(0u32, 0u32); BATCH];
            let found = self.find_rows(chunk, &mut rows);
            self.add_rows(&rows[..found], scores);
        }
    }

    /// Asks for the first slot of each key: the first pass of [`Weights::score`], apart so that
    /// other work can be done while the slots come.
    #[inline]
    pub fn prefetch(&self, keys: &[u64]) {
        let slots = &self.slots[..];
        let mask = slots.len() - 2;
        for &key in keys {
            prefetch(&slots[(key as usize) & mask]);
        }
    }

    /// The two last passes of [`Weights::score`] apart: finds the rows of `keys` (whose slots
    /// should have been asked for with [`Weights::prefetch`]), asks for their entries, and puts
    /// them at the start of `rows` (at least as long as `keys`); how many there are.
    ///
    /// Into a fixed buffer rather than a growing one, which would check its capacity for
    /// every row found.
    #[inline]
    pub fn find_rows(&self, keys: &[u64], rows: &mut [(u32, u32)]) -> usize {
        let mut found = 0;
        for &key in keys {
            if let Some(row) = self.find_row(key) {
                rows[found] = row;
                found += 1;
            }
        }
        found
    }

    /// Adds the rows found by [`Weights::find_rows`] into `scores`.
    #[inline]
    pub fn add_rows(&self, rows: &[(u32, u32)], scores: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, as just checked.
            unsafe { self.add_rows_avx2(rows, scores) };
            return;
        }
        self.add_rows_inline(rows, scores);
    }

    /// [`Weights::add_rows`] compiled for AVX2, whose dense rows add eight weights at a time,
    /// each widened as it is loaded, rather than four with two more instructions to widen
    /// them. Dense rows hold most of the weights a sentence adds up.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn add_rows_avx2(&self, rows: &[(u32, u32)], scores: &mut [i32]) {
        self.add_rows_inline(rows, scores);
    }

    #[inline(always)]
    fn add_rows_inline(&self, rows: &[(u32, u32)], scores: &mut [i32]) {
        if scores.len() == self.classes {
            // The smallest buffer that holds the padded rows: it is cleared for every call.
            match self.classes.next_multiple_of(LANES) {
                0..=64 => return self.add_rows_on_stack::<64>(rows, scores),
                65..=128 => return self.add_rows_on_stack::<128>(rows, scores),
                129..=STACK_CLASSES => {
                    return self.add_rows_on_stack::<STACK_CLASSES>(rows, scores)
                }
                _ => {}
            }
        }
        for &(start, end) in rows {
            match &self.entries[start as usize..end as usize] {
                [[DENSE, _], weights @ ..] => {
                    for (s, &w) in scores.iter_mut().zip(weights.as_flattened()) {
                        *s += i32::from(w);
                    }
                }
                row => {
                    for &[class, weight] in row {
                        scores[usize::from(class as u16)] += i32::from(weight);
                    }
                }
            }
        }
    }

    /// [`Weights::add_rows_inline`] for a model whose classes, padded to whole [`LANES`], are
    /// at most `N` (a power of two, so a whole number of [`LANES`], and at most
    /// [`STACK_CLASSES`], so that a class, checked on loading, fits in a byte). The rows are
    /// summed from zero and the sums then added to `scores`, which takes fewer instructions
    /// than copying the scores in and out.
    #[inline(always)]
    fn add_rows_on_stack<const N: usize>(&self, rows: &[(u32, u32)], scores: &mut [i32]) {
        const { assert!(N <= STACK_CLASSES && N >= LANES && N.is_power_of_two()) };
        let mut sums = [0i32; N];
        for &(start, end) in rows {
            match &self.entries[start as usize..end as usize] {
                [[DENSE, _], weights @ ..] => {
                    let lanes = sums.chunks_exact_mut(LANES);
                    for (sums, weights) in lanes.zip(weights.as_flattened().chunks_exact(LANES)) {
                        for (s, &w) in sums.iter_mut().zip(weights) {
                            *s += i32::from(w);
                        }
                    }
                }
                row => {
                    for &[class, weight] in row {
                        sums[usize::from(class as u8) % N] += i32::from(weight);
                    }
                }
            }
        }
        for (s, &sum) in scores.iter_mut().zip(&sums) {
            *s += sum;
        }
    }

    /// Where the row of `key` lies in `entries`, if it has one, having asked for all of it.
    #[inline]
    fn find_row(&self, key: u64) -> Option<(u32, u32)> {
        let (start, end) = self.row_from((key as usize) & self.mask, fingerprint32(key));
        (start < end).then(|| {
            // One cell in each cache line of the row (a line holds 16): the first and the
            // last, which are all most rows touch, then any in between.
            let row = &self.entries[start as usize..end as usize];
            prefetch(&row[0]);
            prefetch(&row[row.len() - 1]);
            let mut at = 16;
            while at < row.len() {
                prefetch(&row[at]);
                at += 16;
            }
            (start, end)
        })
    }

    /// Writes the occupied slots only, each as its distance from the previous one, its
    /// fingerprint and its row: empty slots cost nothing on disk.
    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(self.classes as u32);
        w.u32(self.mask as u32);
        w.u32(self.weights as u32);
        let occupied = self.slots[..=self.mask]
            .iter()
            .filter(|s| s.fingerprint != 0)
            .count();
        w.u32(occupied as u32);
        let mut last = 0usize;
        for (i, s) in self.slots[..=self.mask].iter().enumerate() {
            if s.fingerprint == 0 {
                continue;
            }
            w.varint((i - last) as u64);
            last = i;
            w.u32(s.fingerprint);
            w.varint(self.sparse_row(s.start, self.slots[i + 1].start).len() as u64);
        }
        for pair in self.slots.windows(2) {
            for e in self.sparse_row(pair[0].start, pair[1].start) {
                w.u16(e.class);
                w.u16(e.weight as u16);
            }
        }
    }

    pub fn read(r: &mut ModelReader) -> Result<Weights, ModelError> {
        let classes = r.u32()? as usize;
        if classes > usize::from(u16::MAX) {
            return Err(r.corrupt("too many classes"));
        }
        let mask = r.u32()? as usize;
        let n_entries = r.u32()? as usize;
        let occupied = r.u32()? as usize;
        if !(mask + 1).is_power_of_two() || occupied > mask {
            return Err(r.corrupt("bad weight table size"));
        }
        let mut slots = Table::new(mask + 2, Slot::default());
        let (mut index, mut start) = (0usize, 0u64);
        let mut filled = 0usize;
        for n in 0..occupied {
            let gap = r.varint()? as usize;
            index = index
                .checked_add(gap)
                .filter(|&i| i <= mask && (n == 0 || gap > 0))
                .ok_or_else(|| r.corrupt("weight slot out of range"))?;
            // Empty slots before this one start where this row does.
            for slot in &mut slots[filled..index] {
                slot.start = start as u32;
            }
            let fingerprint = r.u32()?;
            if fingerprint == 0 {
                return Err(r.corrupt("empty fingerprint in an occupied slot"));
            }
            slots[index] = Slot {
                fingerprint,
                start: start as u32,
            };
            filled = index + 1;
            start += r.varint()?;
            if start > n_entries as u64 {
                return Err(r.corrupt("weight rows overrun the entries"));
            }
        }
        for slot in &mut slots[filled..] {
            slot.start = start as u32;
        }
        if start != n_entries as u64 {
            return Err(r.corrupt("weight rows do not cover the entries"));
        }
        let (bytes, _) = r.raw(n_entries * 4)?.as_chunks::<4>();
        let entry = |i: usize| {
            let [c0, c1, w0, w1] = bytes[i];
            Entry {
                class: u16::from_le_bytes([c0, c1]),
                weight: i16::from_le_bytes([w0, w1]),
            }
        };
        if bytes
            .iter()
            .any(|&[c0, c1, ..]| usize::from(u16::from_le_bytes([c0, c1])) >= classes)
        {
            return Err(r.corrupt("weight for a class out of range"));
        }
        Ok(Weights::lay_out(classes, mask, slots, n_entries, entry))
    }
}

/// A slot of [`SmallWeights`], packed into one word so that a probe is one load: the
/// fingerprint (0 = empty) in the low 16 bits, then the three class weights, 16 bits each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(transparent)]
struct SmallSlot(u64);

impl SmallSlot {
    fn new(fingerprint: u16, weights: [i16; 3]) -> SmallSlot {
        let [w0, w1, w2] = weights.map(|w| u64::from(w as u16));
        SmallSlot(u64::from(fingerprint) | w0 << 16 | w1 << 32 | w2 << 48)
    }

    #[inline(always)]
    fn fingerprint(self) -> u16 {
        self.0 as u16
    }

    #[inline(always)]
    fn weights(self) -> [i16; 3] {
        [
            (self.0 >> 16) as i16,
            (self.0 >> 32) as i16,
            (self.0 >> 48) as i16,
        ]
    }
}

/// The first slot from `i` on that holds `fp` or is empty: the rest of a long probe.
#[cold]
fn probe(slots: &[SmallSlot], mut i: usize, mask: usize, fp: u16) -> SmallSlot {
    loop {
        let slot = slots[i];
        if slot.fingerprint() == fp || slot.fingerprint() == 0 {
            return slot;
        }
        i = (i + 1) & mask;
    }
}

#[inline]
fn fingerprint16(key: u64) -> u16 {
    ((key >> 48) as u16) | 1
}

/// Running sums of the weights of [`SmallSlot`]s, class by class.
///
/// On x86-64 the four 16-bit lanes of a slot are widened and added in one vector register
/// (SSE2, which every x86-64 processor has): four instructions a slot instead of nine. The
/// fingerprint lane is summed too, and thrown away.
#[cfg(target_arch = "x86_64")]
struct SlotSums(std::arch::x86_64::__m128i);

#[cfg(target_arch = "x86_64")]
impl Default for SlotSums {
    fn default() -> SlotSums {
        // SAFETY (here and below): SSE2 is part of every x86-64 processor.
        SlotSums(unsafe { std::arch::x86_64::_mm_setzero_si128() })
    }
}

#[cfg(target_arch = "x86_64")]
impl SlotSums {
    #[inline(always)]
    fn add(&mut self, slot: SmallSlot) {
        use std::arch::x86_64::*;
        // SAFETY: see `default`.
        unsafe {
            let lanes = _mm_cvtsi64_si128(slot.0 as i64);
            // Each 16-bit lane doubled into a 32-bit one, then shifted down with its sign.
            let wide = _mm_srai_epi32::<16>(_mm_unpacklo_epi16(lanes, lanes));
            self.0 = _mm_add_epi32(self.0, wide);
        }
    }

    #[inline(always)]
    fn get(&self) -> [i32; 3] {
        use std::arch::x86_64::*;
        // SAFETY: see `default`.
        unsafe {
            [
                _mm_cvtsi128_si32(_mm_srli_si128::<4>(self.0)),
                _mm_cvtsi128_si32(_mm_srli_si128::<8>(self.0)),
                _mm_cvtsi128_si32(_mm_srli_si128::<12>(self.0)),
            ]
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[derive(Default)]
struct SlotSums([i32; 3]);

#[cfg(not(target_arch = "x86_64"))]
impl SlotSums {
    #[inline(always)]
    fn add(&mut self, slot: SmallSlot) {
        for (s, w) in self.0.iter_mut().zip(slot.weights()) {
            *s += i32::from(w);
        }
    }

    fn get(&self) -> [i32; 3] {
        self.0
    }
}

/// Dense rows of three quantised weights, one memory access per feature.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallWeights {
    mask: usize,
    /// `mask + 2` slots: the last is a copy of the first, so that a key's first two probes
    /// are two adjacent slots even where the probe sequence wraps around.
    slots: Table<SmallSlot>,
}

impl SmallWeights {
    /// Number of classes every row holds.
    pub const CLASSES: usize = 3;

    pub fn new(rows: Rows) -> SmallWeights {
        assert!(
            rows.classes <= Self::CLASSES,
            "too many classes for SmallWeights"
        );
        let mask = capacity(rows.rows.len()) - 1;
        let table = place(&rows.rows, mask);
        let slots = table
            .iter()
            .map(|cell| match cell {
                Some(index) => {
                    let (key, row) = &rows.rows[*index];
                    let mut weights = [0i16; 3];
                    for e in row {
                        weights[usize::from(e.class)] = e.weight;
                    }
                    SmallSlot::new(fingerprint16(*key), weights)
                }
                None => SmallSlot::default(),
            })
            .chain([SmallSlot::default()])
            .collect::<Vec<_>>();
        SmallWeights::wrapped(mask, Table::from_slice(&slots))
    }

    /// The weights over `mask + 2` slots, the last of which is made the copy of the first.
    fn wrapped(mask: usize, mut slots: Table<SmallSlot>) -> SmallWeights {
        assert_eq!(slots.len(), mask + 2, "a weight table has mask + 2 slots");
        slots[mask + 1] = slots[0];
        SmallWeights { mask, slots }
    }

    /// The slots proper, without the copy of the first.
    fn table(&self) -> &[SmallSlot] {
        &self.slots[..=self.mask]
    }

    /// Number of features stored.
    pub fn len(&self) -> usize {
        self.table().iter().filter(|s| s.fingerprint() != 0).count()
    }

    /// The first two probes of `key`: its home slot and the next.
    #[inline(always)]
    fn home(&self, key: u64) -> &[SmallSlot; 2] {
        let i = (key as usize) & self.mask;
        // SAFETY: `i <= mask`, and `wrapped` made sure there are `mask + 2` slots, so slots
        // `i` and `i + 1` are in the table. (Unchecked because this runs for every feature of
        // every parser decision, and two bounds checks cost as much as the rest of a probe.)
        unsafe { &*self.slots.as_ptr().add(i).cast::<[SmallSlot; 2]>() }
    }

    /// The weights of groups of keys, each group summed apart: group `g` is the keys up to
    /// `ends[g]` from the end of the one before, and its sums go to `sums[g]`. Every key's slot
    /// is asked for before any is read (see [`Weights::score`]); there should be at most a few
    /// hundred keys.
    #[inline]
    pub fn score_groups(&self, keys: &[u64], ends: &[usize], sums: &mut [[i32; 3]]) {
        self.prefetch(keys);
        let mut start = 0;
        for (&end, sum) in ends.iter().zip(sums) {
            *sum = self.sum(&keys[start..end]);
            start = end;
        }
    }

    /// Asks for the first two slots of every key.
    #[inline]
    fn prefetch(&self, keys: &[u64]) {
        for &key in keys {
            let home = self.home(key);
            prefetch(&home[0]);
            // In the next cache line for one slot in eight.
            prefetch(&home[1]);
        }
    }

    /// The weights of `keys`, summed class by class.
    ///
    /// A key's slot is the first of its probe sequence that holds its fingerprint or is
    /// empty. Where that is, and whether the key is present, follow no pattern a branch
    /// predictor could learn (about a quarter of keys are absent, and a fifth need a second
    /// probe), so the first two probes are read and chosen between without a branch; only the
    /// few keys whose two first slots both hold other keys take a loop.
    #[inline]
    fn sum(&self, keys: &[u64]) -> [i32; 3] {
        let mask = self.mask;
        let mut sums = SlotSums::default();
        for &key in keys {
            let fp = fingerprint16(key);
            let &[first, second] = self.home(key);
            let ends = |s: SmallSlot| s.fingerprint() == fp || s.fingerprint() == 0;
            // The second slot is where the probe ends unless the first is.
            let mut slot = select_unpredictable(ends(first), first, second);
            // Zero exactly when the probe ends at the slot (both factors are below 2^16): one
            // test, so one branch, which the few keys with a longer probe take.
            let open = u32::from(slot.fingerprint() ^ fp) * u32::from(slot.fingerprint());
            if open != 0 {
                slot = probe(&self.slots, ((key as usize & mask) + 2) & mask, mask, fp);
            }
            sums.add(select_unpredictable(
                slot.fingerprint() == fp,
                slot,
                SmallSlot(0),
            ));
        }
        sums.get()
    }

    /// Writes the occupied slots only, each as its distance from the previous one.
    pub fn write(&self, w: &mut ModelWriter) {
        w.u32(self.mask as u32);
        w.u32(self.len() as u32);
        let mut last = 0usize;
        for (i, s) in self.table().iter().enumerate() {
            if s.fingerprint() == 0 {
                continue;
            }
            w.varint((i - last) as u64);
            last = i;
            w.u16(s.fingerprint());
            for x in s.weights() {
                w.u16(x as u16);
            }
        }
    }

    pub fn read(r: &mut ModelReader) -> Result<SmallWeights, ModelError> {
        let mask = r.u32()? as usize;
        let occupied = r.u32()? as usize;
        if !(mask + 1).is_power_of_two() || occupied > mask {
            return Err(r.corrupt("bad weight table size"));
        }
        let mut slots = Table::new(mask + 2, SmallSlot::default());
        let mut index = 0usize;
        for n in 0..occupied {
            let gap = r.varint()? as usize;
            index = index
                .checked_add(gap)
                .filter(|&i| i <= mask && (n == 0 || gap > 0))
                .ok_or_else(|| r.corrupt("weight slot out of range"))?;
            let b = r.raw(8)?;
            let fingerprint = u16::from_le_bytes([b[0], b[1]]);
            if fingerprint == 0 {
                return Err(r.corrupt("empty fingerprint in an occupied slot"));
            }
            slots[index] = SmallSlot::new(
                fingerprint,
                [
                    i16::from_le_bytes([b[2], b[3]]),
                    i16::from_le_bytes([b[4], b[5]]),
                    i16::from_le_bytes([b[6], b[7]]),
                ],
            );
        }
        Ok(SmallWeights::wrapped(mask, slots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashing::finish;

    fn rows(classes: usize) -> Rows {
        Rows {
            classes,
            rows: (0..100u64)
                .map(|k| {
                    let key = finish(k);
                    let row = vec![
                        Entry {
                            class: 0,
                            weight: 1,
                        },
                        Entry {
                            class: 2,
                            weight: -(key as i16 & 0x7f) - 1,
                        },
                    ];
                    (key, row)
                })
                .collect(),
        }
    }

    #[test]
    fn sparse_finds_every_row_and_nothing_else() {
        let w = Weights::new(rows(3));
        assert_eq!(w.len(), 200);
        for k in 0..100u64 {
            let key = finish(k);
            let mut scores = [0i32; 3];
            w.score(&[key], &mut scores);
            assert_eq!(scores, [1, 0, -i32::from(key as i16 & 0x7f) - 1]);
        }
        let mut scores = [0i32; 3];
        w.score(&[finish(1000)], &mut scores);
        assert_eq!(scores, [0; 3]);
        let keys: Vec<u64> = (0..100u64).map(finish).chain([finish(5000)]).collect();
        let mut scores = [0i32; 3];
        w.score(&keys, &mut scores);
        assert_eq!(scores[0], 100);
    }

    #[test]
    fn small_and_sparse_score_alike() {
        let sparse = Weights::new(rows(3));
        let small = SmallWeights::new(rows(3));
        assert_eq!(small.len(), 100);
        for n in [1usize, 7, 33, 100] {
            let keys: Vec<u64> = (0..n as u64).map(|k| finish(k * 3)).collect();
            let (mut a, mut b) = ([0i32; 3], [0i32; 3]);
            sparse.score(&keys, &mut a);
            small.score_groups(&keys, &[keys.len()], std::slice::from_mut(&mut b));
            assert_eq!(a, b);
        }
    }

    #[test]
    fn groups_are_summed_apart() {
        let small = SmallWeights::new(rows(3));
        let keys: Vec<u64> = (0..10u64).map(|k| finish(k * 7)).collect();
        let mut groups = [[0i32; 3]; 3];
        small.score_groups(&keys, &[4, 4, 10], &mut groups);
        for (g, range) in [0..4, 4..4, 4..10].into_iter().enumerate() {
            let mut alone = [0i32; 3];
            small.score_groups(
                &keys[range.clone()],
                &[range.len()],
                std::slice::from_mut(&mut alone),
            );
            assert_eq!(groups[g], alone, "group {g}");
        }
        assert_eq!(groups[1], [0; 3], "an empty group sums to nothing");
    }

    #[test]
    fn long_probes_that_wrap_around_find_the_same_rows() {
        // Every key starts its probe at the last slot of a 16-slot table, so probes run past
        // the end and up to five slots long. Fingerprints (the top 16 bits, made odd) differ.
        let home = 15u64;
        let key = |k: u64| ((2 * k + 1) << 48) | (k << 8) | home;
        let rows = Rows {
            classes: 3,
            rows: (1..=5u64)
                .map(|k| {
                    let row = vec![Entry {
                        class: (k % 3) as u16,
                        weight: k as i16 * 10,
                    }];
                    (key(k), row)
                })
                .collect(),
        };
        let (sparse, small) = (Weights::new(rows.clone()), SmallWeights::new(rows));
        for k in 1..=7u64 {
            let (mut a, mut b) = ([0i32; 3], [0i32; 3]);
            sparse.score(&[key(k)], &mut a);
            small.score_groups(&[key(k)], &[1], std::slice::from_mut(&mut b));
            assert_eq!(a, b, "key {k}");
            assert_eq!(
                b.iter().sum::<i32>(),
                if k <= 5 { k as i32 * 10 } else { 0 }
            );
        }
    }

    #[test]
    fn long_rows_are_dense_and_score_and_write_as_sparse_ones() {
        // Rows 0..5 have 10 of 12 classes (dense); row 5 has a zero weight and row 6 is out of
        // class order, so both stay sparse; the rest are short.
        let mut rows = rows(12);
        for (n, (_, row)) in rows.rows.iter_mut().enumerate().take(7) {
            *row = (0..10u16)
                .map(|c| Entry {
                    class: c + 2,
                    weight: (n as i16 + 1) * (c as i16 - 4),
                })
                .filter(|e| n == 5 || e.weight != 0)
                .collect();
        }
        rows.rows[6].1.swap(0, 1);
        let w = Weights::new(rows.clone());
        let dense = w.entries.iter().filter(|c| c[0] == DENSE).count();
        assert_eq!(dense, 5, "five dense rows");
        assert_eq!(
            w.len(),
            rows.rows.iter().map(|(_, r)| r.len()).sum::<usize>()
        );
        for (key, row) in &rows.rows {
            let mut expected = vec![0i32; 12];
            for e in row {
                expected[usize::from(e.class)] += i32::from(e.weight);
            }
            let mut scores = vec![0i32; 12];
            w.score(&[*key], &mut scores);
            assert_eq!(scores, expected);
        }
        let mut out = ModelWriter::new();
        w.write(&mut out);
        let bytes = out.into_bytes();
        let back = Weights::read(&mut ModelReader::new(&bytes, "t")).unwrap();
        assert_eq!(back, w);
        let mut again = ModelWriter::new();
        back.write(&mut again);
        assert_eq!(again.into_bytes(), bytes);
    }

    #[test]
    fn both_round_trip_and_reject_truncation() {
        let w = Weights::new(rows(3));
        let mut out = ModelWriter::new();
        w.write(&mut out);
        let bytes = out.into_bytes();
        assert_eq!(
            Weights::read(&mut ModelReader::new(&bytes, "t")).unwrap(),
            w
        );
        for cut in [0, 3, 17, bytes.len() / 2, bytes.len() - 1] {
            assert!(Weights::read(&mut ModelReader::new(&bytes[..cut], "t")).is_err());
        }
        let s = SmallWeights::new(rows(3));
        let mut out = ModelWriter::new();
        s.write(&mut out);
        let bytes = out.into_bytes();
        assert_eq!(
            SmallWeights::read(&mut ModelReader::new(&bytes, "t")).unwrap(),
            s
        );
        assert!(SmallWeights::read(&mut ModelReader::new(&bytes[..bytes.len() - 1], "t")).is_err());
    }
}
