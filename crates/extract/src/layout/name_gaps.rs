//! A long name's own spaces are no gutter of the name column.
//!
//! [`super::columns::find_columns`] cuts a column where no word of the region's lines
//! stands and only a few runs cross: a tool squeezed two cells into one run with a single
//! space between them. In a small table a few runs are one: a long name holding spaces
//! (`女性の生産年齢人口 (15歳から64歳まで) にお`, printed beside its values on one line
//! of three) was cut at each space into columns of its own, and the row's name lost its
//! words to them. A cut under a word of the name's header (`重要業績評価指標`, one cell
//! that no gutter runs through) is such a space: the columns either side are one. A
//! group header over several columns is no name column's header.

use super::header_lines::is_role;
use super::runs::Metric;
use super::spaces::Region;
use super::vocabulary::{HeaderKind, HeaderVocabulary};

impl Region<'_, '_> {
    /// Join the columns either side of a gap that a data run crosses (a squeezed gap,
    /// not a gutter every line leaves open) and a word of a name header covers. The
    /// gaps under a name header's words are few (a header's words are): each is checked
    /// against the data runs once, linear in them.
    pub(super) fn join_name_split_at_spaces(
        &self,
        extents: &mut Vec<(u32, u32)>,
        metric: Metric,
        vocab: &dyn HeaderVocabulary,
    ) {
        let words = || {
            self.header
                .clone()
                .flat_map(|i| self.runs[i].iter().map(move |r| (i, r)))
                .flat_map(|(i, r)| r.words.iter().map(move |w| (i, w)))
                .map(|(i, w)| (i, vocab.kind(&self.raw(i)[w.0..w.1]), w.2.x(metric)))
        };
        // The header's column terms, by line: a group header over several columns
        // (`重要業績評価指標（KPI）` above `戦略策定時 … 目標`) stands over another line's
        // terms, and its columns stay apart.
        let terms: Vec<(usize, (u32, u32))> = words()
            .filter(|&(_, kind, _)| is_role(kind))
            .map(|(i, _, span)| (i, span))
            .collect();
        let over_terms = |line: usize, (a, b): (u32, u32)| {
            terms
                .iter()
                .any(|&(other, (x0, x1))| other != line && x0 < b && a < x1)
        };
        let name_words: Vec<(u32, u32)> = words()
            .filter(|&(i, kind, span)| kind == Some(HeaderKind::Name) && !over_terms(i, span))
            .map(|(_, _, span)| span)
            .collect();
        if name_words.is_empty() {
            return;
        }
        let crossed = |(g0, g1): (u32, u32)| {
            self.data.clone().any(|i| {
                self.runs[i].iter().any(|r| {
                    let (x0, x1) = r.span.x(metric);
                    x0 < g0 && g1 < x1
                })
            })
        };
        let mut joined: Vec<(u32, u32)> = Vec::with_capacity(extents.len());
        for &(x0, x1) in extents.iter() {
            if let Some(last) = joined.last_mut() {
                let gap = (last.1, x0);
                let under_name = name_words.iter().any(|&(a, b)| a <= gap.0 && gap.1 <= b);
                if under_name && crossed(gap) {
                    last.1 = x1;
                    continue;
                }
            }
            joined.push((x0, x1));
        }
        *extents = joined;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_lines::{arranged, at_chars as at};

    /// Issue 16 (柏崎 by WeasyPrint, `pdftotext -layout`): a two-row table whose first
    /// name, printed on the line of its values, holds single spaces; its second line and
    /// the other row's name stand apart. The name was cut at its first space into two
    /// columns, the header's name term with them (`重要業績評価指標` | `(KPI)`).
    #[test]
    fn a_long_names_spaces_do_not_cut_the_name_column() {
        let lines = [
            at(&[(46, "当初"), (58, "前年度"), (71, "実績値"), (82, "目標値")]),
            at(&[(91, "進捗")]),
            at(&[
                (18, "重要業績評価指標 (KPI)"),
                (45, "(H30)"),
                (59, "(R1)"),
                (72, "(R2)"),
                (83, "(R6)"),
            ]),
            at(&[(91, "状況")]),
            at(&[
                (14, "男性の育児休業取得率 (従業員30人以上) にお"),
                (42, "12.5%"),
                (54, "-"),
                (67, "-"),
            ]),
            at(&[(10, "1"), (80, "30.0%"), (91, "-")]),
            at(&[
                (14, "ける割合"),
                (42, "(H27調査)"),
                (54, "(R2調査)"),
                (67, "(R7調査)"),
            ]),
            String::new(),
            at(&[(14, "市の制度による創業者数")]),
            at(&[
                (10, "2"),
                (42, "45人"),
                (54, "52人"),
                (67, "61人"),
                (80, "120人"),
                (91, "順調"),
            ]),
            at(&[(14, "(累計)")]),
        ];
        let got = arranged(&lines);
        let want: Vec<Vec<&str>> = vec![
            vec![
                "",
                "重要業績評価指標 (KPI)",
                "当初 (H30)",
                "前年度 (R1)",
                "実績値 (R2)",
                "目標値 (R6)",
                "進捗 状況",
            ],
            vec![
                "1",
                "男性の育児休業取得率 (従業員30人以上) における割合",
                "12.5% (H27調査)",
                "- (R2調査)",
                "- (R7調査)",
                "30.0%",
                "-",
            ],
            vec![""],
            vec![
                "2",
                "市の制度による創業者数 (累計)",
                "45人",
                "52人",
                "61人",
                "120人",
                "順調",
            ],
        ];
        assert_eq!(got, want);
    }
}
