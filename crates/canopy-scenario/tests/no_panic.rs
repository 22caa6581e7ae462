//! Damaged variants of the default scenario (bytes flipped, lines dropped or repeated) must each be
//! accepted or refused with an error, never panic.

use canopy_scenario::{DEFAULT_SCENARIO_TOML, load_scenario, parse_scenario};
use std::path::Path;

/// A small fixed pseudo-random sequence (xorshift64*), so the damage is the same on every run.
struct Damage(u64);

impl Damage {
    fn next(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % bound
    }
}

#[test]
fn damaged_bytes_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("damaged.toml");
    let mut damage = Damage(0x9e37_79b9_7f4a_7c15);
    let original = DEFAULT_SCENARIO_TOML.as_bytes();
    for _ in 0..150 {
        let mut bytes = original.to_vec();
        for _ in 0..=damage.next(3) {
            let at = damage.next(bytes.len());
            match damage.next(3) {
                0 => bytes[at] = damage.next(256) as u8,
                1 => {
                    bytes.remove(at);
                }
                _ => {
                    let tokens = b"[]{}=\",.-019\n\xff";
                    bytes.insert(at, tokens[damage.next(tokens.len())]);
                }
            }
        }
        std::fs::write(&file, &bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| load_scenario(&file).map(|_| ()));
        assert!(
            outcome.is_ok(),
            "panic on {}",
            String::from_utf8_lossy(&bytes)
        );
    }
}

#[test]
fn dropped_or_repeated_lines_never_panic() {
    let lines: Vec<&str> = DEFAULT_SCENARIO_TOML.lines().collect();
    let mut damage = Damage(0x0123_4567_89ab_cdef);
    for _ in 0..150 {
        let at = damage.next(lines.len());
        let mut damaged = lines.clone();
        if damage.next(2) == 0 {
            damaged.remove(at);
        } else {
            damaged.insert(at, lines[damage.next(lines.len())]);
        }
        let text = damaged.join("\n");
        let outcome = std::panic::catch_unwind(|| {
            parse_scenario(&text, Path::new("damaged.toml")).map(|_| ())
        });
        assert!(outcome.is_ok(), "panic on line {at} of\n{text}");
    }
}
