//! The Alibaba SDKs keep parameters in a Python `dict`: RPC v1 signs its
//! parameters so and ACS3 its query, hence one map shared by both.

use super::canonical::{join_pairs, push_pairs, sorted_by_name};

/// Parameters with Python `dict` semantics, which is what both SDKs sign: a
/// repeated name keeps its first position and takes the last value.
#[derive(Clone, Debug, Default)]
pub(super) struct ParamMap {
    /// Unique names, in first-given order.
    pairs: Vec<(String, String)>,
}

impl ParamMap {
    // `Vec`s rather than `impl IntoIterator`: one copy of this code in the wasm.
    pub(super) fn from_pairs(pairs: Vec<(String, String)>) -> ParamMap {
        let mut map = ParamMap::default();
        map.extend(pairs);
        map
    }

    /// `dict.update`: every pair inserted in order, in O(n log n).
    pub(super) fn extend(&mut self, pairs: Vec<(String, String)>) {
        // A request's few parameters: a linear look-up each is cheapest.
        if self.pairs.len() + pairs.len() <= 32 {
            for (k, v) in pairs {
                self.insert(k, v);
            }
            return;
        }
        let mut all: Vec<(usize, String, String)> = core::mem::take(&mut self.pairs)
            .into_iter()
            .chain(pairs)
            .enumerate()
            .map(|(i, (k, v))| (i, k, v))
            .collect();
        // Stable by name: each name's pairs stay in order; the first keeps
        // its position and takes the last value.
        crate::util::sort::sort_by(&mut all, |a, b| a.1.cmp(&b.1));
        let mut unique: Vec<(usize, String, String)> = Vec::with_capacity(all.len());
        for (i, k, v) in all {
            match unique.last_mut() {
                Some(last) if last.1 == k => last.2 = v,
                _ => unique.push((i, k, v)),
            }
        }
        crate::util::sort::sort_by(&mut unique, |a, b| a.0.cmp(&b.0));
        self.pairs = unique.into_iter().map(|(_, k, v)| (k, v)).collect();
    }

    pub(super) fn insert(&mut self, key: String, value: String) {
        match self.pairs.iter_mut().find(|(k, _)| *k == key) {
            Some(pair) => pair.1 = value,
            None => self.pairs.push((key, value)),
        }
    }

    /// Adds `key` only when it is absent: what the caller gave wins.
    pub(super) fn insert_missing(&mut self, key: &str, value: impl FnOnce() -> String) {
        if !self.contains(key) {
            self.insert(key.to_string(), value());
        }
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == key)
    }

    pub(super) fn remove(&mut self, key: &str) {
        self.pairs.retain(|(k, _)| k != key);
    }

    /// Appends `k=v&…` in insertion order, every name and value RFC 3986-encoded.
    pub(super) fn push_query(&self, out: &mut String) {
        push_pairs(out, &mut self.pairs.iter(), true);
    }

    /// `k=v&…` sorted by name (names are unique), RFC 3986-encoded.
    pub(super) fn to_sorted_query(&self) -> String {
        // Byte order, which for UTF-8 is Python's code-point order.
        join_pairs(&sorted_by_name(&self.pairs), true)
    }
}

#[cfg(test)]
mod tests {
    use super::ParamMap;

    /// Python `dict` semantics, one insert at a time: the reference.
    fn dict(pairs: &[(String, String)]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            match out.iter_mut().find(|(name, _)| name == k) {
                Some(pair) => pair.1 = v.clone(),
                None => out.push((k.clone(), v.clone())),
            }
        }
        out
    }

    #[test]
    fn both_extend_paths_keep_dict_semantics() {
        // 32 pairs take the linear path, more take the sorting one.
        for n in [0, 1, 5, 16, 32, 33, 80] {
            let pairs: Vec<(String, String)> = (0..n)
                .map(|i| (format!("k{}", (i * 7) % 11), format!("v{i}")))
                .collect();
            let (first, rest) = pairs.split_at(n / 3);
            let mut map = ParamMap::from_pairs(first.to_vec());
            map.extend(rest.to_vec());
            assert_eq!(map.pairs, dict(&pairs), "n = {n}");
        }
    }
}
