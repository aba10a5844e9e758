use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::directory::{Board, Found, NEAR_KM, SchoolDetail, SchoolSummary, Swv, SwvSummary};
use passend_domain::access;
use passend_domain::organisations::{Brin, Location, LocationCode, LocationContact, OrgRef, SwvDetails};
use passend_domain::publishing::{FoundLocation, SchoolQuery};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::swv_code;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;
use passend_app::directory::Abilities;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(swv_list))
        .routes(routes!(swv_page))
        .routes(routes!(swv_edit_page, swv_edit))
        .routes(routes!(school_search))
        .routes(routes!(school_page))
        .routes(routes!(correct_location_swvs))
        .routes(routes!(location_contact_page, location_contact_edit))
        .routes(routes!(board_page))
}

#[derive(Template)]
#[template(path = "directory/swvs.html")]
struct SwvListPage {
    ctx: PageContext,
    swvs: Vec<SwvSummary>,
}

#[utoipa::path(get, path = "/samenwerkingsverbanden", tag = "pages", security(()), responses((status = 200, content_type = "text/html")))]
pub async fn swv_list(State(state): State<AppState>, ctx: PageContext) -> AppResult<Html<String>> {
    let swvs = state.app.swvs().await?;
    render(&SwvListPage { ctx, swvs })
}

#[derive(Template)]
#[template(path = "directory/swv.html")]
struct SwvPage {
    ctx: PageContext,
    swv: Swv,
    schools: Vec<SchoolSummary>,
    can: Abilities,
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}", tag = "pages", security(()),
    params(("code" = String, Path, description = "SWV code, e.g. PO2707")), responses((status = 200, content_type = "text/html")))]
pub async fn swv_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let code = swv_code(&code)?;
    if code.as_str() != ctx.path.rsplit('/').next().unwrap_or_default() {
        return Ok(Redirect::permanent(&format!("/samenwerkingsverbanden/{code}")).into_response());
    }
    let swv = state.app.swv(&code).await?;
    let schools = state.app.schools_of_swv(&code).await?;
    let can = state.app.abilities(ctx.session.as_deref().map(|s| &s.actor), &OrgRef::swv(&code)).await?;
    Ok(render(&SwvPage { ctx, swv, schools, can })?.into_response())
}

#[derive(Template)]
#[template(path = "directory/swv_edit.html")]
struct SwvEditPage {
    ctx: PageContext,
    code: String,
    contact: Vec<TextField>,
    steunpunt: Vec<TextField>,
    errors: FieldErrors,
}

/// One text input of a form, with its current value.
struct TextField {
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    value: String,
    error: Option<String>,
}

impl SwvEditPage {
    fn new(ctx: PageContext, code: String, d: SwvDetails, errors: FieldErrors) -> Self {
        let field = |name, label, kind, value: Option<String>| TextField {
            name,
            label,
            kind,
            value: value.unwrap_or_default(),
            error: errors.get(name).map(str::to_owned),
        };
        SwvEditPage {
            ctx,
            code,
            contact: vec![
                field("name", "field-name-org", "text", d.name),
                field("email", "field-email", "email", d.email),
                field("phone", "field-phone", "tel", d.phone),
                field("website", "field-website", "text", d.website),
            ],
            steunpunt: vec![
                field("steunpunt_name", "field-name-org", "text", d.steunpunt_name),
                field("steunpunt_email", "field-email", "email", d.steunpunt_email),
                field("steunpunt_phone", "field-phone", "tel", d.steunpunt_phone),
                field("steunpunt_website", "field-website", "text", d.steunpunt_website),
            ],
            errors,
        }
    }
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/bewerken", tag = "pages",
    params(("code" = String, Path)), responses((status = 200, content_type = "text/html")))]
pub async fn swv_edit_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
) -> AppResult<Html<String>> {
    let code = swv_code(&code)?;
    state.app.may_edit_swv(&session.actor, &code)?;
    let swv = state.app.swv(&code).await?;
    render(&SwvEditPage::new(ctx, swv.code, swv.details, FieldErrors::default()))
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/bewerken", tag = "pages",
    params(("code" = String, Path)), responses((status = 303, description = "Saved")))]
pub async fn swv_edit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    form: CsrfForm<SwvDetails>,
) -> AppResult<Response> {
    let code = swv_code(&code)?;
    match state.app.update_swv(&form.session.actor, &code, &form.form).await? {
        Ok(_) => {
            // The public pages show the SWV's name and steunpunt.
            state.public.pages.clear();
            Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}?melding=opgeslagen")).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = SwvEditPage::new(ctx, code.to_string(), form.form, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct Search {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "directory/schools.html")]
struct SchoolSearchPage {
    ctx: PageContext,
    query: String,
    /// What was found; `None` before a search, or when the text was too short.
    found: Option<Found>,
    /// Something was typed, but too little to search for.
    too_short: bool,
}

impl SchoolSearchPage {
    /// The line above the results: how many, and what was understood.
    fn summary(&self) -> String {
        let Some(found) = &self.found else { return String::new() };
        let count = found.hits.len();
        // The limit is a whole number of kilometres: "10 km".
        let km = format!("{NEAR_KM}");
        match &found.query {
            SchoolQuery::Near(postcode) if !found.unknown_postcode => self.ctx.lang.t_with(
                if found.more { "find-found-nearest" } else { "find-found-near" },
                &[("count", count.into()), ("km", km.into()), ("postcode", postcode.display().into())],
            ),
            SchoolQuery::Topic { category, .. } => {
                let topic = self.ctx.t(category.message_id()).to_lowercase();
                self.ctx.lang.t_with("find-found-topic", &[("count", count.into()), ("topic", topic.into())])
            }
            _ => self.ctx.tn("find-found", "count", count),
        }
    }

    /// Under the line: where a search by support looked (near a postcode, in a place).
    fn summary_detail(&self) -> Vec<String> {
        let Some(found) = &self.found else { return Vec::new() };
        let SchoolQuery::Topic { near, place, .. } = &found.query else { return Vec::new() };
        let mut lines = Vec::new();
        if let Some(postcode) = near.as_ref().filter(|_| !found.unknown_postcode) {
            lines.push(self.ctx.t1("find-found-topic-near", "postcode", postcode.display()));
        }
        if let Some(place) = place {
            // The words as typed, in lower case; named as the place writes itself.
            let place = passend_domain::organisations::municipality_name(&place.to_uppercase());
            lines.push(self.ctx.t1("find-found-topic-place", "place", place));
        }
        lines
    }

    fn km(&self, km: &f64) -> String {
        let text = format!("{km:.1}");
        if self.ctx.lang == passend_i18n::Lang::Nl { text.replace('.', ",") } else { text }
    }

    /// `?taal=en` for a reader of the English pages, so the parent page follows.
    fn lang_query(&self) -> &'static str {
        if self.ctx.lang == passend_i18n::Lang::Nl { "" } else { "?taal=en" }
    }

    fn address(&self, hit: &FoundLocation) -> String {
        let street = [hit.street.as_deref(), hit.house_number.as_deref()].into_iter().flatten().collect::<Vec<_>>();
        [Some(street.join(" ")).filter(|s| !s.is_empty()), hit.city.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn level_name(&self, level: &str) -> String {
        self.ctx.t(&format!("find-level-{level}"))
    }

    /// The kind of support searched for, by name.
    fn topic_name(&self) -> String {
        match self.found.as_ref().map(|f| &f.query) {
            Some(SchoolQuery::Topic { category, .. }) => self.ctx.t(category.message_id()),
            _ => String::new(),
        }
    }
}

pub const SEARCH_LIMIT: i64 = 100;

#[utoipa::path(get, path = "/scholen", tag = "pages", security(()),
    params(("q" = Option<String>, Query, description = "A name, BRIN, place, municipality, postcode or kind of support")),
    responses((status = 200, content_type = "text/html")))]
pub async fn school_search(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(search): Query<Search>,
) -> AppResult<Html<String>> {
    let query = search.q.unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
    let found = state.app.find_locations(&query).await?;
    let too_short = found.is_none() && !query.is_empty();
    render(&SchoolSearchPage { ctx, query, found, too_short })
}

#[derive(Template)]
#[template(path = "directory/school.html")]
struct SchoolPage {
    ctx: PageContext,
    school: SchoolDetail,
    swvs: Vec<String>,
    can: Abilities,
    /// Locations whose SWVs the reader may correct, with the choices.
    correctable: Vec<String>,
    po_swvs: Vec<SwvSummary>,
    vo_swvs: Vec<SwvSummary>,
    /// The location whose correction failed, and why.
    errors_for: Option<String>,
    errors: FieldErrors,
    /// The newest public school year of each location that has one.
    public_years: Vec<(String, String)>,
}

impl SchoolPage {
    fn public_year(&self, location: &str) -> Option<&str> {
        self.public_years.iter().find(|(code, _)| code == location).map(|(_, year)| year.as_str())
    }

    /// `?taal=en` for a reader of the English pages, so the public pages follow.
    fn lang_query(&self) -> &'static str {
        if self.ctx.lang == passend_i18n::Lang::Nl { "" } else { "?taal=en" }
    }

    fn may_correct(&self, location: &str) -> bool {
        self.correctable.iter().any(|c| c == location)
    }

    fn errors_of(&self, location: &str, field: &str) -> Option<&str> {
        if self.errors_for.as_deref() == Some(location) { self.errors.get(field) } else { None }
    }
}

async fn school_page_for(
    state: &AppState,
    ctx: PageContext,
    brin: &passend_domain::organisations::Brin,
    errors_for: Option<String>,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let school = state.app.school(brin.as_str()).await?;
    let mut swvs: Vec<String> =
        school.locations.iter().flat_map(|l| l.swv_po.iter().chain(l.swv_vo.iter())).cloned().collect();
    swvs.sort();
    swvs.dedup();
    let can = state.app.abilities(ctx.session.as_deref().map(|s| &s.actor), &OrgRef::school(brin)).await?;
    let correctable: Vec<String> = match &ctx.session {
        None => Vec::new(),
        Some(session) => school
            .locations
            .iter()
            .filter(|l| {
                access::correct_location_swvs(&session.actor, &l.code, l.swv_po.as_deref(), l.swv_vo.as_deref()).is_ok()
            })
            .map(|l| l.code.clone())
            .collect(),
    };
    let (po_swvs, vo_swvs) = if correctable.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        state.app.swvs().await?.into_iter().partition(|s| s.kind == "po")
    };
    let public_years = state.app.public_years_of_school(brin.as_str()).await?;
    render(&SchoolPage { ctx, school, swvs, can, correctable, po_swvs, vo_swvs, errors_for, errors, public_years })
}

#[utoipa::path(get, path = "/scholen/{brin}", tag = "pages", security(()),
    params(("brin" = String, Path, description = "BRIN (e.g. 32DD): the school; a vestigingscode (e.g. 32DD00, or 32DD00.pdf): its published profile"),
        crate::publishing::pages::LangQuery),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "Unknown, or no published profile")))]
pub async fn school_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(brin): Path<String>,
    Query(query): Query<crate::publishing::pages::LangQuery>,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    // A location code (six characters) is a published profile's public page.
    if brin.len() > 4 {
        return crate::publishing::pages::location(&state, &brin, query.lang()).await;
    }
    let brin = passend_domain::organisations::Brin::parse(&brin).map_err(|_| AppError::not_found())?;
    Ok(school_page_for(&state, ctx, &brin, None, FieldErrors::default()).await?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SwvChoiceForm {
    swv_po: String,
    swv_vo: String,
    /// `reset` lets the postcode table decide again.
    action: String,
}

#[utoipa::path(post, path = "/scholen/{brin}/vestigingen/{code}/samenwerkingsverband", tag = "pages",
    params(("brin" = String, Path), ("code" = String, Path, description = "Location code, e.g. 32DD00")),
    responses((status = 303, description = "Saved")))]
pub async fn correct_location_swvs(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((brin, code)): Path<(String, String)>,
    form: CsrfForm<SwvChoiceForm>,
) -> AppResult<Response> {
    let brin = passend_domain::organisations::Brin::parse(&brin).map_err(|_| AppError::not_found())?;
    let code = passend_domain::organisations::LocationCode::parse(&code).map_err(|_| AppError::not_found())?;
    if code.brin() != brin {
        return Err(AppError::not_found());
    }
    let done = if form.form.action == "reset" {
        state.app.reset_location_swvs(&form.session.actor, code.as_str()).await?;
        Ok(())
    } else {
        state
            .app
            .correct_location_swvs(&form.session.actor, code.as_str(), &form.form.swv_po, &form.form.swv_vo)
            .await?
    };
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/scholen/{brin}?melding=opgeslagen#loc-{code}")).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = school_page_for(&state, ctx, &brin, Some(code.to_string()), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "directory/board.html")]
struct BoardPage {
    ctx: PageContext,
    board: Board,
    can: Abilities,
}

#[utoipa::path(get, path = "/besturen/{code}", tag = "pages", security(()),
    params(("code" = String, Path, description = "Board number (bevoegd gezag)")), responses((status = 200, content_type = "text/html")))]
pub async fn board_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> AppResult<Html<String>> {
    let board = state.app.board(&code).await?;
    let org = OrgRef { kind: passend_domain::organisations::OrgKind::Board, code: board.code.clone() };
    let can = state.app.abilities(ctx.session.as_deref().map(|s| &s.actor), &org).await?;
    render(&BoardPage { ctx, board, can })
}

#[derive(Template)]
#[template(path = "directory/location_contact.html")]
struct LocationContactPage {
    ctx: PageContext,
    brin: String,
    code: String,
    location_name: String,
    fields: Vec<TextField>,
    errors: FieldErrors,
}

impl LocationContactPage {
    fn new(ctx: PageContext, location: &Location, c: LocationContact, errors: FieldErrors) -> Self {
        let field = |name, label, kind, value: Option<String>| TextField {
            name,
            label,
            kind,
            value: value.unwrap_or_default(),
            error: errors.get(name).map(str::to_owned),
        };
        LocationContactPage {
            ctx,
            brin: location.brin.clone(),
            code: location.code.clone(),
            location_name: location.name.clone(),
            fields: vec![
                field("phone", "field-phone", "tel", c.phone),
                field("email", "field-email", "email", c.email),
                field("website", "field-website", "text", c.website),
            ],
            errors,
        }
    }
}

/// The location of a `/scholen/{brin}/vestigingen/{code}` path: not found
/// when the code is not of that school.
fn location_of(brin: &str, code: &str) -> AppResult<LocationCode> {
    let brin = Brin::parse(brin).map_err(|_| AppError::not_found())?;
    let code = LocationCode::parse(code).map_err(|_| AppError::not_found())?;
    if code.brin() == brin { Ok(code) } else { Err(AppError::not_found()) }
}

#[utoipa::path(get, path = "/scholen/{brin}/vestigingen/{code}/contact", tag = "pages",
    params(("brin" = String, Path), ("code" = String, Path, description = "Location code, e.g. 04FZ00")),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this school's director")))]
pub async fn location_contact_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path((brin, code)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let code = location_of(&brin, &code)?;
    let location = state.app.location_for_contact_edit(&session.actor, &code).await?;
    let contact = location.contact();
    render(&LocationContactPage::new(ctx, &location, contact, FieldErrors::default()))
}

#[utoipa::path(post, path = "/scholen/{brin}/vestigingen/{code}/contact", tag = "pages",
    params(("brin" = String, Path), ("code" = String, Path, description = "Location code, e.g. 04FZ00")),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors, the form again")))]
pub async fn location_contact_edit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((brin, code)): Path<(String, String)>,
    form: CsrfForm<LocationContact>,
) -> AppResult<Response> {
    let code = location_of(&brin, &code)?;
    match state.app.update_location_contact(&form.session.actor, &code, &form.form).await? {
        Ok(location) => {
            // The public pages show the contact.
            state.public.pages.clear();
            Ok(Redirect::to(&format!("/scholen/{}?melding=opgeslagen#loc-{code}", location.brin)).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let location = state.app.location(code.as_str()).await?;
            let page = LocationContactPage::new(ctx, &location, form.form, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
