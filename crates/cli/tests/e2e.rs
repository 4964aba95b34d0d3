//! End-to-end tests of the `shinchoku` binary: what a user sees on the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shinchoku"))
}

fn repo() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    p.canonicalize().unwrap_or(p)
}

fn fixture(name: &str) -> PathBuf {
    repo().join("fixtures").join(name)
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Bytes that are neither UTF-8 nor Shift_JIS (0x80 is not a Shift_JIS lead byte, 0xFF never valid).
const GARBAGE: &[u8] = b"\x80\xff\xfe\x81\x00garbage";

#[test]
fn extract_missing_file_is_one_line_error_exit_2() {
    let o = run(bin().args(["extract", "no/such/report.txt"]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: no/such/report.txt: "), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn extract_directory_is_an_error() {
    let o = run(bin().args(["extract"]).arg(repo().join("fixtures")));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
}

#[test]
fn extract_undecodable_text_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, GARBAGE).unwrap();
    let o = run(bin().arg("extract").arg(&bad));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.txt: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn extract_writes_output_atomically_and_same_bytes_as_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let input = fixture("joetsu-kpi-progress-r5.txt");
    let o = run(bin().arg("extract").arg(&input).arg("-o").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let written = std::fs::read(&out).unwrap();
    let o2 = run(bin().arg("extract").arg(&input));
    assert_eq!(written, o2.stdout);
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
    let doc: serde_json::Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(doc["schema_version"], "1");
    assert_eq!(doc["source"]["file"], "joetsu-kpi-progress-r5.txt");
    assert_eq!(doc["source"]["format"], "text");
    assert_eq!(doc["source"]["sha256"].as_str().unwrap().len(), 64);
}

/// `-o -` writes to stdout, as `-` reads stdin; it once wrote a file named `-`.
#[test]
fn extract_output_dash_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("joetsu-kpi-progress-r5.txt");
    let o = run(bin()
        .current_dir(dir.path())
        .arg("extract")
        .arg(&input)
        .args(["-o", "-"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout, run(bin().arg("extract").arg(&input)).stdout);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn extract_reads_stdin() {
    use std::io::Write;
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(fixture("joetsu-kpi-progress-r5.txt")).unwrap())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["source"]["file"], "-");
}

#[test]
fn failed_extract_leaves_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, b"previous").unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, GARBAGE).unwrap();
    let o = run(bin().arg("extract").arg(&bad).arg("-o").arg(&out));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), b"previous");
}

#[test]
fn unknown_argument_gets_usage_error() {
    let o = run(bin().args(["extract", "--no-such-flag", "x.txt"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--no-such-flag"));
}

#[test]
fn help_and_version() {
    let o = run(bin().arg("--help"));
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for cmd in ["extract", "batch", "date"] {
        assert!(help.contains(cmd), "{help}");
    }
    let o = run(bin().arg("--version"));
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("shinchoku "));
}

fn batch_corpus(dir: &Path) -> PathBuf {
    let inputs = dir.join("in");
    std::fs::create_dir_all(inputs.join("sub")).unwrap();
    std::fs::copy(
        fixture("joetsu-kpi-progress-r5.txt"),
        inputs.join("a-joetsu.txt"),
    )
    .unwrap();
    std::fs::copy(
        fixture("kashiwazaki-progress-report-r3.txt"),
        inputs.join("sub/b-kashiwazaki.txt"),
    )
    .unwrap();
    std::fs::write(inputs.join("c-bad.txt"), GARBAGE).unwrap();
    std::fs::write(
        inputs.join("ignored.md"),
        "not selected by the default globs",
    )
    .unwrap();
    inputs
}

#[test]
fn batch_reports_bad_files_writes_good_ones_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    let out = dir.path().join("out");
    let o = run(bin()
        .args(["batch", "--quiet", "--jobs", "2", "--out"])
        .arg(&out)
        .arg(&inputs));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(out.join("in/a-joetsu.txt.json").is_file());
    assert!(out.join("in/sub/b-kashiwazaki.txt.json").is_file());
    assert!(!out.join("in/c-bad.txt.json").exists());
    assert!(!out.join("in/ignored.md.json").exists());
    let err = stderr(&o);
    assert!(
        err.contains("3 files: 2 ok, 0 unchanged, 1 failed"),
        "{err}"
    );
    assert!(err.contains("c-bad.txt: "), "{err}");
}

#[test]
fn batch_output_is_identical_across_job_counts() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    let mut outs = Vec::new();
    for jobs in ["1", "2"] {
        let out = dir.path().join(format!("out{jobs}"));
        let jsonl = dir.path().join(format!("all{jobs}.jsonl"));
        let o = run(bin()
            .args(["batch", "--quiet", "--jobs", jobs, "--out"])
            .arg(&out)
            .arg("--jsonl")
            .arg(&jsonl)
            .arg(&inputs));
        assert_eq!(o.status.code(), Some(1));
        outs.push((
            std::fs::read(out.join("in/a-joetsu.txt.json")).unwrap(),
            std::fs::read(out.join("in/sub/b-kashiwazaki.txt.json")).unwrap(),
            std::fs::read(&jsonl).unwrap(),
        ));
    }
    assert_eq!(outs[0], outs[1]);
}

#[test]
fn batch_jsonl_is_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    let out = dir.path().join("out");
    let jsonl = dir.path().join("all.jsonl");
    // Explicit file order, reversed from name order.
    let o = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg("--jsonl")
        .arg(&jsonl)
        .arg(inputs.join("sub/b-kashiwazaki.txt"))
        .arg(inputs.join("a-joetsu.txt")));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let files: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(files, ["b-kashiwazaki.txt", "a-joetsu.txt"]);
}

#[test]
fn batch_skips_unchanged_inputs_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    std::fs::remove_file(inputs.join("c-bad.txt")).unwrap();
    let out = dir.path().join("out");
    let summary = dir.path().join("summary.json");
    let first = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg(&inputs));
    assert!(first.status.success(), "{}", stderr(&first));
    // Change one input: only that one is redone.
    let mut changed = std::fs::read(inputs.join("a-joetsu.txt")).unwrap();
    changed.extend_from_slice("\n".as_bytes());
    std::fs::write(inputs.join("a-joetsu.txt"), changed).unwrap();
    let second = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg("--summary-json")
        .arg(&summary)
        .arg(&inputs));
    assert!(second.status.success());
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    assert_eq!(
        (s["ok"].as_u64(), s["skipped"].as_u64()),
        (Some(1), Some(1)),
        "{s}"
    );
    let forced = run(bin()
        .args(["batch", "--quiet", "--force", "--out"])
        .arg(&out)
        .arg("--summary-json")
        .arg(&summary)
        .arg(&inputs));
    assert!(forced.status.success());
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    assert_eq!(
        (s["ok"].as_u64(), s["skipped"].as_u64()),
        (Some(2), Some(0)),
        "{s}"
    );
}

#[test]
fn batch_from_list_and_fail_fast() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!(
            "{}\n\n# a comment\n{}\n",
            inputs.join("c-bad.txt").display(),
            inputs.join("a-joetsu.txt").display()
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(bin()
        .args(["batch", "--quiet", "--jobs", "1", "--fail-fast", "--out"])
        .arg(&out)
        .arg("--from-list")
        .arg(&list));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        !out.join("a-joetsu.txt.json").exists(),
        "--fail-fast stops after the first failure"
    );
    assert!(
        stderr(&o).contains("not run (--fail-fast)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn batch_without_inputs_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(bin().args(["batch", "--out"]).arg(dir.path()));
    assert_eq!(o.status.code(), Some(2));
}

/// Output names mirror each input's path inside its root and keep the extension, so
/// same-named files never collide: `c1/report.txt` and `c2/report.txt` (two roots),
/// `report.txt` and `report.pdf` in one folder, two file roots with one name (the later
/// gets `~2`); a file given twice, or given and also found in a directory, is converted
/// once.
#[test]
fn batch_outputs_mirror_input_paths_without_collisions() {
    let dir = tempfile::tempdir().unwrap();
    let report = fixture("joetsu-kpi-progress-r5.txt");
    let pdf = repo().join("fixtures/joetsu-kpi-progress-r5.pdf");
    for sub in ["c1", "c2", "c1/deep"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    std::fs::copy(&report, dir.path().join("c1/report.txt")).unwrap();
    std::fs::copy(&pdf, dir.path().join("c1/report.pdf")).unwrap();
    std::fs::copy(&report, dir.path().join("c1/deep/report.txt")).unwrap();
    std::fs::copy(&report, dir.path().join("c2/report.txt")).unwrap();
    let out = dir.path().join("out");
    let jsonl = dir.path().join("all.jsonl");
    let o = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg("--jsonl")
        .arg(&jsonl)
        .arg(dir.path().join("c1"))
        .arg(dir.path().join("c2"))
        .arg(dir.path().join("c1/report.txt"))
        .arg(dir.path().join("c2/report.txt"))
        .arg(dir.path().join("c2/../c2/report.txt")));
    assert!(o.status.success(), "{}", stderr(&o));
    let mut written: Vec<String> = walk_files(&out)
        .iter()
        .map(|p| p.strip_prefix(&out).unwrap().display().to_string())
        .filter(|p| p != ".shinchoku-options")
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "c1/deep/report.txt.json",
            "c1/report.pdf.json",
            "c1/report.txt.json",
            "c2/report.txt.json",
        ]
    );
    assert!(stderr(&o).starts_with("4 files: 4 ok"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&jsonl).unwrap().lines().count(), 4);

    // Two file roots with one name: the second is told apart by `~2`.
    let out = dir.path().join("out2");
    let o = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg(dir.path().join("c1/report.txt"))
        .arg(dir.path().join("c2/report.txt")));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("report.txt.json").is_file());
    assert!(out.join("report.txt~2.json").is_file());
}

fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk_files(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Regression: atomic writes went through an owner-only (0600) temporary file, so outputs
/// were unreadable to other users.
#[cfg(unix)]
#[test]
fn outputs_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = run(bin()
        .arg("extract")
        .arg(fixture("joetsu-kpi-progress-r5.txt"))
        .arg("-o")
        .arg(&out));
    assert!(o.status.success());
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o644
    );
}

#[test]
fn check_equal_then_changed_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.txt");
    let expected = dir.path().join("report.expected.json");
    let seed = std::fs::read_to_string(fixture("joetsu-kpi-progress-r5.txt")).unwrap();
    std::fs::write(&input, &seed).unwrap();
    let o = run(bin()
        .arg("check")
        .arg(&input)
        .arg(&expected)
        .arg("--update"));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(bin().arg("check").arg(&input).arg(&expected));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 checked: 1 equal, 0 different"));
    // 上越's current value of メイド・イン上越認証品数 changes from 166品 to 167品.
    std::fs::write(&input, seed.replace("\t166品\t", "\t167品\t")).unwrap();
    let o = run(bin().arg("check").arg(&input).arg(&expected));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("kpis[2] (A-1-1.1).observations[1].value.decimal: \"166\" → \"167\""),
        "{out}"
    );
    assert!(
        out.contains("kpis[2] (A-1-1.1).observations[1].raw: \"166品\" → \"167品\""),
        "{out}"
    );
    // The directory form finds the pair by the recorded source file name.
    let o = run(bin().arg("check").arg(dir.path()));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_bundled_fixtures_directory() {
    let o = run(bin().arg("check").arg(repo().join("fixtures")));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}\n{}",
        stderr(&o),
        String::from_utf8_lossy(&o.stdout)
    );
}

/// `batch` then `dataset` over its out dir, as a researcher would: typed JSON Lines, the
/// same rows in CSV (Excel form) and Parquet, the source path kept, the batch summary left
/// out with a note. Facts checked by hand against fixtures/kashiwazaki-progress-report-r3.txt
/// line 176: 転出と転入の差 345人 (H30), 594人 (R1), 326人 (R2), target 245人 (R6).
#[test]
fn dataset_over_a_batch_out_dir_is_typed_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    std::fs::remove_file(inputs.join("c-bad.txt")).unwrap();
    let out = dir.path().join("out");
    let o = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg("--summary-json")
        .arg(out.join("summary.json"))
        .arg(&inputs));
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = dir.path().join("all.csv");
    let jsonl = dir.path().join("all.jsonl");
    let parquet = dir.path().join("all.parquet");
    let o = run(bin()
        .arg("dataset")
        .arg(&out)
        .arg("--csv")
        .arg(&csv)
        .arg("--excel")
        .arg("--jsonl")
        .arg(&jsonl)
        .arg("--parquet")
        .arg(&parquet));
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("summary.json: a batch summary (--summary-json), not a document; left out"),
        "{err}"
    );
    assert!(err.contains("2 documents, "), "{err}");

    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 上越: 177 observations, 14 of them parts cells holding 34 parts; 柏崎: 108.
    assert!(rows.len() > 177 + 108, "{} rows", rows.len());
    assert_eq!(rows[0]["source_path"], "in/a-joetsu.txt");
    assert_eq!(rows[0]["source_file"], "a-joetsu.txt");
    assert_eq!(rows[0]["municipality_code"], "152226");
    let kpi: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["kpi_name"] == "転出と転入の差(転出数-転入数)")
        .collect();
    let facts: Vec<(&str, f64, i64, bool)> = kpi
        .iter()
        .map(|r| {
            (
                r["role"].as_str().unwrap(),
                r["number"].as_f64().unwrap(),
                r["period_year"].as_i64().unwrap(),
                r["is_latest"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        facts,
        [
            ("baseline", 345.0, 2018, false),
            ("previous", 594.0, 2019, false),
            ("current", 326.0, 2020, true),
            ("target", 245.0, 2024, false),
        ]
    );
    for r in &kpi {
        assert_eq!(r["direction"], "decrease");
        assert_eq!(r["achievement"], serde_json::json!(0.19));
        assert_eq!(r["source_path"], "in/sub/b-kashiwazaki.txt");
        assert_eq!(r["kpi_key"], "152056|転出と転入の差(転出数-転入数)|人");
        assert_eq!(r["unit"], "人");
    }

    let text = std::fs::read_to_string(&csv).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("--excel writes a BOM");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("municipality_code,municipality_name,source_file,source_path,"));
    assert_eq!(lines.len(), rows.len() + 1);
    let line = lines
        .iter()
        .find(|l| l.contains("転出と転入の差") && l.contains(",\"current\","))
        .unwrap();
    assert!(
        line.starts_with(
            "\"=\"\"152056\"\"\",\"柏崎市\",\"b-kashiwazaki.txt\",\"in/sub/b-kashiwazaki.txt\","
        ),
        "{line}"
    );
    assert!(line.contains(",326,\"=\"\"326\"\"\",\"人\","), "{line}");
    assert!(line.contains(",true,0.19,"), "{line}");

    let size = std::fs::metadata(&parquet).unwrap().len();
    assert!(std::fs::read(&parquet).unwrap().starts_with(b"PAR1") && size > 1000);
}

/// `-` writes a format to stdout; two formats cannot share it.
#[test]
fn dataset_writes_to_stdout_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.json");
    let o = run(bin()
        .arg("extract")
        .arg(fixture("kashiwazaki-progress-report-r3.txt"))
        .arg("-o")
        .arg(&doc));
    assert!(o.status.success());
    let o = run(bin().arg("dataset").arg(&doc).args(["--jsonl", "-", "-q"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count(), 108);
    assert!(!dir.path().join("-").exists() && !Path::new("-").exists());
    let o = run(bin().arg("dataset").arg(&doc).args(["--csv", "-"]));
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("municipality_code,"));
    let o = run(bin()
        .arg("dataset")
        .arg(&doc)
        .args(["--csv", "-", "--jsonl", "-"]));
    assert_eq!(o.status.code(), Some(2));
}

/// Regression: `-o /dev/null` renamed a temporary file over /dev/null, turning the device
/// into a regular file that every later reader of /dev/null (cargo's rustc probe among
/// them) read our output back from. A FIFO stands in for the device here: it must still
/// be a FIFO afterwards, and the output must have gone through it.
#[cfg(unix)]
#[test]
fn extract_to_a_special_file_writes_through_it_instead_of_replacing_it() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let o = run(bin()
        .arg("extract")
        .arg(fixture("joetsu-kpi-progress-r5.txt"))
        .arg("-o")
        .arg(&fifo));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = reader.join().unwrap();
    assert!(
        text.starts_with('{') && text.contains("\"kpis\""),
        "{text:.200}"
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
}

/// `--jsonl` copies canonical per-file outputs as they are and re-canonicalizes pretty ones
/// (left by an earlier `--pretty` run and skipped as up to date): either way each line is
/// the document's canonical JSON, byte for byte what `extract` prints.
#[test]
fn batch_jsonl_lines_are_canonical_whether_outputs_were_pretty_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    let input = inputs.join("a-joetsu.txt");
    let expected = run(bin().arg("extract").arg(&input)).stdout;
    for first_pretty in [false, true] {
        let out = dir.path().join(format!("out-{first_pretty}"));
        let jsonl = dir.path().join(format!("all-{first_pretty}.jsonl"));
        let mut first = bin();
        first
            .args(["batch", "--quiet", "--out"])
            .arg(&out)
            .arg(&input);
        if first_pretty {
            first.arg("--pretty");
        }
        assert!(run(&mut first).status.success());
        let o = run(bin()
            .args(["batch", "--quiet", "--out"])
            .arg(&out)
            .arg("--jsonl")
            .arg(&jsonl)
            .arg(&input));
        assert!(o.status.success(), "{}", stderr(&o));
        let line = std::fs::read(&jsonl).unwrap();
        let expected_line = [expected.strip_suffix(b"\n").unwrap_or(&expected), b"\n"].concat();
        assert!(line == expected_line, "pretty first: {first_pretty}");
    }
}

/// Lines, header blocks and value cells are read in parallel: the bytes out must not depend
/// on how many threads did the reading (regression guard for the parallel text path).
#[test]
fn extract_output_is_identical_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    // Several documents in one input, so the parallel stages split the work many ways.
    let mut big = Vec::new();
    for name in [
        "kashiwazaki-progress-report-r3.txt",
        "joetsu-kpi-progress-r5.txt",
        "sample-city-kpi-r4.txt",
    ] {
        big.extend(std::fs::read(fixture(name)).unwrap());
        big.push(b'\n');
    }
    let big_path = dir.path().join("several-reports.txt");
    std::fs::write(&big_path, &big).unwrap();
    let inputs = [
        big_path,
        fixture("joetsu-kpi-progress-r5.txt"),
        fixture("joetsu-kpi-progress-r5.pdf"),
    ];
    for input in &inputs {
        let outputs: Vec<Vec<u8>> = ["1", "2", "5"]
            .iter()
            .map(|threads| {
                let o = run(bin()
                    .env("RAYON_NUM_THREADS", threads)
                    .arg("extract")
                    .arg(input));
                assert!(o.status.success(), "{}: {}", input.display(), stderr(&o));
                o.stdout
            })
            .collect();
        assert!(outputs[0].len() > 1000, "{}", input.display());
        assert!(
            outputs.iter().all(|o| o == &outputs[0]),
            "{}: output differs between thread counts",
            input.display()
        );
    }
}

/// An output is reused only when its input, the tool version and the options match: a
/// `--pretty` run, a `--text-layout` change and an output from another version are all
/// converted again; an up-to-date one is skipped with the reason.
#[test]
fn batch_skip_key_is_input_tool_and_options() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    std::fs::remove_file(inputs.join("c-bad.txt")).unwrap();
    let out = dir.path().join("out");
    let summary = dir.path().join("summary.json");
    let batch = |extra: &[&str]| {
        let o = run(bin()
            .args(["batch", "--jobs", "1", "--out"])
            .arg(&out)
            .arg("--summary-json")
            .arg(&summary)
            .args(extra)
            .arg(&inputs));
        assert!(o.status.success(), "{}", stderr(&o));
        let s: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
        (
            s["ok"].as_u64().unwrap(),
            s["skipped"].as_u64().unwrap(),
            stderr(&o),
        )
    };
    assert_eq!(batch(&[]).0, 2);
    let (ok, skipped, err) = batch(&[]);
    assert_eq!((ok, skipped), (0, 2));
    assert!(err.contains("(unchanged: its output records the same input, tool version and options; --force converts it again)"), "{err}");
    // Another form: converted again, then reused in that form.
    assert_eq!(batch(&["--pretty"]).0, 2);
    assert_eq!(batch(&["--pretty"]).1, 2);
    // Other read options: converted again.
    assert_eq!(batch(&["--pretty", "--text-layout", "tabs"]).0, 2);
    // An output another version wrote: converted again.
    let output = out.join("in/a-joetsu.txt.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
    doc["source"]["tool"] = serde_json::json!("shinchoku 0.0.1");
    std::fs::write(&output, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    assert_eq!(batch(&["--pretty", "--text-layout", "tabs"]).0, 1);
}

/// A file without KPIs is converted with a `no_kpis` warning and counted apart; with
/// `--require-kpis` it fails and writes nothing.
#[test]
fn documents_without_kpis_are_counted_apart() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        fixture("joetsu-kpi-progress-r5.txt"),
        inputs.join("report.txt"),
    )
    .unwrap();
    std::fs::write(
        inputs.join("README.txt"),
        "\n\n  議事録の送付について  \n\n令和5年5月1日の会議の議事録を送付します。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg(&inputs));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("\n2 converted: 1 with KPIs, 1 without\n"),
        "{}",
        stderr(&o)
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("in/README.txt.json")).unwrap()).unwrap();
    assert_eq!(
        doc["warnings"],
        serde_json::json!([
            {
                "code": "municipality_unknown",
                "message": "no municipality named in the title or the first page",
                "provenance": {"page": null, "line": 3, "text": "  議事録の送付について  "}
            },
            {
                "code": "no_kpis",
                "message": "no KPI found: not a KPI report, or a layout the tool does not read",
                "provenance": {"page": null, "line": 3, "text": "議事録の送付について"}
            }
        ])
    );
    let out = dir.path().join("strict");
    let o = run(bin()
        .args(["batch", "--quiet", "--require-kpis", "--out"])
        .arg(&out)
        .arg(&inputs));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("README.txt: no KPI found (--require-kpis)"),
        "{}",
        stderr(&o)
    );
    assert!(!out.join("in/README.txt.json").exists());
    assert!(out.join("in/report.txt.json").exists());
}

#[test]
fn extract_output_ends_with_a_newline() {
    let o = run(bin()
        .arg("extract")
        .arg(fixture("joetsu-kpi-progress-r5.txt")));
    assert!(o.status.success());
    assert!(o.stdout.ends_with(b"}\n"));
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
}

/// `cells --pages` takes a list of pages and ranges, as Camelot does.
#[test]
fn cells_pages_takes_lists_and_ranges() {
    let pdf = fixture("joetsu-kpi-progress-r5.pdf");
    let pages_of = |spec: &str| -> std::collections::BTreeSet<String> {
        let o = run(bin().arg("cells").arg(&pdf).args(["--pages", spec]));
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .filter_map(|l| l.split(':').next().filter(|p| p.starts_with('p')))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(pages_of("1"), ["p1".to_string()].into());
    assert_eq!(
        pages_of("1,3-4"),
        ["p1", "p3", "p4"].map(String::from).into()
    );
    for bad in ["0", "3-1", "x", "1,,2"] {
        let o = run(bin().arg("cells").arg(&pdf).args(["--pages", bad]));
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

/// The elements of an SVG by class, after reading it through an XML parser (which fails on
/// a document that is not well-formed): `class → count`, and the text of every `<title>`
/// of a glyph, in order.
fn svg_classes(svg: &[u8]) -> (std::collections::BTreeMap<String, usize>, Vec<String>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(svg);
    let mut counts = std::collections::BTreeMap::new();
    let mut glyph_texts = Vec::new();
    let (mut in_glyph, mut in_title, mut depth, mut roots) = (false, false, 0usize, 0usize);
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XML");
        let class_of = |e: &quick_xml::events::BytesStart| -> Option<String> {
            e.try_get_attribute("class")
                .expect("well-formed attributes")
                .map(|a| a.value.to_string())
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                    assert_eq!(e.name().as_ref(), "svg", "the root is <svg>");
                }
                if let Some(class) = class_of(e) {
                    let element = e.name().as_ref().to_string();
                    *counts.entry(format!("{element}.{class}")).or_insert(0) += 1;
                    in_glyph |= class == "glyph" && matches!(event, Event::Start(_));
                }
                in_title = e.name().as_ref() == "title";
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::Text(t) if in_glyph && in_title => {
                glyph_texts.push(t.xml10_content().to_string());
            }
            Event::GeneralRef(r) if in_glyph && in_title => {
                glyph_texts.push(format!("&{};", &**r));
            }
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == "rect" {
                    in_glyph = false;
                }
                in_title = false;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert_eq!(
        (roots, depth),
        (1, 0),
        "one root element, every element closed"
    );
    (counts, glyph_texts)
}

/// `cells --page N --svg OUT` draws how the page was read. Page 1 of the borderless 上越
/// report (LibreOffice, no borders): its text is 1,050 characters besides white space
/// (`pdftotext -f 1 -l 1` prints them; the title, the header, the headings, 11 KPI rows
/// and their projects), one glyph box each. One table region: columns 項目, 戦略策定時,
/// 現状値, 目標 and 主な具体的事業 stand over their values, and the three narrow label
/// columns at the left (政策分野, 基本的方向性, 具体的施策) hold nothing but the headings
/// that start at the left edge, so they make one column: 6. Its rows: the 17 table rows
/// below the header (6 headings: 分野1, A-1, A-1-1, A-1-2, A-1-3, A-1-4; 2 headline KPIs
/// and 9 KPIs) and the header's five text lines, each a band of its own since its
/// fragments are stacked (政策分野 beside 基本的方 / 向性): 22.
#[test]
fn cells_svg_draws_glyphs_columns_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("page1.svg");
    let pdf = fixture("borderless/joetsu-kpi-progress-r5.none.lo.pdf");
    let o = run(bin()
        .arg("cells")
        .arg(&pdf)
        .args(["--page", "1", "--svg"])
        .arg(&svg));
    assert!(o.status.success(), "{}", stderr(&o));
    // The cells of that page are printed as without --svg.
    let plain = run(bin().arg("cells").arg(&pdf).args(["--page", "1"]));
    assert_eq!(o.stdout, plain.stdout);
    let bytes = std::fs::read(&svg).unwrap();
    let (counts, glyph_texts) = svg_classes(&bytes);
    let count = |k: &str| counts.get(k).copied().unwrap_or(0);
    assert_eq!(count("rect.glyph"), 1050, "{counts:?}");
    assert_eq!(
        glyph_texts.len(),
        1050,
        "every glyph box names its character"
    );
    assert!(glyph_texts.concat().contains("メイド・イン上越認証品数"));
    assert_eq!(count("g.region"), 1, "{counts:?}");
    assert_eq!(count("rect.region"), 1, "{counts:?}");
    assert_eq!(count("rect.column"), 6, "{counts:?}");
    assert_eq!(count("rect.row"), 22, "{counts:?}");
    // The same page gives the same bytes.
    let again = dir.path().join("again.svg");
    let o = run(bin()
        .arg("cells")
        .arg(&pdf)
        .args(["--page", "1", "--svg"])
        .arg(&again));
    assert!(o.status.success());
    assert_eq!(bytes, std::fs::read(&again).unwrap());
}

/// `--svg` needs one page of a PDF: anything else is a one-line usage error.
#[test]
fn cells_svg_needs_one_pdf_page() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("out.svg");
    let pdf = fixture("borderless/joetsu-kpi-progress-r5.none.lo.pdf");
    for (input, pages) in [
        (pdf.clone(), None),
        (pdf.clone(), Some("1-2")),
        (pdf.clone(), Some("99")),
        (fixture("sample-city-kpi-r4.txt"), Some("1")),
    ] {
        let mut cmd = bin();
        cmd.arg("cells").arg(&input).arg("--svg").arg(&svg);
        if let Some(p) = pages {
            cmd.args(["--page", p]);
        }
        let o = run(&mut cmd);
        assert_eq!(o.status.code(), Some(2), "{input:?} {pages:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(!svg.exists(), "nothing written for {input:?} {pages:?}");
    }
}

/// `check --ignore` leaves a field out wherever it is; a difference inside a KPI names it.
#[test]
fn check_ignores_fields_and_names_the_kpi() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.txt");
    std::fs::copy(fixture("kashiwazaki-progress-report-r3.txt"), &input).unwrap();
    let expected = dir.path().join("report.expected.json");
    let o = run(bin().arg("extract").arg(&input).arg("-o").arg(&expected));
    assert!(o.status.success());
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&expected).unwrap()).unwrap();
    let kpi = doc["kpis"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|k| k["id"] == "P-1.1")
        .unwrap();
    kpi["provenance"]["line"] = serde_json::json!(1);
    kpi["observations"][2]["value"]["decimal"] = serde_json::json!("327");
    std::fs::write(&expected, serde_json::to_vec(&doc).unwrap()).unwrap();
    let o = run(bin().arg("check").arg(&input).arg(&expected));
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
    let o = run(bin()
        .args(["check", "-q", "--ignore", "provenance"])
        .arg(&input)
        .arg(&expected));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].ends_with(" (P-1.1).observations[2].value.decimal: \"327\" → \"326\""),
        "{out}"
    );
    let o = run(bin()
        .args([
            "check",
            "--ignore",
            "provenance",
            "--ignore",
            "value.decimal",
        ])
        .arg(&input)
        .arg(&expected));
    assert!(o.status.success(), "{}", stderr(&o));
}
