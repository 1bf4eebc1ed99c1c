//! Where dictionary entries come from, and what was wrong with the ones that were skipped.

use std::fmt;
use std::sync::Arc;

/// The file and 1-based line an entry was read from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

impl Origin {
    /// Appends `file:line`, as the `Display` form writes it.
    pub fn push_to(&self, out: &mut String) {
        out.push_str(&self.file);
        out.push(':');
        push_decimal(self.line, out);
    }

    /// `what (file:line)`: an entry named with where it was defined, as explanations show it,
    /// `what` given in pieces. Written without the formatting machinery: the coder labels
    /// every actor it finds, and `format!` cost it a twentieth of its time.
    pub fn label(&self, what: &[&str]) -> String {
        let length: usize = what.iter().map(|w| w.len()).sum();
        let mut out = String::with_capacity(length + self.file.len() + 24);
        what.iter().for_each(|w| out.push_str(w));
        out.push_str(" (");
        self.push_to(&mut out);
        out.push(')');
        out
    }
}

/// Appends `n` in decimal digits.
fn push_decimal(n: usize, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A problem found while loading a dictionary: the line was skipped (or the entry ignored) and
/// loading went on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_write_what_display_writes() {
        for line in [0, 7, 10, 1234, usize::MAX] {
            let origin = Origin {
                file: Arc::from("dir/Phoenix.agents.txt"),
                line,
            };
            let mut plain = String::new();
            origin.push_to(&mut plain);
            assert_eq!(plain, origin.to_string());
            assert_eq!(
                origin.label(&["agent ", "POLICE"]),
                format!("agent POLICE ({origin})")
            );
        }
    }
}
