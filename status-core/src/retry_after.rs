//! The `Retry-After` header field (RFC 9110 §10.2.3).

use std::fmt;
use std::time::{Duration, SystemTime};

use http::HeaderValue;

/// 9999-12-31T23:59:59Z, the last instant an HTTP-date can express.
fn last_http_date() -> SystemTime {
    let last = Duration::from_secs(253_402_300_799);
    SystemTime::UNIX_EPOCH
        .checked_add(last)
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// The value of a `Retry-After` field: a delay in seconds or an HTTP-date.
///
/// Servers put it on 503, 429, 413 and redirects; clients read it back with [`RetryAfter::parse`].
///
/// ```
/// use std::time::Duration;
/// use status_core::RetryAfter;
///
/// let wait = RetryAfter::from(Duration::from_millis(1500)); // rounded up: never too early
/// assert_eq!(wait.to_header_value(), "2");
/// assert_eq!(RetryAfter::parse(b"120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
///
/// let date = RetryAfter::parse(b"Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
/// assert_eq!(date.to_header_value(), "Wed, 21 Oct 2015 07:28:00 GMT");
/// assert_eq!(RetryAfter::parse(b"soon"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// `delay-seconds`: wait this long after receiving the response.
    Delay(Duration),
    /// `HTTP-date`: wait until then.
    Date(SystemTime),
}

impl RetryAfter {
    /// Parses a field value: `delay-seconds` (ASCII digits) or an HTTP-date in any of the three
    /// formats recipients must accept (RFC 9110 §5.6.7).
    pub fn parse(value: &[u8]) -> Option<RetryAfter> {
        // Recipients strip surrounding whitespace from a field value (RFC 9110 §5.5).
        let value = value.trim_ascii();
        if !value.is_empty() && value.iter().all(u8::is_ascii_digit) {
            // 20 digits overflow u64; such a delay is "forever", which is no retry at all.
            let text = std::str::from_utf8(value).ok()?;
            return text
                .parse()
                .ok()
                .map(|secs| RetryAfter::Delay(Duration::from_secs(secs)));
        }
        let text = std::str::from_utf8(value).ok()?;
        httpdate::parse_http_date(text).ok().map(RetryAfter::Date)
    }

    /// How long to wait from `now`; zero for a date in the past.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use status_core::RetryAfter;
    ///
    /// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000);
    /// let later = RetryAfter::Date(now + Duration::from_secs(30));
    /// assert_eq!(later.delay_from(now), Duration::from_secs(30));
    /// assert_eq!(RetryAfter::Date(SystemTime::UNIX_EPOCH).delay_from(now), Duration::ZERO);
    /// ```
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::Date(date) => date.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }

    /// The field value: whole seconds (a fraction rounds up), or an IMF-fixdate.
    pub fn to_header_value(&self) -> HeaderValue {
        match *self {
            RetryAfter::Delay(delay) => {
                let secs = delay
                    .as_secs()
                    .saturating_add(u64::from(delay.subsec_nanos() > 0));
                HeaderValue::from(secs)
            }
            RetryAfter::Date(date) => {
                // httpdate panics outside 1970..=9999: a past date means "now", and a date past
                // year 9999 is sent as the last one an HTTP-date can say.
                let date = date.clamp(SystemTime::UNIX_EPOCH, last_http_date());
                // An HTTP-date has whole seconds; rounding up keeps "never too early".
                let date = match date.duration_since(SystemTime::UNIX_EPOCH) {
                    Ok(since) if since.subsec_nanos() > 0 => {
                        let up = Duration::from_secs(since.as_secs().saturating_add(1));
                        (SystemTime::UNIX_EPOCH + up).min(last_http_date())
                    }
                    _ => date,
                };
                let text = httpdate::fmt_http_date(date);
                // An IMF-fixdate is visible ASCII by construction.
                HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("0"))
            }
        }
    }
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_header_value().to_str() {
            Ok(text) => f.write_str(text),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl From<Duration> for RetryAfter {
    fn from(delay: Duration) -> Self {
        RetryAfter::Delay(delay)
    }
}

impl From<SystemTime> for RetryAfter {
    fn from(date: SystemTime) -> Self {
        RetryAfter::Date(date)
    }
}

/// A type a `#[retry_after]` field can have: [`Duration`], [`SystemTime`], whole seconds as
/// `u32`/`u64`, [`RetryAfter`], or an `Option` of one of them (`None` sends no field).
///
/// ```
/// use std::time::Duration;
/// use status_core::{RetryAfter, RetryAfterValue};
///
/// assert_eq!(30_u64.retry_after(), Some(RetryAfter::Delay(Duration::from_secs(30))));
/// assert_eq!(None::<Duration>.retry_after(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `Retry-After` value",
    label = "`#[retry_after]` needs a `Duration`, a `SystemTime`, seconds as an integer, or a `RetryAfter`",
    note = "RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date"
)]
pub trait RetryAfterValue {
    /// The value to send, or `None` for no field.
    fn retry_after(&self) -> Option<RetryAfter>;
}

impl RetryAfterValue for RetryAfter {
    fn retry_after(&self) -> Option<RetryAfter> {
        Some(*self)
    }
}

impl RetryAfterValue for Duration {
    fn retry_after(&self) -> Option<RetryAfter> {
        Some(RetryAfter::Delay(*self))
    }
}

impl RetryAfterValue for SystemTime {
    fn retry_after(&self) -> Option<RetryAfter> {
        Some(RetryAfter::Date(*self))
    }
}

impl RetryAfterValue for u64 {
    fn retry_after(&self) -> Option<RetryAfter> {
        Some(RetryAfter::Delay(Duration::from_secs(*self)))
    }
}

impl RetryAfterValue for u32 {
    fn retry_after(&self) -> Option<RetryAfter> {
        u64::from(*self).retry_after()
    }
}

impl<T: RetryAfterValue + ?Sized> RetryAfterValue for &T {
    fn retry_after(&self) -> Option<RetryAfter> {
        T::retry_after(self)
    }
}

impl<T: RetryAfterValue> RetryAfterValue for Option<T> {
    fn retry_after(&self) -> Option<RetryAfter> {
        self.as_ref().and_then(T::retry_after)
    }
}
