//! Dates and times as people in the Netherlands read them.
//!
//! Everything is stored as UTC (unix seconds); what a person sees, and which day
//! "today" is for a deadline or a school year, is the wall clock of Europe/Amsterdam,
//! summer time included. The time zone rules come bundled with `jiff`, so a server
//! without `/usr/share/zoneinfo` shows the same times.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A moment on the Dutch wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

fn netherlands() -> TimeZone {
    // Bundled with the crate; UTC only if the bundle were ever missing the zone.
    TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC)
}

/// The Dutch wall-clock time of a unix timestamp; `None` when it is out of range.
pub fn in_netherlands(unix: i64) -> Option<LocalTime> {
    let zoned = Timestamp::from_second(unix).ok()?.to_zoned(netherlands());
    Some(LocalTime {
        year: zoned.year(),
        month: u8::try_from(zoned.month()).ok()?,
        day: u8::try_from(zoned.day()).ok()?,
        hour: u8::try_from(zoned.hour()).ok()?,
        minute: u8::try_from(zoned.minute()).ok()?,
    })
}

impl LocalTime {
    /// `05-03-2026`
    pub fn date_text(&self) -> String {
        format!("{:02}-{:02}-{}", self.day, self.month, self.year)
    }

    /// `05-03-2026 14:07`
    pub fn date_time_text(&self) -> String {
        format!("{} {:02}:{:02}", self.date_text(), self.hour, self.minute)
    }

    /// (year, month, day) for deadlines and the school year.
    pub fn day_tuple(&self) -> (u16, u8, u8) {
        (u16::try_from(self.year).unwrap_or(2026), self.month, self.day)
    }
}

/// Today in the Netherlands, given the current unix time.
pub fn today_in_netherlands(now_unix: i64) -> (u16, u8, u8) {
    in_netherlands(now_unix).map_or((2026, 1, 1), |t| t.day_tuple())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winter_is_one_hour_ahead_of_utc() {
        // 2026-01-15 12:00 UTC
        let t = in_netherlands(1_768_478_400).unwrap();
        assert_eq!((t.year, t.month, t.day, t.hour, t.minute), (2026, 1, 15, 13, 0));
        assert_eq!(t.date_time_text(), "15-01-2026 13:00");
    }

    #[test]
    fn summer_is_two_hours_ahead_of_utc() {
        // 2026-07-01 12:00 UTC
        let t = in_netherlands(1_782_907_200).unwrap();
        assert_eq!((t.hour, t.minute), (14, 0));
    }

    #[test]
    fn the_clock_changes_on_the_last_sunday_of_march() {
        // 2026-03-29 00:59 UTC is 01:59 winter time; a minute later it is 03:00 summer time.
        let before = in_netherlands(1_774_745_940).unwrap();
        let after = in_netherlands(1_774_746_000).unwrap();
        assert_eq!((before.day, before.hour, before.minute), (29, 1, 59));
        assert_eq!((after.day, after.hour, after.minute), (29, 3, 0));
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_the_netherlands() {
        // 2026-07-31 23:30 UTC is 1 August 01:30: the new school year has begun.
        assert_eq!(today_in_netherlands(1_785_540_600), (2026, 8, 1));
    }
}
