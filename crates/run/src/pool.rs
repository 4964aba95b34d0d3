//! The batch side of worker processes: start a worker, send it a file, wait for the reply
//! at most `--timeout` (counted from the request, so reading the input is included), and
//! when the worker dies or times out, kill it, say why, and start another for the next
//! file.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::worker::{self, Reply, WorkerConfig};

/// How much of a worker's stderr is kept to explain its death.
const STDERR_TAIL: usize = 4096;

/// How to start workers.
#[derive(Debug, Clone)]
pub struct WorkerSpec {
    /// The `shinchoku` executable (the batch's own, `std::env::current_exe`).
    pub exe: PathBuf,
    pub config: WorkerConfig,
    /// Files one worker converts before it is replaced by a fresh one (`None`: no limit).
    pub files_per_worker: Option<usize>,
}

/// One slot of the pool: at most one live worker, started when needed.
pub struct Slot<'a> {
    spec: &'a WorkerSpec,
    worker: Option<Worker>,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: mpsc::Receiver<(Reply, Vec<u8>)>,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    served: usize,
}

impl<'a> Slot<'a> {
    pub fn new(spec: &'a WorkerSpec) -> Slot<'a> {
        Slot { spec, worker: None }
    }

    /// Convert one file in a worker: its reply and document, or the reason it failed.
    pub fn convert(
        &mut self,
        input: &Path,
        output: &Path,
        timeout: Duration,
    ) -> Result<(Reply, Vec<u8>), String> {
        if self.worker.is_none() {
            self.worker = Some(self.start()?);
        }
        let Some(worker) = self.worker.as_mut() else {
            return Err("internal error: no worker".into());
        };
        if let Err(e) = worker::write_request(&mut worker.stdin, input, output) {
            let reason = self.bury(&format!("cannot send the file to the worker: {e}"));
            return Err(reason);
        }
        match worker.replies.recv_timeout(timeout) {
            Ok(reply) => {
                worker.served += 1;
                if self
                    .spec
                    .files_per_worker
                    .is_some_and(|n| worker.served >= n)
                {
                    self.retire();
                }
                Ok(reply)
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if let Some(mut w) = self.worker.take() {
                    let _ = w.child.kill();
                    let _ = w.child.wait();
                }
                Err(format!(
                    "timed out after {} s (--timeout)",
                    timeout.as_secs_f64()
                ))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(self.bury("")),
        }
    }

    fn start(&self) -> Result<Worker, String> {
        let mut cmd = Command::new(&self.spec.exe);
        cmd.arg("worker")
            .args(self.spec.config.args())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if self.spec.config.max_memory.is_some() {
            // mimalloc reserves 1 GiB of address space up front by default, which an
            // address-space limit counts as used; smaller reservations leave the limit to
            // what the file needs.
            cmd.env("MIMALLOC_ARENA_RESERVE", "32MiB");
        }
        match &self.spec.config.options.password {
            Some(pw) => cmd.env(worker::PASSWORD_ENV, pw),
            None => cmd.env_remove(worker::PASSWORD_ENV),
        };
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start a worker process: {e}"))?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err("cannot connect to a worker process".into());
        };
        let (tx, replies) = mpsc::channel();
        spawn_named("shinchoku-replies", move || {
            let mut r = BufReader::new(stdout);
            while let Ok(Some(reply)) = worker::read_reply(&mut r) {
                if tx.send(reply).is_err() {
                    break;
                }
            }
        })?;
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let tail = Arc::clone(&stderr_tail);
        spawn_named("shinchoku-stderr", move || keep_tail(stderr, &tail))?;
        Ok(Worker {
            child,
            stdin,
            replies,
            stderr_tail,
            served: 0,
        })
    }

    /// The worker ended without a reply: wait for it and say why it ended.
    fn bury(&mut self, context: &str) -> String {
        let Some(mut w) = self.worker.take() else {
            return "internal error: no worker".into();
        };
        drop(w.stdin);
        let status = w.child.wait();
        // The stderr reader ends when the process does; a moment for it to catch up.
        std::thread::sleep(Duration::from_millis(20));
        let tail = w
            .stderr_tail
            .lock()
            .map(|t| String::from_utf8_lossy(&t).into_owned())
            .unwrap_or_default();
        let reason = death_reason(status.ok(), &tail, self.spec.config.max_memory);
        if context.is_empty() {
            reason
        } else {
            format!("{reason} ({context})")
        }
    }

    /// Let the worker finish: close its input and wait for it.
    fn retire(&mut self) {
        if let Some(mut w) = self.worker.take() {
            drop(w.stdin);
            let _ = w.child.wait();
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.retire();
    }
}

fn spawn_named(name: &str, f: impl FnOnce() + Send + 'static) -> Result<(), String> {
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(256 << 10)
        .spawn(f)
        .map(|_| ())
        .map_err(|e| format!("cannot start a thread: {e}"))
}

/// Read a worker's stderr to its end, keeping the last [`STDERR_TAIL`] bytes.
fn keep_tail(mut stderr: impl Read, tail: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = stderr.read(&mut buf) {
        if n == 0 {
            break;
        }
        if let Ok(mut t) = tail.lock() {
            t.extend_from_slice(&buf[..n]);
            let excess = t.len().saturating_sub(STDERR_TAIL);
            t.drain(..excess);
        }
    }
}

/// Why a worker died, from its exit status and what it last printed: the runtime prints a
/// line for a stack overflow and for a failed allocation before it aborts.
fn death_reason(
    status: Option<std::process::ExitStatus>,
    stderr: &str,
    max_memory: Option<u64>,
) -> String {
    use std::os::unix::process::ExitStatusExt;
    let limit = max_memory.map_or_else(String::new, |b| format!(" {} MB", b >> 20));
    if stderr.contains("has overflowed its stack") {
        return "stack overflow while reading (the file nests too deeply)".into();
    }
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        return format!("out of memory: needs more than --max-memory{limit}");
    }
    match status {
        Some(s) if s.signal() == Some(9) => {
            format!("the worker was killed (SIGKILL; out of memory? --max-memory{limit})")
        }
        Some(s) if s.signal().is_some() => format!(
            "the worker crashed (signal {})",
            s.signal().unwrap_or_default()
        ),
        Some(s) => format!("the worker stopped without a result ({s})"),
        None => "the worker stopped without a result".into(),
    }
}
