//! The team's page of a profile's surveys: links and results per group.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Redirect};
use passend_domain::surveys::{Audience, SurveyKind};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::profiles::OnProfile;
use crate::security::csrf::CsrfForm;
use passend_app::surveys::SurveyResults;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(surveys_page, open_survey)).routes(routes!(set_survey))
}

#[derive(Template)]
#[template(path = "surveys/results.html")]
struct SurveysPage {
    ctx: PageContext,
    profile_id: i64,
    school_year: String,
    coordinates: bool,
    kinds: Vec<KindView>,
}

/// A kind of survey with its audiences, each with its survey when made.
struct KindView {
    kind: SurveyKind,
    audiences: Vec<(Audience, Option<SurveyResults>)>,
}

#[utoipa::path(get, path = "/profielen/{id}/enquetes", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn surveys_page(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Html<String>> {
    let id = loaded.profile.id;
    let mut results = state.app.survey_results(&loaded).await?;
    let kinds = SurveyKind::ALL
        .iter()
        .map(|kind| {
            let audiences = kind
                .audiences()
                .iter()
                .map(|audience| {
                    let position =
                        results.iter().position(|r| r.survey.kind == *kind && r.survey.audience == *audience);
                    (*audience, position.map(|p| results.remove(p)))
                })
                .collect();
            KindView { kind: *kind, audiences }
        })
        .collect();
    render(&SurveysPage {
        profile_id: id,
        school_year: loaded.profile.school_year.clone(),
        coordinates: passend_app::questionnaire::coordinates(&session.actor, &loaded.school),
        kinds,
        ctx,
    })
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
