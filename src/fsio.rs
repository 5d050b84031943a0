//! Writing files so that a reader sees them whole or not at all.
//!
//! In: paths and bytes. Out: single files written under a temporary name and renamed into
//! place ([`write_atomic`], used by `demo`), and a report's whole folder written as a set
//! ([`replace_folder`]): into a temporary sibling folder, flushed to disk, then swapped in
//! with renames, so that a reader sees the complete old set or the complete new set, never
//! a mix and never a file left over from an earlier run. [`OutputLock`] keeps two runs from
//! writing to one output folder at once.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The name of the lock file in the output folder.
pub const LOCK_FILE: &str = ".genomgang.lock";

/// Temporary folders of a run start with these names, followed by the report folder's name
/// and the process id; a later run removes any it finds.
const NEW_PREFIX: &str = ".genomgang-new-";
const OLD_PREFIX: &str = ".genomgang-old-";

/// Writes `path` through `write`, which receives the temporary path to write to.
pub fn write_atomic(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = temporary_name(path);
    let outcome = write(&tmp).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|source| Error::OutputWrite {
            path: path.to_path_buf(),
            cause: source,
        })
    });
    if outcome.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    outcome
}

fn temporary_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// An exclusive lock on an output folder, held until dropped.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Creates the output folder if needed and locks it; another run holding the lock is an
    /// error that says so.
    pub fn take(output: &Path) -> Result<OutputLock> {
        let write_error = |source| Error::OutputWrite {
            path: output.to_path_buf(),
            cause: source,
        };
        std::fs::create_dir_all(output).map_err(write_error)?;
        let path = output.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::OutputWrite {
                path: path.clone(),
                cause: source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(OutputLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(Error::OutputLocked(output.to_path_buf()))
            }
            Err(std::fs::TryLockError::Error(source)) => Err(Error::OutputWrite {
                path,
                cause: source,
            }),
        }
    }
}

/// Writes `files` (paths relative to the folder, `/` between folders) as the folder
/// `output/name`, replacing what was there as a whole. The caller holds the [`OutputLock`].
///
/// On failure the old folder is left as it was and nothing of the new one remains.
pub fn replace_folder(output: &Path, name: &str, files: &[(String, Vec<u8>)]) -> Result<()> {
    let staging = Staging::new(output, name)?;
    // Refused before anything is written, and again by the replacement.
    check_target(output, name)?;
    staging.write("", files)?;
    staging.replace(name)
}

/// A folder being written in parts, as its files are made, that replaces `output/name` as a
/// whole at the end ([`Staging::replace`]). Its files go to a temporary sibling folder and
/// are flushed to disk as they are written; dropped without replacing, it removes them. The
/// caller holds the [`OutputLock`] from before the first file until the replacement.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    replaced: bool,
}

impl Staging {
    /// An empty temporary folder in `output`, named after `tag` and this process (what
    /// earlier runs that were killed left is removed first).
    pub fn new(output: &Path, tag: &str) -> Result<Staging> {
        remove_leftovers(output);
        let dir = output.join(format!("{NEW_PREFIX}{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|source| Error::OutputWrite {
            path: dir.clone(),
            cause: source,
        })?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            replaced: false,
        })
    }

    /// Writes `files` under the sub-folder `under` (`""`: the top) and flushes them to disk,
    /// several at a time. Safe to call from several threads for different sub-folders.
    pub fn write(&self, under: &str, files: &[(String, Vec<u8>)]) -> Result<()> {
        write_folder(&self.dir.join(under), files)
    }

    /// Renames the sub-folder `from` to `to` within the folder.
    pub fn rename(&self, from: &str, to: &str) -> Result<()> {
        let target = self.dir.join(to);
        std::fs::rename(self.dir.join(from), &target).map_err(|source| Error::OutputWrite {
            path: target,
            cause: source,
        })
    }

    /// Removes the sub-folder `under` and what it holds.
    pub fn remove(&self, under: &str) {
        let _ = std::fs::remove_dir_all(self.dir.join(under));
    }

    /// Puts the folder in place of `output/name`, as a whole; on failure the old folder is
    /// left as it was and nothing of the new one remains.
    pub fn replace(mut self, name: &str) -> Result<()> {
        check_target(&self.output, name)?;
        sync_folder(&self.dir);
        swap_in(&self.output, name, &self.dir)?;
        self.replaced = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.replaced {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Refuses a target that is not a folder, or (on Windows) holds a file another program has
/// open, before anything is moved.
fn check_target(output: &Path, name: &str) -> Result<()> {
    let target = output.join(name);
    if std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::OutputNotAFolder { path: target });
    }
    if let Some(path) = file_held_open(&target) {
        return Err(Error::ReportFileOpen { path });
    }
    Ok(())
}

/// The first file under `folder` that another program holds open, asked before anything is
/// written. On Windows a workbook open in Excel cannot be deleted or renamed, and neither can
/// its folder; a file opened here with no sharing at all fails while any other program holds
/// it. (Windows refuses the folder's rename too, but not every file system that emulates it
/// does: wine lets it through.) Elsewhere open files do not block a replacement: `None`.
fn file_held_open(folder: &Path) -> Option<PathBuf> {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const SHARING_VIOLATION: i32 = 32;
        const LOCK_VIOLATION: i32 = 33;
        walkdir::WalkDir::new(folder)
            .into_iter()
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .find(|path| {
                std::fs::OpenOptions::new()
                    .read(true)
                    .share_mode(0)
                    .open(path)
                    .err()
                    .and_then(|e| e.raw_os_error())
                    .is_some_and(|code| code == SHARING_VIOLATION || code == LOCK_VIOLATION)
            })
    }
    #[cfg(not(windows))]
    {
        let _ = folder;
        None
    }
}

/// Removes what earlier runs that were killed before they finished left: their temporary
/// folders, and anything else under those names (a file, a link), whatever it is.
fn remove_leftovers(output: &Path) {
    let Ok(entries) = std::fs::read_dir(output) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(NEW_PREFIX) || name.starts_with(OLD_PREFIX) {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => {
                    let _ = std::fs::remove_dir_all(&path);
                }
                _ => {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
    }
}

fn write_folder(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::OutputWrite {
            path,
            cause: source,
        }
    };
    std::fs::create_dir_all(dir).map_err(fail(dir))?;
    let mut folders = vec![dir.to_path_buf()];
    for (relative, _) in files {
        if let Some(parent) = dir.join(relative).parent()
            && !folders.iter().any(|f| f == parent)
        {
            std::fs::create_dir_all(parent).map_err(fail(parent))?;
            folders.push(parent.to_path_buf());
        }
    }
    on_writers(files, |(relative, bytes)| {
        let path = dir.join(relative);
        let mut file = File::create(&path).map_err(fail(&path))?;
        std::io::Write::write_all(&mut file, bytes).map_err(fail(&path))?;
        file.sync_all().map_err(fail(&path))
    })?;
    folders.reverse();
    on_writers(&folders, |folder| {
        sync_folder(folder);
        Ok(())
    })
}

/// Threads that write and flush files at once. Flushing a file waits for the disk, not the
/// processor, so more threads than cores help: the city's compilation of thirty reports
/// (about 500 files) took 0.35 s to write one file after another.
const WRITERS: usize = 8;

/// Runs `write` on every item, [`WRITERS`] at a time; the error of the first item (in the
/// items' order) that failed, if any, so that the same failure is always the one named.
fn on_writers<T: Sync>(items: &[T], write: impl Fn(&T) -> Result<()> + Sync) -> Result<()> {
    crate::parallel::map_in_order(items.len(), WRITERS, |i| write(&items[i]))
        .into_iter()
        .collect()
}

/// Renames `output/name` aside, `new` into its place, and removes the old one. If the second
/// rename fails the old folder is put back.
fn swap_in(output: &Path, name: &str, new: &Path) -> Result<()> {
    let target = output.join(name);
    let old = output.join(format!("{OLD_PREFIX}{name}-{}", std::process::id()));
    let had_old = target.exists();
    if had_old {
        std::fs::rename(&target, &old).map_err(|source| Error::OutputInUse {
            path: target.clone(),
            cause: source,
        })?;
    }
    if let Err(source) = std::fs::rename(new, &target) {
        if had_old {
            let _ = std::fs::rename(&old, &target);
        }
        return Err(Error::OutputInUse {
            path: target,
            cause: source,
        });
    }
    sync_folder(output);
    if had_old {
        remove_soon(&old);
    }
    Ok(())
}

/// Removes the old report folder, trying again for a moment: on Windows a virus scanner or
/// the search indexer may still hold a file just written or renamed, and under wine a
/// removal right after a rename sometimes fails once. What stays is removed by the next run.
fn remove_soon(folder: &Path) {
    for attempt in 0..5u64 {
        if std::fs::remove_dir_all(folder).is_ok() || !folder.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(40 * (attempt + 1)));
    }
}

/// Flushes a folder's entries to disk where the system allows it (not on Windows).
fn sync_folder(dir: &Path) {
    if let Ok(f) = File::open(dir) {
        let _ = f.sync_all();
    }
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
    }

    #[test]
    fn a_folder_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let _lock = OutputLock::take(out).unwrap();
        let set = |names: &[&str]| -> Vec<(String, Vec<u8>)> {
            names
                .iter()
                .map(|n| (n.to_string(), n.as_bytes().to_vec()))
                .collect()
        };
        replace_folder(out, "2025", &set(&["a.json", "diagram/x.svg"])).unwrap();
        // Leftovers of killed runs, of every kind, are cleaned up by the next run.
        std::fs::create_dir_all(out.join(".genomgang-new-2025-1")).unwrap();
        std::fs::write(out.join(".genomgang-old-2025-2"), "a file").unwrap();
        replace_folder(out, "2025", &set(&["a.json"])).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [LOCK_FILE, "2025"]);
        assert!(!out.join("2025/diagram").exists(), "an old chart was left");
        assert_eq!(std::fs::read(out.join("2025/a.json")).unwrap(), b"a.json");
    }

    #[test]
    fn a_file_in_place_of_the_report_folder_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("2025"), "not ours").unwrap();
        let e = replace_folder(out, "2025", &[("a.json".into(), b"{}".to_vec())]).unwrap_err();
        assert!(matches!(e, Error::OutputNotAFolder { .. }), "{e}");
        assert!(e.to_string().contains("is a file, not a folder"), "{e}");
        assert_eq!(std::fs::read(out.join("2025")).unwrap(), b"not ours");
        let names: Vec<_> = std::fs::read_dir(out).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary folder is left");
    }

    #[test]
    fn a_second_run_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::take(dir.path()).unwrap();
        let second = OutputLock::take(dir.path()).unwrap_err();
        assert!(
            second.to_string().contains("another genomgang run"),
            "{second}"
        );
        drop(first);
        OutputLock::take(dir.path()).unwrap();
    }
}
