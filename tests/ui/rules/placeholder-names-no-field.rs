// Breaks "`location` placeholders name fields": `{order_di}` is a typo, `{order}` is not a field, and `Moved` has no fields.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {order_id} placed")]
    #[status(303, location = "/order-result/{order_di}")]
    Placed { order_id: u64 },

    #[error("order {id} paid")]
    #[status(303, location = "/order-result/{order}")]
    Paid { id: u64, total_cents: u64 },

    #[error("/event moved to /new-event")]
    #[status(301, location = "/new-event/{id}")]
    Moved,
}

fn main() {}
