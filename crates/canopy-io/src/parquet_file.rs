//! Parquet output of a [`Table`]: one record batch, Snappy-compressed, written whole.

use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray, UInt64Array,
};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::table::{Column, Table};
use crate::{OutputError, write_atomic};

/// The Arrow array and type of one column (every column is nullable).
fn array_of(column: &Column) -> (ArrayRef, DataType) {
    match column {
        Column::UInt(v) => (Arc::new(UInt64Array::from(v.clone())), DataType::UInt64),
        Column::Int(v) => (Arc::new(Int64Array::from(v.clone())), DataType::Int64),
        Column::Float(v) => (Arc::new(Float64Array::from(v.clone())), DataType::Float64),
        Column::Bool(v) => (Arc::new(BooleanArray::from(v.clone())), DataType::Boolean),
        Column::Text(v) => (Arc::new(StringArray::from(v.clone())), DataType::Utf8),
    }
}

/// Encodes `table` as a Parquet file in memory.
pub fn parquet_bytes(table: &Table) -> Result<Vec<u8>, parquet::errors::ParquetError> {
    let mut fields = Vec::with_capacity(table.columns.len());
    let mut arrays = Vec::with_capacity(table.columns.len());
    for (name, column) in &table.columns {
        let (array, data_type) = array_of(column);
        fields.push(Field::new(name, data_type, true));
        arrays.push(array);
    }
    let schema = Arc::new(Schema::new(fields));
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut bytes = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut bytes, schema.clone(), Some(properties))?;
    if !table.columns.is_empty() {
        let batch = RecordBatch::try_new(schema, arrays)?;
        writer.write(&batch)?;
    }
    writer.close()?;
    Ok(bytes)
}

/// Writes `table` to `path` as Parquet, whole.
pub fn write_parquet(path: &Path, table: &Table) -> Result<(), OutputError> {
    let bytes = parquet_bytes(table).map_err(|err| OutputError::Parquet {
        path: path.display().to_string(),
        message: err.to_string(),
    })?;
    write_atomic(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Missing;
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use serde_json::json;

    #[test]
    fn a_table_reads_back_with_its_columns_and_rows() {
        let rows = [
            json!({"leaked": 3, "cost_usd": 1.5, "name": "a", "rate": null}),
            json!({"leaked": 0, "cost_usd": 2.0, "name": "b", "rate": 0.5}),
        ];
        let table = Table::from_rows(&rows, Missing::ZeroCounts);
        let path =
            std::env::temp_dir().join(format!("canopy-io-pq-{}.parquet", std::process::id()));
        write_parquet(&path, &table).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(batches.len(), 1);
        let batch = &batches[0];
        assert_eq!(batch.num_rows(), 2);
        let names: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, ["cost_usd", "leaked", "name", "rate"]);
        let leaked = batch
            .column(1)
            .as_any()
            .downcast_ref::<UInt64Array>()
            .unwrap();
        assert_eq!(leaked.values().to_vec(), [3, 0]);
        let rate = batch
            .column(3)
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap();
        assert!(rate.is_null(0));
        assert_eq!(rate.value(1), 0.5);
    }
}
