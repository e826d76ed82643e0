//! utoipa 6 (feature `utoipa`) and utoipa 5 (feature `utoipa5`, the line most projects still
//! pin): every derived type is a `utoipa::IntoResponses`, so that
//! `#[utoipa::path(responses((status = 200, body = Order), OrderError))]` documents every status
//! of `OrderError` from its one declaration. One response per status
//! ([`openapi::Responses`](crate::openapi::Responses): merged, concealed ones documented as the
//! status they answer and nothing more), every schema inline: utoipa does not register the
//! schemas an `IntoResponses` names, so a `$ref` would dangle. utoipa's `Header` has no
//! `required`; a header every variant of the status sends says so in its description.
//!
//! ```
//! # #[cfg(feature = "utoipa")] {
//! use status_core::HttpStatus;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum OrderError {
//!     /// No such order.
//!     #[error("order {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//!     /// Slow down.
//!     #[error("slow down")]
//!     #[status(429, retry_after = 60)]
//!     TooMany,
//! }
//!
//! let responses = OrderError::responses();
//! let json = serde_json::to_value(&responses).unwrap();
//! assert_eq!(json["404"]["description"], "No such order.");
//! assert_eq!(json["429"]["headers"]["retry-after"]["description"], "`60`. Always sent.");
//! # }
//! ```

use std::collections::BTreeMap;

use serde_json::Value;

use crate::VariantContract;
use crate::format::ResponseFormat;

/// A format a type names.
type Format = &'static dyn ResponseFormat;
use crate::openapi::Responses;

/// The Response Objects of a type whose contracts are `contracts`, each as JSON that utoipa
/// reads: a header's `required` said in its description, which utoipa's `Header` cannot hold.
fn response_objects(
    contracts: &[VariantContract],
    format: Option<Format>,
) -> Vec<(String, String, Value)> {
    Responses::from_contracts_in(contracts, format)
        .responses
        .iter()
        .map(|response| {
            let mut json = response.to_json();
            if let Some(headers) = json.get_mut("headers").and_then(Value::as_object_mut) {
                for header in headers.values_mut() {
                    if header["required"] == true {
                        let said = format!(
                            "{}. Always sent.",
                            header["description"].as_str().unwrap_or_default()
                        );
                        header["description"] = Value::String(said);
                    }
                }
            }
            (
                response.status.as_str().to_owned(),
                response.description.clone(),
                json,
            )
        })
        .collect()
}

macro_rules! adapter {
    ($module:ident, $utoipa:ident, $feature:literal) => {
        /// The responses of `T` as
        #[doc = concat!("`", $feature, "`")]
        /// reads them; called by the generated `IntoResponses` impl.
        #[cfg(feature = $feature)]
        #[doc(hidden)]
        pub mod $module {
            use super::*;
            use $utoipa::openapi::{RefOr, Response};

            /// The responses of a type whose contracts are `contracts`, each status to its
            /// Response Object. Not generic: compiled once, not once per type.
            pub fn responses(
                contracts: &[VariantContract],
                format: Option<Format>,
            ) -> BTreeMap<String, RefOr<Response>> {
                response_objects(contracts, format)
                    .into_iter()
                    .map(|(status, description, json)| {
                        // utoipa reads every Response Object `to_json` writes; a description
                        // that says what went wrong is the answer if one ever does not.
                        let response = serde_json::from_value(json).unwrap_or_else(|error| {
                            let mut response = Response::new(description);
                            response.description.push_str(&format!(
                                " (its schema could not be read by utoipa: {error})"
                            ));
                            response
                        });
                        (status, RefOr::T(response))
                    })
                    .collect()
            }
        }
    };
}

adapter!(v6, utoipa, "utoipa");
adapter!(v5, utoipa5, "utoipa5");

/// `utoipa::IntoResponses` (utoipa 6) for one derived type; expanded by `__integrations!` when
/// the `utoipa` feature is on.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_integration {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<$crate::__private::utoipa::openapi::Response>,
            > {
                $crate::__private::utoipa_responses(
                    <Self as $crate::HttpStatus>::contracts(),
                    <Self as $crate::HttpStatus>::format(),
                )
            }
        }
    };
}

/// `utoipa::IntoResponses` (utoipa 5) for one derived type; expanded by `__integrations!` when
/// the `utoipa5` feature is on.
#[cfg(feature = "utoipa5")]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa5_integration {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa5::IntoResponses for $($ty)* $($where)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa5::openapi::RefOr<$crate::__private::utoipa5::openapi::Response>,
            > {
                $crate::__private::utoipa5_responses(
                    <Self as $crate::HttpStatus>::contracts(),
                    <Self as $crate::HttpStatus>::format(),
                )
            }
        }
    };
}
