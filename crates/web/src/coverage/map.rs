//! The coverage map: the SWV's located schools over the outline of the
//! Netherlands (and its neighbours), with the names of the largest places and
//! an overview of the country that shows where the region lies.
//!
//! The outline is Natural Earth's (public domain), made by
//! `scripts/nl-outline.mjs` into `crates/web/data/nl-outline.json`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

use serde::Deserialize;

/// The map's size in SVG units.
pub const WIDTH: f64 = 360.0;
pub const HEIGHT: f64 = 300.0;
/// How many places the map names at most.
const PLACES: usize = 6;
/// The overview of the country in a corner, in SVG units.
const INSET_WIDTH: f64 = 64.0;

#[derive(Deserialize)]
struct Outline {
    countries: Countries,
}

#[derive(Deserialize)]
struct Countries {
    nl: Vec<Vec<[f64; 2]>>,
    be: Vec<Vec<[f64; 2]>>,
    de: Vec<Vec<[f64; 2]>>,
}

static OUTLINE: LazyLock<Outline> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/nl-outline.json")).expect("the shipped outline is valid JSON")
});

/// The European Netherlands, west, south, east, north (degrees).
const NL_BOX: (f64, f64, f64, f64) = (3.3, 50.7, 7.3, 53.6);

/// A location to put on the map.
pub struct Point<'a> {
    pub lat: f64,
    pub lon: f64,
    /// Its municipality (or place), for the names on the map.
    pub place: Option<&'a str>,
    /// The CSS class of its level.
    pub class: &'static str,
    /// Hover text: the name and level in words.
    pub title: String,
    /// Whether the location has a profile for the year.
    pub profiled: bool,
}

pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub class: &'static str,
    pub title: String,
    pub profiled: bool,
}

pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// A map ready to draw: SVG path data and positions, all in SVG units.
pub struct Map {
    /// The Netherlands.
    pub land: String,
    /// Belgium and Germany, lighter.
    pub neighbours: String,
    pub dots: Vec<Dot>,
    pub labels: Vec<Label>,
    /// The overview: the country small, and the frame of the main map on it.
    pub inset: Option<Inset>,
    /// A scale bar: its length in SVG units and what it stands for in km.
    pub scale: (f64, u32),
}

pub struct Inset {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub land: String,
    /// The main map's frame on the overview.
    pub frame: (f64, f64, f64, f64),
}

/// Equirectangular, with the longitude shrunk by the cosine of the middle latitude.
#[derive(Clone, Copy)]
struct Projection {
    west: f64,
    north: f64,
    /// SVG units per degree of latitude.
    scale: f64,
    shrink: f64,
    dx: f64,
    dy: f64,
}

impl Projection {
    /// The box (west, south, east, north) fitted into `width` × `height`, centred.
    fn fit(box_: (f64, f64, f64, f64), width: f64, height: f64) -> Projection {
        let (west, south, east, north) = box_;
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let span_x = ((east - west) * shrink).max(1e-9);
        let span_y = (north - south).max(1e-9);
        let scale = (width / span_x).min(height / span_y);
        Projection {
            west,
            north,
            scale,
            shrink,
            dx: (width - span_x * scale) / 2.0,
            dy: (height - span_y * scale) / 2.0,
        }
    }

    fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        (self.dx + (lon - self.west) * self.shrink * self.scale, self.dy + (self.north - lat) * self.scale)
    }

    fn path(&self, rings: &[Vec<[f64; 2]>], offset: (f64, f64)) -> String {
        let mut d = String::new();
        for ring in rings {
            for (i, [lon, lat]) in ring.iter().enumerate() {
                let (x, y) = self.point(*lon, *lat);
                let _ = write!(d, "{}{:.1},{:.1}", if i == 0 { 'M' } else { 'L' }, x + offset.0, y + offset.1);
            }
            d.push('Z');
        }
        d
    }

    /// Kilometres per SVG unit.
    fn km_per_unit(&self) -> f64 {
        111.2 / self.scale
    }
}

/// The box the located points span, widened to a region of at least about
/// 10 km and a margin, so that the schools do not sit on the edge.
fn frame(points: &[Point<'_>]) -> (f64, f64, f64, f64) {
    if points.is_empty() {
        return NL_BOX;
    }
    let (mut west, mut south, mut east, mut north) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        west = west.min(p.lon);
        east = east.max(p.lon);
        south = south.min(p.lat);
        north = north.max(p.lat);
    }
    let min_span = 0.09;
    let (lat_mid, lon_mid) = ((south + north) / 2.0, (west + east) / 2.0);
    let lat_half = ((north - south).max(min_span) / 2.0) * 1.2;
    let lon_half = ((east - west).max(min_span * 1.6) / 2.0) * 1.2;
    (lon_mid - lon_half, lat_mid - lat_half, lon_mid + lon_half, lat_mid + lat_half)
}

/// A round length for the scale bar, about a fifth of the map wide.
fn scale_bar(projection: &Projection) -> (f64, u32) {
    let target = WIDTH / 5.0 * projection.km_per_unit();
    let km = [1, 2, 5, 10, 20, 50, 100].into_iter().rev().find(|k| f64::from(*k) <= target).unwrap_or(1);
    (f64::from(km) / projection.km_per_unit(), km)
}

/// The map of the points: the region they span, or the whole country when none is located.
pub fn draw(points: &[Point<'_>]) -> Map {
    let projection = Projection::fit(frame(points), WIDTH, HEIGHT);
    let outline = &*OUTLINE;
    let mut neighbours = projection.path(&outline.countries.be, (0.0, 0.0));
    neighbours.push_str(&projection.path(&outline.countries.de, (0.0, 0.0)));
    let dots: Vec<Dot> = points
        .iter()
        .map(|p| {
            let (x, y) = projection.point(p.lon, p.lat);
            Dot { x, y, class: p.class, title: p.title.clone(), profiled: p.profiled }
        })
        .collect();
    Map {
        land: projection.path(&outline.countries.nl, (0.0, 0.0)),
        neighbours,
        labels: labels(points, &projection),
        inset: inset(points, &projection),
        scale: scale_bar(&projection),
        dots,
    }
}

/// The places with the most located schools, at the middle of their schools,
/// leaving out a name that would overlap one already placed.
fn labels(points: &[Point<'_>], projection: &Projection) -> Vec<Label> {
    let mut places: BTreeMap<&str, (usize, f64, f64)> = BTreeMap::new();
    for p in points {
        if let Some(place) = p.place.filter(|s| !s.trim().is_empty()) {
            let entry = places.entry(place).or_default();
            entry.0 += 1;
            entry.1 += p.lat;
            entry.2 += p.lon;
        }
    }
    let mut ranked: Vec<(&str, usize, f64, f64)> =
        places.into_iter().map(|(name, (n, lat, lon))| (name, n, lat / n as f64, lon / n as f64)).collect();
    // Most schools first; equal ones by name, so the map is the same each time.
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out: Vec<Label> = Vec::new();
    for (name, _, lat, lon) in ranked {
        if out.len() == PLACES {
            break;
        }
        let (x, y) = projection.point(lon, lat);
        // Above the schools' middle, kept inside the map.
        let half_width = name.chars().count() as f64 * 3.6 + 4.0;
        let x = x.clamp(half_width, WIDTH - half_width);
        let y = (y - 10.0).clamp(16.0, HEIGHT - 6.0);
        let overlaps = out
            .iter()
            .any(|l| (l.y - y).abs() < 16.0 && (l.x - x).abs() < half_width + l.text.chars().count() as f64 * 3.6);
        if !overlaps {
            out.push(Label { x, y, text: name.to_owned() });
        }
    }
    out
}

/// The whole country small in the top left corner, with the main map's frame,
/// when the main map shows only part of it.
fn inset(points: &[Point<'_>], main: &Projection) -> Option<Inset> {
    if points.is_empty() {
        return None;
    }
    let (west, south, east, north) = NL_BOX;
    let shrink = ((south + north) / 2.0).to_radians().cos();
    let height = INSET_WIDTH * (north - south) / ((east - west) * shrink);
    let small = Projection::fit(NL_BOX, INSET_WIDTH, height);
    let (x, y) = (4.0, 4.0);
    // The main map's corners in degrees, then on the overview.
    let to_degrees = |sx: f64, sy: f64| {
        (main.west + (sx - main.dx) / (main.shrink * main.scale), main.north - (sy - main.dy) / main.scale)
    };
    let (w, n) = to_degrees(0.0, 0.0);
    let (e, s) = to_degrees(WIDTH, HEIGHT);
    let (x0, y0) = small.point(w, n);
    let (x1, y1) = small.point(e, s);
    let frame = (
        x + x0.max(0.0),
        y + y0.max(0.0),
        (x1.min(INSET_WIDTH) - x0.max(0.0)).max(2.0),
        (y1.min(height) - y0.max(0.0)).max(2.0),
    );
    // A frame that covers most of the overview tells nothing.
    if frame.2 > INSET_WIDTH * 0.6 {
        return None;
    }
    Some(Inset { x, y, width: INSET_WIDTH, height, land: small.path(&OUTLINE.countries.nl, (x, y)), frame })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(lat: f64, lon: f64, place: &'static str) -> Point<'static> {
        Point { lat, lon, place: Some(place), class: "level-high", title: place.to_owned(), profiled: true }
    }

    #[test]
    fn the_schools_fill_the_map_and_the_largest_places_are_named() {
        let points = [
            school(52.37, 4.90, "AMSTERDAM"),
            school(52.36, 4.88, "AMSTERDAM"),
            school(52.38, 4.92, "AMSTERDAM"),
            school(52.34, 4.96, "DIEMEN"),
            school(52.31, 4.87, "AMSTELVEEN"),
        ];
        let map = draw(&points);
        for dot in &map.dots {
            assert!((0.0..=WIDTH).contains(&dot.x) && (0.0..=HEIGHT).contains(&dot.y), "{} {}", dot.x, dot.y);
        }
        // West is left, north is up.
        assert!(map.dots[3].x > map.dots[0].x && map.dots[4].y > map.dots[0].y);
        let names: Vec<&str> = map.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(names[0], "AMSTERDAM", "the place with most schools first: {names:?}");
        assert!(names.len() <= PLACES);
        assert!(map.land.starts_with('M') && map.land.contains('Z'), "the outline is drawn");
        let inset = map.inset.expect("a region shows where it lies in the country");
        assert!(inset.frame.2 < 10.0, "Amsterdam is a small part of the country");
        let (units, km) = map.scale;
        assert!(km >= 1 && units > WIDTH / 10.0 && units <= WIDTH / 5.0 + 1.0, "{units} {km}");
    }

    #[test]
    fn without_located_schools_the_country_is_shown() {
        let map = draw(&[]);
        assert!(map.dots.is_empty() && map.labels.is_empty() && map.inset.is_none());
        assert!(map.land.len() > 1000, "the whole outline");
        assert!(map.scale.1 >= 20, "a country-wide scale: {} km", map.scale.1);
    }

    #[test]
    fn one_school_gets_a_region_around_it() {
        let map = draw(&[school(52.0, 5.0, "UTRECHT")]);
        let dot = &map.dots[0];
        assert!((dot.x - WIDTH / 2.0).abs() < 1.0 && (dot.y - HEIGHT / 2.0).abs() < 1.0);
        assert!(map.scale.1 <= 5, "a few km across: {} km", map.scale.1);
    }
}
