//! Extension members with fixed values (`extensions(code = "book_not_found")`): stable,
//! machine-readable codes beside the members from fields, in the body byte for byte and in the
//! contract; and the level each variant is logged at (`log = warn`).

use axum::response::IntoResponse;
use status_core::{BodyContract, HttpStatus, LogLevel, VariantContract};

mod log_capture;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum BookError {
    #[error("book {book_id} does not exist")]
    #[status(404, extensions(code = "book_not_found", retryable = false))]
    NotFound {
        #[extension]
        book_id: u64,
    },

    #[error("the catalog is being re-indexed")]
    #[status(503, retry_after = 120, log = warn, extensions(code = "catalog_maintenance", eta_minutes = 2.5))]
    Maintenance,

    #[error("the payment provider failed")]
    #[status(502, log = info)]
    Upstream(#[source] std::io::Error),

    #[error("the catalog's database failed")]
    #[status(500)]
    Database,

    #[error("moved")]
    #[status(303, location = "/books/7", log = info)]
    Moved,
}

fn body(error: &BookError) -> String {
    String::from_utf8(error.to_response().body().to_vec()).unwrap()
}

#[test]
fn fixed_members_are_in_the_body_beside_those_from_fields() {
    assert_eq!(
        body(&BookError::NotFound { book_id: 7 }),
        r#"{"type":"about:blank","title":"Not Found","status":404,"code":"book_not_found","retryable":false,"detail":"book 7 does not exist","book_id":7}"#
    );
    assert_eq!(
        body(&BookError::Maintenance),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"code":"catalog_maintenance","eta_minutes":2.5}"#
    );
}

#[test]
fn the_contract_lists_fixed_members_with_their_values() {
    let VariantContract::Own(contract) = &BookError::contracts()[0] else {
        panic!("not an own contract")
    };
    let BodyContract::Problem(problem) = contract.body else {
        panic!("{contract:?}")
    };
    assert_eq!(problem.extensions, &["code", "retryable", "book_id"]);
    assert_eq!(
        problem.fixed_extensions,
        &[("code", "\"book_not_found\""), ("retryable", "false")]
    );
}

#[test]
fn each_variant_has_its_log_level() {
    let levels: Vec<LogLevel> = BookError::contracts()
        .iter()
        .flat_map(VariantContract::resolve)
        .map(|contract| contract.log)
        .collect();
    assert_eq!(
        levels,
        [
            LogLevel::Debug,
            LogLevel::Warn,
            LogLevel::Info,
            LogLevel::Error,
            LogLevel::Info
        ]
    );
}

/// Every level `log = ...` names reaches the contract as written.
#[test]
fn each_level_written_reaches_the_contract() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum LoggedError {
        #[error("a")]
        #[status(404, log = off)]
        Off,
        #[error("b")]
        #[status(404, log = error)]
        Error,
        #[error("c")]
        #[status(404, log = warn)]
        Warn,
        #[error("d")]
        #[status(404, log = info)]
        Info,
        #[error("e")]
        #[status(404, log = debug)]
        Debug,
        #[error("f")]
        #[status(404, log = trace)]
        Trace,
    }

    let levels: Vec<LogLevel> = LoggedError::contracts()
        .iter()
        .flat_map(VariantContract::resolve)
        .map(|contract| contract.log)
        .collect();
    let each = [
        LoggedError::Off,
        LoggedError::Error,
        LoggedError::Warn,
        LoggedError::Info,
        LoggedError::Debug,
        LoggedError::Trace,
    ]
    .map(|error| error.contract().log);
    assert_eq!(levels, each);
    assert_eq!(
        levels,
        [
            LogLevel::Off,
            LogLevel::Error,
            LogLevel::Warn,
            LogLevel::Info,
            LogLevel::Debug,
            LogLevel::Trace
        ]
    );
}

#[tokio::test]
async fn integrations_log_at_the_variant_s_level() {
    let cases: [(BookError, &str); 4] = [
        (BookError::Maintenance, " WARN "),
        (
            BookError::Upstream(std::io::Error::other("tls handshake")),
            " INFO ",
        ),
        (BookError::Database, "ERROR "),
        (BookError::NotFound { book_id: 7 }, "DEBUG "),
    ];
    for (error, level) in cases {
        let (logs, response) = log_capture::capture(async { error.into_response() }).await;
        assert_eq!(logs.len(), 1, "{logs:?}");
        assert!(logs[0].contains(level), "{level}: {logs:?}");
        let kind = match response.status().as_u16() {
            400..=499 => "client error response",
            _ => "server error response",
        };
        assert!(logs[0].contains(kind), "{kind}: {logs:?}");
        if response.status() == 502 {
            assert!(
                logs[0].contains("tls handshake"),
                "the source chain: {logs:?}"
            );
        }
    }
    // Each source of the chain once, outermost first.
    #[derive(Debug, thiserror::Error)]
    #[error("tls handshake")]
    struct Handshake(#[source] Expired);
    #[derive(Debug, thiserror::Error)]
    #[error("certificate expired")]
    struct Expired;
    let upstream = BookError::Upstream(std::io::Error::other(Handshake(Expired)));
    let (logs, _) = log_capture::capture(async { upstream.into_response() }).await;
    assert!(
        logs[0]
            .trim_end()
            .ends_with("sources=tls handshake: certificate expired"),
        "{logs:?}"
    );
    // `log = info` on a 303 logs it; the subscriber (debug and above) gets it.
    let (logs, _) = log_capture::capture(async { BookError::Moved.into_response() }).await;
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert!(
        logs[0].contains(" INFO ") && logs[0].contains("status=303"),
        "{logs:?}"
    );
    assert!(
        logs[0].contains(" response ") && !logs[0].contains("error response"),
        "{logs:?}"
    );
}

/// Nothing of an error is written for a level no subscriber wants (the subscriber here takes
/// debug and above): not even its `Display` is called.
#[tokio::test]
async fn nothing_is_written_for_a_level_no_subscriber_wants() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static WRITTEN: AtomicUsize = AtomicUsize::new(0);

    #[derive(Debug, HttpStatus)]
    #[status(404, detail = hidden, log = trace)]
    struct QuietlyMissing;

    impl std::fmt::Display for QuietlyMissing {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            WRITTEN.fetch_add(1, Ordering::SeqCst);
            f.write_str("no such book")
        }
    }

    impl std::error::Error for QuietlyMissing {}

    let (logs, response) = log_capture::capture(async { QuietlyMissing.into_response() }).await;
    assert_eq!(response.status(), 404);
    assert!(logs.is_empty(), "{logs:?}");
    assert_eq!(WRITTEN.load(Ordering::SeqCst), 0);
}

/// A response that could not be built goes out as the fallback 500 and is logged as an error,
/// whatever level its variant names, with the field that failed and never its value.
#[tokio::test]
async fn a_response_that_could_not_be_built_is_logged_as_an_error() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("no book with that id")]
    #[status(404, log = debug)]
    struct Missing {
        #[header("x-request-id")]
        request_id: String,
    }

    let missing = Missing {
        request_id: "r-1\r\nset-cookie: stolen".into(),
    };
    let (logs, response) = log_capture::capture(async { missing.into_response() }).await;
    assert_eq!(response.status(), 500);
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert!(logs[0].contains(" ERROR "), "{logs:?}");
    assert!(
        logs[0].contains("the error's response could not be built; sent the fallback 500"),
        "{logs:?}"
    );
    assert!(logs[0].contains("x-request-id"), "{logs:?}");
    assert!(!logs[0].contains("stolen"), "{logs:?}");
}
