//! Panics inside PDF libraries never escape `read_pdf`.
//!
//! Library code is run under [`catch_quiet`], which catches the unwind and returns the
//! panic message as an error. To keep the default hook from printing a backtrace-style
//! message for a panic we are going to catch, one process-wide hook is installed the first
//! time (`std::sync::Once`): it wraps whatever hook was installed before and stays silent
//! only while the panicking thread is inside `catch_quiet` (a thread-local depth counter),
//! so other threads' panics print as before. Nothing swaps the global hook per call. If a
//! caller later installs its own hook, ours is replaced and panics print again, which is
//! harmless: they are still caught.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET_DEPTH: Cell<u32> = const { Cell::new(0) };
}

static INSTALL: Once = Once::new();

fn install_filter() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET_DEPTH.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
}

/// Run `f`, turning a panic into `Err(message)` without printing it.
pub fn catch_quiet<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_filter();
    QUIET_DEPTH.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(std::string::ToString::to_string)
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}
