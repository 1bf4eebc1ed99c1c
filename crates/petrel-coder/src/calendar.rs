//! Names of days and months: capitalised words that are neither actors nor parts of names.

/// Days and months as news writes them.
const TIME_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `form` names a day or a month. A sentence opening with one and no comma ("*On
/// Wednesday* Washington freed") puts it next to a name, where parsers and the test for
/// names joined to their neighbours both take it for part of that name.
pub fn is_time_name(form: &str) -> bool {
    TIME_NAMES.contains(&form)
}
