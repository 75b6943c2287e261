//! The Stats screen (`a` on the counter's list): whether the club works,
//! in the figures of a period (the last 12 months up to today at first),
//! and the trend of the selected figure month by month. `[` and `]` move
//! the period by a month, `p` types it; Enter or `?` on a figure shows how
//! it is worked out, from which counts; Tab turns to the Sources page.
//!
//! Working out a year of a big club, and twelve month ends for the chart,
//! takes a while: it runs as a job, the screen opens at once and fills in.

use chrono::{Months, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[path = "stats_chart.rs"]
pub(super) mod chart;
#[path = "stats_events.rs"]
pub(super) mod events;
#[path = "stats_period.rs"]
mod period_form;
#[path = "stats_sources.rs"]
pub(super) mod sources;
pub use chart::{Trend, x_of};
use period_form::{PeriodChoice, PeriodForm};

use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::club_health::Period;
use crate::message::Message;
use crate::ops::events::EventPage;
use crate::ops::stats::{ClubHealth, MonthPoint, club_health, monthly};
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{
    Action, Keymap, STATS, STATS_EVENTS, STATS_FORMULA, STATS_PERIOD, STATS_SOURCES,
};
use crate::ui::stack::Screen;

/// One figure of the screen, in the order `words::club_health::figure_lines`
/// gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Members,
    NewMembers,
    ActiveStart,
    ActiveEnd,
    Lost,
    Retention,
    Churn,
    Nps,
    Csat,
    Cltv,
    AvgBasket,
    VisitsPerYear,
    Lifespan,
    MemberShare,
}

pub const FIGURES: [Figure; 14] = [
    Figure::Members,
    Figure::NewMembers,
    Figure::ActiveStart,
    Figure::ActiveEnd,
    Figure::Lost,
    Figure::Retention,
    Figure::Churn,
    Figure::Nps,
    Figure::Csat,
    Figure::Cltv,
    Figure::AvgBasket,
    Figure::VisitsPerYear,
    Figure::Lifespan,
    Figure::MemberShare,
];

impl Figure {
    /// Why the figure is undefined in this period (a message key), or None
    /// when it has a value. Counts are always defined.
    pub fn undefined(self, h: &ClubHealth) -> Option<&'static str> {
        let f = &h.figures;
        let missing = match self {
            Figure::Retention => f.retention_rate.is_none(),
            Figure::Churn => f.churn_rate.is_none(),
            Figure::Nps => f.nps.is_none(),
            Figure::Csat => f.csat.is_none(),
            Figure::Cltv => f.cltv_minor.is_none(),
            Figure::AvgBasket => f.avg_basket_minor.is_none(),
            Figure::VisitsPerYear => f.visits_per_year.is_none(),
            Figure::Lifespan => f.lifespan_years.is_none(),
            Figure::MemberShare => f.member_sales_share.is_none(),
            _ => false,
        };
        if !missing {
            return None;
        }
        Some(match self {
            Figure::Retention | Figure::Churn | Figure::Lifespan => "stats-screen-why-start",
            Figure::Nps | Figure::Csat => "stats-screen-why-answers",
            Figure::MemberShare => "stats-screen-why-sales",
            // The value needs all three parts: one of them is missing.
            Figure::Cltv => "stats-screen-why-parts",
            _ => "stats-screen-why-visits",
        })
    }
}

/// The screen's pages, in the order Tab turns them. A page is a variant
/// here, its keys in `keymap_stats`, its drawing in `stats_view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Figures,
    Sources,
    Events,
}

impl Page {
    fn next(self) -> Page {
        match self {
            Page::Figures => Page::Sources,
            Page::Sources => Page::Events,
            Page::Events => Page::Figures,
        }
    }
}

#[derive(Debug)]
pub struct StatsState {
    pub(super) page: Page,
    /// FROM and TO being typed.
    pub(super) period_form: Option<PeriodForm>,
    pub(super) period: Period,
    pub(super) health: Option<ClubHealth>,
    pub(super) months: Vec<MonthPoint>,
    /// The period's events with their 90 days after; None until worked out.
    pub(super) events: Option<Vec<EventPage>>,
    /// The selected figure, a position in [`FIGURES`].
    pub(super) at: usize,
    /// How the selected figure is worked out is shown.
    pub(super) formula: bool,
    today: NaiveDate,
    /// The working out, until its figures come.
    work: Option<Job<StatsNews>>,
}

/// The job's words: the figures of the period first (what the owner reads,
/// in a fraction of a second), then the months up to its end for the chart
/// (twelve periods' worth of work), then the period's events.
#[derive(Debug)]
enum StatsNews {
    Figures(Box<ClubHealth>),
    Months(Vec<MonthPoint>),
    /// Last: the period's events and their 90 days after.
    Events(Vec<EventPage>),
    Failed(Message),
}

impl News for StatsNews {
    fn is_progress(&self) -> bool {
        false
    }
    fn failed(why: Message) -> Self {
        StatsNews::Failed(why)
    }
}

impl StatsState {
    /// Opens on the last 12 months up to today; the figures fill in.
    pub fn open(ctx: &Ctx) -> StatsState {
        let today = ctx.clock.today();
        let mut state = StatsState {
            page: Page::Figures,
            period_form: None,
            period: Period::year_to(today),
            health: None,
            months: vec![],
            events: None,
            at: 0,
            formula: false,
            today,
            work: None,
        };
        state.work_out(ctx);
        state
    }

    pub fn period(&self) -> Period {
        self.period
    }

    pub fn health(&self) -> Option<&ClubHealth> {
        self.health.as_ref()
    }

    pub fn months(&self) -> &[MonthPoint] {
        &self.months
    }

    pub fn selected(&self) -> Figure {
        FIGURES[self.at]
    }

    pub fn showing_formula(&self) -> bool {
        self.formula
    }

    pub fn page(&self) -> Page {
        self.page
    }

    pub fn shows_period_form(&self) -> bool {
        self.period_form.is_some()
    }

    /// Why the typed period was refused, as the form says it.
    pub fn period_error(&self) -> Option<String> {
        self.period_form.as_ref().and_then(PeriodForm::error)
    }

    /// Still working the figures out.
    pub fn is_working(&self) -> bool {
        self.work.is_some()
    }

    /// Starts working out the period shown; figures of another period are
    /// put away, and a job still running for one is dropped with them.
    fn work_out(&mut self, ctx: &Ctx) {
        self.health = None;
        self.months.clear();
        self.events = None;
        let Period { from, to } = self.period;
        self.work = Some(Job::start(ctx, OnLeave::LetFinish, move |ctx, worker| {
            match club_health(ctx, Some(from), Some(to)) {
                Ok(health) => worker.send(StatsNews::Figures(Box::new(health))),
                Err(e) => return StatsNews::Failed(e.message()),
            }
            match monthly(ctx, to) {
                Ok(months) => worker.send(StatsNews::Months(months)),
                Err(e) => return StatsNews::Failed(e.message()),
            }
            match crate::ops::events::in_period(ctx, from, to) {
                Ok(events) => StatsNews::Events(events),
                Err(e) => StatsNews::Failed(e.message()),
            }
        }));
    }

    fn poll(&mut self) -> Effect {
        let Some(job) = &self.work else {
            return Effect::None;
        };
        let mut effect = Effect::None;
        for news in job.drain() {
            match news {
                StatsNews::Figures(health) => self.health = Some(*health),
                StatsNews::Months(months) => self.months = months,
                StatsNews::Events(events) => {
                    self.events = Some(events);
                    self.work = None;
                }
                StatsNews::Failed(why) => {
                    self.work = None;
                    effect = Effect::Error(why);
                }
            }
        }
        effect
    }

    /// The period a month earlier (`back`) or later; never past today.
    fn move_month(&mut self, ctx: &Ctx, back: bool) -> Effect {
        let month = Months::new(1);
        let moved = if back {
            self.period
                .from
                .checked_sub_months(month)
                .zip(self.period.to.checked_sub_months(month))
        } else {
            self.period
                .from
                .checked_add_months(month)
                .zip(self.period.to.checked_add_months(month))
        };
        match moved {
            Some((_, to)) if to > self.today => {
                Effect::Error(Message::plain("stats-screen-not-after-today"))
            }
            Some((from, to)) => {
                self.period = Period { from, to };
                self.work_out(ctx);
                Effect::None
            }
            None => Effect::None,
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if let Some(form) = &mut self.period_form {
            match form.update(action, self.today, &ctx.config) {
                PeriodChoice::Stay => {}
                PeriodChoice::Cancel => self.period_form = None,
                PeriodChoice::Show(period) => {
                    self.period_form = None;
                    self.period = period;
                    self.work_out(ctx);
                }
            }
            return Effect::None;
        }
        let last = FIGURES.len() - 1;
        let figures = self.page == Page::Figures;
        match action {
            Action::Edit if !self.formula => {
                self.period_form = Some(PeriodForm::open(self.period, &ctx.config));
            }
            Action::SwitchPage if !self.formula => self.page = self.page.next(),
            Action::Up if figures => self.at = self.at.saturating_sub(1),
            Action::Down if figures => self.at = (self.at + 1).min(last),
            Action::Back if self.formula => self.formula = false,
            Action::Open if figures && self.health.is_some() => self.formula = true,
            Action::Left if !self.formula => return self.move_month(ctx, true),
            Action::Right if !self.formula => return self.move_month(ctx, false),
            Action::Survey => {
                let page = super::stats_survey::SurveyStatsState::open(ctx, self.period);
                return super::open(page);
            }
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }
}

impl Screen for StatsState {
    fn name(&self) -> &'static str {
        "stats"
    }

    fn keymap(&self) -> Keymap {
        if self.period_form.is_some() {
            STATS_PERIOD
        } else if self.formula {
            STATS_FORMULA
        } else if self.page == Page::Sources {
            STATS_SOURCES
        } else if self.page == Page::Events {
            STATS_EVENTS
        } else {
            STATS
        }
    }

    fn text_focus(&self) -> bool {
        self.period_form.is_some()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-stats", STATS),
            ("ui-help-stats-formula", STATS_FORMULA),
            ("stats-screen-help-sources", STATS_SOURCES),
            ("stats-screen-help-events", STATS_EVENTS),
            ("stats-screen-help-period", STATS_PERIOD),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        StatsState::update(self, action, ctx)
    }

    fn working(&self) -> bool {
        self.is_working()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        StatsState::poll(self)
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.work.as_mut().is_some_and(|job| job.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        StatsState::render(self, area, buf, view)
    }
}
