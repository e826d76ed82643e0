//! The JSON API's handlers: orders (`/api/v2/orders`, the partners' `/api/partner/orders`),
//! batch jobs, drafts, the catalogue with its `ETag`, the rate-limited stock check, the failing
//! sales report, and the maintenance switch.

use std::io;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, IF_NONE_MATCH};
use axum::http::{HeaderMap, Method};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use status_core::Json;

use super::*;
/// The customer named by the request's bearer token.
fn customer(headers: &HeaderMap) -> Result<String, SignInError> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Err(SignInError::SignInRequired);
    };
    let value = value.to_str().map_err(|_| SignInError::InvalidToken)?;
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        // Another scheme: the challenge says which one this realm takes.
        return Err(SignInError::SignInRequired);
    }
    let token = token.trim();
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(SignInError::InvalidToken);
    }
    Ok(token.to_ascii_lowercase())
}

/// The JSON body of `POST /api/v2/orders`; `count` is checked as the form's is.
#[derive(Debug, Deserialize)]
struct NewOrder {
    #[serde(rename = "itemId")]
    item_id: Option<String>,
    count: Option<serde_json::Value>,
}

/// `POST /api/v2/orders`: create an order for the signed-in customer.
pub(super) async fn create_order(
    State(shop): State<Shop>,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
) -> Result<OrderCreated, OrderApiError> {
    let customer = customer(&headers)?;
    if !has_media_type(&headers, "application/json") {
        return Err(OrderRejected::NotJson.into());
    }
    let new: NewOrder =
        serde_json::from_slice(&body).map_err(|error| OrderRejected::Unreadable {
            reason: error.to_string(),
        })?;
    let count = new.count.map(|count| match count {
        serde_json::Value::Number(number) => number.to_string(),
        other => other.to_string(),
    });
    let (item_id, count) = checked_order(new.item_id, count)?;
    let order = shop.save_order(item_id, count, &customer);
    Ok(OrderCreated {
        id: order.id,
        receipt: Json(OrderReceipt {
            order,
            received: received(&method, &headers, &body),
        }),
    })
}

/// `GET /api/v2/orders/{id}`: the customer's own order; anyone else's does not exist.
pub(super) async fn order_api(
    State(shop): State<Shop>,
    headers: HeaderMap,
    path: Result<Path<Id>, PathRejection>,
) -> Result<axum::Json<Order>, OrderLookupError> {
    let customer = customer(&headers)?;
    let id = path_id(path);
    let Some(order) = id.parse().ok().and_then(|id| shop.order(id)) else {
        return Err(OrderLookupError::NotFound { id });
    };
    if order.customer != customer {
        return Err(OrderLookupError::NotYours {
            id: order.id,
            owner: order.customer,
            customer,
        });
    }
    Ok(axum::Json(order))
}

/// `GET /api/partner/orders/{id}`: the order API, answering errors in the partners' format.
pub(super) async fn partner_order(
    shop: State<Shop>,
    headers: HeaderMap,
    path: Result<Path<Id>, PathRejection>,
) -> Result<axum::Json<Order>, PartnerOrderError> {
    Ok(order_api(shop, headers, path).await?)
}

/// `POST /api/batch`: accept the job now, run it later.
pub(super) async fn accept_batch(State(shop): State<Shop>, body: Bytes) -> BatchAccepted {
    let mut state = shop.state();
    let id = state.batches.len() as u64 + 1;
    let job = BatchJob {
        id,
        state: "queued",
        job: String::from_utf8_lossy(&body).into_owned(),
    };
    state.batches.insert(id, job.clone());
    BatchAccepted { id, job: Json(job) }
}

pub(super) async fn batch_status(
    State(shop): State<Shop>,
    path: Result<Path<Id>, PathRejection>,
) -> Result<axum::Json<BatchJob>, NotFound> {
    let id = path_id(path);
    let job = id
        .parse()
        .ok()
        .and_then(|key: u64| shop.state().batches.get(&key).cloned());
    job.map(axum::Json).ok_or(NotFound::Batch { id })
}

/// `PUT /api/drafts/{id}`: the save button. `204`: saved, nothing to show.
pub(super) async fn save_draft(
    State(shop): State<Shop>,
    path: Result<Path<Id>, PathRejection>,
    body: Bytes,
) -> Saved {
    let text = String::from_utf8_lossy(&body).into_owned();
    shop.state().drafts.insert(path_id(path), text);
    Saved::Draft
}

pub(super) async fn draft(
    State(shop): State<Shop>,
    path: Result<Path<Id>, PathRejection>,
) -> Result<String, NotFound> {
    let id = path_id(path);
    let text = shop.state().drafts.get(&id).cloned();
    text.ok_or(NotFound::Draft { id })
}

/// Whether an `If-None-Match` field lists `etag` (or is `*`), by weak comparison
/// (RFC 9110 §13.1.2).
fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let etag = opaque(etag);
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == etag)
}

/// `GET /api/catalog`: the catalogue with its `ETag`, or `304` when the client's copy is
/// still good.
pub(super) async fn catalog(State(shop): State<Shop>, headers: HeaderMap) -> CatalogAnswer {
    let etag = shop.catalog.etag.clone();
    if none_match(&headers, &etag) {
        CatalogAnswer::NotModified { etag }
    } else {
        CatalogAnswer::Current {
            etag,
            catalog: Json(shop.catalog.catalog.clone()),
        }
    }
}

/// Stock of one item.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(super) struct Stock {
    item_id: &'static str,
    in_stock: u32,
}

/// `GET /api/stock/{itemId}`: rate limited; the 4th check within a window is a 429.
pub(super) async fn stock(
    State(shop): State<Shop>,
    path: Result<Path<ItemId>, PathRejection>,
) -> Result<axum::Json<Stock>, StockError> {
    {
        let mut state = shop.state();
        let window = &mut state.stock_checks;
        let (limit, window_secs) = (window.limit, window.length.as_secs());
        window
            .admit(Instant::now())
            .map_err(|wait| StockError::TooManyChecks {
                limit,
                window_secs,
                wait,
            })?;
    }
    let id = path
        .map(|Path(ItemId { item_id })| item_id)
        .unwrap_or_default();
    let item = shop.catalog.catalog.items.iter().find(|i| i.item_id == id);
    match item {
        Some(item) => Ok(axum::Json(Stock {
            item_id: item.item_id,
            in_stock: item.in_stock,
        })),
        None => Err(NotFound::Item { id }.into()),
    }
}

/// `GET /api/reports/sales`: its storage is full. The client gets a bare 500; the server's log
/// gets the error and its cause.
pub(super) async fn sales_report() -> Result<String, ReportError> {
    let cause = io::Error::new(io::ErrorKind::StorageFull, STORAGE_FAILURE);
    Err(ReportError::NotWritten(cause))
}

pub(super) async fn close_for_maintenance(State(shop): State<Shop>) -> Saved {
    shop.state().closed_for_maintenance = true;
    Saved::MaintenanceSwitched
}

pub(super) async fn reopen_after_maintenance(State(shop): State<Shop>) -> Saved {
    shop.state().closed_for_maintenance = false;
    Saved::MaintenanceSwitched
}
