//! Who may organise activities and write the newsletter.
//!
//! Platform admins (and, with the editor role, editors at the platform) organise
//! every activity and write the newsletter; an SWV's staff and admins (and its
//! editors) organise their own SWV's activities. The whole rule is
//! [`organiser_roles`], so adding a role is a one-line change.

use super::{AccessDenied, Actor, Role};
use crate::organisations::{OrgKind, OrgRef};

/// The roles that organise activities of the organisation they hold them in.
fn organiser_roles(kind: OrgKind) -> &'static [Role] {
    match kind {
        OrgKind::Platform => &[Role::PlatformAdmin, Role::Editor],
        OrgKind::Swv => &[Role::SwvStaff, Role::SwvAdmin, Role::Editor],
        _ => &[],
    }
}

/// Proof that the actor organises activities, with the owners they organise for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityOrganiser {
    owners: Vec<OrgRef>,
}

impl ActivityOrganiser {
    /// Organises for the platform: every activity.
    pub fn for_platform(&self) -> bool {
        self.owners.iter().any(|o| o.kind == OrgKind::Platform)
    }

    /// The organisations (platform or SWVs) whose activities the actor organises.
    pub fn owners(&self) -> &[OrgRef] {
        &self.owners
    }

    pub fn may_own(&self, owner: &OrgRef) -> bool {
        self.for_platform() || self.owners.contains(owner)
    }

    /// Narrows the proof to one activity that `owner` holds (storage read it).
    pub fn activity(&self, id: i64, owner: &OrgRef) -> Option<ActivityManage> {
        self.may_own(owner).then_some(ActivityManage { id })
    }
}

/// Proof that the actor manages one activity: its participants and attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityManage {
    id: i64,
}

impl ActivityManage {
    pub fn id(&self) -> i64 {
        self.id
    }
}

pub fn organise_activities(actor: &Actor) -> Result<ActivityOrganiser, AccessDenied> {
    let owners: Vec<OrgRef> = actor
        .memberships()
        .iter()
        .filter(|m| organiser_roles(m.org.kind).contains(&m.role))
        .map(|m| m.org.clone())
        .collect();
    if owners.is_empty() { Err(AccessDenied) } else { Ok(ActivityOrganiser { owners }) }
}

/// Proof that the actor writes and sends the newsletter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsletterEditor(());

pub fn edit_newsletter(actor: &Actor) -> Result<NewsletterEditor, AccessDenied> {
    let platform = OrgRef::platform();
    if organiser_roles(OrgKind::Platform).iter().any(|role| actor.has_role(&platform, *role)) {
        Ok(NewsletterEditor(()))
    } else {
        Err(AccessDenied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Membership;

    fn actor(kind: OrgKind, code: &str, role: Role) -> Actor {
        Actor::new(1, vec![Membership { org: OrgRef { kind, code: code.into() }, role }])
    }

    #[test]
    fn platform_admins_organise_everything_and_write_the_newsletter() {
        let admin = Actor::new(1, vec![Membership { org: OrgRef::platform(), role: Role::PlatformAdmin }]);
        let organiser = organise_activities(&admin).unwrap();
        assert!(organiser.activity(3, &OrgRef { kind: OrgKind::Swv, code: "PO2707".into() }).is_some());
        assert!(edit_newsletter(&admin).is_ok());
    }

    #[test]
    fn swv_staff_organise_their_own_swvs_activities_only() {
        let staff = actor(OrgKind::Swv, "PO2707", Role::SwvStaff);
        let organiser = organise_activities(&staff).unwrap();
        assert!(organiser.activity(1, &OrgRef { kind: OrgKind::Swv, code: "PO2707".into() }).is_some());
        assert!(organiser.activity(1, &OrgRef { kind: OrgKind::Swv, code: "PO2815".into() }).is_none());
        assert!(organiser.activity(1, &OrgRef::platform()).is_none());
        assert!(edit_newsletter(&staff).is_err());
    }

    #[test]
    fn school_roles_do_not_organise() {
        assert!(organise_activities(&actor(OrgKind::School, "32DD", Role::Director)).is_err());
    }
}
