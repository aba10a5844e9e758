//! Who may see and change what.
//!
//! Every decision is a pure function of the caller's memberships and where the
//! organisation sits ([`OrgContext`]). A permitted decision returns a proof value
//! (for example [`OrgView`]) that only this module can make; repository calls
//! that touch non-public data take such a proof, so storage cannot be reached
//! without a check.

mod attachments;
mod events;
mod groups;
mod role;

pub use attachments::{ExampleFiles, ExampleStanding, example_files};
pub use events::{ActivityManage, ActivityOrganiser, NewsletterEditor, edit_newsletter, organise_activities};
pub use groups::{GroupAccess, GroupCreate, GroupManage, GroupRead, create_groups, group_access, sees_every_group};
pub use role::Role;

use serde::Serialize;
use thiserror::Error;

use crate::lifecycle::{Parts, StepRole};
use crate::organisations::{OrgContext, OrgKind, OrgRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("access denied")]
pub struct AccessDenied;

/// One of a person's roles in one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub org: OrgRef,
    pub role: Role,
}

/// The signed-in person on whose behalf a request runs. Its fields are
/// private so that no code can widen a person's memberships after loading them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    user_id: i64,
    memberships: Vec<Membership>,
}

impl Actor {
    /// The person with the memberships stored for them (the accounts use case loads them).
    pub fn new(user_id: i64, memberships: Vec<Membership>) -> Actor {
        Actor { user_id, memberships }
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    pub fn memberships(&self) -> &[Membership] {
        &self.memberships
    }

    pub fn is_platform_admin(&self) -> bool {
        self.has_role(&OrgRef::platform(), Role::PlatformAdmin)
    }

    pub fn has_role(&self, org: &OrgRef, role: Role) -> bool {
        self.memberships.iter().any(|m| &m.org == org && m.role == role)
    }

    fn is_member_of(&self, org: &OrgRef) -> bool {
        self.memberships.iter().any(|m| &m.org == org)
    }

    fn has_role_in_any_swv(&self, swvs: &[String], roles: &[Role]) -> bool {
        self.memberships
            .iter()
            .any(|m| m.org.kind == OrgKind::Swv && roles.contains(&m.role) && swvs.contains(&m.org.code))
    }

    fn is_board_member_of(&self, board: Option<&String>) -> bool {
        board.is_some_and(|board| {
            self.memberships
                .iter()
                .any(|m| m.org.kind == OrgKind::Board && &m.org.code == board && m.role == Role::BoardMember)
        })
    }
}

/// Proof that the actor may read the non-public data of `org`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgView {
    org: OrgRef,
}

impl OrgView {
    pub fn org(&self) -> &OrgRef {
        &self.org
    }

    /// Narrows the view of a school to one of its profiles. Storage calls this
    /// after loading the profile scoped to this school (`brin` is what it read),
    /// so the proof cannot name another school's profile.
    pub fn profile(&self, id: i64, brin: &str) -> Option<ProfileView> {
        (self.org.kind == OrgKind::School && self.org.code == brin).then(|| ProfileView { id, brin: brin.to_owned() })
    }
}

/// Proof that the actor may read one profile: its id and the school it
/// belongs to. Queries on a profile's children (answers, steps, planning,
/// surveys) take this instead of joining the profile again by BRIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileView {
    id: i64,
    brin: String,
}

impl ProfileView {
    pub fn id(&self) -> i64 {
        self.id
    }

    pub fn brin(&self) -> &str {
        &self.brin
    }
}

/// Proof that the actor may give (or take away) `role` in `org`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleGrant {
    org: OrgRef,
    role: Role,
}

impl RoleGrant {
    pub fn org(&self) -> &OrgRef {
        &self.org
    }

    pub fn role(&self) -> Role {
        self.role
    }
}

/// Proof that the actor may edit an SWV's own details (name, contact, steunpunt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwvEdit {
    code: String,
}

impl SwvEdit {
    pub fn code(&self) -> &str {
        &self.code
    }
}

/// Proof that the actor may change the contact details (phone, e-mail,
/// website) of the locations of one school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationContactEdit {
    brin: String,
}

impl LocationContactEdit {
    pub fn brin(&self) -> &str {
        &self.brin
    }
}

/// Proof that the actor may correct which SWVs a location belongs to, per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationSwvEdit {
    location: String,
    po: bool,
    vo: bool,
}

impl LocationSwvEdit {
    pub fn location(&self) -> &str {
        &self.location
    }

    /// May the primary (PO) SWV be changed?
    pub fn may_set_po(&self) -> bool {
        self.po
    }

    /// May the secondary (VO) SWV be changed?
    pub fn may_set_vo(&self) -> bool {
        self.vo
    }
}

/// Proof that the actor coordinates the profiles of a school: starts them, opens
/// them to the team and sets the school's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileCoordination {
    brin: String,
}

impl ProfileCoordination {
    pub fn brin(&self) -> &str {
        &self.brin
    }
}

/// Proof of the parts the actor plays in a school's profile cycle (see
/// [`crate::lifecycle::StepRole`]); only made when there is at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSteps {
    brin: String,
    roles: Vec<StepRole>,
}

impl ProfileSteps {
    pub fn brin(&self) -> &str {
        &self.brin
    }

    pub fn roles(&self) -> &[StepRole] {
        &self.roles
    }
}

/// Proof that the actor answers a school's questionnaire as a respondent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRespondent {
    brin: String,
    user_id: i64,
}

impl ProfileRespondent {
    pub fn brin(&self) -> &str {
        &self.brin
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

/// Where an editor may write and publish knowledge items (practice examples,
/// FAQ items): the whole platform, or the regions of some SWVs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorScope {
    Platform,
    Swvs(Vec<String>),
}

/// Proof that the actor edits knowledge items, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeEdit {
    user_id: i64,
    scope: EditorScope,
}

impl KnowledgeEdit {
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    pub fn scope(&self) -> &EditorScope {
        &self.scope
    }

    /// May this editor handle an item that comes from (or is kept by) `swv`?
    /// Items without an SWV belong to the platform's editors.
    pub fn covers(&self, swv: Option<&str>) -> bool {
        match (&self.scope, swv) {
            (EditorScope::Platform, _) => true,
            (EditorScope::Swvs(codes), Some(swv)) => codes.iter().any(|c| c == swv),
            (EditorScope::Swvs(_), None) => false,
        }
    }
}

/// Proof that the actor answers questions at the question desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionDesk {
    user_id: i64,
}

impl QuestionDesk {
    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

/// Editors write and publish knowledge items: at the platform for all of them
/// (a platform admin too), at an SWV for that SWV's own.
pub fn edit_knowledge(actor: &Actor) -> Result<KnowledgeEdit, AccessDenied> {
    let user_id = actor.user_id;
    if actor.is_platform_admin() || actor.has_role(&OrgRef::platform(), Role::Editor) {
        return Ok(KnowledgeEdit { user_id, scope: EditorScope::Platform });
    }
    let swvs: Vec<String> = actor
        .memberships
        .iter()
        .filter(|m| m.org.kind == OrgKind::Swv && m.role == Role::Editor)
        .map(|m| m.org.code.clone())
        .collect();
    if swvs.is_empty() { Err(AccessDenied) } else { Ok(KnowledgeEdit { user_id, scope: EditorScope::Swvs(swvs) }) }
}

/// The platform's experts (and its admins) see and answer the question desk's tickets.
pub fn answer_questions(actor: &Actor) -> Result<QuestionDesk, AccessDenied> {
    if actor.is_platform_admin() || actor.has_role(&OrgRef::platform(), Role::Expert) {
        Ok(QuestionDesk { user_id: actor.user_id })
    } else {
        Err(AccessDenied)
    }
}

/// Proof that the actor administers the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformAdmin(());

pub fn platform_admin(actor: &Actor) -> Result<PlatformAdmin, AccessDenied> {
    if actor.is_platform_admin() { Ok(PlatformAdmin(())) } else { Err(AccessDenied) }
}

/// May the actor read the members, invitations and dashboard of `org`?
pub fn view_org(actor: &Actor, org: &OrgRef, ctx: &OrgContext) -> Result<OrgView, AccessDenied> {
    // Editors and experts hold their role at the platform; that gives them no
    // view of the platform's members (only its admins have one).
    let allowed = actor.is_platform_admin()
        || (org.kind != OrgKind::Platform && actor.is_member_of(org))
        || match org.kind {
            OrgKind::School => {
                actor.has_role_in_any_swv(&ctx.swvs, &[Role::SwvStaff, Role::SwvAdmin])
                    || actor.is_board_member_of(ctx.board.as_ref())
            }
            OrgKind::Board => actor.has_role_in_any_swv(&ctx.swvs, &[Role::SwvStaff, Role::SwvAdmin]),
            OrgKind::Swv | OrgKind::Platform => false,
        };
    if allowed { Ok(OrgView { org: org.clone() }) } else { Err(AccessDenied) }
}

/// May the actor give `role` in `org` (by invitation) or take it away?
pub fn grant_role(actor: &Actor, org: &OrgRef, ctx: &OrgContext, role: Role) -> Result<RoleGrant, AccessDenied> {
    if invitable_roles(actor, org, ctx).contains(&role) {
        Ok(RoleGrant { org: org.clone(), role })
    } else {
        Err(AccessDenied)
    }
}

/// The roles the actor may give in `org`, in display order.
pub fn invitable_roles(actor: &Actor, org: &OrgRef, ctx: &OrgContext) -> Vec<Role> {
    let fitting = Role::ALL.into_iter().filter(|r| r.fits(org.kind));
    if actor.is_platform_admin() {
        return fitting.collect();
    }
    let swv_admin_here = match org.kind {
        OrgKind::Swv => actor.has_role(org, Role::SwvAdmin),
        OrgKind::School => actor.has_role_in_any_swv(&ctx.swvs, &[Role::SwvAdmin]),
        // A board member sees all the board's schools, also those in other
        // SWVs: only an admin of every SWV the board works in may appoint one.
        OrgKind::Board => {
            !ctx.swvs.is_empty()
                && ctx.swvs.iter().all(|swv| actor.has_role_in_any_swv(std::slice::from_ref(swv), &[Role::SwvAdmin]))
        }
        OrgKind::Platform => false,
    };
    let director_here = org.kind == OrgKind::School && actor.has_role(org, Role::Director);
    fitting
        .filter(|role| match role {
            Role::SwvStaff | Role::SwvAdmin => swv_admin_here,
            // An SWV admin appoints the SWV's own editors; platform editors
            // and experts are appointed by a platform admin (handled above).
            Role::Editor => swv_admin_here && org.kind == OrgKind::Swv,
            Role::Expert => false,
            Role::BoardMember => swv_admin_here,
            Role::Director => swv_admin_here || director_here,
            Role::TeamMember | Role::Ib | Role::MrMember => director_here,
            Role::PlatformAdmin => false,
        })
        .collect()
}

/// May the actor edit the SWV's name, contact details and steunpunt?
pub fn edit_swv(actor: &Actor, code: &str) -> Result<SwvEdit, AccessDenied> {
    let org = OrgRef { kind: OrgKind::Swv, code: code.to_owned() };
    if actor.is_platform_admin() || actor.has_role(&org, Role::SwvAdmin) {
        Ok(SwvEdit { code: code.to_owned() })
    } else {
        Err(AccessDenied)
    }
}

/// The school's director keeps how parents reach its locations (and a
/// platform admin may help).
pub fn edit_location_contact(actor: &Actor, school: &OrgRef) -> Result<LocationContactEdit, AccessDenied> {
    let allowed =
        school.kind == OrgKind::School && (actor.is_platform_admin() || actor.has_role(school, Role::Director));
    if allowed { Ok(LocationContactEdit { brin: school.code.clone() }) } else { Err(AccessDenied) }
}

/// The director and the IB-er coordinate a school's profile (and a platform admin may help).
pub fn coordinate_profiles(actor: &Actor, school: &OrgRef) -> Result<ProfileCoordination, AccessDenied> {
    let allowed = school.kind == OrgKind::School
        && (actor.is_platform_admin() || actor.has_role(school, Role::Director) || actor.has_role(school, Role::Ib));
    if allowed { Ok(ProfileCoordination { brin: school.code.clone() }) } else { Err(AccessDenied) }
}

/// The parts the actor plays in the school's profile cycle: coordinator
/// (director, IB-er, platform admin), MR member, board member (of the school's
/// board, or held at the school where DUO names no board). A platform admin
/// coordinates but neither advises nor adopts: those belong to the school's
/// own council and board.
pub fn profile_steps(actor: &Actor, school: &OrgRef, ctx: &OrgContext) -> Result<ProfileSteps, AccessDenied> {
    if school.kind != OrgKind::School {
        return Err(AccessDenied);
    }
    let mut roles = Vec::new();
    if coordinate_profiles(actor, school).is_ok() {
        roles.push(StepRole::Coordinator);
    }
    if actor.has_role(school, Role::MrMember) {
        roles.push(StepRole::Mr);
    }
    if actor.is_board_member_of(ctx.board.as_ref()) || actor.has_role(school, Role::BoardMember) {
        roles.push(StepRole::Board);
    }
    if roles.is_empty() { Err(AccessDenied) } else { Ok(ProfileSteps { brin: school.code.clone(), roles }) }
}

/// The parts the actor plays at a school, for the open tasks its dashboard
/// suggests (no proof: each task's page decides again when it is done).
pub fn task_parts(actor: &Actor, school: &OrgRef, ctx: &OrgContext) -> Parts {
    let steps = profile_steps(actor, school, ctx).map(|s| s.roles).unwrap_or_default();
    Parts {
        respondent: respond_to_profiles(actor, school).is_ok(),
        coordinator: steps.contains(&StepRole::Coordinator),
        mr: steps.contains(&StepRole::Mr),
        board: steps.contains(&StepRole::Board),
    }
}

/// The team answers the questionnaire: team members, the IB-er and the director.
pub fn respond_to_profiles(actor: &Actor, school: &OrgRef) -> Result<ProfileRespondent, AccessDenied> {
    let allowed = school.kind == OrgKind::School
        && [Role::TeamMember, Role::Ib, Role::Director].iter().any(|r| actor.has_role(school, *r));
    if allowed {
        Ok(ProfileRespondent { brin: school.code.clone(), user_id: actor.user_id })
    } else {
        Err(AccessDenied)
    }
}

/// May the actor correct the SWVs of a location? A platform admin may; an SWV
/// admin may change the assignment of its own kind where the location belongs
/// to its SWV now, and fill in the other kind where that is empty. No SWV can
/// take a school from another.
pub fn correct_location_swvs(
    actor: &Actor,
    location: &str,
    current_po: Option<&str>,
    current_vo: Option<&str>,
) -> Result<LocationSwvEdit, AccessDenied> {
    let admin_of =
        |code: Option<&str>| code.is_some_and(|c| actor.has_role_in_any_swv(&[c.to_owned()], &[Role::SwvAdmin]));
    let platform = actor.is_platform_admin();
    let (po_admin, vo_admin) = (admin_of(current_po), admin_of(current_vo));
    if !platform && !po_admin && !vo_admin {
        return Err(AccessDenied);
    }
    Ok(LocationSwvEdit {
        location: location.to_owned(),
        po: platform || po_admin || current_po.is_none(),
        vo: platform || vo_admin || current_vo.is_none(),
    })
}

/// Proof that the actor plans and follows the conversations of one SWV with
/// its schools: the SWV's staff and admins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationPlanning {
    swv: String,
}

impl ConversationPlanning {
    pub fn swv(&self) -> &str {
        &self.swv
    }
}

/// The SWV's staff and admins plan conversations, see the list and the follow-up.
pub fn plan_conversations(actor: &Actor, swv: &str) -> Result<ConversationPlanning, AccessDenied> {
    if actor.has_role_in_any_swv(&[swv.to_owned()], &[Role::SwvStaff, Role::SwvAdmin]) {
        Ok(ConversationPlanning { swv: swv.to_owned() })
    } else {
        Err(AccessDenied)
    }
}

/// Which side of the table the actor sits on in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationSide {
    Swv,
    School,
    /// Reads only: the school's board, or the MR once the report is an annex of the profile.
    Reader,
}

/// Proof that the actor may read (and, for the two sides, write) one
/// school's conversation with one SWV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationAccess {
    swv: String,
    brin: String,
    side: ConversationSide,
}

impl ConversationAccess {
    pub fn swv(&self) -> &str {
        &self.swv
    }

    pub fn brin(&self) -> &str {
        &self.brin
    }

    pub fn side(&self) -> ConversationSide {
        self.side
    }

    pub fn may_write(&self) -> bool {
        self.side != ConversationSide::Reader
    }

    /// A view of the SWV's region for the facts the conversation page shows
    /// (the norm, the region's gaps): both sides of the table read them.
    pub fn region_view(&self) -> OrgView {
        OrgView { org: OrgRef { kind: OrgKind::Swv, code: self.swv.clone() } }
    }

    /// A view of the school for its own facts (profile, specialists).
    pub fn school_view(&self) -> OrgView {
        OrgView { org: OrgRef { kind: OrgKind::School, code: self.brin.clone() } }
    }
}

/// Who takes part in a school's conversation with an SWV: the SWV's staff and
/// admins (when the school is in that SWV) and the school's director and IB-er
/// read and write; the school's board reads; the school's MR reads once the
/// school made the report an annex of its profile (`annexed`). Nobody else,
/// not even a platform admin: the conversation is between the two.
pub fn conversation_access(
    actor: &Actor,
    swv: &str,
    school: &OrgRef,
    ctx: &OrgContext,
    annexed: bool,
) -> Result<ConversationAccess, AccessDenied> {
    if school.kind != OrgKind::School {
        return Err(AccessDenied);
    }
    let swv_side = ctx.swvs.iter().any(|s| s == swv)
        && actor.has_role_in_any_swv(&[swv.to_owned()], &[Role::SwvStaff, Role::SwvAdmin]);
    let school_side = actor.has_role(school, Role::Director) || actor.has_role(school, Role::Ib);
    let reader = actor.is_board_member_of(ctx.board.as_ref()) || (annexed && actor.has_role(school, Role::MrMember));
    let side = if swv_side {
        ConversationSide::Swv
    } else if school_side {
        ConversationSide::School
    } else if reader {
        ConversationSide::Reader
    } else {
        return Err(AccessDenied);
    };
    Ok(ConversationAccess { swv: swv.to_owned(), brin: school.code.clone(), side })
}

/// Proof that the actor may read a school's scan rounds. The school's own
/// members (and a platform admin) read every round; the staff of the school's
/// SWVs read only the rounds the school shares with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanView {
    brin: String,
    all_rounds: bool,
}

impl ScanView {
    pub fn brin(&self) -> &str {
        &self.brin
    }

    /// Whether rounds the school did not share are readable too.
    pub fn all_rounds(&self) -> bool {
        self.all_rounds
    }
}

/// May the actor read the school's scan rounds, and which?
pub fn view_scans(actor: &Actor, school: &OrgRef, ctx: &OrgContext) -> Result<ScanView, AccessDenied> {
    if school.kind != OrgKind::School {
        return Err(AccessDenied);
    }
    if actor.is_platform_admin() || actor.is_member_of(school) {
        return Ok(ScanView { brin: school.code.clone(), all_rounds: true });
    }
    if actor.has_role_in_any_swv(&ctx.swvs, &[Role::SwvStaff, Role::SwvAdmin]) {
        return Ok(ScanView { brin: school.code.clone(), all_rounds: false });
    }
    Err(AccessDenied)
}

#[cfg(test)]
mod tests;
