// Breaks "`Retry-After` is delay-seconds or an IMF-fixdate" (RFC 9110 §10.2.3, §5.6.7): words, and a date on the wrong weekday.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ShopError {
    #[error("the shop is under maintenance")]
    #[status(503, retry_after = "soon")]
    Maintenance,

    #[error("the sale has not started yet")]
    #[status(503, retry_after = "Mon, 21 Oct 2015 07:28:00 GMT")]
    SaleNotStarted,
}

fn main() {}
