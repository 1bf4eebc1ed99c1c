//! Reading the agent file: `forms | ... => CODE`, one agent per line.

use super::lines::lines;
use super::{is_actor_code, Origins};
use crate::agents::Placement;
use crate::{Diagnostic, Origin};

/// One agent line as written.
#[derive(Clone, Debug)]
pub struct AgentRecord {
    /// Its forms, as written (singular, plural, variants).
    pub forms: Vec<String>,
    pub code: String,
    pub origin: Origin,
}

impl AgentRecord {
    /// Where the agent's code goes when it joins an actor.
    ///
    /// `IGO` codes go first: an international body's contingent is coded by the body, then
    /// the country it comes from, as CAMEO does ("Nigerian weapons inspectors" → `IGONGA`).
    /// Every other code follows the actor's, `NGO` included: a non-governmental group named
    /// by its country is a domestic one ("Kenyan rights groups" → `KENNGOHRI`); international
    /// NGOs are named organisations with codes of their own in `organisations.txt`.
    pub fn placement(&self) -> Placement {
        if self.code.starts_with("IGO") {
            Placement::Before
        } else {
            Placement::After
        }
    }
}

/// Reads the agent file; bad lines are reported and skipped.
pub(crate) fn read(origins: &Origins, text: &str) -> (Vec<AgentRecord>, Vec<Diagnostic>) {
    let mut records = Vec::new();
    let mut diags = Vec::new();
    for line in lines(text) {
        let origin = origins.at(line.number);
        match parse(line.body) {
            Ok((forms, code)) => records.push(AgentRecord {
                forms,
                code,
                origin,
            }),
            Err(message) => diags.push(Diagnostic { origin, message }),
        }
    }
    (records, diags)
}

fn parse(body: &str) -> Result<(Vec<String>, String), String> {
    let (forms, code) = body
        .split_once("=>")
        .ok_or_else(|| format!("agent line {body:?} lacks '=> CODE'"))?;
    let code = code.trim();
    if !is_actor_code(code) {
        return Err(format!(
            "bad agent code {code:?}: expected three-letter type codes (COP, GOVMIL)"
        ));
    }
    let forms: Vec<String> = forms.split('|').map(|f| f.trim().to_string()).collect();
    if forms.iter().any(String::is_empty) {
        return Err("empty agent form (two '|' in a row, or a '|' at an end)".into());
    }
    Ok((forms, code.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_codes_and_placement() {
        let (records, diags) = read(
            &Origins::new("agents.txt"),
            "police | police officers => COP\nweapons inspectors => IGO\nrights group => NGOHRI\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(records[0].forms, ["police", "police officers"]);
        assert_eq!(records[0].placement(), Placement::After);
        assert_eq!(records[1].placement(), Placement::Before);
        assert_eq!(records[2].placement(), Placement::After);
    }

    #[test]
    fn bad_lines_are_reported() {
        let (records, diags) = read(
            &Origins::new("agents.txt"),
            "police\npolice | => COP\nx => cop\ny => COP)\n",
        );
        assert!(records.is_empty());
        let lines: Vec<usize> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
    }
}
