//! The Stats screen, opened with `a` from the counter's list: the figures
//! of the last 12 months, the period moved by a month with `[` and `]`, an
//! undefined figure said in words, Enter on a figure showing how it is
//! worked out, and the chart of the last 12 months. Snapshots at 80×24 in
//! every language: filled, with undefined figures, and a formula.
//! The period typed with `p` (a bad date refused naming the field), the
//! churn and NPS charts (right to left in Hebrew) and the Sources page,
//! each in every language too.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::club_health::Answer;
use regulars::i18n::t;
use regulars::ui::App;
use regulars::ui::screens::stats::{Figure, Page, StatsState};
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club in `lang`; `filled` adds visits a year ago (so members
/// were active when the period began) and feedback answers.
fn club(lang: &str, filled: bool) -> App {
    open_stats(club_ctx(lang, filled))
}

/// The counter on `ctx`, then `a`.
fn open_stats(ctx: regulars::context::Ctx) -> App {
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "a");
    app
}

fn club_ctx(lang: &str, filled: bool) -> regulars::context::Ctx {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    ctx.set_config(config);
    if filled {
        // Members since the year before, so they count at the start.
        ctx.conn
            .execute("UPDATE members SET joined_at = '2025-01-01'", [])
            .unwrap();
        for (i, member) in [1, 2, 3, 4, 5, 6].into_iter().enumerate() {
            ctx.conn
                .execute(
                    "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
                     VALUES ('generic', ?1, '2025-11-01', 2400, 'sale', ?2)",
                    (format!("y{i}"), member),
                )
                .unwrap();
        }
        let at = day(2026, 5, 4).and_hms_opt(11, 0, 0).unwrap();
        for answer in [
            Answer::Nps(10),
            Answer::Nps(9),
            Answer::Nps(3),
            Answer::Csat(5),
            Answer::Csat(2),
        ] {
            db::feedback::insert(&ctx.conn, Some(1), answer, at, "counter").unwrap();
        }
    }
    ctx
}

fn stats(app: &App) -> &StatsState {
    front::<StatsState>(app)
}

fn assert_fits(shown: &str, what: &str) {
    for line in shown.lines() {
        let row = line.strip_prefix('"').unwrap_or(line);
        let row = row.split("\" Hidden by").next().unwrap_or(row);
        let row = row.strip_suffix('"').unwrap_or(row);
        assert!(
            width(row) <= 80,
            "{what}: a row of {} columns: {row}",
            width(row)
        );
    }
}

fn assert_no_key(shown: &str, what: &str) {
    for word in ["ui-", "stats-", "err-"] {
        assert!(!shown.contains(word), "{what} shows a key: {shown}");
    }
}

#[test]
fn a_opens_the_figures_of_the_last_twelve_months() {
    let app = club("en", true);
    let s = stats(&app);
    assert_eq!(s.period().to, today());
    assert_eq!(s.period().from, day(2025, 11, 24));
    let h = s.health().expect("the figures came");
    assert_eq!(h.counts.active_start, 6);
    assert_eq!(h.counts.nps_answers, 3);
    // (2 promoters − 1 detractor) of 3 answers.
    assert_eq!(h.figures.nps.map(|v| v.round()), Some(33.0));
    assert_eq!(s.months().len(), 12);
    assert_eq!(s.months().last().map(|m| m.day), Some(today()));
    let shown = screen(&app);
    assert!(shown.contains("Retention rate"), "{shown}");
    assert!(shown.contains("Last 12 months"), "{shown}");
}

#[test]
fn an_undefined_figure_says_so_in_words() {
    let app = club("en", false);
    let h = stats(&app).health().unwrap();
    assert_eq!(h.figures.nps, None);
    let shown = screen(&app);
    let nps = shown.lines().find(|l| l.contains("NPS")).unwrap();
    assert!(nps.contains("not defined"), "{nps}");
    assert!(!nps.contains(" 0"), "{nps}");
}

#[test]
fn brackets_move_the_period_by_a_month_never_past_today() {
    let mut app = club("en", true);
    type_text(&mut app, "[");
    let s = stats(&app);
    assert_eq!(s.period().to, day(2026, 10, 23));
    assert_eq!(s.period().from, day(2025, 10, 24));
    assert_eq!(s.health().map(|h| h.period), Some(s.period()));
    assert_eq!(s.months().last().map(|m| m.day), Some(day(2026, 10, 23)));
    type_text(&mut app, "]");
    assert_eq!(stats(&app).period().to, today());
    type_text(&mut app, "]");
    assert_eq!(stats(&app).period().to, today(), "not after today");
    assert!(screen(&app).contains(&t("stats-screen-not-after-today")));
}

#[test]
fn enter_shows_the_formula_and_the_counts_behind_it() {
    let mut app = club("en", true);
    for _ in 0..5 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(stats(&app).selected(), Figure::Retention);
    key(&mut app, KeyCode::Enter);
    assert!(stats(&app).showing_formula());
    let shown = screen(&app);
    assert!(shown.contains("(E − N) ÷ S × 100"), "{shown}");
    assert!(shown.contains("S  Active at the start"), "{shown}");
    assert!(shown.contains("Period: 24 Nov 2025"), "{shown}");
    // Esc closes the formula, a second Esc goes back to the counter.
    key(&mut app, KeyCode::Esc);
    assert!(!stats(&app).showing_formula());
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}

#[test]
fn the_formula_of_an_undefined_figure_says_why() {
    let mut app = club("en", false);
    for _ in 0..7 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(stats(&app).selected(), Figure::Nps);
    type_text(&mut app, "?");
    let shown = screen(&app);
    assert!(shown.contains("no answers in the period"), "{shown}");
}

#[test]
fn help_on_the_counter_lists_the_stats_key() {
    let mut app = club("en", false);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "?");
    let shown = render(&app, 80, 60);
    assert!(shown.contains("club figures"), "{shown}");
}

#[test]
fn the_stats_screen_in_every_language() {
    for lang in LANGUAGES {
        let filled = club(lang, true);
        let shown = screen(&filled);
        assert_fits(&shown, &format!("stats in {lang}"));
        assert_no_key(&shown, &format!("stats in {lang}"));
        insta::assert_snapshot!(format!("stats@{lang}"), shown);

        let empty = club(lang, false);
        let shown = screen(&empty);
        assert_fits(&shown, &format!("stats undefined in {lang}"));
        assert_no_key(&shown, &format!("stats undefined in {lang}"));
        let undefined = match *lang {
            "en" => "not defined",
            "hr" => "nije definirano",
            "zh" => "无法计算",
            "th" => "คำนวณไม่ได้",
            // Drawn right to left: the test backend shows it reversed.
            _ => "רדגומ אל",
        };
        assert!(shown.contains(undefined), "{lang}: {shown}");
        insta::assert_snapshot!(format!("stats_undefined@{lang}"), shown);

        let mut formula = club(lang, true);
        for _ in 0..9 {
            key(&mut formula, KeyCode::Down);
        }
        key(&mut formula, KeyCode::Enter);
        let shown = screen(&formula);
        assert_fits(&shown, &format!("stats formula in {lang}"));
        assert_no_key(&shown, &format!("stats formula in {lang}"));
        insta::assert_snapshot!(format!("stats_formula@{lang}"), shown);
    }
}

/// Empties the focused field of the period form and types `text`.
fn retype(app: &mut App, text: &str) {
    for _ in 0..16 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

#[test]
fn p_types_the_period_and_a_bad_date_is_refused_naming_the_field() {
    let mut app = club("en", true);
    type_text(&mut app, "p");
    assert!(stats(&app).shows_period_form());
    assert!(screen(&app).contains("24.11.2025"), "FROM holds the period");
    retype(&mut app, "31.2.2026");
    key(&mut app, KeyCode::Enter);
    let why = stats(&app).period_error().expect("refused");
    assert!(
        why.starts_with("From: \"31.2.2026\" is not a date"),
        "{why}"
    );
    assert!(screen(&app).contains("is not a date"));
    retype(&mut app, "1.6.2026");
    key(&mut app, KeyCode::Tab);
    retype(&mut app, "1.12.2026");
    key(&mut app, KeyCode::Enter);
    let why = stats(&app).period_error().expect("refused");
    assert!(
        why.starts_with("To: the period cannot end after today"),
        "{why}"
    );
    retype(&mut app, "2026-03-01");
    key(&mut app, KeyCode::Enter);
    let why = stats(&app).period_error().expect("refused");
    assert_eq!(why, "From (1.6.2026) is after To (1.3.2026)");
    // Nothing was worked out while the dates were wrong.
    assert_eq!(stats(&app).period().from, day(2025, 11, 24));
    // The refusal put the cursor in the field it names.
    retype(&mut app, "1.1.2026");
    key(&mut app, KeyCode::Enter);
    let s = stats(&app);
    assert!(!s.shows_period_form());
    assert_eq!(s.period().from, day(2026, 1, 1));
    assert_eq!(s.period().to, day(2026, 3, 1));
    assert_eq!(s.health().map(|h| h.period), Some(s.period()));
    assert_eq!(s.months().last().map(|m| m.day), Some(day(2026, 3, 1)));
    // Esc leaves a form without changing the period.
    type_text(&mut app, "p");
    retype(&mut app, "1.1.2020");
    key(&mut app, KeyCode::Esc);
    assert!(!stats(&app).shows_period_form());
    assert_eq!(stats(&app).period().from, day(2026, 1, 1));
}

/// The filled club with answers in three months, so the NPS chart has a line.
fn trend_club(lang: &str) -> App {
    let ctx = club_ctx(lang, true);
    for (date, score) in [("2026-08-10", 10), ("2026-09-10", 2), ("2026-10-10", 9)] {
        let at = regulars::clock::parse_day(date)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        db::feedback::insert(&ctx.conn, Some(2), Answer::Nps(score), at, "counter").unwrap();
    }
    open_stats(ctx)
}

/// Down to `figure` from the top.
fn select(app: &mut App, figure: Figure) {
    while stats(app).selected() != figure {
        key(app, KeyCode::Down);
    }
}

#[test]
fn the_chart_follows_the_selected_figure_to_churn_and_nps() {
    let mut app = trend_club("en");
    assert!(screen(&app).contains("Last 12 months"));
    let months = stats(&app).months();
    // The members were active a year ago (a visit on 1 Nov 2025) and not
    // at the end of November 2025 or later: December's start counts them.
    let nps: Vec<Option<f64>> = months.iter().map(|m| m.nps).collect();
    assert_eq!(nps[8..11], [Some(100.0), Some(-100.0), Some(100.0)]);
    select(&mut app, Figure::Churn);
    let shown = screen(&app);
    assert!(shown.contains("Churn by month"), "{shown}");
    assert!(!shown.contains("Last 12 months"), "{shown}");
    select(&mut app, Figure::Nps);
    let shown = screen(&app);
    assert!(shown.contains("NPS by month"), "{shown}");
    assert!(
        shown.contains("━ NPS not defined"),
        "no answer in November: {shown}"
    );
}

#[test]
fn in_hebrew_the_time_axis_runs_right_to_left() {
    // The axis names the oldest month (December) and the newest (November).
    let en = screen(&club("en", true));
    let axis = en.lines().find(|l| l.contains("Dec") && l.contains("Nov"));
    let axis = axis.expect("the axis labels");
    assert!(axis.find("Dec") < axis.find("Nov"), "{axis}");
    let he = screen(&club("he", true));
    let axis = he
        .lines()
        .find(|l| l.contains("דצמ׳") && l.contains("נוב׳"));
    let axis = axis.expect("the axis labels");
    assert!(
        axis.find("נוב׳") < axis.find("דצמ׳"),
        "newest at the left: {axis}"
    );
}

/// The seeded club whose new members named sources or were brought.
fn sources_club(lang: &str) -> App {
    let ctx = club_ctx(lang, false);
    for sql in [
        "UPDATE members SET source = 'walked past' WHERE id IN (2, 3)",
        "UPDATE members SET source = 'social media' WHERE id = 4",
        "UPDATE members SET referred_by = 1 WHERE id IN (5, 6)",
        "UPDATE members SET referred_by = 2 WHERE id = 7",
    ] {
        ctx.conn.execute(sql, []).unwrap();
    }
    open_stats(ctx)
}

#[test]
fn tab_turns_to_the_sources_page_and_back() {
    let mut app = sources_club("en");
    key(&mut app, KeyCode::Tab);
    assert_eq!(stats(&app).page(), Page::Sources);
    let shown = screen(&app);
    let line = |text: &str| {
        let found = shown.lines().find(|l| l.contains(text));
        found
            .unwrap_or_else(|| panic!("{text}: {shown}"))
            .to_string()
    };
    // Željko and Marko walked past (Željko's visit €12.50); 王小明 came
    // from social media (a visit too).
    let walked = line("walked past");
    assert!(
        walked.contains(" 2 ") && walked.contains("€12.50"),
        "{walked}"
    );
    assert!(line("social media").contains("€12.50"));
    assert!(line("Ana Kovač (#1)").contains(" 2"));
    assert!(line("Željko Đurić (#2)").contains(" 1"));
    assert!(!shown.contains("Retention rate"));
    // Enter does nothing here; Tab goes on to the events, then back to
    // the figures.
    key(&mut app, KeyCode::Enter);
    assert!(!stats(&app).showing_formula());
    key(&mut app, KeyCode::Tab);
    assert_eq!(stats(&app).page(), Page::Events);
    key(&mut app, KeyCode::Tab);
    assert_eq!(stats(&app).page(), Page::Figures);
}

#[test]
fn an_empty_sources_page_says_so() {
    let mut app = club("en", true);
    key(&mut app, KeyCode::Tab);
    let shown = screen(&app);
    assert!(
        shown.contains("No new member of the period named a source."),
        "{shown}"
    );
    assert!(shown.contains("was brought by a member"), "{shown}");
}

#[test]
fn the_new_pages_in_every_language() {
    for lang in LANGUAGES {
        let mut period = club(lang, true);
        type_text(&mut period, "p");
        retype(&mut period, "31.2.2026");
        key(&mut period, KeyCode::Enter);
        let shown = screen(&period);
        assert!(stats(&period).period_error().is_some(), "{lang}");
        assert_fits(&shown, &format!("period in {lang}"));
        assert_no_key(&shown, &format!("period in {lang}"));
        insta::assert_snapshot!(format!("stats_period@{lang}"), shown);

        let mut trend = trend_club(lang);
        select(&mut trend, Figure::Churn);
        let shown = screen(&trend);
        assert_fits(&shown, &format!("churn chart in {lang}"));
        assert_no_key(&shown, &format!("churn chart in {lang}"));
        insta::assert_snapshot!(format!("stats_churn@{lang}"), shown);
        select(&mut trend, Figure::Nps);
        let shown = screen(&trend);
        assert_fits(&shown, &format!("NPS chart in {lang}"));
        assert_no_key(&shown, &format!("NPS chart in {lang}"));
        insta::assert_snapshot!(format!("stats_nps@{lang}"), shown);

        let mut sources = sources_club(lang);
        key(&mut sources, KeyCode::Tab);
        let shown = screen(&sources);
        assert_fits(&shown, &format!("sources in {lang}"));
        assert_no_key(&shown, &format!("sources in {lang}"));
        insta::assert_snapshot!(format!("stats_sources@{lang}"), shown);
    }
}
