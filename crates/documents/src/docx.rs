//! The school-guide chapter as a Word document (DOCX), for schools that
//! write their school guide in Word. Same data as the typeset chapter.

use docx_rs::{Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};

use crate::DocumentError;
use crate::data::{Contact, Labels, SchoolGuideData};

/// A text worth a heading: given and not blank.
fn text(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|s| !s.trim().is_empty())
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

/// "Telefoon: …", "E-mail: …", "Website: …" for what is known.
fn contact_lines(labels: &Labels, c: &Contact) -> Vec<String> {
    [(&labels.phone, &c.phone), (&labels.email, &c.email), (&labels.website, &c.website)]
        .into_iter()
        .filter_map(|(label, value)| value.as_ref().map(|v| format!("{label}: {v}")))
        .collect()
}

/// A paragraph of a bold first line and plain lines below it.
fn lines(first: Run, rest: Vec<String>) -> Paragraph {
    rest.into_iter().fold(Paragraph::new().add_run(first), |p, line| {
        p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping).add_text(line))
    })
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
pub fn school_guide_docx(data: &SchoolGuideData) -> Result<Vec<u8>, DocumentError> {
    let common = &data.common;
    let labels = &common.labels;
    let mut doc = Docx::new()
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(36).bold())
        .add_style(Style::new("Heading2", StyleType::Paragraph).name("Heading 2").size(28).bold());
    doc = doc.add_paragraph(heading(1, &labels.guide_title));
    doc =
        doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!(
            "{} · {} {} · {}",
            common.school.name, labels.profile, common.year, labels.adopted_line,
        ))));
    for (body, title) in [(&data.summary, &labels.summary), (&data.vision, &labels.vision)] {
        if let Some(body) = text(body) {
            doc = doc.add_paragraph(heading(2, title));
            for p in paragraphs(body) {
                doc = doc.add_paragraph(p);
            }
        }
    }
    doc = doc.add_paragraph(heading(2, &labels.offer_table));
    let offers = data.offer_rows.iter().map(|r| [r.category.clone(), r.level.clone()]).collect();
    doc = doc.add_table(table([&labels.category, &labels.level], offers));
    if !data.specialists.is_empty() {
        doc = doc.add_paragraph(heading(2, &labels.specialists));
        let rows = data.specialists.iter().map(|r| [r.name.clone(), r.dagdelen.clone()]).collect();
        doc = doc.add_table(table([&labels.specialist, &labels.dagdelen], rows));
    }
    if let Some(body) = text(&data.limits) {
        doc = doc.add_paragraph(heading(2, &labels.offers_not));
        for p in paragraphs(body) {
            doc = doc.add_paragraph(p);
        }
    }
    doc = doc.add_paragraph(heading(2, &labels.contact));
    if let Some(body) = text(&data.contact) {
        for p in paragraphs(body) {
            doc = doc.add_paragraph(p);
        }
    }
    let school_lines = contact_lines(labels, &common.school.contact);
    if !school_lines.is_empty() {
        doc = doc.add_paragraph(lines(Run::new().add_text(&common.school.name).bold(), school_lines));
    }
    if let Some(steunpunt) = &common.steunpunt {
        let mut rest: Vec<String> = steunpunt.name.iter().chain(&steunpunt.note).cloned().collect();
        rest.extend(contact_lines(labels, &steunpunt.contact));
        rest.extend(common.swv.as_ref().map(|swv| format!("{}: {swv}", labels.swv)));
        doc = doc.add_paragraph(lines(Run::new().add_text(&steunpunt.title).bold(), rest));
    }
    doc = doc.add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(format!("{} {}", labels.more_text, common.urls.profile))),
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut xml = doc.build();
    let title = format!("{} — {}", labels.guide_title, common.school.name);
    xml.doc_props.core = core_properties(&title, &common.school.name, &common.lang);
    xml.pack(&mut out).map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `docProps/core.xml` with the document's title, the school as its author
/// and its language (docx-rs writes no title and "unknown" as the author, and
/// has no way to set them).
fn core_properties(title: &str, author: &str, lang: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>Passend</cp:lastModifiedBy><dc:language>{}</dc:language><cp:revision>1</cp:revision></cp:coreProperties>"#,
        escape(title),
        escape(author),
        escape(lang),
    )
    .into_bytes()
}
