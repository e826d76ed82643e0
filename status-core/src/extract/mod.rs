//! Drop-in extractors whose rejections are problems: change one `use` line and a handler's
//! malformed requests answer 400, 413, 415 (naming the media type the route takes) or 422 as
//! RFC 9457 documents ([`Rejection`](crate::Rejection)), in the app's format where a
//! [`ResponseContext`](crate::ResponseContext) negotiates one, instead of the framework's
//! `text/plain`.
//!
//! | framework | module | extractors |
//! |---|---|---|
//! | axum 0.8 (feature `axum`) | [`extract::axum`](self::axum) | `Json`, `Form`, `Query`, `Path` |
//! | actix-web 4 (feature `actix-web`) | [`extract::actix_web`](self::actix_web) | `Json`, `Form`, `Query`, `Path` |
//!
//! The framework's own rejections convert too (`Rejection::from(json_rejection)`), for an
//! error type of yours that holds one (`#[status(transparent)] Rejected(#[from] Rejection)`).

/// What each drop-in extractor is beside its framework's: a newtype over the value, read
/// through `Deref`, made with `From`.
macro_rules! newtype {
    ($name:ident) => {
        impl<T> ::core::ops::Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> ::core::ops::DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T> ::core::convert::From<T> for $name<T> {
            fn from(value: T) -> Self {
                $name(value)
            }
        }
    };
}

use newtype;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
