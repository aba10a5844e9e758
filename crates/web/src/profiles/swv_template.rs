//! The SWV's own version of the questionnaire for a school year, as a page:
//! hide or reword items of the default template, rename scale levels, add
//! questions of its own, and publish. Shared item keys never change, so
//! answers stay comparable across the SWV's schools and with other SWVs.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_domain::organisations::SwvCode;
use passend_domain::questionnaire::{
    AddedItem, Choice, Item, ItemChange, ItemKind, OwnItemKind, SchoolYear, TemplateVariant, clean_label,
    default_template,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::{Session, SignedIn};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(edit, save)).routes(routes!(publish))
}

struct ChoiceEdit {
    key: String,
    original: String,
    label: String,
}

struct ItemEdit {
    key: String,
    /// A DOM id: the key with dots made dashes.
    id: String,
    original: String,
    label: String,
    hidden: bool,
    choices: Vec<ChoiceEdit>,
}

struct SectionEdit {
    key: String,
    title: String,
    items: Vec<ItemEdit>,
}

struct OwnItem {
    key: String,
    section: String,
    label: String,
    kind: String,
}

#[derive(Template)]
#[template(path = "profiles/swv_template.html")]
struct EditPage {
    ctx: PageContext,
    code: String,
    year: String,
    years: Vec<String>,
    stored: bool,
    published_at: Option<i64>,
    sections: Vec<SectionEdit>,
    own: Vec<OwnItem>,
    kinds: Vec<(String, String)>,
    new_label: String,
    new_section: String,
    new_kind: String,
    /// Messages by field name.
    errors: Vec<(String, String)>,
}

impl EditPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    fn action(&self) -> String {
        format!("/samenwerkingsverbanden/{}/vragenlijst/{}", self.code, self.year)
    }
}

fn parse_target(state: &AppState, session: &Session, code: &str, year: &str) -> AppResult<(SwvCode, SchoolYear)> {
    let code = crate::directory::swv_code(code)?;
    state.app.may_edit_swv(&session.actor, &code)?;
    let year = SchoolYear::parse(year).ok_or_else(AppError::not_found)?;
    Ok((code, year))
}

/// The page's fields from a variant (or from what was just posted).
fn sections_of(variant: &TemplateVariant) -> Vec<SectionEdit> {
    let change_of = |key: &str| variant.changes.iter().find(|c| c.key == key);
    default_template()
        .sections
        .iter()
        .map(|section| SectionEdit {
            key: section.key.clone(),
            title: section.title.clone(),
            items: section
                .items
                .iter()
                .map(|item| {
                    let change = change_of(&item.key);
                    ItemEdit {
                        key: item.key.clone(),
                        id: format!("t-{}", item.key.replace('.', "-")),
                        original: item.label.clone(),
                        label: change.and_then(|c| c.label.clone()).unwrap_or_else(|| item.label.clone()),
                        hidden: change.and_then(|c| c.hidden).unwrap_or(false),
                        choices: choices_of(item)
                            .iter()
                            .map(|choice| ChoiceEdit {
                                key: choice.key.clone(),
                                original: choice.label.clone(),
                                label: change
                                    .and_then(|c| c.choice_labels.iter().find(|l| l.key == choice.key))
                                    .map_or_else(|| choice.label.clone(), |l| l.label.clone()),
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect()
}

fn choices_of(item: &Item) -> &[Choice] {
    match &item.kind {
        ItemKind::Scale { levels } => levels,
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => options,
        _ => &[],
    }
}

fn own_items(ctx: &PageContext, variant: &TemplateVariant) -> Vec<OwnItem> {
    variant
        .added
        .iter()
        .map(|added| OwnItem {
            key: added.item.key.clone(),
            section: added.section.clone(),
            label: added.item.label.clone(),
            kind: ctx.t(kind_of(&added.item).map_or("item-kind-scale", OwnItemKind::message_id)),
        })
        .collect()
}

fn kind_of(item: &Item) -> Option<OwnItemKind> {
    match item.kind {
        ItemKind::YesNo => Some(OwnItemKind::YesNo),
        ItemKind::ShortText => Some(OwnItemKind::ShortText),
        ItemKind::LongText => Some(OwnItemKind::LongText),
        ItemKind::Number { .. } => Some(OwnItemKind::Number),
        ItemKind::Scale { .. } => Some(OwnItemKind::Scale),
        _ => None,
    }
}

struct Posted {
    variant: TemplateVariant,
    new_label: String,
    new_section: String,
    new_kind: String,
    errors: Vec<(String, String)>,
}

/// Reads the form into a variant: only what differs from the default becomes a change.
fn read_form(ctx: &PageContext, stored: &TemplateVariant, pairs: &[(String, String)]) -> Posted {
    let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let mut errors = Vec::new();
    let mut changes = Vec::new();
    for item in default_template().items() {
        let kept = stored.changes.iter().find(|c| c.key == item.key);
        let hidden = field(&format!("hide:{}", item.key)).is_some();
        let name = format!("label:{}", item.key);
        let new_label = take_label(ctx, &mut errors, name.clone(), field(&name)).filter(|l| *l != item.label);
        let choice_labels: Vec<Choice> = choices_of(item)
            .iter()
            .filter_map(|choice| {
                let name = format!("choice:{}:{}", item.key, choice.key);
                let raw = field(&name);
                take_label(ctx, &mut errors, name, raw)
                    .filter(|l| *l != choice.label)
                    .map(|l| Choice { key: choice.key.clone(), label: l })
            })
            .collect();
        let change = ItemChange {
            key: item.key.clone(),
            hidden: hidden.then_some(true),
            label: new_label,
            help: kept.and_then(|c| c.help.clone()),
            choice_labels,
        };
        if change.hidden.is_some()
            || change.label.is_some()
            || change.help.is_some()
            || !change.choice_labels.is_empty()
        {
            changes.push(change);
        }
    }
    let mut variant = TemplateVariant { changes, ..stored.clone() };
    variant.added.retain(|a| field(&format!("remove:{}", a.item.key)).is_none());
    for added in &mut variant.added {
        let name = format!("own:{}", added.item.key);
        let raw = field(&name);
        match take_label(ctx, &mut errors, name.clone(), raw) {
            Some(l) => added.item.label = l,
            None if raw.is_some() && !errors.iter().any(|(f, _)| *f == name) => {
                errors.push((name, ctx.t("template-label-required")));
            }
            None => {}
        }
    }
    let (new_label, new_section, new_kind) = (
        field("new_label").unwrap_or_default().to_owned(),
        field("new_section").unwrap_or_default().to_owned(),
        field("new_kind").unwrap_or_default().to_owned(),
    );
    if let Some(text) = take_label(ctx, &mut errors, "new_label".into(), Some(&new_label)) {
        let section_known = default_template().section(&new_section).is_some();
        match (OwnItemKind::parse(&new_kind), section_known) {
            (Some(kind), true) => {
                let item = variant.new_own_item(kind, text);
                variant.added.push(AddedItem { section: new_section.clone(), item });
            }
            (None, _) => errors.push(("new_kind".into(), ctx.t("template-kind-invalid"))),
            (_, false) => errors.push(("new_section".into(), ctx.t("template-section-invalid"))),
        }
    }
    Posted { variant, new_label, new_section, new_kind, errors }
}

/// A cleaned label, or `None` with the problem noted under the field's name.
fn take_label(
    ctx: &PageContext,
    errors: &mut Vec<(String, String)>,
    name: String,
    raw: Option<&str>,
) -> Option<String> {
    match clean_label(raw.unwrap_or_default()) {
        Ok(label) => label,
        Err(message) => {
            errors.push((name, ctx.lang.message(&message)));
            None
        }
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    actor: &passend_domain::access::Actor,
    code: &SwvCode,
    year: SchoolYear,
    variant: &TemplateVariant,
    posted: Option<Posted>,
) -> AppResult<Html<String>> {
    let record = state.app.swv_template(actor, code, year).await?;
    let (new_label, new_section, new_kind, errors) = match posted {
        Some(p) => (p.new_label, p.new_section, p.new_kind, p.errors),
        None => (String::new(), String::new(), String::new(), Vec::new()),
    };
    let current = crate::profiles::pages::current_year();
    render(&EditPage {
        code: code.to_string(),
        year: year.to_string(),
        years: [current.previous(), current, SchoolYear::starting(current.start() + 1)]
            .iter()
            .map(ToString::to_string)
            .collect(),
        stored: record.is_some(),
        published_at: record.and_then(|r| r.published_at),
        sections: sections_of(variant),
        own: own_items(&ctx, variant),
        kinds: OwnItemKind::ALL.iter().map(|k| (k.key().to_owned(), ctx.t(k.message_id()))).collect(),
        new_label,
        new_section,
        new_kind,
        errors,
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/vragenlijst/{year}", tag = "pages",
    params(("code" = String, Path), ("year" = String, Path, description = "e.g. 2026-2027")),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's admin")))]
pub async fn edit(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path((code, year)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let (code, year) = parse_target(&state, &session, &code, &year)?;
    let variant = state.app.swv_template_or_empty(&session.actor, &code, year).await?;
    page(&state, ctx, &session.actor, &code, year, &variant, None).await
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/vragenlijst/{year}", tag = "pages",
    params(("code" = String, Path), ("year" = String, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors; nothing saved")))]
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((code, year)): Path<(String, String)>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (code, year) = parse_target(&state, &form.session, &code, &year)?;
    let actor = &form.session.actor;
    let stored = state.app.swv_template_or_empty(actor, &code, year).await?;
    let mut posted = read_form(&ctx, &stored, &form.form);
    if posted.errors.is_empty() {
        match state.app.save_swv_template(actor, &code, year, posted.variant.clone()).await {
            Ok(()) => {}
            Err(passend_app::Error::Invalid(problems)) => {
                posted.errors.extend(problems.into_iter().map(|(f, m)| (f.to_owned(), ctx.lang.message(&m))));
            }
            Err(other) => return Err(other.into()),
        }
    }
    if !posted.errors.is_empty() {
        let variant = posted.variant.clone();
        let html = page(&state, ctx, actor, &code, year, &variant, Some(posted)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}/vragenlijst/{year}?melding=opgeslagen")).into_response())
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/vragenlijst/{year}/publiceren", tag = "pages",
    params(("code" = String, Path), ("year" = String, Path)),
    responses((status = 303, description = "Published"), (status = 404, description = "Nothing stored for that year")))]
pub async fn publish(
    State(state): State<AppState>,
    Path((code, year)): Path<(String, String)>,
    form: CsrfForm<HashMap<String, String>>,
) -> AppResult<Redirect> {
    let (code, year) = parse_target(&state, &form.session, &code, &year)?;
    state.app.publish_swv_template(&form.session.actor, &code, year).await?;
    Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}/vragenlijst/{year}?melding=gepubliceerd")))
}
