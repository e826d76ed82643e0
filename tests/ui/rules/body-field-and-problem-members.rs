// Breaks "a custom body has no problem members": the body comes from `page`, so `detail` and an extension have nowhere to go.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, detail = "check the order number")]
    NotFound {
        id: u64,
        #[body]
        page: String,
        #[extension]
        order_id: u64,
    },
}

fn main() {}
