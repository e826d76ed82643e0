//! The per-variant contract as data: which status, which header fields, which body.
//!
//! `#[derive(HttpStatus)]` writes each type's table at compile time (as one string, which costs
//! a build almost nothing, decoded on first use); documentation and OpenAPI generators read them
//! through [`HttpStatus::contracts`](crate::HttpStatus::contracts) without constructing a single
//! error value.

use http::StatusCode;

use crate::format::ResponseFormat;

/// What one variant (or one struct) answers: the status on the wire, its header fields and its
/// body.
///
/// ```
/// use status_core::{BodyContract, HeaderSource, HttpStatus, VariantContract};
///
/// #[derive(Debug, HttpStatus)]
/// enum LoginError {
///     #[status(401, www_authenticate = r#"Bearer realm="shop""#)]
///     SignInRequired,
/// }
/// impl std::fmt::Display for LoginError {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("sign in first")
///     }
/// }
///
/// let VariantContract::Own(contract) = &LoginError::contracts()[0] else { unreachable!() };
/// assert_eq!(contract.variant, Some("SignInRequired"));
/// assert_eq!(contract.status.as_u16(), 401);
/// assert_eq!(contract.headers[0].name, "www-authenticate");
/// assert_eq!(contract.headers[0].source, HeaderSource::Static(r#"Bearer realm="shop""#));
/// assert!(matches!(contract.body, BodyContract::Problem(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Contract {
    /// The name of the type that derives `HttpStatus`.
    pub type_name: &'static str,
    /// The variant's name; `None` for a struct.
    pub variant: Option<&'static str>,
    /// The status code the client receives.
    pub status: StatusCode,
    /// The reason phrase of `status`: IANA's, or the one the contract gives for an unregistered
    /// code. It is also the problem's `title` unless the contract sets another.
    pub reason: &'static str,
    /// The real status when `conceal` hides it (RFC 9110 §15.5.4); never sent to the client.
    pub concealed: Option<StatusCode>,
    /// The header fields the response carries, beside `Content-Type`/`Content-Length`.
    pub headers: &'static [HeaderContract],
    /// What the body is.
    pub body: BodyContract,
    /// The level the integrations log the response at (`#[status(503, log = warn)]`); by
    /// default error for a 5xx, debug for a 4xx, and no log for the others.
    pub log: LogLevel,
    /// The summary of the variant's doc comment: its first paragraph, as rustdoc has it (`///`
    /// lines joined by newlines), for documentation generators; `None` without one.
    pub description: Option<&'static str>,
}

/// The level an integration logs a response at (with the `tracing` feature): a maintenance 503
/// or an upstream 502 need not page anyone at error.
///
/// ```
/// use status_core::{HttpStatus, LogLevel};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum CatalogError {
///     #[error("the catalog is being re-indexed")]
///     #[status(503, retry_after = 120, log = warn)]
///     Maintenance,
///     #[error("the catalog's database failed")]
///     #[status(500)]
///     Database,
///     #[error("no such book")]
///     #[status(404)]
///     NotFound,
/// }
///
/// assert_eq!(CatalogError::Maintenance.contract().log, LogLevel::Warn);
/// assert_eq!(CatalogError::Database.contract().log, LogLevel::Error);
/// assert_eq!(CatalogError::NotFound.contract().log, LogLevel::Debug);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// Not logged (`log = off`; the default for 1xx, 2xx and 3xx).
    Off,
    /// `tracing`'s error level (the default for 5xx), with the error's source chain.
    Error,
    /// Warn level, with the source chain.
    Warn,
    /// Info level, with the source chain.
    Info,
    /// Debug level (the default for 4xx).
    Debug,
    /// Trace level.
    Trace,
}

/// One header field of a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeaderContract {
    /// The field name, lowercase (`"location"`, `"retry-after"`).
    pub name: &'static str,
    /// Where its value comes from.
    pub source: HeaderSource,
}

/// Where a header field's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderSource {
    /// A value fixed at compile time.
    Static(&'static str),
    /// A template such as `/order-result/{id}` whose placeholders name fields.
    Template(&'static str),
    /// The value of a field (its name, or its index for a tuple field).
    Field(&'static str),
}

/// What a contract's body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyContract {
    /// No content: 1xx, 204, 205, 304, or an explicit `body = none`.
    Empty,
    /// An RFC 9457 `application/problem+json` document.
    Problem(ProblemContract),
    /// The content of a `#[body]` field.
    Field(&'static str),
}

/// The shape of a problem-details body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProblemContract {
    /// The `type` member: `about:blank` unless the contract sets one.
    pub type_uri: &'static str,
    /// The `title` member.
    pub title: &'static str,
    /// Where the `detail` member comes from.
    pub detail: DetailSource,
    /// The field that gives the `instance` member, if any.
    pub instance: Option<&'static str>,
    /// The extension members, by member name, in the order the body sends them: those fixed in
    /// the contract, then those from fields.
    pub extensions: &'static [&'static str],
    /// The extension members fixed in the contract (`extensions(code = "book_not_found")`):
    /// each name with its value as JSON text (`"\"book_not_found\""`).
    pub fixed_extensions: &'static [(&'static str, &'static str)],
}

/// Where the `detail` member of a problem comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DetailSource {
    /// The error's `Display` output (the default for 4xx).
    Display,
    /// A fixed text.
    Static(&'static str),
    /// No `detail` (the default for 5xx, and for concealed statuses).
    Hidden,
}

/// One entry of [`HttpStatus::contracts`](crate::HttpStatus::contracts): a variant's own
/// contract, or a variant that delegates to its field's type with `#[status(transparent)]`.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum VariantContract {
    /// The variant answers with this contract.
    Own(&'static Contract),
    /// The variant answers whatever its field's type answers.
    #[non_exhaustive]
    Transparent {
        /// The name of the type that derives `HttpStatus`.
        type_name: &'static str,
        /// The variant's name; `None` for a struct.
        variant: Option<&'static str>,
        /// The field's type, as written in the source.
        field_type: &'static str,
        /// The contracts of the field's type.
        contracts: fn() -> &'static [VariantContract],
        /// The format the field's type names, if any ([`HttpStatus::format`](crate::HttpStatus::format)).
        format: fn() -> Option<&'static dyn ResponseFormat>,
    },
}

impl VariantContract {
    /// Every contract this entry can answer with, transparent variants resolved.
    ///
    /// ```
    /// # use status_core::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum PaymentError {
    ///     #[error("card declined")]
    ///     #[status(402, allow(reserved_status))]
    ///     Declined,
    /// }
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum OrderError {
    ///     #[error("no such order")]
    ///     #[status(404)]
    ///     NotFound,
    ///     #[error(transparent)]
    ///     #[status(transparent)]
    ///     Payment(PaymentError),
    /// }
    /// let codes: Vec<u16> = OrderError::contracts()
    ///     .iter()
    ///     .flat_map(|entry| entry.resolve())
    ///     .map(|contract| contract.status.as_u16())
    ///     .collect();
    /// assert_eq!(codes, [404, 402]);
    /// ```
    pub fn resolve(&self) -> Vec<&'static Contract> {
        match *self {
            VariantContract::Own(contract) => vec![contract],
            VariantContract::Transparent { contracts, .. } => contracts()
                .iter()
                .flat_map(VariantContract::resolve)
                .collect(),
        }
    }

    /// Every contract this entry can answer with, each with the format its problem is written
    /// in: the outermost format named along the way, starting from `format` (that of the type
    /// whose entry this is); `None` for RFC 9457 JSON.
    ///
    /// ```
    /// # use status_core::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("no such book")]
    /// #[status(404, format = status_core::format::HtmlPage)]
    /// struct BookNotFound;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum ShelfError {
    ///     #[error(transparent)]
    ///     #[status(transparent)]
    ///     Book(BookNotFound),
    /// }
    ///
    /// let resolved = ShelfError::contracts()[0].resolve_in_format(ShelfError::format());
    /// let (contract, format) = resolved[0];
    /// assert_eq!(contract.status, 404);
    /// assert_eq!(format.map(|format| format.media_type()), Some("text/html; charset=utf-8"));
    /// ```
    pub fn resolve_in_format(
        &self,
        format: Option<&'static dyn ResponseFormat>,
    ) -> Vec<(&'static Contract, Option<&'static dyn ResponseFormat>)> {
        match *self {
            VariantContract::Own(contract) => vec![(contract, format)],
            VariantContract::Transparent {
                contracts,
                format: inner,
                ..
            } => {
                let format = format.or_else(inner);
                contracts()
                    .iter()
                    .flat_map(|entry| entry.resolve_in_format(format))
                    .collect()
            }
        }
    }
}
