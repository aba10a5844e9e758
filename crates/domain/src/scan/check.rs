//! Held against the profile: where the profile claims something (a support
//! category as *standaard*, an aspect of basisondersteuning as on order) and
//! fewer than half of a shown group's respondents with an opinion agree with
//! a statement linked to it, the claim is *te toetsen*.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::instrument::{Claim, ScanDomain, ScanGroup};
use super::results::ScanResults;
use crate::questionnaire::{AnswerValue, LegalRole, Template};

/// The scale levels of a basisondersteuning item that claim it is in place.
pub const BASIS_CLAIMED: &[&str] = &["op_orde", "sterk"];
/// The level of a support category that claims it for every child who needs it.
pub const CATEGORY_CLAIMED: &str = "standaard";

/// What the profile's answers claim.
pub fn claims_of(template: &Template, answers: &HashMap<String, AnswerValue>) -> BTreeSet<Claim> {
    let mut claims = BTreeSet::new();
    for item in template.items().filter(|i| !i.hidden) {
        let Some(AnswerValue::Choice(level)) = answers.get(&item.key) else { continue };
        if let Some(category) = item.category
            && level == CATEGORY_CLAIMED
        {
            claims.insert(Claim::Category(category));
        }
        if let Some(LegalRole::Basisondersteuning(aspect)) = item.legal_role
            && item.key.starts_with("basis.")
            && BASIS_CLAIMED.contains(&level.as_str())
        {
            claims.insert(Claim::Basis(aspect));
        }
    }
    claims
}

/// A claim respondents do not recognise, with the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToTest {
    pub claim: Claim,
    pub statement_key: String,
    pub statement: String,
    pub domain: ScanDomain,
    pub group: ScanGroup,
    /// Respondents of the group.
    pub n: usize,
    pub agreeing: usize,
    pub disagreeing: usize,
    pub dont_know: usize,
    /// Share agreeing among those with an opinion, in whole percents.
    pub share_agreeing: usize,
}

impl ToTest {
    /// How a pick names it: `os.o1:parents`.
    pub fn pick(&self) -> String {
        format!("{}:{}", self.statement_key, self.group.as_str())
    }
}

/// The claims *te toetsen*, per statement and group, in the instrument's order.
pub fn to_test(results: &ScanResults, claims: &BTreeSet<Claim>) -> Vec<ToTest> {
    let mut out = Vec::new();
    for shown in results.shown() {
        for domain in shown.domains() {
            for statement in &domain.statements {
                let Some(claim) = statement.claim.filter(|c| claims.contains(c)) else { continue };
                let d = statement.distribution;
                if d.opinions() == 0 || d.agreeing() * 2 >= d.opinions() {
                    continue;
                }
                out.push(ToTest {
                    claim,
                    statement_key: statement.key.clone(),
                    statement: statement.text.clone(),
                    domain: domain.domain,
                    group: shown.group(),
                    n: shown.n(),
                    agreeing: d.agreeing(),
                    disagreeing: d.disagreeing(),
                    dont_know: d.weet_niet,
                    share_agreeing: d.share_agreeing().unwrap_or(0),
                });
            }
        }
    }
    out
}

/// A domain's share agreeing for one group in this round and last year's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearChange {
    pub domain: ScanDomain,
    pub group: ScanGroup,
    pub this_year: Option<usize>,
    pub last_year: Option<usize>,
}

/// Compares two rounds per domain and group; a group shown in neither round is left out,
/// and a group held back in one round has no share there.
pub fn compare_years(this: &ScanResults, last: &ScanResults) -> Vec<YearChange> {
    let share = |r: &ScanResults, group: ScanGroup, domain: ScanDomain| {
        r.group(group)
            .and_then(|g| g.shown())
            .and_then(|g| g.domain(domain))
            .and_then(|d| d.distribution.share_agreeing())
    };
    let mut out = Vec::new();
    for group in ScanGroup::ALL {
        for domain in ScanDomain::ALL {
            let (this_year, last_year) = (share(this, group, domain), share(last, group, domain));
            if this_year.is_some() || last_year.is_some() {
                out.push(YearChange { domain, group, this_year, last_year });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{BasisAspect, SupportCategory, default_template};
    use crate::scan::instrument::Agreement::*;
    use crate::scan::results::results;
    use crate::scan::results::tests::answer;
    use crate::scan::{INSTRUMENT_VERSION, instrument};

    fn choice(key: &str) -> AnswerValue {
        AnswerValue::Choice(key.to_owned())
    }

    #[test]
    fn the_profile_claims_standard_categories_and_basic_support_in_order() {
        let answers = HashMap::from([
            ("aanbod.dyslexie".to_owned(), choice("standaard")),
            ("aanbod.dyscalculie".to_owned(), choice("na_overleg")),
            ("basis.planmatig".to_owned(), choice("sterk")),
            ("basis.preventief".to_owned(), choice("in_ontwikkeling")),
        ]);
        let claims = claims_of(default_template(), &answers);
        assert_eq!(
            claims.into_iter().collect::<Vec<_>>(),
            [Claim::Category(SupportCategory::Dyslexie), Claim::Basis(BasisAspect::PlanmatigWerken)]
        );
    }

    /// Hand-computed: parents 1 of 5 agree on reading help (claimed), 2 of 4
    /// with an opinion on harder work (exactly half: not te toetsen), the team
    /// 1 of 5 on the cycle (not claimed).
    #[test]
    fn a_claim_fewer_than_half_recognise_is_te_toetsen() {
        let statements = instrument(INSTRUMENT_VERSION).unwrap();
        let mut all: Vec<_> = [
            [("os.o1", Eens), ("os.o2", Eens)],
            [("os.o1", Oneens), ("os.o2", Eens)],
            [("os.o1", HelemaalOneens), ("os.o2", Oneens)],
            [("os.o1", Oneens), ("os.o2", HelemaalOneens)],
            [("os.o1", Oneens), ("os.o2", WeetNiet)],
        ]
        .iter()
        .map(|a| (ScanGroup::Parents, answer(a)))
        .collect();
        all.extend((0..5).map(|i| (ScanGroup::Team, answer(&[("os.t3", if i == 0 { Eens } else { Oneens })]))));
        let r = results(&statements, &[ScanGroup::Team, ScanGroup::Parents], &all);
        let claims = BTreeSet::from([
            Claim::Category(SupportCategory::Dyslexie),
            Claim::Category(SupportCategory::MeerHoogbegaafdheid),
        ]);
        let found = to_test(&r, &claims);
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!((t.statement_key.as_str(), t.group, t.n), ("os.o1", ScanGroup::Parents, 5));
        assert_eq!((t.agreeing, t.disagreeing, t.dont_know, t.share_agreeing), (1, 4, 0, 20));
        assert_eq!(t.pick(), "os.o1:parents");
        // Four parents: held back, so nothing of theirs is te toetsen.
        let r4 = results(&statements, &[ScanGroup::Parents], &all[..4]);
        assert!(to_test(&r4, &claims).is_empty());
    }

    #[test]
    fn years_compare_only_where_a_group_was_shown() {
        let statements = instrument(INSTRUMENT_VERSION).unwrap();
        let team = |a| (0..5).map(|_| (ScanGroup::Team, answer(&[("vb.t1", a)]))).collect::<Vec<_>>();
        let this = results(&statements, &[ScanGroup::Team], &team(Eens));
        let last = results(&statements, &[ScanGroup::Team], &team(Oneens));
        let changes = compare_years(&this, &last);
        let vision = changes.iter().find(|c| c.domain == ScanDomain::VisieBeleid).unwrap();
        assert_eq!((vision.this_year, vision.last_year), (Some(100), Some(0)));
        assert!(changes.iter().all(|c| c.group == ScanGroup::Team));
    }
}
