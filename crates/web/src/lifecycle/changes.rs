//! What changed between two versions of a location's profile.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use passend_app::lifecycle::Compared;
use passend_domain::questionnaire::ChangeKind;
use passend_i18n::Lang;
use serde::{Deserialize, Serialize};

use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::profiles::view::shown_text;
use crate::security::session::SignedIn;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(changes_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(changes_json))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct Since {
    /// The other version's profile id; by default the location's latest earlier school year.
    met: Option<i64>,
}

struct DifferenceView {
    label: String,
    kind: String,
    before: String,
    after: String,
    note_before: String,
    note_after: String,
}

fn kind_id(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::LevelChanged => "change-level",
        ChangeKind::TextChanged => "change-text",
        ChangeKind::NoteChanged => "change-note",
        ChangeKind::Added => "change-added",
        ChangeKind::Dropped => "change-dropped",
    }
}

fn parents_lines(lang: Lang, compared: &Compared) -> Vec<String> {
    compared.comparison.for_parents(&compared.loaded.profile.template).iter().map(|m| lang.message(m)).collect()
}

#[derive(Template)]
#[template(path = "lifecycle/changes.html")]
struct ChangesPage {
    ctx: PageContext,
    profile_id: i64,
    school_year: String,
    other_year: Option<String>,
    other_id: Option<i64>,
    versions: Vec<(i64, String)>,
    items: Vec<DifferenceView>,
    new_ambitions: Vec<String>,
    dropped_ambitions: Vec<String>,
    parents: Vec<String>,
}

impl ChangesPage {
    fn is_other(&self, id: &i64) -> bool {
        self.other_id == Some(*id)
    }
}

#[utoipa::path(get, path = "/profielen/{id}/wijzigingen", tag = "pages", params(("id" = i64, Path), Since),
    responses((status = 200, content_type = "text/html")))]
pub async fn changes_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Query(since): Query<Since>,
) -> AppResult<Html<String>> {
    let compared = state.app.compare_versions(&session.actor, id, since.met).await?;
    let lang = ctx.lang;
    let shown =
        |s: &Option<passend_domain::questionnaire::Shown>| s.as_ref().map(|s| shown_text(lang, s)).unwrap_or_default();
    render(&ChangesPage {
        profile_id: id,
        school_year: compared.loaded.profile.school_year.clone(),
        other_year: compared.other.as_ref().map(|o| o.school_year.clone()),
        other_id: compared.other.as_ref().map(|o| o.id),
        versions: compared.versions.iter().map(|v| (v.id, v.school_year.clone())).collect(),
        items: compared
            .comparison
            .items
            .iter()
            .map(|d| DifferenceView {
                label: d.label.clone(),
                kind: lang.t(kind_id(d.kind)),
                before: shown(&d.before),
                after: shown(&d.after),
                note_before: d.note_before.clone().unwrap_or_default(),
                note_after: d.note_after.clone().unwrap_or_default(),
            })
            .collect(),
        new_ambitions: compared.comparison.new_ambitions.clone(),
        dropped_ambitions: compared.comparison.dropped_ambitions.clone(),
        parents: parents_lines(lang, &compared),
        ctx,
    })
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct SinceApi {
    /// The other version's profile id; by default the location's latest earlier school year.
    since: Option<i64>,
}

/// What changed from another version of the location's profile (by default
/// last year's) to this one: per item, new and dropped ambitions, and the
/// short list for parents in plain words.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/changes", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path), SinceApi), responses((status = 200, body = ChangesBody), (status = 404, description = "No such profile for you, or `since` is not another version of its location")))]
pub async fn changes_json(
    State(state): State<AppState>,
    crate::i18n::ReaderLang(lang): crate::i18n::ReaderLang,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Query(since): Query<SinceApi>,
) -> AppResult<Json<ChangesBody>> {
    let compared = state.app.compare_versions(&session.actor, id, since.since).await?;
    let for_parents = parents_lines(lang, &compared);
    Ok(Json(ChangesBody {
        since: compared.other.map(|o| VersionRef { id: o.id, school_year: o.school_year }),
        items: compared.comparison.items,
        new_ambitions: compared.comparison.new_ambitions,
        dropped_ambitions: compared.comparison.dropped_ambitions,
        for_parents,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ChangesBody {
    /// The version compared with; `null` when there is none (then nothing is listed as changed).
    pub since: Option<VersionRef>,
    /// Per changed item: `item_key`, `label`, `kind` (`level_changed`, `text_changed`,
    /// `note_changed`, `added`, `dropped`), `before`/`after` as shown
    /// (`{"type": …, "value": …}`), `note_before`, `note_after`.
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<passend_domain::questionnaire::ItemDifference>,
    pub new_ambitions: Vec<String>,
    pub dropped_ambitions: Vec<String>,
    /// The short list for parents, in plain words and the reader's language.
    pub for_parents: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VersionRef {
    pub id: i64,
    pub school_year: String,
}
