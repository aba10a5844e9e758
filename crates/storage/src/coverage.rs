//! What the locations of an SWV offer per support category in a school year.

use std::collections::HashMap;

use passend_domain::access::{OrgView, PlatformAdmin, SwvEdit};
use passend_domain::coverage::{CoverageSettings, Kern, LocationOffer, Norm};
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::OrgKind;
use passend_domain::questionnaire::{AnswerValue, SchoolYear};

use crate::error::CorruptCause;
use crate::profiles::{PROFILE_STATE, SCHOOL_ANSWER_VALUE};
use crate::rows::{Column, Flag, convert};
use crate::{Database, StorageError, now, offer_levels};

const NORM_JSON: Column = Column::new("swv_norms", "norm_json");
const MIN_PROFILED: Column = Column::new("swv_coverage_settings", "min_profiled_percent");

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

/// A location with its profile of the year, if it has one (so every
/// profile column may be NULL).
#[derive(sqlx::FromRow)]
struct OfferRow {
    code: String,
    name: String,
    brin: String,
    municipality: Option<String>,
    sector: Option<String>,
    state: Option<String>,
    swv_po: Option<String>,
    swv_vo: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    kern: Option<String>,
    generated: Option<Flag>,
    offer_levels: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RegionRow {
    id: i64,
    code: String,
    name: String,
    brin: String,
    state: String,
}

#[derive(sqlx::FromRow)]
struct RegionAnswerRow {
    profile_id: i64,
    item_key: String,
    value_json: String,
}

#[derive(sqlx::FromRow)]
struct StatusRow {
    location_code: String,
    school_year: String,
    state: String,
    adopted_on: Option<String>,
    last_step: Option<i64>,
}

impl TryFrom<StatusRow> for ProfileStatus {
    type Error = StorageError;

    fn try_from(row: StatusRow) -> Result<Self, StorageError> {
        Ok(ProfileStatus {
            state: Some(PROFILE_STATE.parse(&row.state)?),
            location_code: row.location_code,
            school_year: row.school_year,
            adopted_on: row.adopted_on,
            last_step_at: row.last_step,
        })
    }
}

#[derive(sqlx::FromRow)]
struct KernRow {
    id: i64,
    name: String,
    location_code: Option<String>,
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
        let rows = sqlx::query_as::<_, OfferRow>(
            "SELECT l.code, l.name, l.brin, l.municipality, l.sector, p.id, p.state, l.swv_po, l.swv_vo, l.lat, l.lon,
                    k.name AS kern, p.generated, p.offer_levels
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
        for row in rows {
            let swvs: Vec<String> = [row.swv_po, row.swv_vo].into_iter().flatten().collect();
            // Kept on the row with every answer (and filled in by the migrations
            // for older profiles); a location without a profile has none.
            let levels = row.offer_levels.as_deref().map(offer_levels::from_json).transpose()?.unwrap_or_default();
            let state: Option<ProfileState> = row.state.as_deref().map(|s| PROFILE_STATE.parse(s)).transpose()?;
            out.push((
                LocationOffer {
                    code: row.code,
                    name: row.name,
                    brin: row.brin,
                    municipality: row.municipality,
                    sector: row.sector,
                    kern: row.kern,
                    generated: row.generated.is_some_and(bool::from),
                    lat: row.lat,
                    lon: row.lon,
                    state,
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
        let json: Option<String> =
            sqlx::query_scalar("SELECT norm_json FROM swv_norms WHERE swv_code = $1 AND school_year = $2")
                .bind(&view.org().code)
                .bind(year.to_string())
                .fetch_optional(&self.read)
                .await?;
        json.map(|json| NORM_JSON.json(&json)).transpose()
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
        let rows = sqlx::query_as::<_, RegionRow>(
            "SELECT p.id, l.code, l.name, l.brin, p.state FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1) ORDER BY l.name, l.code",
        )
        .bind(code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        let answers = sqlx::query_as::<_, RegionAnswerRow>(
            "SELECT a.profile_id, a.item_key, a.value_json FROM school_answers a
             JOIN profiles p ON p.id = a.profile_id JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1) AND a.value_json IS NOT NULL",
        )
        .bind(code)
        .bind(year.to_string())
        .fetch_all(&self.read)
        .await?;
        let mut by_profile: HashMap<i64, HashMap<String, AnswerValue>> = HashMap::new();
        for row in answers {
            let value: AnswerValue = SCHOOL_ANSWER_VALUE.json(&row.value_json)?;
            by_profile.entry(row.profile_id).or_default().insert(row.item_key, value);
        }
        let mut out = Vec::new();
        for row in rows {
            out.push(RegionProfile {
                state: Some(PROFILE_STATE.parse(&row.state)?),
                location_code: row.code,
                location_name: row.name,
                brin: row.brin,
                answers: by_profile.remove(&row.id).unwrap_or_default(),
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
        let rows = sqlx::query_as::<_, StatusRow>(
            "SELECT p.location_code, p.school_year, p.state, p.adopted_on,
                    (SELECT MAX(s.at) FROM profile_steps s WHERE s.profile_id = p.id) AS last_step
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE l.swv_po = $1 OR l.swv_vo = $1 ORDER BY p.location_code, p.school_year",
        )
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }
}

impl Database {
    /// The SWV's kernen with their locations, by name.
    pub async fn kernen(&self, view: &OrgView) -> Result<Vec<Kern>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query_as::<_, KernRow>(
            "SELECT k.id, k.name, kl.location_code FROM swv_kernen k
             LEFT JOIN swv_kern_locations kl ON kl.kern_id = k.id
             WHERE k.swv_code = $1 ORDER BY k.name, k.id, kl.location_code",
        )
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        let mut out: Vec<(i64, Kern)> = Vec::new();
        for row in rows {
            if out.last().is_none_or(|(last, _)| *last != row.id) {
                out.push((row.id, Kern { name: row.name, locations: Vec::new() }));
            }
            if let Some(code) = row.location_code
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
            let id: i64 = sqlx::query_scalar("INSERT INTO swv_kernen (swv_code, name) VALUES ($1, $2) RETURNING id")
                .bind(edit.code())
                .bind(&kern.name)
                .fetch_one(&mut *tx)
                .await?;
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

fn settings_from(stored: i64) -> Result<CoverageSettings, StorageError> {
    u8::try_from(stored)
        .map(|min_profiled_percent| CoverageSettings { min_profiled_percent })
        .map_err(|_| StorageError::corrupt(MIN_PROFILED, &stored.to_string(), CorruptCause::OutOfRange))
}

#[derive(sqlx::FromRow)]
struct SettingsRow {
    swv_code: String,
    min_profiled_percent: i64,
}

impl Database {
    /// How the SWV reads its coverage; the defaults while it set nothing.
    pub async fn coverage_settings(&self, view: &OrgView) -> Result<CoverageSettings, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let stored: Option<i64> =
            sqlx::query_scalar("SELECT min_profiled_percent FROM swv_coverage_settings WHERE swv_code = $1")
                .bind(&view.org().code)
                .fetch_optional(&self.read)
                .await?;
        stored.map_or_else(|| Ok(CoverageSettings::default()), settings_from)
    }

    /// Every SWV's coverage settings that it set, for the national view.
    pub async fn all_coverage_settings(
        &self,
        _: &PlatformAdmin,
    ) -> Result<HashMap<String, CoverageSettings>, StorageError> {
        let rows = sqlx::query_as::<_, SettingsRow>("SELECT swv_code, min_profiled_percent FROM swv_coverage_settings")
            .fetch_all(&self.read)
            .await?;
        rows.into_iter().map(|row| Ok((row.swv_code, settings_from(row.min_profiled_percent)?))).collect()
    }

    /// Sets how the SWV reads its coverage (checked by
    /// [`CoverageSettings::check`] first).
    pub async fn save_coverage_settings(
        &self,
        edit: &SwvEdit,
        settings: &CoverageSettings,
        user_id: i64,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO swv_coverage_settings (swv_code, min_profiled_percent, updated_by, updated_at)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (swv_code) DO UPDATE SET min_profiled_percent = excluded.min_profiled_percent,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(edit.code())
        .bind(i64::from(settings.min_profiled_percent))
        .bind(user_id)
        .bind(now())
        .execute(&self.write)
        .await?;
        Ok(())
    }
}
