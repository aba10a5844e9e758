//! Surveys by link: the school makes a link per survey and audience (team,
//! parents, pupils); people answer without an account, anonymously unless
//! they give their name; the team reads the results per group. A parent who
//! wants to think along may leave contact details with consent, which only
//! the coordinators see. Coordinators export the results and turn picked
//! results and remarks into wishes. Every survey is deleted, with its answers
//! and contact details, at the end of the school year in which it was made.

use std::collections::BTreeMap;

use passend_domain::access::{self, Actor};
use passend_domain::lifecycle::Day;
use passend_domain::questionnaire::SchoolYear;
use passend_domain::surveys::{
    Audience, ContactInput, Pick, QuestionSummary, SurveyKind, kept_until, offers_contact, parse_submission,
    purge_before, questions, summarise, wish_texts,
};
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::surveys::{Answered, Survey, SurveyContact};

use crate::accounts::secrets::random_token;
use crate::lifecycle::MAX_WISH;
use crate::questionnaire::LoadedProfile;
use crate::{App, Error, Result};

/// A survey with its results, for the team.
pub struct SurveyResults {
    pub survey: Survey,
    pub link: String,
    pub summary: Vec<QuestionSummary>,
    /// The id of each response, in the order `summary` counts them
    /// (`OpenAnswer::response` indexes this).
    pub response_ids: Vec<i64>,
    pub named: Vec<String>,
    /// The last day the survey is kept.
    pub kept_until: Day,
}

impl SurveyResults {
    /// The response id of an open answer in the summary.
    pub fn response_id(&self, index: usize) -> i64 {
        self.response_ids.get(index).copied().unwrap_or_default()
    }
}

/// What a person with the link sees around the questions.
pub struct SurveyPlace {
    pub survey: Survey,
    pub school_name: String,
    pub location_name: String,
    /// The location's published profile, when it has one (`/scholen/{code}`).
    pub published: bool,
    /// The last day the answers are kept.
    pub kept_until: Day,
}

/// Where the wishes made from a survey went.
pub struct WishesMade {
    pub profile_id: i64,
    pub school_year: String,
    pub count: usize,
}

/// Who was asked in which survey: "Ouders, evaluatie". Heads the wishes
/// made from it and names its sheet in an export.
pub fn group_label(lang: Lang, survey: &Survey) -> String {
    lang.t_with(
        "survey-wish-group",
        &[
            ("audience", lang.t(survey.audience.message_id()).into()),
            ("kind", lang.t(&format!("survey-kind-short-{}", survey.kind.as_str())).into()),
        ],
    )
}

/// A new secret for "one answer per browser".
pub fn new_browser_key() -> String {
    random_token()
}

/// The calendar day (UTC) of a Unix time.
fn day_of(unix: i64) -> Day {
    let at = time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    (u16::try_from(at.year()).unwrap_or(2026), u8::from(at.month()), at.day())
}

/// Midnight at the start of a day in the Netherlands, as Unix time. On
/// 1 August (the only day this is asked for) summer time holds: UTC+2.
fn start_of_dutch_day((year, month, day): Day) -> i64 {
    let date = time::Month::try_from(month)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(i32::from(year), m, day).ok())
        .unwrap_or(time::Date::MIN);
    date.midnight().assume_utc().unix_timestamp() - 2 * 3600
}

/// The last day a survey is kept (its day of making counted in Dutch time, near enough).
fn kept_until_of(survey: &Survey) -> Day {
    kept_until(day_of(survey.created_at + 2 * 3600))
}

impl App {
    /// Every survey of the profile with its results.
    pub async fn survey_results(&self, loaded: &LoadedProfile) -> Result<Vec<SurveyResults>> {
        let mut out = Vec::new();
        for survey in self.db.surveys_of(&loaded.access).await? {
            out.push(self.results_of(loaded, survey).await?);
        }
        Ok(out)
    }

    async fn results_of(&self, loaded: &LoadedProfile, survey: Survey) -> Result<SurveyResults> {
        let stored = self.db.survey_responses(&loaded.access, survey.id).await?;
        let (response_ids, responses): (Vec<i64>, Vec<_>) = stored.into_iter().unzip();
        Ok(SurveyResults {
            link: self.link(&format!("/enquete/{}", survey.link_code)),
            summary: summarise(questions(survey.kind, survey.audience), &responses),
            named: responses.iter().filter_map(|r| r.name.clone()).collect(),
            response_ids,
            kept_until: kept_until_of(&survey),
            survey,
        })
    }

    /// One survey of the profile (not found for another profile's).
    pub async fn survey(&self, loaded: &LoadedProfile, survey_id: i64) -> Result<Survey> {
        self.db.surveys_of(&loaded.access).await?.into_iter().find(|s| s.id == survey_id).ok_or(Error::NotFound)
    }

    /// One survey of the profile with its results (not found for another profile's).
    pub async fn survey_result(&self, loaded: &LoadedProfile, survey_id: i64) -> Result<SurveyResults> {
        let survey = self.survey(loaded, survey_id).await?;
        self.results_of(loaded, survey).await
    }

    /// The contact details left in a survey: coordinators only.
    pub async fn survey_contacts(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        survey_id: i64,
    ) -> Result<Vec<SurveyContact>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let survey = self.survey(loaded, survey_id).await?;
        Ok(self.db.survey_contacts(&coordination, &loaded.access, survey.id).await?)
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

    /// The survey behind a link with the school it is for, and whether the
    /// school's profile is published, for the form's heading and link.
    pub async fn survey_place(&self, link_code: &str) -> Result<SurveyPlace> {
        let survey = self.survey_by_link(link_code).await?;
        let location = self.db.location(&survey.location_code).await?.ok_or(Error::NotFound)?;
        let school = self.db.school(&location.brin).await?.ok_or(Error::NotFound)?;
        let published = self.db.public_version(&survey.location_code, None).await?.is_some();
        Ok(SurveyPlace {
            kept_until: kept_until_of(&survey),
            school_name: school.school.name,
            location_name: location.name,
            published,
            survey,
        })
    }

    /// Whether this browser answered the survey already.
    pub async fn answered_from(&self, survey: &Survey, browser_key: &str) -> Result<bool> {
        Ok(self.db.answered_from(survey.id, browser_key).await?)
    }

    /// Checks and keeps an answer given through a link, with the contact
    /// details that go with it (only with consent, only where the survey asks).
    pub async fn answer_survey(
        &self,
        link_code: &str,
        raw: &BTreeMap<String, String>,
        name: Option<&str>,
        contact: &ContactInput<'_>,
        browser_key: &str,
    ) -> Result<Result<Answered, FieldProblems>> {
        let survey = self.survey_by_link(link_code).await?;
        let this_year = crate::lifecycle::today().0;
        let submission = match parse_submission(questions(survey.kind, survey.audience), raw, name, contact, this_year)
        {
            Ok(submission) => submission,
            Err(problems) => return Ok(Err(problems)),
        };
        Ok(Ok(self.db.answer_survey(link_code, &submission.response, submission.contact.as_ref(), browser_key).await?))
    }

    /// Whether the survey's form offers to leave contact details.
    pub fn offers_contact(survey: &Survey) -> bool {
        offers_contact(questions(survey.kind, survey.audience))
    }

    /// The profile whose wish list a survey's results go to: the survey's own
    /// while it is being written, else the location's profile of the next
    /// school year once that is started.
    async fn wish_list_for(&self, loaded: &LoadedProfile) -> Result<(i64, String)> {
        if !loaded.profile.state.is_adopted() {
            return Ok((loaded.profile.id, loaded.profile.school_year.clone()));
        }
        let next = SchoolYear::parse(&loaded.profile.school_year).map(|y| SchoolYear::starting(y.start() + 1));
        let next = next.map(|y| y.to_string());
        self.db
            .profiles_of_school(&loaded.view)
            .await?
            .into_iter()
            .find(|p| p.location_code == loaded.profile.location_code && Some(&p.school_year) == next.as_ref())
            .map(|p| (p.id, p.school_year))
            .ok_or_else(|| Error::Conflict(vec![("picks", Message::new("survey-wishes-no-profile"))]))
    }

    /// Makes a wish of each picked result or remark, all with one owner, on
    /// the wish list of the profile the team writes next (coordinators).
    pub async fn wishes_from_survey(
        &self,
        actor: &Actor,
        lang: Lang,
        loaded: &LoadedProfile,
        survey_id: i64,
        picks: &[String],
        owner: &str,
    ) -> Result<Result<WishesMade, FieldProblems>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let survey = self.survey(loaded, survey_id).await?;
        let (profile_id, school_year) = self.wish_list_for(loaded).await?;
        let mut problems = FieldProblems::new();
        let picks: Option<Vec<Pick>> = picks.iter().map(|p| Pick::parse(p)).collect();
        let owner = owner.split_whitespace().collect::<Vec<_>>().join(" ");
        if owner.is_empty() {
            problems.push(("owner", Message::new("wish-owner-required")));
        } else if owner.chars().count() > crate::lifecycle::MAX_NAME {
            problems.push(("owner", Message::new("answer-too-long").with("max", crate::lifecycle::MAX_NAME)));
        }
        let group = group_label(lang, &survey);
        let responses = self.db.survey_responses(&loaded.access, survey.id).await?;
        let texts = match picks {
            Some(picks) => wish_texts(questions(survey.kind, survey.audience), &responses, &picks, &group, MAX_WISH),
            None => Err(vec![("picks", Message::new("answer-choice-invalid"))]),
        };
        let texts = match texts {
            Ok(texts) if problems.is_empty() => texts,
            Ok(_) => return Ok(Err(problems)),
            Err(mut more) => {
                more.append(&mut problems);
                return Ok(Err(more));
            }
        };
        self.db.add_wishes(&coordination, profile_id, &texts, &owner).await?;
        Ok(Ok(WishesMade { profile_id, school_year, count: texts.len() }))
    }

    /// Deletes the surveys made before the school year `today` falls in,
    /// with their answers and contact details; how many went.
    pub async fn purge_ended_surveys(&self, today: Day) -> Result<u64> {
        Ok(self.db.purge_surveys_made_before(start_of_dutch_day(purge_before(today))).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_school_year_starts_at_midnight_in_the_netherlands() {
        // 1 August 2026 00:00 CEST is 31 July 22:00 UTC.
        assert_eq!(start_of_dutch_day((2026, 8, 1)), 1_785_535_200);
        assert_eq!(day_of(1_785_535_200), (2026, 7, 31));
        assert_eq!(day_of(1_785_535_200 + 2 * 3600), (2026, 8, 1));
    }
}
