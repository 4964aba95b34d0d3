//! End-to-end tests of the `shinchoku` binary: what a user sees on the command line, one
//! module per command, sharing the helpers below.

mod batch;
mod cells;
mod check_and_dataset;
mod extract;

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
