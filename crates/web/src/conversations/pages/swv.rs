//! The SWV's conversation pages: the year's list with the planning form,
//! the support funds per school, and the follow-up over the years. And the
//! school's own list of its conversations.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::conversations::{AreaFigures, Attendee, Conversation, FollowUp, ListRow, PlanInput, SwvLocation};
use passend_domain::conversations::{ConversationState, FundRates, Funds, euros, parse_euros};
use passend_domain::questionnaire::SchoolYear;
use passend_domain::{FieldProblems, Message};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::super::SwvTalks;
use crate::app::AppState;
use crate::coverage::YearQuery;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;

/// How many attendee rows the planning form offers.
const ATTENDEE_ROWS: usize = 6;

/// The appointment's fields as a form shows them: what was typed, else what
/// is stored (`templates/conversations/plan_fields.html`).
pub struct PlanFields {
    pub values: Vec<(String, String)>,
}

impl PlanFields {
    /// An empty form: 90 minutes, the person planning as the consultant.
    pub fn blank(consultant: &str) -> Self {
        PlanFields { values: vec![("minutes".into(), "90".into()), ("consultant".into(), consultant.to_owned())] }
    }

    /// The fields of a planned conversation, to change them.
    pub fn of(conversation: &Conversation) -> Self {
        let moment = crate::conversations::bodies::local(conversation.starts_at);
        let (date, time) = moment.split_once('T').unwrap_or_default();
        let mut values = vec![
            ("date".to_owned(), date.to_owned()),
            ("time".to_owned(), time.to_owned()),
            ("minutes".to_owned(), conversation.minutes.to_string()),
            ("place".to_owned(), conversation.place.clone()),
            ("video_link".to_owned(), conversation.video_link.clone().unwrap_or_default()),
            ("consultant".to_owned(), conversation.consultant.clone()),
        ];
        for (row, a) in conversation.attendees.iter().enumerate() {
            values.push((format!("a{row}_name"), a.name.clone()));
            values.push((format!("a{row}_role"), a.role.clone()));
            values.push((format!("a{row}_side"), a.side.clone()));
            values.push((format!("a{row}_email"), a.email.clone().unwrap_or_default()));
        }
        PlanFields { values }
    }

    pub fn value(&self, key: &str) -> &str {
        get(&self.values, key)
    }

    pub fn rows(&self) -> std::ops::Range<usize> {
        let stored = self.values.iter().filter(|(k, _)| k.ends_with("_name")).count();
        0..ATTENDEE_ROWS.max(stored + 1).min(20)
    }

    pub fn attendee(&self, row: &usize, field: &str) -> &str {
        self.value(&format!("a{row}_{field}"))
    }
}

/// What a planning form sent, as the use case takes it.
pub fn plan_input(f: &[(String, String)], year: SchoolYear) -> PlanInput<'_> {
    let rows = (0..20).take_while(|row| f.iter().any(|(k, _)| *k == format!("a{row}_name")));
    PlanInput {
        location: get(f, "location"),
        year,
        date: get(f, "date"),
        time: get(f, "time"),
        minutes: get(f, "minutes").trim().parse::<i64>().unwrap_or(0),
        place: get(f, "place"),
        video_link: Some(get(f, "video_link")),
        attendees: rows
            .map(|row| Attendee {
                name: get(f, &format!("a{row}_name")).to_owned(),
                role: get(f, &format!("a{row}_role")).to_owned(),
                side: get(f, &format!("a{row}_side")).to_owned(),
                email: Some(get(f, &format!("a{row}_email")).to_owned()),
            })
            .collect(),
        consultant: get(f, "consultant"),
    }
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_page, plan))
        .routes(routes!(funds_page, save_funds))
        .routes(routes!(follow_up_page))
        .routes(routes!(school_list))
}

fn get<'a>(form: &'a [(String, String)], key: &str) -> &'a str {
    form.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

/// The school years a page offers: last year, this year and next.
fn years_around(year: SchoolYear) -> Vec<String> {
    let this = passend_app::questionnaire::current_year();
    let mut years =
        vec![this.previous().to_string(), this.to_string(), SchoolYear::starting(this.start() + 1).to_string()];
    if !years.contains(&year.to_string()) {
        years.push(year.to_string());
    }
    years.sort();
    years
}

#[derive(Template)]
#[template(path = "conversations/list.html")]
struct ListPage {
    ctx: PageContext,
    code: String,
    year: String,
    years: Vec<String>,
    rows: Vec<ListRow>,
    /// (state, how many) for the summary.
    counts: Vec<(ConversationState, usize)>,
    not_planned: usize,
    /// What a refused plan form sent.
    typed: Vec<(String, String)>,
    errors: FieldErrors,
    /// The location the form starts with (`?locatie=`).
    chosen: String,
    plan: PlanFields,
}

impl ListPage {
    fn typed(&self, key: &str) -> &str {
        get(&self.typed, key)
    }

    fn unplanned(&self) -> impl Iterator<Item = &SwvLocation> {
        self.rows.iter().filter(|r| r.conversation.is_none()).map(|r| &r.location)
    }

    fn selected(&self, code: &str) -> bool {
        if self.typed.is_empty() { self.chosen == code } else { self.typed("location") == code }
    }

    fn when(&self, conversation: &Conversation) -> String {
        self.ctx.date_time(&conversation.starts_at)
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    jaar: Option<String>,
    /// The location the planning form starts with.
    locatie: Option<String>,
}

async fn list(
    state: &AppState,
    ctx: PageContext,
    talks: &SwvTalks,
    year: SchoolYear,
    chosen: String,
    typed: Vec<(String, String)>,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let rows = state.app.conversation_list(&talks.scope, year).await?;
    let counts = [
        ConversationState::Planned,
        ConversationState::Prepared,
        ConversationState::Held,
        ConversationState::Confirmed,
    ]
    .into_iter()
    .map(|s| (s, rows.iter().filter(|r| r.conversation.as_ref().is_some_and(|(_, st)| *st == s)).count()))
    .collect();
    render(&ListPage {
        code: talks.scope.code().as_str().to_owned(),
        year: year.to_string(),
        years: years_around(year),
        not_planned: rows.iter().filter(|r| r.conversation.is_none()).count(),
        counts,
        rows,
        plan: if typed.is_empty() {
            PlanFields::blank(ctx.user_name().unwrap_or_default())
        } else {
            PlanFields { values: typed.clone() }
        },
        typed,
        errors,
        chosen,
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/gesprekken", tag = "pages",
    params(("code" = String, Path), ("jaar" = Option<String>, Query), ("locatie" = Option<String>, Query)),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn list_page(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
    Query(query): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let year = passend_app::App::conversation_year(query.jaar.as_deref());
    list(&state, ctx, &talks, year, query.locatie.unwrap_or_default(), Vec::new(), FieldErrors::default()).await
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/gesprekken", tag = "pages", params(("code" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "`jaar`, `location`, `date` (jjjj-mm-dd), `time` (uu:mm), `minutes`, `place`, `video_link`, `consultant`, attendees `a{n}_name`, `a{n}_role`, `a{n}_side` (school/swv), `a{n}_email`"),
    responses((status = 303, description = "Planned; invitations are on their way"), (status = 403, description = "Not this SWV's staff"),
              (status = 422, description = "Field errors; nothing planned")))]
pub async fn plan(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    let year = passend_app::App::conversation_year(Some(get(f, "jaar")));
    let input = plan_input(f, year);
    match state.app.plan_conversation(&form.session.actor, &talks.scope, &input).await? {
        Ok(id) => Ok(Redirect::to(&format!("/gesprekken/{id}?melding=gesprek-gepland")).into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = list(&state, ctx, &talks, year, String::new(), f.clone(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "conversations/funds.html")]
struct FundsPage {
    ctx: PageContext,
    code: String,
    year: String,
    years: Vec<String>,
    rates: Option<FundRates>,
    rows: Vec<(SwvLocation, Option<Funds>)>,
    total_cents: i64,
    total_pupils: i64,
    editable: bool,
    typed: Vec<(String, String)>,
    errors: FieldErrors,
}

impl FundsPage {
    fn money(&self, cents: impl std::borrow::Borrow<i64>) -> String {
        euros(*cents.borrow())
    }

    /// A rate's field: what was typed, else the stored amount (`150,00`).
    fn rate_field(&self, key: &str) -> String {
        if !self.typed.is_empty() {
            return get(&self.typed, key).to_owned();
        }
        let cents = self.rates.map(|r| if key == "basic" { r.basic_cents } else { r.extra_cents });
        cents.map(|c| euros(c).trim_start_matches("€ ").to_owned()).unwrap_or_default()
    }

    fn count_field(&self, location: &SwvLocation) -> String {
        if !self.typed.is_empty() {
            return get(&self.typed, &format!("p:{}", location.code)).to_owned();
        }
        location.swv_pupils.map(|p| p.to_string()).unwrap_or_default()
    }
}

async fn funds(
    state: &AppState,
    ctx: PageContext,
    talks: &SwvTalks,
    year: SchoolYear,
    typed: Vec<(String, String)>,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let (rates, rows) = state.app.funds_list(&talks.scope, year).await?;
    render(&FundsPage {
        code: talks.scope.code().as_str().to_owned(),
        year: year.to_string(),
        years: years_around(year),
        total_cents: rows.iter().filter_map(|(_, f)| f.map(|f| f.total_cents())).sum(),
        total_pupils: rows.iter().filter_map(|(l, _)| l.swv_pupils.or(l.duo_pupils)).sum(),
        rates,
        rows,
        editable: talks.scope.editable(),
        typed,
        errors,
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/ondersteuningsmiddelen", tag = "pages",
    params(("code" = String, Path), YearQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn funds_page(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    funds(&state, ctx, &talks, query.school_year(), Vec::new(), FieldErrors::default()).await
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/ondersteuningsmiddelen", tag = "pages", params(("code" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded",
        description = "`jaar`, `basic` and `extra` (euros per pupil), `p:{location}` (the SWV's own pupil count; empty: DUO's)"),
    responses((status = 303, description = "Saved"), (status = 403, description = "Not this SWV's admin"), (status = 422, description = "Field errors")))]
pub async fn save_funds(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    let year = passend_app::App::conversation_year(Some(get(f, "jaar")));
    let mut problems: FieldProblems = Vec::new();
    let mut amount = |field: &'static str| match parse_euros(get(f, field)) {
        Some(cents) => cents,
        None => {
            problems.push((field, Message::new("cvp-amount-invalid")));
            0
        }
    };
    let rates = FundRates { basic_cents: amount("basic"), extra_cents: amount("extra") };
    let mut counts = Vec::new();
    for (key, value) in f {
        let Some(location) = key.strip_prefix("p:") else { continue };
        let value = value.trim();
        if value.is_empty() {
            counts.push((location.to_owned(), None));
        } else if let Ok(n) = value.parse::<i64>() {
            counts.push((location.to_owned(), Some(n)));
        } else {
            problems.push(("pupils", Message::new("conv-figure-whole")));
        }
    }
    let outcome = if problems.is_empty() {
        state.app.save_funds(&form.session.actor, &talks.scope, year, rates, &counts).await?
    } else {
        Err(problems)
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!(
            "/samenwerkingsverbanden/{}/ondersteuningsmiddelen?jaar={year}&melding=opgeslagen",
            talks.scope.code().as_str()
        ))
        .into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = funds(&state, ctx, &talks, year, f.clone(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "conversations/follow_up.html")]
struct FollowUpPage {
    ctx: PageContext,
    code: String,
    follow_up: FollowUp,
}

impl FollowUpPage {
    fn tables(&self) -> [(&'static str, &Vec<AreaFigures>); 3] {
        [
            ("conv-figures-whole", &self.follow_up.whole),
            ("conv-figures-per-kern", &self.follow_up.by_kern),
            ("conv-figures-per-municipality", &self.follow_up.by_municipality),
        ]
    }

    fn sum(&self, area: &AreaFigures, key: &str) -> String {
        area.sums.get(key).map(|n| n.to_string()).unwrap_or_else(|| "–".to_owned())
    }
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/gesprekken/opvolging", tag = "pages", params(("code" = String, Path)),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn follow_up_page(
    State(state): State<AppState>,
    ctx: PageContext,
    talks: SwvTalks,
) -> AppResult<Html<String>> {
    let follow_up = state.app.conversation_follow_up(&talks.scope).await?;
    render(&FollowUpPage { ctx, code: talks.scope.code().as_str().to_owned(), follow_up })
}

#[derive(Template)]
#[template(path = "conversations/school.html")]
struct SchoolListPage {
    ctx: PageContext,
    brin: String,
    conversations: Vec<(Conversation, ConversationState)>,
}

#[utoipa::path(get, path = "/scholen/{brin}/gesprekken", tag = "pages", params(("brin" = String, Path)),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Does not see this school")))]
pub async fn school_list(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
) -> AppResult<Html<String>> {
    let conversations = state.app.school_conversations(&session.actor, &brin).await?;
    render(&SchoolListPage { ctx, brin: brin.to_uppercase(), conversations })
}
