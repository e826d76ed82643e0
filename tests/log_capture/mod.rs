//! Captures what the integrations log: one global subscriber per test binary, which writes each
//! event twice, into a buffer of the thread that emits it ([`capture`]: for tests that run in
//! parallel and log on their own thread) and into one buffer of the whole binary ([`logged`]:
//! for servers whose workers log from threads of their own).
//!
//! A subscriber per test (`set_default`) races with tracing's global callsite cache when tests
//! run in parallel, and then misses events; hence one for the binary.
#![allow(dead_code)] // each test file uses some of it

use std::cell::RefCell;
use std::future::Future;
use std::io::Write;
use std::sync::{Mutex, Once};

thread_local! {
    static THREAD: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

static ALL: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Buffers;

impl Write for Buffers {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        THREAD.with(|lines| lines.borrow_mut().extend_from_slice(buf));
        ALL.lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the subscriber, once per binary; every event at debug level and above (the
/// integrations log 4xx at debug, 5xx at error).
pub fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| Buffers)
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .with_target(true)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

/// Runs `future` on this thread and returns the events of this crate's integrations it logged,
/// with the future's output.
pub async fn capture<F: Future>(future: F) -> (Vec<String>, F::Output) {
    install();
    THREAD.with(|lines| lines.borrow_mut().clear());
    let output = future.await;
    let text = THREAD.with(|lines| String::from_utf8(lines.borrow().clone()).unwrap());
    let events = text
        .lines()
        .filter(|line| line.contains("status_core"))
        .map(str::to_owned)
        .collect();
    (events, output)
}

/// Everything logged in this binary so far, by every thread.
pub fn logged() -> String {
    let bytes = ALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The lines logged so far in this binary that contain `needle`.
pub fn logged_lines(needle: &str) -> Vec<String> {
    logged()
        .lines()
        .filter(|line| line.contains(needle))
        .map(str::to_owned)
        .collect()
}
