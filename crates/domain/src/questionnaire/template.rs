//! Templates: versioned, made of sections, made of items.

use serde::{Deserialize, Serialize};

/// A questionnaire template as a school year's profiles use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// `default`, or `swv-PO2707` for an SWV's own version.
    pub key: String,
    pub version: u32,
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// `A` … `L`, as in the sector's usual profile chapters.
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub intro: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable across schools, years and SWV versions, e.g. `aanbod.dyslexie`.
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(flatten)]
    pub kind: ItemKind,
    #[serde(default)]
    pub category: Option<SupportCategory>,
    #[serde(default)]
    pub legal_role: Option<LegalRole>,
    /// Filled in from DUO's data when a profile starts.
    #[serde(default)]
    pub prefill: Option<String>,
    /// An SWV may hide an item in its version; the key stays reserved.
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// A scale with labelled levels, lowest first.
    Scale {
        levels: Vec<Choice>,
    },
    SingleChoice {
        options: Vec<Choice>,
    },
    MultipleChoice {
        options: Vec<Choice>,
    },
    YesNo,
    Number {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
        #[serde(default)]
        unit: Option<String>,
    },
    ShortText,
    LongText,
    /// Rows of a small table, e.g. specialist × dagdelen per week.
    Table {
        columns: Vec<TableColumn>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableColumn {
    pub key: String,
    pub label: String,
    pub kind: TableColumnKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableColumnKind {
    Text,
    /// Whole or half numbers, such as dagdelen per week (`2,5`).
    Number,
}

/// The kinds of support a profile describes per category (section D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportCategory {
    Dyslexie,
    Dyscalculie,
    TaalSpraak,
    Nt2,
    MeerHoogbegaafdheid,
    Leren,
    Gedrag,
    Werkhouding,
    Motoriek,
    Medisch,
    Zien,
    Horen,
}

impl SupportCategory {
    /// The key the category has in URLs, JSON and catalogue ids (`taal_spraak`).
    pub fn key(self) -> &'static str {
        self.message_id().trim_start_matches("category-")
    }

    pub fn parse(key: &str) -> Option<SupportCategory> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The catalogue id of the category's name.
    pub fn message_id(self) -> &'static str {
        match self {
            SupportCategory::Dyslexie => "category-dyslexie",
            SupportCategory::Dyscalculie => "category-dyscalculie",
            SupportCategory::TaalSpraak => "category-taal_spraak",
            SupportCategory::Nt2 => "category-nt2",
            SupportCategory::MeerHoogbegaafdheid => "category-meer_hoogbegaafdheid",
            SupportCategory::Leren => "category-leren",
            SupportCategory::Gedrag => "category-gedrag",
            SupportCategory::Werkhouding => "category-werkhouding",
            SupportCategory::Motoriek => "category-motoriek",
            SupportCategory::Medisch => "category-medisch",
            SupportCategory::Zien => "category-zien",
            SupportCategory::Horen => "category-horen",
        }
    }

    pub const ALL: [SupportCategory; 12] = [
        SupportCategory::Dyslexie,
        SupportCategory::Dyscalculie,
        SupportCategory::TaalSpraak,
        SupportCategory::Nt2,
        SupportCategory::MeerHoogbegaafdheid,
        SupportCategory::Leren,
        SupportCategory::Gedrag,
        SupportCategory::Werkhouding,
        SupportCategory::Motoriek,
        SupportCategory::Medisch,
        SupportCategory::Zien,
        SupportCategory::Horen,
    ];
}

/// What the law asks a profile to contain, and where an item fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", content = "aspect", rename_all = "snake_case")]
pub enum LegalRole {
    Basisondersteuning(BasisAspect),
    ExtraOndersteuning,
    Ambitie,
    Deskundigheid,
    Scholing,
}

/// The four aspects of basisondersteuning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasisAspect {
    Basiskwaliteit,
    PreventieveInterventies,
    Ondersteuningsstructuur,
    PlanmatigWerken,
}

impl BasisAspect {
    pub const ALL: [BasisAspect; 4] = [
        BasisAspect::Basiskwaliteit,
        BasisAspect::PreventieveInterventies,
        BasisAspect::Ondersteuningsstructuur,
        BasisAspect::PlanmatigWerken,
    ];

    /// The aspect as stored and sent (its serde name).
    pub fn key(self) -> &'static str {
        match self {
            BasisAspect::Basiskwaliteit => "basiskwaliteit",
            BasisAspect::PreventieveInterventies => "preventieve_interventies",
            BasisAspect::Ondersteuningsstructuur => "ondersteuningsstructuur",
            BasisAspect::PlanmatigWerken => "planmatig_werken",
        }
    }

    /// The catalogue id of the aspect's name.
    pub fn message_id(self) -> &'static str {
        match self {
            BasisAspect::Basiskwaliteit => "aspect-basiskwaliteit",
            BasisAspect::PreventieveInterventies => "aspect-preventief",
            BasisAspect::Ondersteuningsstructuur => "aspect-structuur",
            BasisAspect::PlanmatigWerken => "aspect-planmatig",
        }
    }
}

impl Template {
    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items().find(|i| i.key == key)
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Every item key once; section keys once.
    pub fn check(&self) -> Result<(), String> {
        let mut keys = std::collections::HashSet::new();
        for item in self.items() {
            if !keys.insert(item.key.as_str()) {
                return Err(format!("item key {} is used twice", item.key));
            }
            let choices = match &item.kind {
                ItemKind::Scale { levels } => Some(levels),
                ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => Some(options),
                _ => None,
            };
            if let Some(choices) = choices {
                let mut seen = std::collections::HashSet::new();
                if choices.is_empty() || !choices.iter().all(|c| seen.insert(c.key.as_str())) {
                    return Err(format!("item {} has no or duplicate choices", item.key));
                }
            }
        }
        let mut sections = std::collections::HashSet::new();
        if !self.sections.iter().all(|s| sections.insert(s.key.as_str())) {
            return Err("a section key is used twice".to_owned());
        }
        Ok(())
    }
}
