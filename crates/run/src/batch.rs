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
    /// A document without KPIs is a failure (`--require-kpis`).
    pub require_kpis: bool,
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
    /// Of `ok`: documents with at least one KPI, and documents with none (`no_kpis`).
    pub with_kpis: usize,
    pub without_kpis: usize,
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
/// its output path.
///
/// Output naming: every input argument (a file, a directory, a `--from-list` line) is a
/// *root*, named by its last path component. A directory root's files go to
/// `OUT/<root>/<path inside the root>.json`, a file root to `OUT/<file name>.json`; the
/// input's extension is kept (`c1/report.txt` → `OUT/c1/report.txt.json`), so
/// `report.pdf` and `report.xlsx` in one folder never meet. Two roots with the same
/// name (`a/c1` and `b/c1`) are told apart by a suffix on the later one, in argument
/// order: `OUT/c1/…`, `OUT/c1~2/…`. The same file reached twice (given twice, or given
/// and also found in a directory) is converted once, under its first name.
///
/// An output that would overwrite an input and an out dir that is an input directory are
/// usage errors. What a directory walk cannot use (an unreadable directory, a symbolic
/// link, a FIFO or device whose name matches `--glob`) becomes a job refused with its
/// reason, never skipped silently.
pub fn plan(cfg: &BatchConfig) -> Result<Vec<Job>, String> {
    let matcher = build_globs(&cfg.globs)?;
    let out_dir = std::fs::canonicalize(&cfg.out_dir).ok();
    let mut jobs = Vec::new();
    let mut root_names = RootNames::default();
    for input in cfg.inputs.iter().chain(cfg.listed.iter()) {
        let root = root_names.unique(input);
        if input.is_dir() {
            if out_dir.is_some() && std::fs::canonicalize(input).ok() == out_dir {
                return Err(format!(
                    "--out {} is an input directory: its outputs would overwrite or mix with \
                     the inputs; choose another directory",
                    escape_path(&cfg.out_dir)
                ));
            }
            walk(input, &matcher, &cfg.out_dir.join(&root), &mut jobs);
        } else {
            // A worker's stdin carries its requests: `-` cannot mean the batch's stdin.
            let refused = (input.as_os_str() == "-").then(|| {
                "batch does not read stdin; use extract for one report from stdin".to_string()
            });
            jobs.push(Job {
                output: cfg.out_dir.join(with_json_suffix(Path::new(&root))),
                input: input.clone(),
                refused,
            });
        }
    }
    let jobs = without_repeats(jobs);
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

/// `report.txt` → `report.txt.json`: the input's own extension stays in the name.
fn with_json_suffix(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".json");
    PathBuf::from(name)
}

/// The names given to roots so far, to make each new one unique.
#[derive(Default)]
struct RootNames {
    used: std::collections::BTreeSet<std::ffi::OsString>,
}

impl RootNames {
    /// The root's last component (`.` and `..` resolved first), with `~2`, `~3`, … added
    /// when an earlier root already has that name.
    fn unique(&mut self, input: &Path) -> std::ffi::OsString {
        let base = root_name(input);
        let mut name = base.clone();
        let mut n = 1;
        while !self.used.insert(name.clone()) {
            n += 1;
            name = base.clone();
            name.push(format!("~{n}"));
        }
        name
    }
}

fn root_name(input: &Path) -> std::ffi::OsString {
    if let Some(name) = input.file_name() {
        return name.to_os_string();
    }
    std::fs::canonicalize(input)
        .ok()
        .and_then(|p| p.file_name().map(std::ffi::OsStr::to_os_string))
        .unwrap_or_else(|| "input".into())
}

/// The jobs with every file after its first appearance removed: files are compared by
/// their canonical path (what a path cannot be resolved to is compared as written).
fn without_repeats(jobs: Vec<Job>) -> Vec<Job> {
    let mut seen = std::collections::HashSet::new();
    jobs.into_iter()
        .filter(|job| {
            let key = std::fs::canonicalize(&job.input).unwrap_or_else(|_| job.input.clone());
            seen.insert(key)
        })
        .collect()
}

/// The jobs of one input directory, sorted by path, writing under `out_root`.
fn walk(root: &Path, matcher: &globset::GlobSet, out_root: &Path, jobs: &mut Vec<Job>) {
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
            output: out_root.join(with_json_suffix(&rel)),
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

/// The options that shape a batch's outputs, recorded in the out dir
/// ([`OPTIONS_RECORD`]) at the end of each run. An output is skipped only when it is up
/// to date: its recorded input sha256, tool version (`source.tool`) and form
/// (`--pretty`) match, checked per file by the worker, and the read options of the last
/// run into this out dir are this run's, checked here. When they differ (or no run
/// recorded them) every file is converted again; the record is removed first, so a run
/// killed half-way leaves no record that a later run could wrongly trust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
struct OptionsRecord {
    tool: String,
    pretty: bool,
    text_layout: String,
    pdf_backend: Option<String>,
}

/// The file in the out dir that holds the [`OptionsRecord`] of the last run (no `.json`
/// extension: `dataset` over the out dir reads `*.json`).
pub const OPTIONS_RECORD: &str = ".shinchoku-options";

impl OptionsRecord {
    fn of(cfg: &BatchConfig) -> OptionsRecord {
        OptionsRecord {
            tool: pipeline::TOOL.to_string(),
            pretty: cfg.pretty,
            text_layout: cfg.options.text_layout.as_str().to_string(),
            pdf_backend: cfg.options.pdf_backend.clone(),
        }
    }

    /// True when the last run into `out_dir` recorded these options. Otherwise the old
    /// record is removed (best effort).
    fn matches_out_dir(&self, out_dir: &Path) -> bool {
        let path = out_dir.join(OPTIONS_RECORD);
        let recorded: Option<OptionsRecord> = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        let same = recorded.as_ref() == Some(self);
        if !same {
            let _ = std::fs::remove_file(&path);
        }
        same
    }

    fn write(&self, out_dir: &Path) -> Result<(), String> {
        let json = shinchoku_writer::to_pretty_json(self).map_err(|e| e.to_string())?;
        write_atomic(&out_dir.join(OPTIONS_RECORD), &json).map_err(|e| e.to_string())
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
    let options_record = OptionsRecord::of(cfg);
    let options_unchanged = options_record.matches_out_dir(&cfg.out_dir);
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
            force: cfg.force || !options_unchanged,
            pretty: cfg.pretty,
            require_kpis: cfg.require_kpis,
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
    // After a change of options, only a run that rewrote every output may record the new
    // ones: a file that failed or was not run still has an output made the old way.
    let all_rewritten = results
        .iter()
        .all(|r| matches!(r.outcome, Outcome::Written { .. }));
    if options_unchanged || all_rewritten {
        if let Err(e) = options_record.write(&cfg.out_dir) {
            errors.push(format!(
                "cannot record the options in {}: {e}",
                escape_path(&cfg.out_dir)
            ));
        }
    }
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
        with_kpis: 0,
        without_kpis: 0,
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
                if *kpis > 0 {
                    s.with_kpis += 1;
                } else {
                    s.without_kpis += 1;
                }
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

/// A rate for people: three significant digits at most (`0.25 files/s`, `12.3 files/s`,
/// `1520 files/s`).
pub fn files_per_second(rate: f64) -> String {
    let digits = if !rate.is_finite() || rate >= 100.0 {
        0
    } else if rate >= 10.0 {
        1
    } else {
        2
    };
    format!("{rate:.digits$} files/s")
}

/// The human summary printed at the end of a run.
pub fn render_summary(s: &Summary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} files: {} ok, {} unchanged, {} failed{}; {} with warnings; {} KPIs; {:.2} s ({})",
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
        s.seconds,
        files_per_second(if s.seconds > 0.0 {
            s.files as f64 / s.seconds
        } else {
            0.0
        })
    );
    if s.ok > 0 {
        let _ = writeln!(
            out,
            "{} converted: {} with KPIs, {} without",
            s.ok, s.with_kpis, s.without_kpis
        );
    }
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
                    "{bar:30} {pos}/{len} files  {rate}  eta {eta}  {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                // indicatif's own `{per_sec}` prints four decimals (`12.3456/s`).
                .with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{}", files_per_second(state.per_sec()));
                    },
                ),
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
            Outcome::Skipped => eprintln!(
                "skip  {file} (unchanged: its output records the same input, tool version \
                 and options; --force converts it again)"
            ),
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
