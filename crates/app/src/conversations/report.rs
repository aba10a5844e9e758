//! The report's content from a conversation as it stands.

use passend_domain::calendar::in_netherlands;
use passend_domain::conversations::{
    AnswerPhase, Confirmation, ReportAgreement, ReportAnswer, ReportContent, ReportFunds, ReportSection, euros,
};

use super::{Agreement, Conversation, ConversationView};

fn day_of(unix: i64) -> String {
    in_netherlands(unix).map(|t| format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)).unwrap_or_default()
}

fn agreement(view: &ConversationView, a: &Agreement) -> ReportAgreement {
    ReportAgreement {
        what: a.what.clone(),
        who: a.who.clone(),
        due: a.due_on.clone(),
        goal: a.goal_key.as_deref().map(|key| match view.guide.goal(key) {
            Some((_, goal)) => format!("{} {}", goal.key, goal.title),
            None => key.to_owned(),
        }),
        status: a.status.as_str().to_owned(),
        status_note: a.status_note.clone(),
    }
}

/// The report of `view`, with the confirmations as `stored` holds them.
pub(super) fn content_of(view: &ConversationView, stored: &Conversation) -> ReportContent {
    let c = &view.conversation;
    let sections = view
        .guide
        .sections
        .iter()
        .map(|section| ReportSection {
            title: section.title.clone(),
            answers: section
                .questions
                .iter()
                .map(|q| ReportAnswer {
                    key: q.key.clone(),
                    question: q.text.clone(),
                    kind: q.kind.as_str().to_owned(),
                    prepared: view.answer(&q.key, AnswerPhase::Preparation).map(|a| a.value.display()),
                    answer: view.answer(&q.key, AnswerPhase::Conversation).map(|a| a.value.display()),
                })
                .collect(),
        })
        .collect();
    ReportContent {
        swv_code: c.swv_code.clone(),
        swv_name: view.swv_name.clone(),
        school_name: c.school_name.clone(),
        brin: c.brin.clone(),
        location_code: c.location_code.clone(),
        school_year: c.school_year.clone(),
        held_on: c.held_at.map(|_| day_of(c.starts_at)),
        place: match (&c.place, &c.video_link) {
            (place, Some(link)) if !place.is_empty() => format!("{place} / {link}"),
            (_, Some(link)) => link.clone(),
            (place, None) => place.clone(),
        },
        attendees: c.attendees.iter().map(|a| format!("{} ({})", a.name, a.role)).collect(),
        consultant: c.consultant.clone(),
        report_author: c.report_author.clone(),
        sections,
        agreements: view.agreements.iter().map(|a| agreement(view, a)).collect(),
        follow_up: view.previous_agreements.iter().map(|a| agreement(view, a)).collect(),
        funds: view.funds.map(|f| ReportFunds {
            pupils: f.pupils,
            basic: euros(f.basic_cents),
            extra: euros(f.extra_cents),
            total: euros(f.total_cents()),
        }),
        confirmed_swv: stored
            .swv_confirmed
            .as_ref()
            .map(|(name, at)| Confirmation { name: name.clone(), on: day_of(*at) }),
        confirmed_school: stored
            .school_confirmed
            .as_ref()
            .map(|(name, at)| Confirmation { name: name.clone(), on: day_of(*at) }),
    }
}
