//! Types the JSON API shares between areas: what several handlers answer,
//! and the schema of an answer value as it is both read and written.

use passend_domain::questionnaire::{AnswerValue, SchoolYear};
use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, ObjectBuilder, Type};
use utoipa::openapi::{KnownFormat, RefOr, Schema, SchemaFormat};
use utoipa::{PartialSchema, ToSchema};

/// The id of what was just made.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// A change that answers nothing but that it was kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct Saved {
    /// Always `true`: a refusal is an error answer instead.
    pub saved: bool,
}

impl Saved {
    pub const YES: Saved = Saved { saved: true };
}

/// An answer to one item in the form the API reads and writes it: a level or
/// option key or text (string), a list of option keys, `true`/`false`, a
/// whole number, or table rows (objects by column key, every cell a string).
/// `null` (or `""`, `[]`) is no answer. Which form fits depends on the item's
/// kind in the template; a value that does not fit is a field error.
pub struct RawAnswer;

impl PartialSchema for RawAnswer {
    fn schema() -> RefOr<Schema> {
        let string = || ObjectBuilder::new().schema_type(Type::String);
        // anyOf, not oneOf: `[]` is both an empty list of keys and no rows.
        AnyOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Null))
            .item(string())
            .item(ObjectBuilder::new().schema_type(Type::Boolean))
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64))),
            )
            .item(ArrayBuilder::new().items(string()))
            .item(ArrayBuilder::new().items(ObjectBuilder::new().additional_properties(Some(string()))))
            .description(Some(
                "An answer as it is read and written: a level or option key or text (string), a list of \
                 option keys, true/false, a whole number, or table rows (objects by column key, every cell \
                 a string); null, \"\" or [] is no answer. Which form fits depends on the item's kind in \
                 the template.",
            ))
            .into()
    }
}

impl ToSchema for RawAnswer {}

/// The stored answer in the form a client sends it back.
pub fn raw_answer(value: Option<&AnswerValue>) -> Value {
    value.map_or(Value::Null, AnswerValue::to_raw)
}

/// A string schema whose values are the serde names of every member of a
/// domain enum, taken from its `ALL` list so that the document cannot drift
/// from what the server parses.
pub fn names_of<T: Serialize>(all: &[T], description: &str) -> utoipa::openapi::schema::Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(all.iter().filter_map(|v| serde_json::to_value(v).ok()?.as_str().map(str::to_owned))))
        .description(Some(description))
        .build()
}

fn list_of(item: utoipa::openapi::schema::Object) -> utoipa::openapi::schema::Array {
    ArrayBuilder::new().items(item).build()
}

pub fn profile_state() -> utoipa::openapi::schema::Object {
    names_of(&passend_domain::lifecycle::ProfileState::ALL, "The profile's state in the yearly cycle.")
}

pub fn step() -> utoipa::openapi::schema::Object {
    names_of(&passend_domain::lifecycle::Step::ALL, "A step of the yearly cycle.")
}

pub fn steps() -> utoipa::openapi::schema::Array {
    list_of(step())
}

pub fn step_roles() -> utoipa::openapi::schema::Array {
    use passend_domain::lifecycle::StepRole;
    list_of(names_of(
        &[StepRole::Coordinator, StepRole::Mr, StepRole::Board],
        "The part the caller plays for this profile.",
    ))
}

pub fn verdict() -> utoipa::openapi::schema::Object {
    names_of(&passend_domain::lifecycle::AdviceVerdict::ALL, "The participation council's advice.")
}

pub fn role() -> utoipa::openapi::schema::Object {
    names_of(&passend_domain::access::Role::ALL, "A role in an organisation.")
}

/// A verdict, or `""` (the default) for the steps that take none.
pub fn verdict_or_none() -> utoipa::openapi::schema::Object {
    let mut schema = verdict();
    if let Some(values) = schema.enum_values.as_mut() {
        values.insert(0, Value::String(String::new()));
    }
    schema
}

pub fn support_category() -> utoipa::openapi::schema::Object {
    names_of(&passend_domain::questionnaire::SupportCategory::ALL, "A support category (extra ondersteuning).")
}

/// A support category, or `null` where none applies.
pub fn support_category_or_none() -> utoipa::openapi::schema::Object {
    let mut schema = support_category();
    schema.schema_type = utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null]);
    if let Some(values) = schema.enum_values.as_mut() {
        values.push(Value::Null);
    }
    schema
}

/// A profile state, or `null` where there is no profile.
pub fn profile_state_or_none() -> utoipa::openapi::schema::Object {
    let mut schema = profile_state();
    schema.schema_type = utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null]);
    if let Some(values) = schema.enum_values.as_mut() {
        values.push(Value::Null);
    }
    schema
}

pub fn org_kind() -> utoipa::openapi::schema::Object {
    use passend_domain::organisations::OrgKind;
    names_of(&[OrgKind::Platform, OrgKind::Swv, OrgKind::Board, OrgKind::School], "A kind of organisation.")
}

/// The organisations that have members of their own (the platform's admins
/// are not managed through the API).
pub struct MemberOrgKind;

impl PartialSchema for MemberOrgKind {
    fn schema() -> RefOr<Schema> {
        use passend_domain::organisations::OrgKind;
        names_of(&[OrgKind::Swv, OrgKind::Board, OrgKind::School], "swv, board or school").into()
    }
}

impl ToSchema for MemberOrgKind {}

pub fn swv_kind() -> utoipa::openapi::schema::Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(["po", "vo"]))
        .description(Some("Primary (`po`) or secondary (`vo`) education."))
        .build()
}

pub fn sector_or_none() -> utoipa::openapi::schema::Object {
    // The API writes `Sector::as_str` (`so_vso`), not the serde name.
    let mut schema = ObjectBuilder::new()
        .enum_values(Some(passend_domain::organisations::Sector::ALL.iter().map(|s| s.as_str())))
        .description(Some("DUO's sector of the location."))
        .build();
    schema.schema_type = utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null]);
    if let Some(values) = schema.enum_values.as_mut() {
        values.push(Value::Null);
    }
    schema
}

/// A school year as the API writes it, `2026-2027`: every year the server
/// takes (`SchoolYear::parse`: starting 2000 to 2100). The server also reads
/// `2026/2027` and `2026-27`; the document names the one spelling it writes.
pub struct SchoolYearName;

impl PartialSchema for SchoolYearName {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some((2000..=2100).map(|start| format!("{start}-{}", start + 1))))
            .description(Some("A school year, e.g. `2026-2027`."))
            .examples([Value::String("2026-2027".to_owned())])
            .into()
    }
}

impl ToSchema for SchoolYearName {}

/// The school year an API request names, this one when it names none; one
/// that does not parse is a field error, never silently this year's data.
pub fn year_or_current(raw: Option<&str>, field: &str) -> crate::error::AppResult<SchoolYear> {
    match raw {
        None => Ok(crate::profiles::pages::current_year()),
        Some(raw) => SchoolYear::parse(raw).ok_or_else(|| {
            crate::error::AppError::invalid(vec![(
                field.to_owned(),
                passend_domain::Message::new("profile-year-invalid"),
            )])
        }),
    }
}

// Patterns of texts that must not be blank name "not white space" as the
// class `[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`,
// spelled out: `\s` means another set in each regex dialect (ECMA, Python),
// and the server trims with Rust's `char::is_whitespace` (Unicode White_Space).
// utoipa takes a pattern only as a literal, so each attribute repeats it.

/// A date as the API writes it (`2027-06-15`), in the years the server takes
/// (2000–2100); `""` or `null` is no date. The server also reads `15-6-2027`.
pub fn day_or_none() -> Schema {
    Schema::AnyOf(
        AnyOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Null))
            .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some([""])))
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                    .pattern(Some(r"^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")),
            )
            .build(),
    )
}

/// A date of a step, or `""` for the steps that take none.
pub fn day_or_empty() -> Schema {
    Schema::AnyOf(
        AnyOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some([""])))
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                    .pattern(Some(r"^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")),
            )
            .build(),
    )
}

/// A template variant as `PUT /api/v1/swvs/{code}/templates/{year}` takes
/// it; `owner` is set to the SWV of the path whatever it says.
pub struct TemplateVariantDocument;

impl PartialSchema for TemplateVariantDocument {
    fn schema() -> RefOr<Schema> {
        let string = || ObjectBuilder::new().schema_type(Type::String);
        let change = ObjectBuilder::new()
            .property("key", string())
            .required("key")
            .property("hidden", ObjectBuilder::new().schema_type(Type::Boolean))
            .property("label", string())
            .property("help", string())
            .property("choice_labels", ArrayBuilder::new().items(utoipa::openapi::schema::Object::new()));
        let added = ObjectBuilder::new()
            .property("section", string())
            .required("section")
            .property("item", utoipa::openapi::schema::Object::new())
            .required("item");
        ObjectBuilder::new()
            .property("owner", string())
            .required("owner")
            .property("title", string())
            .property("changes", ArrayBuilder::new().items(change))
            .property("added", ArrayBuilder::new().items(added))
            .description(Some("Hidden, reworded or relabelled items of the default template, and items of the SWV's own (keys `swv.<code>.…`)."))
            .into()
    }
}

impl ToSchema for TemplateVariantDocument {}

/// An e-mail address as `Email::parse` takes it, in its ASCII form (the
/// server also takes non-ASCII addresses).
pub const EMAIL_PATTERN: &str = r"^[A-Za-z0-9._%+!#$&'*/=?^`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$";

/// An e-mail address, or `""` for none.
pub fn email_or_empty() -> Schema {
    Schema::AnyOf(
        AnyOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some([""])))
            .item(ObjectBuilder::new().schema_type(Type::String).max_length(Some(254)).pattern(Some(EMAIL_PATTERN)))
            .build(),
    )
}

/// Reads a whole number that JSON may write as `16` or `16.0`: JSON Schema's
/// `integer` takes both, and serde's integers only the first.
pub fn whole_number<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<i64>,
{
    use serde::Deserialize;
    use serde::de::Error;
    let number = serde_json::Number::deserialize(deserializer)?;
    let whole = match number.as_i64() {
        Some(n) => Some(n),
        None => number.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15).map(|f| f as i64),
    };
    whole
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| D::Error::custom(format!("not a whole number in range: {number}")))
}

/// [`whole_number`] for an optional field.
pub fn whole_number_or_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<i64>,
{
    use serde::Deserialize;
    #[derive(Deserialize)]
    struct Whole<T: TryFrom<i64>>(#[serde(deserialize_with = "whole_number")] T);
    Ok(Option::<Whole<T>>::deserialize(deserializer)?.map(|Whole(n)| n))
}
