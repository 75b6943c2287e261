//! Draws the whole window from the app's state: title bar, the screen,
//! help and popups on top, the message line and the status bar. Below
//! 80×24 only a note saying so.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::{t, t_args};
use crate::ui::app::{App, MIN_HEIGHT, MIN_WIDTH};
use crate::ui::chain_sync::status_words;
use crate::ui::format::{date_full, width, wrap};
use crate::ui::screens::View;
use crate::ui::widgets::popup::render_confirm;
use crate::ui::widgets::status_bar::{render_hints, render_message};

impl App {
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        if let Some(cursor) = self.render(area, frame.buffer_mut()) {
            frame.set_cursor_position(cursor);
        }
    }

    /// Draws into `buf`; returns where the text cursor goes, if anywhere.
    /// Every frame is worded in the club's language as it is now, so a
    /// change of language shows on the next frame, on every screen and in
    /// what they keep to say (notices, field problems, questions).
    pub fn render(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        self.locale().scope(|| self.render_now(area, buf))
    }

    fn render_now(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(area, buf);
            return None;
        }
        let view = self.view();
        let theme = view.theme;
        let [title, body, message, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_title(title, buf, &view);
        let mut cursor = self.stack.top().render(body, buf, &view);
        if let Some(help) = &self.help {
            help.render(body, buf, theme, view.dir);
            cursor = None;
        }
        if let Some(confirm) = &self.confirm {
            let (title, question) = (confirm.title.to_string(), confirm.question.to_string());
            let title = view.dir.text(&title);
            render_confirm(body, buf, &title, &question, theme, view.dir);
            cursor = None;
        }
        if let Some((said, problem)) = &self.message {
            let text = said.to_string();
            let style = if *problem {
                theme.error()
            } else {
                theme.good()
            };
            render_message(message, buf, &text, style, view.dir);
        }
        let (maps, _) = self.active_keymaps();
        render_hints(
            status,
            buf,
            &maps,
            self.stack.back_text().as_deref(),
            theme,
            view.dir,
        );
        cursor
    }

    /// The shop's name where reading starts, today's date at the other end
    /// and, in a chain, how the sync stands just before the date.
    fn render_title(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let style = self.theme.title_bar();
        buf.set_style(area, style);
        let date = date_full(self.ctx.clock.today());
        let right = width(&date) + 1;
        let sync = self.sync_status().map(status_words).unwrap_or_default();
        // The sync's words give way first when the shop's name is long.
        let sync_cols = match width(&sync) {
            0 => 0,
            w => (w + 3).min((area.width as usize).saturating_sub(right + 24)),
        };
        let left_cols = (area.width as usize).saturating_sub(right + sync_cols + 2);
        let name = view
            .dir
            .text(&t_args("ui-title", &[("shop", &self.ctx.config.shop.name)]));
        let date_x = area.right().saturating_sub(right as u16);
        let [name_area, sync_area, date_area] = view.dir.split(
            area,
            [
                Rect::new(area.x + 1, area.y, left_cols as u16, 1),
                Rect::new(
                    date_x.saturating_sub(sync_cols as u16),
                    area.y,
                    sync_cols as u16,
                    1,
                ),
                Rect::new(date_x, area.y, right as u16, 1),
            ],
        );
        view.dir.put(buf, name_area, &name, style);
        if sync_cols > 0 {
            view.dir.put(buf, sync_area, &view.dir.text(&sync), style);
        }
        view.dir.put(buf, date_area, &view.dir.text(&date), style);
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let text = t_args(
        "ui-too-small",
        &[
            ("width", &area.width.to_string()),
            ("height", &area.height.to_string()),
            ("min_width", &MIN_WIDTH.to_string()),
            ("min_height", &MIN_HEIGHT.to_string()),
        ],
    );
    let cols = area.width.max(1) as usize;
    let mut lines: Vec<Line> = wrap(&text, cols).into_iter().map(Line::raw).collect();
    lines.push(Line::raw(""));
    lines.extend(
        wrap(&t("ui-too-small-quit"), cols)
            .into_iter()
            .map(Line::raw),
    );
    let height = (lines.len() as u16).min(area.height);
    let paragraph = Paragraph::new(lines).centered();
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    paragraph.render(middle, buf);
}
