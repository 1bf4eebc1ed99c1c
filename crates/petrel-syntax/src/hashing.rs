//! Feature hashing: every feature is a 64-bit key built from a template number and the values
//! it combines, so no feature string is ever built and no vocabulary is needed at run time.
//!
//! The mixing step is the multiply-rotate of FxHash; keys are finished with the SplitMix64
//! finaliser so that their low bits (used to index tables) are as good as their high bits.

use std::hash::{BuildHasher, Hasher};

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One mixing step: folds `x` into `h`.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Spreads the bits of a mixed value over the whole word.
#[inline]
pub fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The key of template `template` over the values `parts`.
#[inline]
pub fn key(template: u32, parts: &[u64]) -> u64 {
    let mut h = mix(0, u64::from(template) + 1);
    for &p in parts {
        h = mix(h, p);
    }
    finish(h)
}

/// Hash of a string's bytes (stable across runs and platforms: models store these).
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Hash of a byte string; the length is folded in so that prefixes differ from wholes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = mix(0, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(word));
    }
    finish(h)
}

/// A hasher for maps whose keys are already [`finish`]ed hashes: passes them through.
#[derive(Clone, Copy, Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only reached for non-u64 keys, which these maps never use; hash them properly anyway.
        self.0 ^= hash_bytes(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl BuildHasher for PassThrough {
    type Hasher = PassThrough;

    fn build_hasher(&self) -> PassThrough {
        PassThrough(0)
    }
}

/// A map keyed by finished hashes.
pub type HashedMap<V> = std::collections::HashMap<u64, V, PassThrough>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_template_and_order() {
        assert_ne!(key(1, &[5, 6]), key(2, &[5, 6]));
        assert_ne!(key(1, &[5, 6]), key(1, &[6, 5]));
        assert_eq!(key(3, &[7]), key(3, &[7]));
    }

    #[test]
    fn string_hashes_are_stable_and_length_aware() {
        assert_eq!(hash_str("petrel"), hash_str("petrel"));
        assert_ne!(hash_str("a"), hash_str("a\0"));
        assert_ne!(hash_str(""), hash_str("\0"));
    }

    const PINNED_THE: u64 = 0xf465_4be8_abc5_4457;
    const PINNED_KEY: u64 = 0x1a8a_a3e3_9e1f_08b3;

    #[test]
    fn hashes_are_pinned_because_models_store_them() {
        // The committed models hold keys made by these functions; changing them silently
        // invalidates every model, so any change must come with retrained models.
        assert_eq!(hash_str("the"), PINNED_THE);
        assert_eq!(key(7, &[1, 2]), PINNED_KEY);
    }
}
