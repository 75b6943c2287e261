//! The chain's sync behind the screen: the title bar says how it stands
//! ("synced 2 min ago", "offline since 12:00") in every language, a
//! server that does not answer is said once on the message line without
//! its password, and keys keep working meanwhile. A single shop's title
//! bar is unchanged (the other screens' snapshots show it).

mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::context::Ctx;
use regulars::db;
use regulars::ui::chain_sync::SyncStatus;
use regulars::ui::{App, Theme};
use tempfile::TempDir;
use tui_support::*;

/// Port 1 on this machine: nothing listens, so a connection is refused at once.
const DEAD_SERVER: &str = "postgres://harbour:s3cret@127.0.0.1:1/club";

/// The seeded club copied into a file (the sync runs beside the app only
/// for a club in a file), as the branch "Harbour" of a chain at `url`.
fn branch(dir: &Path, url: &str, lang: &str) -> App {
    let db_path = dir.join("club.db");
    let seeded = seeded_ctx();
    seeded
        .conn
        .execute("VACUUM INTO ?1", [db_path.to_str().unwrap()])
        .unwrap();
    let mut config = config("HR");
    config.shop.locale = lang.into();
    config.sync.url = url.into();
    config.sync.shop = "Harbour".into();
    let ctx = Ctx::new(
        db::open(&db_path).unwrap(),
        Clock::fixed(today()),
        config,
        Some(db_path.clone()),
    );
    let mut app = App::new(ctx, Theme::plain()).unwrap();
    app.start_chain_sync();
    app
}

fn wait_for_sync(app: &mut App) {
    let since = Instant::now();
    app.poll_work();
    while app.syncing() {
        assert!(since.elapsed() < Duration::from_secs(30), "sync hangs");
        std::thread::sleep(Duration::from_millis(10));
        app.poll_work();
    }
}

#[test]
fn the_title_bar_says_how_the_sync_stands_in_every_language() {
    let since = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(10, 42, 0)
        .unwrap();
    for lang in ["en", "he", "hr", "zh", "th"] {
        let dir = TempDir::new().unwrap();
        let mut app = branch(dir.path(), DEAD_SERVER, lang);
        app.set_sync_status(SyncStatus::Synced { minutes: 2 });
        insta::assert_snapshot!(format!("synced_{lang}"), screen(&app));
        app.set_sync_status(SyncStatus::Offline { since });
        let offline = screen(&app);
        let title = offline.lines().next().unwrap().to_string();
        insta::assert_snapshot!(format!("offline_title_{lang}"), title);
    }
}

#[test]
fn a_server_that_does_not_answer_is_said_once_and_keys_keep_working() {
    let dir = TempDir::new().unwrap();
    let mut app = branch(dir.path(), DEAD_SERVER, "en");
    assert_eq!(app.sync_status(), Some(&SyncStatus::Starting));
    wait_for_sync(&mut app);
    let noon = today().and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(
        app.sync_status(),
        Some(&SyncStatus::Offline { since: noon })
    );
    let text = screen(&app);
    assert!(
        text.lines().next().unwrap().contains("offline since 12:00"),
        "{text}"
    );
    let said = app.message().expect("the failure is said");
    assert!(said.contains("127.0.0.1"), "{said}");
    assert!(
        !text.contains("s3cret") && !said.contains("s3cret"),
        "{said}"
    );
    // The counter works as before: a search finds a member.
    type_text(&mut app, "ana");
    assert!(screen(&app).contains("Ana Kovač"), "{}", screen(&app));
}

#[test]
fn a_single_shop_never_syncs() {
    let dir = TempDir::new().unwrap();
    let mut app = branch(dir.path(), "", "en");
    assert_eq!(app.sync_status(), None);
    app.poll_work();
    assert!(!app.syncing());
    assert!(!screen(&app).lines().next().unwrap().contains("sync"));
}

#[test]
fn a_new_branch_is_welcomed_without_demo_members() {
    let dir = TempDir::new().unwrap();
    let db_path = dir.path().join("club.db");
    let mut config = config("HR");
    config.sync.url = DEAD_SERVER.into();
    config.sync.shop = "Harbour".into();
    let ctx = Ctx::new(
        db::open(&db_path).unwrap(),
        Clock::fixed(today()),
        config,
        Some(db_path.clone()),
    );
    let mut app = App::new(ctx, Theme::plain()).unwrap();
    let text = screen(&app);
    assert!(!text.contains("demo members to try"), "{text}");
    insta::assert_snapshot!("welcome_in_a_chain_en", text);
    // `d` does nothing here: no member is made.
    type_text(&mut app, "d");
    assert!(!screen(&app).contains("Loading"), "{}", screen(&app));
    assert_eq!(
        app.conn()
            .query_row("SELECT count(*) FROM members", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        0
    );
}
