//! What the import screen shows: a box titled "Import from the till"
//! holding the phase in front (the files to choose from, a running
//! import, its result, a question, or the mapping step), and the same
//! read by the app and by tests. Drawing reads the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{CurrencyQuestion, ImportState, MappingStep, Phase, View};
use crate::i18n::t;
use crate::import::Report;
use crate::import::inbox::InboxFile;
use crate::ui::format::{fit, width};

impl ImportState {
    pub fn files(&self) -> &[InboxFile] {
        self.files.files()
    }

    pub fn is_running(&self) -> bool {
        matches!(self.phase, Phase::Running(_))
    }

    pub fn report(&self) -> Option<&Report> {
        match &self.phase {
            Phase::Done(done) => Some(done.report()),
            _ => None,
        }
    }

    /// The question asked about a file in another currency, if one is open.
    pub fn currency_question(&self) -> Option<&CurrencyQuestion> {
        match &self.phase {
            Phase::Asking(question) => Some(question),
            _ => None,
        }
    }

    /// The mapping step, if it is open.
    pub fn mapping(&self) -> Option<&MappingStep> {
        match &self.phase {
            Phase::Mapping(step) => Some(step),
            _ => None,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(view.dir.title(&t("ui-import-title"), theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        match &self.phase {
            Phase::Choosing => self.render_choosing(inner, buf, view),
            Phase::Running(running) => {
                running.render(inner, buf, view);
                None
            }
            Phase::Done(done) => {
                done.render(inner, buf, view);
                None
            }
            Phase::Asking(question) => {
                question.render(inner, buf, view);
                None
            }
            Phase::Mapping(step) => {
                step.render(inner, buf, view);
                None
            }
        }
    }

    fn render_choosing(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let cols = area.width as usize;
        let [choices, _, list, _, path_row, note] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let choice_cursor = self.choices.render(choices, buf, view);
        let typing_here = self.typing || self.choices.typing;
        self.files.render(list, buf, view, !typing_here);
        let label = t("ui-import-path");
        let label_cols = width(&label) as u16 + 1;
        let label_style = if self.typing {
            theme.heading()
        } else {
            Style::new()
        };
        // The label where reading starts, the path typed beside it.
        let [label_area, field] = view.dir.row(path_row, label_cols);
        view.dir
            .put(buf, label_area, &view.dir.text(&label), label_style);
        let style = theme.field(self.typing);
        let cursor = self.path.render(field, buf, style, self.typing, view.dir);
        if !self.typing && self.path.is_blank() {
            let hint = t("ui-import-path-hint");
            view.dir.put(buf, field, &view.dir.text(&hint), theme.dim());
        }
        let note_text = view.dir.text(&fit(&t("ui-import-note"), cols));
        view.dir.put(buf, note, &note_text, theme.dim());
        if self.choices.typing {
            choice_cursor
        } else {
            cursor
        }
    }
}
