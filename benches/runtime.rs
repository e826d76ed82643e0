//! Run-time cost of `#[derive(HttpStatus)]` against the best hand-written code that produces the
//! same bytes, in the same run. `benches/ratios.py` turns criterion's estimates into the ratios
//! of BENCHMARKS.md; `cargo bench --bench runtime` also prints the heap allocations per response
//! of each pair, counted by the counting allocator below.
//!
//! 1. `status`: `status()` over a mixed stream of a 30-variant enum, against a hand-written match.
//! 2. `problem`: the whole `http::Response` of 4xx variants with a dynamic `detail`, against a
//!    hand-written `serde_json` struct.
//! 3. `static`: 204, 304 with an ETag, 401 with a static challenge, 308 with a static Location.
//! 4. `axum`: a handler returning `Err(error)` through `tower::ServiceExt::oneshot` on a router.
//! 5. `context`: a 4xx problem through `ResponseContext`'s layer, against a hand-written
//!    middleware that does the same (`runtime/context.rs`).

#[path = "runtime/context.rs"]
mod context;

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::response::IntoResponse;
use axum::routing::get;
use criterion::{Criterion, criterion_group, criterion_main};
use http::header::{CONTENT_TYPE, ETAG, LOCATION, WWW_AUTHENTICATE};
use http::{HeaderValue, Request, Response, StatusCode};
use serde::Serialize;
use status_core::{Bytes, HttpStatus};
use tower::ServiceExt;

/// Counts heap allocations, so that each pair's allocations per response can be compared.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// One pair of a group: the derived code and its hand-written equivalent, measured in turn.
///
/// With `BENCH_INSTRUCTIONS=<group>` set, criterion measures nothing: that group's two sides run
/// `INSTRUCTION_ITERATIONS` times each inside `instructions_derived` and `instructions_hand`,
/// for `benches/run.sh` to count their instructions under callgrind (a count that repeats
/// exactly, where times on a shared machine move by several percent).
fn pair<D, H>(
    c: &mut Criterion,
    group: &str,
    mut derived: impl FnMut() -> D,
    mut hand: impl FnMut() -> H,
) {
    if let Ok(only) = std::env::var("BENCH_INSTRUCTIONS") {
        if only == group {
            // Once each first: one-time work (a runtime's first task, a lazy table) is not the
            // per-response cost.
            black_box(derived());
            black_box(hand());
            instructions_derived(&mut derived);
            instructions_hand(&mut hand);
        }
        return;
    }
    let mut group = c.benchmark_group(group);
    group.bench_function("derived", |b| b.iter(&mut derived));
    group.bench_function("hand_written", |b| b.iter(&mut hand));
    group.finish();
}

const INSTRUCTION_ITERATIONS: usize = 1000;

// The two differ in a label, so that the compiler does not merge them into one function when
// both sides compile to the same code (as `status()` does), which callgrind could not tell apart.
#[inline(never)]
fn instructions_derived<T>(derived: &mut impl FnMut() -> T) {
    black_box("derived");
    for _ in 0..INSTRUCTION_ITERATIONS {
        black_box(derived());
    }
}

#[inline(never)]
fn instructions_hand<T>(hand: &mut impl FnMut() -> T) {
    black_box("hand-written");
    for _ in 0..INSTRUCTION_ITERATIONS {
        black_box(hand());
    }
}

/// A pair of response builders, after checking that both sides produce the same status, header
/// fields and body for every value.
fn responses<D: HttpStatus, H>(
    c: &mut Criterion,
    group: &str,
    derived: &[D],
    hand: &[H],
    hand_response: fn(&H) -> Response<Bytes>,
) {
    for (d, h) in derived.iter().zip(hand) {
        let (d, h) = (d.to_response(), hand_response(h));
        assert_eq!(
            (d.status(), d.headers(), d.body()),
            (h.status(), h.headers(), h.body())
        );
    }
    pair(
        c,
        group,
        || {
            for error in black_box(derived) {
                black_box(error.to_response());
            }
        },
        || {
            for error in black_box(hand) {
                black_box(hand_response(error));
            }
        },
    );
}

/// Heap allocations made by one call of `f` (after a warm-up call).
fn allocations<T>(mut f: impl FnMut() -> T) -> usize {
    black_box(f());
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    black_box(f());
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

// ---------------------------------------------------------------------------------------------
// 1. status() on a 30-variant enum of every shape.

macro_rules! thirty {
    ($derived:ident, $hand:ident) => {
        #[derive(Debug, HttpStatus)]
        #[allow(dead_code)]
        enum $derived {
            #[status(400)]
            V0,
            #[status(401, www_authenticate = "Bearer")]
            V1(u32),
            #[status(403)]
            V2 { id: u64 },
            #[status(404)]
            V3,
            #[status(405, allow = "GET")]
            V4(u8, u8),
            #[status(406)]
            V5 { a: u8, b: u8 },
            #[status(407, proxy_authenticate = "Basic")]
            V6,
            #[status(408)]
            V7(u64),
            #[status(409)]
            V8 { id: u32 },
            #[status(410)]
            V9,
            #[status(411)]
            V10(u16),
            #[status(412)]
            V11 { x: u8 },
            #[status(413)]
            V12,
            #[status(414)]
            V13(u8),
            #[status(415)]
            V14 { y: u8 },
            #[status(416, content_range = "bytes */1")]
            V15,
            #[status(417)]
            V16(u8),
            #[status(421)]
            V17 { z: u8 },
            #[status(422)]
            V18,
            #[status(423)]
            V19(u8),
            #[status(424)]
            V20 { w: u8 },
            #[status(425)]
            V21,
            #[status(428)]
            V22(u8),
            #[status(429)]
            V23 { v: u8 },
            #[status(431)]
            V24,
            #[status(451)]
            V25(u8),
            #[status(500)]
            V26 { u: u8 },
            #[status(502)]
            V27,
            #[status(503)]
            V28(u8),
            #[status(504)]
            V29 { t: u8 },
        }

        #[allow(dead_code)]
        enum $hand {
            V0,
            V1(u32),
            V2 { id: u64 },
            V3,
            V4(u8, u8),
            V5 { a: u8, b: u8 },
            V6,
            V7(u64),
            V8 { id: u32 },
            V9,
            V10(u16),
            V11 { x: u8 },
            V12,
            V13(u8),
            V14 { y: u8 },
            V15,
            V16(u8),
            V17 { z: u8 },
            V18,
            V19(u8),
            V20 { w: u8 },
            V21,
            V22(u8),
            V23 { v: u8 },
            V24,
            V25(u8),
            V26 { u: u8 },
            V27,
            V28(u8),
            V29 { t: u8 },
        }

        impl $hand {
            fn status(&self) -> StatusCode {
                match self {
                    $hand::V0 => StatusCode::BAD_REQUEST,
                    $hand::V1(..) => StatusCode::UNAUTHORIZED,
                    $hand::V2 { .. } => StatusCode::FORBIDDEN,
                    $hand::V3 => StatusCode::NOT_FOUND,
                    $hand::V4(..) => StatusCode::METHOD_NOT_ALLOWED,
                    $hand::V5 { .. } => StatusCode::NOT_ACCEPTABLE,
                    $hand::V6 => StatusCode::PROXY_AUTHENTICATION_REQUIRED,
                    $hand::V7(..) => StatusCode::REQUEST_TIMEOUT,
                    $hand::V8 { .. } => StatusCode::CONFLICT,
                    $hand::V9 => StatusCode::GONE,
                    $hand::V10(..) => StatusCode::LENGTH_REQUIRED,
                    $hand::V11 { .. } => StatusCode::PRECONDITION_FAILED,
                    $hand::V12 => StatusCode::PAYLOAD_TOO_LARGE,
                    $hand::V13(..) => StatusCode::URI_TOO_LONG,
                    $hand::V14 { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    $hand::V15 => StatusCode::RANGE_NOT_SATISFIABLE,
                    $hand::V16(..) => StatusCode::EXPECTATION_FAILED,
                    $hand::V17 { .. } => StatusCode::MISDIRECTED_REQUEST,
                    $hand::V18 => StatusCode::UNPROCESSABLE_ENTITY,
                    $hand::V19(..) => StatusCode::LOCKED,
                    $hand::V20 { .. } => StatusCode::FAILED_DEPENDENCY,
                    $hand::V21 => StatusCode::TOO_EARLY,
                    $hand::V22(..) => StatusCode::PRECONDITION_REQUIRED,
                    $hand::V23 { .. } => StatusCode::TOO_MANY_REQUESTS,
                    $hand::V24 => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                    $hand::V25(..) => StatusCode::UNAVAILABLE_FOR_LEGAL_REASONS,
                    $hand::V26 { .. } => StatusCode::INTERNAL_SERVER_ERROR,
                    $hand::V27 => StatusCode::BAD_GATEWAY,
                    $hand::V28(..) => StatusCode::SERVICE_UNAVAILABLE,
                    $hand::V29 { .. } => StatusCode::GATEWAY_TIMEOUT,
                }
            }
        }

        impl fmt::Display for $derived {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("error")
            }
        }
    };
}

thirty!(Derived30, Hand30);

/// A mixed stream: every variant, in an order that defeats branch prediction by position.
fn streams() -> (Vec<Derived30>, Vec<Hand30>) {
    let mut derived = Vec::new();
    let mut hand = Vec::new();
    for i in 0..1024_u32 {
        let k = (i.wrapping_mul(2_654_435_761) >> 7) % 30;
        macro_rules! both {
            ($($n:literal => $d:expr, $h:expr;)*) => {
                match k { $($n => { derived.push($d); hand.push($h); })* _ => unreachable!() }
            };
        }
        both! {
            0 => Derived30::V0, Hand30::V0;
            1 => Derived30::V1(i), Hand30::V1(i);
            2 => Derived30::V2 { id: 1 }, Hand30::V2 { id: 1 };
            3 => Derived30::V3, Hand30::V3;
            4 => Derived30::V4(1, 2), Hand30::V4(1, 2);
            5 => Derived30::V5 { a: 1, b: 2 }, Hand30::V5 { a: 1, b: 2 };
            6 => Derived30::V6, Hand30::V6;
            7 => Derived30::V7(1), Hand30::V7(1);
            8 => Derived30::V8 { id: 1 }, Hand30::V8 { id: 1 };
            9 => Derived30::V9, Hand30::V9;
            10 => Derived30::V10(1), Hand30::V10(1);
            11 => Derived30::V11 { x: 1 }, Hand30::V11 { x: 1 };
            12 => Derived30::V12, Hand30::V12;
            13 => Derived30::V13(1), Hand30::V13(1);
            14 => Derived30::V14 { y: 1 }, Hand30::V14 { y: 1 };
            15 => Derived30::V15, Hand30::V15;
            16 => Derived30::V16(1), Hand30::V16(1);
            17 => Derived30::V17 { z: 1 }, Hand30::V17 { z: 1 };
            18 => Derived30::V18, Hand30::V18;
            19 => Derived30::V19(1), Hand30::V19(1);
            20 => Derived30::V20 { w: 1 }, Hand30::V20 { w: 1 };
            21 => Derived30::V21, Hand30::V21;
            22 => Derived30::V22(1), Hand30::V22(1);
            23 => Derived30::V23 { v: 1 }, Hand30::V23 { v: 1 };
            24 => Derived30::V24, Hand30::V24;
            25 => Derived30::V25(1), Hand30::V25(1);
            26 => Derived30::V26 { u: 1 }, Hand30::V26 { u: 1 };
            27 => Derived30::V27, Hand30::V27;
            28 => Derived30::V28(1), Hand30::V28(1);
            29 => Derived30::V29 { t: 1 }, Hand30::V29 { t: 1 };
        }
    }
    (derived, hand)
}

fn status(c: &mut Criterion) {
    let (derived, hand) = streams();
    // Same statuses in the same order: the pair does the same work.
    assert!(
        derived
            .iter()
            .zip(&hand)
            .all(|(d, h)| d.status() == h.status())
    );
    pair(
        c,
        "status",
        || {
            black_box(&derived)
                .iter()
                .map(|e| u32::from(e.status().as_u16()))
                .sum::<u32>()
        },
        || {
            black_box(&hand)
                .iter()
                .map(|e| u32::from(e.status().as_u16()))
                .sum::<u32>()
        },
    );
}

// ---------------------------------------------------------------------------------------------
// 2. 4xx responses with a dynamic detail.

#[derive(Debug, thiserror::Error, HttpStatus)]
enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound { id: u64 },
    #[error("{item} is out of stock; {left} left")]
    #[status(409)]
    OutOfStock { item: String, left: u32 },
    #[error("count must be a positive number, not \"{count}\"")]
    #[status(422)]
    BadCount { count: String },
}

#[derive(Debug, thiserror::Error)]
enum HandOrderError {
    #[error("order {id} does not exist")]
    NotFound { id: u64 },
    #[error("{item} is out of stock; {left} left")]
    OutOfStock { item: String, left: u32 },
    #[error("count must be a positive number, not \"{count}\"")]
    BadCount { count: String },
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    type_uri: &'a str,
    title: &'a str,
    status: u16,
    detail: String,
}

impl HandOrderError {
    /// The best hand-written equivalent: the same bytes, no builder, one serde_json struct.
    fn to_response(&self) -> Response<Bytes> {
        let (status, title) = match self {
            HandOrderError::NotFound { .. } => (StatusCode::NOT_FOUND, "Not Found"),
            HandOrderError::OutOfStock { .. } => (StatusCode::CONFLICT, "Conflict"),
            HandOrderError::BadCount { .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Content")
            }
        };
        let problem = Problem {
            type_uri: "about:blank",
            title,
            status: status.as_u16(),
            detail: self.to_string(),
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = Response::new(Bytes::from(body));
        *response.status_mut() = status;
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

fn problem(c: &mut Criterion) {
    let derived = [
        OrderError::NotFound { id: 7 },
        OrderError::OutOfStock {
            item: "mouse".into(),
            left: 0,
        },
        OrderError::BadCount {
            count: "two".into(),
        },
    ];
    let hand = [
        HandOrderError::NotFound { id: 7 },
        HandOrderError::OutOfStock {
            item: "mouse".into(),
            left: 0,
        },
        HandOrderError::BadCount {
            count: "two".into(),
        },
    ];
    responses(c, "problem", &derived, &hand, HandOrderError::to_response);
    println!(
        "allocations per 3 responses: problem/derived {}, problem/hand_written {}",
        allocations(|| derived.iter().map(HttpStatus::to_response).count()),
        allocations(|| hand.iter().map(HandOrderError::to_response).count()),
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Body-less and static-header variants.

#[derive(Debug, thiserror::Error, HttpStatus)]
enum StaticError {
    #[error("saved")]
    #[status(204, allow(success_status))]
    Saved,
    #[error("not modified")]
    #[status(304, headers(ETAG = "\"v1\""))]
    NotModified,
    #[error("sign in")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#, body = none)]
    SignIn,
    #[error("moved")]
    #[status(308, location = "/api/v2/orders")]
    Moved,
}

enum HandStatic {
    Saved,
    NotModified,
    SignIn,
    Moved,
}

impl HandStatic {
    fn to_response(&self) -> Response<Bytes> {
        let mut response = Response::new(Bytes::new());
        let (status, header) = match self {
            HandStatic::Saved => (StatusCode::NO_CONTENT, None),
            HandStatic::NotModified => (
                StatusCode::NOT_MODIFIED,
                Some((ETAG, HeaderValue::from_static("\"v1\""))),
            ),
            HandStatic::SignIn => (
                StatusCode::UNAUTHORIZED,
                Some((
                    WWW_AUTHENTICATE,
                    HeaderValue::from_static(r#"Bearer realm="shop""#),
                )),
            ),
            HandStatic::Moved => (
                StatusCode::PERMANENT_REDIRECT,
                Some((LOCATION, HeaderValue::from_static("/api/v2/orders"))),
            ),
        };
        *response.status_mut() = status;
        if let Some((name, value)) = header {
            response.headers_mut().insert(name, value);
        }
        response
    }
}

fn static_headers(c: &mut Criterion) {
    let derived = [
        StaticError::Saved,
        StaticError::NotModified,
        StaticError::SignIn,
        StaticError::Moved,
    ];
    let hand = [
        HandStatic::Saved,
        HandStatic::NotModified,
        HandStatic::SignIn,
        HandStatic::Moved,
    ];
    responses(c, "static", &derived, &hand, HandStatic::to_response);
    for (name, (d, h)) in ["204", "304", "401", "308"]
        .iter()
        .zip(derived.iter().zip(&hand))
    {
        println!(
            "allocations per response: static/{name}/derived {}, static/{name}/hand_written {}",
            allocations(|| d.to_response()),
            allocations(|| h.to_response()),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 4. The axum integration through a router.

struct HandNotFound(u64);

impl IntoResponse for HandNotFound {
    fn into_response(self) -> axum::response::Response {
        let problem = Problem {
            type_uri: "about:blank",
            title: "Not Found",
            status: 404,
            detail: format!("order {} does not exist", self.0),
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = axum::response::Response::new(Body::from(body));
        *response.status_mut() = StatusCode::NOT_FOUND;
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

fn axum_router(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let derived: Router = Router::new().route(
        "/order/7",
        get(|| async { Err::<String, _>(OrderError::NotFound { id: 7 }) }),
    );
    let hand: Router = Router::new().route(
        "/order/7",
        get(|| async { Err::<String, _>(HandNotFound(7)) }),
    );
    let call = |router: &Router| {
        let router = router.clone();
        async move {
            let request = Request::get("/order/7")
                .body(Body::empty())
                .unwrap_or_default();
            router.oneshot(request).await
        }
    };
    pair(
        c,
        "axum",
        || runtime.block_on(call(black_box(&derived))),
        || runtime.block_on(call(black_box(&hand))),
    );
}

criterion_group!(
    benches,
    status,
    problem,
    static_headers,
    axum_router,
    context::context
);
criterion_main!(benches);
