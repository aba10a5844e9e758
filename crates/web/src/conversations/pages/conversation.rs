//! One conversation on the web: the page the school prepares on and both
//! sides hold the conversation on (answers with the school's preparation
//! beside them, what Passend knows, funds, last year's agreements to follow
//! up, this year's agreements, the details and the confirmations), and the
//! report page. Every form works without JavaScript; with it, answers save
//! as they are typed through the JSON API.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::conversations::{AnswerOutcome, ConversationView, OnConversation, parse_agreement};
use passend_domain::access::ConversationSide;
use passend_domain::conversations::{AgreementStatus, AnswerPhase, AnswerValue, QuestionKind, ReportContent, euros};
use passend_domain::lifecycle::{dutch_day, parse_day};
use serde::Deserialize;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::super::InConversation;
use super::swv::{PlanFields, plan_input};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(conversation_page))
        .routes(routes!(save_answers))
        .routes(routes!(add_agreement))
        .routes(routes!(delete_agreement))
        .routes(routes!(follow_up))
        .routes(routes!(save_details))
        .routes(routes!(confirm))
        .routes(routes!(replan))
        .routes(routes!(report_page))
}

/// One question as the page shows it.
pub struct QuestionView {
    pub key: String,
    pub text: String,
    /// `text`, `choice`, `scale` or `figure`.
    pub kind: &'static str,
    pub options: Vec<String>,
    /// The ambition and goal it belongs to.
    pub goal: Option<String>,
    /// The school's prepared answer, shown beside the conversation's answer once held.
    pub prepared: Option<String>,
    /// What the field holds: the stored answer of the phase written now, or what was typed.
    pub value: String,
    /// A figure's note.
    pub note: String,
    pub version: i64,
    pub error: Option<String>,
}

pub struct SectionView {
    pub key: String,
    pub title: String,
    pub intro: String,
    pub ambition: Option<(String, String)>,
    pub questions: Vec<QuestionView>,
}

/// What a field shows for a stored value: (value, note).
fn field_value(value: &AnswerValue) -> (String, String) {
    match value {
        AnswerValue::Text { text } => (text.clone(), String::new()),
        AnswerValue::Choice { option } => (option.clone(), String::new()),
        AnswerValue::Scale { score } => (score.to_string(), String::new()),
        AnswerValue::Figure { count, note } => (count.to_string(), note.clone().unwrap_or_default()),
    }
}

fn kind_str(kind: QuestionKind) -> &'static str {
    kind.as_str()
}

fn sections_of(view: &ConversationView, typed: &[(String, String)], errors: &[(String, String)]) -> Vec<SectionView> {
    let phase = view.writing_phase();
    view.guide
        .sections
        .iter()
        .map(|section| SectionView {
            key: section.key.clone(),
            title: section.title.clone(),
            intro: section.intro.clone(),
            ambition: section
                .ambition
                .as_deref()
                .and_then(|key| view.guide.ambitions.iter().find(|a| a.key == key))
                .map(|a| (a.title.clone(), a.description.clone())),
            questions: section
                .questions
                .iter()
                .map(|q| {
                    let stored = view.answer(&q.key, phase).map(|a| field_value(&a.value)).unwrap_or_default();
                    let typed_value = typed.iter().find(|(k, _)| *k == format!("v:{}", q.key)).map(|(_, v)| v.clone());
                    let typed_note = typed.iter().find(|(k, _)| *k == format!("n:{}", q.key)).map(|(_, v)| v.clone());
                    QuestionView {
                        key: q.key.clone(),
                        text: q.text.clone(),
                        kind: kind_str(q.kind),
                        options: q.options.clone(),
                        goal: q
                            .goal
                            .as_deref()
                            .and_then(|g| view.guide.goal(g))
                            .map(|(a, g)| format!("{} · {}", a.title, g.title)),
                        prepared: (phase == AnswerPhase::Conversation)
                            .then(|| view.answer(&q.key, AnswerPhase::Preparation).map(|a| a.value.display()))
                            .flatten(),
                        value: typed_value.unwrap_or(stored.0),
                        note: typed_note.unwrap_or(stored.1),
                        version: view.version_of(&q.key),
                        error: errors.iter().find(|(k, _)| *k == q.key).map(|(_, m)| m.clone()),
                    }
                })
                .collect(),
        })
        .collect()
}

/// An agreement as the page shows it.
pub struct AgreementView {
    pub id: i64,
    pub what: String,
    pub who: String,
    pub due: String,
    pub goal: String,
    pub status: AgreementStatus,
    pub note: String,
    pub version: i64,
}

fn agreements_of(view: &ConversationView, list: &[passend_app::conversations::Agreement]) -> Vec<AgreementView> {
    list.iter()
        .map(|a| AgreementView {
            id: a.id,
            what: a.what.clone(),
            who: a.who.clone(),
            due: a.due_on.as_deref().and_then(parse_day).map(dutch_day).unwrap_or_default(),
            goal: a
                .goal_key
                .as_deref()
                .map(|g| view.guide.goal(g).map_or_else(|| g.to_owned(), |(_, goal)| goal.title.clone()))
                .unwrap_or_default(),
            status: a.status,
            note: a.status_note.clone().unwrap_or_default(),
            version: a.version,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "conversations/conversation.html")]
struct ConversationPage {
    ctx: PageContext,
    id: i64,
    view: ConversationView,
    side: ConversationSide,
    may_write: bool,
    sections: Vec<SectionView>,
    agreements: Vec<AgreementView>,
    previous: Vec<AgreementView>,
    /// (goal key, "ambition · goal") for the agreement form.
    goals: Vec<(String, String)>,
    statuses: [AgreementStatus; 4],
    /// What a refused form sent.
    typed: Vec<(String, String)>,
    errors: FieldErrors,
    /// Which form the errors belong to: `answers`, `agreement`, `details`, `confirm`, `plan`, `follow-{id}`.
    failed_form: String,
    /// The appointment's fields, for the SWV to change the plan.
    plan: PlanFields,
}

impl ConversationPage {
    fn typed(&self, key: &str) -> &str {
        self.typed.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
    }

    fn held(&self) -> bool {
        self.view.conversation.held_at.is_some()
    }

    fn fixed(&self) -> bool {
        self.view.conversation.is_fixed()
    }

    fn school_side(&self) -> bool {
        self.side == ConversationSide::School
    }

    /// Answers may be typed now by this person.
    fn answers_open(&self) -> bool {
        self.may_write && !self.fixed() && (self.held() || self.side == ConversationSide::School)
    }

    fn when(&self) -> String {
        format!("{} · {} min", self.ctx.date_time(&self.view.conversation.starts_at), self.view.conversation.minutes)
    }

    fn norm_line(&self) -> Option<String> {
        self.view.facts.norm.as_ref().map(|n| format!("{:.0} % — doel {} %", n.percent, n.target_percent))
    }

    fn money(&self, cents: impl std::borrow::Borrow<i64>) -> String {
        euros(*cents.borrow())
    }

    fn swv_side(&self) -> bool {
        self.side == ConversationSide::Swv
    }

    fn errors_for_follow(&self, agreement: &i64) -> bool {
        self.errors_for(&format!("follow-{agreement}"))
    }

    /// The name the confirm field starts with: what was typed, else the person's own.
    fn confirm_name(&self) -> String {
        if self.failed_form == "confirm" {
            self.typed("name").to_owned()
        } else {
            self.ctx.user_name().unwrap_or_default().to_owned()
        }
    }

    fn confirmed_by_me(&self) -> bool {
        match self.side {
            ConversationSide::Swv => self.view.conversation.swv_confirmed.is_some(),
            ConversationSide::School => self.view.conversation.school_confirmed.is_some(),
            ConversationSide::Reader => true,
        }
    }

    fn review_by(&self) -> String {
        self.view.facts.review_by.map(dutch_day).unwrap_or_default()
    }

    fn level_label(&self, offer: &passend_app::conversations::OfferFact) -> String {
        match &offer.level {
            Some(level) => self.ctx.t(&format!("level-{level}")),
            None => self.ctx.t("cvp-not-answered"),
        }
    }

    fn errors_for(&self, form: &str) -> bool {
        self.failed_form == form && !self.errors.is_empty()
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    on: &OnConversation,
    typed: Vec<(String, String)>,
    errors: FieldErrors,
    answer_errors: Vec<(String, String)>,
    failed_form: &str,
) -> AppResult<Html<String>> {
    let view = state.app.conversation_view(on).await?;
    let sections = sections_of(&view, &typed, &answer_errors);
    let agreements = agreements_of(&view, &view.agreements);
    let previous = agreements_of(&view, &view.previous_agreements);
    let goals = view
        .guide
        .ambitions
        .iter()
        .flat_map(|a| a.goals.iter().map(move |g| (g.key.clone(), format!("{} · {}", a.title, g.title))))
        .collect();
    let plan =
        if failed_form == "plan" { PlanFields { values: typed.clone() } } else { PlanFields::of(&view.conversation) };
    render(&ConversationPage {
        plan,
        id: on.id,
        side: on.side(),
        may_write: on.may_write(),
        sections,
        agreements,
        previous,
        goals,
        statuses: AgreementStatus::ALL,
        typed,
        errors,
        failed_form: failed_form.to_owned(),
        view,
        ctx,
    })
}

#[utoipa::path(get, path = "/gesprekken/{id}", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such conversation for you")))]
pub async fn conversation_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
) -> AppResult<Html<String>> {
    page(&state, ctx, &on, Vec::new(), FieldErrors::default(), Vec::new(), "").await
}

/// The JSON value a form field stands for, by the question's kind; `Null` clears.
fn value_from_form(kind: QuestionKind, value: &str, note: Option<&str>) -> Value {
    let value = value.trim();
    match kind {
        QuestionKind::Text | QuestionKind::Choice => Value::String(value.to_owned()),
        QuestionKind::Scale if value.is_empty() => Value::Null,
        QuestionKind::Scale => value.parse::<u64>().map_or_else(|_| Value::String(value.to_owned()), Value::from),
        QuestionKind::Figure if value.is_empty() => Value::Null,
        QuestionKind::Figure => {
            let note = note.map(str::trim).filter(|n| !n.is_empty());
            let mut object = serde_json::Map::new();
            object.insert("count".into(), Value::String(value.to_owned()));
            object.insert("note".into(), note.map_or(Value::Null, |n| Value::String(n.to_owned())));
            Value::Object(object)
        }
    }
}

/// Whether the typed field says the same as what is stored.
fn unchanged(stored: Option<&AnswerValue>, value: &str, note: Option<&str>) -> bool {
    let (stored_value, stored_note) = stored.map(field_value).unwrap_or_default();
    stored_value.trim() == value.trim() && note.is_none_or(|n| n.trim() == stored_note.trim())
}

/// Saves every changed answer of the form (the page without JavaScript).
#[utoipa::path(post, path = "/gesprekken/{id}/antwoorden", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`v:{key}` (value), `n:{key}` (a figure's note), `ver:{key}` (the version it starts from)"),
    responses((status = 303, description = "Saved"), (status = 409, description = "Someone else saved first, or the report is fixed"),
              (status = 422, description = "Field errors; the rest is saved")))]
pub async fn save_answers(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    let get = |key: String| f.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
    let view = state.app.conversation_view(&on).await?;
    let phase = view.writing_phase();
    let mut answer_errors: Vec<(String, String)> = Vec::new();
    let mut conflict = false;
    for question in view.guide.questions() {
        let Some(value) = get(format!("v:{}", question.key)) else { continue };
        let note = get(format!("n:{}", question.key));
        if unchanged(view.answer(&question.key, phase).map(|a| &a.value), value, note) {
            continue;
        }
        let version = get(format!("ver:{}", question.key)).and_then(|v| v.parse().ok()).unwrap_or(0);
        let json = value_from_form(question.kind, value, note);
        match state.app.save_conversation_answer(&form.session.actor, &on, &question.key, &json, version).await? {
            Ok(AnswerOutcome::Saved { .. }) => {}
            Ok(AnswerOutcome::Conflict { .. }) => {
                conflict = true;
                answer_errors.push((question.key.clone(), ctx.t("cvp-answer-conflict")));
            }
            Err(problems) => {
                for (_, message) in problems {
                    answer_errors.push((question.key.clone(), ctx.lang.message(&message)));
                }
            }
        }
    }
    if answer_errors.is_empty() {
        return Ok(Redirect::to(&format!("/gesprekken/{}?melding=opgeslagen#antwoorden", on.id)).into_response());
    }
    let status = if conflict { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut errors = FieldErrors::default();
    errors.add("answers", ctx.t("cvp-answers-not-all-saved"));
    let html = page(&state, ctx, &on, f.clone(), errors, answer_errors, "answers").await?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct AgreementForm {
    #[serde(default)]
    what: String,
    #[serde(default)]
    who: String,
    #[serde(default)]
    due: String,
    #[serde(default)]
    goal: String,
}

#[utoipa::path(post, path = "/gesprekken/{id}/afspraken", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`what`, `who`, `due` (jjjj-mm-dd), `goal` (a goal's key)"),
    responses((status = 303, description = "Recorded"), (status = 409, description = "The report is fixed"), (status = 422, description = "Field errors")))]
pub async fn add_agreement(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
    form: CsrfForm<AgreementForm>,
) -> AppResult<Response> {
    let f = &form.form;
    let guide = state.app.guide_of_conversation(&on).await?;
    match parse_agreement(&guide, &f.what, &f.who, Some(&f.due), Some(&f.goal)) {
        Ok(input) => {
            state.app.add_agreement(&on, &input).await?;
            Ok(Redirect::to(&format!("/gesprekken/{}?melding=opgeslagen#afspraken", on.id)).into_response())
        }
        Err(problems) => {
            let typed = vec![
                ("what".to_owned(), f.what.clone()),
                ("who".to_owned(), f.who.clone()),
                ("due".to_owned(), f.due.clone()),
                ("goal".to_owned(), f.goal.clone()),
            ];
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = page(&state, ctx, &on, typed, errors, Vec::new(), "agreement").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[utoipa::path(post, path = "/gesprekken/{id}/afspraken/{agreement}/verwijderen", tag = "pages",
    params(("id" = i64, Path), ("agreement" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "Only the CSRF token"),
    responses((status = 303, description = "Removed"), (status = 404, description = "No such agreement for you"), (status = 409, description = "The report is fixed")))]
pub async fn delete_agreement(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Path((_id, agreement)): Path<(i64, i64)>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    state.app.delete_agreement(&on, agreement).await?;
    Ok(Redirect::to(&format!("/gesprekken/{}?melding=opgeslagen#afspraken", on.id)))
}

#[derive(Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    version: i64,
}

#[utoipa::path(post, path = "/gesprekken/{id}/opvolging/{agreement}", tag = "pages",
    params(("id" = i64, Path), ("agreement" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`status` (open, in_progress, done, dropped), `note`, `version`"),
    responses((status = 303, description = "Saved"), (status = 404, description = "Not last year's agreement of this school"),
              (status = 409, description = "Changed by someone else, or the report is fixed"), (status = 422, description = "Field errors")))]
pub async fn follow_up(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
    Path((_id, agreement)): Path<(i64, i64)>,
    form: CsrfForm<FollowUpForm>,
) -> AppResult<Response> {
    let f = &form.form;
    let failed = format!("follow-{agreement}");
    let typed = vec![("status".to_owned(), f.status.clone()), ("note".to_owned(), f.note.clone())];
    let Some(status) = AgreementStatus::parse(&f.status) else {
        let mut errors = FieldErrors::default();
        errors.add("status", ctx.t("conv-answer-choice-invalid"));
        let html = page(&state, ctx, &on, typed, errors, Vec::new(), &failed).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    };
    let (code, errors) = match state.app.follow_up_agreement(&on, agreement, status, Some(&f.note), f.version).await? {
        Ok(Ok(_)) => {
            return Ok(Redirect::to(&format!("/gesprekken/{}?melding=opgeslagen#vorig-jaar", on.id)).into_response());
        }
        Ok(Err(_current)) => {
            let mut errors = FieldErrors::default();
            errors.add("status", ctx.t("cvp-agreement-conflict"));
            (StatusCode::CONFLICT, errors)
        }
        Err(problems) => (StatusCode::UNPROCESSABLE_ENTITY, FieldErrors::from_problems(ctx.lang, problems)),
    };
    let html = page(&state, ctx, &on, typed, errors, Vec::new(), &failed).await?;
    Ok((code, html).into_response())
}

#[derive(Deserialize)]
pub struct DetailsForm {
    #[serde(default)]
    held: Option<String>,
    #[serde(default)]
    report_author: String,
    #[serde(default)]
    annexed: Option<String>,
}

#[utoipa::path(post, path = "/gesprekken/{id}/gegevens", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`held=ja`, `report_author`, `annexed=ja` (the school only)"),
    responses((status = 303, description = "Saved"), (status = 409, description = "The report is fixed"), (status = 422, description = "Field errors")))]
pub async fn save_details(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
    form: CsrfForm<DetailsForm>,
) -> AppResult<Response> {
    let f = &form.form;
    let annexed = (on.side() == ConversationSide::School).then(|| f.annexed.as_deref() == Some("ja"));
    match state
        .app
        .set_conversation_details(&on, Some(f.held.as_deref() == Some("ja")), Some(&f.report_author), annexed)
        .await?
    {
        Ok(()) => Ok(Redirect::to(&format!("/gesprekken/{}?melding=opgeslagen#verslag", on.id)).into_response()),
        Err(problems) => {
            let typed = vec![("report_author".to_owned(), f.report_author.clone())];
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = page(&state, ctx, &on, typed, errors, Vec::new(), "details").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    name: String,
}

#[utoipa::path(post, path = "/gesprekken/{id}/bevestigen", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`name`: who confirms for this side"),
    responses((status = 303, description = "Confirmed"), (status = 409, description = "Not held yet, or fixed already"), (status = 422, description = "Field errors")))]
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
    form: CsrfForm<ConfirmForm>,
) -> AppResult<Response> {
    match state.app.confirm_conversation(&on, &form.form.name).await? {
        Ok(_) => Ok(Redirect::to(&format!("/gesprekken/{}?melding=verslag-bevestigd#verslag", on.id)).into_response()),
        Err(problems) => {
            let typed = vec![("name".to_owned(), form.form.name.clone())];
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = page(&state, ctx, &on, typed, errors, Vec::new(), "confirm").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[utoipa::path(post, path = "/gesprekken/{id}/planning", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "`date` (jjjj-mm-dd), `time` (uu:mm), `minutes`, `place`, `video_link`, `consultant`, attendees `a{n}_name`, `a{n}_role`, `a{n}_side`, `a{n}_email`"),
    responses((status = 303, description = "Changed; the attendees get the changed invitation"), (status = 403, description = "Not the SWV's side"),
              (status = 409, description = "The report is fixed"), (status = 422, description = "Field errors; nothing changed")))]
pub async fn replan(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    match state.app.replan_conversation(&on, &plan_input(f, on.year)).await? {
        Ok(()) => Ok(Redirect::to(&format!("/gesprekken/{}?melding=gesprek-gewijzigd", on.id)).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = page(&state, ctx, &on, f.clone(), errors, Vec::new(), "plan").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "conversations/report.html")]
struct ReportPage {
    ctx: PageContext,
    id: i64,
    report: ReportContent,
    hash: Option<String>,
}

impl ReportPage {
    fn status_label(&self, status: &str) -> &'static str {
        AgreementStatus::parse(status).map_or("conv-agreement-open", AgreementStatus::message_id)
    }
}

#[utoipa::path(get, path = "/gesprekken/{id}/verslag", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such conversation for you")))]
pub async fn report_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
) -> AppResult<Html<String>> {
    let (report, hash) = state.app.conversation_report(&on).await?;
    render(&ReportPage { ctx, id: on.id, report, hash })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_the_values_the_api_takes() {
        assert_eq!(value_from_form(QuestionKind::Scale, "4", None), Value::from(4_u64));
        assert_eq!(value_from_form(QuestionKind::Scale, "", None), Value::Null);
        assert_eq!(value_from_form(QuestionKind::Figure, "", Some("x")), Value::Null);
        assert_eq!(
            value_from_form(QuestionKind::Figure, " 12 ", Some("")),
            serde_json::json!({"count": "12", "note": null})
        );
        assert_eq!(value_from_form(QuestionKind::Text, " a ", None), Value::String("a".into()));
    }

    #[test]
    fn an_untouched_field_is_not_saved_again() {
        let stored = AnswerValue::Figure { count: 3, note: Some("samen".into()) };
        assert!(unchanged(Some(&stored), "3", Some("samen ")));
        assert!(!unchanged(Some(&stored), "4", Some("samen")));
        assert!(unchanged(None, "", None));
        assert!(!unchanged(None, "tekst", None));
    }
}
