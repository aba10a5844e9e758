//! Surveys by link and their responses.

use passend_domain::access::{OrgView, ProfileCoordination};
use passend_domain::surveys::{Audience, SurveyKind, SurveyResponse};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Database, StorageError, now};

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
}

const SURVEY_SELECT: &str = "SELECT s.id, s.profile_id, s.kind, s.audience, s.link_code, s.allow_multiple, s.closed_at,
    (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses FROM surveys s";

fn survey(row: &AnyRow) -> Result<Option<Survey>, sqlx::Error> {
    let (kind, audience): (String, String) = (row.try_get(2)?, row.try_get(3)?);
    let (Some(kind), Some(audience)) = (SurveyKind::parse(&kind), Audience::parse(&audience)) else { return Ok(None) };
    Ok(Some(Survey {
        id: row.try_get(0)?,
        profile_id: row.try_get(1)?,
        kind,
        audience,
        link_code: row.try_get(4)?,
        allow_multiple: row.try_get::<i64, _>(5)? != 0,
        closed: row.try_get::<Option<i64>, _>(6)?.is_some(),
        responses: row.try_get(7)?,
    }))
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
        let brin: Option<String> = sqlx::query("SELECT brin FROM profiles WHERE id = $1")
            .bind(profile_id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get(0))
            .transpose()?;
        if brin.as_deref() != Some(coordination.brin()) {
            return Err(StorageError::NotFound);
        }
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
        let row = sqlx::query(&format!("{SURVEY_SELECT} WHERE s.profile_id = $1 AND s.kind = $2 AND s.audience = $3"))
            .bind(profile_id)
            .bind(kind.as_str())
            .bind(audience.as_str())
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        survey(&row)?.ok_or(StorageError::NotFound)
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

    pub async fn surveys_of(&self, view: &OrgView, profile_id: i64) -> Result<Vec<Survey>, StorageError> {
        let rows = sqlx::query(&format!(
            "{SURVEY_SELECT} JOIN profiles p ON p.id = s.profile_id WHERE s.profile_id = $1 AND p.brin = $2 ORDER BY s.id"
        ))
        .bind(profile_id)
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().filter_map(|r| survey(r).transpose()).collect::<Result<_, _>>()?)
    }

    /// The responses to one of the school's surveys.
    pub async fn survey_responses(&self, view: &OrgView, survey_id: i64) -> Result<Vec<SurveyResponse>, StorageError> {
        let rows = sqlx::query(
            "SELECT r.answers_json, r.respondent_name FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
             JOIN profiles p ON p.id = s.profile_id WHERE r.survey_id = $1 AND p.brin = $2 ORDER BY r.id",
        )
        .bind(survey_id)
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        let mut responses = Vec::new();
        for row in &rows {
            let json: String = row.try_get(0)?;
            if let Ok(mut response) = serde_json::from_str::<SurveyResponse>(&json) {
                response.name = row.try_get(1)?;
                responses.push(response);
            }
        }
        Ok(responses)
    }

    /// A survey by the code in its link: public, as parents open it without an account.
    pub async fn survey_by_link(&self, link_code: &str) -> Result<Option<Survey>, StorageError> {
        let row = sqlx::query(&format!("{SURVEY_SELECT} WHERE s.link_code = $1"))
            .bind(link_code)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(survey).transpose()?.flatten())
    }

    /// Keeps a response. `browser_key` identifies the browser (a random value
    /// in its cookie); one response per browser unless the school allows more.
    pub async fn answer_survey(
        &self,
        link_code: &str,
        response: &SurveyResponse,
        browser_key: &str,
    ) -> Result<Answered, StorageError> {
        let mut tx = self.write.begin().await?;
        let Some(found) = sqlx::query(&format!("{SURVEY_SELECT} WHERE s.link_code = $1"))
            .bind(link_code)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Err(StorageError::NotFound);
        };
        let found = survey(&found)?.ok_or(StorageError::NotFound)?;
        if found.closed {
            return Ok(Answered::Closed);
        }
        let stored = SurveyResponse { name: None, ..response.clone() };
        let inserted = sqlx::query(
            "INSERT INTO survey_responses (survey_id, answers_json, respondent_name, browser_key, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(found.id)
        .bind(serde_json::to_string(&stored).expect("responses serialise"))
        .bind(response.name.as_deref())
        .bind((!found.allow_multiple).then_some(browser_key))
        .bind(now())
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from_write);
        match inserted {
            Ok(_) => {
                tx.commit().await?;
                Ok(Answered::Saved)
            }
            Err(StorageError::Conflict) => Ok(Answered::AlreadyAnswered),
            Err(other) => Err(other),
        }
    }

    /// Whether this browser answered the survey already.
    pub async fn answered_from(&self, survey_id: i64, browser_key: &str) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1 AND browser_key = $2")
            .bind(survey_id)
            .bind(browser_key)
            .fetch_one(&self.read)
            .await?;
        Ok(row.try_get::<i64, _>(0)? > 0)
    }
}
