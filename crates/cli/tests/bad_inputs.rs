//! Hostile input: whatever a crawler finds, the binary gives a correct result or one line
//! `error: FILE: reason` with a non-zero exit — never a panic, never a hang — within 10 s
//! and 500 MB. Large inputs are generated here rather than shipped.

#[path = "support/pdfgen.rs"]
mod pdfgen;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIME_LIMIT: Duration = Duration::from_secs(10);
const RSS_LIMIT_KB: u64 = 500 * 1024;

fn repo() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    p.canonicalize().unwrap_or(p)
}

fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// What one run of `shinchoku extract` did.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
    peak_rss_kb: Option<u64>,
}

/// Run `shinchoku extract FILE [extra…]` with the time limit enforced (the process is killed
/// past it) and its peak RSS read from `/proc/PID/status` (`VmHWM`) while it runs, on Linux.
fn extract(file: &Path, extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shinchoku"));
    cmd.arg("extract").arg(file).args(extra);
    let out_path = dir.path().join("stdout");
    let err_path = dir.path().join("stderr");
    cmd.stdout(std::fs::File::create(&out_path).unwrap());
    cmd.stderr(std::fs::File::create(&err_path).unwrap());
    cmd.stdin(Stdio::null());
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut peak_rss_kb = None;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(&status_file) {
            peak_rss_kb = Some(peak_rss_kb.unwrap_or(0).max(kb));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT + Duration::from_secs(5) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{}: still running after {:?}: a hang",
                file.display(),
                started.elapsed()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code(),
        stdout: std::fs::read(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
        elapsed: started.elapsed(),
        peak_rss_kb,
    }
}

/// The `VmHWM:` (peak resident set) line of a live process's status, in kB.
fn vm_hwm_kb(status_file: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(status_file).ok()?;
    let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The invariant every input must meet; returns the document when there is one.
fn result_or_one_line_error(file: &Path, run: &Run) -> Option<serde_json::Value> {
    let name = file.display().to_string();
    assert!(
        !run.stderr.contains("panicked"),
        "{name}: panic:\n{}",
        run.stderr
    );
    assert!(run.elapsed <= TIME_LIMIT, "{name}: took {:?}", run.elapsed);
    if let Some(kb) = run.peak_rss_kb {
        assert!(kb <= RSS_LIMIT_KB, "{name}: peak RSS {} MB", kb / 1024);
    }
    match run.code {
        Some(0) => {
            let doc: serde_json::Value = serde_json::from_slice(&run.stdout)
                .unwrap_or_else(|e| panic!("{name}: exit 0 but stdout is not JSON: {e}"));
            assert_eq!(doc["schema_version"], "1", "{name}");
            Some(doc)
        }
        Some(_) => {
            let lines: Vec<&str> = run.stderr.lines().collect();
            assert_eq!(
                lines.len(),
                1,
                "{name}: expected one error line, got:\n{}",
                run.stderr
            );
            assert!(
                lines[0].starts_with("error: ") && lines[0].contains(&name),
                "{name}: error line must name the file: {}",
                lines[0]
            );
            assert!(
                run.stdout.is_empty(),
                "{name}: error but something on stdout"
            );
            None
        }
        None => panic!("{name}: killed by a signal (crash): {}", run.stderr),
    }
}

fn expect_error(file: &Path, extra: &[&str], reason: &str) {
    let run = extract(file, extra);
    let doc = result_or_one_line_error(file, &run);
    assert!(doc.is_none(), "{}: expected an error", file.display());
    assert!(
        run.stderr.contains(reason),
        "{}: expected {reason:?} in {}",
        file.display(),
        run.stderr
    );
}

fn expect_document(file: &Path, extra: &[&str]) -> serde_json::Value {
    let run = extract(file, extra);
    result_or_one_line_error(file, &run).unwrap_or_else(|| {
        panic!(
            "{}: expected a document, got {}",
            file.display(),
            run.stderr
        )
    })
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn seed() -> Vec<u8> {
    std::fs::read(repo().join("fixtures/joetsu-kpi-progress-r5.txt")).unwrap()
}

/// The KPIs of a document without provenance text (line endings differ between encodings).
fn kpi_names(doc: &serde_json::Value) -> Vec<String> {
    doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| format!("{} {}", k["id"], k["name"]))
        .collect()
}

#[test]
fn missing_file_and_directory() {
    expect_error(Path::new("/no/such/file.pdf"), &[], "no such file");
    let dir = tempfile::tempdir().unwrap();
    expect_error(dir.path(), &[], "directory");
}

#[test]
fn empty_files() {
    let dir = tempfile::tempdir().unwrap();
    expect_error(&write(dir.path(), "empty.txt", b""), &[], "empty");
    expect_error(&write(dir.path(), "empty.pdf", b""), &[], "empty");
}

#[test]
fn random_bytes_and_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    // A fixed pseudo-random stream (xorshift), so the test is repeatable.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..65536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    expect_error(&write(dir.path(), "random.bin", &bytes), &[], "");
    let mut invalid = "項目\t現状値\n".as_bytes().to_vec();
    invalid.extend_from_slice(b"\xff\xfe\xfd broken \x80\n");
    expect_error(&write(dir.path(), "invalid.txt", &invalid), &[], "");
}

#[test]
fn pdf_that_is_only_a_header_or_truncated() {
    let dir = tempfile::tempdir().unwrap();
    expect_error(&write(dir.path(), "header.pdf", b"%PDF-1.7\n"), &[], "");
    let whole = pdfgen::pdf(&[pdfgen::table_page(1), pdfgen::table_page(2)]);
    let truncated = write(dir.path(), "truncated.pdf", &whole[..whole.len() / 2]);
    let run = extract(&truncated, &[]);
    result_or_one_line_error(&truncated, &run);
}

#[test]
fn not_a_pdf_despite_its_name() {
    let dir = tempfile::tempdir().unwrap();
    expect_error(
        &write(dir.path(), "fake.pdf", b"<html>hello</html>"),
        &[],
        "not a PDF",
    );
}

#[test]
fn broken_xref_is_recovered_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = pdfgen::pdf(&[pdfgen::table_page(1)]);
    // Point every xref entry at the wrong offset.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let xref_at = text.find("xref\n").unwrap();
    let (head, tail) = bytes.split_at(xref_at);
    let tail = String::from_utf8_lossy(tail)
        .lines()
        .map(|l| {
            if l.ends_with(" n ") || l.ends_with(" n") {
                "0000000003 00000 n ".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    bytes = [head, tail.as_bytes()].concat();
    let file = write(dir.path(), "brokenxref.pdf", &bytes);
    let run = extract(&file, &[]);
    if let Some(doc) = result_or_one_line_error(&file, &run) {
        assert_eq!(doc["source"]["format"], "pdf");
    }
}

#[test]
fn pdf_without_text_layer_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let page = pdfgen::Page {
        texts: vec![],
        rects: vec![(50.0, 50.0, 400.0, 600.0)],
    };
    let file = write(dir.path(), "scan.pdf", &pdfgen::pdf(&[page.clone(), page]));
    expect_error(&file, &[], "no readable text layer");
}

#[test]
fn encrypted_pdfs() {
    let Some(corpus) = shared() else {
        eprintln!("skipped: ../shared/corpus not present");
        return;
    };
    // User password "test" (pdfplumber's fixture; see the corpus SOURCE.txt).
    let user = corpus.join("odd-pdfs/pdfplumber/tests_pdfs_password-example.pdf");
    expect_error(&user, &[], "encrypted PDF; use --password");
    expect_error(&user, &["--password", "wrong"], "encrypted PDF");
    let doc = expect_document(&user, &["--password", "test"]);
    assert_eq!(doc["source"]["format"], "pdf");
    // Owner-password only (empty user password): extracts without asking.
    let owner = corpus.join("odd-pdfs/pdfplumber/tests_pdfs_pr-138-example.pdf");
    expect_document(&owner, &[]);
}

#[test]
fn shift_jis_cp932_utf8_bom_crlf_extract_fully() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = seed();
    let plain = expect_document(&write(dir.path(), "plain.txt", &utf8), &[]);
    assert!(
        !plain["kpis"].as_array().unwrap().is_empty(),
        "the seed has KPIs"
    );
    let text = String::from_utf8(utf8.clone()).unwrap();
    let (sjis, _, lossy) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!lossy, "the seed is representable in CP932");
    let from_sjis = expect_document(&write(dir.path(), "sjis.txt", &sjis), &[]);
    assert_eq!(kpi_names(&from_sjis), kpi_names(&plain));
    // CP932 extensions (NEC special characters, IBM extensions).
    let cp932 = format!("{text}\n※①②③ ㈱ Ⅲ 髙﨑\n");
    let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(&cp932);
    assert!(!lossy);
    let from_cp932 = expect_document(&write(dir.path(), "cp932.txt", &bytes), &[]);
    assert_eq!(kpi_names(&from_cp932), kpi_names(&plain));
    let mut bom_crlf = b"\xef\xbb\xbf".to_vec();
    bom_crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let from_bom = expect_document(&write(dir.path(), "bom.txt", &bom_crlf), &[]);
    assert_eq!(kpi_names(&from_bom), kpi_names(&plain));
    // UTF-16 with a BOM: a correct result or a clear error, both fine; never garbage.
    let mut utf16 = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let file = write(dir.path(), "utf16.txt", &utf16);
    let run = extract(&file, &[]);
    if let Some(doc) = result_or_one_line_error(&file, &run) {
        assert_eq!(kpi_names(&doc), kpi_names(&plain));
    }
}

#[test]
fn twenty_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::with_capacity(20 << 20);
    while line.len() < 20 << 20 {
        line.push_str("進捗状況\t12,345人 (R5)\t");
    }
    let file = write(dir.path(), "long.txt", line.as_bytes());
    let run = extract(&file, &[]);
    result_or_one_line_error(&file, &run);
}

#[test]
fn hundred_thousand_nested_bold_tags() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "項目\t現状値（R5年度末）\n{}認定農業者数{}\t842人\n",
        "<b>".repeat(100_000),
        "</b>".repeat(100_000)
    );
    let file = write(dir.path(), "nested.txt", text.as_bytes());
    let run = extract(&file, &[]);
    result_or_one_line_error(&file, &run);
}

#[test]
fn header_row_without_data_rows() {
    let dir = tempfile::tempdir().unwrap();
    let text = "重要業績評価指標（KPI）\t当初 (H30) (2018)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗状況\n";
    let doc = expect_document(&write(dir.path(), "header-only.txt", text.as_bytes()), &[]);
    assert_eq!(doc["kpis"].as_array().unwrap().len(), 0);
}

#[test]
fn thousand_page_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<pdfgen::Page> = (1..=1000).map(pdfgen::table_page).collect();
    let file = write(dir.path(), "thousand.pdf", &pdfgen::pdf(&pages));
    let doc = expect_document(&file, &[]);
    assert_eq!(doc["source"]["pages"], 1000);
    // And --max-pages refuses it before doing the work.
    expect_error(&file, &["--max-pages", "100"], "--max-pages");
}

/// Every third-party PDF in the corpus: a document or one clear error, no panic, no hang.
#[test]
fn odd_pdf_corpus_never_panics_or_hangs() {
    let Some(corpus) = shared() else {
        eprintln!("skipped: ../shared/corpus not present");
        return;
    };
    let mut files: Vec<PathBuf> = walk(&corpus.join("odd-pdfs"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    assert!(files.len() > 100, "found only {} PDFs", files.len());
    let (mut ok, mut errors) = (0, Vec::new());
    for file in &files {
        let run = extract(file, &[]);
        match result_or_one_line_error(file, &run) {
            Some(_) => ok += 1,
            None => errors.push(run.stderr.trim().to_string()),
        }
    }
    eprintln!(
        "odd-pdfs: {} files, {ok} ok, {} errors",
        files.len(),
        errors.len()
    );
    for e in &errors {
        eprintln!("  {e}");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Flattened text (issue 16): space-aligned, pipe and one-cell-per-line readers on hostile
/// shapes. Each must finish within the limits with a document or a one-line error.
#[test]
fn space_aligned_text_with_thousands_of_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("項目  基準値  目標値\n");
    for row in 0..100 {
        text.push_str(&format!("指標{row}"));
        for col in 0..2000 {
            text.push_str(&format!("  {col}人"));
        }
        text.push('\n');
    }
    let file = write(dir.path(), "columns.txt", text.as_bytes());
    let run = extract(&file, &[]);
    result_or_one_line_error(&file, &run);
}

#[test]
fn a_one_megabyte_space_aligned_line_under_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("項目          基準値      目標値\n転入者数      715人       ");
    while text.len() < 1 << 20 {
        text.push_str("950人 ");
    }
    text.push_str("\n認定農業者数  842人       1,040人\n");
    let file = write(dir.path(), "wide.txt", text.as_bytes());
    let doc = expect_document(&file, &[]);
    let names: Vec<&str> = doc["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k["name"].as_str())
        .collect();
    assert!(names.contains(&"認定農業者数"), "{names:?}");
}

#[test]
fn a_pipe_table_without_closing_pipes() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("| 指標 | 基準値 | 目標値\n|---|---|---\n");
    for i in 0..50_000 {
        text.push_str(&format!("| 指標{i} | {i}人 | {}人\n", i + 1));
    }
    let file = write(dir.path(), "open-pipes.txt", text.as_bytes());
    let run = extract(&file, &[]);
    result_or_one_line_error(&file, &run);
}

#[test]
fn one_cell_per_line_whose_count_does_not_divide() {
    let dir = tempfile::tempdir().unwrap();
    // 100,000 rows of three cells, then two cells that make no row.
    let mut text = String::from("指標\n基準値\n目標値\n");
    for i in 0..100_000 {
        text.push_str(&format!("転入者数{i}\n{i}人\n{}人\n", i + 1));
    }
    text.push_str("交流人口数\n3,324人\n");
    let file = write(dir.path(), "uneven.txt", text.as_bytes());
    let doc = expect_document(&file, &["--text-layout", "lines"]);
    let warned = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "lines_rows_uneven");
    assert!(
        warned,
        "a block whose cells do not make up rows is reported"
    );
    assert_eq!(doc["kpis"].as_array().unwrap().len(), 100_000);
}
