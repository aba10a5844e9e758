//! The yearly life cycle of a profile: concept, team review, MR advice,
//! adoption by the board, publication, review, and the next year's version.
//!
//! Which step may follow which, and who may take it, are pure rules here; the
//! storage layer applies a step only from the state the rule started from, so
//! two people taking steps at once cannot skip one.

mod content_hash;
mod day;
mod plan;
mod review;
mod safeguard;
mod step;
mod swv_reminder;
mod tasks;

pub use content_hash::content_hash;
pub use day::{Day, add_days, day_number, days_between, dutch_day, iso_day, parse_day};
pub use plan::{MilestoneKind, REMINDER_DAYS, reminders_due};
pub use review::{FOUR_YEAR_RULE_UNTIL, ReviewDue, review_due};
pub use safeguard::{Safeguard, cleared, safeguard};
pub use step::{AdviceVerdict, ProfileState, Step, StepError, StepRole, step_roles};
pub use swv_reminder::{ReminderOutcome, ReminderRecipient, SWV_REMINDER_ROLES, needs_reminder, reminder_outcome};
pub use tasks::{Parts, ProfileFacts, TaskKind, Version, profile_tasks, review_overdue};
