//! A verdict per domain, by the rules written down in `docs/scan.md`:
//!
//! - only groups that are shown (at least five respondents) count, each with
//!   its share agreeing in the domain among answers with an opinion;
//! - *risico* when any group's share is below 50%;
//! - *aandachtspunt* when any group's share is below 70%, or when the highest
//!   and lowest group's shares lie 25 percentage points or more apart;
//! - *gaat goed* otherwise;
//! - *geen oordeel* when no shown group gave an opinion in the domain.
//!
//! Shares are compared exactly (as fractions), not after rounding.

use serde::Serialize;

use super::instrument::{ScanDomain, ScanGroup};
use super::results::ScanResults;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    GaatGoed,
    Aandachtspunt,
    Risico,
    GeenOordeel,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [Verdict::GaatGoed, Verdict::Aandachtspunt, Verdict::Risico, Verdict::GeenOordeel];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::GaatGoed => "gaat_goed",
            Verdict::Aandachtspunt => "aandachtspunt",
            Verdict::Risico => "risico",
            Verdict::GeenOordeel => "geen_oordeel",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Verdict::GaatGoed => "scan-verdict-gaat_goed",
            Verdict::Aandachtspunt => "scan-verdict-aandachtspunt",
            Verdict::Risico => "scan-verdict-risico",
            Verdict::GeenOordeel => "scan-verdict-geen_oordeel",
        }
    }
}

/// Why a domain got its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Every group agrees broadly (70% or more) and the groups agree with each other.
    BroadAgreement,
    /// A group's share is below 50%.
    GroupBelowHalf,
    /// A group's share is below 70%.
    GroupBelowSeventy,
    /// The groups' shares lie 25 points or more apart.
    GroupsDisagree,
    NoOpinions,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainVerdict {
    pub domain: ScanDomain,
    pub verdict: Verdict,
    pub reason: Reason,
    /// The group with the lowest share, when any.
    pub lowest: Option<ScanGroup>,
}

/// `a/b < c/d` for positive `b` and `d`.
fn less(a: usize, b: usize, c: usize, d: usize) -> bool {
    a * d < c * b
}

/// The verdict of every domain, in the instrument's order.
pub fn verdicts(results: &ScanResults) -> Vec<DomainVerdict> {
    ScanDomain::ALL
        .into_iter()
        .map(|domain| {
            // (group, agreeing, opinions) of every shown group with opinions here.
            let shares: Vec<(ScanGroup, usize, usize)> = results
                .shown()
                .filter_map(|g| g.domain(domain).map(|d| (g.group(), d.distribution)))
                .filter(|(_, d)| d.opinions() > 0)
                .map(|(g, d)| (g, d.agreeing(), d.opinions()))
                .collect();
            let Some(&lowest) = shares.iter().min_by(|x, y| (x.1 * y.2).cmp(&(y.1 * x.2))) else {
                return DomainVerdict {
                    domain,
                    verdict: Verdict::GeenOordeel,
                    reason: Reason::NoOpinions,
                    lowest: None,
                };
            };
            let highest = *shares.iter().max_by(|x, y| (x.1 * y.2).cmp(&(y.1 * x.2))).unwrap_or(&lowest);
            let (_, low_a, low_o) = lowest;
            let (_, high_a, high_o) = highest;
            // high/ho − low/lo ≥ 1/4  ⇔  4·(high·lo − low·ho) ≥ ho·lo
            let apart = 4 * (high_a * low_o) >= 4 * (low_a * high_o) + high_o * low_o;
            let (verdict, reason) = if less(low_a, low_o, 1, 2) {
                (Verdict::Risico, Reason::GroupBelowHalf)
            } else if less(low_a, low_o, 7, 10) {
                (Verdict::Aandachtspunt, Reason::GroupBelowSeventy)
            } else if apart {
                (Verdict::Aandachtspunt, Reason::GroupsDisagree)
            } else {
                (Verdict::GaatGoed, Reason::BroadAgreement)
            };
            DomainVerdict { domain, verdict, reason, lowest: Some(lowest.0) }
        })
        .collect()
}

/// How many schools got each verdict per domain: the SWV's view, which
/// shows no school's own results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictSpread {
    pub domain: ScanDomain,
    pub gaat_goed: usize,
    pub aandachtspunt: usize,
    pub risico: usize,
    pub geen_oordeel: usize,
}

pub fn verdict_spread(schools: &[Vec<DomainVerdict>]) -> Vec<VerdictSpread> {
    ScanDomain::ALL
        .into_iter()
        .map(|domain| {
            let mut spread = VerdictSpread { domain, gaat_goed: 0, aandachtspunt: 0, risico: 0, geen_oordeel: 0 };
            for verdict in schools.iter().filter_map(|s| s.iter().find(|v| v.domain == domain)) {
                match verdict.verdict {
                    Verdict::GaatGoed => spread.gaat_goed += 1,
                    Verdict::Aandachtspunt => spread.aandachtspunt += 1,
                    Verdict::Risico => spread.risico += 1,
                    Verdict::GeenOordeel => spread.geen_oordeel += 1,
                }
            }
            spread
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::instrument::Agreement::{self, *};
    use crate::scan::results::results;
    use crate::scan::results::tests::answer;
    use crate::scan::{INSTRUMENT_VERSION, instrument};

    fn group(g: ScanGroup, answers: &[&[(&str, Agreement)]]) -> Vec<(ScanGroup, crate::scan::ScanResponse)> {
        answers.iter().map(|a| (g, answer(a))).collect()
    }

    fn verdict_of(all: &[(ScanGroup, crate::scan::ScanResponse)], domain: ScanDomain) -> DomainVerdict {
        let statements = instrument(INSTRUMENT_VERSION).unwrap();
        let r = results(&statements, &[ScanGroup::Team, ScanGroup::Parents], all);
        verdicts(&r).into_iter().find(|v| v.domain == domain).unwrap()
    }

    /// Hand-computed: the team's "visie en beleid" has two statements.
    #[test]
    fn verdicts_follow_the_documented_thresholds() {
        let d = ScanDomain::VisieBeleid;
        // 10 answers, 8 agreeing: 80% → gaat goed.
        let good = group(
            ScanGroup::Team,
            &[
                &[("vb.t1", Eens), ("vb.t2", Eens)],
                &[("vb.t1", HelemaalEens), ("vb.t2", Eens)],
                &[("vb.t1", Eens), ("vb.t2", Oneens)],
                &[("vb.t1", Eens), ("vb.t2", Eens)],
                &[("vb.t1", Oneens), ("vb.t2", Eens), ("os.t1", WeetNiet)],
            ],
        );
        let v = verdict_of(&good, d);
        assert_eq!((v.verdict, v.reason), (Verdict::GaatGoed, Reason::BroadAgreement));
        // 7 of 10 is exactly 70%: still gaat goed; 6 of 10 is an aandachtspunt.
        let mut seventy = good.clone();
        seventy[0].1.answers.insert("vb.t1".into(), Oneens);
        assert_eq!(verdict_of(&seventy, d).verdict, Verdict::GaatGoed);
        let mut sixty = seventy.clone();
        sixty[1].1.answers.insert("vb.t1".into(), HelemaalOneens);
        let v = verdict_of(&sixty, d);
        assert_eq!((v.verdict, v.reason), (Verdict::Aandachtspunt, Reason::GroupBelowSeventy));
        // 5 of 10 is 50%: aandachtspunt; 4 of 10 a risico.
        let mut fifty = sixty.clone();
        fifty[3].1.answers.insert("vb.t1".into(), Oneens);
        assert_eq!(verdict_of(&fifty, d).verdict, Verdict::Aandachtspunt);
        let mut forty = fifty.clone();
        forty[3].1.answers.insert("vb.t2".into(), Oneens);
        let v = verdict_of(&forty, d);
        assert_eq!((v.verdict, v.reason, v.lowest), (Verdict::Risico, Reason::GroupBelowHalf, Some(ScanGroup::Team)));
        // "Weet ik niet" only: geen oordeel.
        assert_eq!(verdict_of(&good, ScanDomain::PositieOuder).verdict, Verdict::GeenOordeel);
    }

    #[test]
    fn groups_that_disagree_make_an_aandachtspunt_and_small_groups_do_not_count() {
        let d = ScanDomain::OndersteuningSchool;
        // Team: 5 of 5 agree with os.t1 (100%). Parents: 3 of 4 with an opinion (75%).
        let mut all = group(ScanGroup::Team, &[&[("os.t1", Eens)][..]; 5]);
        let parents = group(
            ScanGroup::Parents,
            &[
                &[("os.o1", Eens)],
                &[("os.o1", Eens)],
                &[("os.o1", HelemaalEens)],
                &[("os.o1", Oneens)],
                &[("os.o1", WeetNiet)],
            ],
        );
        all.extend(parents.clone());
        let v = verdict_of(&all, d);
        assert_eq!(
            (v.verdict, v.reason, v.lowest),
            (Verdict::Aandachtspunt, Reason::GroupsDisagree, Some(ScanGroup::Parents))
        );
        // With four parents their answers do not count: the team alone says gaat goed.
        let mut four = group(ScanGroup::Team, &[&[("os.t1", Eens)][..]; 5]);
        four.extend(parents[..4].iter().cloned());
        assert_eq!(verdict_of(&four, d).verdict, Verdict::GaatGoed);
    }

    #[test]
    fn the_swv_sees_how_many_schools_got_each_verdict() {
        let v = |domain, verdict| DomainVerdict { domain, verdict, reason: Reason::NoOpinions, lowest: None };
        let spread = verdict_spread(&[
            vec![v(ScanDomain::VisieBeleid, Verdict::Risico)],
            vec![v(ScanDomain::VisieBeleid, Verdict::GaatGoed)],
            vec![v(ScanDomain::VisieBeleid, Verdict::Risico)],
        ]);
        assert_eq!((spread[0].risico, spread[0].gaat_goed, spread[0].aandachtspunt), (2, 1, 0));
        assert_eq!(spread.len(), 7);
    }
}
