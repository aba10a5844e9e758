//! What an import changes: the parsed files merged over what is stored.
//!
//! Fields a file does not give (pupil counts and coordinates in DUO's address
//! files, the board in the open-data list) keep their stored value, so files
//! can be imported in any order and a second import changes nothing. Contact
//! details a director set (phone, e-mail, website) are kept over the files'.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{DuoFile, LocationRecord, PostcodeSwvRecord, pc4_of};
use crate::organisations::{Location, School, assign_swvs};

/// Rows to write for one kind of record, and how many stayed as they were.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes<T> {
    pub created: Vec<T>,
    pub updated: Vec<T>,
    pub unchanged: usize,
}

impl<T> Default for Changes<T> {
    fn default() -> Self {
        Changes { created: Vec::new(), updated: Vec::new(), unchanged: 0 }
    }
}

impl<T: PartialEq> Changes<T> {
    fn record(&mut self, before: Option<&T>, after: T) {
        match before {
            None => self.created.push(after),
            Some(old) if *old == after => self.unchanged += 1,
            Some(_) => self.updated.push(after),
        }
    }
}

/// The postcode area's SWVs as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostcodeArea {
    pub pc4: String,
    pub municipality: Option<String>,
    pub po_swv: Option<String>,
    pub vo_swv: Option<String>,
}

/// What is stored before the import.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub swvs: BTreeSet<String>,
    pub boards: BTreeSet<String>,
    pub schools: HashMap<String, School>,
    pub locations: HashMap<String, Location>,
    pub postcodes: HashMap<String, PostcodeArea>,
}

#[derive(Debug, Default)]
pub struct ImportPlan {
    pub swvs: Changes<String>,
    pub boards: Changes<String>,
    pub schools: Changes<School>,
    pub locations: Changes<Location>,
    pub postcodes: Changes<PostcodeArea>,
    /// Locations whose postcode area has no SWV in the table.
    pub without_swv: usize,
}

pub fn plan(snapshot: &Snapshot, files: &[DuoFile]) -> ImportPlan {
    let mut plan = ImportPlan::default();

    let mut areas: HashMap<String, PostcodeArea> = snapshot.postcodes.clone();
    for file in files {
        if let DuoFile::PostcodeSwv(rows) = file {
            for row in rows {
                areas.insert(row.pc4.clone(), area_of(row));
            }
        }
    }
    let mut area_codes: Vec<&String> = areas.keys().collect();
    area_codes.sort();
    for pc4 in area_codes {
        plan.postcodes.record(snapshot.postcodes.get(pc4), areas[pc4].clone());
    }

    let mut merged: BTreeMap<String, Location> = BTreeMap::new();
    let mut boards_of_schools: HashMap<String, String> = HashMap::new();
    for file in files {
        if let DuoFile::Locations { records, .. } = file {
            for record in records {
                let code = record.code.as_str();
                let base = merged.get(code).or_else(|| snapshot.locations.get(code));
                let location = merge_location(base, record);
                if let Some(board) = &record.board {
                    boards_of_schools.insert(record.brin.as_str().to_owned(), board.as_str().to_owned());
                }
                merged.insert(code.to_owned(), location);
            }
        }
    }
    for (code, location) in &snapshot.locations {
        merged.entry(code.clone()).or_insert_with(|| location.clone());
    }

    let mut swvs: BTreeSet<String> =
        areas.values().flat_map(|a| [a.po_swv.clone(), a.vo_swv.clone()]).flatten().collect();
    for location in merged.values_mut() {
        if !location.swv_set_by_hand {
            let area = location.postcode.as_deref().and_then(pc4_of).and_then(|pc4| areas.get(&pc4));
            let (po, vo) = assign_swvs(
                location.sector,
                area.and_then(|a| a.po_swv.as_deref()),
                area.and_then(|a| a.vo_swv.as_deref()),
            );
            location.swv_po = po;
            location.swv_vo = vo;
        }
        if location.swv_po.is_none() && location.swv_vo.is_none() {
            plan.without_swv += 1;
        }
        swvs.extend(location.swv_po.iter().chain(location.swv_vo.iter()).cloned());
    }
    for swv in swvs {
        let known = snapshot.swvs.contains(&swv);
        plan.swvs.record(known.then_some(&swv), swv.clone());
    }

    let mut schools: BTreeMap<String, School> = BTreeMap::new();
    for location in merged.values() {
        // Codes are visited in order, so the first location (usually `…00`) names the school.
        schools.entry(location.brin.clone()).or_insert_with(|| School {
            brin: location.brin.clone(),
            name: location.name.clone(),
            board: boards_of_schools
                .get(&location.brin)
                .cloned()
                .or_else(|| snapshot.schools.get(&location.brin).and_then(|s| s.board.clone())),
        });
    }
    for (brin, school) in &snapshot.schools {
        schools.entry(brin.clone()).or_insert_with(|| school.clone());
    }
    let boards: BTreeSet<String> = schools.values().filter_map(|s| s.board.clone()).collect();
    for board in boards {
        let known = snapshot.boards.contains(&board);
        plan.boards.record(known.then_some(&board), board.clone());
    }
    for (brin, school) in schools {
        plan.schools.record(snapshot.schools.get(&brin), school);
    }
    for (code, location) in merged {
        plan.locations.record(snapshot.locations.get(&code), location);
    }
    plan
}

fn area_of(row: &PostcodeSwvRecord) -> PostcodeArea {
    PostcodeArea {
        pc4: row.pc4.clone(),
        municipality: row.municipality.clone(),
        po_swv: row.po_swv.as_ref().map(|c| c.as_str().to_owned()),
        vo_swv: row.vo_swv.as_ref().map(|c| c.as_str().to_owned()),
    }
}

fn merge_location(base: Option<&Location>, record: &LocationRecord) -> Location {
    fn keep<T: Clone>(new: &Option<T>, old: Option<&Option<T>>) -> Option<T> {
        new.clone().or_else(|| old.cloned().flatten())
    }
    // What the director set stays; otherwise the file's value, or the stored one.
    let by_hand = base.is_some_and(|b| b.contact_set_by_hand);
    let contact = |new: &Option<String>, old: fn(&Location) -> &Option<String>| {
        if by_hand { base.and_then(|b| old(b).clone()) } else { keep(new, base.map(old)) }
    };
    Location {
        code: record.code.as_str().to_owned(),
        brin: record.brin.as_str().to_owned(),
        name: record.name.clone(),
        duo_type: keep(&record.duo_type, base.map(|b| &b.duo_type)),
        sector: keep(&record.sector, base.map(|b| &b.sector)),
        denomination: keep(&record.denomination, base.map(|b| &b.denomination)),
        street: keep(&record.street, base.map(|b| &b.street)),
        house_number: keep(&record.house_number, base.map(|b| &b.house_number)),
        postcode: keep(&record.postcode, base.map(|b| &b.postcode)),
        city: keep(&record.city, base.map(|b| &b.city)),
        municipality: keep(&record.municipality, base.map(|b| &b.municipality)),
        province: keep(&record.province, base.map(|b| &b.province)),
        website: contact(&record.website, |b| &b.website),
        pupils: keep(&record.pupils, base.map(|b| &b.pupils)),
        lat: keep(&record.lat, base.map(|b| &b.lat)),
        lon: keep(&record.lon, base.map(|b| &b.lon)),
        swv_po: base.and_then(|b| b.swv_po.clone()),
        swv_vo: base.and_then(|b| b.swv_vo.clone()),
        swv_set_by_hand: base.is_some_and(|b| b.swv_set_by_hand),
        phone: contact(&record.phone, |b| &b.phone),
        email: base.and_then(|b| b.email.clone()),
        contact_set_by_hand: by_hand,
    }
}
