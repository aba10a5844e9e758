//! Short surveys by link for the profile's cycle: the evaluation of last
//! year's profile (step 1 of the conversation guide) by the team, parents and
//! pupils, and the control group (step 3) that tests the parent version.
//! Questions are fixed here, in plain Dutch for parents and pupils.

mod questions;
mod response;
mod summary;

pub use questions::{Audience, Question, QuestionKind, SurveyKind, questions};
pub use response::{MAX_NAME, MAX_OPEN_ANSWER, SurveyResponse, parse_response};
pub use summary::{QuestionSummary, summarise};
