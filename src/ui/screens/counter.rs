//! The counter: type a few letters of a name, phone digits, an email or a
//! card number and the list narrows with every key; the best match is
//! selected, Enter opens the member's card. A search that finds nobody
//! offers to sign the customer up with what was typed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use tui_input::InputRequest;

use super::counter_rows::{Columns, row_cells};
use super::feedback_dialog::{FeedbackDialog, Scale};
use super::import::ImportState;
use super::review::ReviewState;
use super::signup::SignupState;
use super::tiers::TiersState;
use super::unmatched::UnmatchedState;
use super::{Effect, View, open};
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::{t, t_args, t_count};
use crate::message::Message;
use crate::ops::lookup::counter_rows;
use crate::ops::loyalty::{IfBusy, settled};
use crate::ui::format::width;
use crate::ui::keymap::{Action, COUNTER_LIST, COUNTER_SEARCH, Keymap};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;

/// Enough rows to scroll through; the search ranks the best first.
const LIMIT: usize = 200;
/// Birthdays this many days ahead get the marker.
const BIRTHDAY_DAYS: i64 = 7;

pub use crate::ops::lookup::CounterRow;

#[derive(Debug, Default)]
pub struct CounterState {
    search: TextField,
    list_focus: bool,
    rows: Vec<CounterRow>,
    selected: usize,
    /// After coming back from a card the old search stays visible, and the
    /// first typed character starts a new one (as in a browser's address bar).
    replace_on_type: bool,
}

impl CounterState {
    pub fn query(&self) -> &str {
        self.search.value()
    }

    pub fn rows(&self) -> &[CounterRow] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn list_has_focus(&self) -> bool {
        self.list_focus
    }

    /// The signup row shows whenever something was typed.
    fn has_signup_row(&self) -> bool {
        !self.search.is_blank()
    }

    fn items(&self) -> usize {
        self.rows.len() + usize::from(self.has_signup_row())
    }

    /// Runs the search again (after typing, or when data changed).
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.rows = counter_rows(ctx, self.query(), LIMIT, BIRTHDAY_DAYS as u32)?;
        self.selected = 0;
        Ok(())
    }

    /// Coming back from another screen: the search has focus again.
    pub fn on_return(&mut self) {
        self.list_focus = false;
        self.replace_on_type = !self.search.is_blank();
    }

    fn type_text(&mut self, request: InputRequest, ctx: &Ctx) -> Effect {
        if std::mem::take(&mut self.replace_on_type) {
            match request {
                InputRequest::InsertChar(_) => self.search.set(""),
                InputRequest::DeletePrevChar | InputRequest::DeleteNextChar => {
                    self.search.set("");
                    return self.reload(ctx).map_or_else(Effect::from, |_| Effect::None);
                }
                _ => {}
            }
        }
        if self.search.handle(request)
            && let Err(e) = self.reload(ctx)
        {
            return e.into();
        }
        Effect::None
    }

    fn step(&mut self, delta: isize, wrap: bool) {
        let n = self.items() as isize;
        if n == 0 {
            return;
        }
        let next = self.selected as isize + delta;
        self.selected = if wrap {
            next.rem_euclid(n)
        } else {
            next.clamp(0, n - 1)
        } as usize;
    }

    /// Sign up a new member, the form filled from what was typed.
    fn sign_up(&self) -> Effect {
        Effect::Open(Box::new(SignupState::new(self.query())))
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if !matches!(action, Action::Input(_)) {
            self.replace_on_type = false;
        }
        match action {
            Action::Input(request) if !self.list_focus => self.type_text(request, ctx),
            Action::Up => {
                self.step(-1, true);
                Effect::None
            }
            Action::Down => {
                self.step(1, true);
                Effect::None
            }
            Action::PageUp => {
                self.step(-10, false);
                Effect::None
            }
            Action::PageDown => {
                self.step(10, false);
                Effect::None
            }
            Action::Open => match self.rows.get(self.selected) {
                Some(row) => Effect::OpenMember(row.member.id),
                None if self.has_signup_row() => self.sign_up(),
                None => Effect::None,
            },
            Action::ClearSearch if self.search.is_blank() => {
                self.search.set("");
                self.list_focus = true;
                Effect::None
            }
            Action::ClearSearch => {
                self.search.set("");
                self.reload(ctx).map_or_else(Effect::from, |_| Effect::None)
            }
            Action::FocusSearch => {
                self.list_focus = false;
                Effect::None
            }
            Action::SignUp => self.sign_up(),
            Action::OpenImport => ImportState::opened(ctx),
            Action::OpenUnmatched => open(UnmatchedState::open(ctx)),
            // The lists arrive behind the screen; the message line says so.
            Action::OpenReview => Effect::Many(vec![
                open(ReviewState::open(ctx)),
                Effect::Notice(Message::plain(super::review::LOADING)),
            ]),
            Action::Tiers => Effect::Open(Box::new(TiersState::open(ctx))),
            Action::Segments => open(super::segments::SegmentsState::open(ctx)),
            Action::Stats => Effect::Open(Box::new(super::stats::StatsState::open(ctx))),
            Action::Events => Effect::Open(Box::new(super::events::EventsState::open(ctx))),
            Action::Duplicates => open(Ok(super::duplicate_pairs::DuplicatePairsState::open(ctx))),
            Action::Settings => {
                Effect::Open(Box::new(super::settings::SettingsState::settings(ctx)))
            }
            // Anonymous: the list's selection may not be who is answering.
            Action::AskNps => Effect::Open(Box::new(FeedbackDialog::new(None, Scale::Nps))),
            Action::AskCsat => Effect::Open(Box::new(FeedbackDialog::new(None, Scale::Csat))),
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let [search_area, header_area, list_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let cursor = self.render_search(search_area, buf, view);
        let headings = [
            t("ui-col-name"),
            t("ui-col-contact"),
            t("ui-col-tier"),
            t("ui-col-points"),
            t("ui-col-last-visit"),
            t("ui-col-birthday"),
        ];
        let tiers = view.config.loyalty().has_tiers();
        let columns = Columns::for_width(area.width, tiers, &headings, &self.rows, view);
        let header = columns.line(&headings, "  ", view.dir);
        view.dir
            .put(buf, header_area, &header, view.theme.heading());
        self.render_list(list_area, buf, view, &columns);
        cursor
    }

    fn render_search(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let focused = !self.list_focus;
        let mut block = Block::bordered()
            .border_style(theme.border(focused))
            .title(view.dir.title(&t("ui-counter-search"), theme.heading()));
        if !self.search.is_blank() {
            let found = if self.rows.is_empty() {
                t("ui-counter-none-found")
            } else {
                t_count("ui-counter-found", "count", self.rows.len() as i64)
            };
            block = block.title(view.dir.far_title(&found));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return None;
        }
        let [prompt, field_area] = view.dir.row(inner, 2);
        let prompt_text = if view.dir.is_rtl() { " <" } else { "> " };
        buf.set_string(prompt.x, prompt.y, prompt_text, theme.key());
        if self.search.is_blank() {
            let placeholder = if focused {
                t("ui-counter-placeholder")
            } else {
                t("ui-counter-placeholder-list")
            };
            let placeholder = view.dir.text(&placeholder);
            view.dir.put(buf, field_area, &placeholder, theme.dim());
        }
        // An empty query draws nothing, so the placeholder stays visible.
        let cursor = self
            .search
            .render(field_area, buf, Style::new(), focused, view.dir);
        if self.replace_on_type {
            let cols = width(self.query()).min(field_area.width as usize) as u16;
            let old_query = Rect {
                width: cols,
                ..field_area
            };
            buf.set_style(view.dir.place(field_area, old_query), theme.replaceable());
        }
        cursor
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View, columns: &Columns) {
        let theme = view.theme;
        let visible = area.height as usize;
        if visible == 0 {
            return;
        }
        if self.items() == 0 {
            let note = view.dir.text(&t("ui-counter-empty"));
            let inset = area.inner(ratatui::layout::Margin::new(2, 0));
            view.dir.put(buf, inset, &note, theme.dim());
            return;
        }
        let offset = (self.selected + 1).saturating_sub(visible);
        for (i, y) in (offset..self.items()).zip(area.y..area.bottom()) {
            let selected = i == self.selected;
            let marker = if selected { "▶ " } else { "  " };
            let line = match self.rows.get(i) {
                Some(row) => columns.line(&row_cells(row, view), marker, view.dir),
                None => {
                    let key = if self.rows.is_empty() {
                        "ui-counter-no-match"
                    } else {
                        "ui-counter-signup-row"
                    };
                    let text = t_args(key, &[("query", self.query().trim())]);
                    view.dir.cell(&format!("{marker}{text}"))
                }
            };
            let style = if selected {
                theme.selected()
            } else if i >= self.rows.len() {
                theme.key()
            } else {
                Style::new()
            };
            let row_area = Rect::new(area.x, y, area.width, 1);
            buf.set_style(row_area, style);
            view.dir.put(buf, row_area, &line, style);
        }
    }
}

impl Screen for CounterState {
    fn name(&self) -> &'static str {
        "counter"
    }

    fn keymap(&self) -> Keymap {
        if self.list_focus {
            COUNTER_LIST
        } else {
            COUNTER_SEARCH
        }
    }

    fn text_focus(&self) -> bool {
        !self.list_focus
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-counter-search", COUNTER_SEARCH),
            ("ui-help-counter-list", COUNTER_LIST),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        CounterState::update(self, action, ctx)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        CounterState::render(self, area, buf, view)
    }

    fn resumed(&mut self, ctx: &Ctx) -> Result<()> {
        // New members, demo data or linked receipts earn their points.
        settled(ctx, IfBusy::Skip)?;
        self.on_return();
        self.reload(ctx)
    }
}
