//! The member card's consent: the current state per channel, the channel
//! picked with `s`, the question `g` asks before changing it, and the log
//! of every change (when, how).

use super::*;
use crate::domain::consent::ConsentEntry;
use crate::words::consent::entry_text;
use crate::words::review::channel_name;

/// History entries shown under the consent rows; the rest scrolls away.
const HISTORY_LINES: usize = 6;

impl MemberState {
    /// `s`: the next channel, then none again.
    pub(super) fn pick_consent(&mut self) -> Effect {
        let all = Channel::ALL.len();
        self.consent_at = match self.consent_at {
            None => Some(0),
            Some(at) if at + 1 < all => Some(at + 1),
            Some(_) => None,
        };
        Effect::None
    }

    fn granted(&self, channel: Channel) -> bool {
        self.card
            .consents
            .iter()
            .any(|c| c.channel == channel && c.granted)
    }

    /// `g`: asks whether the member now agrees (or no longer agrees) on the
    /// picked channel, naming both; the first channel when none is picked.
    pub(super) fn ask_change_consent(&mut self) -> Effect {
        let at = *self.consent_at.get_or_insert(0);
        let channel = Channel::ALL[at];
        let granted = !self.granted(channel);
        let key = if granted {
            "ui-confirm-consent-grant"
        } else {
            "ui-confirm-consent-withdraw"
        };
        let args = [
            ("name", self.card.member.full_name()),
            ("channel", channel_name(channel)),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Effect::Confirm(Confirm {
            title: Message::plain("ui-confirm-consent-title"),
            question: Message::new(key, &args),
            yes: Box::new(Effect::ChangeConsent(self.id(), channel, granted)),
        })
    }

    /// The log to show, newest first.
    pub(super) fn with_consent_log(mut self, log: Vec<ConsentEntry>) -> MemberState {
        self.consent_log = log;
        self
    }

    /// The consent rows (the picked one marked) and the latest changes,
    /// for a column `cols` wide.
    pub(super) fn consent_lines(&self, view: &View, cols: usize) -> Vec<Line<'static>> {
        let theme = view.theme;
        let mut lines = vec![Line::styled(t("ui-card-consent"), theme.heading())];
        for (i, channel) in Channel::ALL.into_iter().enumerate() {
            let state = self.card.consents.iter().find(|c| c.channel == channel);
            let value = match state {
                Some(c) if c.granted => {
                    t_args("ui-consent-yes", &[("date", &date_with_year(c.at.date()))])
                }
                Some(c) => t_args(
                    "ui-consent-withdrawn",
                    &[("date", &date_with_year(c.at.date()))],
                ),
                None => t("ui-consent-no"),
            };
            let picked = self.consent_at == Some(i);
            let label = channel_name(channel);
            let style = if picked {
                theme.selected()
            } else {
                Style::new()
            };
            let mark = if picked { "▸ " } else { "" };
            lines.push(view.dir.line(vec![
                Span::styled(pad(&format!("{mark}{label}"), LABEL), style),
                Span::styled(value, style),
            ]));
        }
        if self.consent_log.is_empty() {
            return lines;
        }
        lines.push(Line::styled(t("ui-card-consent-history"), theme.heading()));
        // "23 Nov 2026 · SMS · withdrawn · at the counter", wrapped to the
        // column, its further lines indented under the date.
        for entry in self.consent_log.iter().take(HISTORY_LINES) {
            let text = format!(
                "{} · {}",
                date_with_year(entry.at.date()),
                entry_text(entry)
            );
            for (i, part) in wrap(&text, cols.saturating_sub(2).max(10))
                .into_iter()
                .enumerate()
            {
                let indent = if i == 0 { "" } else { "  " };
                lines.push(view.dir.line(vec![Span::raw(format!("{indent}{part}"))]));
            }
        }
        lines
    }
}
