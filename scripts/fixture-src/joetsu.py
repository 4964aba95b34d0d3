"""上越市 KPI list (seed joetsu-kpi-progress-r5.txt) -> landscape .fodt.

The seed is a tab-separated extraction of a landscape table whose columns shift
from page to page. Empty cells carry no meaning there, so each row is read by its
non-empty cells: a heading cell (分野N…, A-1 …, A-1-1 …), the 数値目標 label, or a
KPI row (name, baseline, current, target, then any 主な具体的事業 text). Project
text that the seed spreads over several rows of one measure is joined and split
into its numbered items, then printed in one cell merged over the measure's rows.
"""

import re

import fodt
from fodt import Cell, Para, Table

HEADING = re.compile(r"^(分野\d|[A-Z]-\d)")
TAG = re.compile(r"<[^>]+>")

COLUMNS = [  # (header, width mm)
    ("政策分野", 13),
    ("基本的方向性", 13),
    ("具体的施策", 13),
    ("項目", 68),
    ("戦略策定時（時点）", 37),
    ("現状値（R5年度末）", 42),
    ("目標（R6）", 34),
    ("主な具体的事業", 57),
]


# The heading rows LibreOffice repeats on every page, in content-stream order
# (used by make-fixture-pdfs --verify to skip the repetitions).
REPEATED_HEADING = "政策分野基本的方向性具体的施策重要業績評価指標（KPI）主な具体的事業項目戦略策定時（時点）現状値（R5年度末）目標（R6）"


def strip_tags(s):
    return TAG.sub("", s).strip()


def li_items(cell):
    """<li> items of a list cell, or None when the cell has no <li>."""
    items = re.findall(r"<li>(.*?)</li>", cell, flags=re.S)
    return [strip_tags(i) for i in items] if items else None


def split_numbered(text):
    """'1 A 2 B 3 C' -> ['1 A', '2 B', '3 C'] following the running number,
    so '5 6次産業化' stays one item."""
    text = " ".join(text.split())
    if not text.startswith("1 "):
        raise ValueError(f"projects text does not start with item 1: {text[:40]}")
    items = []
    n = 1
    start = 0
    while True:
        marker = f" {n + 1} "
        pos = text.find(marker, start + len(str(n)) + 1)
        if pos < 0:
            items.append(text[start:])
            return items
        items.append(text[start:pos])
        start = pos + 1
        n += 1


def parse(seed_text):
    """Return (title, label, blocks, footnotes). blocks: list of dicts:
    {'kind': 'heading', 'text'} | {'kind': 'measure_rows', 'headline': bool,
    'rows': [[name, base, cur, target]], 'projects': [items]}"""
    lines = seed_text.split("\n")
    title = None
    label = None
    footnotes = []
    blocks = []
    current = None  # the open block of KPI rows
    project_text = []  # numbered-text fragments for the current measure

    def close():
        nonlocal current, project_text
        if current is not None:
            if project_text:
                joined = " ".join(t for t in project_text if isinstance(t, str))
                lists = [t for t in project_text if isinstance(t, list)]
                items = []
                for lst in lists:
                    items.extend(lst)
                if joined.strip():
                    items.extend(split_numbered(joined))
                current["projects"] = items
            blocks.append(current)
        current = None
        project_text = []

    for line in lines:
        if not line.strip():
            continue
        if "\t" not in line:
            s = line.strip()
            if title is None:
                title = s
            elif s.startswith("※"):
                footnotes.append(s)
            elif label is None:
                label = s
            else:
                raise ValueError(f"unexpected line: {s}")
            continue
        cells = [c.strip() for c in line.split("\t")]
        nonempty = [c for c in cells if c]
        if not nonempty:
            continue
        first = strip_tags(nonempty[0])
        if first == "政策分野" or first == "項目":
            continue  # a (repeated) header row
        if HEADING.match(first):
            close()
            rest = []
            for c in nonempty:
                t = strip_tags(c)
                if HEADING.match(t) and not rest:
                    blocks.append({"kind": "heading", "text": t})
                else:
                    rest.append(c)
            if rest:  # projects printed beside the heading row
                current = {"kind": "measure_rows", "headline": False, "rows": []}
                for c in rest:
                    project_text.append(li_items(c) or strip_tags(c))
            continue
        headline = False
        if first == "数値目標":
            close()
            headline = True
            nonempty = nonempty[1:]
        if current is None:
            current = {"kind": "measure_rows", "headline": headline, "rows": []}
        name, base, cur, target, *projects = nonempty
        current["rows"].append([strip_tags(x) for x in (name, base, cur, target)])
        for c in projects:
            project_text.append(li_items(c) or strip_tags(c))
    close()
    return title, label, blocks, footnotes


def heading_level(text):
    if text.startswith("分野"):
        return 1
    return 2 if re.match(r"^[A-Z]-\d+ ", text) else 3


STYLES = (
    fodt.para_style("P", 8)
    + fodt.para_style("Title", 12, bold=True, align="center", margin_bottom=1)
    + fodt.para_style("Label", 10, bold=True, align="end")
    + fodt.para_style("Foot", 8, margin_top=1)
    + fodt.para_style("CellP", 7.5)
    + fodt.para_style("CellC", 7.5, align="center")
    + fodt.para_style("HeadP", 7.5, bold=True, align="center")
    + fodt.para_style("H1", 8.5, bold=True)
    + fodt.para_style("H2", 8, bold=True)
    + fodt.para_style("H3", 8)
    + fodt.para_style("LabelV", 8, bold=True, align="center")
)


def automatic_styles():
    s = [fodt.page_layout("pm1", 297, 210, 10, landscape=True)]
    width = sum(w for _, w in COLUMNS)
    s.append(fodt.table_style("KPI", width))
    for i, (_, w) in enumerate(COLUMNS):
        s.append(fodt.column_style(f"KPI.C{i}", w))
    s.append(fodt.row_style("Row"))
    s.append(fodt.cell_style("Cell"))
    s.append(fodt.cell_style("Head", valign="middle", background="#d9d9d9"))
    s.append(fodt.cell_style("H1Cell", valign="middle", background="#f2f2f2"))
    s.append(fodt.cell_style("H2Cell", valign="middle"))
    s.append(fodt.cell_style("Vertical", valign="middle", vertical_text=True))
    return "".join(s)


def header_rows(table):
    h = lambda t, **kw: Cell(t, style="Head", pstyle="HeadP", **kw)  # noqa: E731
    table.add_row(
        [h("政策分野", rowspan=2), h("基本的方向性", rowspan=2), h("具体的施策", rowspan=2),
         h("重要業績評価指標（KPI）", colspan=4), h("主な具体的事業", rowspan=2)]
    )
    table.add_row([h("項目"), h("戦略策定時（時点）"), h("現状値（R5年度末）"), h("目標（R6）")])


def build(seed_text):
    title, label, blocks, footnotes = parse(seed_text)
    table = Table("KPI", "KPI", [f"KPI.C{i}" for i in range(len(COLUMNS))], header_rows=2)
    header_rows(table)
    kpi_count = 0
    for block in blocks:
        if block["kind"] == "heading":
            level = heading_level(block["text"])
            style = {1: "H1Cell", 2: "H2Cell", 3: "H2Cell"}[level]
            table.add_row([Cell(block["text"], colspan=len(COLUMNS), style=style, pstyle=f"H{level}")])
            continue
        rows = block["rows"]
        n = len(rows)
        projects = block.get("projects", [])
        if n == 0:
            raise ValueError(f"measure without KPI rows but with projects {projects[:1]}")
        for i, (name, base, cur, target) in enumerate(rows):
            cells = []
            if i == 0:
                if block["headline"]:
                    cells.append(Cell("数値目標", colspan=3, rowspan=n, style="Vertical", pstyle="LabelV"))
                else:
                    cells.append(Cell(None, colspan=3, rowspan=n))
            cells += [Cell(name), Cell(base), Cell(cur), Cell(target)]
            if i == 0:
                cells.append(Cell(projects or None, rowspan=n))
            table.add_row(cells)
            kpi_count += 1
    body = [Para(label, "Label").xml(), Para(title, "Title").xml(), table.xml()]
    body += [Para(f, "Foot").xml() for f in footnotes]
    master = '<style:master-page style:name="Standard" style:page-layout-name="pm1"/>'
    xml = fodt.document(STYLES, automatic_styles(), master, "".join(body), title)
    return xml, kpi_count
