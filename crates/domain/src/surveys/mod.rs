//! Short surveys by link for the profile's cycle: the evaluation of last
//! year's profile (step 1 of the conversation guide) by the team, parents and
//! pupils, and the control group (step 3) that tests the parent version.
//! Questions are fixed here, in plain Dutch for parents and pupils.

mod contact;
mod questions;
mod response;
mod retention;
mod summary;
mod wishes;

pub use contact::{
    CONTACT_ANSWERS, CONTACT_QUESTION, Contact, ContactInput, MAX_CONTACT_NAME, MAX_PHONE, offers_contact,
    parse_contact,
};
pub use questions::{Audience, Question, QuestionKind, SurveyKind, questions};
pub use response::{MAX_NAME, MAX_OPEN_ANSWER, Submission, SurveyResponse, parse_response, parse_submission};
pub use retention::{kept_until, purge_before};
pub use summary::{OpenAnswer, QuestionSummary, summarise};
pub use wishes::{Pick, wish_text, wish_texts};
