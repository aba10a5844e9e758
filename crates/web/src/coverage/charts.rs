//! Server-side SVG charts of the region: geometry only, the words come from
//! the templates. Each chart names its bars inside the SVG and keeps a table
//! with the same numbers beside it.

use passend_domain::coverage::CategoryCounts;
use passend_domain::questionnaire::SupportCategory;

/// Every chart is this wide in SVG units; it scales with the page.
pub const WIDTH: f64 = 360.0;
/// A bar's parts: standaard, na overleg, niet, unknown (their CSS classes).
pub const CLASSES: [&str; 4] = ["level-high", "level-mid", "level-low", "level-none"];
/// A part narrower than this shows no number (the table and the hover text still do).
const NUMBER_ROOM: f64 = 16.0;

/// One part of a stacked bar.
pub struct Segment {
    pub x: f64,
    pub width: f64,
    pub count: usize,
    /// Which of [`CLASSES`] (0 standaard … 3 unknown).
    pub part: usize,
    pub class: &'static str,
    /// Whether the number fits inside.
    pub numbered: bool,
}

impl Segment {
    /// Where the number inside goes.
    pub fn middle(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// The parts of a bar of `total` locations scaled to `length`, counts in the
/// order standaard, na overleg, niet, unknown; empty parts left out.
pub fn segments(counts: [usize; 4], x0: f64, length: f64, total: usize) -> Vec<Segment> {
    let total = total.max(1) as f64;
    let mut x = x0;
    let mut out = Vec::new();
    for (part, count) in counts.into_iter().enumerate() {
        if count == 0 {
            continue;
        }
        let width = count as f64 * length / total;
        out.push(Segment { x, width, count, part, class: CLASSES[part], numbered: width >= NUMBER_ROOM });
        x += width;
    }
    out
}

/// A category's counts in the bars' order: standaard, na overleg, niet, unknown.
pub fn bar_counts(c: &CategoryCounts) -> [usize; 4] {
    [c.per_level[2], c.per_level[1], c.per_level[0], c.unknown]
}

/// A row of the coverage chart: the category's name above its bar.
pub struct Row {
    pub category: SupportCategory,
    pub label_y: f64,
    pub bar_y: f64,
    /// The baseline of the numbers inside the bar.
    pub number_y: f64,
    pub segments: Vec<Segment>,
}

/// The coverage chart: a labelled row per category, bars as wide as all locations.
pub struct BarChart {
    pub height: f64,
    pub bar_height: f64,
    pub rows: Vec<Row>,
}

pub const ROW: f64 = 46.0;
pub const BAR: f64 = 20.0;

pub fn bar_chart(counts: &[CategoryCounts]) -> BarChart {
    let rows = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let top = i as f64 * ROW;
            let counts = bar_counts(c);
            Row {
                category: c.category,
                label_y: top + 15.0,
                bar_y: top + 21.0,
                number_y: top + 21.0 + BAR / 2.0 + 5.0,
                segments: segments(counts, 0.0, WIDTH, counts.iter().sum()),
            }
        })
        .collect();
    BarChart { height: counts.len() as f64 * ROW, bar_height: BAR, rows }
}

/// A topic's chart over the years: a labelled bar per school year, each as
/// long as its locations with a profile against the most of any year.
pub struct TrendChart {
    pub height: f64,
    pub bar_height: f64,
    pub rows: Vec<TrendRow>,
}

pub struct TrendRow {
    pub school_year: String,
    /// The baseline of the year label and of the numbers, and the bar's top.
    pub text_y: f64,
    pub bar_y: f64,
    pub total: usize,
    pub segments: Vec<Segment>,
    /// Where the total goes, right of the bar.
    pub total_x: f64,
}

const TREND_ROW: f64 = 30.0;
const TREND_BAR: f64 = 20.0;
const YEARS_WIDTH: f64 = 84.0;
/// Room for the total right of the longest bar.
const TOTAL_ROOM: f64 = 34.0;

/// Per year (oldest first) the counts of one category.
pub fn trend_chart(years: &[(String, [usize; 4])]) -> TrendChart {
    let most = years.iter().map(|(_, c)| c.iter().sum::<usize>()).max().unwrap_or(0).max(1);
    let length = WIDTH - YEARS_WIDTH - TOTAL_ROOM;
    let rows = years
        .iter()
        .enumerate()
        .map(|(i, (year, counts))| {
            let top = i as f64 * TREND_ROW + 4.0;
            let total = counts.iter().sum();
            let segments = segments(*counts, YEARS_WIDTH, length, most);
            let end = YEARS_WIDTH + total as f64 * length / most as f64;
            TrendRow { school_year: year.clone(), text_y: top + 15.0, bar_y: top, total, segments, total_x: end + 4.0 }
        })
        .collect();
    TrendChart { height: years.len() as f64 * TREND_ROW + 8.0, bar_height: TREND_BAR, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_is_as_wide_as_its_locations_and_names_fit_or_are_left_out() {
        let c = CategoryCounts { category: SupportCategory::Dyslexie, per_level: [2, 0, 5], unknown: 1 };
        let chart = bar_chart(&[c.clone(), c]);
        assert_eq!(chart.rows.len(), 2);
        assert_eq!(chart.height, 2.0 * ROW);
        let parts = &chart.rows[0].segments;
        // standaard 5, niet 2, unknown 1 of 8; na overleg (0) left out.
        assert_eq!(
            parts.iter().map(|s| (s.count, s.class)).collect::<Vec<_>>(),
            [(5, "level-high"), (2, "level-low"), (1, "level-none")]
        );
        let end = parts.last().map(|s| s.x + s.width).unwrap();
        assert!((end - WIDTH).abs() < 1e-9);
        assert!((parts[0].width - WIDTH * 5.0 / 8.0).abs() < 1e-9 && parts[0].numbered);
        assert!(chart.rows[1].label_y > chart.rows[0].bar_y + BAR, "each name is above its own bar");
    }

    #[test]
    fn trend_bars_compare_the_years() {
        let chart = trend_chart(&[("2025-2026".into(), [0, 0, 0, 0]), ("2026-2027".into(), [3, 1, 0, 0])]);
        assert!(chart.rows[0].segments.is_empty() && chart.rows[0].total == 0);
        let longest = &chart.rows[1];
        assert_eq!(longest.total, 4);
        let end = longest.segments.last().map(|s| s.x + s.width).unwrap();
        assert!((end - (WIDTH - TOTAL_ROOM)).abs() < 1e-9, "the most locations fill the width: {end}");
        assert!(longest.total_x > end);
    }
}
