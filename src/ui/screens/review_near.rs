//! Drawing the weekly review's next-tier tab: a table with headings (the
//! member, what is missing, the next tier, the channels they agreed to),
//! the smallest amount missing first as the list comes. Reads the state
//! only; the rest of the review is drawn in `review_render.rs`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::View;
use super::review::ReviewState;
use super::review_render::agrees_cols;
use crate::domain::review::{ReviewRow, RowKind};
use crate::i18n::t;
use crate::ui::format::{fit, pad};
use crate::ui::table::wanted;
use crate::words::loyalty::amount;
use crate::words::review::channels_text;

/// The widths of the name, missing and next-tier columns and of the
/// channels, in `cols` columns after the marker.
struct Columns {
    name: usize,
    missing: usize,
    next: usize,
    agrees: usize,
}

/// What is missing ("€37", "2 visits") and the tier it leads to.
fn gap_of(row: &ReviewRow) -> (String, String) {
    match &row.kind {
        RowKind::NearTier { gap } => (amount(gap.missing), gap.tier.clone()),
        _ => (String::new(), String::new()),
    }
}

impl ReviewState {
    fn near_columns(&self, width: u16) -> Columns {
        let gaps: Vec<(String, String)> = self.rows().iter().map(gap_of).collect();
        // A space after each, so neighbouring cells never touch.
        let missing = wanted(&t("ui-review-col-missing"), gaps.iter().map(|g| &g.0)) + 1;
        let next = wanted(&t("ui-review-col-next"), gaps.iter().map(|g| &g.1)) + 1;
        let agrees = agrees_cols();
        let name = (width as usize).saturating_sub(2 + missing + next + 1 + agrees);
        Columns {
            name,
            missing,
            next,
            agrees,
        }
    }

    /// The headings of the next-tier table.
    pub(super) fn render_near_header(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let c = self.near_columns(area.width);
        let line = view.dir.cells(&[
            "  ".to_string(),
            pad(&t("ui-col-name"), c.name),
            pad(&t("ui-review-col-missing"), c.missing),
            pad(&t("ui-review-col-next"), c.next),
            format!(" {}", pad(&t("ui-review-col-agrees"), c.agrees)),
        ]);
        view.dir.put(buf, area, &line, view.theme.heading());
    }

    /// The rows of the next-tier table that fit, keeping the selected one
    /// in sight.
    pub(super) fn render_near_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let rows = self.rows();
        let c = self.near_columns(area.width);
        let selected = self.selected_index();
        let offset = (selected + 1).saturating_sub(area.height as usize);
        for (i, y) in (offset..rows.len()).zip(area.y..area.bottom()) {
            let row = &rows[i];
            let (missing, next) = gap_of(row);
            let line = view.dir.cells(&[
                view.dir.marker(i == selected).to_string(),
                pad(&fit(&row.full_name(), c.name), c.name),
                pad(&missing, c.missing),
                pad(&next, c.next),
                format!(" {}", pad(&channels_text(&row.member.channels), c.agrees)),
            ]);
            let style = if i == selected {
                view.theme.selected()
            } else {
                Style::new()
            };
            let row_area = Rect::new(area.x, y, area.width, 1);
            buf.set_style(row_area, style);
            view.dir.put(buf, row_area, &line, style);
        }
    }
}
