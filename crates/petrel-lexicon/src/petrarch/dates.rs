//! PETRARCH date restrictions: `<DATE`, `>DATE`, `DATE-DATE`, with dates as YYMMDD or
//! YYYYMMDD, limits inclusive.

use jiff::civil::Date;
use jiff::ToSpan;

/// Two-digit years below this are 20xx, the rest 19xx. The Phoenix files were written around
/// 2014 and give 1930s dates (`331108`) in six digits, so the pivot sits between.
const CENTURY_PIVOT: i16 = 30;

/// A restriction as a half-open range: `(from inclusive, until exclusive)`.
pub type Range = (Option<Date>, Option<Date>);

/// Parses a restriction such as `>080508`, `< 950601` or `051122-091031`.
pub fn parse_restriction(text: &str) -> Result<Range, String> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('<') {
        return Ok((None, Some(day_after(parse_date(rest)?)?)));
    }
    if let Some(rest) = text.strip_prefix('>') {
        return Ok((Some(parse_date(rest)?), None));
    }
    let (from, to) = text
        .split_once('-')
        .ok_or_else(|| format!("date restriction {text:?} is not <DATE, >DATE or DATE-DATE"))?;
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    if to < from {
        return Err(format!("date range {text:?} ends before it starts"));
    }
    Ok((Some(from), Some(day_after(to)?)))
}

fn day_after(date: Date) -> Result<Date, String> {
    date.checked_add(1.day())
        .map_err(|e| format!("date {date} out of range: {e}"))
}

/// Parses YYMMDD or YYYYMMDD.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let bad = || format!("{text:?} is not a date (YYMMDD or YYYYMMDD)");
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<i16>().map_err(|_| bad());
    let (year, rest) = match text.len() {
        6 => {
            let yy = num(&text[..2])?;
            (
                if yy < CENTURY_PIVOT {
                    2000 + yy
                } else {
                    1900 + yy
                },
                &text[2..],
            )
        }
        8 => (num(&text[..4])?, &text[4..]),
        _ => return Err(bad()),
    };
    let (month, day) = (num(&rest[..2])?, num(&rest[2..])?);
    Date::new(year, month as i8, day as i8).map_err(|e| format!("{text:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn six_and_eight_digit_dates() {
        assert_eq!(parse_date("080508").unwrap(), d("2008-05-08"));
        assert_eq!(parse_date("911226").unwrap(), d("1991-12-26"));
        assert_eq!(parse_date("19950601").unwrap(), d("1995-06-01"));
        assert!(parse_date("951301").is_err());
        assert!(parse_date("95x1").is_err());
    }

    #[test]
    fn restrictions_are_inclusive() {
        assert_eq!(
            parse_restriction(">080508").unwrap(),
            (Some(d("2008-05-08")), None)
        );
        assert_eq!(
            parse_restriction("< 950601").unwrap(),
            (None, Some(d("1995-06-02")))
        );
        assert_eq!(
            parse_restriction("051122-091031").unwrap(),
            (Some(d("2005-11-22")), Some(d("2009-11-01")))
        );
        assert!(parse_restriction("091031-051122").is_err());
    }
}
