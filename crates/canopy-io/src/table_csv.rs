//! A flat [`Table`] as CSV: a header of the column names, then one line per row, nulls empty,
//! real numbers in their shortest round-trip form; written whole.

use std::path::Path;

use crate::table::{Column, Table};
use crate::{OutputError, write_atomic};

/// The table as CSV text.
pub fn table_to_csv(table: &Table) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = table
        .columns
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    writer.write_record(&header).expect("writing to memory");
    for row in 0..table.rows {
        let cells: Vec<String> = table
            .columns
            .iter()
            .map(|(_, column)| cell(column, row))
            .collect();
        writer.write_record(&cells).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("CSV of UTF-8 text")
}

fn cell(column: &Column, row: usize) -> String {
    fn text<T: ToString>(value: &Option<T>) -> String {
        value.as_ref().map(ToString::to_string).unwrap_or_default()
    }
    match column {
        Column::UInt(values) => text(&values[row]),
        Column::Int(values) => text(&values[row]),
        Column::Float(values) => text(&values[row]),
        Column::Bool(values) => text(&values[row]),
        Column::Text(values) => values[row].clone().unwrap_or_default(),
    }
}

/// Writes the table as CSV to `path`, whole.
pub fn write_csv(path: &Path, table: &Table) -> Result<(), OutputError> {
    write_atomic(path, table_to_csv(table).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Missing;
    use serde_json::json;

    #[test]
    fn a_table_reads_back_as_csv_with_nulls_empty_and_text_quoted() {
        let rows = [
            json!({"night": "2024-07-01", "group": "shahed", "launched": 20, "rate": 0.85}),
            json!({"night": "2024-07-02", "group": "kh-101, kalibr", "launched": 4}),
        ];
        let table = Table::from_rows(&rows, Missing::Null);
        assert_eq!(
            table_to_csv(&table),
            "group,launched,night,rate\n\
             shahed,20,2024-07-01,0.85\n\
             \"kh-101, kalibr\",4,2024-07-02,\n"
        );
    }
}
