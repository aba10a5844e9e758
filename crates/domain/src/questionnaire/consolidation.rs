//! The spread of the team's answers to one item, so that the coordinator can
//! see agreement and divergence before setting the school's answer.

use serde::Serialize;

use super::answer::AnswerValue;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpreadEntry {
    pub value: AnswerValue,
    /// Who gave this answer, in the order given.
    pub respondents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Distinct answers, most given first.
    pub entries: Vec<SpreadEntry>,
    /// The team does not agree: more than one distinct answer.
    pub divergent: bool,
}

impl Spread {
    pub fn respondents(&self) -> usize {
        self.entries.iter().map(|e| e.respondents.len()).sum()
    }
}

/// Groups equal answers; `answers` are (respondent, value).
pub fn spread(answers: &[(String, AnswerValue)]) -> Spread {
    let mut entries: Vec<SpreadEntry> = Vec::new();
    for (who, value) in answers {
        match entries.iter_mut().find(|e| e.value == *value) {
            Some(entry) => entry.respondents.push(who.clone()),
            None => entries.push(SpreadEntry { value: value.clone(), respondents: vec![who.clone()] }),
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.respondents.len()));
    Spread { divergent: entries.len() > 1, entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(key: &str) -> AnswerValue {
        AnswerValue::Choice(key.into())
    }

    #[test]
    fn four_say_standard_one_says_no() {
        let answers: Vec<(String, AnswerValue)> = ["An", "Bo", "Cas", "Dee"]
            .iter()
            .map(|n| (n.to_string(), choice("standaard")))
            .chain([("Eva".to_string(), choice("niet"))])
            .collect();
        let spread = spread(&answers);
        assert!(spread.divergent);
        assert_eq!(spread.entries[0].value, choice("standaard"));
        assert_eq!(spread.entries[0].respondents.len(), 4);
        assert_eq!(spread.entries[1].respondents, vec!["Eva"]);
        assert_eq!(spread.respondents(), 5);
    }

    #[test]
    fn agreement_is_not_divergence() {
        let answers = vec![("An".to_string(), choice("niet")), ("Bo".to_string(), choice("niet"))];
        assert!(!spread(&answers).divergent);
        assert!(!spread(&[]).divergent);
    }
}
