//! Each profile's level per support category on its own row
//! (`profiles.offer_levels`), so that the region's overviews read one row per
//! location. Written in the same transaction as the answers it comes from.

use std::collections::HashMap;

use passend_domain::questionnaire::{AnswerValue, SupportCategory, default_template};
use sqlx::AnyConnection;

use crate::StorageError;
use crate::profiles::SCHOOL_ANSWER_VALUE;
use crate::rows::Column;

const OFFER_LEVELS: Column = Column::new("profiles", "offer_levels");

/// The levels among `answers` (item key → value), by category.
pub(crate) fn levels_of<'a>(
    answers: impl IntoIterator<Item = (&'a str, &'a AnswerValue)>,
) -> HashMap<SupportCategory, String> {
    let template = default_template();
    answers
        .into_iter()
        .filter_map(|(key, value)| match (template.item(key).and_then(|i| i.category), value) {
            (Some(category), AnswerValue::Choice(level)) => Some((category, level.clone())),
            _ => None,
        })
        .collect()
}

pub(crate) fn to_json(levels: &HashMap<SupportCategory, String>) -> String {
    serde_json::to_string(levels).expect("levels serialise")
}

pub(crate) fn from_json(json: &str) -> Result<HashMap<SupportCategory, String>, StorageError> {
    OFFER_LEVELS.json(json)
}

/// Whether an answer to this item can change the levels.
pub(crate) fn concerns(item_key: &str) -> bool {
    default_template().item(item_key).is_some_and(|i| i.category.is_some())
}

/// Recomputes a profile's levels from its school answers.
pub(crate) async fn refresh(conn: &mut AnyConnection, profile_id: i64) -> Result<(), StorageError> {
    #[derive(sqlx::FromRow)]
    struct Answer {
        item_key: String,
        value_json: String,
    }
    let rows = sqlx::query_as::<_, Answer>(
        "SELECT item_key, value_json FROM school_answers WHERE profile_id = $1 AND value_json IS NOT NULL",
    )
    .bind(profile_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut answers = Vec::new();
    for row in rows.into_iter().filter(|row| concerns(&row.item_key)) {
        let value: AnswerValue = SCHOOL_ANSWER_VALUE.json(&row.value_json)?;
        answers.push((row.item_key, value));
    }
    let levels = levels_of(answers.iter().map(|(k, v)| (k.as_str(), v)));
    sqlx::query("UPDATE profiles SET offer_levels = $1 WHERE id = $2")
        .bind(to_json(&levels))
        .bind(profile_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
