//! The platform's and each SWV's own terms with a plain alternative. Reading
//! them needs no proof: they are the words parents are meant to read instead.
//! Changing a list takes the proof of its owner ([`PlatformAdmin`] or [`SwvEdit`]).

use passend_domain::access::{PlatformAdmin, SwvEdit};

use crate::{Database, StorageError, now};

/// One own term.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlainTerm {
    pub id: i64,
    /// `None` for the platform's list.
    pub swv_code: Option<String>,
    pub term: String,
    pub plain: String,
}

/// Whose list: the platform's, or one SWV's.
pub enum TermList<'a> {
    Platform(&'a PlatformAdmin),
    Swv(&'a SwvEdit),
}

impl TermList<'_> {
    fn swv_code(&self) -> Option<&str> {
        match self {
            TermList::Platform(_) => None,
            TermList::Swv(edit) => Some(edit.code()),
        }
    }
}

const COLUMNS: &str = "id, swv_code, term, plain";

impl Database {
    /// The platform's list (`swv` `None`) or one SWV's, in alphabetical order.
    pub async fn plain_terms(&self, swv: Option<&str>) -> Result<Vec<PlainTerm>, StorageError> {
        let rows = match swv {
            None => {
                sqlx::query_as::<_, PlainTerm>(&format!(
                    "SELECT {COLUMNS} FROM plain_terms WHERE swv_code IS NULL ORDER BY LOWER(term), id"
                ))
                .fetch_all(&self.read)
                .await?
            }
            Some(code) => {
                sqlx::query_as::<_, PlainTerm>(&format!(
                    "SELECT {COLUMNS} FROM plain_terms WHERE swv_code = $1 ORDER BY LOWER(term), id"
                ))
                .bind(code)
                .fetch_all(&self.read)
                .await?
            }
        };
        Ok(rows)
    }

    /// Adds a term to a list; returns its id.
    pub async fn add_plain_term(
        &self,
        list: TermList<'_>,
        term: &str,
        plain: &str,
        user_id: i64,
    ) -> Result<i64, StorageError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO plain_terms (swv_code, term, plain, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
             RETURNING id",
        )
        .bind(list.swv_code())
        .bind(term)
        .bind(plain)
        .bind(user_id)
        .bind(now())
        .fetch_one(&self.write)
        .await?;
        Ok(id)
    }

    /// Removes a term from a list; not found when the list has no such term.
    pub async fn remove_plain_term(&self, list: TermList<'_>, id: i64) -> Result<(), StorageError> {
        let done = match list.swv_code() {
            None => sqlx::query("DELETE FROM plain_terms WHERE id = $1 AND swv_code IS NULL").bind(id),
            Some(code) => sqlx::query("DELETE FROM plain_terms WHERE id = $1 AND swv_code = $2").bind(id).bind(code),
        }
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    /// Puts a term on a list unless it is there (demo data); no proof, as the
    /// demo set-up has no signed-in person.
    pub async fn seed_plain_term(&self, swv: Option<&str>, term: &str, plain: &str) -> Result<(), StorageError> {
        let there = self.plain_terms(swv).await?.iter().any(|t| t.term.eq_ignore_ascii_case(term));
        if !there {
            sqlx::query("INSERT INTO plain_terms (swv_code, term, plain, created_at) VALUES ($1, $2, $3, $4)")
                .bind(swv)
                .bind(term)
                .bind(plain)
                .bind(now())
                .execute(&self.write)
                .await?;
        }
        Ok(())
    }
}
