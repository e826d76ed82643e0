//! RFC 9110 §5.6.7 dates and §10.2.3 `Retry-After`.

/// Why a value is not an IMF-fixdate (RFC 9110 §5.6.7), the date form senders generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError<'a> {
    /// Not in the form `Sun, 06 Nov 1994 08:49:37 GMT`.
    Form,
    /// Not a day name (`Mon`..`Sun`).
    DayName(&'a str),
    /// Not a month name (`Jan`..`Dec`).
    MonthName(&'a str),
    /// A day the month does not have.
    NoSuchDay {
        /// The day of the month as written.
        day: u32,
    },
    /// Not a time of day.
    Time,
    /// The day name is not the date's weekday.
    Weekday {
        /// The date's real weekday.
        actual: &'static str,
    },
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// RFC 9110 §10.2.3 `Retry-After = HTTP-date / delay-seconds`, the date as an IMF-fixdate.
///
/// ```
/// use status_codes::syntax::{retry_after, DateError};
/// assert_eq!(retry_after("120"), Ok(()));
/// assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Ok(()));
/// assert_eq!(retry_after("Mon, 21 Oct 2015 07:28:00 GMT"), Err(DateError::Weekday { actual: "Wed" }));
/// ```
pub fn retry_after(value: &str) -> Result<(), DateError<'_>> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    imf_fixdate(value)
}

/// RFC 9110 §5.6.7 `IMF-fixdate`, with the weekday checked against the date.
///
/// ```
/// use status_codes::syntax::{imf_fixdate, DateError};
/// assert_eq!(imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT"), Ok(()));
/// assert_eq!(imf_fixdate("Sunday, 06-Nov-94 08:49:37 GMT"), Err(DateError::Form)); // RFC 850: read, never sent
/// assert_eq!(imf_fixdate("Sun, 31 Nov 1994 08:49:37 GMT"), Err(DateError::NoSuchDay { day: 31 }));
/// ```
pub fn imf_fixdate(value: &str) -> Result<(), DateError<'_>> {
    let b = value.as_bytes();
    let separators = [
        (3, b','),
        (4, b' '),
        (7, b' '),
        (11, b' '),
        (16, b' '),
        (19, b':'),
        (22, b':'),
    ];
    if b.len() != 29
        || !value.is_ascii()
        || !value.ends_with(" GMT")
        || separators.iter().any(|&(i, c)| b[i] != c)
    {
        return Err(DateError::Form);
    }
    let number = |from: usize, to: usize| -> Result<u32, DateError<'_>> {
        let text = &value[from..to];
        if text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().map_err(|_| DateError::Form)
        } else {
            Err(DateError::Form)
        }
    };
    let day_name = &value[..3];
    let Some(weekday) = DAYS.iter().position(|d| *d == day_name) else {
        return Err(DateError::DayName(day_name));
    };
    let day = number(5, 7)?;
    let month_name = &value[8..11];
    let Some(month) = MONTHS.iter().position(|m| *m == month_name) else {
        return Err(DateError::MonthName(month_name));
    };
    let year = number(12, 16)?;
    let (hour, minute, second) = (number(17, 19)?, number(20, 22)?, number(23, 25)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day == 0 || day > month_days[month] {
        return Err(DateError::NoSuchDay { day });
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(DateError::Time);
    }
    let actual = weekday_of(year, month as u32 + 1, day);
    if actual != weekday {
        return Err(DateError::Weekday {
            actual: DAYS[actual],
        });
    }
    Ok(())
}

/// Monday = 0, by Sakamoto's method. 400 years are added first: the Gregorian calendar repeats
/// every 400 years, and January and February of year 0 would otherwise reach back before it.
fn weekday_of(year: u32, month: u32, day: u32) -> usize {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = year + 400 - u32::from(month < 3);
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + OFFSETS[(month - 1) as usize] + day) % 7;
    ((sunday_first + 6) % 7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), Ok(()));
        assert!(retry_after("Mon, 06 Nov 1994 08:49:37 GMT").is_err());
        assert_eq!(retry_after("Thu, 29 Feb 2024 00:00:00 GMT"), Ok(()));
        assert!(retry_after("Thu, 29 Feb 2023 00:00:00 GMT").is_err());
        // Year 0, January and February: no underflow.
        assert_eq!(retry_after("Sat, 01 Jan 0000 00:00:00 GMT"), Ok(()));
        assert!(retry_after("Sun, 01 Jan 0000 00:00:00 GMT").is_err());
        assert!(retry_after("Tue, 29 Feb 0000 00:00:00 GMT").is_ok());
        assert!(retry_after("-1").is_err());
        assert!(retry_after("").is_err());
        assert!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT\u{e9}").is_err());
        assert!(retry_after("Wéd, 21 Oct 2015 07:28:00 GM").is_err());
    }
}
