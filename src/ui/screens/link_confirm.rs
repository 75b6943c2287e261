//! The yes/no before a till customer is linked to a member: the name as the
//! till wrote it beside the member's, and a warning when they differ, so a
//! customer is not given to the wrong person by a slip of the arrow keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::View;
use crate::i18n::t;
use crate::ops::till_customers::LinkQuestion;
use crate::ui::format::{pad, width};
use crate::ui::keymap::{CONFIRM, grouped};
use crate::ui::widgets::popup::{centered, frame};

/// A member picked for the till customer, waiting for yes or no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkAsk {
    pub member_id: i64,
    /// The till customer's card, phone or email as the owner reads it.
    pub who: String,
    pub question: LinkQuestion,
}

impl LinkAsk {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let popup = centered(area, area.width.saturating_sub(8).min(70), 9);
        let title = view.dir.text(&t("ui-link-confirm-title"));
        let inner = frame(popup, buf, &title, theme).inner(Margin::new(1, 0));
        let labels = [t("ui-link-confirm-till"), t("ui-link-confirm-member")];
        let label_cols = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
        let q = &self.question;
        let till_name = q.till_name.clone().unwrap_or_else(|| t("ui-none"));
        let till = view.dir.join(&[till_name, self.who.clone()], " · ");
        let row = |label: &str, value: String| {
            view.dir
                .drawn_cells(&[pad(&view.dir.text(label), label_cols), value])
        };
        let mut lines = vec![
            Line::raw(""),
            Line::raw(row(&labels[0], till)),
            Line::raw(row(&labels[1], view.dir.text(&q.member_name))),
            Line::raw(""),
        ];
        // Said in every case, so the owner knows the names were compared.
        let (said, style) = if q.names_differ {
            (t("ui-link-confirm-differ"), theme.error())
        } else if q.till_name.is_none() {
            (t("ui-link-confirm-no-name"), theme.dim())
        } else {
            (t("ui-link-confirm-same"), theme.good())
        };
        lines.push(Line::styled(view.dir.text(&said), style));
        let mut keys = vec![];
        for (key, label, _) in grouped(CONFIRM, false) {
            keys.push(Span::styled(key, theme.key()));
            keys.push(Span::raw(format!(" {label}   ")));
        }
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| line.alignment(view.dir.alignment()))
            .collect();
        let body = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(body, buf);
        let last = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
        Paragraph::new(view.dir.line(keys)).render(last, buf);
    }
}
