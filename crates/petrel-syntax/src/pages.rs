//! Large lookup tables backed by huge pages where the system allows it.
//!
//! Weight tables are megabytes read at random; with 4 KiB pages nearly every lookup also misses
//! the TLB, and in a virtual machine each of those misses costs a second page walk. On Linux,
//! asking for transparent huge pages (2 MiB) before the table is first written removes most of
//! them, but only for the 2 MiB-aligned pages wholly inside the table: an allocation of a few
//! megabytes from the general allocator starts anywhere and would keep most of its memory on
//! small pages. So a large [`Table`] is allocated on a 2 MiB boundary. Elsewhere, or if the kernel declines, tables are ordinary memory and everything
//! works the same, only slower.

use std::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

/// The huge page size on x86-64 and AArch64 Linux.
const HUGE: usize = 2 << 20;

/// A fixed-length array of `T`, starting on a huge page when it fills at least one. A last part
/// of at least half a huge page is rounded up to a whole one (the memory rounded up costs less
/// than the TLB misses of that part on small pages); a smaller one stays on small pages.
pub struct Table<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
    layout: Layout,
}

// SAFETY: a Table owns its elements exactly as a Vec<T> does.
unsafe impl<T: Copy + Send> Send for Table<T> {}
// SAFETY: shared access only hands out shared references to the elements.
unsafe impl<T: Copy + Sync> Sync for Table<T> {}

impl<T: Copy> Table<T> {
    /// `len` copies of `value`.
    pub fn new(len: usize, value: T) -> Table<T> {
        let bytes = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("table size overflows");
        // A last part of at least half a huge page is worth rounding up to a whole one.
        let rounded = if bytes % HUGE >= HUGE / 2 {
            bytes.next_multiple_of(HUGE)
        } else {
            bytes
        };
        let layout = if rounded >= HUGE {
            Layout::from_size_align(rounded, HUGE)
        } else {
            Layout::array::<T>(len)
        }
        .expect("table size overflows");
        let ptr = if layout.size() == 0 {
            NonNull::dangling()
        } else {
            // SAFETY: the layout has a non-zero size.
            let raw = unsafe { alloc(layout) }.cast::<T>();
            let Some(ptr) = NonNull::new(raw) else {
                handle_alloc_error(layout)
            };
            advise_huge(raw as usize, layout.size());
            for i in 0..len {
                // SAFETY: the allocation holds `len` elements of T, suitably aligned.
                unsafe { ptr.as_ptr().add(i).write(value) };
            }
            ptr
        };
        Table { ptr, len, layout }
    }

    /// A copy of `items`.
    pub fn from_slice(items: &[T]) -> Table<T> {
        match items.first() {
            Some(&first) => {
                let mut table = Table::new(items.len(), first);
                table.copy_from_slice(items);
                table
            }
            None => Table {
                ptr: NonNull::dangling(),
                len: 0,
                layout: Layout::new::<()>(),
            },
        }
    }
}

impl<T: Copy> Deref for Table<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` points to `len` initialised elements (or is dangling with `len` 0).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> DerefMut for Table<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for `deref`, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> Drop for Table<T> {
    fn drop(&mut self) {
        if self.layout.size() != 0 {
            // SAFETY: allocated in `new` with this layout; T: Copy needs no destructor.
            unsafe { dealloc(self.ptr.as_ptr().cast(), self.layout) };
        }
    }
}

impl<T: Copy> Clone for Table<T> {
    fn clone(&self) -> Table<T> {
        Table::from_slice(self)
    }
}

impl<T: Copy + PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Table<T>) -> bool {
        **self == **other
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(target_os = "linux")]
fn advise_huge(addr: usize, bytes: usize) {
    let start = addr.next_multiple_of(HUGE);
    let end = (addr + bytes) & !(HUGE - 1);
    if end > start {
        // SAFETY: madvise with MADV_HUGEPAGE only changes how the kernel backs pages that lie
        // wholly inside an allocation this module owns; it neither reads nor writes them, and
        // a refusal (its return value) leaves ordinary pages, which is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_addr: usize, _bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_their_values() {
        for len in [0, 1, 5 << 20] {
            let t = Table::new(len, 7u8);
            assert_eq!(t.len(), len);
            assert!(t.iter().all(|&x| x == 7));
        }
    }

    #[test]
    fn large_tables_start_on_a_huge_page() {
        let t = Table::new(HUGE / 8 + 1, 0u64);
        assert_eq!(t.as_ptr() as usize % HUGE, 0);
    }

    #[test]
    fn copies_are_equal_and_independent() {
        let mut a = Table::from_slice(&[1u32, 2, 3]);
        let b = a.clone();
        assert_eq!(a, b);
        a[0] = 9;
        assert_ne!(a, b);
        assert_eq!(Table::<u32>::from_slice(&[]).len(), 0);
    }
}
