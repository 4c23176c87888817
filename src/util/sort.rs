//! One small stable merge sort shared by every caller. The standard library's
//! sorts are monomorphized per element type and comparator, each ~4–6 KB of
//! WebAssembly; this one sorts indices through a `dyn` comparator, so its
//! code exists once and only the thin generic wrapper is repeated.

use core::cmp::Ordering;

/// Sorts `items` stably by `cmp` (O(n log n), also for hostile sizes).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = items;
        sorted_indices(items.len(), &|a, b| {
            cmp(&items[a], &items[b]) == Ordering::Greater
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    for i in order {
        if let Some(item) = slots[i].take() {
            items.push(item);
        }
    }
}

/// `0..n` in the order that sorts the items stably; `greater(a, b)` says
/// whether item `a` must come after item `b`.
fn sorted_indices(n: usize, greater: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    // Real requests sort a handful of headers or parameters: insertion sort
    // needs no buffer and fewer comparisons there; merge sort bounds the rest.
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && greater(v[j - 1], v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return v;
    }
    let mut buf = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut a, mut b) = (lo, mid);
            for slot in &mut buf[lo..hi] {
                // Take from the right run only when it is strictly smaller: stable.
                if a < mid && (b >= hi || !greater(v[a], v[b])) {
                    *slot = v[a];
                    a += 1;
                } else {
                    *slot = v[b];
                    b += 1;
                }
            }
            lo = hi;
        }
        core::mem::swap(&mut v, &mut buf);
        width *= 2;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 7u32;
        for n in 0..70 {
            // Both the insertion (n ≤ 16) and the merge path.
            let mut items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            sort_by(&mut items, |a, b| a.0.cmp(&b.0));
            assert_eq!(items, expected);
        }
    }
}
