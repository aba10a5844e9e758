//! The region's views as a spreadsheet: one sheet each for the coverage
//! matrix, the counts per level, and the basic-support norm.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use passend_domain::coverage::LEVELS;
use passend_domain::questionnaire::{SupportCategory, default_template};
use passend_i18n::Lang;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Coverage, Filters, InSwv};
use crate::app::AppState;
use crate::error::AppResult;
use crate::i18n::ReaderLang;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(coverage_xlsx))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct XlsxParams {
    /// e.g. 2026-2027 (default: this school year).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
}

type Compliances = Vec<(String, f64, bool, Vec<String>)>;

fn workbook(lang: Lang, coverage: &Coverage, norm: Option<(u8, Compliances)>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let t = |id: &str| lang.t(id);

    let sheet = book.add_worksheet();
    sheet.set_name(t("coverage-title"))?;
    let headers = [
        t("profile-location"),
        t("xlsx-location-code"),
        t("coverage-municipality"),
        t("coverage-sector"),
        t("coverage-state"),
    ];
    for (col, title) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &bold)?;
    }
    for (i, category) in SupportCategory::ALL.iter().enumerate() {
        sheet.write_string_with_format(0, (headers.len() + i) as u16, t(category.message_id()), &bold)?;
    }
    for (row, offer) in coverage.offers.iter().enumerate() {
        let r = row as u32 + 1;
        sheet.write_string(r, 0, &offer.name)?;
        sheet.write_string(r, 1, &offer.code)?;
        sheet.write_string(r, 2, offer.municipality.clone().unwrap_or_default())?;
        sheet.write_string(r, 3, offer.sector.clone().unwrap_or_default())?;
        sheet.write_string(r, 4, offer.state.map_or_else(|| t("profile-status-none"), |s| t(s.message_id())))?;
        for (i, category) in SupportCategory::ALL.iter().enumerate() {
            if let Some(level) = offer.levels.get(category) {
                sheet.write_string(r, (headers.len() + i) as u16, t(&format!("level-{level}")))?;
            }
        }
    }
    // Filters on every column, over the header and every location.
    let last_col = (headers.len() + SupportCategory::ALL.len() - 1) as u16;
    sheet.autofilter(0, 0, coverage.offers.len() as u32, last_col)?;
    sheet.set_freeze_panes(1, 1)?;
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 10)?;

    let sheet = book.add_worksheet();
    sheet.set_name(t("coverage-counts").chars().take(31).collect::<String>())?;
    sheet.write_string_with_format(0, 0, t("coverage-category"), &bold)?;
    for (i, level) in LEVELS.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16 + 1, t(&format!("level-{level}")), &bold)?;
    }
    sheet.write_string_with_format(0, LEVELS.len() as u16 + 1, t("coverage-unknown"), &bold)?;
    for (row, counts) in coverage.counts.iter().enumerate() {
        let r = row as u32 + 1;
        sheet.write_string(r, 0, t(counts.category.message_id()))?;
        for (i, n) in counts.per_level.iter().enumerate() {
            sheet.write_number(r, i as u16 + 1, *n as f64)?;
        }
        sheet.write_number(r, LEVELS.len() as u16 + 1, counts.unknown as f64)?;
    }
    sheet.set_column_width(0, 30)?;

    if let Some((target, results)) = norm {
        let sheet = book.add_worksheet();
        sheet.set_name(t("norm-title"))?;
        let percent = Format::new().set_num_format("0%");
        for (col, title) in
            [t("profile-location"), t("norm-share"), t("norm-below"), t("norm-missing")].iter().enumerate()
        {
            sheet.write_string_with_format(0, col as u16, title, &bold)?;
        }
        for (row, (name, share, below, missing)) in results.iter().enumerate() {
            let r = row as u32 + 1;
            sheet.write_string(r, 0, name)?;
            sheet.write_number_with_format(r, 1, share / 100.0, &percent)?;
            sheet.write_boolean(r, 2, *below)?;
            let labels: Vec<String> = missing
                .iter()
                .map(|k| default_template().item(k).map_or_else(|| k.clone(), |i| i.label.clone()))
                .collect();
            sheet.write_string(r, 3, labels.join("; "))?;
        }
        sheet.write_string(results.len() as u32 + 2, 0, format!("{}: {target}%", t("norm-target")))?;
        sheet.set_column_width(0, 36)?;
        sheet.set_column_width(3, 60)?;
    }
    book.save_to_buffer()
}

/// The coverage matrix, the counts per level and the basic-support norm as an
/// XLSX workbook, one sheet each, in the reader's language.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/coverage.xlsx", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), XlsxParams),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage_xlsx(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    InSwv { scope, .. }: InSwv,
    Query(params): Query<XlsxParams>,
) -> AppResult<Response> {
    let year = crate::contract::year_or_current(params.year.as_deref(), "year")?;
    let filters = Filters {
        year,
        sector: None,
        municipality: None,
        kern: None,
        area: Default::default(),
        min_level: "standaard".to_owned(),
    };
    let coverage = state.app.coverage(&scope, &filters).await?;
    let swv = scope.code();
    let norm = match state.app.norm(&scope, year).await? {
        Some(norm) => {
            let results = state
                .app
                .region_profiles(&scope, year)
                .await?
                .into_iter()
                .map(|p| {
                    let c = norm.compliance(default_template(), &p.answers);
                    (p.location_name, c.percent, c.below_target, c.missing)
                })
                .collect();
            Some((norm.target_percent, results))
        }
        None => None,
    };
    let bytes = workbook(lang, &coverage, norm).map_err(|e| anyhow::anyhow!("xlsx: {e}"))?;
    let disposition = format!("attachment; filename=\"regio-{swv}-{year}.xlsx\"");
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}
