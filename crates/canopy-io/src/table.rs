//! A flat table built from JSON rows: nested objects flatten to dotted column names
//! (`nations.PL.cost_usd`), the columns are the union of the keys of every row in sorted order, and
//! each column takes one type from the values it holds.

use std::collections::BTreeMap;

use serde_json::Value;

/// What a row lacking a column holds in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// Null whatever the column's type (event tables: fields of other event kinds).
    Null,
    /// Zero in integer columns, null in the others (metric tables: a key absent from a map of
    /// counts is a count of zero).
    ZeroCounts,
}

/// The values of one column, one per row (`None` is null).
#[derive(Clone, Debug, PartialEq)]
pub enum Column {
    /// Whole numbers of zero or more.
    UInt(Vec<Option<u64>>),
    /// Whole numbers, some negative.
    Int(Vec<Option<i64>>),
    /// Real numbers (also a column mixing whole and real numbers, or holding only nulls).
    Float(Vec<Option<f64>>),
    /// Booleans.
    Bool(Vec<Option<bool>>),
    /// Text.
    Text(Vec<Option<String>>),
}

/// A table of named columns of equal length, in column-name order.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Number of rows.
    pub rows: usize,
    /// The columns, sorted by name.
    pub columns: Vec<(String, Column)>,
}

/// The type a column takes from the values it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Null,
    UInt,
    Int,
    Float,
    Bool,
    Text,
}

fn kind_of(value: &Value) -> Kind {
    match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(n) if n.is_u64() => Kind::UInt,
        Value::Number(n) if n.is_i64() => Kind::Int,
        Value::Number(_) => Kind::Float,
        _ => Kind::Text,
    }
}

/// The kind of a column holding values of kinds `a` and `b`: numbers widen (to a signed integer,
/// then to a real number); anything else mixed becomes text.
fn widen(a: Kind, b: Kind) -> Kind {
    use Kind::*;
    match (a, b) {
        (x, y) if x == y => x,
        (Null, x) | (x, Null) => x,
        (UInt, Int) | (Int, UInt) => Int,
        (UInt | Int | Float, UInt | Int | Float) => Float,
        _ => Text,
    }
}

/// Flattens one JSON value into `(dotted name, scalar)` pairs. Arrays are left out: a table cell
/// holds one scalar.
pub fn flatten(value: &Value, prefix: &str, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(inner, &name, out);
            }
        }
        Value::Array(_) => {}
        scalar => {
            out.insert(prefix.to_string(), scalar.clone());
        }
    }
}

/// The columns of a table and their types, gathered over rows seen so far: lets a large table be
/// written in pieces (row groups) that all share one schema.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableSchema {
    kinds: BTreeMap<String, Kind>,
}

fn flatten_rows(rows: &[Value]) -> Vec<BTreeMap<String, Value>> {
    rows.iter()
        .map(|row| {
            let mut out = BTreeMap::new();
            flatten(row, "", &mut out);
            out
        })
        .collect()
}

impl TableSchema {
    /// Adds the columns of `rows` and widens the types of the known ones to hold their values.
    pub fn observe(&mut self, rows: &[Value]) {
        for row in flatten_rows(rows) {
            for (name, value) in row {
                let kind = self.kinds.entry(name).or_insert(Kind::Null);
                *kind = widen(*kind, kind_of(&value));
            }
        }
    }

    /// The column names and whether each holds unsigned, signed, real, boolean or text values.
    pub fn columns(&self) -> impl Iterator<Item = (&str, ColumnType)> {
        self.kinds.iter().map(|(name, kind)| {
            let column_type = match kind {
                Kind::UInt => ColumnType::UInt,
                Kind::Int => ColumnType::Int,
                Kind::Null | Kind::Float => ColumnType::Float,
                Kind::Bool => ColumnType::Bool,
                Kind::Text => ColumnType::Text,
            };
            (name.as_str(), column_type)
        })
    }

    /// The table of `rows` with every column of this schema (rows must have been observed).
    pub fn table(&self, rows: &[Value], missing: Missing) -> Table {
        let flat = flatten_rows(rows);
        let columns = self
            .kinds
            .iter()
            .map(|(name, kind)| {
                let cells = flat.iter().map(|row| row.get(name));
                (name.clone(), build_column(*kind, cells, missing))
            })
            .collect();
        Table {
            rows: rows.len(),
            columns,
        }
    }
}

/// The type of a column, as [`Column`] holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// [`Column::UInt`].
    UInt,
    /// [`Column::Int`].
    Int,
    /// [`Column::Float`].
    Float,
    /// [`Column::Bool`].
    Bool,
    /// [`Column::Text`].
    Text,
}

impl Column {
    /// The type of this column.
    pub fn column_type(&self) -> ColumnType {
        match self {
            Column::UInt(_) => ColumnType::UInt,
            Column::Int(_) => ColumnType::Int,
            Column::Float(_) => ColumnType::Float,
            Column::Bool(_) => ColumnType::Bool,
            Column::Text(_) => ColumnType::Text,
        }
    }
}

impl Table {
    /// Builds the table of `rows` (each a JSON object), flattening nested objects.
    pub fn from_rows(rows: &[Value], missing: Missing) -> Table {
        let mut schema = TableSchema::default();
        schema.observe(rows);
        schema.table(rows, missing)
    }

    /// The column called `name`, if any.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()
            .map(|i| &self.columns[i].1)
    }
}

fn build_column<'a>(
    kind: Kind,
    cells: impl Iterator<Item = Option<&'a Value>>,
    missing: Missing,
) -> Column {
    let zero = missing == Missing::ZeroCounts;
    match kind {
        Kind::UInt => Column::UInt(
            cells
                .map(|v| match v {
                    None if zero => Some(0),
                    v => v.and_then(Value::as_u64),
                })
                .collect(),
        ),
        Kind::Int => Column::Int(
            cells
                .map(|v| match v {
                    None if zero => Some(0),
                    v => v.and_then(Value::as_i64),
                })
                .collect(),
        ),
        Kind::Null | Kind::Float => {
            Column::Float(cells.map(|v| v.and_then(Value::as_f64)).collect())
        }
        Kind::Bool => Column::Bool(cells.map(|v| v.and_then(Value::as_bool)).collect()),
        Kind::Text => Column::Text(
            cells
                .map(|v| match v {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(other) => Some(other.to_string()),
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn maps_flatten_to_dotted_columns_in_sorted_order() {
        let rows = [
            json!({"b": 1, "nations": {"PL": {"cost_usd": 2.5}}}),
            json!({"b": 2, "nations": {"SK": {"cost_usd": 1.0}}, "list": [1, 2]}),
        ];
        let table = Table::from_rows(&rows, Missing::ZeroCounts);
        let names: Vec<&str> = table.columns.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["b", "nations.PL.cost_usd", "nations.SK.cost_usd"]);
        assert_eq!(
            table.column("nations.PL.cost_usd"),
            Some(&Column::Float(vec![Some(2.5), None]))
        );
        assert_eq!(
            table.column("b"),
            Some(&Column::UInt(vec![Some(1), Some(2)]))
        );
    }

    #[test]
    fn absent_counts_are_zero_or_null_as_asked() {
        let rows = [json!({"n": 3}), json!({})];
        let zero = Table::from_rows(&rows, Missing::ZeroCounts);
        assert_eq!(
            zero.column("n"),
            Some(&Column::UInt(vec![Some(3), Some(0)]))
        );
        let null = Table::from_rows(&rows, Missing::Null);
        assert_eq!(null.column("n"), Some(&Column::UInt(vec![Some(3), None])));
    }

    #[test]
    fn mixed_numbers_widen_and_nulls_stay_null() {
        let rows = [json!({"x": 1, "y": null}), json!({"x": 0.5, "y": null})];
        let table = Table::from_rows(&rows, Missing::Null);
        assert_eq!(
            table.column("x"),
            Some(&Column::Float(vec![Some(1.0), Some(0.5)]))
        );
        assert_eq!(table.column("y"), Some(&Column::Float(vec![None, None])));
    }
}
