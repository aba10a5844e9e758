//! The team's page of a profile's surveys: links to copy, QR codes and
//! results per group; for coordinators also the contact details parents left
//! and the form that turns picked results and remarks into wishes.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::surveys::{SurveyContact, SurveyResults, group_label};
use passend_domain::lifecycle::dutch_day;
use passend_domain::surveys::{Audience, Pick, QuestionSummary, SurveyKind};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{FieldErrors, PageContext, render};
use crate::profiles::OnProfile;
use crate::security::csrf::CsrfForm;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(surveys_page, open_survey))
        .routes(routes!(set_survey))
        .routes(routes!(wishes_form))
        .routes(routes!(qr_code))
}

#[derive(Template)]
#[template(path = "surveys/results.html")]
struct SurveysPage {
    ctx: PageContext,
    profile_id: i64,
    school_year: String,
    coordinates: bool,
    kinds: Vec<KindView>,
    /// What was typed in a wish form that was refused.
    typed: Option<TypedWishes>,
}

/// A kind of survey with its audiences, each with its survey when made.
struct KindView {
    kind: SurveyKind,
    audiences: Vec<(Audience, Option<SurveyView>)>,
}

struct SurveyView {
    r: SurveyResults,
    /// "Ouders, evaluatie".
    group: String,
    kept_until: String,
    /// For coordinators, where the survey asks for them.
    contacts: Option<Vec<SurveyContact>>,
}

/// A refused wish form: its survey, the picks and owner as sent, the problems.
struct TypedWishes {
    survey_id: i64,
    picks: Vec<String>,
    owner: String,
    errors: FieldErrors,
}

impl SurveysPage {
    /// The form value for an open answer, as [`Pick::parse`] reads it.
    fn answer_pick(&self, v: &SurveyView, q: &QuestionSummary, index: &usize) -> String {
        let response = q.texts.get(*index).map_or(0, |t| v.r.response_id(t.response));
        Pick::Answer { key: q.key.to_owned(), response_id: response }.value()
    }

    fn picked(&self, v: &SurveyView, value: &str) -> bool {
        self.typed.as_ref().is_some_and(|t| t.survey_id == v.r.survey.id && t.picks.iter().any(|p| p == value))
    }

    fn owner(&self, v: &SurveyView) -> &str {
        self.typed.as_ref().filter(|t| t.survey_id == v.r.survey.id).map_or("", |t| t.owner.as_str())
    }

    fn wish_error(&self, v: &SurveyView, field: &str) -> Option<&str> {
        self.typed.as_ref().filter(|t| t.survey_id == v.r.survey.id).and_then(|t| t.errors.get(field))
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    on: &OnProfile,
    typed: Option<TypedWishes>,
) -> AppResult<Html<String>> {
    let OnProfile { loaded, session } = on;
    let coordinates = passend_app::questionnaire::coordinates(&session.actor, &loaded.school);
    let mut results = Vec::new();
    for r in state.app.survey_results(loaded).await? {
        let contacts = if coordinates && passend_app::App::offers_contact(&r.survey) {
            Some(state.app.survey_contacts(&session.actor, loaded, r.survey.id).await?)
        } else {
            None
        };
        results.push(SurveyView {
            group: group_label(ctx.lang, &r.survey),
            kept_until: dutch_day(r.kept_until),
            contacts,
            r,
        });
    }
    let kinds = SurveyKind::ALL
        .iter()
        .map(|kind| {
            let audiences = kind
                .audiences()
                .iter()
                .map(|audience| {
                    let position =
                        results.iter().position(|v| v.r.survey.kind == *kind && v.r.survey.audience == *audience);
                    (*audience, position.map(|p| results.remove(p)))
                })
                .collect();
            KindView { kind: *kind, audiences }
        })
        .collect();
    render(&SurveysPage {
        profile_id: loaded.profile.id,
        school_year: loaded.profile.school_year.clone(),
        coordinates,
        kinds,
        typed,
        ctx,
    })
}

#[utoipa::path(get, path = "/profielen/{id}/enquetes", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn surveys_page(State(state): State<AppState>, ctx: PageContext, on: OnProfile) -> AppResult<Html<String>> {
    page(&state, ctx, &on, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpenForm {
    kind: String,
    audience: String,
}

#[utoipa::path(post, path = "/profielen/{id}/enquetes", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "The link is made")))]
pub async fn open_survey(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<OpenForm>,
) -> AppResult<Redirect> {
    let id = loaded.profile.id;
    let survey = state.app.open_survey(&form.session.actor, &loaded, &form.form.kind, &form.form.audience).await?;
    Ok(Redirect::to(&format!("/profielen/{id}/enquetes?melding=opgeslagen#enquete-{}", survey.id)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SetForm {
    closed: String,
    allow_multiple: String,
}

#[utoipa::path(post, path = "/profielen/{id}/enquetes/{survey}", tag = "pages", params(("id" = i64, Path), ("survey" = i64, Path)),
    responses((status = 303, description = "Saved")))]
pub async fn set_survey(
    State(state): State<AppState>,
    Path((id, survey)): Path<(i64, i64)>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<SetForm>,
) -> AppResult<Redirect> {
    state
        .app
        .set_survey(&form.session.actor, &loaded, survey, form.form.closed == "ja", form.form.allow_multiple == "ja")
        .await?;
    Ok(Redirect::to(&format!("/profielen/{id}/enquetes?melding=opgeslagen#enquete-{survey}")))
}

/// Makes wishes of the picked results and remarks, then shows the wish list
/// they went to; a refused form comes back with its picks and the problems.
#[utoipa::path(post, path = "/profielen/{id}/enquetes/{survey}/wensen", tag = "pages", params(("id" = i64, Path), ("survey" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`pick` (repeated: a question key or `key:response_id`) and `owner`"),
    responses((status = 303, description = "The wishes are on the wish list"), (status = 422, description = "Field errors")))]
pub async fn wishes_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((_id, survey)): Path<(i64, i64)>,
    on: OnProfile,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let picks: Vec<String> = form.form.iter().filter(|(k, _)| k == "pick").map(|(_, v)| v.clone()).collect();
    let owner = form.form.iter().find(|(k, _)| k == "owner").map(|(_, v)| v.clone()).unwrap_or_default();
    let outcome = state.app.wishes_from_survey(&form.session.actor, ctx.lang, &on.loaded, survey, &picks, &owner).await;
    let problems = match outcome {
        Ok(Ok(made)) => {
            let to = format!("/profielen/{}/planning?melding=opgeslagen#wishes-title", made.profile_id);
            return Ok(Redirect::to(&to).into_response());
        }
        Ok(Err(problems)) | Err(passend_app::Error::Conflict(problems)) => problems,
        Err(other) => return Err(AppError::from(other)),
    };
    let errors = FieldErrors::from_problems(ctx.lang, problems);
    let typed = TypedWishes { survey_id: survey, picks, owner, errors };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, ctx, &on, Some(typed)).await?).into_response())
}

/// The survey's link as a QR code (SVG), to print or put in a newsletter.
#[utoipa::path(get, path = "/profielen/{id}/enquetes/{survey}/qr.svg", tag = "pages", params(("id" = i64, Path), ("survey" = i64, Path)),
    responses((status = 200, content_type = "image/svg+xml"), (status = 404, description = "No such survey of this profile")))]
pub async fn qr_code(
    State(state): State<AppState>,
    Path((_id, survey)): Path<(i64, i64)>,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Response> {
    let survey = state.app.survey(&loaded, survey).await?;
    let link = state.config.link(&format!("/enquete/{}", survey.link_code));
    let image = passend_documents::qr::svg(&link, 240)
        .ok_or_else(|| anyhow::anyhow!("a survey link too long for a QR code"))?;
    let name = format!("enquete-{}-{}-{}.svg", survey.kind.as_str(), survey.audience.as_str(), survey.location_code);
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{name}\"")),
        ],
        image,
    )
        .into_response())
}
