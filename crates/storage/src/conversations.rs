//! The SWV's yearly conversations with its schools: guides, fund rates, pupil
//! counts, conversations with their answers and agreements, and the report
//! kept when both sides confirmed.
//!
//! Reads and writes of one conversation take a
//! [`ConversationAccess`] and filter on the SWV *and* school it names, so the
//! proof for one school cannot reach another's conversation. Writes lock the
//! conversation's row (`UPDATE … SET updated_at = updated_at`, a row lock on
//! PostgreSQL and the write lock on SQLite) and refuse once the report is
//! fixed, so a confirmation cannot slip in between check and write.

use std::collections::HashMap;

use passend_domain::access::{ConversationAccess, ConversationPlanning, SwvEdit};
use passend_domain::conversations::{AgreementStatus, AnswerPhase, AnswerValue, FundRates, Guide};
use passend_domain::questionnaire::SchoolYear;
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

use crate::rows::{Column, Flag, Named};
use crate::{Database, StorageError, now};

const GUIDE_JSON: Column = Column::new("conversation_guides", "guide_json");
const ATTENDEES_JSON: Column = Column::new("conversations", "attendees_json");
const ANSWER_JSON: Column = Column::new("conversation_answers", "value_json");
const ANSWER_PHASE: Column = Column::new("conversation_answers", "phase");
const AGREEMENT_STATUS: Column = Column::new("conversation_agreements", "status");

impl Named for AnswerPhase {
    const WHAT: &'static str = "conversation answer phase";
    fn from_name(name: &str) -> Option<Self> {
        AnswerPhase::parse(name)
    }
}

impl Named for AgreementStatus {
    const WHAT: &'static str = "agreement status";
    fn from_name(name: &str) -> Option<Self> {
        AgreementStatus::parse(name)
    }
}

/// One version of an SWV's guide for a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredGuide {
    pub id: i64,
    pub version: i64,
    pub guide: Guide,
    pub published: bool,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct GuideRow {
    id: i64,
    version: i64,
    guide_json: String,
    published_at: Option<i64>,
    updated_at: i64,
}

impl TryFrom<GuideRow> for StoredGuide {
    type Error = StorageError;
    fn try_from(row: GuideRow) -> Result<Self, StorageError> {
        Ok(StoredGuide {
            id: row.id,
            version: row.version,
            guide: GUIDE_JSON.json(&row.guide_json)?,
            published: row.published_at.is_some(),
            updated_at: row.updated_at,
        })
    }
}

/// A person at the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    pub role: String,
    /// `swv` or `school`
    pub side: String,
    pub email: Option<String>,
}

/// What the SWV plans.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub starts_at: i64,
    pub minutes: i64,
    pub place: String,
    pub video_link: Option<String>,
    pub attendees: Vec<Attendee>,
    pub consultant: String,
}

/// A conversation's record without its answers and agreements.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversation {
    pub id: i64,
    pub swv_code: String,
    pub school_year: String,
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub school_name: String,
    pub guide_id: Option<i64>,
    pub starts_at: i64,
    pub minutes: i64,
    pub place: String,
    pub video_link: Option<String>,
    pub attendees: Vec<Attendee>,
    pub consultant: String,
    pub report_author: String,
    pub held_at: Option<i64>,
    pub swv_confirmed: Option<(String, i64)>,
    pub school_confirmed: Option<(String, i64)>,
    pub report_json: Option<String>,
    pub report_hash: Option<String>,
    pub annexed: bool,
    pub version: i64,
    /// Answers the school prepared.
    pub prepared_answers: i64,
}

impl Conversation {
    pub fn is_fixed(&self) -> bool {
        self.report_hash.is_some()
    }
}

const CONVERSATION_SELECT: &str = "SELECT c.id, c.swv_code, c.school_year, c.location_code, l.name AS location_name,
    c.brin, s.name AS school_name, c.guide_id, c.starts_at, c.minutes, c.place, c.video_link, c.attendees_json,
    c.consultant, c.report_author, c.held_at, c.swv_confirmed_name, c.swv_confirmed_at, c.school_confirmed_name,
    c.school_confirmed_at, c.report_json, c.report_hash, c.annexed, c.version,
    (SELECT COUNT(*) FROM conversation_answers a WHERE a.conversation_id = c.id AND a.phase = 'preparation') AS prepared_answers
    FROM conversations c JOIN locations l ON l.code = c.location_code JOIN schools s ON s.brin = c.brin";

#[derive(sqlx::FromRow)]
struct ConversationRow {
    id: i64,
    swv_code: String,
    school_year: String,
    location_code: String,
    location_name: String,
    brin: String,
    school_name: String,
    guide_id: Option<i64>,
    starts_at: i64,
    minutes: i64,
    place: String,
    video_link: Option<String>,
    attendees_json: String,
    consultant: String,
    report_author: String,
    held_at: Option<i64>,
    swv_confirmed_name: Option<String>,
    swv_confirmed_at: Option<i64>,
    school_confirmed_name: Option<String>,
    school_confirmed_at: Option<i64>,
    report_json: Option<String>,
    report_hash: Option<String>,
    annexed: Flag,
    version: i64,
    prepared_answers: i64,
}

impl TryFrom<ConversationRow> for Conversation {
    type Error = StorageError;
    fn try_from(row: ConversationRow) -> Result<Self, StorageError> {
        Ok(Conversation {
            attendees: ATTENDEES_JSON.json(&row.attendees_json)?,
            id: row.id,
            swv_code: row.swv_code,
            school_year: row.school_year,
            location_code: row.location_code,
            location_name: row.location_name,
            brin: row.brin,
            school_name: row.school_name,
            guide_id: row.guide_id,
            starts_at: row.starts_at,
            minutes: row.minutes,
            place: row.place,
            video_link: row.video_link,
            consultant: row.consultant,
            report_author: row.report_author,
            held_at: row.held_at,
            swv_confirmed: row.swv_confirmed_name.zip(row.swv_confirmed_at),
            school_confirmed: row.school_confirmed_name.zip(row.school_confirmed_at),
            report_json: row.report_json,
            report_hash: row.report_hash,
            annexed: row.annexed.into(),
            version: row.version,
            prepared_answers: row.prepared_answers,
        })
    }
}

/// One stored answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredAnswer {
    pub key: String,
    pub phase: AnswerPhase,
    pub value: AnswerValue,
    pub version: i64,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    question_key: String,
    phase: String,
    value_json: String,
    version: i64,
    updated_at: i64,
}

impl TryFrom<AnswerRow> for StoredAnswer {
    type Error = StorageError;
    fn try_from(row: AnswerRow) -> Result<Self, StorageError> {
        Ok(StoredAnswer {
            key: row.question_key,
            phase: ANSWER_PHASE.parse(&row.phase)?,
            value: ANSWER_JSON.json(&row.value_json)?,
            version: row.version,
            updated_at: row.updated_at,
        })
    }
}

/// What became of a save.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerSave {
    /// Saved (or cleared) at this version.
    Saved { version: i64 },
    /// Someone else saved first: what is stored now (`None`: cleared).
    Conflict { current: Option<StoredAnswer>, version: i64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub id: i64,
    pub conversation_id: i64,
    pub what: String,
    pub who: String,
    /// `YYYY-MM-DD`
    pub due_on: Option<String>,
    pub goal_key: Option<String>,
    pub status: AgreementStatus,
    pub status_note: Option<String>,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct AgreementRow {
    id: i64,
    conversation_id: i64,
    what: String,
    who: String,
    due_on: Option<String>,
    goal_key: Option<String>,
    status: String,
    status_note: Option<String>,
    version: i64,
}

impl TryFrom<AgreementRow> for Agreement {
    type Error = StorageError;
    fn try_from(row: AgreementRow) -> Result<Self, StorageError> {
        Ok(Agreement {
            status: AGREEMENT_STATUS.parse(&row.status)?,
            id: row.id,
            conversation_id: row.conversation_id,
            what: row.what,
            who: row.who,
            due_on: row.due_on,
            goal_key: row.goal_key,
            status_note: row.status_note,
            version: row.version,
        })
    }
}

const AGREEMENT_SELECT: &str = "SELECT g.id, g.conversation_id, g.what, g.who, g.due_on, g.goal_key, g.status,
    g.status_note, g.version FROM conversation_agreements g";

/// An agreement as it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementInput {
    pub what: String,
    pub who: String,
    pub due_on: Option<String>,
    pub goal_key: Option<String>,
}

/// An agreement with its conversation's school, for the SWV's follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwvAgreement {
    pub agreement: Agreement,
    pub school_year: String,
    pub location_code: String,
}

/// An answer with its conversation, for the SWV's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwvFigure {
    pub school_year: String,
    pub location_code: String,
    pub key: String,
    pub count: i64,
}

/// A location of the SWV with its pupil counts.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct SwvLocation {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub municipality: Option<String>,
    pub kern: Option<String>,
    /// DUO's count.
    pub duo_pupils: Option<i64>,
    /// The SWV's own count for the year's reference date.
    pub swv_pupils: Option<i64>,
}

/// Where one conversation stands (for the SWV's follow-up).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConversationStanding {
    pub id: i64,
    pub location_code: String,
    pub school_year: String,
    pub held_at: Option<i64>,
    /// 1 when both sides confirmed and the report is fixed.
    pub fixed: i64,
    pub prepared_answers: i64,
}

/// Who a conversation is between, read to decide access before anything else.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Parties {
    pub swv_code: String,
    pub brin: String,
    pub school_year: String,
    pub location_code: String,
    annexed: Flag,
}

impl Parties {
    pub fn annexed(&self) -> bool {
        self.annexed.into()
    }
}

async fn lock_open(conn: &mut AnyConnection, access: &ConversationAccess, id: i64) -> Result<(), StorageError> {
    let locked = sqlx::query(
        "UPDATE conversations SET updated_at = updated_at
         WHERE id = $1 AND swv_code = $2 AND brin = $3 AND report_hash IS NULL",
    )
    .bind(id)
    .bind(access.swv())
    .bind(access.brin())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if locked == 1 {
        return Ok(());
    }
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM conversations WHERE id = $1 AND swv_code = $2 AND brin = $3")
            .bind(id)
            .bind(access.swv())
            .bind(access.brin())
            .fetch_optional(&mut *conn)
            .await?;
    // A fixed report is a conflict, not a missing one.
    Err(if exists.is_some() { StorageError::Conflict } else { StorageError::NotFound })
}

async fn touch(conn: &mut AnyConnection, id: i64) -> Result<(), StorageError> {
    sqlx::query("UPDATE conversations SET updated_at = $1 WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Database {
    // ---- guides ----

    /// The newest version of the SWV's guide for the year (published or not).
    pub async fn latest_guide(&self, swv: &str, year: SchoolYear) -> Result<Option<StoredGuide>, StorageError> {
        let row = sqlx::query_as::<_, GuideRow>(
            "SELECT id, version, guide_json, published_at, updated_at FROM conversation_guides
             WHERE swv_code = $1 AND school_year = $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(swv)
        .bind(year.to_string())
        .fetch_optional(&self.read)
        .await?;
        row.map(StoredGuide::try_from).transpose()
    }

    /// The newest published version of the SWV's guide for the year.
    pub async fn published_guide(&self, swv: &str, year: SchoolYear) -> Result<Option<StoredGuide>, StorageError> {
        let row = sqlx::query_as::<_, GuideRow>(
            "SELECT id, version, guide_json, published_at, updated_at FROM conversation_guides
             WHERE swv_code = $1 AND school_year = $2 AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1",
        )
        .bind(swv)
        .bind(year.to_string())
        .fetch_optional(&self.read)
        .await?;
        row.map(StoredGuide::try_from).transpose()
    }

    /// A guide version by id (a conversation's own).
    pub async fn guide_by_id(&self, access: &ConversationAccess, id: i64) -> Result<StoredGuide, StorageError> {
        let row = sqlx::query_as::<_, GuideRow>(
            "SELECT id, version, guide_json, published_at, updated_at FROM conversation_guides WHERE id = $1 AND swv_code = $2",
        )
        .bind(id)
        .bind(access.swv())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StorageError::NotFound)?;
        StoredGuide::try_from(row)
    }

    /// Saves the guide for the year: over the newest version while it is a
    /// draft, as the next version once that one is published (a published
    /// guide never changes). With `publish` the saved version is published.
    pub async fn save_guide(
        &self,
        edit: &SwvEdit,
        year: SchoolYear,
        guide: &Guide,
        publish: bool,
        user_id: i64,
    ) -> Result<StoredGuide, StorageError> {
        let mut tx = self.write.begin().await?;
        let at = now();
        let json =
            serde_json::to_string(guide).map_err(|e| StorageError::Database(sqlx::Error::Encode(Box::new(e))))?;
        let latest: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, version, published_at FROM conversation_guides
             WHERE swv_code = $1 AND school_year = $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(edit.code())
        .bind(year.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let published_at = publish.then_some(at);
        let id = match latest {
            Some((id, _, None)) => {
                sqlx::query(
                    "UPDATE conversation_guides SET guide_json = $1, published_at = $2, updated_by = $3, updated_at = $4
                     WHERE id = $5",
                )
                .bind(&json)
                .bind(published_at)
                .bind(user_id)
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            other => {
                let version = other.map_or(1, |(_, v, _)| v + 1);
                sqlx::query_scalar(
                    "INSERT INTO conversation_guides (swv_code, school_year, version, guide_json, published_at, updated_by, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(edit.code())
                .bind(year.to_string())
                .bind(version)
                .bind(&json)
                .bind(published_at)
                .bind(user_id)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        let row = sqlx::query_as::<_, GuideRow>(
            "SELECT id, version, guide_json, published_at, updated_at FROM conversation_guides WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        StoredGuide::try_from(row)
    }

    // ---- funds ----

    pub async fn fund_rates(&self, swv: &str, year: SchoolYear) -> Result<Option<FundRates>, StorageError> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT basic_cents, extra_cents FROM conversation_fund_rates WHERE swv_code = $1 AND school_year = $2",
        )
        .bind(swv)
        .bind(year.to_string())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.map(|(basic_cents, extra_cents)| FundRates { basic_cents, extra_cents }))
    }

    /// Sets the year's amounts and the SWV's own pupil counts (`None` removes
    /// one: DUO's count holds again). Counts for locations outside the SWV are ignored.
    pub async fn save_funds(
        &self,
        edit: &SwvEdit,
        year: SchoolYear,
        rates: FundRates,
        counts: &[(String, Option<i64>)],
        user_id: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        let year = year.to_string();
        sqlx::query(
            "INSERT INTO conversation_fund_rates (swv_code, school_year, basic_cents, extra_cents, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (swv_code, school_year) DO UPDATE SET basic_cents = excluded.basic_cents,
                extra_cents = excluded.extra_cents, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(edit.code())
        .bind(&year)
        .bind(rates.basic_cents)
        .bind(rates.extra_cents)
        .bind(user_id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        for (location, pupils) in counts {
            sqlx::query(
                "DELETE FROM conversation_pupil_counts WHERE swv_code = $1 AND school_year = $2 AND location_code = $3",
            )
            .bind(edit.code())
            .bind(&year)
            .bind(location)
            .execute(&mut *tx)
            .await?;
            if let Some(pupils) = pupils {
                sqlx::query(
                    "INSERT INTO conversation_pupil_counts (swv_code, school_year, location_code, pupils)
                     SELECT $1, $2, code, $4 FROM locations WHERE code = $3 AND (swv_po = $1 OR swv_vo = $1)",
                )
                .bind(edit.code())
                .bind(&year)
                .bind(location)
                .bind(*pupils)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The SWV's locations with their pupil counts (DUO's and the SWV's own for the year) and kern.
    pub async fn swv_locations(&self, swv: &str, year: SchoolYear) -> Result<Vec<SwvLocation>, StorageError> {
        Ok(sqlx::query_as::<_, SwvLocation>(
            "SELECT l.code, l.name, l.brin, l.municipality, k.name AS kern, l.pupils AS duo_pupils, pc.pupils AS swv_pupils
             FROM locations l
             LEFT JOIN conversation_pupil_counts pc ON pc.location_code = l.code AND pc.swv_code = $1 AND pc.school_year = $2
             LEFT JOIN swv_kern_locations kl ON kl.location_code = l.code AND kl.swv_code = $1
             LEFT JOIN swv_kernen k ON k.id = kl.kern_id
             WHERE l.swv_po = $1 OR l.swv_vo = $1 ORDER BY l.name, l.code",
        )
        .bind(swv)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?)
    }

    // ---- conversations ----

    /// Plans a conversation; `Conflict` when the location has one for the year.
    #[allow(clippy::too_many_arguments)]
    pub async fn plan_conversation(
        &self,
        planning: &ConversationPlanning,
        year: SchoolYear,
        location_code: &str,
        guide_id: Option<i64>,
        plan: &Plan,
        user_id: i64,
    ) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let brin: Option<String> =
            sqlx::query_scalar("SELECT brin FROM locations WHERE code = $1 AND (swv_po = $2 OR swv_vo = $2)")
                .bind(location_code)
                .bind(planning.swv())
                .fetch_optional(&mut *tx)
                .await?;
        let brin = brin.ok_or(StorageError::NotFound)?;
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM conversations WHERE swv_code = $1 AND school_year = $2 AND location_code = $3",
        )
        .bind(planning.swv())
        .bind(year.to_string())
        .bind(location_code)
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Err(StorageError::Conflict);
        }
        let at = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO conversations (swv_code, school_year, location_code, brin, guide_id, starts_at, minutes, place,
                video_link, attendees_json, consultant, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
        )
        .bind(planning.swv())
        .bind(year.to_string())
        .bind(location_code)
        .bind(&brin)
        .bind(guide_id)
        .bind(plan.starts_at)
        .bind(plan.minutes)
        .bind(&plan.place)
        .bind(plan.video_link.as_deref())
        .bind(serde_json::to_string(&plan.attendees).unwrap_or_else(|_| "[]".into()))
        .bind(&plan.consultant)
        .bind(user_id)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes the plan (date, place, who attends) of an open conversation.
    pub async fn replan_conversation(
        &self,
        access: &ConversationAccess,
        id: i64,
        plan: &Plan,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        sqlx::query(
            "UPDATE conversations SET starts_at = $1, minutes = $2, place = $3, video_link = $4, attendees_json = $5,
                consultant = $6, version = version + 1, updated_at = $7 WHERE id = $8",
        )
        .bind(plan.starts_at)
        .bind(plan.minutes)
        .bind(&plan.place)
        .bind(plan.video_link.as_deref())
        .bind(serde_json::to_string(&plan.attendees).unwrap_or_else(|_| "[]".into()))
        .bind(&plan.consultant)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Who the conversation is between; read before access is decided, and
    /// telling nothing beyond the codes.
    pub async fn conversation_parties(&self, id: i64) -> Result<Option<Parties>, StorageError> {
        Ok(sqlx::query_as::<_, Parties>(
            "SELECT swv_code, brin, school_year, location_code, annexed FROM conversations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.read)
        .await?)
    }

    pub async fn conversation(&self, access: &ConversationAccess, id: i64) -> Result<Conversation, StorageError> {
        let row = sqlx::query_as::<_, ConversationRow>(&format!(
            "{CONVERSATION_SELECT} WHERE c.id = $1 AND c.swv_code = $2 AND c.brin = $3"
        ))
        .bind(id)
        .bind(access.swv())
        .bind(access.brin())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StorageError::NotFound)?;
        Conversation::try_from(row)
    }

    /// The conversation of a location in a year with the same SWV (last year's, for the follow-up).
    pub async fn conversation_of_year(
        &self,
        access: &ConversationAccess,
        location_code: &str,
        year: SchoolYear,
    ) -> Result<Option<Conversation>, StorageError> {
        let row = sqlx::query_as::<_, ConversationRow>(&format!(
            "{CONVERSATION_SELECT} WHERE c.swv_code = $1 AND c.brin = $2 AND c.location_code = $3 AND c.school_year = $4"
        ))
        .bind(access.swv())
        .bind(access.brin())
        .bind(location_code)
        .bind(year.to_string())
        .fetch_optional(&self.read)
        .await?;
        row.map(Conversation::try_from).transpose()
    }

    /// Who each of a school's conversations is between (every SWV, every
    /// year, newest first); access to each is decided from these.
    pub async fn school_conversation_parties(&self, brin: &str) -> Result<Vec<(i64, Parties)>, StorageError> {
        let ids: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM conversations WHERE brin = $1 ORDER BY school_year DESC, starts_at DESC")
                .bind(brin)
                .fetch_all(&self.read)
                .await?;
        let mut parties = Vec::with_capacity(ids.len());
        for (id,) in ids {
            if let Some(p) = self.conversation_parties(id).await? {
                parties.push((id, p));
            }
        }
        Ok(parties)
    }

    /// The school's conversations (every SWV, every year), for the profile's annexes.
    pub async fn annexed_reports(
        &self,
        brin: &str,
        location_code: &str,
    ) -> Result<Vec<(i64, String, String)>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT id, school_year, swv_code FROM conversations
             WHERE brin = $1 AND location_code = $2 AND annexed = 1 AND report_hash IS NOT NULL ORDER BY school_year",
        )
        .bind(brin)
        .bind(location_code)
        .fetch_all(&self.read)
        .await?)
    }

    /// Every conversation of the SWV, of one year or of all.
    pub async fn swv_conversations(
        &self,
        planning: &ConversationPlanning,
        year: Option<SchoolYear>,
    ) -> Result<Vec<Conversation>, StorageError> {
        let rows = sqlx::query_as::<_, ConversationRow>(&format!(
            "{CONVERSATION_SELECT} WHERE c.swv_code = $1 AND ($2 = '' OR c.school_year = $2) ORDER BY c.starts_at, c.id"
        ))
        .bind(planning.swv())
        .bind(year.map(|y| y.to_string()).unwrap_or_default())
        .fetch_all(&self.read)
        .await?;
        rows.into_iter().map(Conversation::try_from).collect()
    }

    /// Where each of the SWV's conversations (every year) stands, without
    /// their content: what the follow-up over the years needs, read in one
    /// light query.
    pub async fn swv_conversation_states(
        &self,
        planning: &ConversationPlanning,
    ) -> Result<Vec<ConversationStanding>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.location_code, c.school_year, c.held_at,
                    CAST(CASE WHEN c.report_hash IS NULL THEN 0 ELSE 1 END AS BIGINT) AS fixed,
                    (SELECT COUNT(*) FROM conversation_answers a
                      WHERE a.conversation_id = c.id AND a.phase = 'preparation') AS prepared_answers
             FROM conversations c WHERE c.swv_code = $1 ORDER BY c.id",
        )
        .bind(planning.swv())
        .fetch_all(&self.read)
        .await?)
    }

    /// Every agreement of the SWV's conversations, with year and location.
    pub async fn swv_agreements(&self, planning: &ConversationPlanning) -> Result<Vec<SwvAgreement>, StorageError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            agreement: AgreementRow,
            school_year: String,
            location_code: String,
        }
        let rows = sqlx::query_as::<_, Row>(&format!(
            "{AGREEMENT_SELECT_WITH} WHERE c.swv_code = $1 ORDER BY c.school_year, g.id",
            AGREEMENT_SELECT_WITH = "SELECT g.id, g.conversation_id, g.what, g.who, g.due_on, g.goal_key, g.status,
                g.status_note, g.version, c.school_year, c.location_code
                FROM conversation_agreements g JOIN conversations c ON c.id = g.conversation_id"
        ))
        .bind(planning.swv())
        .fetch_all(&self.read)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(SwvAgreement {
                    agreement: Agreement::try_from(r.agreement)?,
                    school_year: r.school_year,
                    location_code: r.location_code,
                })
            })
            .collect()
    }

    /// Every key figure the SWV's conversations recorded (the conversation's
    /// answer; the school's preparation where the conversation recorded none).
    pub async fn swv_figures(&self, planning: &ConversationPlanning) -> Result<Vec<SwvFigure>, StorageError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            school_year: String,
            location_code: String,
            question_key: String,
            phase: String,
            value_json: String,
        }
        let rows = sqlx::query_as::<_, Row>(
            "SELECT c.school_year, c.location_code, a.question_key, a.phase, a.value_json
             FROM conversation_answers a JOIN conversations c ON c.id = a.conversation_id
             WHERE c.swv_code = $1 AND a.value_json LIKE '%\"figure\"%'",
        )
        .bind(planning.swv())
        .fetch_all(&self.read)
        .await?;
        let mut chosen: HashMap<(String, String, String), (bool, i64)> = HashMap::new();
        for row in rows {
            let value: AnswerValue = ANSWER_JSON.json(&row.value_json)?;
            let Some(count) = value.figure() else { continue };
            let recorded = row.phase == AnswerPhase::Conversation.as_str();
            let entry =
                chosen.entry((row.school_year, row.location_code, row.question_key)).or_insert((recorded, count));
            if recorded && !entry.0 {
                *entry = (true, count);
            }
        }
        let mut out: Vec<SwvFigure> = chosen
            .into_iter()
            .map(|((school_year, location_code, key), (_, count))| SwvFigure { school_year, location_code, key, count })
            .collect();
        out.sort_by(|a, b| (&a.school_year, &a.location_code, &a.key).cmp(&(&b.school_year, &b.location_code, &b.key)));
        Ok(out)
    }

    // ---- answers ----

    pub async fn conversation_answers(
        &self,
        access: &ConversationAccess,
        id: i64,
    ) -> Result<Vec<StoredAnswer>, StorageError> {
        let rows = sqlx::query_as::<_, AnswerRow>(
            "SELECT a.question_key, a.phase, a.value_json, a.version, a.updated_at FROM conversation_answers a
             JOIN conversations c ON c.id = a.conversation_id
             WHERE a.conversation_id = $1 AND c.swv_code = $2 AND c.brin = $3 ORDER BY a.question_key, a.phase",
        )
        .bind(id)
        .bind(access.swv())
        .bind(access.brin())
        .fetch_all(&self.read)
        .await?;
        rows.into_iter().map(StoredAnswer::try_from).collect()
    }

    /// Saves one answer at the version the writer saw (0: none yet). A
    /// cleared answer keeps its row with a `null` value so that versions keep counting.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_conversation_answer(
        &self,
        access: &ConversationAccess,
        id: i64,
        key: &str,
        phase: AnswerPhase,
        value: Option<&AnswerValue>,
        expected_version: i64,
        user_id: i64,
    ) -> Result<AnswerSave, StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let json = serde_json::to_string(&value).unwrap_or_else(|_| "null".into());
        let at = now();
        let saved = if expected_version == 0 {
            sqlx::query(
                "INSERT INTO conversation_answers (conversation_id, question_key, phase, value_json, version, updated_by, updated_at)
                 VALUES ($1, $2, $3, $4, 1, $5, $6) ON CONFLICT (conversation_id, question_key, phase) DO NOTHING",
            )
            .bind(id)
            .bind(key)
            .bind(phase.as_str())
            .bind(&json)
            .bind(user_id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1
        } else {
            sqlx::query(
                "UPDATE conversation_answers SET value_json = $1, version = version + 1, updated_by = $2, updated_at = $3
                 WHERE conversation_id = $4 AND question_key = $5 AND phase = $6 AND version = $7",
            )
            .bind(&json)
            .bind(user_id)
            .bind(at)
            .bind(id)
            .bind(key)
            .bind(phase.as_str())
            .bind(expected_version)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1
        };
        let current: Option<(String, i64, i64)> = sqlx::query_as(
            "SELECT value_json, version, updated_at FROM conversation_answers
             WHERE conversation_id = $1 AND question_key = $2 AND phase = $3",
        )
        .bind(id)
        .bind(key)
        .bind(phase.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        if saved {
            touch(&mut tx, id).await?;
        }
        tx.commit().await?;
        let (stored_json, version, updated_at) = current.unwrap_or(("null".into(), 0, at));
        if saved {
            return Ok(AnswerSave::Saved { version });
        }
        let value: Option<AnswerValue> = ANSWER_JSON.json(&stored_json)?;
        Ok(AnswerSave::Conflict {
            current: value.map(|value| StoredAnswer { key: key.to_owned(), phase, value, version, updated_at }),
            version,
        })
    }

    // ---- agreements ----

    pub async fn agreements(&self, access: &ConversationAccess, id: i64) -> Result<Vec<Agreement>, StorageError> {
        let rows = sqlx::query_as::<_, AgreementRow>(&format!(
            "{AGREEMENT_SELECT} JOIN conversations c ON c.id = g.conversation_id
             WHERE g.conversation_id = $1 AND c.swv_code = $2 AND c.brin = $3 ORDER BY g.id"
        ))
        .bind(id)
        .bind(access.swv())
        .bind(access.brin())
        .fetch_all(&self.read)
        .await?;
        rows.into_iter().map(Agreement::try_from).collect()
    }

    pub async fn add_agreement(
        &self,
        access: &ConversationAccess,
        id: i64,
        input: &AgreementInput,
    ) -> Result<Agreement, StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let at = now();
        let new_id: i64 = sqlx::query_scalar(
            "INSERT INTO conversation_agreements (conversation_id, what, who, due_on, goal_key, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(id)
        .bind(&input.what)
        .bind(&input.who)
        .bind(input.due_on.as_deref())
        .bind(input.goal_key.as_deref())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        touch(&mut tx, id).await?;
        let row = sqlx::query_as::<_, AgreementRow>(&format!("{AGREEMENT_SELECT} WHERE g.id = $1"))
            .bind(new_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Agreement::try_from(row)
    }

    /// Rewrites an agreement at the version the writer saw; `Ok(None)` when someone changed it first.
    pub async fn update_agreement(
        &self,
        access: &ConversationAccess,
        id: i64,
        agreement_id: i64,
        input: &AgreementInput,
        expected_version: i64,
    ) -> Result<Result<Agreement, Agreement>, StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let changed = sqlx::query(
            "UPDATE conversation_agreements SET what = $1, who = $2, due_on = $3, goal_key = $4, version = version + 1,
                updated_at = $5 WHERE id = $6 AND conversation_id = $7 AND version = $8",
        )
        .bind(&input.what)
        .bind(&input.who)
        .bind(input.due_on.as_deref())
        .bind(input.goal_key.as_deref())
        .bind(now())
        .bind(agreement_id)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query_as::<_, AgreementRow>(&format!(
            "{AGREEMENT_SELECT} WHERE g.id = $1 AND g.conversation_id = $2"
        ))
        .bind(agreement_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        tx.commit().await?;
        let agreement = Agreement::try_from(row)?;
        Ok(if changed { Ok(agreement) } else { Err(agreement) })
    }

    pub async fn delete_agreement(
        &self,
        access: &ConversationAccess,
        id: i64,
        agreement_id: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let gone = sqlx::query("DELETE FROM conversation_agreements WHERE id = $1 AND conversation_id = $2")
            .bind(agreement_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 0 {
            return Err(StorageError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets the follow-up status of last year's agreement from this year's
    /// (open) conversation `id`: the agreement must be of the same SWV, school and location.
    pub async fn set_agreement_status(
        &self,
        access: &ConversationAccess,
        id: i64,
        agreement_id: i64,
        status: AgreementStatus,
        note: Option<&str>,
        expected_version: i64,
    ) -> Result<Result<Agreement, Agreement>, StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let belongs: Option<i64> = sqlx::query_scalar(
            "SELECT g.id FROM conversation_agreements g JOIN conversations old ON old.id = g.conversation_id
             JOIN conversations c ON c.id = $2
             WHERE g.id = $1 AND old.swv_code = c.swv_code AND old.brin = c.brin AND old.location_code = c.location_code
               AND old.school_year < c.school_year",
        )
        .bind(agreement_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        belongs.ok_or(StorageError::NotFound)?;
        let changed = sqlx::query(
            "UPDATE conversation_agreements SET status = $1, status_note = $2, version = version + 1, updated_at = $3
             WHERE id = $4 AND version = $5",
        )
        .bind(status.as_str())
        .bind(note)
        .bind(now())
        .bind(agreement_id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if changed {
            touch(&mut tx, id).await?;
        }
        let row = sqlx::query_as::<_, AgreementRow>(&format!("{AGREEMENT_SELECT} WHERE g.id = $1"))
            .bind(agreement_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        let agreement = Agreement::try_from(row)?;
        Ok(if changed { Ok(agreement) } else { Err(agreement) })
    }

    // ---- holding, report, confirmation ----

    /// Marks the conversation held (idempotent) and sets who writes the
    /// report and whether it becomes an annex of the profile.
    pub async fn set_conversation_details(
        &self,
        access: &ConversationAccess,
        id: i64,
        held: Option<bool>,
        report_author: Option<&str>,
        annexed: Option<bool>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let at = now();
        if let Some(held) = held {
            sqlx::query("UPDATE conversations SET held_at = CASE WHEN $1 = 1 THEN COALESCE(held_at, $2) ELSE NULL END WHERE id = $3")
                .bind(i64::from(held))
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(author) = report_author {
            sqlx::query("UPDATE conversations SET report_author = $1 WHERE id = $2")
                .bind(author)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(annexed) = annexed {
            sqlx::query("UPDATE conversations SET annexed = $1 WHERE id = $2")
                .bind(i64::from(annexed))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        // Any change to what is confirmed takes earlier confirmations away.
        sqlx::query(
            "UPDATE conversations SET version = version + 1, updated_at = $1, swv_confirmed_name = NULL,
                swv_confirmed_at = NULL, school_confirmed_name = NULL, school_confirmed_at = NULL WHERE id = $2",
        )
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records one side's confirmation. When the other side confirmed
    /// already, `fix` makes the report (with both confirmations) and its hash,
    /// which are kept in the same transaction: from then on nothing changes.
    pub async fn confirm_conversation<F>(
        &self,
        access: &ConversationAccess,
        id: i64,
        swv_side: bool,
        name: &str,
        fix: F,
    ) -> Result<bool, StorageError>
    where
        F: FnOnce(&Conversation) -> Option<(String, String)>,
    {
        let mut tx = self.write.begin().await?;
        lock_open(&mut tx, access, id).await?;
        let at = now();
        let sql = if swv_side {
            "UPDATE conversations SET swv_confirmed_name = $1, swv_confirmed_at = $2 WHERE id = $3"
        } else {
            "UPDATE conversations SET school_confirmed_name = $1, school_confirmed_at = $2 WHERE id = $3"
        };
        sqlx::query(sql).bind(name).bind(at).bind(id).execute(&mut *tx).await?;
        let row = sqlx::query_as::<_, ConversationRow>(&format!("{CONVERSATION_SELECT} WHERE c.id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let conversation = Conversation::try_from(row)?;
        let both = conversation.swv_confirmed.is_some() && conversation.school_confirmed.is_some();
        if both {
            let (json, hash) = fix(&conversation).ok_or(StorageError::Conflict)?;
            sqlx::query(
                "UPDATE conversations SET report_json = $1, report_hash = $2, version = version + 1 WHERE id = $3",
            )
            .bind(json)
            .bind(hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(both)
    }

    // ---- mail with an attachment ----

    /// Queues a mail with one attached file; returns the mail's id.
    pub async fn queue_mail_with_file(
        &self,
        recipient: &str,
        subject: &str,
        body: &str,
        file: (&str, &str, &str),
    ) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let id = crate::outbox::queue_in(&mut tx, recipient, subject, body, now()).await?;
        sqlx::query("INSERT INTO outbox_attachments (mail_id, file_name, content_type, body) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(file.0)
            .bind(file.1)
            .bind(file.2)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The files of a mail for the job that sends it (no person reads them here).
    pub async fn attachments_to_send(&self, mail_id: i64) -> Result<Vec<(String, String, String)>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT file_name, content_type, body FROM outbox_attachments WHERE mail_id = $1 ORDER BY id",
        )
        .bind(mail_id)
        .fetch_all(&self.write)
        .await?)
    }

    /// The files of a mail in the outbox: (name, content type, body).
    pub async fn mail_attachments(
        &self,
        _admin: &passend_domain::access::PlatformAdmin,
        mail_id: i64,
    ) -> Result<Vec<(String, String, String)>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT file_name, content_type, body FROM outbox_attachments WHERE mail_id = $1 ORDER BY id",
        )
        .bind(mail_id)
        .fetch_all(&self.read)
        .await?)
    }
}
