//! Provenance and warnings: how every value and doubt points back into the input.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::de::value::StrDeserializer;
use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};

/// Where something came from (contract: Provenance).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Provenance {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// 1-based column of the cell, for office input when the provenance is one cell; left
    /// out of the JSON when unknown (a row, text and PDF input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub column: Option<u32>,
    /// 1-based line in the extracted text (for a spreadsheet, the row).
    #[schemars(range(min = 1))]
    pub line: u32,
    /// 1-based page, or null for text input without page breaks (for a spreadsheet, the
    /// sheet's 1-based index in the workbook).
    #[schemars(range(min = 1))]
    pub page: Option<u32>,
    /// The sheet's name, for spreadsheet input; left out of the JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The source line(s) as printed.
    pub text: String,
}

/// Something the extractor could not place or doubts (contract: Warning).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Warning {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    pub code: WarningCode,
    /// One readable sentence.
    pub message: String,
    pub provenance: Provenance,
}

impl Warning {
    pub fn new(code: WarningCode, message: impl Into<String>, provenance: Provenance) -> Warning {
        Warning {
            code,
            message: message.into(),
            provenance,
        }
    }
}

/// What a [`Warning`] is about, written as its stable snake_case name (`unparsed_row`).
/// A name is never renamed or reused: consumers filter on it.
// `Deserialize` only reads a name back (`FromStr`), from the same attribute as it is written.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// A chart's data disagrees with the KPI table's value for the same item.
    ChartTableMismatch,
    /// A printed Gregorian year disagrees with the era date beside it.
    EraMismatch,
    /// An era year or date outside its era, mapped arithmetically.
    EraOutOfRange,
    /// Cells after a table's last column, kept as the KPI's notes.
    ExtraCells,
    /// A hidden row, column or sheet of a workbook, left out.
    HiddenContentSkipped,
    /// A block printed one cell per line whose line count does not divide into its rows.
    LinesRowsUneven,
    /// No municipality could be named from the title, the first pages or the text.
    MunicipalityUnknown,
    /// A document in which no KPI was found.
    NoKpis,
    /// A PDF page without any text.
    NoTextOnPage,
    /// A PDF page that could not be read.
    PageError,
    /// A Markdown pipe-table row with more or fewer cells than its header.
    PipeRowWidth,
    /// A section code read as a misprint of the enclosing section's.
    SectionCodeCorrected,
    /// A status that is neither a known progress label nor in the document's legend.
    UnknownStatus,
    /// A line inside a KPI table with a number or date that is no KPI row, heading or header.
    UnparsedRow,
    /// A department line after a table whose KPIs all have departments already.
    UnplacedDepartment,
    /// A PDF text layer whose characters cannot be mapped to Unicode.
    UnreadableTextLayer,
}

impl WarningCode {
    /// The stable name, as written in the JSON (`"unparsed_row"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            WarningCode::ChartTableMismatch => "chart_table_mismatch",
            WarningCode::EraMismatch => "era_mismatch",
            WarningCode::EraOutOfRange => "era_out_of_range",
            WarningCode::ExtraCells => "extra_cells",
            WarningCode::HiddenContentSkipped => "hidden_content_skipped",
            WarningCode::LinesRowsUneven => "lines_rows_uneven",
            WarningCode::MunicipalityUnknown => "municipality_unknown",
            WarningCode::NoKpis => "no_kpis",
            WarningCode::NoTextOnPage => "no_text_on_page",
            WarningCode::PageError => "page_error",
            WarningCode::PipeRowWidth => "pipe_row_width",
            WarningCode::SectionCodeCorrected => "section_code_corrected",
            WarningCode::UnknownStatus => "unknown_status",
            WarningCode::UnparsedRow => "unparsed_row",
            WarningCode::UnplacedDepartment => "unplaced_department",
            WarningCode::UnreadableTextLayer => "unreadable_text_layer",
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no [`WarningCode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWarningCode(pub String);

impl fmt::Display for UnknownWarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown warning code {:?}", self.0)
    }
}

impl std::error::Error for UnknownWarningCode {}

/// The code of a stable name: `"unparsed_row".parse()`.
impl FromStr for WarningCode {
    type Err = UnknownWarningCode;

    fn from_str(name: &str) -> Result<WarningCode, UnknownWarningCode> {
        let deserializer: StrDeserializer<'_, serde::de::value::Error> = name.into_deserializer();
        WarningCode::deserialize(deserializer).map_err(|_| UnknownWarningCode(name.to_owned()))
    }
}

/// So that a test can say `assert_eq!(warning.code, "era_mismatch")`.
impl PartialEq<&str> for WarningCode {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_the_name_serde_writes() {
        // The schema lists every variant, each with its description.
        let schema = schemars::schema_for!(WarningCode);
        let variants = schema
            .get("oneOf")
            .and_then(|list| list.as_array())
            .unwrap();
        assert_eq!(variants.len(), 16);
        for variant in variants {
            let name = variant["const"].as_str().unwrap();
            let code: WarningCode = name.parse().unwrap();
            assert_eq!(code.as_str(), name);
            assert_eq!(code.to_string(), name);
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{name}\""));
        }
        assert_eq!(
            "unparsed_rows".parse::<WarningCode>(),
            Err(UnknownWarningCode("unparsed_rows".into()))
        );
    }
}
