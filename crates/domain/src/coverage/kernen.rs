//! Sub-regions (*kernen*): groups of its locations an SWV defines, to filter
//! its region by and to judge coverage close to home.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::Message;

/// Longest name of a kern.
pub const MAX_KERN_NAME: usize = 80;
/// Most kernen of one SWV: a region splits into a handful, a large one into
/// a few dozen; the bound keeps a stored list (and every region page that
/// filters by it) small.
pub const MAX_KERNEN: usize = 100;

/// A kern: its name and the codes of its locations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Kern {
    pub name: String,
    #[serde(default)]
    pub locations: Vec<String>,
}

/// A problem with one kern of a submitted list, by its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernProblem {
    pub index: usize,
    pub message: Message,
}

/// Cleans the SWV's kernen: names trimmed and unique, locations of the SWV
/// and each in one kern only. Empty rows (no name, no locations) are dropped.
pub fn validate_kernen(kernen: &[Kern], swv_locations: &HashSet<String>) -> Result<Vec<Kern>, Vec<KernProblem>> {
    let mut problems = Vec::new();
    let mut names = HashSet::new();
    let mut placed: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (index, kern) in kernen.iter().enumerate() {
        let name = kern.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut locations: Vec<String> =
            kern.locations.iter().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty()).collect();
        locations.sort();
        locations.dedup();
        if name.is_empty() && locations.is_empty() {
            continue;
        }
        if out.len() == MAX_KERNEN {
            problems.push(KernProblem { index, message: Message::new("limit-kernen").with("max", MAX_KERNEN) });
            break;
        }
        let problem = |id: &'static str| KernProblem { index, message: Message::new(id) };
        if name.is_empty() {
            problems.push(problem("kern-name-missing"));
        } else if name.chars().count() > MAX_KERN_NAME {
            problems.push(KernProblem { index, message: Message::new("answer-too-long").with("max", MAX_KERN_NAME) });
        } else if !names.insert(name.to_lowercase()) {
            problems.push(problem("kern-name-taken"));
        }
        for code in &locations {
            if !swv_locations.contains(code) {
                problems.push(KernProblem {
                    index,
                    message: Message::new("kern-location-unknown").with("code", code.as_str()),
                });
            } else if let Some(first) = placed.insert(code.clone(), index)
                && first != index
            {
                problems.push(KernProblem {
                    index,
                    message: Message::new("kern-location-twice").with("code", code.as_str()),
                });
            }
        }
        out.push(Kern { name, locations });
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_swv_has_at_most_max_kernen() {
        let many: Vec<Kern> = (0..=MAX_KERNEN).map(|i| kern(&format!("Kern {i}"), &[])).collect();
        let problems = validate_kernen(&many, &swv()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].index, MAX_KERNEN);
        assert_eq!(problems[0].message.id, "limit-kernen");
        assert!(validate_kernen(&many[..MAX_KERNEN], &swv()).is_ok());
    }

    fn swv() -> HashSet<String> {
        ["AAAA00", "BBBB00", "CCCC00"].map(str::to_owned).into()
    }

    fn kern(name: &str, locations: &[&str]) -> Kern {
        Kern { name: name.into(), locations: locations.iter().map(|s| (*s).to_owned()).collect() }
    }

    #[test]
    fn clean_kernen_pass_trimmed() {
        let out = validate_kernen(&[kern("  Noord  oost ", &["aaaa00 ", "AAAA00"]), kern("", &[])], &swv()).unwrap();
        assert_eq!(out, vec![kern("Noord oost", &["AAAA00"])]);
    }

    #[test]
    fn every_problem_is_named_with_its_row() {
        let problems = validate_kernen(
            &[kern("Noord", &["AAAA00"]), kern("noord", &["AAAA00", "ZZZZ99"]), kern("", &["BBBB00"])],
            &swv(),
        )
        .unwrap_err();
        let ids: Vec<(usize, &str)> = problems.iter().map(|p| (p.index, p.message.id)).collect();
        assert_eq!(
            ids,
            vec![
                (1, "kern-name-taken"),
                (1, "kern-location-twice"),
                (1, "kern-location-unknown"),
                (2, "kern-name-missing")
            ]
        );
    }
}
