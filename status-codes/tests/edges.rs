//! The edges of each per-code fact and each grammar: the first and last code of every class,
//! percent escapes at every position, leap years and leap seconds, a range of one byte. Written
//! from the mutants that survived the crate's first tests (SECURITY.md, "Mutation testing").

use status_codes::syntax::{
    ContentRange, ContentRangeError, DateError, UriError, content_range, imf_fixdate, upgrade,
    uri_reference,
};
use status_codes::{class_title, without_content};

#[test]
fn every_class_has_its_title_from_its_first_code_to_its_last() {
    for (first, last, title) in [
        (100, 199, "Informational"),
        (200, 299, "Success"),
        (300, 399, "Redirection"),
        (400, 499, "Client Error"),
        (500, 599, "Server Error"),
    ] {
        assert_eq!(class_title(first), Some(title), "{first}");
        assert_eq!(class_title(last), Some(title), "{last}");
    }
    assert_eq!(class_title(99), None);
    assert_eq!(class_title(600), None);
}

#[test]
fn every_informational_code_is_without_content() {
    for code in [100, 103, 199] {
        let without = without_content(code).expect("a 1xx has no content");
        assert_eq!(without.section, "§15.2", "{code}");
        assert!(!without.content_length_zero);
    }
    assert_eq!(without_content(200), None);
}

#[test]
fn a_percent_escape_is_checked_where_it_stands_and_skipped_whole() {
    // The two hex digits are the two bytes after the `%`, whatever comes before it.
    assert_eq!(uri_reference(b"/x%20"), Ok(()));
    assert_eq!(uri_reference(b"/ab%41zzzz"), Ok(()));
    assert_eq!(uri_reference(b"%41"), Ok(()));
    assert_eq!(uri_reference(b"/x%4g"), Err(UriError::Percent { at: 2 }));
    // After an escape, the next byte is checked: a space right after one is found.
    assert_eq!(uri_reference(b"/a%41 b"), Err(UriError::Byte { at: 5 }));
    assert_eq!(uri_reference(b"%20 "), Err(UriError::Byte { at: 3 }));
}

#[test]
fn an_upgrade_protocol_with_a_slash_has_a_name_and_a_version() {
    assert!(upgrade("HTTP/2.0").is_ok());
    assert!(upgrade("HTTP/").is_err());
    assert!(upgrade("/2.0").is_err());
}

#[test]
fn a_content_range_is_digits_on_every_side() {
    assert_eq!(content_range("bytes 5-5/10"), Ok(ContentRange::Satisfied));
    assert_eq!(content_range("bytes 0-4/*"), Ok(ContentRange::Satisfied));
    for not_a_range in [
        "bytes 0-/10",
        "bytes -4/10",
        "bytes a-4/10",
        "bytes 0-b/10",
        "bytes 0-4/1a",
        "bytes 0-4/",
    ] {
        assert!(
            matches!(
                content_range(not_a_range),
                Err(ContentRangeError::NotARange(_))
            ),
            "{not_a_range}: {:?}",
            content_range(not_a_range)
        );
    }
    assert_eq!(
        content_range("bytes */1a"),
        Err(ContentRangeError::UnsatisfiedWithoutLength)
    );
    assert_eq!(
        content_range("bytes 6-5/10"),
        Err(ContentRangeError::Reversed { first: 6, last: 5 })
    );
}

#[test]
fn an_imf_fixdate_has_its_form_whichever_part_is_wrong() {
    assert_eq!(imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT"), Ok(()));
    for wrong in [
        "Sun, 6 Nov 1994 08:49:37 GMT",  // too short
        "Sun, 06 Nov 1994 08:49:37 UTC", // not GMT
        "Sun; 06 Nov 1994 08:49:37 GMT", // a separator
        "éu, 06 Nov 1994 08:49:37 GMT",  // not ASCII, 29 bytes
    ] {
        assert_eq!(imf_fixdate(wrong), Err(DateError::Form), "{wrong}");
    }
}

#[test]
fn february_has_29_days_in_leap_years_only() {
    assert_eq!(imf_fixdate("Tue, 29 Feb 2000 12:00:00 GMT"), Ok(()));
    assert_eq!(imf_fixdate("Thu, 29 Feb 2024 12:00:00 GMT"), Ok(()));
    for not_leap in [
        "Thu, 29 Feb 1900 12:00:00 GMT",
        "Wed, 29 Feb 2023 12:00:00 GMT",
    ] {
        assert_eq!(
            imf_fixdate(not_leap),
            Err(DateError::NoSuchDay { day: 29 }),
            "{not_leap}"
        );
    }
}

#[test]
fn a_time_of_day_runs_to_23_59_60() {
    assert_eq!(imf_fixdate("Sun, 06 Nov 1994 23:59:60 GMT"), Ok(()));
    for wrong in [
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 25:00:00 GMT",
        "Sun, 06 Nov 1994 23:60:00 GMT",
        "Sun, 06 Nov 1994 23:61:00 GMT",
        "Sun, 06 Nov 1994 23:59:61 GMT",
        "Sun, 06 Nov 1994 23:59:62 GMT",
    ] {
        assert_eq!(imf_fixdate(wrong), Err(DateError::Time), "{wrong}");
    }
}

#[test]
fn march_dates_have_their_weekday() {
    assert_eq!(imf_fixdate("Tue, 01 Mar 2022 00:00:00 GMT"), Ok(()));
    assert_eq!(imf_fixdate("Thu, 01 Mar 1900 00:00:00 GMT"), Ok(()));
    assert_eq!(
        imf_fixdate("Wed, 01 Mar 2022 00:00:00 GMT"),
        Err(DateError::Weekday { actual: "Tue" })
    );
}
