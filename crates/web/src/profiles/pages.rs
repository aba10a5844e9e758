use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::questionnaire::SchoolDetail;
use passend_app::questionnaire::{ProfileRecord, ProfileSummary, SchoolAnswer};
use passend_domain::access;
use passend_domain::organisations::OrgRef;
use passend_domain::questionnaire::{ComposedChapter, Progress, SchoolYear, Section, compose, spread};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::view::{ConflictView, ItemView, PostedSection, anchor_of, raw_of, shown_text};
use super::{Loaded, OnProfile, answered, by_key, progress_of};
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;
use passend_app::questionnaire::{ItemAction, PostedAnswer, SchoolSave, TeamAccessChange, coordinates, responds};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, start))
        .routes(routes!(overview))
        .routes(routes!(open_for_team))
        .routes(routes!(my_section, save_my_section))
        .routes(routes!(school_section, save_school_section))
        .routes(routes!(composed))
        .routes(routes!(printable))
}

/// The current school year by today's date.
pub use passend_app::questionnaire::current_year;

#[derive(Template)]
#[template(path = "profiles/list.html")]
struct ListPage {
    ctx: PageContext,
    school: SchoolDetail,
    profiles: Vec<ProfileSummary>,
    can_start: bool,
    years: Vec<String>,
    errors: FieldErrors,
}

async fn school_and_view(
    state: &AppState,
    session: &crate::security::session::Session,
    brin: &str,
) -> AppResult<(SchoolDetail, OrgRef, access::OrgView)> {
    Ok(state.app.school_for_profiles(&session.actor, brin).await?)
}

async fn list_page(state: &AppState, ctx: PageContext, brin: &str, errors: FieldErrors) -> AppResult<Html<String>> {
    let session = ctx.session.clone().ok_or_else(|| AppError::new(ErrorKind::Unauthenticated))?;
    let (school, org, view) = school_and_view(state, &session, brin).await?;
    let profiles = state.app.profiles_of_school(&view).await?;
    let year = current_year();
    render(&ListPage {
        can_start: coordinates(&session.actor, &org),
        years: vec![year.to_string(), year.previous().to_string(), SchoolYear::starting(year.start() + 1).to_string()],
        ctx,
        school,
        profiles,
        errors,
    })
}

#[utoipa::path(get, path = "/scholen/{brin}/profielen", tag = "pages", params(("brin" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(_session): SignedIn,
    Path(brin): Path<String>,
) -> AppResult<Html<String>> {
    list_page(&state, ctx, &brin, FieldErrors::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartForm {
    location: String,
    school_year: String,
}

#[utoipa::path(post, path = "/scholen/{brin}/profielen", tag = "pages", params(("brin" = String, Path)),
    responses((status = 303, description = "Started")))]
pub async fn start(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(brin): Path<String>,
    form: CsrfForm<StartForm>,
) -> AppResult<Response> {
    let (school, _, _) = school_and_view(&state, &form.session, &brin).await?;
    let Some(year) = SchoolYear::parse(&form.form.school_year) else {
        let mut errors = FieldErrors::default();
        errors.add("school_year", ctx.t("profile-year-invalid"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, list_page(&state, ctx, &brin, errors).await?).into_response());
    };
    match state.app.start_profile(&form.session.actor, &school, &form.form.location, year).await.map_err(AppError::from)
    {
        Ok(id) => Ok(Redirect::to(&format!("/profielen/{id}")).into_response()),
        Err(error) if error.kind == ErrorKind::Conflict => {
            let mut errors = FieldErrors::default();
            errors.add("location", ctx.t("profile-exists"));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, list_page(&state, ctx, &brin, errors).await?).into_response())
        }
        Err(error) => Err(error),
    }
}

#[derive(Template)]
#[template(path = "profiles/overview.html")]
struct OverviewPage {
    ctx: PageContext,
    profile: ProfileRecord,
    school_name: String,
    location_name: String,
    progress: Progress,
    coordinates: bool,
    responds: bool,
    respondents: usize,
    from_last_year: usize,
    /// Just opened to the team: how many of the team got a mail.
    team_mailed: Option<usize>,
}

impl OverviewPage {
    /// After opening to the team: how many were mailed.
    fn team_notice(&self) -> Option<String> {
        self.team_mailed.map(|n| self.ctx.tn("profile-team-mailed", "count", n))
    }

    fn nobody_mailed(&self) -> bool {
        self.team_mailed == Some(0)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OverviewQuery {
    /// Set by the redirect after opening the questionnaire to the team.
    gemaild: Option<String>,
}

async fn names(state: &AppState, profile: &ProfileRecord) -> AppResult<(String, String)> {
    Ok(state.app.profile_names(profile).await?)
}

#[utoipa::path(get, path = "/profielen/{id}", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn overview(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
    Query(query): Query<OverviewQuery>,
) -> AppResult<Html<String>> {
    let answers = by_key(state.app.school_answers(&loaded).await?);
    let (school_name, location_name) = names(&state, &loaded.profile).await?;
    render(&OverviewPage {
        team_mailed: query.gemaild.and_then(|n| n.parse().ok()).filter(|_| loaded.profile.open_for_team),
        progress: progress_of(&loaded.profile, &answers),
        coordinates: coordinates(&session.actor, &loaded.school),
        responds: responds(&session.actor, &loaded.school),
        respondents: state.app.respondent_count(&loaded).await?,
        from_last_year: answers.values().filter(|a| a.from_last_year).count(),
        school_name,
        location_name,
        profile: loaded.profile,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TeamForm {
    open: String,
}

#[utoipa::path(post, path = "/profielen/{id}/team", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Opened or closed for the team")))]
pub async fn open_for_team(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<TeamForm>,
) -> AppResult<Redirect> {
    let id = loaded.profile.id;
    let change = state.app.set_open_for_team(&form.session.actor, &loaded, form.form.open == "ja").await?;
    Ok(Redirect::to(&match change {
        // The page says how many of the team were told.
        TeamAccessChange::Opened { mailed } => format!("/profielen/{id}?gemaild={mailed}#team-mailed"),
        TeamAccessChange::Closed | TeamAccessChange::Unchanged => format!("/profielen/{id}?melding=opgeslagen"),
    }))
}

#[derive(Template)]
#[template(path = "profiles/section.html")]
struct SectionPage {
    ctx: PageContext,
    profile_id: i64,
    school_name: String,
    location_name: String,
    school_year: String,
    section_key: String,
    section_title: String,
    section_intro: Option<String>,
    /// `mine` (a respondent's own answers) or `school` (the coordinator's).
    mode: &'static str,
    items: Vec<ItemView>,
    sections: Vec<(String, String)>,
    next_section: Option<String>,
    has_problems: bool,
    /// The school's answers of this section still as copied from last year.
    unconfirmed_here: usize,
    /// The school's SWVs, comma-separated: the live readability hints use their own terms.
    swvs: String,
}

impl SectionPage {
    fn action(&self) -> String {
        let part = if self.mode == "school" { "schoolantwoord" } else { "vragenlijst" };
        format!("/profielen/{}/{}/{}", self.profile_id, part, self.section_key)
    }

    fn api_base(&self) -> String {
        let part = if self.mode == "school" { "answers" } else { "my-answers" };
        format!("/api/v1/profiles/{}/{}", self.profile_id, part)
    }

    fn confirm_section_api(&self) -> String {
        format!("/api/v1/profiles/{}/sections/{}/confirm", self.profile_id, self.section_key)
    }
}

/// The items a section asks (an SWV may hide some).
fn visible(section: &Section) -> Vec<&passend_domain::questionnaire::Item> {
    section.items.iter().filter(|i| !i.hidden).collect()
}

/// The section a form was posted for, and what it carried.
fn read_post(loaded: &Loaded, section: &str, pairs: &[(String, String)]) -> AppResult<(Section, PostedSection)> {
    let section = section_of(&loaded.profile, section)?.clone();
    let posted = PostedSection::parse(pairs, &visible(&section));
    Ok((section, posted))
}

fn section_of<'a>(profile: &'a ProfileRecord, key: &str) -> AppResult<&'a Section> {
    profile.template.section(key).ok_or_else(AppError::not_found)
}

async fn section_page(
    state: &AppState,
    ctx: PageContext,
    loaded: &Loaded,
    section_key: &str,
    mode: &'static str,
    items: Vec<ItemView>,
) -> AppResult<Html<String>> {
    let (school_name, location_name) = names(state, &loaded.profile).await?;
    let sections: Vec<(String, String)> =
        loaded.profile.template.sections.iter().map(|s| (s.key.clone(), s.title.clone())).collect();
    let position = sections.iter().position(|(k, _)| k == section_key);
    let section = section_of(&loaded.profile, section_key)?;
    render(&SectionPage {
        profile_id: loaded.profile.id,
        school_year: loaded.profile.school_year.clone(),
        section_key: section.key.clone(),
        section_title: section.title.clone(),
        section_intro: section.intro.clone(),
        next_section: position.and_then(|p| sections.get(p + 1)).map(|(k, _)| k.clone()),
        has_problems: items.iter().any(|i| i.error.is_some() || i.note_error.is_some() || i.conflict.is_some()),
        unconfirmed_here: if mode == "school" { items.iter().filter(|i| i.from_last_year).count() } else { 0 },
        swvs: loaded.context.swvs.join(","),
        mode,
        items,
        sections,
        school_name,
        location_name,
        ctx,
    })
}

fn my_views(section: &Section, mine: &HashMap<String, (serde_json::Value, String)>) -> Vec<ItemView> {
    section
        .items
        .iter()
        .filter(|i| !i.hidden)
        .map(|item| {
            let (raw, note) = mine.get(&item.key).cloned().unwrap_or((serde_json::Value::Null, String::new()));
            ItemView::new(item, &raw, &note)
        })
        .collect()
}

async fn stored_mine(
    state: &AppState,
    session: &crate::security::session::Session,
    loaded: &Loaded,
) -> AppResult<HashMap<String, (serde_json::Value, String)>> {
    Ok(state
        .app
        .my_answers(&session.actor, loaded)
        .await?
        .into_iter()
        .map(|a| (a.item_key, (a.value.to_raw(), a.note.unwrap_or_default())))
        .collect())
}

fn may_answer(state: &AppState, session: &crate::security::session::Session, loaded: &Loaded) -> AppResult<()> {
    Ok(state.app.may_answer(&session.actor, loaded)?)
}

#[utoipa::path(get, path = "/profielen/{id}/vragenlijst/{section}", tag = "pages",
    params(("id" = i64, Path), ("section" = String, Path, description = "A to K")), responses((status = 200, content_type = "text/html")))]
pub async fn my_section(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, section)): Path<(i64, String)>,
) -> AppResult<Html<String>> {
    may_answer(&state, &session, &loaded)?;
    let mine = stored_mine(&state, &session, &loaded).await?;
    let views = my_views(section_of(&loaded.profile, &section)?, &mine);
    section_page(&state, ctx, &loaded, &section, "mine", views).await
}

#[utoipa::path(post, path = "/profielen/{id}/vragenlijst/{section}", tag = "pages",
    params(("id" = i64, Path), ("section" = String, Path)), responses((status = 303, description = "Saved")))]
pub async fn save_my_section(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, section)): Path<(i64, String)>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let session = form.session.clone();
    may_answer(&state, &session, &loaded)?;
    let (section_def, posted) = read_post(&loaded, &section, &form.form)?;
    let items = visible(&section_def);
    let stored = stored_mine(&state, &session, &loaded).await?;
    // What was posted for each item on the form; items not on it stay as they are.
    let typed: Vec<(usize, serde_json::Value, String)> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| posted.present.contains(&item.key))
        .map(|(index, item)| {
            let raw = posted.values.get(&item.key).cloned().unwrap_or_default();
            (index, raw, posted.notes.get(&item.key).cloned().unwrap_or_default())
        })
        .collect();
    let answers: Vec<PostedAnswer> = typed
        .iter()
        .map(|(index, raw, note)| PostedAnswer { item_key: &items[*index].key, raw, note, version: 0 })
        .collect();
    let mut outcomes = typed
        .iter()
        .map(|(index, ..)| *index)
        .zip(state.app.save_my_section(&session.actor, &loaded, &answers).await?)
        .collect::<HashMap<_, _>>();
    let mut failed = false;
    let views = items
        .iter()
        .enumerate()
        .map(|(index, item)| match typed.iter().find(|(i, ..)| *i == index) {
            None => {
                let (raw, note) = stored.get(&item.key).cloned().unwrap_or((serde_json::Value::Null, String::new()));
                ItemView::new(item, &raw, &note)
            }
            Some((_, raw, note)) => {
                let mut view = ItemView::new(item, raw, note);
                if let Some(Some(problems)) = outcomes.remove(&index) {
                    failed = true;
                    attach(&ctx, &mut view, problems);
                }
                view
            }
        })
        .collect::<Vec<_>>();
    if failed {
        let page = section_page(&state, ctx, &loaded, &section, "mine", views).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    Ok(Redirect::to(&format!("/profielen/{id}/vragenlijst/{section}?melding=opgeslagen")).into_response())
}

fn attach(ctx: &PageContext, view: &mut ItemView, problems: passend_domain::FieldProblems) {
    for (field, message) in problems {
        let text = ctx.lang.message(&message);
        if field == "note" { view.note_error = Some(text) } else { view.error = Some(text) }
    }
}

async fn school_views(
    state: &AppState,
    ctx: &PageContext,
    loaded: &Loaded,
    actor: &passend_domain::access::Actor,
    section: &Section,
) -> AppResult<(Vec<ItemView>, HashMap<String, SchoolAnswer>)> {
    let answers = by_key(state.app.school_answers(loaded).await?);
    let team = state.app.team_answers(actor, loaded).await?;
    let views = section
        .items
        .iter()
        .filter(|i| !i.hidden)
        .map(|item| {
            let stored = answers.get(&item.key);
            let mut view = ItemView::new(
                item,
                &raw_of(stored.and_then(|a| a.value.as_ref())),
                stored.and_then(|a| a.note.as_deref()).unwrap_or(""),
            );
            view.version = stored.map_or(0, |a| a.version);
            view.from_last_year = stored.is_some_and(|a| a.from_last_year);
            let mine: Vec<&passend_app::questionnaire::RespondentAnswer> =
                team.iter().filter(|t| t.item_key == item.key).collect();
            let given: Vec<(String, passend_domain::questionnaire::AnswerValue)> =
                mine.iter().map(|t| (t.respondent.clone(), t.value.clone())).collect();
            view.with_spread(ctx.lang, item, &spread(&given)).with_given(ctx.lang, item, &mine)
        })
        .collect();
    Ok((views, answers))
}

#[utoipa::path(get, path = "/profielen/{id}/schoolantwoord/{section}", tag = "pages",
    params(("id" = i64, Path), ("section" = String, Path)), responses((status = 200, content_type = "text/html")))]
pub async fn school_section(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, section)): Path<(i64, String)>,
) -> AppResult<Html<String>> {
    let (views, _) =
        school_views(&state, &ctx, &loaded, &session.actor, section_of(&loaded.profile, &section)?).await?;
    section_page(&state, ctx, &loaded, &section, "school", views).await
}

#[utoipa::path(post, path = "/profielen/{id}/schoolantwoord/{section}", tag = "pages",
    params(("id" = i64, Path), ("section" = String, Path)), responses((status = 303, description = "Saved")))]
pub async fn save_school_section(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, section)): Path<(i64, String)>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let session = form.session.clone();
    let (section_def, posted) = read_post(&loaded, &section, &form.form)?;
    let items = visible(&section_def);
    let field = |name: &str| form.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let (confirm, take_over, confirm_all) = (field("bevestig"), field("neem-over"), field("bevestig-alles").is_some());
    // `neem-over` is `item key|respondent's account`.
    let taken = take_over
        .as_deref()
        .and_then(|raw| raw.split_once('|'))
        .and_then(|(key, user)| Some((key, user.parse::<i64>().ok()?)));
    let action = match (confirm.as_deref(), taken) {
        (_, Some((item_key, respondent))) => Some(ItemAction::TakeOver { item_key, respondent }),
        (Some(key), None) => Some(ItemAction::Confirm(key)),
        (None, None) => None,
    };
    let (mut views, _) = school_views(&state, &ctx, &loaded, &session.actor, &section_def).await?;
    let mut failed = false;
    // What was posted for each item on the form; items not on it stay as they are.
    let typed: Vec<(usize, serde_json::Value, String, i64)> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| posted.present.contains(&item.key))
        .map(|(index, item)| {
            let raw = posted.values.get(&item.key).cloned().unwrap_or_default();
            let note = posted.notes.get(&item.key).cloned().unwrap_or_default();
            (index, raw, note, posted.versions.get(&item.key).copied().unwrap_or(0))
        })
        .collect();
    let answers: Vec<PostedAnswer> = typed
        .iter()
        .map(|(index, raw, note, version)| PostedAnswer { item_key: &items[*index].key, raw, note, version: *version })
        .collect();
    let outcomes = state.app.save_school_section(&session.actor, &loaded, &answers, action).await?;
    for ((index, raw, note, version), outcome) in typed.iter().zip(outcomes) {
        let (item, view, version) = (&items[*index], &mut views[*index], *version);
        match outcome {
            None | Some(SchoolSave::Saved { .. }) => {}
            Some(SchoolSave::Invalid(problems)) => {
                failed = true;
                let mut fresh = ItemView::new(item, raw, note);
                fresh.version = version;
                fresh.spread = std::mem::take(&mut view.spread);
                fresh.given = std::mem::take(&mut view.given);
                fresh.from_last_year = view.from_last_year;
                fresh.divergent = view.divergent;
                attach(&ctx, &mut fresh, problems);
                *view = fresh;
            }
            Some(SchoolSave::Conflict(theirs)) => {
                failed = true;
                // Keep what this person typed; show what is stored; the next
                // save at the stored version is a deliberate choice.
                let mut fresh = ItemView::new(item, raw, note);
                fresh.version = theirs.version;
                fresh.spread = std::mem::take(&mut view.spread);
                fresh.given = std::mem::take(&mut view.given);
                fresh.from_last_year = theirs.from_last_year;
                fresh.divergent = view.divergent;
                fresh.conflict = Some(ConflictView {
                    theirs: theirs
                        .value
                        .as_ref()
                        .map(|v| shown_text(ctx.lang, &passend_domain::questionnaire::show(item, v)))
                        .unwrap_or_else(|| ctx.t("answer-empty")),
                    their_note: theirs.note.clone().unwrap_or_default(),
                    by: theirs.updated_by.clone().unwrap_or_default(),
                });
                *view = fresh;
            }
        }
    }
    if failed {
        let conflict = views.iter().any(|v| v.conflict.is_some());
        let page = section_page(&state, ctx, &loaded, &section, "school", views).await?;
        let status = if conflict { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
        return Ok((status, page).into_response());
    }
    if confirm_all {
        state.app.confirm_section(&session.actor, &session.user.name, &loaded, &section).await?;
        return Ok(Redirect::to(&format!("/profielen/{id}/schoolantwoord/{section}?melding=bevestigd#bevestig-alles"))
            .into_response());
    }
    // A confirmation or take-over returns the reader to the item they acted on.
    Ok(Redirect::to(&match action {
        Some(ItemAction::Confirm(key)) => {
            format!("/profielen/{id}/schoolantwoord/{section}?melding=bevestigd#{}", anchor_of(key))
        }
        Some(ItemAction::TakeOver { item_key, .. }) => {
            format!("/profielen/{id}/schoolantwoord/{section}?melding=overgenomen#{}", anchor_of(item_key))
        }
        None => format!("/profielen/{id}/schoolantwoord/{section}?melding=opgeslagen"),
    })
    .into_response())
}

/// A chapter of the composed profile as the page shows it.
struct ChapterView {
    title: String,
    entries: Vec<EntryView>,
}

struct EntryView {
    label: String,
    /// For basisondersteuning: the aspect's name.
    aspect: Option<String>,
    text: String,
    note: Option<String>,
    /// Table answers: their rows, shown under `columns`.
    table: Option<Vec<Vec<String>>>,
    columns: Vec<String>,
}

#[derive(Template)]
#[template(path = "profiles/composed.html")]
struct ComposedPage {
    ctx: PageContext,
    profile_id: i64,
    school_name: String,
    location_name: String,
    school_year: String,
    chapters: Vec<ChapterView>,
    /// Reports of the yearly conversation the school made annexes of its profile.
    annexes: Vec<crate::conversations::report_pdf::AnnexLink>,
}

fn chapters_view(ctx: &PageContext, chapters: Vec<ComposedChapter>) -> Vec<ChapterView> {
    chapters
        .into_iter()
        .map(|c| ChapterView {
            title: ctx.t(c.chapter.message_id()),
            entries: c
                .entries
                .into_iter()
                .map(|e| {
                    let (table, columns) = match &e.shown {
                        passend_domain::questionnaire::Shown::Table { columns, rows } => {
                            (Some(rows.clone()), columns.clone())
                        }
                        _ => (None, Vec::new()),
                    };
                    EntryView {
                        text: shown_text(ctx.lang, &e.shown),
                        // The default template's labels already begin with their aspect
                        // ("Basiskwaliteit: …"); the eyebrow is for labels that do not.
                        aspect: e.aspect.map(|a| ctx.t(a.message_id())).filter(|a| !e.label.starts_with(a.as_str())),
                        label: e.label,
                        note: e.note,
                        table,
                        columns,
                    }
                })
                .collect(),
        })
        .collect()
}

#[utoipa::path(get, path = "/profielen/{id}/profiel", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn composed(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Html<String>> {
    let id = loaded.profile.id;
    let answers = by_key(state.app.school_answers(&loaded).await?);
    let chapters = chapters_view(&ctx, compose(&loaded.profile.template, &answered(&answers)));
    let (school_name, location_name) = names(&state, &loaded.profile).await?;
    let p = &loaded.profile;
    let annexes = crate::conversations::report_pdf::annex_links(
        &state,
        &session.actor,
        ctx.lang,
        &p.brin,
        &p.location_code,
        &p.school_year,
    )
    .await?;
    render(&ComposedPage {
        annexes,
        profile_id: id,
        school_year: loaded.profile.school_year.clone(),
        school_name,
        location_name,
        chapters,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "profiles/printable.html")]
struct PrintablePage {
    ctx: PageContext,
    profile_id: i64,
    school_name: String,
    location_name: String,
    school_year: String,
    progress: Progress,
    sections: Vec<PrintSection>,
}

struct PrintSection {
    key: String,
    title: String,
    items: Vec<PrintItem>,
}

struct PrintItem {
    label: String,
    /// The answer as text; `None` while unanswered.
    shown: Option<String>,
    note: Option<String>,
}

#[utoipa::path(get, path = "/profielen/{id}/overzicht", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn printable(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Html<String>> {
    let id = loaded.profile.id;
    let answers = by_key(state.app.school_answers(&loaded).await?);
    let sections = loaded
        .profile
        .template
        .sections
        .iter()
        .map(|s| {
            let items = s
                .items
                .iter()
                .filter(|i| !i.hidden)
                .map(|item| {
                    let answer = answers.get(&item.key);
                    let shown = answer
                        .and_then(|a| a.value.as_ref())
                        .map(|v| shown_text(ctx.lang, &passend_domain::questionnaire::show(item, v)));
                    PrintItem { label: item.label.clone(), shown, note: answer.and_then(|a| a.note.clone()) }
                })
                .collect();
            PrintSection { key: s.key.clone(), title: s.title.clone(), items }
        })
        .collect();
    let (school_name, location_name) = names(&state, &loaded.profile).await?;
    render(&PrintablePage {
        progress: progress_of(&loaded.profile, &answers),
        profile_id: id,
        school_year: loaded.profile.school_year.clone(),
        school_name,
        location_name,
        sections,
        ctx,
    })
}
