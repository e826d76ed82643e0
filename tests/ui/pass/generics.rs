// Generic parameters and lifetimes: bounds on generic fields are added where the derive uses them.
use std::fmt;

use status_core::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Inner {
    #[error("card declined")]
    #[status(409)]
    Declined,
}

#[derive(Debug, HttpStatus)]
pub enum ShopError<'a, E, Id, Tag>
where
    Tag: AsRef<str>,
{
    #[status(transparent)]
    Upstream(E),
    #[status(404)]
    NotFound {
        #[extension("order_id")]
        id: Id,
        #[header("x-shop")]
        shop: &'a str,
    },
    #[status(303, location = "/order-result/{id}")]
    Placed { id: Id, tag: Tag },
}

impl<E, Id, Tag: AsRef<str>> fmt::Display for ShopError<'_, E, Id, Tag> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("shop error")
    }
}

fn main() {
    let error: ShopError<'_, Inner, u64, String> = ShopError::NotFound { id: 7, shop: "main" };
    let response = error.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["x-shop"], "main");
    let upstream: ShopError<'_, Inner, u64, String> = ShopError::Upstream(Inner::Declined);
    assert_eq!(upstream.status(), 409);
    let placed: ShopError<'_, Inner, &str, String> = ShopError::Placed { id: "a b", tag: String::new() };
    assert_eq!(placed.to_response().headers()["location"], "/order-result/a%20b");
    assert_eq!(ShopError::<'_, Inner, u64, String>::contracts().len(), 3);
}
