//! What one query may hold in memory, and giving it back afterwards.
//!
//! Oxigraph's evaluator keeps intermediate results in memory: the build side
//! of a join, the rows an ORDER BY sorts, the set a DISTINCT remembers, the
//! groups of a GROUP BY. A query over a whole store can make those grow by
//! gigabytes in a few seconds. A [`Meter`] counts what the thread evaluating
//! a query allocates (and frees) while the query runs, and the store's
//! watcher cancels the query when the count passes the budget, the same way
//! it cancels at the timeout.
//!
//! Counting needs the process to allocate through [`MeteredAllocator`]
//! (mimalloc, counting on metered threads only): the server installs
//! it as its global allocator. Without it, [`metering`] is false and meters
//! stay at zero, so budgets are not enforced.
//!
//! Allocators keep freed memory for a while rather than giving it back to
//! the system, so a process that once held a large intermediate result stays
//! large; [`give_back`] returns the free pages after a big query.
//!
//! mimalloc rather than glibc's allocator: a page request makes and frees
//! thousands of small blocks, and mimalloc's thread-local free lists take
//! about half the time glibc's arenas do (the release benchmark measures it).

// A global allocator is unsafe by nature: each block below says why it holds.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc;
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering};

/// The counts of one meter: bytes allocated minus bytes freed while it was
/// on, and the highest that reached.
#[derive(Default)]
struct Counter {
    live: AtomicIsize,
    peak: AtomicIsize,
}

thread_local! {
    /// The meter counting this thread's allocations, if any. A raw pointer
    /// in a constant-initialised cell: reading it never allocates, which an
    /// allocator requires.
    static CURRENT: Cell<*const Counter> = const { Cell::new(std::ptr::null()) };
}

fn count(delta: isize) {
    let _ = CURRENT.try_with(|current| {
        let counter = current.get();
        if counter.is_null() {
            return;
        }
        // SAFETY: only `Meter::count_here` sets the pointer, from a meter it
        // borrows, and its guard restores the previous value when dropped, so
        // the counter outlives every use here.
        let counter = unsafe { &*counter };
        let now = counter.live.fetch_add(delta, Ordering::Relaxed) + delta;
        if delta > 0 {
            counter.peak.fetch_max(now, Ordering::Relaxed);
        }
    });
}

/// mimalloc, counting what metered threads allocate.
pub struct MeteredAllocator;

// SAFETY: every call is forwarded to mimalloc unchanged; counting
// only adds to atomics and never allocates.
unsafe impl GlobalAlloc for MeteredAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { MiMalloc.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { MiMalloc.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { MiMalloc.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Counts what a thread holds while it evaluates one query; cloned to the
/// thread that watches it.
#[derive(Clone, Default)]
pub struct Meter(Arc<Counter>);

impl Meter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts this thread's allocations and frees until the guard is
    /// dropped.
    pub fn count_here(&self) -> Counting<'_> {
        let previous = CURRENT.with(|c| c.replace(Arc::as_ptr(&self.0)));
        Counting {
            _meter: self,
            previous,
        }
    }

    /// Bytes held now (allocated minus freed while counting).
    pub fn live(&self) -> usize {
        self.0.live.load(Ordering::Relaxed).max(0) as usize
    }

    /// The most bytes held at once.
    pub fn peak(&self) -> usize {
        self.0.peak.load(Ordering::Relaxed).max(0) as usize
    }
}

/// While it lives, the current thread's allocations are counted by a meter.
pub struct Counting<'a> {
    _meter: &'a Meter,
    previous: *const Counter,
}

impl Drop for Counting<'_> {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.previous));
    }
}

/// Whether this process allocates through [`MeteredAllocator`], so that
/// meters count.
pub fn metering() -> bool {
    let meter = Meter::new();
    {
        let _on = meter.count_here();
        std::hint::black_box(Box::new([0u8; 64]));
    }
    meter.peak() > 0
}

/// Gives the free pages of the allocators back to the system: mimalloc's
/// (the server's allocator) and glibc's (what C++ libraries allocate).
pub fn give_back() {
    // SAFETY: mi_collect only frees memory mimalloc no longer uses.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; 0 keeps no padding.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The crate's unit tests run with the plain system allocator: meters
    // stay at zero, which is what a process without the allocator gets.
    #[test]
    fn without_the_allocator_nothing_is_counted() {
        assert!(!metering());
        let meter = Meter::new();
        let _on = meter.count_here();
        let v = vec![0u8; 1 << 20];
        assert_eq!(v.len(), 1 << 20);
        assert_eq!(meter.live(), 0);
    }
}
