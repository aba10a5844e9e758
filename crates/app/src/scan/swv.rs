//! The SWV's view of the scans at its schools: which ran one this year, and
//! per domain how the verdicts spread. Only counts across schools; a
//! school's own results only through a round the school shares.

use passend_domain::FieldProblems;
use passend_domain::access;
use passend_domain::access::Actor;
use passend_domain::questionnaire::SchoolYear;
use passend_domain::scan::Statement;
use passend_domain::scan::{Claim, VerdictSpread, parse_swv_statement, results, verdict_spread, verdicts};
use serde::Serialize;

use crate::region::SwvScope;
use crate::{App, Result};

/// A school that ran a scan in the year.
#[derive(Debug, Clone, Serialize)]
pub struct SwvScanSchool {
    pub brin: String,
    pub location_name: String,
    pub responses: i64,
    pub closed: bool,
    /// The round, when the school shares its results with the SWV.
    pub shared_round: Option<i64>,
}

pub struct SwvScans {
    pub school_year: SchoolYear,
    pub schools: Vec<SwvScanSchool>,
    pub spread: Vec<VerdictSpread>,
}

impl App {
    /// Which schools of the SWV ran a scan in the year, and the spread of verdicts.
    pub async fn swv_scans(&self, scope: &SwvScope, year: SchoolYear) -> Result<SwvScans> {
        let rounds = self.db.scan_rounds_in_swv(scope.view(), &year.to_string()).await?;
        let mut schools = Vec::new();
        let mut all_verdicts = Vec::new();
        for (round, responses) in rounds {
            // The same suppression as every other route: verdicts come from shown groups only.
            let r = results(&round.statements, &round.groups, &responses);
            all_verdicts.push(verdicts(&r));
            schools.push(SwvScanSchool {
                responses: round.responses(),
                brin: round.brin,
                location_name: round.location_name,
                closed: round.closed,
                shared_round: round.shared_with_swv.then_some(round.id),
            });
        }
        Ok(SwvScans { school_year: year, schools, spread: verdict_spread(&all_verdicts) })
    }

    /// The statements the SWV added for its schools' rounds.
    pub async fn swv_scan_statements(&self, scope: &SwvScope) -> Result<Vec<Statement>> {
        Ok(self.db.swv_scan_statements(scope.code().as_str()).await?)
    }

    /// Adds a statement to the SWV's rounds from now on (SWV admins).
    pub async fn add_swv_scan_statement(
        &self,
        actor: &Actor,
        scope: &SwvScope,
        domain: &str,
        groups: &[String],
        text: &str,
        claim: Option<Claim>,
    ) -> Result<Result<Statement, FieldProblems>> {
        let edit = access::edit_swv(actor, scope.code().as_str())?;
        let code = scope.code().as_str().to_owned();
        let this_year = crate::lifecycle::today().0;
        // Checked first with a placeholder id, so a refused statement takes no row.
        if let Err(problems) = parse_swv_statement(&code, 0, domain, groups, text, claim, this_year) {
            return Ok(Err(problems));
        }
        let stored = self
            .db
            .add_swv_scan_statement(&edit, |id| {
                parse_swv_statement(&code, id, domain, groups, text, claim, this_year).expect("checked above")
            })
            .await?;
        Ok(Ok(stored))
    }
}
