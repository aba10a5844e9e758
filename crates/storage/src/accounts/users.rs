use passend_domain::accounts::Email;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Database, StorageError, now};

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    #[serde(skip)]
    pub password_hash: Option<String>,
}

fn user_from_row(row: &AnyRow) -> Result<User, sqlx::Error> {
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
    })
}

impl Database {
    /// Creates an account; `Conflict` when the address has one already.
    pub async fn create_user(&self, email: &Email, name: &str, password_hash: &str) -> Result<i64, StorageError> {
        let at = now();
        let row = sqlx::query(
            "INSERT INTO users (email, name, password_hash, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $4) RETURNING id",
        )
        .bind(email.as_str())
        .bind(name)
        .bind(password_hash)
        .bind(at)
        .fetch_one(&self.write)
        .await
        .map_err(StorageError::from_write)?;
        Ok(row.try_get(0)?)
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StorageError> {
        let row = sqlx::query("SELECT id, email, name, password_hash FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(user_from_row).transpose()?)
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<User>, StorageError> {
        let row = sqlx::query("SELECT id, email, name, password_hash FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(user_from_row).transpose()?)
    }

    /// Sets a new password and ends every session of the user.
    pub async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now())
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn count_users(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM users").fetch_one(&self.read).await?.try_get(0)?)
    }
}
