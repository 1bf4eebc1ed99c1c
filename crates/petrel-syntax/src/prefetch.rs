//! Software prefetching for the weight tables.
//!
//! Scoring looks up dozens of features in tables far larger than the processor's caches, and
//! each lookup that misses waits on memory. Asking for every line first, and reading them only
//! once all requests are on their way, lets those waits overlap. A prefetch is only a hint: it
//! never faults and changes no value, so results are the same with or without it.

/// Asks for the cache line holding `item` to be brought close to the processor.
#[inline(always)]
pub fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch reads nothing into the program and cannot fault; `item` is a
        // valid reference in any case.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((item as *const T).cast::<i8>()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = item;
    }
}
