//! Writing results: atomically to files (never a half-written file), or to stdout.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` through a temporary file in the same directory and a rename,
/// so readers see either the old file or the whole new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_whole(path, bytes, true)
}

/// [`write_atomic`] without the fsync: still never a half-written file for a reader (the
/// rename is atomic), but not forced to disk. For `batch`'s per-document outputs: an fsync
/// per file made the workers wait on the journal (a quarter of the wall time with one job,
/// and the jobs queue behind one another), and an output damaged by a power cut does not
/// parse, so the next incremental run converts its input again.
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_whole(path, bytes, false)
}

fn write_whole(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let mut out = OutputFile::create(path)?;
    out.file_mut().write_all(bytes)?;
    out.sync = sync;
    out.commit()
}

/// An output being written: a temporary file renamed over the target on [`commit`], or,
/// when the target is a device, FIFO or socket (`-o /dev/null`, a named pipe), the target
/// itself. Renaming over a special file would replace it with a regular file: done to
/// `/dev/null`, every later reader of `/dev/null` got our output back.
///
/// [`commit`]: OutputFile::commit
pub struct OutputFile {
    target: Target,
    /// fsync the temporary file before the rename (the default).
    pub sync: bool,
}

enum Target {
    Replace {
        tmp: tempfile::NamedTempFile,
        path: std::path::PathBuf,
    },
    Direct(std::fs::File),
}

impl OutputFile {
    pub fn create(path: &Path) -> std::io::Result<OutputFile> {
        // `metadata` follows symlinks: a link to /dev/null is written through as well.
        let target = match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                Target::Direct(std::fs::OpenOptions::new().write(true).open(path)?)
            }
            _ => Target::Replace {
                tmp: temp_beside(path)?,
                path: path.to_path_buf(),
            },
        };
        Ok(OutputFile { target, sync: true })
    }

    pub fn file_mut(&mut self) -> &mut std::fs::File {
        match &mut self.target {
            Target::Replace { tmp, .. } => tmp.as_file_mut(),
            Target::Direct(file) => file,
        }
    }

    /// Make the output visible: sync and rename the temporary file over the target.
    /// Dropped without a commit, a temporary file is deleted and the target left alone.
    pub fn commit(self) -> std::io::Result<()> {
        match self.target {
            Target::Replace { tmp, path } => {
                if self.sync {
                    tmp.as_file().sync_all()?;
                }
                tmp.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
            Target::Direct(mut file) => file.flush(),
        }
    }
}

/// Temporary files are created owner-only (0600); an output should get the permissions
/// an ordinary file would: those of the file it replaces, else 0644.
#[cfg(unix)]
fn set_ordinary_permissions(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(target)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0o644);
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_ordinary_permissions(_file: &std::fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

/// A temporary file beside `path` for an atomic replace, with ordinary permissions.
pub fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".shinchoku-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    set_ordinary_permissions(tmp.as_file(), path)?;
    Ok(tmp)
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// Temporary files older than this are left over from a run that was killed (`kill -9`
/// skips the clean-up); younger ones may belong to a run that is writing right now.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Remove the `.shinchoku-*.tmp` files that killed runs left in `dir` and below; returns
/// how many. Best effort: what cannot be removed stays.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let now = std::time::SystemTime::now();
    let stale = |entry: &walkdir::DirEntry| {
        let name = entry.file_name().to_string_lossy();
        entry.file_type().is_file()
            && name.starts_with(".shinchoku-")
            && name.ends_with(".tmp")
            && entry
                .metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > STALE_AFTER)
    };
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(stale)
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}
