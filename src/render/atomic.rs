//! Writing a file so that it is either complete or absent.
//!
//! In: the final path and a function that writes to a given path. Out: the file, written
//! under a temporary name in the same folder and renamed into place; on failure the temporary
//! file is removed and the old file, if any, is left as it was.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `path` through `write`, which receives the temporary path to write to.
pub fn write_atomic(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = temporary_name(path);
    let outcome = write(&tmp).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|source| Error::OutputWrite {
            path: path.to_path_buf(),
            source,
        })
    });
    if outcome.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    outcome
}

/// Writes bytes to `path` atomically.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic(path, |tmp| {
        std::fs::write(tmp, bytes).map_err(|source| Error::OutputWrite {
            path: path.to_path_buf(),
            source,
        })
    })
}

fn temporary_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "old").unwrap();
        let r = write_atomic(&path, |tmp| {
            std::fs::write(tmp, "half").unwrap();
            Err(Error::Argument("interrupted".into()))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_bytes(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
