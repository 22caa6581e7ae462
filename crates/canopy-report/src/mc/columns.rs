//! The runs' columns as the report reads them. A column the runs lack is never read as zero: the
//! section that needed it says so in a note. Only a key absent from a map of counts
//! (`nations.PL.munitions.pac3-mse`, `leakers_by_target.lviv`) counts zero, as in the runs table
//! itself (docs/mc.md).

use canopy_analysis::Summary;
use canopy_analysis::stats::Moments;
use canopy_io::{Column, Table};

use crate::charts::IntervalBar;
use crate::document::Section;

/// A column the report cannot read: what it is and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The column's name.
    pub column: String,
    /// Why it cannot be read.
    pub why: &'static str,
}

impl Unreadable {
    /// A column absent from the runs.
    pub(super) fn missing(column: &str) -> Unreadable {
        Unreadable {
            column: column.to_string(),
            why: "is not in the runs",
        }
    }

    /// The note that stands in a section for what needed the column.
    pub fn note(&self) -> String {
        format!("Not shown: the column `{}` {}.", self.column, self.why)
    }
}

/// The notes of every unreadable column, one paragraph each after the section's other blocks.
pub fn with_notes(mut section: Section, problems: &[Unreadable]) -> Section {
    for problem in problems {
        section = section.text(problem.note());
    }
    section
}

/// The moments of a column over the nights: `None` when no night has a value (an optional metric
/// never measured, or no night at all); an error when the runs have no such column.
pub fn moments<'a>(
    summary: &'a Summary,
    runs: &Table,
    column: &str,
) -> Result<Option<&'a Moments>, Unreadable> {
    match summary.columns.get(column) {
        Some(moments) => Ok(Some(moments)),
        None if runs.rows == 0 || runs.column(column).is_some() => Ok(None),
        None => Err(Unreadable::missing(column)),
    }
}

/// The mean of a column that every night holds (a count or a real of fixed name).
pub fn mean(summary: &Summary, runs: &Table, column: &str) -> Result<f64, Unreadable> {
    match moments(summary, runs, column)? {
        Some(moments) => Ok(moments.mean),
        None => Err(Unreadable {
            column: column.to_string(),
            why: "has no value in any night",
        }),
    }
}

/// The mean of a count of a map of counts: zero when no night has the key.
pub fn count_mean(summary: &Summary, column: &str) -> f64 {
    summary.columns.get(column).map_or(0.0, |m| m.mean)
}

/// The total over the nights of a count of a map of counts: zero when no night has the key.
pub fn count_total(runs: &Table, column: &str) -> Result<u64, Unreadable> {
    match runs.column(column) {
        None => Ok(0),
        Some(Column::UInt(values)) => Ok(values.iter().flatten().sum()),
        Some(_) => Err(Unreadable {
            column: column.to_string(),
            why: "does not hold counts",
        }),
    }
}

/// The mean of a column with its 95 % interval, as a bar; `None` when no night has a value.
pub fn column_bar(
    summary: &Summary,
    runs: &Table,
    column: &str,
    label: &str,
) -> Result<Option<IntervalBar>, Unreadable> {
    Ok(moments(summary, runs, column)?.map(|m| IntervalBar {
        label: label.to_string(),
        value: m.mean,
        interval: m.ci95.map(|ci| (ci.low, ci.high)),
    }))
}

/// The bars of `columns` (column, label) that some night measured, and the columns the runs lack.
pub fn column_bars(
    summary: &Summary,
    runs: &Table,
    columns: &[(&str, &str)],
) -> (Vec<IntervalBar>, Vec<Unreadable>) {
    let mut bars = Vec::new();
    let mut problems = Vec::new();
    for (column, label) in columns {
        match column_bar(summary, runs, column, label) {
            Ok(bar) => bars.extend(bar),
            Err(problem) => problems.push(problem),
        }
    }
    (bars, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use canopy_analysis::summarise;
    use canopy_io::Missing;
    use canopy_sim::RunMetrics;

    fn runs() -> Table {
        let night = RunMetrics {
            leaked: 2,
            ..RunMetrics::default()
        };
        let row = serde_json::to_value(&night).unwrap();
        Table::from_rows(&[row], Missing::ZeroCounts)
    }

    #[test]
    fn a_missing_column_is_a_note_never_a_zero() {
        let runs = runs();
        let summary = summarise(&runs);
        assert_eq!(mean(&summary, &runs, "leaked"), Ok(2.0));
        let missing = mean(&summary, &runs, "leaked_renamed").unwrap_err();
        assert_eq!(
            missing.note(),
            "Not shown: the column `leaked_renamed` is not in the runs."
        );
        // an optional metric that no night measured: no bar, and nothing missing
        assert_eq!(
            column_bar(&summary, &runs, "cost_exchange", "cost exchange"),
            Ok(None)
        );
        let (bars, problems) = column_bars(
            &summary,
            &runs,
            &[("leaked", "leakers"), ("no_such_column", "nothing")],
        );
        assert_eq!(bars.len(), 1);
        assert_eq!(problems, [Unreadable::missing("no_such_column")]);
        // a key no night has in a map of counts counts zero
        assert_eq!(count_total(&runs, "leakers_by_target.lviv"), Ok(0));
        assert_eq!(count_mean(&summary, "nations.PL.munitions.pac3-mse"), 0.0);
        assert!(count_total(&runs, "scenario").is_err());
    }
}
