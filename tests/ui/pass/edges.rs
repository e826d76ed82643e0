// The keys of the edges a real service hits, as a user writes them: status sets with a
// classifier (ready-made, of your own, on an enum and on a struct, over a `#[source]` field
// beside others), fixed extension members, log levels, and `crate` naming status-core itself.
use status_core::http::StatusCode;
use status_core::{HttpStatus, LogLevel};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no row")]
    NoRow,
    #[error("locked")]
    Locked,
    #[error("down")]
    Down,
}

fn store_status(error: &StoreError) -> StatusCode {
    match error {
        StoreError::NoRow => StatusCode::NOT_FOUND,
        StoreError::Locked => StatusCode::CONFLICT,
        StoreError::Down => StatusCode::SERVICE_UNAVAILABLE,
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(crate = "::status_core")]
pub enum BookError {
    #[error("the book is not valid JSON: {0}")]
    #[status(BAD_REQUEST | UNPROCESSABLE_ENTITY | 500, classify = status_core::classify::json_error)]
    Json(#[from] serde_json::Error),

    #[error("shelf {shelf}: {source}")]
    #[status(404 | 409 | 503, classify = store_status, retry_after = 30, allow(retry_after_status), log = warn)]
    Store {
        #[extension]
        shelf: u32,
        #[source]
        source: StoreError,
    },

    #[error("book {0} does not exist")]
    #[status(410, extensions(code = "book_withdrawn", since_year = 2024, reprint = false, rating = 4.5, whole = 1., padded = 01.50, signed = -2.))]
    Withdrawn(u64),

    #[error("the upstream catalog failed")]
    #[status(502, log = info)]
    Upstream,

    #[error("a redirect logged at trace")]
    #[status(303, location = "/books", log = trace)]
    Moved,

    #[error("quietly missing")]
    #[status(404, log = off)]
    Quiet,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the import is not valid JSON: {0}")]
#[status(400 | 422 | 500, classify = status_core::classify::json_error, log = debug)]
pub struct ImportError(#[from] serde_json::Error);

fn main() {
    let locked = BookError::Store { shelf: 3, source: StoreError::Locked };
    assert_eq!(locked.status(), 409);
    assert_eq!(locked.to_response().headers()["retry-after"], "30");
    assert_eq!(locked.contract().log, LogLevel::Warn);
    let down = BookError::Store { shelf: 3, source: StoreError::Down };
    assert_eq!(down.status(), 503);
    let missing = BookError::Store { shelf: 3, source: StoreError::NoRow };
    assert_eq!(missing.status(), 404);
    let withdrawn = BookError::Withdrawn(7).to_response();
    assert!(withdrawn.body().starts_with(br#"{"type":"about:blank","title":"Gone","status":410,"code":"book_withdrawn","since_year":2024,"reprint":false,"rating":4.5,"whole":1,"padded":1.5,"signed":-2,"#));
    assert_eq!(BookError::Upstream.contract().log, LogLevel::Info);
    assert_eq!(BookError::Moved.contract().log, LogLevel::Trace);
    assert_eq!(BookError::Quiet.contract().log, LogLevel::Off);
    assert_eq!(BookError::contracts().len(), 10);
    let import = ImportError::from(serde_json::from_str::<u8>("x").unwrap_err());
    assert_eq!(import.status(), 400);
    assert_eq!(import.contract().log, LogLevel::Debug);
}
