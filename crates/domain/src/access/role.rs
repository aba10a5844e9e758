use serde::{Deserialize, Serialize};

use crate::organisations::OrgKind;

/// A role a person holds in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    TeamMember,
    /// Intern begeleider (primary) or zorgcoördinator (secondary).
    Ib,
    Director,
    BoardMember,
    MrMember,
    SwvStaff,
    SwvAdmin,
    PlatformAdmin,
    /// Writes and publishes practice examples and FAQ items for the knowledge
    /// platform; held at the platform (all of it) or at an SWV (its own region).
    Editor,
    /// Answers questions at the question desk; held at the platform.
    Expert,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::TeamMember,
        Role::Ib,
        Role::Director,
        Role::BoardMember,
        Role::MrMember,
        Role::SwvStaff,
        Role::SwvAdmin,
        Role::PlatformAdmin,
        Role::Editor,
        Role::Expert,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::TeamMember => "team_member",
            Role::Ib => "ib",
            Role::Director => "director",
            Role::BoardMember => "board_member",
            Role::MrMember => "mr_member",
            Role::SwvStaff => "swv_staff",
            Role::SwvAdmin => "swv_admin",
            Role::PlatformAdmin => "platform_admin",
            Role::Editor => "editor",
            Role::Expert => "expert",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// The message catalogue id of the role's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::TeamMember => "role-team_member",
            Role::Ib => "role-ib",
            Role::Director => "role-director",
            Role::BoardMember => "role-board_member",
            Role::MrMember => "role-mr_member",
            Role::SwvStaff => "role-swv_staff",
            Role::SwvAdmin => "role-swv_admin",
            Role::PlatformAdmin => "role-platform_admin",
            Role::Editor => "role-editor",
            Role::Expert => "role-expert",
        }
    }

    /// Whether the role can be held in an organisation of this kind. A board
    /// member may sit at a board or, where DUO's board is not imported, at the school.
    pub fn fits(self, kind: OrgKind) -> bool {
        match self {
            Role::TeamMember | Role::Ib | Role::Director | Role::MrMember => kind == OrgKind::School,
            Role::BoardMember => matches!(kind, OrgKind::Board | OrgKind::School),
            Role::SwvStaff | Role::SwvAdmin => kind == OrgKind::Swv,
            Role::PlatformAdmin | Role::Expert => kind == OrgKind::Platform,
            Role::Editor => matches!(kind, OrgKind::Platform | OrgKind::Swv),
        }
    }
}
