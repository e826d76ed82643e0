//! Custom bodies from a `#[body]` field.

use bytes::Bytes;
use http::HeaderValue;
use serde::Serialize;

/// A type a `#[body]` field can have: the bytes it sends and their media type.
///
/// Strings are `text/plain`, bytes are `application/octet-stream`; wrap a value in [`Json`] or
/// [`Html`] for those media types.
///
/// ```
/// use status_core::{Html, ResponseBody};
///
/// let page = Html("<h1>Order not found</h1>");
/// assert_eq!(page.content_type(), "text/html; charset=utf-8");
/// assert_eq!(page.to_bytes().unwrap(), "<h1>Order not found</h1>");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a response body",
    label = "`#[body]` needs a string, bytes, `status_core::Json` or `status_core::Html`",
    note = "implement `status_core::ResponseBody` for `{Self}`"
)]
pub trait ResponseBody {
    /// The `Content-Type` of the body.
    fn content_type(&self) -> HeaderValue;
    /// The content, or `None` when it cannot be produced (a `Serialize` impl that fails).
    fn to_bytes(&self) -> Option<Bytes>;
}

const TEXT: &str = "text/plain; charset=utf-8";
const OCTETS: &str = "application/octet-stream";

macro_rules! body {
    ($media:expr => $($ty:ty),*) => {$(
        impl ResponseBody for $ty {
            fn content_type(&self) -> HeaderValue {
                HeaderValue::from_static($media)
            }
            fn to_bytes(&self) -> Option<Bytes> {
                Some(Bytes::copy_from_slice(AsRef::<[u8]>::as_ref(self)))
            }
        }
    )*};
}
body!(TEXT => str, String);
body!(OCTETS => [u8], Vec<u8>, Box<[u8]>);

impl ResponseBody for Bytes {
    fn content_type(&self) -> HeaderValue {
        HeaderValue::from_static(OCTETS)
    }
    fn to_bytes(&self) -> Option<Bytes> {
        Some(self.clone())
    }
}

impl<T: ResponseBody + ?Sized> ResponseBody for &T {
    fn content_type(&self) -> HeaderValue {
        T::content_type(self)
    }
    fn to_bytes(&self) -> Option<Bytes> {
        T::to_bytes(self)
    }
}

/// A body serialized as `application/json`.
///
/// ```
/// use status_core::{Json, ResponseBody};
///
/// let body = Json(vec!["mouse", "keyboard"]);
/// assert_eq!(body.content_type(), "application/json");
/// assert_eq!(body.to_bytes().unwrap(), r#"["mouse","keyboard"]"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

impl<T: Serialize> ResponseBody for Json<T> {
    fn content_type(&self) -> HeaderValue {
        HeaderValue::from_static("application/json")
    }
    fn to_bytes(&self) -> Option<Bytes> {
        serde_json::to_vec(&self.0).ok().map(Bytes::from)
    }
}

/// A body sent as `text/html; charset=utf-8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Html<T>(pub T);

impl<T: AsRef<str>> ResponseBody for Html<T> {
    fn content_type(&self) -> HeaderValue {
        HeaderValue::from_static("text/html; charset=utf-8")
    }
    fn to_bytes(&self) -> Option<Bytes> {
        Some(Bytes::copy_from_slice(self.0.as_ref().as_bytes()))
    }
}
