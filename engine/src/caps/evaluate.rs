//! Measuring a draft against a cap profile: state, overage and the cut line of every limit.

use super::profile::{CapProfile, Unit};
use super::rate::{rounded_tenths, SpeakingRate};
use super::word_starts::{start_of_word_after, words_before};
use crate::counting::Counts;
use crate::layout::Layout;

/// A draft at or above this share of a limit is [`CapState::Near`].
pub const NEAR_PERCENT: u64 = 90;

/// How a draft stands against one limit. Ordered from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CapState {
    /// Below [`NEAR_PERCENT`] of the limit.
    Ok,
    /// From [`NEAR_PERCENT`] of the limit up to the limit itself: exactly 5000 字 of 5000 is
    /// near, not over, since the rules say "不超过".
    Near,
    /// Past the limit.
    Over,
}

impl CapState {
    /// `ok`, `near` or `over`: the UI's `data-state`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CapState::Ok => "ok",
            CapState::Near => "near",
            CapState::Over => "over",
        }
    }
}

/// How far past a limit a draft is, in every unit.
///
/// The limit's own unit is exact; the others are conversions: 字 to minutes at the speaking
/// rate, 字 to pages at [`CapReport::zi_per_page`]. Past a page limit, `zi` is exact too: the 字
/// from the first character of the first page over the limit to the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overage {
    pub zi: usize,
    /// Pages in tenths, rounded half up; whole pages for a page limit.
    pub pages_tenths: u64,
    /// Speaking minutes in tenths, rounded half up.
    pub minutes_tenths: u64,
}

/// How many 字 make a page when an overage in 字 is shown in pages.
///
/// The rules equate 5000 字 with 10 pages, about 500 a page, while the grid holds 616 cells:
/// indents, short last lines and punctuation rules leave cells empty, and how many depends on
/// the draft. So the draft's own density is used when it has one: the 字 on its full pages (all
/// but the last) divided by their number. A draft shorter than one page has no full page, and
/// the grid capacity is used instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZiPerPage {
    /// `zi` 字 on the draft's first `pages` pages.
    Draft { zi: usize, pages: usize },
    /// [`ZiPerPage::GRID`] 字 a page.
    Grid,
}

impl ZiPerPage {
    /// Cells of the GB/T 9704 grid: 28 a line × 22 lines.
    pub const GRID: usize = 28 * 22;

    /// Says how the conversion was made, for the UI to show next to the pages.
    ///
    /// # Examples
    /// ```
    /// use jianwen_engine::caps::ZiPerPage;
    /// assert_eq!(ZiPerPage::Draft { zi: 9000, pages: 16 }.note(), "按本稿前 16 页平均每页约 562 字折算");
    /// assert_eq!(ZiPerPage::Grid.note(), "按每页 616 字（每行 28 字 × 22 行）折算");
    /// ```
    pub fn note(self) -> String {
        match self {
            ZiPerPage::Draft { zi, pages } => {
                format!(
                    "按本稿前 {pages} 页平均每页约 {} 字折算",
                    rounded_tenths(zi as u64, pages as u64) / 10
                )
            }
            ZiPerPage::Grid => format!("按每页 {} 字（每行 28 字 × 22 行）折算", Self::GRID),
        }
    }

    /// `zi` 字 in tenths of a page, rounded half up.
    fn pages_tenths(self, zi: usize) -> u64 {
        match self {
            ZiPerPage::Draft {
                zi: on_pages,
                pages,
            } => rounded_tenths((zi * pages) as u64, on_pages as u64),
            ZiPerPage::Grid => rounded_tenths(zi as u64, Self::GRID as u64),
        }
    }
}

/// A draft against one limit of its profile.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitReport {
    pub unit: Unit,
    /// The draft's measure in `unit`: 字数, pages, or speaking minutes (字数 ÷ rate, unrounded).
    pub value: f64,
    pub limit: u32,
    pub state: CapState,
    /// How far past the limit; `Some` exactly when `state` is [`CapState::Over`].
    pub overage: Option<Overage>,
    /// Byte offset where the limit is reached, when over: the first 字 past the limit in 字 (or
    /// past rate × minutes for a minute limit), the first character of page `limit + 1` for
    /// pages. The text from here on is what to cut.
    pub cut: Option<usize>,
    /// For the user: `超出 312 字，约 0.6 页，约 1.6 分钟`, `距上限还有 188 字`, `恰好达到上限`.
    pub message: String,
}

impl LimitReport {
    /// The limit as the rule states it: `5000字`, `10页`, `8分钟`.
    pub fn limit_text(&self) -> String {
        format!("{}{}", self.limit, self.unit.symbol())
    }

    /// The marker at the cut line: `超出上限（5000字）`.
    pub fn cut_marker(&self) -> String {
        format!("超出上限（{}）", self.limit_text())
    }
}

/// A draft against a whole cap profile.
#[derive(Clone, Debug, PartialEq)]
pub struct CapReport {
    pub profile_id: String,
    pub profile_name: String,
    /// The rule's source, for every warning to name ([`CapProfile::citation`]).
    pub citation: String,
    /// One report per limit of the profile, in [`Unit::ALL`] order: 字, pages, minutes.
    pub limits: Vec<LimitReport>,
    /// How overages in 字 were converted to pages.
    pub zi_per_page: ZiPerPage,
}

impl CapReport {
    /// The worst state of any limit.
    pub fn state(&self) -> CapState {
        self.limits
            .iter()
            .map(|l| l.state)
            .max()
            .unwrap_or(CapState::Ok)
    }

    /// The exceeded limit whose cut comes first in the text: where the editor draws the line.
    pub fn first_cut(&self) -> Option<&LimitReport> {
        self.limits
            .iter()
            .filter(|l| l.cut.is_some())
            .min_by_key(|l| l.cut)
    }
}

/// Measures a draft against `profile`. `counts` and `layout` must be those of `text` (as
/// [`analyze`](crate::analyze) computes them); `rate` converts 字 to minutes.
///
/// Costs at most half a pass over the text for the page density (the 字 before the last page are
/// counted from the nearer end), plus, for each exceeded limit, a pass up to its cut.
///
/// # Examples
/// ```
/// use jianwen_engine::caps::{evaluate, CapProfile, CapState, Limits, SpeakingRate};
/// use jianwen_engine::{counting::count, layout::{layout, LayoutProfile}};
/// let text = "字".repeat(412);
/// let profile = CapProfile::custom("通知（400字）", Limits { zi: Some(400), ..Limits::default() }, "").unwrap();
/// let report = evaluate(&profile, &count(&text), &layout(&text, &LayoutProfile::gbt9704()), &text, SpeakingRate::default());
/// let zi = &report.limits[0];
/// assert_eq!(zi.state, CapState::Over);
/// assert_eq!(zi.cut, Some(400 * 3));
/// assert_eq!(zi.message, "超出 12 字，不到 0.1 页，约 0.1 分钟");
/// ```
pub fn evaluate(
    profile: &CapProfile,
    counts: &Counts,
    layout: &Layout,
    text: &str,
    rate: SpeakingRate,
) -> CapReport {
    let zi_per_page = draft_density(text, layout, counts.word_count);
    let limits = Unit::ALL
        .iter()
        .filter_map(|&unit| profile.limits().get(unit).map(|limit| (unit, limit)))
        .map(|(unit, limit)| measure(unit, limit, counts, layout, text, rate, zi_per_page))
        .collect();
    CapReport {
        profile_id: profile.id().to_string(),
        profile_name: profile.name().to_string(),
        citation: profile.citation(),
        limits,
        zi_per_page,
    }
}

/// The draft's 字 per page, from its full pages (see [`ZiPerPage`]).
fn draft_density(text: &str, layout: &Layout, total: usize) -> ZiPerPage {
    match layout.page_starts.last() {
        Some(&last_page) => match words_before(text, last_page, total) {
            0 => ZiPerPage::Grid,
            zi => ZiPerPage::Draft {
                zi,
                pages: layout.page_starts.len(),
            },
        },
        None => ZiPerPage::Grid,
    }
}

fn measure(
    unit: Unit,
    limit: u32,
    counts: &Counts,
    layout: &Layout,
    text: &str,
    rate: SpeakingRate,
    zi_per_page: ZiPerPage,
) -> LimitReport {
    let zi = counts.word_count;
    let per_minute = rate.get() as usize;
    let limit_n = limit as usize;
    // Measure and capacity in the unit compared: minutes are compared as 字 against rate × limit,
    // so the state is exact and agrees with the cut.
    let (measured, capacity, value) = match unit {
        Unit::Zi => (zi, limit_n, zi as f64),
        Unit::Page => (layout.pages, limit_n, layout.pages as f64),
        Unit::Minute => (zi, limit_n * per_minute, zi as f64 / per_minute as f64),
    };
    let state = if measured > capacity {
        CapState::Over
    } else if measured as u64 * 100 >= capacity as u64 * NEAR_PERCENT {
        CapState::Near
    } else {
        CapState::Ok
    };
    let report = |overage, cut, message| LimitReport {
        unit,
        value,
        limit,
        state,
        overage,
        cut,
        message,
    };
    if state != CapState::Over {
        return report(None, None, headroom(unit, capacity - measured, rate));
    }

    let (cut, overage) = match unit {
        Unit::Zi | Unit::Minute => {
            let over = measured - capacity;
            let overage = Overage {
                zi: over,
                pages_tenths: zi_per_page.pages_tenths(over),
                minutes_tenths: rate.tenths_of_minute(over),
            };
            (start_of_word_after(text, capacity), overage)
        }
        Unit::Page => {
            let cut = layout.page_starts.get(limit_n - 1).copied();
            let past = cut.map_or(0, |at| zi.saturating_sub(words_before(text, at, zi)));
            let overage = Overage {
                zi: past,
                pages_tenths: (measured - capacity) as u64 * 10,
                minutes_tenths: rate.tenths_of_minute(past),
            };
            (cut, overage)
        }
    };
    report(Some(overage), cut, overage_message(unit, limit, &overage))
}

/// `超出 312 字，约 0.6 页，约 1.6 分钟` and its page and minute forms.
fn overage_message(unit: Unit, limit: u32, o: &Overage) -> String {
    match unit {
        Unit::Zi => format!(
            "超出 {} 字，{}，{}",
            o.zi,
            approx(o.pages_tenths, "页"),
            approx(o.minutes_tenths, "分钟")
        ),
        Unit::Page => format!(
            "超出 {} 页（第 {} 页起 {} 字），{}",
            o.pages_tenths / 10,
            limit + 1,
            o.zi,
            approx(o.minutes_tenths, "分钟")
        ),
        Unit::Minute => {
            let minutes = match o.minutes_tenths {
                0 => "超出不到 0.1 分钟".to_string(),
                t => format!("超出 {} 分钟", decimal(t)),
            };
            format!("{minutes}（{} 字），{}", o.zi, approx(o.pages_tenths, "页"))
        }
    }
}

/// What is left below the limit: `距上限还有 188 字`; minutes are shown as the 字 still free,
/// since that is what the writer controls.
fn headroom(unit: Unit, left: usize, rate: SpeakingRate) -> String {
    match (unit, left) {
        (_, 0) => "恰好达到上限".to_string(),
        (Unit::Zi, left) => format!("距上限还有 {left} 字"),
        (Unit::Page, left) => format!("距上限还有 {left} 页"),
        (Unit::Minute, left) => {
            format!(
                "距上限还有 {left} 字，{}",
                approx(rate.tenths_of_minute(left), "分钟")
            )
        }
    }
}

/// `约 0.6 页`, or `不到 0.1 页` when it rounds to nothing.
fn approx(tenths: u64, unit: &str) -> String {
    match tenths {
        0 => format!("不到 0.1 {unit}"),
        t => format!("约 {} {unit}", decimal(t)),
    }
}

/// Tenths as a decimal: 16 → `1.6`.
fn decimal(tenths: u64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}
