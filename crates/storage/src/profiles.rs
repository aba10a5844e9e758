//! Profiles, their answers (each respondent's and the school's), and the SWVs'
//! template versions.

use passend_domain::access::{OrgView, ProfileCoordination, ProfileRespondent, SwvEdit};
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::OrgKind;
use passend_domain::questionnaire::{AnswerValue, SchoolYear, Template, TemplateVariant};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Database, StorageError, now};

/// A profile as stored, with the template it was started from.
#[derive(Debug, Clone)]
pub struct ProfileRecord {
    pub id: i64,
    pub location_code: String,
    pub brin: String,
    pub school_year: String,
    pub template: Template,
    pub open_for_team: bool,
    pub state: ProfileState,
    /// The board's date of adoption (YYYY-MM-DD).
    pub adopted_on: Option<String>,
    /// Identifies the adopted version.
    pub content_hash: Option<String>,
    pub published_at: Option<i64>,
    /// Sample data made by `passend demo --scale national`.
    pub generated: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfileSummary {
    pub id: i64,
    pub location_code: String,
    pub location_name: String,
    pub school_year: String,
    pub open_for_team: bool,
    pub answered: i64,
    pub state: String,
}

/// How far a school's profiles of one school year are, for an SWV's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchoolProfileStatus {
    pub brin: String,
    pub profiles: i64,
    /// Items with a school answer, over all the school's profiles of the year.
    pub answered: i64,
}

/// The school's answer to one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchoolAnswer {
    pub item_key: String,
    pub value: Option<AnswerValue>,
    pub note: Option<String>,
    pub version: i64,
    /// Copied from last year's profile and not yet confirmed.
    pub from_last_year: bool,
    pub updated_by: Option<String>,
    pub updated_at: i64,
}

/// One respondent's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RespondentAnswer {
    pub item_key: String,
    pub respondent: String,
    pub value: AnswerValue,
    pub note: Option<String>,
}

/// A change to the school's answer, made at the version the person saw.
#[derive(Debug, Clone, Copy)]
pub struct AnswerChange<'a> {
    pub item_key: &'a str,
    pub value: Option<&'a AnswerValue>,
    pub note: Option<&'a str>,
    /// The version the person changed; 0 when there was no answer yet.
    pub expected_version: i64,
    pub user_id: i64,
}

/// The result of a save that names the version it changes.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    Saved {
        version: i64,
    },
    /// Someone else saved first; this is what is stored now.
    Conflict(Box<SchoolAnswer>),
}

/// An SWV's template version for a school year.
#[derive(Debug, Clone)]
pub struct VariantRecord {
    pub variant: TemplateVariant,
    pub published_at: Option<i64>,
}

/// A profile's template as stored; generated profiles store none and use the
/// shipped default template (a copy per profile would cost gigabytes at national scale).
pub(crate) fn stored_template(json: &str) -> Result<Template, StorageError> {
    if json.is_empty() {
        return Ok(passend_domain::questionnaire::default_template().clone());
    }
    serde_json::from_str(json).map_err(|e| StorageError::Database(sqlx::Error::Decode(Box::new(e))))
}

fn value_json(value: Option<&AnswerValue>) -> Option<String> {
    value.map(|v| serde_json::to_string(v).expect("answers serialise"))
}

fn parse_value(json: Option<String>) -> Option<AnswerValue> {
    json.and_then(|j| serde_json::from_str(&j).ok())
}

fn school_answer(row: &AnyRow) -> Result<SchoolAnswer, sqlx::Error> {
    Ok(SchoolAnswer {
        item_key: row.try_get("item_key")?,
        value: parse_value(row.try_get("value_json")?),
        note: row.try_get("note")?,
        version: row.try_get("version")?,
        from_last_year: row.try_get::<i64, _>("from_last_year")? != 0,
        updated_by: row.try_get("updated_by_name")?,
        updated_at: row.try_get("updated_at")?,
    })
}

const SCHOOL_ANSWER_SELECT: &str = "SELECT a.item_key, a.value_json, a.note, a.version, a.from_last_year, \
     a.updated_at, u.name AS updated_by_name FROM school_answers a LEFT JOIN users u ON u.id = a.updated_by";

fn school_of(view: &OrgView) -> Result<&str, StorageError> {
    if view.org().kind == OrgKind::School { Ok(&view.org().code) } else { Err(StorageError::NotFound) }
}

impl Database {
    /// Starts a location's profile for a school year: last year's school
    /// answers that still fit are copied (marked as from last year), then the
    /// DUO pre-fills are set. `Conflict` when the profile exists already.
    pub async fn create_profile(
        &self,
        coordination: &ProfileCoordination,
        location_code: &str,
        year: SchoolYear,
        template: &Template,
        prefills: &[(String, AnswerValue)],
        user_id: i64,
    ) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let brin: Option<String> = sqlx::query("SELECT brin FROM locations WHERE code = $1")
            .bind(location_code)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get(0))
            .transpose()?;
        if brin.as_deref() != Some(coordination.brin()) {
            return Err(StorageError::NotFound);
        }
        let at = now();
        let template_json = serde_json::to_string(template).expect("templates serialise");
        let id: i64 = sqlx::query(
            "INSERT INTO profiles (location_code, brin, school_year, template_json, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (location_code, school_year) DO NOTHING RETURNING id",
        )
        .bind(location_code)
        .bind(coordination.brin())
        .bind(year.to_string())
        .bind(template_json)
        .bind(user_id)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::Conflict)?
        .try_get(0)?;

        let previous: Vec<(String, Option<AnswerValue>, Option<String>)> = sqlx::query(
            "SELECT a.item_key, a.value_json, a.note FROM school_answers a JOIN profiles p ON p.id = a.profile_id
             WHERE p.location_code = $1 AND p.school_year = $2",
        )
        .bind(location_code)
        .bind(year.previous().to_string())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, parse_value(r.try_get(1)?), r.try_get(2)?)))
        .collect::<Result<_, sqlx::Error>>()?;
        let mut rows: Vec<(String, Option<AnswerValue>, Option<String>, bool)> = previous
            .into_iter()
            .filter(|(key, value, _)| {
                template.item(key).is_some_and(|item| value.as_ref().is_none_or(|v| v.fits(item)))
            })
            .filter(|(key, _, _)| !prefills.iter().any(|(k, _)| k == key))
            .map(|(key, value, note)| (key, value, note, true))
            .collect();
        rows.extend(prefills.iter().map(|(key, value)| (key.clone(), Some(value.clone()), None, false)));
        for (key, value, note, from_last_year) in rows {
            sqlx::query(
                "INSERT INTO school_answers (profile_id, item_key, value_json, note, version, from_last_year, updated_by, updated_at)
                 VALUES ($1, $2, $3, $4, 1, $5, $6, $7)",
            )
            .bind(id)
            .bind(key)
            .bind(value_json(value.as_ref()))
            .bind(note)
            .bind(i64::from(from_last_year))
            .bind(user_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        crate::offer_levels::refresh(&mut tx, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A profile by id. Callers check access with its `brin` before showing anything.
    pub async fn profile(&self, id: i64) -> Result<Option<ProfileRecord>, StorageError> {
        let row = sqlx::query(
            "SELECT id, location_code, brin, school_year, template_json, open_for_team, state, adopted_on, content_hash,
                    published_at, generated FROM profiles WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let template = stored_template(&row.try_get::<String, _>(4)?)?;
        Ok(Some(ProfileRecord {
            id: row.try_get(0)?,
            location_code: row.try_get(1)?,
            brin: row.try_get(2)?,
            school_year: row.try_get(3)?,
            template,
            open_for_team: row.try_get::<i64, _>(5)? != 0,
            state: ProfileState::parse(&row.try_get::<String, _>(6)?).unwrap_or(ProfileState::Concept),
            adopted_on: row.try_get(7)?,
            content_hash: row.try_get(8)?,
            published_at: row.try_get(9)?,
            generated: row.try_get::<i64, _>(10)? != 0,
        }))
    }

    pub async fn profiles_of_school(&self, view: &OrgView) -> Result<Vec<ProfileSummary>, StorageError> {
        let brin = school_of(view)?;
        let rows = sqlx::query(
            "SELECT p.id, p.location_code, l.name, p.school_year, p.open_for_team,
                    (SELECT COUNT(*) FROM school_answers a WHERE a.profile_id = p.id AND a.value_json IS NOT NULL) AS answered,
                    p.state
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE p.brin = $1 ORDER BY p.school_year DESC, p.location_code",
        )
        .bind(brin)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ProfileSummary {
                    id: r.try_get(0)?,
                    location_code: r.try_get(1)?,
                    location_name: r.try_get(2)?,
                    school_year: r.try_get(3)?,
                    open_for_team: r.try_get::<i64, _>(4)? != 0,
                    answered: r.try_get(5)?,
                    state: r.try_get(6)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Per school of the SWV with a profile in the year: how many profiles and
    /// answers. Schools without a profile are absent.
    pub async fn profile_status_in_swv(
        &self,
        view: &OrgView,
        year: SchoolYear,
    ) -> Result<Vec<SchoolProfileStatus>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query(
            "SELECT p.brin, COUNT(DISTINCT p.id) AS profiles,
                    (SELECT COUNT(*) FROM school_answers a JOIN profiles q ON q.id = a.profile_id
                     WHERE q.brin = p.brin AND q.school_year = $2 AND a.value_json IS NOT NULL) AS answered
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1)
             GROUP BY p.brin ORDER BY p.brin",
        )
        .bind(&view.org().code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| Ok(SchoolProfileStatus { brin: r.try_get(0)?, profiles: r.try_get(1)?, answered: r.try_get(2)? }))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    pub async fn set_open_for_team(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        open: bool,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        crate::lifecycle::ensure_concept(&mut tx, profile_id, coordination.brin()).await?;
        sqlx::query("UPDATE profiles SET open_for_team = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(open))
            .bind(now())
            .bind(profile_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The respondent's own answers.
    pub async fn my_answers(
        &self,
        respondent: &ProfileRespondent,
        profile_id: i64,
    ) -> Result<Vec<RespondentAnswer>, StorageError> {
        let rows = sqlx::query(
            "SELECT a.item_key, u.name, a.value_json, a.note FROM respondent_answers a
             JOIN profiles p ON p.id = a.profile_id JOIN users u ON u.id = a.user_id
             WHERE a.profile_id = $1 AND p.brin = $2 AND a.user_id = $3",
        )
        .bind(profile_id)
        .bind(respondent.brin())
        .bind(respondent.user_id())
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().filter_map(|r| respondent_answer(r).transpose()).collect::<Result<_, _>>()?)
    }

    /// Saves (or, with neither value nor note, removes) the respondent's own answer.
    pub async fn save_my_answer(
        &self,
        respondent: &ProfileRespondent,
        profile_id: i64,
        item_key: &str,
        value: Option<&AnswerValue>,
        note: Option<&str>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        crate::lifecycle::ensure_concept(&mut tx, profile_id, respondent.brin()).await?;
        match value {
            None => {
                sqlx::query("DELETE FROM respondent_answers WHERE profile_id = $1 AND item_key = $2 AND user_id = $3")
                    .bind(profile_id)
                    .bind(item_key)
                    .bind(respondent.user_id())
                    .execute(&mut *tx)
                    .await?;
            }
            Some(value) => {
                sqlx::query(
                    "INSERT INTO respondent_answers (profile_id, item_key, user_id, value_json, note, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (profile_id, item_key, user_id)
                     DO UPDATE SET value_json = excluded.value_json, note = excluded.note, updated_at = excluded.updated_at",
                )
                .bind(profile_id)
                .bind(item_key)
                .bind(respondent.user_id())
                .bind(value_json(Some(value)))
                .bind(note)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every respondent's answers, for the coordinator's spread.
    pub async fn team_answers(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
    ) -> Result<Vec<RespondentAnswer>, StorageError> {
        let rows = sqlx::query(
            "SELECT a.item_key, u.name, a.value_json, a.note FROM respondent_answers a
             JOIN profiles p ON p.id = a.profile_id JOIN users u ON u.id = a.user_id
             WHERE a.profile_id = $1 AND p.brin = $2 ORDER BY u.name, a.user_id",
        )
        .bind(profile_id)
        .bind(coordination.brin())
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().filter_map(|r| respondent_answer(r).transpose()).collect::<Result<_, _>>()?)
    }

    /// How many team members answered anything.
    pub async fn respondent_count(&self, view: &OrgView, profile_id: i64) -> Result<i64, StorageError> {
        let row = sqlx::query(
            "SELECT COUNT(DISTINCT a.user_id) FROM respondent_answers a JOIN profiles p ON p.id = a.profile_id
             WHERE a.profile_id = $1 AND p.brin = $2",
        )
        .bind(profile_id)
        .bind(school_of(view)?)
        .fetch_one(&self.read)
        .await?;
        Ok(row.try_get(0)?)
    }

    pub async fn school_answers(&self, view: &OrgView, profile_id: i64) -> Result<Vec<SchoolAnswer>, StorageError> {
        let rows = sqlx::query(&format!(
            "{SCHOOL_ANSWER_SELECT} JOIN profiles p ON p.id = a.profile_id WHERE a.profile_id = $1 AND p.brin = $2"
        ))
        .bind(profile_id)
        .bind(school_of(view)?)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().map(school_answer).collect::<Result<_, _>>()?)
    }

    /// Saves the school's answer if it is still at `expected_version` (0: none
    /// yet). Otherwise nothing changes and the stored answer comes back.
    pub async fn save_school_answer(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        change: AnswerChange<'_>,
    ) -> Result<SaveOutcome, StorageError> {
        let AnswerChange { item_key, value, note, expected_version, user_id } = change;
        let mut tx = self.write.begin().await?;
        crate::lifecycle::ensure_concept(&mut tx, profile_id, coordination.brin()).await?;
        let at = now();
        let saved = if expected_version == 0 {
            sqlx::query(
                "INSERT INTO school_answers (profile_id, item_key, value_json, note, version, from_last_year, updated_by, updated_at)
                 VALUES ($1, $2, $3, $4, 1, 0, $5, $6) ON CONFLICT (profile_id, item_key) DO NOTHING",
            )
            .bind(profile_id)
            .bind(item_key)
            .bind(value_json(value))
            .bind(note)
            .bind(user_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1
        } else {
            sqlx::query(
                "UPDATE school_answers SET value_json = $1, note = $2, version = version + 1, from_last_year = 0,
                    updated_by = $3, updated_at = $4
                 WHERE profile_id = $5 AND item_key = $6 AND version = $7",
            )
            .bind(value_json(value))
            .bind(note)
            .bind(user_id)
            .bind(at)
            .bind(profile_id)
            .bind(item_key)
            .bind(expected_version)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1
        };
        let current = sqlx::query(&format!("{SCHOOL_ANSWER_SELECT} WHERE a.profile_id = $1 AND a.item_key = $2"))
            .bind(profile_id)
            .bind(item_key)
            .fetch_one(&mut *tx)
            .await
            .map(|row| school_answer(&row))??;
        if saved && crate::offer_levels::concerns(item_key) {
            crate::offer_levels::refresh(&mut tx, profile_id).await?;
        }
        tx.commit().await?;
        Ok(if saved {
            SaveOutcome::Saved { version: current.version }
        } else {
            SaveOutcome::Conflict(Box::new(current))
        })
    }

    /// Confirms an answer copied from last year, at the version the person saw.
    pub async fn confirm_school_answer(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        item_key: &str,
        expected_version: i64,
        user_id: i64,
    ) -> Result<SaveOutcome, StorageError> {
        let view = self.school_answer(profile_id, item_key).await?.ok_or(StorageError::NotFound)?;
        let change = AnswerChange {
            item_key,
            value: view.value.as_ref(),
            note: view.note.as_deref(),
            expected_version,
            user_id,
        };
        self.save_school_answer(coordination, profile_id, change).await
    }

    async fn school_answer(&self, profile_id: i64, item_key: &str) -> Result<Option<SchoolAnswer>, StorageError> {
        let row = sqlx::query(&format!("{SCHOOL_ANSWER_SELECT} WHERE a.profile_id = $1 AND a.item_key = $2"))
            .bind(profile_id)
            .bind(item_key)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(school_answer).transpose()?)
    }

    /// The SWV's template version for a school year, if it made one.
    pub async fn template_variant(&self, swv: &str, year: SchoolYear) -> Result<Option<VariantRecord>, StorageError> {
        let row = sqlx::query(
            "SELECT variant_json, published_at FROM template_variants WHERE swv_code = $1 AND school_year = $2",
        )
        .bind(swv)
        .bind(year.to_string())
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let variant = serde_json::from_str(&row.try_get::<String, _>(0)?)
            .map_err(|e| StorageError::Database(sqlx::Error::Decode(Box::new(e))))?;
        Ok(Some(VariantRecord { variant, published_at: row.try_get(1)? }))
    }

    /// Stores the SWV's version (unpublished until `publish_template_variant`).
    pub async fn save_template_variant(
        &self,
        edit: &SwvEdit,
        year: SchoolYear,
        variant: &TemplateVariant,
        user_id: i64,
    ) -> Result<(), StorageError> {
        let at = now();
        sqlx::query(
            "INSERT INTO template_variants (swv_code, school_year, variant_json, updated_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT (swv_code, school_year)
             DO UPDATE SET variant_json = excluded.variant_json, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(edit.code())
        .bind(year.to_string())
        .bind(serde_json::to_string(variant).expect("variants serialise"))
        .bind(user_id)
        .bind(at)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    pub async fn publish_template_variant(&self, edit: &SwvEdit, year: SchoolYear) -> Result<(), StorageError> {
        let done =
            sqlx::query("UPDATE template_variants SET published_at = $1 WHERE swv_code = $2 AND school_year = $3")
                .bind(now())
                .bind(edit.code())
                .bind(year.to_string())
                .execute(&self.write)
                .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }
}

fn respondent_answer(row: &AnyRow) -> Result<Option<RespondentAnswer>, sqlx::Error> {
    let Some(value) = parse_value(row.try_get(2)?) else { return Ok(None) };
    Ok(Some(RespondentAnswer { item_key: row.try_get(0)?, respondent: row.try_get(1)?, value, note: row.try_get(3)? }))
}
