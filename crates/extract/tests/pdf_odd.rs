//! Third-party odd PDFs (`/work/shared/corpus/odd-pdfs/`): every file gives Ok or one
//! clear error, never a panic or a hang; known answers for the predefined-CMap files;
//! passwords open encrypted files.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use shinchoku_extract::pdf::{read_pdf, PdfOptions};
use shinchoku_extract::render_cells;
use shinchoku_extract::{ExtractError, SourceDoc};

const ODD: &str = "/work/shared/corpus/odd-pdfs";
const TIMEOUT: Duration = Duration::from_secs(20);

enum Outcome {
    Done(Result<SourceDoc, ExtractError>),
    Panicked,
    TimedOut,
}

/// Read a file on its own thread, giving up after [`TIMEOUT`].
fn read_bounded(path: &Path, opts: PdfOptions) -> Outcome {
    let bytes = std::fs::read(path).unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(|| read_pdf(&bytes, &opts));
        let _ = tx.send(result);
    });
    match rx.recv_timeout(TIMEOUT) {
        Ok(Ok(result)) => Outcome::Done(result),
        Ok(Err(_)) => Outcome::Panicked,
        Err(_) => Outcome::TimedOut,
    }
}

fn all_pdfs() -> Option<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut dirs = vec![PathBuf::from(ODD)];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            println!("skipped: {ODD} is absent");
            return None;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
                out.push(p);
            }
        }
    }
    out.sort();
    Some(out)
}

#[test]
fn every_odd_pdf_gives_ok_or_one_clear_error() {
    let Some(files) = all_pdfs() else { return };
    assert!(files.len() >= 140, "{} files", files.len());
    let (mut ok, mut errors, mut bad) = (0, Vec::new(), Vec::new());
    let started = Instant::now();
    for path in &files {
        let name = path.strip_prefix(ODD).unwrap().display().to_string();
        let t = Instant::now();
        match read_bounded(path, PdfOptions::default()) {
            Outcome::Done(Ok(doc)) => {
                ok += 1;
                // Never silent garbage: a document without lines says why.
                if doc.lines.is_empty() {
                    assert!(!doc.warnings.is_empty(), "{name}: no lines and no warning");
                }
            }
            Outcome::Done(Err(e)) => {
                let message = e.to_string();
                assert!(
                    !message.is_empty() && !message.contains('\n'),
                    "{name}: unclear error {message:?}"
                );
                errors.push(format!("{name}: {message}"));
            }
            Outcome::Panicked => bad.push(format!("{name}: PANIC")),
            Outcome::TimedOut => bad.push(format!("{name}: TIMEOUT")),
        }
        if t.elapsed() > Duration::from_secs(5) {
            println!("slow: {name} {:?}", t.elapsed());
        }
    }
    println!(
        "odd-pdfs: {} files, {ok} ok, {} errors, {} panics/timeouts, {:?}",
        files.len(),
        errors.len(),
        bad.len(),
        started.elapsed()
    );
    for e in &errors {
        println!("  error {e}");
    }
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(ok > files.len() / 2, "only {ok} ok");
}

fn read_odd(rel: &str, password: Option<&str>) -> Option<Result<SourceDoc, ExtractError>> {
    let path = Path::new(ODD).join(rel);
    if !path.exists() {
        println!("skipped: {} is absent", path.display());
        return None;
    }
    let opts = PdfOptions {
        password: password.map(str::to_string),
        ..Default::default()
    };
    match read_bounded(&path, opts) {
        Outcome::Done(r) => Some(r),
        _ => panic!("{rel}: panic or timeout"),
    }
}

fn all_text(doc: &SourceDoc) -> String {
    doc.lines
        .iter()
        .map(|l| l.raw.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn predefined_japanese_cmaps_give_their_known_text() {
    for (file, expected) in [
        ("pdfjs/noembed-sjis.pdf", vec!["あいうえお"]),
        ("pdfjs/noembed-eucjp.pdf", vec!["あいうえお"]),
        (
            "pdfjs/90ms_rksj_h_sample.pdf",
            vec!["Hello ASCII", "日本語テスト"],
        ),
    ] {
        let Some(result) = read_odd(file, None) else {
            return;
        };
        let doc = result.unwrap_or_else(|e| panic!("{file}: {e}"));
        let text = all_text(&doc);
        for e in expected {
            assert!(
                text.contains(e),
                "{file}: {e:?} not in\n{}",
                render_cells(&doc, None)
            );
        }
    }
}

#[test]
fn vertical_writing_reads_top_to_bottom() {
    let Some(result) = read_odd("pdfjs/vertical.pdf", None) else {
        return;
    };
    let doc = result.unwrap();
    println!("{}", render_cells(&doc, None));
    let text = all_text(&doc);
    // Japanese, not one glyph per line in reverse.
    assert!(
        text.chars()
            .filter(
                |c| ('\u{3040}'..='\u{30FF}').contains(c) || ('\u{4E00}'..='\u{9FFF}').contains(c)
            )
            .count()
            >= 5,
        "{text}"
    );
}

#[test]
fn passwords_open_encrypted_files_and_their_absence_is_reported() {
    for (file, password) in [
        ("pdfplumber/tests_pdfs_password-example.pdf", "test"),
        (
            "pdfminer.six/samples_encryption_aes-256-r6.pdf",
            "usersecret",
        ),
        (
            "pypdf-sample-files/005-libreoffice-writer-password_libreoffice-writer-password.pdf",
            "openpassword",
        ),
    ] {
        let Some(without) = read_odd(file, None) else {
            return;
        };
        assert!(
            matches!(without, Err(ExtractError::Encrypted)),
            "{file}: {without:?}"
        );
        let wrong = read_odd(file, Some("not-the-password")).unwrap();
        assert!(
            matches!(wrong, Err(ExtractError::WrongPassword)),
            "{file}: {wrong:?}"
        );
        let with = read_odd(file, Some(password)).unwrap();
        let doc = with.unwrap_or_else(|e| panic!("{file} with password: {e}"));
        assert!(!doc.lines.is_empty(), "{file}: no text");
    }
    // pdfminer's RC4 and AES samples (user password `baz`, owner `foo`; the revision 6 one
    // `usersecret`/`ownersecret`, per pdfminer's tests) open with either password, as
    // poppler opens them: most hold their /Encrypt dictionary directly in the trailer,
    // which lopdf alone does not read, and lopdf does not derive the key from an owner
    // password of revisions 2–4 (both patched in vendor/pdfplumber-parse).
    for (file, user, owner) in [
        ("pdfminer.six/samples_encryption_rc4-40.pdf", "baz", "foo"),
        ("pdfminer.six/samples_encryption_rc4-128.pdf", "baz", "foo"),
        ("pdfminer.six/samples_encryption_aes-128.pdf", "baz", "foo"),
        (
            "pdfminer.six/samples_encryption_aes-128-m.pdf",
            "baz",
            "foo",
        ),
        ("pdfminer.six/samples_encryption_aes-256.pdf", "baz", "foo"),
        (
            "pdfminer.six/samples_encryption_aes-256-m.pdf",
            "baz",
            "foo",
        ),
        (
            "pdfminer.six/samples_encryption_aes-256-r6.pdf",
            "usersecret",
            "ownersecret",
        ),
        (
            "pypdf-sample-files/005-libreoffice-writer-password_libreoffice-writer-password.pdf",
            "openpassword",
            "permissionpassword",
        ),
    ] {
        let Some(without) = read_odd(file, None) else {
            return;
        };
        assert!(
            matches!(without, Err(ExtractError::Encrypted)),
            "{file}: {without:?}"
        );
        let wrong = read_odd(file, Some("not-the-password")).unwrap();
        assert!(
            matches!(wrong, Err(ExtractError::WrongPassword)),
            "{file}: {wrong:?}"
        );
        for password in [user, owner] {
            let doc = read_odd(file, Some(password))
                .unwrap()
                .unwrap_or_else(|e| panic!("{file} with {password}: {e}"));
            assert!(!all_text(&doc).trim().is_empty(), "{file}: no text");
        }
    }
    // Owner-only encryption (empty user password): extracted without asking.
    let Some(owner_only) = read_odd("pdfplumber/tests_pdfs_pr-138-example.pdf", None) else {
        return;
    };
    let doc = owner_only.unwrap_or_else(|e| panic!("owner-only: {e}"));
    assert!(!doc.lines.is_empty());
}

#[test]
fn fake_bold_duplicates_are_read_once() {
    let Some(result) = read_odd("pdfplumber/tests_pdfs_issue-71-duplicate-chars.pdf", None) else {
        return;
    };
    let doc = result.unwrap();
    let text = all_text(&doc);
    println!("{}", render_cells(&doc, Some(1)));
    // Doubled glyphs would read as "TThhee" / "LLaabb"; none survive.
    let doubled = text.split_whitespace().filter(|w| {
        let c: Vec<char> = w.chars().collect();
        c.len() >= 6 && c.chunks(2).all(|p| p.len() == 2 && p[0] == p[1])
    });
    assert_eq!(doubled.count(), 0, "{text}");
}

#[test]
fn empty_and_corrupt_files_error_clearly() {
    let Some(empty) = read_odd("pdfplumber/tests_pdfs_empty.pdf", None) else {
        return;
    };
    let e = empty.unwrap_err();
    assert!(matches!(e, ExtractError::Pdf(_)), "{e:?}");
}

/// Files without a cross-reference table (pdfminer's `simple1` and `simple3`, whose
/// stream lengths are wrong too) are read from a table rebuilt from their objects, as
/// poppler reads them; the text is poppler's.
#[test]
fn files_without_an_xref_table_are_rebuilt() {
    for (file, words) in [
        ("pdfminer.six/samples_simple1.pdf", vec!["Hello", "World"]),
        (
            "pdfminer.six/samples_simple3.pdf",
            vec!["Hello", "あいうえお", "World"],
        ),
    ] {
        let Some(read) = read_odd(file, None) else {
            return;
        };
        let doc = read.unwrap_or_else(|e| panic!("{file}: {e}"));
        let text = all_text(&doc);
        for w in words {
            assert!(text.contains(w), "{file}: {w} not in {text:?}");
        }
    }
}
