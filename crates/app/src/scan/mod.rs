//! The Scan Passend Onderwijs: a coordinator opens a round for a location and
//! school year with one link per group; team members, IB-ers, directors,
//! parents and pupils answer anonymously; the school reads results per
//! domain and group (groups below five held back by `domain::scan::results`),
//! holds them against the profile's claims and turns the claims *te toetsen*
//! into wishes for next year's profile. The SWV sees which schools ran a scan
//! and how the verdicts spread; a school's own results only when it shares them.

mod swv;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use passend_domain::access::{self, Actor, OrgView, ScanView};
use passend_domain::organisations::{Brin, OrgContext, OrgRef};
use passend_domain::questionnaire::{AnswerValue, SchoolYear};
use passend_domain::scan::{
    Claim, DomainVerdict, INSTRUMENT_VERSION, ScanGroup, ScanResults, Statement, ToTest, YearChange, claims_of,
    compare_years, parse_scan_response, results, round_statements, statements_for, to_test, verdicts,
};
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::scans::{ScanAnswered, ScanLink, ScanRound};

pub use self::swv::{SwvScanSchool, SwvScans};
use crate::accounts::secrets::random_token;
use crate::lifecycle::{MAX_NAME, MAX_WISH};
use crate::questionnaire::current_year;
use crate::{App, Error, Result};

/// A round the actor may read, with the proof its children's queries take.
pub struct LoadedScan {
    pub round: ScanRound,
    pub school: OrgRef,
    pub view: ScanView,
    pub context: OrgContext,
    /// The actor coordinates the school's profiles: opens, closes, shares, sees the links.
    pub coordinates: bool,
}

/// A round's results as every route shows them.
pub struct ScanReport {
    pub results: ScanResults,
    pub verdicts: Vec<DomainVerdict>,
    /// Last year's round of the same location, when the actor may read it.
    pub last_year: Option<(i64, String)>,
    pub compared: Vec<YearChange>,
}

/// The school's rounds and whether the actor may open one.
pub struct SchoolScans {
    pub school_name: String,
    pub locations: Vec<(String, String)>,
    pub rounds: Vec<ScanRound>,
    pub may_open: bool,
}

/// What a coordinator asks for when opening a round.
pub struct OpenScan<'a> {
    pub location_code: &'a str,
    /// `2026-2027`; the current school year when empty.
    pub school_year: &'a str,
    pub groups: &'a [String],
    pub shared_device: bool,
}

/// The profile the round is held against, and what it claims.
pub struct ProfileCheck {
    /// The profile's id and school year, when the location has one.
    pub profile: Option<(i64, String)>,
    pub claims: BTreeSet<Claim>,
    pub to_test: Vec<ToTest>,
}

/// What the person with a link sees.
pub struct ScanForm {
    pub round: ScanRound,
    pub group: ScanGroup,
    pub statements: Vec<Statement>,
    pub school_name: String,
    /// The round's school year is over: the link no longer takes answers.
    pub expired: bool,
}

/// Where the wishes made from a round went.
pub struct ScanWishes {
    pub profile_id: i64,
    pub school_year: String,
    pub count: usize,
}

/// A new 128-bit secret for a link (hex).
fn new_link_code() -> String {
    random_token()[..32].to_owned()
}

/// The link a group answers through.
pub fn form_path(link_code: &str) -> String {
    format!("/scan/{link_code}")
}

fn is_expired(round: &ScanRound) -> bool {
    SchoolYear::parse(&round.school_year).is_some_and(|y| y < current_year())
}

/// One wish line for a claim te toetsen.
pub fn wish_line(lang: Lang, school_year: &str, t: &ToTest) -> String {
    let line = to_test_line(lang, school_year, t);
    passend_domain::surveys::wish_text(&lang.t("scan-wish-prefix"), &line, MAX_WISH)
}

/// A claim te toetsen in one line: year, group, the claim and the numbers.
pub fn to_test_line(lang: Lang, school_year: &str, t: &ToTest) -> String {
    lang.t_with(
        "scan-wish",
        &[
            ("year", school_year.into()),
            ("group", lang.t(t.group.message_id()).into()),
            ("claim", lang.t(t.claim.message_id()).into()),
            ("agreeing", t.agreeing.into()),
            ("opinions", (t.agreeing + t.disagreeing).into()),
            ("statement", t.statement.as_str().into()),
        ],
    )
}

impl App {
    /// The scan view of a school: not found for an unknown BRIN, forbidden for others.
    async fn scan_view_of(&self, actor: &Actor, brin: &str) -> Result<(OrgRef, ScanView, OrgContext)> {
        let brin = Brin::parse(brin).map_err(|_| Error::NotFound)?;
        let school = OrgRef::school(&brin);
        let context = self.db.org_context(&school).await?.ok_or(Error::NotFound)?;
        let view = access::view_scans(actor, &school, &context)?;
        Ok((school, view, context))
    }

    /// The rounds of a school the actor may read (the SWV: only the shared ones).
    pub async fn scans_of_school(&self, actor: &Actor, brin: &str) -> Result<SchoolScans> {
        let (school, view, _) = self.scan_view_of(actor, brin).await?;
        let detail = self.db.school(&school.code).await?.ok_or(Error::NotFound)?;
        let coordinates = access::coordinate_profiles(actor, &school).is_ok();
        let mut rounds = self.db.scan_rounds_of_school(&view).await?;
        if !coordinates {
            rounds.iter_mut().for_each(|r| r.links.iter_mut().for_each(|l| l.link_code.clear()));
        }
        Ok(SchoolScans {
            school_name: detail.school.name,
            locations: detail.locations.into_iter().map(|l| (l.code, l.name)).collect(),
            rounds,
            may_open: coordinates,
        })
    }

    /// Opens a round with the chosen groups and the statements of the
    /// instrument and the location's SWV as they are now (coordinators).
    pub async fn open_scan(
        &self,
        actor: &Actor,
        brin: &str,
        input: &OpenScan<'_>,
    ) -> Result<Result<i64, FieldProblems>> {
        let (school, _, _) = self.scan_view_of(actor, brin).await?;
        let coordination = access::coordinate_profiles(actor, &school)?;
        let detail = self.db.school(&school.code).await?.ok_or(Error::NotFound)?;
        let mut problems = FieldProblems::new();
        let location = detail.locations.iter().find(|l| l.code == input.location_code);
        if location.is_none() {
            problems.push(("location_code", Message::new("scan-location-unknown")));
        }
        let year = match input.school_year.trim() {
            "" => Some(current_year()),
            raw => SchoolYear::parse(raw),
        };
        if year.is_none() {
            problems.push(("school_year", Message::new("scan-year-invalid")));
        }
        let mut groups: Vec<ScanGroup> = Vec::new();
        for raw in input.groups {
            match ScanGroup::parse(raw.trim()) {
                Some(g) if !groups.contains(&g) => groups.push(g),
                Some(_) => {}
                None => problems.push(("groups", Message::new("scan-group-unknown"))),
            }
        }
        if input.groups.is_empty() {
            problems.push(("groups", Message::new("scan-groups-required")));
        }
        let (Some(location), Some(year), true) = (location, year, problems.is_empty()) else {
            return Ok(Err(problems));
        };
        groups.sort();
        let mut added = Vec::new();
        for swv in [&location.swv_po, &location.swv_vo].into_iter().flatten() {
            added.extend(self.db.swv_scan_statements(swv).await?);
        }
        let statements = round_statements(INSTRUMENT_VERSION, &added).expect("the current version exists");
        let links: Vec<(ScanGroup, String)> = groups.iter().map(|g| (*g, new_link_code())).collect();
        let opened = self
            .db
            .open_scan_round(
                &coordination,
                &location.code,
                &year.to_string(),
                INSTRUMENT_VERSION,
                &statements,
                &links,
                input.shared_device,
                actor.user_id(),
            )
            .await;
        match opened {
            Ok(id) => Ok(Ok(id)),
            Err(passend_storage::StorageError::Conflict) => {
                Err(Error::Conflict(vec![("school_year", Message::new("scan-round-exists"))]))
            }
            Err(other) => Err(other.into()),
        }
    }

    /// A round the actor may read: not found for another school's or an unshared one.
    pub async fn load_scan(&self, actor: &Actor, id: i64) -> Result<LoadedScan> {
        let brin = self.db.school_of_scan_round(id).await?.ok_or(Error::NotFound)?;
        let (school, view, context) = self.scan_view_of(actor, &brin).await.map_err(|_| Error::NotFound)?;
        let mut round = self.db.scan_round(&view, id).await?.ok_or(Error::NotFound)?;
        let coordinates = access::coordinate_profiles(actor, &school).is_ok();
        if !coordinates {
            round.links.iter_mut().for_each(|l| l.link_code.clear());
        }
        Ok(LoadedScan { round, school, view, context, coordinates })
    }

    /// The results: every group shown or held back, verdicts per domain, and
    /// the comparison with last year's round of the location.
    pub async fn scan_report(&self, loaded: &LoadedScan) -> Result<ScanReport> {
        let round = &loaded.round;
        let responses = self.db.scan_responses(&loaded.view, round.id).await?;
        let results = results(&round.statements, &round.groups, &responses);
        let verdicts = verdicts(&results);
        let last_year = SchoolYear::parse(&round.school_year).map(|y| y.previous().to_string());
        let earlier = match last_year {
            Some(last) => self
                .db
                .scan_rounds_of_school(&loaded.view)
                .await?
                .into_iter()
                .find(|r| r.location_code == round.location_code && r.school_year == last),
            None => None,
        };
        let (last_year, compared) = match earlier {
            Some(earlier) => {
                let responses = self.db.scan_responses(&loaded.view, earlier.id).await?;
                let before = passend_domain::scan::results(&earlier.statements, &earlier.groups, &responses);
                (Some((earlier.id, earlier.school_year.clone())), compare_years(&results, &before))
            }
            None => (None, Vec::new()),
        };
        Ok(ScanReport { results, verdicts, last_year, compared })
    }

    /// Closes or reopens a round, sets the shared device and sharing with the SWV (coordinators).
    pub async fn set_scan(
        &self,
        actor: &Actor,
        loaded: &LoadedScan,
        closed: bool,
        shared_device: bool,
        shared_with_swv: bool,
    ) -> Result<()> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        Ok(self.db.set_scan_round(&coordination, loaded.round.id, closed, shared_device, shared_with_swv).await?)
    }

    /// The location's profile the round is held against: the one of the
    /// round's school year, else the latest before it.
    async fn profile_for_round(&self, view: &OrgView, round: &ScanRound) -> Result<Option<(i64, String)>> {
        let mut candidates: Vec<_> = self
            .db
            .profiles_of_school(view)
            .await?
            .into_iter()
            .filter(|p| p.location_code == round.location_code && p.school_year <= round.school_year)
            .map(|p| (p.id, p.school_year))
            .collect();
        candidates.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(candidates.pop())
    }

    /// The round held against the profile: the claims *te toetsen* with their numbers.
    pub async fn scan_profile_check(&self, actor: &Actor, loaded: &LoadedScan) -> Result<ProfileCheck> {
        let report = self.scan_report(loaded).await?;
        let (view, _) = self.view_org(actor, &loaded.school).await.map_err(|_| Error::NotFound)?;
        let Some((profile_id, year)) = self.profile_for_round(&view, &loaded.round).await? else {
            return Ok(ProfileCheck { profile: None, claims: BTreeSet::new(), to_test: Vec::new() });
        };
        let (profile, proof) = self.db.profile(&view, profile_id).await?.ok_or(Error::NotFound)?;
        let answers: HashMap<String, AnswerValue> = self
            .db
            .school_answers(&proof)
            .await?
            .into_iter()
            .filter_map(|a| a.value.map(|v| (a.item_key, v)))
            .collect();
        let claims = claims_of(&profile.template, &answers);
        let to_test = to_test(&report.results, &claims);
        Ok(ProfileCheck { profile: Some((profile_id, year)), claims, to_test })
    }

    /// The claims *te toetsen* of a location's latest round with its school
    /// year, for the SWV's yearly conversation: none when the location ran no
    /// scan, when the SWV's staff ask and the school shared none, or when the
    /// actor reads no scans of the school (its board, its MR).
    pub async fn te_toetsen_for_location(
        &self,
        actor: &Actor,
        brin: &str,
        location_code: &str,
    ) -> Result<Option<(String, Vec<ToTest>)>> {
        let view = match self.scan_view_of(actor, brin).await {
            Ok((_, view, _)) => view,
            Err(Error::Forbidden | Error::NotFound) => return Ok(None),
            Err(other) => return Err(other),
        };
        let rounds = self.db.scan_rounds_of_school(&view).await?;
        let Some(latest) = rounds.into_iter().find(|r| r.location_code == location_code) else {
            return Ok(None);
        };
        let loaded = self.load_scan(actor, latest.id).await?;
        let to_test = self.scan_profile_check(actor, &loaded).await?.to_test;
        Ok(Some((latest.school_year, to_test)))
    }

    /// The profile whose wish list a round's claims go to: the location's
    /// profile of the next school year, else the round year's own while it
    /// is still being written.
    async fn wish_list_for_round(&self, view: &OrgView, round: &ScanRound) -> Result<(i64, String)> {
        let next = SchoolYear::parse(&round.school_year).map(|y| SchoolYear::starting(y.start() + 1).to_string());
        let profiles = self.db.profiles_of_school(view).await?;
        let here =
            |year: &str| profiles.iter().find(|p| p.location_code == round.location_code && p.school_year == year);
        if let Some(next) = next.as_deref().and_then(here) {
            return Ok((next.id, next.school_year.clone()));
        }
        if let Some(own) = here(&round.school_year)
            && !own.state.is_adopted()
        {
            return Ok((own.id, own.school_year.clone()));
        }
        Err(Error::Conflict(vec![("picks", Message::new("survey-wishes-no-profile"))]))
    }

    /// Makes a wish of each picked claim te toetsen (`os.o1:parents`), all
    /// with one owner, on the wish list of next year's profile (coordinators).
    pub async fn wishes_from_scan(
        &self,
        actor: &Actor,
        lang: Lang,
        loaded: &LoadedScan,
        picks: &[String],
        owner: &str,
    ) -> Result<Result<ScanWishes, FieldProblems>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let check = self.scan_profile_check(actor, loaded).await?;
        let mut problems = FieldProblems::new();
        let owner = owner.split_whitespace().collect::<Vec<_>>().join(" ");
        if owner.is_empty() {
            problems.push(("owner", Message::new("wish-owner-required")));
        } else if owner.chars().count() > MAX_NAME {
            problems.push(("owner", Message::new("answer-too-long").with("max", MAX_NAME)));
        }
        if picks.is_empty() {
            problems.push(("picks", Message::new("survey-wishes-none-picked")));
        }
        let mut texts = Vec::new();
        for pick in picks {
            match check.to_test.iter().find(|t| t.pick() == pick.trim()) {
                Some(t) => {
                    let text = wish_line(lang, &loaded.round.school_year, t);
                    if !texts.contains(&text) {
                        texts.push(text);
                    }
                }
                None => problems.push(("picks", Message::new("answer-choice-invalid"))),
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let (view, _) = self.view_org(actor, &loaded.school).await?;
        let (profile_id, school_year) = self.wish_list_for_round(&view, &loaded.round).await?;
        self.db.add_wishes(&coordination, profile_id, &texts, &owner).await?;
        Ok(Ok(ScanWishes { profile_id, school_year, count: texts.len() }))
    }

    /// The round and group behind a link, with the statements the group is asked.
    pub async fn scan_form(&self, link_code: &str) -> Result<ScanForm> {
        let (round, group) = self.db.scan_link(link_code).await?.ok_or(Error::NotFound)?;
        let school = self.db.school(&round.brin).await?.ok_or(Error::NotFound)?;
        let statements = statements_for(&round.statements, group).into_iter().cloned().collect();
        Ok(ScanForm { expired: is_expired(&round), school_name: school.school.name, statements, group, round })
    }

    /// Whether this browser answered through the link already.
    pub async fn scan_answered_from(&self, link_code: &str, browser_key: &str) -> Result<bool> {
        Ok(self.db.scan_answered_from(link_code, browser_key).await?)
    }

    /// Checks and keeps an answer given through a link. A closed round or an
    /// expired link is a conflict; bad answers are field problems; nothing
    /// is kept unless all is right.
    pub async fn answer_scan(
        &self,
        link_code: &str,
        answers: &BTreeMap<String, String>,
        remarks: &BTreeMap<String, String>,
        browser_key: &str,
    ) -> Result<Result<ScanAnswered, FieldProblems>> {
        let form = self.scan_form(link_code).await?;
        if form.round.closed {
            return Err(Error::Conflict(vec![("round", Message::new("scan-closed"))]));
        }
        if form.expired {
            return Err(Error::Conflict(vec![("round", Message::new("scan-link-expired"))]));
        }
        let this_year = crate::lifecycle::today().0;
        let response = match parse_scan_response(&form.round.statements, form.group, answers, remarks, this_year) {
            Ok(response) => response,
            Err(problems) => return Ok(Err(problems)),
        };
        match self.db.answer_scan(link_code, &response, browser_key).await? {
            ScanAnswered::Closed => Err(Error::Conflict(vec![("round", Message::new("scan-closed"))])),
            other => Ok(Ok(other)),
        }
    }
}
