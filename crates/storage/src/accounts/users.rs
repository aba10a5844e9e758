use passend_domain::accounts::Email;
use serde::Serialize;

use crate::{Database, StorageError, now};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    #[serde(skip)]
    pub password_hash: Option<String>,
}

/// Creates an account on `executor`; returns its id, `Conflict` when the address has one already.
pub(super) async fn insert_user<'c, E>(
    executor: E,
    email: &Email,
    name: &str,
    password_hash: &str,
) -> Result<i64, StorageError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(email.as_str())
    .bind(name)
    .bind(password_hash)
    .bind(now())
    .fetch_one(executor)
    .await
    .map_err(StorageError::from_write)
}

impl Database {
    /// Creates an account; `Conflict` when the address has one already.
    pub async fn create_user(&self, email: &Email, name: &str, password_hash: &str) -> Result<i64, StorageError> {
        insert_user(&self.write, email, name, password_hash).await
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StorageError> {
        Ok(sqlx::query_as("SELECT id, email, name, password_hash FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&self.read)
            .await?)
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<User>, StorageError> {
        Ok(sqlx::query_as("SELECT id, email, name, password_hash FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?)
    }

    /// Sets a new password and ends every session and every open reset link of the user.
    pub async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        let at = now();
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
            .bind(at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn count_users(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&self.read).await?)
    }
}
