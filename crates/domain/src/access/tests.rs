use super::*;

fn school(code: &str) -> OrgRef {
    OrgRef { kind: OrgKind::School, code: code.into() }
}

fn swv(code: &str) -> OrgRef {
    OrgRef { kind: OrgKind::Swv, code: code.into() }
}

fn board(code: &str) -> OrgRef {
    OrgRef { kind: OrgKind::Board, code: code.into() }
}

fn actor(memberships: &[(OrgRef, Role)]) -> Actor {
    Actor {
        user_id: 1,
        memberships: memberships.iter().map(|(org, role)| Membership { org: org.clone(), role: *role }).collect(),
    }
}

fn in_swv(code: &str) -> OrgContext {
    OrgContext { swvs: vec![code.into()], board: Some("100".into()) }
}

#[test]
fn swv_staff_see_their_schools_but_not_others() {
    let a = actor(&[(swv("PO2707"), Role::SwvStaff)]);
    assert!(view_org(&a, &school("32DD"), &in_swv("PO2707")).is_ok());
    assert!(view_org(&a, &school("13EU"), &in_swv("PO2001")).is_err());
    assert!(view_org(&a, &swv("PO2707"), &OrgContext::default()).is_ok());
    assert!(view_org(&a, &swv("PO2001"), &OrgContext::default()).is_err());
}

#[test]
fn team_members_see_only_their_own_school() {
    let a = actor(&[(school("32DD"), Role::TeamMember)]);
    assert!(view_org(&a, &school("32DD"), &in_swv("PO2707")).is_ok());
    assert!(view_org(&a, &school("13EU"), &in_swv("PO2707")).is_err());
    assert!(view_org(&a, &swv("PO2707"), &OrgContext::default()).is_err());
}

#[test]
fn board_members_see_the_schools_of_their_board() {
    let a = actor(&[(board("100"), Role::BoardMember)]);
    assert!(view_org(&a, &school("32DD"), &in_swv("PO2707")).is_ok());
    let other = OrgContext { swvs: vec!["PO2707".into()], board: Some("200".into()) };
    assert!(view_org(&a, &school("13EU"), &other).is_err());
}

#[test]
fn the_invitation_chain_runs_platform_to_swv_to_director_to_team() {
    let platform = actor(&[(OrgRef::platform(), Role::PlatformAdmin)]);
    assert!(grant_role(&platform, &swv("PO2707"), &OrgContext::default(), Role::SwvAdmin).is_ok());

    let swv_admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    let ctx = in_swv("PO2707");
    assert!(grant_role(&swv_admin, &school("32DD"), &ctx, Role::Director).is_ok());
    assert!(grant_role(&swv_admin, &school("32DD"), &ctx, Role::BoardMember).is_ok());
    assert!(grant_role(&swv_admin, &school("32DD"), &ctx, Role::TeamMember).is_err());
    assert!(grant_role(&swv_admin, &school("13EU"), &in_swv("PO2001"), Role::Director).is_err());
    assert!(grant_role(&swv_admin, &swv("PO2707"), &OrgContext::default(), Role::PlatformAdmin).is_err());

    let director = actor(&[(school("32DD"), Role::Director)]);
    for role in [Role::TeamMember, Role::Ib, Role::MrMember, Role::Director] {
        assert!(grant_role(&director, &school("32DD"), &ctx, role).is_ok(), "{role:?}");
    }
    assert!(grant_role(&director, &school("32DD"), &ctx, Role::BoardMember).is_err());
    assert!(grant_role(&director, &school("13EU"), &ctx, Role::TeamMember).is_err());

    let team = actor(&[(school("32DD"), Role::TeamMember)]);
    assert!(invitable_roles(&team, &school("32DD"), &ctx).is_empty());
}

#[test]
fn roles_only_fit_their_kind_of_organisation() {
    let platform = actor(&[(OrgRef::platform(), Role::PlatformAdmin)]);
    assert!(grant_role(&platform, &school("32DD"), &OrgContext::default(), Role::SwvAdmin).is_err());
    assert!(grant_role(&platform, &board("100"), &OrgContext::default(), Role::BoardMember).is_ok());
}

#[test]
fn only_the_swvs_own_admin_edits_it() {
    let admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    assert!(edit_swv(&admin, "PO2707").is_ok());
    assert!(edit_swv(&admin, "PO2001").is_err());
    let staff = actor(&[(swv("PO2707"), Role::SwvStaff)]);
    assert!(edit_swv(&staff, "PO2707").is_err());
    assert!(platform_admin(&staff).is_err());
}

#[test]
fn only_the_current_swvs_admin_corrects_a_locations_swvs_and_only_its_own_kind() {
    let admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    let edit = correct_location_swvs(&admin, "04FZ00", Some("PO2707"), None).unwrap();
    assert!(edit.may_set_po() && edit.may_set_vo(), "an empty VO assignment may be filled in");
    let combined = correct_location_swvs(&admin, "20XK00", Some("PO2707"), Some("VO2708")).unwrap();
    assert!(combined.may_set_po() && !combined.may_set_vo(), "the VO SWV's assignment is the VO SWV's");
    let other = actor(&[(swv("PO2815"), Role::SwvAdmin)]);
    assert!(correct_location_swvs(&other, "04FZ00", Some("PO2707"), None).is_err());
    let staff = actor(&[(swv("PO2707"), Role::SwvStaff)]);
    assert!(correct_location_swvs(&staff, "04FZ00", Some("PO2707"), None).is_err());
    let platform = actor(&[(OrgRef::platform(), Role::PlatformAdmin)]);
    let all = correct_location_swvs(&platform, "04FZ00", None, None).unwrap();
    assert!(all.may_set_po() && all.may_set_vo());
}

#[test]
fn a_board_member_is_appointed_only_by_an_admin_of_every_swv_of_the_board() {
    let admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    let one_swv = OrgContext { swvs: vec!["PO2707".into()], board: Some("100".into()) };
    assert!(grant_role(&admin, &board("100"), &one_swv, Role::BoardMember).is_ok());
    let shared = OrgContext { swvs: vec!["PO2707".into(), "PO2815".into()], board: Some("100".into()) };
    assert!(grant_role(&admin, &board("100"), &shared, Role::BoardMember).is_err());
    let both = actor(&[(swv("PO2707"), Role::SwvAdmin), (swv("PO2815"), Role::SwvAdmin)]);
    assert!(grant_role(&both, &board("100"), &shared, Role::BoardMember).is_ok());
}

#[test]
fn directors_and_ib_coordinate_the_team_answers() {
    let school_a = school("32DD");
    for role in [Role::Director, Role::Ib] {
        let a = actor(&[(school_a.clone(), role)]);
        assert!(coordinate_profiles(&a, &school_a).is_ok(), "{role:?}");
        assert!(respond_to_profiles(&a, &school_a).is_ok(), "{role:?}");
        assert!(coordinate_profiles(&a, &school("13EU")).is_err());
    }
    let teacher = actor(&[(school_a.clone(), Role::TeamMember)]);
    assert!(coordinate_profiles(&teacher, &school_a).is_err());
    assert_eq!(respond_to_profiles(&teacher, &school_a).unwrap().user_id(), 1);
    let mr = actor(&[(school_a.clone(), Role::MrMember)]);
    assert!(respond_to_profiles(&mr, &school_a).is_err(), "the MR advises; it does not fill in");
    let swv_admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    assert!(coordinate_profiles(&swv_admin, &school_a).is_err());
}

#[test]
fn each_part_in_the_profile_cycle_comes_from_its_own_role() {
    use crate::lifecycle::StepRole;
    let ctx = in_swv("PO2707");
    let parts = |memberships: &[(OrgRef, Role)]| {
        profile_steps(&actor(memberships), &school("32DD"), &ctx).map(|p| p.roles().to_vec())
    };
    assert_eq!(parts(&[(school("32DD"), Role::Director)]), Ok(vec![StepRole::Coordinator]));
    assert_eq!(parts(&[(school("32DD"), Role::MrMember)]), Ok(vec![StepRole::Mr]));
    assert_eq!(parts(&[(board("100"), Role::BoardMember)]), Ok(vec![StepRole::Board]));
    assert_eq!(parts(&[(board("200"), Role::BoardMember)]), Err(AccessDenied), "another board");
    assert_eq!(parts(&[(school("13EU"), Role::MrMember)]), Err(AccessDenied), "another school's council");
    assert_eq!(parts(&[(school("32DD"), Role::TeamMember)]), Err(AccessDenied));
    assert_eq!(parts(&[(swv("PO2707"), Role::SwvAdmin)]), Err(AccessDenied), "the SWV reads, it does not adopt");
    assert_eq!(parts(&[(OrgRef::platform(), Role::PlatformAdmin)]), Ok(vec![StepRole::Coordinator]));
}

#[test]
fn a_school_view_narrows_only_to_that_schools_profiles() {
    let ctx = in_swv("PO2707");
    let teacher = actor(&[(school("32DD"), Role::TeamMember)]);
    let view = view_org(&teacher, &school("32DD"), &ctx).unwrap();
    let profile = view.profile(7, "32DD").expect("a profile of the viewed school");
    assert_eq!((profile.id(), profile.brin()), (7, "32DD"));
    assert_eq!(view.profile(7, "13EU"), None, "another school's profile");
    let swv_staff = actor(&[(swv("PO2707"), Role::SwvStaff)]);
    let swv_view = view_org(&swv_staff, &swv("PO2707"), &OrgContext::default()).ok();
    assert!(swv_view.is_none_or(|v| v.profile(7, "PO2707").is_none()), "an SWV view names no profile");
}

#[test]
fn task_parts_follow_the_roles_at_the_school() {
    use crate::lifecycle::Parts;
    let ctx = in_swv("PO2707");
    let parts = |memberships: &[(OrgRef, Role)]| task_parts(&actor(memberships), &school("32DD"), &ctx);
    let team = Parts { respondent: true, ..Parts::default() };
    assert_eq!(parts(&[(school("32DD"), Role::TeamMember)]), team);
    assert_eq!(parts(&[(school("32DD"), Role::Ib)]), Parts { coordinator: true, ..team });
    assert_eq!(parts(&[(school("32DD"), Role::MrMember)]), Parts { mr: true, ..Parts::default() });
    assert_eq!(parts(&[(board("100"), Role::BoardMember)]), Parts { board: true, ..Parts::default() });
    assert_eq!(parts(&[(school("13EU"), Role::Director)]), Parts::default(), "another school");
    assert_eq!(parts(&[(swv("PO2707"), Role::SwvAdmin)]), Parts::default());
    assert_eq!(
        parts(&[(school("32DD"), Role::Director), (board("100"), Role::BoardMember)]),
        Parts { coordinator: true, board: true, ..team }
    );
}

#[test]
fn only_the_schools_director_keeps_its_contact_details() {
    let director = actor(&[(school("04FZ"), Role::Director)]);
    assert_eq!(edit_location_contact(&director, &school("04FZ")).unwrap().brin(), "04FZ");
    assert!(edit_location_contact(&director, &school("20XK")).is_err(), "another school's");
    for role in [Role::Ib, Role::TeamMember, Role::MrMember, Role::BoardMember] {
        assert!(edit_location_contact(&actor(&[(school("04FZ"), role)]), &school("04FZ")).is_err(), "{role:?}");
    }
    let swv_admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    assert!(edit_location_contact(&swv_admin, &school("04FZ")).is_err());
    let platform = actor(&[(OrgRef::platform(), Role::PlatformAdmin)]);
    assert!(edit_location_contact(&platform, &school("04FZ")).is_ok());
    assert!(edit_location_contact(&platform, &swv("PO2707")).is_err(), "only a school has locations");
}

#[test]
fn the_swv_reads_only_the_scan_rounds_a_school_shares() {
    let staff = actor(&[(swv("PO2707"), Role::SwvStaff)]);
    let view = view_scans(&staff, &school("32DD"), &in_swv("PO2707")).unwrap();
    assert!(!view.all_rounds());
    assert!(view_scans(&staff, &school("13EU"), &in_swv("PO2001")).is_err());
    let team = actor(&[(school("32DD"), Role::TeamMember)]);
    assert!(view_scans(&team, &school("32DD"), &in_swv("PO2707")).unwrap().all_rounds());
    assert!(view_scans(&team, &school("13EU"), &in_swv("PO2707")).is_err());
    let board_member = actor(&[(board("100"), Role::BoardMember)]);
    assert!(view_scans(&board_member, &school("32DD"), &in_swv("PO2707")).is_err());
}

#[test]
fn editors_sit_at_the_platform_or_an_swv_and_experts_at_the_platform() {
    assert!(Role::Editor.fits(OrgKind::Platform) && Role::Editor.fits(OrgKind::Swv));
    assert!(!Role::Editor.fits(OrgKind::School));
    assert!(Role::Expert.fits(OrgKind::Platform) && !Role::Expert.fits(OrgKind::Swv));
    assert_eq!(Role::parse("editor"), Some(Role::Editor));
    assert_eq!(Role::parse("expert"), Some(Role::Expert));
}

#[test]
fn an_swv_admin_appoints_its_own_editors_but_no_experts() {
    let swv_admin = actor(&[(swv("PO2707"), Role::SwvAdmin)]);
    let none = OrgContext::default();
    assert!(grant_role(&swv_admin, &swv("PO2707"), &none, Role::Editor).is_ok());
    assert!(grant_role(&swv_admin, &swv("PO2001"), &none, Role::Editor).is_err());
    assert!(grant_role(&swv_admin, &OrgRef::platform(), &none, Role::Expert).is_err());
    let platform = actor(&[(OrgRef::platform(), Role::PlatformAdmin)]);
    assert!(grant_role(&platform, &OrgRef::platform(), &none, Role::Expert).is_ok());
    assert!(grant_role(&platform, &OrgRef::platform(), &none, Role::Editor).is_ok());
    assert!(grant_role(&platform, &school("32DD"), &in_swv("PO2707"), Role::Editor).is_err());
}

#[test]
fn editor_scope_follows_where_the_role_is_held() {
    let platform_editor = actor(&[(OrgRef::platform(), Role::Editor)]);
    let edit = edit_knowledge(&platform_editor).unwrap();
    assert!(edit.covers(None) && edit.covers(Some("PO2707")));

    let swv_editor = actor(&[(swv("PO2707"), Role::Editor)]);
    let edit = edit_knowledge(&swv_editor).unwrap();
    assert!(edit.covers(Some("PO2707")));
    assert!(!edit.covers(Some("PO2001")));
    assert!(!edit.covers(None));

    assert!(edit_knowledge(&actor(&[(swv("PO2707"), Role::SwvAdmin)])).is_err());
    assert!(edit_knowledge(&actor(&[(OrgRef::platform(), Role::Expert)])).is_err());
}

#[test]
fn only_experts_and_platform_admins_answer_questions() {
    assert!(answer_questions(&actor(&[(OrgRef::platform(), Role::Expert)])).is_ok());
    assert!(answer_questions(&actor(&[(OrgRef::platform(), Role::PlatformAdmin)])).is_ok());
    assert!(answer_questions(&actor(&[(OrgRef::platform(), Role::Editor)])).is_err());
    assert!(answer_questions(&actor(&[(swv("PO2707"), Role::SwvAdmin)])).is_err());
}

#[test]
fn platform_editors_and_experts_do_not_see_the_platforms_members() {
    let expert = actor(&[(OrgRef::platform(), Role::Expert)]);
    assert!(view_org(&expert, &OrgRef::platform(), &OrgContext::default()).is_err());
    let platform = actor(&[(OrgRef::platform(), Role::PlatformAdmin)]);
    assert!(view_org(&platform, &OrgRef::platform(), &OrgContext::default()).is_ok());
}
