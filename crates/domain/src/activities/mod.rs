//! Activities of the knowledge platform: development groups, exchange days,
//! inspiration visits and webinars, with sessions, a capacity, a sign-up
//! window and a wait list.
//!
//! The rules here are pure; storage applies the placement rule inside one
//! transaction so that two sign-ups for the last place cannot both get it.

use crate::accounts::Email;
use crate::message::{FieldProblems, Message};

/// What kind of activity it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    DevelopmentGroup,
    ExchangeDay,
    InspirationVisit,
    Webinar,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::DevelopmentGroup,
        ActivityKind::ExchangeDay,
        ActivityKind::InspirationVisit,
        ActivityKind::Webinar,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::DevelopmentGroup => "development_group",
            ActivityKind::ExchangeDay => "exchange_day",
            ActivityKind::InspirationVisit => "inspiration_visit",
            ActivityKind::Webinar => "webinar",
        }
    }

    pub fn parse(value: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// The catalogue id of the kind's name.
    pub fn message_id(self) -> &'static str {
        match self {
            ActivityKind::DevelopmentGroup => "act-kind-development_group",
            ActivityKind::ExchangeDay => "act-kind-exchange_day",
            ActivityKind::InspirationVisit => "act-kind-inspiration_visit",
            ActivityKind::Webinar => "act-kind-webinar",
        }
    }
}

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Registered,
    Waitlisted,
    Cancelled,
}

impl RegistrationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Registered => "registered",
            RegistrationStatus::Waitlisted => "waitlisted",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<RegistrationStatus> {
        [RegistrationStatus::Registered, RegistrationStatus::Waitlisted, RegistrationStatus::Cancelled]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// Whether people can sign up at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    NotYetOpen,
    Open,
    Closed,
}

/// The sign-up window: from `opens_at` up to (not including) `closes_at`, unix seconds.
pub fn window_at(opens_at: i64, closes_at: i64, now: i64) -> Window {
    if now < opens_at {
        Window::NotYetOpen
    } else if now < closes_at {
        Window::Open
    } else {
        Window::Closed
    }
}

/// A new sign-up gets a place while places are left; otherwise it joins the wait list.
pub fn placement(capacity: i64, taken: i64) -> RegistrationStatus {
    if taken < capacity { RegistrationStatus::Registered } else { RegistrationStatus::Waitlisted }
}

/// The reminder goes out two days before a session starts.
pub const REMINDER_BEFORE_SECS: i64 = 2 * 86_400;

/// Whether the reminder for a session that starts at `starts_at` is due at `now`.
pub fn reminder_due(starts_at: i64, now: i64) -> bool {
    now >= starts_at - REMINDER_BEFORE_SECS && now < starts_at
}

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 5_000;
pub const MAX_SHORT: usize = 300;
pub const MAX_NAME: usize = 200;
pub const MAX_CAPACITY: i64 = 10_000;
pub const MAX_SESSIONS: usize = 20;

/// A sign-up as typed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignUp {
    pub name: String,
    pub email: Email,
    /// The organisation's display name, when given.
    pub organisation: Option<String>,
    pub role: Option<String>,
}

fn too_long(field: &'static str, value: &str, max: usize, problems: &mut FieldProblems) {
    if value.chars().count() > max {
        problems.push((field, Message::new("act-too-long").with("max", max)));
    }
}

fn optional(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// Checks a sign-up: a name, an address mail can go to, short optional fields.
pub fn parse_sign_up(
    name: &str,
    email: &str,
    organisation: Option<&str>,
    role: Option<&str>,
) -> Result<SignUp, FieldProblems> {
    let mut problems = FieldProblems::new();
    let name = name.trim();
    if name.is_empty() {
        problems.push(("name", Message::new("act-name-missing")));
    }
    too_long("name", name, MAX_NAME, &mut problems);
    let email = match Email::parse(email) {
        Ok(email) => Some(email),
        Err(_) => {
            problems.push(("email", Message::new("act-email-invalid")));
            None
        }
    };
    let organisation = optional(organisation);
    let role = optional(role);
    too_long("organisation", organisation.as_deref().unwrap_or(""), MAX_NAME, &mut problems);
    too_long("role", role.as_deref().unwrap_or(""), MAX_NAME, &mut problems);
    match (problems.is_empty(), email) {
        (true, Some(email)) => Ok(SignUp { name: name.to_owned(), email, organisation, role }),
        _ => Err(problems),
    }
}

/// One meeting of an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInput {
    pub starts_at: i64,
    pub ends_at: i64,
    /// An address or a link for a webinar.
    pub place: String,
}

/// An activity as an organiser writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityInput {
    pub kind: ActivityKind,
    pub title: String,
    pub description: String,
    pub audience: String,
    pub criteria: String,
    pub capacity: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub free: bool,
    pub sessions: Vec<SessionInput>,
}

/// Checks an activity: lengths, a capacity, a window that opens before it
/// closes and closes no later than the first session, and sessions that end after they start.
pub fn check_activity(input: &ActivityInput) -> FieldProblems {
    let mut problems = FieldProblems::new();
    if input.title.trim().is_empty() {
        problems.push(("title", Message::new("act-title-missing")));
    }
    too_long("title", &input.title, MAX_TITLE, &mut problems);
    too_long("description", &input.description, MAX_TEXT, &mut problems);
    too_long("audience", &input.audience, MAX_SHORT, &mut problems);
    too_long("criteria", &input.criteria, MAX_TEXT, &mut problems);
    if !(1..=MAX_CAPACITY).contains(&input.capacity) {
        problems.push(("capacity", Message::new("act-capacity-range").with("max", MAX_CAPACITY)));
    }
    if input.closes_at <= input.opens_at {
        problems.push(("closes_at", Message::new("act-window-order")));
    }
    if input.sessions.is_empty() {
        problems.push(("sessions", Message::new("act-sessions-missing")));
    }
    if input.sessions.len() > MAX_SESSIONS {
        problems.push(("sessions", Message::new("act-sessions-too-many").with("max", MAX_SESSIONS)));
    }
    for session in &input.sessions {
        if session.ends_at <= session.starts_at {
            problems.push(("sessions", Message::new("act-session-order")));
            break;
        }
    }
    for session in &input.sessions {
        if session.place.chars().count() > MAX_SHORT {
            problems.push(("sessions", Message::new("act-too-long").with("max", MAX_SHORT)));
            break;
        }
    }
    if let Some(first) = input.sessions.iter().map(|s| s.starts_at).min()
        && input.closes_at > first
    {
        problems.push(("closes_at", Message::new("act-window-after-start")));
    }
    problems
}

/// `2027-01-15` and `13:30` on the Dutch wall clock as unix seconds (summer time included).
pub fn dutch_moment(date: &str, time: &str) -> Option<i64> {
    let date: jiff::civil::Date = date.trim().parse().ok()?;
    let time: jiff::civil::Time = time.trim().parse().ok()?;
    let zone = jiff::tz::TimeZone::get("Europe/Amsterdam").ok()?;
    Some(date.to_datetime(time).to_zoned(zone).ok()?.timestamp().as_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_moments_follow_summer_time() {
        assert_eq!(dutch_moment("2027-01-15", "09:00"), Some(1_800_000_000));
        assert_eq!(dutch_moment("2027-07-15", "10:00"), Some(1_800_000_000 + 181 * 86_400));
        assert_eq!(dutch_moment("15-01-2027", "09:00"), None);
        assert_eq!(dutch_moment("2027-01-15", "25:00"), None);
    }

    #[test]
    fn the_window_is_open_from_its_start_up_to_its_end() {
        assert_eq!(window_at(100, 200, 99), Window::NotYetOpen);
        assert_eq!(window_at(100, 200, 100), Window::Open);
        assert_eq!(window_at(100, 200, 199), Window::Open);
        assert_eq!(window_at(100, 200, 200), Window::Closed);
    }

    #[test]
    fn the_last_place_is_given_and_then_the_wait_list_starts() {
        assert_eq!(placement(15, 14), RegistrationStatus::Registered);
        assert_eq!(placement(15, 15), RegistrationStatus::Waitlisted);
        assert_eq!(placement(15, 16), RegistrationStatus::Waitlisted);
    }

    #[test]
    fn the_reminder_is_due_in_the_two_days_before_a_session() {
        let start = 1_000_000;
        assert!(!reminder_due(start, start - REMINDER_BEFORE_SECS - 1));
        assert!(reminder_due(start, start - REMINDER_BEFORE_SECS));
        assert!(reminder_due(start, start - 1));
        assert!(!reminder_due(start, start));
    }

    #[test]
    fn a_sign_up_needs_a_name_and_an_address() {
        let problems = parse_sign_up(" ", "geen-adres", None, None).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["name", "email"]);
        let ok = parse_sign_up(" Anne de Vries ", "Anne@Example.nl", Some(" "), Some("IB-er")).unwrap();
        assert_eq!(ok.name, "Anne de Vries");
        assert_eq!(ok.organisation, None);
        assert_eq!(ok.role.as_deref(), Some("IB-er"));
    }

    #[test]
    fn over_long_fields_are_refused() {
        let long = "a".repeat(MAX_NAME + 1);
        let problems = parse_sign_up(&long, "a@b.nl", Some(&long), None).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems.iter().all(|(_, m)| m.id == "act-too-long"));
    }

    fn activity() -> ActivityInput {
        ActivityInput {
            kind: ActivityKind::DevelopmentGroup,
            title: "Ontwikkelgroep SOP".into(),
            description: "Samen het profiel verrijken.".into(),
            audience: "po, vo en samenwerkingsverbanden".into(),
            criteria: "Bij voorkeur een SWV met een van zijn scholen".into(),
            capacity: 15,
            opens_at: 0,
            closes_at: 1_000,
            free: true,
            sessions: vec![SessionInput { starts_at: 2_000, ends_at: 9_000, place: "Utrecht".into() }],
        }
    }

    #[test]
    fn a_sound_activity_has_no_problems() {
        assert!(check_activity(&activity()).is_empty());
    }

    #[test]
    fn an_activity_needs_sessions_a_capacity_and_a_window_before_the_start() {
        let mut input = activity();
        input.capacity = 0;
        input.closes_at = 3_000;
        input.sessions[0].ends_at = 1_500;
        let fields: Vec<_> = check_activity(&input).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["capacity", "sessions", "closes_at"]);
        input.sessions.clear();
        assert!(check_activity(&input).iter().any(|(_, m)| m.id == "act-sessions-missing"));
    }
}
