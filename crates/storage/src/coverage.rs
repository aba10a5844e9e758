//! What the locations of an SWV offer per support category in a school year.

use std::collections::HashMap;

use passend_domain::access::OrgView;
use passend_domain::coverage::LocationOffer;
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::OrgKind;
use passend_domain::questionnaire::{AnswerValue, SchoolYear, default_template};
use sqlx::Row;

use crate::{Database, StorageError};

impl Database {
    /// Every location of the SWV with the levels its profile of `year` gives
    /// (none for a location without a profile).
    pub async fn coverage(&self, view: &OrgView, year: SchoolYear) -> Result<Vec<LocationOffer>, StorageError> {
        if view.org().kind != OrgKind::Swv {
            return Err(StorageError::NotFound);
        }
        let code = &view.org().code;
        let year = year.to_string();
        let rows = sqlx::query(
            "SELECT l.code, l.name, l.brin, l.municipality, l.sector, p.id, p.state
             FROM locations l LEFT JOIN profiles p ON p.location_code = l.code AND p.school_year = $2
             WHERE l.swv_po = $1 OR l.swv_vo = $1 ORDER BY l.municipality, l.name, l.code",
        )
        .bind(code)
        .bind(&year)
        .fetch_all(&self.read)
        .await?;
        let answers = sqlx::query(
            "SELECT a.profile_id, a.item_key, a.value_json FROM school_answers a
             JOIN profiles p ON p.id = a.profile_id JOIN locations l ON l.code = p.location_code
             WHERE p.school_year = $2 AND (l.swv_po = $1 OR l.swv_vo = $1)
               AND a.item_key LIKE 'aanbod.%' AND a.value_json IS NOT NULL",
        )
        .bind(code)
        .bind(&year)
        .fetch_all(&self.read)
        .await?;
        let template = default_template();
        let mut levels: HashMap<i64, HashMap<_, String>> = HashMap::new();
        for row in &answers {
            let key: String = row.try_get(1)?;
            let Some(category) = template.item(&key).and_then(|i| i.category) else { continue };
            let value: String = row.try_get(2)?;
            if let Ok(AnswerValue::Choice(level)) = serde_json::from_str(&value) {
                levels.entry(row.try_get(0)?).or_default().insert(category, level);
            }
        }
        let mut out = Vec::new();
        for row in &rows {
            let profile: Option<i64> = row.try_get(5)?;
            let state: Option<String> = row.try_get(6)?;
            out.push(LocationOffer {
                code: row.try_get(0)?,
                name: row.try_get(1)?,
                brin: row.try_get(2)?,
                municipality: row.try_get(3)?,
                sector: row.try_get(4)?,
                state: state.as_deref().and_then(ProfileState::parse),
                levels: profile.and_then(|id| levels.remove(&id)).unwrap_or_default(),
            });
        }
        Ok(out)
    }
}
