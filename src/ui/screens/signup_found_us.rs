//! "How did they find us?" on the signup form: a member who brought them,
//! found by typing part of a name, phone, card or email (the counter's own
//! search), or one of the config's sources. One small picker holds both:
//! the members the search finds on top, the sources whose name holds what
//! was typed below (all of them while nothing is typed), ↑↓ and Enter.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_input::InputRequest;

use super::{Effect, SignupState, View};
use crate::context::Ctx;
use crate::domain::member::{display_phone, full_name};
use crate::error::Result;
use crate::i18n::t;
use crate::message::Message;
use crate::ops::lookup::{self, MemberRow};
use crate::ops::referral::Referral;
use crate::ui::format::fit;
use crate::ui::keymap::{Action, SIGNUP_FOUND_US_PICK};
use crate::ui::screens::signup_fields::Stop;
use crate::ui::widgets::field::{TextField, render_row};
use crate::ui::widgets::popup::{centered, frame};

/// Members listed at most: a few, the best matches first.
const MEMBERS_SHOWN: usize = 4;

/// What the owner did in the picker.
#[derive(Debug, PartialEq, Eq)]
pub enum FoundUsChoice {
    Stay,
    Cancel,
    /// The referral and the words the form shows for it.
    Chosen(Referral, String),
}

#[derive(Debug)]
pub struct FoundUsPicker {
    search: TextField,
    members: Vec<MemberRow>,
    /// The config's sources, as the list spells them.
    all_sources: Vec<String>,
    /// Those whose name holds what is typed.
    sources: Vec<String>,
    /// A position in the members, then the sources.
    selected: usize,
}

impl FoundUsPicker {
    /// The picker with `typed` in its search (a first letter typed on the
    /// form's row, or nothing: then the sources are the list).
    pub fn open(typed: &str, ctx: &Ctx) -> Result<FoundUsPicker> {
        let mut search = TextField::default();
        search.set(typed);
        let mut picker = FoundUsPicker {
            search,
            members: vec![],
            all_sources: ctx.config.sources(),
            sources: vec![],
            selected: 0,
        };
        picker.reload(ctx)?;
        Ok(picker)
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let search = self.search.value().trim();
        self.members = if search.is_empty() {
            vec![]
        } else {
            lookup::pick_members(ctx, search, MEMBERS_SHOWN)?
        };
        let typed = search.to_lowercase();
        self.sources = self
            .all_sources
            .iter()
            .filter(|s| s.to_lowercase().contains(&typed))
            .cloned()
            .collect();
        self.selected = 0;
        Ok(())
    }

    /// The choices listed, members first.
    pub fn choices(&self) -> Vec<(Referral, String)> {
        let members = self.members.iter().map(|row| {
            let name = full_name(&row.first_name, &row.family_name);
            (Referral::Member(row.id), name)
        });
        let sources = self
            .sources
            .iter()
            .map(|s| (Referral::Source(s.clone()), s.clone()));
        members.chain(sources).collect()
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Result<FoundUsChoice> {
        let n = (self.members.len() + self.sources.len()).max(1);
        match action {
            Action::Input(request) if self.search.handle(request) => self.reload(ctx)?,
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Open => {
                if let Some((referral, shown)) = self.choices().into_iter().nth(self.selected) {
                    return Ok(FoundUsChoice::Chosen(referral, shown));
                }
            }
            Action::Back => return Ok(FoundUsChoice::Cancel),
            _ => {}
        }
        Ok(FoundUsChoice::Stay)
    }

    /// One member's row: the name and what else the search may have matched.
    fn member_line(row: &MemberRow, view: &View) -> String {
        let mut parts = vec![full_name(&row.first_name, &row.family_name)];
        parts.extend(
            row.phone
                .as_deref()
                .map(|p| display_phone(p, view.config.country())),
        );
        parts.extend(row.email.clone());
        parts.extend(row.card.clone());
        view.dir.join(&parts, " · ")
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        // A blank line, a heading per kind, the choices; the search above,
        // a blank line and the keys below, and the frame.
        let headings =
            usize::from(!self.members.is_empty()) + usize::from(!self.sources.is_empty());
        let listed = (1 + headings + self.members.len() + self.sources.len()).max(2) as u16;
        let popup = centered(area, area.width.saturating_sub(4), listed + 5);
        let title = fit(&t("signup-found-us-title"), popup.width as usize - 6);
        let inner = frame(popup, buf, &dir.text(&title), theme).inner(Margin::new(1, 0));
        let cols = inner.width as usize;
        let [prompt, field] = dir.row(Rect { height: 1, ..inner }, 2);
        let prompt_text = if dir.is_rtl() { " <" } else { "> " };
        buf.set_string(prompt.x, prompt.y, prompt_text, theme.key());
        if self.search.is_blank() {
            let placeholder = dir.text(&t("signup-found-us-placeholder"));
            dir.put(buf, field, &placeholder, theme.dim());
        }
        let cursor = self.search.render(field, buf, Style::new(), true, dir);
        let mut lines = vec![Line::raw("")];
        let heading =
            |key: &str| Line::styled(dir.text(&t(key)), theme.dim()).alignment(dir.alignment());
        let texts = self
            .members
            .iter()
            .map(|row| Self::member_line(row, view))
            .chain(self.sources.iter().map(|s| dir.text(s)));
        for (i, text) in texts.enumerate() {
            if i == 0 && !self.members.is_empty() {
                lines.push(heading("signup-found-us-members"));
            }
            if i == self.members.len() {
                lines.push(heading("signup-found-us-sources"));
            }
            let chosen = i == self.selected;
            let style = if chosen {
                theme.selected()
            } else {
                Style::new()
            };
            let text = dir.fit_drawn(&text, cols.saturating_sub(2));
            let text = dir.drawn_cells(&[dir.marker(chosen).to_string(), text]);
            lines.push(Line::styled(text, style).alignment(dir.alignment()));
        }
        if self.members.is_empty() && self.sources.is_empty() {
            lines.push(Line::styled(t("ui-counter-none-found"), theme.dim()));
        }
        let keys = crate::ui::widgets::popup::key_hints(SIGNUP_FOUND_US_PICK, theme);
        let body = Rect::new(
            inner.x,
            inner.y + 1,
            inner.width,
            inner.height.saturating_sub(2),
        );
        Paragraph::new(dir.lines(lines)).render(body, buf);
        let keys_at = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
        Paragraph::new(dir.line(keys)).render(keys_at, buf);
        cursor
    }
}

/// A key typed on the form's row: a letter starts the search with it,
/// Backspace or Delete clears the choice. Anything else stays on the row.
pub enum RowKey {
    Search(char),
    Clear,
    Nothing,
}

pub fn row_key(request: InputRequest) -> RowKey {
    match request {
        InputRequest::InsertChar(c) if !c.is_whitespace() => RowKey::Search(c),
        InputRequest::DeletePrevChar
        | InputRequest::DeleteNextChar
        | InputRequest::DeleteLine
        | InputRequest::DeletePrevWord => RowKey::Clear,
        _ => RowKey::Nothing,
    }
}

/// What the signup's result adds for a member who was brought by another:
/// the referral bonus both got, or only that it was noted when the
/// loyalty config gives none.
pub fn bonus_note(referrer: &str, name: &str, points: i64) -> Message {
    if points > 0 {
        Message::new(
            "signup-found-us-bonus",
            &[
                ("referrer", referrer),
                ("name", name),
                ("points", &points.to_string()),
            ],
        )
    } else {
        Message::new(
            "signup-found-us-noted",
            &[("referrer", referrer), ("name", name)],
        )
    }
}

impl SignupState {
    /// A key for the picker, or for the form's row; None when the rest of
    /// the form handles it.
    pub(super) fn found_us_update(&mut self, action: Action, ctx: &Ctx) -> Option<Effect> {
        if let Some(picker) = &mut self.picker {
            match picker.update(action, ctx) {
                Err(e) => return Some(Effect::from(e)),
                Ok(FoundUsChoice::Stay) => {}
                Ok(FoundUsChoice::Cancel) => self.picker = None,
                Ok(FoundUsChoice::Chosen(referral, shown)) => {
                    self.referral = (referral, shown);
                    self.picker = None;
                }
            }
            return Some(Effect::None);
        }
        if self.focus() != Stop::FoundUs {
            return None;
        }
        let typed = match action {
            Action::Toggle => String::new(),
            Action::Input(request) => match row_key(request) {
                RowKey::Search(c) => c.to_string(),
                RowKey::Clear => {
                    self.referral = (Referral::NotSaid, String::new());
                    return Some(Effect::None);
                }
                RowKey::Nothing => return Some(Effect::None),
            },
            _ => return None,
        };
        Some(match FoundUsPicker::open(&typed, ctx) {
            Ok(picker) => {
                self.picker = Some(picker);
                Effect::None
            }
            Err(e) => Effect::from(e),
        })
    }

    /// The form's row: what was chosen, or how to choose.
    pub(super) fn render_found_us(
        &self,
        at: Rect,
        buf: &mut Buffer,
        view: &View,
        focused: bool,
    ) -> Option<Position> {
        let (referral, shown) = &self.referral;
        let mut field = TextField::default();
        field.set(shown);
        let hint = match referral {
            Referral::NotSaid => Some("signup-found-us-hint"),
            Referral::Member(_) => Some("signup-found-us-brought"),
            Referral::Source(_) => None,
        };
        let hint = hint.map(|key| (t(key), view.theme.dim()));
        let label = t(Stop::FoundUs.label_key());
        render_row(at, buf, &label, &field, focused, hint, view)
    }

    /// What the signup's result adds: the referral bonus, when a member
    /// brought them.
    pub(super) fn found_us_note(&self, ctx: &Ctx, name: &str) -> Option<Message> {
        match &self.referral {
            (Referral::Member(_), referrer) => Some(bonus_note(
                referrer,
                name,
                ctx.program().points.referral_bonus,
            )),
            _ => None,
        }
    }
}
