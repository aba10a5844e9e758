//! The Flesch-Douma reading ease and its bands.

use serde::Serialize;

/// `206.835 − 0.93 × words/sentence − 77 × syllables/word`; `None` without words.
pub fn flesch_douma(sentences: usize, words: usize, syllables: usize) -> Option<f64> {
    if words == 0 || sentences == 0 {
        return None;
    }
    Some(206.835 - 0.93 * (words as f64 / sentences as f64) - 77.0 * (syllables as f64 / words as f64))
}

/// Who reads a text of a score easily.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 90 and up.
    VeryEasy,
    /// 80–90: group 7 of primary school.
    Group7,
    /// 70–80: group 8.
    Group8,
    /// 60–70: lower secondary school; about language level B1.
    LowerSecondary,
    /// 45–60: upper secondary school (havo/vwo).
    UpperSecondary,
    /// 30–45: higher education.
    HigherEducation,
    /// Below 30: academic.
    Academic,
}

impl Band {
    pub fn of(score: f64) -> Band {
        match score {
            s if s >= 90.0 => Band::VeryEasy,
            s if s >= 80.0 => Band::Group7,
            s if s >= 70.0 => Band::Group8,
            s if s >= 60.0 => Band::LowerSecondary,
            s if s >= 45.0 => Band::UpperSecondary,
            s if s >= 30.0 => Band::HigherEducation,
            _ => Band::Academic,
        }
    }

    /// Whether most adults read it easily (B1 and easier).
    pub fn reaches_b1(self) -> bool {
        matches!(self, Band::VeryEasy | Band::Group7 | Band::Group8 | Band::LowerSecondary)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Band::VeryEasy => "band-very-easy",
            Band::Group7 => "band-group-7",
            Band::Group8 => "band-group-8",
            Band::LowerSecondary => "band-lower-secondary",
            Band::UpperSecondary => "band-upper-secondary",
            Band::HigherEducation => "band-higher-education",
            Band::Academic => "band-academic",
        }
    }
}
