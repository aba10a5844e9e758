//! Who may see and add the attachments of a practice example.
//!
//! A published example's attachments are for everyone. A draft's are for who
//! may see the draft: the editors who keep it and the person who wrote it.
//! Those same people attach files (and remove them).

use super::{AccessDenied, Actor, edit_knowledge};

/// Proof that the caller reads (and, with `may_write`, changes) one example's attachments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFiles {
    example_id: i64,
    user_id: Option<i64>,
    write: bool,
}

impl ExampleFiles {
    pub fn example_id(&self) -> i64 {
        self.example_id
    }

    pub fn user_id(&self) -> Option<i64> {
        self.user_id
    }

    pub fn may_write(&self) -> bool {
        self.write
    }
}

/// Where an example stands, as storage read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleStanding<'a> {
    pub published: bool,
    /// The SWV whose editors keep it (`None`: the platform's).
    pub swv: Option<&'a str>,
    pub created_by: Option<i64>,
}

/// The caller's access to example `example_id`'s attachments (`actor` is `None` for someone not signed in).
pub fn example_files(
    actor: Option<&Actor>,
    example_id: i64,
    standing: &ExampleStanding<'_>,
) -> Result<ExampleFiles, AccessDenied> {
    let keeps = actor.is_some_and(|a| edit_knowledge(a).is_ok_and(|edit| edit.covers(standing.swv)));
    let wrote = actor.is_some_and(|a| standing.created_by == Some(a.user_id()));
    let write = keeps || wrote;
    if !write && !standing.published {
        return Err(AccessDenied);
    }
    Ok(ExampleFiles { example_id, user_id: actor.map(Actor::user_id), write })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Membership, Role};
    use crate::organisations::{OrgKind, OrgRef};

    fn actor(id: i64, kind: OrgKind, code: &str, role: Role) -> Actor {
        Actor::new(id, vec![Membership { org: OrgRef { kind, code: code.into() }, role }])
    }

    #[test]
    fn published_attachments_are_for_everyone_and_drafts_for_their_keepers() {
        let published = ExampleStanding { published: true, swv: Some("PO2707"), created_by: Some(3) };
        let draft = ExampleStanding { published: false, ..published.clone() };
        assert!(!example_files(None, 1, &published).unwrap().may_write());
        assert_eq!(example_files(None, 1, &draft), Err(AccessDenied));

        let teacher = actor(9, OrgKind::School, "04FZ", Role::TeamMember);
        assert_eq!(example_files(Some(&teacher), 1, &draft), Err(AccessDenied));
        let author = actor(3, OrgKind::School, "04FZ", Role::Ib);
        assert!(example_files(Some(&author), 1, &draft).unwrap().may_write());
        let editor = actor(4, OrgKind::Swv, "PO2707", Role::Editor);
        assert!(example_files(Some(&editor), 1, &draft).unwrap().may_write());
        let other_editor = actor(5, OrgKind::Swv, "PO2815", Role::Editor);
        assert_eq!(example_files(Some(&other_editor), 1, &draft), Err(AccessDenied));
        assert!(!example_files(Some(&other_editor), 1, &published).unwrap().may_write());
    }
}
