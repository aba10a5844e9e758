//! The Scan Passend Onderwijs: a self-assessment in seven domains by the roles
//! in the school, parents and pupils, whose results are held against what the
//! profile promises. Rules in `docs/scan.md`.

mod check;
mod instrument;
mod response;
mod results;
mod statements;
mod verdict;

pub use check::{BASIS_CLAIMED, CATEGORY_CLAIMED, ToTest, YearChange, claims_of, compare_years, to_test};
pub use instrument::{
    Agreement, Claim, INSTRUMENT_VERSION, ScanDomain, ScanGroup, Statement, instrument, statements_for,
};
pub use response::{MAX_REMARK, ScanResponse, parse_scan_response};
pub use results::{
    Distribution, DomainResult, GroupResult, MIN_RESPONDENTS, ScanResults, ShownGroup, StatementResult, results,
};
pub use statements::{MAX_STATEMENT, parse_swv_statement, round_statements};
pub use verdict::{DomainVerdict, Reason, Verdict, VerdictSpread, verdict_spread, verdicts};
