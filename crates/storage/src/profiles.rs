//! Profiles, their answers (each respondent's and the school's), and the SWVs'
//! template versions.

use passend_domain::access::{OrgView, ProfileCoordination, ProfileRespondent, ProfileView, SwvEdit};
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::OrgKind;
use passend_domain::questionnaire::{AnswerValue, SchoolYear, Template, TemplateVariant};
use serde::Serialize;
use sqlx::AnyConnection;

use crate::rows::{Column, Flag, convert};
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
    pub state: ProfileState,
    /// The board's date of adoption (YYYY-MM-DD).
    pub adopted_on: Option<String>,
    /// The school has responded to the MR's advice.
    pub advice_answered: bool,
}

/// Someone of a school's team.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TeamPerson {
    pub user_id: i64,
    pub email: String,
    pub name: String,
}

/// Where one profile of a school in an SWV is, for the SWV's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SwvProfileState {
    pub brin: String,
    pub profile_id: i64,
    pub location_code: String,
    pub location_name: String,
    pub state: ProfileState,
    /// Items with a school answer.
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
    /// The respondent's account.
    pub user_id: i64,
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

pub(crate) const PROFILE_STATE: Column = Column::new("profiles", "state");
const TEMPLATE_JSON: Column = Column::new("profiles", "template_json");
pub(crate) const SCHOOL_ANSWER_VALUE: Column = Column::new("school_answers", "value_json");
const RESPONDENT_ANSWER_VALUE: Column = Column::new("respondent_answers", "value_json");
const VARIANT_JSON: Column = Column::new("template_variants", "variant_json");

/// A profile's template as stored; generated profiles store none and use the
/// shipped default template (a copy per profile would cost gigabytes at national scale).
pub(crate) fn stored_template(json: &str) -> Result<Template, StorageError> {
    if json.is_empty() {
        return Ok(passend_domain::questionnaire::default_template().clone());
    }
    TEMPLATE_JSON.json(json)
}

fn value_json(value: Option<&AnswerValue>) -> Option<String> {
    value.map(|v| serde_json::to_string(v).expect("answers serialise"))
}

/// A school answer's item, value and note: the part of an answer that
/// carries over to next year and into the content hash.
#[derive(sqlx::FromRow)]
pub(crate) struct AnswerRow {
    pub item_key: String,
    value_json: Option<String>,
    pub note: Option<String>,
}

impl AnswerRow {
    /// `None` for an answer with only a note.
    pub(crate) fn value(&self) -> Result<Option<AnswerValue>, StorageError> {
        school_answer_value(self.value_json.as_deref())
    }
}

fn school_answer_value(json: Option<&str>) -> Result<Option<AnswerValue>, StorageError> {
    json.map(|json| SCHOOL_ANSWER_VALUE.json(json)).transpose()
}

#[derive(sqlx::FromRow)]
struct SchoolAnswerRow {
    item_key: String,
    value_json: Option<String>,
    note: Option<String>,
    version: i64,
    from_last_year: Flag,
    updated_by_name: Option<String>,
    updated_at: i64,
}

impl TryFrom<SchoolAnswerRow> for SchoolAnswer {
    type Error = StorageError;

    fn try_from(row: SchoolAnswerRow) -> Result<Self, StorageError> {
        Ok(SchoolAnswer {
            value: school_answer_value(row.value_json.as_deref())?,
            item_key: row.item_key,
            note: row.note,
            version: row.version,
            from_last_year: row.from_last_year.into(),
            updated_by: row.updated_by_name,
            updated_at: row.updated_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: i64,
    location_code: String,
    brin: String,
    school_year: String,
    template_json: String,
    open_for_team: Flag,
    state: String,
    adopted_on: Option<String>,
    content_hash: Option<String>,
    published_at: Option<i64>,
    generated: Flag,
}

impl TryFrom<ProfileRow> for ProfileRecord {
    type Error = StorageError;

    fn try_from(row: ProfileRow) -> Result<Self, StorageError> {
        Ok(ProfileRecord {
            template: stored_template(&row.template_json)?,
            state: PROFILE_STATE.parse(&row.state)?,
            id: row.id,
            location_code: row.location_code,
            brin: row.brin,
            school_year: row.school_year,
            open_for_team: row.open_for_team.into(),
            adopted_on: row.adopted_on,
            content_hash: row.content_hash,
            published_at: row.published_at,
            generated: row.generated.into(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    location_code: String,
    location_name: String,
    school_year: String,
    open_for_team: Flag,
    answered: i64,
    state: String,
    adopted_on: Option<String>,
    advice_answered: Flag,
}

impl TryFrom<SummaryRow> for ProfileSummary {
    type Error = StorageError;

    fn try_from(row: SummaryRow) -> Result<Self, StorageError> {
        Ok(ProfileSummary {
            state: PROFILE_STATE.parse(&row.state)?,
            id: row.id,
            location_code: row.location_code,
            location_name: row.location_name,
            school_year: row.school_year,
            open_for_team: row.open_for_team.into(),
            answered: row.answered,
            adopted_on: row.adopted_on,
            advice_answered: row.advice_answered.into(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct SwvProfileRow {
    brin: String,
    profile_id: i64,
    location_code: String,
    location_name: String,
    state: String,
    answered: i64,
}

impl TryFrom<SwvProfileRow> for SwvProfileState {
    type Error = StorageError;

    fn try_from(row: SwvProfileRow) -> Result<Self, StorageError> {
        Ok(SwvProfileState {
            state: PROFILE_STATE.parse(&row.state)?,
            brin: row.brin,
            profile_id: row.profile_id,
            location_code: row.location_code,
            location_name: row.location_name,
            answered: row.answered,
        })
    }
}

#[derive(sqlx::FromRow)]
struct RespondentAnswerRow {
    item_key: String,
    user_id: i64,
    respondent: String,
    value_json: String,
    note: Option<String>,
}

impl TryFrom<RespondentAnswerRow> for RespondentAnswer {
    type Error = StorageError;

    fn try_from(row: RespondentAnswerRow) -> Result<Self, StorageError> {
        Ok(RespondentAnswer {
            value: RESPONDENT_ANSWER_VALUE.json(&row.value_json)?,
            item_key: row.item_key,
            user_id: row.user_id,
            respondent: row.respondent,
            note: row.note,
        })
    }
}

#[derive(sqlx::FromRow)]
struct VariantRow {
    variant_json: String,
    published_at: Option<i64>,
}

impl TryFrom<VariantRow> for VariantRecord {
    type Error = StorageError;

    fn try_from(row: VariantRow) -> Result<Self, StorageError> {
        Ok(VariantRecord { variant: VARIANT_JSON.json(&row.variant_json)?, published_at: row.published_at })
    }
}

/// `NotFound` unless the profile exists and belongs to the school `brin`.
pub(crate) async fn ensure_school(conn: &mut AnyConnection, profile_id: i64, brin: &str) -> Result<(), StorageError> {
    let school: Option<String> = sqlx::query_scalar("SELECT brin FROM profiles WHERE id = $1")
        .bind(profile_id)
        .fetch_optional(&mut *conn)
        .await?;
    if school.as_deref() == Some(brin) { Ok(()) } else { Err(StorageError::NotFound) }
}

const RESPONDENT_ANSWER_SELECT: &str = "SELECT a.item_key, a.user_id, u.name AS respondent, a.value_json, a.note \
     FROM respondent_answers a JOIN profiles p ON p.id = a.profile_id JOIN users u ON u.id = a.user_id";

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
        let brin: Option<String> = sqlx::query_scalar("SELECT brin FROM locations WHERE code = $1")
            .bind(location_code)
            .fetch_optional(&mut *tx)
            .await?;
        if brin.as_deref() != Some(coordination.brin()) {
            return Err(StorageError::NotFound);
        }
        let at = now();
        let template_json = serde_json::to_string(template).expect("templates serialise");
        let id: i64 = sqlx::query_scalar(
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
        .ok_or(StorageError::Conflict)?;

        let previous = sqlx::query_as::<_, AnswerRow>(
            "SELECT a.item_key, a.value_json, a.note FROM school_answers a JOIN profiles p ON p.id = a.profile_id
             WHERE p.location_code = $1 AND p.school_year = $2",
        )
        .bind(location_code)
        .bind(year.previous().to_string())
        .fetch_all(&mut *tx)
        .await?;
        let mut rows: Vec<(String, Option<AnswerValue>, Option<String>, bool)> = Vec::new();
        for answer in previous {
            let value = answer.value()?;
            let fits = template.item(&answer.item_key).is_some_and(|item| value.as_ref().is_none_or(|v| v.fits(item)));
            if fits && !prefills.iter().any(|(key, _)| *key == answer.item_key) {
                rows.push((answer.item_key, value, answer.note, true));
            }
        }
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

    /// The school a profile belongs to: what access is decided on before
    /// anything of the profile is read.
    pub async fn school_of_profile(&self, id: i64) -> Result<Option<String>, StorageError> {
        Ok(sqlx::query_scalar("SELECT brin FROM profiles WHERE id = $1").bind(id).fetch_optional(&self.read).await?)
    }

    /// A profile of the viewed school, with the proof its children's queries take.
    pub async fn profile(&self, view: &OrgView, id: i64) -> Result<Option<(ProfileRecord, ProfileView)>, StorageError> {
        let Some(record) = self.profile_record(id).await?.filter(|p| p.brin == view.org().code) else {
            return Ok(None);
        };
        Ok(view.profile(record.id, &record.brin).map(|proof| (record, proof)))
    }

    /// A profile by id, for storage's own use where the caller's proof is of
    /// another kind (a public version, a test).
    pub(crate) async fn profile_record(&self, id: i64) -> Result<Option<ProfileRecord>, StorageError> {
        sqlx::query_as::<_, ProfileRow>(
            "SELECT id, location_code, brin, school_year, template_json, open_for_team, state, adopted_on, content_hash,
                    published_at, generated FROM profiles WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.read)
        .await?
        .map(ProfileRecord::try_from)
        .transpose()
    }

    pub async fn profiles_of_school(&self, view: &OrgView) -> Result<Vec<ProfileSummary>, StorageError> {
        let brin = school_of(view)?;
        let rows = sqlx::query_as::<_, SummaryRow>(
            "SELECT p.id, p.location_code, l.name AS location_name, p.school_year, p.open_for_team,
                    (SELECT COUNT(*) FROM school_answers a WHERE a.profile_id = p.id AND a.value_json IS NOT NULL) AS answered,
                    p.state, p.adopted_on,
                    (SELECT COUNT(*) FROM mr_advice m WHERE m.profile_id = p.id AND m.response IS NOT NULL) AS advice_answered
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE p.brin = $1 ORDER BY p.school_year DESC, p.location_code",
        )
        .bind(brin)
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// Each profile of the year of a location in the SWV, with its state and
    /// answers, by school and location. Locations without a profile are absent.
    pub async fn profile_states_in_swv(
        &self,
        view: &OrgView,
        year: SchoolYear,
    ) -> Result<Vec<SwvProfileState>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query_as::<_, SwvProfileRow>(
            "SELECT p.brin, p.id AS profile_id, p.location_code, l.name AS location_name, p.state,
                    (SELECT COUNT(*) FROM school_answers a WHERE a.profile_id = p.id AND a.value_json IS NOT NULL) AS answered
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1)
             ORDER BY p.brin, p.location_code",
        )
        .bind(&view.org().code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// Opens or closes the questionnaire for the team; `true` when that
    /// changed it (opening an open one changes nothing).
    pub async fn set_open_for_team(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        open: bool,
    ) -> Result<bool, StorageError> {
        let mut tx = self.write.begin().await?;
        crate::lifecycle::ensure_concept(&mut tx, profile_id, coordination.brin()).await?;
        let changed = sqlx::query(
            "UPDATE profiles SET open_for_team = $1, updated_at = $2 WHERE id = $3 AND open_for_team <> $1",
        )
        .bind(i64::from(open))
        .bind(now())
        .bind(profile_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed == 1)
    }

    /// The school's team as it answers the questionnaire (team members, IB-ers,
    /// directors), each person once.
    pub async fn team_of_school(&self, coordination: &ProfileCoordination) -> Result<Vec<TeamPerson>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT DISTINCT u.id AS user_id, u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_kind = 'school' AND m.org_code = $1 AND m.role IN ('team_member', 'ib', 'director')
             ORDER BY u.email",
        )
        .bind(coordination.brin())
        .fetch_all(&self.read)
        .await?)
    }

    /// The respondent's own answers.
    pub async fn my_answers(
        &self,
        respondent: &ProfileRespondent,
        profile_id: i64,
    ) -> Result<Vec<RespondentAnswer>, StorageError> {
        let rows = sqlx::query_as::<_, RespondentAnswerRow>(&format!(
            "{RESPONDENT_ANSWER_SELECT} WHERE a.profile_id = $1 AND p.brin = $2 AND a.user_id = $3"
        ))
        .bind(profile_id)
        .bind(respondent.brin())
        .bind(respondent.user_id())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
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
        let rows = sqlx::query_as::<_, RespondentAnswerRow>(&format!(
            "{RESPONDENT_ANSWER_SELECT} WHERE a.profile_id = $1 AND p.brin = $2 ORDER BY u.name, a.user_id"
        ))
        .bind(profile_id)
        .bind(coordination.brin())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// How many team members answered anything.
    pub async fn respondent_count(&self, profile: &ProfileView) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT COUNT(DISTINCT a.user_id) FROM respondent_answers a WHERE a.profile_id = $1")
            .bind(profile.id())
            .fetch_one(&self.read)
            .await?)
    }

    pub async fn school_answers(&self, profile: &ProfileView) -> Result<Vec<SchoolAnswer>, StorageError> {
        let rows = sqlx::query_as::<_, SchoolAnswerRow>(&format!("{SCHOOL_ANSWER_SELECT} WHERE a.profile_id = $1"))
            .bind(profile.id())
            .fetch_all(&self.read)
            .await?;
        convert(rows)
    }

    /// Saves the school's answer if it is still at `expected_version` (0: none
    /// yet). Otherwise nothing changes and the stored answer comes back.
    pub async fn save_school_answer(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        change: AnswerChange<'_>,
    ) -> Result<SaveOutcome, StorageError> {
        let mut outcomes = self.save_school_answers(coordination, profile_id, &[change]).await?;
        Ok(outcomes.remove(0))
    }

    /// Saves several of the school's answers (a section's form) in one
    /// transaction: the profile is checked to be a concept once, each answer
    /// is saved if it is still at its expected version, and each gets its own
    /// outcome — a conflict on one leaves the others saved.
    pub async fn save_school_answers(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        changes: &[AnswerChange<'_>],
    ) -> Result<Vec<SaveOutcome>, StorageError> {
        let mut tx = self.write.begin().await?;
        crate::lifecycle::ensure_concept(&mut tx, profile_id, coordination.brin()).await?;
        let mut outcomes = Vec::with_capacity(changes.len());
        let mut levels_changed = false;
        for change in changes {
            let (outcome, saved) = save_one(&mut tx, profile_id, change).await?;
            levels_changed |= saved && crate::offer_levels::concerns(change.item_key);
            outcomes.push(outcome);
        }
        if levels_changed {
            crate::offer_levels::refresh(&mut tx, profile_id).await?;
        }
        tx.commit().await?;
        Ok(outcomes)
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

    /// Confirms at once every answer of `item_keys` (one section's) that is
    /// still as it was copied from last year, and logs it in the audit log
    /// with the section and the count. An answer still marked as copied was
    /// changed by nobody, so no version is compared. Returns the confirmed
    /// items with their new versions.
    pub async fn confirm_section(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        section: &str,
        item_keys: &[&str],
        by: crate::lifecycle::StepBy<'_>,
    ) -> Result<Vec<(String, i64)>, StorageError> {
        let mut tx = self.write.begin().await?;
        crate::lifecycle::ensure_concept(&mut tx, profile_id, coordination.brin()).await?;
        let at = now();
        let mut confirmed = Vec::new();
        for key in item_keys {
            let version: Option<i64> = sqlx::query_scalar(
                "UPDATE school_answers SET from_last_year = 0, version = version + 1, updated_by = $1, updated_at = $2
                 WHERE profile_id = $3 AND item_key = $4 AND from_last_year = 1 RETURNING version",
            )
            .bind(by.user_id)
            .bind(at)
            .bind(profile_id)
            .bind(*key)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(version) = version {
                confirmed.push(((*key).to_owned(), version));
            }
        }
        if !confirmed.is_empty() {
            let detail = format!("{section}:{}", confirmed.len());
            let concept = (ProfileState::Concept, ProfileState::Concept);
            crate::lifecycle::log_line(
                &mut tx,
                profile_id,
                crate::lifecycle::CONFIRM_SECTION,
                concept,
                Some(&detail),
                by,
                at,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(confirmed)
    }

    async fn school_answer(&self, profile_id: i64, item_key: &str) -> Result<Option<SchoolAnswer>, StorageError> {
        sqlx::query_as::<_, SchoolAnswerRow>(&format!(
            "{SCHOOL_ANSWER_SELECT} WHERE a.profile_id = $1 AND a.item_key = $2"
        ))
        .bind(profile_id)
        .bind(item_key)
        .fetch_optional(&self.read)
        .await?
        .map(SchoolAnswer::try_from)
        .transpose()
    }

    /// The SWV's template version for a school year, if it made one.
    pub async fn template_variant(&self, swv: &str, year: SchoolYear) -> Result<Option<VariantRecord>, StorageError> {
        sqlx::query_as::<_, VariantRow>(
            "SELECT variant_json, published_at FROM template_variants WHERE swv_code = $1 AND school_year = $2",
        )
        .bind(swv)
        .bind(year.to_string())
        .fetch_optional(&self.read)
        .await?
        .map(VariantRecord::try_from)
        .transpose()
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

/// Saves one of the school's answers inside the caller's transaction; the
/// outcome, and whether it was written.
async fn save_one(
    conn: &mut AnyConnection,
    profile_id: i64,
    change: &AnswerChange<'_>,
) -> Result<(SaveOutcome, bool), StorageError> {
    let AnswerChange { item_key, value, note, expected_version, user_id } = *change;
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
            .execute(&mut *conn)
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
        .execute(&mut *conn)
        .await?
        .rows_affected()
            == 1
    };
    let current = sqlx::query_as::<_, SchoolAnswerRow>(&format!(
        "{SCHOOL_ANSWER_SELECT} WHERE a.profile_id = $1 AND a.item_key = $2"
    ))
    .bind(profile_id)
    .bind(item_key)
    .fetch_one(&mut *conn)
    .await?;
    let current = SchoolAnswer::try_from(current)?;
    let outcome =
        if saved { SaveOutcome::Saved { version: current.version } } else { SaveOutcome::Conflict(Box::new(current)) };
    Ok((outcome, saved))
}
