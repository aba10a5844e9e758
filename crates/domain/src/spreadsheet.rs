//! Lists people open in a spreadsheet: CSV as Dutch Excel reads it
//! (semicolons, a byte-order mark for the accents, CRLF), with fields that
//! would start a formula defused.

/// One field: quoted when it holds a separator, quote or line break; a
/// leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe, so
/// that a spreadsheet shows the text instead of running it (CSV injection).
pub fn csv_field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([';', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// A whole CSV document, the first row the header.
pub fn csv<R, F>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = F>,
    F: AsRef<str>,
{
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row.into_iter().map(|f| csv_field(f.as_ref())).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Minder moeilijke woorden."), "Minder moeilijke woorden.");
        assert_eq!(csv_field("Ja; graag"), "\"Ja; graag\"");
        assert_eq!(csv_field("Zeg \"hallo\"\nen dag"), "\"Zeg \"\"hallo\"\"\nen dag\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn a_document_has_a_byte_order_mark_and_crlf_rows() {
        assert_eq!(csv([["naam", "e-mail"], ["Anne", "a;b"]]), "\u{feff}naam;e-mail\r\nAnne;\"a;b\"\r\n");
    }
}
