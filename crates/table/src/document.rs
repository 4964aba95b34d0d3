//! Document-level facts: the title, the municipality, the period the report covers and
//! the printed status legend.

use std::cell::OnceCell;

use shinchoku_extract::era::{
    find_periods, may_hold_era_less_fiscal_year, parse_period, Basis, DocumentEras, Period,
};
use shinchoku_extract::{Line, Provenance, Warning, WarningCode};

use crate::cell_text::NormalizedText;
use crate::header::Column;
use crate::model::{DocumentInfo, Municipality};
use crate::more_chars_than;
use crate::municipality::{by_name, code_by_prefecture_in, find_in_title};
use crate::status::Legend;
use crate::view::{legend_entries, line_text, LineView};

/// How many lines a bold title block (`**…**`) may span.
const MAX_TITLE_LINES: usize = 6;

/// A title is a heading: a first line longer than this is content, not a title (and
/// matching municipality names in it would cost time for nothing).
const MAX_TITLE_CHARS: usize = 300;

/// A title told by its type size is at most this long: past it, the large line is a
/// paragraph (a drop cap joined to its text), not a heading.
const MAX_LARGE_TITLE_CHARS: usize = 100;

/// What the reader knows about a document beyond its lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentHints<'a> {
    /// The file's own title (a PDF's Info `/Title`), as stored.
    pub metadata_title: Option<&'a str>,
}

/// How many lines from the top the municipality is looked for when the title names none:
/// the first page's heading, date and issuer lines (a cover page is shorter than this).
const MUNICIPALITY_LINES: usize = 40;

/// Title, municipality and `as_of`, and a `municipality_unknown` warning when no
/// municipality is named. `current_column` is the first KPI table's current value column,
/// whose header period is the fallback `as_of`.
pub(crate) fn info(
    lines: &[LineView],
    current_column: Option<&Column>,
    hints: &DocumentHints,
) -> (DocumentInfo, Option<Warning>) {
    let printed = printed_title(lines);
    let title = hints
        .metadata_title
        .and_then(usable_metadata_title)
        .or_else(|| printed.clone());
    // The title first, then the printed title (when the metadata gave another), then the
    // first page's lines, then a body the first page's cells alone name: a city named deep
    // in the text is never the document's.
    let municipality = title
        .as_deref()
        .and_then(find_in_title)
        .or_else(|| printed.as_deref().and_then(find_in_title))
        .or_else(|| in_first_lines(lines))
        .or_else(|| only_body_in_first_cells(lines))
        .map(|m| settle_shared_name(m, lines));
    let warning = unknown_municipality(municipality.as_ref(), lines);
    let as_of = reported_period(lines)
        .or_else(|| title.as_deref().and_then(fiscal_year_in))
        .or_else(|| current_column.and_then(|c| c.period.clone()));
    let info = DocumentInfo {
        title,
        municipality,
        as_of,
        kind: None,
    };
    (info, warning)
}

/// The `municipality_unknown` warning: no municipality named, or one whose name several
/// prefectures share with none of them named (its code is then null). Placed at the first
/// line read, the title's.
fn unknown_municipality(found: Option<&Municipality>, lines: &[LineView]) -> Option<Warning> {
    let message = match found {
        None => "no municipality named in the title or the first page".to_string(),
        Some(m) if m.code.is_none() => {
            let candidates: Vec<String> = by_name(&m.name)
                .iter()
                .map(|e| format!("{}{} ({})", e.prefecture, e.name, e.code))
                .collect();
            format!(
                "municipality {} is ambiguous: it may be {}, and no prefecture is named on the first page",
                m.name,
                candidates.join(" or ")
            )
        }
        Some(_) => return None,
    };
    let first = lines.iter().find(|l| !l.is_blank()).map(|l| l.line);
    let provenance = Provenance {
        column: None,
        sheet: None,
        page: first.and_then(|l| l.page),
        line: first.map_or(1, |l| l.number),
        text: first.map(|l| l.raw.clone()).unwrap_or_default(),
    };
    Some(Warning::new(
        WarningCode::MunicipalityUnknown,
        message,
        provenance,
    ))
}

/// The non-blank lines of the first page, at most [`MUNICIPALITY_LINES`] of them.
fn first_page_lines<'v, 'a>(lines: &'v [LineView<'a>]) -> impl Iterator<Item = &'v LineView<'a>> {
    let first_page = lines.iter().find_map(|l| l.line.page);
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(MUNICIPALITY_LINES)
        .take_while(move |l| l.line.page == first_page)
}

/// The first municipality named on a short line near the top (a cover's issuer
/// `令和2年3月 音威子府村`), before any table header (a yearly sheet's row of years is one). A one-cell line that reads as a header
/// term (`政策評価…の結果を公表します` holds the status word 評価) is a heading, not a table's
/// header, and does not end the search.
///
/// A city, town or village wins over a prefecture named before it, as in a title: a
/// national form prints `都道府県名 熊本県` then `市町村名 玉東町`, and the report is the town's.
fn in_first_lines(lines: &[LineView]) -> Option<Municipality> {
    let mut prefecture = None;
    let named = first_page_lines(lines)
        .take_while(|l| {
            let table_header = l.header == Some(true) && l.filled().nth(1).is_some();
            !(table_header || crate::layouts::is_year_header(l))
        })
        .filter(|l| !more_chars_than(&l.line.raw, MAX_TITLE_CHARS))
        .filter_map(|l| find_in_title(&line_text(l.line)));
    for found in named {
        let is_prefecture = by_name(&found.name).iter().all(|e| e.is_prefecture());
        if !is_prefecture {
            return Some(found);
        }
        prefecture.get_or_insert(found);
    }
    prefecture
}

/// A document that opens with its table (a web page's plan table, no title line): the one
/// body its first page's cells name, when they name it on at least two lines and name no
/// other (`京都府民の意識調査(京都府)`, `京都府健康福祉部による実態把握` → 京都府). One mention,
/// or two different bodies, say nothing about whose document it is.
fn only_body_in_first_cells(lines: &[LineView]) -> Option<Municipality> {
    let mut named: Option<Municipality> = None;
    let mut named_lines = 0;
    for line in first_page_lines(lines) {
        let mut on_this_line = false;
        for cell in line.filled() {
            if more_chars_than(cell.squeezed(), MAX_TITLE_CHARS) {
                continue;
            }
            let Some(found) = find_in_title(cell.squeezed()) else {
                continue;
            };
            match &named {
                Some(first) if first.name != found.name => return None,
                Some(_) => {}
                None => named = Some(found),
            }
            on_this_line = true;
        }
        named_lines += usize::from(on_this_line);
    }
    named.filter(|_| named_lines >= 2)
}

/// A name several prefectures share (`府中市`, `伊達市`) takes its code from a prefecture
/// named anywhere on the first page when the title named none.
fn settle_shared_name(mut found: Municipality, lines: &[LineView]) -> Municipality {
    if found.code.is_none() {
        let first_page: Vec<String> = first_page_lines(lines)
            .filter(|l| !more_chars_than(&l.line.raw, MAX_TITLE_CHARS))
            .map(|l| line_text(l.line))
            .collect();
        found.code = code_by_prefecture_in(&found.name, &first_page.join(" ")).map(str::to_string);
    }
    found
}

/// A metadata title worth keeping: Japanese text, not a file name or an application's
/// default (`Microsoft Word - 資料.docx`, `PowerPoint プレゼンテーション`, `無題`), not a page
/// label. Normalized like a printed title.
fn usable_metadata_title(stored: &str) -> Option<String> {
    let title = NormalizedText::one_run(stored.trim()).into_string();
    let lower = title.to_ascii_lowercase();
    let application_default = [
        "microsoft ",
        "powerpoint",
        "無題",
        "タイトルなし",
        "untitled",
    ]
    .iter()
    .any(|w| lower.starts_with(w));
    let file_name = [
        ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".pdf", ".jtd", ".txt",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    let japanese = title.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
    });
    let usable = japanese
        && !application_default
        && !file_name
        && !is_page_label(&title)
        && !more_chars_than(&title, MAX_TITLE_CHARS);
    usable.then_some(title)
}

/// A page label printed above a report (`資料6`, `別紙1`, `【資料 3-2】`, `(参考資料)`): it names
/// the report's place in a meeting's papers, not the report.
fn is_page_label(text: &str) -> bool {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = squeezed
        .trim_start_matches(['(', '[', '【', '<', '〈', '《'])
        .trim_end_matches([')', ']', '】', '>', '〉', '》']);
    let words = [
        "参考資料",
        "添付資料",
        "資料",
        "別紙",
        "別添",
        "別表",
        "別冊",
        "参考",
        "付録",
    ];
    let Some(rest) = words.iter().find_map(|w| inner.strip_prefix(w)) else {
        return false;
    };
    rest.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, '-' | '−' | '‐' | '－' | '_' | '.' | 'の' | '号')
    }) && rest.chars().count() <= 6
}

/// The page a web breadcrumb leads to (`ホーム > 県政情報 > … > 【訂正版】…を公表します` → its
/// last crumb): a saved web page's first line is its site's path, the last step its own
/// name. A breadcrumb is at least three crumbs, the first a short word (ホーム, トップページ).
fn breadcrumb_page(text: &str) -> Option<String> {
    if more_chars_than(text, MAX_TITLE_CHARS) {
        return None;
    }
    let crumbs: Vec<&str> = text.split(['>', '＞', '›', '»']).map(str::trim).collect();
    let first_is_home = crumbs
        .first()
        .is_some_and(|c| !c.is_empty() && !more_chars_than(c, 8));
    let last = crumbs.last().copied().unwrap_or_default();
    if crumbs.len() < 3 || !first_is_home || crumbs.iter().any(|c| c.is_empty()) {
        return None;
    }
    let title = NormalizedText::one_run(last).into_string();
    (!title.is_empty()).then_some(title)
}

/// The first non-empty line that is not a page label, or the bold block (`**…**`) it
/// opens, joined with spaces.
fn printed_title(lines: &[LineView]) -> Option<String> {
    if let Some(largest) = largest_heading(lines) {
        return Some(largest);
    }
    let mut non_blank = lines.iter().enumerate().filter(|(_, l)| !l.is_blank());
    let (mut start, first) = non_blank.next()?;
    if let Some(page) = breadcrumb_page(&line_text(first.line)) {
        return Some(page);
    }
    if is_page_label(&line_text(first.line)) {
        start = non_blank.next()?.0;
    }
    // A document that opens with its table's header (an excerpt, a sheet) prints no title.
    if is_table_header(&lines[start]) {
        return None;
    }
    title(&lines[start..])
}

/// A table's header: header terms in two cells or more (one cell that holds a header word,
/// `KPI進捗状況報告書`, may be a title).
fn is_table_header(line: &LineView) -> bool {
    line.header == Some(true) && line.line.filled().nth(1).is_some()
}

/// A PDF's first page's top lines, before its first table header, printed larger than its
/// running text: the title, whatever is printed above it (a date, an issuer, a page label in
/// small type). The lines of the largest size are joined (a title wrapped over two lines)
/// when they follow one another. `None` when the page has no line sizes (not a PDF) or no
/// line stands out.
fn largest_heading(lines: &[LineView]) -> Option<String> {
    let first_page = lines.iter().find_map(|l| l.line.page)?;
    let top: Vec<&LineView> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take_while(|l| l.line.page == Some(first_page) && !is_table_header(l))
        .take(MUNICIPALITY_LINES)
        .collect();
    let mut sizes: Vec<f32> = lines
        .iter()
        .take_while(|l| l.line.page == Some(first_page))
        .filter_map(|l| l.line.size)
        .collect();
    if sizes.len() < 2 {
        return None;
    }
    sizes.sort_by(f32::total_cmp);
    let body = sizes[sizes.len() / 2];
    let largest = top.iter().filter_map(|l| l.line.size).fold(0.0, f32::max);
    // Larger than the body by a clear step (10.5 pt text under a 14 pt title is 1.33×).
    if largest < body * 1.2 {
        return None;
    }
    let same = |l: &LineView| l.line.size.is_some_and(|s| (s - largest).abs() < 0.5);
    let start = top.iter().position(|l| same(l))?;
    let parts: Vec<String> = top[start..]
        .iter()
        .take_while(|l| same(l))
        .take(MAX_TITLE_LINES)
        .map(|l| line_text(l.line))
        .collect();
    let text = parts.join(" ");
    if is_page_label(&text) || !reads_as_title(&text) {
        return None;
    }
    let title = NormalizedText::one_run(&text).into_string();
    (!title.is_empty()).then_some(title)
}

/// Large type that is no title: a drop cap or a lone letter, a figure's numbers, a
/// paragraph run into a large initial. A title is a few words, mostly letters.
fn reads_as_title(text: &str) -> bool {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    (4..=MAX_LARGE_TITLE_CHARS).contains(&chars.len()) && letters * 2 >= chars.len()
}

/// The first non-empty line of `lines`, or the bold block (`**…**`) it opens, joined with spaces.
fn title(lines: &[LineView]) -> Option<String> {
    let start = lines.iter().position(|l| !l.is_blank())?;
    let first: &Line = lines[start].line;
    if more_chars_than(&first.raw, MAX_TITLE_CHARS) {
        return None;
    }
    // The markup is gone from the cells; the raw line still shows the bold block.
    let text = if first.raw.trim_start().starts_with("**") {
        let mut parts = Vec::new();
        for (k, view) in lines[start..].iter().take(MAX_TITLE_LINES).enumerate() {
            let line = view.line;
            parts.push(line_text(line));
            let raw = line.raw.trim();
            let body = if k == 0 { &raw[2..] } else { raw };
            if body.ends_with("**") {
                break;
            }
        }
        parts.join(" ").replace("**", "")
    } else {
        line_text(first)
    };
    if more_chars_than(&text, MAX_TITLE_CHARS) {
        return None;
    }
    let title = NormalizedText::one_run(&text).into_string();
    (!title.is_empty()).then_some(title)
}

/// The period a report says it covers: `（令和 2（2020）年度実績分）`, printed before the
/// first table.
fn reported_period(lines: &[LineView]) -> Option<Period> {
    for view in lines {
        let line = view.line;
        if more_chars_than(&line.raw, MAX_TITLE_CHARS) {
            // Not the short `（…年度実績分）` line; perhaps a table row: stop at a header.
            if view.header == Some(true) {
                break;
            }
            continue;
        }
        let text = line_text(line);
        let text = NormalizedText::one_run(&text);
        let text = text.squeezed();
        let Some(end) = text.find("実績分") else {
            if view.header == Some(true) {
                break;
            }
            continue;
        };
        let expr = text[..end].trim_start_matches(['(', '（', '[', '【']);
        let period = match parse_period(expr) {
            Ok(p) => Some(p.period),
            Err(_) => find_periods(expr)
                .into_iter()
                .find_map(|f| f.result.ok().map(|p| p.period)),
        };
        if period.is_some() {
            return period;
        }
    }
    None
}

/// A fiscal year named in the title (`令和4年度 長岡市…一覧` → R4年度).
fn fiscal_year_in(title: &str) -> Option<Period> {
    find_periods(title)
        .into_iter()
        .filter_map(|f| f.result.ok())
        .map(|p| p.period)
        .find(|p| p.basis == Basis::FiscalYear)
}

/// The eras the document writes its dates in, for the fiscal years it prints without one
/// (`平成26年度 … 27年度`): every era year it prints, when there are at least two and they
/// outnumber its Gregorian-only dates. A document that writes Gregorian years gets none:
/// its era-less years are not guessed.
pub(crate) fn eras_of(lines: &[LineView]) -> Option<DocumentEras> {
    // Collecting them reads every date of the document; most documents print every year
    // with its era and need none.
    let cells = || lines.iter().flat_map(LineView::filled);
    if !cells().any(|cell| may_hold_era_less_fiscal_year(cell.norm().as_str())) {
        return None;
    }
    let mut eras = DocumentEras::default();
    let (mut era_dates, mut gregorian_dates) = (0usize, 0usize);
    for cell in cells() {
        for found in find_periods(cell.norm().as_str()) {
            let Ok(parsed) = found.result else { continue };
            let period = &parsed.period;
            match (period.era, period.era_year) {
                (Some(era), Some(era_year)) => {
                    eras.add(era, era_year);
                    era_dates += 1;
                }
                _ => gregorian_dates += 1,
            }
        }
    }
    (era_dates >= 2 && era_dates > gregorian_dates).then_some(eras)
}

/// The document's status legend, from legend lines anywhere (`順 調：事業が予定通り…`,
/// `A：目標達成　B：概ね順調`), read the first time a status cell asks for it: a report
/// without a status column never reads its lines as legends (which cost 4 % of reading
/// the 上越 report, whose data rows hold `小学校・国語：50.0`).
pub(crate) struct LazyLegend<'a> {
    lines: &'a [LineView<'a>],
    legend: OnceCell<Legend>,
}

impl<'a> LazyLegend<'a> {
    pub(crate) fn new(lines: &'a [LineView<'a>]) -> LazyLegend<'a> {
        LazyLegend {
            lines,
            legend: OnceCell::new(),
        }
    }

    pub(crate) fn get(&self) -> &Legend {
        self.legend.get_or_init(|| legend(self.lines))
    }
}

/// The legend entries of every line, in order.
fn legend(lines: &[LineView]) -> Legend {
    let mut legend = Legend::default();
    for line in lines {
        legend.add_entries(legend_entries(line.line));
    }
    legend
}
