//! What the region's JSON routes answer and take.

use std::collections::BTreeMap;

use passend_domain::coverage::{CategoryCounts, CoverageSettings, Gap, GapKind, LEVELS, Norm, NormItem};
use passend_domain::questionnaire::{ItemKind, SupportCategory, default_template};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::{ObjectBuilder, Type};

use crate::contract;

/// Locations per level for one support category.
#[derive(Serialize, ToSchema)]
pub struct CategoryCountsBody {
    #[schema(schema_with = contract::support_category)]
    pub category: SupportCategory,
    /// How many locations offer each level, in the order `niet`, `na_overleg`, `standaard`.
    #[schema(min_items = 3, max_items = 3)]
    pub per_level: Vec<usize>,
    /// Locations without an answer for the category.
    pub unknown: usize,
}

impl From<CategoryCounts> for CategoryCountsBody {
    fn from(c: CategoryCounts) -> Self {
        CategoryCountsBody { category: c.category, per_level: c.per_level.to_vec(), unknown: c.unknown }
    }
}

/// An area and category not covered at the level asked: a gap (`no_offer`,
/// enough locations answered and none offers it) or `unknown` (too few
/// locations answered to tell; never a gap).
#[derive(Serialize, ToSchema)]
pub struct GapBody {
    /// The municipality or kern.
    pub area: String,
    #[schema(schema_with = contract::support_category)]
    pub category: SupportCategory,
    #[schema(schema_with = gap_kind)]
    pub kind: GapKind,
    /// How many locations are in the area.
    pub locations: usize,
    /// How many of them have a profile for the year.
    pub with_profile: usize,
    /// How many of those profiles answer the category.
    pub answered: usize,
}

impl From<Gap> for GapBody {
    fn from(g: Gap) -> Self {
        GapBody {
            area: g.area,
            category: g.category,
            kind: g.kind,
            locations: g.locations,
            with_profile: g.with_profile,
            answered: g.answered,
        }
    }
}

fn gap_kind() -> utoipa::openapi::schema::Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some([GapKind::NoOffer.as_str(), GapKind::Unknown.as_str()]))
        .description(Some("`no_offer`: a gap; `unknown`: too few locations answered to tell."))
        .build()
}

/// How the SWV reads its coverage, as read and written.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CoverageSettingsBody {
    /// The share of an area's locations (percent) whose profile must answer a
    /// category before a lack of offer there is a gap; fewer make it `unknown`.
    /// 50 until the SWV sets it.
    #[serde(deserialize_with = "contract::whole_number")]
    #[schema(minimum = 1, maximum = 100)]
    pub min_profiled_percent: u8,
}

impl From<CoverageSettings> for CoverageSettingsBody {
    fn from(s: CoverageSettings) -> Self {
        CoverageSettingsBody { min_profiled_percent: s.min_profiled_percent }
    }
}

impl From<CoverageSettingsBody> for CoverageSettings {
    fn from(s: CoverageSettingsBody) -> Self {
        CoverageSettings { min_profiled_percent: s.min_profiled_percent }
    }
}

pub fn level() -> utoipa::openapi::schema::Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(LEVELS))
        .description(Some("A level of support: `niet`, `na_overleg` or `standaard`."))
        .build()
}

/// The keys of the default template's scale items: the items a norm may name.
fn scale_item() -> utoipa::openapi::schema::Object {
    let keys = default_template()
        .items()
        .filter(|i| matches!(i.kind, ItemKind::Scale { .. }))
        .map(|i| i.key.clone())
        .collect::<Vec<_>>();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(keys))
        .description(Some("A scale item of the default template."))
        .build()
}

/// The SWV's basic-support norm for a school year, as read and written.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct NormBody {
    /// Each item at most once.
    pub items: Vec<NormItemBody>,
    /// The share of items a school must meet, in percent.
    #[serde(deserialize_with = "contract::whole_number")]
    #[schema(minimum = 1, maximum = 100)]
    pub target_percent: u8,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct NormItemBody {
    #[schema(schema_with = scale_item)]
    pub key: String,
    /// The lowest level of the item's scale that meets the norm.
    #[schema(schema_with = level)]
    pub min_level: String,
}

impl From<Norm> for NormBody {
    fn from(n: Norm) -> Self {
        NormBody {
            items: n.items.into_iter().map(|i| NormItemBody { key: i.key, min_level: i.min_level }).collect(),
            target_percent: n.target_percent,
        }
    }
}

impl From<NormBody> for Norm {
    fn from(n: NormBody) -> Self {
        Norm {
            items: n.items.into_iter().map(|i| NormItem { key: i.key, min_level: i.min_level }).collect(),
            target_percent: n.target_percent,
        }
    }
}

/// The norm for a year and every location's result against it.
#[derive(Serialize, ToSchema)]
pub struct NormResults {
    pub school_year: String,
    /// `null` when the SWV set none for the year.
    pub norm: Option<NormBody>,
    /// Furthest below the target first.
    pub locations: Vec<LocationCompliance>,
}

#[derive(Serialize, ToSchema)]
pub struct LocationCompliance {
    pub code: String,
    pub name: String,
    pub brin: String,
    /// The profile is not adopted yet.
    pub draft: bool,
    pub met: usize,
    pub total: usize,
    #[schema(minimum = 0, maximum = 100)]
    pub percent: f64,
    pub below_target: bool,
    /// The norm's items the location does not meet (unanswered ones included).
    pub missing: Vec<String>,
}

/// The coverage matrix of an SWV's region.
#[derive(Serialize, ToSchema)]
pub struct CoverageBody {
    pub school_year: String,
    #[schema(schema_with = level)]
    pub min_level: String,
    /// The SWV's share (percent of an area's locations answering) that tells a gap from unknown.
    #[schema(minimum = 1, maximum = 100)]
    pub min_profiled_percent: u8,
    pub locations: Vec<LocationCoverage>,
    pub counts: Vec<CategoryCountsBody>,
    /// Real gaps (`kind` `no_offer`): enough locations answered, none offers the category.
    pub gaps: Vec<GapBody>,
    /// Areas too few locations answered for (`kind` `unknown`): shown apart, never gaps.
    pub unknown: Vec<GapBody>,
}

#[derive(Serialize, ToSchema)]
pub struct LocationCoverage {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub municipality: Option<String>,
    pub sector: Option<String>,
    /// The profile's state; `null` without a profile.
    #[schema(schema_with = contract::profile_state_or_none)]
    pub state: Option<passend_domain::lifecycle::ProfileState>,
    /// The profile is not adopted yet.
    pub draft: bool,
    /// Sample data made by `passend demo --scale national`.
    pub generated: bool,
    /// Support category key → the level offered (answered categories only).
    pub levels: BTreeMap<String, String>,
}

/// The SWV's kernen, as read and written.
#[derive(Serialize, Deserialize, ToSchema, Default)]
pub struct KernenBody {
    #[serde(default)]
    pub kernen: Vec<KernBody>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct KernBody {
    /// Unique within the SWV.
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub name: String,
    /// Codes of the SWV's locations, each in at most one kern.
    #[serde(default)]
    pub locations: Vec<String>,
}

/// Specialists and training needs over the region.
#[derive(Serialize, ToSchema)]
pub struct ExpertiseBody {
    pub school_year: String,
    /// Most dagdelen first.
    pub specialists: Vec<SpecialistTotalBody>,
    pub training_needs: Vec<NeedsBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SpecialistTotalBody {
    /// As the first school wrote it.
    pub specialist: String,
    /// How many locations have this specialist.
    pub locations: usize,
    pub dagdelen_per_week: f64,
}

#[derive(Serialize, ToSchema)]
pub struct NeedsBody {
    pub location: String,
    /// The expertise to develop and the training the team needs, in the school's words.
    pub texts: Vec<String>,
}

/// Per school year (the last four): counts per category, and per norm item its share met.
#[derive(Serialize, ToSchema)]
pub struct TrendsBody {
    pub years: Vec<YearCountsBody>,
    pub norm: Vec<NormTrendBody>,
}

#[derive(Serialize, ToSchema)]
pub struct YearCountsBody {
    pub school_year: String,
    pub counts: Vec<CategoryCountsBody>,
}

#[derive(Serialize, ToSchema)]
pub struct NormTrendBody {
    pub key: String,
    /// Per school year with a norm naming this item.
    pub shares: Vec<ShareBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ShareBody {
    pub school_year: String,
    /// The share of profiles meeting the item, in percent; `null` without profiles.
    #[schema(minimum = 0, maximum = 100)]
    pub percent: Option<f64>,
}

/// The national view.
#[derive(Serialize, ToSchema)]
pub struct NationalBody {
    pub school_year: String,
    /// Locations with a profile for the year.
    pub locations: usize,
    pub counts: Vec<CategoryCountsBody>,
    pub swvs: Vec<SwvCoverageBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SwvCoverageBody {
    pub code: String,
    pub locations: usize,
    pub profiles: usize,
    pub adopted: usize,
    /// Municipality × category pairs with no location at *standaard* where
    /// enough locations answered (the SWV's share).
    pub gaps: usize,
    /// Municipality × category pairs not covered where too few answered to tell.
    pub unknown: usize,
}
