//! Integration tests: the real server on a random port, a fresh database per
//! test (SQLite, or PostgreSQL when TEST_DATABASE_URL names a server), spoken
//! to over HTTP.

mod accounts;
mod activities;
mod ambition_examples;
mod backup;
mod conversation_pages;
mod conversation_report;
mod conversations;
mod coverage;
mod csrf;
mod demo_region;
mod directory;
mod groups;
mod hardening;
mod import_cli;
mod knowledge;
mod knowledge_writing;
mod languages;
mod lifecycle;
mod members;
mod newsletter;
mod oidc;
mod openapi;
mod ops;
mod planning;
mod profiles;
mod publishing;
mod readability;
mod reminders;
mod scans;
mod search;
mod servers;
mod support;
mod surveys;
mod tasks;
mod tenancy;
