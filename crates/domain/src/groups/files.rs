//! What a shared file may be: a type from the allow-list whose content
//! (its magic bytes) matches its extension, not empty, not over the limit;
//! and the name it is downloaded under, made safe.
//!
//! Used for the files of closed groups and the attachments of practice examples.

use crate::Message;

/// The default size limit: 10 MB.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// The longest file name kept (in characters, extension included).
pub const NAME_MAX: usize = 120;

/// The file types Passend accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
    Png,
    Jpeg,
    Txt,
    Csv,
}

impl FileKind {
    pub const ALL: [FileKind; 11] = [
        FileKind::Pdf,
        FileKind::Docx,
        FileKind::Xlsx,
        FileKind::Pptx,
        FileKind::Odt,
        FileKind::Ods,
        FileKind::Odp,
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Txt,
        FileKind::Csv,
    ];

    /// The extensions that name this kind (lower case, the first is the usual one).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Docx => &["docx"],
            FileKind::Xlsx => &["xlsx"],
            FileKind::Pptx => &["pptx"],
            FileKind::Odt => &["odt"],
            FileKind::Ods => &["ods"],
            FileKind::Odp => &["odp"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Txt => &["txt"],
            FileKind::Csv => &["csv"],
        }
    }

    /// The media type it is stored and served with.
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileKind::Odp => "application/vnd.oasis.opendocument.presentation",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Txt => "text/plain; charset=utf-8",
            FileKind::Csv => "text/csv; charset=utf-8",
        }
    }

    pub fn from_media_type(raw: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.media_type() == raw)
    }

    fn from_extension(ext: &str) -> Option<FileKind> {
        let ext = ext.to_ascii_lowercase();
        FileKind::ALL.into_iter().find(|k| k.extensions().contains(&ext.as_str()))
    }

    /// Does the content look like this kind? Office files are ZIP archives
    /// that name their main part (`word/`, `xl/`, `ppt/`); OpenDocument files
    /// start with their `mimetype` entry; text must be UTF-8 without control
    /// characters.
    fn matches(self, bytes: &[u8]) -> bool {
        const ZIP: &[u8] = b"PK\x03\x04";
        let zip_naming = |part: &[u8]| bytes.starts_with(ZIP) && contains(bytes, part);
        let open_document = |mime: &[u8]| {
            bytes.starts_with(ZIP)
                && bytes.get(30..38) == Some(b"mimetype")
                && bytes.get(38..38 + mime.len()) == Some(mime)
        };
        match self {
            FileKind::Pdf => bytes.starts_with(b"%PDF-"),
            FileKind::Docx => zip_naming(b"word/"),
            FileKind::Xlsx => zip_naming(b"xl/"),
            FileKind::Pptx => zip_naming(b"ppt/"),
            FileKind::Odt => open_document(b"application/vnd.oasis.opendocument.text"),
            FileKind::Ods => open_document(b"application/vnd.oasis.opendocument.spreadsheet"),
            FileKind::Odp => open_document(b"application/vnd.oasis.opendocument.presentation"),
            FileKind::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileKind::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileKind::Txt | FileKind::Csv => std::str::from_utf8(bytes)
                .is_ok_and(|text| !text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))),
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A file that may be kept: its kind and the safe name it is shown and downloaded under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub kind: FileKind,
    pub name: String,
    pub size: u64,
}

/// Checks a file as it was uploaded: `size` is its whole length (also when
/// reading stopped at the limit), `bytes` its content.
pub fn check_file(raw_name: &str, bytes: &[u8], size: u64, max_bytes: u64) -> Result<CheckedFile, Message> {
    if size == 0 {
        return Err(Message::new("files-empty"));
    }
    if size > max_bytes {
        return Err(Message::new("files-too-large").with("max", megabytes(max_bytes)));
    }
    let name = safe_name(raw_name);
    let Some((_, ext)) = name.rsplit_once('.') else {
        return Err(Message::new("files-type-refused").with("types", allowed_list()));
    };
    let Some(kind) = FileKind::from_extension(ext) else {
        return Err(Message::new("files-type-refused").with("types", allowed_list()));
    };
    if !kind.matches(bytes) {
        return Err(Message::new("files-content-mismatch").with("ext", ext.to_ascii_lowercase()));
    }
    Ok(CheckedFile { kind, name, size })
}

/// The limit in whole megabytes, for messages.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb.fract() == 0.0 { format!("{mb:.0}") } else { format!("{mb:.1}").replace('.', ",") }
}

/// The accepted extensions, for messages and the `accept` attribute's list.
pub fn allowed_list() -> String {
    FileKind::ALL.iter().map(|k| k.extensions()[0]).collect::<Vec<_>>().join(", ")
}

/// `accept` for a file input: `.pdf,.docx,…`.
pub fn accept_attribute() -> String {
    FileKind::ALL.iter().flat_map(|k| k.extensions()).map(|e| format!(".{e}")).collect::<Vec<_>>().join(",")
}

/// A name that is safe to show and to put in `Content-Disposition`: the last
/// path segment, letters (any script), digits, spaces and `.-_()` only, no
/// leading dots, at most [`NAME_MAX`] characters with the extension kept.
pub fn safe_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '(' | ')') { c } else { '_' })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c == ' ').to_owned();
    let (stem, ext) = match cleaned.rsplit_once('.') {
        Some((stem, ext)) if !ext.is_empty() && ext.chars().count() <= 5 => (stem.to_owned(), Some(ext.to_owned())),
        _ => (cleaned.clone(), None),
    };
    let stem = if stem.trim().is_empty() { "bestand".to_owned() } else { stem };
    let room = NAME_MAX - ext.as_ref().map_or(0, |e| e.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    match ext {
        Some(ext) => format!("{}.{}", stem.trim_end(), ext),
        None => stem.trim_end().to_owned(),
    }
}

/// `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, 5987).
pub fn content_disposition(name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || " .-_()".contains(c) { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn odt() -> Vec<u8> {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.resize(30, 0);
        bytes.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        bytes
    }

    #[test]
    fn allowed_types_pass_when_their_content_matches() {
        assert_eq!(check_file("verslag.pdf", PDF, 20, DEFAULT_MAX_BYTES).unwrap().kind, FileKind::Pdf);
        assert_eq!(check_file("Foto.PNG", PNG, 20, DEFAULT_MAX_BYTES).unwrap().kind, FileKind::Png);
        assert_eq!(check_file("a.odt", &odt(), 80, DEFAULT_MAX_BYTES).unwrap().kind, FileKind::Odt);
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert_eq!(check_file("plan.docx", docx, 50, DEFAULT_MAX_BYTES).unwrap().kind, FileKind::Docx);
        assert_eq!(check_file("lijst.csv", "naam;rol\nSanne;ib\n".as_bytes(), 18, 100).unwrap().kind, FileKind::Csv);
        assert_eq!(check_file("notitie.txt", "Één regel\n".as_bytes(), 12, 100).unwrap().kind, FileKind::Txt);
    }

    #[test]
    fn a_wrong_extension_or_content_is_refused() {
        assert_eq!(check_file("virus.exe", b"MZ\x90\0", 4, 100).unwrap_err().id, "files-type-refused");
        assert_eq!(check_file("zonder-extensie", PDF, 20, 100).unwrap_err().id, "files-type-refused");
        // An executable renamed to .pdf, a zip that is no Word file, binary text.
        assert_eq!(check_file("nep.pdf", b"MZ\x90\0", 4, 100).unwrap_err().id, "files-content-mismatch");
        assert_eq!(check_file("nep.docx", b"PK\x03\x04xl/sheet", 14, 100).unwrap_err().id, "files-content-mismatch");
        assert_eq!(check_file("nep.txt", b"abc\0def", 7, 100).unwrap_err().id, "files-content-mismatch");
        assert_eq!(check_file("nep.odt", b"PK\x03\x04", 4, 100).unwrap_err().id, "files-content-mismatch");
    }

    #[test]
    fn empty_and_too_large_files_are_refused_with_the_limit() {
        assert_eq!(check_file("leeg.pdf", b"", 0, 100).unwrap_err().id, "files-empty");
        let too_large = check_file("groot.pdf", PDF, DEFAULT_MAX_BYTES + 1, DEFAULT_MAX_BYTES).unwrap_err();
        assert_eq!(too_large.id, "files-too-large");
        assert_eq!(too_large.args[0].1, crate::MessageArg::Text("10".into()));
        assert_eq!(megabytes(1536 * 1024), "1,5");
    }

    #[test]
    fn names_are_made_safe() {
        assert_eq!(safe_name("C:\\Users\\x\\Plan van aanpak.docx"), "Plan van aanpak.docx");
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("..verborgen.pdf"), "verborgen.pdf");
        assert_eq!(safe_name("a\"b;c\r\n<script>.pdf"), "a_b_c___script_.pdf");
        assert_eq!(safe_name(".pdf"), "pdf");
        assert_eq!(safe_name(""), "bestand");
        assert_eq!(safe_name("Één overleg (v2).pdf"), "Één overleg (v2).pdf");
        let long = format!("{}.pdf", "x".repeat(300));
        assert_eq!(safe_name(&long).chars().count(), NAME_MAX);
        assert!(safe_name(&long).ends_with(".pdf"));
    }

    #[test]
    fn the_download_header_quotes_nothing_it_should_not() {
        assert_eq!(
            content_disposition("Één plan.pdf"),
            "attachment; filename=\"__n plan.pdf\"; filename*=UTF-8''%C3%89%C3%A9n%20plan.pdf"
        );
    }

    #[test]
    fn the_accept_list_names_every_extension() {
        assert!(accept_attribute().starts_with(".pdf,.docx"));
        assert!(accept_attribute().contains(".jpeg"));
        assert_eq!(FileKind::from_media_type("application/pdf"), Some(FileKind::Pdf));
    }
}
