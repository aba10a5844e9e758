//! What the school does with a survey's results: export them (CSV and
//! XLSX: counts per question and the open answers as entered, never contact
//! details), read the contact details parents left (coordinators only, as
//! JSON or CSV), and make wishes of picked results and remarks.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use passend_app::surveys::{SurveyContact, SurveyResults, group_label};
use passend_domain::spreadsheet::csv;
use passend_i18n::Lang;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::AppResult;
use crate::i18n::ReaderLang;
use crate::profiles::OnProfile;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(results_csv))
        .routes(routes!(results_xlsx))
        .routes(routes!(contacts))
        .routes(routes!(contacts_csv))
        .routes(routes!(wishes_from_survey))
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The rows of a results export: question, option or open answer, count
/// (empty for an open answer), in the order asked.
fn result_rows(r: &SurveyResults) -> Vec<(&'static str, String, Option<usize>)> {
    let mut rows = Vec::new();
    for q in &r.summary {
        for (label, count) in &q.counts {
            rows.push((q.text, (*label).to_owned(), Some(*count)));
        }
        for answer in &q.texts {
            rows.push((q.text, answer.text.clone(), None));
        }
    }
    rows
}

/// A CSV field for Dutch spreadsheets (semicolons). A value that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a `'`
/// before it, so that an answer from a link cannot run in the school's Excel.
fn file_name(r: &SurveyResults, what: &str, ext: &str) -> String {
    format!("enquete-{}-{}-{}-{what}.{ext}", r.survey.kind.as_str(), r.survey.audience.as_str(), r.survey.location_code)
}

fn attachment(content_type: &str, name: &str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response()
}

fn results_workbook(lang: Lang, r: &SurveyResults) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheet = book.add_worksheet();
    let name: String = group_label(lang, &r.survey).chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    sheet.set_name(name)?;
    let headers = [lang.t("survey-export-question"), lang.t("survey-export-answer"), lang.t("survey-export-count")];
    for (col, title) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &bold)?;
    }
    let rows = result_rows(r);
    for (i, (question, answer, count)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, *question, &wrap)?;
        sheet.write_string_with_format(row, 1, answer, &wrap)?;
        if let Some(count) = count {
            sheet.write_number(row, 2, *count as f64)?;
        }
    }
    sheet.set_column_width(0, 45)?;
    sheet.set_column_width(1, 70)?;
    sheet.set_column_width(2, 10)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, 2)?;
    book.save_to_buffer()
}

/// A survey's results as CSV: per question each option with its count, and
/// every open answer as entered. No names and no contact details.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/surveys/{survey}/results.csv", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path), ("survey" = i64, Path)),
    responses((status = 200, description = "The results, one row per option or open answer", content_type = "text/csv"), (status = 404, description = "No such survey of this profile")))]
pub async fn results_csv(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, .. }: OnProfile,
    Path((_id, survey)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let r = state.app.survey_result(&loaded, survey).await?;
    let header = vec![lang.t("survey-export-question"), lang.t("survey-export-answer"), lang.t("survey-export-count")];
    let rows = result_rows(&r)
        .into_iter()
        .map(|(q, a, n)| vec![q.to_owned(), a, n.map(|n| n.to_string()).unwrap_or_default()]);
    let body = csv(std::iter::once(header).chain(rows));
    Ok(attachment("text/csv; charset=utf-8", &file_name(&r, "resultaten", "csv"), body))
}

/// A survey's results as an XLSX workbook (one sheet, with a filter on the
/// columns); the same rows as the CSV.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/surveys/{survey}/results.xlsx", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path), ("survey" = i64, Path)),
    responses((status = 200, description = "The results as a workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              (status = 404, description = "No such survey of this profile")))]
pub async fn results_xlsx(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, .. }: OnProfile,
    Path((_id, survey)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let r = state.app.survey_result(&loaded, survey).await?;
    let bytes = results_workbook(lang, &r).map_err(|e| anyhow::anyhow!("xlsx: {e}"))?;
    Ok(attachment(XLSX, &file_name(&r, "resultaten", "xlsx"), bytes))
}

/// Contact details a parent left, with consent, to think along.
#[derive(Serialize, ToSchema)]
pub struct SurveyContactBody {
    /// The response they came with.
    pub response_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// When the parent gave consent (Unix seconds).
    pub consented_at: i64,
}

impl From<SurveyContact> for SurveyContactBody {
    fn from(c: SurveyContact) -> Self {
        SurveyContactBody {
            response_id: c.response_id,
            name: c.name,
            email: c.email,
            phone: c.phone,
            consented_at: c.consented_at,
        }
    }
}

/// The contact details left in a survey: only for the profile's
/// coordinators (director, IB-er); deleted with the survey at the end of the
/// school year.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/surveys/{survey}/contacts", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path), ("survey" = i64, Path)),
    responses((status = 200, description = "The contact details, oldest first", body = [SurveyContactBody]), (status = 403, description = "Not a coordinator"),
              (status = 404, description = "No such survey of this profile")))]
pub async fn contacts(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, survey)): Path<(i64, i64)>,
) -> AppResult<Json<Vec<SurveyContactBody>>> {
    let found = state.app.survey_contacts(&session.actor, &loaded, survey).await?;
    Ok(Json(found.into_iter().map(SurveyContactBody::from).collect()))
}

/// The contact list of a survey as CSV, for the coordinators only.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/surveys/{survey}/contacts.csv", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path), ("survey" = i64, Path)),
    responses((status = 200, description = "The contact list", content_type = "text/csv"), (status = 403, description = "Not a coordinator"),
              (status = 404, description = "No such survey of this profile")))]
pub async fn contacts_csv(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, survey)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let found = state.app.survey_contacts(&session.actor, &loaded, survey).await?;
    let r = state.app.survey_result(&loaded, survey).await?;
    let header = vec![
        lang.t("survey-contact-name"),
        lang.t("survey-contact-email"),
        lang.t("survey-contact-phone"),
        lang.t("survey-contacts-consented"),
    ];
    let date = |unix: i64| {
        time::OffsetDateTime::from_unix_timestamp(unix)
            .map(|t| format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()))
            .unwrap_or_default()
    };
    let rows = found
        .into_iter()
        .map(|c| vec![c.name, c.email.unwrap_or_default(), c.phone.unwrap_or_default(), date(c.consented_at)]);
    let body = csv(std::iter::once(header).chain(rows));
    Ok(attachment("text/csv; charset=utf-8", &file_name(&r, "contacten", "csv"), body))
}

/// Results and remarks to put on the wish list.
#[derive(Deserialize, ToSchema)]
pub struct SurveyWishes {
    /// A choice question's key (its counts) or `key:response_id` (one open
    /// answer), as the results give them.
    pub picks: Vec<String>,
    /// Who takes the wishes on.
    pub owner: String,
}

/// Where the wishes went.
#[derive(Serialize, ToSchema)]
pub struct WishesMadeBody {
    /// The profile whose wish list has them: the survey's own while it is
    /// being written, else the location's profile of the next school year.
    pub profile_id: i64,
    pub school_year: String,
    pub created: usize,
}

/// Makes a wish of each picked result or remark (coordinators).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/surveys/{survey}/wishes", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path), ("survey" = i64, Path)), request_body = SurveyWishes,
    responses((status = 201, description = "The wishes are on the wish list", body = WishesMadeBody), (status = 400, description = "Nothing picked, an unknown pick, no owner"),
              (status = 403, description = "Not a coordinator"), (status = 404, description = "No such survey of this profile"),
              (status = 409, description = "The profile is adopted and next year's is not started yet")))]
pub async fn wishes_from_survey(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, survey)): Path<(i64, i64)>,
    Json(body): Json<SurveyWishes>,
) -> AppResult<(StatusCode, Json<WishesMadeBody>)> {
    let made = state
        .app
        .wishes_from_survey(&session.actor, lang, &loaded, survey, &body.picks, &body.owner)
        .await?
        .map_err(problems_error)?;
    Ok((
        StatusCode::CREATED,
        Json(WishesMadeBody { profile_id: made.profile_id, school_year: made.school_year, created: made.count }),
    ))
}
