// Every shape the derive supports: unit, tuple and struct variants; structs of each kind; an
// enum-level default; an empty enum; raw identifiers.
use status_core::{HttpStatus, VariantContract};

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
pub enum OrderError {
    #[error("no such order")]
    #[status(404)]
    Unit,
    #[error("order {0} does not exist")]
    #[status(410)]
    Tuple(#[extension("order_id")] u64),
    #[error("order {id} is locked")]
    #[status(409, type = "https://shop.example/probs/locked", title = "Order locked")]
    Struct {
        id: u64,
        #[extension("lock_type")]
        r#type: String,
    },
    #[error("storage failed")]
    UsesDefault,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("event moved")]
#[status(301, location = "/new-event")]
pub struct EventMoved;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("see order {0}")]
#[status(303, location = "/order-result/{0}")]
pub struct SeeOrder(u64);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("cache hit")]
#[status(NOT_MODIFIED)]
pub struct CacheHit {
    #[header(ETAG)]
    etag: &'static str,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("see the catalogue")]
#[status(303, location = "/catalogue/{r#type}/{match}")]
pub struct SeeCatalogue {
    r#type: &'static str,
    r#match: u32,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Never {}

fn main() {
    assert_eq!(OrderError::Unit.status(), 404);
    assert_eq!(OrderError::Tuple(7).status(), 410);
    assert_eq!(OrderError::Struct { id: 1, r#type: "x".into() }.status(), 409);
    assert_eq!(OrderError::UsesDefault.status(), 500);
    assert_eq!(OrderError::contracts().len(), 4);
    assert_eq!(EventMoved.to_response().headers()["location"], "/new-event");
    assert_eq!(SeeOrder(9).to_response().headers()["location"], "/order-result/9");
    assert_eq!(CacheHit { etag: "\"v1\"" }.to_response().headers()["etag"], "\"v1\"");
    let catalogue = SeeCatalogue { r#type: "mice", r#match: 2 }.to_response();
    assert_eq!(catalogue.headers()["location"], "/catalogue/mice/2");
    assert!(Never::contracts().is_empty());
    let VariantContract::Own(contract) = OrderError::contracts()[3] else {
        panic!("UsesDefault has its own contract");
    };
    assert_eq!(contract.variant, Some("UsesDefault"));
}
