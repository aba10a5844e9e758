//! Scan rounds, their links and anonymous responses, and the statements SWVs add.

use passend_domain::access::{OrgView, ProfileCoordination, ScanView, SwvEdit};
use passend_domain::organisations::OrgKind;
use passend_domain::scan::{ScanGroup, ScanResponse, Statement};
use serde::Serialize;

use crate::rows::{Column, Flag, Named};
use crate::{Database, StorageError, now};

const ROUND_STATEMENTS: Column = Column::new("scan_rounds", "statements_json");
const ROUND_GROUPS: Column = Column::new("scan_rounds", "groups_json");
const LINK_GROUP: Column = Column::new("scan_links", "respondent_group");
const RESPONSE_ANSWERS: Column = Column::new("scan_responses", "answers_json");
const SWV_STATEMENT: Column = Column::new("scan_swv_statements", "statement_json");

impl Named for ScanGroup {
    const WHAT: &'static str = "scan group";
    fn from_name(name: &str) -> Option<Self> {
        ScanGroup::parse(name)
    }
}

/// One group's link and how many answered through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanLink {
    pub group: ScanGroup,
    pub link_code: String,
    pub responses: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScanRound {
    pub id: i64,
    pub brin: String,
    pub location_code: String,
    pub location_name: String,
    pub school_year: String,
    pub instrument_version: u32,
    pub statements: Vec<Statement>,
    pub groups: Vec<ScanGroup>,
    pub links: Vec<ScanLink>,
    pub shared_device: bool,
    pub shared_with_swv: bool,
    pub closed: bool,
    pub created_at: i64,
}

impl ScanRound {
    pub fn responses(&self) -> i64 {
        self.links.iter().map(|l| l.responses).sum()
    }
}

const ROUND_SELECT: &str = "SELECT r.id, r.brin, r.location_code, l.name AS location_name, r.school_year,
    r.instrument_version, r.statements_json, r.groups_json, r.shared_device, r.shared_with_swv, r.closed_at, r.created_at
    FROM scan_rounds r JOIN locations l ON l.code = r.location_code";

#[derive(sqlx::FromRow)]
struct RoundRow {
    id: i64,
    brin: String,
    location_code: String,
    location_name: String,
    school_year: String,
    instrument_version: i64,
    statements_json: String,
    groups_json: String,
    shared_device: Flag,
    shared_with_swv: Flag,
    closed_at: Option<i64>,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    round_id: i64,
    respondent_group: String,
    link_code: String,
    responses: i64,
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    respondent_group: String,
    answers_json: String,
}

/// Whether a scan answer was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanAnswered {
    Saved,
    /// This browser answered already and the school allows one answer per browser.
    AlreadyAnswered,
    Closed,
}

impl Database {
    async fn rounds_with_links(&self, rows: Vec<RoundRow>) -> Result<Vec<ScanRound>, StorageError> {
        let mut rounds = Vec::new();
        for row in rows {
            let links = sqlx::query_as::<_, LinkRow>(
                "SELECT k.round_id, k.respondent_group, k.link_code,
                    (SELECT COUNT(*) FROM scan_responses s WHERE s.round_id = k.round_id
                        AND s.respondent_group = k.respondent_group) AS responses
                 FROM scan_links k WHERE k.round_id = $1 ORDER BY k.id",
            )
            .bind(row.id)
            .fetch_all(&self.read)
            .await?;
            let mut links = links
                .into_iter()
                .map(|l| {
                    debug_assert_eq!(l.round_id, row.id);
                    Ok(ScanLink {
                        group: LINK_GROUP.parse(&l.respondent_group)?,
                        link_code: l.link_code,
                        responses: l.responses,
                    })
                })
                .collect::<Result<Vec<_>, StorageError>>()?;
            links.sort_by_key(|l| l.group);
            rounds.push(ScanRound {
                id: row.id,
                brin: row.brin,
                location_code: row.location_code,
                location_name: row.location_name,
                school_year: row.school_year,
                instrument_version: u32::try_from(row.instrument_version).unwrap_or_default(),
                statements: ROUND_STATEMENTS.json(&row.statements_json)?,
                groups: ROUND_GROUPS.json(&row.groups_json)?,
                links,
                shared_device: row.shared_device.into(),
                shared_with_swv: row.shared_with_swv.into(),
                closed: row.closed_at.is_some(),
                created_at: row.created_at,
            });
        }
        Ok(rounds)
    }

    /// Opens a round for a location of the coordinator's school with one link
    /// per group. A conflict when the location has a round for the year.
    #[allow(clippy::too_many_arguments)]
    pub async fn open_scan_round(
        &self,
        coordination: &ProfileCoordination,
        location_code: &str,
        school_year: &str,
        instrument_version: u32,
        statements: &[Statement],
        links: &[(ScanGroup, String)],
        shared_device: bool,
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
        let groups: Vec<ScanGroup> = links.iter().map(|(g, _)| *g).collect();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO scan_rounds (brin, location_code, school_year, instrument_version, statements_json,
                groups_json, shared_device, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(coordination.brin())
        .bind(location_code)
        .bind(school_year)
        .bind(i64::from(instrument_version))
        .bind(serde_json::to_string(statements).expect("statements serialise"))
        .bind(serde_json::to_string(&groups).expect("groups serialise"))
        .bind(i64::from(shared_device))
        .bind(user_id)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(StorageError::from_write)?;
        for (group, code) in links {
            sqlx::query("INSERT INTO scan_links (round_id, respondent_group, link_code) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(group.as_str())
                .bind(code)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The school's rounds the view may read, newest year first.
    pub async fn scan_rounds_of_school(&self, view: &ScanView) -> Result<Vec<ScanRound>, StorageError> {
        let rows = sqlx::query_as::<_, RoundRow>(&format!(
            "{ROUND_SELECT} WHERE r.brin = $1 AND ($2 = 1 OR r.shared_with_swv = 1)
             ORDER BY r.school_year DESC, l.name, r.id"
        ))
        .bind(view.brin())
        .bind(i64::from(view.all_rounds()))
        .fetch_all(&self.read)
        .await?;
        self.rounds_with_links(rows).await
    }

    /// One round the view may read.
    pub async fn scan_round(&self, view: &ScanView, id: i64) -> Result<Option<ScanRound>, StorageError> {
        let rows = sqlx::query_as::<_, RoundRow>(&format!(
            "{ROUND_SELECT} WHERE r.id = $1 AND r.brin = $2 AND ($3 = 1 OR r.shared_with_swv = 1)"
        ))
        .bind(id)
        .bind(view.brin())
        .bind(i64::from(view.all_rounds()))
        .fetch_all(&self.read)
        .await?;
        Ok(self.rounds_with_links(rows).await?.pop())
    }

    /// The school a round belongs to (to decide access before reading it).
    pub async fn school_of_scan_round(&self, id: i64) -> Result<Option<String>, StorageError> {
        Ok(sqlx::query_scalar("SELECT brin FROM scan_rounds WHERE id = $1").bind(id).fetch_optional(&self.read).await?)
    }

    /// The responses of a round the view may read, oldest first.
    pub async fn scan_responses(
        &self,
        view: &ScanView,
        round_id: i64,
    ) -> Result<Vec<(ScanGroup, ScanResponse)>, StorageError> {
        let rows = sqlx::query_as::<_, ResponseRow>(
            "SELECT s.respondent_group, s.answers_json FROM scan_responses s JOIN scan_rounds r ON r.id = s.round_id
             WHERE s.round_id = $1 AND r.brin = $2 AND ($3 = 1 OR r.shared_with_swv = 1) ORDER BY s.id",
        )
        .bind(round_id)
        .bind(view.brin())
        .bind(i64::from(view.all_rounds()))
        .fetch_all(&self.read)
        .await?;
        rows.into_iter()
            .map(|r| Ok((LINK_GROUP.parse(&r.respondent_group)?, RESPONSE_ANSWERS.json(&r.answers_json)?)))
            .collect()
    }

    /// Every round of a school year at the schools of an SWV, with their
    /// responses: for the SWV's aggregated view only (the caller shows no
    /// school's own results from it).
    pub async fn scan_rounds_in_swv(
        &self,
        swv: &OrgView,
        school_year: &str,
    ) -> Result<Vec<(ScanRound, Vec<(ScanGroup, ScanResponse)>)>, StorageError> {
        if swv.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query_as::<_, RoundRow>(&format!(
            "{ROUND_SELECT} WHERE r.school_year = $1 AND (l.swv_po = $2 OR l.swv_vo = $2) ORDER BY l.name, r.id"
        ))
        .bind(school_year)
        .bind(&swv.org().code)
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::new();
        for round in self.rounds_with_links(rows).await? {
            let rows = sqlx::query_as::<_, ResponseRow>(
                "SELECT respondent_group, answers_json FROM scan_responses WHERE round_id = $1 ORDER BY id",
            )
            .bind(round.id)
            .fetch_all(&self.read)
            .await?;
            let responses = rows
                .into_iter()
                .map(|r| Ok((LINK_GROUP.parse(&r.respondent_group)?, RESPONSE_ANSWERS.json(&r.answers_json)?)))
                .collect::<Result<Vec<_>, StorageError>>()?;
            out.push((round, responses));
        }
        Ok(out)
    }

    /// The round and group behind a link: public, as people answer without an account.
    pub async fn scan_link(&self, link_code: &str) -> Result<Option<(ScanRound, ScanGroup)>, StorageError> {
        let found: Option<(i64, String)> =
            sqlx::query_as("SELECT round_id, respondent_group FROM scan_links WHERE link_code = $1")
                .bind(link_code)
                .fetch_optional(&self.read)
                .await?;
        let Some((round_id, group)) = found else { return Ok(None) };
        let rows = sqlx::query_as::<_, RoundRow>(&format!("{ROUND_SELECT} WHERE r.id = $1"))
            .bind(round_id)
            .fetch_all(&self.read)
            .await?;
        let group = LINK_GROUP.parse(&group)?;
        Ok(self.rounds_with_links(rows).await?.pop().map(|round| (round, group)))
    }

    /// Keeps a response given through a link, unless the round is closed or
    /// this browser answered already (one answer per browser, unless the
    /// school allows a shared device).
    pub async fn answer_scan(
        &self,
        link_code: &str,
        response: &ScanResponse,
        browser_key: &str,
    ) -> Result<ScanAnswered, StorageError> {
        let mut tx = self.write.begin().await?;
        let found: Option<(i64, String, Option<i64>, Flag)> = sqlx::query_as(
            "SELECT k.round_id, k.respondent_group, r.closed_at, r.shared_device
             FROM scan_links k JOIN scan_rounds r ON r.id = k.round_id WHERE k.link_code = $1",
        )
        .bind(link_code)
        .fetch_optional(&mut *tx)
        .await?;
        let (round_id, group, closed_at, shared_device) = found.ok_or(StorageError::NotFound)?;
        if closed_at.is_some() {
            return Ok(ScanAnswered::Closed);
        }
        let inserted = sqlx::query(
            "INSERT INTO scan_responses (round_id, respondent_group, answers_json, browser_key, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(round_id)
        .bind(group)
        .bind(serde_json::to_string(response).expect("responses serialise"))
        .bind((!shared_device.0).then_some(browser_key))
        .bind(now())
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from_write);
        match inserted {
            Ok(_) => {
                tx.commit().await?;
                Ok(ScanAnswered::Saved)
            }
            Err(StorageError::Conflict) => Ok(ScanAnswered::AlreadyAnswered),
            Err(other) => Err(other),
        }
    }

    /// Whether this browser answered through the link already.
    pub async fn scan_answered_from(&self, link_code: &str, browser_key: &str) -> Result<bool, StorageError> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM scan_responses s JOIN scan_links k
                ON k.round_id = s.round_id AND k.respondent_group = s.respondent_group
             WHERE k.link_code = $1 AND s.browser_key = $2",
        )
        .bind(link_code)
        .bind(browser_key)
        .fetch_one(&self.read)
        .await?;
        Ok(count > 0)
    }

    /// Closes or reopens a round, and sets the shared device and sharing with the SWV.
    pub async fn set_scan_round(
        &self,
        coordination: &ProfileCoordination,
        id: i64,
        closed: bool,
        shared_device: bool,
        shared_with_swv: bool,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE scan_rounds SET closed_at = CASE WHEN $1 = 1 THEN COALESCE(closed_at, $2) ELSE NULL END,
                shared_device = $3, shared_with_swv = $4
             WHERE id = $5 AND brin = $6",
        )
        .bind(i64::from(closed))
        .bind(now())
        .bind(i64::from(shared_device))
        .bind(i64::from(shared_with_swv))
        .bind(id)
        .bind(coordination.brin())
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    /// The statements an SWV added, oldest first (public: they are the questions its schools ask).
    pub async fn swv_scan_statements(&self, swv_code: &str) -> Result<Vec<Statement>, StorageError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT statement_json FROM scan_swv_statements WHERE swv_code = $1 ORDER BY id")
                .bind(swv_code)
                .fetch_all(&self.read)
                .await?;
        rows.into_iter().map(|(json,)| SWV_STATEMENT.json(&json)).collect()
    }

    /// Adds an SWV's statement; `make` gets the new row's id to build its key from.
    pub async fn add_swv_scan_statement(
        &self,
        edit: &SwvEdit,
        make: impl FnOnce(i64) -> Statement,
    ) -> Result<Statement, StorageError> {
        let mut tx = self.write.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO scan_swv_statements (swv_code, statement_json, created_at) VALUES ($1, '{}', $2) RETURNING id",
        )
        .bind(edit.code())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let statement = make(id);
        sqlx::query("UPDATE scan_swv_statements SET statement_json = $1 WHERE id = $2")
            .bind(serde_json::to_string(&statement).expect("statements serialise"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(statement)
    }
}
