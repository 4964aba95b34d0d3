//! Ruled tables: cells are the rectangles the rulings enclose.
//!
//! Rulings are snapped and merged, grouped into tables by intersection, and each table's
//! distinct x and y positions form a grid of atomic cells. Neighbouring atomic cells with
//! no ruling between them belong to one (merged) cell. A merged cell must be enclosed by
//! rulings on all four sides; open regions are not cells, and their text is left to the
//! stream (unruled) reader.

use super::backend::Rule;

/// Rulings closer than this (points) are the same line.
const SNAP: f64 = 1.5;
/// Gaps up to this along a ruling are drawing artifacts; the ruling continues.
const JOIN: f64 = 2.5;
/// How far a ruling may fall short of the one it meets and still touch it.
const TOUCH: f64 = 3.0;
/// A side of a cell counts as ruled when rulings cover this share of it.
const COVERED: f64 = 0.6;
/// Bounds against pathological inputs (charts drawn as thousands of strokes).
const MAX_RULES: usize = 20_000;
const MAX_GRID: usize = 200_000;

/// An axis-aligned ruling: `at` is the y of a horizontal ruling (x of a vertical one),
/// `from..to` its extent along the other axis.
#[derive(Debug, Clone, Copy)]
struct Seg {
    at: f64,
    from: f64,
    to: f64,
}

/// One cell of a ruled table, in page points and in grid indices (inclusive).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TableCell {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    pub row0: usize,
    pub row1: usize,
    pub col0: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Table {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub cells: Vec<TableCell>,
    /// Atomic grid (row-major) → index into `cells`.
    grid: Vec<Option<usize>>,
}

impl Table {
    pub(super) fn rows(&self) -> usize {
        self.ys.len() - 1
    }

    /// The cell containing the point, if any.
    pub(super) fn locate(&self, x: f64, y: f64) -> Option<usize> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        if x < self.xs[0] || x >= self.xs[nx - 1] || y < self.ys[0] || y >= self.ys[ny - 1] {
            return None;
        }
        let c = self.xs.partition_point(|&v| v <= x) - 1;
        let r = self.ys.partition_point(|&v| v <= y) - 1;
        self.grid[r * (nx - 1) + c]
    }
}

/// Snap rulings at (nearly) the same position together and merge overlapping pieces.
fn merge_segments(mut segs: Vec<Seg>) -> Vec<Seg> {
    segs.retain(|s| s.at.is_finite() && s.from.is_finite() && s.to.is_finite());
    segs.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let mut j = i + 1;
        while j < segs.len() && segs[j].at - segs[j - 1].at <= SNAP {
            j += 1;
        }
        let group = &mut segs[i..j];
        let at = group.iter().map(|s| s.at).sum::<f64>() / group.len() as f64;
        group.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Seg> = None;
        for s in group.iter() {
            match &mut cur {
                Some(c) if s.from <= c.to + JOIN => c.to = c.to.max(s.to),
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(Seg {
                        at,
                        from: s.from,
                        to: s.to,
                    });
                }
            }
        }
        out.extend(cur);
        i = j;
    }
    out.retain(|s| s.to - s.from >= 3.0);
    out
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Distinct positions, snapped.
fn distinct(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        match out.last() {
            Some(&l) if x - l <= SNAP * 2.0 => {}
            _ => out.push(x),
        }
    }
    out
}

/// Share of `from..to` covered by the segments lying at `at`.
fn coverage(segs: &[Seg], at: f64, from: f64, to: f64) -> f64 {
    let len = to - from;
    if len <= 0.0 {
        return 1.0;
    }
    let mut pieces: Vec<(f64, f64)> = segs
        .iter()
        .filter(|s| (s.at - at).abs() <= SNAP * 2.0)
        .map(|s| (s.from.max(from), s.to.min(to)))
        .filter(|(a, b)| b > a)
        .collect();
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut covered, mut reach) = (0.0, from);
    for (a, b) in pieces {
        let a = a.max(reach);
        if b > a {
            covered += b - a;
            reach = b;
        }
    }
    covered / len
}

/// Find the ruled tables of a page.
pub(super) fn find_tables(rules: &[Rule]) -> Vec<Table> {
    if rules.len() > MAX_RULES {
        return Vec::new();
    }
    let mut hs = Vec::new();
    let mut vs = Vec::new();
    for r in rules {
        if r.is_horizontal() {
            hs.push(Seg {
                at: (r.top + r.bottom) / 2.0,
                from: r.x0.min(r.x1),
                to: r.x0.max(r.x1),
            });
        } else {
            vs.push(Seg {
                at: (r.x0 + r.x1) / 2.0,
                from: r.top.min(r.bottom),
                to: r.top.max(r.bottom),
            });
        }
    }
    let hs = merge_segments(hs);
    let vs = merge_segments(vs);
    if hs.len() < 2 || vs.len() < 2 {
        return Vec::new();
    }
    // Tables = connected groups of crossing rulings.
    let mut uf = UnionFind::new(hs.len() + vs.len());
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            let crosses = v.at >= h.from - TOUCH
                && v.at <= h.to + TOUCH
                && h.at >= v.from - TOUCH
                && h.at <= v.to + TOUCH;
            if crosses {
                uf.union(i, hs.len() + j);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Seg>, Vec<Seg>)> = Vec::new();
    for (i, h) in hs.iter().enumerate() {
        let root = uf.find(i);
        match groups.iter_mut().find(|g| g.0 == root) {
            Some(g) => g.1.push(*h),
            None => groups.push((root, vec![*h], Vec::new())),
        }
    }
    for (j, v) in vs.iter().enumerate() {
        let root = uf.find(hs.len() + j);
        if let Some(g) = groups.iter_mut().find(|g| g.0 == root) {
            g.2.push(*v);
        }
    }
    groups
        .into_iter()
        .filter(|g| g.1.len() >= 2 && g.2.len() >= 2)
        .filter_map(|(_, h, v)| build_table(&h, &v))
        .collect()
}

fn build_table(hs: &[Seg], vs: &[Seg]) -> Option<Table> {
    let ys = distinct(hs.iter().map(|s| s.at).collect());
    let xs = distinct(vs.iter().map(|s| s.at).collect());
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (nc, nr) = (xs.len() - 1, ys.len() - 1);
    if nc * nr > MAX_GRID {
        return None;
    }
    let idx = |r: usize, c: usize| r * nc + c;
    let mut uf = UnionFind::new(nc * nr);
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && coverage(vs, xs[c + 1], ys[r], ys[r + 1]) < COVERED {
                uf.union(idx(r, c), idx(r, c + 1));
            }
            if r + 1 < nr && coverage(hs, ys[r + 1], xs[c], xs[c + 1]) < COVERED {
                uf.union(idx(r, c), idx(r + 1, c));
            }
        }
    }
    // Extent of each merged region, in grid indices.
    let mut extent: Vec<Option<(usize, usize, usize, usize)>> = vec![None; nc * nr];
    for r in 0..nr {
        for c in 0..nc {
            let root = uf.find(idx(r, c));
            let e = extent[root].get_or_insert((r, r, c, c));
            e.0 = e.0.min(r);
            e.1 = e.1.max(r);
            e.2 = e.2.min(c);
            e.3 = e.3.max(c);
        }
    }
    let mut cells = Vec::new();
    let mut cell_of_root: Vec<Option<usize>> = vec![None; nc * nr];
    for root in 0..nc * nr {
        let Some((r0, r1, c0, c1)) = extent[root] else {
            continue;
        };
        let (x0, x1, top, bottom) = (xs[c0], xs[c1 + 1], ys[r0], ys[r1 + 1]);
        let enclosed = coverage(hs, top, x0, x1) >= COVERED
            && coverage(hs, bottom, x0, x1) >= COVERED
            && coverage(vs, x0, top, bottom) >= COVERED
            && coverage(vs, x1, top, bottom) >= COVERED;
        if enclosed {
            cell_of_root[root] = Some(cells.len());
            cells.push(TableCell {
                x0,
                x1,
                top,
                bottom,
                row0: r0,
                row1: r1,
                col0: c0,
            });
        }
    }
    if cells.is_empty() {
        return None;
    }
    let mut grid = vec![None; nc * nr];
    for r in 0..nr {
        for c in 0..nc {
            let root = uf.find(idx(r, c));
            grid[idx(r, c)] = cell_of_root[root];
        }
    }
    Some(Table {
        xs,
        ys,
        cells,
        grid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Rule {
        Rule {
            x0,
            top: y,
            x1,
            bottom: y,
        }
    }
    fn v(x: f64, y0: f64, y1: f64) -> Rule {
        Rule {
            x0: x,
            top: y0,
            x1: x,
            bottom: y1,
        }
    }

    #[test]
    fn merged_cells_come_out_once() {
        // 2 columns x 3 rows; the left column is one cell over rows 2-3.
        let rules = vec![
            h(0.0, 0.0, 100.0),
            h(10.0, 0.0, 100.0),
            h(20.0, 50.0, 100.0),
            h(30.0, 0.0, 100.0),
            v(0.0, 0.0, 30.0),
            v(50.0, 0.0, 30.0),
            v(100.0, 0.0, 30.0),
        ];
        let tables = find_tables(&rules);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.cells.len(), 5);
        let left = t.locate(25.0, 15.0).unwrap();
        assert_eq!(t.locate(25.0, 25.0), Some(left));
        assert_eq!((t.cells[left].row0, t.cells[left].row1), (1, 2));
        assert_ne!(t.locate(75.0, 15.0), t.locate(75.0, 25.0));
        assert_eq!(t.locate(150.0, 15.0), None);
    }

    #[test]
    fn open_regions_are_not_cells() {
        // Two horizontal rules with verticals only on the left: no enclosed cell on the right.
        let rules = vec![
            h(0.0, 0.0, 100.0),
            h(10.0, 0.0, 100.0),
            v(0.0, 0.0, 10.0),
            v(50.0, 0.0, 10.0),
        ];
        let t = &find_tables(&rules)[0];
        assert!(t.locate(25.0, 5.0).is_some());
        assert_eq!(t.locate(75.0, 5.0), None);
    }
}
