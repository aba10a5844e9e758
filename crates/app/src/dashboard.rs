//! The dashboard: one section per organisation the person belongs to.

use passend_domain::access::{self, Actor, Membership, Role};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;
use passend_i18n::Lang;
use passend_storage::accounts::Member;
use passend_storage::directory::SchoolSummary;
use passend_storage::profiles::{ProfileSummary, SchoolProfileStatus};

use crate::directory::PlatformTotals;
use crate::{App, Result};

pub struct SwvSection {
    pub code: String,
    pub name: Option<String>,
    pub roles: Vec<Role>,
    pub schools: Vec<(SchoolSummary, Option<SchoolProfileStatus>)>,
    pub can_edit: bool,
}

pub struct SchoolSection {
    pub brin: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub team: Vec<Member>,
    pub mr: Vec<Member>,
    pub can_invite: bool,
    /// This school year's profiles.
    pub profiles: Vec<ProfileSummary>,
}

pub struct BoardSection {
    pub code: String,
    pub name: Option<String>,
    pub schools: Vec<SchoolSummary>,
}

pub struct Dashboard {
    pub platform: Option<PlatformTotals>,
    pub swvs: Vec<SwvSection>,
    pub boards: Vec<BoardSection>,
    pub schools: Vec<SchoolSection>,
}

fn roles_in(memberships: &[Membership], org: &OrgRef) -> Vec<Role> {
    memberships.iter().filter(|m| m.org == *org).map(|m| m.role).collect()
}

impl App {
    /// What the person's dashboard shows for the school year.
    pub async fn dashboard(&self, actor: &Actor, lang: Lang, year: SchoolYear) -> Result<Dashboard> {
        let mut orgs: Vec<OrgRef> = actor.memberships().iter().map(|m| m.org.clone()).collect();
        orgs.sort();
        orgs.dedup();
        let platform = match access::platform_admin(actor) {
            Ok(_) => Some(self.platform_totals(actor).await?),
            Err(_) => None,
        };
        let mut dashboard = Dashboard { platform, swvs: Vec::new(), boards: Vec::new(), schools: Vec::new() };
        for org in orgs {
            let Some(org_ctx) = self.db.org_context(&org).await? else {
                continue;
            };
            match org.kind {
                OrgKind::Swv => {
                    let swv = self.db.swv(&org.code).await?;
                    let view = access::view_org(actor, &org, &org_ctx)?;
                    let status = self.db.profile_status_in_swv(&view, year).await?;
                    let schools = self
                        .db
                        .schools_of_swv(&org.code)
                        .await?
                        .into_iter()
                        .map(|school| {
                            let found = status.iter().find(|s| s.brin == school.brin).cloned();
                            (school, found)
                        })
                        .collect();
                    dashboard.swvs.push(SwvSection {
                        schools,
                        name: swv.and_then(|s| s.details.name),
                        roles: roles_in(actor.memberships(), &org),
                        can_edit: access::edit_swv(actor, &org.code).is_ok(),
                        code: org.code,
                    });
                }
                OrgKind::Board => {
                    let board = self.db.board(&org.code).await?;
                    dashboard.boards.push(BoardSection {
                        name: board.as_ref().and_then(|b| b.name.clone()),
                        schools: board.map(|b| b.schools).unwrap_or_default(),
                        code: org.code,
                    });
                }
                OrgKind::School => {
                    let view = access::view_org(actor, &org, &org_ctx)?;
                    let members = self.db.members_of(&view).await?;
                    let this_year = year.to_string();
                    let profiles = self
                        .db
                        .profiles_of_school(&view)
                        .await?
                        .into_iter()
                        .filter(|p| p.school_year == this_year)
                        .collect();
                    let (mr, team): (Vec<Member>, Vec<Member>) =
                        members.into_iter().partition(|m| m.role == Role::MrMember);
                    dashboard.schools.push(SchoolSection {
                        name: self.display_name(lang, &org).await?,
                        roles: roles_in(actor.memberships(), &org),
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
        Ok(dashboard)
    }
}
