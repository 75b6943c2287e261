//! How one member looks in the counter's list: the columns, their widths
//! at the window's width, and the text of each cell.

use chrono::{Duration, NaiveDate};

use super::View;
use super::counter::CounterRow;
use crate::domain::member::{display_phone, full_name};
use crate::i18n::t;
use crate::ui::direction::{Direction, number_cell};
use crate::ui::format::{date_short, pad, weekday_short};
use crate::ui::table::{wanted, widths};

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
    let mut name = full_name(&m.first_name, &m.family_name);
    // An open request or complaint is flagged before the name, where a
    // long name's cut cannot hide it.
    if row.open_notes > 0 {
        name = format!("{} {name}", t("ui-note-open-mark"));
    }
    [
        name,
        contact,
        m.tier.clone().unwrap_or_else(|| t("ui-none")),
        crate::words::numbers::number(m.points),
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
/// the tier column only when the shop has tiers. Each column is as wide
/// as its heading in the language in use or the values it shows; the name
/// takes the rest.
pub(super) struct Columns {
    name: usize,
    contact: usize,
    tier: usize,
    points: usize,
    last_visit: usize,
    birthday: usize,
}

const CONTACT: usize = 20;
const TIER: usize = 10;
const POINTS: usize = 6;
const LAST_VISIT: usize = 12;
const BIRTHDAY: usize = 11;
/// The marker ("▶ ") before the name.
const MARKER: usize = 2;

impl Columns {
    /// `headings` in column order, as [`row_cells`] gives the values;
    /// the last visits of the rows listed, whose dates are longer in some
    /// languages ("יום א׳, 22 בנוב׳").
    pub(super) fn for_width(
        total: u16,
        tiers: bool,
        headings: &[String; 6],
        rows: &[CounterRow],
        view: &View,
    ) -> Columns {
        let contact = if total >= 100 {
            wanted(&headings[1], [" ".repeat(CONTACT)])
        } else {
            0
        };
        let tier = if tiers {
            wanted(&headings[2], [" ".repeat(TIER)])
        } else {
            0
        };
        let points = wanted(&headings[3], [" ".repeat(POINTS)]);
        // Each day once: formatting a date is the costly part of a
        // keystroke's frame, and many rows share a last visit.
        let mut days: Vec<_> = rows.iter().filter_map(|r| r.member.last_visit).collect();
        days.sort_unstable();
        days.dedup();
        let last_visits = days.into_iter().map(|d| date_short(d, view.today));
        let last_visit = wanted(&headings[4], last_visits).max(LAST_VISIT);
        let birthday = wanted(&headings[5], [" ".repeat(BIRTHDAY)]);
        // Gaps: one after the name, contact and tier, two around the
        // last visit.
        let gaps = 1 + usize::from(contact > 0) + usize::from(tier > 0) + 3;
        let all = widths(
            &[0, contact, tier, points, last_visit, birthday],
            0,
            12,
            (total as usize).saturating_sub(MARKER + gaps),
            0,
        );
        Columns {
            name: all[0],
            contact: all[1],
            tier: all[2],
            points: all[3],
            last_visit: all[4],
            birthday: all[5],
        }
    }

    /// Cells padded to their columns; points lined up as numbers.
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
        out.push(number_cell(&cells[3], self.points));
        out.push(format!("  {} ", pad(&cells[4], self.last_visit)));
        out.push(pad(&cells[5], self.birthday));
        dir.cells(&out)
    }
}
