//! Tests of [`super`]: value cells set one space from their neighbours, in small invented
//! tables shaped like the 上越 WeasyPrint `pdftotext -layout` print (issue 17), their
//! pieces placed in the columns the grid placed the real ones in.

use super::super::runs::{runs, Metric, Run};
use super::super::spaces::{Part, Region};
use super::super::test_lines::{at_chars, on_one_page};
use super::super::SourceLine;
use super::{cut_where_cells_start_below, realign_under_cells, rejoin_squeezed_words};

/// Name, baseline, current, target, a column the grid found inside squeezed cells (no
/// header, no cell starts in it), projects.
const IS_VALUE: [bool; 6] = [false, true, true, true, false, false];
const NAME_AND_PROJECTS: (usize, Option<usize>) = (0, Some(5));

/// The lines' runs, and each line's pieces from `(column, text)`: each text found in its
/// line after the piece before it, its x in characters.
fn pieces<'a>(lines: &'a [String], placed: &[Vec<(usize, &str)>]) -> Vec<(usize, Vec<Part<'a>>)> {
    lines
        .iter()
        .zip(placed)
        .enumerate()
        .map(|(line, (raw, cells))| {
            let mut from = 0;
            let parts = cells
                .iter()
                .map(|&(col, text)| {
                    let start = from + raw[from..].find(text).expect("a piece of its line");
                    from = start + text.len();
                    let x0 = u32::try_from(raw[..start].chars().count()).unwrap();
                    Part {
                        line,
                        col,
                        x0,
                        x1: x0 + u32::try_from(text.chars().count()).unwrap(),
                        text: &raw[start..from],
                    }
                })
                .collect();
            (line, parts)
        })
        .collect()
}

/// Each line's pieces as `(column, text)`.
fn placed<'a>(entries: &[(usize, Vec<Part<'a>>)]) -> Vec<Vec<(usize, &'a str)>> {
    entries
        .iter()
        .map(|(_, ps)| ps.iter().map(|p| (p.col, p.text)).collect())
        .collect()
}

/// A region of `lines`, all data, read in characters.
fn region<'r, 'a>(lines: &'r [SourceLine<'a>], runs: &'r [Vec<Run>]) -> Region<'r, 'a> {
    Region {
        lines,
        runs,
        header: 0..0,
        main: 0,
        data: 0..lines.len(),
    }
}

/// A current value's last words and the target's first line one space apart, the target's
/// note cut into a column of its own (`48,902人 (東町) 61,447人 (西 53,000人以上 (東町)`):
/// the next line starts the target cell at `62,000人以上`, right under `53,000人以上`, so
/// that word starts the target's first line and `61,447人 (西` ends the current value's
/// (closed below by `町)`); the notes go on the targets they are set against.
#[test]
fn a_cell_starts_at_the_word_over_the_start_of_its_next_line() {
    let lines = [
        at_chars(&[
            (0, "交流施設の利用者数 東町…"),
            (20, "52,310人 (H30 東町)"),
            (40, "48,902人 (東町) 61,447人 (西 53,000人以上 (東町)"),
            (80, "1 まちなか居住推進"),
        ]),
        at_chars(&[
            (20, "61,020人 (H30 西町)"),
            (40, "町)"),
            (64, "62,000人以上 (西町)"),
            (80, "2 空き店舗活用"),
        ]),
    ];
    // The target's two lines start at the same x.
    let x = |line: &str, text: &str| line[..line.find(text).unwrap()].chars().count();
    assert_eq!(x(&lines[0], "53,000"), x(&lines[1], "62,000"));
    let sources = on_one_page(&lines);
    let line_runs: Vec<Vec<Run>> = lines.iter().map(|l| runs(l)).collect();
    let region = region(&sources, &line_runs);
    let mut entries = pieces(
        &lines,
        &[
            vec![
                (0, "交流施設の利用者数 東町…"),
                (1, "52,310人 (H30 東町)"),
                (2, "48,902人 (東町)"),
                (3, "61,447人 (西 53,000人以上"),
                (4, "(東町)"),
                (5, "1 まちなか居住推進"),
            ],
            vec![
                (1, "61,020人 (H30 西町)"),
                (2, "町)"),
                (3, "62,000人以上"),
                (4, "(西町)"),
                (5, "2 空き店舗活用"),
            ],
        ],
    );
    cut_where_cells_start_below(
        &region,
        &mut entries,
        &[true, false],
        Metric::Chars,
        &IS_VALUE,
    );
    rejoin_squeezed_words(&region, &mut entries, &IS_VALUE, NAME_AND_PROJECTS);
    assert_eq!(
        placed(&entries),
        vec![
            vec![
                (0, "交流施設の利用者数 東町…"),
                (1, "52,310人 (H30 東町)"),
                (2, "48,902人 (東町) 61,447人 (西"),
                (3, "53,000人以上 (東町)"),
                (5, "1 まちなか居住推進"),
            ],
            vec![
                (1, "61,020人 (H30 西町)"),
                (2, "町)"),
                (3, "62,000人以上 (西町)"),
                (5, "2 空き店舗活用"),
            ],
        ]
    );
    // A blank line between: the next line is another row's, and nothing is cut.
    let mut apart = pieces(&lines, &[placed_line_a(), vec![(3, "62,000人以上")]]);
    cut_where_cells_start_below(&region, &mut apart, &[true, true], Metric::Chars, &IS_VALUE);
    assert_eq!(placed(&apart)[0], placed_line_a());
}

/// The first line of [`a_cell_starts_at_the_word_over_the_start_of_its_next_line`], as the
/// grid placed it.
fn placed_line_a() -> Vec<(usize, &'static str)> {
    vec![
        (0, "交流施設の利用者数 東町…"),
        (1, "52,310人 (H30 東町)"),
        (2, "48,902人 (東町)"),
        (3, "61,447人 (西 53,000人以上"),
        (4, "(東町)"),
        (5, "1 まちなか居住推進"),
    ]
}

/// A target in labelled parts set one space from the projects list (`小学6年生 95.0%
/// 中学3年`): `95.0%` in a column no cell starts in, `中学3年` in the projects column,
/// left of where the list's items start and no item. Both go on the target. A list item
/// set against a value (`偏差値平 1 小・中学校…`) and an item's last words starting where
/// the item starts (`施`) stay the list's.
#[test]
fn words_set_against_a_value_in_no_cells_column_go_on_the_value() {
    let lines = [
        at_chars(&[
            (0, "標準学力検査の偏差値"),
            (43, "小学校の各教科の偏差値平 1 小・中学校学力向上対策"),
        ]),
        at_chars(&[(40, "均53以上"), (56, "2 学校訪問カウンセラーの実")]),
        at_chars(&[(46, "偏差値平均52以上 施")]),
        at_chars(&[
            (0, "学校が楽しいと感じる児童の割合"),
            (20, "小学6年89.0%"),
            (40, "小学6年生 95.0% 中学3年"),
        ]),
        at_chars(&[(40, "生 90.0%"), (56, "3 すこやかな育ち総合支援")]),
    ];
    // `施` goes on item 2: it starts where the item starts.
    let x = |line: &str, text: &str| line[..line.find(text).unwrap()].chars().count();
    assert_eq!(x(&lines[1], "2 学校"), x(&lines[2], "施"));
    let sources = on_one_page(&lines);
    let line_runs: Vec<Vec<Run>> = lines.iter().map(|l| runs(l)).collect();
    let region = region(&sources, &line_runs);
    let line_3 = vec![
        (0, "学校が楽しいと感じる児童の割合"),
        (2, "小学6年89.0%"),
        (3, "小学6年生"),
        (4, "95.0%"),
        (5, "中学3年"),
    ];
    let mut entries = pieces(
        &lines,
        &[
            vec![
                (0, "標準学力検査の偏差値"),
                (3, "小学校の各教科の偏差値平"),
                (5, "1 小・中学校学力向上対策"),
            ],
            vec![(3, "均53以上"), (5, "2 学校訪問カウンセラーの実")],
            vec![(3, "偏差値平均52以上"), (5, "施")],
            line_3.clone(),
            vec![(3, "生 90.0%"), (5, "3 すこやかな育ち総合支援")],
        ],
    );
    let before = placed(&entries);
    rejoin_squeezed_words(&region, &mut entries, &IS_VALUE, NAME_AND_PROJECTS);
    let mut want = before.clone();
    want[3] = vec![
        (0, "学校が楽しいと感じる児童の割合"),
        (2, "小学6年89.0%"),
        (3, "小学6年生 95.0% 中学3年"),
    ];
    assert_eq!(placed(&entries), want);
    // A column a cell starts in (a run of its own on some line) is a column.
    let lines = [lines[3].clone(), at_chars(&[(20, "81.8%"), (48, "85.0%")])];
    let sources = on_one_page(&lines);
    let line_runs: Vec<Vec<Run>> = lines.iter().map(|l| runs(l)).collect();
    let region = self::region(&sources, &line_runs);
    let mut entries = pieces(&lines, &[line_3, vec![(2, "81.8%"), (4, "85.0%")]]);
    rejoin_squeezed_words(&region, &mut entries, &IS_VALUE, NAME_AND_PROJECTS);
    assert_eq!(
        placed(&entries)[0][2..4],
        [(3, "小学6年生"), (4, "95.0%")],
        "column 4 holds a cell of its own"
    );
}

/// Two text cells one space apart, each wrapped over three lines, a projects list's items
/// between them (`…取組 各集落の維持、活性化に向け` / `が継続されている状態       た取組が…` /
/// `態`): the target's second line starts where its first line's words `各集落の…`
/// start, so they start the target; its last line `態` starts there too and is the
/// target's, not the current value's whose lines start further left.
#[test]
fn a_wrapped_cells_lines_start_where_its_first_line_starts() {
    let lines = [
        at_chars(&[
            (0, "地域運営組織の設置・取組"),
            (20, "市内8の組織において山間"),
            (
                34,
                "各集落の維持、活性化に向けた取組 各集落の維持、活性化に向け",
            ),
        ]),
        at_chars(&[(68, "3 集落支援員の配置")]),
        at_chars(&[
            (20, "地域の活性化に向けた取組が が継続されている状態"),
            (51, "た取組が継続されている状"),
        ]),
        at_chars(&[(68, "4 地域支え合い体制づくり")]),
        at_chars(&[(20, "行われている状態 (H30)"), (51, "態")]),
    ];
    let sources = on_one_page(&lines);
    let line_runs: Vec<Vec<Run>> = lines.iter().map(|l| runs(l)).collect();
    let region = region(&sources, &line_runs);
    let mut entries = pieces(
        &lines,
        &[
            vec![
                (0, "地域運営組織の設置・取組"),
                (1, "市内8の組織において山間"),
                (
                    2,
                    "各集落の維持、活性化に向けた取組 各集落の維持、活性化に向け",
                ),
            ],
            vec![(3, "3 集落支援員の配置")],
            vec![
                (1, "地域の活性化に向けた取組が"),
                (2, "が継続されている状態"),
                (3, "た取組が継続されている状"),
            ],
            vec![(3, "4 地域支え合い体制づくり")],
            vec![(1, "行われている状態 (H30)"), (2, "態")],
        ],
    );
    // Over the list's lines, the next line holding values gives where cells start.
    let blank_before = [true, false, false, false, false];
    cut_where_cells_start_below(
        &region,
        &mut entries,
        &blank_before,
        Metric::Chars,
        &IS_VALUE,
    );
    assert_eq!(
        placed(&entries)[0][2..],
        [
            (2, "各集落の維持、活性化に向けた取組"),
            (3, "各集落の維持、活性化に向け")
        ]
    );
    // One row: the first line its anchor, the others its further lines.
    let owner = [Some(0); 5];
    let anchor = [true, false, false, false, false];
    realign_under_cells(
        &region,
        &mut entries,
        (&owner, &anchor, &blank_before),
        &IS_VALUE,
    );
    assert_eq!(
        placed(&entries)[4],
        [(1, "行われている状態 (H30)"), (3, "態")]
    );
    // A line that is a row of its own is no further line of the row above: its pieces
    // keep their columns.
    let mut entries = pieces(
        &lines,
        &[
            vec![(0, "地域運営組織の設置・取組")],
            vec![(3, "3 集落支援員の配置")],
            vec![(3, "た取組が継続されている状")],
            vec![(3, "4 地域支え合い体制づくり")],
            vec![(1, "行われている状態 (H30)"), (2, "態")],
        ],
    );
    let owner = [Some(0), Some(0), Some(0), Some(0), Some(4)];
    let anchor = [true, false, false, false, true];
    realign_under_cells(
        &region,
        &mut entries,
        (&owner, &anchor, &blank_before),
        &IS_VALUE,
    );
    assert_eq!(
        placed(&entries)[4],
        [(1, "行われている状態 (H30)"), (2, "態")]
    );
}
