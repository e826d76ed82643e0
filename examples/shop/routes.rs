//! The shop's routes, and the OpenAPI document of every one, served at `GET /openapi.json`.
//!
//! The document is built by aide from the handlers' own types: a handler that returns
//! `Result<axum::Json<Order>, OrderLookupError>` documents every status `OrderLookupError` answers,
//! and the drop-in extractors the problems they reject a request with. No status is written
//! here by hand. What no handler's type says is added from the type that answers it: the `503`
//! the maintenance layer answers on every storefront route. A method a route does not serve is
//! answered `405` with an `Allow` that lists exactly the methods its path documents.
//! Inside [`ResponseContext::document`], each problem is documented in every format the layer
//! negotiates (RFC 9457 JSON, the HTML page, the partners' house format where it applies).

use std::cell::RefCell;
use std::future::{Ready, ready};
use std::rc::Rc;
use std::sync::Arc;

use aide::axum::ApiRouter;
use aide::axum::routing::{ApiMethodRouter, get, post, put};
use aide::openapi::{Info, OpenApi, Operation};
use axum::Router;
use axum::extract::Extension;
use axum::handler::HandlerWithoutStateExt;
use axum::http::Method;
use axum::middleware;
use axum::response::Html;
use status_core::openapi::Responses;
use status_core::{HttpStatus, ResponseContext};

use super::*;

/// The shop, and what building its document reported.
pub struct ShopApi {
    /// Every route, in its [`ResponseContext`].
    pub router: Router,
    /// The OpenAPI 3.1 document of every route, as `GET /openapi.json` serves it.
    pub document: Arc<serde_json::Value>,
    /// What aide could not document (none, in a shop whose types are complete).
    pub problems: Vec<String>,
}

/// The 405 answer of a route that serves `allow`.
fn allow_only(
    allow: &'static str,
) -> impl Fn(Method) -> Ready<MethodNotAllowed> + Clone + Send + Sync + 'static {
    move |method| ready(MethodNotAllowed { method, allow })
}

/// `methods`, answering every other method with a 405 whose `Allow` is `allow`.
fn only(methods: ApiMethodRouter<Shop>, allow: &'static str) -> ApiMethodRouter<Shop> {
    methods.fallback_service(allow_only(allow).into_service())
}

/// A redirect answered to every method (documented for each one OpenAPI names).
fn redirect(to: Redirect) -> ApiMethodRouter<Shop> {
    let answer = move || ready(to.clone());
    get(answer.clone())
        .post(answer.clone())
        .put(answer.clone())
        .patch(answer.clone())
        .delete(answer.clone())
        .options(answer.clone())
        .trace(answer.clone())
        .fallback_service(answer.into_service())
}

/// `GET /openapi.json`: the document.
async fn openapi_document(
    Extension(document): Extension<Arc<serde_json::Value>>,
) -> axum::Json<serde_json::Value> {
    axum::Json(document.as_ref().clone())
}

const GET: &str = "GET, HEAD";
const GET_POST: &str = "GET, HEAD, POST";

/// The storefront's pages and API: every route the maintenance switch closes.
fn storefront() -> ApiRouter<Shop> {
    ApiRouter::new()
        .api_route("/", only(get(home), GET))
        .api_route("/order", only(get(order_form).post(place_order), GET_POST))
        .api_route("/order-result/{id}", only(get(order_result), GET))
        .api_route("/api/orders/count", only(get(orders_count), GET))
        .api_route("/event", redirect(Redirect::EventMoved))
        .api_route("/new-event", only(get(new_event).post(new_event), GET_POST))
        .api_route("/cart", redirect(Redirect::CartRenamed))
        .api_route("/basket", only(get(basket).post(basket), GET_POST))
        .api_route("/checkout", redirect(Redirect::CheckoutOnStandby))
        .api_route(
            "/checkout/standby",
            only(get(checkout_standby).post(checkout_standby), GET_POST),
        )
        .api_route("/loop/a", redirect(Redirect::LoopToB))
        .api_route("/loop/b", redirect(Redirect::LoopToA))
        .api_route("/api/v1/orders", redirect(Redirect::OrderApiMoved))
        .api_route("/api/v2/orders", only(post(create_order), "POST"))
        .api_route("/api/v2/orders/{id}", only(get(order_api), GET))
        .api_route("/api/partner/orders/{id}", only(get(partner_order), GET))
        .api_route("/api/batch", only(post(accept_batch), "POST"))
        .api_route("/api/batch/{id}", only(get(batch_status), GET))
        .api_route(
            "/api/drafts/{id}",
            only(get(draft).put(save_draft), "GET, HEAD, PUT"),
        )
        .api_route("/api/catalog", only(get(catalog), GET))
        .api_route("/api/stock/{item_id}", only(get(stock), GET))
        .api_route("/api/reports/sales", only(get(sales_report), GET))
        .api_route("/api/reviews", only(post(reviews::add_review), "POST"))
        .api_route(
            "/api/reviews/batch",
            only(post(reviews::add_reviews), "POST"),
        )
        .api_route("/api/reviews/{id}", only(get(reviews::review), GET))
        .api_route("/editor", only(get(editor), GET))
        .api_route(
            MALFORMED_ORDER_TYPE,
            only(get(|| ready(Html(pages::malformed_order_problem()))), GET),
        )
        .api_route("/openapi.json", only(get(openapi_document), GET))
}

/// The admin routes: open while the shop is closed.
fn admin() -> ApiRouter<Shop> {
    ApiRouter::new().api_route(
        "/admin/maintenance",
        only(
            put(close_for_maintenance).delete(reopen_after_maintenance),
            "PUT, DELETE",
        ),
    )
}

/// Documents in `operation` what `T` answers besides what the handler's types say (a layer's
/// answer).
fn answers_too<T: HttpStatus>(operation: &mut Operation) {
    Responses::of::<T>().add_to_operation(operation);
}

/// Every operation of `router`, documented with `document`.
fn documented(router: ApiRouter<Shop>, document: fn(&mut Operation)) -> ApiRouter<Shop> {
    router.with_path_items(|item| {
        item.with(|mut item| {
            let path = item.inner_mut();
            for operation in [
                &mut path.get,
                &mut path.put,
                &mut path.post,
                &mut path.delete,
                &mut path.options,
                &mut path.head,
                &mut path.patch,
                &mut path.trace,
            ]
            .into_iter()
            .flatten()
            {
                document(operation);
            }
            item
        })
    })
}

/// The whole shop, with `shop` as its state, and its OpenAPI document.
pub fn api(shop: Shop) -> ShopApi {
    let context = ResponseContext::new();
    let problems = Rc::new(RefCell::new(Vec::new()));
    let mut api = OpenApi {
        info: Info {
            title: "The status shop".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            description: Some(
                "Every status-code scenario of the lecture notes. Each error is a problem \
                 (RFC 9457), an HTML page, or the partners' format, as `Accept` asks."
                    .into(),
            ),
            ..Info::default()
        },
        ..OpenApi::default()
    };
    let router = context.document(|| {
        let seen = Rc::clone(&problems);
        aide::generate::on_error(move |error| seen.borrow_mut().push(error.to_string()));
        // Every schema inline: the document is read by tools that resolve nothing.
        aide::generate::extract_schemas(false);
        aide::generate::infer_responses(true);
        let storefront = documented(storefront(), answers_too::<ClosedForMaintenance>).route_layer(
            middleware::from_fn_with_state(shop.clone(), unless_closed_for_maintenance),
        );
        let router = storefront
            .merge(admin())
            .fallback(page_not_found)
            .finish_api(&mut api);
        aide::generate::reset_context();
        router
    });
    let document = Arc::new(serde_json::to_value(&api).unwrap_or_default());
    let problems = problems.take();
    ShopApi {
        router: router
            .layer(Extension(Arc::clone(&document)))
            .with_state(shop)
            // Each problem in the format its request's `Accept` prefers (an HTML page for
            // browsers), with the request's `x-request-id` as its `instance` and on the 5xx
            // log line.
            .layer(context),
        document,
        problems,
    }
}
