// Breaks "`conceal` reveals nothing" (RFC 9110 §15.5.4): a problem `type`, `title`, `detail` or extension tells that the order exists.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("you may not see order {id}")]
    #[status(
        403,
        conceal = 404,
        type = "https://shop.example/probs/not-yours",
        title = "Not your order",
        detail = "this order belongs to another customer"
    )]
    Forbidden {
        #[extension]
        owner: String,
        id: u64,
    },
}

fn main() {}
