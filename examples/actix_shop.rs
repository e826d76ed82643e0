//! A small shop on actix-web 4, whose every error (and every answer without content) is a
//! variant of one derived enum, [`ShopError`]: handlers return `Result<_, ShopError>` and the
//! `actix-web` integration sends the contract's response. No handler builds a status by hand.
//!
//! ```sh
//! cargo run --example actix_shop          # http://127.0.0.1:3001 (PORT=8080 to change it)
//! ```
//!
//! | request | answer |
//! |---|---|
//! | `GET /order` | the order form (HTML) |
//! | `POST /order` (`itemId`, `count`) | 303 See Other to `/order-result/{id}` (Post/Redirect/Get); 400 for a malformed order |
//! | `GET /order-result/{id}` | the order (HTML); 404 if there is none |
//! | `GET /api/orders/{id}` with `Authorization: Bearer alice` | the order (JSON); 401 with a `WWW-Authenticate` challenge without `Authorization`; someone else's order: 403 concealed as 404 |
//! | `DELETE /api/orders/{id}` (any method but GET, HEAD) | 405 with `Allow: GET, HEAD` |
//! | `GET /api/catalog` | the catalog with an `ETag`; 304 Not Modified for a matching `If-None-Match` |
//! | `PUT /api/cart/{item}` | 204 No Content |
//! | `GET /api/quote/{item}` | a price; from the third request in a minute on, 429 with `Retry-After` |
//! | `POST /api/ratings` (JSON `{"itemId": "mouse", "stars": 4}`) | the rating (JSON); a body that is not JSON 400, not `application/json` 415 with `Accept-Post`, of the wrong shape 422; stars out of 1..=5: 422 with `"code":"stars_out_of_range"` |
//! | `GET /reports` | 503 with `Retry-After: 120` (down for maintenance) |
//! | `GET /api/orders/{id}/invoice` | 500; the cause is logged, never sent |
//! | `GET /client-closed` | 499 Client Closed Request: an unregistered code with its reason phrase |
//! | anything else | 404 |
//!
//! Try it with curl:
//!
//! ```sh
//! curl -i -d itemId=mouse -d count=2 http://127.0.0.1:3001/order                 # 303
//! curl -i -H 'Authorization: Bearer bob' http://127.0.0.1:3001/api/orders/1         # 404 (concealed 403)
//! curl -i -X DELETE http://127.0.0.1:3001/api/orders/1                              # 405, Allow
//! curl -i -H 'If-None-Match: "catalog-v1"' http://127.0.0.1:3001/api/catalog        # 304
//! curl -i -H 'Accept: text/html' -H 'X-Request-Id: r1' http://127.0.0.1:3001/api/orders/1  # 401 as a page
//! ```
//!
//! Every error goes through [`ResponseContext`]'s middleware: a browser gets it as an HTML page,
//! an API client as a problem (`Vary: Accept`), and a request's `x-request-id` is its `instance`.
//!
//! actix-web takes a derived type as an error (`From<T> for actix_web::Error`), so the answers
//! that are not failures (204, 303, 304) travel as `Err` values too; that is where actix-web
//! lets a handler hand over a whole response.
//!
//! [`server`] is what `main` runs; the end-to-end test (`tests/e2e_actix.rs`) includes this file
//! as a module and starts it on a port the OS picks.

use std::io;
use std::net::TcpListener;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::{App, HttpRequest, HttpServer, Responder, Route, guard, web};
use serde::{Deserialize, Serialize};
use status_core::extract::actix_web::Json;
use status_core::{HttpStatus, ResponseContext};

/// Everything the shop answers that is not a page or a document.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    /// The order form was not filled in as it should be.
    #[error("malformed order: {0}")]
    #[status(400)]
    BadOrder(String),

    /// The API wants to know who is asking.
    #[error("sign in to see your orders")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
    SignInRequired,

    /// Someone else's order: answered exactly as a missing one (RFC 9110 §15.5.4).
    #[error("order {id} belongs to someone else")]
    #[status(403, conceal = 404)]
    NotYours { id: u64 },

    /// No such order, item or page.
    #[error("not found")]
    #[status(404, detail = hidden)]
    NotFound,

    /// A method the resource does not have.
    #[error("{method} is not allowed here")]
    #[status(405)]
    WrongMethod {
        method: String,
        #[header(ALLOW)]
        allow: &'static str,
    },

    /// Too many price quotes in a minute.
    #[error("too many price quotes; ask again later")]
    #[status(429)]
    TooManyQuotes {
        #[retry_after]
        wait: Duration,
    },

    /// The reports are down for maintenance for two minutes.
    #[error("the reports are down for maintenance")]
    #[status(503, retry_after = 120)]
    Maintenance,

    /// The invoice store failed; the cause goes to the log, not to the client.
    #[error("the invoice could not be read")]
    #[status(500)]
    Storage(#[source] io::Error),

    /// The order is saved: see its result page (Post/Redirect/Get).
    #[error("order {id} placed")]
    #[status(303, location = "/order-result/{id}")]
    Placed { id: u64 },

    /// The client's copy of the catalog is current.
    #[error("the catalog has not changed")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: &'static str,
    },

    /// The cart is saved; nothing to send back.
    #[error("cart saved")]
    #[status(204, allow(success_status))]
    Saved,

    /// A rating outside one to five stars.
    #[error("a rating has 1 to 5 stars, not {stars}")]
    #[status(422, extensions(code = "stars_out_of_range"))]
    StarsOutOfRange {
        #[extension]
        stars: u8,
    },

    /// nginx's code for a client that went away: unregistered, so it carries its own phrase.
    #[error("the client closed the connection")]
    #[status(499, reason = "Client Closed Request")]
    ClientClosed,
}

/// What the shop sells: id, name, price in cents.
const CATALOG: &[(&str, &str, u32)] = &[
    ("mouse", "Mouse", 1999),
    ("keyboard", "Keyboard", 4999),
    ("cable", "USB cable", 599),
];

/// The catalog's entity tag: it changes when [`CATALOG`] does.
pub const CATALOG_ETAG: &str = "\"catalog-v1\"";

/// How many price quotes a minute the shop gives.
pub const QUOTES_PER_MINUTE: u32 = 2;

/// An order.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub id: u64,
    pub item_id: String,
    pub count: u32,
    /// Who placed it: `guest` for the order form.
    pub owner: String,
}

/// The shop's state, shared by every worker.
pub struct Shop {
    orders: Mutex<Vec<Order>>,
    quotes: Mutex<(Instant, u32)>,
}

impl Shop {
    /// A shop with one order, alice's.
    pub fn new() -> Shop {
        Shop {
            orders: Mutex::new(vec![Order {
                id: 1,
                item_id: "keyboard".to_owned(),
                count: 1,
                owner: "alice".to_owned(),
            }]),
            quotes: Mutex::new((Instant::now(), 0)),
        }
    }

    fn order(&self, id: u64) -> Option<Order> {
        let orders = self.orders.lock().unwrap_or_else(|e| e.into_inner());
        orders.iter().find(|order| order.id == id).cloned()
    }
}

impl Default for Shop {
    fn default() -> Shop {
        Shop::new()
    }
}

/// The order form's fields.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderForm {
    item_id: String,
    count: u32,
}

fn item(id: &str) -> Option<(&'static str, &'static str, u32)> {
    CATALOG.iter().copied().find(|(item, _, _)| *item == id)
}

fn page(title: &str, body: &str) -> web::Html {
    web::Html::new(format!(
        "<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>{title}</title>\n\
         <body><h1>{title}</h1>\n{body}\n</body></html>\n"
    ))
}

async fn order_form() -> web::Html {
    let options: String = CATALOG
        .iter()
        .map(|(id, name, _)| format!("<option value=\"{id}\">{name}</option>"))
        .collect();
    page(
        "Order",
        &format!(
            "<form method=\"post\" action=\"/order\">\n\
             <label>Item <select name=\"itemId\">{options}</select></label>\n\
             <label>Count <input name=\"count\" type=\"number\" min=\"1\" max=\"99\" value=\"1\"></label>\n\
             <button type=\"submit\">Order</button>\n</form>"
        ),
    )
}

/// Saves the order and sends the browser to its result page, so that a reload repeats a GET.
async fn place_order(
    shop: web::Data<Shop>,
    form: web::Form<OrderForm>,
) -> Result<web::Html, ShopError> {
    let OrderForm { item_id, count } = form.into_inner();
    if item(&item_id).is_none() {
        return Err(ShopError::BadOrder(format!("there is no item {item_id:?}")));
    }
    if !(1..=99).contains(&count) {
        return Err(ShopError::BadOrder(format!(
            "count must be 1 to 99, not {count}"
        )));
    }
    let mut orders = shop.orders.lock().unwrap_or_else(|e| e.into_inner());
    let id = orders.last().map_or(1, |order| order.id + 1);
    orders.push(Order {
        id,
        item_id,
        count,
        owner: "guest".to_owned(),
    });
    Err(ShopError::Placed { id })
}

async fn order_result(shop: web::Data<Shop>, id: web::Path<u64>) -> Result<web::Html, ShopError> {
    let id = id.into_inner();
    let order = shop.order(id).ok_or(ShopError::NotFound)?;
    if order.owner != "guest" {
        return Err(ShopError::NotYours { id });
    }
    let (_, name, cents) = item(&order.item_id).ok_or(ShopError::NotFound)?;
    Ok(page(
        &format!("Order {id}"),
        &format!(
            "<p>Order {id}: {} &times; {name}, {}.{:02} EUR each.</p>",
            order.count,
            cents / 100,
            cents % 100
        ),
    ))
}

/// The caller's name, from `Authorization: Bearer NAME`.
fn caller(request: &HttpRequest) -> Result<String, ShopError> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .ok_or(ShopError::SignInRequired)?;
    match value.split_once(' ') {
        Some((scheme, name)) if scheme.eq_ignore_ascii_case("bearer") && !name.is_empty() => {
            Ok(name.trim().to_owned())
        }
        _ => Err(ShopError::SignInRequired),
    }
}

async fn api_order(
    shop: web::Data<Shop>,
    id: web::Path<u64>,
    request: HttpRequest,
) -> Result<web::Json<Order>, ShopError> {
    let who = caller(&request)?;
    let id = id.into_inner();
    let order = shop.order(id).ok_or(ShopError::NotFound)?;
    if order.owner != who {
        return Err(ShopError::NotYours { id });
    }
    Ok(web::Json(order))
}

async fn invoice(id: web::Path<u64>) -> Result<web::Html, ShopError> {
    let cause = io::Error::other(format!(
        "invoice store /var/lib/shop/invoices is not mounted (invoice {id})"
    ));
    Err(ShopError::Storage(cause))
}

#[derive(Serialize)]
struct Item {
    id: &'static str,
    name: &'static str,
    cents: u32,
}

/// The catalog, with its `ETag`; 304 when the client has this version.
async fn catalog(request: HttpRequest) -> Result<impl Responder, ShopError> {
    let current = request
        .headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|list| list.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == CATALOG_ETAG);
    if current {
        return Err(ShopError::NotModified { etag: CATALOG_ETAG });
    }
    let items: Vec<Item> = CATALOG
        .iter()
        .map(|&(id, name, cents)| Item { id, name, cents })
        .collect();
    Ok(web::Json(items)
        .customize()
        .insert_header((header::ETAG, CATALOG_ETAG)))
}

async fn save_cart(item_id: web::Path<String>) -> Result<web::Html, ShopError> {
    item(&item_id).ok_or(ShopError::NotFound)?;
    Err(ShopError::Saved)
}

#[derive(Serialize)]
struct Quote {
    item: &'static str,
    cents: u32,
}

/// A price quote: [`QUOTES_PER_MINUTE`] a minute, then 429 until the minute is over.
async fn quote(
    shop: web::Data<Shop>,
    item_id: web::Path<String>,
) -> Result<web::Json<Quote>, ShopError> {
    let (id, _, cents) = item(&item_id).ok_or(ShopError::NotFound)?;
    let mut window = shop.quotes.lock().unwrap_or_else(|e| e.into_inner());
    let minute = Duration::from_secs(60);
    if window.0.elapsed() >= minute {
        *window = (Instant::now(), 0);
    }
    if window.1 >= QUOTES_PER_MINUTE {
        return Err(ShopError::TooManyQuotes {
            wait: minute.saturating_sub(window.0.elapsed()),
        });
    }
    window.1 += 1;
    Ok(web::Json(Quote { item: id, cents }))
}

/// A rating as a client sends it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewRating {
    item_id: String,
    stars: u8,
}

/// A rating as the shop answers it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    item_id: &'static str,
    stars: u8,
}

/// A rating of an item: the body is read by `status_core`'s `Json`, so a body that cannot be
/// read is a problem (400, 415 with `Accept-Post`, 422), not actix-web's plain text.
async fn rate(Json(rating): Json<NewRating>) -> Result<Json<Rating>, ShopError> {
    let (item_id, ..) = item(&rating.item_id).ok_or(ShopError::NotFound)?;
    if !(1..=5).contains(&rating.stars) {
        return Err(ShopError::StarsOutOfRange {
            stars: rating.stars,
        });
    }
    Ok(Json(Rating {
        item_id,
        stars: rating.stars,
    }))
}

async fn reports() -> Result<web::Html, ShopError> {
    Err(ShopError::Maintenance)
}

async fn client_closed() -> Result<web::Html, ShopError> {
    Err(ShopError::ClientClosed)
}

/// A route for GET, and for HEAD (actix-web's `web::get()` takes GET alone).
fn get_or_head() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// The answer to a method a resource does not have.
fn only(allow: &'static str) -> Route {
    web::route().to(move |request: HttpRequest| async move {
        Err::<web::Html, _>(ShopError::WrongMethod {
            method: request.method().to_string(),
            allow,
        })
    })
}

/// The shop's routes; the app needs a `web::Data<Shop>`.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        // Malformed input is a derived error too, not actix-web's own plain-text answer.
        .app_data(web::PathConfig::default().error_handler(|_, _| ShopError::NotFound.into()))
        .app_data(
            web::FormConfig::default()
                .limit(4096)
                .error_handler(|error, _| ShopError::BadOrder(error.to_string()).into()),
        )
        .service(
            web::resource("/order")
                .route(get_or_head().to(order_form))
                .route(web::post().to(place_order))
                .default_service(only("GET, HEAD, POST")),
        )
        .service(
            web::resource("/order-result/{id}")
                .route(get_or_head().to(order_result))
                .default_service(only("GET, HEAD")),
        )
        .service(
            web::resource("/api/orders/{id}")
                .route(get_or_head().to(api_order))
                .default_service(only("GET, HEAD")),
        )
        .service(
            web::resource("/api/orders/{id}/invoice")
                .route(get_or_head().to(invoice))
                .default_service(only("GET, HEAD")),
        )
        .service(
            web::resource("/api/catalog")
                .route(get_or_head().to(catalog))
                .default_service(only("GET, HEAD")),
        )
        .service(
            web::resource("/api/cart/{item}")
                .route(web::put().to(save_cart))
                .default_service(only("PUT")),
        )
        .service(
            web::resource("/api/quote/{item}")
                .route(get_or_head().to(quote))
                .default_service(only("GET, HEAD")),
        )
        .service(
            web::resource("/api/ratings")
                .route(web::post().to(rate))
                .default_service(only("POST")),
        )
        .service(web::resource("/reports").route(web::route().to(reports)))
        .service(web::resource("/client-closed").route(web::route().to(client_closed)))
        .default_service(web::to(|| async {
            Err::<web::Html, _>(ShopError::NotFound)
        }));
}

/// The shop on `listener`, running once awaited (or spawned); its handle stops it.
pub fn server(listener: TcpListener) -> io::Result<Server> {
    let shop = web::Data::new(Shop::new());
    // Each problem in the format the request's `Accept` prefers (an HTML page for a browser), with
    // its `x-request-id` as the `instance`.
    let server = HttpServer::new(move || {
        App::new()
            .wrap(ResponseContext::new())
            .app_data(shop.clone())
            .configure(routes)
    })
    .workers(2)
    .shutdown_timeout(5)
    .listen(listener)?
    .run();
    Ok(server)
}

#[actix_web::main]
async fn main() -> io::Result<()> {
    // 5xx are logged with their causes; 4xx at debug.
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .init();
    let port = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| io::Error::other(format!("PORT={port} is not a port number")))?,
        Err(_) => 3001,
    };
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    println!("actix shop on http://{}", listener.local_addr()?);
    server(listener)?.await
}
