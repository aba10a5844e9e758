//! The JSON shapes of the conversation API, each described in the OpenAPI document.

use passend_app::conversations::{Agreement, ConversationView, Facts, ListRow, StoredGuide};
use passend_domain::access::ConversationSide;
use passend_domain::calendar::in_netherlands;
use passend_domain::conversations::{
    Ambition, AnswerPhase, ConversationState, Funds, Goal, Guide, GuideQuestion, GuideSection, QuestionKind, euros,
};
use passend_domain::lifecycle::iso_day;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

fn state_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&ConversationState::ALL, "`planned`, `prepared`, `held` or `confirmed`.")
}

fn kind_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&QuestionKind::ALL, "`text`, `choice`, `scale` (1–5) or `figure` (a count).")
}

fn status_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&passend_domain::conversations::AgreementStatus::ALL, "The agreement's follow-up.")
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct GoalBody {
    pub key: String,
    pub title: String,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct AmbitionBody {
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub goals: Vec<GoalBody>,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct GuideQuestionBody {
    pub key: String,
    pub text: String,
    #[schema(schema_with = kind_schema)]
    pub kind: QuestionKind,
    /// For `choice`: the options.
    #[serde(default)]
    pub options: Vec<String>,
    /// The key of the ambition's goal this question looks at.
    #[serde(default)]
    pub goal: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct GuideSectionBody {
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub ambition: Option<String>,
    pub questions: Vec<GuideQuestionBody>,
}

/// A guide: ambitions with goals, and sections of questions.
#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct GuideContent {
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub ambitions: Vec<AmbitionBody>,
    pub sections: Vec<GuideSectionBody>,
}

impl From<Guide> for GuideContent {
    fn from(g: Guide) -> Self {
        GuideContent {
            intro: g.intro,
            ambitions: g
                .ambitions
                .into_iter()
                .map(|a| AmbitionBody {
                    key: a.key,
                    title: a.title,
                    description: a.description,
                    goals: a.goals.into_iter().map(|g| GoalBody { key: g.key, title: g.title }).collect(),
                })
                .collect(),
            sections: g
                .sections
                .into_iter()
                .map(|s| GuideSectionBody {
                    key: s.key,
                    title: s.title,
                    intro: s.intro,
                    ambition: s.ambition,
                    questions: s
                        .questions
                        .into_iter()
                        .map(|q| GuideQuestionBody {
                            key: q.key,
                            text: q.text,
                            kind: q.kind,
                            options: q.options,
                            goal: q.goal,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl From<GuideContent> for Guide {
    fn from(g: GuideContent) -> Self {
        Guide {
            intro: g.intro,
            ambitions: g
                .ambitions
                .into_iter()
                .map(|a| Ambition {
                    key: a.key,
                    title: a.title,
                    description: a.description,
                    goals: a.goals.into_iter().map(|g| Goal { key: g.key, title: g.title }).collect(),
                })
                .collect(),
            sections: g
                .sections
                .into_iter()
                .map(|s| GuideSection {
                    key: s.key,
                    title: s.title,
                    intro: s.intro,
                    ambition: s.ambition,
                    questions: s
                        .questions
                        .into_iter()
                        .map(|q| GuideQuestion {
                            key: q.key,
                            text: q.text,
                            kind: q.kind,
                            options: q.options,
                            goal: q.goal,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The SWV's guide for a school year.
#[derive(Serialize, ToSchema)]
pub struct GuideBody {
    pub school_year: String,
    /// 0: Passend's default guide (the SWV saved none for the year).
    pub version: i64,
    /// A published guide changes only by a new version.
    pub published: bool,
    pub guide: GuideContent,
}

impl GuideBody {
    pub fn of(year: &str, stored: StoredGuide) -> Self {
        GuideBody {
            school_year: year.to_owned(),
            version: stored.version,
            published: stored.published,
            guide: stored.guide.into(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct GuideInput {
    pub guide: GuideContent,
    /// Publish this version for the year (default: keep it a draft).
    #[serde(default)]
    pub publish: bool,
}

/// A person at the table.
#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct AttendeeBody {
    pub name: String,
    pub role: String,
    /// `swv` or `school`.
    pub side: String,
    /// Gets the invitation with the `.ics` when given.
    #[serde(default)]
    pub email: Option<String>,
}

/// A conversation to plan.
#[derive(Deserialize, ToSchema)]
pub struct PlanBody {
    /// The location (vestigingscode), one of the SWV's.
    pub location: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// `HH:MM`, Dutch time.
    pub time: String,
    #[schema(minimum = 15, maximum = 480)]
    pub minutes: i64,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub video_link: Option<String>,
    #[serde(default)]
    pub attendees: Vec<AttendeeBody>,
    /// The SWV's consultant.
    pub consultant: String,
}

/// A planned conversation's new appointment (the location stays).
#[derive(Deserialize, ToSchema)]
pub struct ReplanBody {
    /// `YYYY-MM-DD`
    pub date: String,
    /// `HH:MM`, Dutch time.
    pub time: String,
    #[schema(minimum = 15, maximum = 480)]
    pub minutes: i64,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub video_link: Option<String>,
    #[serde(default)]
    pub attendees: Vec<AttendeeBody>,
    /// The SWV's consultant.
    pub consultant: String,
}

#[derive(Serialize, ToSchema)]
pub struct Planned {
    pub id: i64,
}

/// One row of the SWV's list: a location with its conversation of the year, if planned.
#[derive(Serialize, ToSchema)]
pub struct ListEntry {
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub kern: Option<String>,
    pub municipality: Option<String>,
    /// `None`: not planned yet.
    pub conversation_id: Option<i64>,
    #[schema(schema_with = state_schema, nullable)]
    pub state: Option<ConversationState>,
    /// `YYYY-MM-DDTHH:MM` Dutch time.
    pub starts: Option<String>,
}

impl From<ListRow> for ListEntry {
    fn from(row: ListRow) -> Self {
        let (id, state, starts) = match row.conversation {
            Some((c, state)) => (Some(c.id), Some(state), Some(local(c.starts_at))),
            None => (None, None, None),
        };
        ListEntry {
            location_code: row.location.code,
            location_name: row.location.name,
            brin: row.location.brin,
            kern: row.location.kern,
            municipality: row.location.municipality,
            conversation_id: id,
            state,
            starts,
        }
    }
}

/// One of a school's conversations that the caller takes part in or reads.
#[derive(Serialize, ToSchema)]
pub struct SchoolConversation {
    pub id: i64,
    pub school_year: String,
    pub swv_code: String,
    pub location_code: String,
    pub location_name: String,
    #[schema(schema_with = state_schema)]
    pub state: ConversationState,
    /// `YYYY-MM-DDTHH:MM` Dutch time.
    pub starts: String,
}

impl From<(passend_app::conversations::Conversation, ConversationState)> for SchoolConversation {
    fn from((c, state): (passend_app::conversations::Conversation, ConversationState)) -> Self {
        SchoolConversation {
            starts: local(c.starts_at),
            id: c.id,
            school_year: c.school_year,
            swv_code: c.swv_code,
            location_code: c.location_code,
            location_name: c.location_name,
            state,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConversationList {
    pub school_year: String,
    pub conversations: Vec<ListEntry>,
    /// How many locations have no conversation planned.
    pub not_planned: usize,
}

pub fn local(unix: i64) -> String {
    in_netherlands(unix)
        .map(|t| format!("{:04}-{:02}-{:02}T{:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute))
        .unwrap_or_default()
}

/// A stored answer with the version to send back.
#[derive(Serialize, ToSchema)]
pub struct StoredAnswerBody {
    /// Text, the chosen option, the score, or `{"count", "note"}` for a figure.
    #[schema(value_type = Object)]
    pub value: Value,
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionBody {
    pub key: String,
    pub text: String,
    #[schema(schema_with = kind_schema)]
    pub kind: QuestionKind,
    pub options: Vec<String>,
    pub goal: Option<String>,
    /// The school's preparation.
    pub prepared: Option<StoredAnswerBody>,
    /// What the conversation recorded.
    pub answer: Option<StoredAnswerBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SectionBody {
    pub key: String,
    pub title: String,
    pub intro: String,
    pub ambition: Option<String>,
    pub questions: Vec<QuestionBody>,
}

#[derive(Serialize, ToSchema)]
pub struct AgreementBody {
    pub id: i64,
    pub what: String,
    pub who: String,
    /// `YYYY-MM-DD`
    pub due: Option<String>,
    pub goal: Option<String>,
    #[schema(schema_with = status_schema)]
    pub status: passend_domain::conversations::AgreementStatus,
    pub status_note: Option<String>,
    pub overdue: bool,
    pub version: i64,
}

impl From<&Agreement> for AgreementBody {
    fn from(a: &Agreement) -> Self {
        let today = passend_app::lifecycle::today();
        AgreementBody {
            id: a.id,
            what: a.what.clone(),
            who: a.who.clone(),
            due: a.due_on.clone(),
            goal: a.goal_key.clone(),
            status: a.status,
            status_note: a.status_note.clone(),
            overdue: passend_domain::conversations::is_overdue(
                a.status,
                a.due_on.as_deref().and_then(passend_domain::lifecycle::parse_day),
                today,
            ),
            version: a.version,
        }
    }
}

/// A key figure of the year: the conversation's count, else the school's prepared one.
#[derive(Serialize, ToSchema)]
pub struct FigureBody {
    pub key: String,
    pub text: String,
    pub count: Option<i64>,
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FundsBody {
    pub pupils: i64,
    pub basic_cents: i64,
    pub extra_cents: i64,
    pub total_cents: i64,
    /// `€ 42.000,00`
    pub basic: String,
    pub extra: String,
    pub total: String,
}

impl From<Funds> for FundsBody {
    fn from(f: Funds) -> Self {
        FundsBody {
            pupils: f.pupils,
            basic_cents: f.basic_cents,
            extra_cents: f.extra_cents,
            total_cents: f.total_cents(),
            basic: euros(f.basic_cents),
            extra: euros(f.extra_cents),
            total: euros(f.total_cents()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NormBody {
    pub percent: f64,
    pub target_percent: u8,
    pub met: usize,
    pub total: usize,
    pub below_target: bool,
    pub missing: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OfferBody {
    pub category: String,
    pub level: Option<String>,
    /// No school of the area offers it as standard.
    pub gap_in_area: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SpecialistBody {
    pub specialist: String,
    pub dagdelen_per_week: f64,
}

/// What Passend knows, pre-filled.
#[derive(Serialize, ToSchema)]
pub struct FactsBody {
    pub norm: Option<NormBody>,
    pub area: Option<String>,
    pub offers: Vec<OfferBody>,
    pub specialists: Vec<SpecialistBody>,
    pub profile_state: Option<String>,
    /// `YYYY-MM-DD`
    pub review_by: Option<String>,
    /// The school's Scan Passend Onderwijs claims to check in the conversation.
    pub scan_claims_to_check: Vec<String>,
}

impl From<&Facts> for FactsBody {
    fn from(f: &Facts) -> Self {
        FactsBody {
            norm: f.norm.as_ref().map(|n| NormBody {
                percent: n.percent,
                target_percent: n.target_percent,
                met: n.met,
                total: n.total,
                below_target: n.below_target,
                missing: n.missing.clone(),
            }),
            area: f.area.clone(),
            offers: f
                .offers
                .iter()
                .map(|o| OfferBody {
                    category: o.category.key().to_owned(),
                    level: o.level.clone(),
                    gap_in_area: o.gap_in_area,
                })
                .collect(),
            specialists: f
                .specialists
                .iter()
                .map(|s| SpecialistBody { specialist: s.specialist.clone(), dagdelen_per_week: s.dagdelen_per_week })
                .collect(),
            profile_state: f.profile_state.map(|s| s.as_str().to_owned()),
            review_by: f.review_by.map(iso_day),
            scan_claims_to_check: f.scan_claims_to_check.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConfirmationBody {
    pub name: String,
    /// `YYYY-MM-DD`
    pub on: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConversationBody {
    pub id: i64,
    pub swv_code: String,
    pub swv_name: String,
    pub school_year: String,
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub school_name: String,
    #[schema(schema_with = state_schema)]
    pub state: ConversationState,
    /// `swv`, `school` or `reader`: where the caller sits.
    pub your_side: String,
    /// `YYYY-MM-DDTHH:MM` Dutch time.
    pub starts: String,
    pub minutes: i64,
    pub place: String,
    pub video_link: Option<String>,
    pub attendees: Vec<AttendeeBody>,
    pub consultant: String,
    pub report_author: String,
    pub held: bool,
    /// Answers written now are `preparation` (before it is held) or `conversation`.
    pub writing_phase: String,
    pub annexed: bool,
    pub confirmed_swv: Option<ConfirmationBody>,
    pub confirmed_school: Option<ConfirmationBody>,
    /// Set when both confirmed: the report is fixed.
    pub report_hash: Option<String>,
    pub guide_version: i64,
    pub intro: String,
    pub ambitions: Vec<AmbitionBody>,
    pub sections: Vec<SectionBody>,
    pub agreements: Vec<AgreementBody>,
    /// Last year's agreements, to follow up.
    pub previous_agreements: Vec<AgreementBody>,
    pub figures: Vec<FigureBody>,
    pub funds: Option<FundsBody>,
    pub facts: FactsBody,
}

fn answer_body(view: &ConversationView, key: &str, phase: AnswerPhase) -> Option<StoredAnswerBody> {
    view.answer(key, phase).map(|a| StoredAnswerBody { value: a.value.to_json(), version: a.version })
}

fn confirmation(c: &Option<(String, i64)>) -> Option<ConfirmationBody> {
    c.as_ref().map(|(name, at)| ConfirmationBody { name: name.clone(), on: local(*at)[..10].to_owned() })
}

impl ConversationBody {
    pub fn of(view: &ConversationView, side: ConversationSide) -> Self {
        let c = &view.conversation;
        let guide: GuideContent = view.guide.clone().into();
        let figures = view
            .guide
            .figures()
            .map(|q| {
                let stored = view
                    .answer(&q.key, AnswerPhase::Conversation)
                    .or_else(|| view.answer(&q.key, AnswerPhase::Preparation));
                let (count, note) = match stored.map(|a| &a.value) {
                    Some(passend_domain::conversations::AnswerValue::Figure { count, note }) => {
                        (Some(*count), note.clone())
                    }
                    _ => (None, None),
                };
                FigureBody { key: q.key.clone(), text: q.text.clone(), count, note }
            })
            .collect();
        ConversationBody {
            id: c.id,
            swv_code: c.swv_code.clone(),
            swv_name: view.swv_name.clone(),
            school_year: c.school_year.clone(),
            location_code: c.location_code.clone(),
            location_name: c.location_name.clone(),
            brin: c.brin.clone(),
            school_name: c.school_name.clone(),
            state: view.state,
            your_side: serde_json::to_value(side).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            starts: local(c.starts_at),
            minutes: c.minutes,
            place: c.place.clone(),
            video_link: c.video_link.clone(),
            attendees: c
                .attendees
                .iter()
                .map(|a| AttendeeBody {
                    name: a.name.clone(),
                    role: a.role.clone(),
                    side: a.side.clone(),
                    email: a.email.clone(),
                })
                .collect(),
            consultant: c.consultant.clone(),
            report_author: c.report_author.clone(),
            held: c.held_at.is_some(),
            writing_phase: view.writing_phase().as_str().to_owned(),
            annexed: c.annexed,
            confirmed_swv: confirmation(&c.swv_confirmed),
            confirmed_school: confirmation(&c.school_confirmed),
            report_hash: c.report_hash.clone(),
            guide_version: view.guide_version,
            intro: guide.intro,
            ambitions: guide.ambitions,
            sections: view
                .guide
                .sections
                .iter()
                .map(|s| SectionBody {
                    key: s.key.clone(),
                    title: s.title.clone(),
                    intro: s.intro.clone(),
                    ambition: s.ambition.clone(),
                    questions: s
                        .questions
                        .iter()
                        .map(|q| QuestionBody {
                            key: q.key.clone(),
                            text: q.text.clone(),
                            kind: q.kind,
                            options: q.options.clone(),
                            goal: q.goal.clone(),
                            prepared: answer_body(view, &q.key, AnswerPhase::Preparation),
                            answer: answer_body(view, &q.key, AnswerPhase::Conversation),
                        })
                        .collect(),
                })
                .collect(),
            agreements: view.agreements.iter().map(AgreementBody::from).collect(),
            previous_agreements: view.previous_agreements.iter().map(AgreementBody::from).collect(),
            figures,
            funds: view.funds.map(Into::into),
            facts: (&view.facts).into(),
        }
    }
}

/// An answer to save: the value and the version it starts from (0: none yet).
#[derive(Deserialize, ToSchema)]
pub struct ConversationAnswerInput {
    /// Text, an option, a score 1–5, a count, or `{"count", "note"}`; `null` clears it.
    #[schema(value_type = Object)]
    pub value: Value,
    #[serde(default)]
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct AnswerSaved {
    pub version: i64,
    /// `preparation` or `conversation`.
    pub phase: String,
}

/// 409 of a save: someone saved first; this is what is stored now.
#[derive(Serialize, ToSchema)]
pub struct ConversationAnswerConflict {
    pub error: crate::error::ErrorDetail,
    #[schema(value_type = Object)]
    pub current: Value,
    pub version: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct DetailsInput {
    /// The conversation took place (answers are recorded from then on).
    #[serde(default)]
    pub held: Option<bool>,
    #[serde(default)]
    pub report_author: Option<String>,
    /// The school makes the report an annex of its profile (the school only).
    #[serde(default)]
    pub annexed: Option<bool>,
}

#[derive(Deserialize, ToSchema)]
pub struct AgreementInputBody {
    pub what: String,
    #[serde(default)]
    pub who: String,
    /// `YYYY-MM-DD`
    #[serde(default)]
    pub due: Option<String>,
    /// A goal key of the guide.
    #[serde(default)]
    pub goal: Option<String>,
    /// For a change: the version it starts from.
    #[serde(default)]
    pub version: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct FollowUpInput {
    #[schema(schema_with = status_schema)]
    pub status: String,
    #[serde(default)]
    pub note: Option<String>,
    pub version: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct ConfirmInput {
    /// The name of the person who confirms for their side.
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct Confirmed {
    /// Both sides confirmed: the report is fixed.
    pub fixed: bool,
}

/// Fund amounts per pupil for a year, in euro cents, and each location's funds.
#[derive(Serialize, ToSchema)]
pub struct FundsList {
    pub school_year: String,
    pub basic_cents: Option<i64>,
    pub extra_cents: Option<i64>,
    pub locations: Vec<LocationFunds>,
    pub total_cents: i64,
}

#[derive(Serialize, ToSchema)]
pub struct LocationFunds {
    pub location_code: String,
    pub location_name: String,
    pub duo_pupils: Option<i64>,
    pub swv_pupils: Option<i64>,
    pub funds: Option<FundsBody>,
}

#[derive(Deserialize, ToSchema)]
pub struct FundsInput {
    #[schema(minimum = 0)]
    pub basic_cents: i64,
    #[schema(minimum = 0)]
    pub extra_cents: i64,
    /// The SWV's own counts for the reference date; `null` returns to DUO's.
    #[serde(default)]
    pub pupil_counts: Vec<PupilCount>,
}

#[derive(Deserialize, ToSchema)]
pub struct PupilCount {
    pub location: String,
    pub pupils: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct FollowUpBody {
    pub held: usize,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    pub schools: Vec<SchoolFollowUpBody>,
    /// Per kern, per year: figure key → sum.
    pub by_kern: Vec<AreaFiguresBody>,
    pub by_municipality: Vec<AreaFiguresBody>,
    pub whole: Vec<AreaFiguresBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SchoolFollowUpBody {
    pub location_code: String,
    pub location_name: String,
    pub held: usize,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    #[schema(schema_with = state_schema, nullable)]
    pub state_this_year: Option<ConversationState>,
}

#[derive(Serialize, ToSchema)]
pub struct AreaFiguresBody {
    pub area: String,
    pub school_year: String,
    pub sums: std::collections::BTreeMap<String, i64>,
}

impl From<passend_app::conversations::FollowUp> for FollowUpBody {
    fn from(f: passend_app::conversations::FollowUp) -> Self {
        let areas = |list: Vec<passend_app::conversations::AreaFigures>| {
            list.into_iter()
                .map(|a| AreaFiguresBody { area: a.area, school_year: a.school_year, sums: a.sums })
                .collect()
        };
        FollowUpBody {
            held: f.held,
            open_agreements: f.open_agreements,
            overdue_agreements: f.overdue_agreements,
            schools: f
                .schools
                .into_iter()
                .map(|s| SchoolFollowUpBody {
                    location_code: s.location.code,
                    location_name: s.location.name,
                    held: s.held,
                    open_agreements: s.open_agreements,
                    overdue_agreements: s.overdue_agreements,
                    state_this_year: s.this_year.map(|(_, state)| state),
                })
                .collect(),
            by_kern: areas(f.by_kern),
            by_municipality: areas(f.by_municipality),
            whole: areas(f.whole),
        }
    }
}
