//! Seeded, portable random streams: one per replication and per entity or process.
//!
//! A stream is keyed by the master seed, the replication number, a domain name (what the stream
//! is for, e.g. `"kill"`) and a stable entity key (a hash of the entity's id string, never its
//! position in a file). The key is mixed with FNV-1a and SplitMix64, both fixed algorithms, into the
//! seed of a ChaCha8 generator, which `rand_chacha` documents as portable and reproducible.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The generator every stochastic process of the simulation draws from.
pub type RngStream = ChaCha8Rng;

/// Identifies one random stream: master seed, replication, domain and entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamKey {
    /// The run's master seed.
    pub master_seed: u64,
    /// The replication number (0 for a single run).
    pub replication: u64,
}

impl StreamKey {
    /// The key of replication `replication` under `master_seed`.
    pub fn new(master_seed: u64, replication: u64) -> Self {
        StreamKey {
            master_seed,
            replication,
        }
    }

    /// The stream for one process (`domain`) of one entity (`entity`, a stable id string).
    pub fn stream(&self, domain: &str, entity: &str) -> RngStream {
        let mut state = splitmix64(self.master_seed ^ 0x243f_6a88_85a3_08d3);
        state = splitmix64(state ^ self.replication);
        state = splitmix64(state ^ fnv1a(domain.as_bytes()));
        state = splitmix64(state ^ fnv1a(entity.as_bytes()));
        RngStream::seed_from_u64(state)
    }
}

/// FNV-1a, 64-bit: a fixed, portable hash of a byte string.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    #[test]
    fn fnv1a_matches_published_vectors() {
        // Test vectors of the FNV reference (draft-eastlake-fnv): "" and "a".
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn same_key_same_stream_other_key_other_stream() {
        let key = StreamKey::new(42, 0);
        let a: Vec<u64> = (0..4)
            .map(|_| 0)
            .scan(key.stream("kill", "T1"), |r, _| Some(r.random()))
            .collect();
        let b: Vec<u64> = (0..4)
            .map(|_| 0)
            .scan(key.stream("kill", "T1"), |r, _| Some(r.random()))
            .collect();
        let c: Vec<u64> = (0..4)
            .map(|_| 0)
            .scan(key.stream("kill", "T2"), |r, _| Some(r.random()))
            .collect();
        let d: Vec<u64> = (0..4)
            .map(|_| 0)
            .scan(StreamKey::new(42, 1).stream("kill", "T1"), |r, _| {
                Some(r.random())
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
    }
}
