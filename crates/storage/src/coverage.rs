//! What the locations of an SWV offer per support category in a school year.

use std::collections::HashMap;

use passend_domain::access::{OrgView, PlatformAdmin, SwvEdit};
use passend_domain::coverage::{Kern, LocationOffer, Norm};
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::OrgKind;
use passend_domain::questionnaire::{AnswerValue, SchoolYear};
use sqlx::Row;

use crate::{Database, StorageError, now, offer_levels};

/// A profile of one of the SWV's locations, for the status board.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileStatus {
    pub location_code: String,
    pub school_year: String,
    pub state: Option<ProfileState>,
    pub adopted_on: Option<String>,
    /// When its last step was taken.
    pub last_step_at: Option<i64>,
}

/// A location of the SWV with its profile's school answers for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionProfile {
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub state: Option<ProfileState>,
    pub answers: HashMap<String, AnswerValue>,
}

impl Database {
    /// Every location of the SWV with the levels its profile of `year` gives
    /// (none for a location without a profile).
    pub async fn coverage(&self, view: &OrgView, year: SchoolYear) -> Result<Vec<LocationOffer>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        Ok(self.offers(Some(&view.org().code), year).await?.into_iter().map(|(offer, _)| offer).collect())
    }

    /// Every location in the country with its SWVs (PO, VO) and levels: the national view.
    pub async fn national_coverage(
        &self,
        _: &PlatformAdmin,
        year: SchoolYear,
    ) -> Result<Vec<(LocationOffer, Vec<String>)>, StorageError> {
        self.offers(None, year).await
    }

    async fn offers(
        &self,
        swv: Option<&str>,
        year: SchoolYear,
    ) -> Result<Vec<(LocationOffer, Vec<String>)>, StorageError> {
        let code = swv.unwrap_or_default();
        // One row per location, the levels from the profile row: rows, not
        // answers, are what costs time (national: 8,622 rows, not 100,000).
        let rows = sqlx::query(
            "SELECT l.code, l.name, l.brin, l.municipality, l.sector, p.id, p.state, l.swv_po, l.swv_vo, l.lat, l.lon,
                    k.name, p.generated, p.offer_levels
             FROM locations l LEFT JOIN profiles p ON p.location_code = l.code AND p.school_year = $2
             LEFT JOIN swv_kern_locations kl ON kl.location_code = l.code AND kl.swv_code = $1
             LEFT JOIN swv_kernen k ON k.id = kl.kern_id
             WHERE $1 = '' OR l.swv_po = $1 OR l.swv_vo = $1
             ORDER BY l.municipality, l.name, l.code",
        )
        .bind(code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let state: Option<String> = row.try_get(6)?;
            let swvs: Vec<String> = [row.try_get::<Option<String>, _>(7)?, row.try_get::<Option<String>, _>(8)?]
                .into_iter()
                .flatten()
                .collect();
            // Kept on the row with every answer (and filled in by the migrations for older profiles).
            let kept: Option<String> = row.try_get(13)?;
            let levels = kept.as_deref().and_then(offer_levels::from_json).unwrap_or_default();
            out.push((
                LocationOffer {
                    code: row.try_get(0)?,
                    name: row.try_get(1)?,
                    brin: row.try_get(2)?,
                    municipality: row.try_get(3)?,
                    sector: row.try_get(4)?,
                    kern: row.try_get(11)?,
                    generated: row.try_get::<Option<i64>, _>(12)?.unwrap_or(0) != 0,
                    lat: row.try_get(9)?,
                    lon: row.try_get(10)?,
                    state: state.as_deref().and_then(ProfileState::parse),
                    levels,
                },
                swvs,
            ));
        }
        Ok(out)
    }
}

impl Database {
    /// The SWV's norm for a school year, if it set one.
    pub async fn norm(&self, view: &OrgView, year: SchoolYear) -> Result<Option<Norm>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let row = sqlx::query("SELECT norm_json FROM swv_norms WHERE swv_code = $1 AND school_year = $2")
            .bind(&view.org().code)
            .bind(year.to_string())
            .fetch_optional(&self.read)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let json: String = row.try_get(0)?;
        Ok(serde_json::from_str(&json).ok())
    }

    pub async fn save_norm(
        &self,
        edit: &SwvEdit,
        year: SchoolYear,
        norm: &Norm,
        user_id: i64,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO swv_norms (swv_code, school_year, norm_json, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (swv_code, school_year) DO UPDATE SET norm_json = excluded.norm_json,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(edit.code())
        .bind(year.to_string())
        .bind(serde_json::to_string(norm).expect("norms serialise"))
        .bind(user_id)
        .bind(now())
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// The profiles of the SWV's locations for a year with their school answers.
    pub async fn region_profiles(&self, view: &OrgView, year: SchoolYear) -> Result<Vec<RegionProfile>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let code = &view.org().code;
        let rows = sqlx::query(
            "SELECT p.id, l.code, l.name, l.brin, p.state FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1) ORDER BY l.name, l.code",
        )
        .bind(code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        let answers = sqlx::query(
            "SELECT a.profile_id, a.item_key, a.value_json FROM school_answers a
             JOIN profiles p ON p.id = a.profile_id JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1) AND a.value_json IS NOT NULL",
        )
        .bind(code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        let mut by_profile: HashMap<i64, HashMap<String, AnswerValue>> = HashMap::new();
        for row in &answers {
            let value: String = row.try_get(2)?;
            if let Ok(value) = serde_json::from_str(&value) {
                by_profile.entry(row.try_get(0)?).or_default().insert(row.try_get(1)?, value);
            }
        }
        let mut out = Vec::new();
        for row in &rows {
            let id: i64 = row.try_get(0)?;
            let state: String = row.try_get(4)?;
            out.push(RegionProfile {
                location_code: row.try_get(1)?,
                location_name: row.try_get(2)?,
                brin: row.try_get(3)?,
                state: ProfileState::parse(&state),
                answers: by_profile.remove(&id).unwrap_or_default(),
            });
        }
        Ok(out)
    }
}

impl Database {
    /// Every profile (of any year) of the SWV's locations, for the status board.
    pub async fn profile_statuses(&self, view: &OrgView) -> Result<Vec<ProfileStatus>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query(
            "SELECT p.location_code, p.school_year, p.state, p.adopted_on,
                    (SELECT MAX(s.at) FROM profile_steps s WHERE s.profile_id = p.id) AS last_step
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE l.swv_po = $1 OR l.swv_vo = $1 ORDER BY p.location_code, p.school_year",
        )
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let state: String = r.try_get(2)?;
                Ok(ProfileStatus {
                    location_code: r.try_get(0)?,
                    school_year: r.try_get(1)?,
                    state: ProfileState::parse(&state),
                    adopted_on: r.try_get(3)?,
                    last_step_at: r.try_get(4)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}

impl Database {
    /// The SWV's kernen with their locations, by name.
    pub async fn kernen(&self, view: &OrgView) -> Result<Vec<Kern>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query(
            "SELECT k.id, k.name, kl.location_code FROM swv_kernen k
             LEFT JOIN swv_kern_locations kl ON kl.kern_id = k.id
             WHERE k.swv_code = $1 ORDER BY k.name, k.id, kl.location_code",
        )
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        let mut out: Vec<(i64, Kern)> = Vec::new();
        for row in &rows {
            let id: i64 = row.try_get(0)?;
            if out.last().is_none_or(|(last, _)| *last != id) {
                out.push((id, Kern { name: row.try_get(1)?, locations: Vec::new() }));
            }
            if let Some(code) = row.try_get::<Option<String>, _>(2)?
                && let Some((_, kern)) = out.last_mut()
            {
                kern.locations.push(code);
            }
        }
        Ok(out.into_iter().map(|(_, k)| k).collect())
    }

    /// Replaces the SWV's kernen in one transaction (validated by
    /// [`passend_domain::coverage::validate_kernen`] first).
    pub async fn save_kernen(&self, edit: &SwvEdit, kernen: &[Kern]) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        sqlx::query("DELETE FROM swv_kern_locations WHERE swv_code = $1").bind(edit.code()).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM swv_kernen WHERE swv_code = $1").bind(edit.code()).execute(&mut *tx).await?;
        for kern in kernen {
            let row = sqlx::query("INSERT INTO swv_kernen (swv_code, name) VALUES ($1, $2) RETURNING id")
                .bind(edit.code())
                .bind(&kern.name)
                .fetch_one(&mut *tx)
                .await?;
            let id: i64 = row.try_get(0)?;
            for code in &kern.locations {
                sqlx::query("INSERT INTO swv_kern_locations (swv_code, location_code, kern_id) VALUES ($1, $2, $3)")
                    .bind(edit.code())
                    .bind(code)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
