//! The global allocator of the `shinchoku` binary, its benchmark and its profiling example.
//!
//! It is mimalloc, as the `mimalloc` crate's `MiMalloc` is, with one difference: an
//! allocation whose alignment is at most a machine word goes to `mi_malloc`, not
//! `mi_malloc_aligned`. `MiMalloc` sends every allocation down the aligned path, which
//! checks and rounds the alignment on each call; reading a report makes thousands of small
//! strings and vectors (alignment 1 to 8), and the aligned entry cost about 2 % of the
//! instructions of the whole text path (BENCHMARKS.md, session 7).
//!
//! Why a word is safe: mimalloc's size classes are whole numbers of words, and every page
//! starts word-aligned, so every block `mi_malloc` returns is word-aligned (its size bins,
//! `mi_bin` in `page-queue.c`, include 24 and 40 bytes, so 16 is *not* guaranteed and
//! stricter alignments still take the aligned path). The tests check it for every size
//! up to 4 KiB.
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: shinchoku_alloc::Allocator = shinchoku_alloc::Allocator;
//!
//! let v: Vec<u64> = (0..1000).collect();
//! assert_eq!(v.iter().sum::<u64>(), 499_500);
//! ```

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The largest alignment every `mi_malloc` block has: one machine word.
const WORD_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc as a Rust global allocator, with the unaligned entry points where they suffice.
pub struct Allocator;

// SAFETY: every method hands the request to mimalloc's matching entry point. The unaligned
// ones are used only when `layout.align() <= WORD_ALIGN`, which every mimalloc block
// satisfies (see the module doc); the others pass the alignment on. `dealloc` and `realloc`
// receive pointers from these same functions, as `GlobalAlloc` requires, and `mi_free`
// and `mi_realloc` accept any block mimalloc returned, aligned or not.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            unsafe { mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            unsafe {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[cfg(test)]
#[allow(unsafe_code)]
mod tests {
    use super::*;

    /// Every size up to 4 KiB, at every alignment from 1 to 64: the block is aligned, can
    /// be written whole, keeps its bytes through a realloc, and frees.
    #[test]
    fn blocks_are_aligned_writable_and_survive_realloc() {
        let a = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64] {
            for size in 1..=4096usize {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; the block is written within its size and freed
                // with the layout it was made with.
                unsafe {
                    let zeroed = a.alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size} at {align}");
                    assert!(std::slice::from_raw_parts(zeroed, size)
                        .iter()
                        .all(|&b| b == 0));
                    a.dealloc(zeroed, layout);

                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} at {align}");
                    for i in 0..size {
                        *p.add(i) = (i % 251) as u8;
                    }
                    let grown = a.realloc(p, layout, size * 2 + 1);
                    assert!(!grown.is_null());
                    assert_eq!(grown as usize % align, 0, "grown {size} at {align}");
                    for i in 0..size {
                        assert_eq!(*grown.add(i), (i % 251) as u8, "byte {i} of {size}");
                    }
                    a.dealloc(grown, Layout::from_size_align(size * 2 + 1, align).unwrap());
                }
            }
        }
    }
}
