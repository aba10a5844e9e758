//! The follow-up as a spreadsheet: per school, and the key figures per kern,
//! municipality and the whole SWV over the years.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use passend_app::conversations::{AreaFigures, FollowUp};
use passend_i18n::Lang;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::SwvTalks;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::i18n::ReaderLang;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(follow_up_xlsx))
}

fn figures_sheet(
    book: &mut Workbook,
    name: String,
    keys: &[(String, String)],
    rows: &[AreaFigures],
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(name.chars().take(31).collect::<String>())?;
    sheet.write_string_with_format(0, 0, lang.t("conv-area"), &bold)?;
    sheet.write_string_with_format(0, 1, lang.t("conv-school-year"), &bold)?;
    for (i, (_, label)) in keys.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16 + 2, label, &bold)?;
    }
    for (row, area) in rows.iter().enumerate() {
        let r = row as u32 + 1;
        sheet.write_string(r, 0, &area.area)?;
        sheet.write_string(r, 1, &area.school_year)?;
        for (i, (key, _)) in keys.iter().enumerate() {
            sheet.write_number(r, i as u16 + 2, area.sums.get(key).copied().unwrap_or_default() as f64)?;
        }
    }
    sheet.set_column_width(0, 30)?;
    Ok(())
}

fn workbook(lang: Lang, follow_up: &FollowUp) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.t("conv-follow-up-schools").chars().take(31).collect::<String>())?;
    let headers = [
        lang.t("profile-location"),
        lang.t("xlsx-location-code"),
        lang.t("conv-held-count"),
        lang.t("conv-open-agreements"),
        lang.t("conv-overdue-agreements"),
        lang.t("conv-state-this-year"),
    ];
    for (col, title) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &bold)?;
    }
    for (row, school) in follow_up.schools.iter().enumerate() {
        let r = row as u32 + 1;
        sheet.write_string(r, 0, &school.location.name)?;
        sheet.write_string(r, 1, &school.location.code)?;
        sheet.write_number(r, 2, school.held as f64)?;
        sheet.write_number(r, 3, school.open_agreements as f64)?;
        sheet.write_number(r, 4, school.overdue_agreements as f64)?;
        sheet.write_string(
            r,
            5,
            school.this_year.map_or_else(|| lang.t("conv-not-planned"), |(_, state)| lang.t(state.message_id())),
        )?;
    }
    sheet.set_column_width(0, 36)?;
    figures_sheet(&mut book, lang.t("conv-figures-per-kern"), &follow_up.figure_keys, &follow_up.by_kern, lang)?;
    figures_sheet(
        &mut book,
        lang.t("conv-figures-per-municipality"),
        &follow_up.figure_keys,
        &follow_up.by_municipality,
        lang,
    )?;
    figures_sheet(&mut book, lang.t("conv-figures-whole"), &follow_up.figure_keys, &follow_up.whole, lang)?;
    book.save_to_buffer()
}

/// The follow-up as an XLSX workbook: per school, and the figures per kern, municipality and the whole SWV per year.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/conversation-follow-up.xlsx", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              (status = 403, description = "Not this SWV's staff"), (status = 404, description = "No such SWV")))]
pub async fn follow_up_xlsx(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    SwvTalks { scope, .. }: SwvTalks,
) -> AppResult<Response> {
    let follow_up = state.app.conversation_follow_up(&scope).await?;
    let bytes = workbook(lang, &follow_up).map_err(|error| {
        tracing::error!(%error, "writing the follow-up workbook failed");
        AppError::new(ErrorKind::Internal)
    })?;
    let disposition = format!("attachment; filename=\"jaargesprekken-{}.xlsx\"", scope.code().as_str());
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}
