//! The SWV's conversation guide on the web: read it (staff), compose it,
//! copy last year's forward and publish it (admins). The editor is one
//! ordinary form: every section, question, ambition and goal is a row of
//! fields, with one empty row to add; a row left empty is taken out.

use std::collections::HashSet;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::conversations::StoredGuide;
use passend_domain::conversations::{Ambition, Goal, Guide, GuideQuestion, GuideSection, QuestionKind};
use passend_domain::questionnaire::SchoolYear;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::super::SwvTalks;
use crate::app::AppState;
use crate::coverage::YearQuery;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(guide_page, save_guide)).routes(routes!(copy_forward))
}

fn get<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim())
}

/// A key not used yet: `base`, else `base-2`, `base-3`, …
fn fresh_key(base: &str, used: &mut HashSet<String>) -> String {
    let mut key = base.to_owned();
    let mut n = 2;
    while used.contains(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    used.insert(key.clone());
    key
}

fn kind_of(raw: &str) -> QuestionKind {
    QuestionKind::ALL.into_iter().find(|k| k.as_str() == raw).unwrap_or(QuestionKind::Text)
}

/// The guide the editor's fields describe; rows left empty are taken out, new rows get keys.
fn guide_from_form(form: &[(String, String)]) -> Guide {
    let mut used: HashSet<String> = form
        .iter()
        .filter(|(k, v)| k.ends_with("_key") && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .collect();
    let mut ambitions = Vec::new();
    let mut i = 0;
    while let Some(title) = get(form, &format!("a{i}_title")) {
        let given = get(form, &format!("a{i}_key")).unwrap_or("");
        let description = get(form, &format!("a{i}_description")).unwrap_or("").to_owned();
        let mut goals = Vec::new();
        let mut j = 0;
        let ambition_key =
            if given.is_empty() { fresh_key(&format!("ambitie-{}", i + 1), &mut used) } else { given.to_owned() };
        while let Some(goal_title) = get(form, &format!("a{i}g{j}_title")) {
            let goal_key = get(form, &format!("a{i}g{j}_key")).unwrap_or("");
            if !goal_title.is_empty() {
                let key = if goal_key.is_empty() {
                    fresh_key(&format!("{ambition_key}.{}", j + 1), &mut used)
                } else {
                    goal_key.to_owned()
                };
                goals.push(Goal { key, title: goal_title.to_owned() });
            }
            j += 1;
        }
        if !title.is_empty() || !goals.is_empty() {
            ambitions.push(Ambition { key: ambition_key, title: title.to_owned(), description, goals });
        }
        i += 1;
    }
    let mut sections = Vec::new();
    let mut i = 0;
    while let Some(title) = get(form, &format!("s{i}_title")) {
        let given = get(form, &format!("s{i}_key")).unwrap_or("");
        let section_key =
            if given.is_empty() { fresh_key(&format!("onderdeel-{}", i + 1), &mut used) } else { given.to_owned() };
        let mut questions = Vec::new();
        let mut j = 0;
        while let Some(text) = get(form, &format!("s{i}q{j}_text")) {
            let prefix = format!("s{i}q{j}");
            if !text.is_empty() {
                let given = get(form, &format!("{prefix}_key")).unwrap_or("");
                let key = if given.is_empty() {
                    fresh_key(&format!("{section_key}.{}", j + 1), &mut used)
                } else {
                    given.to_owned()
                };
                let kind = kind_of(get(form, &format!("{prefix}_kind")).unwrap_or("text"));
                let options = if kind == QuestionKind::Choice {
                    get(form, &format!("{prefix}_options"))
                        .unwrap_or("")
                        .lines()
                        .map(str::trim)
                        .filter(|o| !o.is_empty())
                        .map(str::to_owned)
                        .collect()
                } else {
                    Vec::new()
                };
                let goal = get(form, &format!("{prefix}_goal")).filter(|g| !g.is_empty()).map(str::to_owned);
                questions.push(GuideQuestion { key, text: text.to_owned(), kind, options, goal });
            }
            j += 1;
        }
        if !title.is_empty() || !questions.is_empty() {
            sections.push(GuideSection {
                key: section_key,
                title: title.to_owned(),
                intro: get(form, &format!("s{i}_intro")).unwrap_or("").to_owned(),
                ambition: get(form, &format!("s{i}_ambition")).filter(|a| !a.is_empty()).map(str::to_owned),
                questions,
            });
        }
        i += 1;
    }
    Guide { intro: get(form, "intro").unwrap_or("").to_owned(), ambitions, sections }
}

#[derive(Template)]
#[template(path = "conversations/guide.html")]
struct GuidePage {
    ctx: PageContext,
    code: String,
    year: String,
    stored: StoredGuide,
    /// What the editor shows (the stored guide, or what a refused save sent).
    guide: Guide,
    editable: bool,
    kinds: [QuestionKind; 4],
    /// Problems of a refused save: (where, message).
    problems: Vec<(String, String)>,
}

impl GuidePage {
    fn goals(&self) -> Vec<(String, String)> {
        self.guide
            .ambitions
            .iter()
            .flat_map(|a| a.goals.iter().map(move |g| (g.key.clone(), format!("{} · {}", a.title, g.title))))
            .collect()
    }

    fn kind_label(&self, kind: &QuestionKind) -> String {
        self.ctx.t(&format!("cvp-kind-{}", kind.as_str()))
    }

    fn options_text(&self, question: &GuideQuestion) -> String {
        question.options.join("\n")
    }

    fn ambition_title(&self, key: &Option<String>) -> String {
        key.as_deref()
            .and_then(|k| self.guide.ambitions.iter().find(|a| a.key == k))
            .map(|a| a.title.clone())
            .unwrap_or_default()
    }

    fn new_ambition_index(&self) -> usize {
        self.guide.ambitions.len()
    }

    fn new_section_index(&self) -> usize {
        self.guide.sections.len()
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    talks: &SwvTalks,
    year: SchoolYear,
    typed: Option<Guide>,
    problems: Vec<(String, String)>,
) -> AppResult<Html<String>> {
    let stored = state.app.conversation_guide(&talks.scope, year).await?;
    render(&GuidePage {
        code: talks.scope.code().as_str().to_owned(),
        year: year.to_string(),
        guide: typed.unwrap_or_else(|| stored.guide.clone()),
        stored,
        editable: talks.scope.editable(),
        kinds: QuestionKind::ALL,
        problems,
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/gespreksleidraad", tag = "pages",
    params(("code" = String, Path), YearQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn guide_page(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    page(&state, ctx, &talks, query.school_year(), None, Vec::new()).await
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/gespreksleidraad", tag = "pages", params(("code" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "`jaar`, `intro`, ambitions `a{i}_key|title|description` with goals `a{i}g{j}_key|title`, sections `s{i}_key|title|intro|ambition` with questions `s{i}q{j}_key|text|kind|options|goal`; `publish=ja` publishes"),
    responses((status = 303, description = "Saved"), (status = 403, description = "Not this SWV's admin"), (status = 422, description = "Problems; nothing saved")))]
pub async fn save_guide(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    let year = passend_app::App::conversation_year(get(f, "jaar"));
    let guide = guide_from_form(f);
    let publish = get(f, "publish") == Some("ja");
    match state.app.save_conversation_guide(&form.session.actor, &talks.scope, year, &guide, publish).await? {
        Ok(_) => {
            let notice = if publish { "gepubliceerd" } else { "opgeslagen" };
            Ok(Redirect::to(&format!(
                "/samenwerkingsverbanden/{}/gespreksleidraad?jaar={year}&melding={notice}",
                talks.scope.code().as_str()
            ))
            .into_response())
        }
        Err(problems) => {
            let problems = problems.into_iter().map(|(at, m)| (at, ctx.lang.message(&m))).collect();
            let html = page(&state, ctx, &talks, year, Some(guide), problems).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/gespreksleidraad/kopieer", tag = "pages", params(("code" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`jaar`: the year that gets last year's guide as a draft"),
    responses((status = 303, description = "Copied"), (status = 403, description = "Not this SWV's admin")))]
pub async fn copy_forward(
    State(state): State<AppState>,
    talks: SwvTalks,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    let year = passend_app::App::conversation_year(get(&form.form, "jaar"));
    state.app.copy_guide_forward(&form.session.actor, &talks.scope, year).await?;
    Ok(Redirect::to(&format!(
        "/samenwerkingsverbanden/{}/gespreksleidraad?jaar={year}&melding=opgeslagen",
        talks.scope.code().as_str()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn empty_rows_go_and_new_rows_get_keys_that_do_not_clash() {
        let guide = guide_from_form(&form(&[
            ("intro", "Welkom"),
            ("a0_key", "inclusie"),
            ("a0_title", "Inclusief denken"),
            ("a0g0_key", "inclusie.1"),
            ("a0g0_title", "Teams kennen de route"),
            ("a0g1_key", ""),
            ("a0g1_title", "Ouders zijn betrokken"),
            ("a1_key", ""),
            ("a1_title", ""),
            ("a1g0_title", ""),
            ("s0_key", "opening"),
            ("s0_title", "Opening"),
            ("s0q0_key", "opening.1"),
            ("s0q0_text", "Wat gaat goed?"),
            ("s0q0_kind", "text"),
            ("s0q1_key", ""),
            ("s0q1_text", "Welke keuze?"),
            ("s0q1_kind", "choice"),
            ("s0q1_options", "ja\n\nnee\n"),
            ("s0q1_goal", "inclusie.2"),
            ("s0q2_text", ""),
            ("s1_title", ""),
            ("s1q0_text", ""),
        ]));
        assert_eq!(guide.intro, "Welkom");
        assert_eq!(guide.ambitions.len(), 1);
        assert_eq!(guide.ambitions[0].goals[1].key, "inclusie.2");
        assert_eq!(guide.sections.len(), 1);
        let question = &guide.sections[0].questions[1];
        assert_eq!(question.key, "opening.2");
        assert_eq!(question.options, vec!["ja", "nee"]);
        assert_eq!(question.goal.as_deref(), Some("inclusie.2"));
        assert!(guide.check().is_ok(), "{:?}", guide.check());
    }
}
