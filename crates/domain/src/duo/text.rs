//! Turning a file's bytes into text, with the position of the first bad byte.

use super::{ImportError, ImportErrorKind};

/// Bytes that Windows-1252 leaves undefined; in a DUO file they mean the file
/// is in some other encoding.
const UNDEFINED_IN_WINDOWS_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

pub fn decode_utf8(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_controls(file, text, "UTF-8").map(|()| text.to_owned()),
        Err(error) => Err(encoding_error(file, bytes, error.valid_up_to(), "UTF-8")),
    }
}

/// DUO publishes Windows-1252; a file someone re-saved as UTF-8 is read as UTF-8.
pub fn decode_duo(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        check_controls(file, text, "UTF-8")?;
        return Ok(text.to_owned());
    }
    if let Some(at) = bytes.iter().position(|b| UNDEFINED_IN_WINDOWS_1252.contains(b)) {
        return Err(encoding_error(file, bytes, at, "Windows-1252"));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    check_controls(file, &text, "Windows-1252")?;
    Ok(text.into_owned())
}

/// Control characters other than tab and line ends mean a binary or mis-decoded file.
fn check_controls(file: &str, text: &str, encoding: &'static str) -> Result<(), ImportError> {
    match text.char_indices().find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        Some((at, _)) => Err(encoding_error(file, text.as_bytes(), at, encoding)),
        None => Ok(()),
    }
}

fn encoding_error(file: &str, bytes: &[u8], at: usize, encoding: &'static str) -> ImportError {
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    ImportError::new(file, line, Some(column), ImportErrorKind::Encoding { encoding })
}
