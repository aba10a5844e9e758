//! The newsletter on the web: subscribe, confirm and unsubscribe (also the
//! one-click `List-Unsubscribe-Post` target), the archive, the editors'
//! page, and the API. The use cases are in `passend_app::newsletter`.

pub mod api;
pub mod pages;
