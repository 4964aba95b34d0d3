//! Rows of a space-aligned table region: which data lines hold a row's values (anchors),
//! which lines go with which anchor (a wrapped name, a projects list going on, a value's
//! further lines, a label printed beside the rows it spans), and the row lines they make.
//! The region's columns are found first ([`super::spaces`]); this module only groups lines.

use super::bracket_depth;
use super::break_space::leaves_value_open;
use super::columns::Columns;
use super::header_gap::{keep_notes_with_values, return_closing_notes, split_at_header_gap};
use super::name_tails::{figure_led_columns, return_name_tails};
use super::spaces::{is_blank, is_label_character, parts, Part, Region, EDGE_SLACK};
use super::split_cells::{closes_a_bracket, columns_under, open_stretches};
use super::squeezed_cells::{
    cut_where_cells_start_below, realign_under_cells, rejoin_squeezed_words,
};
use super::squeezed_runs::cut_values_in_order;
use super::{joined_cell, make_cell, starts_list_item, Arranged};

/// What each data line of a region is and which row it belongs to.
pub(super) struct Rows<'a> {
    /// Every non-blank data line's pieces.
    parts: Vec<(usize, Vec<Part<'a>>)>,
    /// Per entry of `parts`: the entry index of the anchor it belongs to, if any.
    owner: Vec<Option<usize>>,
    anchor: Vec<bool>,
    heading: Vec<bool>,
    name: usize,
    /// Per column: whether the header makes it a value column.
    is_value: Vec<bool>,
    /// The column the header names a projects column, if any.
    projects: Option<usize>,
    /// Label text read one character a line, by owning anchor entry: `(column, text)`.
    vertical: Vec<(usize, usize, String)>,
    /// Pieces taken out of their lines (vertical labels), by `(line, x0)`.
    taken: Vec<(usize, u32)>,
}

/// A list item of words (`1 地域商業支援`, `・交流会`), not a number and its unit set
/// apart (`3 件`).
fn is_list_item(text: &str) -> bool {
    // The item's words: after its number, or after its mark (`・`, `①`).
    let item = match text.chars().next() {
        Some(c) if c.is_ascii_digit() => text.trim_start_matches(|c: char| c.is_ascii_digit()),
        Some(mark) => &text[mark.len_utf8()..],
        None => "",
    }
    .trim_start();
    starts_list_item(text)
        && item.chars().count() >= 2
        && !item.starts_with(|c: char| c.is_numeric())
}

/// A row number: one to three digits (also how `raw_rows` tells one on a line of its own).
pub(crate) fn is_ordinal(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

impl<'a> Rows<'a> {
    pub(super) fn read(
        region: &Region<'_, 'a>,
        cols: &Columns,
        is_value: &[bool],
        (name, name_known): (usize, bool),
        projects: Option<usize>,
        min_values: usize,
        header_spans: Option<&[Option<(u32, u32)>]>,
    ) -> Option<Rows<'a>> {
        let min_values = min_values.max(1);
        let mut entries = Vec::new();
        let mut blank_before = Vec::new();
        let mut blank = true;
        for i in region.data.clone() {
            let raw = region.raw(i);
            if is_blank(raw) {
                blank = true;
                continue;
            }
            let mut pieces = parts(i, raw, &region.runs[i], cols, None);
            cut_values_in_order(&mut pieces, raw, &region.runs[i], cols, is_value);
            if let Some(spans) = header_spans {
                split_at_header_gap(
                    &mut pieces,
                    raw,
                    &region.runs[i],
                    cols.metric,
                    is_value,
                    spans,
                );
                keep_notes_with_values(&mut pieces, raw, is_value, spans);
            }
            entries.push((i, pieces));
            blank_before.push(std::mem::replace(&mut blank, false));
        }
        if let Some(spans) = header_spans {
            return_closing_notes(&mut entries, &blank_before, is_value, spans);
        }
        if name_known {
            let figure_led =
                figure_led_columns(entries.iter().map(|(_, ps)| ps.as_slice()), is_value);
            for (i, pieces) in &mut entries {
                let (raw, runs) = (region.raw(*i), &region.runs[*i]);
                return_name_tails(pieces, raw, runs, cols.metric, name, &figure_led);
            }
        }
        // Cells a narrow column set one space from their neighbours, cut at the wrong word.
        cut_where_cells_start_below(region, &mut entries, &blank_before, cols.metric, is_value);
        rejoin_squeezed_words(region, &mut entries, is_value, (name, projects));
        let mut anchor: Vec<bool> = entries
            .iter()
            .map(|(_, ps)| {
                let mut seen: Vec<usize> = ps
                    .iter()
                    .filter(|p| is_value[p.col])
                    .map(|p| p.col)
                    .collect();
                seen.dedup();
                seen.len() >= min_values
            })
            .collect();
        if !anchor.iter().any(|a| *a) {
            return None;
        }
        // Values with no name under a row's values, with only nameless lines between
        // (a projects list going on) and no blank line: the row's values wrapped over
        // lines (a KPI row holds a name, so these lines are no row of their own). They stay
        // with the row above, however the rows are centred. Only where the header names
        // the name column: elsewhere a name may stand in any column.
        let mut continues = vec![false; entries.len()];
        let mut row_open = false;
        let first_value = is_value.iter().position(|&v| v).unwrap_or(0);
        // The header's name column must hold the names (a header out of line with its
        // rows names a column of its own).
        let names_under_header = entries
            .iter()
            .any(|(_, ps)| ps.iter().any(|p| p.col == name));
        for e in (0..entries.len()).filter(|_| name_known && names_under_header) {
            // Nothing before the first value column: no name, wherever the header put it.
            let nameless = entries[e].1.iter().all(|p| p.col >= first_value);
            row_open &= !blank_before[e];
            if anchor[e] && nameless && row_open {
                anchor[e] = false;
                continues[e] = true;
            } else if anchor[e] {
                row_open = true;
            } else if !nameless {
                row_open = false;
            }
        }
        // A line whose values close brackets left open in their columns on the row line
        // above (`54.1% (参考：依頼会員 516` over `人、提供会員 279人) (H31.3)`; lines without
        // values between, a projects list going on) holds that row's cells going on,
        // whatever else it holds (a wrapped name's last piece). Each line between is
        // passed over once, by the value line after it: linear in the lines.
        let holds_values = |e: usize| entries[e].1.iter().any(|p| is_value[p.col]);
        // Cells the column cut split, put back together once the lines are grouped:
        // `(entry, the cell's column, the last column of its pieces)`.
        let mut split_cells: Vec<(usize, usize, usize)> = Vec::new();
        // Pieces of their next lines, in the columns of the pieces they go on from:
        // `(entry, piece, column)`.
        let mut realigned: Vec<(usize, usize, usize)> = Vec::new();
        let nameless = |e: usize| entries[e].1.iter().all(|p| p.col >= first_value);
        for e in 1..entries.len() {
            if !anchor[e] || blank_before[e] {
                continue;
            }
            let mut above = e - 1;
            while above > 0 && !holds_values(above) && !blank_before[above + 1] {
                above -= 1;
            }
            if blank_before[above + 1] || !(anchor[above] || continues[above]) {
                continue;
            }
            // The columns the line above leaves a bracket open in (its pieces are in
            // column order): one pass, then a lookup per piece of this line.
            let mut open: Vec<(usize, i32)> = Vec::new();
            for p in &entries[above].1 {
                let depth = bracket_depth(p.text);
                match open.last_mut() {
                    Some(last) if last.0 == p.col => last.1 += depth,
                    _ => open.push((p.col, depth)),
                }
            }
            let open = |c: usize| {
                open.binary_search_by_key(&c, |o| o.0)
                    .is_ok_and(|i| open[i].1 > 0)
            };
            // Value pieces one space apart are one cell the column cut split (`935,476人
            // (直江津) 981,736人 (高`, a column found inside it): a bracket it leaves open
            // is closed below in whichever of its columns the cell's next line starts,
            // and that column is the cell's: its pieces up to the open bracket go there.
            let stretches = open_stretches(&entries[above].1, is_value);
            let closing_stretch = entries[e].1.iter().find_map(|p| {
                let closes = is_value[p.col] && closes_a_bracket(p.text);
                stretches
                    .iter()
                    .find(|s| closes && (s.first..=s.last).contains(&p.col))
                    .map(|s| (p.col, s.opener))
            });
            if let Some((cell, opener)) = closing_stretch {
                split_cells.push((above, cell, opener));
                // The cut that split the cell placed this line's other cells apart too.
                let under = columns_under(&entries[e].1, &entries[above].1, is_value);
                realigned.extend(under.into_iter().map(|(k, col)| (e, k, col)));
            }
            if closing_stretch.is_some()
                || entries[e].1.iter().any(|p| is_value[p.col] && open(p.col))
            {
                anchor[e] = false;
                continues[e] = true;
            }
        }
        // A nameless line of values leaving brackets open, right above a line with a name
        // and nothing in those columns, whose next line closes them: the first lines of
        // that row's values, wrapped around its name centred on one line (`4,210人
        // (H28経済` / `町内事業所の従業者数  4,300人` / `センサス)`). It leads that row.
        // One pass over the lines, each line's pieces read a fixed number of times.
        let depth = bracket_depth;
        let mut leads = vec![false; entries.len()];
        for x in 0..entries.len().saturating_sub(2) {
            let (y, z) = (x + 1, x + 2);
            // The first lines may have been taken for the row above's values wrapped
            // (they have no name either): the brackets they open and the row below
            // closes tell them apart.
            let values_line = anchor[x] || continues[x];
            if !values_line || !nameless(x) || !anchor[y] || nameless(y) || !continues[z] {
                continue;
            }
            if blank_before[y] || blank_before[z] {
                continue;
            }
            let opened: Vec<usize> = entries[x]
                .1
                .iter()
                .filter(|p| is_value[p.col] && depth(p.text) > 0)
                .map(|p| p.col)
                .collect();
            let closed = |c: usize| entries[z].1.iter().any(|p| p.col == c && depth(p.text) < 0);
            let empty_in_y = |c: usize| entries[y].1.iter().all(|p| p.col != c);
            if !opened.is_empty() && opened.iter().all(|&c| empty_in_y(c) && closed(c)) {
                anchor[x] = false;
                continues[x] = false;
                leads[x] = true;
            }
        }
        // A name between two nameless lines of values, where the upper line leaves a value
        // unfinished (a label waiting for its figure, a bracket open) in a column the name's
        // line leaves empty and the lower line goes on in: one row's values wrapped over
        // two lines around its name centred between them (`小学6年生61.2% 中学3年生` /
        // `地域の行事に参加している児童生徒の割合` / `42.5% (R元)`). The name's line is the
        // row, whatever number of values it holds itself. The upper line starts the value:
        // a line right above it with something in that column may be the value's start
        // (a row above whose values wrap past its name's second line), and is left alone.
        // One pass, each line's pieces read a fixed number of times.
        for x in 0..entries.len().saturating_sub(2) {
            let (y, z) = (x + 1, x + 2);
            if blank_before[y] || blank_before[z] || !nameless(x) || !nameless(z) {
                continue;
            }
            if !entries[y].1.iter().any(|p| p.col == name) {
                continue;
            }
            let in_line = |e: usize, c: usize| entries[e].1.iter().any(|p| p.col == c);
            let starts_value = |c: usize| x == 0 || blank_before[x] || !in_line(x - 1, c);
            let wraps_around = entries[x].1.iter().any(|p| {
                is_value[p.col]
                    && starts_value(p.col)
                    && leaves_value_open(p.text)
                    && !in_line(y, p.col)
                    && in_line(z, p.col)
            });
            if wraps_around {
                anchor[y] = true;
                continues[y] = false;
                (anchor[x], continues[x], leads[x]) = (false, false, true);
                (anchor[z], continues[z]) = (false, true);
            }
        }
        // Where rows are numbered (an ordinal in a label column), a row is its numbered
        // line: between blank lines, other lines with values in several columns are the
        // numbered rows' cells printed over several lines (a name and the values' periods
        // centred around one-line values), grouped with them below.
        let numbered = |e: usize| {
            entries[e]
                .1
                .iter()
                .any(|p| p.col < name && is_ordinal(p.text))
        };
        let mut group_start = 0;
        while group_start < entries.len() {
            let group_end = (group_start + 1..entries.len())
                .find(|&e| blank_before[e])
                .unwrap_or(entries.len());
            let group = group_start..group_end;
            let numbers: Vec<usize> = group.clone().filter(|&e| numbered(e)).collect();
            if !numbers.is_empty() && numbers.iter().all(|&e| anchor[e]) {
                for e in group.filter(|&e| !numbered(e)) {
                    anchor[e] = false;
                    continues[e] = false;
                }
            }
            group_start = group_end;
        }
        let leftmost = entries
            .iter()
            .flat_map(|(_, ps)| ps.iter().map(|p| p.x0))
            .min()
            .unwrap_or(0);
        let name_x0 = cols.extents[name].0;
        let mut heading: Vec<bool> = entries
            .iter()
            .zip(&anchor)
            .map(|((_, ps), &a)| {
                !a && ps.len() == 1
                    && ps[0].x0 <= leftmost + EDGE_SLACK
                    && ps[0].x0 < name_x0
                    && ps[0].col < name
            })
            .collect();
        // A piece that ends before the name column, printed between two lines of rows
        // with no space around it, is a label centred beside the rows it spans (a merged
        // cell, `数値目標` beside a field's two headline rows), not a heading: a heading runs
        // on into the name column, or stands apart.
        let within_labels = |e: usize| {
            let line = entries[e].0;
            matches!(region.runs[line].as_slice(), [only] if only.span.x(cols.metric).1 <= name_x0)
        };
        let spanning: Vec<usize> = (1..entries.len().saturating_sub(1))
            .filter(|&e| {
                heading[e]
                    && within_labels(e)
                    && !blank_before[e]
                    && !blank_before[e + 1]
                    && !heading[e - 1]
                    && !heading[e + 1]
            })
            .collect();
        for e in spanning {
            heading[e] = false;
        }
        // Segments: entries between blank lines and headings.
        let mut segments: Vec<Vec<usize>> = Vec::new();
        for e in 0..entries.len() {
            if heading[e] {
                continue;
            }
            let breaks = blank_before[e] || e == 0 || heading[e - 1];
            if breaks || segments.is_empty() {
                segments.push(Vec::new());
            }
            if let Some(s) = segments.last_mut() {
                s.push(e);
            }
        }
        let centred = segments.iter().any(|s| {
            let first = s[0];
            !anchor[first]
                && entries[first].1.iter().any(|p| p.col == name)
                && s.iter().any(|&e| anchor[e])
        });
        let mut owner: Vec<Option<usize>> = vec![None; entries.len()];
        for s in &segments {
            // The nearest anchor above and below each position (as positions in `s`),
            // from one sweep each way: linear in the segment.
            let mut above: Vec<Option<usize>> = vec![None; s.len()];
            let mut below: Vec<Option<usize>> = vec![None; s.len()];
            let mut last = None;
            for (k, &e) in s.iter().enumerate() {
                if anchor[e] {
                    last = Some(k);
                }
                above[k] = last;
            }
            last = None;
            for (k, &e) in s.iter().enumerate().rev() {
                if anchor[e] {
                    last = Some(k);
                }
                below[k] = last;
            }
            for (k, &e) in s.iter().enumerate() {
                owner[e] = match (above[k], below[k]) {
                    (Some(a), _) if a == k => Some(e),
                    (Some(a), Some(b)) if centred => {
                        // Lines between two anchors: the first half to the upper row.
                        let between = b - a - 1;
                        Some(s[if k - a <= between.div_ceil(2) { a } else { b }])
                    }
                    (Some(a), _) => Some(s[a]),
                    (None, b) => b.map(|b| s[b]),
                };
            }
            // A row whose values line holds no name had its name printed around it (a
            // wrapped name centred on a one-line value): as many of the lines just above
            // it as it has below it are its own, not the wrapped lines of the row above.
            for (kb, &b) in s.iter().enumerate() {
                let Some(ka) = above[kb.saturating_sub(1)].filter(|_| kb > 0 && anchor[b]) else {
                    continue;
                };
                if entries[b].1.iter().any(|p| p.col == name) {
                    continue;
                }
                let below_own = s[kb + 1..]
                    .iter()
                    .take_while(|&&e| !anchor[e] && owner[e] == Some(b))
                    .count();
                for &e in s[ka + 1..kb].iter().rev().take(below_own) {
                    owner[e] = Some(b);
                }
            }
        }
        // A wrapped value's line goes with the row of the line before it, a leading line
        // with the row of the line after it.
        for e in 1..entries.len() {
            if continues[e] {
                owner[e] = owner[e - 1];
            }
        }
        for e in (0..entries.len().saturating_sub(1)).rev() {
            if leads[e] {
                owner[e] = owner[e + 1];
            }
        }
        for (e, cell, opener) in split_cells {
            for p in &mut entries[e].1 {
                if p.col > cell && p.col <= opener {
                    p.col = cell;
                }
            }
        }
        for (e, k, col) in realigned {
            entries[e].1[k].col = col;
        }
        realign_under_cells(
            region,
            &mut entries,
            (&owner, &anchor, &blank_before),
            is_value,
        );
        let mut rows = Rows {
            parts: entries,
            owner,
            anchor,
            heading,
            name,
            is_value: is_value.to_vec(),
            projects,
            vertical: Vec::new(),
            taken: Vec::new(),
        };
        rows.find_vertical_labels(&segments);
        rows.find_wrapped_labels(&segments);
        rows.find_spanning_labels(&segments);
        Some(rows)
    }

    /// A segment's only label piece of two characters or more in a label column, beside
    /// rows further down than the first: a label centred beside the rows it spans. It
    /// labels them all, so it goes to the segment's first row (the table stage carries a
    /// row label such as `数値目標` on to the rows after it, up to the next heading).
    fn find_spanning_labels(&mut self, segments: &[Vec<usize>]) {
        for s in segments {
            let Some(&first_anchor) = s.iter().find(|&&e| self.anchor[e]) else {
                continue;
            };
            for col in 0..self.name {
                let labels: Vec<(usize, &Part)> = s
                    .iter()
                    .flat_map(|&e| self.parts[e].1.iter().map(move |p| (e, p)))
                    .filter(|(_, p)| p.col == col && !self.taken.contains(&(p.line, p.x0)))
                    .collect();
                let [(e, label)] = labels.as_slice() else {
                    continue;
                };
                let words = label.text.chars().count();
                let ordinal = label.text.starts_with(|c: char| c.is_ascii_digit());
                if *e == first_anchor || words < 2 || ordinal {
                    continue;
                }
                let taken = (label.line, label.x0);
                self.vertical
                    .push((first_anchor, col, label.text.to_string()));
                self.taken.push(taken);
            }
        }
    }

    /// Label pieces of one character on consecutive lines of a segment, in one column
    /// (not row numbers: `1` / `2` / `3` down an ordinal column are each their row's).
    fn find_vertical_labels(&mut self, segments: &[Vec<usize>]) {
        for s in segments {
            for col in 0..self.name {
                let singles: Vec<(usize, &Part)> = s
                    .iter()
                    .flat_map(|&e| self.parts[e].1.iter().map(move |p| (e, p)))
                    .filter(|(_, p)| p.col == col && is_label_character(p.text))
                    .collect();
                if singles.len() < 2 {
                    continue;
                }
                let Some(owner) = self.owner[singles[0].0] else {
                    continue;
                };
                let text: String = singles.iter().map(|(_, p)| p.text).collect();
                let taken: Vec<(usize, u32)> =
                    singles.iter().map(|(_, p)| (p.line, p.x0)).collect();
                self.vertical.push((owner, col, text));
                self.taken.extend(taken);
            }
        }
    }

    /// A label wrapped over consecutive lines of a segment in a label column (`数値目` /
    /// `標`: a merged cell's label broken where the narrow column is full): one piece a
    /// line, at most one line apart, all of wide characters (Japanese wraps anywhere; `1-1` / `1-2` are labels of
    /// their own), each but the last as wide as the column's widest piece outside headings
    /// (it filled the column), the last narrower. It is one label, of the row of its first
    /// line. One pass over the parts for the widths, then one over each segment's pieces
    /// per label column.
    fn find_wrapped_labels(&mut self, segments: &[Vec<usize>]) {
        let mut widest = vec![0u32; self.name];
        for (e, (_, ps)) in self.parts.iter().enumerate() {
            if self.heading[e] {
                continue;
            }
            for p in ps.iter().filter(|p| p.col < self.name) {
                widest[p.col] = widest[p.col].max(p.x1 - p.x0);
            }
        }
        for s in segments {
            for (col, &widest) in widest.iter().enumerate() {
                // (position in the segment, piece)
                let pieces: Vec<(usize, &Part)> = s
                    .iter()
                    .enumerate()
                    .flat_map(|(k, &e)| self.parts[e].1.iter().map(move |p| (k, p)))
                    .filter(|(_, p)| p.col == col && !self.taken.contains(&(p.line, p.x0)))
                    .collect();
                let Some(((first_k, _), last)) = pieces.first().zip(pieces.last()) else {
                    continue;
                };
                // On consecutive lines, or with one line between (a wrapped name's line
                // beside a label centred over both rows).
                let one_a_line = pieces
                    .windows(2)
                    .all(|w| w[1].0 > w[0].0 && w[1].0 <= w[0].0 + 2);
                let wide = pieces
                    .iter()
                    .all(|(_, p)| p.text.chars().all(super::is_wide));
                let filled = pieces[..pieces.len() - 1]
                    .iter()
                    .all(|(_, p)| p.x1 - p.x0 == widest);
                let wraps = pieces.len() >= 2 && one_a_line && wide && filled;
                let Some(owner) = self.owner[s[*first_k]].filter(|_| wraps) else {
                    continue;
                };
                if last.1.x1 - last.1.x0 >= widest {
                    continue;
                }
                let text: String = pieces.iter().map(|(_, p)| p.text).collect();
                self.taken
                    .extend(pieces.iter().map(|(_, p)| (p.line, p.x0)));
                self.vertical.push((owner, col, text));
            }
        }
    }

    /// The column a piece's text goes to: its own, except for a list item alone on a
    /// row's continuation line in a value column left of the projects column the header
    /// names. A numbered list is no value: it is the projects list, printed shifted into
    /// the value column beside it (`pdftotext -layout` set `1 地域商業支援` inside the
    /// target column's span, under `25団体`).
    fn column_of(&self, continuation: bool, line: &[Part], p: &Part) -> usize {
        match self.projects {
            Some(projects)
                if continuation
                    && line.len() == 1
                    && p.col < projects
                    && self.is_value[p.col]
                    && is_list_item(p.text) =>
            {
                projects
            }
            _ => p.col,
        }
    }

    pub(super) fn emit(&self, region: &Region, n: usize, out: &mut Vec<Arranged>) {
        let mut taken = self.taken.clone();
        taken.sort_unstable();
        let is_taken = |p: &Part| taken.binary_search(&(p.line, p.x0)).is_ok();
        // Each anchor's member lines, in one pass (entries are in line order).
        let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); self.parts.len()];
        for (m, owner) in self.owner.iter().enumerate() {
            if let Some(o) = owner {
                members_of[*o].push(m);
            }
        }
        // Rows, one per anchor.
        for (e, (line, _)) in self.parts.iter().enumerate() {
            if !self.anchor[e] {
                continue;
            }
            let members = &members_of[e];
            let mut pieces: Vec<Vec<&str>> = vec![Vec::new(); n];
            for (c, _, text) in self
                .vertical
                .iter()
                .filter(|v| v.0 == e)
                .map(|v| (v.1, v.0, v.2.as_str()))
            {
                pieces[c].push(text);
            }
            for &m in members {
                for p in &self.parts[m].1 {
                    let detached = m != e && p.col < self.name;
                    if !detached && !is_taken(p) {
                        pieces[self.column_of(m != e, &self.parts[m].1, p)].push(p.text);
                    }
                }
            }
            let first = members
                .iter()
                .map(|&m| self.parts[m].0)
                .min()
                .unwrap_or(*line);
            let raw: Vec<&str> = members
                .iter()
                .map(|&m| region.raw(self.parts[m].0))
                .collect();
            out.push(Arranged {
                first,
                raw: raw.join("\n"),
                cells: pieces.iter().map(|p| joined_cell(p)).collect(),
            });
        }
        // Lines of their own: headings, lines of segments without values, label pieces
        // detached from a row's continuation lines.
        for (e, (line, ps)) in self.parts.iter().enumerate() {
            let raw = region.raw(*line);
            match self.owner[e] {
                Some(o) if o == e => {}
                Some(_) => {
                    for p in ps.iter().filter(|p| p.col < self.name && !is_taken(p)) {
                        out.push(Arranged {
                            first: *line,
                            raw: raw.to_string(),
                            cells: vec![make_cell(p.text)],
                        });
                    }
                }
                None => {
                    let cells = if ps.len() <= 1 || self.heading[e] {
                        vec![make_cell(raw)]
                    } else {
                        let mut pieces: Vec<Vec<&str>> = vec![Vec::new(); n];
                        for p in ps {
                            pieces[p.col].push(p.text);
                        }
                        pieces.iter().map(|p| joined_cell(p)).collect()
                    };
                    out.push(Arranged {
                        first: *line,
                        raw: raw.to_string(),
                        cells,
                    });
                }
            }
        }
        // Blank lines stay (a gap tells the table stage a block has ended).
        for i in region.data.clone() {
            if is_blank(region.raw(i)) {
                out.push(Arranged {
                    first: i,
                    raw: region.raw(i).to_string(),
                    cells: vec![make_cell(region.raw(i))],
                });
            }
        }
    }
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
