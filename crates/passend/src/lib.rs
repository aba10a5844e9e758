//! The `passend` binary: command line, configuration, wiring and the server's
//! life cycle. Integration tests start the server through [`server::start`].

pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod demo_activities;
pub mod demo_conversations;
pub mod demo_groups;
pub mod demo_knowledge;
pub mod demo_plain;
pub mod demo_published;
pub mod demo_region;
pub mod demo_scan;
pub mod jobs;
pub mod logging;
pub mod server;
