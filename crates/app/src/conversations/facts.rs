//! What Passend already knows about the school, shown beside the guide: the
//! norm result against the SWV's target, the offer per support category
//! beside the region's gaps, specialists with their *dagdelen*, the profile's
//! state and review date. Last year's agreements come with the conversation.

use passend_domain::coverage::{AreaKind, GapKind, SpecialistTotal, gaps_by, specialists};
use passend_domain::lifecycle::{Day, ProfileState, parse_day, review_due};
use passend_domain::questionnaire::{SupportCategory, default_template};

use super::{Conversation, OnConversation};
use crate::{App, Result};

/// The school's result against the SWV's basic-support norm.
pub struct NormFact {
    pub percent: f64,
    pub target_percent: u8,
    pub met: usize,
    pub total: usize,
    pub below_target: bool,
    /// The labels of the norm's items the school does not meet.
    pub missing: Vec<String>,
}

/// One support category: the school's level and whether its area lacks it.
pub struct OfferFact {
    pub category: SupportCategory,
    /// `niet`, `na_overleg`, `standaard`, or `None` when not answered.
    pub level: Option<String>,
    /// No school in the school's area offers it as standard (a real gap).
    pub gap_in_area: bool,
}

pub struct Facts {
    pub norm: Option<NormFact>,
    /// The kern (or else municipality) the gaps are measured over.
    pub area: Option<String>,
    pub offers: Vec<OfferFact>,
    pub specialists: Vec<SpecialistTotal>,
    /// The location's profile of the year, if it has one.
    pub profile_state: Option<ProfileState>,
    pub review_by: Option<Day>,
    /// The claims of the location's latest Scan Passend Onderwijs that are
    /// *te toetsen* (to be checked in the conversation), one line each; empty
    /// without a scan, and for the SWV while the school has not shared it.
    pub scan_claims_to_check: Vec<String>,
}

impl App {
    pub(super) async fn conversation_facts(&self, on: &OnConversation, conversation: &Conversation) -> Result<Facts> {
        let region = on.access.region_view();
        let year = on.year;
        let location = conversation.location_code.as_str();
        let profile = self.db.region_profiles(&region, year).await?.into_iter().find(|p| p.location_code == location);
        let norm = match (self.db.norm(&region, year).await?, &profile) {
            (Some(norm), Some(profile)) => {
                let compliance = norm.compliance(default_template(), &profile.answers);
                Some(NormFact {
                    percent: compliance.percent,
                    target_percent: norm.target_percent,
                    met: compliance.met,
                    total: compliance.total,
                    below_target: compliance.below_target,
                    missing: compliance
                        .missing
                        .iter()
                        .map(|key| default_template().item(key).map_or_else(|| key.clone(), |i| i.label.clone()))
                        .collect(),
                })
            }
            (Some(norm), None) => Some(NormFact {
                percent: 0.0,
                target_percent: norm.target_percent,
                met: 0,
                total: norm.items.len(),
                below_target: true,
                missing: Vec::new(),
            }),
            (None, _) => None,
        };
        let offers = self.db.coverage(&region, year).await?;
        let settings = self.db.coverage_settings(&region).await?;
        let own = offers.iter().find(|o| o.code == location);
        let (kind, area) = match own {
            Some(o) if o.kern.is_some() => (AreaKind::Kern, o.kern.clone()),
            Some(o) => (AreaKind::Municipality, o.municipality.clone()),
            None => (AreaKind::Municipality, None),
        };
        let gaps: Vec<SupportCategory> = gaps_by(&offers, 2, kind, &settings)
            .into_iter()
            .filter(|g| g.kind == GapKind::NoOffer && Some(&g.area) == area.as_ref())
            .map(|g| g.category)
            .collect();
        let offer_facts = SupportCategory::ALL
            .into_iter()
            .map(|category| OfferFact {
                category,
                level: own.and_then(|o| o.levels.get(&category).cloned()),
                gap_in_area: gaps.contains(&category),
            })
            .collect();
        let specialists = profile.as_ref().map(|p| specialists(std::iter::once(&p.answers))).unwrap_or_default();
        let summary = self
            .db
            .profiles_of_school(&on.access.school_view())
            .await?
            .into_iter()
            .find(|p| p.location_code == location && p.school_year == year.to_string());
        let review_by = summary
            .as_ref()
            .and_then(|s| s.adopted_on.as_deref())
            .and_then(parse_day)
            .map(|adopted| review_due(year, adopted).by());
        Ok(Facts {
            norm,
            area,
            offers: offer_facts,
            specialists,
            profile_state: summary.map(|s| s.state),
            review_by,
            scan_claims_to_check: self
                .te_toetsen_for_location(&on.actor, &conversation.brin, location)
                .await?
                .map(|(round_year, to_test)| {
                    to_test.iter().map(|t| crate::scan::to_test_line(passend_i18n::Lang::Nl, &round_year, t)).collect()
                })
                .unwrap_or_default(),
        })
    }
}
