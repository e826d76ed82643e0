// Breaks "`Upgrade` is a list of protocols" (RFC 9110 §7.8): `web socket` has a space in the protocol name.
use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum LiveStockError {
    #[error("live stock updates need a websocket")]
    #[status(426, upgrade = "web socket")]
    UpgradeRequired,
}

fn main() {}
