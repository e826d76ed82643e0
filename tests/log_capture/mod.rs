//! Captures what the integrations log, one string per event, per test thread.
//!
//! One global subscriber for the whole test binary, writing into a buffer of the thread that
//! emits the event: a subscriber per test (`set_default`) races with tracing's global callsite
//! cache when tests run in parallel, and then misses events.

use std::cell::RefCell;
use std::future::Future;
use std::io::Write;
use std::sync::Once;

thread_local! {
    static LINES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

struct ThreadBuffer;

impl Write for ThreadBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LINES.with(|lines| lines.borrow_mut().extend_from_slice(buf));
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThreadBuffer)
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_target(true)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

/// Runs `future` on this thread and returns the events of this crate's integrations it logged,
/// at every level, with the future's output.
pub async fn capture<F: Future>(future: F) -> (Vec<String>, F::Output) {
    install();
    LINES.with(|lines| lines.borrow_mut().clear());
    let output = future.await;
    let text = LINES.with(|lines| String::from_utf8(lines.borrow().clone()).unwrap());
    let events = text
        .lines()
        .filter(|line| line.contains("status_core"))
        .map(str::to_owned)
        .collect();
    (events, output)
}
