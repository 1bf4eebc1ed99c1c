//! Calendar arithmetic for resolving date expressions against a story date.
//!
//! Every function returns `None` instead of failing when the result would fall outside the range
//! `jiff` supports (years -9999..=9999) or names a day that does not exist ("February 30"), so
//! that absurd text or story dates can never make date finding panic.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// Which way to look from the story date for a date named without a year or week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The most recent one on or before the story date: what past-tense reporting means.
    Back,
    /// The most recent one strictly before the story date ("last Friday").
    StrictlyBack,
    /// The first one on or after the story date ("will meet on Friday").
    Forward,
    /// The first one strictly after the story date ("next Friday", "this coming Friday").
    StrictlyForward,
}

/// The first third, middle or last third of a month or year ("early June", "late last year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    /// The day of the month on which this part of a month starts.
    fn first_day_of_month(self) -> i8 {
        match self {
            Part::Early => 1,
            Part::Mid => 11,
            Part::Late => 21,
        }
    }

    /// The month in which this part of a year starts.
    fn first_month_of_year(self) -> i8 {
        match self {
            Part::Early => 1,
            Part::Mid => 5,
            Part::Late => 9,
        }
    }
}

pub(crate) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(days.days()).ok()
}

/// The Monday of the week (Monday to Sunday) holding `date`.
pub(crate) fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// The first of the month `months` months from the one holding `date`.
pub(crate) fn month_start(date: Date, months: i64) -> Option<Date> {
    date.first_of_month().checked_add(months.months()).ok()
}

/// The first of January of the year `years` years from the one holding `date`.
pub(crate) fn year_start(date: Date, years: i64) -> Option<Date> {
    let year = i64::from(date.year()).checked_add(years)?;
    Date::new(i16::try_from(year).ok()?, 1, 1).ok()
}

/// The start of `part` of the month holding `first`.
pub(crate) fn part_of_month(first: Date, part: Option<Part>) -> Option<Date> {
    let day = part.map_or(1, Part::first_day_of_month);
    Date::new(first.year(), first.month(), day).ok()
}

/// The start of `part` of the year holding `first`.
pub(crate) fn part_of_year(first: Date, part: Option<Part>) -> Option<Date> {
    let month = part.map_or(1, Part::first_month_of_year);
    Date::new(first.year(), month, 1).ok()
}

/// The `weekday` nearest the story date in `direction`.
pub(crate) fn weekday_from(story: Date, weekday: Weekday, direction: Direction) -> Option<Date> {
    let back = i64::from(weekday.until(story.weekday()));
    let forward = i64::from(story.weekday().until(weekday));
    let offset = match direction {
        Direction::Back => -back,
        Direction::StrictlyBack if back == 0 => -7,
        Direction::StrictlyBack => -back,
        Direction::Forward => forward,
        Direction::StrictlyForward if forward == 0 => 7,
        Direction::StrictlyForward => forward,
    };
    add_days(story, offset)
}

/// The first of the month `month` (1..=12) nearest the story date's month in `direction`.
pub(crate) fn month_from(story: Date, month: i8, direction: Direction) -> Option<Date> {
    let here = story.month();
    let year = i64::from(story.year());
    let year = match direction {
        Direction::Back if month <= here => year,
        Direction::StrictlyBack if month < here => year,
        Direction::Back | Direction::StrictlyBack => year - 1,
        Direction::Forward if month >= here => year,
        Direction::StrictlyForward if month > here => year,
        Direction::Forward | Direction::StrictlyForward => year + 1,
    };
    Date::new(i16::try_from(year).ok()?, month, 1).ok()
}

/// `month` `day` in the year that puts it nearest the story date in `direction` (only
/// [`Direction::Back`] and [`Direction::Forward`] are meaningful here). `None` if that day does
/// not exist in that year.
pub(crate) fn day_from(story: Date, month: i8, day: i8, direction: Direction) -> Option<Date> {
    let year = i64::from(story.year());
    let later_in_year = (month, day) > (story.month(), story.day());
    let earlier_in_year = (month, day) < (story.month(), story.day());
    let year = match direction {
        Direction::Back | Direction::StrictlyBack if later_in_year => year - 1,
        Direction::Forward | Direction::StrictlyForward if earlier_in_year => year + 1,
        _ => year,
    };
    Date::new(i16::try_from(year).ok()?, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekday_directions_from_a_tuesday() {
        let tuesday = date(2025, 3, 4);
        let back = weekday_from(tuesday, Weekday::Tuesday, Direction::Back);
        assert_eq!(back, Some(tuesday));
        let strict = weekday_from(tuesday, Weekday::Tuesday, Direction::StrictlyBack);
        assert_eq!(strict, Some(date(2025, 2, 25)));
        let monday = weekday_from(tuesday, Weekday::Monday, Direction::Back);
        assert_eq!(monday, Some(date(2025, 3, 3)));
        let next = weekday_from(tuesday, Weekday::Monday, Direction::StrictlyForward);
        assert_eq!(next, Some(date(2025, 3, 10)));
    }

    #[test]
    fn months_and_days_wrap_the_year() {
        let story = date(2025, 3, 4);
        assert_eq!(
            month_from(story, 6, Direction::Back),
            Some(date(2024, 6, 1))
        );
        assert_eq!(
            month_from(story, 3, Direction::Back),
            Some(date(2025, 3, 1))
        );
        assert_eq!(
            month_from(story, 3, Direction::StrictlyBack),
            Some(date(2024, 3, 1))
        );
        assert_eq!(
            month_from(story, 1, Direction::Forward),
            Some(date(2026, 1, 1))
        );
        assert_eq!(
            day_from(story, 3, 5, Direction::Back),
            Some(date(2024, 3, 5))
        );
        assert_eq!(day_from(story, 3, 4, Direction::Back), Some(story));
        assert_eq!(day_from(story, 2, 30, Direction::Back), None);
    }

    #[test]
    fn edges_of_the_supported_range_give_none() {
        let last = date(9999, 12, 31);
        assert_eq!(add_days(last, 1), None);
        assert_eq!(year_start(last, 1), None);
        assert_eq!(month_from(last, 1, Direction::StrictlyForward), None);
        assert_eq!(month_start(date(-9999, 1, 1), -1), None);
    }
}
