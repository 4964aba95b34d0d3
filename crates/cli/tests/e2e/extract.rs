//! `extract`: errors, outputs (atomic, `-`, special files, permissions), stdin, thread count.

use super::*;

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

#[test]
fn extract_output_ends_with_a_newline() {
    let o = run(bin()
        .arg("extract")
        .arg(fixture("joetsu-kpi-progress-r5.txt")));
    assert!(o.status.success());
    assert!(o.stdout.ends_with(b"}\n"));
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
}
