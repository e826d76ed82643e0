//! Types derived with `#[status(crate = "...")]`, through a renamed dependency and through a
//! facade; the tests check that they answer as with `status_core` itself.
#![forbid(unsafe_code)]

/// Through the renamed dependency.
#[derive(Debug, thiserror::Error, status::HttpStatus)]
#[status(crate = "status")]
pub enum BookError {
    #[error("book {0} does not exist")]
    #[status(404, extensions(code = "book_not_found"))]
    NotFound(u64),
    #[error("the book is not valid JSON: {0}")]
    #[status(400 | 422 | 500, classify = status::classify::json_error)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    #[status(transparent)]
    Shelf(ShelfError),
}

/// Through the facade, which re-exports status-core.
#[derive(Debug, thiserror::Error, facade::HttpStatus)]
#[status(crate = "facade::status_core")]
pub enum ShelfError {
    #[error("the shelf moved")]
    #[status(308, location = "/shelves/{0}")]
    Moved(u32),
    #[error("reshelving")]
    #[status(503, retry_after = 60, log = warn)]
    Reshelving,
}

/// A struct, in the facade's format.
#[derive(Debug, thiserror::Error, facade::HttpStatus)]
#[error("no such reader")]
#[status(404, crate = "facade::status_core", format = facade::status_core::format::HtmlPage)]
pub struct NoReader;

#[cfg(test)]
mod tests {
    use status::HttpStatus;

    use super::*;

    #[test]
    fn a_renamed_dependency_answers_as_status_core() {
        let response = BookError::NotFound(7).to_response();
        assert_eq!(response.status(), 404);
        assert_eq!(
            response.body().as_ref(),
            br#"{"type":"about:blank","title":"Not Found","status":404,"code":"book_not_found","detail":"book 7 does not exist"}"#
        );
        let json = serde_json::from_str::<u8>("x").unwrap_err();
        assert_eq!(BookError::from(json).status(), 400);
        assert_eq!(BookError::contracts().len(), 5);
    }

    #[test]
    fn a_facade_answers_as_status_core() {
        let moved = BookError::Shelf(ShelfError::Moved(3)).to_response();
        assert_eq!(moved.status(), 308);
        assert_eq!(moved.headers()["location"], "/shelves/3");
        let busy = ShelfError::Reshelving;
        assert_eq!(busy.to_response().headers()["retry-after"], "60");
        assert_eq!(busy.contract().log, status::LogLevel::Warn);
        let page = NoReader.to_response();
        assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    }

    #[test]
    fn the_axum_integration_follows_the_renamed_crate() {
        use status::__private::axum_core::response::IntoResponse;
        assert_eq!(BookError::NotFound(1).into_response().status(), 404);
    }
}
