//! School locations from either the open-data list or DUO's own address files.

use std::collections::HashMap;

use super::table::{Column, Row, Table};
use super::{ImportError, ImportErrorKind};
use crate::organisations::{BoardCode, Brin, LocationCode, Sector};

/// One school location as a file describes it. `None` means the file does not
/// say; an import keeps what it knew before.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationRecord {
    pub code: LocationCode,
    pub brin: Brin,
    pub board: Option<BoardCode>,
    pub name: String,
    pub duo_type: Option<String>,
    pub sector: Option<Sector>,
    pub denomination: Option<String>,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub municipality: Option<String>,
    pub province: Option<String>,
    pub website: Option<String>,
    /// The location's phone number (DUO's address files have it).
    pub phone: Option<String>,
    pub pupils: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

pub fn parse_open_data(file: &str, text: &str) -> Result<Vec<LocationRecord>, ImportError> {
    let table = Table::read(file, text, b',')?;
    let code = table.require(&["vestigingscode"])?;
    let brin = table.require(&["brin_nummer"])?;
    let name = table.require(&["naam"])?;
    let kind = table.require(&["type"])?;
    let postcode = table.require(&["postcode"])?;
    let city = table.require(&["plaats"])?;
    let municipality = table.require(&["gemeente"])?;
    let denomination = table.optional(&["denominatie"]);
    let street = table.optional(&["straat"]);
    let number = table.optional(&["huisnummer"]);
    let letter = table.optional(&["huisletter"]);
    let addition = table.optional(&["huisnummertoevoeging"]);
    let province = table.optional(&["provincie"]);
    let website = table.optional(&["internetadres"]);
    let phone = table.optional(&["telefoonnummer"]);
    let pupils = table.optional(&["leerlingen"]);
    let lat = table.optional(&["lat"]);
    let lon = table.optional(&["lon"]);

    let mut seen = HashMap::new();
    let mut records = Vec::new();
    for row in table.rows() {
        let brin_value = parse_brin(&row, brin)?;
        let code_value =
            LocationCode::parse(row.required(code)?).map_err(|e| row.error(code, ImportErrorKind::InvalidCode(e)))?;
        check_code_matches(&row, code, &code_value, &brin_value)?;
        check_unique(&row, code, &code_value, &mut seen)?;
        let house_number = [row.get(number), row.get(letter), row.get(addition)]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let duo_type = row.text(Some(kind));
        records.push(LocationRecord {
            sector: duo_type.as_deref().and_then(Sector::from_duo_type),
            duo_type,
            code: code_value,
            brin: brin_value,
            board: None,
            name: row.required(name)?.to_owned(),
            denomination: row.text(denomination),
            street: row.text(street),
            house_number: (!house_number.is_empty()).then_some(house_number),
            postcode: parse_postcode(&row, postcode)?,
            city: row.text(Some(city)),
            municipality: row.text(Some(municipality)),
            province: row.text(province),
            website: row.text(website),
            phone: row.text(phone),
            pupils: row.number(pupils)?,
            lat: row.decimal(lat)?,
            lon: row.decimal(lon)?,
        });
    }
    Ok(records)
}

pub fn parse_duo(file: &str, text: &str) -> Result<Vec<LocationRecord>, ImportError> {
    let table = Table::read(file, text, b';')?;
    let brin = table.require(&["INSTELLINGSCODE", "BRIN NUMMER"])?;
    let code = table.require(&["VESTIGINGSCODE", "VESTIGINGSNUMMER"])?;
    let name = table.require(&["VESTIGINGSNAAM"])?;
    let postcode = table.require(&["POSTCODE"])?;
    let city = table.require(&["PLAATSNAAM"])?;
    let municipality = table.optional(&["GEMEENTENAAM"]);
    let board = table.optional(&["BEVOEGD GEZAG NUMMER"]);
    let street = table.optional(&["STRAATNAAM"]);
    let number = table.optional(&["HUISNUMMER-TOEVOEGING"]);
    let province = table.optional(&["PROVINCIE"]);
    let denomination = table.optional(&["DENOMINATIE"]);
    let website = table.optional(&["INTERNETADRES"]);
    let phone = table.optional(&["TELEFOONNUMMER"]);
    let primary_kind = table.optional(&["SOORT PRIMAIR ONDERWIJS"]);
    let secondary_structure = table.optional(&["ONDERWIJSSTRUCTUUR"]);

    let mut seen = HashMap::new();
    let mut records = Vec::new();
    for row in table.rows() {
        let brin_value = parse_brin(&row, brin)?;
        let code_value = LocationCode::from_parts(&brin_value, row.required(code)?)
            .map_err(|e| row.error(code, ImportErrorKind::InvalidCode(e)))?;
        check_unique(&row, code, &code_value, &mut seen)?;
        let board_value = match row.text(board) {
            None => None,
            Some(raw) => Some(
                BoardCode::parse(&raw)
                    .map_err(|e| row.error(board.expect("value implies column"), ImportErrorKind::InvalidCode(e)))?,
            ),
        };
        let duo_type = row.text(primary_kind).or_else(|| row.text(secondary_structure));
        let sector = match (&duo_type, secondary_structure) {
            (Some(t), _) => Sector::from_duo_type(t),
            (None, Some(_)) => Some(Sector::Vo),
            (None, None) => None,
        };
        records.push(LocationRecord {
            code: code_value,
            brin: brin_value,
            board: board_value,
            name: row.required(name)?.to_owned(),
            duo_type,
            sector,
            denomination: row.text(denomination),
            street: row.text(street),
            house_number: row.text(number),
            postcode: parse_postcode(&row, postcode)?,
            city: row.text(Some(city)).map(|c| title_case(&c)),
            municipality: row.text(municipality),
            province: row.text(province).map(|p| title_case(&p)),
            website: row.text(website),
            phone: row.text(phone),
            pupils: None,
            lat: None,
            lon: None,
        });
    }
    Ok(records)
}

fn parse_brin(row: &Row<'_>, column: Column) -> Result<Brin, ImportError> {
    Brin::parse(row.required(column)?).map_err(|e| row.error(column, ImportErrorKind::InvalidCode(e)))
}

fn check_code_matches(row: &Row<'_>, column: Column, code: &LocationCode, brin: &Brin) -> Result<(), ImportError> {
    if code.brin() == *brin {
        Ok(())
    } else {
        Err(row.error(column, ImportErrorKind::CodeMismatch { location: code.to_string(), brin: brin.to_string() }))
    }
}

fn check_unique(
    row: &Row<'_>,
    column: Column,
    code: &LocationCode,
    seen: &mut HashMap<LocationCode, u64>,
) -> Result<(), ImportError> {
    if let Some(first_line) = seen.insert(code.clone(), row.line) {
        return Err(row.error(column, ImportErrorKind::DuplicateCode { code: code.to_string(), first_line }));
    }
    Ok(())
}

/// Dutch postcodes: four digits (the first not 0) and two letters, stored as `1234AB`.
fn parse_postcode(row: &Row<'_>, column: Column) -> Result<Option<String>, ImportError> {
    let raw = row.get(Some(column));
    if raw.is_empty() {
        return Ok(None);
    }
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    let b = compact.as_bytes();
    let valid = b.len() == 6
        && b[0] != b'0'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_uppercase);
    if valid {
        Ok(Some(compact))
    } else {
        Err(row.error(column, ImportErrorKind::InvalidPostcode { value: raw.to_owned() }))
    }
}

/// DUO writes places in capitals (`'S-GRAVENHAGE`); people write `'s-Gravenhage`.
fn title_case(value: &str) -> String {
    if value.chars().any(|c| c.is_lowercase()) {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut start_of_word = true;
    for c in value.chars() {
        if start_of_word && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start_of_word = false;
        } else {
            out.extend(c.to_lowercase());
            if c == ' ' || c == '-' || c == '(' {
                start_of_word = true;
            }
        }
    }
    if let Some(rest) = out.strip_prefix("'S-") {
        out = format!("'s-{rest}");
    }
    out
}
