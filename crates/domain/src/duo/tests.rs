use super::*;
use crate::organisations::Sector;

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_bytes!(concat!("../../../../tests/fixtures/duo/", $name)).as_slice())
    };
}

fn locations((name, bytes): (&str, &[u8])) -> (LocationFormat, Vec<LocationRecord>) {
    match parse_file(name, bytes).unwrap() {
        DuoFile::Locations { format, records } => (format, records),
        other => panic!("expected locations, got {other:?}"),
    }
}

fn error((name, bytes): (&str, &[u8])) -> ImportError {
    parse_file(name, bytes).unwrap_err()
}

#[test]
fn the_open_data_list_is_read_whole() {
    let (format, records) = locations(fixture!("vestigingen_klein.csv"));
    assert_eq!(format, LocationFormat::OpenDataCsv);
    assert_eq!(records.len(), 6);
    let aida = &records[0];
    assert_eq!(aida.code.as_str(), "32DD00");
    assert_eq!(aida.sector, Some(Sector::Po));
    assert_eq!(aida.pupils, Some(212));
    assert_eq!(aida.postcode.as_deref(), Some("2516PV"));
    assert_eq!(records[2].house_number.as_deref(), Some("1 a"));
    assert_eq!(records[3].house_number.as_deref(), Some("2 bis"));
    assert_eq!(records[4].sector, Some(Sector::SoVso));
    assert_eq!(records[1].pupils, None);
}

#[test]
fn duo_address_files_with_old_headers_are_windows_1252() {
    let (format, records) = locations(fixture!("duo_adressen_oud.csv"));
    assert_eq!(format, LocationFormat::DuoLegacy);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1].code.as_str(), "04FZ01");
    assert_eq!(records[1].name, "De Brug dépendance");
    assert_eq!(records[1].postcode.as_deref(), Some("1012AB"));
    assert_eq!(records[0].board.as_ref().map(|b| b.as_str()), Some("41234"));
    assert_eq!(records[2].city.as_deref(), Some("'s-Gravenhage"));
}

#[test]
fn duo_address_files_with_new_headers_are_read() {
    let (format, records) = locations(fixture!("duo_adressen_nieuw.csv"));
    assert_eq!(format, LocationFormat::DuoCurrent);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0].sector, Some(Sector::Sbo));
    assert_eq!(records[1].sector, Some(Sector::SoVso));
    assert_eq!(records[3].name, "Scholengemeenschap Één");
    assert_eq!(records[3].city.as_deref(), Some("Geldermalsen"));
}

#[test]
fn the_postcode_table_normalises_codes_and_skips_regions() {
    let DuoFile::PostcodeSwv(rows) = parse_file("pc4.csv", fixture!("pc4_swv_klein.csv").1).unwrap() else {
        panic!("expected postcode table");
    };
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[1].po_swv.as_ref().unwrap().as_str(), "PO2707");
    assert_eq!(rows[1].vo_swv.as_ref().unwrap().as_str(), "VO2708");
    assert_eq!(rows[5].po_swv, None);
}

#[test]
fn a_wrongly_encoded_file_names_line_and_column() {
    let e = error(fixture!("kapot_codering.csv"));
    assert!(matches!(e.kind, ImportErrorKind::Encoding { .. }), "{e}");
    assert_eq!((e.line, e.column), (4, Some(16)), "{e}");
}

#[test]
fn a_missing_column_is_named() {
    let e = error(fixture!("kapot_kolom.csv"));
    assert_eq!(e.kind, ImportErrorKind::MissingColumn { name: "postcode".into() });
    assert_eq!(e.line, 1);
}

#[test]
fn a_duplicate_code_names_both_lines() {
    let e = error(fixture!("kapot_dubbel.csv"));
    assert_eq!(e.kind, ImportErrorKind::DuplicateCode { code: "32DD00".into(), first_line: 2 });
    assert_eq!((e.line, e.column), (5, Some(1)));
    assert_eq!(e.column_name.as_deref(), Some("vestigingscode"));
}

#[test]
fn a_bad_brin_names_its_column() {
    let e = error(fixture!("kapot_brin.csv"));
    assert!(matches!(e.kind, ImportErrorKind::InvalidCode(_)), "{e}");
    assert_eq!((e.line, e.column), (3, Some(2)));
}

#[test]
fn undefined_windows_1252_bytes_are_an_encoding_error() {
    let bytes =
        b"BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM\r\n04FZ;00;De \x81Brug;1011AB;AMSTERDAM\r\n";
    let e = parse_file("x.csv", bytes).unwrap_err();
    assert_eq!((e.line, e.column), (2, Some(12)));
}

#[test]
fn an_unknown_file_is_refused() {
    let e = parse_file("x.csv", b"a,b,c\n1,2,3\n").unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::UnknownFormat);
    assert_eq!(parse_file("x.csv", b"").unwrap_err().kind, ImportErrorKind::EmptyFile);
}

#[test]
fn a_short_line_is_reported_with_its_line() {
    let text = b"pc4,gemeente,po_swv,vo_swv\n1011,Amsterdam,PO2707,VO2708\n1012,Amsterdam\n";
    let e = parse_file("pc4.csv", text).unwrap_err();
    assert_eq!(e.line, 3);
    assert!(matches!(e.kind, ImportErrorKind::FieldCount { expected: 4, found: 2 }));
}

fn parsed(files: &[(&str, &[u8])]) -> Vec<DuoFile> {
    files.iter().map(|(n, b)| parse_file(n, b).unwrap()).collect()
}

fn apply(snapshot: &mut Snapshot, plan: &ImportPlan) {
    for s in plan.swvs.created.iter() {
        snapshot.swvs.insert(s.clone());
    }
    for b in plan.boards.created.iter() {
        snapshot.boards.insert(b.clone());
    }
    for s in plan.schools.created.iter().chain(&plan.schools.updated) {
        snapshot.schools.insert(s.brin.clone(), s.clone());
    }
    for l in plan.locations.created.iter().chain(&plan.locations.updated) {
        snapshot.locations.insert(l.code.clone(), l.clone());
    }
    for p in plan.postcodes.created.iter().chain(&plan.postcodes.updated) {
        snapshot.postcodes.insert(p.pc4.clone(), p.clone());
    }
}

#[test]
fn a_plan_assigns_swvs_by_postcode_and_sector() {
    let files = parsed(&[fixture!("vestigingen_klein.csv"), fixture!("pc4_swv_klein.csv")]);
    let plan = plan(&Snapshot::default(), &files);
    assert_eq!(plan.locations.created.len(), 6);
    assert_eq!(plan.swvs.created, vec!["PO2509", "PO2707", "PO2815", "VO2509", "VO2708", "VO2815"]);
    let kompas = plan.locations.created.iter().find(|l| l.code == "20XK00").unwrap();
    assert_eq!((kompas.swv_po.as_deref(), kompas.swv_vo.as_deref()), (Some("PO2707"), Some("VO2708")));
    let brug = plan.locations.created.iter().find(|l| l.code == "04FZ00").unwrap();
    assert_eq!((brug.swv_po.as_deref(), brug.swv_vo.as_deref()), (Some("PO2707"), None));
    assert_eq!(plan.without_swv, 1, "the Europoort lyceum has no SWV");
    assert_eq!(plan.schools.created.len(), 5);
    assert_eq!(plan.schools.created.iter().find(|s| s.brin == "04FZ").unwrap().name, "De Brug");
}

#[test]
fn a_second_import_changes_nothing_and_files_merge_in_any_order() {
    let files =
        parsed(&[fixture!("vestigingen_klein.csv"), fixture!("pc4_swv_klein.csv"), fixture!("duo_adressen_nieuw.csv")]);
    let mut snapshot = Snapshot::default();
    let first = plan(&snapshot, &files);
    apply(&mut snapshot, &first);
    let second = plan(&snapshot, &files);
    assert!(second.locations.created.is_empty() && second.locations.updated.is_empty());
    assert_eq!(second.locations.unchanged, 7);
    assert_eq!(second.schools.unchanged, 5);
    assert!(second.swvs.created.is_empty());

    let brug = &snapshot.locations["04FZ00"];
    assert_eq!(brug.pupils, Some(120), "DUO's address file keeps the open-data pupil count");
    assert_eq!(snapshot.schools["04FZ"].board.as_deref(), Some("41234"));
    assert_eq!(snapshot.boards.len(), 3);

    let only_open_data = parsed(&[fixture!("vestigingen_klein.csv")]);
    let third = plan(&snapshot, &only_open_data);
    assert_eq!(third.schools.created.len() + third.schools.updated.len(), 0, "boards are kept");
}

#[test]
fn swvs_set_by_hand_survive_an_import() {
    let files = parsed(&[fixture!("vestigingen_klein.csv"), fixture!("pc4_swv_klein.csv")]);
    let mut snapshot = Snapshot::default();
    let first = plan(&snapshot, &files);
    apply(&mut snapshot, &first);
    let aida = snapshot.locations.get_mut("32DD00").unwrap();
    aida.swv_po = Some("PO2707".into());
    aida.swv_set_by_hand = true;
    let again = plan(&snapshot, &files);
    assert_eq!(again.locations.unchanged, 6);
}

#[test]
fn duo_address_files_give_the_phone_and_a_directors_contact_survives_an_import() {
    let (_, records) = locations(fixture!("duo_adressen_nieuw.csv"));
    assert_eq!(records[0].phone.as_deref(), Some("0201234567"));
    assert_eq!(records[0].website.as_deref(), Some("www.debrug.nl"));
    assert_eq!(records[1].phone, None, "an empty cell is no phone");

    let files = parsed(&[fixture!("vestigingen_klein.csv"), fixture!("duo_adressen_nieuw.csv")]);
    let mut snapshot = Snapshot::default();
    let first = plan(&snapshot, &files);
    apply(&mut snapshot, &first);
    assert_eq!(snapshot.locations["04FZ00"].phone.as_deref(), Some("0201234567"), "pre-filled from DUO");
    let brug = snapshot.locations.get_mut("04FZ00").unwrap();
    brug.phone = Some("020 765 43 21".into());
    brug.email = Some("info@debrug.example".into());
    brug.website = None;
    brug.contact_set_by_hand = true;
    let again = plan(&snapshot, &files);
    assert!(again.locations.updated.is_empty(), "the director's contact is kept: {:?}", again.locations.updated);
}
