//! The demo's yearly conversation between the demo SWV and the demo school:
//! the SWV's guide (Passend's default, published) and its support funds
//! (€ 150 basic and € 45 extra per pupil) for last year and this year; last
//! year's conversation held, with three agreements and a report both sides
//! confirmed (fixed, and made an annex of the profile by the school); this
//! year's conversation planned, with the school's preparation started.
//! Everything goes through the use cases; no invitation is mailed (the demo
//! attendees have no e-mail address). Left alone when the school already has
//! a conversation of the year.

use passend_app::conversations::{AgreementInput, Attendee, OnConversation, PlanInput, SwvConversations};
use passend_app::{App, AppConfig, MailConfig};
use passend_domain::access::{Actor, Membership, Role};
use passend_domain::conversations::{FundRates, default_guide};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;
use passend_storage::Database;
use serde_json::{Value, json};

use crate::demo::actor;

/// Basic and extra support per pupil, in cents.
const RATES: FundRates = FundRates { basic_cents: 15_000, extra_cents: 4_500 };

fn failed(what: &str) -> impl FnOnce(passend_app::Error) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo conversations: {what}: {e:?}")
}

fn refused<T, P: std::fmt::Debug>(what: &str, outcome: Result<T, P>) -> anyhow::Result<T> {
    outcome.map_err(|problems| anyhow::anyhow!("demo conversations: {what} refused: {problems:?}"))
}

fn attendees() -> Vec<Attendee> {
    let person = |name: &str, role: &str, side: &str| Attendee {
        name: name.to_owned(),
        role: role.to_owned(),
        side: side.to_owned(),
        email: None,
    };
    vec![
        person("Sanne de Wit", "directeur", "school"),
        person("Youssef El Amrani", "intern begeleider", "school"),
        person("Marieke Dekker", "consulent passend onderwijs", "swv"),
    ]
}

/// The SWV's guide (published) and funds for the year, unless it set them already.
async fn guide_and_funds(app: &App, admin: &Actor, scope: &SwvConversations, year: SchoolYear) -> anyhow::Result<()> {
    if !app.conversation_guide(scope, year).await.map_err(failed("guide"))?.published {
        let saved = app.save_conversation_guide(admin, scope, year, &default_guide(), true).await;
        refused("guide", saved.map_err(failed("guide"))?)?;
    }
    if app.fund_rates(scope, year).await.map_err(failed("funds"))?.is_none() {
        refused("funds", app.save_funds(admin, scope, year, RATES, &[]).await.map_err(failed("funds"))?)?;
    }
    Ok(())
}

async fn plan(
    app: &App,
    admin: &Actor,
    scope: &SwvConversations,
    location: &str,
    year: SchoolYear,
    date: &str,
) -> anyhow::Result<i64> {
    let input = PlanInput {
        location,
        year,
        date,
        time: "14:00",
        minutes: 90,
        place: "Teamkamer van de school",
        video_link: None,
        attendees: attendees(),
        consultant: "Marieke Dekker",
    };
    refused("planning", app.plan_conversation(admin, scope, &input).await.map_err(failed("planning"))?)
}

async fn answer(app: &App, actor: &Actor, on: &OnConversation, key: &str, value: Value) -> anyhow::Result<()> {
    let saved = app.save_conversation_answer(actor, on, key, &value, 0).await.map_err(failed("answer"))?;
    refused("answer", saved)?;
    Ok(())
}

/// What the school prepared (both years start with these).
async fn prepare(app: &App, director: &Actor, on: &OnConversation, last_year: bool) -> anyhow::Result<()> {
    let priorities = if last_year {
        "Meer eigenaarschap bij leerlingen en een doorgaande lijn in rekenen."
    } else {
        "Het nieuwe leesplan in alle groepen en betere overdracht naar het voortgezet onderwijs."
    };
    answer(app, director, on, "speerpunten", json!(priorities)).await?;
    answer(app, director, on, "samenwerking_score", json!(4)).await?;
    answer(
        app,
        director,
        on,
        "samenwerking",
        json!("Korte lijnen met de consulent; de wachttijd voor een arrangement is soms lang."),
    )
    .await
}

/// Last year's conversation: prepared, held, three agreements, confirmed by both sides.
async fn last_year(
    app: &App,
    admin: &Actor,
    director: &Actor,
    scope: &SwvConversations,
    location: &str,
    year: SchoolYear,
) -> anyhow::Result<()> {
    let date = format!("{}-11-12", year.start());
    let id = plan(app, admin, scope, location, year, &date).await?;
    let school_side = app.on_conversation(director, id).await.map_err(failed("school side"))?;
    let swv_side = app.on_conversation(admin, id).await.map_err(failed("SWV side"))?;
    prepare(app, director, &school_side, true).await?;
    let held = app.set_conversation_details(&swv_side, Some(true), Some("Marieke Dekker"), None).await;
    refused("held", held.map_err(failed("held"))?)?;
    let annexed = app.set_conversation_details(&school_side, None, None, Some(true)).await;
    refused("annex", annexed.map_err(failed("annex"))?)?;
    for (key, value) in [
        (
            "speerpunten",
            json!("Eigenaarschap van leerlingen en rekenen; het team kiest één rekenmethode voor alle groepen."),
        ),
        ("samenwerking_score", json!(4)),
        ("inclusief_stap", json!("Twee leerkrachten volgen de scholing over gedrag in de klas en delen wat ze leren.")),
        ("opp_aantal", json!({ "count": 6 })),
        ("opp_geregistreerd", json!({ "count": 5, "note": "Eén OPP wordt na de zomer geregistreerd." })),
    ] {
        answer(app, admin, &swv_side, key, value).await?;
    }
    let due = |month_day: &str| Some(format!("{}-{month_day}", year.start() + 1));
    for (what, who, due_on, goal) in [
        ("Scholing handelingsgericht werken voor het hele team", "Intern begeleider", due("03-01"), Some("1.2")),
        ("Alle OPP's registreren bij het samenwerkingsverband", "Directeur", due("01-15"), Some("1.2")),
        (
            "Overstapgesprekken met het voortgezet onderwijs vóór de meivakantie",
            "Intern begeleider",
            due("04-20"),
            Some("2.4"),
        ),
    ] {
        let input =
            AgreementInput { what: what.to_owned(), who: who.to_owned(), due_on, goal_key: goal.map(str::to_owned) };
        app.add_agreement(&swv_side, &input).await.map_err(failed("agreement"))?;
    }
    refused("SWV confirms", app.confirm_conversation(&swv_side, "Marieke Dekker").await.map_err(failed("confirm"))?)?;
    let fixed = app.confirm_conversation(&school_side, "Sanne de Wit").await.map_err(failed("confirm"))?;
    if !refused("school confirms", fixed)? {
        anyhow::bail!("demo conversations: last year's report is not fixed after both confirmed");
    }
    Ok(())
}

pub(crate) async fn seed(
    db: &Database,
    swv: &str,
    brin: &str,
    swv_admin_id: i64,
    director_id: i64,
) -> anyhow::Result<()> {
    let school = db.school(brin).await?.ok_or_else(|| anyhow::anyhow!("demo school {brin} is missing"))?;
    let Some(location) = school.locations.first() else { return Ok(()) };
    // Mail stays in the outbox (and none is queued: the attendees have no address).
    let config = AppConfig {
        mail: MailConfig { smtp_url: None, from: "Passend demo <noreply@passend.invalid>".to_owned() },
        ..AppConfig::default()
    };
    let app = App::new(db.clone(), &config).map_err(failed("starting"))?;
    let admin = Actor::new(
        swv_admin_id,
        vec![Membership { org: OrgRef { kind: OrgKind::Swv, code: swv.to_owned() }, role: Role::SwvAdmin }],
    );
    let director = actor(director_id, brin, Role::Director);
    let scope = app.swv_conversations_scope(&admin, swv).await.map_err(failed("scope"))?;
    let this_year = passend_app::questionnaire::current_year();
    let previous = this_year.previous();
    for year in [previous, this_year] {
        guide_and_funds(&app, &admin, &scope, year).await?;
    }
    let planned = |rows: Vec<passend_app::conversations::ListRow>| {
        rows.into_iter().any(|r| r.location.code == location.code && r.conversation.is_some())
    };
    if !planned(app.conversation_list(&scope, previous).await.map_err(failed("list"))?) {
        last_year(&app, &admin, &director, &scope, &location.code, previous).await?;
    }
    if !planned(app.conversation_list(&scope, this_year).await.map_err(failed("list"))?) {
        let date = format!("{}-02-10", this_year.start() + 1);
        let id = plan(&app, &admin, &scope, &location.code, this_year, &date).await?;
        let school_side = app.on_conversation(&director, id).await.map_err(failed("school side"))?;
        prepare(&app, &director, &school_side, false).await?;
    }
    Ok(())
}
