//! `shinchoku batch`: many inputs to many documents, in parallel, each file isolated.
//!
//! Files are processed on a rayon pool; each in its own thread so a per-file timeout can
//! turn a hang into an error. Results are written one file per input (atomically) as they
//! finish, so memory stays flat whatever the corpus size; the JSON Lines stream and the
//! summary are assembled afterwards in input order, so output never depends on `--jobs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::output::{write_atomic, write_atomic_unsynced};

use crate::pipeline::{self, FileError, Options};

/// Everything `batch` needs, already validated by the binary.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    pub inputs: Vec<PathBuf>,
    /// Paths read from `--from-list` (already expanded).
    pub listed: Vec<PathBuf>,
    pub out_dir: PathBuf,
    /// File-name globs that select files inside directories (`*.pdf`, `*.txt` by default).
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
}

/// One input and where its document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    pub output: PathBuf,
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
/// its output path. Two inputs that would write the same output are a usage error.
pub fn plan(cfg: &BatchConfig) -> Result<Vec<Job>, String> {
    let matcher = build_globs(&cfg.globs)?;
    let mut jobs = Vec::new();
    for input in cfg.inputs.iter().chain(cfg.listed.iter()) {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .follow_links(false)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| p.file_name().is_some_and(|n| matcher.is_match(n)))
                .collect();
            found.sort();
            for path in found {
                let rel = path.strip_prefix(input).unwrap_or(&path).to_path_buf();
                jobs.push(Job {
                    output: cfg.out_dir.join(rel.with_extension("json")),
                    input: path,
                });
            }
        } else {
            let name = Path::new(input.file_name().unwrap_or(input.as_os_str()));
            jobs.push(Job {
                output: cfg.out_dir.join(name.with_extension("json")),
                input: input.clone(),
            });
        }
    }
    let mut seen: BTreeMap<&Path, &Path> = BTreeMap::new();
    for job in &jobs {
        if let Some(first) = seen.insert(&job.output, &job.input) {
            return Err(format!(
                "{} and {} would both write {}; rename one or convert them in separate runs",
                first.display(),
                job.input.display(),
                job.output.display()
            ));
        }
    }
    Ok(jobs)
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

/// True when `output` holds a document whose recorded source sha256 is `sha256`.
fn is_up_to_date(output: &Path, sha256: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        source: HeadSource,
    }
    #[derive(serde::Deserialize)]
    struct HeadSource {
        sha256: String,
    }
    let Ok(bytes) = std::fs::read(output) else {
        return false;
    };
    serde_json::from_slice::<Head>(&bytes).is_ok_and(|h| h.source.sha256 == sha256)
}

/// Process one job with a timeout. Runs the work on its own thread: a file that hangs is
/// reported and abandoned while the batch goes on.
fn run_job(job: &Job, cfg: &BatchConfig) -> FileResult {
    let started = Instant::now();
    let bytes = match pipeline::read_input(&job.input) {
        Ok(b) => b,
        Err(e) => return result(job, Outcome::Failed(e.reason), started, 0),
    };
    let size = bytes.len() as u64;
    if !cfg.force && is_up_to_date(&job.output, &pipeline::sha256_hex(&bytes)) {
        return result(job, Outcome::Skipped, started, size);
    }
    let (tx, rx) = mpsc::channel();
    let input = job.input.clone();
    let opts = cfg.options.clone();
    let pretty = cfg.pretty;
    let spawned = std::thread::Builder::new()
        .name("shinchoku-file".into())
        .spawn(move || {
            let out = pipeline::process_bytes_caught(&input, &bytes, &opts).map(|doc| {
                let kpis = doc.kpis.len();
                let mut warnings = BTreeMap::new();
                for w in &doc.warnings {
                    *warnings.entry(w.code.to_string()).or_insert(0) += 1;
                }
                let json = if pretty {
                    shinchoku_writer::to_pretty_json(&doc)
                } else {
                    pipeline::document_json(&doc, bytes.len())
                };
                (kpis, warnings, json)
            });
            let _ = tx.send(out);
        });
    if let Err(e) = spawned {
        return result(
            job,
            Outcome::Failed(format!("cannot start a thread: {e}")),
            started,
            size,
        );
    }
    let outcome = match rx.recv_timeout(cfg.timeout) {
        Ok(Ok((kpis, warnings, Ok(json)))) => match write_output(&job.output, &json) {
            Ok(()) => Outcome::Written { kpis, warnings },
            Err(e) => Outcome::Failed(format!("cannot write {}: {e}", job.output.display())),
        },
        Ok(Ok((_, _, Err(e)))) => Outcome::Failed(format!("cannot serialize: {e}")),
        Ok(Err(FileError { reason, .. })) => Outcome::Failed(reason),
        Err(mpsc::RecvTimeoutError::Timeout) => Outcome::Failed(format!(
            "timed out after {} s (--timeout)",
            cfg.timeout.as_secs_f64()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Outcome::Failed("internal error: worker stopped without a result".into())
        }
    };
    result(job, outcome, started, size)
}

fn write_output(path: &Path, json: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic_unsynced(path, json)
}

fn result(job: &Job, outcome: Outcome, started: Instant, bytes: u64) -> FileResult {
    FileResult {
        job: job.clone(),
        outcome,
        seconds: started.elapsed().as_secs_f64(),
        bytes,
    }
}

/// Run the whole batch. Returns the per-file results in input order and the summary.
pub fn run(cfg: &BatchConfig, jobs: &[Job]) -> Result<(Vec<FileResult>, Summary), String> {
    let started = Instant::now();
    std::fs::create_dir_all(&cfg.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", cfg.out_dir.display()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| e.to_string())?;
    let progress = Progress::new(cfg, jobs.len());
    let stop = AtomicBool::new(false);
    let results: Vec<FileResult> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                if stop.load(Ordering::Relaxed) {
                    return result(job, Outcome::NotRun, Instant::now(), 0);
                }
                let r = run_job(job, cfg);
                if cfg.fail_fast && matches!(r.outcome, Outcome::Failed(_)) {
                    stop.store(true, Ordering::Relaxed);
                }
                progress.file_done(&r);
                r
            })
            .collect()
    });
    progress.finish();
    if let Some(path) = &cfg.jsonl {
        write_jsonl(path, &results).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let summary = summarize(&results, started.elapsed().as_secs_f64());
    if let Some(path) = &cfg.summary_json {
        let json = shinchoku_writer::to_pretty_json(&summary).map_err(|e| e.to_string())?;
        write_atomic(path, &json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok((results, summary))
}

/// One document a line, in input order, streamed from the per-file outputs (whether written
/// now or skipped as up to date), so memory does not grow with the corpus.
fn write_jsonl(path: &Path, results: &[FileResult]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = crate::output::OutputFile::create(path)?;
    {
        let mut w = std::io::BufWriter::new(out.file_mut());
        for r in results {
            if matches!(r.outcome, Outcome::Written { .. } | Outcome::Skipped) {
                let bytes = std::fs::read(&r.job.output)?;
                let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
                if body.first() == Some(&b'{') && !body.contains(&b'\n') {
                    // Already canonical (what batch writes without --pretty: canonical JSON
                    // has no raw line break): copied, not parsed again. This loop runs on
                    // one thread after the parallel part, so it must stay cheap.
                    w.write_all(body)?;
                } else {
                    let value: serde_json::Value = serde_json::from_slice(&bytes)?;
                    w.write_all(&shinchoku_writer::to_canonical_json(&value)?)?;
                }
                w.write_all(b"\n")?;
            }
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
            .map(|t| format!("{} {:.2} s", t.file, t.seconds))
            .collect();
        let _ = writeln!(out, "slowest: {}", parts.join(", "));
    }
    if !s.failures.is_empty() {
        let _ = writeln!(out, "failed:");
        for f in &s.failures {
            let _ = writeln!(out, "  error: {}: {}", f.file, f.reason);
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
        let file = r.job.input.display();
        match &r.outcome {
            Outcome::Written { kpis, warnings } => eprintln!(
                "ok    {file} ({kpis} KPIs, {} warnings, {:.2} s)",
                warnings.values().sum::<usize>(),
                r.seconds
            ),
            Outcome::Skipped => eprintln!("skip  {file} (unchanged)"),
            Outcome::Failed(reason) => eprintln!("error: {file}: {reason}"),
            Outcome::NotRun => {}
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
