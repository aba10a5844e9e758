//! Activities, their sessions and registrations with the wait list.
//!
//! The last place goes to exactly one of two sign-ups at the same moment:
//! a place is taken only by `UPDATE activities SET places_taken = places_taken + 1
//! WHERE id = $1 AND places_taken < capacity`, which PostgreSQL runs under the
//! row's lock (the second waits and then sees no place left) and SQLite runs
//! on its one writer. A cancellation locks the same row first, so promoting
//! from the wait list cannot cross a sign-up or another cancellation.

use passend_domain::access::{ActivityManage, ActivityOrganiser};
use passend_domain::activities::{ActivityInput, ActivityKind, RegistrationStatus, SignUp};
use passend_domain::organisations::{OrgKind, OrgRef};

use crate::outbox::{NewMail, queue_full_in};
use crate::rows::{Column, Flag, Named, convert};
use crate::{Database, StorageError, now};

const ACTIVITY_KIND: Column = Column::new("activities", "kind");
const ACTIVITY_OWNER: Column = Column::new("activities", "owner_kind");
const REGISTRATION_STATUS: Column = Column::new("activity_registrations", "status");

impl Named for ActivityKind {
    const WHAT: &'static str = "activity kind";
    fn from_name(name: &str) -> Option<Self> {
        ActivityKind::parse(name)
    }
}

impl Named for RegistrationStatus {
    const WHAT: &'static str = "registration status";
    fn from_name(name: &str) -> Option<Self> {
        RegistrationStatus::parse(name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub id: i64,
    pub owner: OrgRef,
    pub kind: ActivityKind,
    pub title: String,
    pub description: String,
    pub audience: String,
    pub criteria: String,
    pub capacity: i64,
    pub places_taken: i64,
    pub waiting: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub free: bool,
    /// In the order they take place.
    pub sessions: Vec<Session>,
}

#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    owner_kind: String,
    owner_code: String,
    kind: String,
    title: String,
    description: String,
    audience: String,
    criteria: String,
    capacity: i64,
    places_taken: i64,
    waiting: i64,
    opens_at: i64,
    closes_at: i64,
    free: Flag,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    activity_id: i64,
    starts_at: i64,
    ends_at: i64,
    place: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub id: i64,
    pub activity_id: i64,
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub status: RegistrationStatus,
    pub attended: Option<bool>,
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
struct RegistrationRow {
    id: i64,
    activity_id: i64,
    name: String,
    email: String,
    organisation: Option<String>,
    role: Option<String>,
    status: String,
    attended: Option<i64>,
    created_at: i64,
}

impl TryFrom<RegistrationRow> for Registration {
    type Error = StorageError;
    fn try_from(row: RegistrationRow) -> Result<Self, StorageError> {
        Ok(Registration {
            id: row.id,
            activity_id: row.activity_id,
            name: row.name,
            email: row.email,
            organisation: row.organisation,
            role: row.role,
            status: REGISTRATION_STATUS.parse(&row.status)?,
            attended: row.attended.map(|a| a != 0),
            created_at: row.created_at,
        })
    }
}

/// What became of a sign-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignUpOutcome {
    /// Registered or on the wait list, with the registration's id.
    Placed { id: i64, status: RegistrationStatus },
    /// This address has a live sign-up for the activity already.
    AlreadySignedUp,
}

/// What became of a cancellation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    /// Cancelled; the first on the wait list when they got the place.
    Cancelled {
        activity_id: i64,
        promoted: Option<Registration>,
    },
    /// The link was used before.
    AlreadyCancelled,
    NotFound,
}

const ACTIVITY_COLUMNS: &str = "a.id, a.owner_kind, a.owner_code, a.kind, a.title, a.description, a.audience, \
    a.criteria, a.capacity, a.places_taken, a.opens_at, a.closes_at, a.free, \
    (SELECT COUNT(*) FROM activity_registrations r WHERE r.activity_id = a.id AND r.status = 'waitlisted') AS waiting";

const REGISTRATION_COLUMNS: &str = "id, activity_id, name, email, organisation, role, status, attended, created_at";

impl Database {
    async fn with_sessions(&self, rows: Vec<ActivityRow>) -> Result<Vec<Activity>, StorageError> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let sessions: Vec<SessionRow> = sqlx::query_as(
                "SELECT id, activity_id, starts_at, ends_at, place FROM activity_sessions
                 WHERE activity_id = $1 ORDER BY starts_at, id",
            )
            .bind(row.id)
            .fetch_all(&self.read)
            .await?;
            let kind: OrgKind = ACTIVITY_OWNER.parse(&row.owner_kind)?;
            out.push(Activity {
                id: row.id,
                owner: OrgRef { kind, code: row.owner_code },
                kind: ACTIVITY_KIND.parse(&row.kind)?,
                title: row.title,
                description: row.description,
                audience: row.audience,
                criteria: row.criteria,
                capacity: row.capacity,
                places_taken: row.places_taken,
                waiting: row.waiting,
                opens_at: row.opens_at,
                closes_at: row.closes_at,
                free: row.free.into(),
                sessions: sessions
                    .into_iter()
                    .map(|s| {
                        debug_assert_eq!(s.activity_id, row.id);
                        Session { id: s.id, starts_at: s.starts_at, ends_at: s.ends_at, place: s.place }
                    })
                    .collect(),
            });
        }
        Ok(out)
    }

    /// Activities with a session that has not ended at `at`, soonest first (public).
    pub async fn upcoming_activities(&self, at: i64) -> Result<Vec<Activity>, StorageError> {
        let rows: Vec<ActivityRow> = sqlx::query_as(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities a
             WHERE EXISTS (SELECT 1 FROM activity_sessions s WHERE s.activity_id = a.id AND s.ends_at > $1)
             ORDER BY (SELECT MIN(s.starts_at) FROM activity_sessions s WHERE s.activity_id = a.id), a.id"
        ))
        .bind(at)
        .fetch_all(&self.read)
        .await?;
        self.with_sessions(rows).await
    }

    /// One activity (public: what it is, when and how full).
    pub async fn activity(&self, id: i64) -> Result<Option<Activity>, StorageError> {
        let rows: Vec<ActivityRow> =
            sqlx::query_as(&format!("SELECT {ACTIVITY_COLUMNS} FROM activities a WHERE a.id = $1"))
                .bind(id)
                .fetch_all(&self.read)
                .await?;
        Ok(self.with_sessions(rows).await?.pop())
    }

    /// Makes an activity with its sessions in one transaction; its id.
    pub async fn create_activity(
        &self,
        organiser: &ActivityOrganiser,
        owner: &OrgRef,
        input: &ActivityInput,
        created_by: i64,
    ) -> Result<i64, StorageError> {
        if !organiser.may_own(owner) {
            return Err(StorageError::NotFound);
        }
        let mut tx = self.write.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO activities (owner_kind, owner_code, kind, title, description, audience, criteria,
                 capacity, opens_at, closes_at, free, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(owner.kind.as_str())
        .bind(&owner.code)
        .bind(input.kind.as_str())
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.audience.trim())
        .bind(input.criteria.trim())
        .bind(input.capacity)
        .bind(input.opens_at)
        .bind(input.closes_at)
        .bind(i64::from(input.free))
        .bind(created_by)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for session in &input.sessions {
            sqlx::query(
                "INSERT INTO activity_sessions (activity_id, starts_at, ends_at, place) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(session.starts_at)
            .bind(session.ends_at)
            .bind(session.place.trim())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Signs up: a place while one is left, else the wait list, with `mail`
    /// (built from the outcome) queued in the same transaction. Returns the
    /// outcome and the outbox id of the mail.
    pub async fn sign_up(
        &self,
        activity_id: i64,
        sign_up: &SignUp,
        token_hash: &str,
        mail: impl FnOnce(RegistrationStatus) -> NewMail,
    ) -> Result<(SignUpOutcome, Option<(i64, NewMail)>), StorageError> {
        let mut tx = self.write.begin().await?;
        let at = now();
        let email = sign_up.email.as_str();
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM activity_registrations WHERE activity_id = $1 AND email = $2 AND cancelled_at IS NULL",
        )
        .bind(activity_id)
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        if existing.is_some() {
            return Ok((SignUpOutcome::AlreadySignedUp, None));
        }
        let took_place = sqlx::query(
            "UPDATE activities SET places_taken = places_taken + 1 WHERE id = $1 AND places_taken < capacity",
        )
        .bind(activity_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let status = if took_place { RegistrationStatus::Registered } else { RegistrationStatus::Waitlisted };
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO activity_registrations (activity_id, name, email, organisation, role, status, token_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(activity_id)
        .bind(&sign_up.name)
        .bind(email)
        .bind(sign_up.organisation.as_deref())
        .bind(sign_up.role.as_deref())
        .bind(status.as_str())
        .bind(token_hash)
        .bind(at)
        .fetch_one(&mut *tx)
        .await;
        let id = match inserted {
            Ok(id) => id,
            // The same address signed up at the same moment: the unique index refused the second.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Ok((SignUpOutcome::AlreadySignedUp, None));
            }
            Err(e) => return Err(e.into()),
        };
        let mail = mail(status);
        let outbox_id = queue_full_in(&mut tx, &mail, at).await?;
        tx.commit().await?;
        Ok((SignUpOutcome::Placed { id, status }, Some((outbox_id, mail))))
    }

    /// Cancels the registration whose link holds the secret hashed as
    /// `token_hash`; a freed place goes to the first on the wait list.
    pub async fn cancel_registration(&self, token_hash: &str) -> Result<CancelOutcome, StorageError> {
        let mut tx = self.write.begin().await?;
        let Some(activity_id): Option<i64> =
            sqlx::query_scalar("SELECT activity_id FROM activity_registrations WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(CancelOutcome::NotFound);
        };
        // The activity's row lock orders this against sign-ups and other cancellations.
        sqlx::query("UPDATE activities SET places_taken = places_taken WHERE id = $1")
            .bind(activity_id)
            .execute(&mut *tx)
            .await?;
        let row: RegistrationRow =
            sqlx::query_as(&format!("SELECT {REGISTRATION_COLUMNS} FROM activity_registrations WHERE token_hash = $1"))
                .bind(token_hash)
                .fetch_one(&mut *tx)
                .await?;
        let registration = Registration::try_from(row)?;
        if registration.status == RegistrationStatus::Cancelled {
            return Ok(CancelOutcome::AlreadyCancelled);
        }
        let at = now();
        sqlx::query("UPDATE activity_registrations SET status = 'cancelled', cancelled_at = $1 WHERE id = $2")
            .bind(at)
            .bind(registration.id)
            .execute(&mut *tx)
            .await?;
        let mut promoted = None;
        if registration.status == RegistrationStatus::Registered {
            let first: Option<RegistrationRow> = sqlx::query_as(&format!(
                "SELECT {REGISTRATION_COLUMNS} FROM activity_registrations
                 WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY id LIMIT 1"
            ))
            .bind(activity_id)
            .fetch_optional(&mut *tx)
            .await?;
            match first {
                Some(first) => {
                    sqlx::query("UPDATE activity_registrations SET status = 'registered' WHERE id = $1")
                        .bind(first.id)
                        .execute(&mut *tx)
                        .await?;
                    let mut first = Registration::try_from(first)?;
                    first.status = RegistrationStatus::Registered;
                    promoted = Some(first);
                }
                None => {
                    sqlx::query("UPDATE activities SET places_taken = places_taken - 1 WHERE id = $1")
                        .bind(activity_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(CancelOutcome::Cancelled { activity_id, promoted })
    }

    /// Narrows the organiser's proof to one activity; `None` when it is another's (or none).
    pub async fn manage_activity(
        &self,
        organiser: &ActivityOrganiser,
        id: i64,
    ) -> Result<Option<ActivityManage>, StorageError> {
        let owner: Option<(String, String)> =
            sqlx::query_as("SELECT owner_kind, owner_code FROM activities WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.read)
                .await?;
        let Some((kind, code)) = owner else { return Ok(None) };
        let kind: OrgKind = ACTIVITY_OWNER.parse(&kind)?;
        Ok(organiser.activity(id, &OrgRef { kind, code }))
    }

    /// The participants and the wait list in order (cancelled ones last).
    pub async fn registrations(&self, activity: &ActivityManage) -> Result<Vec<Registration>, StorageError> {
        let rows: Vec<RegistrationRow> = sqlx::query_as(&format!(
            "SELECT {REGISTRATION_COLUMNS} FROM activity_registrations WHERE activity_id = $1
             ORDER BY CASE status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, id"
        ))
        .bind(activity.id())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// Marks whether a participant came.
    pub async fn set_attendance(
        &self,
        activity: &ActivityManage,
        registration_id: i64,
        attended: bool,
    ) -> Result<(), StorageError> {
        let changed = sqlx::query(
            "UPDATE activity_registrations SET attended = $1 WHERE id = $2 AND activity_id = $3 AND status = 'registered'",
        )
        .bind(i64::from(attended))
        .bind(registration_id)
        .bind(activity.id())
        .execute(&self.write)
        .await?
        .rows_affected();
        if changed == 1 { Ok(()) } else { Err(StorageError::NotFound) }
    }

    /// Registered people with a session starting within `(at, until]` and no reminder for it yet.
    pub async fn reminders_to_send(&self, at: i64, until: i64) -> Result<Vec<(Registration, i64)>, StorageError> {
        #[derive(sqlx::FromRow)]
        struct Due {
            session_id: i64,
            #[sqlx(flatten)]
            registration: RegistrationRow,
        }
        let rows: Vec<Due> = sqlx::query_as(
            "SELECT s.id AS session_id, r.id, r.activity_id, r.name, r.email, r.organisation, r.role, r.status,
                    r.attended, r.created_at
             FROM activity_sessions s JOIN activity_registrations r ON r.activity_id = s.activity_id
             WHERE s.starts_at > $1 AND s.starts_at <= $2 AND r.status = 'registered'
               AND NOT EXISTS (SELECT 1 FROM activity_reminders_sent x WHERE x.registration_id = r.id AND x.session_id = s.id)
             ORDER BY s.id, r.id",
        )
        .bind(at)
        .bind(until)
        .fetch_all(&self.read)
        .await?;
        rows.into_iter().map(|d| Ok((Registration::try_from(d.registration)?, d.session_id))).collect()
    }

    /// Claims a session's reminder for one registration and queues its mail in
    /// one transaction; the outbox id, or `None` when another run claimed it.
    pub async fn claim_activity_reminder(
        &self,
        registration_id: i64,
        session_id: i64,
        mail: &NewMail,
    ) -> Result<Option<i64>, StorageError> {
        let mut tx = self.write.begin().await?;
        let at = now();
        let claimed = sqlx::query(
            "INSERT INTO activity_reminders_sent (registration_id, session_id, sent_at) VALUES ($1, $2, $3)
             ON CONFLICT (registration_id, session_id) DO NOTHING",
        )
        .bind(registration_id)
        .bind(session_id)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            return Ok(None);
        }
        let id = queue_full_in(&mut tx, mail, at).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Queues a mail (a promotion's) on its own.
    pub async fn queue_activity_mail(&self, mail: &NewMail) -> Result<i64, StorageError> {
        self.queue_full_mail(mail).await
    }
}
