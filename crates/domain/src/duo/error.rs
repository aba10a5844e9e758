use std::fmt;

use thiserror::Error;

use crate::Message;
use crate::organisations::CodeError;

/// What went wrong in a file, and where.
#[derive(Debug, Clone, PartialEq, Error)]
pub struct ImportError {
    pub file: String,
    /// 1-based line in the file.
    pub line: u64,
    /// 1-based column: a field number for field problems, a character position
    /// for encoding problems; `None` where the whole line is at fault.
    pub column: Option<usize>,
    /// The header name of the column, where known.
    pub column_name: Option<String>,
    pub kind: ImportErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportErrorKind {
    EmptyFile,
    UnknownFormat,
    /// Bytes that are not text in the file's encoding.
    Encoding {
        encoding: &'static str,
    },
    MissingColumn {
        name: String,
    },
    /// The line has another number of fields than the header.
    FieldCount {
        expected: usize,
        found: usize,
    },
    Malformed {
        detail: String,
    },
    DuplicateCode {
        code: String,
        first_line: u64,
    },
    InvalidCode(CodeError),
    /// A location code that does not start with the BRIN of its line.
    CodeMismatch {
        location: String,
        brin: String,
    },
    InvalidNumber {
        value: String,
    },
    InvalidPostcode {
        value: String,
    },
    MissingValue,
}

impl ImportError {
    pub fn new(file: &str, line: u64, column: Option<usize>, kind: ImportErrorKind) -> Self {
        ImportError { file: file.to_owned(), line, column, column_name: None, kind }
    }

    pub fn named(mut self, column_name: &str) -> Self {
        self.column_name = Some(column_name.to_owned());
        self
    }

    /// The problem itself, for the message catalogue.
    pub fn message(&self) -> Message {
        match &self.kind {
            ImportErrorKind::EmptyFile => Message::new("import-empty-file"),
            ImportErrorKind::UnknownFormat => Message::new("import-unknown-format"),
            ImportErrorKind::Encoding { encoding } => Message::new("import-encoding").with("encoding", *encoding),
            ImportErrorKind::MissingColumn { name } => {
                Message::new("import-missing-column").with("name", name.as_str())
            }
            ImportErrorKind::FieldCount { expected, found } => {
                Message::new("import-field-count").with("expected", *expected).with("found", *found)
            }
            ImportErrorKind::Malformed { detail } => Message::new("import-malformed").with("detail", detail.as_str()),
            ImportErrorKind::DuplicateCode { code, first_line } => Message::new("import-duplicate-code")
                .with("code", code.as_str())
                .with("first", i64::try_from(*first_line).unwrap_or(i64::MAX)),
            ImportErrorKind::InvalidCode(error) => error.message(),
            ImportErrorKind::CodeMismatch { location, brin } => {
                Message::new("import-code-mismatch").with("location", location.as_str()).with("brin", brin.as_str())
            }
            ImportErrorKind::InvalidNumber { value } => {
                Message::new("import-invalid-number").with("value", value.as_str())
            }
            ImportErrorKind::InvalidPostcode { value } => {
                Message::new("import-invalid-postcode").with("value", value.as_str())
            }
            ImportErrorKind::MissingValue => Message::new("import-missing-value"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        if let Some(name) = &self.column_name {
            write!(f, " ({name})")?;
        }
        write!(f, ": {:?}", self.kind)
    }
}
