//! The record's launch places (as the bulletins write them) and the place ids Canopy flies them
//! from: `data/record-launch-places.csv`, compiled in.

use std::collections::BTreeMap;

const TABLE: &str = include_str!("../../../../data/record-launch-places.csv");

/// The bundled table of record launch place → place id.
pub fn bundled() -> BTreeMap<String, String> {
    let mut reader = csv::Reader::from_reader(TABLE.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("the bundled launch-place table is valid CSV");
            (record[0].trim().to_string(), record[1].trim().to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_launch_place_is_a_place() {
        let places = canopy_scenario::Places::bundled().unwrap();
        let table = bundled();
        assert!(table.len() > 30);
        for (name, id) in &table {
            assert!(places.get(id).is_some(), "{name} -> {id}");
        }
        assert_eq!(table["Kursk oblast"], "kursk");
    }
}
