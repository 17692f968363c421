//! One allocator for the whole module: Rust allocates through wasi-libc's
//! `malloc`, the allocator CPython uses, so memory is not split between two
//! heaps that each think they own `memory.grow`.

use std::alloc::{GlobalAlloc, Layout};

extern "C" {
    fn malloc(size: usize) -> *mut u8;
    fn free(ptr: *mut u8);
    fn realloc(ptr: *mut u8, size: usize) -> *mut u8;
    fn aligned_alloc(align: usize, size: usize) -> *mut u8;
}

/// `malloc` guarantees this alignment on wasm32 (2 × pointer size).
const MALLOC_ALIGN: usize = 8;

pub struct LibcAllocator;

// SAFETY: every method forwards to the C allocator with a size and alignment
// it supports: `malloc`/`realloc` for alignments it guarantees, `aligned_alloc`
// with a size rounded up to a multiple of the alignment (C11's requirement)
// otherwise; pointers are freed by the same allocator that made them.
unsafe impl GlobalAlloc for LibcAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            // SAFETY: plain C call; a null result is passed on as allocation failure.
            unsafe { malloc(layout.size()) }
        } else {
            let size = layout.size().div_ceil(layout.align()) * layout.align();
            // SAFETY: align is a power of two and size a multiple of it.
            unsafe { aligned_alloc(layout.align(), size) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from `alloc`/`realloc` above, i.e. from this C allocator.
        unsafe { free(ptr) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            // SAFETY: `ptr` came from `malloc`; realloc keeps malloc's alignment.
            unsafe { realloc(ptr, new_size) }
        } else {
            // SAFETY: the caller guarantees `layout` describes `ptr` and
            // `new_size` is valid for its alignment; copy into a fresh block.
            unsafe {
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}
