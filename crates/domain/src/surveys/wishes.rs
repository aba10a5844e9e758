//! Results and remarks the coordinator picks to put on the wish list of the
//! profile the team writes next.

use super::questions::{Question, QuestionKind};
use super::response::SurveyResponse;
use super::summary::summarise;
use crate::{FieldProblems, Message};

/// One thing picked from a survey's results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// A choice question with its counts, by question key.
    Question(String),
    /// One open answer: the question's key and the response's id.
    Answer { key: String, response_id: i64 },
}

impl Pick {
    /// `begrijpelijk` (a question) or `beter:17` (the answer of response 17).
    pub fn parse(raw: &str) -> Option<Pick> {
        let raw = raw.trim();
        match raw.split_once(':') {
            Some((key, id)) if !key.is_empty() => {
                id.parse().ok().map(|response_id| Pick::Answer { key: key.to_owned(), response_id })
            }
            Some(_) => None,
            None if !raw.is_empty() => Some(Pick::Question(raw.to_owned())),
            None => None,
        }
    }

    /// The form value of the pick, as [`Pick::parse`] reads it.
    pub fn value(&self) -> String {
        match self {
            Pick::Question(key) => key.clone(),
            Pick::Answer { key, response_id } => format!("{key}:{response_id}"),
        }
    }
}

/// One line of at most `max` characters: `prefix: text`, cut with an ellipsis.
pub fn wish_text(prefix: &str, text: &str, max: usize) -> String {
    let line = format!("{prefix}: {}", text.split_whitespace().collect::<Vec<_>>().join(" "));
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The wishes' texts for the picks, in the order picked (each once), with
/// `group` (who was asked, e.g. "Ouders, evaluatie") before each. A pick
/// that names no question or answer of these responses is refused.
pub fn wish_texts(
    asked: &[Question],
    responses: &[(i64, SurveyResponse)],
    picks: &[Pick],
    group: &str,
    max: usize,
) -> Result<Vec<String>, FieldProblems> {
    if picks.is_empty() {
        return Err(vec![("picks", Message::new("survey-wishes-none-picked"))]);
    }
    let plain: Vec<SurveyResponse> = responses.iter().map(|(_, r)| r.clone()).collect();
    let summary = summarise(asked, &plain);
    let mut texts = Vec::new();
    for pick in picks {
        let text = match pick {
            Pick::Question(key) => asked
                .iter()
                .position(|q| q.key == key && matches!(q.kind, QuestionKind::Choice { .. }))
                .map(|i| format!("{} ({})", summary[i].text, summary[i].counts_line())),
            Pick::Answer { key, response_id } => asked
                .iter()
                .find(|q| q.key == key && q.kind == QuestionKind::Open)
                .and_then(|_| responses.iter().find(|(id, _)| id == response_id))
                .and_then(|(_, r)| r.answers.get(key.as_str()).cloned()),
        };
        let Some(text) = text else {
            return Err(vec![("picks", Message::new("answer-choice-invalid"))]);
        };
        let wish = wish_text(group, &text, max);
        if !texts.contains(&wish) {
            texts.push(wish);
        }
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::surveys::{Audience, SurveyKind, questions};

    fn response(pairs: &[(&str, &str)]) -> SurveyResponse {
        SurveyResponse {
            answers: pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<BTreeMap<_, _>>(),
            name: None,
        }
    }

    #[test]
    fn picks_are_read_back_from_their_form_values() {
        for pick in [Pick::Question("begrijpelijk".into()), Pick::Answer { key: "beter".into(), response_id: 17 }] {
            assert_eq!(Pick::parse(&pick.value()), Some(pick));
        }
        assert_eq!(Pick::parse("beter:x"), None);
        assert_eq!(Pick::parse(":3"), None);
        assert_eq!(Pick::parse(" "), None);
    }

    #[test]
    fn picked_results_and_remarks_become_wishes() {
        let asked = questions(SurveyKind::ControlGroup, Audience::Parents);
        let responses = [
            (11, response(&[("weg_weten", "nee"), ("beter", "Minder   moeilijke woorden.")])),
            (12, response(&[("weg_weten", "ja")])),
        ];
        let picks = [
            Pick::Question("weg_weten".into()),
            Pick::Answer { key: "beter".into(), response_id: 11 },
            Pick::Answer { key: "beter".into(), response_id: 11 },
        ];
        let texts = wish_texts(asked, &responses, &picks, "Ouders, controlegroep", 500).unwrap();
        assert_eq!(
            texts,
            [
                "Ouders, controlegroep: Weet u bij wie u terecht kunt als het niet goed gaat met uw kind? (Ja 1, Nee 1, Weet ik niet 0)",
                "Ouders, controlegroep: Minder moeilijke woorden."
            ]
        );
        for bad in [
            Pick::Question("beter".into()),
            Pick::Question("onbekend".into()),
            Pick::Answer { key: "beter".into(), response_id: 12 },
            Pick::Answer { key: "beter".into(), response_id: 99 },
            Pick::Answer { key: "weg_weten".into(), response_id: 11 },
        ] {
            let refused = wish_texts(asked, &responses, std::slice::from_ref(&bad), "Ouders", 500).unwrap_err();
            assert_eq!(refused[0].0, "picks", "{bad:?}");
        }
        assert_eq!(wish_texts(asked, &responses, &[], "Ouders", 500).unwrap_err()[0].1.id, "survey-wishes-none-picked");
    }

    #[test]
    fn a_long_remark_is_cut_to_fit_the_wish_list() {
        let text = wish_text("Ouders", &"woord ".repeat(200), 500);
        assert_eq!(text.chars().count(), 500);
        assert!(text.starts_with("Ouders: woord woord") && text.ends_with('…'));
    }
}
