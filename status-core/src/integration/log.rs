//! What the integrations log when they send a response (with the `tracing` feature).

use http::StatusCode;

use super::Report;
use crate::{Contract, ResponseBuildError};

/// Logs a response an integration is about to send: a 5xx at error level with the error and its
/// whole `source()` chain, a 4xx at debug level, once per response. A response that could not be
/// built (and went out as the fallback 500) is an error too. The client never sees any of it.
/// `contract` is asked for only when there is a log to write (it decodes the type's table on
/// first use).
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub fn response<'a>(
    sent: StatusCode,
    contract: impl FnOnce() -> &'a Contract,
    report: Report<'_>,
    build_error: Option<ResponseBuildError>,
) {
    #[cfg(feature = "tracing")]
    {
        // A 1xx, 2xx or 3xx that was built is not logged: its contract is not asked for; nor is
        // anything written (the error's text, its sources) for a level no subscriber wants.
        let wanted = if build_error.is_some() || sent.is_server_error() {
            tracing::enabled!(tracing::Level::ERROR)
        } else {
            sent.is_client_error() && tracing::enabled!(tracing::Level::DEBUG)
        };
        if !wanted {
            return;
        }
        let contract = contract();
        let variant = contract.variant.unwrap_or_default();
        let declared = contract.concealed.unwrap_or(contract.status).as_u16();
        let message = match report {
            Report::Error(error) => error.to_string(),
            Report::Display(display) => display.to_string(),
            Report::Opaque => String::new(),
        };
        let sources = match report {
            Report::Error(error) => source_chain(error),
            _ => String::new(),
        };
        macro_rules! event {
            ($level:ident, $($extra:tt)*) => {
                tracing::$level!(
                    status = sent.as_u16(),
                    declared,
                    error_type = contract.type_name,
                    variant,
                    error = %message,
                    $($extra)*
                )
            };
        }
        match build_error {
            Some(build_error) => event!(
                error,
                sources = %sources,
                build_error = %build_error,
                "the error's response could not be built; sent the fallback 500"
            ),
            None if sent.is_server_error() => {
                event!(error, sources = %sources, "server error response")
            }
            None if sent.is_client_error() => event!(debug, "client error response"),
            None => {}
        }
    }
}

/// `error`'s sources, outermost first, separated by `: `.
#[cfg(feature = "tracing")]
fn source_chain(error: &dyn std::error::Error) -> String {
    let mut chain = String::new();
    let mut source = error.source();
    while let Some(error) = source {
        if !chain.is_empty() {
            chain.push_str(": ");
        }
        chain.push_str(&error.to_string());
        source = error.source();
    }
    chain
}

/// The span a request's response is made in (by the `tower` layer and the actix-web
/// middleware): error level, so that a 5xx's line carries the request whatever the filter.
#[cfg(all(feature = "tracing", any(feature = "tower", feature = "actix-web")))]
pub(crate) fn request_span(
    method: &str,
    path: &str,
    context: &crate::RequestContext,
) -> tracing::Span {
    let span = tracing::error_span!(
        "request",
        method = %method,
        path = %path,
        request_id = tracing::field::Empty
    );
    if let Some(id) = context.request_id() {
        span.record("request_id", tracing::field::display(id));
    }
    span
}
