use serde_json::json;

use super::*;

fn question(kind: QuestionKind) -> GuideQuestion {
    GuideQuestion {
        key: "k".into(),
        text: "Vraag".into(),
        kind,
        options: if kind == QuestionKind::Choice { vec!["Ja".into(), "Nee".into()] } else { Vec::new() },
        goal: None,
    }
}

#[test]
fn the_default_guide_is_valid_and_asks_the_default_figures() {
    let guide = default_guide();
    assert_eq!(guide.check(), Ok(()));
    let figures: Vec<&str> = guide.figures().map(|q| q.key.as_str()).collect();
    assert_eq!(
        figures,
        [
            "opp_aantal",
            "opp_geregistreerd",
            "thuiszitters_dreigend",
            "thuiszitters_gedeeltelijk",
            "overstap_risico",
            "arrangementen",
            "naar_so",
            "uit_so"
        ]
    );
    assert_eq!(guide.ambitions.len(), 3);
    assert_eq!(guide.goal("1.2").map(|(a, _)| a.key.as_str()), Some("a1"));
}

#[test]
fn a_guide_with_duplicate_keys_or_unknown_goals_is_refused() {
    let mut guide = default_guide();
    let first = guide.sections[0].questions[0].clone();
    guide.sections[1].questions.push(first);
    guide.sections[2].questions[0].goal = Some("9.9".into());
    guide.sections[0].questions[1].kind = QuestionKind::Choice;
    let problems = guide.check().unwrap_err();
    let ids: Vec<&str> = problems.iter().map(|(_, m)| m.id).collect();
    assert!(ids.contains(&"conv-guide-key-invalid"), "{ids:?}");
    assert!(ids.contains(&"conv-guide-goal-unknown"), "{ids:?}");
    assert!(ids.contains(&"conv-guide-options-invalid"), "{ids:?}");
    assert_eq!(problems.len(), 3);
}

#[test]
fn key_figures_are_non_negative_whole_numbers() {
    let figure = question(QuestionKind::Figure);
    assert_eq!(parse_answer(&figure, &json!(12), 2026), Ok(Some(AnswerValue::Figure { count: 12, note: None })));
    assert_eq!(
        parse_answer(&figure, &json!({"count": "3", "note": "twee in groep 8"}), 2026),
        Ok(Some(AnswerValue::Figure { count: 3, note: Some("twee in groep 8".into()) }))
    );
    assert_eq!(parse_answer(&figure, &json!(-1), 2026).unwrap_err().id, "conv-figure-negative");
    assert_eq!(parse_answer(&figure, &json!(2.5), 2026).unwrap_err().id, "conv-figure-whole");
    assert_eq!(parse_answer(&figure, &json!("veel"), 2026).unwrap_err().id, "conv-figure-whole");
    assert_eq!(parse_answer(&figure, &json!({"count": "veel"}), 2026).unwrap_err().id, "conv-figure-whole");
    assert_eq!(parse_answer(&figure, &json!(MAX_FIGURE + 1), 2026).unwrap_err().id, "conv-figure-too-large");
}

#[test]
fn free_text_refuses_a_bsn_and_a_birth_date() {
    let open = question(QuestionKind::Text);
    // 111222333 passes the eleven test.
    assert_eq!(parse_answer(&open, &json!("Het gaat om 111222333"), 2026).unwrap_err().id, "pupil-data-bsn");
    assert_eq!(parse_answer(&open, &json!("geboren op 3-4-2016"), 2026).unwrap_err().id, "pupil-data-birth-date");
    // And in the note of a figure.
    let figure = question(QuestionKind::Figure);
    assert_eq!(
        parse_answer(&figure, &json!({"count": 1, "note": "geb. 12 maart 2015"}), 2026).unwrap_err().id,
        "pupil-data-birth-date"
    );
    assert_eq!(
        parse_answer(&open, &json!("Sinds 2021 werken we met groepsplannen."), 2026),
        Ok(Some(AnswerValue::Text { text: "Sinds 2021 werken we met groepsplannen.".into() }))
    );
    assert_eq!(parse_answer(&open, &json!("   "), 2026), Ok(None));
}

#[test]
fn choices_and_scales_take_only_what_the_question_offers() {
    let choice = question(QuestionKind::Choice);
    assert_eq!(parse_answer(&choice, &json!("Ja"), 2026), Ok(Some(AnswerValue::Choice { option: "Ja".into() })));
    assert_eq!(parse_answer(&choice, &json!("Misschien"), 2026).unwrap_err().id, "conv-answer-choice-invalid");
    let scale = question(QuestionKind::Scale);
    assert_eq!(parse_answer(&scale, &json!(5), 2026), Ok(Some(AnswerValue::Scale { score: 5 })));
    assert!(parse_answer(&scale, &json!(0), 2026).is_err());
    assert!(parse_answer(&scale, &json!(6), 2026).is_err());
}

#[test]
fn funds_follow_the_pupil_count() {
    let rates = FundRates { basic_cents: 15_000, extra_cents: 4_500 };
    let funds = rates.for_pupils(280);
    assert_eq!(funds.basic_cents, 280 * 15_000);
    assert_eq!(funds.extra_cents, 280 * 4_500);
    assert_eq!(euros(funds.basic_cents), "€ 42.000,00");
    assert_eq!(euros(funds.extra_cents), "€ 12.600,00");
    assert_eq!(euros(funds.total_cents()), "€ 54.600,00");
    assert!(FundRates { basic_cents: -1, extra_cents: 0 }.check().is_err());
}

#[test]
fn euro_amounts_are_read_the_dutch_way() {
    assert_eq!(parse_euros("150"), Some(15_000));
    assert_eq!(parse_euros("€ 45,50"), Some(4_550));
    assert_eq!(parse_euros("1.234,5"), Some(123_450));
    assert_eq!(parse_euros("45.5"), Some(4_550));
    assert_eq!(parse_euros("1.500"), Some(150_000));
    assert_eq!(parse_euros("veel"), None);
    assert_eq!(parse_euros(""), None);
}

#[test]
fn the_state_follows_what_happened() {
    assert_eq!(ConversationState::of(0, false, false), ConversationState::Planned);
    assert_eq!(ConversationState::of(2, false, false), ConversationState::Prepared);
    assert_eq!(ConversationState::of(2, true, false), ConversationState::Held);
    assert_eq!(ConversationState::of(0, true, true), ConversationState::Confirmed);
}

#[test]
fn an_agreement_is_overdue_only_while_open_after_its_day() {
    assert!(is_overdue(AgreementStatus::Open, Some((2026, 3, 1)), (2026, 3, 2)));
    assert!(is_overdue(AgreementStatus::InProgress, Some((2026, 3, 1)), (2026, 3, 2)));
    assert!(!is_overdue(AgreementStatus::Open, Some((2026, 3, 2)), (2026, 3, 2)));
    assert!(!is_overdue(AgreementStatus::Done, Some((2026, 3, 1)), (2026, 3, 2)));
    assert!(!is_overdue(AgreementStatus::Open, None, (2026, 3, 2)));
}

#[test]
fn the_report_hash_changes_with_its_content() {
    let content = ReportContent {
        swv_code: "PO2707".into(),
        swv_name: "SWV".into(),
        school_name: "De Regenboog".into(),
        brin: "32DD".into(),
        location_code: "32DD00".into(),
        school_year: "2026-2027".into(),
        held_on: Some("2026-10-01".into()),
        place: "School".into(),
        attendees: vec![],
        consultant: "M. de Vries".into(),
        report_author: "SWV".into(),
        sections: vec![],
        agreements: vec![],
        follow_up: vec![],
        funds: None,
        confirmed_swv: None,
        confirmed_school: None,
    };
    let hash = report_hash(&content);
    assert_eq!(hash.len(), 64);
    assert_eq!(hash, report_hash(&content.clone()));
    let changed = ReportContent { place: "Online".into(), ..content };
    assert_ne!(hash, report_hash(&changed));
}

mod access {
    use crate::access::{Actor, ConversationSide, Membership, Role, conversation_access, plan_conversations};
    use crate::organisations::{OrgContext, OrgKind, OrgRef};

    fn actor(memberships: &[(OrgKind, &str, Role)]) -> Actor {
        Actor::new(
            1,
            memberships
                .iter()
                .map(|(kind, code, role)| Membership { org: OrgRef { kind: *kind, code: (*code).into() }, role: *role })
                .collect(),
        )
    }

    fn school() -> (OrgRef, OrgContext) {
        (
            OrgRef { kind: OrgKind::School, code: "32DD".into() },
            OrgContext { swvs: vec!["PO2707".into()], board: Some("41234".into()) },
        )
    }

    #[test]
    fn the_two_sides_write_the_board_reads_others_nothing() {
        let (school, ctx) = school();
        let side = |a: &Actor, annexed| conversation_access(a, "PO2707", &school, &ctx, annexed).map(|p| p.side());
        assert_eq!(side(&actor(&[(OrgKind::Swv, "PO2707", Role::SwvStaff)]), false), Ok(ConversationSide::Swv));
        assert_eq!(side(&actor(&[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]), false), Ok(ConversationSide::Swv));
        assert_eq!(side(&actor(&[(OrgKind::School, "32DD", Role::Director)]), false), Ok(ConversationSide::School));
        assert_eq!(side(&actor(&[(OrgKind::School, "32DD", Role::Ib)]), false), Ok(ConversationSide::School));
        assert_eq!(side(&actor(&[(OrgKind::Board, "41234", Role::BoardMember)]), false), Ok(ConversationSide::Reader));
        // The MR only once the report is an annex of the profile.
        let mr = actor(&[(OrgKind::School, "32DD", Role::MrMember)]);
        assert!(side(&mr, false).is_err());
        assert_eq!(side(&mr, true), Ok(ConversationSide::Reader));
        // Another SWV's staff, a team member, a platform admin: nothing.
        assert!(side(&actor(&[(OrgKind::Swv, "PO2708", Role::SwvAdmin)]), true).is_err());
        assert!(side(&actor(&[(OrgKind::School, "32DD", Role::TeamMember)]), true).is_err());
        assert!(side(&actor(&[(OrgKind::Platform, OrgRef::PLATFORM_CODE, Role::PlatformAdmin)]), true).is_err());
        // An SWV the school is not in cannot hold a conversation with it.
        let staff = actor(&[(OrgKind::Swv, "PO2708", Role::SwvStaff)]);
        assert!(conversation_access(&staff, "PO2708", &school, &ctx, false).is_err());
    }

    #[test]
    fn only_the_swvs_own_people_plan() {
        assert!(plan_conversations(&actor(&[(OrgKind::Swv, "PO2707", Role::SwvStaff)]), "PO2707").is_ok());
        assert!(plan_conversations(&actor(&[(OrgKind::Swv, "PO2708", Role::SwvStaff)]), "PO2707").is_err());
        assert!(plan_conversations(&actor(&[(OrgKind::School, "32DD", Role::Director)]), "PO2707").is_err());
    }
}

#[test]
fn a_dutch_moment_counts_summer_time() {
    // 1 October 2026 10:00 in Amsterdam is 08:00 UTC (summer time); 1 December 09:00 UTC.
    assert_eq!(dutch_moment((2026, 10, 1), 10, 0), Some(1_790_841_600));
    assert_eq!(dutch_moment((2026, 12, 1), 10, 0), Some(1_796_115_600));
    assert_eq!(dutch_moment((2026, 2, 30), 10, 0), None);
}
