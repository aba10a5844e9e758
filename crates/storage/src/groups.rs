//! Closed groups: the groups, their members (by address, or by sign-up for
//! the group's activity), messages, and what is known about shared files
//! (the bytes are in [`crate::files`]). Every read and write of a group's
//! contents takes a proof from `domain::access` for that one group.

use passend_domain::Message;
use passend_domain::access::{ExampleFiles, GroupAccess, GroupCreate, GroupManage, GroupRead};
use passend_domain::accounts::Email;
use passend_domain::groups::{Group, GroupRole, MemberChange, MemberSource, may_change_member};

use crate::rows::{Column, Named};
use crate::{Database, StorageError, now};

/// A group as it is stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupRecord {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub activity_id: Option<i64>,
    pub created_at: i64,
}

/// A group in someone's list, with their part in it (`None`: a platform admin who is no member).
#[derive(Debug, Clone)]
pub struct GroupSummary {
    pub group: GroupRecord,
    pub role: Option<GroupRole>,
}

/// The mail an invited address gets, written before the invitation is stored.
#[derive(Debug, Clone)]
pub struct InvitationMail {
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone)]
pub struct MemberRecord {
    pub email: String,
    /// The account's name; `None` while the address has no account.
    pub name: Option<String>,
    pub user_id: Option<i64>,
    pub role: GroupRole,
    pub source: MemberSource,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MessageRecord {
    pub id: i64,
    pub author_id: Option<i64>,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

/// What is known about a stored file.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRecord {
    pub id: i64,
    pub storage_key: String,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub uploaded_by: Option<i64>,
    pub uploader_name: String,
    pub created_at: i64,
}

/// A file about to be recorded; its bytes are in the store under `storage_key` already.
#[derive(Debug, Clone)]
pub struct NewFile<'a> {
    pub storage_key: &'a str,
    pub name: &'a str,
    pub media_type: &'a str,
    pub size: i64,
    pub uploader_name: &'a str,
}

/// What inviting an address did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invited {
    Added,
    AlreadyMember,
}

/// Where a practice example stands, for the access to its attachments.
#[derive(Debug, Clone)]
pub struct ExampleStandingRow {
    pub published: bool,
    pub swv_code: Option<String>,
    pub created_by: Option<i64>,
}

/// email, the account's name and id, role, source.
type MemberRow = (String, Option<String>, Option<i64>, String, String);

const ROLE: Column = Column::new("group_members", "role");

impl Named for GroupRole {
    const WHAT: &'static str = "group role";
    fn from_name(name: &str) -> Option<Self> {
        GroupRole::parse(name)
    }
}

fn role_of(raw: &str) -> Result<GroupRole, StorageError> {
    ROLE.parse(raw)
}

const GROUP_COLUMNS: &str = "g.id, g.name, g.description, g.activity_id, g.created_at";
const FILE_COLUMNS: &str = "id, storage_key, name, media_type, size, uploaded_by, uploader_name, created_at";

impl Database {
    /// Makes a group with its maker as moderator; its id.
    #[tracing::instrument(skip_all)]
    pub async fn create_group(
        &self,
        proof: &GroupCreate,
        group: &Group,
        maker: &Email,
        activity_id: Option<i64>,
    ) -> Result<i64, StorageError> {
        let at = now();
        let mut tx = self.write.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO closed_groups (name, description, activity_id, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&group.name)
        .bind(&group.description)
        .bind(activity_id)
        .bind(proof.user_id())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO group_members (group_id, email, role, state, invited_by, created_at) \
             VALUES ($1, $2, 'moderator', 'active', $3, $4)",
        )
        .bind(id)
        .bind(maker.as_str())
        .bind(proof.user_id())
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The part `user_id` plays in group `group_id`: `None` when there is no
    /// such group, `Some(None)` when they are no member. Not a read of the
    /// group's contents: the access decision is taken on what this returns.
    #[tracing::instrument(skip(self))]
    pub async fn group_membership(
        &self,
        group_id: i64,
        user_id: i64,
    ) -> Result<Option<Option<GroupRole>>, StorageError> {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM closed_groups WHERE id = $1")
            .bind(group_id)
            .fetch_optional(&self.read)
            .await?;
        if exists.is_none() {
            return Ok(None);
        }
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT m.role, m.state FROM group_members m JOIN users u ON u.email = m.email \
             WHERE m.group_id = $1 AND u.id = $2",
        )
        .bind(group_id)
        .bind(user_id)
        .fetch_optional(&self.read)
        .await?;
        match row {
            Some((role, state)) if state == "active" => return Ok(Some(Some(role_of(&role)?))),
            Some(_) => return Ok(Some(None)),
            None => {}
        }
        let signed_up: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM closed_groups g \
             JOIN activity_registrations r ON r.activity_id = g.activity_id \
             JOIN users u ON u.email = LOWER(r.email) \
             WHERE g.id = $1 AND u.id = $2 AND r.status = 'registered'",
        )
        .bind(group_id)
        .bind(user_id)
        .fetch_one(&self.read)
        .await?;
        Ok(Some((signed_up > 0).then_some(GroupRole::Member)))
    }

    #[tracing::instrument(skip_all, fields(group = access.group_id()))]
    pub async fn group(&self, access: &GroupAccess) -> Result<GroupRecord, StorageError> {
        let sql = format!("SELECT {GROUP_COLUMNS} FROM closed_groups g WHERE g.id = $1");
        sqlx::query_as(&sql).bind(access.group_id()).fetch_optional(&self.read).await?.ok_or(StorageError::NotFound)
    }

    /// The groups `user_id` is a member of (all groups when `every`), by name.
    #[tracing::instrument(skip(self))]
    pub async fn groups_of(&self, user_id: i64, every: bool) -> Result<Vec<GroupSummary>, StorageError> {
        let sql = format!(
            "SELECT {GROUP_COLUMNS}, m.role FROM closed_groups g \
             JOIN group_members m ON m.group_id = g.id JOIN users u ON u.email = m.email \
             WHERE u.id = $1 AND m.state = 'active' \
             UNION \
             SELECT {GROUP_COLUMNS}, 'member' FROM closed_groups g \
             JOIN activity_registrations r ON r.activity_id = g.activity_id \
             JOIN users u ON u.email = LOWER(r.email) \
             WHERE u.id = $1 AND r.status = 'registered' \
             AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.email = u.email)"
        );
        let rows: Vec<(i64, String, String, Option<i64>, i64, String)> =
            sqlx::query_as(&sql).bind(user_id).fetch_all(&self.read).await?;
        let mut out: Vec<GroupSummary> = Vec::new();
        for (id, name, description, activity_id, created_at, role) in rows {
            let group = GroupRecord { id, name, description, activity_id, created_at };
            out.push(GroupSummary { role: Some(role_of(&role)?), group });
        }
        if every {
            let sql = format!("SELECT {GROUP_COLUMNS} FROM closed_groups g");
            let all: Vec<GroupRecord> = sqlx::query_as(&sql).fetch_all(&self.read).await?;
            for group in all {
                if !out.iter().any(|s| s.group.id == group.id) {
                    out.push(GroupSummary { group, role: None });
                }
            }
        }
        out.sort_by(|a, b| {
            a.group.name.to_lowercase().cmp(&b.group.name.to_lowercase()).then(a.group.id.cmp(&b.group.id))
        });
        Ok(out)
    }

    /// The members: moderators first, then by name or address.
    #[tracing::instrument(skip_all, fields(group = access.group_id()))]
    pub async fn group_members(&self, access: &GroupAccess) -> Result<Vec<MemberRecord>, StorageError> {
        let rows: Vec<MemberRow> = sqlx::query_as(
            "SELECT m.email, u.name, u.id, m.role, 'invited' FROM group_members m \
             LEFT JOIN users u ON u.email = m.email WHERE m.group_id = $1 AND m.state = 'active' \
             UNION ALL \
             SELECT LOWER(r.email), COALESCE(u.name, r.name), u.id, 'member', 'activity' FROM closed_groups g \
             JOIN activity_registrations r ON r.activity_id = g.activity_id \
             LEFT JOIN users u ON u.email = LOWER(r.email) \
             WHERE g.id = $1 AND r.status = 'registered' \
             AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.email = LOWER(r.email))",
        )
        .bind(access.group_id())
        .fetch_all(&self.read)
        .await?;
        let mut members = Vec::with_capacity(rows.len());
        for (email, name, user_id, role, source) in rows {
            let source = if source == "activity" { MemberSource::Activity } else { MemberSource::Invited };
            members.push(MemberRecord { email, name, user_id, role: role_of(&role)?, source });
        }
        members.sort_by_key(|m| {
            (m.role != GroupRole::Moderator, m.name.clone().unwrap_or_else(|| m.email.clone()).to_lowercase())
        });
        Ok(members)
    }

    /// Adds an address as member (again, if it was removed). When it is
    /// added, `mail` (the invitation) is queued in the same transaction, so
    /// that a member row without its mail, or a mail without the row, cannot be.
    #[tracing::instrument(skip_all, fields(group = manage.group_id()))]
    pub async fn invite_to_group(
        &self,
        manage: &GroupManage,
        email: &Email,
        mail: Option<&InvitationMail>,
    ) -> Result<Invited, StorageError> {
        let mut tx = self.write.begin().await?;
        let state: Option<String> =
            sqlx::query_scalar("SELECT state FROM group_members WHERE group_id = $1 AND email = $2")
                .bind(manage.group_id())
                .bind(email.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        let outcome = match state.as_deref() {
            Some("active") => Invited::AlreadyMember,
            Some(_) => {
                sqlx::query(
                    "UPDATE group_members SET state = 'active', role = 'member', invited_by = $3, created_at = $4 \
                     WHERE group_id = $1 AND email = $2",
                )
                .bind(manage.group_id())
                .bind(email.as_str())
                .bind(manage.user_id())
                .bind(now())
                .execute(&mut *tx)
                .await?;
                Invited::Added
            }
            None => {
                sqlx::query(
                    "INSERT INTO group_members (group_id, email, role, state, invited_by, created_at) \
                     VALUES ($1, $2, 'member', 'active', $3, $4)",
                )
                .bind(manage.group_id())
                .bind(email.as_str())
                .bind(manage.user_id())
                .bind(now())
                .execute(&mut *tx)
                .await
                .map_err(StorageError::from_write)?;
                Invited::Added
            }
        };
        if let (Invited::Added, Some(mail)) = (outcome, mail) {
            crate::outbox::queue_in(&mut tx, email.as_str(), &mail.subject, &mail.body, now()).await?;
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// Takes a member out of the group or gives them another part, when
    /// `domain::groups::may_change_member` allows it (else its reason, and
    /// nothing changes). The group's row is written first, so that two
    /// changes at once are one after the other and cannot both take away
    /// the last moderator. A member by the activity's sign-up who is taken
    /// out stays out until invited again.
    #[tracing::instrument(skip_all, fields(group = manage.group_id()))]
    pub async fn change_group_member(
        &self,
        manage: &GroupManage,
        email: &str,
        change: MemberChange,
    ) -> Result<Result<(), Message>, StorageError> {
        let group = manage.group_id();
        let at = now();
        let mut tx = self.write.begin().await?;
        // A write that changes nothing: PostgreSQL locks the row, SQLite takes its one write lock.
        sqlx::query("UPDATE closed_groups SET id = id WHERE id = $1").bind(group).execute(&mut *tx).await?;
        let member: Option<(String, String)> =
            sqlx::query_as("SELECT role, state FROM group_members WHERE group_id = $1 AND email = $2")
                .bind(group)
                .bind(email)
                .fetch_optional(&mut *tx)
                .await?;
        let by_activity: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM closed_groups g JOIN activity_registrations r ON r.activity_id = g.activity_id \
             WHERE g.id = $1 AND LOWER(r.email) = $2 AND r.status = 'registered'",
        )
        .bind(group)
        .bind(email)
        .fetch_one(&mut *tx)
        .await?;
        // The member's part now, and whether a row holds it (an activity's participant has none yet).
        let (role, has_row) = match &member {
            Some((role, state)) if state == "active" => (role_of(role)?, true),
            None if by_activity > 0 => (GroupRole::Member, false),
            _ => return Err(StorageError::NotFound),
        };
        let moderators: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND role = 'moderator' AND state = 'active'",
        )
        .bind(group)
        .fetch_one(&mut *tx)
        .await?;
        if let Err(reason) = may_change_member(role, change, usize::try_from(moderators).unwrap_or(0)) {
            return Ok(Err(reason));
        }
        let (new_role, new_state) = match change {
            MemberChange::Remove => (GroupRole::Member, "removed"),
            MemberChange::Become(role) => (role, "active"),
        };
        if has_row {
            sqlx::query(
                "UPDATE group_members SET role = $3, state = $4, created_at = $5 WHERE group_id = $1 AND email = $2",
            )
            .bind(group)
            .bind(email)
            .bind(new_role.key())
            .bind(new_state)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query(
                "INSERT INTO group_members (group_id, email, role, state, invited_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(group)
            .bind(email)
            .bind(new_role.key())
            .bind(new_state)
            .bind(manage.user_id())
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(StorageError::from_write)?;
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    #[tracing::instrument(skip_all, fields(group = read.group_id()))]
    pub async fn post_group_message(
        &self,
        read: &GroupRead,
        author_name: &str,
        body: &str,
    ) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO group_messages (group_id, author_id, author_name, body, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(read.group_id())
        .bind(read.user_id())
        .bind(author_name)
        .bind(body)
        .bind(now())
        .fetch_one(&self.write)
        .await?)
    }

    /// The newest messages first.
    #[tracing::instrument(skip_all, fields(group = read.group_id()))]
    pub async fn group_messages(&self, read: &GroupRead, limit: i64) -> Result<Vec<MessageRecord>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT id, author_id, author_name, body, created_at FROM group_messages WHERE group_id = $1 \
             ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(read.group_id())
        .bind(limit)
        .fetch_all(&self.read)
        .await?)
    }

    /// Records a file shared in the group; its id.
    #[tracing::instrument(skip_all, fields(group = read.group_id()))]
    pub async fn add_group_file(&self, read: &GroupRead, file: &NewFile<'_>) -> Result<i64, StorageError> {
        self.insert_file(Some(read.group_id()), None, Some(read.user_id()), file).await
    }

    /// Records an attachment of a practice example; its id. `NotFound` for a caller who may only read.
    #[tracing::instrument(skip_all, fields(example = access.example_id()))]
    pub async fn add_example_file(&self, access: &ExampleFiles, file: &NewFile<'_>) -> Result<i64, StorageError> {
        if !access.may_write() {
            return Err(StorageError::NotFound);
        }
        self.insert_file(None, Some(access.example_id()), access.user_id(), file).await
    }

    async fn insert_file(
        &self,
        group_id: Option<i64>,
        example_id: Option<i64>,
        uploaded_by: Option<i64>,
        file: &NewFile<'_>,
    ) -> Result<i64, StorageError> {
        sqlx::query_scalar(
            "INSERT INTO stored_files (group_id, example_id, storage_key, name, media_type, size, uploaded_by, \
             uploader_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(group_id)
        .bind(example_id)
        .bind(file.storage_key)
        .bind(file.name)
        .bind(file.media_type)
        .bind(file.size)
        .bind(uploaded_by)
        .bind(file.uploader_name)
        .bind(now())
        .fetch_one(&self.write)
        .await
        .map_err(StorageError::from_write)
    }

    /// The group's files, newest first.
    #[tracing::instrument(skip_all, fields(group = read.group_id()))]
    pub async fn group_files(&self, read: &GroupRead) -> Result<Vec<FileRecord>, StorageError> {
        let sql =
            format!("SELECT {FILE_COLUMNS} FROM stored_files WHERE group_id = $1 ORDER BY created_at DESC, id DESC");
        Ok(sqlx::query_as(&sql).bind(read.group_id()).fetch_all(&self.read).await?)
    }

    #[tracing::instrument(skip_all, fields(group = read.group_id(), file))]
    pub async fn group_file(&self, read: &GroupRead, file: i64) -> Result<FileRecord, StorageError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM stored_files WHERE group_id = $1 AND id = $2");
        sqlx::query_as(&sql)
            .bind(read.group_id())
            .bind(file)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// Removes a file's record when the caller may (its uploader, or who keeps
    /// the group); what it was, so that its bytes can go too.
    #[tracing::instrument(skip_all, fields(group = access.group_id(), file))]
    pub async fn delete_group_file(&self, access: &GroupAccess, file: i64) -> Result<FileRecord, StorageError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM stored_files WHERE group_id = $1 AND id = $2");
        let record: FileRecord = sqlx::query_as(&sql)
            .bind(access.group_id())
            .bind(file)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StorageError::NotFound)?;
        if !access.may_delete_file(record.uploaded_by) {
            return Err(StorageError::NotFound);
        }
        sqlx::query("DELETE FROM stored_files WHERE id = $1").bind(record.id).execute(&self.write).await?;
        Ok(record)
    }

    /// Where an example stands (published, its SWV, its author); `None` when there is none.
    #[tracing::instrument(skip(self))]
    pub async fn example_standing(&self, id: i64) -> Result<Option<ExampleStandingRow>, StorageError> {
        let row: Option<(String, Option<String>, Option<i64>)> =
            sqlx::query_as("SELECT state, swv_code, created_by FROM knowledge_examples WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.read)
                .await?;
        Ok(row.map(|(state, swv_code, created_by)| ExampleStandingRow {
            published: state == "published",
            swv_code,
            created_by,
        }))
    }

    #[tracing::instrument(skip_all, fields(example = access.example_id()))]
    pub async fn example_files(&self, access: &ExampleFiles) -> Result<Vec<FileRecord>, StorageError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM stored_files WHERE example_id = $1 ORDER BY created_at, id");
        Ok(sqlx::query_as(&sql).bind(access.example_id()).fetch_all(&self.read).await?)
    }

    #[tracing::instrument(skip_all, fields(example = access.example_id(), file))]
    pub async fn example_file(&self, access: &ExampleFiles, file: i64) -> Result<FileRecord, StorageError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM stored_files WHERE example_id = $1 AND id = $2");
        sqlx::query_as(&sql)
            .bind(access.example_id())
            .bind(file)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StorageError::NotFound)
    }

    /// Removes an attachment's record (who may write the example's attachments); what it was.
    #[tracing::instrument(skip_all, fields(example = access.example_id(), file))]
    pub async fn delete_example_file(&self, access: &ExampleFiles, file: i64) -> Result<FileRecord, StorageError> {
        if !access.may_write() {
            return Err(StorageError::NotFound);
        }
        let record = self.example_file(access, file).await?;
        sqlx::query("DELETE FROM stored_files WHERE id = $1").bind(record.id).execute(&self.write).await?;
        Ok(record)
    }

    /// Every storage key the file records name (groups' files and examples'
    /// attachments): for housekeeping, and for checks that the store holds nothing else.
    pub async fn stored_file_keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(sqlx::query_scalar("SELECT storage_key FROM stored_files ORDER BY storage_key")
            .fetch_all(&self.read)
            .await?)
    }
}
