//! What the import screen reads the next file with, chosen before it is
//! read: the country of its national phone numbers and dates (the shop's
//! at first) and its format ("detect" at first: recognised from the
//! header). The same choices read a file imported before again, which is
//! how a file read with the wrong country finds its members.
//!
//! Also the question asked when a file is in another currency than the
//! shop's: the import starts again with that currency accepted on yes.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::View;
use crate::context::Ctx;
use crate::domain::money::Currency;
use crate::i18n::{t, t_args};
use crate::import::currency::DOLLAR;
use crate::import::formats::Format;
use crate::ops::import::Overrides;
use crate::ui::format::{fit, width};
use crate::ui::widgets::field::TextField;

#[derive(Debug)]
pub struct ImportChoices {
    country: TextField,
    /// None: recognised from the file's header.
    format: Option<Format>,
    /// The country field has focus.
    pub typing: bool,
}

impl ImportChoices {
    /// The shop's country and "detect".
    pub fn new(ctx: &Ctx) -> ImportChoices {
        ImportChoices {
            country: TextField::new(&ctx.config.shop.country),
            format: None,
            typing: false,
        }
    }

    /// The choices as the import takes them.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            format: self.format,
            country: Some(self.country.value().trim().to_string()),
            ..Overrides::default()
        }
    }

    pub fn country_field(&mut self) -> &mut TextField {
        &mut self.country
    }

    /// The next format: detect, then every format by name, then detect.
    pub fn next_format(&mut self) {
        let all = Format::ALL;
        self.format = match self.format {
            None => all.first().copied(),
            Some(f) => all.iter().skip_while(|&&g| g != f).nth(1).copied(),
        };
    }

    /// One row: "Country HR   Format detect", the country typed in place.
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let label = t("ui-import-country");
        let label_cols = width(&label) as u16 + 1;
        let [label_area, rest] = view.dir.row(area, label_cols);
        let label_style = if self.typing {
            theme.heading()
        } else {
            Style::new()
        };
        view.dir
            .put(buf, label_area, &view.dir.text(&label), label_style);
        let field_cols = 4.min(rest.width);
        let [field, format_area] = view.dir.row(rest, field_cols + 2);
        let field = Rect {
            width: field_cols,
            ..field
        };
        let field = if view.dir.is_rtl() {
            Rect {
                x: field.x + 2,
                ..field
            }
        } else {
            field
        };
        let cursor =
            self.country
                .render(field, buf, theme.field(self.typing), self.typing, view.dir);
        let format = match self.format {
            Some(f) => f.name().to_string(),
            None => t("ui-import-format-detect"),
        };
        let text = t_args("ui-import-format", &[("format", &format)]);
        let shown = fit(&text, format_area.width as usize);
        let used = (width(&shown) as u16 + 4).min(format_area.width);
        let [format_area, hint_area] = view.dir.row(format_area, used);
        view.dir
            .put(buf, format_area, &view.dir.text(&shown), Style::new());
        // The keys that change these, since the status bar may not have room.
        let hint = fit(&t("ui-import-choices-hint"), hint_area.width as usize);
        view.dir
            .put(buf, hint_area, &view.dir.text(&hint), theme.dim());
        cursor
    }
}

/// A file in another currency than the shop's, waiting for the owner's
/// yes (import it with its amounts as they are) or no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyQuestion {
    pub file: PathBuf,
    pub currency: String,
    pub shop: String,
}

impl CurrencyQuestion {
    /// The currency a yes accepts. A dollar sign names no one currency:
    /// the shop's currency, which has none, was refused, so the file's is
    /// taken as US dollars.
    pub fn accepted(&self) -> Option<Currency> {
        let code = if self.currency == DOLLAR {
            "USD"
        } else {
            self.currency.as_str()
        };
        Currency::from_code(code)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let name = self.file.file_name().map_or_else(
            || self.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let text = t_args(
            "ui-import-currency-question",
            &[
                ("file", &name),
                ("currency", &self.currency),
                ("shop", &self.shop),
            ],
        );
        let lines = crate::ui::format::wrap(&text, area.width as usize);
        for (i, line) in lines.iter().enumerate().take(area.height as usize) {
            let row = Rect {
                y: area.y + i as u16,
                height: 1,
                ..area
            };
            view.dir
                .put(buf, row, &view.dir.text(line), view.theme.heading());
        }
    }
}
