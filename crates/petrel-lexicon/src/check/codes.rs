//! Which three-letter codes exist: country codes (the three-letter codes of
//! `actors/countries.txt`) and actor type codes (`ontology/actor-types.tsv`).

use std::collections::BTreeSet;

use crate::own::Source;

/// The file whose three-letter codes are the country codes.
pub const COUNTRIES_FILE: &str = "actors/countries.txt";

pub struct CodeBook<'s> {
    countries: BTreeSet<&'s str>,
    source: &'s Source,
}

impl<'s> CodeBook<'s> {
    pub fn new(source: &'s Source) -> CodeBook<'s> {
        let countries = source
            .actors
            .iter()
            .filter(|r| r.origin.file.ends_with(COUNTRIES_FILE))
            .filter_map(|r| r.code.as_deref())
            .filter(|c| c.len() == 3)
            .collect();
        CodeBook { countries, source }
    }

    pub fn is_country(&self, code: &str) -> bool {
        self.countries.contains(code)
    }

    pub fn countries(&self) -> usize {
        self.countries.len()
    }

    /// The three-letter chunks of an actor code that are neither country codes (when
    /// `countries` allows them) nor actor type codes.
    pub fn unknown_chunks<'c>(&self, code: &'c str, countries: bool) -> Vec<&'c str> {
        chunks(code)
            .filter(|c| {
                !(countries && self.is_country(c)) && self.source.ontology.actor_type(c).is_none()
            })
            .collect()
    }
}

/// `RUSGOVMIL` → `RUS`, `GOV`, `MIL`. Codes are checked to be ASCII letters in threes when
/// read.
pub fn chunks(code: &str) -> impl Iterator<Item = &str> {
    (0..code.len() / 3).map(move |i| &code[3 * i..3 * i + 3])
}
