//! Surveys by link: the school makes a link per survey and audience (team,
//! parents, pupils); people answer without an account, anonymously unless
//! they give their name; the team reads the results per group.

use std::collections::BTreeMap;

use passend_domain::access::{self, Actor};
use passend_domain::surveys::{Audience, QuestionSummary, SurveyKind, parse_response, questions, summarise};
use passend_domain::{FieldProblems, Message};
pub use passend_storage::surveys::{Answered, Survey};

use crate::accounts::secrets::random_token;
use crate::questionnaire::LoadedProfile;
use crate::{App, Error, Result};

/// A survey with its results, for the team.
pub struct SurveyResults {
    pub survey: Survey,
    pub link: String,
    pub summary: Vec<QuestionSummary>,
    pub named: Vec<String>,
}

/// A new secret for "one answer per browser".
pub fn new_browser_key() -> String {
    random_token()
}

impl App {
    /// Every survey of the profile with its results.
    pub async fn survey_results(&self, loaded: &LoadedProfile) -> Result<Vec<SurveyResults>> {
        let mut out = Vec::new();
        for survey in self.db.surveys_of(&loaded.access).await? {
            let responses = self.db.survey_responses(&loaded.access, survey.id).await?;
            out.push(SurveyResults {
                link: self.link(&format!("/enquete/{}", survey.link_code)),
                summary: summarise(questions(survey.kind, survey.audience), &responses),
                named: responses.iter().filter_map(|r| r.name.clone()).collect(),
                survey,
            });
        }
        Ok(out)
    }

    /// Makes (or reopens) the link for a survey and audience (coordinators).
    pub async fn open_survey(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        kind: &str,
        audience: &str,
    ) -> Result<Survey> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let kind = SurveyKind::parse(kind).ok_or(Error::invalid("kind", Message::new("error-bad-request")))?;
        let audience = Audience::parse(audience)
            .filter(|a| kind.audiences().contains(a))
            .ok_or(Error::invalid("audience", Message::new("error-bad-request")))?;
        // 128 bits is plenty for a link that only lets people answer.
        let code = random_token()[..32].to_owned();
        Ok(self.db.open_survey(&coordination, loaded.profile.id, kind, audience, &code, actor.user_id()).await?)
    }

    /// Closes or reopens a survey and sets whether a browser may answer more than once.
    pub async fn set_survey(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        survey_id: i64,
        closed: bool,
        allow_multiple: bool,
    ) -> Result<()> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        if !self.db.surveys_of(&loaded.access).await?.iter().any(|s| s.id == survey_id) {
            return Err(Error::NotFound);
        }
        Ok(self.db.set_survey(&coordination, survey_id, closed, allow_multiple).await?)
    }

    /// The survey behind a link (anyone with the link may answer it).
    pub async fn survey_by_link(&self, link_code: &str) -> Result<Survey> {
        self.db.survey_by_link(link_code).await?.ok_or(Error::NotFound)
    }

    /// Whether this browser answered the survey already.
    pub async fn answered_from(&self, survey: &Survey, browser_key: &str) -> Result<bool> {
        Ok(self.db.answered_from(survey.id, browser_key).await?)
    }

    /// Checks and keeps an answer given through a link.
    pub async fn answer_survey(
        &self,
        link_code: &str,
        raw: &BTreeMap<String, String>,
        name: Option<&str>,
        browser_key: &str,
    ) -> Result<Result<Answered, FieldProblems>> {
        let survey = self.survey_by_link(link_code).await?;
        let response = match parse_response(questions(survey.kind, survey.audience), raw, name) {
            Ok(response) => response,
            Err(problems) => return Ok(Err(problems)),
        };
        Ok(Ok(self.db.answer_survey(link_code, &response, browser_key).await?))
    }
}
