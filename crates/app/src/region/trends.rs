//! Trends over the last school years: counts per level and the share of
//! profiles meeting each norm item.

use passend_domain::coverage::{CategoryCounts, Norm, counts};
use passend_domain::questionnaire::{SchoolYear, default_template};
use serde::Serialize;

use super::SwvScope;
use crate::questionnaire::current_year;
use crate::{App, Result};

/// How many school years back the trends go (this one included).
pub const TRENDS_YEARS: u16 = 4;

#[derive(Serialize)]
pub struct YearCounts {
    pub school_year: String,
    pub counts: Vec<CategoryCounts>,
}

#[derive(Serialize)]
pub struct NormTrend {
    pub key: String,
    /// Per school year with a norm naming this item: the share of profiles meeting it, in percent.
    pub shares: Vec<(String, Option<f64>)>,
}

pub struct Trends {
    pub per_year: Vec<YearCounts>,
    pub norm: Vec<NormTrend>,
}

impl App {
    pub async fn trends(&self, scope: &SwvScope) -> Result<Trends> {
        let current = current_year();
        let years: Vec<SchoolYear> =
            (0..TRENDS_YEARS).rev().map(|back| SchoolYear::starting(current.start() - back)).collect();
        let mut per_year = Vec::new();
        let mut norm_items: Vec<String> = Vec::new();
        let mut shares: Vec<(String, String, Option<f64>)> = Vec::new();
        for year in &years {
            let offers = self.region_offers(scope, *year).await?;
            let with_profile: Vec<_> = offers.into_iter().filter(|o| o.state.is_some()).collect();
            per_year.push(YearCounts { school_year: year.to_string(), counts: counts(&with_profile) });
            if let Some(norm) = self.norm(scope, *year).await? {
                let profiles = self.region_profiles(scope, *year).await?;
                for item in &norm.items {
                    if !norm_items.contains(&item.key) {
                        norm_items.push(item.key.clone());
                    }
                    let single = Norm { items: vec![item.clone()], target_percent: 100 };
                    let met =
                        profiles.iter().filter(|p| single.compliance(default_template(), &p.answers).met == 1).count();
                    let share = (!profiles.is_empty()).then(|| met as f64 * 100.0 / profiles.len() as f64);
                    shares.push((item.key.clone(), year.to_string(), share));
                }
            }
        }
        let norm = norm_items
            .into_iter()
            .map(|key| NormTrend {
                shares: years
                    .iter()
                    .map(|y| {
                        let year = y.to_string();
                        let share = shares.iter().find(|(k, yr, _)| *k == key && *yr == year).and_then(|(_, _, s)| *s);
                        (year, share)
                    })
                    .collect(),
                key,
            })
            .collect();
        Ok(Trends { per_year, norm })
    }
}
