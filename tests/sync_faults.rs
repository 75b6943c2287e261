//! What goes wrong between branches: a server that cannot be reached, a
//! sync killed half-way, two branches syncing at the same moment, a server
//! set up by a newer app. Each ends with every branch holding the same
//! club, nothing lost and nothing counted twice.

mod sync_support;

use std::process::Stdio;

use sync_support::{Shop, chain_of, json, new_chain, process, stderr_of, total, write_config};

/// What a branch holds, to compare branches: members not erased, receipts,
/// lines, the sum of all points, consent records.
fn holdings(shop: &Shop) -> [i64; 5] {
    [
        shop.query_i64("SELECT count(*) FROM members WHERE erased_at IS NULL"),
        shop.query_i64("SELECT count(*) FROM receipts"),
        shop.query_i64("SELECT count(*) FROM lines"),
        shop.query_i64("SELECT coalesce(sum(delta), 0) FROM points"),
        shop.query_i64("SELECT count(*) FROM consents"),
    ]
}

/// Demo members in a branch's file, made as a single shop would (a
/// branch refuses them: they would travel), then sent by the next sync.
fn demo(shop: &Shop, members: &str) {
    let dir = shop.dir.path();
    let config = std::fs::read_to_string(dir.join("config.toml")).unwrap();
    let solo = dir.join("solo.toml");
    std::fs::write(&solo, config.split("[sync]").next().unwrap()).unwrap();
    assert_cmd::Command::cargo_bin("regulars")
        .unwrap()
        .env_clear()
        .env("LANG", "C.UTF-8")
        .env("HOME", dir)
        .arg("--db")
        .arg(dir.join("club.db"))
        .arg("--config")
        .arg(&solo)
        .args([
            "--today",
            sync_support::TODAY,
            "demo",
            "--members",
            members,
            "--yes",
        ])
        .assert()
        .success();
}

/// Brings every points ledger up to date (points are worked out when read).
fn settle(shop: &Shop) {
    json(shop.run().args(["tiers", "--json"]));
}

#[test]
fn an_offline_branch_keeps_working_names_the_server_without_its_password_and_catches_up() {
    let url = new_chain();
    let a = Shop::new(&url, "Centre");
    a.run().args(["sync", "--init"]).assert().success();
    let b = Shop::new(&url, "Harbour");
    // Centre's line is down: a port nothing listens on, with a password.
    let down = "postgres://shop:s3cret@127.0.0.1:1/chain?sslmode=disable";
    write_config(
        &a.dir,
        &format!("[sync]\nurl = \"{down}\"\nshop = \"Centre\"\n"),
    );
    a.run()
        .args([
            "member",
            "add",
            "--first",
            "Ana",
            "--phone",
            "+385912345678",
        ])
        .assert()
        .success();
    let line = stderr_of(a.run().arg("sync"), 1);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.contains("postgres://shop:***@127.0.0.1:1/chain"),
        "{line}"
    );
    assert!(!line.contains("s3cret"), "{line}");
    // The counter works on.
    a.run()
        .args([
            "member",
            "add",
            "--first",
            "Ivo",
            "--phone",
            "+385919999999",
        ])
        .assert()
        .success();
    write_config(
        &a.dir,
        &format!("[sync]\nurl = \"{url}\"\nshop = \"Centre\"\n"),
    );
    assert_eq!(a.sync()["pushed"]["members"], 2);
    assert_eq!(b.sync()["pulled"]["members"], 2);
}

#[test]
fn without_a_chain_sync_says_how_to_set_one() {
    let dir = sync_support::club_with("[shop]\nname = \"Paws\"\n");
    let line = stderr_of(sync_support::regulars(&dir).arg("sync"), 1);
    assert!(line.contains("[sync] url"), "{line}");
    let named = sync_support::club_with("[sync]\nurl = \"postgres://a@127.0.0.1:1/c\"\n");
    let line = stderr_of(sync_support::regulars(&named).arg("sync"), 1);
    assert!(line.contains("[sync] shop"), "{line}");
}

#[test]
fn a_sync_killed_half_way_is_finished_exactly_by_the_next() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (a, b) = (&shops[0], &shops[1]);
    demo(a, "120");
    // Small batches, and the process stops dead after the third.
    let cut = |shop: &Shop, after: &str| {
        let out = process(&shop.dir, &["sync"])
            .env("REGULARS_SYNC_BATCH", "40")
            .env("REGULARS_SYNC_CUT_AFTER", after)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(!out.success(), "the sync was cut");
    };
    cut(a, "3");
    cut(a, "2");
    let finished = json(
        a.run()
            .args(["sync", "--json"])
            .env("REGULARS_SYNC_BATCH", "40"),
    );
    assert!(total(&finished["pushed"]) > 0, "{finished}");
    cut(b, "2");
    cut(b, "4");
    b.run()
        .args(["sync"])
        .env("REGULARS_SYNC_BATCH", "40")
        .assert()
        .success();
    settle(a);
    settle(b);
    assert_eq!(holdings(a), holdings(b));
    for shop in [a, b] {
        let again = shop.sync();
        assert_eq!(
            total(&again["pushed"]) + total(&again["pulled"]),
            0,
            "{again}"
        );
    }
}

#[test]
fn two_branches_syncing_at_once_end_with_one_club() {
    let (_url, shops) = chain_of(&["Centre", "Harbour", "Market"]);
    let (a, b, c) = (&shops[0], &shops[1], &shops[2]);
    demo(a, "150");
    for i in 0..30 {
        b.run()
            .args(["member", "add", "--first", &format!("Guest{i}")])
            .args(["--phone", &format!("+3859100000{i:02}")])
            .assert()
            .success();
    }
    let runs: Vec<_> = [a, b]
        .iter()
        .map(|shop| {
            process(&shop.dir, &["sync"])
                .env("REGULARS_SYNC_BATCH", "25")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for shop in [a, b, c] {
        shop.sync();
    }
    for shop in [a, b, c] {
        settle(shop);
    }
    assert_eq!(holdings(a), holdings(b));
    assert_eq!(holdings(a), holdings(c));
    assert_eq!(holdings(a)[0], 150 + 30);
}

#[test]
fn a_server_set_up_by_a_newer_app_is_refused() {
    let (url, shops) = chain_of(&["Centre"]);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute("UPDATE chain_meta SET schema_version = 99")
        .unwrap();
    for args in [&["sync"][..], &["sync", "--init"][..]] {
        let line = stderr_of(shops[0].run().args(args), 1);
        assert!(line.contains("newer version"), "{line}");
        assert!(line.contains("99"), "{line}");
    }
}

#[test]
fn a_server_without_the_chains_tables_asks_for_init() {
    let url = new_chain();
    let a = Shop::new(&url, "Centre");
    let line = stderr_of(a.run().arg("sync"), 1);
    assert!(line.contains("sync --init"), "{line}");
}
