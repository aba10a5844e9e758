//! An SWV's reminder to its schools: whom it goes to, when the status board
//! offers one, and what came of a reminder to one location. A reminder that reached nobody is never
//! reported as sent.

use serde::{Deserialize, Serialize};

use super::ProfileState;
use crate::access::Role;

/// The people a reminder from the SWV goes to: the school's coordinators of its profile.
pub const SWV_REMINDER_ROLES: [Role; 2] = [Role::Director, Role::Ib];

/// Someone a reminder was mailed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderRecipient {
    pub name: String,
    pub email: String,
}

/// What a reminder to one location came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderOutcome {
    /// Mailed to the recipients listed with it.
    Sent,
    /// The school has no director or IB-er in Passend: nothing was sent.
    Nobody,
    /// The location had a reminder in the last day: nothing was sent again.
    AlreadySent,
}

impl ReminderOutcome {
    pub const ALL: [ReminderOutcome; 3] =
        [ReminderOutcome::Sent, ReminderOutcome::Nobody, ReminderOutcome::AlreadySent];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderOutcome::Sent => "sent",
            ReminderOutcome::Nobody => "nobody",
            ReminderOutcome::AlreadySent => "already_sent",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == raw)
    }
}

/// What a reminder to a location with `recipients` people to mail comes to;
/// `already_today` when it had one in the last day. The caller counts the
/// reminder against the daily limit only when there is someone to mail, so a
/// school without people never uses up its one reminder a day.
pub fn reminder_outcome(recipients: usize, already_today: bool) -> ReminderOutcome {
    if recipients == 0 {
        ReminderOutcome::Nobody
    } else if already_today {
        ReminderOutcome::AlreadySent
    } else {
        ReminderOutcome::Sent
    }
}

/// Whether the status board offers a reminder to a location: its review is
/// overdue, or this year's profile is not adopted (or not started).
pub fn needs_reminder(state: Option<ProfileState>, review_overdue: bool) -> bool {
    review_overdue || !state.is_some_and(ProfileState::is_adopted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nobody_to_mail_is_never_sent() {
        assert_eq!(reminder_outcome(0, false), ReminderOutcome::Nobody);
        assert_eq!(reminder_outcome(0, true), ReminderOutcome::Nobody);
        assert_eq!(reminder_outcome(2, false), ReminderOutcome::Sent);
        assert_eq!(reminder_outcome(1, true), ReminderOutcome::AlreadySent);
    }

    #[test]
    fn outcomes_round_trip_by_name() {
        for outcome in ReminderOutcome::ALL {
            assert_eq!(ReminderOutcome::parse(outcome.as_str()), Some(outcome));
            assert_eq!(serde_json::to_value(outcome).unwrap(), outcome.as_str());
        }
        assert_eq!(ReminderOutcome::parse("verstuurd"), None);
    }

    #[test]
    fn a_reminder_is_offered_until_adoption_and_again_when_the_review_is_overdue() {
        assert!(needs_reminder(None, false));
        assert!(needs_reminder(Some(ProfileState::MrAdvised), false));
        assert!(!needs_reminder(Some(ProfileState::Published), false));
        assert!(needs_reminder(Some(ProfileState::Published), true));
    }
}
