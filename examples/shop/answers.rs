//! Every answer of the shop that is not a plain `200 OK`: each a `#[derive(HttpStatus)]` type,
//! whose declaration is the response on the wire and its OpenAPI documentation both.

use std::io;
use std::time::Duration;

use axum::http::Method;
use serde::Serialize;
use status_core::format::{Problem, RenderError, ResponseFormat};
use status_core::{HttpStatus, Json};

use super::{BatchJob, Catalog, Order};

/// Every redirect the shop answers.
#[derive(Clone, Debug, HttpStatus)]
pub enum Redirect {
    /// Post/Redirect/Get: the order is saved, the browser GETs the result page, and a reload
    /// repeats only that GET.
    #[status(303, location = "/order-result/{id}")]
    OrderPlaced { id: u64 },

    /// `/event` moved to `/new-event` for good; a POST arrives there as a GET without body.
    #[status(301, location = "/new-event")]
    EventMoved,

    /// The order API moved for good, and a POST keeps its method and body.
    #[status(308, location = "/api/v2/orders")]
    OrderApiMoved,

    /// For now, the cart is the basket: a POST arrives there as a GET.
    #[status(302, location = "/basket")]
    CartRenamed,

    /// Checkout is served by the standby for now; the POST keeps its method and body.
    #[status(307, location = "/checkout/standby")]
    CheckoutOnStandby,

    /// One half of a redirect loop.
    #[status(302, location = "/loop/b")]
    LoopToB,

    /// The other half.
    #[status(302, location = "/loop/a")]
    LoopToA,
}

/// `201 Created`: the new order's address, and an echo of what the request carried.
#[derive(Debug, HttpStatus)]
#[status(201, location = "/api/v2/orders/{id}")]
pub struct OrderCreated {
    pub id: u64,
    #[body]
    pub receipt: Json<OrderReceipt>,
}

/// The body of `201 Created`: the order, and what the request that created it carried.
#[derive(Debug, Serialize)]
pub struct OrderReceipt {
    pub order: Order,
    pub received: ReceivedRequest,
}

/// What a request carried, as the server saw it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedRequest {
    pub method: String,
    pub content_type: Option<String>,
    pub body: String,
}

/// `202 Accepted`: the job runs later; its status is at the `Location`.
#[derive(Debug, HttpStatus)]
#[status(202, location = "/api/batch/{id}")]
pub struct BatchAccepted {
    pub id: u64,
    #[body]
    pub job: Json<BatchJob>,
}

/// `204 No Content`: done, nothing to show; the page that asked stays as it is.
#[derive(Debug, HttpStatus)]
pub enum Saved {
    /// The editor's save button.
    #[status(204)]
    Draft,
    /// The maintenance switch.
    #[status(204)]
    MaintenanceSwitched,
}

/// The catalogue, or word that the client's copy is still good.
#[derive(Debug, HttpStatus)]
pub enum CatalogAnswer {
    /// `no-cache`: a cache may keep it, and revalidates it before each use.
    #[status(200, headers(CACHE_CONTROL = "no-cache"))]
    Current {
        #[header(ETAG)]
        etag: String,
        #[body]
        catalog: Json<Catalog>,
    },
    /// The `If-None-Match` matched: no body, the same `ETag` and `Cache-Control` as a 200
    /// (RFC 9110 §15.4.5).
    #[status(304, headers(CACHE_CONTROL = "no-cache"))]
    NotModified {
        #[header(ETAG)]
        etag: String,
    },
}

/// An order that cannot be placed as sent, from the form or the API.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(400, type = "/problems/malformed-order", title = "Malformed order")]
pub enum OrderRejected {
    #[error("the order has no {field}")]
    MissingField {
        #[extension]
        field: &'static str,
    },

    #[error("count must be a positive integer, not {value:?}")]
    CountNotPositive {
        #[extension]
        value: String,
    },

    #[error("the order cannot be read: {reason}")]
    Unreadable { reason: String },

    #[error("send the order as an HTML form (application/x-www-form-urlencoded)")]
    #[status(415, headers("accept-post" = "application/x-www-form-urlencoded"))]
    NotAForm,

    #[error("send the order as JSON (application/json)")]
    #[status(415, headers("accept-post" = "application/json"))]
    NotJson,
}

/// The order API's caller, named by the bearer token, or the challenge to send one.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum SignInError {
    #[error("the order API needs a bearer token: Authorization: Bearer <customer>")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
    SignInRequired,

    #[error("the bearer token is not a customer name (letters and digits)")]
    #[status(
        401,
        www_authenticate = r#"Bearer realm="shop", error="invalid_token""#
    )]
    InvalidToken,
}

/// What `POST /api/v2/orders` answers when it cannot place the order.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderApiError {
    #[error(transparent)]
    #[status(transparent)]
    SignIn(#[from] SignInError),

    #[error(transparent)]
    #[status(transparent)]
    Rejected(#[from] OrderRejected),
}

/// What `GET /api/v2/orders/{id}` answers when it cannot show the order: it sends no 400 or
/// 415, so its OpenAPI entry lists none.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderLookupError {
    #[error(transparent)]
    #[status(transparent)]
    SignIn(#[from] SignInError),

    // It answers exactly what `NotYours` answers; a doc comment would be published in the
    // OpenAPI document, so this is a plain comment.
    /// No such order.
    #[error("order {id} does not exist")]
    #[status(404, detail = hidden)]
    NotFound { id: String },

    /// Someone else's order, as far as the client can tell, does not exist (RFC 9110 §15.5.4).
    #[error("order {id} belongs to {owner}, not to {customer}")]
    #[status(403, conceal = 404)]
    NotYours {
        id: u64,
        owner: String,
        customer: String,
    },
}

/// The web shop has no such order (or it is not a web order). A browser gets it as an HTML page,
/// an API client as a problem: one type, and the layer's negotiation.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the web shop has no order {id}")]
#[status(404)]
pub struct OrderPageNotFound {
    pub id: String,
}

/// The partners' house error format: `{"error":{"code":404,"message":"...","reference":"..."}}`
/// as `application/json`, written from what the contract lets the client see.
#[derive(Debug, Clone, Copy)]
pub struct PartnerJson;

impl ResponseFormat for PartnerJson {
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, problem: &Problem<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        #[derive(Serialize)]
        struct Error<'a> {
            code: u16,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            reference: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Document<'a> {
            error: Error<'a>,
        }
        let error = Error {
            code: problem.status().as_u16(),
            message: problem.detail().or(problem.title()).unwrap_or_default(),
            reference: problem.instance(),
        };
        Ok(serde_json::to_writer(out, &Document { error })?)
    }

    /// `code` is the problem's status (an `enum` of the one code), `message` text, `reference`
    /// the problem's `instance` when it has one.
    fn schema(&self, problem: &serde_json::Value) -> Option<serde_json::Value> {
        Some(serde_json::json!({
            "type": "object",
            "properties": { "error": {
                "type": "object",
                "properties": {
                    "code": problem["properties"]["status"],
                    "message": { "type": "string" },
                    "reference": { "type": "string", "format": "uri-reference" },
                },
                "required": ["code", "message"],
                "additionalProperties": false,
            } },
            "required": ["error"],
            "additionalProperties": false,
        }))
    }
}

/// The order lookup's errors, in the partners' house format.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(format = PartnerJson)]
pub enum PartnerOrderError {
    #[error(transparent)]
    #[status(transparent)]
    Api(#[from] OrderLookupError),
}

/// Nothing at this address.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
pub enum NotFound {
    #[error("there is no page at {path}")]
    Page { path: String },
    #[error("there is no draft {id}")]
    Draft { id: String },
    #[error("there is no batch job {id}")]
    Batch { id: String },
    #[error("there is no item {id} in the catalogue")]
    Item { id: String },
}

/// A method the resource does not serve; `Allow` lists those it does.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{method} is not allowed here; the methods allowed are {allow}")]
#[status(405)]
pub struct MethodNotAllowed {
    pub method: Method,
    #[header(ALLOW)]
    pub allow: &'static str,
}

/// What a stock check answers when it cannot.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StockError {
    #[error("at most {limit} stock checks every {window_secs} s; wait for the next window")]
    #[status(429)]
    TooManyChecks {
        limit: u32,
        window_secs: u64,
        #[retry_after]
        wait: Duration,
    },

    #[error(transparent)]
    #[status(transparent)]
    NotFound(#[from] NotFound),
}

/// The maintenance switch is on.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the shop is closed for maintenance; come back in ten minutes")]
#[status(503, retry_after = 600, detail = display)]
pub struct ClosedForMaintenance;

/// The reports' storage failed: the client sees a bare 500, the log sees the cause.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ReportError {
    #[error("the sales report could not be written")]
    #[status(500)]
    NotWritten(#[source] io::Error),
}
