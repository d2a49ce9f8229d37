//! ISO 8601 dates, date-times and durations, as the profile uses them.

/// Whether `s` is a calendar date `YYYY-MM-DD` that exists.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (number(&s[0..4]), number(&s[5..7]), number(&s[8..10]))
    else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Whether `s` is a date-time `YYYY-MM-DDThh:mm:ss[.fff][Z|(+|-)hh:mm]`.
///
/// The time zone may be left out, giving a local time.
pub(crate) fn is_date_time(s: &str) -> bool {
    if s.len() < 11 || !s.is_char_boundary(10) || !s.is_char_boundary(11) {
        return false;
    }
    let (date, rest) = s.split_at(10);
    let (separator, time) = rest.split_at(1);
    is_date(date) && (separator == "T" || separator == "t") && is_time(time)
}

/// Whether `s` is a date or a date-time (see [`is_date`], [`is_date_time`]).
pub(crate) fn is_date_or_date_time(s: &str) -> bool {
    is_date(s) || is_date_time(s)
}

/// Whether `s` is a time of day with optional fraction and time zone.
fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(hour), Some(minute), Some(second)) =
        (number(&s[0..2]), number(&s[3..5]), number(&s[6..8]))
    else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &s[8..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    match rest.as_bytes() {
        [] | [b'Z'] | [b'z'] => true,
        [b'+' | b'-', ..] => is_offset(&rest[1..]),
        _ => false,
    }
}

/// Whether `s` is a time-zone offset `hh:mm` (after its sign).
fn is_offset(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return false;
    }
    matches!((number(&s[0..2]), number(&s[3..5])), (Some(h), Some(m)) if h <= 23 && m <= 59)
}

/// The value of an all-digit string, or `None` if it holds anything else.
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The number of days of `month` (1–12) in `year` of the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether `s` is an ISO 8601 duration `P[n]Y[n]M[n]D|W T[n]H[n]M[n]S`,
/// optionally negative, with a fraction allowed on seconds only.
///
/// At least one component must follow `P`; a `T` must be followed by a
/// number where it comes first. Components must keep their order.
pub(crate) fn is_duration(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some(body) = s.strip_prefix('P') else {
        return false;
    };
    let starts_with_number = match body.as_bytes() {
        [b'T', d, ..] => d.is_ascii_digit(),
        [d, ..] => d.is_ascii_digit(),
        [] => false,
    };
    if !starts_with_number {
        return false;
    }
    let (date, time) = match body.split_once('T') {
        Some((date, time)) => (date, time),
        None => (body, ""),
    };
    components(date, &[b"Y", b"M", b"DW"], None) && components(time, &[b"H", b"M", b"S"], Some(2))
}

/// Whether `part` is a sequence of `<number><designator>` components whose
/// designators appear in the order of `slots`, each slot at most once. Only
/// the slot `fraction_slot` may carry a decimal fraction.
fn components(part: &str, slots: &[&[u8]], fraction_slot: Option<usize>) -> bool {
    let b = part.as_bytes();
    let mut i = 0;
    let mut next_slot = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
        let mut fractional = false;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let fraction_start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == fraction_start {
                return false;
            }
            fractional = true;
        }
        let Some(designator) = b.get(i) else {
            return false;
        };
        i += 1;
        let Some(slot) = slots.iter().position(|s| s.contains(designator)) else {
            return false;
        };
        if slot < next_slot || (fractional && fraction_slot != Some(slot)) {
            return false;
        }
        next_slot = slot + 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2019-07-03"));
        assert!(is_date("2020-02-29"));
        assert!(!is_date("2019-02-29"));
        assert!(!is_date("04-10-2020"));
        assert!(!is_date("2020/11/05"));
        assert!(!is_date("10.09.2022"));
        assert!(!is_date("2020-13-01"));
        assert!(!is_date("2020-1-01"));
    }

    #[test]
    fn date_times() {
        assert!(is_date_time("2019-07-03T13:13:13"));
        assert!(is_date_time("2022-03-26T08:35:37Z"));
        assert!(is_date_time("2022-03-26T08:35:37.250+02:00"));
        assert!(!is_date_time("2022-03-26T24:00:00Z"));
        assert!(!is_date_time("2022-03-26 08:35"));
        assert!(!is_date_time("2022-03-26T08:35:37+2"));
        assert!(!is_date_time("11. November 2022"));
        assert!(is_date_or_date_time("2020-01-01"));
    }

    #[test]
    fn durations() {
        for good in ["PT47M58S", "P1Y2M3DT4H5M6.5S", "P2W", "-P1D", "PT1H", "P1Y"] {
            assert!(is_duration(good), "{good}");
        }
        for bad in [
            "47m58s", "T47M58S", "P", "PT", "P1H", "PT1Y", "P1M1Y", "P1.5D", "PT1S2M", "P1D2W",
            "PT47M58",
        ] {
            assert!(!is_duration(bad), "{bad}");
        }
    }
}
