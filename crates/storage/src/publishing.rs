//! What the public may read: published versions of profiles only (see
//! [`passend_domain::publishing::is_public`]), open data, and search by support.

use std::collections::HashMap;

use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::place_key;
use passend_domain::publishing::is_public;
use passend_domain::questionnaire::AnswerValue;
use serde::Serialize;

use crate::profiles::{AnswerRow, PROFILE_STATE, ProfileRecord, SCHOOL_ANSWER_VALUE, stored_template};
use crate::rows::Flag;
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
    pub brin: String,
    pub name: String,
    pub school_name: String,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub municipality: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub school_year: String,
    pub level: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PublishedRow {
    location_code: String,
    location_name: String,
    brin: String,
    municipality: Option<String>,
    swv_po: Option<String>,
    swv_vo: Option<String>,
    school_year: String,
    adopted_on: Option<String>,
    published_at: Option<i64>,
    content_hash: Option<String>,
    generated: Flag,
    state: String,
}

#[derive(sqlx::FromRow)]
struct OfferRow {
    code: String,
    brin: String,
    name: String,
    school_name: String,
    street: Option<String>,
    house_number: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    municipality: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    school_year: String,
    value_json: Option<String>,
    template_json: String,
}

#[derive(sqlx::FromRow)]
struct PostcodePoint {
    pc: String,
    lat: f64,
    lon: f64,
}

/// Only a location's newest public version (per location).
const NEWEST_PUBLIC: &str = "p.school_year = (SELECT MAX(q.school_year) FROM profiles q
     WHERE q.location_code = p.location_code AND q.published_at IS NOT NULL AND q.state IN ('published', 'superseded'))";

impl Database {
    /// The school years in which the location has a public version, newest first.
    pub async fn public_years(&self, location: &str) -> Result<Vec<String>, StorageError> {
        Ok(sqlx::query_scalar(&format!(
            "SELECT p.school_year FROM profiles p WHERE p.location_code = $1 AND {PUBLIC} ORDER BY p.school_year DESC"
        ))
        .bind(location)
        .fetch_all(&self.read)
        .await?)
    }

    /// The location's public version of `year`, or its newest one.
    pub async fn public_version(
        &self,
        location: &str,
        year: Option<&str>,
    ) -> Result<Option<PublishedVersion>, StorageError> {
        let id: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT p.id FROM profiles p WHERE p.location_code = $1 AND ($2 = '' OR p.school_year = $2) AND {PUBLIC}
             ORDER BY p.school_year DESC LIMIT 1"
        ))
        .bind(location)
        .bind(year.unwrap_or_default())
        .fetch_optional(&self.read)
        .await?;
        let Some(id) = id else { return Ok(None) };
        let Some(profile) = self.profile_record(id).await? else { return Ok(None) };
        if !is_public(profile.state, profile.published_at) {
            return Ok(None);
        }
        let rows = sqlx::query_as::<_, AnswerRow>(
            "SELECT item_key, value_json, note FROM school_answers WHERE profile_id = $1 AND value_json IS NOT NULL",
        )
        .bind(profile.id)
        .fetch_all(&self.read)
        .await?;
        let mut answers = HashMap::with_capacity(rows.len());
        for row in rows {
            // The query leaves out answers without a value.
            if let Some(value) = row.value()? {
                answers.insert(row.item_key, (value, row.note));
            }
        }
        Ok(Some(PublishedVersion { profile, answers }))
    }

    /// The newest public version of every location (of one SWV), for open data.
    pub async fn published_profiles(&self, swv: Option<&str>) -> Result<Vec<PublishedSummary>, StorageError> {
        let rows = sqlx::query_as::<_, PublishedRow>(&format!(
            "SELECT p.location_code, l.name AS location_name, p.brin, l.municipality, l.swv_po, l.swv_vo, p.school_year, p.adopted_on,
                    p.published_at, p.content_hash, p.generated, p.state
             FROM profiles p JOIN locations l ON l.code = p.location_code
             WHERE {PUBLIC} AND {NEWEST_PUBLIC} AND ($1 = '' OR l.swv_po = $1 OR l.swv_vo = $1)
             ORDER BY p.location_code"
        ))
        .bind(swv.unwrap_or_default())
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::new();
        for row in rows {
            let state: ProfileState = PROFILE_STATE.parse(&row.state)?;
            // As everywhere, `is_public` has the last word over the SQL's `PUBLIC`.
            let Some(published_at) = row.published_at.filter(|at| is_public(state, Some(*at))) else { continue };
            out.push(PublishedSummary {
                location_code: row.location_code,
                location_name: row.location_name,
                brin: row.brin,
                municipality: row.municipality,
                swv_po: row.swv_po,
                swv_vo: row.swv_vo,
                school_year: row.school_year,
                adopted_on: row.adopted_on,
                published_at,
                content_hash: row.content_hash,
                generated: row.generated.into(),
            });
        }
        Ok(out)
    }

    /// Locations with a public version in a municipality (compared by
    /// [`place_key`], so `'s-Gravenhage` finds DUO's `S GRAVENHAGE`), an SWV or
    /// everywhere (`''`), with the level their newest public version
    /// gives `item_key` (none where the profile's template hides the item).
    pub async fn public_offers(
        &self,
        municipality: &str,
        swv: &str,
        item_key: &str,
    ) -> Result<Vec<PublicOffer>, StorageError> {
        let rows = sqlx::query_as::<_, OfferRow>(&format!(
            "SELECT l.code, l.brin, l.name, sc.name AS school_name, l.street, l.house_number, l.postcode, l.city,
                    l.municipality, l.lat, l.lon, p.school_year, a.value_json, p.template_json
             FROM profiles p JOIN locations l ON l.code = p.location_code JOIN schools sc ON sc.brin = l.brin
             LEFT JOIN school_answers a ON a.profile_id = p.id AND a.item_key = $2
             WHERE {PUBLIC} AND {NEWEST_PUBLIC} AND ($1 = '' OR l.swv_po = $1 OR l.swv_vo = $1)
             ORDER BY l.name, l.code"
        ))
        .bind(swv)
        .bind(item_key)
        .fetch_all(&self.read)
        .await?;
        // Profiles share few templates: whether the item is hidden, per template.
        let mut hidden: HashMap<String, bool> = HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        // DUO writes municipalities in its own capitals ("S GRAVENHAGE"): compared by key.
        let wanted = place_key(municipality);
        for row in rows {
            if !wanted.is_empty() && row.municipality.as_deref().is_none_or(|m| place_key(m) != wanted) {
                continue;
            }
            let is_hidden = match hidden.get(&row.template_json) {
                Some(h) => *h,
                None => {
                    let h = stored_template(&row.template_json)?.item(item_key).is_none_or(|i| i.hidden);
                    hidden.insert(row.template_json, h);
                    h
                }
            };
            let value = match row.value_json.filter(|_| !is_hidden) {
                Some(json) => Some(SCHOOL_ANSWER_VALUE.json::<AnswerValue>(&json)?),
                None => None,
            };
            out.push(PublicOffer {
                code: row.code,
                brin: row.brin,
                name: row.name,
                school_name: row.school_name,
                street: row.street,
                house_number: row.house_number,
                postcode: row.postcode,
                city: row.city,
                municipality: row.municipality,
                lat: row.lat,
                lon: row.lon,
                school_year: row.school_year,
                // Only a choice of the item's scale is a level; other answers give none.
                level: match value {
                    Some(AnswerValue::Choice(level)) => Some(level),
                    _ => None,
                },
            });
        }
        Ok(out)
    }

    /// A point for a full postcode (`1079AZ`): the mean position of the school
    /// locations with exactly that postcode, if any.
    pub async fn postcode6_point(&self, pc6: &str) -> Result<Option<(f64, f64)>, StorageError> {
        let rows = sqlx::query_as::<_, PostcodePoint>(
            "SELECT postcode AS pc, AVG(lat) AS lat, AVG(lon) AS lon FROM locations
             WHERE lat IS NOT NULL AND lon IS NOT NULL AND postcode = $1
             GROUP BY postcode",
        )
        .bind(pc6)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.into_iter().next().map(|p| (p.lat, p.lon)))
    }

    /// A point for a 4-digit postcode: the mean position of the school
    /// locations in it, else of the nearest postcode area (by number, up to
    /// 30 away) that has schools. DUO's data is the only source of positions.
    pub async fn postcode_point(&self, pc4: u16) -> Result<Option<(f64, f64)>, StorageError> {
        let rows = sqlx::query_as::<_, PostcodePoint>(
            "SELECT SUBSTR(postcode, 1, 4) AS pc, AVG(lat) AS lat, AVG(lon) AS lon FROM locations
             WHERE lat IS NOT NULL AND lon IS NOT NULL AND postcode IS NOT NULL
               AND SUBSTR(postcode, 1, 4) >= $1 AND SUBSTR(postcode, 1, 4) <= $2
             GROUP BY SUBSTR(postcode, 1, 4)",
        )
        .bind(format!("{:04}", pc4.saturating_sub(30)))
        .bind(format!("{:04}", pc4.saturating_add(30).min(9999)))
        .fetch_all(&self.read)
        .await?;
        let mut best: Option<(u16, f64, f64)> = None;
        for PostcodePoint { pc, lat, lon } in rows {
            // Postcodes are DUO's free text: one that does not start with four
            // digits has no number to be near to.
            let Ok(number) = pc.parse::<u16>() else { continue };
            if best.is_none_or(|(b, _, _)| number.abs_diff(pc4) < b.abs_diff(pc4)) {
                best = Some((number, lat, lon));
            }
        }
        Ok(best.map(|(_, lat, lon)| (lat, lon)))
    }
}
