//! Status sets under any input: whatever a classifier picks, the response is the one of that
//! status (or, outside the set, exactly the fallback), it keeps every guarantee of
//! [`on_the_wire`], and a 5xx picked at run time shows nothing of its source.

use std::io::Read;

use status_core::HttpStatus;
use status_core::classify::json_error;
use status_core::http::StatusCode;

use super::{Checked, on_the_wire};

/// A book as a JSON API receives it.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Book {
    title: String,
    pages: u16,
}

/// A foreign error classified at run time, beside one whose classifier may answer outside its
/// set.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BookError {
    #[error("the book is not valid JSON: {0}")]
    #[status(400 | 422 | 500, classify = json_error)]
    Json(#[from] serde_json::Error),
    #[error("the shelf said {0}")]
    #[status(404 | 409 | 503, classify = shelf_status)]
    Shelf(#[source] ShelfAnswer),
}

/// Any status a dependency may report.
#[derive(Debug, thiserror::Error)]
#[error("status {0} from shelf {1}")]
pub struct ShelfAnswer(u16, String);

fn shelf_status(answer: &ShelfAnswer) -> StatusCode {
    StatusCode::from_u16(answer.0).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A reader that gives `input`, then fails with `marker` in its message.
struct FailingAfter<'a>(&'a [u8], &'a str);

impl Read for FailingAfter<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() {
            return Err(std::io::Error::other(format!("disk {} gone", self.1)));
        }
        let count = self.0.len().min(buffer.len());
        buffer[..count].copy_from_slice(&self.0[..count]);
        self.0 = &self.0[count..];
        Ok(count)
    }
}

/// The statuses `json_error` may pick are its set's, the response is that status's, and a 500
/// shows nothing of the failure. `marker` must not occur in a bare 5xx problem.
pub fn json_errors_answer_their_classified_status(input: &[u8], marker: &str) -> Checked {
    let parsed = serde_json::from_slice::<Book>(input).err();
    let read = serde_json::from_reader::<_, Book>(FailingAfter(input, marker)).err();
    for error in parsed.into_iter().chain(read) {
        let picked = json_error(&error);
        ensure!(
            [400, 422, 500].contains(&picked.as_u16()),
            "json_error picked {picked}, outside 400 | 422 | 500"
        );
        let error = BookError::from(error);
        let response = on_the_wire(&error)?;
        ensure!(
            response.status() == picked && error.status() == picked,
            "picked {picked}, answered {} (status() {})",
            response.status(),
            error.status()
        );
        ensure!(
            error.contract().status == picked,
            "the contract says {}",
            error.contract().status
        );
        let body = String::from_utf8_lossy(response.body());
        if picked.is_server_error() {
            ensure!(!body.contains(marker), "the 500 shows its source: {body}");
        } else {
            let detail = format!("{error}");
            let json: serde_json::Value = serde_json::from_slice(response.body())
                .map_err(|error| format!("not JSON: {error}"))?;
            ensure!(json["detail"] == detail.as_str(), "detail: {json}");
        }
    }
    Ok(())
}

/// Whatever status a classifier answers, the response is that status's when the set lists it,
/// and exactly the fallback otherwise; a 503 shows nothing of its source.
pub fn any_classified_status_answers_its_own_or_the_fallback(code: u16, marker: &str) -> Checked {
    let error = BookError::Shelf(ShelfAnswer(code, marker.to_owned()));
    let response = on_the_wire(&error)?;
    let listed = [404, 409, 503].contains(&code);
    let expected = if listed { code } else { 500 };
    ensure!(
        response.status() == expected && error.status() == expected,
        "{code} answered {} (status() {})",
        response.status(),
        error.status()
    );
    ensure!(
        error.try_to_response().is_ok() == listed,
        "{code}: built {:?}",
        error.try_to_response().err()
    );
    if response.status().is_server_error() {
        let body = String::from_utf8_lossy(response.body());
        ensure!(!body.contains(marker), "a 5xx shows its source: {body}");
    }
    Ok(())
}
