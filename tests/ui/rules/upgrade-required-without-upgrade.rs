// Breaks "426 has Upgrade" (RFC 9110 §15.5.22, §7.8): the client is not told which protocol to switch to.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum LiveStockError {
    #[error("live stock updates need a websocket")]
    #[status(426)]
    UpgradeRequired,
}

fn main() {}
