"""柏崎市 進行管理報告書 (seed kashiwazaki-progress-report-r3.txt) -> portrait .fodt.

The seed is a text extraction: paragraphs separated by blank lines, tables as
tab-separated rows (with HTML fragments), blank or space-only lines where the
original had page breaks. Runs of table rows separated only by blank lines are
one table again here, so the department narrative tables flow across pages.

Tables are recognised by their first row / label column:
- KPI tables (header cell 重要業績評価指標 / 最重要業績評価指標): ruled, header
  cells broken into lines at their spaces (当初 / (H30) / (2018)).
- narrative tables (labels 主な取組と成果 / 課題 / 今後の展開 / 主な事業): the
  department cell merged over its label rows, measure headings as full rows.
- chart data tables (年度 | …): small ruled tables.
- anything else (the table of contents): no rules.
"""

import re

import fodt
from fodt import Cell, Para, Table

WIDTH = 166  # text width in mm (A4 portrait, 22 mm margins)
LABELS = {"主な取組と成果", "課題", "今後の展開", "主な事業"}
TAG = re.compile(r"<[^>]+>")
ROMAN = r"(?:I|II|III|IV|V|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ)"
DASH = r"[-－]"
SECTION_HEAD = re.compile(rf"^{ROMAN}{DASH}[0-9１-９]\s")
MEASURE_HEAD = re.compile(rf"^(?:{ROMAN}|[0-9]){DASH}[0-9１-９]{DASH}")
DEPT_LINE = re.compile(r"^[（(][^（()）]+[課室館][）)]$")


def strip_tags(s):
    return TAG.sub("", s).strip()


def is_blank(line):
    return not line.strip()


def blocks(seed_text):
    """Yield ('table', [rows of cells]) and ('text', [lines]) in order."""
    lines = seed_text.split("\n")
    i = 0
    n = len(lines)
    while i < n:
        if is_blank(lines[i]):
            i += 1
            continue
        if "\t" in lines[i]:
            rows = []
            while i < n:
                if "\t" in lines[i]:
                    rows.append(lines[i].split("\t"))
                    i += 1
                    continue
                j = i
                while j < n and is_blank(lines[j]):
                    j += 1
                if j < n and j > i and "\t" in lines[j] and same_table(rows, lines[j]):
                    i = j
                    continue
                break
            yield "table", rows
        else:
            text = []
            while i < n and not is_blank(lines[i]) and "\t" not in lines[i]:
                text.append(lines[i].strip())
                i += 1
            yield "text", text


def same_table(rows, line):
    """A table row after blank lines continues the table when both are
    narrative rows (the seed's page breaks)."""
    return table_kind(rows) == "narrative" and table_kind([line.split("\t")]) == "narrative"


def table_kind(rows):
    first = rows[0][0].strip()
    if "重要業績評価指標" in first:
        return "kpi"
    if first == "年度":
        return "chart"
    if any(len(r) > 1 and r[1].strip() in LABELS for r in rows):
        return "narrative"
    if all(len(r) > 1 and not r[1].strip() and not "".join(r[2:]).strip() for r in rows):
        return "narrative"  # a lone measure heading row
    return "plain"


# ---------------------------------------------------------------- cell content


def small_runs(cell):
    """'66.7% <small>(H27国勢調査)</small>' -> runs with the note on its own line."""
    m = re.match(r"^(.*?)\s*<small>(.*?)</small>\s*$", cell.strip())
    if not m:
        return [(None, strip_tags(cell))]
    return [(None, m.group(1).strip() + "\n"), ("Small", m.group(2).strip())]


def value_runs(cell):
    """A value cell: a remark in brackets after a space goes on its own line
    ('設立 （R4年）'), as in the printed report."""
    if "<small>" in cell:
        return small_runs(cell)
    return [(None, re.sub(r" ([（(])", r"\n\1", strip_tags(cell), count=1))]


def break_before_department(name):
    """'地域エネルギー会社の設立 （電源エネルギー戦略室）': the department on its own line."""
    return re.sub(r" ([（(][^（()）]+[課室館][）)])$", r"\n\1", name)


def project_items(cell):
    """The 主な事業 list: one item per line. Items are marked by a leading '・'
    when the document uses bullets, else separated by white space."""
    text = strip_tags(cell)
    tokens = text.split()
    if any(t.startswith("・") for t in tokens):
        items = []
        for t in tokens:
            if t.startswith("・") or not items:
                items.append(t)
            else:
                items[-1] += " " + t
        return items
    return tokens


def text_paragraphs(cell):
    """<p>…</p> blocks become paragraphs; other text stays one paragraph."""
    parts = re.findall(r"<p>(.*?)</p>", cell, flags=re.S)
    if parts:
        return [strip_tags(p) for p in parts]
    return [strip_tags(cell)]


# ---------------------------------------------------------------- tables

_table_no = [0]


def new_table(style, widths, header_rows=0):
    _table_no[0] += 1
    name = f"T{_table_no[0]}"
    table = Table(name, style, [f"{style}.C{i}" for i in range(len(widths))], header_rows)
    return table


def kpi_table(rows):
    header = [c.strip() for c in rows[0]]
    numbered = header[1] == ""  # 重要業績評価指標 spans the number and name columns
    if numbered:
        style, ncols = "KpiN", 7
    else:
        style, ncols = "KpiP", 6
    table = new_table(style, [0] * ncols, header_rows=1)
    h = lambda t, **kw: Cell(t, style="Head", pstyle="HeadP", **kw)  # noqa: E731
    cells = [h(header[0], colspan=2 if numbered else 1)]
    for t in header[2 if numbered else 1:]:
        cells.append(h("\n".join(t.split())))
    table.add_row(cells)
    for r in rows[1:]:
        r = [c.strip() for c in r] + [""] * (ncols - len(r))
        cells = []
        for i, c in enumerate(r[:ncols]):
            if numbered and i == 0:
                cells.append(Cell(c, pstyle="CellC", style="CellM"))
            elif i == (1 if numbered else 0):
                cells.append(Cell(break_before_department(strip_tags(c)), style="CellM"))
            elif i == ncols - 1:
                cells.append(Cell(c, pstyle="CellC", style="CellM"))
            else:
                cells.append(Cell([value_runs(c)], pstyle="CellR", style="CellM"))
        table.add_row(cells)
    return table


def narrative_table(rows):
    table = new_table("Nar", [0, 0, 0])
    rows = [[c.strip() for c in r] + [""] * (3 - len(r)) for r in rows]
    i = 0
    while i < len(rows):
        r = rows[i]
        if r[0] and not r[1] and not r[2]:
            table.add_row([Cell(r[0], colspan=3, style="MeasureCell", pstyle="H4Cell")])
            i += 1
            continue
        if not r[0]:
            raise ValueError(f"narrative row without a department: {r[1]}")
        j = i + 1
        while j < len(rows) and not rows[j][0] and rows[j][1]:
            j += 1
        span = j - i
        for k in range(i, j):
            row = rows[k]
            cells = []
            if k == i:
                cells.append(Cell(row[0], rowspan=span, style="Cell", pstyle="DeptP"))
            cells.append(Cell(row[1], style="Cell", pstyle="LabelP"))
            if row[1] == "主な事業":
                cells.append(Cell(project_items(row[2]), style="Cell"))
            else:
                cells.append(Cell(text_paragraphs(row[2]), style="Cell"))
            table.add_row(cells)
        i = j
    return table


def chart_table(rows):
    table = new_table("Chart", [0, 0], header_rows=1)
    for k, r in enumerate(rows):
        style = "Head" if k == 0 else "Cell"
        pstyle = "HeadP" if k == 0 else "CellC"
        table.add_row([Cell(c.strip(), style=style, pstyle=pstyle) for c in r])
    return table


def plain_table(rows):
    ncols = max(len(r) for r in rows)
    table = new_table("Toc", [0] * ncols)
    for r in rows:
        r = [c.strip() for c in r] + [""] * (ncols - len(r))
        table.add_row([Cell(c, style="Plain", pstyle="TocP" if i < ncols - 1 else "TocR")
                       for i, c in enumerate(r)])
    return table


# ---------------------------------------------------------------- text


def text_block(lines, chapters, state):
    """Paragraph XML for one block of consecutive non-table lines."""
    joined = "\n".join(lines)
    if joined.startswith("**"):
        state["title"] = [l.strip("*") for l in lines]
        return "".join(Para(l.strip("*"), "Cover").xml() for l in lines)
    if all(l.startswith("- ") for l in lines):
        return "".join(Para("・" + l[2:], "Bullet").xml() for l in lines)
    if len(lines) == 1:
        line = lines[0]
        if state.get("cover") and line not in ("目 次",):
            return Para(line, "CoverSub").xml()
        if line == "目 次":
            state["cover"] = False
            return Para(line, "TocTitle").xml()
        if line in chapters:
            return Para(line, "H1").xml()
        if line.startswith("第") and re.match(r"^第\d節 ", line):
            style = "H2" if state.get("last") in chapters else "H2Break"
            return Para(line, style).xml()
        if SECTION_HEAD.match(line) or re.match(r"^\d .*プロジェクト$", line):
            return Para(line, "H3").xml()
        if MEASURE_HEAD.match(line):
            return Para(line, "H4").xml()
        if re.match(r"^\(\d\) ", line) and state.get("chapter") == 1:
            return Para(line, "H4").xml()
        if DEPT_LINE.match(line):
            return Para(line, "Dept").xml()
        if line.startswith("KPIの達成に係る"):
            return Para(line, "Lead").xml()
        if line.startswith("＜") or state.get("chart_title_next"):
            return Para(line, "ChartTitle").xml()
    return Para(joined, "Body").xml()


STYLES = (
    fodt.para_style("P", 9)
    + fodt.para_style("Body", 9.5, margin_bottom=2, line_height="130%")
    + fodt.para_style("Cover", 20, bold=True, align="center", margin_top=4)
    + fodt.para_style("CoverSub", 13, align="center", margin_top=12)
    + fodt.para_style("TocTitle", 14, bold=True, align="center", margin_bottom=4, break_before=True)
    + fodt.para_style("TocP", 10)
    + fodt.para_style("TocR", 10, align="end")
    + fodt.para_style("H1", 13, bold=True, margin_top=2, margin_bottom=3, keep_next=True, break_before=True)
    + fodt.para_style("H2", 12, bold=True, margin_top=2, margin_bottom=2, keep_next=True)
    + fodt.para_style("H2Break", 12, bold=True, margin_top=2, margin_bottom=2, keep_next=True, break_before=True)
    + fodt.para_style("H3", 11, bold=True, margin_top=3, margin_bottom=1.5, keep_next=True)
    + fodt.para_style("H4", 10, bold=True, margin_top=2, margin_bottom=1, keep_next=True)
    + fodt.para_style("H4Cell", 9, bold=True)
    + fodt.para_style("Lead", 10, bold=True, margin_top=3, margin_bottom=1, keep_next=True)
    + fodt.para_style("Bullet", 9.5, indent=5, margin_bottom=1)
    + fodt.para_style("Dept", 8.5, align="end", margin_bottom=2)
    + fodt.para_style("ChartTitle", 9.5, bold=True, align="center", margin_top=3, margin_bottom=1, keep_next=True)
    + fodt.para_style("CellP", 8.5)
    + fodt.para_style("CellC", 8.5, align="center")
    + fodt.para_style("CellR", 8.5, align="end")
    + fodt.para_style("HeadP", 8.5, bold=True, align="center")
    + fodt.para_style("DeptP", 8.5, bold=True)
    + fodt.para_style("LabelP", 8.5)
    + fodt.para_style("Footer", 9, align="center")
    + fodt.span_style("Small", size=7)
)

TABLE_WIDTHS = {
    "KpiN": [8, 70, 18, 18, 18, 18, 16],
    "KpiP": [78, 18, 18, 18, 18, 16],
    "Nar": [27, 24, 115],
    "Chart": [40, 30],
    "Toc": [12, 140, 14],
}


def automatic_styles():
    s = [fodt.page_layout("pm1", 210, 297, 22, landscape=False, footer=True)]
    for name, widths in TABLE_WIDTHS.items():
        s.append(fodt.table_style(name, sum(widths)))
        for i, w in enumerate(widths):
            s.append(fodt.column_style(f"{name}.C{i}", w))
    s.append(fodt.row_style("Row"))
    s.append(fodt.cell_style("Cell"))
    s.append(fodt.cell_style("CellM", valign="middle"))
    s.append(fodt.cell_style("Head", valign="middle", background="#d9d9d9"))
    s.append(fodt.cell_style("MeasureCell", valign="middle", background="#f2f2f2"))
    s.append(fodt.cell_style("Plain", border=False, padding=0.5))
    return "".join(s)


def build(seed_text):
    _table_no[0] = 0
    items = list(blocks(seed_text))
    # Chapter headings are "N title" lines whose title is a table of contents
    # entry "N<TAB>title<TAB>page" (the body numbers them differently).
    toc_titles = set()
    for kind, content in items:
        if kind == "table" and table_kind(content) == "plain":
            for r in content:
                if re.fullmatch(r"\d", r[0].strip()):
                    toc_titles.add(r[1].strip())
    chapters = set()
    for kind, content in items:
        if kind == "text" and len(content) == 1:
            m = re.match(r"^\d (.+)$", content[0])
            if m and m.group(1) in toc_titles:
                chapters.add(content[0])
    state = {"cover": True, "chapter": 0}
    body = []
    kpi_rows = 0
    for k, (kind, content) in enumerate(items):
        if kind == "table":
            tk = table_kind(content)
            if tk == "kpi":
                table = kpi_table(content)
                kpi_rows += len(content) - 1
            elif tk == "narrative":
                table = narrative_table(content)
            elif tk == "chart":
                table = chart_table(content)
            else:
                table = plain_table(content)
            body.append(table.xml())
            state["last"] = None
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        state["chart_title_next"] = nxt is not None and (
            (nxt[0] == "text" and len(nxt[1]) == 1 and DEPT_LINE.match(nxt[1][0]))
            or (nxt[0] == "table" and table_kind(nxt[1]) == "chart")
        )
        if len(content) == 1 and content[0] in chapters:
            state["chapter"] = int(content[0][0])
        body.append(text_block(content, chapters, state))
        state["last"] = content[0] if len(content) == 1 else None
    title = " ".join(state.get("title", ["柏崎市"]))
    master = (
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        '<style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current"/> -'
        "</text:p></style:footer></style:master-page>"
    )
    xml = fodt.document(STYLES, automatic_styles(), master, "".join(body), title)
    return xml, kpi_rows
