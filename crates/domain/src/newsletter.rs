//! The newsletter: subscriptions with double opt-in, issues written in
//! Markdown, and the rule for how fast an issue goes out.

use crate::message::{FieldProblems, Message};

/// A subscriber's state. Nothing is sent to one that is not `Confirmed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriberState {
    /// Subscribed, the confirmation link not yet followed.
    Pending,
    Confirmed,
    Unsubscribed,
}

impl SubscriberState {
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriberState::Pending => "pending",
            SubscriberState::Confirmed => "confirmed",
            SubscriberState::Unsubscribed => "unsubscribed",
        }
    }

    pub fn parse(value: &str) -> Option<SubscriberState> {
        [SubscriberState::Pending, SubscriberState::Confirmed, SubscriberState::Unsubscribed]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// An issue's state: written, being sent (deliveries made, mails going out), sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueState {
    Draft,
    Sending,
    Sent,
}

impl IssueState {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueState::Draft => "draft",
            IssueState::Sending => "sending",
            IssueState::Sent => "sent",
        }
    }

    pub fn parse(value: &str) -> Option<IssueState> {
        [IssueState::Draft, IssueState::Sending, IssueState::Sent].into_iter().find(|s| s.as_str() == value)
    }

    /// Only a draft can still be changed or sent.
    pub fn editable(self) -> bool {
        self == IssueState::Draft
    }
}

pub const MAX_SUBJECT: usize = 200;
pub const MAX_BODY: usize = 50_000;

/// Checks an issue's subject and body lengths (the Markdown itself is checked where it is parsed).
pub fn check_issue(subject: &str, body: &str) -> FieldProblems {
    let mut problems = FieldProblems::new();
    if subject.trim().is_empty() {
        problems.push(("subject", Message::new("news-subject-missing")));
    } else if subject.chars().count() > MAX_SUBJECT {
        problems.push(("subject", Message::new("news-too-long").with("max", MAX_SUBJECT)));
    }
    if body.trim().is_empty() {
        problems.push(("body", Message::new("news-body-missing")));
    } else if body.chars().count() > MAX_BODY {
        problems.push(("body", Message::new("news-too-long").with("max", MAX_BODY)));
    }
    problems
}

/// How many mails one run of the sending job may queue, for a rate of
/// `per_minute` mails and a run every `every_secs` seconds (at least one).
pub fn batch_size(per_minute: u32, every_secs: u64) -> u32 {
    let per_run = u64::from(per_minute) * every_secs.max(1) / 60;
    u32::try_from(per_run.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip() {
        for s in [SubscriberState::Pending, SubscriberState::Confirmed, SubscriberState::Unsubscribed] {
            assert_eq!(SubscriberState::parse(s.as_str()), Some(s));
        }
        for s in [IssueState::Draft, IssueState::Sending, IssueState::Sent] {
            assert_eq!(IssueState::parse(s.as_str()), Some(s));
        }
        assert!(IssueState::Draft.editable());
        assert!(!IssueState::Sent.editable());
    }

    #[test]
    fn an_issue_needs_a_subject_and_a_body_within_limits() {
        assert!(check_issue("Nieuws uit het steunpunt", "Beste lezer,").is_empty());
        let fields: Vec<_> = check_issue(" ", "").into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["subject", "body"]);
        let long = "x".repeat(MAX_SUBJECT + 1);
        assert_eq!(check_issue(&long, "tekst")[0].1.id, "news-too-long");
    }

    #[test]
    fn the_batch_follows_the_rate() {
        assert_eq!(batch_size(600, 5), 50);
        assert_eq!(batch_size(60, 60), 60);
        // A slow rate still sends one per run.
        assert_eq!(batch_size(1, 5), 1);
    }
}
