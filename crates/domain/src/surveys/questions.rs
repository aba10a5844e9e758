//! The questions per survey and audience.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyKind {
    /// Step 1: how did last year's profile work out?
    Evaluation,
    /// Step 3: can parents and pupils find and understand the parent version?
    ControlGroup,
}

impl SurveyKind {
    pub const ALL: [SurveyKind; 2] = [SurveyKind::Evaluation, SurveyKind::ControlGroup];

    pub fn as_str(self) -> &'static str {
        match self {
            SurveyKind::Evaluation => "evaluation",
            SurveyKind::ControlGroup => "control_group",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            SurveyKind::Evaluation => "survey-kind-evaluation",
            SurveyKind::ControlGroup => "survey-kind-control_group",
        }
    }

    /// Who the survey asks. The control group is for the readers of the
    /// parent version only.
    pub fn audiences(self) -> &'static [Audience] {
        match self {
            SurveyKind::Evaluation => &[Audience::Team, Audience::Parents, Audience::Pupils],
            SurveyKind::ControlGroup => &[Audience::Parents, Audience::Pupils],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Team,
    Parents,
    Pupils,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Team, Audience::Parents, Audience::Pupils];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Team => "team",
            Audience::Parents => "parents",
            Audience::Pupils => "pupils",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Audience::Team => "audience-team",
            Audience::Parents => "audience-parents",
            Audience::Pupils => "audience-pupils",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// One of the options (keys `ja`, `een_beetje`, `nee`, `weet_niet` …).
    Choice { options: &'static [(&'static str, &'static str)] },
    /// An answer in the person's own words.
    Open,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    pub key: &'static str,
    pub text: &'static str,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

const YES_SOMEWHAT_NO: &[(&str, &str)] = &[("ja", "Ja"), ("een_beetje", "Een beetje"), ("nee", "Nee")];
const YES_NO_UNSURE: &[(&str, &str)] = &[("ja", "Ja"), ("nee", "Nee"), ("weet_niet", "Weet ik niet")];

const fn open(key: &'static str, text: &'static str) -> Question {
    Question { key, text, kind: QuestionKind::Open }
}

const fn choice(key: &'static str, text: &'static str, options: &'static [(&'static str, &'static str)]) -> Question {
    Question { key, text, kind: QuestionKind::Choice { options } }
}

const EVALUATION_TEAM: &[Question] = &[
    open("tevreden", "Waar zijn we tevreden over in de ondersteuning en in het profiel?"),
    open("anders", "Wat moet er anders?"),
    open("veranderd", "Wat is er veranderd in de school: visie, begeleiding, deskundigheid?"),
    choice("betrokken", "Was het team genoeg betrokken bij het profiel?", YES_SOMEWHAT_NO),
    open("nodig", "Wat is nodig om het team meer te betrekken?"),
];

const EVALUATION_PARENTS: &[Question] = &[
    open("tevreden", "Wat gaat goed in de hulp die de school geeft?"),
    open("anders", "Wat moet beter?"),
    choice("bekend", "Wist u dat de school een ondersteuningsprofiel heeft?", YES_NO_UNSURE),
    choice(
        "meedenken",
        "Wilt u meedenken over het profiel van volgend jaar?",
        &[("ja", "Ja"), ("misschien", "Misschien"), ("nee", "Nee")],
    ),
    open("nodig", "Wat heeft u nodig om mee te denken?"),
];

const EVALUATION_PUPILS: &[Question] = &[
    open("tevreden", "Wat vind jij goed aan de hulp op school?"),
    open("anders", "Wat kan beter?"),
    choice("meepraten", "Mag jij meepraten over hulp op school?", YES_SOMEWHAT_NO),
    open("hoe", "Hoe wil jij meepraten?"),
];

const CONTROL_GROUP: &[Question] = &[
    choice("vindbaar", "Kon u de korte versie van het profiel vinden (website of schoolgids)?", YES_NO_UNSURE),
    choice("begrijpelijk", "Begrijpt u wat er staat?", YES_SOMEWHAT_NO),
    choice("weg_weten", "Weet u bij wie u terecht kunt als het niet goed gaat met uw kind?", YES_NO_UNSURE),
    choice("wel_niet", "Is duidelijk wat de school wel en niet kan bieden?", YES_SOMEWHAT_NO),
    choice("ambities", "Zijn de plannen van de school duidelijk?", YES_SOMEWHAT_NO),
    open("beter", "Wat kan beter aan de tekst?"),
];

const CONTROL_GROUP_PUPILS: &[Question] = &[
    choice("vindbaar", "Kon je de korte uitleg over hulp op school vinden?", YES_NO_UNSURE),
    choice("begrijpelijk", "Snap je wat er staat?", YES_SOMEWHAT_NO),
    choice("weg_weten", "Weet je bij wie je terecht kunt als het niet goed gaat?", YES_NO_UNSURE),
    open("beter", "Wat kan beter aan de tekst?"),
];

/// The questions of a survey for an audience.
pub fn questions(kind: SurveyKind, audience: Audience) -> &'static [Question] {
    match (kind, audience) {
        (SurveyKind::Evaluation, Audience::Team) => EVALUATION_TEAM,
        (SurveyKind::Evaluation, Audience::Parents) => EVALUATION_PARENTS,
        (SurveyKind::Evaluation, Audience::Pupils) => EVALUATION_PUPILS,
        (SurveyKind::ControlGroup, Audience::Pupils) => CONTROL_GROUP_PUPILS,
        (SurveyKind::ControlGroup, _) => CONTROL_GROUP,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_survey_asks_its_audiences_with_unique_keys() {
        for kind in SurveyKind::ALL {
            for audience in kind.audiences() {
                let asked = questions(kind, *audience);
                assert!(!asked.is_empty());
                let mut keys: Vec<&str> = asked.iter().map(|q| q.key).collect();
                keys.sort_unstable();
                keys.dedup();
                assert_eq!(keys.len(), asked.len(), "{kind:?} {audience:?}");
            }
        }
        assert!(questions(SurveyKind::ControlGroup, Audience::Parents).iter().any(|q| q.key == "weg_weten"));
        assert_eq!(SurveyKind::parse("control_group"), Some(SurveyKind::ControlGroup));
        assert_eq!(Audience::parse("pupils"), Some(Audience::Pupils));
    }
}
