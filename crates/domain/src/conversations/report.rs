//! The report of a conversation: what both sides confirm. Once both have
//! confirmed, the report's content is kept as it was and identified by its
//! SHA-256 hash, like an adopted profile.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Who confirmed for one side, and when (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    pub name: String,
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAnswer {
    pub key: String,
    pub question: String,
    pub kind: String,
    /// The school's preparation.
    pub prepared: Option<String>,
    /// What the conversation recorded.
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSection {
    pub title: String,
    pub answers: Vec<ReportAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAgreement {
    pub what: String,
    pub who: String,
    /// `YYYY-MM-DD`
    pub due: Option<String>,
    /// The goal, as `1.2 Schoolteams werken handelingsgericht`.
    pub goal: Option<String>,
    /// `open`, `in_progress`, `done`, `dropped`
    pub status: String,
    pub status_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFunds {
    pub pupils: i64,
    pub basic: String,
    pub extra: String,
    pub total: String,
}

/// Everything the report shows, in the order it shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportContent {
    pub swv_code: String,
    pub swv_name: String,
    pub school_name: String,
    pub brin: String,
    pub location_code: String,
    pub school_year: String,
    /// `YYYY-MM-DD`
    pub held_on: Option<String>,
    pub place: String,
    pub attendees: Vec<String>,
    pub consultant: String,
    pub report_author: String,
    pub sections: Vec<ReportSection>,
    pub agreements: Vec<ReportAgreement>,
    /// Last year's agreements with their status this year.
    pub follow_up: Vec<ReportAgreement>,
    pub funds: Option<ReportFunds>,
    pub confirmed_swv: Option<Confirmation>,
    pub confirmed_school: Option<Confirmation>,
}

/// The report's identity: SHA-256 over its JSON, hex.
pub fn report_hash(content: &ReportContent) -> String {
    let json = serde_json::to_vec(content).unwrap_or_default();
    hex::encode(Sha256::digest(&json))
}
