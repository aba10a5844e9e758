//! The knowledge platform's tables: practice examples with their tags, the
//! question desk and its FAQ.
//!
//! The examples' search runs on an index in the application's memory
//! (`domain::knowledge::search_index`); here every write of an example stamps
//! it with the next number of a change counter, in the same transaction, and
//! [`Database::examples_changed_since`] hands a server what changed after the
//! number its index has. Published examples and FAQ items are public; drafts
//! and tickets are reached only with a proof from `domain::access`.

use std::collections::HashMap;

use passend_domain::access::{KnowledgeEdit, ProfileCoordination, QuestionDesk};
use passend_domain::knowledge::question::{DETAILS_KEPT_SECS, FaqItem, Question};
use passend_domain::knowledge::{Example, ExampleSector, ExampleState, Tag};
use sqlx::AnyConnection;

use crate::outbox::queue_in;
use crate::rows::{Column, Named};
use crate::{Database, StorageError, now};

/// One example as it is stored.
#[derive(Debug, Clone)]
pub struct ExampleRecord {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub sector: ExampleSector,
    pub source_name: String,
    pub source_brin: Option<String>,
    pub swv_code: Option<String>,
    pub contact: String,
    pub state: ExampleState,
    pub tags: Vec<Tag>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

/// A search result: the example's card and its rank (higher is better).
#[derive(Debug, Clone)]
pub struct ExampleHit {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub sector: ExampleSector,
    pub source_name: String,
    pub tags: Vec<Tag>,
    pub published_at: Option<i64>,
    pub rank: f64,
}

#[derive(sqlx::FromRow)]
struct ExampleRow {
    id: i64,
    title: String,
    summary: String,
    body: String,
    sector: String,
    source_name: String,
    source_brin: Option<String>,
    swv_code: Option<String>,
    contact: String,
    state: String,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct HitRow {
    id: i64,
    title: String,
    summary: String,
    sector: String,
    source_name: String,
    published_at: Option<i64>,
    rank: f64,
}

const SECTOR: Column = Column::new("knowledge_examples", "sector");
const STATE: Column = Column::new("knowledge_examples", "state");
const TAG: Column = Column::new("knowledge_example_tags", "tag");

impl Named for ExampleSector {
    const WHAT: &'static str = "knowledge example sector";
    fn from_name(name: &str) -> Option<Self> {
        ExampleSector::parse(name)
    }
}

impl Named for ExampleState {
    const WHAT: &'static str = "example state";
    fn from_name(name: &str) -> Option<Self> {
        ExampleState::parse(name)
    }
}

impl Named for Tag {
    const WHAT: &'static str = "tag";
    fn from_name(name: &str) -> Option<Self> {
        Tag::parse(name).ok()
    }
}

fn sector_of(raw: &str) -> Result<ExampleSector, StorageError> {
    SECTOR.parse(raw)
}

fn state_of(raw: &str) -> Result<ExampleState, StorageError> {
    STATE.parse(raw)
}

fn tag_of(raw: String) -> Result<Tag, StorageError> {
    TAG.parse(&raw)
}

const EXAMPLE_COLUMNS: &str = "id, title, summary, body, sector, source_name, source_brin, swv_code, contact, state, \
     created_at, updated_at, published_at";

/// `$from, $from+1, …` for `count` values.
fn placeholders(from: usize, count: usize) -> String {
    (from..from + count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

fn record_of(row: ExampleRow, tags: Vec<Tag>) -> Result<ExampleRecord, StorageError> {
    Ok(ExampleRecord {
        tags,
        id: row.id,
        sector: sector_of(&row.sector)?,
        state: state_of(&row.state)?,
        title: row.title,
        summary: row.summary,
        body: row.body,
        source_name: row.source_name,
        source_brin: row.source_brin,
        swv_code: row.swv_code,
        contact: row.contact,
        created_at: row.created_at,
        updated_at: row.updated_at,
        published_at: row.published_at,
    })
}

/// An example written after the number a search index had, with its own number.
#[derive(Debug, Clone)]
pub struct ChangedExample {
    pub record: ExampleRecord,
    pub search_version: i64,
}

#[derive(sqlx::FromRow)]
struct VersionedRow {
    #[sqlx(flatten)]
    row: ExampleRow,
    search_version: i64,
}

/// Takes the change counter's next number and stamps the example with it, on
/// the write's own transaction. The counter's row is locked until the
/// transaction ends, so the numbers become visible in order: a server that
/// sees number n also sees every example stamped before it.
async fn stamp_for_search(conn: &mut AnyConnection, id: i64) -> Result<(), StorageError> {
    let version: i64 =
        sqlx::query_scalar("UPDATE knowledge_search_state SET version = version + 1 WHERE id = 1 RETURNING version")
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query("UPDATE knowledge_examples SET search_version = $1 WHERE id = $2")
        .bind(version)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Who writes a new example: an editor (for the platform or an SWV it edits
/// for), or a school's coordinator, whose draft goes to its SWV's editors.
pub enum Authorship<'a> {
    Editor { edit: &'a KnowledgeEdit, swv: Option<&'a str> },
    School { school: &'a ProfileCoordination, swv: Option<&'a str> },
}

impl Database {
    async fn tags_of(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<Tag>>, StorageError> {
        let mut tags: HashMap<i64, Vec<Tag>> = HashMap::new();
        if ids.is_empty() {
            return Ok(tags);
        }
        let sql = format!(
            "SELECT example_id, tag FROM knowledge_example_tags WHERE example_id IN ({}) ORDER BY example_id, tag",
            placeholders(1, ids.len())
        );
        let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        for (id, tag) in query.fetch_all(&self.read).await? {
            tags.entry(id).or_default().push(tag_of(tag)?);
        }
        Ok(tags)
    }

    async fn records(&self, rows: Vec<ExampleRow>) -> Result<Vec<ExampleRecord>, StorageError> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut tags = self.tags_of(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let own = tags.remove(&row.id).unwrap_or_default();
                record_of(row, own)
            })
            .collect()
    }

    /// Writes a new example (a draft, or published at once when an editor says so); its id.
    #[tracing::instrument(skip_all)]
    pub async fn create_example(
        &self,
        author: Authorship<'_>,
        example: &Example,
        publish: bool,
        created_by: Option<i64>,
    ) -> Result<i64, StorageError> {
        let (swv, brin, state) = match author {
            Authorship::Editor { edit, swv } => {
                if !edit.covers(swv) {
                    return Err(StorageError::NotFound);
                }
                (swv, None, if publish { ExampleState::Published } else { ExampleState::Draft })
            }
            Authorship::School { school, swv } => (swv, Some(school.brin()), ExampleState::Draft),
        };
        let at = now();
        let mut tx = self.write.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO knowledge_examples (title, summary, body, sector, source_name, source_brin, swv_code, contact, \
             state, created_by, created_at, updated_at, published_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
        )
        .bind(&example.title)
        .bind(&example.summary)
        .bind(&example.body)
        .bind(example.sector.key())
        .bind(&example.source_name)
        .bind(brin)
        .bind(swv)
        .bind(&example.contact)
        .bind(state.key())
        .bind(created_by)
        .bind(at)
        .bind((state == ExampleState::Published).then_some(at))
        .fetch_one(&mut *tx)
        .await?;
        write_tags(&mut tx, id, &example.tags).await?;
        stamp_for_search(&mut tx, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an example the editor keeps; `NotFound` for one outside its scope.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn update_example(&self, edit: &KnowledgeEdit, id: i64, example: &Example) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        let swv: Option<Option<String>> = sqlx::query_scalar("SELECT swv_code FROM knowledge_examples WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        match swv {
            Some(swv) if edit.covers(swv.as_deref()) => {}
            _ => return Err(StorageError::NotFound),
        }
        sqlx::query(
            "UPDATE knowledge_examples SET title = $1, summary = $2, body = $3, sector = $4, source_name = $5, \
             contact = $6, updated_at = $7 WHERE id = $8",
        )
        .bind(&example.title)
        .bind(&example.summary)
        .bind(&example.body)
        .bind(example.sector.key())
        .bind(&example.source_name)
        .bind(&example.contact)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM knowledge_example_tags WHERE example_id = $1").bind(id).execute(&mut *tx).await?;
        write_tags(&mut tx, id, &example.tags).await?;
        stamp_for_search(&mut tx, id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Publishes a draft the editor keeps (publishing twice changes nothing).
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn publish_example(&self, edit: &KnowledgeEdit, id: i64) -> Result<(), StorageError> {
        let record = self.example_for_editor(edit, id).await?;
        let mut tx = self.write.begin().await?;
        sqlx::query(
            "UPDATE knowledge_examples SET state = 'published', published_at = COALESCE(published_at, $1) WHERE id = $2",
        )
        .bind(now())
        .bind(record.id)
        .execute(&mut *tx)
        .await?;
        stamp_for_search(&mut tx, record.id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A published example, for everyone.
    #[tracing::instrument(skip(self))]
    pub async fn published_example(&self, id: i64) -> Result<Option<ExampleRecord>, StorageError> {
        let sql = format!("SELECT {EXAMPLE_COLUMNS} FROM knowledge_examples WHERE id = $1 AND state = 'published'");
        let rows = sqlx::query_as::<_, ExampleRow>(&sql).bind(id).fetch_all(&self.read).await?;
        Ok(self.records(rows).await?.pop())
    }

    /// Any example the editor keeps, draft or published.
    #[tracing::instrument(skip(self, edit))]
    pub async fn example_for_editor(&self, edit: &KnowledgeEdit, id: i64) -> Result<ExampleRecord, StorageError> {
        let sql = format!("SELECT {EXAMPLE_COLUMNS} FROM knowledge_examples WHERE id = $1");
        let rows = sqlx::query_as::<_, ExampleRow>(&sql).bind(id).fetch_all(&self.read).await?;
        match self.records(rows).await?.pop() {
            Some(record) if edit.covers(record.swv_code.as_deref()) => Ok(record),
            _ => Err(StorageError::NotFound),
        }
    }

    /// The drafts waiting for this editor, oldest first.
    #[tracing::instrument(skip_all)]
    pub async fn drafts(&self, edit: &KnowledgeEdit) -> Result<Vec<ExampleRecord>, StorageError> {
        let sql =
            format!("SELECT {EXAMPLE_COLUMNS} FROM knowledge_examples WHERE state = 'draft' ORDER BY created_at, id");
        let rows = sqlx::query_as::<_, ExampleRow>(&sql).fetch_all(&self.read).await?;
        let records = self.records(rows).await?;
        Ok(records.into_iter().filter(|r| edit.covers(r.swv_code.as_deref())).collect())
    }

    /// The change counter's number: an index that has it is up to date.
    pub async fn knowledge_search_version(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT version FROM knowledge_search_state WHERE id = 1").fetch_one(&self.read).await?)
    }

    /// The first `limit` examples (draft or published) stamped after
    /// `version`, in the order of their numbers, with their tags: what a
    /// search index must take in, replace or take out to be up to date. Each
    /// stamp is a new number, so the next page starts after the last one's.
    #[tracing::instrument(skip(self))]
    pub async fn examples_changed_since(&self, version: i64, limit: i64) -> Result<Vec<ChangedExample>, StorageError> {
        // The LIMIT also makes PostgreSQL read along the index on
        // search_version instead of scanning every example for a few changes.
        let sql = format!(
            "SELECT {EXAMPLE_COLUMNS}, search_version FROM knowledge_examples \
             WHERE search_version > $1 ORDER BY search_version LIMIT $2"
        );
        let rows = sqlx::query_as::<_, VersionedRow>(&sql).bind(version).bind(limit).fetch_all(&self.read).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.row.id).collect();
        let mut tags = self.tags_of(&ids).await?;
        rows.into_iter()
            .map(|versioned| {
                let own = tags.remove(&versioned.row.id).unwrap_or_default();
                Ok(ChangedExample { record: record_of(versioned.row, own)?, search_version: versioned.search_version })
            })
            .collect()
    }

    /// Published examples that share the most tags with `tags` (not `except`), then the newest.
    #[tracing::instrument(skip(self))]
    pub async fn examples_sharing_tags(
        &self,
        tags: &[Tag],
        except: Option<i64>,
        limit: i64,
    ) -> Result<Vec<ExampleHit>, StorageError> {
        if tags.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT e.id, e.title, e.summary, e.sector, e.source_name, e.published_at, \
             CAST(COUNT(t.tag) AS DOUBLE PRECISION) AS rank \
             FROM knowledge_examples e JOIN knowledge_example_tags t ON t.example_id = e.id \
             WHERE e.state = 'published' AND e.id <> $1 AND t.tag IN ({}) \
             GROUP BY e.id, e.title, e.summary, e.sector, e.source_name, e.published_at \
             ORDER BY rank DESC, e.published_at DESC, e.id DESC LIMIT ${}",
            placeholders(2, tags.len()),
            tags.len() + 2
        );
        let mut q = sqlx::query_as::<_, HitRow>(&sql).bind(except.unwrap_or(0));
        for tag in tags {
            q = q.bind(tag.as_str().to_owned());
        }
        let rows = q.bind(limit).fetch_all(&self.read).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut found = self.tags_of(&ids).await?;
        rows.into_iter()
            .map(|row| {
                Ok(ExampleHit {
                    tags: found.remove(&row.id).unwrap_or_default(),
                    sector: sector_of(&row.sector)?,
                    id: row.id,
                    title: row.title,
                    summary: row.summary,
                    source_name: row.source_name,
                    published_at: row.published_at,
                    rank: row.rank,
                })
            })
            .collect()
    }

    /// How many examples there are, drafts included (the demo seeds only an empty base).
    pub async fn example_count(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM knowledge_examples").fetch_one(&self.read).await?)
    }

    /// How many published examples carry each tag.
    pub async fn published_tag_counts(&self) -> Result<Vec<(String, i64)>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT t.tag, COUNT(*) FROM knowledge_example_tags t JOIN knowledge_examples e ON e.id = t.example_id \
             WHERE e.state = 'published' GROUP BY t.tag ORDER BY t.tag",
        )
        .fetch_all(&self.read)
        .await?)
    }
}

async fn write_tags(conn: &mut AnyConnection, id: i64, tags: &[Tag]) -> Result<(), StorageError> {
    for tag in tags {
        sqlx::query("INSERT INTO knowledge_example_tags (example_id, tag) VALUES ($1, $2)")
            .bind(id)
            .bind(tag.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A ticket at the question desk.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuestionRecord {
    pub id: i64,
    pub asker_name: Option<String>,
    pub asker_phone: Option<String>,
    pub asker_email: Option<String>,
    pub asker_organisation: Option<String>,
    pub description: String,
    pub asked_at: i64,
    pub answer: Option<String>,
    pub answered_by_name: Option<String>,
    pub answered_at: Option<i64>,
    pub details_deleted_at: Option<i64>,
}

/// A published FAQ item.
#[derive(Debug, Clone)]
pub struct FaqRecord {
    pub id: i64,
    pub question: String,
    pub answer: String,
    pub tags: Vec<Tag>,
    pub published_at: i64,
}

/// A mail to queue in the same transaction as the change it tells of.
pub struct QueuedMail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

const QUESTION_COLUMNS: &str = "id, asker_name, asker_phone, asker_email, asker_organisation, description, asked_at, \
     answer, answered_by_name, answered_at, details_deleted_at";

impl Database {
    /// Stores a question and queues its mails (to the asker, to the experts)
    /// in one transaction; the ticket id and the outbox ids of the mails.
    #[tracing::instrument(skip_all)]
    pub async fn create_question(
        &self,
        question: &Question,
        token_hash: &str,
        mails: &[QueuedMail<'_>],
    ) -> Result<(i64, Vec<i64>), StorageError> {
        let at = now();
        let mut tx = self.write.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO knowledge_questions (token_hash, asker_name, asker_phone, asker_email, asker_organisation, \
             description, asked_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(token_hash)
        .bind(&question.name)
        .bind(&question.phone)
        .bind(question.email.as_str())
        .bind(&question.organisation)
        .bind(&question.description)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let mut queued = Vec::new();
        for mail in mails {
            queued.push(queue_in(&mut tx, mail.to, mail.subject, mail.body, at).await?);
        }
        tx.commit().await?;
        Ok((id, queued))
    }

    /// The e-mail addresses of the platform's experts, for a new ticket.
    pub async fn expert_addresses(&self) -> Result<Vec<String>, StorageError> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT u.email FROM users u JOIN memberships m ON m.user_id = u.id \
             WHERE m.org_kind = 'platform' AND m.role = 'expert' ORDER BY u.email",
        )
        .fetch_all(&self.read)
        .await?)
    }

    /// Tickets for the desk: open ones first (oldest first), then the answered ones.
    #[tracing::instrument(skip_all)]
    pub async fn desk_questions(&self, _desk: &QuestionDesk, limit: i64) -> Result<Vec<QuestionRecord>, StorageError> {
        let sql = format!(
            "SELECT {QUESTION_COLUMNS} FROM knowledge_questions \
             ORDER BY CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END, asked_at, id LIMIT $1"
        );
        Ok(sqlx::query_as(&sql).bind(limit).fetch_all(&self.read).await?)
    }

    pub async fn desk_question(&self, _desk: &QuestionDesk, id: i64) -> Result<QuestionRecord, StorageError> {
        let sql = format!("SELECT {QUESTION_COLUMNS} FROM knowledge_questions WHERE id = $1");
        sqlx::query_as(&sql).bind(id).fetch_optional(&self.read).await?.ok_or(StorageError::NotFound)
    }

    /// A ticket an editor of the platform may turn into a FAQ item.
    pub async fn question_for_faq(&self, edit: &KnowledgeEdit, id: i64) -> Result<QuestionRecord, StorageError> {
        if !edit.covers(None) {
            return Err(StorageError::NotFound);
        }
        let sql = format!("SELECT {QUESTION_COLUMNS} FROM knowledge_questions WHERE id = $1");
        sqlx::query_as(&sql).bind(id).fetch_optional(&self.read).await?.ok_or(StorageError::NotFound)
    }

    /// The question behind an asker's link.
    pub async fn question_by_token(&self, token_hash: &str) -> Result<Option<QuestionRecord>, StorageError> {
        let sql = format!("SELECT {QUESTION_COLUMNS} FROM knowledge_questions WHERE token_hash = $1");
        Ok(sqlx::query_as(&sql).bind(token_hash).fetch_optional(&self.read).await?)
    }

    /// Answers an open ticket and queues the mail to the asker in the same
    /// transaction. `Conflict` when it was answered already (by someone else in the meantime).
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn answer_question(
        &self,
        desk: &QuestionDesk,
        id: i64,
        answer: &str,
        expert_name: &str,
        mail: Option<QueuedMail<'_>>,
    ) -> Result<Option<i64>, StorageError> {
        let at = now();
        let mut tx = self.write.begin().await?;
        let changed = sqlx::query(
            "UPDATE knowledge_questions SET answer = $1, answered_by = $2, answered_by_name = $3, answered_at = $4 \
             WHERE id = $5 AND answered_at IS NULL",
        )
        .bind(answer)
        .bind(desk.user_id())
        .bind(expert_name)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM knowledge_questions WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(if exists.is_some() { StorageError::Conflict } else { StorageError::NotFound });
        }
        let queued = match mail {
            Some(mail) => Some(queue_in(&mut tx, mail.to, mail.subject, mail.body, at).await?),
            None => None,
        };
        tx.commit().await?;
        Ok(queued)
    }

    /// Publishes an answered question as a FAQ item (once per question); its id.
    #[tracing::instrument(skip_all, fields(question_id))]
    pub async fn publish_faq(
        &self,
        edit: &KnowledgeEdit,
        question_id: i64,
        item: &FaqItem,
    ) -> Result<i64, StorageError> {
        if !edit.covers(None) {
            return Err(StorageError::NotFound);
        }
        let mut tx = self.write.begin().await?;
        let answered: Option<Option<i64>> =
            sqlx::query_scalar("SELECT answered_at FROM knowledge_questions WHERE id = $1")
                .bind(question_id)
                .fetch_optional(&mut *tx)
                .await?;
        match answered {
            None => return Err(StorageError::NotFound),
            Some(None) => return Err(StorageError::Conflict),
            Some(Some(_)) => {}
        }
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM knowledge_faq WHERE question_id = $1")
            .bind(question_id)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StorageError::Conflict);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO knowledge_faq (question_id, question, answer, published_by, published_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(question_id)
        .bind(&item.question)
        .bind(&item.answer)
        .bind(edit.user_id())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for tag in &item.tags {
            sqlx::query("INSERT INTO knowledge_faq_tags (faq_id, tag) VALUES ($1, $2)")
                .bind(id)
                .bind(tag.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Published FAQ items, newest first; with a tag, only those carrying it.
    pub async fn faq_items(&self, tag: Option<&Tag>, limit: i64) -> Result<Vec<FaqRecord>, StorageError> {
        let rows: Vec<(i64, String, String, i64)> = match tag {
            Some(tag) => {
                sqlx::query_as(
                    "SELECT f.id, f.question, f.answer, f.published_at FROM knowledge_faq f \
                     WHERE EXISTS (SELECT 1 FROM knowledge_faq_tags t WHERE t.faq_id = f.id AND t.tag = $1) \
                     ORDER BY f.published_at DESC, f.id DESC LIMIT $2",
                )
                .bind(tag.as_str().to_owned())
                .bind(limit)
                .fetch_all(&self.read)
                .await?
            }
            None => {
                sqlx::query_as(
                    "SELECT id, question, answer, published_at FROM knowledge_faq \
                     ORDER BY published_at DESC, id DESC LIMIT $1",
                )
                .bind(limit)
                .fetch_all(&self.read)
                .await?
            }
        };
        let mut tags: HashMap<i64, Vec<Tag>> = HashMap::new();
        for (id, tag) in sqlx::query_as::<_, (i64, String)>("SELECT faq_id, tag FROM knowledge_faq_tags ORDER BY tag")
            .fetch_all(&self.read)
            .await?
        {
            tags.entry(id).or_default().push(tag_of(tag)?);
        }
        Ok(rows
            .into_iter()
            .map(|(id, question, answer, published_at)| FaqRecord {
                tags: tags.remove(&id).unwrap_or_default(),
                id,
                question,
                answer,
                published_at,
            })
            .collect())
    }

    /// Deletes the asker's details of questions answered at least a year before `at`; how many.
    #[tracing::instrument(skip(self))]
    pub async fn delete_expired_askers(&self, at: i64) -> Result<u64, StorageError> {
        Ok(sqlx::query(
            "UPDATE knowledge_questions SET asker_name = NULL, asker_phone = NULL, asker_email = NULL, \
             asker_organisation = NULL, details_deleted_at = $1 \
             WHERE answered_at IS NOT NULL AND answered_at <= $2 AND details_deleted_at IS NULL",
        )
        .bind(at)
        .bind(at - DETAILS_KEPT_SECS)
        .execute(&self.write)
        .await?
        .rows_affected())
    }
}
