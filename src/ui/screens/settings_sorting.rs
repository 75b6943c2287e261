//! The member lists sorted again for a newly chosen language, behind the
//! Settings screen: on a club of 100,000 members that takes seconds, so it
//! runs as a job with a progress gauge while keys keep working. Leaving
//! lets it finish (the sorting is one transaction and safe to complete).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Gauge, Widget};

use super::{Effect, View};
use crate::context::Ctx;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ui::format::fit;
use crate::ui::job::{Job, News, OnLeave};
use crate::words::numbers::number;

/// What the sorting tells the Settings screen.
#[derive(Debug)]
pub enum SortNews {
    /// Members sorted so far, of how many.
    Sorted(usize, usize),
    /// The end: how many were sorted, or why it stopped.
    Done(Result<usize, Message>),
}

impl News for SortNews {
    fn is_progress(&self) -> bool {
        matches!(self, SortNews::Sorted(..))
    }

    fn failed(why: Message) -> SortNews {
        SortNews::Done(Err(why))
    }
}

#[derive(Debug)]
pub struct Sorting {
    job: Job<SortNews>,
    done: usize,
    total: usize,
    ended: bool,
}

impl Sorting {
    /// Starts sorting the lists for the language of `ctx`'s config.
    pub fn start(ctx: &Ctx) -> Sorting {
        let job = Job::start(ctx, OnLeave::LetFinish, |ctx, worker| {
            let sorted =
                crate::ops::list_order::follow_shop_language_reporting(ctx, &mut |done, total| {
                    worker.send(SortNews::Sorted(done, total))
                });
            SortNews::Done(sorted.map_err(|e| e.message()))
        });
        Sorting {
            job,
            done: 0,
            total: 0,
            ended: false,
        }
    }

    pub fn ended(&self) -> bool {
        self.ended
    }

    pub fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.job.run_here(ctx)
    }

    /// Takes what the sorting said; at its end the counter shows, with
    /// the lists in the new order.
    pub fn poll(&mut self) -> Effect {
        let mut effect = Effect::None;
        for news in self.job.drain() {
            match news {
                SortNews::Sorted(done, total) => (self.done, self.total) = (done, total),
                SortNews::Done(result) => {
                    self.ended = true;
                    effect = match result {
                        Ok(_) => Effect::Many(vec![
                            Effect::ToCounter,
                            Effect::Notice(Message::plain("ui-settings-saved")),
                        ]),
                        Err(why) => Effect::Error(why),
                    };
                }
            }
        }
        effect
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let cols = area.width as usize;
        let [title, gauge, note] = Layout::vertical([Constraint::Length(1); 3]).areas(area);
        let sorting = t_args(
            "ui-settings-sorting",
            &[
                ("done", &number(self.done as i64)),
                ("total", &number(self.total as i64)),
            ],
        );
        dir.put(buf, title, &dir.text(&fit(&sorting, cols)), theme.heading());
        // A ratio for drawing only; the counts stay integers.
        let ratio = if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
        };
        Gauge::default()
            .ratio(ratio)
            .label(format!("{}%", (ratio * 100.0).floor()))
            .gauge_style(theme.key())
            .render(gauge, buf);
        let text = fit(&t("ui-settings-sorting-note"), cols);
        dir.put(buf, note, &dir.text(&text), theme.dim());
    }
}
