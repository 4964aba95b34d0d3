"""A small writer for flat OpenDocument text (.fodt) files.

LibreOffice renders .fodt to PDF headless. Writing the XML by hand (instead of
HTML) gives control over page orientation, ruled tables, merged cells, repeated
heading rows, rows that may not split across pages, and vertical cell text.

Only what the fixture generators need is here: paragraphs made of runs, and
tables built row by row with column/row spans. Output is deterministic: no
timestamps, no generated ids other than counters.
"""

from xml.sax.saxutils import escape

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)

FONT = "Noto Sans CJK JP"


def text_xml(text):
    """Escape text for ODF: '\\n' becomes a line break, space runs are kept."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<text:line-break/>")
        buf = []
        spaces = 0
        for ch in line:
            if ch == " ":
                spaces += 1
                continue
            if spaces:
                buf.append(_spaces(spaces, at_start=not buf))
                spaces = 0
            if ch == "\t":
                buf.append("<text:tab/>")
            else:
                buf.append(escape(ch))
        if spaces:
            buf.append(_spaces(spaces, at_start=not buf))
        out.append("".join(buf))
    return "".join(out)


def _spaces(n, at_start):
    # ODF collapses white space; one plain space is kept only between words.
    if n == 1 and not at_start:
        return " "
    if at_start:
        return f'<text:s text:c="{n}"/>'
    return " " + (f'<text:s text:c="{n - 1}"/>' if n > 1 else "")


class Para:
    """A paragraph: a style name and runs of (span style or None, text)."""

    def __init__(self, runs, style="P"):
        if isinstance(runs, str):
            runs = [(None, runs)]
        self.runs = runs
        self.style = style

    def xml(self):
        parts = []
        for span, text in self.runs:
            body = text_xml(text)
            if span:
                parts.append(f'<text:span text:style-name="{span}">{body}</text:span>')
            else:
                parts.append(body)
        return f'<text:p text:style-name="{self.style}">{"".join(parts)}</text:p>'


def paras(content, style):
    if content is None:
        return []
    if isinstance(content, (str, tuple)) or isinstance(content, Para):
        content = [content]
    out = []
    for item in content:
        if isinstance(item, Para):
            out.append(item)
        else:
            out.append(Para(item, style))
    return out


class Cell:
    def __init__(self, content=None, colspan=1, rowspan=1, style="Cell", pstyle="CellP"):
        self.paras = paras(content, pstyle)
        self.colspan = colspan
        self.rowspan = rowspan
        self.style = style


class Table:
    """A table built row by row. Cells are placed into the next free grid
    positions; positions covered by an earlier row/col span are skipped
    automatically (and written as covered cells)."""

    def __init__(self, name, style, col_styles, header_rows=0):
        self.name = name
        self.style = style
        self.col_styles = col_styles
        self.ncols = len(col_styles)
        self.header_rows = header_rows
        self.rows = []  # (row style, [xml per grid position])
        self.covered = {}  # (row, col) -> True

    def add_row(self, cells, style="Row"):
        r = len(self.rows)
        grid = []
        it = iter(cells)
        c = 0
        while c < self.ncols:
            if self.covered.get((r, c)):
                grid.append("<table:covered-table-cell/>")
                c += 1
                continue
            cell = next(it, None)
            if cell is None:
                cell = Cell(style=getattr(self, "filler_style", "Cell"))
            if c + cell.colspan > self.ncols:
                raise ValueError(f"row {r}: cell overflows the table ({c}+{cell.colspan})")
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        self.covered[(r + dr, c + dc)] = True
            attrs = f'table:style-name="{cell.style}" office:value-type="string"'
            if cell.colspan > 1:
                attrs += f' table:number-columns-spanned="{cell.colspan}"'
            if cell.rowspan > 1:
                attrs += f' table:number-rows-spanned="{cell.rowspan}"'
            body = "".join(p.xml() for p in cell.paras) or '<text:p text:style-name="CellP"/>'
            grid.append(f"<table:table-cell {attrs}>{body}</table:table-cell>")
            c += 1
            for _ in range(cell.colspan - 1):
                grid.append("<table:covered-table-cell/>")
                c += 1
        rest = list(it)
        if rest:
            raise ValueError(f"row {r}: {len(rest)} cells left over")
        self.rows.append((style, grid))

    def xml(self):
        out = [f'<table:table table:name="{self.name}" table:style-name="{self.style}">']
        for cs in self.col_styles:
            out.append(f'<table:table-column table:style-name="{cs}"/>')
        for i, (rstyle, grid) in enumerate(self.rows):
            if self.header_rows and i == 0:
                out.append("<table:table-header-rows>")
            out.append(f'<table:table-row table:style-name="{rstyle}">{"".join(grid)}</table:table-row>')
            if self.header_rows and i == self.header_rows - 1:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        return "".join(out)


def document(styles_xml, automatic_xml, master_xml, body, title):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:meta><dc:title>{escape(title)}</dc:title>"
        "<meta:generator>shinchoku scripts/make-fixture-pdfs</meta:generator></office:meta>"
        "<office:font-face-decls>"
        f'<style:font-face style:name="{FONT}" svg:font-family="&apos;{FONT}&apos;" '
        'style:font-family-generic="swiss" style:font-pitch="variable"/>'
        "</office:font-face-decls>"
        f"<office:styles>{BASE_STYLES}{styles_xml}</office:styles>"
        f"<office:automatic-styles>{automatic_xml}</office:automatic-styles>"
        f"<office:master-styles>{master_xml}</office:master-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document>\n"
    )


def text_props(size, bold=False, extra=""):
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
    return (
        f'<style:text-properties style:font-name="{FONT}" style:font-name-asian="{FONT}" '
        f'fo:font-size="{size}pt" style:font-size-asian="{size}pt"{weight} {extra}/>'
    )


BASE_STYLES = (
    '<style:default-style style:family="paragraph">'
    # No extra gap between Japanese and Latin/digit runs ("34歳", not "34 歳"), and
    # Latin/digit runs get English line breaking so that numbers such as 1,395 or
    # H30 are never broken across lines (with a Japanese Western language,
    # LibreOffice breaks between any two characters).
    '<style:paragraph-properties style:line-break="strict" style:text-autospace="none" '
    'style:writing-mode="lr-tb"/>'
    f'<style:text-properties style:font-name="{FONT}" style:font-name-asian="{FONT}" '
    'fo:font-size="9pt" style:font-size-asian="9pt" fo:language="en" fo:country="US" '
    'style:language-asian="ja" style:country-asian="JP" fo:hyphenate="false"/>'
    "</style:default-style>"
    '<style:default-style style:family="table-cell">'
    '<style:table-cell-properties fo:padding="0.6mm"/></style:default-style>'
)


def para_style(name, size, bold=False, align="start", margin_top=0, margin_bottom=0,
               indent=0, keep_next=False, break_before=False, line_height=None):
    props = (
        f'fo:text-align="{align}" fo:margin-top="{margin_top}mm" '
        f'fo:margin-bottom="{margin_bottom}mm" fo:margin-left="{indent}mm"'
    )
    if keep_next:
        props += ' fo:keep-with-next="always"'
    if break_before:
        props += ' fo:break-before="page"'
    if line_height:
        props += f' fo:line-height="{line_height}"'
    return (
        f'<style:style style:name="{name}" style:family="paragraph">'
        f"<style:paragraph-properties {props}/>{text_props(size, bold)}</style:style>"
    )


def span_style(name, size=None, bold=False):
    extra = ""
    if size:
        extra += f' fo:font-size="{size}pt" style:font-size-asian="{size}pt"'
    if bold:
        extra += ' fo:font-weight="bold" style:font-weight-asian="bold"'
    return (
        f'<style:style style:name="{name}" style:family="text">'
        f"<style:text-properties{extra}/></style:style>"
    )


# How bordered cells are drawn: "all" (the ruled fixtures), "none" (a borderless table,
# as Word and HTML tables without borders print) or "rows" (only the rules between rows,
# as Word tables with row lines only). Set by scripts/make-borderless-pdfs.
BORDERS = "all"


def cell_style(name, border=True, valign="top", vertical_text=False, background=None, padding=0.8):
    props = f'fo:padding="{padding}mm" style:vertical-align="{valign}"'
    rule = "0.5pt solid #000000"
    if not border or BORDERS == "none":
        props += ' fo:border="none"'
    elif BORDERS == "rows":
        props += f' fo:border-top="{rule}" fo:border-bottom="{rule}"'
        props += ' fo:border-left="none" fo:border-right="none"'
    else:
        props += f' fo:border="{rule}"'
    if background:
        props += f' fo:background-color="{background}"'
    if vertical_text:
        props += ' style:writing-mode="tb-rl"'
    return (
        f'<style:style style:name="{name}" style:family="table-cell">'
        f"<style:table-cell-properties {props}/></style:style>"
    )


def table_style(name, width_mm, align="center"):
    return (
        f'<style:style style:name="{name}" style:family="table">'
        f'<style:table-properties style:width="{width_mm}mm" table:align="{align}" '
        'fo:margin-top="1mm" fo:margin-bottom="2mm" style:may-break-between-rows="true"/>'
        "</style:style>"
    )


def column_style(name, width_mm):
    return (
        f'<style:style style:name="{name}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{width_mm}mm"/></style:style>'
    )


def row_style(name, keep_together=True, min_height=None):
    props = 'fo:keep-together="always"' if keep_together else 'fo:keep-together="auto"'
    if min_height:
        props += f' style:min-row-height="{min_height}mm"'
    return (
        f'<style:style style:name="{name}" style:family="table-row">'
        f"<style:table-row-properties {props}/></style:style>"
    )


def page_layout(name, width_mm, height_mm, margin_mm, landscape, footer=False):
    orient = "landscape" if landscape else "portrait"
    footer_xml = ""
    if footer:
        footer_xml = (
            '<style:footer-style><style:header-footer-properties fo:min-height="5mm" '
            'fo:margin-top="2mm"/></style:footer-style>'
        )
    return (
        f'<style:page-layout style:name="{name}">'
        f'<style:page-layout-properties fo:page-width="{width_mm}mm" fo:page-height="{height_mm}mm" '
        f'style:print-orientation="{orient}" fo:margin-top="{margin_mm}mm" '
        f'fo:margin-bottom="{margin_mm}mm" fo:margin-left="{margin_mm}mm" fo:margin-right="{margin_mm}mm" '
        'style:writing-mode="lr-tb"/>'
        f"{footer_xml}</style:page-layout>"
    )
