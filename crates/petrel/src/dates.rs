//! Finding the dates a news sentence names, resolved to calendar dates against the story's date.
//!
//! An event is dated by what its sentence says ("on Friday", "last month", "June 4") read from
//! the day the story was written, so [`find_dates`] takes the sentence text and the story date
//! and returns every date expression with its byte span, a concrete date and how precise it is.
//!
//! # How expressions resolve
//!
//! | text | resolves to | precision |
//! |---|---|---|
//! | "today", "tonight", "this morning" | the story date | day |
//! | "yesterday", "last night" / "tomorrow" | one day before / after | day |
//! | "Friday", "on Friday" | the most recent Friday **on or before** the story date (see below) | day |
//! | "last Friday" / "next Friday", "this coming Friday" | strictly before / strictly after | day |
//! | "June 4", "4 June", "the 4th of June", "Monday, March 3" | the most recent such day on or before the story date | day |
//! | "June 4, 2023", "4 June 2023", "2023-06-04" | that day | day |
//! | "this week", "earlier this week", "last week", "next week", "three weeks ago" | the Monday of that week | week |
//! | "in June", "this month", "last month", "a month ago" | the first of that month | month |
//! | "June 2023", "in March 2022", "last June", "next June", "this June" | the first of that month | month |
//! | "early June", "mid-June", "late June" | the 1st, 11th or 21st of that month | month |
//! | "in 2019", "last year", "this year", "earlier this year", "two years ago" | 1 January of that year | year |
//! | "early 2019", "mid-2019", "late last year" | 1 January, 1 May or 1 September | year |
//! | "two days ago", "a couple of days ago" | that many days before | day |
//! | "last weekend" / "this weekend" / "next weekend" | Saturday of the previous / this / next week | day |
//! | "over the weekend", "at the weekend" | the Saturday just past; the coming one when the story is written on a weekend or the sentence is future | day |
//!
//! A date is always the first day of the period it names; the precision says how long that
//! period is. Weeks run Monday to Sunday; a weekend is given as its Saturday, with day precision.
//!
//! A weekday alone is read the way wire copy uses it: a Friday story's "said on Friday" is that
//! same Friday (agency style names the weekday rather than writing "today"), so a bare weekday is
//! the nearest one on or before the story date; "last Friday" skips the story date itself.
//!
//! Months and days named without a year, and bare weekdays, look back from the story date unless
//! a future marker comes earlier in the same sentence within twelve tokens, in which case they
//! look forward ("will meet on Friday", "elections scheduled for June"). The markers are "will",
//! "shall", "'ll", "would", "scheduled", "upcoming", "due" (not "due to" without "is"/"are"),
//! "plans to" and the like, and "is expected to", "are set to" and the like (not "was expected
//! to"). Future meaning carried by anything else ("invited to return in May") is missed.
//!
//! # What is not a date
//!
//! Month and weekday names count only when capitalised ("June", "JUNE"), which keeps out "troops
//! march" and "may" the modal. "May" and "March" alone (without a day or year beside them) also
//! need a word announcing a time before them ("in May", "since March", "late May"), so "Theresa
//! May said" and a sentence-initial "March" are not months. Abbreviations without a period
//! ("Jan", "Sep") need a day or year beside them, so "Jan Kowalski" is not January. Numbers
//! joined by a comma, period, colon or slash ("4,000", "4.5", "10:30") are never days or years,
//! and a bare year needs a preposition before it ("in 2019", "since 2014") and no counted noun
//! after it ("in 2000 people", "by 2030 troops" are not years). A day that does not exist
//! ("February 30") is not a date.

mod calendar;
pub(crate) mod names;
mod tokens;

use jiff::civil::Date;
use petrel_text::Span;

use calendar::{Direction, Part};
use names::MonthName;
use tokens::{Kind, Token};

/// How long a period a [`DateMention`] names, starting on its `date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    Year,
}

/// One date expression in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets into the text given to [`find_dates`], on character boundaries. The span
    /// covers the expression and its modifiers ("last Friday", "early June", "two days ago") but
    /// not the preposition before it ("on", "in").
    pub span: Span,
    /// The first day of the period named.
    pub date: Date,
    pub precision: Precision,
}

/// All date expressions in `text`, left to right and never overlapping, resolved against
/// `story_date`.
///
/// ```
/// use jiff::civil::date;
/// use petrel::dates::{find_dates, Precision};
///
/// let text = "Ruto met Abiy on Monday and will visit Addis Ababa in June.";
/// let found = find_dates(text, date(2025, 3, 4));
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].span.start..found[0].span.end], "Monday");
/// assert_eq!(found[0].date, date(2025, 3, 3));
/// assert_eq!((found[1].date, found[1].precision), (date(2025, 6, 1), Precision::Month));
/// ```
pub fn find_dates(text: &str, story_date: Date) -> Vec<DateMention> {
    let scanner = Scanner {
        text,
        tokens: tokens::tokenize(text),
        story: story_date,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < scanner.tokens.len() {
        match scanner.mention_at(i) {
            Some(m) => {
                found.push(DateMention {
                    span: Span::new(scanner.tokens[i].start, scanner.tokens[m.end - 1].end),
                    date: m.date,
                    precision: m.precision,
                });
                i = m.end;
            }
            None => i += 1,
        }
    }
    found
}

/// A date expression covering tokens from where matching started up to `end` (exclusive).
#[derive(Clone, Copy, Debug)]
struct Match {
    end: usize,
    date: Date,
    precision: Precision,
}

/// A month name found at some token, with the token after it (past a period that ends an
/// abbreviation).
#[derive(Clone, Copy, Debug)]
struct MonthAt {
    name: MonthName,
    dotted: bool,
    next: usize,
}

/// "last", "this" or "next" before a month name, weekday or period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relative {
    Last,
    This,
    Next,
}

impl Relative {
    fn offset(self) -> i64 {
        match self {
            Relative::Last => -1,
            Relative::This => 0,
            Relative::Next => 1,
        }
    }
}

/// Words after which a month name alone is a month: "in June", "since January".
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "throughout",
    "from",
    "through",
    "before",
    "after",
    "between",
    "and",
    "to",
    "of",
    "or",
];

/// The stricter cues for "May" and "March", whose other readings follow "to", "by", "and"...
const AMBIGUOUS_MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "during",
    "throughout",
    "before",
    "after",
    "between",
];

/// Words after which a bare four-digit number is a year: "in 2019", "since 2014".
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "throughout",
    "from",
    "through",
    "before",
    "after",
    "between",
    "of",
];

/// Counted nouns that show a four-digit number is a quantity, not a year ("in 2000 people").
const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "police",
    "civilians",
    "refugees",
    "migrants",
    "residents",
    "families",
    "workers",
    "students",
    "children",
    "protesters",
    "fighters",
    "deaths",
    "cases",
    "votes",
    "tonnes",
    "tons",
    "barrels",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "dollars",
    "euros",
    "percent",
    "per",
    "units",
    "homes",
    "houses",
    "vehicles",
    "rockets",
    "missiles",
    "drones",
];

/// Words after a weekday that make it part of a name ("Sunday Times", "Good Friday Agreement").
const WEEKDAY_NAME_TAILS: &[&str] = &[
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Post",
    "Herald",
    "Tribune",
    "Independent",
    "Agreement",
];

/// Words that announce a future event earlier in the sentence ("would" mostly reports a plan in
/// news: "said it would hold elections in June").
const FUTURE_CUES: &[&str] = &["will", "shall", "would", "scheduled", "upcoming"];

/// Verbs of intent that announce a future event before "to": "plans to visit on Friday".
const INTENT_BEFORE_TO: &[&str] = &[
    "plan", "plans", "planning", "intend", "intends", "aim", "aims",
];

/// Words that announce a future event between "is"/"are"/"be" and "to": "is expected to",
/// "are due to" (but "was expected to" and "due to the rain" do not).
const STATE_BEFORE_TO: &[&str] = &["expected", "due", "set", "slated", "poised", "likely"];

/// Present forms of "be" before [`STATE_BEFORE_TO`].
const PRESENT_BE: &[&str] = &["is", "are", "be", "s", "re"];

/// How far back in the sentence to look for a future cue, in tokens.
const FUTURE_REACH: usize = 12;

struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    story: Date,
}

impl<'a> Scanner<'a> {
    /// The date expression starting at token `i`, if any.
    fn mention_at(&self, i: usize) -> Option<Match> {
        match self.tokens[i].kind {
            Kind::Punct => None,
            Kind::Number => self
                .iso_date(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.cued_year(i)),
            Kind::Word => match start_of(self.slice(i)) {
                Start::Never => None,
                Start::Count => self.ago(i),
                Start::Any => self.word_mention(i),
            },
        }
    }

    /// The date expression starting at word `i` that may start one.
    fn word_mention(&self, i: usize) -> Option<Match> {
        self.day_month(i)
            .or_else(|| self.weekday_phrase(i))
            .or_else(|| self.month_phrase(i))
            .or_else(|| self.relative_day(i))
            .or_else(|| self.relative_period(i))
            .or_else(|| self.weekend(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.part_of_year(i))
    }

    // --- Patterns, each starting at token `i` ---

    /// "2023-06-04".
    fn iso_date(&self, i: usize) -> Option<Match> {
        let glued = |k: usize| self.attached(k) && self.kind(k) == Some(Kind::Number);
        let year_ok = self.digits(i) == 4;
        let shape = year_ok
            && self.punct(i + 1, '-')
            && self.attached(i + 1)
            && glued(i + 2)
            && self.punct(i + 3, '-')
            && self.attached(i + 3)
            && glued(i + 4);
        if !shape || self.follows_glued(i) || self.continues_number(i + 5) {
            return None;
        }
        let (month, day) = (self.small(i + 2)?, self.small(i + 4)?);
        let date = Date::new(self.number(i)?.try_into().ok()?, month, day).ok()?;
        Some(day_match(i + 5, date))
    }

    /// "4 June", "4th June 2023", "the 4th of June", "4 June, 2023".
    fn day_month(&self, i: usize) -> Option<Match> {
        let day = self.day(i)?;
        let mut k = i + 1;
        if self.kind(i) == Some(Kind::Word) && self.is(k, "of") {
            k += 1;
        }
        let month = self.month_at(k)?;
        self.dated_day(i, month.name.month, day, month.next)
    }

    /// "June 4", "June 4th, 2023", "Sept. 11".
    fn month_day(&self, i: usize) -> Option<Match> {
        let month = self.month_at(i)?;
        if self.is_long_march(i, month) {
            return None;
        }
        let day = self.day(month.next)?;
        self.dated_day(i, month.name.month, day, month.next + 1)
    }

    /// A day and month, with an optional year from token `after` on.
    fn dated_day(&self, i: usize, month: i8, day: i8, after: usize) -> Option<Match> {
        match self.year_after(after) {
            Some((year, end)) => Some(day_match(end, Date::new(year, month, day).ok()?)),
            None => {
                let date = calendar::day_from(self.story, month, day, self.direction(i))?;
                Some(day_match(after, date))
            }
        }
    }

    /// "Friday", "last Friday", "next Friday", "this coming Friday", "Monday, March 3".
    fn weekday_phrase(&self, i: usize) -> Option<Match> {
        let (direction, at) = if self.is(i, "last") {
            (Some(Direction::StrictlyBack), i + 1)
        } else if self.is(i, "next") {
            (Some(Direction::StrictlyForward), i + 1)
        } else if self.is(i, "this") && self.is(i + 1, "coming") {
            (Some(Direction::StrictlyForward), i + 2)
        } else if self.is(i, "coming") {
            (Some(Direction::StrictlyForward), i + 1)
        } else if self.is(i, "this") {
            (Some(Direction::Forward), i + 1)
        } else {
            (None, i)
        };
        let weekday = names::weekday(self.word(at)?)?;
        if (at > 0 && self.is(at - 1, "Bloody")) || self.is_any_exact(at + 1, WEEKDAY_NAME_TAILS) {
            return None;
        }
        let mut k = at + 1;
        if self.punct(k, ',') {
            k += 1;
        }
        if let Some(m) = self.month_day(k).or_else(|| self.day_month(k)) {
            return Some(m);
        }
        let direction = direction.unwrap_or_else(|| self.direction(i));
        let date = calendar::weekday_from(self.story, weekday, direction)?;
        Some(day_match(at + 1, date))
    }

    /// "June 2023", "in June", "early June", "mid-June 2023", "last June", and "June 4" forms.
    fn month_phrase(&self, i: usize) -> Option<Match> {
        let (part, j) = self.part_at(i);
        let (relative, k) = match self.relative_at(j) {
            Some(r) => (Some(r), j + 1),
            None => (None, j),
        };
        if part.is_none() && relative.is_none() {
            if let Some(m) = self.month_day(k) {
                return Some(m);
            }
        }
        let month = self.month_at(k)?;
        if self.is_long_march(k, month) {
            return None;
        }
        let number = month.name.month;
        if relative.is_none() {
            if let Some((year, end)) = self.year_after(month.next) {
                let first = Date::new(year, number, 1).ok()?;
                return Some(period_match(end, Precision::Month, first, part));
            }
        }
        let cued = part.is_some() || relative.is_some() || self.month_cued(k, month.name);
        if !cued || (month.name.abbreviated && !month.dotted) {
            return None;
        }
        if month.name.ambiguous && self.possessive(month.next) {
            return None;
        }
        let first = match relative {
            Some(Relative::Last) => {
                calendar::month_from(self.story, number, Direction::StrictlyBack)
            }
            Some(Relative::Next) => {
                calendar::month_from(self.story, number, Direction::StrictlyForward)
            }
            Some(Relative::This) => Date::new(self.story.year(), number, 1).ok(),
            None => calendar::month_from(self.story, number, self.direction(i)),
        }?;
        Some(period_match(month.next, Precision::Month, first, part))
    }

    /// "today", "tonight", "yesterday", "tomorrow", "last night", "this morning".
    fn relative_day(&self, i: usize) -> Option<Match> {
        let word = self.word(i)?;
        let (days, end) = if eq(word, "today") || eq(word, "tonight") {
            (0, i + 1)
        } else if eq(word, "yesterday") {
            (-1, i + 1)
        } else if eq(word, "tomorrow") {
            (1, i + 1)
        } else if eq(word, "last") && self.is_any(i + 1, &["night", "evening"]) {
            (-1, i + 2)
        } else if eq(word, "this") && self.is_any(i + 1, &["morning", "afternoon", "evening"]) {
            (0, i + 2)
        } else {
            return None;
        };
        Some(day_match(end, calendar::add_days(self.story, days)?))
    }

    /// "this week", "earlier this month", "last year", "next week", "late last year".
    fn relative_period(&self, i: usize) -> Option<Match> {
        let (part, mut j) = self.part_at(i);
        let hedged = self.is_any(j, &["earlier", "later"]);
        if hedged {
            j += 1;
        }
        let relative = self.relative_at(j)?;
        if relative == Relative::Last && !hedged && part.is_none() && i > 0 && self.is(i - 1, "the")
        {
            // "over the last year" is the past twelve months, not last calendar year.
            return None;
        }
        let unit = self.word(j + 1)?;
        let offset = relative.offset();
        let end = j + 2;
        if eq(unit, "weekend") {
            let monday = calendar::monday_of(self.story)?;
            let saturday = calendar::add_days(monday, 7 * offset + 5)?;
            Some(day_match(end, saturday))
        } else if eq(unit, "week") {
            let monday = calendar::monday_of(self.story)?;
            let date = calendar::add_days(monday, 7 * offset)?;
            Some(Match {
                end,
                date,
                precision: Precision::Week,
            })
        } else if eq(unit, "month") {
            let first = calendar::month_start(self.story, offset)?;
            Some(period_match(end, Precision::Month, first, part))
        } else if eq(unit, "year") {
            let first = calendar::year_start(self.story, offset)?;
            Some(period_match(end, Precision::Year, first, part))
        } else {
            None
        }
    }

    /// "weekend" after "the", "this" or "at": the one just past, or the coming one when the
    /// story is written on it or the sentence speaks of the future. ("last weekend" and the like
    /// are [`Scanner::relative_period`]s.)
    fn weekend(&self, i: usize) -> Option<Match> {
        if !self.is(i, "weekend") || i == 0 || !self.is_any(i - 1, &["the", "at", "this"]) {
            return None;
        }
        let monday = calendar::monday_of(self.story)?;
        let on_weekend = self.story.weekday().to_monday_zero_offset() >= 5;
        let ahead = on_weekend || self.direction(i) == Direction::Forward;
        let saturday = calendar::add_days(monday, if ahead { 5 } else { -2 })?;
        Some(day_match(i + 1, saturday))
    }

    /// "two days ago", "3 weeks ago", "a month ago", "a couple of years ago".
    fn ago(&self, i: usize) -> Option<Match> {
        let (count, unit_at) =
            if self.is(i, "a") && self.is(i + 1, "couple") && self.is(i + 2, "of") {
                (2, i + 3)
            } else if let Some(word) = self.word(i) {
                (names::count_word(word)?, i + 1)
            } else if self.digits(i) <= 4 && self.standalone(i) {
                (i64::from(self.number(i)?), i + 1)
            } else {
                return None;
            };
        if !self.is(unit_at + 1, "ago") {
            return None;
        }
        let unit = self.word(unit_at)?;
        let unit = unit.strip_suffix(['s', 'S']).unwrap_or(unit);
        let end = unit_at + 2;
        if eq(unit, "day") {
            Some(day_match(end, calendar::add_days(self.story, -count)?))
        } else if eq(unit, "week") {
            let then = calendar::add_days(self.story, -7 * count)?;
            Some(Match {
                end,
                date: calendar::monday_of(then)?,
                precision: Precision::Week,
            })
        } else if eq(unit, "month") {
            let first = calendar::month_start(self.story, -count)?;
            Some(period_match(end, Precision::Month, first, None))
        } else if eq(unit, "year") {
            let first = calendar::year_start(self.story, -count)?;
            Some(period_match(end, Precision::Year, first, None))
        } else {
            None
        }
    }

    /// "early 2019", "mid-2019", "late 2020".
    fn part_of_year(&self, i: usize) -> Option<Match> {
        let (part, j) = self.part_at(i);
        part?;
        let year = self.year(j)?;
        let first = Date::new(year, 1, 1).ok()?;
        Some(period_match(j + 1, Precision::Year, first, part))
    }

    /// "2019" after "in", "since", "until" and the like.
    fn cued_year(&self, i: usize) -> Option<Match> {
        if i == 0 || !self.is_any(i - 1, YEAR_CUES) {
            return None;
        }
        let year = self.year(i)?;
        let first = Date::new(year, 1, 1).ok()?;
        Some(period_match(i + 1, Precision::Year, first, None))
    }

    // --- Pieces ---

    /// "early", "mid", "mid-", "late" at `i`, and the token after it.
    fn part_at(&self, i: usize) -> (Option<Part>, usize) {
        if self.is(i, "early") {
            (Some(Part::Early), i + 1)
        } else if self.is(i, "late") {
            (Some(Part::Late), i + 1)
        } else if self.is(i, "mid") {
            if self.punct(i + 1, '-') && self.attached(i + 1) && self.attached(i + 2) {
                (Some(Part::Mid), i + 2)
            } else {
                (Some(Part::Mid), i + 1)
            }
        } else {
            (None, i)
        }
    }

    fn relative_at(&self, i: usize) -> Option<Relative> {
        if self.is(i, "last") {
            Some(Relative::Last)
        } else if self.is(i, "this") {
            Some(Relative::This)
        } else if self.is(i, "next") {
            Some(Relative::Next)
        } else {
            None
        }
    }

    fn month_at(&self, i: usize) -> Option<MonthAt> {
        let name = names::month(self.word(i)?)?;
        let dotted = name.abbreviated && self.punct(i + 1, '.') && self.attached(i + 1);
        let next = if dotted { i + 2 } else { i + 1 };
        Some(MonthAt { name, dotted, next })
    }

    /// Whether the month name at `i` stands alone as a month because of the word before it.
    fn month_cued(&self, i: usize, name: MonthName) -> bool {
        let cues = if name.ambiguous {
            AMBIGUOUS_MONTH_CUES
        } else {
            MONTH_CUES
        };
        i > 0 && self.is_any(i - 1, cues)
    }

    /// The "Long March" rockets are not dated.
    fn is_long_march(&self, i: usize, month: MonthAt) -> bool {
        month.name.month == 3 && i > 0 && self.is(i - 1, "Long")
    }

    /// "'s" right after token `i - 1`: "May's", "March's".
    fn possessive(&self, i: usize) -> bool {
        (self.punct(i, '\'') || self.punct(i, '\u{2019}'))
            && self.attached(i)
            && self.attached(i + 1)
            && self.is(i + 1, "s")
    }

    /// A day of the month: "4", "04", "4th".
    fn day(&self, i: usize) -> Option<i8> {
        match self.kind(i)? {
            Kind::Number if self.digits(i) <= 2 && self.standalone(i) => {
                let day = self.small(i)?;
                (1..=31).contains(&day).then_some(day)
            }
            Kind::Word => names::ordinal_day(self.word(i)?),
            _ => None,
        }
    }

    /// A year at `i` or after a comma at `i`, and the token after it.
    fn year_after(&self, i: usize) -> Option<(i16, usize)> {
        if let Some(year) = self.year(i) {
            return Some((year, i + 1));
        }
        if self.punct(i, ',') {
            return self.year(i + 1).map(|year| (year, i + 2));
        }
        None
    }

    /// A four-digit year from 1000 to 2199 that is not part of a longer number or a quantity.
    fn year(&self, i: usize) -> Option<i16> {
        if self.kind(i) != Some(Kind::Number) || self.digits(i) != 4 || !self.standalone(i) {
            return None;
        }
        if self.is_any(i + 1, COUNTED_NOUNS) {
            return None;
        }
        let year = i16::try_from(self.number(i)?).ok()?;
        (1000..=2199).contains(&year).then_some(year)
    }

    /// Look forward when a future cue comes earlier in the sentence, back otherwise.
    fn direction(&self, i: usize) -> Direction {
        for k in (i.saturating_sub(FUTURE_REACH)..i).rev() {
            let token = self.tokens[k];
            if token.kind == Kind::Punct && self.punct_any(k, &['.', '!', '?', ';']) {
                break;
            }
            if self.announces_future(k) {
                return Direction::Forward;
            }
            let contracted = k > 0 && (self.punct(k - 1, '\'') || self.punct(k - 1, '\u{2019}'));
            if contracted && !token.spaced && self.is(k, "ll") {
                return Direction::Forward;
            }
        }
        Direction::Back
    }

    /// Word `k` makes what follows it in the sentence future.
    fn announces_future(&self, k: usize) -> bool {
        if self.is_any(k, FUTURE_CUES) {
            return true;
        }
        let before_to = self.is(k + 1, "to");
        let after_be = k > 0 && self.is_any(k - 1, PRESENT_BE);
        if self.is(k, "due") {
            // "the last due on April 15", "is due to arrive"; not "due to the rain".
            return !before_to || after_be;
        }
        before_to
            && (self.is_any(k, INTENT_BEFORE_TO) || (after_be && self.is_any(k, STATE_BEFORE_TO)))
    }

    // --- Token access ---

    fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn slice(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        (self.kind(i)? == Kind::Word).then(|| self.slice(i))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i).is_some_and(|w| eq(w, word))
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.iter().any(|x| eq(w, x)))
    }

    fn is_any_exact(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.slice(i).starts_with(c)
    }

    fn punct_any(&self, i: usize, chars: &[char]) -> bool {
        chars.iter().any(|&c| self.punct(i, c))
    }

    /// No whitespace before token `i` (false past the end).
    fn attached(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.spaced)
    }

    /// The number of digits in number token `i`, 0 for other tokens.
    fn digits(&self, i: usize) -> usize {
        match self.kind(i) {
            Some(Kind::Number) => self.slice(i).len(),
            _ => 0,
        }
    }

    fn number(&self, i: usize) -> Option<u32> {
        if self.digits(i) > 9 {
            return None;
        }
        self.slice(i).parse().ok()
    }

    fn small(&self, i: usize) -> Option<i8> {
        if self.digits(i) > 2 {
            return None;
        }
        self.slice(i).parse().ok()
    }

    /// Token `i` continues the number before it: a letter, digit, hyphen or slash right against
    /// it, or a ".", "," or ":" followed by a digit ("2023-06-045", "2023-06-04.5").
    fn continues_number(&self, i: usize) -> bool {
        if !self.attached(i) {
            return false;
        }
        match self.kind(i) {
            None => false,
            Some(Kind::Word | Kind::Number) => true,
            Some(Kind::Punct) => {
                self.punct_any(i, &['-', '/'])
                    || (self.punct_any(i, &['.', ',', ':'])
                        && self.attached(i + 1)
                        && self.kind(i + 1) == Some(Kind::Number))
            }
        }
    }

    /// Token `i` is glued to a letter, digit, hyphen or slash before it ("x2023-06-04").
    fn follows_glued(&self, i: usize) -> bool {
        i > 0
            && self.attached(i)
            && (matches!(self.kind(i - 1), Some(Kind::Word | Kind::Number))
                || self.punct_any(i - 1, &['-', '/']))
    }

    /// Number token `i` is not glued to another number by ",", ".", ":" or "/" ("4,000",
    /// "1.5", "10:30", "3/4").
    fn standalone(&self, i: usize) -> bool {
        const JOINERS: [char; 4] = [',', '.', ':', '/'];
        let joins = |p: usize| {
            self.attached(p)
                && self.punct_any(p, &JOINERS)
                && self.attached(p + 1)
                && self.kind(p + 1) == Some(Kind::Number)
        };
        let joined_before = i >= 2 && joins(i - 1) && self.kind(i - 2) == Some(Kind::Number);
        !joins(i + 1) && !joined_before
    }
}

/// Which patterns a word can start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// None: most words of a sentence.
    Never,
    /// Only "two days ago" and the like: "a", "an", "two"... are frequent, so they skip the rest.
    Count,
    Any,
}

/// Which patterns can start with `word`. Every word pattern in [`Scanner::word_mention`] starts
/// with an ordinal ("4th"), a month or weekday name, or one of the words listed here, and
/// [`Scanner::ago`] with a count; checking this first lets the scanner skip the other words of
/// a sentence cheaply.
fn start_of(word: &str) -> Start {
    if word.as_bytes()[0].is_ascii_digit() {
        return Start::Any;
    }
    let Some(lower) = names::Lower::of(word) else {
        return Start::Never;
    };
    let lower = lower.as_bytes();
    let keyword = matches!(
        lower,
        b"last"
            | b"next"
            | b"this"
            | b"coming"
            | b"early"
            | b"mid"
            | b"late"
            | b"earlier"
            | b"later"
            | b"today"
            | b"tonight"
            | b"yesterday"
            | b"tomorrow"
            | b"weekend"
    );
    if keyword || names::is_month_or_weekday(lower) {
        Start::Any
    } else if names::is_count(lower) {
        Start::Count
    } else {
        Start::Never
    }
}

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn day_match(end: usize, date: Date) -> Match {
    Match {
        end,
        date,
        precision: Precision::Day,
    }
}

/// A month or year match starting at `part` of the period that begins on `first`.
fn period_match(end: usize, precision: Precision, first: Date, part: Option<Part>) -> Match {
    let date = match precision {
        Precision::Year => calendar::part_of_year(first, part),
        _ => calendar::part_of_month(first, part),
    };
    Match {
        end,
        date: date.unwrap_or(first),
        precision,
    }
}

#[cfg(test)]
mod tests;
