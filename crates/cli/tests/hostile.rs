//! Crafted hostile inputs (issue 18), built here on the fly: each must give one clear
//! `error:` line naming the file through `extract`, and one batch over all of them beside
//! good reports must convert every good report, report every bad file on one line, print
//! its summary and exit 1. Peak memory is measured by `scripts/hostile-rss`, not here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shinchoku"));
    cmd.stdin(Stdio::null());
    cmd
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A PDF from numbered objects (1 is the catalog), with a correct xref table. Streams
/// are given as (dictionary entries, data): `/Length` is added.
enum Obj {
    Dict(String),
    Stream(String, Vec<u8>),
}

fn raw_pdf(objects: &[Obj]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        match obj {
            Obj::Dict(d) => out.extend_from_slice(d.as_bytes()),
            Obj::Stream(d, data) => {
                write!(out, "<< {d} /Length {} >>\nstream\n", data.len()).unwrap();
                out.extend_from_slice(data);
                out.extend_from_slice(b"\nendstream");
            }
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for o in offsets {
        writeln!(out, "{o:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const TEXT: &[u8] = b"BT /F1 12 Tf 72 700 Td (KPI 1 Residents 842) Tj ET\n";

/// Catalog, pages, one page (object 3) with `page_extra` entries, its content, the font.
fn one_page_pdf(page_extra: &str, content: Vec<u8>, more: Vec<Obj>) -> Vec<u8> {
    let mut objects = vec![
        Obj::Dict("<< /Type /Catalog /Pages 2 0 R >>".into()),
        Obj::Dict("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into()),
        Obj::Dict(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> {page_extra} >> >>"
        )),
        Obj::Stream(String::new(), content),
        Obj::Dict(FONT.into()),
    ];
    objects.extend(more);
    raw_pdf(&objects)
}

fn with_text(extra: &[u8]) -> Vec<u8> {
    [TEXT, extra].concat()
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The hostile files, by name, each with a word its error must contain.
fn hostile_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut files = Vec::new();
    let mut add = |name: &str, bytes: &[u8], reason: &'static str| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        files.push((path, reason));
    };
    let deep = 10_000;
    let nested = format!("{}{} TJ\n", "[".repeat(deep), "]".repeat(deep));
    add(
        "deep-content.pdf",
        &one_page_pdf("", with_text(nested.as_bytes()), vec![]),
        "nested more than 256 deep",
    );
    let nested_dict = format!(
        "/P <<{}>> BDC EMC\n",
        "/A <<".repeat(deep) + &">>".repeat(deep)
    );
    add(
        "deep-content-dict.pdf",
        &one_page_pdf("", with_text(nested_dict.as_bytes()), vec![]),
        "nested more than 256 deep",
    );
    // Deep nesting in an object (the page's /Annots): lopdf's parser bounds its depth;
    // the page dictionary then does not parse, and the file has no readable page.
    let objects = vec![
        Obj::Dict("<< /Type /Catalog /Pages 2 0 R >>".into()),
        Obj::Dict("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into()),
        Obj::Dict(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Annots {}{} /Resources << /Font << /F1 5 0 R >> >> >>",
            "[".repeat(deep),
            "]".repeat(deep)
        )),
        Obj::Stream(String::new(), TEXT.to_vec()),
        Obj::Dict(FONT.into()),
    ];
    add("deep-object.pdf", &raw_pdf(&objects), "");
    // A form XObject (object 6) that draws itself.
    add(
        "self-drawing.pdf",
        &one_page_pdf(
            "/XObject << /X1 6 0 R >>",
            with_text(b"/X1 Do\n"),
            vec![Obj::Stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 100 100] \
                 /Resources << /XObject << /X1 6 0 R >> >>"
                    .into(),
                b"/X1 Do".to_vec(),
            )],
        ),
        "form XObjects nested more than",
    );
    // The page's /Parent chain is a cycle and no node has a /MediaBox: looking one up
    // walks the chain.
    let objects = vec![
        Obj::Dict("<< /Type /Catalog /Pages 2 0 R >>".into()),
        Obj::Dict("<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 6 0 R >>".into()),
        Obj::Dict(
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> >>"
                .into(),
        ),
        Obj::Stream(String::new(), TEXT.to_vec()),
        Obj::Dict(FONT.into()),
        Obj::Dict("<< /Type /Pages /Kids [] /Count 0 /Parent 2 0 R >>".into()),
    ];
    add("parent-cycle.pdf", &raw_pdf(&objects), "cycle");
    // Flate inside flate: 192 MB of spaces once both layers are undone.
    let spaces = vec![b' '; 192 << 20];
    let twice = zlib(&zlib(&with_text(&spaces)));
    drop(spaces);
    let objects = vec![
        Obj::Dict("<< /Type /Catalog /Pages 2 0 R >>".into()),
        Obj::Dict("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into()),
        Obj::Dict(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> >> >>"
                .into(),
        ),
        Obj::Stream("/Filter [/FlateDecode /FlateDecode]".into(), twice),
        Obj::Dict(FONT.into()),
    ];
    add("flate-bomb.pdf", &raw_pdf(&objects), "decodes to more than");
    // One page lists a 64 MB stream five times: each is within the per-stream limit,
    // the page's content is not.
    let once = zlib(&vec![b' '; 64 << 20]);
    let objects = vec![
        Obj::Dict("<< /Type /Catalog /Pages 2 0 R >>".into()),
        Obj::Dict("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into()),
        Obj::Dict(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Contents [4 0 R 6 0 R 6 0 R 6 0 R 6 0 R 6 0 R] \
             /Resources << /Font << /F1 5 0 R >> >> >>"
                .into(),
        ),
        Obj::Stream(String::new(), TEXT.to_vec()),
        Obj::Dict(FONT.into()),
        Obj::Stream("/Filter /FlateDecode".into(), once),
    ];
    add(
        "contents-repeated.pdf",
        &raw_pdf(&objects),
        "its content streams and forms decode to more than 256 MB",
    );
    add("tabs.txt", &vec![b'\t'; 50 << 20], "--max-cells");
    add(
        "empty-\u{1b}]0;retitled\u{7}-\nerror: forged.txt",
        b"",
        "empty",
    );
    let fifo = dir.join("fifo.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        files.push((fifo, "not a regular file"));
    } else {
        eprintln!("mkfifo unavailable: the FIFO case is skipped");
    }
    files
}

/// The file's name as messages print it: control characters escaped.
fn escaped(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn hostile_files_give_one_error_line_each_and_never_stop_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let bad_dir = dir.path().join("bad");
    std::fs::create_dir(&bad_dir).unwrap();
    let bad = hostile_files(&bad_dir);

    for (file, reason) in &bad {
        let o = bin().arg("extract").arg(file).output().unwrap();
        let lines = stderr_lines(&o);
        let name = escaped(file);
        assert_eq!(o.status.code(), Some(2), "{name}: {lines:?}");
        assert_eq!(lines.len(), 1, "{name}: {lines:?}");
        assert!(
            lines[0].starts_with(&format!("error: {name}: ")),
            "{name}: {lines:?}"
        );
        assert!(lines[0].contains(reason), "{name}: {reason:?} in {lines:?}");
        assert!(!lines[0].contains('\u{1b}'), "{lines:?}");
        assert!(o.stdout.is_empty(), "{name}");
    }

    // A good report under a name with ESC and a newline converts; the batch's lines name
    // it escaped.
    let good_dir = dir.path().join("good");
    std::fs::create_dir(&good_dir).unwrap();
    let mut good = Vec::new();
    for (i, name) in [
        "joetsu-kpi-progress-r5.txt",
        "kashiwazaki-progress-report-r3.txt",
        "sample-city-kpi-r4.txt",
    ]
    .iter()
    .enumerate()
    {
        let bytes = std::fs::read(repo().join("fixtures").join(name)).unwrap();
        let target = if i == 0 {
            good_dir.join("odd-\u{1b}[31m-\nname.txt")
        } else {
            good_dir.join(name)
        };
        std::fs::write(&target, bytes).unwrap();
        good.push(target);
    }

    let out = dir.path().join("out");
    let jsonl = dir.path().join("all.jsonl");
    let mut cmd = bin();
    cmd.args(["batch", "--quiet", "--jobs", "2", "--out"])
        .arg(&out)
        .arg("--jsonl")
        .arg(&jsonl);
    for (file, _) in &bad {
        cmd.arg(file);
    }
    cmd.args(&good);
    let o = cmd.output().unwrap();
    let lines = stderr_lines(&o);
    assert_eq!(o.status.code(), Some(1), "{lines:#?}");
    let total = bad.len() + good.len();
    assert!(
        lines[0].starts_with(&format!(
            "{total} files: {} ok, 0 unchanged, {} failed",
            good.len(),
            bad.len()
        )),
        "{lines:#?}"
    );
    for (file, reason) in &bad {
        let prefix = format!("  error: {}: ", escaped(file));
        let mine: Vec<&String> = lines.iter().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(mine.len(), 1, "{prefix}: {lines:#?}");
        assert!(mine[0].contains(reason), "{reason:?}: {mine:?}");
    }
    assert!(!lines.iter().any(|l| l.contains('\u{1b}')), "{lines:#?}");
    for file in &good {
        let mut name = file.file_name().unwrap().to_os_string();
        name.push(".json");
        let doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap();
        assert!(!doc["kpis"].as_array().unwrap().is_empty(), "{file:?}");
    }
    let jsonl = std::fs::read_to_string(&jsonl).unwrap();
    assert_eq!(jsonl.lines().count(), good.len());
}

/// A PDF of `pages` pages, each showing the text and a flate-compressed `filler` of
/// spaces; page 2 also draws a form holding `filler` ten times when `drawings`.
fn filled_pages_pdf(pages: usize, filler: usize, drawings: bool) -> Vec<u8> {
    let filler = zlib(&vec![b' '; filler]);
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 6 + 3 * i)).collect();
    let mut objects = vec![
        Obj::Dict("<< /Type /Catalog /Pages 2 0 R >>".into()),
        Obj::Dict(format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )),
        Obj::Stream(String::new(), TEXT.to_vec()),
        Obj::Dict(FONT.into()),
        Obj::Stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Filter /FlateDecode".into(),
            filler.clone(),
        ),
    ];
    for i in 0..pages {
        let page = 6 + 3 * i;
        objects.push(Obj::Dict(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Contents [3 0 R {} 0 R {} 0 R] \
             /Resources << /Font << /F1 4 0 R >> /XObject << /X1 5 0 R >> >> >>",
            page + 1,
            page + 2
        )));
        objects.push(Obj::Stream("/Filter /FlateDecode".into(), filler.clone()));
        let draws = if drawings && i == 1 {
            "/X1 Do\n".repeat(10)
        } else {
            String::new()
        };
        objects.push(Obj::Stream(String::new(), draws.into_bytes()));
    }
    raw_pdf(&objects)
}

/// `--max-decoded` sums the pages in page order, each drawing of a form counting again,
/// and names the page by which the sum passes it, whatever the number of threads reading
/// pages in parallel. Pages of 300,000 spaces (plus the text line): with ten drawings of
/// the form on page 2 the sum is 3.6 MB after page 2; without them it first passes 2 MiB
/// (2,097,152 bytes) after page 7 (2,100,357 bytes).
#[test]
fn decoded_budget_names_the_page_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for (drawings, page) in [(true, 2), (false, 7)] {
        let file = dir.path().join(format!("filled-{drawings}.pdf"));
        std::fs::write(&file, filled_pages_pdf(9, 300_000, drawings)).unwrap();
        for threads in ["1", "2", "5"] {
            let o = bin()
                .env("RAYON_NUM_THREADS", threads)
                .args(["extract", "--max-decoded", "2"])
                .arg(&file)
                .output()
                .unwrap();
            let lines = stderr_lines(&o);
            assert_eq!(o.status.code(), Some(2), "{lines:?}");
            assert_eq!(
                lines,
                [format!(
                    "error: {}: page {page}: the document's content streams decode to more \
                     than 2 MB by this page; raise the limit with --max-decoded",
                    file.display()
                )],
                "{threads} threads"
            );
        }
        // Under the default budget the same file converts.
        let o = bin().arg("extract").arg(&file).output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// A file that needs more than `--max-memory` fails alone; one that runs past
/// `--timeout` is killed and fails alone; the others convert. The big file is 96 MB so
/// that reading it takes well over the 0.2 s timeout on any machine the suite runs on
/// (24 MB once took 0.14 s, and the test then failed).
#[test]
fn memory_and_time_limits_cost_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::new();
    while line.len() < 96 << 20 {
        line.push_str("進捗状況\t12,345人 (R5)\t");
    }
    let big = dir.path().join("big.txt");
    std::fs::write(&big, line).unwrap();
    let small = dir.path().join("small.txt");
    std::fs::copy(repo().join("fixtures/sample-city-kpi-r4.txt"), &small).unwrap();
    let out = dir.path().join("out");
    for (limit, reason) in [
        (
            ["--max-memory", "200"],
            "out of memory: needs more than --max-memory 200 MB",
        ),
        (["--timeout", "0.2"], "timed out after 0.2 s (--timeout)"),
    ] {
        let o = bin()
            .args([
                "batch",
                "--quiet",
                "--force",
                "--jobs",
                "1",
                "--max-cells",
                "10000000",
            ])
            .args(limit)
            .arg("--out")
            .arg(&out)
            .arg(&big)
            .arg(&small)
            .output()
            .unwrap();
        let lines = stderr_lines(&o);
        assert_eq!(o.status.code(), Some(1), "{lines:#?}");
        assert!(
            lines[0].starts_with("2 files: 1 ok, 0 unchanged, 1 failed"),
            "{lines:#?}"
        );
        let expected = format!("  error: {}: {reason}", big.display());
        assert!(lines.contains(&expected), "{expected}: {lines:#?}");
        assert!(out.join("small.txt.json").is_file());
    }
}

/// `check DIR` reads only files in DIR; `batch` refuses an out dir that is its input,
/// reports links inside a directory instead of skipping them, removes temporary files a
/// killed run left, and prints its summary even when `--jsonl` cannot be written.
#[test]
fn check_is_confined_and_batch_leaves_no_loose_ends() {
    let dir = tempfile::tempdir().unwrap();
    let checked = dir.path().join("checked");
    std::fs::create_dir(&checked).unwrap();
    std::fs::write(dir.path().join("outside.txt"), "secret\tline\n").unwrap();
    for name in ["../outside.txt", "/etc/hostname"] {
        let expected = serde_json::json!({"source": {"file": name}});
        std::fs::write(
            checked.join("x.expected.json"),
            serde_json::to_vec(&expected).unwrap(),
        )
        .unwrap();
        let o = bin().arg("check").arg(&checked).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("is not a file name inside"), "{err}");
        assert!(o.stdout.is_empty() && !err.contains("secret"), "{err}");
    }

    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        repo().join("fixtures/sample-city-kpi-r4.txt"),
        inputs.join("a.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside.txt"), inputs.join("link.txt")).unwrap();
    let o = bin()
        .args(["batch", "--glob", "*.txt", "--out"])
        .arg(&inputs)
        .arg(&inputs)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is an input directory"));

    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let stale = out.join(".shinchoku-left.tmp");
    let file = std::fs::File::create(&stale).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    file.set_modified(hour_ago).unwrap();
    drop(file);
    let o = bin()
        .args(["batch", "--quiet", "--out"])
        .arg(&out)
        .arg("--jsonl")
        .arg(dir.path().join("no/such/dir/all.jsonl"))
        .arg(&inputs)
        .output()
        .unwrap();
    let lines = stderr_lines(&o);
    assert_eq!(o.status.code(), Some(2), "{lines:#?}");
    assert!(
        lines[0].starts_with("2 files: 1 ok, 0 unchanged, 1 failed"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("link.txt: a symbolic link")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("error: cannot write ")),
        "{lines:#?}"
    );
    assert!(out.join("in/a.txt.json").is_file());
    assert!(!stale.exists(), "the stale temporary file is still there");
}
