//! Invitations to a planned conversation: a mail to every attendee with an
//! address, with the appointment as an iCalendar (`.ics`) file made by the
//! `icalendar` crate (ADR 0010).

use icalendar::{Calendar, Component, Event, EventLike};
use passend_domain::calendar::in_netherlands;

use super::Conversation;
use crate::{App, Result};

/// The appointment as an iCalendar document. The UID stays the same when the
/// plan changes (with a higher SEQUENCE), so calendars update the one event.
pub fn ics_for(conversation: &Conversation, swv_name: &str, link: &str) -> String {
    let starts = chrono::DateTime::from_timestamp(conversation.starts_at, 0).unwrap_or_default();
    let ends =
        chrono::DateTime::from_timestamp(conversation.starts_at + conversation.minutes * 60, 0).unwrap_or_default();
    let location = match (&conversation.place, &conversation.video_link) {
        (place, Some(video)) if !place.is_empty() => format!("{place} / {video}"),
        (_, Some(video)) => video.clone(),
        (place, None) => place.clone(),
    };
    let attendees: Vec<String> = conversation.attendees.iter().map(|a| format!("{} ({})", a.name, a.role)).collect();
    let description = format!(
        "Jaargesprek {swv_name} met {school}, locatie {location_name}.\nAanwezig: {attendees}\nConsulent: {consultant}\nVoorbereiden en gespreksverslag: {link}\nSchrijf geen namen of andere gegevens van leerlingen op.",
        school = conversation.school_name,
        location_name = conversation.location_name,
        attendees = attendees.join(", "),
        consultant = conversation.consultant,
    );
    let event = Event::new()
        .uid(&format!("gesprek-{}@passend", conversation.id))
        .summary(&format!("Jaargesprek {swv_name} – {}", conversation.location_name))
        .description(&description)
        .location(&location)
        .starts(starts)
        .ends(ends)
        .add_property("SEQUENCE", conversation.version.to_string())
        .done();
    let mut calendar = Calendar::new();
    calendar.push(event);
    calendar.done().to_string()
}

impl App {
    /// Mails every attendee with an address the invitation with its `.ics`.
    pub(super) async fn send_invitations(&self, conversation: &Conversation, changed: bool) -> Result<()> {
        let swv_name = self
            .db
            .swv(&conversation.swv_code)
            .await?
            .and_then(|s| s.details.name)
            .unwrap_or_else(|| conversation.swv_code.clone());
        let link = self.link(&format!("/gesprekken/{}", conversation.id));
        let ics = ics_for(conversation, &swv_name, &link);
        let when = in_netherlands(conversation.starts_at).map(|t| t.date_time_text()).unwrap_or_default();
        let subject = if changed {
            format!("Gewijzigd: jaargesprek {swv_name} op {when}")
        } else {
            format!("Uitnodiging: jaargesprek {swv_name} op {when}")
        };
        for attendee in &conversation.attendees {
            let Some(email) = attendee.email.as_deref() else { continue };
            let body = format!(
                "Beste {name},\n\n{swv_name} en {school} houden hun jaargesprek op {when} ({minutes} minuten), {place}.\n\nDe gespreksleidraad, de voorbereiding van de school en straks het verslag vindt u hier:\n{link}\n\nIn de bijlage staat de afspraak voor uw agenda.\nSchrijf geen namen of andere gegevens van leerlingen op.\n",
                name = attendee.name,
                school = conversation.school_name,
                minutes = conversation.minutes,
                place = conversation.video_link.as_deref().unwrap_or(&conversation.place),
            );
            self.mailer
                .send_with_file(email, &subject, &body, ("jaargesprek.ics", "text/calendar; charset=utf-8", &ics))
                .await?;
        }
        Ok(())
    }
}
