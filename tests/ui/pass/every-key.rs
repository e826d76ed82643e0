// Every key of #[status(...)] and every field attribute, in contracts that HTTP accepts.
use std::time::{Duration, SystemTime};

use status_core::{Html, HttpStatus, Json, RetryAfter};

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("sign in")]
    #[status(401, www_authenticate = r#"Bearer realm="shop", error="invalid_token""#)]
    SignIn,
    #[error("proxy sign in")]
    #[status(407, proxy_authenticate = r#"Basic realm="proxy""#)]
    ProxySignIn,
    #[error("use another method")]
    #[status(METHOD_NOT_ALLOWED, allow = "GET, HEAD")]
    Method,
    #[error("upgrade")]
    #[status(426, upgrade = "HTTP/2.0, websocket")]
    Upgrade,
    #[error("range")]
    #[status(416, content_range = "bytes */47022")]
    Range,
    #[error("down")]
    #[status(503, retry_after = "Wed, 21 Oct 2015 07:28:00 GMT", detail = "back soon")]
    Down,
    #[error("busy")]
    #[status(503, retry_after = 120, detail = hidden)]
    Busy,
    #[error("client closed")]
    #[status(499, reason = "Client Closed Request", body = none)]
    ClientClosed,
    #[error("cache")]
    #[status(404, headers(CACHE_CONTROL = "no-store", "x-request-kind" = "order"))]
    Cached,
    #[error("problem")]
    #[status(500, body = problem, detail = display)]
    Exposed,
    #[error("created")]
    #[status(201, allow(success_status))]
    Created {
        #[location]
        location: String,
    },
    #[error("page")]
    #[status(404)]
    Page(#[body] Html<&'static str>),
    #[error("json")]
    #[status(422)]
    Json(#[body] Json<Vec<u32>>),
    #[error("limited")]
    #[status(429)]
    Limited {
        #[retry_after]
        until: SystemTime,
        #[instance]
        instance: String,
    },
    #[error("later")]
    #[status(503)]
    Later {
        #[retry_after]
        wait: Option<RetryAfter>,
    },
    #[error("maybe")]
    #[status(429)]
    Maybe {
        #[retry_after]
        wait: Option<Duration>,
    },
}

fn main() {
    let headers = |error: ShopError| error.to_response().headers().clone();
    assert_eq!(headers(ShopError::SignIn)["www-authenticate"], r#"Bearer realm="shop", error="invalid_token""#);
    assert_eq!(headers(ShopError::ProxySignIn)["proxy-authenticate"], r#"Basic realm="proxy""#);
    assert_eq!(headers(ShopError::Method)["allow"], "GET, HEAD");
    assert_eq!(headers(ShopError::Upgrade)["upgrade"], "HTTP/2.0, websocket");
    assert_eq!(headers(ShopError::Range)["content-range"], "bytes */47022");
    assert_eq!(headers(ShopError::Down)["retry-after"], "Wed, 21 Oct 2015 07:28:00 GMT");
    assert_eq!(headers(ShopError::Busy)["retry-after"], "120");
    assert_eq!(headers(ShopError::Cached)["cache-control"], "no-store");
    assert_eq!(headers(ShopError::Cached)["x-request-kind"], "order");
    assert_eq!(headers(ShopError::Created { location: "/orders/1".into() })["location"], "/orders/1");
    assert_eq!(headers(ShopError::Page(Html("<h1>gone</h1>")))["content-type"], "text/html; charset=utf-8");
    assert_eq!(headers(ShopError::Json(Json(vec![1])))["content-type"], "application/json");
    let limited = ShopError::Limited { until: SystemTime::UNIX_EPOCH, instance: "/orders/1".into() };
    assert_eq!(headers(limited)["retry-after"], "Thu, 01 Jan 1970 00:00:00 GMT");
    assert!(!headers(ShopError::Later { wait: None }).contains_key("retry-after"));
    assert_eq!(headers(ShopError::Maybe { wait: Some(Duration::from_millis(1)) })["retry-after"], "1");
    let closed = ShopError::ClientClosed.to_response();
    assert_eq!(closed.status(), 499);
    assert!(closed.body().is_empty());
    assert_eq!(ShopError::ClientClosed.contract().reason, "Client Closed Request");
    let exposed = ShopError::Exposed.to_response();
    assert!(String::from_utf8_lossy(exposed.body()).contains(r#""detail":"problem""#));
}
