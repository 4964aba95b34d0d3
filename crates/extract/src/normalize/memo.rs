//! A small per-thread memo for [`normalize`](super::normalize).
//!
//! The table stages read the same cell several times (is it a header? a heading? a value?
//! a legend?), and each reading normalizes it; profiling the seeds showed normalization as
//! a third of `reconstruct`. Remembering recent results makes the repeats a hash lookup.
//! The function is pure, so the memo cannot change any output; it is bounded (cleared when
//! full) so memory does not grow with the document.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Longer texts (paragraphs) are rarely read twice and would make the memo large.
pub(super) const MAX_INPUT_BYTES: usize = 512;

/// Entries kept before the memo is cleared: at most ~8 MB per thread.
const MAX_ENTRIES: usize = 8192;

thread_local! {
    static MEMO: RefCell<HashMap<Box<str>, Box<str>, BuildHasherDefault<FxHasher>>> =
        RefCell::new(HashMap::default());
}

/// Empty this thread's memo, so that work on one document starts cold and measurements
/// of one document do not profit from the one before.
pub fn clear() {
    MEMO.with(|memo| {
        if let Ok(mut memo) = memo.try_borrow_mut() {
            memo.clear();
        }
    });
}

pub(super) fn get_or_insert(s: &str, compute: fn(&str) -> String) -> String {
    MEMO.with(|memo| {
        // A re-entrant call (none exists today) would find the memo borrowed: compute.
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return compute(s);
        };
        if let Some(hit) = memo.get(s) {
            return hit.to_string();
        }
        let out = compute(s);
        if memo.len() >= MAX_ENTRIES {
            memo.clear();
        }
        memo.insert(s.into(), out.as_str().into());
        out
    })
}

/// The rustc "Fx" hash: a few instructions per 8 bytes. Not DoS-resistant, which does not
/// matter for a bounded per-thread memo of one document's cells.
#[derive(Default)]
struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shout(s: &str) -> String {
        s.to_uppercase()
    }

    #[test]
    fn hits_return_what_the_function_returns() {
        for _ in 0..3 {
            assert_eq!(get_or_insert("abc", shout), "ABC");
            assert_eq!(get_or_insert("abd", shout), "ABD");
            assert_eq!(get_or_insert("", shout), "");
        }
    }

    #[test]
    fn the_memo_stays_bounded_and_correct_past_its_size() {
        for i in 0..(MAX_ENTRIES * 2 + 7) {
            let s = format!("k{i}");
            assert_eq!(get_or_insert(&s, shout), s.to_uppercase());
        }
        MEMO.with(|m| assert!(m.borrow().len() <= MAX_ENTRIES));
    }
}
