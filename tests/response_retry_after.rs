//! `Retry-After`: from a `Duration` (rounded up), seconds, a `SystemTime` (an IMF-fixdate,
//! clamped to what one can say), an `Option`, a `RetryAfter`, and static values.

use std::time::{Duration, SystemTime};

use http::HeaderValue;
use serde_json::json;
use status_core::{HttpStatus, RetryAfter};

mod common;
use common::{PROBLEM, header_map, json_body};

/// The header fields a case expects besides `Content-Type`.
type Fields = &'static [(&'static str, &'static str)];

/// 2015-10-21T07:28:00Z, "Wed, 21 Oct 2015 07:28:00 GMT".
fn back_to_the_future() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480)
}

#[test]
fn retry_after_from_a_duration_rounds_up() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("too many checkout attempts")]
    #[status(429)]
    struct RateLimited {
        #[retry_after]
        wait: Duration,
    }

    let cases = [
        (Duration::ZERO, "0"),
        (Duration::from_nanos(1), "1"),
        (Duration::from_millis(999), "1"),
        (Duration::from_secs(1), "1"),
        (Duration::from_millis(1500), "2"),
        (Duration::new(2, 1), "3"),
        (Duration::from_secs(3), "3"),
        (Duration::from_secs(86_400), "86400"),
    ];
    for (wait, seconds) in cases {
        let response = RateLimited { wait }.to_response();
        assert_eq!(response.status(), 429);
        assert_eq!(
            response.headers(),
            &header_map(&[("retry-after", seconds), PROBLEM]),
            "{wait:?}"
        );
        assert_eq!(
            json_body(&response),
            json!({
                "type": "about:blank",
                "title": "Too Many Requests",
                "status": 429,
                "detail": "too many checkout attempts",
            })
        );
    }
}

#[test]
fn retry_after_from_the_longest_duration_does_not_overflow() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("the shop is closed for good")]
    #[status(503)]
    struct ClosedForGood {
        #[retry_after]
        wait: Duration,
    }

    // u64::MAX seconds and a fraction: the fraction cannot round up any further.
    let response = ClosedForGood {
        wait: Duration::MAX,
    }
    .try_to_response()
    .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "18446744073709551615"), PROBLEM])
    );
}

#[test]
fn retry_after_from_seconds_dates_and_options() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum Busy {
        #[error("busy")]
        #[status(503)]
        Seconds {
            #[retry_after]
            wait: u64,
        },
        #[error("busy")]
        #[status(503)]
        SmallSeconds {
            #[retry_after]
            wait: u32,
        },
        #[error("busy")]
        #[status(503)]
        Until {
            #[retry_after]
            until: SystemTime,
        },
        #[error("busy")]
        #[status(503)]
        Either(#[retry_after] RetryAfter),
        #[error("busy")]
        #[status(429)]
        Maybe {
            #[retry_after]
            wait: Option<Duration>,
        },
        #[error("upload too large for now")]
        #[status(413)]
        TooLarge {
            #[retry_after]
            wait: Duration,
        },
    }

    let cases: [(Busy, u16, Fields); 10] = [
        (Busy::Seconds { wait: 120 }, 503, &[("retry-after", "120")]),
        (
            // An HTTP-date has whole seconds: a part of one rounds up, never too early.
            Busy::Until {
                until: SystemTime::UNIX_EPOCH + Duration::from_millis(1500),
            },
            503,
            &[("retry-after", "Thu, 01 Jan 1970 00:00:02 GMT")],
        ),
        (
            Busy::SmallSeconds { wait: u32::MAX },
            503,
            &[("retry-after", "4294967295")],
        ),
        (
            Busy::Until {
                until: back_to_the_future(),
            },
            503,
            &[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")],
        ),
        (
            Busy::Until {
                until: SystemTime::UNIX_EPOCH,
            },
            503,
            &[("retry-after", "Thu, 01 Jan 1970 00:00:00 GMT")],
        ),
        (
            Busy::Either(RetryAfter::Delay(Duration::from_millis(100))),
            503,
            &[("retry-after", "1")],
        ),
        (
            Busy::Either(RetryAfter::Date(back_to_the_future())),
            503,
            &[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")],
        ),
        (Busy::Maybe { wait: None }, 429, &[]),
        (
            Busy::Maybe {
                wait: Some(Duration::from_secs(30)),
            },
            429,
            &[("retry-after", "30")],
        ),
        (
            Busy::TooLarge {
                wait: Duration::from_secs(600),
            },
            413,
            &[("retry-after", "600")],
        ),
    ];
    for (error, status, headers) in cases {
        let response = error.to_response();
        assert_eq!(response.status(), status);
        let mut expected = header_map(headers);
        expected.append(
            "content-type",
            HeaderValue::from_static("application/problem+json"),
        );
        assert_eq!(response.headers(), &expected);
    }
}

#[test]
fn retry_after_dates_outside_what_an_http_date_can_say_are_clamped() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("maintenance")]
    #[status(503)]
    struct Maintenance {
        #[retry_after]
        until: SystemTime,
    }

    let before_1970 = SystemTime::UNIX_EPOCH - Duration::from_secs(86_400);
    let after_9999 = SystemTime::UNIX_EPOCH + Duration::from_secs(253_402_300_800 + 86_400);
    let cases = [
        (before_1970, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (after_9999, "Fri, 31 Dec 9999 23:59:59 GMT"),
    ];
    for (until, date) in cases {
        let response = Maintenance { until }.try_to_response().unwrap();
        assert_eq!(response.status(), 503);
        assert_eq!(
            response.headers(),
            &header_map(&[("retry-after", date), PROBLEM])
        );
    }
}

#[test]
fn static_retry_after_seconds_and_date() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum Maintenance {
        #[error("back in two minutes")]
        #[status(503, retry_after = 120)]
        Short,
        #[error("back after the migration")]
        #[status(503, retry_after = "Wed, 21 Oct 2015 07:28:00 GMT")]
        Long,
        #[error("try the new shop later")]
        #[status(307, location = "/new-event", retry_after = "5")]
        Redirect,
    }

    let response = Maintenance::Short.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "120"), PROBLEM])
    );
    assert_eq!(
        json_body(&response),
        json!({ "type": "about:blank", "title": "Service Unavailable", "status": 503 })
    );

    let response = Maintenance::Long.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"), PROBLEM])
    );

    let response = Maintenance::Redirect.to_response();
    assert_eq!(response.status(), 307);
    assert_eq!(
        response.headers(),
        &header_map(&[("retry-after", "5"), ("location", "/new-event")])
    );
    assert_eq!(response.body().as_ref(), b"");
}
