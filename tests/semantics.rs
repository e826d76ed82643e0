//! `StatusSemantics` on `http::StatusCode` (class, redirects, retry, content, Retry-After) for
//! every code from 100 to 599 against tables written here from RFC 9110, and `RetryAfter`:
//! parsing delay-seconds and the three HTTP-date formats, formatting, `delay_from`.

use std::time::{Duration, SystemTime};

use http::StatusCode;
use status_core::{
    Redirect, RedirectMethod, Retry, RetryAdvice, RetryAfter, RetryAfterValue, StatusClass,
    StatusSemantics,
};

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}

/// 1994-11-06T08:49:37Z, the example date of RFC 9110 §5.6.7.
fn rfc_example_date() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777)
}

#[test]
fn class_of_every_code() {
    for code in 100..=999 {
        let expected = match code {
            100..=199 => Some(StatusClass::Informational),
            200..=299 => Some(StatusClass::Successful),
            300..=399 => Some(StatusClass::Redirection),
            400..=499 => Some(StatusClass::ClientError),
            500..=599 => Some(StatusClass::ServerError),
            _ => None,
        };
        assert_eq!(status(code).class(), expected, "{code}");
    }
}

#[test]
fn redirects_and_what_they_do_to_a_post() {
    let changed_to_get = |permanent| {
        Some(Redirect {
            permanent,
            method: RedirectMethod::ChangedToGet,
        })
    };
    let preserved = |permanent| {
        Some(Redirect {
            permanent,
            method: RedirectMethod::Preserved,
        })
    };
    // /event moved to /new-event: 301 (links; a POST arrives as GET) or 308 (API; a POST stays a
    // POST). Post/Redirect/Get: 303 to /order-result/{id}.
    let table = [
        (301, changed_to_get(true)),
        (302, changed_to_get(false)),
        (303, changed_to_get(false)),
        (307, preserved(false)),
        (308, preserved(true)),
    ];
    for code in 100..=599 {
        let expected = table
            .iter()
            .find(|(c, _)| *c == code)
            .and_then(|(_, redirect)| *redirect);
        assert_eq!(status(code).redirect(), expected, "{code}");
    }
    // The 3xx that are not followed: 300 (a choice), 304 (a cache hit), 305/306 (deprecated).
    for code in [300, 304, 305, 306, 309, 399] {
        assert_eq!(status(code).redirect(), None, "{code}");
    }
}

#[test]
fn retry_for_every_code() {
    for code in 100..=599 {
        let expected = match code {
            100..=399 => Retry::NotFailed,
            // 421 Misdirected Request: on another connection (RFC 9110 §15.5.20).
            408 | 421 | 425 | 429 => Retry::Later,
            400..=499 => Retry::Never,
            501 | 505 | 506 | 508 | 510 | 511 => Retry::Never,
            _ => Retry::Later,
        };
        assert_eq!(status(code).retry(), expected, "{code}");
    }
    // The shop's everyday cases.
    assert_eq!(StatusCode::NOT_FOUND.retry(), Retry::Never);
    assert_eq!(StatusCode::UNAUTHORIZED.retry(), Retry::Never);
    assert_eq!(StatusCode::FORBIDDEN.retry(), Retry::Never);
    assert_eq!(StatusCode::TOO_MANY_REQUESTS.retry(), Retry::Later);
    assert_eq!(StatusCode::SERVICE_UNAVAILABLE.retry(), Retry::Later);
    assert_eq!(StatusCode::SEE_OTHER.retry(), Retry::NotFailed);
}

/// `RetryAdvice` for every code, with and without `Retry-After`: the status's own advice, the
/// delay only where `Retry-After` means something, and a 413 with one is temporary
/// (RFC 9110 §15.5.14).
#[test]
fn retry_advice_for_every_code() {
    let response = |code: u16, retry_after: Option<&str>| {
        let mut response = http::Response::builder().status(code);
        if let Some(value) = retry_after {
            response = response.header("retry-after", value);
        }
        response.body(()).unwrap()
    };
    for code in 100..=599 {
        let status = status(code);
        let plain = RetryAdvice::of(&response(code, None));
        assert_eq!(
            plain,
            RetryAdvice {
                retry: status.retry(),
                after: None
            },
            "{code}"
        );
        let unreadable = RetryAdvice::of(&response(code, Some("soon")));
        assert_eq!(unreadable, plain, "{code}");
        let told = RetryAdvice::of(&response(code, Some("60")));
        let (retry, after) = match code {
            413 => (
                Retry::Later,
                Some(RetryAfter::Delay(Duration::from_secs(60))),
            ),
            300..=399 | 429 | 503 => (
                status.retry(),
                Some(RetryAfter::Delay(Duration::from_secs(60))),
            ),
            _ => (status.retry(), None),
        };
        assert_eq!(told, RetryAdvice { retry, after }, "{code}");
    }
}

#[test]
fn allows_content_for_every_code() {
    for code in 100..=599 {
        let expected = !matches!(code, 100..=199 | 204 | 205 | 304);
        assert_eq!(status(code).allows_content(), expected, "{code}");
    }
}

#[test]
fn retry_after_meaning_for_every_code() {
    for code in 100..=599 {
        let expected = matches!(code, 300..=399 | 413 | 429 | 503);
        assert_eq!(status(code).has_retry_after_meaning(), expected, "{code}");
    }
}

#[test]
fn reason_phrases_are_ianas() {
    let cases = [
        (104, Some("Upload Resumption Supported")),
        (200, Some("OK")),
        (203, Some("Non-Authoritative Information")),
        (303, Some("See Other")),
        (306, Some("(Unused)")),
        (413, Some("Content Too Large")),
        (418, Some("(Unused)")),
        (422, Some("Unprocessable Content")),
        (499, None),
        (509, None),
        (510, Some("Not Extended")),
        (600, None),
    ];
    for (code, phrase) in cases {
        assert_eq!(status(code).reason_phrase(), phrase, "{code}");
        assert_eq!(status(code).is_registered(), phrase.is_some(), "{code}");
    }
}

#[test]
fn parse_delay_seconds() {
    let cases: [(&[u8], u64); 5] = [
        (b"0", 0),
        (b"120", 120),
        (b"007", 7),
        (b"86400", 86_400),
        (b"18446744073709551615", u64::MAX),
    ];
    for (text, seconds) in cases {
        assert_eq!(
            RetryAfter::parse(text),
            Some(RetryAfter::Delay(Duration::from_secs(seconds))),
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
}

#[test]
fn parse_the_three_http_date_formats() {
    let formats: [&[u8]; 3] = [
        b"Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        b"Sunday, 06-Nov-94 08:49:37 GMT", // obsolete RFC 850 format
        b"Sun Nov  6 08:49:37 1994",       // ANSI C's asctime() format
    ];
    for text in formats {
        assert_eq!(
            RetryAfter::parse(text),
            Some(RetryAfter::Date(rfc_example_date())),
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
    assert_eq!(
        RetryAfter::parse(b"Wed, 21 Oct 2015 07:28:00 GMT"),
        Some(RetryAfter::Date(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_480)
        ))
    );
}

#[test]
fn parse_rejects_garbage() {
    // (Whitespace around a value is left out: RFC 9110 §5.5 has recipients strip it before
    // parsing, and `parse` takes the field value.)
    let garbage: [&[u8]; 17] = [
        b"",
        b"soon",
        b"-1",
        b"+5",
        b"1.5",
        b"1e3",
        b"12 0",
        b"0x10",
        b"\xff\xfe",
        b"Sun, 06 Nov 1994 08:49:37 UTC",
        b"Sun, 32 Nov 1994 08:49:37 GMT",
        b"Sun, 06 Nov 1994 25:49:37 GMT",
        b"1994-11-06T08:49:37Z",
        // 1994-11-06 was a Sunday.
        b"Mon, 06 Nov 1994 08:49:37 GMT",
        // 1995 was no leap year.
        b"Wed, 29 Feb 1995 08:49:37 GMT",
        // HTTP-date is case-sensitive (RFC 9110 §5.6.7).
        b"Sun, 06 Nov 1994 08:49:37 gmt",
        b"sun, 06 nov 1994 08:49:37 GMT",
    ];
    for text in garbage {
        assert_eq!(
            RetryAfter::parse(text),
            None,
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
}

#[test]
fn format_and_parse_round_trip() {
    let cases = [
        (RetryAfter::Delay(Duration::from_secs(120)), "120"),
        (RetryAfter::Delay(Duration::from_millis(1500)), "2"),
        (RetryAfter::Delay(Duration::ZERO), "0"),
        (
            RetryAfter::Date(rfc_example_date()),
            "Sun, 06 Nov 1994 08:49:37 GMT",
        ),
    ];
    for (value, text) in cases {
        assert_eq!(value.to_header_value(), text);
        assert_eq!(value.to_string(), text);
        let parsed = RetryAfter::parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.to_header_value(), text);
    }
}

#[test]
fn delay_from_now() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    assert_eq!(
        RetryAfter::Delay(Duration::from_secs(30)).delay_from(now),
        Duration::from_secs(30)
    );
    assert_eq!(
        RetryAfter::Date(now + Duration::from_secs(90)).delay_from(now),
        Duration::from_secs(90)
    );
    assert_eq!(RetryAfter::Date(now).delay_from(now), Duration::ZERO);
    assert_eq!(
        RetryAfter::Date(now - Duration::from_secs(5)).delay_from(now),
        Duration::ZERO
    );
}

#[test]
fn retry_after_values() {
    let date = rfc_example_date();
    assert_eq!(
        Duration::from_secs(3).retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(3)))
    );
    assert_eq!(date.retry_after(), Some(RetryAfter::Date(date)));
    assert_eq!(
        120_u64.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(120)))
    );
    assert_eq!(
        7_u32.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(7)))
    );
    assert_eq!(
        RetryAfter::Date(date).retry_after(),
        Some(RetryAfter::Date(date))
    );
    assert_eq!(None::<Duration>.retry_after(), None);
    assert_eq!(
        Some(9_u64).retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(9)))
    );
    let by_ref: &Duration = &Duration::from_secs(1);
    assert_eq!(
        <&Duration as RetryAfterValue>::retry_after(&by_ref),
        Some(RetryAfter::Delay(Duration::from_secs(1)))
    );
    assert_eq!(
        RetryAfter::from(Duration::from_secs(4)),
        RetryAfter::Delay(Duration::from_secs(4))
    );
    assert_eq!(RetryAfter::from(date), RetryAfter::Date(date));
}
