//! The instrument: seven domains, statements per respondent group, a
//! four-point agreement scale plus "weet ik niet". The statements are ours
//! (the original's wording is not public). A round keeps the statements it was
//! opened with, so a later version never changes an old round's results.

use serde::{Deserialize, Serialize};

use crate::questionnaire::{BasisAspect, SupportCategory};

/// The version of the built-in statements. Raise it when a statement changes.
pub const INSTRUMENT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanDomain {
    VisieBeleid,
    OndersteuningSchool,
    SamenwerkingPartners,
    PositieLeerling,
    PositieOuder,
    KwaliteitszorgCultuur,
    BekwaamhedenLeraren,
}

impl ScanDomain {
    pub const ALL: [ScanDomain; 7] = [
        ScanDomain::VisieBeleid,
        ScanDomain::OndersteuningSchool,
        ScanDomain::SamenwerkingPartners,
        ScanDomain::PositieLeerling,
        ScanDomain::PositieOuder,
        ScanDomain::KwaliteitszorgCultuur,
        ScanDomain::BekwaamhedenLeraren,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScanDomain::VisieBeleid => "visie_beleid",
            ScanDomain::OndersteuningSchool => "ondersteuning_school",
            ScanDomain::SamenwerkingPartners => "samenwerking_partners",
            ScanDomain::PositieLeerling => "positie_leerling",
            ScanDomain::PositieOuder => "positie_ouder",
            ScanDomain::KwaliteitszorgCultuur => "kwaliteitszorg_cultuur",
            ScanDomain::BekwaamhedenLeraren => "bekwaamheden_leraren",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == raw)
    }

    /// The catalogue id of the domain's name (`scan-domain-visie_beleid`).
    pub fn message_id(self) -> &'static str {
        match self {
            ScanDomain::VisieBeleid => "scan-domain-visie_beleid",
            ScanDomain::OndersteuningSchool => "scan-domain-ondersteuning_school",
            ScanDomain::SamenwerkingPartners => "scan-domain-samenwerking_partners",
            ScanDomain::PositieLeerling => "scan-domain-positie_leerling",
            ScanDomain::PositieOuder => "scan-domain-positie_ouder",
            ScanDomain::KwaliteitszorgCultuur => "scan-domain-kwaliteitszorg_cultuur",
            ScanDomain::BekwaamhedenLeraren => "scan-domain-bekwaamheden_leraren",
        }
    }
}

/// Who answers: three roles in the school, parents, pupils.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanGroup {
    Team,
    Ib,
    Director,
    Parents,
    Pupils,
}

impl ScanGroup {
    pub const ALL: [ScanGroup; 5] =
        [ScanGroup::Team, ScanGroup::Ib, ScanGroup::Director, ScanGroup::Parents, ScanGroup::Pupils];

    pub fn as_str(self) -> &'static str {
        match self {
            ScanGroup::Team => "team",
            ScanGroup::Ib => "ib",
            ScanGroup::Director => "director",
            ScanGroup::Parents => "parents",
            ScanGroup::Pupils => "pupils",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ScanGroup::Team => "scan-group-team",
            ScanGroup::Ib => "scan-group-ib",
            ScanGroup::Director => "scan-group-director",
            ScanGroup::Parents => "scan-group-parents",
            ScanGroup::Pupils => "scan-group-pupils",
        }
    }

    /// Parents and pupils read plain language (B1, A2); the roles in the school do not need it.
    pub fn is_professional(self) -> bool {
        matches!(self, ScanGroup::Team | ScanGroup::Ib | ScanGroup::Director)
    }
}

/// A point of the four-point agreement scale, or "weet ik niet".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    HelemaalOneens,
    Oneens,
    Eens,
    HelemaalEens,
    WeetNiet,
}

impl Agreement {
    pub const ALL: [Agreement; 5] =
        [Agreement::HelemaalOneens, Agreement::Oneens, Agreement::Eens, Agreement::HelemaalEens, Agreement::WeetNiet];

    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::HelemaalOneens => "helemaal_oneens",
            Agreement::Oneens => "oneens",
            Agreement::Eens => "eens",
            Agreement::HelemaalEens => "helemaal_eens",
            Agreement::WeetNiet => "weet_niet",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Agreement::HelemaalOneens => "scan-answer-helemaal_oneens",
            Agreement::Oneens => "scan-answer-oneens",
            Agreement::Eens => "scan-answer-eens",
            Agreement::HelemaalEens => "scan-answer-helemaal_eens",
            Agreement::WeetNiet => "scan-answer-weet_niet",
        }
    }

    pub fn agrees(self) -> bool {
        matches!(self, Agreement::Eens | Agreement::HelemaalEens)
    }

    /// "Weet ik niet" is no opinion: it counts in the distribution, not in the share agreeing.
    pub fn has_opinion(self) -> bool {
        self != Agreement::WeetNiet
    }
}

/// What a profile promises that a statement tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "type", content = "key", rename_all = "snake_case")]
pub enum Claim {
    /// The profile offers this support category as *standaard*.
    Category(SupportCategory),
    /// The profile says this aspect of basisondersteuning is on order (or strong).
    Basis(BasisAspect),
}

impl Claim {
    pub fn message_id(self) -> &'static str {
        match self {
            Claim::Category(c) => c.message_id(),
            Claim::Basis(a) => a.message_id(),
        }
    }
}

/// One statement as a round keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Unique within the round: `vb.t1`, or `swv.PO2707.3` for an SWV's own.
    pub key: String,
    pub domain: ScanDomain,
    pub groups: Vec<ScanGroup>,
    pub text: String,
    #[serde(default)]
    pub claim: Option<Claim>,
    /// The SWV that added it; `None` for the built-in instrument.
    #[serde(default)]
    pub added_by: Option<String>,
}

impl Statement {
    pub fn asks(&self, group: ScanGroup) -> bool {
        self.groups.contains(&group)
    }
}

struct BuiltIn {
    key: &'static str,
    domain: ScanDomain,
    groups: &'static [ScanGroup],
    text: &'static str,
    claim: Option<Claim>,
}

use ScanDomain as D;
use ScanGroup as G;

const STAFF: &[ScanGroup] = &[G::Team, G::Ib, G::Director];
const LEAD: &[ScanGroup] = &[G::Ib, G::Director];
const PARENTS: &[ScanGroup] = &[G::Parents];
const PUPILS: &[ScanGroup] = &[G::Pupils];

const fn s(
    key: &'static str,
    domain: ScanDomain,
    groups: &'static [ScanGroup],
    text: &'static str,
    claim: Option<Claim>,
) -> BuiltIn {
    BuiltIn { key, domain, groups, text, claim }
}

const fn cat(c: SupportCategory) -> Option<Claim> {
    Some(Claim::Category(c))
}

const fn basis(a: BasisAspect) -> Option<Claim> {
    Some(Claim::Basis(a))
}

const BUILT_IN: &[BuiltIn] = &[
    // Visie en beleid
    s("vb.t1", D::VisieBeleid, STAFF, "Onze school heeft een gedeelde visie op hoe we leerlingen ondersteunen.", None),
    s("vb.t2", D::VisieBeleid, STAFF, "Wat in het ondersteuningsprofiel staat, herken ik in ons dagelijks werk.", None),
    s(
        "vb.l1",
        D::VisieBeleid,
        LEAD,
        "De keuzes in ons profiel zijn vertaald naar het schoolplan en de begroting.",
        None,
    ),
    s("vb.o1", D::VisieBeleid, PARENTS, "Ik weet wat de school doet voor kinderen die extra hulp nodig hebben.", None),
    // Ondersteuning in de school
    s(
        "os.t1",
        D::OndersteuningSchool,
        STAFF,
        "Leerlingen met dyslexie krijgen bij ons de hulpmiddelen en extra instructie die ze nodig hebben.",
        cat(SupportCategory::Dyslexie),
    ),
    s(
        "os.t2",
        D::OndersteuningSchool,
        STAFF,
        "Het is duidelijk wie wat doet als een leerling extra ondersteuning nodig heeft.",
        basis(BasisAspect::Ondersteuningsstructuur),
    ),
    s(
        "os.t3",
        D::OndersteuningSchool,
        STAFF,
        "We werken in een vaste cyclus: signaleren, plannen, uitvoeren en evalueren.",
        basis(BasisAspect::PlanmatigWerken),
    ),
    s(
        "os.t4",
        D::OndersteuningSchool,
        STAFF,
        "Leerlingen die meer aankunnen, krijgen bij ons uitdagend werk.",
        cat(SupportCategory::MeerHoogbegaafdheid),
    ),
    s(
        "os.o1",
        D::OndersteuningSchool,
        PARENTS,
        "Heeft mijn kind moeite met lezen? Dan krijgt het hulp op school.",
        cat(SupportCategory::Dyslexie),
    ),
    s(
        "os.o2",
        D::OndersteuningSchool,
        PARENTS,
        "Kan mijn kind meer aan? Dan krijgt het moeilijker werk.",
        cat(SupportCategory::MeerHoogbegaafdheid),
    ),
    s(
        "os.p1",
        D::OndersteuningSchool,
        PUPILS,
        "Snap ik iets niet? Dan helpt de juf of meester mij.",
        basis(BasisAspect::Basiskwaliteit),
    ),
    s(
        "os.p2",
        D::OndersteuningSchool,
        PUPILS,
        "Lezen is moeilijk voor mij? Dan krijg ik hulp.",
        cat(SupportCategory::Dyslexie),
    ),
    // Samenwerking en expertisebenutting partners
    s(
        "sp.t1",
        D::SamenwerkingPartners,
        STAFF,
        "We weten welke deskundigen buiten de school we kunnen inschakelen.",
        None,
    ),
    s(
        "sp.l1",
        D::SamenwerkingPartners,
        LEAD,
        "De samenwerking met jeugdhulp en het samenwerkingsverband verloopt vlot.",
        None,
    ),
    s("sp.o1", D::SamenwerkingPartners, PARENTS, "De school werkt goed samen met andere hulp voor mijn kind.", None),
    // Positie van de leerling
    s("pl.t1", D::PositieLeerling, STAFF, "Leerlingen praten mee over de ondersteuning die zij krijgen.", None),
    s(
        "pl.t2",
        D::PositieLeerling,
        STAFF,
        "We hebben een aanpak die pesten voorkomt en die we ook echt gebruiken.",
        basis(BasisAspect::PreventieveInterventies),
    ),
    s("pl.p1", D::PositieLeerling, PUPILS, "Ik mag zeggen wat ik nodig heb.", None),
    s("pl.p2", D::PositieLeerling, PUPILS, "Ik voel me veilig op school.", basis(BasisAspect::PreventieveInterventies)),
    // Positie van de ouder
    s(
        "po.t1",
        D::PositieOuder,
        STAFF,
        "We betrekken ouders vanaf het begin als hun kind extra ondersteuning nodig heeft.",
        None,
    ),
    s(
        "po.o1",
        D::PositieOuder,
        PARENTS,
        "Ik weet bij wie ik terecht kan als het niet goed gaat met mijn kind.",
        basis(BasisAspect::Ondersteuningsstructuur),
    ),
    s("po.o2", D::PositieOuder, PARENTS, "De school luistert naar wat ik over mijn kind vertel.", None),
    // Kwaliteitszorg en cultuur
    s(
        "kc.t1",
        D::KwaliteitszorgCultuur,
        STAFF,
        "We bespreken elk jaar of onze ondersteuning werkt en passen haar aan.",
        None,
    ),
    s("kc.t2", D::KwaliteitszorgCultuur, STAFF, "Collega's vragen elkaar om raad als een leerling vastloopt.", None),
    s(
        "kc.l1",
        D::KwaliteitszorgCultuur,
        LEAD,
        "Onze lessen voldoen aan de eisen die de inspectie aan basiskwaliteit stelt.",
        basis(BasisAspect::Basiskwaliteit),
    ),
    s("kc.o1", D::KwaliteitszorgCultuur, PARENTS, "De school vraagt mij wat beter kan.", None),
    // Bekwaamheden leraren
    s(
        "bl.t1",
        D::BekwaamhedenLeraren,
        STAFF,
        "Ik kan mijn instructie goed afstemmen op verschillen tussen leerlingen.",
        basis(BasisAspect::Basiskwaliteit),
    ),
    s(
        "bl.t2",
        D::BekwaamhedenLeraren,
        STAFF,
        "Ik weet hoe ik een leerling met gedragsproblemen in de klas begeleid.",
        cat(SupportCategory::Gedrag),
    ),
    s(
        "bl.t3",
        D::BekwaamhedenLeraren,
        STAFF,
        "Ik krijg de scholing die ik nodig heb om leerlingen goed te ondersteunen.",
        None,
    ),
    s("bl.o1", D::BekwaamhedenLeraren, PARENTS, "De leraar weet goed hoe hij of zij mijn kind kan helpen.", None),
    s("bl.p1", D::BekwaamhedenLeraren, PUPILS, "De juf of meester legt goed uit.", basis(BasisAspect::Basiskwaliteit)),
];

/// The built-in statements of a version (only version 1 exists yet).
pub fn instrument(version: u32) -> Option<Vec<Statement>> {
    (version == INSTRUMENT_VERSION).then(|| {
        BUILT_IN
            .iter()
            .map(|b| Statement {
                key: b.key.to_owned(),
                domain: b.domain,
                groups: b.groups.to_vec(),
                text: b.text.to_owned(),
                claim: b.claim,
                added_by: None,
            })
            .collect()
    })
}

/// The statements a group is asked, in the instrument's order.
pub fn statements_for(statements: &[Statement], group: ScanGroup) -> Vec<&Statement> {
    statements.iter().filter(|s| s.asks(group)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::{Options, analyse};

    #[test]
    fn every_group_is_asked_in_every_domain_it_can_judge_and_keys_are_unique() {
        let all = instrument(INSTRUMENT_VERSION).unwrap();
        let mut keys: Vec<&str> = all.iter().map(|s| s.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
        for group in [ScanGroup::Team, ScanGroup::Ib, ScanGroup::Director] {
            for domain in ScanDomain::ALL {
                assert!(all.iter().any(|s| s.domain == domain && s.asks(group)), "{group:?} {domain:?}");
            }
        }
        let parents = statements_for(&all, ScanGroup::Parents).len();
        let team = statements_for(&all, ScanGroup::Team).len();
        assert!(parents < team, "parents get fewer statements ({parents} vs {team})");
        assert!(instrument(INSTRUMENT_VERSION + 1).is_none());
        assert_eq!(ScanGroup::parse("parents"), Some(ScanGroup::Parents));
        assert_eq!(Agreement::parse("weet_niet"), Some(Agreement::WeetNiet));
        assert_eq!(ScanDomain::parse("positie_ouder"), Some(ScanDomain::PositieOuder));
    }

    /// Parents read at B1: a Flesch-Douma score of 60 or more, at most 15
    /// words a sentence, no jargon. Pupils at A2: 80 or more (group 7), at most
    /// 10 words a sentence, no jargon, no long words. The SWV's own statements
    /// are held to the same bar (`statements::too_hard_for`).
    #[test]
    fn parents_statements_read_at_b1_and_pupils_at_a2() {
        let all = instrument(INSTRUMENT_VERSION).unwrap();
        for group in [ScanGroup::Parents, ScanGroup::Pupils] {
            let bar = super::super::statements::reading_bar(group).unwrap();
            for statement in statements_for(&all, group) {
                let options =
                    Options { max_sentence_words: bar.max_sentence_words, max_word_letters: bar.max_word_letters };
                let analysis = analyse(&statement.text, &options);
                let score = analysis.flesch_douma.unwrap();
                assert!(score >= bar.min_score, "{group:?} {}: {score:.0}", statement.text);
                assert!(analysis.long_sentences.is_empty(), "{group:?} long: {}", statement.text);
                assert!(analysis.jargon.is_empty(), "{group:?} jargon: {}", statement.text);
                if bar.refuse_long_words {
                    assert!(analysis.long_words.is_empty(), "pupils long word: {}", statement.text);
                }
                assert_eq!(super::super::statements::too_hard_for(&statement.text, group), None, "{}", statement.text);
            }
        }
    }
}
