//! Drawing the member card's first page: details, club, family, consent,
//! and the summary of visits; popups on top. Reads the state only.

use super::*;

/// Lines PgUp / PgDn move the card: most of its body at 80×24.
const PAGE: u16 = 12;
use crate::ui::format::width;
use crate::words::calendar::{
    calendar_day, calendar_day_with_gregorian, gregorian_this_or_next_year,
};

impl MemberState {
    /// The left and right columns as lines for a column `cols` wide.
    pub(super) fn columns(&self, view: &View, cols: usize) -> [Vec<Line<'static>>; 2] {
        let theme = view.theme;
        let card = &self.card;
        let d = &card.member.draft;
        let none = || t("ui-none");
        let row = |label: &str, value: Option<String>| -> Line<'static> {
            let (value, style) = match value {
                Some(v) => (v, Style::new()),
                None => (none(), theme.dim()),
            };
            view.dir.line(vec![
                Span::raw(pad(label, LABEL)),
                Span::styled(value, style),
            ])
        };
        let heading = |key: &str| Line::styled(t(key), theme.heading());
        let birthday_text = d.birthday.map(|b| match b.year {
            Some(_) => {
                let age = b
                    .year
                    .and_then(|y| NaiveDate::from_ymd_opt(y, b.month, b.day))
                    .map(|born| {
                        BirthInfo::Born(born)
                            .age(view.today)
                            .map(|a| a.0)
                            .unwrap_or(0)
                    })
                    .unwrap_or(0);
                t_args(
                    "ui-born-with-age",
                    &[("date", &birthday(&b)), ("age", &age.to_string())],
                )
            }
            None => birthday(&b),
        });
        // Kept in the Hebrew or Chinese calendar: "12 Tishrei (23 Sep this
        // year)", the Gregorian day on a line of its own when it does not fit.
        let mut birthday_after = None;
        let birthday_text = birthday_text.or_else(|| {
            let kept = card.calendar_birthday.as_ref()?;
            let both = calendar_day_with_gregorian(kept, view.today);
            if width(&both) <= cols.saturating_sub(LABEL) {
                return Some(both);
            }
            birthday_after = gregorian_this_or_next_year(kept, view.today);
            Some(calendar_day(kept))
        });
        let mut left = vec![
            heading("ui-card-details"),
            row(
                &t("field-phone"),
                d.phone
                    .as_deref()
                    .map(|p| display_phone(p, view.config.country())),
            ),
            row(&t("field-email"), d.email.clone()),
            row(&t("field-birthday"), birthday_text),
        ];
        left.extend(birthday_after.map(|g| row("", Some(g))));
        left.extend([
            row(&t("field-card"), d.card.clone()),
            row(&t("field-area"), d.area.clone()),
            row(
                &t("ui-field-joined"),
                Some(date_with_year(card.member.joined_at)),
            ),
        ]);
        let note = d
            .note
            .as_deref()
            .map(|n| wrap(n, cols.saturating_sub(LABEL).max(10)));
        match note {
            Some(lines) if !lines.is_empty() => {
                for (i, text) in lines.into_iter().enumerate() {
                    let label = if i == 0 {
                        t("field-note")
                    } else {
                        String::new()
                    };
                    left.push(row(&label, Some(text)));
                }
            }
            _ => left.push(row(&t("field-note"), None)),
        }
        left.push(Line::raw(""));
        left.extend(self.consent_lines(view, cols));
        left.extend(self.till_lines(view));

        let currency = view.config.currency();
        let mut right = vec![heading("ui-card-club")];
        right.extend(loyalty::club_lines(&self.loyalty, view, LABEL, cols));
        right.push(Line::raw(""));
        // Right under the figures: what the counter must not miss.
        right.extend(self.note_lines(view, cols));
        right.push(heading("ui-card-children"));
        // The child or pet picked with `f` is marked for editing or removal.
        let family_line = |parts: Vec<String>, picked: bool, style: Style| {
            let mark = if picked { "▸ " } else { "  " };
            let style = if picked { theme.selected() } else { style };
            Line::styled(format!("{mark}{}", parts.join(" · ")), style)
        };
        for (i, child) in card.children.iter().enumerate() {
            let mut parts = vec![child.name.clone()];
            parts.extend(child.gender.as_deref().map(crate::words::family::gender));
            parts.extend(birth(&child.birth, view.today));
            right.push(family_line(
                parts,
                self.picked() == Some(i),
                Style::default(),
            ));
        }
        if card.children.is_empty() {
            right.push(Line::styled(
                format!("  {}", t("ui-card-no-children")),
                theme.dim(),
            ));
        }
        right.push(heading("ui-card-pets"));
        for (i, pet) in card.pets.iter().enumerate() {
            let mut parts = vec![pet.name.clone()];
            // Kept in the history, no longer celebrated: the day it passed
            // away, greyed, in place of kind and age (the column is narrow).
            let passed = pet
                .passed_away
                .map(|d| t_args("ui-card-passed-away", &[("date", &date_with_year(d))]));
            let style = if passed.is_some() {
                theme.dim()
            } else {
                Style::default()
            };
            if let Some(passed) = passed {
                parts.push(passed);
            } else {
                parts.push(pet.kind.clone());
                parts.extend(birth(&pet.birth, view.today));
                parts.extend(
                    pet.gotcha
                        .map(|d| t_args("ui-card-gotcha", &[("date", &date_with_year(d))])),
                );
            }
            let picked = self.picked() == Some(card.children.len() + i);
            right.push(family_line(parts, picked, style));
        }
        if card.pets.is_empty() {
            right.push(Line::styled(
                format!("  {}", t("ui-card-no-pets")),
                theme.dim(),
            ));
        }
        right.push(Line::raw(""));
        let (history, habits) = if card.visits == 0 {
            (t("ui-card-no-purchases"), t("ui-card-no-purchases"))
        } else {
            let last = card
                .last_visit
                .map(|v| date_short(v, view.today))
                .unwrap_or_else(none);
            let visits = t_count("ui-visits", "count", card.visits);
            (
                t_args("ui-card-visits", &[("visits", &visits), ("last", &last)]),
                t_args(
                    "ui-card-spend",
                    &[(
                        "spend",
                        &crate::words::numbers::money(currency, card.spend_minor),
                    )],
                ),
            )
        };
        // Filled in by the purchase import; until then one line each.
        right.push(heading("ui-card-history"));
        right.push(Line::raw(format!("  {history}")));
        right.push(heading("ui-card-habits"));
        right.push(Line::raw(format!("  {habits}")));
        right.extend(self.purchases.summary_lines(theme));
        // Only once there is something: most members are never contacted.
        if !self.contacts.is_empty() {
            right.push(heading("ui-card-contacted"));
        }
        for entry in self.contacts.iter().take(3) {
            right.push(Line::raw(format!(
                "  {}",
                [
                    date_with_year(entry.at.date()),
                    contact_channel_name(entry.channel),
                    contact_reason_name(entry.reason),
                ]
                .join(" · ")
            )));
        }
        [left, right]
    }

    /// How far the card scrolls: bounded for the smallest window (80×24),
    /// where its columns are 37 wide and its body 19 rows less the
    /// birthday lines on top; larger windows show more and clamp when
    /// drawing.
    fn last_scroll(&self, view: &View) -> u16 {
        let rows = 19u16.saturating_sub(self.banner_rows());
        let longest = self.columns(view, 37).iter().map(Vec::len).max();
        (longest.unwrap_or(0) as u16).saturating_sub(rows)
    }

    fn banner_rows(&self) -> u16 {
        self.soon.len().min(3) as u16
    }

    /// ↑↓ (j/k) move the card a line, PgUp/PgDn most of a window's body.
    pub(super) fn scroll_by(&mut self, action: Action, ctx: &Ctx) {
        let view = View {
            theme: &Theme::plain(),
            today: ctx.clock.today(),
            config: &ctx.config,
            // Only the number of lines is wanted here.
            dir: crate::ui::direction::Direction::LTR,
        };
        let last = self.last_scroll(&view);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll.saturating_sub(PAGE),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageDown => self.scroll.saturating_add(PAGE),
            _ => self.scroll,
        }
        .min(last);
    }

    /// How far the card is scrolled as drawn, and whether lines are cut
    /// off above and below it.
    fn scrolled(&self, view: &View, area: Rect) -> (u16, bool, bool) {
        let body = Block::bordered().inner(area).inner(Margin::new(1, 0));
        let rows = body.height.saturating_sub(self.banner_rows());
        let [left, _] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .spacing(2)
                .areas(body);
        let longest = self
            .columns(view, left.width as usize)
            .iter()
            .map(Vec::len)
            .max();
        let longest = longest.unwrap_or(0) as u16;
        let scroll = self.scroll.min(longest.saturating_sub(rows));
        (scroll, scroll > 0, scroll + rows < longest)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let mut block = Block::bordered()
            .border_style(theme.border(self.form.is_none() && self.note_form.is_none()))
            .title(
                view.dir
                    .title(&self.purchases.title(&self.card.member), theme.heading()),
            );
        // An open request or complaint is flagged next to the name.
        if let Some(open) = self.open_marker() {
            block = block.title(view.dir.title(&open, theme.error()));
        }
        // A card cut at the window's edge says so on its borders, where
        // reading ends: "↑ more" on top once scrolled, "↓ more" below.
        let (scroll, above, below) = self.scrolled(view, area);
        if !self.purchases.is_shown() {
            let more = |key: &str| view.dir.far_title(&t(key)).style(theme.key());
            if above {
                block = block.title(more("ui-card-more-above"));
            }
            if below {
                block = block.title_bottom(more("ui-card-more-below"));
            }
        }
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let banner_rows = self.banner_rows();
        let [banner, body] =
            Layout::vertical([Constraint::Length(banner_rows), Constraint::Fill(1)]).areas(inner);
        let marker = theme.birthday_marker();
        let banner_lines: Vec<Line> = self
            .soon
            .iter()
            .map(|said| {
                let text = said.to_string();
                view.dir
                    .text_line(Line::styled(format!("{marker} {text}"), theme.good()))
            })
            .collect();
        Paragraph::new(banner_lines).render(banner, buf);
        if self.purchases.is_shown() {
            self.purchases.render(body, buf, view);
            return None;
        }
        let [left_area, right_area] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .spacing(2)
                .areas(body);
        // In Hebrew the details column is on the right, where reading starts.
        let [left_area, right_area] = view.dir.split(body, [left_area, right_area]);
        let [left, right] = self
            .columns(view, left_area.width as usize)
            .map(|lines| in_reading_order(lines, view));
        Paragraph::new(left)
            .scroll((scroll, 0))
            .render(left_area, buf);
        Paragraph::new(right)
            .scroll((scroll, 0))
            .render(right_area, buf);
        let cursor = self
            .form
            .as_ref()
            .and_then(|form| form.render(area, buf, view))
            .or_else(|| {
                let form = self.note_form.as_ref()?;
                form.render(area, buf, view)
            });
        match &self.popup {
            Some(popup) => popup.render(area, buf, view),
            None => cursor,
        }
    }
}

/// Lines the card's columns did not lay out as rows (headings, family,
/// summaries) are one field each: reordered and aligned as a whole.
fn in_reading_order(lines: Vec<Line<'static>>, view: &View) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|line| match line.alignment {
            Some(_) => line,
            None => view.dir.text_line(line),
        })
        .collect()
}
