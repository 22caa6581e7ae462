//! The strike record table: refused with a message naming the header's problem, or read into
//! rows that keep their invariants (something launched, no more destroyed and lost than
//! launched, a start no later than the end, lines in table order), and planned into nights whose
//! raids fly no more than their rows launched, each over a window that does not end before it
//! starts.

use std::collections::BTreeMap;

use canopy_analysis::record::table::read_record;
use canopy_analysis::record::{Date, plan_nights};

use crate::scenario::assert_message;

/// Reads `data` as a record table and plans every night in it.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let table = match read_record(&text) {
        Ok(table) => table,
        Err(message) => return assert_message(&message),
    };
    let mut previous_line = 1;
    for row in &table.rows {
        assert!(
            row.line > previous_line,
            "row at line {} out of order",
            row.line
        );
        previous_line = row.line;
        assert!(row.launched > 0, "line {}: nothing launched", row.line);
        assert!(!row.groups.is_empty(), "line {}: no threat group", row.line);
        let accounted = u64::from(row.destroyed) + u64::from(row.not_reach_goal);
        assert!(
            accounted <= u64::from(row.launched),
            "line {}: destroyed and lost exceed launched",
            row.line
        );
        assert!(
            row.start_s <= row.end_s,
            "line {}: starts after it ends",
            row.line
        );
    }
    for skipped in &table.skipped {
        assert_message(&skipped.reason);
    }
    let from = Date::parse("1900-01-01").expect("a date");
    let to = Date::parse("2199-12-31").expect("a date");
    let mut flown: BTreeMap<u64, u64> = BTreeMap::new();
    for night in plan_nights(&table, from, to) {
        for raid in &night.raids {
            assert!(
                raid.window_s.0 <= raid.window_s.1,
                "line {}: window ends first",
                raid.line
            );
            *flown.entry(raid.line).or_default() += u64::from(raid.count);
        }
    }
    for row in &table.rows {
        let raids = flown.get(&row.line).copied().unwrap_or(0);
        assert!(
            raids <= u64::from(row.launched),
            "line {}: raids fly {raids} of {} launched",
            row.line,
            row.launched
        );
    }
}
