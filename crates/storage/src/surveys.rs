//! Surveys by link and their responses.

use passend_domain::access::{ProfileCoordination, ProfileView};
use passend_domain::surveys::{Audience, Contact, SurveyKind, SurveyResponse};
use serde::Serialize;

use crate::profiles::ensure_school;
use crate::rows::{Column, Flag, convert};
use crate::{Database, StorageError, now};

const SURVEY_KIND: Column = Column::new("surveys", "kind");
const SURVEY_AUDIENCE: Column = Column::new("surveys", "audience");
const RESPONSE_ANSWERS: Column = Column::new("survey_responses", "answers_json");

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    pub id: i64,
    pub profile_id: i64,
    pub kind: SurveyKind,
    pub audience: Audience,
    pub link_code: String,
    pub allow_multiple: bool,
    pub closed: bool,
    pub responses: i64,
    /// The profile's location (vestigingscode).
    pub location_code: String,
    /// When the link was made (Unix seconds): the survey is deleted at the end of that school year.
    pub created_at: i64,
}

const SURVEY_SELECT: &str = "SELECT s.id, s.profile_id, s.kind, s.audience, s.link_code, s.allow_multiple, s.closed_at,
    (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses, p.location_code, s.created_at
    FROM surveys s JOIN profiles p ON p.id = s.profile_id";

#[derive(sqlx::FromRow)]
struct SurveyRow {
    id: i64,
    profile_id: i64,
    kind: String,
    audience: String,
    link_code: String,
    allow_multiple: Flag,
    closed_at: Option<i64>,
    responses: i64,
    location_code: String,
    created_at: i64,
}

impl TryFrom<SurveyRow> for Survey {
    type Error = StorageError;

    fn try_from(row: SurveyRow) -> Result<Self, StorageError> {
        Ok(Survey {
            id: row.id,
            profile_id: row.profile_id,
            kind: SURVEY_KIND.parse(&row.kind)?,
            audience: SURVEY_AUDIENCE.parse(&row.audience)?,
            link_code: row.link_code,
            allow_multiple: row.allow_multiple.into(),
            closed: row.closed_at.is_some(),
            responses: row.responses,
            location_code: row.location_code,
            created_at: row.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    id: i64,
    answers_json: String,
    respondent_name: Option<String>,
}

impl TryFrom<ResponseRow> for (i64, SurveyResponse) {
    type Error = StorageError;

    // The name is kept beside the answers, not in their JSON.
    fn try_from(row: ResponseRow) -> Result<Self, StorageError> {
        let response: SurveyResponse = RESPONSE_ANSWERS.json(&row.answers_json)?;
        Ok((row.id, SurveyResponse { name: row.respondent_name, ..response }))
    }
}

/// Contact details a respondent left with consent; for coordinators only.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct SurveyContact {
    pub response_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// When consent was given (Unix seconds).
    pub consented_at: i64,
}

/// Whether a response was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    Saved,
    /// This browser answered already and the school allows one answer.
    AlreadyAnswered,
    Closed,
}

impl Database {
    /// The profile's survey for a kind and audience, made with `link_code`
    /// when it does not exist yet.
    pub async fn open_survey(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        kind: SurveyKind,
        audience: Audience,
        link_code: &str,
        user_id: i64,
    ) -> Result<Survey, StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        sqlx::query(
            "INSERT INTO surveys (profile_id, kind, audience, link_code, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (profile_id, kind, audience) DO UPDATE SET closed_at = NULL",
        )
        .bind(profile_id)
        .bind(kind.as_str())
        .bind(audience.as_str())
        .bind(link_code)
        .bind(user_id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query_as::<_, SurveyRow>(&format!(
            "{SURVEY_SELECT} WHERE s.profile_id = $1 AND s.kind = $2 AND s.audience = $3"
        ))
        .bind(profile_id)
        .bind(kind.as_str())
        .bind(audience.as_str())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Survey::try_from(row)
    }

    /// Closes or reopens a survey, and sets whether a browser may answer more than once.
    pub async fn set_survey(
        &self,
        coordination: &ProfileCoordination,
        survey_id: i64,
        closed: bool,
        allow_multiple: bool,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE surveys SET closed_at = CASE WHEN $1 = 1 THEN COALESCE(closed_at, $2) ELSE NULL END, allow_multiple = $3
             WHERE id = $4 AND profile_id IN (SELECT id FROM profiles WHERE brin = $5)",
        )
        .bind(i64::from(closed))
        .bind(now())
        .bind(i64::from(allow_multiple))
        .bind(survey_id)
        .bind(coordination.brin())
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    pub async fn surveys_of(&self, profile: &ProfileView) -> Result<Vec<Survey>, StorageError> {
        let rows = sqlx::query_as::<_, SurveyRow>(&format!("{SURVEY_SELECT} WHERE s.profile_id = $1 ORDER BY s.id"))
            .bind(profile.id())
            .fetch_all(&self.read)
            .await?;
        convert(rows)
    }

    /// The responses to one of the profile's surveys, with their ids, oldest first.
    pub async fn survey_responses(
        &self,
        profile: &ProfileView,
        survey_id: i64,
    ) -> Result<Vec<(i64, SurveyResponse)>, StorageError> {
        let rows = sqlx::query_as::<_, ResponseRow>(
            "SELECT r.id, r.answers_json, r.respondent_name FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
             WHERE r.survey_id = $1 AND s.profile_id = $2 ORDER BY r.id",
        )
        .bind(survey_id)
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// A survey by the code in its link: public, as parents open it without an account.
    pub async fn survey_by_link(&self, link_code: &str) -> Result<Option<Survey>, StorageError> {
        sqlx::query_as::<_, SurveyRow>(&format!("{SURVEY_SELECT} WHERE s.link_code = $1"))
            .bind(link_code)
            .fetch_optional(&self.read)
            .await?
            .map(Survey::try_from)
            .transpose()
    }

    /// Keeps a response, and the contact details given with it, in one
    /// transaction. `browser_key` identifies the browser (a random value in its
    /// cookie); one response per browser unless the school allows more.
    pub async fn answer_survey(
        &self,
        link_code: &str,
        response: &SurveyResponse,
        contact: Option<&Contact>,
        browser_key: &str,
    ) -> Result<Answered, StorageError> {
        let mut tx = self.write.begin().await?;
        let found = sqlx::query_as::<_, SurveyRow>(&format!("{SURVEY_SELECT} WHERE s.link_code = $1"))
            .bind(link_code)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        let found = Survey::try_from(found)?;
        if found.closed {
            return Ok(Answered::Closed);
        }
        let stored = SurveyResponse { name: None, ..response.clone() };
        let at = now();
        let inserted: Result<i64, StorageError> = sqlx::query_scalar(
            "INSERT INTO survey_responses (survey_id, answers_json, respondent_name, browser_key, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(found.id)
        .bind(serde_json::to_string(&stored).expect("responses serialise"))
        .bind(response.name.as_deref())
        .bind((!found.allow_multiple).then_some(browser_key))
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(StorageError::from_write);
        match inserted {
            Ok(response_id) => {
                if let Some(contact) = contact {
                    sqlx::query(
                        "INSERT INTO survey_contacts (response_id, name, email, phone, consented_at)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(response_id)
                    .bind(&contact.name)
                    .bind(contact.email.as_deref())
                    .bind(contact.phone.as_deref())
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(Answered::Saved)
            }
            Err(StorageError::Conflict) => Ok(Answered::AlreadyAnswered),
            Err(other) => Err(other),
        }
    }

    /// Whether this browser answered the survey already.
    pub async fn answered_from(&self, survey_id: i64, browser_key: &str) -> Result<bool, StorageError> {
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1 AND browser_key = $2")
                .bind(survey_id)
                .bind(browser_key)
                .fetch_one(&self.read)
                .await?;
        Ok(count > 0)
    }
}

impl Database {
    /// The contact details left in one of the profile's surveys, oldest
    /// first. Only a coordinator of the profile's school holds the proof.
    pub async fn survey_contacts(
        &self,
        coordination: &ProfileCoordination,
        profile: &ProfileView,
        survey_id: i64,
    ) -> Result<Vec<SurveyContact>, StorageError> {
        if coordination.brin() != profile.brin() {
            return Err(StorageError::NotFound);
        }
        Ok(sqlx::query_as::<_, SurveyContact>(
            "SELECT c.response_id, c.name, c.email, c.phone, c.consented_at
             FROM survey_contacts c JOIN survey_responses r ON r.id = c.response_id JOIN surveys s ON s.id = r.survey_id
             WHERE r.survey_id = $1 AND s.profile_id = $2 ORDER BY c.id",
        )
        .bind(survey_id)
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?)
    }

    /// Deletes every survey made before `before` (Unix seconds) with its
    /// responses and contact details; how many surveys went.
    pub async fn purge_surveys_made_before(&self, before: i64) -> Result<u64, StorageError> {
        let mut tx = self.write.begin().await?;
        let old = "SELECT id FROM surveys WHERE created_at < $1";
        sqlx::query(&format!(
            "DELETE FROM survey_contacts WHERE response_id IN (SELECT id FROM survey_responses WHERE survey_id IN ({old}))"
        ))
        .bind(before)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&format!("DELETE FROM survey_responses WHERE survey_id IN ({old})"))
            .bind(before)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM surveys WHERE created_at < $1").bind(before).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// Puts wishes on a profile's wish list in one go, each with the same owner.
    pub async fn add_wishes(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        bodies: &[String],
        owner: &str,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        let at = now();
        for body in bodies {
            sqlx::query("INSERT INTO wishes (profile_id, body, owner, created_at) VALUES ($1, $2, $3, $4)")
                .bind(profile_id)
                .bind(body)
                .bind(owner)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
