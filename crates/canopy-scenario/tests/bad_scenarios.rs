//! Every file of the corpus `tests/bad-scenarios/` must be refused, without a panic, with a message
//! that contains each line of its sibling `.expect` file (the file name, the line, the field and
//! what is allowed).

use canopy_scenario::load_scenario;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-scenarios")
}

#[test]
fn every_bad_scenario_is_refused_with_a_located_message() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the corpus directory exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 18, "only {} corpus files", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let expect_path = file.with_extension("expect");
        let expected = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|err| panic!("{}: {err}", expect_path.display()));
        let outcome = std::panic::catch_unwind(|| load_scenario(file));
        let message = match outcome {
            Err(_) => {
                failures.push(format!("{}: panicked", file.display()));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{}: accepted", file.display()));
                continue;
            }
            Ok(Err(err)) => err.to_string(),
        };
        for needle in expected.lines().filter(|line| !line.trim().is_empty()) {
            if !message.contains(needle) {
                failures.push(format!(
                    "{}: message lacks {needle:?}\n    message: {message}",
                    file.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_expect_file_has_its_scenario() {
    for entry in std::fs::read_dir(corpus_dir()).expect("the corpus directory exists") {
        let path = entry.expect("readable directory entry").path();
        if path.extension().is_some_and(|ext| ext == "expect") {
            assert!(
                path.with_extension("toml").exists(),
                "{} has no .toml",
                path.display()
            );
        }
    }
}
