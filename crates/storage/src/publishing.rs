//! What the public may read: published versions of profiles only (see
//! [`passend_domain::publishing::is_public`]), open data, and search by support.

use std::collections::HashMap;

use passend_domain::lifecycle::ProfileState;
use passend_domain::publishing::is_public;
use passend_domain::questionnaire::AnswerValue;
use serde::Serialize;
use sqlx::Row;

use crate::profiles::{ProfileRecord, stored_template};
use crate::{Database, StorageError};

/// The public states, as SQL; [`is_public`] is checked again on every row.
const PUBLIC: &str = "p.published_at IS NOT NULL AND p.state IN ('published', 'superseded')";

/// A published version with the school's answers and notes.
#[derive(Debug, Clone)]
pub struct PublishedVersion {
    pub profile: ProfileRecord,
    pub answers: HashMap<String, (AnswerValue, Option<String>)>,
}

impl PublishedVersion {
    pub fn values(&self) -> HashMap<String, AnswerValue> {
        self.answers.iter().map(|(k, (v, _))| (k.clone(), v.clone())).collect()
    }
}

/// A row of the open-data list: the newest public version of a location.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedSummary {
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub municipality: Option<String>,
    pub swv_po: Option<String>,
    pub swv_vo: Option<String>,
    pub school_year: String,
    pub adopted_on: Option<String>,
    pub published_at: i64,
    pub content_hash: Option<String>,
    pub generated: bool,
}

/// A location with a public version, for search: its level for one item.
#[derive(Debug, Clone)]
pub struct PublicOffer {
    pub code: String,
    pub name: String,
    pub municipality: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub school_year: String,
    pub level: Option<String>,
}

/// Only a location's newest public version (per location).
const NEWEST_PUBLIC: &str = "p.school_year = (SELECT MAX(q.school_year) FROM profiles q
     WHERE q.location_code = p.location_code AND q.published_at IS NOT NULL AND q.state IN ('published', 'superseded'))";

impl Database {
    /// The school years in which the location has a public version, newest first.
    pub async fn public_years(&self, location: &str) -> Result<Vec<String>, StorageError> {
        let rows = sqlx::query(&format!(
            "SELECT p.school_year FROM profiles p WHERE p.location_code = $1 AND {PUBLIC} ORDER BY p.school_year DESC"
        ))
        .bind(location)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(|r| r.try_get(0)).collect::<Result<_, _>>().map_err(Into::into)
    }

    /// The location's public version of `year`, or its newest one.
    pub async fn public_version(
        &self,
        location: &str,
        year: Option<&str>,
    ) -> Result<Option<PublishedVersion>, StorageError> {
        let row = sqlx::query(&format!(
            "SELECT p.id FROM profiles p WHERE p.location_code = $1 AND ($2 = '' OR p.school_year = $2) AND {PUBLIC}
             ORDER BY p.school_year DESC LIMIT 1"
        ))
        .bind(location)
        .bind(year.unwrap_or_default())
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let Some(profile) = self.profile(row.try_get(0)?).await? else { return Ok(None) };
        if !is_public(profile.state, profile.published_at) {
            return Ok(None);
        }
        let answers = sqlx::query(
            "SELECT item_key, value_json, note FROM school_answers WHERE profile_id = $1 AND value_json IS NOT NULL",
        )
        .bind(profile.id)
        .fetch_all(&self.read)
        .await?
        .iter()
        .filter_map(|r| {
            let json: String = r.try_get(1).ok()?;
            Some((r.try_get(0).ok()?, (serde_json::from_str(&json).ok()?, r.try_get(2).ok()?)))
        })
        .collect();
        Ok(Some(PublishedVersion { profile, answers }))
    }

    /// The newest public version of every location (of one SWV), for open data.
    pub async fn published_profiles(&self, swv: Option<&str>) -> Result<Vec<PublishedSummary>, StorageError> {
        let rows = sqlx::query(&format!(
            "SELECT p.location_code, l.name, p.brin, l.municipality, l.swv_po, l.swv_vo, p.school_year, p.adopted_on,
                    p.published_at, p.content_hash, p.generated, p.state
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE {PUBLIC} AND {NEWEST_PUBLIC} AND ($1 = '' OR l.swv_po = $1 OR l.swv_vo = $1)
             ORDER BY p.location_code"
        ))
        .bind(swv.unwrap_or_default())
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let state: String = r.try_get(11)?;
            let published_at: Option<i64> = r.try_get(8)?;
            let (Some(state), Some(published_at)) = (ProfileState::parse(&state), published_at) else { continue };
            if !is_public(state, Some(published_at)) {
                continue;
            }
            out.push(PublishedSummary {
                location_code: r.try_get(0)?,
                location_name: r.try_get(1)?,
                brin: r.try_get(2)?,
                municipality: r.try_get(3)?,
                swv_po: r.try_get(4)?,
                swv_vo: r.try_get(5)?,
                school_year: r.try_get(6)?,
                adopted_on: r.try_get(7)?,
                published_at,
                content_hash: r.try_get(9)?,
                generated: r.try_get::<i64, _>(10)? != 0,
            });
        }
        Ok(out)
    }

    /// Locations with a public version in a municipality (as DUO writes it,
    /// upper case; compared after upper-casing in Rust, which knows accents),
    /// an SWV or everywhere (`''`), with the level their newest public version
    /// gives `item_key` (none where the profile's template hides the item).
    pub async fn public_offers(
        &self,
        municipality: &str,
        swv: &str,
        item_key: &str,
    ) -> Result<Vec<PublicOffer>, StorageError> {
        let rows = sqlx::query(&format!(
            "SELECT l.code, l.name, l.municipality, l.lat, l.lon, p.school_year, a.value_json, p.template_json
             FROM profiles p JOIN locations l ON l.code = p.location_code
             LEFT JOIN school_answers a ON a.profile_id = p.id AND a.item_key = $3
             WHERE {PUBLIC} AND {NEWEST_PUBLIC}
               AND ($1 = '' OR l.municipality = $1) AND ($2 = '' OR l.swv_po = $2 OR l.swv_vo = $2)
             ORDER BY l.name, l.code"
        ))
        .bind(municipality.trim().to_uppercase())
        .bind(swv)
        .bind(item_key)
        .fetch_all(&self.read)
        .await?;
        // Profiles share few templates: whether the item is hidden, per template.
        let mut hidden: HashMap<String, bool> = HashMap::new();
        rows.iter()
            .map(|r| {
                let template: String = r.try_get(7)?;
                let is_hidden = match hidden.get(&template) {
                    Some(h) => *h,
                    None => {
                        let h = stored_template(&template).map_or(true, |t| t.item(item_key).is_none_or(|i| i.hidden));
                        hidden.insert(template, h);
                        h
                    }
                };
                let value: Option<String> = if is_hidden { None } else { r.try_get(6)? };
                Ok(PublicOffer {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    municipality: r.try_get(2)?,
                    lat: r.try_get(3)?,
                    lon: r.try_get(4)?,
                    school_year: r.try_get(5)?,
                    level: value.and_then(|v| match serde_json::from_str(&v) {
                        Ok(AnswerValue::Choice(level)) => Some(level),
                        _ => None,
                    }),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// A point for a 4-digit postcode: the mean position of the school
    /// locations in it, else of the nearest postcode area (by number, up to
    /// 30 away) that has schools. DUO's data is the only source of positions.
    pub async fn postcode_point(&self, pc4: u16) -> Result<Option<(f64, f64)>, StorageError> {
        let rows = sqlx::query(
            "SELECT SUBSTR(postcode, 1, 4) AS pc, AVG(lat), AVG(lon) FROM locations
             WHERE lat IS NOT NULL AND lon IS NOT NULL AND postcode IS NOT NULL
               AND SUBSTR(postcode, 1, 4) >= $1 AND SUBSTR(postcode, 1, 4) <= $2
             GROUP BY SUBSTR(postcode, 1, 4)",
        )
        .bind(format!("{:04}", pc4.saturating_sub(30)))
        .bind(format!("{:04}", pc4.saturating_add(30).min(9999)))
        .fetch_all(&self.read)
        .await?;
        let mut best: Option<(u16, f64, f64)> = None;
        for r in &rows {
            let pc: String = r.try_get(0)?;
            let Ok(number) = pc.parse::<u16>() else { continue };
            let (lat, lon): (f64, f64) = (r.try_get(1)?, r.try_get(2)?);
            if best.is_none_or(|(b, _, _)| number.abs_diff(pc4) < b.abs_diff(pc4)) {
                best = Some((number, lat, lon));
            }
        }
        Ok(best.map(|(_, lat, lon)| (lat, lon)))
    }
}
