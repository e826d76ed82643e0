use status_core::HttpStatus;
use std::time::Duration;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum PaymentError {
    #[error("card declined")]
    #[status(402, allow(reserved_status))]
    Declined,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum OrderError {
    #[error("order {id} does not exist")]
    #[status(404)]
    NotFound { id: u64 },
    #[error("sign in first")]
    #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
    SignInRequired,
    #[error("use GET")]
    #[status(405, allow = "GET, HEAD")]
    WrongMethod,
    #[error("order placed")]
    #[status(303, location = "/order-result/{id}")]
    Placed { id: u64 },
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[retry_after]
        wait: Duration,
    },
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
    },
    #[error("you may not see this order")]
    #[status(403, conceal = 404)]
    Forbidden,
    #[error("storage failed")]
    #[status(500)]
    Storage(#[source] std::io::Error),
    #[error(transparent)]
    #[status(transparent)]
    Payment(PaymentError),
}

#[test]
fn smoke() {
    let all = [
        OrderError::NotFound { id: 7 },
        OrderError::SignInRequired,
        OrderError::WrongMethod,
        OrderError::Placed { id: 7 },
        OrderError::RateLimited {
            wait: Duration::from_secs(3),
        },
        OrderError::NotModified {
            etag: "\"v1\"".into(),
        },
        OrderError::Forbidden,
        OrderError::Storage(std::io::Error::other("disk")),
        OrderError::Payment(PaymentError::Declined),
    ];
    for e in &all {
        let r = e.to_response();
        println!(
            "{} {:?} {}",
            r.status(),
            r.headers(),
            String::from_utf8_lossy(r.body())
        );
    }
    println!("{:#?}", OrderError::contracts());
}
