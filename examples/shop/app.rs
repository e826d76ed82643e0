//! The example shop: every status-code scenario of the lecture notes, acted out by an axum 0.8
//! application in which every answer that is not a plain `200 OK` is a `#[derive(HttpStatus)]`
//! type. No handler builds a status code, a redirect or an error body by hand.
//!
//! Browsers get HTML pages (one layout, user input escaped); API clients get JSON, and errors
//! as RFC 9457 problem details. Every route runs in [`ResponseContext`](status_core::ResponseContext)'s layer, so that one
//! error type answers both: a client whose `Accept` prefers `text/html` (a browser) gets the
//! error as an HTML page with the same status, any other client the problem (`Vary: Accept`),
//! and a request's `x-request-id` is the problem's `instance` and is on the server's log line of
//! a 5xx. [`serve`] speaks HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on the same port.
//!
//! | method | path | answer | type |
//! |---|---|---|---|
//! | GET | `/` | 200 HTML: what to try | |
//! | GET | `/order` | 200 HTML: the order form (`itemId`, `count`), posting to `/order` | |
//! | POST | `/order` | 303 to `/order-result/{id}` (Post/Redirect/Get); 400 malformed; 415 not a form | [`Redirect::OrderPlaced`], [`OrderRejected`] |
//! | GET | `/order-result/{id}` | 200 HTML: the order; 404 for no such web order (an HTML page in a browser) | [`OrderPageNotFound`] |
//! | GET | `/api/orders/count` | 200 JSON `{"ordersSaved": n}` | |
//! | any | `/event` | 301 to `/new-event` (a POST arrives there as GET, without its body) | [`Redirect::EventMoved`] |
//! | GET, POST | `/new-event` | 200 HTML: shows the method, content type and body received | |
//! | any | `/cart` | 302 to `/basket` | [`Redirect::CartRenamed`] |
//! | GET, POST | `/basket` | 200 HTML: shows what it received | |
//! | any | `/checkout` | 307 to `/checkout/standby` (keeps the POST and its body) | [`Redirect::CheckoutOnStandby`] |
//! | GET, POST | `/checkout/standby` | 200 HTML: shows what it received | |
//! | any | `/loop/a`, `/loop/b` | 302 to each other, forever | [`Redirect::LoopToB`], [`Redirect::LoopToA`] |
//! | any | `/api/v1/orders` | 308 to `/api/v2/orders` (keeps the POST and its body) | [`Redirect::OrderApiMoved`] |
//! | POST | `/api/v2/orders` | 201 with `Location: /api/v2/orders/{id}`, echoing what it received; 401; 400; 415 | [`OrderCreated`], [`OrderApiError`] (with [`SignInError`]) |
//! | GET | `/api/v2/orders/{id}` | 200 JSON; 401 with `WWW-Authenticate`; 404; someone else's order: 403 concealed as the same 404 | [`OrderLookupError`] |
//! | GET | `/api/partner/orders/{id}` | the same as `/api/v2/orders/{id}`, errors in the partners' house format `{"error":{"code":404,"message":"..."}}` (`application/json`) | [`PartnerOrderError`] |
//! | POST | `/api/batch` | 202 with `Location: /api/batch/{id}` | [`BatchAccepted`] |
//! | GET | `/api/batch/{id}` | 200 JSON; 404 | [`NotFound::Batch`] |
//! | PUT | `/api/drafts/{id}` | 204 (the lecture's save button) | [`Saved::Draft`] |
//! | GET | `/api/drafts/{id}` | 200 text; 404 | [`NotFound::Draft`] |
//! | DELETE... | `/api/drafts/{id}` | 405 with `Allow: GET, HEAD, PUT` | [`MethodNotAllowed`] |
//! | GET | `/api/catalog` | 200 JSON with `ETag`; 304 when `If-None-Match` matches | [`CatalogAnswer`] |
//! | GET | `/api/stock/{itemId}` | 200 JSON; the 4th check within a minute: 429 with `Retry-After`; 404 | [`StockError`] |
//! | POST | `/api/reviews` | 201 with `Location: /api/reviews/{id}`; body not JSON: 400; not `application/json`: 415 with `Accept-Post`; wrong shape: 422; unknown item or stars out of 1..=5: 422 with a `code` member | [`reviews::ReviewCreated`], [`status_core::Rejection`], [`reviews::ReviewError`] |
//! | POST | `/api/reviews/batch` | 200 JSON: the reviews saved from NDJSON lines; a line not JSON: 400, of the wrong shape: 422 (classified `serde_json::Error`); not NDJSON: 415 | [`reviews::ReviewError`] |
//! | GET | `/api/reviews/{id}` | 200 JSON; 404 with `"code":"review_not_found"`; an id that is not a number: 400 | [`reviews::ReviewError`] |
//! | GET | `/api/reports/sales` | 500: the storage error stays in the log | [`ReportError`] |
//! | PUT, DELETE | `/admin/maintenance` | 204: closes (PUT) or reopens (DELETE) the shop | [`Saved::MaintenanceSwitched`] |
//! | any | every route but `/admin/...` while closed | 503 with `Retry-After: 600` | [`ClosedForMaintenance`] |
//! | GET | `/editor`, `/problems/malformed-order` | 200 HTML | |
//! | GET | `/openapi.json` | 200 JSON: the OpenAPI 3.1 document of every route above, built from the handlers' types | |
//! | any | any other path | 404 problem | [`NotFound::Page`] |
//!
//! Every route answers the methods it does not serve with 405 and the `Allow` it does serve.
//! Each error is a problem (or a page, or the partners' format) as `Accept` asks; the table names
//! the format a client without `Accept` gets.
//! The API's bearer token is the customer's name (`Authorization: Bearer alice`): a stand-in for
//! real authentication. Orders placed with the web form belong to the customer `guest`.

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, Method, Uri};
use axum::middleware::Next;
use axum::response::{Html, Response};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;

#[path = "answers.rs"]
mod answers;
#[path = "api.rs"]
mod api;
#[path = "pages.rs"]
mod pages;
#[path = "reviews.rs"]
pub mod reviews;
#[path = "routes.rs"]
mod routes;

pub use answers::*;
use api::*;
#[allow(unused_imports)] // `ShopApi` is named by the tests
pub use routes::{ShopApi, api};

/// The customer who owns the orders placed with the web form.
pub const WEB_CUSTOMER: &str = "guest";

/// How many stock checks a client may make within one window, by default.
pub const STOCK_CHECKS_PER_WINDOW: u32 = 3;

/// The length of the stock-check window, by default.
pub const STOCK_CHECK_WINDOW: Duration = Duration::from_secs(60);

/// What the failing storage of the sales report says: it goes to the server's log, and must
/// never reach a client.
pub const STORAGE_FAILURE: &str = "/var/lib/shop/ledger.db: no space left on device";

/// The problem type of a malformed order (the `type` of [`OrderRejected`]'s 400s), documented
/// at this address.
pub const MALFORMED_ORDER_TYPE: &str = "/problems/malformed-order";

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

/// The shop's in-memory state, shared by every request; cloning it shares it.
#[derive(Clone)]
pub struct Shop {
    state: Arc<Mutex<ShopState>>,
    catalog: Arc<CatalogSnapshot>,
}

struct ShopState {
    /// Every order saved, by id; ids start at 1.
    orders: HashMap<u64, Order>,
    /// How many orders were saved: the id of the last one.
    orders_saved: u64,
    drafts: HashMap<String, String>,
    batches: HashMap<u64, BatchJob>,
    stock_checks: RateWindow,
    closed_for_maintenance: bool,
    /// Every review saved, in order: review `n` is at index `n - 1`.
    reviews: Vec<reviews::Review>,
}

/// An order, as the shop keeps it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: u64,
    pub item_id: String,
    pub count: u32,
    pub customer: String,
}

/// A batch job the shop accepted and will run later (in an hour, say).
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BatchJob {
    pub id: u64,
    pub state: &'static str,
    pub job: String,
}

/// The catalogue: every item the shop sells.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Catalog {
    pub items: Vec<CatalogItem>,
}

/// One item of the catalogue.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CatalogItem {
    pub item_id: &'static str,
    pub name: &'static str,
    pub price_won: u32,
    pub in_stock: u32,
}

struct CatalogSnapshot {
    catalog: Catalog,
    etag: String,
}

/// A fixed window of requests: `limit` within `length`, counted from the first.
struct RateWindow {
    limit: u32,
    length: Duration,
    started: Option<Instant>,
    used: u32,
}

impl RateWindow {
    /// Admits one more request, or says how long until the window ends.
    fn admit(&mut self, now: Instant) -> Result<(), Duration> {
        let started = match self.started {
            Some(started) if now.duration_since(started) < self.length => started,
            _ => {
                self.started = Some(now);
                self.used = 0;
                now
            }
        };
        if self.used < self.limit {
            self.used += 1;
            Ok(())
        } else {
            Err(self.length.saturating_sub(now.duration_since(started)))
        }
    }
}

impl Default for Shop {
    fn default() -> Self {
        Shop::new()
    }
}

impl Shop {
    /// An empty shop: no orders, the default stock-check limit, open.
    pub fn new() -> Self {
        Shop::with_stock_check_limit(STOCK_CHECKS_PER_WINDOW, STOCK_CHECK_WINDOW)
    }

    /// An empty shop that admits `limit` stock checks per `window`.
    pub fn with_stock_check_limit(limit: u32, window: Duration) -> Self {
        let catalog = Catalog {
            items: vec![
                CatalogItem {
                    item_id: "mouse",
                    name: "Mouse",
                    price_won: 25_000,
                    in_stock: 12,
                },
                CatalogItem {
                    item_id: "keyboard",
                    name: "Keyboard",
                    price_won: 89_000,
                    in_stock: 4,
                },
                CatalogItem {
                    item_id: "monitor",
                    name: "Monitor",
                    price_won: 320_000,
                    in_stock: 0,
                },
            ],
        };
        let etag = entity_tag(&catalog);
        Shop {
            state: Arc::new(Mutex::new(ShopState {
                orders: HashMap::new(),
                orders_saved: 0,
                drafts: HashMap::new(),
                batches: HashMap::new(),
                stock_checks: RateWindow {
                    limit,
                    length: window,
                    started: None,
                    used: 0,
                },
                closed_for_maintenance: false,
                reviews: Vec::new(),
            })),
            catalog: Arc::new(CatalogSnapshot { catalog, etag }),
        }
    }

    fn state(&self) -> MutexGuard<'_, ShopState> {
        // A handler that panicked left nothing half-written: every change is one assignment.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many orders were saved, by the form and the API together.
    pub fn orders_saved(&self) -> u64 {
        self.state().orders_saved
    }

    /// Whether the shop answers 503 to everything but `/admin/...`.
    pub fn is_closed_for_maintenance(&self) -> bool {
        self.state().closed_for_maintenance
    }

    fn save_order(&self, item_id: String, count: u32, customer: &str) -> Order {
        let mut state = self.state();
        state.orders_saved += 1;
        let order = Order {
            id: state.orders_saved,
            item_id,
            count,
            customer: customer.to_owned(),
        };
        state.orders.insert(order.id, order.clone());
        order
    }

    fn order(&self, id: u64) -> Option<Order> {
        self.state().orders.get(&id).cloned()
    }
}

/// A strong entity tag from the representation's bytes (FNV-1a), so that it changes exactly
/// when the representation does.
fn entity_tag(catalog: &Catalog) -> String {
    let bytes = serde_json::to_vec(catalog).unwrap_or_default();
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("\"catalog-{hash:016x}\"")
}

/// Serves `router` on `listener`: HTTP/1.1, and HTTP/2 with prior knowledge (h2c), on the same
/// port (axum's server reads the first bytes of each connection to tell them apart).
pub async fn serve(listener: TcpListener, router: Router) -> io::Result<()> {
    axum::serve(listener, router).await
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

async fn unless_closed_for_maintenance(
    State(shop): State<Shop>,
    request: Request,
    next: Next,
) -> Result<Response, ClosedForMaintenance> {
    if shop.is_closed_for_maintenance() {
        return Err(ClosedForMaintenance);
    }
    Ok(next.run(request).await)
}

async fn page_not_found(uri: Uri) -> NotFound {
    NotFound::Page {
        path: uri.path().to_owned(),
    }
}

async fn home() -> Html<String> {
    Html(pages::home())
}

async fn order_form() -> Html<String> {
    Html(pages::order_form())
}

/// The order form's fields, as sent: each may be missing or malformed.
#[derive(Debug, Deserialize, JsonSchema)]
struct OrderForm {
    #[serde(rename = "itemId")]
    item_id: Option<String>,
    count: Option<String>,
}

/// `itemId` and `count` checked: an item named, and a count that is a positive integer.
fn checked_order(
    item_id: Option<String>,
    count: Option<String>,
) -> Result<(String, u32), OrderRejected> {
    let item_id = item_id
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .ok_or(OrderRejected::MissingField { field: "itemId" })?;
    let count = count
        .map(|count| count.trim().to_owned())
        .filter(|count| !count.is_empty())
        .ok_or(OrderRejected::MissingField { field: "count" })?;
    match count.parse::<u32>() {
        Ok(positive) if positive > 0 && count.bytes().all(|b| b.is_ascii_digit()) => {
            Ok((item_id, positive))
        }
        _ => Err(OrderRejected::CountNotPositive { value: count }),
    }
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok())
}

/// Whether the `Content-Type` is `essence`, whatever its parameters.
fn has_media_type(headers: &HeaderMap, essence: &str) -> bool {
    content_type(headers)
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case(essence))
}

/// `POST /order`: save the order, and send the browser to its result page with a GET.
async fn place_order(
    State(shop): State<Shop>,
    form: Result<Form<OrderForm>, FormRejection>,
) -> Result<Redirect, OrderRejected> {
    let Form(form) = form.map_err(|rejection| match rejection {
        FormRejection::InvalidFormContentType(_) => OrderRejected::NotAForm,
        other => OrderRejected::Unreadable {
            reason: other.body_text(),
        },
    })?;
    let (item_id, count) = checked_order(form.item_id, form.count)?;
    let order = shop.save_order(item_id, count, WEB_CUSTOMER);
    Ok(Redirect::OrderPlaced { id: order.id })
}

/// The `{id}` of a path.
#[derive(Debug, Deserialize, JsonSchema)]
struct Id {
    id: String,
}

/// The `{item_id}` of `/api/stock/{item_id}`.
#[derive(Debug, Deserialize, JsonSchema)]
struct ItemId {
    item_id: String,
}

/// The `{id}` of a path, or an empty string when it cannot be decoded (which no resource has).
fn path_id(path: Result<Path<Id>, PathRejection>) -> String {
    path.map(|Path(Id { id })| id).unwrap_or_default()
}

/// `GET /order-result/{id}`: the order, read only; reloading it orders nothing.
async fn order_result(
    State(shop): State<Shop>,
    path: Result<Path<Id>, PathRejection>,
) -> Result<Html<String>, OrderPageNotFound> {
    let id = path_id(path);
    let order = id
        .parse()
        .ok()
        .and_then(|id| shop.order(id))
        .filter(|order| order.customer == WEB_CUSTOMER);
    match order {
        Some(order) => Ok(Html(pages::order_result(&order, shop.orders_saved()))),
        None => Err(OrderPageNotFound { id }),
    }
}

/// The number of orders saved, for tests and the curious.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
struct OrdersCount {
    orders_saved: u64,
}

async fn orders_count(State(shop): State<Shop>) -> axum::Json<OrdersCount> {
    axum::Json(OrdersCount {
        orders_saved: shop.orders_saved(),
    })
}

fn received(method: &Method, headers: &HeaderMap, body: &Bytes) -> ReceivedRequest {
    ReceivedRequest {
        method: method.to_string(),
        content_type: content_type(headers).map(str::to_owned),
        body: String::from_utf8_lossy(body).into_owned(),
    }
}

fn received_page(
    title: &str,
    intro: &str,
    extra: &str,
    method: &Method,
    headers: &HeaderMap,
    body: &Bytes,
) -> Html<String> {
    let received = received(method, headers, body);
    Html(pages::received_page(
        title,
        intro,
        &pages::Received {
            method: &received.method,
            content_type: received.content_type.as_deref().unwrap_or(""),
            body: &received.body,
        },
        extra,
    ))
}

async fn new_event(method: Method, headers: HeaderMap, body: Bytes) -> Html<String> {
    received_page(
        "New event",
        "<p>The event page lives here now: <code>/event</code> answers <code>301 Moved \
         Permanently</code> with <code>Location: /new-event</code>.</p>",
        pages::EVENT_FORMS,
        &method,
        &headers,
        &body,
    )
}

async fn basket(method: Method, headers: HeaderMap, body: Bytes) -> Html<String> {
    received_page(
        "Your basket",
        "<p>The cart is the basket for now: <code>/cart</code> answers <code>302 Found</code> \
         with <code>Location: /basket</code>.</p>",
        "",
        &method,
        &headers,
        &body,
    )
}

async fn checkout_standby(method: Method, headers: HeaderMap, body: Bytes) -> Html<String> {
    received_page(
        "Checkout (standby)",
        "<p>Checkout is served here for now: <code>/checkout</code> answers <code>307 \
         Temporary Redirect</code>, and the browser repeats the POST with its body.</p>",
        "",
        &method,
        &headers,
        &body,
    )
}

async fn editor(State(shop): State<Shop>) -> Html<String> {
    let draft = shop
        .state()
        .drafts
        .get("lecture")
        .cloned()
        .unwrap_or_default();
    Html(pages::editor(&draft))
}
