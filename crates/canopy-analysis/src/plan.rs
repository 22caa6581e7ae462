//! Which replications a machine runs: the shard's slice of `0..runs`, cut into batches aligned to
//! absolute replication numbers so that parts written by any shard layout line up.

use std::ops::Range;

/// One of `count` disjoint slices of the replications (`index` is 1-based), for a cluster job array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, from 1 to `count`.
    pub index: u64,
    /// How many slices.
    pub count: u64,
}

impl Shard {
    /// The whole run as one slice.
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };

    /// Parses `K/N` with `1 <= K <= N`.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("shard {text:?} is not K/N with 1 <= K <= N (for example 2/8)");
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// The replications of this slice: `[floor((K-1)·runs/N), floor(K·runs/N))`. The slices of
    /// `1/N` to `N/N` are disjoint and together cover `0..runs`.
    pub fn range(&self, runs: u64) -> Range<u64> {
        let cut = |k: u64| ((u128::from(k) * u128::from(runs)) / u128::from(self.count)) as u64;
        cut(self.index - 1)..cut(self.index)
    }

    /// `K/N`.
    pub fn label(&self) -> String {
        format!("{}/{}", self.index, self.count)
    }
}

/// The batches of `range`: `[b·size, (b+1)·size)` clipped to the range, in order.
pub fn batches(range: Range<u64>, size: u64) -> Vec<Range<u64>> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let end = ((start / size + 1) * size).min(range.end);
        out.push(start..end);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_replications() {
        for runs in [0, 1, 7, 1000] {
            for count in 1..=5 {
                let mut next = 0;
                for index in 1..=count {
                    let range = Shard { index, count }.range(runs);
                    assert_eq!(range.start, next);
                    next = range.end;
                }
                assert_eq!(next, runs);
            }
        }
        assert_eq!(Shard::parse("2/3").unwrap().range(10), 3..6);
    }

    #[test]
    fn bad_shards_are_refused() {
        for text in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(Shard::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn batches_align_to_absolute_numbers() {
        assert_eq!(batches(5..23, 10), vec![5..10, 10..20, 20..23]);
        assert!(batches(4..4, 10).is_empty());
    }
}
