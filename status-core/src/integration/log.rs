//! What the integrations log when they send a response (with the `tracing` feature).

use http::StatusCode;

use super::Report;
#[cfg(feature = "tracing")]
use crate::LogLevel;
use crate::{Contract, ResponseBuildError};

/// Logs a response an integration is about to send, once, at its contract's level
/// ([`LogLevel`]: by default a 5xx at error level with the error and its whole `source()` chain,
/// a 4xx at debug level, nothing for the others; `#[status(503, log = warn)]` says otherwise).
/// A response that could not be built (and went out as the fallback 500) is an error whatever
/// the contract says. The client never sees any of it. Nothing is written (the error's text,
/// its sources) for a level no subscriber wants.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub fn response<'a>(
    sent: StatusCode,
    contract: impl FnOnce() -> &'a Contract,
    report: Report<'_>,
    build_error: Option<ResponseBuildError>,
) {
    #[cfg(feature = "tracing")]
    {
        // Without a subscriber that wants anything, the contract is not even asked for.
        if tracing::level_filters::LevelFilter::current()
            == tracing::level_filters::LevelFilter::OFF
        {
            return;
        }
        let contract = contract();
        let level = match build_error {
            Some(_) => LogLevel::Error,
            None => contract.log,
        };
        if !enabled(level) {
            return;
        }
        let declared = contract.concealed.unwrap_or(contract.status).as_u16();
        let event = Event {
            sent: sent.as_u16(),
            declared,
            error_type: contract.type_name,
            variant: contract.variant.unwrap_or_default(),
            message: match report {
                Report::Error(error) => error.to_string(),
                Report::Display(display) => display.to_string(),
                Report::Opaque => String::new(),
            },
            sources: match report {
                Report::Error(error) => source_chain(error),
                _ => String::new(),
            },
        };
        match build_error {
            Some(build_error) => event.build_error(build_error),
            None => event.emit(level),
        }
    }
}

/// Whether a subscriber wants events at `level`.
#[cfg(feature = "tracing")]
fn enabled(level: LogLevel) -> bool {
    match level {
        LogLevel::Off => false,
        LogLevel::Error => tracing::enabled!(tracing::Level::ERROR),
        LogLevel::Warn => tracing::enabled!(tracing::Level::WARN),
        LogLevel::Info => tracing::enabled!(tracing::Level::INFO),
        LogLevel::Debug => tracing::enabled!(tracing::Level::DEBUG),
        LogLevel::Trace => tracing::enabled!(tracing::Level::TRACE),
    }
}

/// The fields of one response's log event.
#[cfg(feature = "tracing")]
struct Event<'a> {
    sent: u16,
    declared: u16,
    error_type: &'a str,
    variant: &'a str,
    message: String,
    sources: String,
}

#[cfg(feature = "tracing")]
macro_rules! event {
    ($level:ident, $event:expr, $($extra:tt)*) => {
        tracing::$level!(
            status = $event.sent,
            declared = $event.declared,
            error_type = $event.error_type,
            variant = $event.variant,
            error = %$event.message,
            $($extra)*
        )
    };
}

#[cfg(feature = "tracing")]
impl Event<'_> {
    /// The event at `level`: a client error's says "client error response", any other's
    /// "server error response"; error, warn and info carry the source chain.
    fn emit(&self, level: LogLevel) {
        let text = if (400..500).contains(&self.sent) {
            "client error response"
        } else if self.sent >= 500 {
            "server error response"
        } else {
            "response"
        };
        let sources = &self.sources;
        match level {
            LogLevel::Off => {}
            LogLevel::Error => event!(error, self, sources = %sources, "{text}"),
            LogLevel::Warn => event!(warn, self, sources = %sources, "{text}"),
            LogLevel::Info => event!(info, self, sources = %sources, "{text}"),
            LogLevel::Debug => event!(debug, self, "{text}"),
            LogLevel::Trace => event!(trace, self, "{text}"),
        }
    }

    fn build_error(&self, build_error: ResponseBuildError) {
        event!(
            error,
            self,
            sources = %self.sources,
            build_error = %build_error,
            "the error's response could not be built; sent the fallback 500"
        );
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
