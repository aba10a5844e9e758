//! Closed groups (issue 15, point 6): a development group or a working group
//! whose members post messages and share files that only they see. Rules and
//! types only; who may do what is in [`crate::access`] (`group_access`), what
//! a file may be is in [`files`].

pub mod files;

use serde::{Deserialize, Serialize};

use crate::accounts::Email;
use crate::knowledge::markdown;
use crate::{FieldProblems, Message};

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const MESSAGE_MAX: usize = 5_000;

/// A member's part in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupRole {
    /// Keeps the group: invites and removes members, removes any file.
    Moderator,
    Member,
}

impl GroupRole {
    pub fn key(self) -> &'static str {
        match self {
            GroupRole::Moderator => "moderator",
            GroupRole::Member => "member",
        }
    }

    pub fn parse(raw: &str) -> Option<GroupRole> {
        [GroupRole::Moderator, GroupRole::Member].into_iter().find(|r| r.key() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            GroupRole::Moderator => "groups-role-moderator",
            GroupRole::Member => "groups-role-member",
        }
    }
}

/// How someone came to be in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberSource {
    /// Invited by e-mail (or the group's maker).
    Invited,
    /// Signed up for the activity the group belongs to.
    Activity,
}

impl MemberSource {
    pub fn key(self) -> &'static str {
        match self {
            MemberSource::Invited => "invited",
            MemberSource::Activity => "activity",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            MemberSource::Invited => "groups-source-invited",
            MemberSource::Activity => "groups-source-activity",
        }
    }
}

/// What someone writes to make a group.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GroupInput {
    pub name: String,
    pub description: String,
}

/// A checked group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub description: String,
}

fn check_text(
    problems: &mut FieldProblems,
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
    this_year: u16,
) -> String {
    crate::knowledge::checked_text(
        problems,
        field,
        value,
        (max, required, this_year),
        ("groups-field-required", "groups-field-too-long"),
    )
}

impl GroupInput {
    pub fn validate(&self, this_year: u16) -> Result<Group, FieldProblems> {
        let mut problems = FieldProblems::new();
        let name = check_text(&mut problems, "name", &self.name, NAME_MAX, true, this_year);
        let description =
            check_text(&mut problems, "description", &self.description, DESCRIPTION_MAX, false, this_year);
        if problems.is_empty() { Ok(Group { name, description }) } else { Err(problems) }
    }
}

/// A message as it is kept: Markdown without HTML, no pupil data, not empty, not too long.
pub fn check_message(body: &str, this_year: u16) -> Result<String, FieldProblems> {
    let mut problems = FieldProblems::new();
    let body = check_text(&mut problems, "body", body, MESSAGE_MAX, true, this_year);
    if problems.is_empty()
        && let Err(problem) = markdown::check(&body)
    {
        problems.push(("body", problem));
    }
    if problems.is_empty() { Ok(body) } else { Err(problems) }
}

/// The address someone is invited at, or why it is not one.
pub fn check_invitation(raw: &str) -> Result<Email, FieldProblems> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(vec![("email", Message::new("groups-field-required"))]);
    }
    Email::parse(raw).map_err(|_| vec![("email", Message::new("groups-email-invalid"))])
}

/// What who keeps a group does to one of its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberChange {
    /// Takes the member out of the group.
    Remove,
    /// Gives the member this part: hands moderation on, or takes it back.
    Become(GroupRole),
}

/// Whether `change` may be done to a member whose part is `role`, when the
/// group has `moderators` moderators: a group always keeps someone who keeps
/// it, so the last moderator can neither leave nor become a plain member.
pub fn may_change_member(role: GroupRole, change: MemberChange, moderators: usize) -> Result<(), Message> {
    let loses_a_moderator = role == GroupRole::Moderator
        && matches!(change, MemberChange::Remove | MemberChange::Become(GroupRole::Member));
    if loses_a_moderator && moderators <= 1 { Err(Message::new("groups-last-moderator")) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_moderator_stays_a_moderator() {
        use GroupRole::{Member, Moderator};
        use MemberChange::{Become, Remove};
        let refused = |role, change, moderators| may_change_member(role, change, moderators).unwrap_err().id;
        assert_eq!(refused(Moderator, Remove, 1), "groups-last-moderator");
        assert_eq!(refused(Moderator, Become(Member), 1), "groups-last-moderator");
        assert!(may_change_member(Moderator, Remove, 2).is_ok());
        assert!(may_change_member(Moderator, Become(Member), 2).is_ok());
        // Handing moderation on, or making a moderator a moderator again, never leaves the group without one.
        assert!(may_change_member(Member, Become(Moderator), 1).is_ok());
        assert!(may_change_member(Moderator, Become(Moderator), 1).is_ok());
        assert!(may_change_member(Member, Remove, 1).is_ok());
        assert!(may_change_member(Member, Become(Member), 0).is_ok());
    }

    #[test]
    fn a_group_needs_a_name_and_refuses_pupil_data() {
        let good = GroupInput { name: "  Werkgroep sbo–so ".into(), description: "Wij delen wat werkt.".into() };
        assert_eq!(good.validate(2026).unwrap().name, "Werkgroep sbo–so");
        let empty = GroupInput { name: " ".into(), description: "x".repeat(DESCRIPTION_MAX + 1) };
        let problems = empty.validate(2026).unwrap_err();
        assert_eq!(
            problems.iter().map(|(f, m)| (*f, m.id)).collect::<Vec<_>>(),
            vec![("name", "groups-field-required"), ("description", "groups-field-too-long")]
        );
        let bsn = GroupInput { name: "Groep".into(), description: "Leerling 111222333".into() };
        assert_eq!(bsn.validate(2026).unwrap_err()[0].1.id, "pupil-data-bsn");
    }

    #[test]
    fn messages_are_markdown_without_html_or_pupil_data() {
        assert_eq!(check_message("  **Welkom** bij de groep ", 2026).unwrap(), "**Welkom** bij de groep");
        assert_eq!(check_message("", 2026).unwrap_err()[0].1.id, "groups-field-required");
        assert_eq!(check_message("<script>alert(1)</script>", 2026).unwrap_err()[0].1.id, "kb-markdown-html");
        assert_eq!(check_message("Geboren op 12-03-2016", 2026).unwrap_err()[0].1.id, "pupil-data-birth-date");
        assert_eq!(check_message(&"a".repeat(MESSAGE_MAX + 1), 2026).unwrap_err()[0].1.id, "groups-field-too-long");
    }

    #[test]
    fn invitations_need_an_address() {
        assert_eq!(check_invitation(" Sanne@Example.org ").unwrap().as_str(), "sanne@example.org");
        assert_eq!(check_invitation("").unwrap_err()[0].1.id, "groups-field-required");
        assert_eq!(check_invitation("geen adres").unwrap_err()[0].1.id, "groups-email-invalid");
    }

    #[test]
    fn roles_round_trip() {
        for role in [GroupRole::Moderator, GroupRole::Member] {
            assert_eq!(GroupRole::parse(role.key()), Some(role));
        }
        assert_eq!(GroupRole::parse("admin"), None);
    }
}
