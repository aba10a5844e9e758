//! A CSV table read by header names, with errors that name the line and column.

use std::collections::HashMap;

use super::{ImportError, ImportErrorKind};

pub struct Table {
    file: String,
    headers: Vec<String>,
    index: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

/// One data line of a [`Table`].
pub struct Row<'a> {
    table: &'a Table,
    pub line: u64,
    record: &'a csv::StringRecord,
}

/// A column found in the header, by one of its accepted names.
#[derive(Clone, Copy)]
pub struct Column(usize);

impl Table {
    pub fn read(file: &str, text: &str, delimiter: u8) -> Result<Table, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> =
            reader.headers().map_err(|e| csv_error(file, &e))?.iter().map(|h| h.trim().to_owned()).collect();
        let index = headers.iter().enumerate().map(|(i, h)| (h.to_ascii_uppercase(), i)).collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() != headers.len() {
                return Err(ImportError::new(
                    file,
                    line,
                    Some(record.len().min(headers.len()) + 1),
                    ImportErrorKind::FieldCount { expected: headers.len(), found: record.len() },
                ));
            }
            rows.push((line, record));
        }
        Ok(Table { file: file.to_owned(), headers, index, rows })
    }

    /// The first of `names` present in the header, or an error naming the first.
    pub fn require(&self, names: &[&str]) -> Result<Column, ImportError> {
        self.optional(names).ok_or_else(|| {
            ImportError::new(
                &self.file,
                1,
                Some(self.headers.len() + 1),
                ImportErrorKind::MissingColumn { name: names[0].to_owned() },
            )
            .named(names[0])
        })
    }

    pub fn optional(&self, names: &[&str]) -> Option<Column> {
        names.iter().find_map(|n| self.index.get(&n.to_ascii_uppercase()).copied().map(Column))
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, record)| Row { table: self, line: *line, record })
    }
}

impl<'a> Row<'a> {
    /// The trimmed value; empty when the column is absent.
    pub fn get(&self, column: Option<Column>) -> &'a str {
        column.and_then(|c| self.record.get(c.0)).map_or("", str::trim)
    }

    pub fn text(&self, column: Option<Column>) -> Option<String> {
        let value = self.get(column);
        (!value.is_empty()).then(|| value.to_owned())
    }

    pub fn required(&self, column: Column) -> Result<&'a str, ImportError> {
        let value = self.get(Some(column));
        if value.is_empty() { Err(self.error(column, ImportErrorKind::MissingValue)) } else { Ok(value) }
    }

    pub fn error(&self, column: Column, kind: ImportErrorKind) -> ImportError {
        ImportError::new(&self.table.file, self.line, Some(column.0 + 1), kind).named(&self.table.headers[column.0])
    }

    pub fn number(&self, column: Option<Column>) -> Result<Option<i64>, ImportError> {
        let value = self.get(column);
        match (column, value) {
            (_, "") | (None, _) => Ok(None),
            (Some(c), v) => {
                v.parse().map(Some).map_err(|_| self.error(c, ImportErrorKind::InvalidNumber { value: v.to_owned() }))
            }
        }
    }

    pub fn decimal(&self, column: Option<Column>) -> Result<Option<f64>, ImportError> {
        let value = self.get(column);
        match (column, value) {
            (_, "") | (None, _) => Ok(None),
            (Some(c), v) => v
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Some)
                .ok_or_else(|| self.error(c, ImportErrorKind::InvalidNumber { value: v.to_owned() })),
        }
    }
}

fn csv_error(file: &str, error: &csv::Error) -> ImportError {
    let line = error.position().map_or(1, |p| p.line());
    ImportError::new(file, line, None, ImportErrorKind::Malformed { detail: error.to_string() })
}
