//! The demo's Scan Passend Onderwijs: last school year's round of the demo
//! location, closed, with enough answers from the team and from parents to
//! show every domain, three pupils (too few: held back), and parents who do
//! not recognise the reading help the profile calls standard, so that the
//! profile check has a claim *te toetsen*. Left alone when it exists.

use std::collections::BTreeMap;

use passend_domain::access::{self, Role};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::scan::{
    Agreement, INSTRUMENT_VERSION, ScanDomain, ScanGroup, ScanResponse, round_statements, statements_for,
};
use passend_storage::{Database, StorageError};

use crate::demo::{DemoTeam, actor};

/// Team answers cycle through this pattern: mostly agreeing, a few not.
const TEAM_PATTERN: [Agreement; 8] = [
    Agreement::Eens,
    Agreement::HelemaalEens,
    Agreement::Eens,
    Agreement::Oneens,
    Agreement::Eens,
    Agreement::HelemaalEens,
    Agreement::Eens,
    Agreement::WeetNiet,
];

fn team_answer(person: usize, statement: &str, index: usize) -> Agreement {
    // The team is less sure how it involves parents: an aandachtspunt.
    if statement == "po.t1" {
        return if person.is_multiple_of(2) { Agreement::Oneens } else { Agreement::Eens };
    }
    TEAM_PATTERN[(person * 3 + index) % TEAM_PATTERN.len()]
}

fn parent_answer(person: usize, statement: &str) -> Agreement {
    match statement {
        // Reading help: 2 of 6 with an opinion agree (the profile says standaard).
        "os.o1" => [
            Agreement::Eens,
            Agreement::Oneens,
            Agreement::Oneens,
            Agreement::HelemaalOneens,
            Agreement::Eens,
            Agreement::Oneens,
            Agreement::WeetNiet,
        ][person % 7],
        "po.o1" | "po.o2" => {
            if person % 4 == 3 {
                Agreement::Oneens
            } else {
                Agreement::Eens
            }
        }
        _ => {
            if person % 3 == 2 {
                Agreement::Oneens
            } else {
                Agreement::HelemaalEens
            }
        }
    }
}

pub(crate) async fn seed_scan(db: &Database, brin: &str, team: &DemoTeam) -> anyhow::Result<()> {
    let school = db.school(brin).await?.ok_or_else(|| anyhow::anyhow!("demo school {brin} is missing"))?;
    let Some(location) = school.locations.first() else { return Ok(()) };
    let org = OrgRef { kind: OrgKind::School, code: brin.to_owned() };
    let coordination = access::coordinate_profiles(&actor(team.director, brin, Role::Director), &org)
        .map_err(|_| anyhow::anyhow!("demo accounts lack a role"))?;
    let year = passend_app::questionnaire::current_year().previous().to_string();
    let statements = round_statements(INSTRUMENT_VERSION, &[]).expect("the current version exists");
    let groups = [ScanGroup::Team, ScanGroup::Parents, ScanGroup::Pupils];
    let code = || passend_app::surveys::new_browser_key()[..32].to_owned();
    let links: Vec<(ScanGroup, String)> = groups.iter().map(|g| (*g, code())).collect();
    let opened = db
        .open_scan_round(
            &coordination,
            &location.code,
            &year,
            INSTRUMENT_VERSION,
            &statements,
            &links,
            false,
            team.director,
        )
        .await;
    let id = match opened {
        Ok(id) => id,
        Err(StorageError::Conflict) => return Ok(()),
        Err(other) => return Err(other.into()),
    };
    let link = |group: ScanGroup| links.iter().find(|(g, _)| *g == group).map(|(_, c)| c.clone()).unwrap_or_default();
    let answer_all = |group: ScanGroup, person: usize| {
        let answers = statements_for(&statements, group)
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let value = match group {
                    ScanGroup::Parents => parent_answer(person, &s.key),
                    ScanGroup::Pupils => Agreement::Eens,
                    _ => team_answer(person, &s.key, i),
                };
                (s.key.clone(), value)
            })
            .collect();
        ScanResponse { answers, remarks: BTreeMap::new() }
    };
    let remarks = [
        (ScanDomain::OndersteuningSchool, "Bij lezen zien we dat kinderen lang op hulp wachten."),
        (ScanDomain::PositieOuder, "We spreken ouders vaak pas als het al misgaat."),
        (ScanDomain::BekwaamhedenLeraren, "Graag scholing over gedrag in de klas."),
    ];
    for person in 0..8 {
        let mut response = answer_all(ScanGroup::Team, person);
        if let Some((domain, text)) = remarks.get(person) {
            response.remarks.insert(*domain, (*text).to_owned());
        }
        db.answer_scan(&link(ScanGroup::Team), &response, &format!("demo-team-{person}")).await?;
    }
    for person in 0..7 {
        let mut response = answer_all(ScanGroup::Parents, person);
        if person == 1 {
            response
                .remarks
                .insert(ScanDomain::OndersteuningSchool, "Mijn kind leest slecht en kreeg pas laat hulp.".to_owned());
        }
        db.answer_scan(&link(ScanGroup::Parents), &response, &format!("demo-parent-{person}")).await?;
    }
    for person in 0..3 {
        db.answer_scan(
            &link(ScanGroup::Pupils),
            &answer_all(ScanGroup::Pupils, person),
            &format!("demo-pupil-{person}"),
        )
        .await?;
    }
    db.set_scan_round(&coordination, id, true, false, false).await?;
    Ok(())
}
