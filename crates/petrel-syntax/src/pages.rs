//! Large lookup tables backed by huge pages where the system allows it.
//!
//! Weight tables are tens of megabytes read at random; with 4 KiB pages nearly every lookup
//! also misses the TLB. On Linux, asking for transparent huge pages (2 MiB) before the table is
//! first written removes most of those misses. Elsewhere, or if the kernel declines, tables are
//! ordinary memory and everything works the same, only slower.

/// A vector of `len` copies of `value`, on huge pages if possible.
pub fn table<T: Clone>(len: usize, value: T) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(len);
    advise_huge(v.as_ptr() as usize, len * std::mem::size_of::<T>());
    v.resize(len, value);
    v
}

#[cfg(target_os = "linux")]
fn advise_huge(addr: usize, bytes: usize) {
    const HUGE: usize = 2 << 20;
    let start = addr.next_multiple_of(HUGE);
    let end = (addr + bytes) & !(HUGE - 1);
    if end > start {
        // SAFETY: madvise with MADV_HUGEPAGE only changes how the kernel backs pages that lie
        // wholly inside an allocation this function's caller owns; it neither reads nor writes
        // them, and a refusal (its return value) leaves ordinary pages, which is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_addr: usize, _bytes: usize) {}

#[cfg(test)]
mod tests {
    #[test]
    fn tables_hold_their_values() {
        for len in [0, 1, 5 << 20] {
            let t = super::table(len, 7u8);
            assert_eq!(t.len(), len);
            assert!(t.iter().all(|&x| x == 7));
        }
    }
}
