// Breaks "`body = none` sends no problem": a `detail` and an extension member that would go nowhere.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404, body = none, detail = "check the order number")]
    NotFound {
        #[extension]
        order_id: u64,
        id: u64,
    },
}

fn main() {}
