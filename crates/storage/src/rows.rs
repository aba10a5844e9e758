//! What the crate's rows decode into before they become its types: yes/no
//! columns, and names and JSON read from a known column, so that a value
//! that does not parse is reported with where it was found.

use passend_domain::access::Role;
use passend_domain::lifecycle::{MilestoneKind, ProfileState};
use passend_domain::organisations::{OrgKind, Sector};
use passend_domain::surveys::{Audience, SurveyKind};
use sqlx::any::{Any, AnyTypeInfo, AnyValueRef};
use sqlx::error::BoxDynError;
use sqlx::{Decode, Type};

use crate::StorageError;
use crate::error::CorruptCause;

/// Rows converted one by one, stopping at the first that cannot be read.
pub(crate) fn convert<R, T>(rows: Vec<R>) -> Result<Vec<T>, StorageError>
where
    T: TryFrom<R, Error = StorageError>,
{
    rows.into_iter().map(T::try_from).collect()
}

/// A yes/no column. The schema stores these as BIGINT 0 or 1 on both
/// backends (SQLite has no boolean type, and `Any` decodes a `bool` only from
/// a boolean value), so they decode from the integer: anything but 0 is yes.
/// Types with a yes/no field map through a row struct holding a `Flag`: the
/// derive's `try_from` attribute would need sqlx's `macros` feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flag(pub bool);

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Flag(<i64 as Decode<'r, Any>>::decode(value)? != 0))
    }
}

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}

/// A stored name that reads back as one of the values of a domain type.
pub(crate) trait Named: Sized {
    /// What the name names, for the error when it is unknown.
    const WHAT: &'static str;
    fn from_name(name: &str) -> Option<Self>;
}

/// A column that holds names or JSON, to read its values with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Column {
    pub table: &'static str,
    pub name: &'static str,
}

impl Column {
    pub(crate) const fn new(table: &'static str, name: &'static str) -> Self {
        Column { table, name }
    }

    /// The value the stored name names; `Corrupt` when it names none.
    pub(crate) fn parse<T: Named>(self, stored: &str) -> Result<T, StorageError> {
        T::from_name(stored).ok_or_else(|| StorageError::corrupt(self, stored, CorruptCause::UnknownName(T::WHAT)))
    }

    /// The value the stored JSON holds; `Corrupt` when it holds no `T`.
    pub(crate) fn json<T: serde::de::DeserializeOwned>(self, stored: &str) -> Result<T, StorageError> {
        serde_json::from_str(stored).map_err(|e| StorageError::corrupt(self, stored, CorruptCause::Json(e)))
    }
}

impl Named for ProfileState {
    const WHAT: &'static str = "profile state";
    fn from_name(name: &str) -> Option<Self> {
        ProfileState::parse(name)
    }
}

impl Named for MilestoneKind {
    const WHAT: &'static str = "milestone kind";
    fn from_name(name: &str) -> Option<Self> {
        MilestoneKind::parse(name)
    }
}

impl Named for Role {
    const WHAT: &'static str = "role";
    fn from_name(name: &str) -> Option<Self> {
        Role::parse(name)
    }
}

impl Named for OrgKind {
    const WHAT: &'static str = "organisation kind";
    fn from_name(name: &str) -> Option<Self> {
        OrgKind::parse(name)
    }
}

impl Named for SurveyKind {
    const WHAT: &'static str = "survey kind";
    fn from_name(name: &str) -> Option<Self> {
        SurveyKind::parse(name)
    }
}

impl Named for Audience {
    const WHAT: &'static str = "survey audience";
    fn from_name(name: &str) -> Option<Self> {
        Audience::parse(name)
    }
}

impl Named for Sector {
    const WHAT: &'static str = "sector";
    fn from_name(name: &str) -> Option<Self> {
        Sector::parse(name)
    }
}
