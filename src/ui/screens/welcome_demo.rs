//! The welcome screen's demo fill while it runs: the fill operation on a
//! worker, a gauge of the members made out of all of them, and what its
//! end means for the owner (the counter with the new members, a note that
//! a cancelled fill added nobody, or why it failed).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Gauge, Widget};

use super::{Effect, View};
use crate::context::Ctx;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::demo::IfMembers;
use crate::ui::format::fit;
use crate::ui::job::{Job, News, OnLeave};

/// What the fill tells the welcome screen.
#[derive(Debug)]
pub enum FillNews {
    /// Members made so far.
    Made(usize),
    /// How many were added (none when it was stopped), or why none were.
    Done(Result<usize, crate::message::Message>),
}

impl News for FillNews {
    fn is_progress(&self) -> bool {
        matches!(self, FillNews::Made(_))
    }

    fn failed(why: crate::message::Message) -> FillNews {
        FillNews::Done(Err(why))
    }
}

#[derive(Debug)]
pub struct Filling {
    job: Job<FillNews>,
    made: usize,
    total: usize,
    ended: bool,
}

impl Filling {
    /// Starts filling the club with `members` demo members. Leaving (the
    /// app quitting) cancels the fill and waits for its rollback.
    pub fn start(ctx: &Ctx, members: usize, seed: u64) -> Filling {
        let job = Job::start(ctx, OnLeave::CancelAndWait, move |ctx, worker| {
            // The welcome shows only on an empty club; should members have come
            // in from elsewhere meanwhile, the fill refuses and says so.
            let added =
                crate::ops::demo::fill(ctx, members, seed, IfMembers::Refuse, &mut |done| {
                    worker.send(FillNews::Made(done));
                    // The fill asks before its one commit too, so a cancel
                    // seen here leaves nothing of it.
                    !worker.cancelled()
                });
            FillNews::Done(added.map_err(|e| e.message()))
        });
        Filling {
            job,
            made: 0,
            total: members,
            ended: false,
        }
    }

    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// The fill said its last word; the screen lets it go.
    pub fn ended(&self) -> bool {
        self.ended
    }

    pub fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.job.run_here(ctx)
    }

    /// Takes what the fill said since the last frame.
    pub fn poll(&mut self) -> Effect {
        let mut effect = Effect::None;
        for news in self.job.drain() {
            match news {
                FillNews::Made(done) => self.made = done,
                FillNews::Done(result) => {
                    self.ended = true;
                    effect = self.outcome(result);
                }
            }
        }
        effect
    }

    fn outcome(&self, result: Result<usize, crate::message::Message>) -> Effect {
        match result {
            Ok(0) if self.job.cancelled() => Effect::Notice(Message::plain("ui-demo-cancelled")),
            Ok(0) => Effect::Error(Message::plain("ui-demo-none")),
            Ok(added) => Effect::Many(vec![
                Effect::ToCounter,
                Effect::Notice(Message::count("ui-demo-done", "count", added as i64)),
            ]),
            Err(why) => Effect::Error(why),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let cols = area.width as usize;
        let [title, _, gauge, _, note] = Layout::vertical([Constraint::Length(1); 5]).areas(area);
        let making = t_args(
            "ui-demo-making",
            &[
                ("done", &self.made.to_string()),
                ("total", &self.total.to_string()),
            ],
        );
        view.dir.put(
            buf,
            title,
            &view.dir.text(&fit(&making, cols)),
            theme.heading(),
        );
        // A ratio for drawing only; the counts stay integers.
        let ratio = if self.total == 0 {
            0.0
        } else {
            (self.made as f64 / self.total as f64).clamp(0.0, 1.0)
        };
        Gauge::default()
            .ratio(ratio)
            .label(format!("{}%", (ratio * 100.0).floor()))
            .gauge_style(theme.key())
            .render(gauge, buf);
        let key = if self.job.cancelled() {
            "ui-demo-cancelling"
        } else {
            "ui-demo-cancel-note"
        };
        view.dir
            .put(buf, note, &view.dir.text(&fit(&t(key), cols)), theme.dim());
    }
}
