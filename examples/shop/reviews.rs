//! The reviews API: JSON in, JSON out, where a request that cannot be read answers a problem
//! with the status that says why, without a line of body-parsing glue.
//!
//! - `POST /api/reviews` reads its body with `status_core::extract::axum::Json`: a body that is
//!   not JSON is a 400, JSON of the wrong shape a 422, a body without
//!   `Content-Type: application/json` a 415 with `Accept-Post: application/json`; all problems.
//! - `POST /api/reviews/batch` reads NDJSON, one review per line, with `serde_json` and `?`: the
//!   line's error is classified into 400, 422 or 500 by `status_core::classify::json_error`.
//! - Errors of the shop's own carry a stable `code` member (`"code":"unknown_item"`) for
//!   clients to match on.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use status_core::extract::axum::{Json, Path};
use status_core::http::StatusCode;
use status_core::{HttpStatus, Rejection};

use super::Shop;

/// The media type of a batch of reviews: one JSON document per line.
pub const NDJSON: &str = "application/x-ndjson";

/// A review, as the shop keeps it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub id: u64,
    pub item_id: String,
    pub stars: u8,
    pub text: String,
}

/// A review as a client sends it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewReview {
    item_id: String,
    stars: u8,
    text: String,
}

/// `201 Created`: the review, and where it lives.
#[derive(Debug, HttpStatus)]
#[status(201, location = "/api/reviews/{id}")]
pub struct ReviewCreated {
    id: u64,
    #[body]
    review: status_core::Json<Review>,
}

/// What the reviews API answers when it cannot take a review.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ReviewError {
    /// The review names an item the catalogue does not have.
    #[error("there is no item {item_id} in the catalogue")]
    #[status(422, extensions(code = "unknown_item"))]
    UnknownItem {
        #[extension("itemId")]
        item_id: String,
    },

    /// Stars go from 1 to 5.
    #[error("a review has 1 to 5 stars, not {stars}")]
    #[status(422, extensions(code = "stars_out_of_range"))]
    StarsOutOfRange {
        #[extension]
        stars: u8,
    },

    /// A line of a batch that is not a review: 400 if it is not JSON, 422 if it is JSON of
    /// the wrong shape, 500 if it could not be read.
    #[error("line {line} of the batch: {source}")]
    #[status(400 | 422 | 500, classify = status_core::classify::json_error)]
    BatchLine {
        #[extension]
        line: usize,
        source: serde_json::Error,
    },

    /// No review with this id.
    #[error("there is no review {id}")]
    #[status(404, extensions(code = "review_not_found"))]
    NotFound { id: u64 },

    /// A request the API could not read (a batch that is not NDJSON).
    #[error(transparent)]
    #[status(transparent)]
    Rejected(#[from] Rejection),
}

impl Shop {
    /// Saves `new` as a review, if its item exists and its stars are 1 to 5.
    fn save_review(&self, new: NewReview) -> Result<Review, ReviewError> {
        if !(1..=5).contains(&new.stars) {
            return Err(ReviewError::StarsOutOfRange { stars: new.stars });
        }
        let known = self
            .catalog
            .catalog
            .items
            .iter()
            .any(|item| item.item_id == new.item_id);
        if !known {
            return Err(ReviewError::UnknownItem {
                item_id: new.item_id,
            });
        }
        let mut state = self.state();
        let review = Review {
            id: state.reviews.len() as u64 + 1,
            item_id: new.item_id,
            stars: new.stars,
            text: new.text,
        };
        state.reviews.push(review.clone());
        Ok(review)
    }

    fn review(&self, id: u64) -> Option<Review> {
        let index = usize::try_from(id.checked_sub(1)?).ok()?;
        self.state().reviews.get(index).cloned()
    }
}

/// `POST /api/reviews`: one review, as JSON.
pub async fn add_review(
    State(shop): State<Shop>,
    Json(new): Json<NewReview>,
) -> Result<ReviewCreated, ReviewError> {
    let review = shop.save_review(new)?;
    Ok(ReviewCreated {
        id: review.id,
        review: status_core::Json(review),
    })
}

/// `POST /api/reviews/batch`: one review per line (NDJSON); the first line that is not a review
/// stops the batch, and the reviews before it stay saved.
pub async fn add_reviews(
    State(shop): State<Shop>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Vec<Review>>, ReviewError> {
    let media_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::trim);
    if !media_type.is_some_and(|media_type| media_type.eq_ignore_ascii_case(NDJSON)) {
        let rejected = Rejection::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the batch as NDJSON (application/x-ndjson), one review per line",
        );
        return Err(rejected.with_accepted("POST", NDJSON).into());
    }
    let mut saved = Vec::new();
    let lines = body.split(|byte| *byte == b'\n');
    for (index, line) in lines
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
    {
        let new: NewReview =
            serde_json::from_slice(line).map_err(|source| ReviewError::BatchLine {
                line: index + 1,
                source,
            })?;
        saved.push(shop.save_review(new)?);
    }
    Ok(Json(saved))
}

/// `GET /api/reviews/{id}`: one review; an id that is not a number is a 400 problem.
/// The `{id}` of `/api/reviews/{id}`: a number.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ReviewId {
    id: u64,
}

pub async fn review(
    State(shop): State<Shop>,
    Path(ReviewId { id }): Path<ReviewId>,
) -> Result<Json<Review>, ReviewError> {
    shop.review(id)
        .map(Json)
        .ok_or(ReviewError::NotFound { id })
}
