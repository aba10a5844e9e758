//! Organisations: samenwerkingsverbanden (SWV), boards, schools (BRIN4) and
//! their locations (BRIN6), with the codes DUO gives them.

mod codes;
mod contact;
mod names;
mod sector;
mod swv_details;

pub use codes::{BoardCode, Brin, CodeError, LocationCode, SwvCode, SwvKind};
pub use contact::{LocationContact, dutch_phone, phone_href, website};
pub use names::{municipality_name, place_key};
pub use sector::Sector;
pub use swv_details::SwvDetails;

use serde::{Deserialize, Serialize};

/// The kinds of organisation a person can be a member of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Platform,
    Swv,
    Board,
    School,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Platform => "platform",
            OrgKind::Swv => "swv",
            OrgKind::Board => "board",
            OrgKind::School => "school",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "platform" => Some(OrgKind::Platform),
            "swv" => Some(OrgKind::Swv),
            "board" => Some(OrgKind::Board),
            "school" => Some(OrgKind::School),
            _ => None,
        }
    }
}

/// A reference to one organisation by its kind and natural code.
///
/// The platform itself is an organisation with the code `passend`, so that a
/// platform admin is a membership like any other.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct OrgRef {
    pub kind: OrgKind,
    pub code: String,
}

impl OrgRef {
    pub const PLATFORM_CODE: &'static str = "passend";

    pub fn platform() -> Self {
        OrgRef { kind: OrgKind::Platform, code: Self::PLATFORM_CODE.to_owned() }
    }

    pub fn swv(code: &SwvCode) -> Self {
        OrgRef { kind: OrgKind::Swv, code: code.as_str().to_owned() }
    }

    pub fn board(code: &BoardCode) -> Self {
        OrgRef { kind: OrgKind::Board, code: code.as_str().to_owned() }
    }

    pub fn school(brin: &Brin) -> Self {
        OrgRef { kind: OrgKind::School, code: brin.as_str().to_owned() }
    }
}

/// Where an organisation sits: a school belongs to one board and to the SWVs of
/// its locations. Access rules read this; storage fills it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrgContext {
    /// The SWVs a school belongs to (through its locations), or the SWV itself.
    pub swvs: Vec<String>,
    /// The board of a school, or the board itself.
    pub board: Option<String>,
}

/// A school location as Passend keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub code: String,
    pub brin: String,
    pub name: String,
    pub duo_type: Option<String>,
    pub sector: Option<Sector>,
    pub denomination: Option<String>,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub municipality: Option<String>,
    pub province: Option<String>,
    pub website: Option<String>,
    pub pupils: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub swv_po: Option<String>,
    pub swv_vo: Option<String>,
    /// An SWV admin corrected the SWVs; imports leave them alone.
    pub swv_set_by_hand: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The director set phone, e-mail and website; imports leave them alone.
    pub contact_set_by_hand: bool,
}

impl Location {
    /// How parents reach the location.
    pub fn contact(&self) -> LocationContact {
        LocationContact { phone: self.phone.clone(), email: self.email.clone(), website: self.website.clone() }
    }
}

/// A school (BRIN) as Passend keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct School {
    pub brin: String,
    pub name: String,
    pub board: Option<String>,
}

/// Which SWVs a location belongs to, from its sector and its postcode area's
/// assignment. A location of unknown sector belongs to neither.
pub fn assign_swvs(
    sector: Option<Sector>,
    area_po: Option<&str>,
    area_vo: Option<&str>,
) -> (Option<String>, Option<String>) {
    let kinds = sector.map_or(&[][..], Sector::swv_kinds);
    let po = kinds.contains(&SwvKind::Po).then(|| area_po.map(str::to_owned)).flatten();
    let vo = kinds.contains(&SwvKind::Vo).then(|| area_vo.map(str::to_owned)).flatten();
    (po, vo)
}

/// A location's SWVs as a person sets them: empty means none; a code must be of
/// the right kind (a PO code for the primary SWV, a VO code for the secondary).
pub fn parse_swv_choice(po: &str, vo: &str) -> Result<(Option<SwvCode>, Option<SwvCode>), crate::FieldProblems> {
    let mut problems = Vec::new();
    let mut one = |field: &'static str, raw: &str, kind: SwvKind| -> Option<SwvCode> {
        if raw.trim().is_empty() {
            return None;
        }
        match SwvCode::parse(raw) {
            Ok(code) if code.kind() == kind => Some(code),
            Ok(_) => {
                problems.push((field, crate::Message::new("swv-choice-wrong-kind")));
                None
            }
            Err(error) => {
                problems.push((field, error.message()));
                None
            }
        }
    };
    let po = one("swv_po", po, SwvKind::Po);
    let vo = one("swv_vo", vo, SwvKind::Vo);
    if problems.is_empty() { Ok((po, vo)) } else { Err(problems) }
}

#[cfg(test)]
mod choice_tests {
    use super::*;

    #[test]
    fn swv_choices_must_be_of_the_right_kind() {
        let (po, vo) = parse_swv_choice("po 27-07", "").unwrap();
        assert_eq!(po.unwrap().as_str(), "PO2707");
        assert!(vo.is_none());
        let problems = parse_swv_choice("VO2708", "PO27").unwrap_err();
        assert_eq!(problems.iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec!["swv_po", "swv_vo"]);
    }
}
