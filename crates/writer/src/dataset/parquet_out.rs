//! Dataset rows as Parquet: one typed, nullable column per dataset column
//! (`BYTE_ARRAY (STRING)`, `INT64`, `DOUBLE`, `BOOLEAN`), Snappy-compressed, for DuckDB,
//! pandas, polars and Spark.
//!
//! Rows are gathered column by column and written as a row group every
//! [`ROWS_PER_GROUP`] rows, so memory stays bounded whatever the dataset's size.

use std::io::{self, Write};
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;

use super::{check_row, Cell, ColumnType, Row, DATASET_COLUMNS};

/// Rows per row group: large enough for good compression and fast scans, small enough
/// that a group's buffers stay in the tens of megabytes.
const ROWS_PER_GROUP: usize = 65_536;

/// A Parquet file being written. Call [`ParquetWriter::finish`] at the end: the file's
/// footer (its schema and row-group index) is written only then.
pub struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<ColumnBuffer>,
    buffered: usize,
    written: usize,
}

/// One column's values of the row group being gathered, with definition levels (1 for a
/// value, 0 for a null).
enum ColumnBuffer {
    Text(Vec<ByteArray>, Vec<i16>),
    Integer(Vec<i64>, Vec<i16>),
    Float(Vec<f64>, Vec<i16>),
    Boolean(Vec<bool>, Vec<i16>),
}

impl ColumnBuffer {
    fn new(kind: ColumnType) -> ColumnBuffer {
        match kind {
            ColumnType::Text => ColumnBuffer::Text(Vec::new(), Vec::new()),
            ColumnType::Integer => ColumnBuffer::Integer(Vec::new(), Vec::new()),
            ColumnType::Float => ColumnBuffer::Float(Vec::new(), Vec::new()),
            ColumnType::Boolean => ColumnBuffer::Boolean(Vec::new(), Vec::new()),
        }
    }

    /// Empty the buffer for the next row group, keeping its allocations.
    fn clear(&mut self) {
        match self {
            ColumnBuffer::Text(values, defs) => {
                values.clear();
                defs.clear();
            }
            ColumnBuffer::Integer(values, defs) => {
                values.clear();
                defs.clear();
            }
            ColumnBuffer::Float(values, defs) => {
                values.clear();
                defs.clear();
            }
            ColumnBuffer::Boolean(values, defs) => {
                values.clear();
                defs.clear();
            }
        }
    }

    /// Add one cell; its type was checked against the column's by `check_row`.
    fn push(&mut self, cell: &Cell) {
        match (self, cell) {
            (ColumnBuffer::Text(values, defs), Cell::Text(text)) => {
                values.push(ByteArray::from(text.as_bytes().to_vec()));
                defs.push(1);
            }
            (ColumnBuffer::Integer(values, defs), Cell::Integer(n)) => {
                values.push(*n);
                defs.push(1);
            }
            (ColumnBuffer::Float(values, defs), Cell::Float(f)) => {
                values.push(*f);
                defs.push(1);
            }
            (ColumnBuffer::Boolean(values, defs), Cell::Boolean(b)) => {
                values.push(*b);
                defs.push(1);
            }
            (
                ColumnBuffer::Text(_, defs)
                | ColumnBuffer::Integer(_, defs)
                | ColumnBuffer::Float(_, defs)
                | ColumnBuffer::Boolean(_, defs),
                _,
            ) => defs.push(0),
        }
    }
}

/// The Parquet schema of the dataset, in the message-type syntax.
fn schema_text() -> String {
    let mut text = String::from("message shinchoku_dataset {\n");
    for column in DATASET_COLUMNS {
        let physical = match column.kind {
            ColumnType::Text => "BYTE_ARRAY",
            ColumnType::Integer => "INT64",
            ColumnType::Float => "DOUBLE",
            ColumnType::Boolean => "BOOLEAN",
        };
        let logical = if column.kind == ColumnType::Text {
            " (STRING)"
        } else {
            ""
        };
        text.push_str(&format!(
            "  OPTIONAL {physical} {}{logical};\n",
            column.name
        ));
    }
    text.push('}');
    text
}

fn parquet_error(e: parquet::errors::ParquetError) -> io::Error {
    match e {
        parquet::errors::ParquetError::External(inner) => io::Error::other(inner),
        other => io::Error::other(other.to_string()),
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    /// Start a Parquet file on `out`.
    pub fn new(out: W) -> io::Result<ParquetWriter<W>> {
        let schema =
            parquet::schema::parser::parse_message_type(&schema_text()).map_err(parquet_error)?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("shinchoku {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(out, Arc::new(schema), Arc::new(properties))
            .map_err(parquet_error)?;
        Ok(ParquetWriter {
            writer,
            columns: DATASET_COLUMNS
                .iter()
                .map(|c| ColumnBuffer::new(c.kind))
                .collect(),
            buffered: 0,
            written: 0,
        })
    }

    /// Add rows; a row group is written each time [`ROWS_PER_GROUP`] are gathered.
    ///
    /// Fails on a write error or a row that does not fit [`DATASET_COLUMNS`].
    pub fn write_rows(&mut self, rows: &[Row]) -> io::Result<()> {
        for row in rows {
            check_row(row, self.written + self.buffered)?;
            for (buffer, cell) in self.columns.iter_mut().zip(row) {
                buffer.push(cell);
            }
            self.buffered += 1;
            if self.buffered == ROWS_PER_GROUP {
                self.flush_group()?;
            }
        }
        Ok(())
    }

    /// Write the last row group and the footer; returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        if self.buffered > 0 {
            self.flush_group()?;
        }
        self.writer.into_inner().map_err(parquet_error)
    }

    fn flush_group(&mut self) -> io::Result<()> {
        let mut group = self.writer.next_row_group().map_err(parquet_error)?;
        for buffer in &mut self.columns {
            let Some(mut column) = group.next_column().map_err(parquet_error)? else {
                return Err(io::Error::other("parquet: fewer columns than the schema"));
            };
            let written =
                match buffer {
                    ColumnBuffer::Text(values, defs) => column
                        .typed::<ByteArrayType>()
                        .write_batch(values, Some(defs), None),
                    ColumnBuffer::Integer(values, defs) => {
                        column
                            .typed::<Int64Type>()
                            .write_batch(values, Some(defs), None)
                    }
                    ColumnBuffer::Float(values, defs) => {
                        column
                            .typed::<DoubleType>()
                            .write_batch(values, Some(defs), None)
                    }
                    ColumnBuffer::Boolean(values, defs) => {
                        column
                            .typed::<BoolType>()
                            .write_batch(values, Some(defs), None)
                    }
                };
            written.map_err(parquet_error)?;
            column.close().map_err(parquet_error)?;
            buffer.clear();
        }
        group.close().map_err(parquet_error)?;
        self.written += self.buffered;
        self.buffered = 0;
        Ok(())
    }
}
