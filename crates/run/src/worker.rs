//! The worker side of `batch`: a `shinchoku` process (the hidden `worker` subcommand) that
//! converts the files the batch sends it, one at a time.
//!
//! Why a process and not a thread: a stack overflow, an abort or an allocation failure
//! ends the whole process, whatever `catch_unwind` does; in a worker process it ends only
//! the worker, and the batch reports that one file and starts a new worker. The worker
//! limits its own address space first thing at start-up (`--max-memory`), so a file that
//! would need more fails alone instead of pushing the machine into swap.
//!
//! The protocol, over the worker's stdin and stdout:
//! - request: the input path and the output path, each as a little-endian `u32` length
//!   and the path's bytes (paths need not be UTF-8);
//! - reply: one JSON line ([`Reply`]), then, when the batch asked for documents
//!   (`--send-documents`, for `--jsonl`), as many bytes of canonical JSON as the reply's
//!   `document_bytes` says.
//!
//! The worker writes the output file itself (atomically), so a document crosses the pipe
//! only when `--jsonl` needs it.

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::output::write_atomic_unsynced;
use crate::pipeline::{self, FileError, Options};

/// The environment variable that carries `--password` to workers: unlike a command-line
/// argument, a process's environment is readable by its owner only.
pub const PASSWORD_ENV: &str = "SHINCHOKU_WORKER_PASSWORD";

/// What a worker knows about the whole run (from its command line).
#[derive(Debug, Clone, Default)]
pub struct WorkerConfig {
    pub options: Options,
    pub force: bool,
    pub pretty: bool,
    /// A document without KPIs is a failure (`--require-kpis`), not written.
    pub require_kpis: bool,
    /// Send each document's canonical JSON back (the batch writes `--jsonl`).
    pub send_documents: bool,
    /// Address-space limit in bytes; `None` for none.
    pub max_memory: Option<u64>,
    /// The batch's `--timeout`: a worker whose batch died and left it running one file
    /// for much longer than this ends itself.
    pub timeout: Option<Duration>,
}

impl WorkerConfig {
    /// The worker's command-line arguments (after `worker`) for this configuration; the
    /// password goes through [`PASSWORD_ENV`] instead.
    pub fn args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(bytes) = self.max_memory {
            args.extend(["--max-memory-bytes".to_string(), bytes.to_string()]);
        }
        if let Some(t) = self.timeout {
            args.extend(["--timeout".to_string(), t.as_secs_f64().to_string()]);
        }
        if self.force {
            args.push("--force".into());
        }
        if self.pretty {
            args.push("--pretty".into());
        }
        if self.require_kpis {
            args.push("--require-kpis".into());
        }
        if self.send_documents {
            args.push("--send-documents".into());
        }
        let o = &self.options;
        if let Some(n) = o.max_pages {
            args.extend(["--max-pages".to_string(), n.to_string()]);
        }
        if let Some(b) = &o.pdf_backend {
            args.extend(["--pdf-backend".to_string(), b.clone()]);
        }
        args.extend(["--max-input-bytes".to_string(), o.max_input.to_string()]);
        args.extend(["--max-cells".to_string(), o.max_cells.to_string()]);
        args.extend(["--max-decoded-bytes".to_string(), o.max_decoded.to_string()]);
        args.extend([
            "--text-layout".to_string(),
            o.text_layout.as_str().to_string(),
        ]);
        args
    }
}

/// What became of one file, as the worker tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Reply {
    Written {
        kpis: usize,
        warnings: BTreeMap<String, usize>,
        bytes: u64,
        document_bytes: usize,
    },
    Skipped {
        bytes: u64,
        document_bytes: usize,
    },
    Failed {
        reason: String,
        bytes: u64,
    },
}

impl Reply {
    /// How many bytes of document follow the reply line.
    pub fn document_bytes(&self) -> usize {
        match self {
            Reply::Written { document_bytes, .. } | Reply::Skipped { document_bytes, .. } => {
                *document_bytes
            }
            Reply::Failed { .. } => 0,
        }
    }
}

/// Send one request.
pub fn write_request(w: &mut impl Write, input: &Path, output: &Path) -> std::io::Result<()> {
    for path in [input, output] {
        let bytes = path.as_os_str().as_bytes();
        let len = u32::try_from(bytes.len())
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidInput, "path too long"))?;
        w.write_all(&len.to_le_bytes())?;
        w.write_all(bytes)?;
    }
    w.flush()
}

/// Read one request; `None` at the end of the input (the batch is done).
fn read_request(r: &mut impl Read) -> std::io::Result<Option<(PathBuf, PathBuf)>> {
    let read_path = |r: &mut dyn Read| -> std::io::Result<Option<PathBuf>> {
        let mut len = [0u8; 4];
        match r.read_exact(&mut len) {
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
            other => other?,
        }
        let mut bytes = vec![0u8; u32::from_le_bytes(len) as usize];
        r.read_exact(&mut bytes)?;
        Ok(Some(PathBuf::from(std::ffi::OsString::from_vec(bytes))))
    };
    let Some(input) = read_path(r)? else {
        return Ok(None);
    };
    let output = read_path(r)?.ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "request cut short")
    })?;
    Ok(Some((input, output)))
}

/// Read one reply and the document that follows it; `None` when the worker's stdout
/// ended (it exited or was killed).
pub fn read_reply(r: &mut impl BufRead) -> std::io::Result<Option<(Reply, Vec<u8>)>> {
    let mut line = Vec::new();
    if r.read_until(b'\n', &mut line)? == 0 || line.last() != Some(&b'\n') {
        return Ok(None);
    }
    let reply: Reply = serde_json::from_slice(&line)?;
    let mut document = vec![0u8; reply.document_bytes()];
    r.read_exact(&mut document)?;
    Ok(Some((reply, document)))
}

/// The worker's main loop: limit memory, then convert files until stdin ends.
pub fn serve(cfg: &WorkerConfig) -> Result<(), String> {
    if let Some(bytes) = cfg.max_memory {
        limit_address_space(bytes)?;
    }
    let started = Arc::new(AtomicU64::new(0));
    if let Some(timeout) = cfg.timeout {
        watchdog(Arc::clone(&started), timeout);
    }
    let epoch = Instant::now();
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    while let Some((input, output)) = read_request(&mut stdin).map_err(|e| e.to_string())? {
        // Milliseconds since start-up, plus one so that 0 means "idle".
        started.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
        let (reply, document) = convert(&input, &output, cfg);
        started.store(0, Ordering::Relaxed);
        let mut line = serde_json::to_vec(&reply).map_err(|e| e.to_string())?;
        line.push(b'\n');
        let sent = stdout
            .write_all(&line)
            .and_then(|()| stdout.write_all(&document))
            .and_then(|()| stdout.flush());
        if sent.is_err() {
            // The batch is gone: nobody to work for.
            return Ok(());
        }
    }
    Ok(())
}

/// Set the soft and hard address-space limits of this process.
fn limit_address_space(bytes: u64) -> Result<(), String> {
    rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes)
        .map_err(|e| format!("cannot set the memory limit (--max-memory): {e}"))
}

/// End the process when one file runs far past the batch's timeout: the batch kills a
/// worker at its timeout, so this fires only when the batch itself was killed and left
/// the worker behind.
fn watchdog(started: Arc<AtomicU64>, timeout: Duration) {
    let epoch = Instant::now();
    let grace = timeout + Duration::from_secs(10);
    let _ = std::thread::Builder::new()
        .name("shinchoku-watchdog".into())
        .stack_size(64 << 10)
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            let at = started.load(Ordering::Relaxed);
            if at != 0 {
                let running = epoch
                    .elapsed()
                    .saturating_sub(Duration::from_millis(at - 1));
                if running > grace {
                    std::process::exit(3);
                }
            }
        });
}

/// Convert one file: read it (within `--max-input`), skip it when its output is up to
/// date, else extract, write the output, and return the document when asked for.
fn convert(input: &Path, output: &Path, cfg: &WorkerConfig) -> (Reply, Vec<u8>) {
    let failed = |reason: String, bytes: u64| (Reply::Failed { reason, bytes }, Vec::new());
    let bytes = match pipeline::read_input_limited(input, cfg.options.max_input) {
        Ok(b) => b,
        Err(FileError { reason, .. }) => return failed(reason, 0),
    };
    let size = bytes.len() as u64;
    let recorded = if cfg.force { None } else { recorded(output) };
    if let Some(recorded) = recorded.filter(|r| r.is_up_to_date(&bytes, cfg.pretty)) {
        if cfg.require_kpis && recorded.kpis == 0 {
            return failed(NO_KPIS_REASON.to_string(), size);
        }
        let document = if cfg.send_documents {
            match canonical_from_file(output) {
                Ok(d) => d,
                Err(e) => return failed(format!("cannot read {}: {e}", output.display()), size),
            }
        } else {
            Vec::new()
        };
        let reply = Reply::Skipped {
            bytes: size,
            document_bytes: document.len(),
        };
        return (reply, document);
    }
    let doc = match pipeline::process_bytes_caught(input, &bytes, &cfg.options) {
        Ok(doc) => doc,
        Err(FileError { reason, .. }) => return failed(reason, size),
    };
    let kpis = doc.kpis.len();
    if cfg.require_kpis && kpis == 0 {
        return failed(NO_KPIS_REASON.to_string(), size);
    }
    let mut warnings = BTreeMap::new();
    for w in &doc.warnings {
        *warnings.entry(w.code.to_string()).or_insert(0) += 1;
    }
    let canonical = match pipeline::document_json(&doc, bytes.len()) {
        Ok(json) => json,
        Err(e) => return failed(format!("cannot serialize: {e}"), size),
    };
    let written = if cfg.pretty {
        match shinchoku_writer::to_pretty_json(&doc) {
            Ok(json) => write_output(output, &json),
            Err(e) => return failed(format!("cannot serialize: {e}"), size),
        }
    } else {
        write_output(output, &canonical)
    };
    if let Err(e) = written {
        return failed(
            format!("cannot write {}: {e}", crate::escape::escape_path(output)),
            size,
        );
    }
    let document = if cfg.send_documents {
        strip_newline(canonical)
    } else {
        Vec::new()
    };
    let reply = Reply::Written {
        kpis,
        warnings,
        bytes: size,
        document_bytes: document.len(),
    };
    (reply, document)
}

fn strip_newline(mut json: Vec<u8>) -> Vec<u8> {
    if json.last() == Some(&b'\n') {
        json.pop();
    }
    json
}

/// The canonical JSON (one line) of an output file written by an earlier run.
fn canonical_from_file(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    if body.first() == Some(&b'{') && !body.contains(&b'\n') {
        // Already canonical (canonical JSON has no raw line break): copied, not parsed.
        return Ok(body.to_vec());
    }
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    shinchoku_writer::to_canonical_json(&value)
        .map(strip_newline)
        .map_err(|e| e.to_string())
}

/// Why a document without KPIs fails under `--require-kpis`.
const NO_KPIS_REASON: &str = "no KPI found (--require-kpis)";

/// What an output written by an earlier run records about how it was made.
struct Recorded {
    sha256: String,
    tool: Option<String>,
    /// Indented (`--pretty`) rather than canonical JSON on one line.
    pretty: bool,
    kpis: usize,
}

impl Recorded {
    /// True when converting `input` again would write the same bytes: the same input
    /// (sha256), the same tool version (`source.tool`) and the same form (`--pretty`).
    /// The read options (`--text-layout`, `--pdf-backend`) are compared for the whole
    /// out dir by the batch (see `crate::batch`), which converts every file when they
    /// changed.
    fn is_up_to_date(&self, input: &[u8], pretty: bool) -> bool {
        self.tool.as_deref() == Some(pipeline::TOOL)
            && self.pretty == pretty
            && self.sha256 == pipeline::sha256_hex(input)
    }
}

/// What `output` records, or `None` when it is absent or not a document.
fn recorded(output: &Path) -> Option<Recorded> {
    #[derive(serde::Deserialize)]
    struct Head {
        source: HeadSource,
        kpis: Vec<serde::de::IgnoredAny>,
    }
    #[derive(serde::Deserialize)]
    struct HeadSource {
        sha256: String,
        tool: Option<String>,
    }
    let bytes = std::fs::read(output).ok()?;
    let head = serde_json::from_slice::<Head>(&bytes).ok()?;
    let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    Some(Recorded {
        sha256: head.source.sha256,
        tool: head.source.tool,
        pretty: body.contains(&b'\n'),
        kpis: head.kpis.len(),
    })
}

fn write_output(path: &Path, json: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic_unsynced(path, json)
}
