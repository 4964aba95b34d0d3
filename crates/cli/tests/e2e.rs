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
    assert!(out.join("a-joetsu.json").is_file());
    assert!(out.join("sub/b-kashiwazaki.json").is_file());
    assert!(!out.join("c-bad.json").exists());
    assert!(!out.join("ignored.json").exists());
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
            std::fs::read(out.join("a-joetsu.json")).unwrap(),
            std::fs::read(out.join("sub/b-kashiwazaki.json")).unwrap(),
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
        !out.join("a-joetsu.json").exists(),
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

#[test]
fn batch_output_name_collision_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_corpus(dir.path());
    std::fs::copy(inputs.join("a-joetsu.txt"), inputs.join("sub/a-joetsu.txt")).unwrap();
    let o = run(bin()
        .args(["batch", "--out"])
        .arg(dir.path().join("out"))
        .arg(inputs.join("a-joetsu.txt"))
        .arg(inputs.join("sub/a-joetsu.txt")));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("would both write"), "{}", stderr(&o));
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
        out.contains("kpis[2].observations[1].value.decimal: \"166\" → \"167\""),
        "{out}"
    );
    assert!(
        out.contains("kpis[2].observations[1].raw: \"166品\" → \"167品\""),
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

/// The dataset columns are a public interface (README documents them): fixed here.
#[test]
fn dataset_csv_columns_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for name in ["joetsu-kpi-progress-r5", "kashiwazaki-progress-report-r3"] {
        let o = run(bin()
            .arg("extract")
            .arg(fixture(&format!("{name}.txt")))
            .arg("-o")
            .arg(docs.join(format!("{name}.json"))));
        assert!(o.status.success());
    }
    let csv = dir.path().join("all.csv");
    let jsonl = dir.path().join("all.jsonl");
    let o = run(bin()
        .arg("dataset")
        .arg(&docs)
        .arg("--csv")
        .arg(&csv)
        .arg("--excel")
        .arg("--jsonl")
        .arg(&jsonl));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("--excel writes a BOM");
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "municipality_code,municipality_name,source_file,source_sha256,section_code,section_title,\
         kpi_id,kpi_kind,kpi_name,role,value_kind,part_label,number,decimal,unit,comparator,\
         approximate,normalized_number,normalized_unit,text,period_raw,period_year,period_month,\
         period_basis,period_start,period_end,status_code,status_label,departments,\
         provenance_page,provenance_line"
    );
    let rows: Vec<&str> = text.lines().skip(1).collect();
    // 上越: 177 observations, 14 of them parts cells holding 34 parts; 柏崎: 108.
    assert!(rows.len() > 177 + 108, "{} rows", rows.len());
    assert!(
        rows[0].starts_with("152226,上越市,joetsu-kpi-progress-r5.txt,"),
        "{}",
        rows[0]
    );
    assert!(
        rows.iter().any(|r| r.contains(",P-3.2,priority,製造品出荷額における付加価値額,baseline,number,,721,721,億円,,false,72100000000,円,")),
        "a normalized 億円 row"
    );
    assert_eq!(
        std::fs::read_to_string(&jsonl).unwrap().lines().count(),
        rows.len()
    );
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
