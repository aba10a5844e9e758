//! The coverage matrix as a page.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_domain::MessageArg;
use passend_domain::coverage::{AreaKind, CategoryCounts, CoverageSettings, Gap, LEVELS, LocationOffer};
use passend_domain::questionnaire::{SchoolYear, SupportCategory};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::charts::{self, BarChart};
use super::map::{self, Map};
use super::{Filters, InSwv, SwvScope};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(coverage_page)).routes(routes!(save_threshold_form))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct CoverageQuery {
    /// School year, e.g. 2026-2027 (default: this one).
    jaar: Option<String>,
    sector: Option<String>,
    gemeente: Option<String>,
    /// One of the SWV's sub-regions (*kernen*).
    kern: Option<String>,
    /// `gemeente` (default) or `kern`: the areas gaps are measured over.
    gebied: Option<String>,
    /// `niet`, `na_overleg` or `standaard`: the level gaps are measured against.
    niveau: Option<String>,
    /// The category the map colours its locations by.
    onderwerp: Option<String>,
}

#[derive(Template)]
#[template(path = "coverage/matrix.html")]
struct MatrixPage {
    ctx: PageContext,
    code: String,
    year: String,
    years: Vec<String>,
    categories: Vec<SupportCategory>,
    offers: Vec<LocationOffer>,
    counts: Vec<CategoryCounts>,
    /// Real gaps: enough locations answered and none offers the category.
    gaps: Vec<Gap>,
    /// Areas too few locations answered for, by area.
    unknown: Vec<UnknownArea>,
    municipalities: Vec<String>,
    sectors: Vec<String>,
    kernen: Vec<String>,
    sector: String,
    municipality: String,
    kern: String,
    /// `gemeente` or `kern`.
    area: &'static str,
    min_level: String,
    levels: Vec<&'static str>,
    /// The category on the map.
    map_category: SupportCategory,
    chart: BarChart,
    map: Map,
    /// Located locations of those shown.
    located: usize,
    /// The SWV's share that tells a gap from unknown.
    settings: CoverageSettings,
    can_edit: bool,
    /// The share as typed in the form (the stored one at first).
    threshold: String,
    threshold_error: Option<String>,
}

/// An area too few locations answered for, with the categories that are unknown there.
pub struct UnknownArea {
    pub area: String,
    pub locations: usize,
    pub with_profile: usize,
    /// Each unknown category with how many profiles answer it.
    pub categories: Vec<(SupportCategory, usize)>,
}

impl UnknownArea {
    /// The unknowns grouped by area, in the order given (by area name).
    fn group(unknown: Vec<Gap>) -> Vec<UnknownArea> {
        let mut out: Vec<UnknownArea> = Vec::new();
        for gap in unknown {
            if out.last().is_none_or(|a| a.area != gap.area) {
                out.push(UnknownArea {
                    area: gap.area.clone(),
                    locations: gap.locations,
                    with_profile: gap.with_profile,
                    categories: Vec::new(),
                });
            }
            if let Some(area) = out.last_mut() {
                area.categories.push((gap.category, gap.answered));
            }
        }
        out
    }
}

impl MatrixPage {
    fn segment_title(&self, category: &SupportCategory, part: &usize, count: &usize) -> String {
        let level = match part {
            0 => self.ctx.t("level-standaard"),
            1 => self.ctx.t("level-na_overleg"),
            2 => self.ctx.t("level-niet"),
            _ => self.ctx.t("coverage-unknown"),
        };
        format!("{}: {level} {count}", self.category_name(category))
    }

    /// A coordinate or length in the SVG, to a tenth of a unit.
    fn fmt(&self, value: impl std::borrow::Borrow<f64>) -> String {
        format!("{:.1}", value.borrow())
    }

    /// "2 of 3 locations answered" for a gap.
    fn gap_evidence(&self, gap: &Gap) -> String {
        self.ctx.lang.t_with(
            "coverage-gap-answered",
            &[("answered", MessageArg::from(gap.answered)), ("locations", MessageArg::from(gap.locations))],
        )
    }

    /// "5 of the 7 locations have no profile yet" for an unknown area.
    fn unknown_reason(&self, area: &UnknownArea) -> String {
        if area.with_profile < area.locations {
            self.ctx.lang.t_with(
                "coverage-unknown-without",
                &[
                    ("without", MessageArg::from(area.locations - area.with_profile)),
                    ("locations", MessageArg::from(area.locations)),
                ],
            )
        } else {
            self.ctx.lang.t_with("coverage-unknown-all-profiled", &[("locations", MessageArg::from(area.locations))])
        }
    }

    /// The unknown categories of an area, each with how many profiles answer
    /// it where some profiles leave it open.
    fn unknown_categories(&self, area: &UnknownArea) -> String {
        if area.categories.len() == SupportCategory::ALL.len()
            && area.categories.iter().all(|(_, answered)| *answered == area.with_profile)
        {
            return self.ctx.t("coverage-unknown-every-category");
        }
        area.categories
            .iter()
            .map(|(category, answered)| {
                let name = self.category_name(category);
                if area.with_profile > 0 && *answered < area.with_profile {
                    let note = self.ctx.lang.t_with(
                        "coverage-unknown-answered",
                        &[("answered", MessageArg::from(*answered)), ("profiles", MessageArg::from(area.with_profile))],
                    );
                    format!("{name} ({note})")
                } else {
                    name
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn map_caption(&self) -> String {
        if self.located == self.offers.len() && self.located > 0 {
            return self.ctx.tn("coverage-map-all-located", "count", self.located);
        }
        self.ctx.lang.t_with(
            "coverage-map-located",
            &[("located", MessageArg::from(self.located)), ("count", MessageArg::from(self.offers.len()))],
        )
    }

    fn category_key(&self, category: &SupportCategory) -> String {
        serde_json::to_value(category).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// A value for a link's query string.
    fn query(&self, value: &str) -> String {
        url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
    }

    fn cell(&self, offer: &LocationOffer, category: &SupportCategory) -> String {
        level_text(&self.ctx, offer, category)
    }

    fn cell_class(&self, offer: &LocationOffer, category: &SupportCategory) -> &'static str {
        level_class(offer, category)
    }

    fn state_name(&self, offer: &LocationOffer) -> String {
        match offer.state {
            Some(state) => self.ctx.t(state.message_id()),
            None => self.ctx.t("profile-status-none"),
        }
    }

    fn category_name(&self, category: &SupportCategory) -> String {
        self.ctx.t(category.message_id())
    }

    fn level_name(&self, level: &str) -> String {
        self.ctx.t(&format!("level-{level}"))
    }
}

/// What the threshold form shows: the typed value and its problem, if any.
#[derive(Default)]
struct ThresholdForm {
    typed: Option<String>,
    error: Option<String>,
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/dekking", tag = "pages", params(("code" = String, Path), CoverageQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<CoverageQuery>,
) -> AppResult<Html<String>> {
    matrix_page(&state, ctx, &scope, query, ThresholdForm::default()).await
}

async fn matrix_page(
    state: &AppState,
    ctx: PageContext,
    scope: &SwvScope,
    query: CoverageQuery,
    form: ThresholdForm,
) -> AppResult<Html<String>> {
    let current = passend_app::questionnaire::current_year();
    let year = query.jaar.as_deref().and_then(SchoolYear::parse).unwrap_or(current);
    let nonempty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let min_level = query.niveau.filter(|l| LEVELS.contains(&l.as_str())).unwrap_or_else(|| "standaard".to_owned());
    let filters = Filters {
        year,
        sector: nonempty(query.sector),
        municipality: nonempty(query.gemeente),
        kern: nonempty(query.kern),
        area: query.gebied.as_deref().and_then(AreaKind::parse).unwrap_or_default(),
        min_level: min_level.clone(),
    };
    let coverage = state.app.coverage(scope, &filters).await?;
    let map_category = query
        .onderwerp
        .and_then(|k| SupportCategory::ALL.into_iter().find(|c| c.key() == k))
        .unwrap_or(SupportCategory::Dyslexie);
    let points: Vec<map::Point<'_>> = coverage
        .offers
        .iter()
        .filter_map(|o| {
            Some(map::Point {
                lat: o.lat?,
                lon: o.lon?,
                place: o.municipality.as_deref(),
                class: level_class(o, &map_category),
                title: format!("{}: {}", o.name, {
                    let cell = level_text(&ctx, o, &map_category);
                    if cell.is_empty() { ctx.t("coverage-unknown") } else { cell }
                }),
                profiled: o.state.is_some(),
            })
        })
        .collect();
    let map = map::draw(&points);
    let located = points.len();
    drop(points);
    render(&MatrixPage {
        code: scope.code().to_string(),
        year: year.to_string(),
        years: [current.previous(), current, SchoolYear::starting(current.start() + 1)]
            .iter()
            .map(ToString::to_string)
            .collect(),
        categories: SupportCategory::ALL.to_vec(),
        chart: charts::bar_chart(&coverage.counts),
        map,
        located,
        offers: coverage.offers,
        counts: coverage.counts,
        gaps: coverage.gaps,
        unknown: UnknownArea::group(coverage.unknown),
        municipalities: coverage.municipalities,
        sectors: coverage.sectors,
        kernen: coverage.kernen,
        sector: filters.sector.unwrap_or_default(),
        municipality: filters.municipality.unwrap_or_default(),
        kern: filters.kern.unwrap_or_default(),
        area: if filters.area == AreaKind::Kern { "kern" } else { "gemeente" },
        min_level,
        levels: LEVELS.to_vec(),
        map_category,
        settings: coverage.settings,
        can_edit: scope.editable(),
        threshold: form.typed.unwrap_or_else(|| coverage.settings.min_profiled_percent.to_string()),
        threshold_error: form.error,
        ctx,
    })
}

fn level_text(ctx: &PageContext, offer: &LocationOffer, category: &SupportCategory) -> String {
    offer.levels.get(category).map_or_else(String::new, |l| ctx.t(&format!("level-{l}")))
}

fn level_class(offer: &LocationOffer, category: &SupportCategory) -> &'static str {
    match offer.levels.get(category).map(String::as_str) {
        Some("standaard") => "level-high",
        Some("na_overleg") => "level-mid",
        Some("niet") => "level-low",
        _ => "level-none",
    }
}

#[derive(Deserialize)]
pub struct ThresholdFields {
    #[serde(default)]
    min_profiled_percent: String,
}

/// Sets the share of an area's locations that must answer before a lack of
/// offer counts as a gap (the SWV's admins); a bad value is shown next to the
/// field with what was typed.
#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/dekking/drempel", tag = "pages", params(("code" = String, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors"),
              (status = 403, description = "Not this SWV's admin")))]
pub async fn save_threshold_form(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    form: CsrfForm<ThresholdFields>,
) -> AppResult<Response> {
    let typed = form.form.min_profiled_percent.trim().trim_end_matches('%').trim().to_owned();
    let checked = match typed.parse::<u8>() {
        Ok(min_profiled_percent) => {
            let settings = CoverageSettings { min_profiled_percent };
            state.app.save_coverage_settings(&form.session.actor, &scope, &settings).await?
        }
        Err(_) => CoverageSettings { min_profiled_percent: 0 }.check(),
    };
    match checked {
        Ok(()) => {
            Ok(Redirect::to(&format!("/samenwerkingsverbanden/{}/dekking?melding=opgeslagen#drempel", scope.code()))
                .into_response())
        }
        Err(problems) => {
            let error = problems.first().map(|(_, m)| ctx.lang.message(m));
            let typed = Some(form.form.min_profiled_percent.clone());
            let html =
                matrix_page(&state, ctx, &scope, CoverageQuery::default(), ThresholdForm { typed, error }).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
