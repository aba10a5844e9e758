//! The school-guide chapter as a Word document (DOCX), for schools that
//! write their school guide in Word. Same data as the typeset chapter.

use docx_rs::{Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};
use serde_json::Value;

use crate::DocumentError;

fn text(value: &Value) -> Option<&str> {
    value.as_str().filter(|s| !s.trim().is_empty())
}

fn label<'a>(data: &'a Value, key: &str) -> &'a str {
    data["labels"][key].as_str().unwrap_or_default()
}

fn heading(level: usize, body: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(body)).style(&format!("Heading{level}"))
}

/// Paragraphs of free text: one per blank-line-separated block.
fn paragraphs(body: &str) -> Vec<Paragraph> {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Paragraph::new().add_run(Run::new().add_text(p.split_whitespace().collect::<Vec<_>>().join(" "))))
        .collect()
}

fn cell(body: &str, bold: bool) -> TableCell {
    let run = Run::new().add_text(body);
    TableCell::new().add_paragraph(Paragraph::new().add_run(if bold { run.bold() } else { run }))
}

fn table(header: [&str; 2], rows: Vec<[String; 2]>) -> Table {
    let mut out = vec![TableRow::new(vec![cell(header[0], true), cell(header[1], true)])];
    out.extend(rows.iter().map(|[a, b]| TableRow::new(vec![cell(a, false), cell(b, false)])));
    Table::new(out)
}

/// The chapter as DOCX bytes, from the same data as the typeset school-guide chapter.
pub fn school_guide_docx(data: &Value) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Docx::new()
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(36).bold())
        .add_style(Style::new("Heading2", StyleType::Paragraph).name("Heading 2").size(28).bold());
    doc = doc.add_paragraph(heading(1, label(data, "guide_title")));
    doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!(
        "{} · {} {} · {}",
        data["school"]["name"].as_str().unwrap_or_default(),
        label(data, "profile"),
        data["year"].as_str().unwrap_or_default(),
        label(data, "adopted_line"),
    ))));
    for (key, heading_key) in [("summary", "summary"), ("vision", "vision")] {
        if let Some(body) = text(&data[key]) {
            doc = doc.add_paragraph(heading(2, label(data, heading_key)));
            for p in paragraphs(body) {
                doc = doc.add_paragraph(p);
            }
        }
    }
    doc = doc.add_paragraph(heading(2, label(data, "offer_table")));
    let offers = data["offer_rows"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    [
                        r["category"].as_str().unwrap_or_default().to_owned(),
                        r["level"].as_str().unwrap_or_default().to_owned(),
                    ]
                })
                .collect()
        })
        .unwrap_or_default();
    doc = doc.add_table(table([label(data, "category"), label(data, "level")], offers));
    if let Some(rows) = data["specialists"].as_array().filter(|r| !r.is_empty()) {
        doc = doc.add_paragraph(heading(2, label(data, "specialists")));
        let rows = rows
            .iter()
            .map(|r| {
                [
                    r["name"].as_str().unwrap_or_default().to_owned(),
                    r["dagdelen"].as_str().unwrap_or_default().to_owned(),
                ]
            })
            .collect();
        doc = doc.add_table(table([label(data, "specialist"), label(data, "dagdelen")], rows));
    }
    if let Some(body) = text(&data["limits"]) {
        doc = doc.add_paragraph(heading(2, label(data, "offers_not")));
        for p in paragraphs(body) {
            doc = doc.add_paragraph(p);
        }
    }
    doc = doc.add_paragraph(heading(2, label(data, "contact")));
    if let Some(body) = text(&data["contact"]) {
        for p in paragraphs(body) {
            doc = doc.add_paragraph(p);
        }
    }
    if data["steunpunt"].is_object() {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!(
            "{}: {}",
            data["steunpunt"]["title"].as_str().unwrap_or_default(),
            data["steunpunt"]["text"].as_str().unwrap_or_default()
        ))));
    }
    doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!(
        "{} {}",
        label(data, "more_text"),
        data["urls"]["profile"].as_str().unwrap_or_default()
    ))));
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}
