//! Whole-file writes: a temporary file beside the target, then a rename.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::OutputError;

/// Writes `bytes` to `path` whole: into `path` + `.tmp` first, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let error = |error| OutputError::Io {
        path: path.display().to_string(),
        error,
    };
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = Path::new(&temporary);
    let mut file = fs::File::create(temporary).map_err(error)?;
    file.write_all(bytes).map_err(error)?;
    file.sync_all().map_err(error)?;
    drop(file);
    fs::rename(temporary, path).map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert!(!dir.path().join("out.json.tmp").exists());
    }

    #[test]
    fn reports_the_path_it_could_not_write() {
        let path = Path::new("/nonexistent-directory-for-canopy/out.json");
        let message = write_atomic(path, b"x").unwrap_err().to_string();
        assert!(
            message.contains("nonexistent-directory-for-canopy/out.json"),
            "{message}"
        );
    }

    #[test]
    fn a_refused_write_names_the_file_and_says_why_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder/sub/out.json");
        let error = write_atomic(&path, b"{}").expect_err("the folder does not exist");
        let message = error.to_string();
        assert!(message.starts_with("cannot write "), "{message}");
        assert!(message.contains("out.json"), "{message}");
        // the OS error is in the message, so it is not chained again as a cause
        assert!(std::error::Error::source(&error).is_none(), "{message}");
    }
}
