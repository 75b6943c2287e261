//! The Stats screen, opened with `a` from the counter's list: the figures
//! of the last 12 months, the period moved by a month with `[` and `]`, an
//! undefined figure said in words, Enter on a figure showing how it is
//! worked out, and the chart of the last 12 months. Snapshots at 80×24 in
//! every language: filled, with undefined figures, and a formula.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::club_health::Answer;
use regulars::i18n::t;
use regulars::ui::App;
use regulars::ui::screens::stats::{Figure, StatsState};
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club in `lang`; `filled` adds visits a year ago (so members
/// were active when the period began) and feedback answers.
fn club(lang: &str, filled: bool) -> App {
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
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "a");
    app
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
