//! The SWV's follow-up: per school and overall the conversations held, the
//! agreements open and overdue, and the key figures summed per kern,
//! municipality and the whole SWV, over the years.

use std::collections::{BTreeMap, HashMap};

use passend_domain::conversations::{ConversationState, default_guide, is_overdue};
use passend_domain::lifecycle::parse_day;

use super::{SwvConversations, SwvLocation};
use crate::questionnaire::current_year;
use crate::{App, Result};

pub struct SchoolFollowUp {
    pub location: SwvLocation,
    /// Conversations held (over all years).
    pub held: usize,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    /// This school year's conversation, if planned.
    pub this_year: Option<(i64, ConversationState)>,
}

/// Key figures summed for one area and school year.
pub struct AreaFigures {
    pub area: String,
    pub school_year: String,
    /// Figure key → sum.
    pub sums: BTreeMap<String, i64>,
}

pub struct FollowUp {
    pub schools: Vec<SchoolFollowUp>,
    pub held: usize,
    pub open_agreements: usize,
    pub overdue_agreements: usize,
    /// The figures asked, (key, label), in the guide's order (this year's guide, else the default).
    pub figure_keys: Vec<(String, String)>,
    pub by_kern: Vec<AreaFigures>,
    pub by_municipality: Vec<AreaFigures>,
    /// The whole SWV per year.
    pub whole: Vec<AreaFigures>,
}

fn sum_by(
    figures: &[passend_storage::conversations::SwvFigure],
    area_of: impl Fn(&str) -> Option<String>,
) -> Vec<AreaFigures> {
    let mut sums: BTreeMap<(String, String), BTreeMap<String, i64>> = BTreeMap::new();
    for f in figures {
        let Some(area) = area_of(&f.location_code) else { continue };
        *sums.entry((area, f.school_year.clone())).or_default().entry(f.key.clone()).or_default() += f.count;
    }
    sums.into_iter().map(|((area, school_year), sums)| AreaFigures { area, school_year, sums }).collect()
}

impl App {
    pub async fn conversation_follow_up(&self, scope: &SwvConversations) -> Result<FollowUp> {
        let year = current_year();
        let today = crate::lifecycle::today();
        // Four independent reads, side by side on the pool's connections.
        let (locations, conversations, agreements, figures) = tokio::try_join!(
            self.db.swv_locations(scope.code.as_str(), year),
            self.db.swv_conversation_states(&scope.planning),
            self.db.swv_agreements(&scope.planning),
            self.db.swv_figures(&scope.planning),
        )?;
        let mut held: HashMap<&str, usize> = HashMap::new();
        let mut this_year: HashMap<&str, (i64, ConversationState)> = HashMap::new();
        for c in &conversations {
            if c.held_at.is_some() {
                *held.entry(c.location_code.as_str()).or_default() += 1;
            }
            if c.school_year == year.to_string() {
                let state = ConversationState::of(
                    usize::try_from(c.prepared_answers).unwrap_or(0),
                    c.held_at.is_some(),
                    c.fixed == 1,
                );
                this_year.insert(c.location_code.as_str(), (c.id, state));
            }
        }
        let mut open: HashMap<&str, (usize, usize)> = HashMap::new();
        for a in &agreements {
            if a.agreement.status.is_open() {
                let entry = open.entry(a.location_code.as_str()).or_default();
                entry.0 += 1;
                if is_overdue(a.agreement.status, a.agreement.due_on.as_deref().and_then(parse_day), today) {
                    entry.1 += 1;
                }
            }
        }
        let guide = self.db.latest_guide(scope.code.as_str(), year).await?.map_or_else(default_guide, |g| g.guide);
        let figure_keys = guide.figures().map(|q| (q.key.clone(), q.text.clone())).collect();
        let kern_of: HashMap<&str, Option<String>> =
            locations.iter().map(|l| (l.code.as_str(), l.kern.clone())).collect();
        let municipality_of: HashMap<&str, Option<String>> =
            locations.iter().map(|l| (l.code.as_str(), l.municipality.clone())).collect();
        let by_kern = sum_by(&figures, |code| kern_of.get(code).cloned().flatten());
        let by_municipality = sum_by(&figures, |code| municipality_of.get(code).cloned().flatten());
        let whole = sum_by(&figures, |_| Some(scope.code.as_str().to_owned()));
        let schools: Vec<SchoolFollowUp> = locations
            .into_iter()
            .map(|location| {
                let code = location.code.clone();
                let (open_agreements, overdue_agreements) = open.get(code.as_str()).copied().unwrap_or_default();
                SchoolFollowUp {
                    held: held.get(code.as_str()).copied().unwrap_or_default(),
                    open_agreements,
                    overdue_agreements,
                    this_year: this_year.get(code.as_str()).copied(),
                    location,
                }
            })
            .collect();
        Ok(FollowUp {
            held: schools.iter().map(|s| s.held).sum(),
            open_agreements: schools.iter().map(|s| s.open_agreements).sum(),
            overdue_agreements: schools.iter().map(|s| s.overdue_agreements).sum(),
            schools,
            figure_keys,
            by_kern,
            by_municipality,
            whole,
        })
    }
}
