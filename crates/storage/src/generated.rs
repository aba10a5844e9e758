//! Writing generated profiles (national-scale sample data), in batches.

use passend_domain::generated::{GeneratedProfile, SampleLocation};

use crate::{Database, StorageError, now};

/// A generated profile with the location and school year it belongs to.
pub struct GeneratedRow<'a> {
    pub location_code: &'a str,
    pub brin: &'a str,
    pub school_year: String,
    pub profile: &'a GeneratedProfile,
}

/// Answer rows per INSERT statement: well under SQLite's and PostgreSQL's bind limits.
const ANSWERS_PER_STATEMENT: usize = 100;

#[derive(sqlx::FromRow)]
struct SampleRow {
    code: String,
    duo_type: Option<String>,
    pupils: Option<i64>,
    brin: String,
}

async fn sample_rows<'q>(
    query: sqlx::query::QueryAs<'q, sqlx::Any, SampleRow, sqlx::any::AnyArguments<'q>>,
    pool: &sqlx::AnyPool,
) -> Result<Vec<(SampleLocation, String)>, StorageError> {
    Ok(query
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| (SampleLocation { code: row.code, duo_type: row.duo_type, pupils: row.pupils }, row.brin))
        .collect())
}

impl Database {
    /// Every location with what the generator needs, and its school's BRIN.
    pub async fn sample_locations(&self) -> Result<Vec<(SampleLocation, String)>, StorageError> {
        sample_rows(sqlx::query_as("SELECT code, duo_type, pupils, brin FROM locations ORDER BY code"), &self.read)
            .await
    }

    /// The same for the locations of one SWV (PO or VO), for the demo's region.
    pub async fn sample_locations_in_swv(&self, swv: &str) -> Result<Vec<(SampleLocation, String)>, StorageError> {
        let query = sqlx::query_as(
            "SELECT code, duo_type, pupils, brin FROM locations WHERE swv_po = $1 OR swv_vo = $1 ORDER BY code",
        )
        .bind(swv);
        sample_rows(query, &self.read).await
    }

    /// Writes a batch of generated profiles in one transaction. A location with
    /// any profile of its own (not generated) gets none, so sample data never
    /// stands beside or in front of a school's real profile; a year that
    /// already has a profile keeps it. Returns how many were written.
    pub async fn insert_generated(&self, rows: &[GeneratedRow<'_>]) -> Result<usize, StorageError> {
        let at = now();
        let mut tx = self.write.begin().await?;
        let mut written = 0;
        for row in rows {
            let published_at = (row.profile.state == passend_domain::lifecycle::ProfileState::Published
                || row.profile.state == passend_domain::lifecycle::ProfileState::Superseded)
                .then_some(at);
            let levels = crate::offer_levels::levels_of(row.profile.answers.iter().map(|(k, v, _)| (k.as_str(), v)));
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO profiles (location_code, brin, school_year, template_json, created_at, updated_at, state,
                    adopted_on, content_hash, published_at, generated, offer_levels)
                 SELECT $1, $2, $3, '', $4, $4, $5, $6, $7, $8, 1, $9
                 WHERE NOT EXISTS (SELECT 1 FROM profiles o WHERE o.location_code = $1 AND o.generated = 0)
                 ON CONFLICT (location_code, school_year) DO NOTHING RETURNING id",
            )
            .bind(row.location_code)
            .bind(row.brin)
            .bind(&row.school_year)
            .bind(at)
            .bind(row.profile.state.as_str())
            .bind(row.profile.adopted_on.as_deref())
            .bind(row.profile.content_hash.as_deref())
            .bind(published_at)
            .bind(crate::offer_levels::to_json(&levels))
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else { continue };
            written += 1;
            for chunk in row.profile.answers.chunks(ANSWERS_PER_STATEMENT) {
                let mut sql = String::from(
                    "INSERT INTO school_answers (profile_id, item_key, value_json, note, version, updated_at) VALUES ",
                );
                for i in 0..chunk.len() {
                    let b = i * 3;
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    sql.push_str(&format!("($1, ${}, ${}, ${}, 1, $2)", b + 3, b + 4, b + 5));
                }
                let mut query = sqlx::query(&sql).bind(id).bind(at);
                for (key, value, note) in chunk {
                    query = query
                        .bind(key.as_str())
                        .bind(serde_json::to_string(value).expect("answers serialise"))
                        .bind(note.as_deref());
                }
                query.execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(written)
    }

    /// How many profiles are generated rather than a school's own.
    pub async fn count_generated(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM profiles WHERE generated = 1").fetch_one(&self.read).await?)
    }
}
