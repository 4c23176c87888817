//! The allocator of the WebAssembly build (`#[global_allocator]` on wasm32
//! only): power-of-two size classes, one free list each, carved from
//! `memory.grow`. A call allocates a few hundred small blocks and frees them
//! all, so this is about as fast as a bump allocator while memory is reused
//! (bounded by the peak of the largest call, at most twice the bytes asked
//! for); and it is a few hundred bytes of wasm where dlmalloc is ~7 KB.
//! WebAssembly modules here are single-threaded.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::{self, null_mut};

/// Classes 2^4 (16 bytes, room for the free-list link) to 2^31.
const MIN_CLASS: u32 = 4;
const CLASSES: usize = 32;
const PAGE: usize = 65536;
/// Grow memory by at least this much at a time (fewer `memory.grow` calls,
/// each of which makes the JS glue re-create its views of the memory).
const MIN_GROW: usize = 16 * PAGE;

struct State {
    free: [*mut u8; CLASSES],
    next: usize,
    end: usize,
}

pub struct ClassAllocator(UnsafeCell<State>);

// SAFETY: wasm32-unknown-unknown runs this module on one thread.
unsafe impl Sync for ClassAllocator {}

impl ClassAllocator {
    pub const fn new() -> ClassAllocator {
        ClassAllocator(UnsafeCell::new(State {
            free: [null_mut(); CLASSES],
            next: 0,
            end: 0,
        }))
    }
}

/// The class of a layout: log2 of its block size, or `CLASSES` when too big.
fn class_of(layout: &Layout) -> usize {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

fn grow(s: &mut State, bytes: usize) -> bool {
    let pages = bytes.max(MIN_GROW).div_ceil(PAGE);
    let old = core::arch::wasm32::memory_grow(0, pages);
    if old == usize::MAX {
        return false;
    }
    let base = old * PAGE;
    if base != s.end {
        // Not contiguous with the previous chunk (or the first one): start there.
        s.next = base;
    }
    s.end = base + pages * PAGE;
    true
}

unsafe impl GlobalAlloc for ClassAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: single-threaded, and no allocator call re-enters another.
        let s = unsafe { &mut *self.0.get() };
        let class = class_of(&layout);
        if class >= CLASSES {
            return null_mut();
        }
        let head = s.free[class];
        if !head.is_null() && (head as usize) % layout.align() == 0 {
            // SAFETY: a freed block of this class holds the next link in its first word.
            s.free[class] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        let size = 1usize << class;
        let align = layout.align().max(1 << MIN_CLASS);
        for _ in 0..2 {
            let start = (s.next + align - 1) & !(align - 1);
            if let Some(end) = start.checked_add(size).filter(|&e| e <= s.end) {
                s.next = end;
                return start as *mut u8;
            }
            if !grow(s, size + align) {
                return null_mut();
            }
        }
        null_mut()
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`; `ptr` is a block of this class, at least 16 bytes.
        let s = unsafe { &mut *self.0.get() };
        let class = class_of(&layout);
        unsafe { *(ptr as *mut *mut u8) = s.free[class] };
        s.free[class] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's guarantees for `realloc` cover this layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class_of(&new_layout) == class_of(&layout) {
            return ptr; // the block already has room
        }
        // SAFETY: as for `alloc`/`dealloc`; the blocks do not overlap.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
