//! The app in one branch of a real chain (a throwaway PostgreSQL, as the
//! chain's other tests use): a member signed up in another branch shows
//! at this counter once the sync behind the screen has run, with no key
//! pressed, and the title bar says it synced.

mod sync_support;

use std::time::{Duration, Instant};

use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::ui::chain_sync::SyncStatus;
use regulars::ui::{App, Theme};
use sync_support::{TODAY, chain_of};

#[test]
fn a_signup_in_another_branch_reaches_this_counter_behind_the_screen() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (centre, harbour) = (&shops[0], &shops[1]);
    centre
        .run()
        .args([
            "member",
            "add",
            "--first",
            "Zora",
            "--last",
            "Perić",
            "--phone",
            "+385 91 555 0101",
        ])
        .assert()
        .success();
    centre.sync();

    // Harbour's app, on its own file and config, as the owner starts it.
    let db_path = harbour.dir.path().join("club.db");
    let config = Config::load(&harbour.dir.path().join("config.toml")).unwrap();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let ctx = Ctx::new(
        db::open(&db_path).unwrap(),
        Clock::fixed(today),
        config,
        Some(db_path),
    );
    let mut app = App::new(ctx, Theme::plain()).unwrap();
    app.start_chain_sync();
    assert_eq!(app.sync_status(), Some(&SyncStatus::Starting));

    let since = Instant::now();
    app.poll_work();
    while app.syncing() {
        assert!(since.elapsed() < Duration::from_secs(60), "the sync hangs");
        std::thread::sleep(Duration::from_millis(20));
        app.poll_work();
    }
    assert_eq!(app.sync_status(), Some(&SyncStatus::Synced { minutes: 0 }));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let text = terminal.backend().to_string();
    assert!(text.contains("synced just now"), "{text}");
    assert!(
        text.contains("Zora Perić"),
        "the pulled member is on the counter:\n{text}"
    );
}
