//! Who may see and keep a closed group.
//!
//! A group's messages, files and members are seen by its members and by
//! platform admins, nobody else (a non-member learns nothing, not even that
//! the group exists). A group is kept (members invited and removed, any
//! file removed) by its moderators, platform admins and platform editors;
//! platform admins and editors (platform or SWV) make groups.

use super::{AccessDenied, Actor, Role};
use crate::groups::GroupRole;
use crate::organisations::{OrgKind, OrgRef};

/// Proof that the actor reads one group's messages, files and members, and writes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRead {
    group_id: i64,
    user_id: i64,
}

impl GroupRead {
    pub fn group_id(&self) -> i64 {
        self.group_id
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

/// Proof that the actor keeps one group: invites and removes members, removes any file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupManage {
    group_id: i64,
    user_id: i64,
}

impl GroupManage {
    pub fn group_id(&self) -> i64 {
        self.group_id
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

/// What the actor may do in one group; at least one of the two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupAccess {
    group_id: i64,
    read: Option<GroupRead>,
    manage: Option<GroupManage>,
}

impl GroupAccess {
    pub fn group_id(&self) -> i64 {
        self.group_id
    }

    pub fn read(&self) -> Option<&GroupRead> {
        self.read.as_ref()
    }

    pub fn manage(&self) -> Option<&GroupManage> {
        self.manage.as_ref()
    }

    /// May the actor remove a file that `uploader` shared? Its own, or any when keeping the group.
    pub fn may_delete_file(&self, uploader: Option<i64>) -> bool {
        self.manage.is_some() || self.read.as_ref().is_some_and(|r| uploader == Some(r.user_id))
    }
}

/// Proof that the actor makes closed groups (and becomes the new group's moderator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCreate {
    user_id: i64,
}

impl GroupCreate {
    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

fn platform_editor(actor: &Actor) -> bool {
    actor.has_role(&OrgRef::platform(), Role::Editor)
}

/// The actor's access to group `group_id`, given the part it plays there
/// (`role`, as storage read it for this actor; `None` when not a member).
pub fn group_access(actor: &Actor, group_id: i64, role: Option<GroupRole>) -> Result<GroupAccess, AccessDenied> {
    let user_id = actor.user_id();
    let reads = role.is_some() || actor.is_platform_admin();
    let keeps = role == Some(GroupRole::Moderator) || actor.is_platform_admin() || platform_editor(actor);
    if !reads && !keeps {
        return Err(AccessDenied);
    }
    Ok(GroupAccess {
        group_id,
        read: reads.then_some(GroupRead { group_id, user_id }),
        manage: keeps.then_some(GroupManage { group_id, user_id }),
    })
}

/// Platform admins and editors (at the platform or an SWV) make groups.
pub fn create_groups(actor: &Actor) -> Result<GroupCreate, AccessDenied> {
    let editor = actor.memberships().iter().any(|m| m.role == Role::Editor && m.org.kind != OrgKind::School);
    if actor.is_platform_admin() || editor { Ok(GroupCreate { user_id: actor.user_id() }) } else { Err(AccessDenied) }
}

/// Whether the actor sees every group (platform admins do; others see theirs).
pub fn sees_every_group(actor: &Actor) -> bool {
    actor.is_platform_admin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Membership;

    fn actor(roles: &[(OrgKind, &str, Role)]) -> Actor {
        Actor::new(
            7,
            roles
                .iter()
                .map(|(kind, code, role)| Membership { org: OrgRef { kind: *kind, code: (*code).into() }, role: *role })
                .collect(),
        )
    }

    #[test]
    fn members_read_moderators_keep_and_outsiders_get_nothing() {
        let teacher = actor(&[(OrgKind::School, "04FZ", Role::TeamMember)]);
        assert_eq!(group_access(&teacher, 1, None), Err(AccessDenied));
        let member = group_access(&teacher, 1, Some(GroupRole::Member)).unwrap();
        assert!(member.read().is_some() && member.manage().is_none());
        assert!(member.may_delete_file(Some(7)) && !member.may_delete_file(Some(8)));
        let moderator = group_access(&teacher, 1, Some(GroupRole::Moderator)).unwrap();
        assert!(moderator.read().is_some() && moderator.manage().is_some());
        assert!(moderator.may_delete_file(Some(8)));
    }

    #[test]
    fn platform_admins_see_all_and_platform_editors_keep_without_reading() {
        let admin = actor(&[(OrgKind::Platform, "passend", Role::PlatformAdmin)]);
        let access = group_access(&admin, 3, None).unwrap();
        assert!(access.read().is_some() && access.manage().is_some());
        let editor = actor(&[(OrgKind::Platform, "passend", Role::Editor)]);
        let access = group_access(&editor, 3, None).unwrap();
        assert!(access.read().is_none() && access.manage().is_some());
        // An SWV's admin or editor is no member of a group by that role.
        let swv = actor(&[(OrgKind::Swv, "PO2707", Role::SwvAdmin), (OrgKind::Swv, "PO2707", Role::Editor)]);
        assert_eq!(group_access(&swv, 3, None), Err(AccessDenied));
    }

    #[test]
    fn admins_and_editors_make_groups() {
        assert!(create_groups(&actor(&[(OrgKind::Platform, "passend", Role::PlatformAdmin)])).is_ok());
        assert!(create_groups(&actor(&[(OrgKind::Swv, "PO2707", Role::Editor)])).is_ok());
        assert!(create_groups(&actor(&[(OrgKind::School, "04FZ", Role::Director)])).is_err());
        assert!(create_groups(&actor(&[(OrgKind::Swv, "PO2707", Role::SwvAdmin)])).is_err());
    }
}
