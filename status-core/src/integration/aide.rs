//! aide 0.15: every derived type is an `aide::OperationOutput`, so that a handler that returns
//! `Result<Json<T>, MyError>` documents every status of `MyError` with no annotation: aide reads
//! `inferred_responses` from the handler's return type (the impl adds them to the operation
//! itself, merged with those of the same status there, so that nothing conflicts). One
//! response per status
//! ([`openapi::Responses`](crate::openapi::Responses): variants that share a status merged, as
//! aide requires, concealed ones documented as the status they answer and nothing more), with
//! headers marked `required` where every variant of the status sends them, and every schema
//! inline.
//!
//! ```
//! use aide::axum::ApiRouter;
//! use aide::axum::routing::get;
//! use aide::openapi::OpenApi;
//! use status_core::HttpStatus;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum OrderError {
//!     /// No such order.
//!     #[error("order {0} does not exist")]
//!     #[status(404, detail = hidden)]
//!     NotFound(u64),
//!     /// Someone else's order, answered as a missing one.
//!     #[error("not yours")]
//!     #[status(403, conceal = 404)]
//!     NotYours,
//! }
//!
//! async fn order() -> Result<String, OrderError> {
//!     Err(OrderError::NotFound(7))
//! }
//!
//! let mut api = OpenApi::default();
//! let _router: axum::Router = ApiRouter::new()
//!     .api_route("/orders/7", get(order))
//!     .finish_api(&mut api);
//! let document = serde_json::to_value(&api).unwrap();
//! let responses = &document["paths"]["/orders/7"]["get"]["responses"];
//! assert_eq!(responses["404"]["description"], "No such order.");
//! assert!(responses.get("403").is_none());
//! ```

use aide::openapi::Response;

use crate::VariantContract;
use crate::format::ResponseFormat;
use crate::openapi::Responses;

/// The responses of a type whose contracts are `contracts`: `(status, response)` per status on
/// the wire. Not generic: the generated impl passes its type's contracts, so that a user's
/// build compiles this once, not once per type.
fn responses_of(
    contracts: &[VariantContract],
    format: Option<&'static dyn ResponseFormat>,
) -> Vec<(Option<u16>, Response)> {
    Responses::from_contracts_in(contracts, format).to_aide()
}

impl Responses {
    /// `(status, response)` per status, as aide's Response Objects.
    fn to_aide(&self) -> Vec<(Option<u16>, Response)> {
        self.responses
            .iter()
            .map(|response| (Some(response.status.as_u16()), aide_response(response)))
            .collect()
    }
}

/// What the generated `OperationOutput::inferred_responses` does: adds the responses of a type
/// whose contracts are `contracts` to `operation` itself, each merged into the one of its status
/// documented there already, and returns none for aide to add. So `Result<Created, MyError>`,
/// where both types document the fallback 500, or an extractor's 422 beside the handler's, are
/// one response per status, never aide's `InferredResponseConflict`.
#[doc(hidden)]
pub fn inferred_responses(
    contracts: &[VariantContract],
    format: Option<&'static dyn ResponseFormat>,
    operation: &mut aide::openapi::Operation,
) -> Vec<(Option<u16>, Response)> {
    add(operation, responses_of(contracts, format));
    Vec::new()
}

/// `response` as aide's Response Object.
fn aide_response(response: &crate::openapi::Response) -> Response {
    // aide reads every Response Object `to_json` writes; a description that says what went
    // wrong is the answer if one ever does not.
    serde_json::from_value(response.to_json()).unwrap_or_else(|error| Response {
        description: format!(
            "{} (its schema could not be read by aide: {error})",
            response.description
        ),
        ..Response::default()
    })
}

/// The responses of a [`Rejection`](crate::Rejection) with one of `statuses`: what an extractor
/// that rejects with them may answer before the handler runs.
#[cfg(feature = "axum")]
fn rejections(statuses: &[u16]) -> Vec<(Option<u16>, Response)> {
    responses_of(<crate::Rejection as crate::HttpStatus>::contracts(), None)
        .into_iter()
        .filter(|(status, _)| status.is_some_and(|status| statuses.contains(&status)))
        .collect()
}

impl Responses {
    /// Adds these responses to `operation`, each merged into the one `operation` documents
    /// with its status already: for what a layer answers before the handler runs (a
    /// maintenance 503, an authentication 401), which aide cannot read from the handler's
    /// types. (aide's `ApiRouter::with_path_items` reaches every operation of a router.)
    ///
    /// ```
    /// use aide::openapi::Operation;
    /// use status_core::HttpStatus;
    /// use status_core::openapi::Responses;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("closed for maintenance")]
    /// #[status(503, retry_after = 600)]
    /// struct ClosedForMaintenance;
    ///
    /// let mut operation = Operation::default();
    /// Responses::of::<ClosedForMaintenance>().add_to_operation(&mut operation);
    /// let document = serde_json::to_value(&operation).unwrap();
    /// assert_eq!(document["responses"]["503"]["headers"]["retry-after"]["required"], true);
    /// ```
    pub fn add_to_operation(&self, operation: &mut aide::openapi::Operation) {
        add(operation, self.to_aide());
    }
}

/// `responses` added to `operation`, each merged into the one of its status there already.
fn add(operation: &mut aide::openapi::Operation, responses: Vec<(Option<u16>, Response)>) {
    let rest = merged_into(operation, responses);
    let documented = operation.responses.get_or_insert_with(Default::default);
    for (status, response) in rest {
        if let Some(code) = status {
            documented.responses.insert(
                aide::openapi::StatusCode::Code(code),
                aide::openapi::ReferenceOr::Item(response),
            );
        }
    }
}

/// `early` merged into the responses `operation` documents already (the handler's, with the
/// same status: a 422 of the extractor and a 422 of the handler's error are one response, which
/// aide would report as a conflict); the others returned, for aide to add.
fn merged_into(
    operation: &mut aide::openapi::Operation,
    early: Vec<(Option<u16>, Response)>,
) -> Vec<(Option<u16>, Response)> {
    use aide::openapi::{ReferenceOr, StatusCode};
    let Some(documented) = operation.responses.as_mut() else {
        return early;
    };
    let mut rest = Vec::new();
    for (status, response) in early {
        let known = status.and_then(|code| documented.responses.get_mut(&StatusCode::Code(code)));
        let Some(ReferenceOr::Item(known)) = known else {
            rest.push((status, response));
            continue;
        };
        let as_json = |response: &Response| serde_json::to_value(response).unwrap_or_default();
        let merged = crate::openapi::merge_responses(&as_json(&response), &as_json(known));
        // Read back what `merge_responses` wrote from two Response Objects aide wrote; if it
        // ever could not be, the handler's response stays as it was.
        if let Ok(merged) = serde_json::from_value(merged) {
            *known = merged;
        }
    }
    rest
}

/// The drop-in extractors of [`extract::axum`](crate::extract::axum) document what axum's do
/// (the body's or the parameters' schema), and the problems they reject with.
#[cfg(feature = "axum")]
mod extractors {
    use aide::generate::GenContext;
    use aide::openapi::{Operation, Response};
    use aide::{OperationInput, OperationOutput};
    use schemars::JsonSchema;

    use super::{merged_into, rejections};
    use crate::extract::axum::{Form, Json, Path, Query};

    macro_rules! input {
        ($ours:ident, $axum:ty, [$($status:literal),*]) => {
            impl<T: JsonSchema> OperationInput for $ours<T> {
                fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
                    <$axum as OperationInput>::operation_input(ctx, operation);
                }

                fn inferred_early_responses(
                    _: &mut GenContext,
                    operation: &mut Operation,
                ) -> Vec<(Option<u16>, Response)> {
                    merged_into(operation, rejections(&[$($status),*]))
                }
            }
        };
    }

    input!(Json, axum::Json<T>, [400, 413, 415, 422]);
    input!(Form, axum::extract::Form<T>, [400, 413, 415, 422]);
    input!(Query, axum::extract::Query<T>, [400]);
    input!(Path, axum::extract::Path<T>, [400, 500]);

    impl<T: JsonSchema> OperationOutput for Json<T> {
        type Inner = T;

        fn operation_response(ctx: &mut GenContext, operation: &mut Operation) -> Option<Response> {
            <axum::Json<T> as OperationOutput>::operation_response(ctx, operation)
        }

        fn inferred_responses(
            ctx: &mut GenContext,
            operation: &mut Operation,
        ) -> Vec<(Option<u16>, Response)> {
            <axum::Json<T> as OperationOutput>::inferred_responses(ctx, operation)
        }
    }
}

/// `aide::OperationOutput` for one derived type; expanded by `__integrations!` when the `aide`
/// feature is on.
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_integration {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::aide::operation::OperationOutput for $($ty)* $($where)* {
            type Inner = Self;

            fn inferred_responses(
                _: &mut $crate::__private::aide::generate::GenContext,
                operation: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(::core::option::Option<u16>, $crate::__private::aide::openapi::Response)> {
                $crate::__private::aide_responses(
                    <Self as $crate::HttpStatus>::contracts(),
                    <Self as $crate::HttpStatus>::format(),
                    operation,
                )
            }
        }
    };
}
