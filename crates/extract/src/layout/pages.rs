//! A space-aligned table that goes on over pages without repeating its header.
//!
//! `pdftotext -layout` sets every page on a character grid of its own: the same table's
//! columns start at other x positions on the next page (a projects column at 113 on one
//! page, 101 on the next), so one set of columns for the whole region cuts the later
//! pages' cells in the wrong places. A region's data lines are therefore read page by
//! page: the page holding the header gets its columns as a region always did, and every
//! later page gets the same columns carried onto its own grid. The carrying matches, in
//! order, where the columns the data lines' alignment gives on either page start (the
//! header plays no part in those), and maps x positions between matched starts linearly.
//! A region stays one (as before) when its first page shows too few rows to tell its
//! columns, or a later page's columns cannot be matched.

use super::columns::{find_columns, Columns};
use super::runs::{Metric, Run};
use super::spaces::{is_blank, Region};
use super::vocabulary::HeaderVocabulary;
use super::{joined_cell, Arranged, SourceLine};
use std::ops::Range;

/// The data lines `data`, cut where a new page starts (a form feed in the text).
pub(super) fn page_chunks(lines: &[SourceLine], data: Range<usize>) -> Vec<Range<usize>> {
    let mut chunks: Vec<Range<usize>> = Vec::new();
    let mut start = data.start;
    for i in data.clone() {
        if i > start && lines[i].page != lines[i - 1].page {
            chunks.push(start..i);
            start = i;
        }
    }
    if start < data.end {
        chunks.push(start..data.end);
    }
    chunks
}

/// A table's first page with fewer lines of two runs or more than this does not show its
/// columns well enough to carry them onto the next page's grid.
const MIN_PAGE_VOTERS: usize = 1;

/// A region read page by page (see [`Region::by_pages`]): its first page as a region of
/// its own and that page's columns, and every later page's data lines with the columns
/// carried onto its grid.
pub(super) struct Pages<'r, 'a> {
    pub(super) first: Region<'r, 'a>,
    pub(super) columns: Columns,
    pub(super) later: Vec<(Range<usize>, Columns)>,
}

impl<'r, 'a> Region<'r, 'a> {
    /// The same region holding only the data lines `data`.
    pub(super) fn with_data(&self, data: Range<usize>) -> Region<'r, 'a> {
        Region {
            lines: self.lines,
            runs: self.runs,
            header: self.header.clone(),
            main: self.main,
            data,
        }
    }

    /// The columns the data lines' alignment alone gives (no header): what two pages of
    /// one table are matched by.
    fn data_columns(&self, metric: Metric) -> Columns {
        let data: Vec<&[Run]> = self.data.clone().map(|i| self.runs[i].as_slice()).collect();
        find_columns(&data, metric)
    }

    /// The region read page by page: its first page (as a region of its own), that
    /// page's columns, and every later page with the columns carried onto it. `None` when
    /// the region lies on one page, its first page holds fewer than
    /// [`MIN_PAGE_VOTERS`] lines of two runs or more, or a later page's columns match
    /// none of the first page's.
    pub(super) fn by_pages(
        &self,
        metric: Metric,
        vocab: &dyn HeaderVocabulary,
    ) -> Option<Pages<'r, 'a>> {
        let pages = page_chunks(self.lines, self.data.clone());
        if pages.len() < 2 {
            return None;
        }
        let first_page = self.with_data(pages[0].clone());
        let voters = first_page
            .data
            .clone()
            .filter(|&i| self.runs[i].len() >= 2)
            .count();
        if voters < MIN_PAGE_VOTERS {
            return None;
        }
        let cols = first_page.columns(metric, vocab);
        let first_data = first_page.data_columns(metric);
        let later = pages[1..]
            .iter()
            .map(|page| {
                let page_data = self.with_data(page.clone()).data_columns(metric);
                let page_runs: Vec<&[Run]> = page
                    .clone()
                    .map(|i| self.runs[i].as_slice())
                    .filter(|r| r.len() >= 2)
                    .collect();
                let page_cols = carry_columns(&cols, &first_data, &page_data, &page_runs)?;
                Some((page.clone(), page_cols))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Pages {
            first: first_page,
            columns: cols,
            later,
        })
    }
}

/// A row a page break cut in two: its values at the foot of one page, the rest of its
/// name (or of its projects list) at the top of the next, on lines of one run each up to
/// a blank line. Read page by page, those lines stood alone; read as one region, they
/// went on with the row above, as they do here, each in the column it stands in on its
/// own page (`columns`). `previous` holds the lines made of the page before `page` (the
/// data lines of a later page), `next` those made of `page`. Only when the page before
/// ends on a line of that row (no blank line, no heading between). The leading lines are
/// looked at once: linear.
pub(super) fn join_row_cut_by_page(
    region: &Region,
    (page, columns): (Range<usize>, &Columns),
    previous: &mut [Arranged],
    next: &mut Vec<Arranged>,
) {
    let Some(last_before) = page.start.checked_sub(1) else {
        return;
    };
    if last_before < region.data.start || is_blank(region.raw(last_before)) {
        return;
    }
    let after = page
        .clone()
        .find(|&i| is_blank(region.raw(i)) || region.runs[i].len() != 1)
        .unwrap_or(page.end);
    let lead = page.start..after;
    if lead.is_empty() || (after < page.end && !is_blank(region.raw(after))) {
        return;
    }
    let n = columns.len();
    // The rest of a cut row stands in a column the table's rows fill: a line in one they
    // leave empty (a heading at the table's left edge, in its label column) starts anew.
    let mut filled = vec![false; n];
    for a in previous.iter().filter(|a| a.cells.len() == n) {
        let cells = a.cells.iter().map(|c| !c.text.trim().is_empty());
        if cells.clone().filter(|&f| f).count() >= 2 {
            filled.iter_mut().zip(cells).for_each(|(f, c)| *f |= c);
        }
    }
    let starts_at = |i: usize| region.runs[i][0].span.x(columns.metric).0;
    if !lead.clone().all(|i| filled[columns.of(starts_at(i))]) {
        return;
    }
    let ends_page = |a: &Arranged| a.raw.rsplit('\n').next() == Some(region.raw(last_before));
    let Some(row) = previous
        .iter_mut()
        .filter(|a| a.cells.len() == n && n >= 2)
        .find(|a| ends_page(a))
    else {
        return;
    };
    let alone = |a: &Arranged| a.cells.len() == 1 && lead.contains(&a.first);
    if next.iter().filter(|a| alone(a)).count() != lead.len() {
        return;
    }
    next.retain(|a| !alone(a));
    // Per column, the pieces the leading lines add.
    let mut added: Vec<Vec<&str>> = vec![Vec::new(); n];
    for i in lead {
        added[columns.of(starts_at(i))].push(region.raw(i).trim());
        row.raw.push('\n');
        row.raw.push_str(region.raw(i));
    }
    for (cell, more) in row.cells.iter_mut().zip(&added) {
        if !more.is_empty() {
            let mut pieces: Vec<&str> = cell.raw.split('\n').filter(|p| !p.is_empty()).collect();
            pieces.extend(more);
            *cell = joined_cell(&pieces);
        }
    }
}

/// A monotone map of x positions from one page's grid to another's: through the matched
/// edges `(from, to)` linearly, and shifted by the nearest one's offset outside them.
struct XMap {
    knots: Vec<(u32, u32)>,
}

/// At most this many columns on a page are matched with another page's.
const MAX_MATCHED: usize = 64;

/// How strictly two pages' columns are matched: what leaving a column unmatched costs and
/// how far apart two matched columns may start, in relative position (the page's width
/// between its first and last column's start is 1). `pdftotext -layout` stretches a
/// page's gaps unevenly (a page of short values sets its columns closer), so no one
/// setting fits every page: each is tried, and the carried columns that cut the page's
/// runs least are kept (see [`carry_columns`]).
const MATCHINGS: [Matching; 3] = [
    Matching {
        unmatched: 0.08,
        max_distance: 0.12,
    },
    Matching {
        unmatched: 0.15,
        max_distance: 0.2,
    },
    Matching {
        unmatched: 0.3,
        max_distance: 0.35,
    },
];

#[derive(Debug, Clone, Copy)]
struct Matching {
    unmatched: f64,
    max_distance: f64,
}

/// Where a page's columns start; `None` when it holds fewer than two.
fn starts(cols: &Columns) -> Option<Vec<u32>> {
    (cols.len() >= 2).then(|| cols.extents.iter().map(|e| e.0).collect())
}

/// Positions relative to the first and the last (`0` and `1`).
fn normalized(xs: &[u32]) -> Vec<f64> {
    let (first, last) = (f64::from(xs[0]), f64::from(xs[xs.len() - 1]));
    let width = (last - first).max(1.0);
    xs.iter().map(|&x| (f64::from(x) - first) / width).collect()
}

impl XMap {
    /// Matches the data columns of two pages by where they start, relative to the
    /// first and last column's start on each page (a page's grid is stretched as well as
    /// shifted): in order, each column at most once, a column of either page left
    /// unmatched where the other page has none near it (a column only one page's rows
    /// show). `None` when fewer than two columns match, or either page holds more than
    /// [`MAX_MATCHED`] columns (no table has that many; the matching is quadratic).
    fn between(from: &Columns, to: &Columns, matching: Matching) -> Option<XMap> {
        let Matching {
            unmatched: unmatched_cost,
            max_distance,
        } = matching;
        let (a, b) = (starts(from)?, starts(to)?);
        if a.len() > MAX_MATCHED || b.len() > MAX_MATCHED {
            return None;
        }
        let (na, nb) = (normalized(&a), normalized(&b));
        // cost[i][j]: the cheapest matching of a[i..] with b[j..].
        let (m, k) = (a.len(), b.len());
        let mut cost = vec![vec![0.0f64; k + 1]; m + 1];
        for i in (0..=m).rev() {
            for j in (0..=k).rev() {
                cost[i][j] = match (i < m, j < k) {
                    (false, false) => 0.0,
                    (true, false) => cost[i + 1][j] + unmatched_cost,
                    (false, true) => cost[i][j + 1] + unmatched_cost,
                    (true, true) => {
                        let skip = (cost[i + 1][j]).min(cost[i][j + 1]) + unmatched_cost;
                        let d = (na[i] - nb[j]).abs();
                        if d <= max_distance {
                            skip.min(cost[i + 1][j + 1] + d)
                        } else {
                            skip
                        }
                    }
                };
            }
        }
        let mut knots: Vec<(u32, u32)> = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < m && j < k {
            let d = (na[i] - nb[j]).abs();
            if d <= max_distance && cost[i][j] == cost[i + 1][j + 1] + d {
                knots.push((a[i], b[j]));
                i += 1;
                j += 1;
            } else if cost[i][j] == cost[i + 1][j] + unmatched_cost {
                i += 1;
            } else {
                j += 1;
            }
        }
        (knots.len() >= 2).then_some(XMap { knots })
    }

    /// Each column of `from` matched with the one in the same place of `to` (as many);
    /// `None` when they hold fewer than two.
    fn one_to_one(from: &Columns, to: &Columns) -> Option<XMap> {
        let knots: Vec<(u32, u32)> = starts(from)?.into_iter().zip(starts(to)?).collect();
        Some(XMap { knots })
    }

    fn map(&self, x: u32) -> u32 {
        let k = &self.knots;
        let i = k.partition_point(|&(a, _)| a <= x);
        let shifted = |(a, b): (u32, u32)| (i64::from(x) + i64::from(b) - i64::from(a)).max(0);
        let mapped = match (i.checked_sub(1).map(|j| k[j]), k.get(i)) {
            (Some(lo), Some(&hi)) if hi.0 > lo.0 => {
                // Between two knots: linearly, rounded to the nearest position.
                let (dx, dy) = (i64::from(hi.0 - lo.0), i64::from(hi.1) - i64::from(lo.1));
                let t = i64::from(x - lo.0);
                i64::from(lo.1) + (2 * t * dy + dx).div_euclid(2 * dx)
            }
            (Some(lo), _) => shifted(lo),
            (None, Some(&hi)) => shifted(hi),
            (None, None) => i64::from(x),
        };
        u32::try_from(mapped.max(0)).unwrap_or(u32::MAX)
    }
}

/// The header page's columns `reference` carried onto a later page, given both pages'
/// data columns (`reference_data`, `page_data`) and the later page's runs (`page_runs`,
/// its lines of two runs or more); the page's word coverage is its own. Of the matchings
/// tried, the one whose carried columns start inside fewest of the page's runs wins (the
/// first on a tie): carried right, a column starts in the gutters the page's rows show.
/// Pages showing as many data columns are tried matched one to one first: a page's grid
/// may be squeezed unevenly enough that the strictest matching leaves a column out.
/// `None` when the pages' data columns do not match.
pub(super) fn carry_columns(
    reference: &Columns,
    reference_data: &Columns,
    page_data: &Columns,
    page_runs: &[&[Run]],
) -> Option<Columns> {
    let mut best: Option<(usize, Vec<(u32, u32)>)> = None;
    // Pages showing as many data columns show the same ones: matched one to one, in
    // order, first (kept unless a matching cuts fewer of the page's runs).
    let one_to_one = (reference_data.len() == page_data.len())
        .then(|| XMap::one_to_one(reference_data, page_data))
        .flatten();
    let matched = MATCHINGS
        .iter()
        .filter_map(|&m| XMap::between(reference_data, page_data, m));
    for map in one_to_one.into_iter().chain(matched) {
        let extents = carried(reference, &map);
        let cut = runs_cut(&extents, page_runs, reference.metric);
        if best.as_ref().is_none_or(|(fewest, _)| cut < *fewest) {
            best = Some((cut, extents));
        }
    }
    Some(Columns {
        metric: reference.metric,
        extents: best?.1,
        word_cover: page_data.word_cover.clone(),
    })
}

/// The extents `reference` mapped through `map`, kept in order and non-empty.
fn carried(reference: &Columns, map: &XMap) -> Vec<(u32, u32)> {
    let mut extents: Vec<(u32, u32)> = Vec::with_capacity(reference.len());
    for &(x0, x1) in &reference.extents {
        let (y0, y1) = (map.map(x0), map.map(x1));
        let y0 = extents.last().map_or(y0, |&(_, end)| y0.max(end));
        extents.push((y0, y1.max(y0 + 1)));
    }
    extents
}

/// How many runs a column starts inside of (after the run's start, before its end).
/// Binary search per run: `n log n`.
fn runs_cut(extents: &[(u32, u32)], runs: &[&[Run]], metric: Metric) -> usize {
    runs.iter()
        .flat_map(|line| line.iter())
        .filter(|r| {
            let (x0, x1) = r.span.x(metric);
            let next = extents.partition_point(|&(s, _)| s <= x0);
            extents.get(next).is_some_and(|&(s, _)| s < x1)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::test_lines::{at_chars as at, cells_of, on_pages};

    fn cols(extents: &[(u32, u32)]) -> Columns {
        Columns {
            metric: Metric::Chars,
            extents: extents.to_vec(),
            word_cover: Vec::new(),
        }
    }

    #[test]
    fn pages_are_cut_at_a_page_change() {
        let lines: Vec<SourceLine> = [1, 1, 2, 2, 3]
            .iter()
            .map(|&page| SourceLine { page, raw: "x" })
            .collect();
        assert_eq!(page_chunks(&lines, 1..5), vec![1..2, 2..4, 4..5]);
        assert_eq!(page_chunks(&lines, 2..4), vec![2..4]);
        assert!(page_chunks(&lines, 3..3).is_empty());
    }

    /// The projects column at 113 on the header's page and at 101 on the next; the
    /// header page's extra column (a gutter filled by a label) lands between the same
    /// neighbours.
    #[test]
    fn columns_are_carried_between_matched_edges() {
        let reference_data = cols(&[(22, 48), (52, 64), (71, 85), (96, 106), (113, 140)]);
        let page_data = cols(&[(21, 46), (51, 62), (68, 80), (91, 99), (101, 125)]);
        let reference = cols(&[(0, 4), (22, 48), (52, 64), (71, 85), (96, 106), (113, 140)]);
        let carried = carry_columns(&reference, &reference_data, &page_data, &[]).unwrap();
        assert_eq!(
            carried.extents,
            // Starts are matched; ends lie between them (48 between 22→21 and 52→51 is
            // 47; 64 is 51 + 12·17/19 = 61.7; 85 is 68 + 14·23/25 = 80.9; 106 is
            // 91 + 10·10/17 = 96.9) or past the last (140 shifted as 113→101).
            vec![(0, 3), (21, 47), (51, 62), (68, 81), (91, 97), (101, 128)]
        );
        // A page showing one column: nothing to match, nothing is carried.
        assert!(carry_columns(&reference, &reference_data, &cols(&[(0, 9)]), &[]).is_none());
    }

    /// Issue 16 (上越 by WeasyPrint, `pdftotext -layout`): a page break cut a row whose
    /// name wraps around its values: the values and the name's first line at the foot of
    /// one page, the name's last line at the top of the next, then a blank line. Read
    /// page by page, the last line stood alone and the row lost half its name; it goes on
    /// with the row above, in the column it stands in on its own page.
    #[test]
    fn a_row_cut_by_a_page_break_keeps_its_name() {
        let first = |name, b, c, t| at(&[(4, name), (32, b), (46, c), (60, t)]);
        let second = |name, b, c, t| at(&[(3, name), (24, b), (34, c), (44, t)]);
        let lines: Vec<(u32, String)> = vec![
            (
                1,
                at(&[(4, "項目"), (32, "基準値"), (46, "現状値"), (60, "目標値")]),
            ),
            (1, first("認定農業者数", "1,150人", "842人", "1,040人")),
            (1, first("新規就農者数", "38人/年", "29人/年", "31人/年")),
            (1, first("観光入込客数", "360万人", "315万人", "400万人")),
            (1, first("移住者数", "120人", "151人", "200人")),
            (
                1,
                first("ボランティアコーディ", "133件/年", "43件/年", "133件/年"),
            ),
            (2, at(&[(3, "ネート数")])),
            (2, String::new()),
            (2, second("待機児童数", "0人", "0人", "0人")),
            (2, second("婚姻率", "4.0", "3.4", "4.0")),
        ];
        let got: Vec<Vec<String>> = cells_of(&on_pages(&lines));
        let want: Vec<Vec<&str>> = vec![
            vec!["項目", "基準値", "現状値", "目標値"],
            vec!["認定農業者数", "1,150人", "842人", "1,040人"],
            vec!["新規就農者数", "38人/年", "29人/年", "31人/年"],
            vec!["観光入込客数", "360万人", "315万人", "400万人"],
            vec!["移住者数", "120人", "151人", "200人"],
            vec![
                "ボランティアコーディネート数",
                "133件/年",
                "43件/年",
                "133件/年",
            ],
            vec![""],
            vec!["待機児童数", "0人", "0人", "0人"],
            vec!["婚姻率", "4.0", "3.4", "4.0"],
        ];
        assert_eq!(got, want);
    }

    /// Issue 16 (上越 by WeasyPrint, `pdftotext -layout`, row-rules print): the next page
    /// starts with a section heading at the table's left edge, in the label column the
    /// rows leave empty, then a blank line. It is no rest of the row the page break ended
    /// on: that row's cells are all begun elsewhere; the heading stays a line of its own.
    #[test]
    fn a_heading_starting_the_next_page_is_no_rest_of_a_row() {
        let first = |name, b, c, t| at(&[(10, name), (32, b), (46, c), (60, t)]);
        let second = |name, b, c, t| at(&[(9, name), (24, b), (34, c), (44, t)]);
        let lines: Vec<(u32, String)> = vec![
            (
                1,
                at(&[
                    (0, "分野"),
                    (10, "項目"),
                    (32, "基準値"),
                    (46, "現状値"),
                    (60, "目標値"),
                ]),
            ),
            (1, first("認定農業者数", "1,150人", "842人", "1,040人")),
            (1, first("新規就農者数", "38人/年", "29人/年", "31人/年")),
            (1, first("観光入込客数", "360万人", "315万人", "400万人")),
            (1, first("移住者数", "120人", "151人", "200人")),
            (1, first("体験イベント数", "2件/年", "0件/年", "2件/年")),
            (2, at(&[(0, "B-2 子育ての環境づくり")])),
            (2, String::new()),
            (2, second("待機児童数", "0人", "0人", "0人")),
            (2, second("婚姻率", "4.0", "3.4", "4.0")),
        ];
        let got: Vec<Vec<String>> = cells_of(&on_pages(&lines));
        assert_eq!(
            got[5],
            ["", "体験イベント数", "2件/年", "0件/年", "2件/年"],
            "{got:#?}"
        );
        assert!(
            got.iter()
                .any(|row| row.concat() == "B-2 子育ての環境づくり"),
            "{got:#?}"
        );
    }

    /// A page whose gaps `pdftotext -layout` narrowed unevenly (上越 by WeasyPrint, the
    /// last page: values at 43, 56, 64 where the header's page has them at 52, 71, 96):
    /// the strictest matching leaves the second column unmatched and carries its start
    /// into the page's names (33, inside names running to 37 and 39); a looser one
    /// matches every column, and its columns cut
    /// fewer of the page's runs (only the projects item, whose number the header's page
    /// set as a column of its own), so it is kept.
    #[test]
    fn the_matching_that_cuts_fewest_runs_is_kept() {
        use crate::layout::runs::runs;
        let reference = cols(&[(0, 4), (22, 50), (52, 68), (71, 93), (96, 106), (113, 126)]);
        let reference_data = cols(&[
            (22, 50),
            (52, 68),
            (71, 93),
            (96, 106),
            (109, 110),
            (111, 113),
            (113, 126),
        ]);
        let page_data = cols(&[(16, 40), (43, 53), (56, 61), (64, 69), (72, 73), (74, 80)]);
        let lines = [
            at(&[
                (16, "市と大学の連携及び地域と大学の連携の件数(累計)"),
                (43, "59件 (H30)"),
                (56, "88件"),
                (64, "75件"),
                (72, "1 域学連携推進"),
            ]),
            at(&[
                (16, "市が共催、後援する若者が参画する事業の件数"),
                (43, "6件/年 (H30)"),
                (56, "13件/年"),
                (64, "16件/年"),
                (72, "5 全ての取組"),
            ]),
        ];
        let page_runs: Vec<Vec<Run>> = lines.iter().map(|l| runs(l)).collect();
        let page_runs: Vec<&[Run]> = page_runs.iter().map(Vec::as_slice).collect();
        let carried = carry_columns(&reference, &reference_data, &page_data, &page_runs).unwrap();
        // Through (22→16, 52→43, 71→56, 96→64, 109→72, 113→74): 50 is 16 + 28·27/30 =
        // 41.2, 68 is 43 + 16·13/19 = 53.9, 93 is 56 + 22·8/25 = 63.0, 106 is
        // 64 + 10·8/13 = 70.2; 4 and 126 are shifted as the nearest knot (−6, −39).
        assert_eq!(
            carried.extents,
            vec![(0, 1), (16, 41), (43, 54), (56, 63), (64, 70), (74, 87)]
        );
    }

    #[test]
    fn positions_between_knots_are_mapped_linearly() {
        let map = XMap {
            knots: vec![(10, 20), (20, 40)],
        };
        assert_eq!(map.map(10), 20);
        assert_eq!(map.map(15), 30);
        assert_eq!(map.map(20), 40);
        assert_eq!(map.map(25), 45);
        assert_eq!(map.map(4), 14);
    }

    /// Issue 16 (上越 by WeasyPrint and `pdftotext -layout`): the table goes on over a
    /// page without repeating its header, and the next page is set on a narrower grid
    /// (its values start where the header's page has names). Read as one region, the
    /// second page's values were cut into the name and projects columns of the first;
    /// read page by page, each row holds its own values.
    #[test]
    fn a_table_going_on_over_a_page_on_another_grid_keeps_its_columns() {
        let first = |name, b, c, t, p| at(&[(4, name), (32, b), (46, c), (60, t), (72, p)]);
        let second = |name, b, c, t, p| at(&[(3, name), (24, b), (34, c), (44, t), (53, p)]);
        let mut lines: Vec<(u32, String)> = vec![
            (
                1,
                at(&[
                    (4, "項目"),
                    (32, "基準値"),
                    (46, "現状値"),
                    (60, "目標値"),
                    (72, "主な事業"),
                ]),
            ),
            (
                1,
                first(
                    "認定農業者数",
                    "1,150人",
                    "842人",
                    "1,040人",
                    "1 担い手育成",
                ),
            ),
            (
                1,
                first(
                    "新規就農者数",
                    "38人/年",
                    "29人/年",
                    "31人/年",
                    "2 農業経営支援",
                ),
            ),
            (
                1,
                first(
                    "観光入込客数",
                    "360万人",
                    "315万人",
                    "400万人",
                    "3 観光振興",
                ),
            ),
            (
                1,
                first("移住者数", "120人", "151人", "200人", "4 移住促進"),
            ),
            (
                1,
                first(
                    "創業実現件数",
                    "72件/年",
                    "101件/年",
                    "80件/年",
                    "5 創業促進",
                ),
            ),
        ];
        lines.extend([
            (2, second("待機児童数", "0人", "0人", "0人", "6 保育所整備")),
            (2, second("婚姻率", "4.0", "3.4", "4.0", "7 出会い支援")),
            (
                2,
                second("合計特殊出生率", "1.51", "1.32", "1.68", "8 子育て支援"),
            ),
            (
                2,
                second("市民の割合", "70.0%", "55.5%", "70.0%", "9 魅力発信"),
            ),
        ]);
        let got: Vec<Vec<String>> = cells_of(&on_pages(&lines));
        let want: Vec<Vec<&str>> = vec![
            vec!["項目", "基準値", "現状値", "目標値", "主な事業"],
            vec![
                "認定農業者数",
                "1,150人",
                "842人",
                "1,040人",
                "1 担い手育成",
            ],
            vec![
                "新規就農者数",
                "38人/年",
                "29人/年",
                "31人/年",
                "2 農業経営支援",
            ],
            vec![
                "観光入込客数",
                "360万人",
                "315万人",
                "400万人",
                "3 観光振興",
            ],
            vec!["移住者数", "120人", "151人", "200人", "4 移住促進"],
            vec![
                "創業実現件数",
                "72件/年",
                "101件/年",
                "80件/年",
                "5 創業促進",
            ],
            vec!["待機児童数", "0人", "0人", "0人", "6 保育所整備"],
            vec!["婚姻率", "4.0", "3.4", "4.0", "7 出会い支援"],
            vec!["合計特殊出生率", "1.51", "1.32", "1.68", "8 子育て支援"],
            vec!["市民の割合", "70.0%", "55.5%", "70.0%", "9 魅力発信"],
        ];
        assert_eq!(got, want);
    }

    /// Issue 16 (柏崎 by WeasyPrint, `pdftotext -layout`): a table whose header page
    /// holds two rows, its third row on the next page, set on that page's narrower grid.
    /// Read as one region (too few rows on the header's page), the third row's values
    /// fell into the wrong columns (`設立` with the current value's `-`); and of the
    /// matchings, the strictest left the baseline column unmatched though both pages
    /// show seven columns. The header's page carries its columns with one row of
    /// values, and pages showing as many columns are matched one to one.
    #[test]
    fn a_row_on_the_next_pages_narrower_grid_keeps_its_columns() {
        let lines: Vec<(u32, String)> = vec![
            (
                1,
                at(&[
                    (37, "当初"),
                    (48, "前年度"),
                    (62, "実績値"),
                    (72, "目標値"),
                    (81, "進捗"),
                ]),
            ),
            (
                1,
                at(&[
                    (16, "重要業績評価指標（KPI）"),
                    (36, "（H30）"),
                    (48, "（R1）"),
                    (62, "（R2）"),
                    (72, "（R6）"),
                    (81, "状況"),
                ]),
            ),
            (
                1,
                at(&[
                    (8, "1"),
                    (12, "特許保有件数（総数）"),
                    (35, "153件"),
                    (46, "153件"),
                    (57, "144件"),
                    (70, "200件"),
                    (81, "遅延"),
                ]),
            ),
            (
                1,
                at(&[
                    (8, "2"),
                    (12, "認証米の認定数量"),
                    (35, "2.0トン"),
                    (46, "2.2トン"),
                    (57, "7.5トン"),
                    (70, "10トン"),
                    (81, "順調"),
                ]),
            ),
            (2, at(&[(13, "地域エネルギー会社の設立"), (56, "設立")])),
            (
                2,
                at(&[(9, "3"), (36, "-"), (43, "-"), (49, "-"), (64, "順調")]),
            ),
            (2, at(&[(13, "（電源エネルギー戦略室）"), (56, "（R4年）")])),
        ];
        let got: Vec<Vec<String>> = cells_of(&on_pages(&lines));
        let want: Vec<Vec<&str>> = vec![
            vec![
                "",
                "重要業績評価指標（KPI）",
                "当初 （H30）",
                "前年度 （R1）",
                "実績値 （R2）",
                "目標値 （R6）",
                "進捗 状況",
            ],
            vec![
                "1",
                "特許保有件数（総数）",
                "153件",
                "153件",
                "144件",
                "200件",
                "遅延",
            ],
            vec![
                "2",
                "認証米の認定数量",
                "2.0トン",
                "2.2トン",
                "7.5トン",
                "10トン",
                "順調",
            ],
            vec![
                "3",
                "地域エネルギー会社の設立（電源エネルギー戦略室）",
                "-",
                "-",
                "-",
                "設立 （R4年）",
                "順調",
            ],
        ];
        assert_eq!(got, want);
    }
}
