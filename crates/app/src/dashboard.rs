//! The dashboard: the person's open tasks across their organisations, then
//! one section per organisation they belong to.

use std::collections::BTreeMap;

use passend_domain::Message;
use passend_domain::access::{self, Actor, Membership, Role};
use passend_domain::lifecycle::{
    Day, Parts, ProfileFacts, TaskKind, Version, dutch_day, parse_day, profile_tasks, review_overdue,
};
use passend_domain::organisations::{OrgContext, OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;
use passend_i18n::Lang;
use passend_storage::accounts::Member;
use passend_storage::directory::SchoolSummary;
use passend_storage::profiles::{ProfileSummary, SwvProfileState};

use crate::directory::PlatformTotals;
use crate::lifecycle::today;
use crate::{App, Result};

pub struct SwvSection {
    pub code: String,
    pub name: Option<String>,
    pub roles: Vec<Role>,
    /// Each school with its profiles of the year (none: not started).
    pub schools: Vec<(SchoolSummary, Vec<SwvProfileState>)>,
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
    /// Each school of the board with its profiles of the year.
    pub schools: Vec<(SchoolSummary, Vec<ProfileSummary>)>,
}

/// Something the person must do, with where to do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTask {
    pub kind: TaskKind,
    /// The page to do it on (a path on this site).
    pub link: String,
    /// The task in words: its catalogue id with the location, year, date or count.
    pub text: Message,
    /// The school or SWV it is for.
    pub org: String,
}

pub struct Dashboard {
    /// Open tasks across all the person's organisations, the most urgent kind first.
    pub tasks: Vec<OpenTask>,
    pub platform: Option<PlatformTotals>,
    pub swvs: Vec<SwvSection>,
    pub boards: Vec<BoardSection>,
    pub schools: Vec<SchoolSection>,
}

fn roles_in(memberships: &[Membership], org: &OrgRef) -> Vec<Role> {
    memberships.iter().filter(|m| m.org == *org).map(|m| m.role).collect()
}

/// A location's versions as the review rule reads them.
fn versions_by_location<'a>(
    rows: impl Iterator<Item = (&'a str, &'a str, Option<passend_domain::lifecycle::ProfileState>, Option<&'a str>)>,
) -> BTreeMap<&'a str, Vec<Version>> {
    let mut out: BTreeMap<&str, Vec<Version>> = BTreeMap::new();
    for (location, year, state, adopted_on) in rows {
        if let (Some(year), Some(state)) = (SchoolYear::parse(year), state) {
            out.entry(location).or_default().push(Version { year, state, adopted_on: adopted_on.and_then(parse_day) });
        }
    }
    out
}

/// The tasks of a person with `parts` at one school, from all its profiles:
/// the cycle's tasks on this and later school years' profiles, and overdue reviews.
fn school_tasks(
    brin: &str,
    school_name: &str,
    parts: Parts,
    profiles: &[ProfileSummary],
    year: SchoolYear,
    today: Day,
) -> Vec<OpenTask> {
    let current = |p: &ProfileSummary| SchoolYear::parse(&p.school_year).is_some_and(|y| y >= year);
    let mut tasks = Vec::new();
    if parts.coordinator {
        let versions = versions_by_location(
            profiles
                .iter()
                .map(|p| (p.location_code.as_str(), p.school_year.as_str(), Some(p.state), p.adopted_on.as_deref())),
        );
        for (location, versions) in versions {
            let Some(since) = review_overdue(&versions, today) else { continue };
            let mine = || profiles.iter().filter(|p| p.location_code == location);
            let name = mine().next().map_or(location, |p| p.location_name.as_str());
            // The version being made, if there is one; else the list where it is started.
            let link = mine()
                .filter(|p| current(p) && !p.state.is_adopted())
                .max_by(|a, b| a.school_year.cmp(&b.school_year))
                .map_or_else(|| format!("/scholen/{brin}/profielen"), |p| format!("/profielen/{}", p.id));
            tasks.push(OpenTask {
                kind: TaskKind::Review,
                link,
                text: Message::new(TaskKind::Review.message_id()).with("location", name).with("date", dutch_day(since)),
                org: school_name.to_owned(),
            });
        }
    }
    for profile in profiles.iter().filter(|p| current(p)) {
        let facts = ProfileFacts {
            state: profile.state,
            open_for_team: profile.open_for_team,
            advice_answered: profile.advice_answered,
        };
        for kind in profile_tasks(parts, facts) {
            let place = match kind {
                TaskKind::Answer | TaskKind::Prepare => "",
                TaskKind::ReadAlong => "/stappen#opmerkingen",
                TaskKind::Advise => "/stappen#step-record_advice",
                TaskKind::RespondToAdvice => "/stappen#advice-response",
                TaskKind::Adopt => "/stappen#step-adopt",
                _ => "/stappen#next-heading",
            };
            tasks.push(OpenTask {
                kind,
                link: format!("/profielen/{}{place}", profile.id),
                text: Message::new(kind.message_id())
                    .with("location", profile.location_name.as_str())
                    .with("year", profile.school_year.as_str()),
                org: school_name.to_owned(),
            });
        }
    }
    tasks
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
        let mut dashboard =
            Dashboard { tasks: Vec::new(), platform, swvs: Vec::new(), boards: Vec::new(), schools: Vec::new() };
        let today = today();
        let this_year = year.to_string();
        // Every school the person acts for (their own, their boards'): its name, where it sits, all its profiles.
        let mut acted_for: BTreeMap<String, (String, OrgContext, Vec<ProfileSummary>)> = BTreeMap::new();
        for org in orgs {
            let Some(org_ctx) = self.db.org_context(&org).await? else {
                continue;
            };
            match org.kind {
                OrgKind::Swv => {
                    let swv = self.db.swv(&org.code).await?;
                    let view = access::view_org(actor, &org, &org_ctx)?;
                    let states = self.db.profile_states_in_swv(&view, year).await?;
                    let schools = self
                        .db
                        .schools_of_swv(&org.code)
                        .await?
                        .into_iter()
                        .map(|school| {
                            let found = states.iter().filter(|s| s.brin == school.brin).cloned().collect();
                            (school, found)
                        })
                        .collect();
                    let name = swv.and_then(|s| s.details.name);
                    dashboard.tasks.extend(self.swv_tasks(actor, &view, lang, year, today).await?);
                    dashboard.swvs.push(SwvSection {
                        schools,
                        name,
                        roles: roles_in(actor.memberships(), &org),
                        can_edit: access::edit_swv(actor, &org.code).is_ok(),
                        code: org.code,
                    });
                }
                OrgKind::Board => {
                    let board = self.db.board(&org.code).await?;
                    let mut schools = Vec::new();
                    for school in board.as_ref().map(|b| b.schools.clone()).unwrap_or_default() {
                        let profiles = self.acted_for(actor, lang, &school.brin, &mut acted_for).await?;
                        let of_year = profiles.into_iter().filter(|p| p.school_year == this_year).collect();
                        schools.push((school, of_year));
                    }
                    dashboard.boards.push(BoardSection {
                        name: board.as_ref().and_then(|b| b.name.clone()),
                        schools,
                        code: org.code,
                    });
                }
                OrgKind::School => {
                    let view = access::view_org(actor, &org, &org_ctx)?;
                    let members = self.db.members_of(&view).await?;
                    let profiles = self
                        .acted_for(actor, lang, &org.code, &mut acted_for)
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
        for (brin, (name, ctx, profiles)) in &acted_for {
            let parts = access::task_parts(actor, &OrgRef { kind: OrgKind::School, code: brin.clone() }, ctx);
            dashboard.tasks.extend(school_tasks(brin, name, parts, profiles, year, today));
        }
        // The most urgent kind first; within a kind, by organisation as listed.
        dashboard.tasks.sort_by_key(|t| t.kind);
        Ok(dashboard)
    }

    /// A school's profiles (all years), loaded once per dashboard; nothing when
    /// the person may not read them.
    async fn acted_for(
        &self,
        actor: &Actor,
        lang: Lang,
        brin: &str,
        acted_for: &mut BTreeMap<String, (String, OrgContext, Vec<ProfileSummary>)>,
    ) -> Result<Vec<ProfileSummary>> {
        if let Some((_, _, profiles)) = acted_for.get(brin) {
            return Ok(profiles.clone());
        }
        let org = OrgRef { kind: OrgKind::School, code: brin.to_owned() };
        let Some(ctx) = self.db.org_context(&org).await? else {
            return Ok(Vec::new());
        };
        let Ok(view) = access::view_org(actor, &org, &ctx) else {
            return Ok(Vec::new());
        };
        let profiles = self.db.profiles_of_school(&view).await?;
        let name = self.display_name(lang, &org).await?;
        acted_for.insert(brin.to_owned(), (name, ctx, profiles.clone()));
        Ok(profiles)
    }

    /// An SWV's tasks: remind the locations whose review is overdue (its staff
    /// and admins); publish the SWV's saved questionnaire version for this or next
    /// school year (admins).
    async fn swv_tasks(
        &self,
        actor: &Actor,
        view: &access::OrgView,
        lang: Lang,
        year: SchoolYear,
        today: Day,
    ) -> Result<Vec<OpenTask>> {
        let code = view.org().code.clone();
        let name = self.display_name(lang, view.org()).await?;
        let mut tasks = Vec::new();
        let statuses = self.db.profile_statuses(view).await?;
        let versions = versions_by_location(
            statuses
                .iter()
                .map(|s| (s.location_code.as_str(), s.school_year.as_str(), s.state, s.adopted_on.as_deref())),
        );
        let overdue = versions.values().filter(|v| review_overdue(v, today).is_some()).count();
        if overdue > 0 {
            tasks.push(OpenTask {
                kind: TaskKind::RemindOverdue,
                link: format!("/samenwerkingsverbanden/{code}/status?jaar={year}"),
                text: Message::new(TaskKind::RemindOverdue.message_id()).with("count", overdue),
                org: name.clone(),
            });
        }
        if actor.has_role(view.org(), Role::SwvAdmin) {
            for year in [year, SchoolYear::starting(year.start() + 1)] {
                let draft = self.db.template_variant(&code, year).await?.is_some_and(|r| r.published_at.is_none());
                if draft {
                    tasks.push(OpenTask {
                        kind: TaskKind::PublishTemplate,
                        link: format!("/samenwerkingsverbanden/{code}/vragenlijst/{year}"),
                        text: Message::new(TaskKind::PublishTemplate.message_id()).with("year", year.to_string()),
                        org: name.clone(),
                    });
                }
            }
        }
        Ok(tasks)
    }
}
