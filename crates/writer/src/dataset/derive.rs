//! What the dataset derives per KPI from its observations: the direction of improvement,
//! the latest observed value, progress toward the target, and a key that names the KPI
//! across reports.

use serde_json::Value;

/// Which way a KPI improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Increase,
    Decrease,
    Maintain,
    Unknown,
}

impl Direction {
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
            Direction::Unknown => "unknown",
        }
    }
}

/// Words in a KPI name that say it should go down (減少 "decrease", 抑制 "restrain",
/// 削減 "cut", 低減 "reduce", ゼロ "zero", 解消 "eliminate") or stay (維持 "keep").
const DECREASE_WORDS: &[&str] = &["減少", "抑制", "削減", "低減", "ゼロ", "解消"];
const MAINTAIN_WORDS: &[&str] = &["維持"];

/// A single number with the unit it is compared in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity<'a> {
    pub(crate) number: f64,
    /// The normalized unit when there is one, else the printed unit.
    pub(crate) unit: Option<&'a str>,
}

/// A `number` value as a [`Quantity`], in its normalized unit when it has one; `None` for
/// any other kind of value (text, missing, parts).
pub(crate) fn quantity(value: &Value) -> Option<Quantity<'_>> {
    if value["kind"].as_str() != Some("number") {
        return None;
    }
    let normalized = &value["normalized"];
    if let Some(number) = normalized["number"].as_f64() {
        return Some(Quantity {
            number,
            unit: normalized["unit"].as_str(),
        });
    }
    Some(Quantity {
        number: value["number"].as_f64()?,
        unit: value["unit"].as_str(),
    })
}

/// What the dataset says about one KPI as a whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KpiFacts {
    pub(crate) direction: Direction,
    /// Index (in `observations`) of the latest observed value.
    pub(crate) latest: Option<usize>,
    pub(crate) achievement: Option<f64>,
}

/// Derive the facts of one KPI (its JSON object).
///
/// - *latest*: among the `current` and `previous` observations that hold a value (not
///   `missing`), the one with the latest period (year, then month); without periods, or
///   on a tie, the later one in the row.
/// - *baseline* and *target*: the last `baseline` and the last `target` observation.
/// - *direction*: a target comparator first (`>=`/`>` increase, `<=`/`<` decrease); else
///   the target against the baseline, when both are numbers in one unit (higher,
///   lower, equal: increase, decrease, maintain); else words in the name (減少, 抑制,
///   削減, 低減, ゼロ, 解消: decrease; 維持: maintain); else unknown.
/// - *achievement*: (latest − baseline) / (target − baseline) when all three are single
///   numbers in one unit and target ≠ baseline; 1 means the target is reached, 0 no
///   progress, negative a move away from it.
pub(crate) fn kpi_facts(kpi: &Value) -> KpiFacts {
    let observations = super::as_slice(&kpi["observations"]);
    let by_role = |role: &str| {
        observations
            .iter()
            .rposition(|o| o["role"].as_str() == Some(role))
    };
    let baseline = by_role("baseline").and_then(|i| quantity(&observations[i]["value"]));
    let target_observation = by_role("target").map(|i| &observations[i]);
    let target = target_observation.and_then(|o| quantity(&o["value"]));
    let latest = latest_observation(observations);
    let latest_quantity = latest.and_then(|i| quantity(&observations[i]["value"]));

    let comparator = target_observation.and_then(|o| o["value"]["comparator"].as_str());
    let direction = match comparator {
        Some(">=" | ">") => Direction::Increase,
        Some("<=" | "<") => Direction::Decrease,
        _ => match (&baseline, &target) {
            (Some(b), Some(t)) if b.unit == t.unit => {
                if t.number > b.number {
                    Direction::Increase
                } else if t.number < b.number {
                    Direction::Decrease
                } else {
                    Direction::Maintain
                }
            }
            _ => direction_from_name(kpi["name"].as_str().unwrap_or_default()),
        },
    };
    let achievement = match (&baseline, &target, &latest_quantity) {
        (Some(b), Some(t), Some(l))
            if b.unit == t.unit && l.unit == t.unit && t.number != b.number =>
        {
            let rate = (l.number - b.number) / (t.number - b.number);
            rate.is_finite().then_some(rate)
        }
        _ => None,
    };
    KpiFacts {
        direction,
        latest,
        achievement,
    }
}

fn direction_from_name(name: &str) -> Direction {
    if DECREASE_WORDS.iter().any(|w| name.contains(w)) {
        Direction::Decrease
    } else if MAINTAIN_WORDS.iter().any(|w| name.contains(w)) {
        Direction::Maintain
    } else {
        Direction::Unknown
    }
}

fn latest_observation(observations: &[Value]) -> Option<usize> {
    let mut best: Option<(usize, (i64, i64))> = None;
    for (i, o) in observations.iter().enumerate() {
        let observed = matches!(o["role"].as_str(), Some("current" | "previous"));
        if !observed || o["value"]["kind"].as_str() == Some("missing") || o["value"].is_null() {
            continue;
        }
        let period = &o["period"];
        let when = (
            period["year"].as_i64().unwrap_or(i64::MIN),
            period["month"].as_i64().unwrap_or(0),
        );
        // `>=`: on a tie the later observation in the row wins.
        if best.is_none_or(|(_, w)| when >= w) {
            best = Some((i, when));
        }
    }
    best.map(|(i, _)| i)
}

/// The KPI's key: `municipality | name | unit`, where the municipality is its code (its
/// name when the code is unknown), the name is NFKC-normalized with all white space
/// removed, and the unit is the first printed unit among the KPI's values (empty when
/// none). A key that an earlier KPI of the same document already has gets `#2`, `#3`.
pub(crate) fn kpi_key(municipality: &str, kpi: &Value) -> String {
    use unicode_normalization::UnicodeNormalization;
    let name: String = kpi["name"]
        .as_str()
        .unwrap_or_default()
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect();
    let unit = super::as_slice(&kpi["observations"])
        .iter()
        .find_map(|o| first_unit(&o["value"]))
        .unwrap_or_default();
    format!("{municipality}|{name}|{unit}")
}

/// The first printed unit in a value, looking into parts.
fn first_unit(value: &Value) -> Option<&str> {
    match value["kind"].as_str() {
        Some("number") => value["unit"].as_str(),
        Some("parts") => super::as_slice(&value["parts"])
            .iter()
            .find_map(|p| first_unit(&p["value"])),
        _ => None,
    }
}
