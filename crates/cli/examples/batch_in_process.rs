//! The work of `shinchoku batch DIR --out OUT --jsonl ALL.jsonl --jobs N` without its worker
//! processes: the same pipeline on N threads of one process, outputs written the same way.
//! It exists to measure what process isolation costs (BENCHMARKS.md, issue 18):
//!
//!     cargo run --release -p shinchoku --example batch_in_process -- DIR OUT JOBS
//!
//! Not a second batch: no skip key, no summary, no limits; a file that fails is counted.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use shinchoku_run::output::write_atomic_unsynced;
use shinchoku_run::pipeline::{document_json, process_bytes, read_input, Options};

/// The binary's allocator, so that only the isolation differs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, out, jobs] = args.as_slice() else {
        eprintln!("usage: batch_in_process DIR OUT JOBS");
        std::process::exit(2);
    };
    let jobs: usize = jobs.parse().expect("JOBS is a number");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("DIR reads")
        .map(|e| e.expect("entry reads").path())
        .collect();
    inputs.sort();
    let out = Path::new(out);
    std::fs::create_dir_all(out).expect("OUT is made");
    let next = AtomicUsize::new(0);
    let documents: Mutex<Vec<Option<Vec<u8>>>> = Mutex::new(vec![None; inputs.len()]);
    let options = Options::default();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = inputs.get(i) else { break };
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let Ok(bytes) = read_input(path) else {
                    continue;
                };
                let Ok(doc) = process_bytes(&name, &bytes, &options) else {
                    continue;
                };
                let json = document_json(&doc, bytes.len()).expect("JSON writes");
                write_atomic_unsynced(&out.join(format!("{name}.json")), &json)
                    .expect("output writes");
                documents.lock().unwrap()[i] = Some(json);
            });
        }
    });
    let documents = documents.into_inner().unwrap();
    let failed = documents.iter().filter(|d| d.is_none()).count();
    let mut jsonl = Vec::new();
    for json in documents.into_iter().flatten() {
        jsonl.extend_from_slice(&json);
        jsonl.push(b'\n');
    }
    write_atomic_unsynced(&out.join("all.jsonl"), &jsonl).expect("JSON Lines write");
    println!("{} files, {failed} failed", inputs.len());
}
