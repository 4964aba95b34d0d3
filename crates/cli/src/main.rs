//! The `shinchoku` binary: argument parsing and wiring only.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use shinchoku_run::escape::{escape, escape_path};
use shinchoku_run::{batch, output, pipeline, worker};

#[derive(Parser)]
#[command(
    name = "shinchoku",
    version,
    about = "Turns Japanese municipal KPI progress reports (KPI進捗状況一覧表, 進行管理報告書) into canonical JSON."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone, Default)]
struct ReadArgs {
    /// Password for an encrypted PDF.
    #[arg(long)]
    password: Option<String>,
    /// Refuse PDFs with more pages than this.
    #[arg(long, value_name = "N")]
    max_pages: Option<u32>,
    /// PDF backend: `pdfplumber` (default, falls back to `pdf-extract`) or `pdf-extract`.
    #[arg(long, value_name = "NAME", value_parser = ["pdfplumber", "pdf-extract"])]
    pdf_backend: Option<String>,
    /// Refuse inputs larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = pipeline::DEFAULT_MAX_INPUT >> 20)]
    max_input: u64,
    /// Refuse inputs with a line of this many cells or more.
    #[arg(long, value_name = "N", default_value_t = pipeline::DEFAULT_MAX_CELLS)]
    max_cells: usize,
    /// Refuse PDFs whose content streams decode to more than this many megabytes in all
    /// (every drawing of a form counts again).
    #[arg(long, value_name = "MB", default_value_t = shinchoku_extract::pdf::DEFAULT_MAX_DECODED >> 20)]
    max_decoded: usize,
    /// How text input is split into cells: `auto` (detect each block), `tabs`, `spaces`
    /// (space-aligned, as `pdftotext -layout`), `pipes` (Markdown tables) or `lines` (one
    /// cell per line).
    #[arg(long, value_name = "FORM", default_value = "auto",
          value_parser = ["auto", "tabs", "spaces", "pipes", "lines"])]
    text_layout: String,
}

impl ReadArgs {
    fn options(&self) -> pipeline::Options {
        pipeline::Options {
            password: self.password.clone(),
            max_pages: self.max_pages,
            pdf_backend: self.pdf_backend.clone(),
            max_input: self.max_input.saturating_mul(1 << 20),
            max_cells: self.max_cells,
            max_decoded: self.max_decoded.saturating_mul(1 << 20),
            text_layout: self.text_layout.parse().unwrap_or_default(),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract one report (text or PDF) into a JSON document.
    Extract {
        /// Input file, or `-` for stdin.
        input: PathBuf,
        /// Write to this file (atomically) instead of stdout; `-` is stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Indented JSON for people instead of canonical JSON.
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print what the table stage sees: one line per row, `p{page}:l{line}` then the cells, tab-separated.
    Cells {
        /// Input file, or `-` for stdin.
        input: PathBuf,
        /// Only these pages: `1`, `1,3-5` (as Camelot's `--pages`).
        #[arg(long, alias = "page", value_name = "LIST", value_parser = parse_pages)]
        pages: Option<PageSet>,
        /// Also draw the page chosen with `--page N` (PDF input) as SVG into this file: glyph
        /// boxes, rulings, and each table region's columns and row bands.
        #[arg(long, value_name = "OUT.svg")]
        svg: Option<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Convert many reports: files, directories (recursive) or a list, in parallel.
    Batch(BatchArgs),
    /// One table of every KPI observation from extracted documents (CSV and/or JSON Lines).
    Dataset(DatasetArgs),
    /// Re-extract inputs and compare with expected documents; print each difference.
    Check(CheckArgs),
    /// Parse one Japanese date expression and print its Period as canonical JSON.
    Date {
        /// The expression, e.g. `R5年度末`, `令和3（2021）年度`, `H26～H30の平均値`.
        expr: String,
    },
    /// Internal: a batch's worker process (requests on stdin, replies on stdout).
    #[command(hide = true)]
    Worker(WorkerArgs),
}

/// What `batch` tells its workers (see `shinchoku_run::worker`).
#[derive(Args)]
struct WorkerArgs {
    #[arg(long)]
    max_memory_bytes: Option<u64>,
    #[arg(long)]
    timeout: Option<f64>,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    pretty: bool,
    #[arg(long)]
    require_kpis: bool,
    #[arg(long)]
    send_documents: bool,
    #[arg(long)]
    max_pages: Option<u32>,
    #[arg(long)]
    pdf_backend: Option<String>,
    #[arg(long)]
    max_input_bytes: u64,
    #[arg(long)]
    max_cells: usize,
    #[arg(long)]
    max_decoded_bytes: usize,
    #[arg(long, default_value = "auto")]
    text_layout: String,
}

#[derive(Args)]
struct BatchArgs {
    /// Input files and directories.
    inputs: Vec<PathBuf>,
    /// Output directory: `<root>/<path inside the root>.json` per input (README: batch output names).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Read more input paths from this file, one a line (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    from_list: Option<PathBuf>,
    /// File-name pattern selecting files inside directories (repeatable; default `*.pdf`, `*.txt`, `*.xlsx`, `*.xlsm`, `*.xls`, `*.ods`, `*.docx`).
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// Worker threads (default: all cores). Output is the same whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Seconds one file may take before it is reported as failed.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    timeout: f64,
    /// Also write every document as one line of this JSON Lines file, in input order.
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// Write the run summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    summary_json: Option<PathBuf>,
    /// Convert again even when an output is up to date (same input sha256, tool version
    /// and options as recorded).
    #[arg(long)]
    force: bool,
    /// A document in which no KPI is found is a failure (not written), not a success.
    #[arg(long)]
    require_kpis: bool,
    /// Stop at the first failure.
    #[arg(long)]
    fail_fast: bool,
    /// Indented JSON files instead of canonical JSON.
    #[arg(long)]
    pretty: bool,
    /// No per-file lines or progress bar; failures and the summary are still printed.
    #[arg(long, short)]
    quiet: bool,
    /// Memory one file may use, in megabytes (its worker's address space); 0 for no limit.
    #[arg(long, value_name = "MB", default_value_t = 2048)]
    max_memory: u64,
    /// Files one worker process converts before a fresh one replaces it (0: no limit).
    #[arg(long, value_name = "N", default_value_t = 0, hide = true)]
    files_per_worker: usize,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Args)]
struct DatasetArgs {
    /// Document JSON files, `batch --jsonl` files, or directories of them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write the table as RFC 4180 CSV (UTF-8) to this file (`-` for stdout).
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// CSV for Excel: a byte order mark (Japanese text read as UTF-8) and codes written so
    /// Excel keeps them as text (`="012025"`).
    #[arg(long)]
    excel: bool,
    /// Write the same rows as JSON Lines to this file (`-` for stdout).
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// Write the same rows as Parquet (typed columns) to this file.
    #[arg(long, value_name = "FILE")]
    parquet: Option<PathBuf>,
    /// Only errors on stderr.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// An input report and its EXPECTED.json, or one directory of `*.expected.json` files
    /// with their inputs beside them.
    #[arg(required = true, num_args = 1..=2, value_name = "INPUT EXPECTED | DIR")]
    paths: Vec<PathBuf>,
    /// Rewrite the expected files that differ.
    #[arg(long)]
    update: bool,
    /// Leave a field out of the comparison wherever it occurs: `provenance`,
    /// `source.sha256`, `value.normalized` (repeatable).
    #[arg(long, value_name = "FIELD.PATH")]
    ignore: Vec<String>,
    /// Only the differences and errors, no summary line.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    read: ReadArgs,
}

/// mimalloc instead of the system allocator: reading a report makes and drops thousands of
/// small strings, where glibc's `malloc` and `free` took a fifth of the text path's time
/// (measured when the text path was tuned; BENCHMARKS.md has the current figures).
/// `benches/extract.rs` and `examples/profile_text.rs` declare the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    shinchoku_run::quiet_panics();
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            input,
            output,
            pretty,
            read,
        } => extract(input, output, pretty, &read.options()),
        Command::Cells {
            input,
            pages,
            svg,
            read,
        } => match svg {
            Some(svg) => draw_page(&input, pages.as_ref(), &svg, &read.options()),
            None => cells(&input, pages.as_ref(), &read.options()),
        },
        Command::Batch(args) => run_batch(args),
        Command::Dataset(args) => dataset(args),
        Command::Check(args) => check(args),
        Command::Date { expr } => date(&expr),
        Command::Worker(args) => run_worker(args),
    }
}

fn run_worker(args: WorkerArgs) -> ExitCode {
    let cfg = worker::WorkerConfig {
        options: pipeline::Options {
            password: std::env::var(worker::PASSWORD_ENV).ok(),
            max_pages: args.max_pages,
            pdf_backend: args.pdf_backend,
            max_input: args.max_input_bytes,
            max_cells: args.max_cells,
            max_decoded: args.max_decoded_bytes,
            text_layout: args.text_layout.parse().unwrap_or_default(),
        },
        force: args.force,
        pretty: args.pretty,
        require_kpis: args.require_kpis,
        send_documents: args.send_documents,
        max_memory: args.max_memory_bytes,
        timeout: args
            .timeout
            .filter(|t| t.is_finite() && *t > 0.0)
            .map(Duration::from_secs_f64),
    };
    match worker::serve(&cfg) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn extract(
    input: PathBuf,
    out: Option<PathBuf>,
    pretty: bool,
    opts: &pipeline::Options,
) -> ExitCode {
    let bytes = match pipeline::read_input(&input) {
        Ok(b) => b,
        Err(e) => return fail(&e.to_string()),
    };
    let doc = match pipeline::process_bytes_caught(&input, &bytes, opts) {
        Ok(d) => d,
        Err(e) => return fail(&e.to_string()),
    };
    // The input's size sizes the JSON buffer; the input itself is not needed any more.
    let input_len = bytes.len();
    drop(bytes);
    let json = if pretty {
        shinchoku_writer::to_pretty_json(&doc)
    } else {
        pipeline::document_json(&doc, input_len)
    };
    let mut json = match json {
        Ok(j) => j,
        Err(e) => return fail(&format!("{}: cannot serialize: {e}", input.display())),
    };
    // A final newline, as text tools expect: `extract a >> all.jsonl` appends one line.
    if json.last() != Some(&b'\n') {
        json.push(b'\n');
    }
    // The process ends after the write: freeing a large document's many small allocations
    // one by one would cost more than the whole JSON write (a fifth of a second on 20 MB of
    // text); the operating system takes the memory back at exit at no cost.
    std::mem::forget(doc);
    // `-o -` is stdout, as `-` is stdin for the input (and for `dataset`'s outputs).
    let written = match out.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => output::write_atomic(path, &json)
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => output::write_stdout(&json).map_err(|e| format!("stdout: {e}")),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Pages chosen with `cells --pages`: inclusive ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageSet(Vec<std::ops::RangeInclusive<u32>>);

impl PageSet {
    fn contains(&self, page: u32) -> bool {
        self.0.iter().any(|r| r.contains(&page))
    }
}

/// `1`, `1,3-5`: page numbers from 1, ranges inclusive and ascending.
fn parse_pages(spec: &str) -> Result<PageSet, String> {
    let page = |text: &str| -> Result<u32, String> {
        match text.trim().parse::<u32>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(format!(
                "{text:?} is not a page number (pages count from 1; e.g. 1,3-5)"
            )),
        }
    };
    let mut ranges = Vec::new();
    for item in spec.split(',') {
        let range = match item.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (page(first)?, page(last)?);
                if first > last {
                    return Err(format!("{item:?}: the range runs backwards"));
                }
                first..=last
            }
            None => {
                let n = page(item)?;
                n..=n
            }
        };
        ranges.push(range);
    }
    Ok(PageSet(ranges))
}

fn cells(input: &std::path::Path, pages: Option<&PageSet>, opts: &pipeline::Options) -> ExitCode {
    match pipeline::read_source_path(input, opts) {
        Ok(mut doc) => {
            if let Some(pages) = pages {
                // Text without page breaks is one page.
                doc.lines
                    .retain(|line| pages.contains(line.page.unwrap_or(1)));
            }
            for w in &doc.warnings {
                let page = w
                    .provenance
                    .page
                    .map_or_else(String::new, |p| format!("page {p}: "));
                eprintln!(
                    "warning: {}: {page}{}",
                    escape_path(input),
                    escape(&w.message)
                );
            }
            let mut shown = shinchoku_extract::render_cells_with(&doc, None, escape);
            let is_text = doc.format == shinchoku_extract::Format::Text;
            // The blocks are found by reading the text again: the document's cells are
            // printed by now and go first, so the two readings' memory does not add up
            // (a text of a million cells took 750 MB instead of 560).
            drop(doc);
            if is_text && input.as_os_str() != "-" {
                // The blocks the text layout found, so a layout can be debugged by looking.
                if let Ok(bytes) = std::fs::read(input) {
                    let blocks = shinchoku_extract::text::describe_blocks(&bytes, opts.text_layout);
                    for line in blocks.lines() {
                        shown.push_str(&escape(line));
                        shown.push('\n');
                    }
                }
            }
            let _ = output::write_stdout(shown.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// `cells --svg`: the cells of the one page chosen, as `cells` prints them, and a picture
/// of how that page was read.
fn draw_page(
    input: &std::path::Path,
    pages: Option<&PageSet>,
    svg: &std::path::Path,
    opts: &pipeline::Options,
) -> ExitCode {
    let page = match pages.map(|p| p.0.as_slice()) {
        Some([only]) if only.start() == only.end() => *only.start(),
        _ => return fail("--svg draws one page: choose it with --page N"),
    };
    let picture = match pipeline::picture_pdf_page(input, opts, page) {
        Ok(p) => p,
        Err(e) => return fail(&e.to_string()),
    };
    let drawing = shinchoku_extract::pdf::picture::to_svg(&picture);
    if let Err(e) = output::write_atomic(svg, drawing.as_bytes()) {
        return fail(&format!("{}: cannot write: {e}", svg.display()));
    }
    cells(input, pages, opts)
}

fn date(expr: &str) -> ExitCode {
    match shinchoku_extract::era::parse_period(expr) {
        Ok(parsed) => {
            for w in &parsed.warnings {
                eprintln!("warning: {}: {}", w.code, w.message);
            }
            match shinchoku_writer::to_canonical_json(&parsed.period) {
                Ok(mut json) => {
                    json.push(b'\n');
                    let _ = output::write_stdout(&json);
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.to_string()),
            }
        }
        Err(e) => fail(&format!("{expr:?}: {e}")),
    }
}

fn run_batch(args: BatchArgs) -> ExitCode {
    let listed = match &args.from_list {
        Some(list) => match read_list(list) {
            Ok(paths) => paths,
            Err(e) => return fail(&e),
        },
        None => Vec::new(),
    };
    if args.inputs.is_empty() && listed.is_empty() {
        return fail("batch needs at least one input (file, directory or --from-list)");
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        return fail("--timeout must be a positive number of seconds");
    }
    let worker_exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            return fail(&format!(
                "cannot find the shinchoku executable for workers: {e}"
            ))
        }
    };
    let cfg = batch::BatchConfig {
        inputs: args.inputs,
        listed,
        out_dir: args.out,
        globs: if args.glob.is_empty() {
            [
                "*.pdf", "*.txt", "*.xlsx", "*.xlsm", "*.xls", "*.ods", "*.docx",
            ]
            .map(String::from)
            .to_vec()
        } else {
            args.glob
        },
        jobs: args.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        }),
        timeout: Duration::from_secs_f64(args.timeout),
        jsonl: args.jsonl,
        summary_json: args.summary_json,
        force: args.force,
        require_kpis: args.require_kpis,
        fail_fast: args.fail_fast,
        pretty: args.pretty,
        quiet: args.quiet,
        progress_bar: std::io::stderr().is_terminal(),
        options: args.read.options(),
        worker_exe,
        max_memory: (args.max_memory > 0).then(|| args.max_memory.saturating_mul(1 << 20)),
        files_per_worker: (args.files_per_worker > 0).then_some(args.files_per_worker),
    };
    let jobs = match batch::plan(&cfg) {
        Ok(j) => j,
        Err(e) => return fail(&e),
    };
    match batch::run(&cfg, &jobs) {
        Ok((_, summary)) => {
            eprint!("{}", batch::render_summary(&summary));
            if !summary.errors.is_empty() {
                ExitCode::from(2)
            } else if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => fail(&e),
    }
}

fn dataset(args: DatasetArgs) -> ExitCode {
    use shinchoku_run::dataset;
    if args.csv.is_none() && args.jsonl.is_none() && args.parquet.is_none() {
        return fail("dataset needs --csv FILE, --jsonl FILE and/or --parquet FILE");
    }
    let cfg = dataset::DatasetConfig {
        inputs: args.inputs,
        csv: args.csv,
        excel: args.excel,
        jsonl: args.jsonl,
        parquet: args.parquet,
    };
    let summary = match dataset::run(&cfg) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    for failure in &summary.failures {
        eprintln!("error: {}", escape(failure));
    }
    if !args.quiet {
        for path in &summary.batch_summaries {
            eprintln!(
                "note: {}: a batch summary (--summary-json), not a document; left out",
                escape_path(path)
            );
        }
        eprintln!(
            "{} documents, {} rows{}",
            summary.documents,
            summary.rows,
            if summary.failures.is_empty() {
                String::new()
            } else {
                format!(", {} files failed", summary.failures.len())
            }
        );
    }
    if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn check(args: CheckArgs) -> ExitCode {
    use shinchoku_run::check;
    let opts = args.read.options();
    let pairs = match args.paths.as_slice() {
        [dir] if dir.is_dir() => match check::find_pairs(dir) {
            Ok(p) => p,
            Err(e) => return fail(&e.to_string()),
        },
        [input, expected] => vec![check::Pair {
            input: input.clone(),
            expected: expected.clone(),
        }],
        _ => {
            return fail("check takes INPUT EXPECTED.json, or a directory of *.expected.json files")
        }
    };
    let (mut equal, mut different, mut updated, mut errors) = (0, 0, 0, 0);
    for pair in &pairs {
        match check::check(pair, &opts, args.update, &args.ignore) {
            Ok(check::Verdict::Equal) => equal += 1,
            Ok(check::Verdict::Updated) => {
                updated += 1;
                eprintln!("updated {}", escape_path(&pair.expected));
            }
            Ok(check::Verdict::Different(diffs)) => {
                different += 1;
                let mut out = String::new();
                for d in &diffs {
                    out.push_str(&format!("{}: {}\n", escape_path(&pair.expected), escape(d)));
                }
                let _ = output::write_stdout(out.as_bytes());
            }
            Err(e) => {
                errors += 1;
                eprintln!("error: {}", escape(&e.to_string()));
            }
        }
    }
    if !args.quiet {
        eprintln!(
            "{} checked: {equal} equal, {different} different{}{}",
            pairs.len(),
            if updated > 0 {
                format!(", {updated} updated")
            } else {
                String::new()
            },
            if errors > 0 {
                format!(", {errors} errors")
            } else {
                String::new()
            }
        );
    }
    if errors > 0 {
        ExitCode::from(2)
    } else if different > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_list(list: &std::path::Path) -> Result<Vec<PathBuf>, String> {
    let bytes = pipeline::read_input(list).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}: --from-list is not UTF-8 text", list.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(PathBuf::from)
        .collect())
}

/// Print one `error:` line (control characters escaped: a message names files) and
/// give the usage/failure exit code.
fn fail(message: &str) -> ExitCode {
    eprintln!("error: {}", escape(message));
    ExitCode::from(2)
}
