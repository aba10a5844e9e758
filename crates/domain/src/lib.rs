//! Passend's domain: plain types and rules with no IO.
//!
//! Storage, web and the command line sit around this crate; everything here is
//! deterministic and unit-tested.

pub mod access;
pub mod accounts;
pub mod activities;
pub mod calendar;
pub mod conversations;
pub mod coverage;
pub mod duo;
pub mod generated;
pub mod groups;
pub mod knowledge;
pub mod lifecycle;
pub mod message;
pub mod newsletter;
pub mod organisations;
pub mod publishing;
pub mod pupil_data;
pub mod questionnaire;
pub mod readability;
pub mod scan;
pub mod spreadsheet;
pub mod surveys;

pub use message::{FieldProblems, Message, MessageArg};
