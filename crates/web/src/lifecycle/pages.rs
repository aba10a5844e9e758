//! The page of a profile's steps and decisions.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::lifecycle::{AdviceRecord, CONFIRM_SECTION, CommentThread, StepOutcome, StepRecord};
use passend_app::questionnaire::UnconfirmedSection;
use passend_domain::access;
use passend_domain::lifecycle::{
    AdviceVerdict, ProfileState, ReviewDue, Safeguard, Step, StepRole, dutch_day, parse_day, review_due, step_roles,
};
use passend_domain::questionnaire::SchoolYear;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::{self, StepInput};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::profiles::Loaded;
use crate::profiles::OnProfile;
use crate::security::csrf::CsrfForm;
use crate::security::session::Session;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(steps_page, take_step))
        .routes(routes!(respond_to_advice))
        .routes(routes!(add_comment))
        .routes(routes!(reply_to_comment))
        .routes(routes!(set_comment_resolved))
}

/// The steps the person may take now, in the order of the cycle.
pub fn allowed_steps(roles: &[StepRole], state: ProfileState) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|s| step_roles(*s).iter().any(|r| roles.contains(r)) && s.from_states().contains(&state))
        .collect()
}

/// The review date for an adopted profile.
pub fn review_of(loaded: &Loaded) -> Option<ReviewDue> {
    let adopted = parse_day(loaded.profile.adopted_on.as_deref()?)?;
    Some(review_due(SchoolYear::parse(&loaded.profile.school_year)?, adopted))
}

#[derive(Template)]
#[template(path = "lifecycle/steps.html")]
struct StepsPage {
    ctx: PageContext,
    profile_id: i64,
    location_name: String,
    school_year: String,
    state: ProfileState,
    adopted_on: Option<String>,
    content_hash: Option<String>,
    /// Reports of the yearly conversation the school made annexes of its profile, for the MR's advice.
    annexes: Vec<crate::conversations::report_pdf::AnnexLink>,
    /// The review date and whether it follows the legacy four-year rule.
    review: Option<(String, bool, bool)>,
    steps: Vec<Step>,
    coordinates: bool,
    responds: bool,
    advice: Option<AdviceRecord>,
    comments: Vec<CommentThread>,
    history: Vec<StepRecord>,
    /// The sections with answers copied from last year nobody confirmed yet.
    unconfirmed: Vec<UnconfirmedSection>,
    /// The step the person asked for, waiting for their confirmation.
    confirming: Option<Safeguard>,
    /// The person's account, to offer resolving their own comments.
    user_id: i64,
    /// The comment whose reply was refused (its error is `reply`).
    reply_failed: Option<i64>,
    sections: Vec<(String, String)>,
    verdicts: Vec<AdviceVerdict>,
    today: String,
    errors: FieldErrors,
    form: StepInput,
}

impl StepsPage {
    fn is(&self, step: &Step, name: &str) -> bool {
        step.as_str() == name
    }

    fn state_name(&self, raw: &str) -> String {
        ProfileState::parse(raw).map_or_else(|| raw.to_owned(), |s| self.ctx.t(s.message_id()))
    }

    fn verdict_name(&self, raw: &str) -> String {
        AdviceVerdict::parse(raw).map_or_else(|| raw.to_owned(), |v| self.ctx.t(v.message_id()))
    }

    fn in_state(&self, name: &str) -> bool {
        self.state.as_str() == name
    }

    fn state_explained(&self) -> String {
        self.ctx.t(&format!("{}-explained", self.state.message_id()))
    }

    fn day(&self, raw: &str) -> String {
        parse_day(raw).map_or_else(|| raw.to_owned(), dutch_day)
    }

    fn unconfirmed_total(&self) -> usize {
        self.unconfirmed.iter().map(|s| s.count).sum()
    }

    /// Whether a step the person may take now hands on content with unconfirmed answers.
    fn warns(&self) -> bool {
        self.unconfirmed_total() > 0 && self.steps.iter().any(|s| s.hands_over_content())
    }

    fn confirm_label(&self, guard: &Safeguard) -> &'static str {
        match guard.step {
            Step::Adopt => "safeguard-confirm-adopt",
            Step::Publish => "safeguard-confirm-publish",
            Step::AskMrAdvice => "safeguard-confirm-ask_mr_advice",
            _ => "safeguard-confirm",
        }
    }

    fn safeguard_text(&self, guard: &Safeguard) -> String {
        self.ctx.lang.message(&guard.message())
    }

    /// The audit line's step in words; a section confirmed at once with its count.
    fn step_name(&self, record: &StepRecord) -> String {
        if record.step == CONFIRM_SECTION
            && let Some((section, count)) = record.detail.as_deref().and_then(|d| d.split_once(':'))
        {
            let message = passend_domain::Message::new("history-confirm-section")
                .with("section", section)
                .with("count", count.parse::<i64>().unwrap_or(0));
            return self.ctx.lang.message(&message);
        }
        match Step::parse(&record.step) {
            Some(step) => self.ctx.t(step.message_id()),
            None => {
                let id = format!("history-step-{}", record.step);
                if self.ctx.lang.has(&id) { self.ctx.t(&id) } else { record.step.clone() }
            }
        }
    }

    fn reply_failed_on(&self, thread: &CommentThread) -> bool {
        self.reply_failed == Some(thread.comment.id)
    }

    /// May the person mark this comment resolved or open again?
    fn may_resolve(&self, thread: &CommentThread) -> bool {
        self.state.comments_open()
            && (self.coordinates || (self.responds && thread.comment.user_id == Some(self.user_id)))
    }
}

fn today() -> String {
    let (year, month, day) = today_day();
    format!("{year:04}-{month:02}-{day:02}")
}

fn today_day() -> (u16, u8, u8) {
    passend_app::lifecycle::today()
}

/// What a page shows after a request beside the errors.
#[derive(Default)]
struct Extras {
    confirming: Option<Safeguard>,
    reply_failed: Option<i64>,
}

impl Extras {
    fn confirming(guard: Safeguard) -> Self {
        Extras { confirming: Some(guard), ..Extras::default() }
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    session: &Session,
    loaded: &Loaded,
    errors: FieldErrors,
    form: StepInput,
    extras: Extras,
) -> AppResult<Html<String>> {
    let roles = access::profile_steps(&session.actor, &loaded.school, &loaded.context)
        .map(|p| p.roles().to_vec())
        .unwrap_or_default();
    let (_, location_name) = state.app.profile_names(&loaded.profile).await?;
    let record = state.app.cycle_record(loaded).await?;
    let review = review_of(loaded).map(|due| {
        let four_yearly = matches!(due, ReviewDue::FourYearly { .. });
        (dutch_day(due.by()), four_yearly, due.is_due(today_day()))
    });
    let p = &loaded.profile;
    let annexes = crate::conversations::report_pdf::annex_links(
        state,
        &session.actor,
        ctx.lang,
        &p.brin,
        &p.location_code,
        &p.school_year,
    )
    .await?;
    render(&StepsPage {
        annexes,
        profile_id: loaded.profile.id,
        school_year: loaded.profile.school_year.clone(),
        state: loaded.profile.state,
        adopted_on: loaded.profile.adopted_on.clone(),
        content_hash: loaded.profile.content_hash.clone(),
        review,
        steps: allowed_steps(&roles, loaded.profile.state),
        coordinates: roles.contains(&StepRole::Coordinator),
        responds: passend_app::questionnaire::responds(&session.actor, &loaded.school),
        advice: record.advice,
        comments: record.comments,
        history: record.history,
        unconfirmed: state.app.unconfirmed_by_section(loaded).await?,
        confirming: extras.confirming,
        reply_failed: extras.reply_failed,
        user_id: session.actor.user_id(),
        sections: loaded.profile.template.sections.iter().map(|s| (s.key.clone(), s.title.clone())).collect(),
        verdicts: AdviceVerdict::ALL.to_vec(),
        today: today(),
        location_name,
        errors,
        form,
        ctx,
    })
}

#[utoipa::path(get, path = "/profielen/{id}/stappen", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn steps_page(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Html<String>> {
    page(&state, ctx, &session, &loaded, FieldErrors::default(), StepInput::default(), Extras::default()).await
}

#[utoipa::path(post, path = "/profielen/{id}/stappen", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Step taken"), (status = 200, description = "The step waits for confirmation: the page asks for it; nothing changed"),
              (status = 422, description = "Field errors"), (status = 403, description = "Not your step"), (status = 409, description = "Not from this state")))]
pub async fn take_step(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<StepInput>,
) -> AppResult<Response> {
    let id = loaded.profile.id;
    match actions::take(&state, &form.session, &loaded, &form.form).await? {
        StepOutcome::Taken(_) => {
            Ok(Redirect::to(&format!("/profielen/{id}/stappen?melding=stap-gezet")).into_response())
        }
        StepOutcome::Invalid(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = page(&state, ctx, &form.session, &loaded, errors, form.form.clone(), Extras::default()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        StepOutcome::NeedsConfirmation(guard) => {
            let html = page(
                &state,
                ctx,
                &form.session,
                &loaded,
                FieldErrors::default(),
                form.form.clone(),
                Extras::confirming(guard),
            )
            .await?;
            Ok(html.into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResponseForm {
    response: String,
}

#[utoipa::path(post, path = "/profielen/{id}/advies-reactie", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors")))]
pub async fn respond_to_advice(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<ResponseForm>,
) -> AppResult<Response> {
    let id = loaded.profile.id;
    match state.app.respond_to_advice(actions::taker(&form.session), &loaded, &form.form.response).await? {
        Ok(()) => Ok(Redirect::to(&format!("/profielen/{id}/stappen?melding=opgeslagen")).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html =
                page(&state, ctx, &form.session, &loaded, errors, StepInput::default(), Extras::default()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    section: String,
    body: String,
}

#[utoipa::path(post, path = "/profielen/{id}/opmerkingen", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors")))]
pub async fn add_comment(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<CommentForm>,
) -> AppResult<Response> {
    let id = loaded.profile.id;
    match state
        .app
        .comment_on_section(actions::taker(&form.session), &loaded, &form.form.section, &form.form.body)
        .await?
    {
        Ok(()) => Ok(Redirect::to(&format!("/profielen/{id}/stappen?melding=opgeslagen#opmerkingen")).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html =
                page(&state, ctx, &form.session, &loaded, errors, StepInput::default(), Extras::default()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReplyForm {
    body: String,
}

#[utoipa::path(post, path = "/profielen/{id}/opmerkingen/{comment}/reactie", tag = "pages", params(("id" = i64, Path), ("comment" = i64, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors")))]
pub async fn reply_to_comment(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    Path((id, comment)): Path<(i64, i64)>,
    form: CsrfForm<ReplyForm>,
) -> AppResult<Response> {
    match state.app.reply_to_comment(actions::taker(&form.session), &loaded, comment, &form.form.body).await? {
        Ok(()) => {
            Ok(Redirect::to(&format!("/profielen/{id}/stappen?melding=opgeslagen#opmerking-{comment}")).into_response())
        }
        Err(problems) => {
            let mut errors = FieldErrors::default();
            for (_, message) in problems {
                errors.add("reply", ctx.lang.message(&message));
            }
            let extras = Extras { reply_failed: Some(comment), ..Extras::default() };
            let html = page(&state, ctx, &form.session, &loaded, errors, StepInput::default(), extras).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResolvedForm {
    /// `ja` resolves, anything else opens again.
    resolved: String,
}

#[utoipa::path(post, path = "/profielen/{id}/opmerkingen/{comment}/afgehandeld", tag = "pages", params(("id" = i64, Path), ("comment" = i64, Path)),
    responses((status = 303, description = "Saved"), (status = 403, description = "Neither a coordinator nor the author")))]
pub async fn set_comment_resolved(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
    Path((id, comment)): Path<(i64, i64)>,
    form: CsrfForm<ResolvedForm>,
) -> AppResult<Redirect> {
    let resolved = form.form.resolved == "ja";
    state.app.set_comment_resolved(actions::taker(&form.session), &loaded, comment, resolved).await?;
    Ok(Redirect::to(&format!("/profielen/{id}/stappen?melding=opgeslagen#opmerking-{comment}")))
}
