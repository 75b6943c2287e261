//! Till customers without a member: the card, phone or email on receipts
//! that no member matches, with the name the till wrote, their receipts
//! and spend. Link one to an existing member (later imports then match
//! them too) after a yes to both names side by side, or sign them up with
//! what the till knows filled in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::link_confirm::LinkAsk;
use super::member_link::{LinkChoice, MemberPicker};
use super::signup::SignupState;
use super::signup_fields::{Fields, Stop};
use super::{Effect, View};
use crate::config::Config;
use crate::context::Ctx;
use crate::domain::member::display_phone;
use crate::error::Result;
use crate::i18n::{t, t_args, t_count};
use crate::message::Message;
use crate::ops::till_customers::{self, Identity, TillCustomer, UnmatchedCustomer};
use crate::ui::direction::number_cell;
use crate::ui::format::{date_short, pad, wrap};
use crate::ui::keymap::{Action, CONFIRM, Keymap, UNMATCHED, UNMATCHED_LINK};
use crate::ui::stack::Screen;
use crate::ui::table::{wanted, widths};

/// The biggest spenders first; enough to work through after an import.
const LIMIT: usize = 500;

#[derive(Debug)]
pub struct UnmatchedState {
    customers: Vec<UnmatchedCustomer>,
    selected: usize,
    picker: Option<MemberPicker>,
    /// A member picked in the popup, waiting for yes or no.
    asking: Option<LinkAsk>,
}

/// The identity as the owner reads it: a phone in the shop's own form.
fn identity_text(c: &UnmatchedCustomer, config: &Config) -> String {
    match c.identity {
        Identity::Phone => display_phone(&c.value, config.country()),
        Identity::Card => t_args("ui-unmatched-card", &[("card", &c.value)]),
        Identity::Email => c.value.clone(),
        Identity::TillCustomer => t_args("ui-unmatched-till-customer", &[("id", &c.value)]),
    }
}

/// The signup form filled from the till: the phone (else the email) as
/// contact, the phone in the shop's own form.
pub fn signup_from_till(customer: &TillCustomer, ctx: &Ctx) -> SignupState {
    let input = till_customers::as_new_member(customer);
    let phone = Some(input.phone)
        .filter(|p| !p.is_empty())
        .map(|p| display_phone(&p, ctx.config.country()));
    let email = Some(input.email).filter(|e| !e.is_empty());
    let (contact, other) = match phone {
        Some(phone) => (Some(phone), email),
        None => (email, None),
    };
    let mut fields = Fields::default();
    for (stop, value) in [
        (Stop::FirstName, Some(input.first_name)),
        (Stop::FamilyName, Some(input.family_name)),
        (Stop::Contact, contact),
        (Stop::OtherContact, other),
        (Stop::Card, Some(input.card)),
    ] {
        fields.get_mut(stop).set(value.as_deref().unwrap_or(""));
    }
    SignupState::prefilled(fields)
}

impl UnmatchedState {
    pub fn open(ctx: &Ctx) -> Result<UnmatchedState> {
        Ok(UnmatchedState {
            customers: till_customers::unmatched(ctx, LIMIT)?,
            selected: 0,
            picker: None,
            asking: None,
        })
    }

    pub fn customers(&self) -> &[UnmatchedCustomer] {
        &self.customers
    }

    /// The position of the selected customer in [`customers`](Self::customers).
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn is_linking(&self) -> bool {
        self.picker.is_some()
    }

    /// The member search as typed (or as it started, from the till's name).
    pub fn link_search(&self) -> Option<&str> {
        self.picker.as_ref().map(MemberPicker::search)
    }

    /// The yes/no before linking, when a member has been picked.
    pub fn asking(&self) -> Option<&LinkAsk> {
        self.asking.as_ref()
    }

    /// The member picked for the selected customer: both names to confirm.
    fn ask(&mut self, member_id: i64, ctx: &Ctx) -> Result<()> {
        let Some(c) = self.customers.get(self.selected) else {
            return Ok(());
        };
        let question = till_customers::link_question(ctx, c.identity, &c.value, member_id)?;
        self.asking = Some(LinkAsk {
            member_id,
            who: identity_text(c, &ctx.config),
            question,
        });
        Ok(())
    }

    /// Links the selected customer to a member (with the other identities
    /// the till wrote for them that no other member has).
    fn link(&mut self, member_id: i64, name: &str, ctx: &Ctx) -> Result<Effect> {
        let Some(c) = self.customers.get(self.selected).cloned() else {
            return Ok(Effect::None);
        };
        let linked = till_customers::link(ctx, c.identity, &c.value, member_id)?;
        self.customers = till_customers::unmatched(ctx, LIMIT)?;
        self.selected = self.selected.min(self.customers.len().saturating_sub(1));
        Ok(Effect::Notice(Message::new(
            "ui-unmatched-linked",
            &[
                ("who", &identity_text(&c, &ctx.config)),
                ("name", name),
                (
                    "receipts",
                    &t_count("ui-history-count", "count", linked as i64),
                ),
            ],
        )))
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if let Some(asking) = &self.asking {
            return match action {
                Action::Yes => {
                    let (id, name) = (asking.member_id, asking.question.member_name.clone());
                    self.asking = None;
                    self.picker = None;
                    self.link(id, &name, ctx).unwrap_or_else(Effect::from)
                }
                // No: back to the search, to pick someone else.
                Action::No | Action::Back => {
                    self.asking = None;
                    Effect::None
                }
                _ => Effect::None,
            };
        }
        if let Some(picker) = &mut self.picker {
            return match picker.update(action, ctx) {
                Ok(LinkChoice::Stay) => Effect::None,
                Ok(LinkChoice::Cancel) => {
                    self.picker = None;
                    Effect::None
                }
                Ok(LinkChoice::Link(id, _)) => self
                    .ask(id, ctx)
                    .map_or_else(Effect::from, |()| Effect::None),
                Err(e) => e.into(),
            };
        }
        let last = self.customers.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Open => {
                if let Some(c) = self.customers.get(self.selected) {
                    let who = identity_text(c, &ctx.config);
                    let title = Message::new("ui-unmatched-link-title", &[("who", &who)]);
                    // The search starts from the name the till wrote.
                    let opened =
                        till_customers::till_customer(ctx, c.identity, &c.value).and_then(|seen| {
                            MemberPicker::open(title, seen.name.as_deref().unwrap_or(""), ctx)
                        });
                    return match opened {
                        Ok(picker) => {
                            self.picker = Some(picker);
                            Effect::None
                        }
                        Err(e) => e.into(),
                    };
                }
            }
            Action::SignUp => {
                if let Some(c) = self.customers.get(self.selected) {
                    return match till_customers::till_customer(ctx, c.identity, &c.value) {
                        Ok(found) => Effect::Open(Box::new(signup_from_till(&found, ctx))),
                        Err(e) => e.into(),
                    };
                }
            }
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let block = Block::bordered()
            .border_style(theme.border(self.picker.is_none()))
            .title(view.dir.title(&t("ui-unmatched-title"), theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let cols = inner.width as usize;
        let intro = wrap(&t("ui-unmatched-intro"), cols);
        let [intro_area, _, header, list] = Layout::vertical([
            Constraint::Length(intro.len() as u16),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let dim_lines = |lines: Vec<String>| {
            view.dir.lines(
                lines
                    .into_iter()
                    .map(|l| ratatui::text::Line::styled(l, theme.dim()))
                    .collect(),
            )
        };
        Paragraph::new(dim_lines(intro)).render(intro_area, buf);
        let currency = view.config.currency();
        let visible = list.height as usize;
        let offset = (self.selected + 1).saturating_sub(visible);
        let shown: Vec<[String; 5]> = self
            .customers
            .iter()
            .skip(offset)
            .take(visible)
            .map(|c| {
                [
                    c.name.clone().unwrap_or_else(|| t("ui-none")),
                    identity_text(c, view.config),
                    c.receipts.to_string(),
                    crate::words::numbers::money(currency, c.spend_minor),
                    c.last_visit
                        .map(|d| date_short(d, view.today))
                        .unwrap_or_else(|| t("ui-none")),
                ]
            })
            .collect();
        let headings = [
            t("ui-unmatched-col-name"),
            t("ui-unmatched-col-who"),
            t("ui-unmatched-col-receipts"),
            t("ui-unmatched-col-spend"),
            t("ui-col-last-visit"),
        ];
        // Each column as wide as its heading or its values (the numbers and
        // dates at least as wide as before); the name takes the rest.
        let least = [0, 24, 8, 10, 11];
        let wanted: Vec<usize> = (0..5)
            .map(|c| wanted(&headings[c], shown.iter().map(|r| &r[c])).max(least[c]))
            .collect();
        let widths = widths(&wanted, 0, 10, cols.saturating_sub(2 + 4), 0);
        let row = |marker: &str, cells: &[String; 5]| {
            view.dir.cells(&[
                marker.to_string(),
                format!("{} ", pad(&cells[0], widths[0])),
                format!("{} ", pad(&cells[1], widths[1])),
                format!("{} ", number_cell(&cells[2], widths[2])),
                format!("{} ", number_cell(&cells[3], widths[3])),
                pad(&cells[4], widths[4]),
            ])
        };
        view.dir
            .put(buf, header, &row("  ", &headings), theme.heading());
        if self.customers.is_empty() {
            Paragraph::new(dim_lines(wrap(&t("ui-unmatched-none"), cols))).render(list, buf);
        }
        for (n, (cells, y)) in shown.iter().zip(list.y..list.bottom()).enumerate() {
            let chosen = offset + n == self.selected;
            let style = if chosen {
                theme.selected()
            } else {
                Style::new()
            };
            let text = row(view.dir.marker(chosen), cells);
            let row_area = Rect::new(list.x, y, list.width, 1);
            buf.set_style(row_area, style);
            view.dir.put(buf, row_area, &text, style);
        }
        let cursor = self.picker.as_ref().and_then(|p| p.render(area, buf, view));
        match &self.asking {
            Some(asking) => {
                asking.render(area, buf, view);
                None
            }
            None => cursor,
        }
    }
}

impl Screen for UnmatchedState {
    fn name(&self) -> &'static str {
        "unmatched"
    }

    fn keymap(&self) -> Keymap {
        if self.asking.is_some() {
            CONFIRM
        } else if self.picker.is_some() {
            UNMATCHED_LINK
        } else {
            UNMATCHED
        }
    }

    fn text_focus(&self) -> bool {
        self.picker.is_some() && self.asking.is_none()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-unmatched", UNMATCHED),
            ("ui-help-unmatched-link", UNMATCHED_LINK),
            ("ui-help-link-confirm", CONFIRM),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        UnmatchedState::update(self, action, ctx)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        UnmatchedState::render(self, area, buf, view)
    }

    fn resumed(&mut self, ctx: &Ctx) -> Result<()> {
        // A signup above may have claimed the customer's receipts.
        let selected = self.selected;
        *self = UnmatchedState::open(ctx)?;
        self.selected = selected.min(self.customers.len().saturating_sub(1));
        Ok(())
    }
}
