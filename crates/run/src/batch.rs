//! `shinchoku batch`: many inputs to many documents, in parallel, each file isolated.
//!
//! Files are converted by worker processes (`shinchoku worker`, see [`crate::worker`] and
//! [`crate::pool`]), `--jobs` at a time: a crash, an abort, running out of memory or
//! running past `--timeout` in one file is reported for that file and the run goes on.
//! Workers write one output per input (atomically) as they finish, so memory stays flat
//! whatever the corpus size; the JSON Lines stream and the summary are assembled
//! afterwards in input order, so output never depends on `--jobs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::escape::{escape, escape_path};
use crate::output::write_atomic;
use crate::pipeline::{self, Options};
use crate::pool::{Slot, WorkerSpec};
use crate::worker::{Reply, WorkerConfig};

/// Everything `batch` needs, already validated by the binary.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    pub inputs: Vec<PathBuf>,
    /// Paths read from `--from-list` (already expanded).
    pub listed: Vec<PathBuf>,
    pub out_dir: PathBuf,
    /// File-name globs that select files inside directories (`*.pdf`, `*.txt` and the office formats by default).
    pub globs: Vec<String>,
    pub jobs: usize,
    pub timeout: Duration,
    pub jsonl: Option<PathBuf>,
    pub summary_json: Option<PathBuf>,
    pub force: bool,
    pub fail_fast: bool,
    pub pretty: bool,
    pub quiet: bool,
    pub progress_bar: bool,
    pub options: Options,
    /// The executable started as `shinchoku worker` (`std::env::current_exe()`).
    pub worker_exe: PathBuf,
    /// Address-space limit of each worker, in bytes (`--max-memory`).
    pub max_memory: Option<u64>,
    /// Files a worker converts before a fresh one replaces it (`None`: until it fails).
    pub files_per_worker: Option<usize>,
}

/// One input and where its document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    pub output: PathBuf,
    /// Why the job is not run (found by the directory walk), reported as its failure.
    pub refused: Option<String>,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Written {
        kpis: usize,
        warnings: BTreeMap<String, usize>,
    },
    Skipped,
    Failed(String),
    /// Not started because `--fail-fast` stopped the run.
    NotRun,
}

#[derive(Debug, Clone)]
pub struct FileResult {
    pub job: Job,
    pub outcome: Outcome,
    pub seconds: f64,
    pub bytes: u64,
    /// Where this file's document is in the `--jsonl` spool.
    pub document: Option<std::ops::Range<u64>>,
}

/// The end-of-run report (`--summary-json`).
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub files: usize,
    pub ok: usize,
    pub skipped: usize,
    pub failed: usize,
    pub not_run: usize,
    pub with_warnings: usize,
    pub kpis: usize,
    pub warnings_by_code: BTreeMap<String, usize>,
    pub failures: Vec<FailureLine>,
    pub slowest: Vec<Timing>,
    pub seconds: f64,
    pub input_bytes: u64,
    /// Failures of the run itself (`--jsonl` or `--summary-json` not written).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FailureLine {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    pub file: String,
    pub seconds: f64,
}

/// Expand files, directories (recursively, sorted) and listed paths into jobs, each with
/// its output path. Two inputs that would write the same output, an output that would
/// overwrite an input, and an out dir that is an input directory are usage errors. What a
/// directory walk cannot use (an unreadable directory, a symbolic link, a FIFO or device
/// whose name matches `--glob`) becomes a job refused with its reason, never skipped
/// silently.
pub fn plan(cfg: &BatchConfig) -> Result<Vec<Job>, String> {
    let matcher = build_globs(&cfg.globs)?;
    let out_dir = std::fs::canonicalize(&cfg.out_dir).ok();
    let mut jobs = Vec::new();
    for input in cfg.inputs.iter().chain(cfg.listed.iter()) {
        if input.is_dir() {
            if out_dir.is_some() && std::fs::canonicalize(input).ok() == out_dir {
                return Err(format!(
                    "--out {} is an input directory: its outputs would overwrite or mix with \
                     the inputs; choose another directory",
                    escape_path(&cfg.out_dir)
                ));
            }
            walk(input, &matcher, &cfg.out_dir, &mut jobs);
        } else {
            let name = Path::new(input.file_name().unwrap_or(input.as_os_str()));
            // A worker's stdin carries its requests: `-` cannot mean the batch's stdin.
            let refused = (input.as_os_str() == "-").then(|| {
                "batch does not read stdin; use extract for one report from stdin".to_string()
            });
            jobs.push(Job {
                output: cfg.out_dir.join(name.with_extension("json")),
                input: input.clone(),
                refused,
            });
        }
    }
    let mut seen: BTreeMap<&Path, &Path> = BTreeMap::new();
    for job in &jobs {
        if let Some(first) = seen.insert(&job.output, &job.input) {
            return Err(format!(
                "{} and {} would both write {}; rename one or convert them in separate runs",
                escape_path(first),
                escape_path(&job.input),
                escape_path(&job.output)
            ));
        }
    }
    let inputs: std::collections::BTreeSet<&Path> =
        jobs.iter().map(|j| j.input.as_path()).collect();
    if let Some(job) = jobs.iter().find(|j| inputs.contains(j.output.as_path())) {
        return Err(format!(
            "the output of {} would overwrite the input {}; choose another --out",
            escape_path(&job.input),
            escape_path(&job.output)
        ));
    }
    Ok(jobs)
}

/// The jobs of one input directory, sorted by path.
fn walk(root: &Path, matcher: &globset::GlobSet, out_dir: &Path, jobs: &mut Vec<Job>) {
    let mut found: Vec<(PathBuf, Option<String>)> = Vec::new();
    for entry in walkdir::WalkDir::new(root).follow_links(false) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let reason = match e.io_error() {
                    Some(io) => format!("cannot read directory: {}", pipeline::io_reason(io)),
                    None => format!("cannot read directory: {e}"),
                };
                found.push((path, Some(reason)));
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !matcher.is_match(entry.file_name()) {
            continue;
        }
        let refused = if kind.is_file() {
            None
        } else if kind.is_symlink() {
            Some("a symbolic link; links inside directories are not followed".to_string())
        } else {
            Some("not a regular file (a FIFO, socket or device)".to_string())
        };
        found.push((entry.into_path(), refused));
    }
    found.sort();
    for (path, refused) in found {
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        jobs.push(Job {
            output: out_dir.join(rel.with_extension("json")),
            input: path,
            refused,
        });
    }
}

fn build_globs(globs: &[String]) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        let glob = globset::GlobBuilder::new(g)
            .case_insensitive(true)
            .build()
            .map_err(|e| format!("bad --glob {g:?}: {e}"))?;
        b.add(glob);
    }
    b.build().map_err(|e| e.to_string())
}

/// Turn a worker's reply (or the reason it has none) into a result.
fn file_result(job: &Job, reply: Result<Reply, String>, started: Instant) -> FileResult {
    let (outcome, bytes) = match reply {
        Ok(Reply::Written {
            kpis,
            warnings,
            bytes,
            ..
        }) => (Outcome::Written { kpis, warnings }, bytes),
        Ok(Reply::Skipped { bytes, .. }) => (Outcome::Skipped, bytes),
        Ok(Reply::Failed { reason, bytes }) => (Outcome::Failed(reason), bytes),
        Err(reason) => (Outcome::Failed(reason), 0),
    };
    result(job, outcome, started, bytes)
}

fn result(job: &Job, outcome: Outcome, started: Instant, bytes: u64) -> FileResult {
    FileResult {
        job: job.clone(),
        outcome,
        seconds: started.elapsed().as_secs_f64(),
        bytes,
        document: None,
    }
}

/// Documents for `--jsonl`, kept in an unnamed temporary file in the out dir as workers
/// send them (in completion order) and copied out in input order at the end: the JSON
/// Lines come from this run's own results, never from re-reading the out dir, which
/// another run may be writing too.
struct Spool {
    file: std::fs::File,
    len: u64,
}

impl Spool {
    fn add(&mut self, document: &[u8]) -> std::io::Result<std::ops::Range<u64>> {
        use std::io::Write;
        self.file.write_all(document)?;
        let start = self.len;
        self.len += document.len() as u64;
        Ok(start..self.len)
    }
}

/// Run the whole batch. Returns the per-file results in input order and the summary.
/// Each file is converted in a worker process ([`crate::pool`]); `jobs` workers run at
/// once. A failure to write `--jsonl` or `--summary-json` is reported in the summary's
/// `errors`, after every file was converted.
pub fn run(cfg: &BatchConfig, jobs: &[Job]) -> Result<(Vec<FileResult>, Summary), String> {
    let started = Instant::now();
    std::fs::create_dir_all(&cfg.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", escape_path(&cfg.out_dir)))?;
    crate::output::remove_stale_temporaries(&cfg.out_dir);
    let spool = match &cfg.jsonl {
        Some(_) => Some(Mutex::new(Spool {
            file: tempfile::tempfile_in(&cfg.out_dir)
                .map_err(|e| format!("cannot create a temporary file: {e}"))?,
            len: 0,
        })),
        None => None,
    };
    let spec = WorkerSpec {
        exe: cfg.worker_exe.clone(),
        config: WorkerConfig {
            options: cfg.options.clone(),
            force: cfg.force,
            pretty: cfg.pretty,
            send_documents: spool.is_some(),
            max_memory: cfg.max_memory,
            timeout: Some(cfg.timeout),
        },
        files_per_worker: cfg.files_per_worker,
    };
    let progress = Progress::new(cfg, jobs.len());
    let stop = AtomicBool::new(false);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, FileResult)>> = Mutex::new(Vec::with_capacity(jobs.len()));
    let slots = cfg.jobs.max(1).min(jobs.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..slots {
            scope.spawn(|| {
                let mut slot = Slot::new(&spec);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let file_started = Instant::now();
                    let mut r = if stop.load(Ordering::Relaxed) {
                        result(job, Outcome::NotRun, file_started, 0)
                    } else if let Some(reason) = &job.refused {
                        result(job, Outcome::Failed(reason.clone()), file_started, 0)
                    } else {
                        let converted = slot.convert(&job.input, &job.output, cfg.timeout);
                        let (reply, document) = match converted {
                            Ok((reply, document)) => (Ok(reply), document),
                            Err(reason) => (Err(reason), Vec::new()),
                        };
                        let mut r = file_result(job, reply, file_started);
                        if let Some(spool) = &spool {
                            if !document.is_empty() {
                                let added = spool
                                    .lock()
                                    .map_err(|_| std::io::Error::other("spool lock"))
                                    .and_then(|mut s| s.add(&document));
                                match added {
                                    Ok(range) => r.document = Some(range),
                                    Err(e) => {
                                        r.outcome = Outcome::Failed(format!(
                                            "cannot keep the document for --jsonl: {e}"
                                        ));
                                    }
                                }
                            }
                        }
                        r
                    };
                    if cfg.fail_fast && matches!(r.outcome, Outcome::Failed(_)) {
                        stop.store(true, Ordering::Relaxed);
                    }
                    progress.file_done(&r);
                    r.seconds = file_started.elapsed().as_secs_f64();
                    if let Ok(mut d) = done.lock() {
                        d.push((i, r));
                    }
                }
            });
        }
    });
    progress.finish();
    let mut done = done
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_key(|(i, _)| *i);
    let results: Vec<FileResult> = done.into_iter().map(|(_, r)| r).collect();
    let mut errors = Vec::new();
    if let (Some(path), Some(spool)) = (&cfg.jsonl, spool) {
        let spool = spool
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(e) = write_jsonl(path, &results, spool.file) {
            errors.push(format!("cannot write {}: {e}", escape_path(path)));
        }
    }
    let mut summary = summarize(&results, started.elapsed().as_secs_f64());
    if let Some(path) = &cfg.summary_json {
        summary.errors.clone_from(&errors);
        let written = shinchoku_writer::to_pretty_json(&summary)
            .map_err(|e| e.to_string())
            .and_then(|json| write_atomic(path, &json).map_err(|e| e.to_string()));
        if let Err(e) = written {
            errors.push(format!("cannot write {}: {e}", escape_path(path)));
        }
    }
    summary.errors = errors;
    Ok((results, summary))
}

/// One document a line, in input order, copied from the spool.
fn write_jsonl(
    path: &Path,
    results: &[FileResult],
    mut spool: std::fs::File,
) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut out = crate::output::OutputFile::create(path)?;
    {
        let mut w = std::io::BufWriter::new(out.file_mut());
        let mut buf = Vec::new();
        for range in results.iter().filter_map(|r| r.document.clone()) {
            spool.seek(SeekFrom::Start(range.start))?;
            buf.clear();
            (&mut spool)
                .take(range.end - range.start)
                .read_to_end(&mut buf)?;
            w.write_all(&buf)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    out.commit()
}

fn summarize(results: &[FileResult], seconds: f64) -> Summary {
    let mut s = Summary {
        files: results.len(),
        ok: 0,
        skipped: 0,
        failed: 0,
        not_run: 0,
        with_warnings: 0,
        kpis: 0,
        warnings_by_code: BTreeMap::new(),
        failures: Vec::new(),
        slowest: Vec::new(),
        seconds,
        input_bytes: results.iter().map(|r| r.bytes).sum(),
        errors: Vec::new(),
    };
    for r in results {
        match &r.outcome {
            Outcome::Written { kpis, warnings } => {
                s.ok += 1;
                s.kpis += kpis;
                if !warnings.is_empty() {
                    s.with_warnings += 1;
                }
                for (code, n) in warnings {
                    *s.warnings_by_code.entry(code.clone()).or_insert(0) += n;
                }
            }
            Outcome::Skipped => s.skipped += 1,
            Outcome::Failed(reason) => {
                s.failed += 1;
                s.failures.push(FailureLine {
                    file: r.job.input.display().to_string(),
                    reason: reason.clone(),
                });
            }
            Outcome::NotRun => s.not_run += 1,
        }
    }
    let mut timed: Vec<&FileResult> = results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Written { .. } | Outcome::Failed(_)))
        .collect();
    timed.sort_by(|a, b| b.seconds.total_cmp(&a.seconds));
    s.slowest = timed
        .iter()
        .take(5)
        .map(|r| Timing {
            file: r.job.input.display().to_string(),
            seconds: (r.seconds * 1000.0).round() / 1000.0,
        })
        .collect();
    s
}

/// The human summary printed at the end of a run.
pub fn render_summary(s: &Summary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} files: {} ok, {} unchanged, {} failed{}; {} with warnings; {} KPIs; {:.2} s",
        s.files,
        s.ok,
        s.skipped,
        s.failed,
        if s.not_run > 0 {
            format!(", {} not run (--fail-fast)", s.not_run)
        } else {
            String::new()
        },
        s.with_warnings,
        s.kpis,
        s.seconds
    );
    if !s.warnings_by_code.is_empty() {
        let parts: Vec<String> = s
            .warnings_by_code
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        let _ = writeln!(out, "warnings: {}", parts.join(", "));
    }
    if !s.slowest.is_empty() {
        let parts: Vec<String> = s
            .slowest
            .iter()
            .map(|t| format!("{} {:.2} s", escape(&t.file), t.seconds))
            .collect();
        let _ = writeln!(out, "slowest: {}", parts.join(", "));
    }
    for e in &s.errors {
        let _ = writeln!(out, "error: {}", escape(e));
    }
    if !s.failures.is_empty() {
        let _ = writeln!(out, "failed:");
        for f in &s.failures {
            let _ = writeln!(out, "  error: {}: {}", escape(&f.file), escape(&f.reason));
        }
    }
    out
}

/// Progress on stderr: a bar on a terminal, one line per file otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    failures: std::sync::atomic::AtomicUsize,
}

impl Progress {
    fn new(cfg: &BatchConfig, total: usize) -> Progress {
        let bar = (cfg.progress_bar && !cfg.quiet).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} files  {per_sec}  eta {eta}  {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            quiet: cfg.quiet,
            failures: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn file_done(&self, r: &FileResult) {
        if matches!(r.outcome, Outcome::Failed(_)) {
            self.failures.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            let failed = self.failures.load(Ordering::Relaxed);
            if failed > 0 {
                bar.set_message(format!("{failed} failed"));
            }
            return;
        }
        if self.quiet {
            return;
        }
        let file = escape_path(&r.job.input);
        match &r.outcome {
            Outcome::Written { kpis, warnings } => eprintln!(
                "ok    {file} ({kpis} KPIs, {} warnings, {:.2} s)",
                warnings.values().sum::<usize>(),
                r.seconds
            ),
            Outcome::Skipped => eprintln!("skip  {file} (unchanged)"),
            Outcome::Failed(reason) => eprintln!("error: {file}: {}", escape(reason)),
            Outcome::NotRun => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
