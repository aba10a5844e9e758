//! The knowledge platform on the web: practice examples (`/kennisbank`, the
//! API under `/api/v1/knowledge`), and the question desk (`/vraag`,
//! `/vraagbaak`, `POST /api/v1/questions`).

pub mod api;
pub mod editor;
pub mod gaps;
pub mod pages;
