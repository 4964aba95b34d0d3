//! `batch`: bad files beside good ones, job counts, input order, skipping, output names, JSON Lines.

use super::*;

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
