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

use crate::table::{Column, ColumnType, Table};
use crate::{OutputError, write_atomic};

/// The Arrow type of a column type.
fn data_type(column_type: ColumnType) -> DataType {
    match column_type {
        ColumnType::UInt => DataType::UInt64,
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Text => DataType::Utf8,
    }
}

/// The Arrow array of one column.
fn array_of(column: &Column) -> ArrayRef {
    match column {
        Column::UInt(v) => Arc::new(UInt64Array::from(v.clone())),
        Column::Int(v) => Arc::new(Int64Array::from(v.clone())),
        Column::Float(v) => Arc::new(Float64Array::from(v.clone())),
        Column::Bool(v) => Arc::new(BooleanArray::from(v.clone())),
        Column::Text(v) => Arc::new(StringArray::from(v.clone())),
    }
}

fn encoding_error(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> OutputError + '_ {
    move |err| OutputError::Parquet {
        path: path.display().to_string(),
        message: err.to_string(),
    }
}

/// A Parquet file written in pieces, every piece with the same columns, then written whole by
/// [`ParquetTableWriter::finish`]. Row groups end where the caller says, so the same tables and
/// row-group ends give the same bytes.
pub struct ParquetTableWriter {
    path: std::path::PathBuf,
    schema: Arc<Schema>,
    writer: ArrowWriter<Vec<u8>>,
}

impl ParquetTableWriter {
    /// Starts the file at `path` with the columns of `columns` (every column nullable), Snappy
    /// compression.
    pub fn new<'a>(
        path: &Path,
        columns: impl Iterator<Item = (&'a str, ColumnType)>,
    ) -> Result<ParquetTableWriter, OutputError> {
        let fields: Vec<Field> = columns
            .map(|(name, column_type)| Field::new(name, data_type(column_type), true))
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = ArrowWriter::try_new(Vec::new(), schema.clone(), Some(properties))
            .map_err(encoding_error(path))?;
        Ok(ParquetTableWriter {
            path: path.to_path_buf(),
            schema,
            writer,
        })
    }

    /// Appends `table` (with exactly the file's columns, in order) to the current row group.
    pub fn write(&mut self, table: &Table) -> Result<(), OutputError> {
        if table.rows == 0 || table.columns.is_empty() {
            return Ok(());
        }
        let arrays = table.columns.iter().map(|(_, c)| array_of(c)).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(|err| {
            OutputError::Parquet {
                path: self.path.display().to_string(),
                message: err.to_string(),
            }
        })?;
        self.writer
            .write(&batch)
            .map_err(encoding_error(&self.path))
    }

    /// Closes the current row group (nothing if it is empty).
    pub fn end_row_group(&mut self) -> Result<(), OutputError> {
        self.writer.flush().map_err(encoding_error(&self.path))
    }

    /// Closes the file and returns its bytes, without writing it.
    pub fn into_bytes(self) -> Result<Vec<u8>, OutputError> {
        self.writer.into_inner().map_err(encoding_error(&self.path))
    }

    /// Closes the file and writes it whole.
    pub fn finish(self) -> Result<(), OutputError> {
        let path = self.path.clone();
        write_atomic(&path, &self.into_bytes()?)
    }
}

/// The bytes of `table` as a Parquet file (one row group), as [`write_parquet`] writes them;
/// `name` names the table in messages.
pub fn parquet_bytes(name: &Path, table: &Table) -> Result<Vec<u8>, OutputError> {
    let columns = table
        .columns
        .iter()
        .map(|(name, column)| (name.as_str(), column.column_type()));
    let mut writer = ParquetTableWriter::new(name, columns)?;
    writer.write(table)?;
    writer.into_bytes()
}

/// Writes `table` to `path` as Parquet (one row group), whole.
pub fn write_parquet(path: &Path, table: &Table) -> Result<(), OutputError> {
    write_atomic(path, &parquet_bytes(path, table)?)
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
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("runs.parquet");
        write_parquet(&path, &table).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
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
