//! The profile's yearly cycle: steps with their audit log, the MR's advice and
//! the school's response, the team's review comments.

use passend_domain::access::{ProfileCoordination, ProfileRespondent, ProfileSteps, ProfileView, Role};
use passend_domain::lifecycle::{AdviceVerdict, ProfileState, Step, content_hash};
use passend_domain::questionnaire::{AnswerValue, Template};
use serde::Serialize;
use sqlx::{AnyConnection, AnyPool};

use crate::profiles::{AnswerRow, PROFILE_STATE};
use crate::{Database, StorageError, now};

/// What a step carries besides itself.
#[derive(Debug, Clone, Copy)]
pub enum StepDetails<'a> {
    None,
    Advice { verdict: AdviceVerdict, advice: &'a str, advised_on: &'a str },
    Adoption { adopted_on: &'a str },
}

/// The person taking a step, as the audit log names them.
#[derive(Debug, Clone, Copy)]
pub struct StepBy<'a> {
    pub user_id: i64,
    pub name: &'a str,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct StepRecord {
    pub step: String,
    pub from_state: String,
    pub to_state: String,
    #[sqlx(rename = "user_name")]
    pub by: String,
    pub at: i64,
    /// What the line concerns beyond its step: `D:12` for `confirm_section`.
    pub detail: Option<String>,
}

/// The audit log's name for confirming a section's carried-over answers at once.
pub const CONFIRM_SECTION: &str = "confirm_section";

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct AdviceRecord {
    pub verdict: String,
    pub advice: String,
    pub advised_on: String,
    #[sqlx(rename = "advised_by_name")]
    pub advised_by: String,
    pub response: Option<String>,
    #[sqlx(rename = "responded_by_name")]
    pub responded_by: Option<String>,
    pub responded_at: Option<i64>,
}

/// Someone to tell of a hand-over.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Recipient {
    pub email: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ReviewComment {
    pub id: i64,
    pub section: String,
    /// The author's account, while it exists.
    pub user_id: Option<i64>,
    #[sqlx(rename = "user_name")]
    pub by: String,
    pub body: String,
    pub at: i64,
    /// The comment this one answers; `None` for a comment that opens a thread.
    pub reply_to: Option<i64>,
    /// When the thread was marked resolved; `None` while open.
    pub resolved_at: Option<i64>,
    #[sqlx(rename = "resolved_by_name")]
    pub resolved_by: Option<String>,
}

/// Who marks a thread resolved or open again: a coordinator any thread, a
/// team member their own.
#[derive(Debug, Clone, Copy)]
pub enum CommentModerator<'a> {
    Coordinator(&'a ProfileCoordination),
    Author(&'a ProfileRespondent),
}

impl CommentModerator<'_> {
    fn brin(&self) -> &str {
        match self {
            CommentModerator::Coordinator(c) => c.brin(),
            CommentModerator::Author(r) => r.brin(),
        }
    }
}

/// `ProfileLocked` once the version is adopted: its comments are closed with it.
async fn ensure_comments_open(conn: &mut AnyConnection, profile_id: i64, brin: &str) -> Result<(), StorageError> {
    if state_of(conn, profile_id, brin).await?.comments_open() { Ok(()) } else { Err(StorageError::ProfileLocked) }
}

/// The profile's state and school, locked for the transaction's writes.
pub(crate) async fn state_of(
    conn: &mut AnyConnection,
    profile_id: i64,
    brin: &str,
) -> Result<ProfileState, StorageError> {
    #[derive(sqlx::FromRow)]
    struct SchoolAndState {
        brin: String,
        state: String,
    }
    let row = sqlx::query_as::<_, SchoolAndState>("SELECT brin, state FROM profiles WHERE id = $1")
        .bind(profile_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StorageError::NotFound)?;
    if row.brin != brin {
        return Err(StorageError::NotFound);
    }
    PROFILE_STATE.parse(&row.state)
}

/// The people holding `role` in the organisation `org_kind`/`org_code`, by e-mail address.
pub(crate) async fn people_with_role(
    pool: &AnyPool,
    org_kind: &str,
    org_code: &str,
    role: Role,
) -> Result<Vec<Recipient>, StorageError> {
    Ok(sqlx::query_as(
        "SELECT u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.org_kind = $1 AND m.org_code = $2 AND m.role = $3 ORDER BY u.email",
    )
    .bind(org_kind)
    .bind(org_code)
    .bind(role.as_str())
    .fetch_all(pool)
    .await?)
}

/// `ProfileLocked` unless the profile is still a concept. The no-op update
/// takes the profile's row lock on PostgreSQL (SQLite has one writer anyway),
/// so an adoption cannot slip in between this check and the answer it guards.
pub(crate) async fn ensure_concept(conn: &mut AnyConnection, profile_id: i64, brin: &str) -> Result<(), StorageError> {
    let locked =
        sqlx::query("UPDATE profiles SET updated_at = updated_at WHERE id = $1 AND brin = $2 AND state = 'concept'")
            .bind(profile_id)
            .bind(brin)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    if locked == 1 {
        return Ok(());
    }
    state_of(conn, profile_id, brin).await?;
    Err(StorageError::ProfileLocked)
}

async fn log_step(
    conn: &mut AnyConnection,
    profile_id: i64,
    step: &str,
    from: ProfileState,
    to: ProfileState,
    by: StepBy<'_>,
    at: i64,
) -> Result<(), StorageError> {
    log_line(conn, profile_id, step, (from, to), None, by, at).await
}

/// A line of the audit log, with what it concerns beyond its step.
pub(crate) async fn log_line(
    conn: &mut AnyConnection,
    profile_id: i64,
    step: &str,
    (from, to): (ProfileState, ProfileState),
    detail: Option<&str>,
    by: StepBy<'_>,
    at: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO profile_steps (profile_id, step, from_state, to_state, user_id, user_name, at, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(profile_id)
    .bind(step)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(by.user_id)
    .bind(by.name)
    .bind(at)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Database {
    /// The people of the school with one of `roles` (board members: of the
    /// school's `board`, or held at the school), each once.
    pub async fn step_recipients(
        &self,
        steps: &ProfileSteps,
        board: Option<&str>,
        roles: &[Role],
    ) -> Result<Vec<Recipient>, StorageError> {
        let mut found: Vec<Recipient> = Vec::new();
        let mut places = vec![("school", steps.brin())];
        if let Some(board) = board {
            places.push(("board", board));
        }
        for role in roles {
            for (kind, code) in &places {
                for recipient in people_with_role(&self.read, kind, code, *role).await? {
                    if !found.iter().any(|r| r.email == recipient.email) {
                        found.push(recipient);
                    }
                }
            }
        }
        Ok(found)
    }

    /// Takes a step if the rules allow it from the state the profile is in
    /// now, and logs it. Adoption fixes the version with its content hash and
    /// supersedes the location's earlier adopted versions. Returns the new state.
    pub async fn take_step(
        &self,
        steps: &ProfileSteps,
        profile_id: i64,
        step: Step,
        details: StepDetails<'_>,
        by: StepBy<'_>,
    ) -> Result<ProfileState, StorageError> {
        let mut tx = self.write.begin().await?;
        let from = state_of(&mut tx, profile_id, steps.brin()).await?;
        let to = step.check(from, steps.roles())?;
        let at = now();
        let moved = sqlx::query("UPDATE profiles SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4")
            .bind(to.as_str())
            .bind(at)
            .bind(profile_id)
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if moved != 1 {
            return Err(StorageError::Conflict);
        }
        match (step, details) {
            (Step::RecordAdvice, StepDetails::Advice { verdict, advice, advised_on }) => {
                sqlx::query(
                    "INSERT INTO mr_advice (profile_id, verdict, advice, advised_on, advised_by, advised_by_name)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (profile_id) DO UPDATE SET verdict = excluded.verdict, advice = excluded.advice,
                        advised_on = excluded.advised_on, advised_by = excluded.advised_by,
                        advised_by_name = excluded.advised_by_name, response = NULL, responded_by_name = NULL,
                        responded_at = NULL",
                )
                .bind(profile_id)
                .bind(verdict.as_str())
                .bind(advice)
                .bind(advised_on)
                .bind(by.user_id)
                .bind(by.name)
                .execute(&mut *tx)
                .await?;
            }
            (Step::Adopt, StepDetails::Adoption { adopted_on }) => {
                let hash = hash_in(&mut tx, profile_id).await?;
                sqlx::query("UPDATE profiles SET adopted_on = $1, adopted_by = $2, content_hash = $3 WHERE id = $4")
                    .bind(adopted_on)
                    .bind(by.user_id)
                    .bind(hash)
                    .bind(profile_id)
                    .execute(&mut *tx)
                    .await?;
                supersede_earlier(&mut tx, profile_id, by, at).await?;
            }
            (Step::Publish, _) => {
                sqlx::query("UPDATE profiles SET published_at = $1 WHERE id = $2")
                    .bind(at)
                    .bind(profile_id)
                    .execute(&mut *tx)
                    .await?;
            }
            (Step::RecordAdvice | Step::Adopt, _) => {
                return Err(StorageError::StepWithoutDetails(step.as_str()));
            }
            _ => {}
        }
        log_step(&mut tx, profile_id, step.as_str(), from, to, by, at).await?;
        tx.commit().await?;
        Ok(to)
    }

    /// The school's response to the MR's advice, while the profile awaits adoption.
    pub async fn respond_to_advice(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        response: &str,
        by: StepBy<'_>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        let state = state_of(&mut tx, profile_id, coordination.brin()).await?;
        if state != ProfileState::MrAdvised {
            return Err(StorageError::ProfileLocked);
        }
        sqlx::query(
            "UPDATE mr_advice SET response = $1, responded_by_name = $2, responded_at = $3 WHERE profile_id = $4",
        )
        .bind(response)
        .bind(by.name)
        .bind(now())
        .bind(profile_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The audit log of a profile, oldest first.
    pub async fn profile_history(&self, profile: &ProfileView) -> Result<Vec<StepRecord>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT s.step, s.from_state, s.to_state, s.user_name, s.at, s.detail FROM profile_steps s
             WHERE s.profile_id = $1 ORDER BY s.id",
        )
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?)
    }

    pub async fn advice(&self, profile: &ProfileView) -> Result<Option<AdviceRecord>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT a.verdict, a.advice, a.advised_on, a.advised_by_name, a.response, a.responded_by_name, a.responded_at
             FROM mr_advice a WHERE a.profile_id = $1",
        )
        .bind(profile.id())
        .fetch_optional(&self.read)
        .await?)
    }

    /// A team member's comment on a section while the team reviews the concept.
    pub async fn add_review_comment(
        &self,
        respondent: &ProfileRespondent,
        profile_id: i64,
        section: &str,
        body: &str,
        name: &str,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        if state_of(&mut tx, profile_id, respondent.brin()).await? != ProfileState::TeamReview {
            return Err(StorageError::ProfileLocked);
        }
        sqlx::query(
            "INSERT INTO review_comments (profile_id, section, user_id, user_name, body, at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(profile_id)
        .bind(section)
        .bind(respondent.user_id())
        .bind(name)
        .bind(body)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A reply to a top-level comment of the profile, until the version is adopted.
    pub async fn reply_to_comment(
        &self,
        respondent: &ProfileRespondent,
        profile_id: i64,
        comment_id: i64,
        body: &str,
        name: &str,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_comments_open(&mut tx, profile_id, respondent.brin()).await?;
        let inserted = sqlx::query(
            "INSERT INTO review_comments (profile_id, section, user_id, user_name, body, at, reply_to)
             SELECT c.profile_id, c.section, $1, $2, $3, $4, c.id FROM review_comments c
             WHERE c.id = $5 AND c.profile_id = $6 AND c.reply_to IS NULL",
        )
        .bind(respondent.user_id())
        .bind(name)
        .bind(body)
        .bind(now())
        .bind(comment_id)
        .bind(profile_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted != 1 {
            return Err(StorageError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Marks a top-level comment resolved (`Some(name)` of the person) or open
    /// again (`None`), until the version is adopted. `NotFound` when the
    /// profile has no such comment (for an author: of their own).
    pub async fn set_comment_resolved(
        &self,
        by: CommentModerator<'_>,
        profile_id: i64,
        comment_id: i64,
        resolved_by: Option<&str>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_comments_open(&mut tx, profile_id, by.brin()).await?;
        let author = match by {
            CommentModerator::Coordinator(_) => None,
            CommentModerator::Author(respondent) => Some(respondent.user_id()),
        };
        let changed = sqlx::query(
            "UPDATE review_comments SET resolved_at = $1, resolved_by_name = $2
             WHERE id = $3 AND profile_id = $4 AND reply_to IS NULL AND ($5 = 0 OR user_id = $6)",
        )
        .bind(resolved_by.map(|_| now()))
        .bind(resolved_by)
        .bind(comment_id)
        .bind(profile_id)
        .bind(i64::from(author.is_some()))
        .bind(author.unwrap_or(0))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(StorageError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// The profile's review comments: by section, each thread's opening
    /// comment before its replies, oldest first.
    pub async fn review_comments(&self, profile: &ProfileView) -> Result<Vec<ReviewComment>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.section, c.user_id, c.user_name, c.body, c.at, c.reply_to, c.resolved_at, c.resolved_by_name
             FROM review_comments c WHERE c.profile_id = $1 ORDER BY c.section, COALESCE(c.reply_to, c.id), c.id",
        )
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?)
    }
}

/// The content hash of the profile as stored now.
async fn hash_in(conn: &mut AnyConnection, profile_id: i64) -> Result<String, StorageError> {
    let template_json: String = sqlx::query_scalar("SELECT template_json FROM profiles WHERE id = $1")
        .bind(profile_id)
        .fetch_one(&mut *conn)
        .await?;
    let template: Template = crate::profiles::stored_template(&template_json)?;
    let rows =
        sqlx::query_as::<_, AnswerRow>("SELECT item_key, value_json, note FROM school_answers WHERE profile_id = $1")
            .bind(profile_id)
            .fetch_all(&mut *conn)
            .await?;
    // An answer with only a note has no value to fix in the hash.
    let mut answers: Vec<(String, AnswerValue, Option<String>)> = Vec::new();
    for row in rows {
        if let Some(value) = row.value()? {
            answers.push((row.item_key, value, row.note));
        }
    }
    Ok(content_hash(&template, answers.iter().map(|(k, v, n)| (k.as_str(), v, n.as_deref()))))
}

/// Earlier school years' adopted or published versions of the same location
/// are superseded by this one.
async fn supersede_earlier(
    conn: &mut AnyConnection,
    profile_id: i64,
    by: StepBy<'_>,
    at: i64,
) -> Result<(), StorageError> {
    #[derive(sqlx::FromRow)]
    struct Earlier {
        id: i64,
        state: String,
    }
    let earlier = sqlx::query_as::<_, Earlier>(
        "SELECT e.id, e.state FROM profiles e JOIN profiles p ON p.location_code = e.location_code
         WHERE p.id = $1 AND e.school_year < p.school_year AND e.state IN ('adopted', 'published')",
    )
    .bind(profile_id)
    .fetch_all(&mut *conn)
    .await?;
    for Earlier { id, state } in earlier {
        let from = PROFILE_STATE.parse(&state)?;
        sqlx::query("UPDATE profiles SET state = 'superseded', updated_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        log_step(conn, id, "superseded", from, ProfileState::Superseded, by, at).await?;
    }
    Ok(())
}
