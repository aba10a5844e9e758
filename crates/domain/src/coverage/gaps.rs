//! Gaps in the region's offer, told apart from missing data.
//!
//! Per area (municipality or kern) and support category:
//! - **covered** when a location of the area offers the category at the
//!   chosen level or above;
//! - a **gap** ([`GapKind::NoOffer`]) when it is not covered and enough of the
//!   area's locations have a profile that answers the category (at least the
//!   SWV's share, [`CoverageSettings::min_profiled_percent`], and at least one);
//! - **unknown** ([`GapKind::Unknown`]) otherwise: too few locations have told
//!   us, so a lack of offer proves nothing. It is shown apart, never as a gap.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AreaKind, LocationOffer, rank};
use crate::Message;
use crate::questionnaire::SupportCategory;

/// The share of an area's locations that must have answered before a lack of
/// offer counts as a gap, when the SWV set none: half of them.
pub const DEFAULT_MIN_PROFILED_PERCENT: u8 = 50;

/// How the SWV reads its coverage: its region settings beside the norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageSettings {
    /// Percent (1–100) of an area's locations whose profile must answer a
    /// category before the area can have a gap in it.
    pub min_profiled_percent: u8,
}

impl Default for CoverageSettings {
    fn default() -> Self {
        CoverageSettings { min_profiled_percent: DEFAULT_MIN_PROFILED_PERCENT }
    }
}

impl CoverageSettings {
    /// A share from 1 to 100 percent.
    pub fn check(&self) -> Result<(), Vec<(String, Message)>> {
        if (1..=100).contains(&self.min_profiled_percent) {
            Ok(())
        } else {
            Err(vec![("min_profiled_percent".to_owned(), Message::new("coverage-threshold-invalid"))])
        }
    }

    /// Whether `known` of an area's `locations` are enough to call a lack of offer a gap.
    pub fn enough(&self, known: usize, locations: usize) -> bool {
        known > 0 && known * 100 >= usize::from(self.min_profiled_percent) * locations
    }
}

/// Why an area shows up: no offer where enough locations answered, or too few answers to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    NoOffer,
    Unknown,
}

impl GapKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::NoOffer => "no_offer",
            GapKind::Unknown => "unknown",
        }
    }
}

/// An area and category that is not covered at the chosen level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub area: String,
    pub category: SupportCategory,
    pub kind: GapKind,
    /// How many locations are in the area.
    pub locations: usize,
    /// How many of them have a profile for the year.
    pub with_profile: usize,
    /// How many of those profiles answer the category.
    pub answered: usize,
}

impl Gap {
    /// Locations of the area without a profile for the year.
    pub fn without_profile(&self) -> usize {
        self.locations - self.with_profile
    }

    /// Profiles of the area that leave the category unanswered.
    pub fn unanswered(&self) -> usize {
        self.with_profile - self.answered
    }
}

/// Areas (by municipality) and categories not covered at `min_level`: gaps and unknowns.
pub fn gaps(offers: &[LocationOffer], min_level: usize, settings: &CoverageSettings) -> Vec<Gap> {
    gaps_by(offers, min_level, AreaKind::Municipality, settings)
}

/// Areas of the kind and categories not covered at `min_level`, each a gap
/// ([`GapKind::NoOffer`]) or [`GapKind::Unknown`]; locations outside any area
/// of the kind (no kern) are left out. By area name, then category.
pub fn gaps_by(offers: &[LocationOffer], min_level: usize, kind: AreaKind, settings: &CoverageSettings) -> Vec<Gap> {
    let mut areas: BTreeMap<String, Vec<&LocationOffer>> = BTreeMap::new();
    for offer in offers {
        match (kind, kind.of(offer)) {
            (_, Some(area)) => areas.entry(area.clone()).or_default().push(offer),
            (AreaKind::Municipality, None) => areas.entry(String::new()).or_default().push(offer),
            (AreaKind::Kern, None) => {}
        }
    }
    let mut out = Vec::new();
    for (area, members) in &areas {
        let with_profile = members.iter().filter(|o| o.state.is_some()).count();
        for category in SupportCategory::ALL {
            let answers: Vec<usize> = members
                .iter()
                .filter(|o| o.state.is_some())
                .filter_map(|o| o.levels.get(&category).and_then(|l| rank(l)))
                .collect();
            if answers.iter().any(|r| *r >= min_level) {
                continue;
            }
            let kind = if settings.enough(answers.len(), members.len()) { GapKind::NoOffer } else { GapKind::Unknown };
            out.push(Gap {
                area: area.clone(),
                category,
                kind,
                locations: members.len(),
                with_profile,
                answered: answers.len(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::ProfileState;
    use crate::questionnaire::SupportCategory::*;

    fn location(code: &str, town: &str, levels: Option<&[(SupportCategory, &str)]>) -> LocationOffer {
        LocationOffer {
            code: code.into(),
            name: code.into(),
            brin: code[..4].into(),
            municipality: Some(town.into()),
            sector: Some("po".into()),
            kern: None,
            generated: false,
            lat: None,
            lon: None,
            state: levels.map(|_| ProfileState::Published),
            levels: levels.unwrap_or_default().iter().map(|(c, l)| (*c, (*l).to_owned())).collect(),
        }
    }

    fn of<'a>(gaps: &'a [Gap], area: &str, category: SupportCategory) -> Option<&'a Gap> {
        gaps.iter().find(|g| g.area == area && g.category == category)
    }

    /// Diemen: seven locations, two with a profile that offer nothing at standaard.
    fn diemen() -> Vec<LocationOffer> {
        let mut out = vec![
            location("DD0100", "Diemen", Some(&[(Dyslexie, "niet"), (Gedrag, "na_overleg")])),
            location("DD0200", "Diemen", Some(&[(Dyslexie, "na_overleg")])),
        ];
        for n in 3..=7 {
            out.push(location(&format!("DD0{n}00"), "Diemen", None));
        }
        out
    }

    #[test]
    fn two_profiles_of_seven_locations_prove_no_gap_at_half() {
        let gaps = gaps(&diemen(), rank("standaard").unwrap(), &CoverageSettings::default());
        assert_eq!(gaps.len(), 12, "nothing is covered at standaard");
        assert!(gaps.iter().all(|g| g.kind == GapKind::Unknown), "{gaps:?}");
        let dyslexie = of(&gaps, "Diemen", Dyslexie).unwrap();
        assert_eq!((dyslexie.locations, dyslexie.with_profile, dyslexie.answered), (7, 2, 2));
        assert_eq!(dyslexie.without_profile(), 5);
        let horen = of(&gaps, "Diemen", Horen).unwrap();
        assert_eq!((horen.answered, horen.unanswered()), (0, 2), "no profile answers horen");
    }

    #[test]
    fn the_swvs_share_decides_when_a_lack_of_offer_is_a_gap() {
        let standaard = rank("standaard").unwrap();
        // 2 of 7 is 28.6 %: a gap at 25 %, unknown at 29 %.
        let low = CoverageSettings { min_profiled_percent: 25 };
        let at_25 = gaps(&diemen(), standaard, &low);
        assert_eq!(of(&at_25, "Diemen", Dyslexie).unwrap().kind, GapKind::NoOffer);
        // Gedrag is answered by one profile only: 1 of 7 is below 25 %.
        assert_eq!(of(&at_25, "Diemen", Gedrag).unwrap().kind, GapKind::Unknown);
        assert_eq!(of(&at_25, "Diemen", Horen).unwrap().kind, GapKind::Unknown, "nobody answered");
        let at_29 = gaps(&diemen(), standaard, &CoverageSettings { min_profiled_percent: 29 });
        assert_eq!(of(&at_29, "Diemen", Dyslexie).unwrap().kind, GapKind::Unknown);
        // At "na overleg" dyslexie and gedrag are covered, whatever the share.
        let lenient = gaps(&diemen(), rank("na_overleg").unwrap(), &low);
        assert!(of(&lenient, "Diemen", Dyslexie).is_none() && of(&lenient, "Diemen", Gedrag).is_none());
    }

    #[test]
    fn an_area_whose_profiled_locations_offer_nothing_has_a_gap() {
        let offers = [
            location("AA0100", "Amsterdam", Some(&[(Dyslexie, "standaard"), (Gedrag, "niet")])),
            location("AA0200", "Amsterdam", Some(&[(Dyslexie, "niet"), (Gedrag, "na_overleg")])),
            location("AA0300", "Amsterdam", None),
        ];
        let found = gaps(&offers, rank("standaard").unwrap(), &CoverageSettings::default());
        assert!(of(&found, "Amsterdam", Dyslexie).is_none(), "one school offers it: covered");
        let gedrag = of(&found, "Amsterdam", Gedrag).unwrap();
        assert_eq!((gedrag.kind, gedrag.locations, gedrag.with_profile, gedrag.answered), (GapKind::NoOffer, 3, 2, 2));
        assert_eq!(of(&found, "Amsterdam", Horen).unwrap().kind, GapKind::Unknown, "answered by none");
        // A share of 100 % asks for every location: then gedrag is unknown too.
        let all = gaps(&offers, rank("standaard").unwrap(), &CoverageSettings { min_profiled_percent: 100 });
        assert_eq!(of(&all, "Amsterdam", Gedrag).unwrap().kind, GapKind::Unknown);
    }

    #[test]
    fn one_profile_is_enough_evidence_for_a_covered_area() {
        // Covered needs one offer; the share only decides between gap and unknown.
        let mut offers = diemen();
        offers[1].levels.insert(Horen, "standaard".into());
        let gaps = gaps(&offers, rank("standaard").unwrap(), &CoverageSettings::default());
        assert!(of(&gaps, "Diemen", Horen).is_none());
    }

    #[test]
    fn a_share_from_one_to_a_hundred_percent() {
        assert!(CoverageSettings::default().check().is_ok());
        assert!(CoverageSettings { min_profiled_percent: 100 }.check().is_ok());
        for bad in [0, 101, 255] {
            assert!(CoverageSettings { min_profiled_percent: bad }.check().is_err(), "{bad}");
        }
        let half = CoverageSettings::default();
        assert!(!half.enough(3, 7) && half.enough(4, 7) && half.enough(1, 2) && !half.enough(0, 0));
    }
}
