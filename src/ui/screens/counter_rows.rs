//! How one member looks in the counter's list: the columns, their widths
//! at the window's width, and the text of each cell.

use chrono::{Duration, NaiveDate};

use super::View;
use super::counter::CounterRow;
use crate::domain::member::{display_phone, full_name};
use crate::i18n::t;
use crate::ui::direction::Direction;
use crate::ui::format::{date_short, fit, pad, weekday_short, width};

/// The texts of one row, in column order.
pub(super) fn row_cells(row: &CounterRow, view: &View) -> [String; 6] {
    let m = &row.member;
    let contact = m
        .phone
        .as_deref()
        .map(|p| display_phone(p, view.config.country()))
        .or_else(|| m.email.clone())
        .or_else(|| m.card.clone())
        .unwrap_or_default();
    let last_visit = m
        .last_visit
        .map(|d| date_short(d, view.today))
        .unwrap_or_else(|| t("ui-none"));
    let birthday = row
        .birthday_in
        .map(|days| {
            let day = view.today + Duration::days(days);
            let mut text = format!(
                "{} {}",
                view.theme.birthday_marker(),
                day_word(day, view.today)
            );
            // A child's or pet's day names them: "🎂 Thu Noam".
            if let Some(name) = &row.birthday_of {
                text.push(' ');
                text.push_str(name);
            }
            text
        })
        .unwrap_or_default();
    [
        full_name(&m.first_name, &m.family_name),
        contact,
        m.tier.clone().unwrap_or_else(|| t("ui-none")),
        m.points.to_string(),
        last_visit,
        birthday,
    ]
}

fn day_word(day: NaiveDate, today: NaiveDate) -> String {
    if day == today {
        t("ui-today-short")
    } else {
        weekday_short(day)
    }
}

/// Column widths for the list; the contact column only on wide windows,
/// the tier column only when the shop has tiers.
pub(super) struct Columns {
    name: usize,
    contact: usize,
    tier: usize,
}

const TIER: usize = 10;
const POINTS: usize = 7;
const LAST_VISIT: usize = 12;
const BIRTHDAY: usize = 11;

impl Columns {
    pub(super) fn for_width(total: u16, tiers: bool) -> Columns {
        let tier = if tiers { TIER } else { 0 };
        let fixed = 2 + tier + usize::from(tiers) + POINTS + LAST_VISIT + BIRTHDAY + 3;
        let rest = (total as usize).saturating_sub(fixed);
        let contact = if total >= 100 { 20 } else { 0 };
        Columns {
            name: rest.saturating_sub(contact + usize::from(contact > 0)),
            contact,
            tier,
        }
    }

    /// Cells padded to their columns; points right-aligned.
    /// In Hebrew the columns are mirrored, the name on the right, and each
    /// cell is reordered on its own.
    pub(super) fn line(&self, cells: &[String; 6], marker: &str, dir: Direction) -> String {
        let marker = if dir.is_rtl() {
            marker.replace('▶', "◀")
        } else {
            marker.to_string()
        };
        let mut out = vec![marker, format!("{} ", pad(&cells[0], self.name))];
        if self.contact > 0 {
            out.push(format!("{} ", pad(&cells[1], self.contact)));
        }
        if self.tier > 0 {
            out.push(format!("{} ", pad(&cells[2], self.tier)));
        }
        let points = fit(&cells[3], POINTS - 1);
        // Numbers line up on their right whichever way the row reads.
        out.push(format!(
            "{}{points}",
            " ".repeat(POINTS - 1 - width(&points))
        ));
        out.push(format!("  {} ", pad(&cells[4], LAST_VISIT)));
        out.push(fit(&cells[5], BIRTHDAY));
        let mut drawn: Vec<String> = out.iter().map(|cell| dir.cell(cell)).collect();
        if dir.is_rtl() {
            drawn.reverse();
        }
        drawn.concat()
    }
}
