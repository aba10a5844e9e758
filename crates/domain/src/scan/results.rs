//! Results per group and domain. This is the one place where a group below
//! [`MIN_RESPONDENTS`] is held back: a [`ShownGroup`] can only be made here,
//! and every route (API, page, PDF, SWV view, export, profile check) reads
//! results through [`ScanResults`], so none can show a smaller group.

use serde::Serialize;

use super::instrument::{Agreement, Claim, ScanDomain, ScanGroup, Statement};
use super::response::ScanResponse;

/// Fewer respondents than this and a group's results are not shown, so that
/// no answer can be traced to a person.
pub const MIN_RESPONDENTS: usize = 5;

/// How many chose each point of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Distribution {
    pub helemaal_oneens: usize,
    pub oneens: usize,
    pub eens: usize,
    pub helemaal_eens: usize,
    pub weet_niet: usize,
}

impl Distribution {
    fn add(&mut self, answer: Agreement) {
        match answer {
            Agreement::HelemaalOneens => self.helemaal_oneens += 1,
            Agreement::Oneens => self.oneens += 1,
            Agreement::Eens => self.eens += 1,
            Agreement::HelemaalEens => self.helemaal_eens += 1,
            Agreement::WeetNiet => self.weet_niet += 1,
        }
    }

    fn merge(&mut self, other: &Distribution) {
        self.helemaal_oneens += other.helemaal_oneens;
        self.oneens += other.oneens;
        self.eens += other.eens;
        self.helemaal_eens += other.helemaal_eens;
        self.weet_niet += other.weet_niet;
    }

    pub fn agreeing(&self) -> usize {
        self.eens + self.helemaal_eens
    }

    pub fn disagreeing(&self) -> usize {
        self.oneens + self.helemaal_oneens
    }

    /// Answers with an opinion: everything but "weet ik niet".
    pub fn opinions(&self) -> usize {
        self.agreeing() + self.disagreeing()
    }

    pub fn total(&self) -> usize {
        self.opinions() + self.weet_niet
    }

    /// The share agreeing among those with an opinion, in whole percents
    /// (rounded half up); `None` without opinions.
    pub fn share_agreeing(&self) -> Option<usize> {
        let opinions = self.opinions();
        (opinions > 0).then(|| (self.agreeing() * 200 + opinions) / (2 * opinions))
    }

    /// The counts in the scale's order, for tables.
    pub fn counts(&self) -> [(Agreement, usize); 5] {
        [
            (Agreement::HelemaalOneens, self.helemaal_oneens),
            (Agreement::Oneens, self.oneens),
            (Agreement::Eens, self.eens),
            (Agreement::HelemaalEens, self.helemaal_eens),
            (Agreement::WeetNiet, self.weet_niet),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementResult {
    pub key: String,
    pub text: String,
    pub claim: Option<Claim>,
    pub distribution: Distribution,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainResult {
    pub domain: ScanDomain,
    /// All the group's answers in the domain together.
    pub distribution: Distribution,
    pub statements: Vec<StatementResult>,
    /// The open remarks on the domain, oldest first.
    pub remarks: Vec<String>,
}

/// A group with enough respondents: only [`results`] makes one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownGroup {
    group: ScanGroup,
    n: usize,
    domains: Vec<DomainResult>,
}

impl ShownGroup {
    pub fn group(&self) -> ScanGroup {
        self.group
    }

    pub fn n(&self) -> usize {
        self.n
    }

    pub fn domains(&self) -> &[DomainResult] {
        &self.domains
    }

    pub fn domain(&self, domain: ScanDomain) -> Option<&DomainResult> {
        self.domains.iter().find(|d| d.domain == domain)
    }
}

/// One group of a round: shown, or held back with only its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum GroupResult {
    Shown(ShownGroup),
    /// Fewer than [`MIN_RESPONDENTS`]: "te weinig antwoorden om te tonen".
    Suppressed {
        group: ScanGroup,
        n: usize,
    },
}

impl GroupResult {
    pub fn group(&self) -> ScanGroup {
        match self {
            GroupResult::Shown(shown) => shown.group,
            GroupResult::Suppressed { group, .. } => *group,
        }
    }

    pub fn n(&self) -> usize {
        match self {
            GroupResult::Shown(shown) => shown.n,
            GroupResult::Suppressed { n, .. } => *n,
        }
    }

    pub fn shown(&self) -> Option<&ShownGroup> {
        match self {
            GroupResult::Shown(shown) => Some(shown),
            GroupResult::Suppressed { .. } => None,
        }
    }
}

/// A round's results: every group it asked, in the scale's order of groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanResults {
    groups: Vec<GroupResult>,
}

impl ScanResults {
    pub fn groups(&self) -> &[GroupResult] {
        &self.groups
    }

    /// The groups with enough respondents.
    pub fn shown(&self) -> impl Iterator<Item = &ShownGroup> {
        self.groups.iter().filter_map(GroupResult::shown)
    }

    pub fn group(&self, group: ScanGroup) -> Option<&GroupResult> {
        self.groups.iter().find(|g| g.group() == group)
    }
}

/// Counts a round's responses per group, domain and statement, holding back
/// every group with fewer than [`MIN_RESPONDENTS`] responses (its answers
/// and remarks are dropped here and never leave this function).
pub fn results(statements: &[Statement], asked: &[ScanGroup], responses: &[(ScanGroup, ScanResponse)]) -> ScanResults {
    let mut groups = Vec::new();
    for group in ScanGroup::ALL.into_iter().filter(|g| asked.contains(g)) {
        let of_group: Vec<&ScanResponse> = responses.iter().filter(|(g, _)| *g == group).map(|(_, r)| r).collect();
        let n = of_group.len();
        if n < MIN_RESPONDENTS {
            groups.push(GroupResult::Suppressed { group, n });
            continue;
        }
        let domains = ScanDomain::ALL
            .into_iter()
            .filter_map(|domain| {
                let asked_here: Vec<&Statement> =
                    statements.iter().filter(|s| s.domain == domain && s.asks(group)).collect();
                if asked_here.is_empty() {
                    return None;
                }
                let mut pooled = Distribution::default();
                let statements = asked_here
                    .iter()
                    .map(|s| {
                        let mut distribution = Distribution::default();
                        for answer in of_group.iter().filter_map(|r| r.answers.get(&s.key)) {
                            distribution.add(*answer);
                        }
                        pooled.merge(&distribution);
                        StatementResult { key: s.key.clone(), text: s.text.clone(), claim: s.claim, distribution }
                    })
                    .collect();
                let remarks = of_group.iter().filter_map(|r| r.remarks.get(&domain).cloned()).collect();
                Some(DomainResult { domain, distribution: pooled, statements, remarks })
            })
            .collect();
        groups.push(GroupResult::Shown(ShownGroup { group, n, domains }));
    }
    ScanResults { groups }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::scan::{INSTRUMENT_VERSION, instrument};

    pub(crate) fn answer(pairs: &[(&str, Agreement)]) -> ScanResponse {
        ScanResponse {
            answers: pairs.iter().map(|(k, a)| ((*k).to_owned(), *a)).collect(),
            remarks: BTreeMap::from([(ScanDomain::OndersteuningSchool, "Een opmerking".to_owned())]),
        }
    }

    #[test]
    fn a_group_shows_from_five_respondents_and_not_below() {
        let all = instrument(INSTRUMENT_VERSION).unwrap();
        let four: Vec<_> = (0..4).map(|_| (ScanGroup::Parents, answer(&[("os.o1", Agreement::Eens)]))).collect();
        let held = results(&all, &[ScanGroup::Parents, ScanGroup::Team], &four);
        assert_eq!(held.groups()[0], GroupResult::Suppressed { group: ScanGroup::Team, n: 0 });
        assert_eq!(held.groups()[1], GroupResult::Suppressed { group: ScanGroup::Parents, n: 4 });
        assert_eq!(held.shown().count(), 0);
        let text = serde_json::to_string(&held).unwrap();
        assert!(!text.contains("opmerking") && !text.contains("os.o1"), "nothing of the answers leaks: {text}");

        let mut five = four.clone();
        five.push((
            ScanGroup::Parents,
            answer(&[("os.o1", Agreement::HelemaalOneens), ("os.o2", Agreement::WeetNiet)]),
        ));
        let shown = results(&all, &[ScanGroup::Parents], &five);
        let parents = shown.shown().next().unwrap();
        assert_eq!(parents.n(), 5);
        let support = parents.domain(ScanDomain::OndersteuningSchool).unwrap();
        let reading = &support.statements.iter().find(|s| s.key == "os.o1").unwrap().distribution;
        assert_eq!((reading.eens, reading.helemaal_oneens, reading.opinions()), (4, 1, 5));
        assert_eq!(reading.share_agreeing(), Some(80));
        assert_eq!(support.distribution.weet_niet, 1);
        assert_eq!(support.remarks.len(), 5);
        assert!(parents.domain(ScanDomain::SamenwerkingPartners).is_some());
        assert!(parents.domain(ScanDomain::PositieLeerling).is_none(), "parents are not asked about it");
    }

    #[test]
    fn the_share_agreeing_leaves_out_dont_know_and_rounds_half_up() {
        let d = Distribution { helemaal_oneens: 1, oneens: 0, eens: 1, helemaal_eens: 0, weet_niet: 5 };
        assert_eq!(d.share_agreeing(), Some(50));
        let third = Distribution { eens: 1, oneens: 2, ..Default::default() };
        assert_eq!(third.share_agreeing(), Some(33));
        let two_thirds = Distribution { eens: 2, oneens: 1, ..Default::default() };
        assert_eq!(two_thirds.share_agreeing(), Some(67));
        assert_eq!(Distribution { weet_niet: 3, ..Default::default() }.share_agreeing(), None);
    }
}
