//! The calendar file of an activity: one event per session (RFC 5545,
//! written by the `icalendar` crate), in UTC so every calendar shows local time.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use passend_storage::activities::Activity;

fn utc(unix: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(unix, 0).unwrap_or_default()
}

/// The `.ics` text for every session of `activity`; `host` makes the UIDs unique worldwide.
pub fn calendar(activity: &Activity, host: &str, stamp: i64) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&activity.title);
    for (n, session) in activity.sessions.iter().enumerate() {
        let mut description = activity.description.clone();
        if activity.sessions.len() > 1 {
            description = format!("Bijeenkomst {} van {}\n\n{description}", n + 1, activity.sessions.len());
        }
        calendar.push(
            Event::new()
                .uid(&format!("activiteit-{}-sessie-{}@{host}", activity.id, session.id))
                .timestamp(utc(stamp))
                .summary(&activity.title)
                .description(&description)
                .location(&session.place)
                .starts(utc(session.starts_at))
                .ends(utc(session.ends_at))
                .done(),
        );
    }
    calendar.done().to_string()
}

/// The host part of a public URL, for UIDs.
pub fn host_of(public_url: &str) -> &str {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    let host = rest.split(['/', '?']).next().unwrap_or(rest);
    if host.is_empty() { "passend.local" } else { host }
}

#[cfg(test)]
mod tests {
    use passend_domain::activities::ActivityKind;
    use passend_domain::organisations::OrgRef;
    use passend_storage::activities::Session;

    use super::*;

    #[test]
    fn every_session_is_an_event() {
        let activity = Activity {
            id: 7,
            owner: OrgRef::platform(),
            kind: ActivityKind::DevelopmentGroup,
            title: "Ontwikkelgroep SOP".into(),
            description: "Samen verrijken, met komma's; en puntkomma's".into(),
            audience: String::new(),
            criteria: String::new(),
            capacity: 15,
            places_taken: 0,
            waiting: 0,
            opens_at: 0,
            closes_at: 1,
            free: true,
            sessions: vec![
                Session { id: 1, starts_at: 1_800_000_000, ends_at: 1_800_007_200, place: "Utrecht".into() },
                Session { id: 2, starts_at: 1_801_000_000, ends_at: 1_801_007_200, place: "Zwolle".into() },
            ],
        };
        let text = calendar(&activity, host_of("https://passend.example/x"), 1_700_000_000);
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(text.contains("UID:activiteit-7-sessie-2@passend.example"));
        assert!(text.contains("DTSTART:20270115T080000Z"), "{text}");
        let parsed: Calendar = text.parse().unwrap();
        assert_eq!(parsed.components.len(), 2);
    }
}
