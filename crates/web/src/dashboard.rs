//! The dashboard: one section per organisation the person belongs to.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use passend_domain::access::{self, Role};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_storage::accounts::Member;
use passend_storage::directory::SchoolSummary;
use passend_storage::profiles::{ProfileSummary, SchoolProfileStatus};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard))
}

struct SwvSection {
    code: String,
    name: Option<String>,
    roles: Vec<Role>,
    schools: Vec<(SchoolSummary, Option<SchoolProfileStatus>)>,
    can_edit: bool,
}

struct SchoolSection {
    brin: String,
    name: String,
    roles: Vec<Role>,
    team: Vec<Member>,
    mr: Vec<Member>,
    can_invite: bool,
    /// This school year's profiles.
    profiles: Vec<ProfileSummary>,
}

struct BoardSection {
    code: String,
    name: Option<String>,
    schools: Vec<SchoolSummary>,
}

struct PlatformSection {
    users: i64,
    locations: i64,
    swvs: usize,
    smtp: bool,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: PageContext,
    platform: Option<PlatformSection>,
    swvs: Vec<SwvSection>,
    boards: Vec<BoardSection>,
    schools: Vec<SchoolSection>,
    school_year: String,
}

fn roles_in(memberships: &[access::Membership], org: &OrgRef) -> Vec<Role> {
    memberships.iter().filter(|m| m.org == *org).map(|m| m.role).collect()
}

#[utoipa::path(get, path = "/dashboard", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Html<String>> {
    let actor = &session.actor;
    let mut orgs: Vec<OrgRef> = actor.memberships.iter().map(|m| m.org.clone()).collect();
    orgs.sort();
    orgs.dedup();

    let platform = match access::platform_admin(actor) {
        Ok(_) => Some(PlatformSection {
            users: state.db.count_users().await?,
            locations: state.db.count_locations().await?,
            swvs: state.db.list_swvs().await?.len(),
            smtp: state.mailer.sends_over_smtp(),
        }),
        Err(_) => None,
    };
    let year = crate::profiles::pages::current_year();
    let mut swvs = Vec::new();
    let mut boards = Vec::new();
    let mut schools = Vec::new();
    for org in orgs {
        let Some(org_ctx) = state.db.org_context(&org).await? else {
            continue;
        };
        match org.kind {
            OrgKind::Swv => {
                let swv = state.db.swv(&org.code).await?;
                let view = access::view_org(actor, &org, &org_ctx)?;
                let status = state.db.profile_status_in_swv(&view, year).await?;
                let schools = state
                    .db
                    .schools_of_swv(&org.code)
                    .await?
                    .into_iter()
                    .map(|school| {
                        let found = status.iter().find(|s| s.brin == school.brin).cloned();
                        (school, found)
                    })
                    .collect();
                swvs.push(SwvSection {
                    schools,
                    name: swv.and_then(|s| s.details.name),
                    roles: roles_in(&actor.memberships, &org),
                    can_edit: access::edit_swv(actor, &org.code).is_ok(),
                    code: org.code,
                });
            }
            OrgKind::Board => {
                let board = state.db.board(&org.code).await?;
                boards.push(BoardSection {
                    name: board.as_ref().and_then(|b| b.name.clone()),
                    schools: board.map(|b| b.schools).unwrap_or_default(),
                    code: org.code,
                });
            }
            OrgKind::School => {
                let view = access::view_org(actor, &org, &org_ctx)?;
                let members = state.db.members_of(&view).await?;
                let this_year = year.to_string();
                let profiles = state
                    .db
                    .profiles_of_school(&view)
                    .await?
                    .into_iter()
                    .filter(|p| p.school_year == this_year)
                    .collect();
                let (mr, team): (Vec<Member>, Vec<Member>) =
                    members.into_iter().partition(|m| m.role == Role::MrMember);
                schools.push(SchoolSection {
                    name: crate::directory::display_name(&state, ctx.lang, &org).await?,
                    roles: roles_in(&actor.memberships, &org),
                    team,
                    mr,
                    can_invite: !access::invitable_roles(actor, &org, &org_ctx).is_empty(),
                    profiles,
                    brin: org.code,
                });
            }
            OrgKind::Platform => {}
        }
    }
    render(&DashboardPage { ctx, platform, swvs, boards, schools, school_year: year.to_string() })
}
