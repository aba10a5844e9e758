//! The profile questionnaire: templates of sections and items, answers and
//! their validation, the spread of many respondents' answers, progress.
//!
//! Every item has a stable key (`aanbod.dyslexie`) so that answers compare
//! across schools and years; an SWV derives its own version of the default
//! template without changing the keys it shares.

mod answer;
mod changes;
mod compose;
mod consolidation;
mod default_template;
mod derive;
mod prefill;
mod progress;
mod school_year;
mod template;

pub use answer::{AnswerValue, MAX_LONG_TEXT, MAX_SHORT_TEXT, MAX_TABLE_ROWS, parse_answer};
pub use changes::{Answers, ChangeKind, Comparison, ItemDifference, compare};
pub use compose::{Chapter, ComposedChapter, Entry, Shown, compose, show};
pub use consolidation::{Spread, SpreadEntry, spread};
pub use default_template::default_template;
pub use derive::{AddedItem, ItemChange, MAX_OWN_LABEL, OwnItemKind, TemplateVariant, VariantError, clean_label};
pub use prefill::{LocationFacts, prefills};
pub use progress::{Progress, SectionProgress, progress};
pub use school_year::SchoolYear;
pub use template::{
    BasisAspect, Choice, Item, ItemKind, LegalRole, Section, SupportCategory, TableColumn, TableColumnKind, Template,
};
