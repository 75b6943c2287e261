//! Two or three branches of one chain, each with its own club file, synced
//! through a throwaway PostgreSQL with the real binary: members, receipts,
//! points and consent end up the same in every branch.

mod sync_support;

use serde_json::Value;
use sync_support::{Shop, chain_of, json, total};

const TILL_A: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-10-17T19:10:43,154.00,,,C-1,Bread,1,154.00
R2,2026-11-02T15:08:34,72.13,,,C-1,Crayons,2,72.13
R3,2026-11-05T20:10:43,-54.00,,,C-1,Bread,-1,-54.00
";

/// The same till's export as branch B got it: R2 and R3 again, and R4.
const TILL_B: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R2,2026-11-02T15:08:34,72.13,,,C-1,Crayons,2,72.13
R3,2026-11-05T20:10:43,-54.00,,,C-1,Bread,-1,-54.00
R4,2026-11-06T10:00:00,12.00,,,C-1,Tea,1,12.00
";

fn add(shop: &Shop, args: &[&str]) -> Value {
    json(shop.run().args(["member", "add"]).args(args).arg("--json"))
}

fn import(shop: &Shop, text: &str) {
    let till = sync_support::write(&shop.dir, "till.csv", text);
    shop.run().arg("import").arg(&till).assert().success();
}

fn balance(shop: &Shop, key: &str) -> i64 {
    json(shop.run().args(["points", key, "--json"]))["balance"]
        .as_i64()
        .unwrap()
}

#[test]
fn a_signup_in_one_branch_is_found_in_the_other_and_a_second_sync_moves_nothing() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (a, b) = (&shops[0], &shops[1]);
    add(
        a,
        &[
            "--first",
            "Ana",
            "--last",
            "Kovač",
            "--phone",
            "091 234 5678",
        ],
    );
    let first = a.sync();
    assert_eq!(first["pushed"]["members"], 1);
    assert_eq!(first["shop"], "Centre");
    let pulled = b.sync();
    assert_eq!(pulled["pulled"]["members"], 1);
    let ana = b.member("+385912345678");
    assert_eq!(ana["first_name"], "Ana");
    assert_eq!(ana["family_name"], "Kovač");
    for shop in [a, b, a, b] {
        let again = shop.sync();
        assert_eq!(total(&again["pushed"]), 0, "{again}");
        assert_eq!(total(&again["pulled"]), 0, "{again}");
    }
    // The member pulled carries the branch that signed them up.
    assert_eq!(
        b.query_i64("SELECT count(*) FROM members WHERE shop = 'Centre'"),
        1
    );
}

#[test]
fn the_same_export_imported_in_two_branches_counts_once_with_equal_points() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (a, b) = (&shops[0], &shops[1]);
    add(a, &["--first", "Ana", "--card", "C-1"]);
    a.sync();
    b.sync();
    import(a, TILL_A);
    import(b, TILL_B);
    let sent_a = a.sync();
    assert_eq!(sent_a["pushed"]["receipts"], 3);
    let b_done = b.sync();
    // R2 and R3 were on the server already: only R4 is new.
    assert_eq!(b_done["pushed"]["receipts"], 1, "{b_done}");
    assert_eq!(b_done["pulled"]["receipts"], 1, "{b_done}");
    let a_done = a.sync();
    assert_eq!(a_done["pulled"]["receipts"], 1, "{a_done}");
    for shop in [a, b] {
        assert_eq!(shop.query_i64("SELECT count(*) FROM receipts"), 4);
    }
    // 50 for signing up, then 154 + 72 - 54 + 12 spent.
    assert_eq!(balance(a, "C-1"), 50 + 154 + 72 - 54 + 12);
    assert_eq!(balance(a, "C-1"), balance(b, "C-1"));
    // R1 came from Centre: Harbour knows the branch of the visit.
    assert_eq!(
        b.query_i64("SELECT count(*) FROM receipts WHERE till_id = 'R1' AND shop = 'Centre'"),
        1
    );
}

#[test]
fn a_withdrawal_in_one_branch_beats_an_older_grant_in_the_other() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (a, b) = (&shops[0], &shops[1]);
    add(
        a,
        &[
            "--first",
            "Ana",
            "--phone",
            "091 234 5678",
            "--consent",
            "sms",
        ],
    );
    a.sync();
    b.sync();
    // Harbour hears on the 25th that Ana wants no more texts; Centre,
    // offline, had her agree again on the 24th.
    sync_support::regulars_on_day(&b.dir, "2026-11-25")
        .args(["consent", "+385912345678", "--withdraw", "sms"])
        .assert()
        .success();
    sync_support::regulars_on_day(&a.dir, "2026-11-24")
        .args(["consent", "+385912345678", "--grant", "sms,email"])
        .assert()
        .success();
    a.sync();
    let b_done = b.sync();
    assert!(
        b_done["pulled"]["consents"].as_i64().unwrap() >= 1,
        "{b_done}"
    );
    a.sync();
    for shop in [a, b] {
        let ana = shop.member("+385912345678");
        assert_eq!(ana["consent"]["sms"], false, "{}", shop.name);
        assert_eq!(ana["consent"]["email"], true, "{}", shop.name);
        let out = shop.dir.path().join("sms.csv");
        shop.run()
            .args(["export", "contacts", "--channel", "sms", "--out"])
            .arg(&out)
            .assert()
            .success();
        let list = std::fs::read_to_string(&out).unwrap();
        assert!(!list.contains("Ana"), "{}: {list}", shop.name);
    }
}

#[test]
fn member_details_merge_per_field_and_the_later_write_wins() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (a, b) = (&shops[0], &shops[1]);
    add(a, &["--first", "Ana", "--last", "Kovač", "--card", "C-1"]);
    a.sync();
    b.sync();
    // Offline: Centre changes the phone, Harbour the email; both the name,
    // Harbour a day later.
    let edit = |shop: &Shop, day: &str, args: &[&str]| {
        sync_support::regulars_on_day(&shop.dir, day)
            .args(["member", "edit", "C-1"])
            .args(args)
            .assert()
            .success();
    };
    edit(
        a,
        "2026-11-24",
        &["--phone", "091 111 1111", "--last", "Horvat"],
    );
    edit(b, "2026-11-24", &["--email", "ana@example.com"]);
    edit(b, "2026-11-25", &["--last", "Babić"]);
    a.sync();
    b.sync();
    a.sync();
    for shop in [a, b] {
        let ana = shop.member("C-1");
        assert_eq!(ana["phone"], "+385911111111", "{}", shop.name);
        assert_eq!(ana["email"], "ana@example.com", "{}", shop.name);
        assert_eq!(ana["family_name"], "Babić", "{}", shop.name);
    }
    // The same day on both: the shop name decides (Harbour after Centre).
    edit(a, "2026-11-26", &["--first", "Anna"]);
    edit(b, "2026-11-26", &["--first", "Ann"]);
    b.sync();
    a.sync();
    b.sync();
    for shop in [a, b] {
        assert_eq!(shop.member("C-1")["first_name"], "Ann", "{}", shop.name);
    }
}

#[test]
fn the_same_phone_signed_up_in_two_branches_offline_is_listed_as_a_duplicate() {
    let (_url, shops) = chain_of(&["Centre", "Harbour", "Market"]);
    let (a, b, c) = (&shops[0], &shops[1], &shops[2]);
    add(a, &["--first", "Ana", "--phone", "091 234 5678"]);
    add(
        b,
        &["--first", "Ana", "--last", "K.", "--phone", "091 234 5678"],
    );
    for shop in [a, b, c, a] {
        shop.sync();
    }
    for shop in [a, b, c] {
        // Shared contacts are something to look at: check ends with 1.
        let out = shop.run().args(["check", "--json"]).assert().code(1);
        let check: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let found = check["duplicates"].to_string();
        assert!(found.contains("+385912345678"), "{}: {check}", shop.name);
        assert_eq!(shop.query_i64("SELECT count(*) FROM members"), 2);
    }
}

#[test]
fn how_they_found_the_shop_and_a_calendar_birthday_travel_too() {
    let (_url, shops) = chain_of(&["Centre", "Harbour"]);
    let (a, b) = (&shops[0], &shops[1]);
    let hebrew = ["--birthday-calendar", "hebrew", "--birthday", "12 Tishrei"];
    add(
        a,
        &[
            &[
                "--first",
                "Lea",
                "--phone",
                "091 777 0001",
                "--source",
                "Social Media",
            ][..],
            &hebrew,
        ]
        .concat(),
    );
    a.sync();
    b.sync();
    let lea = b.member("+385917770001");
    assert_eq!(lea["birthday_calendar"], "hebrew", "{lea}");
    assert_eq!(lea["birthday_calendar_month"], "M01");
    assert_eq!(lea["birthday_calendar_day"], 12);
    assert_eq!(
        b.query_i64("SELECT count(*) FROM members WHERE lower(source) = 'social media'"),
        1
    );

    // An edit in the other branch comes back the same way.
    b.run()
        .args([
            "member",
            "edit",
            "+385917770001",
            "--birthday-calendar",
            "chinese",
            "--birthday",
            "15.8",
        ])
        .assert()
        .success();
    assert_eq!(b.sync()["pushed"]["members"], 1);
    a.sync();
    let lea = a.member("+385917770001");
    assert_eq!(lea["birthday_calendar"], "chinese", "{lea}");
    assert_eq!(lea["birthday_calendar_month"], "M08");
    assert_eq!(lea["birthday_calendar_day"], 15);
    for shop in [a, b] {
        let again = shop.sync();
        assert_eq!(
            total(&again["pushed"]) + total(&again["pulled"]),
            0,
            "{again}"
        );
    }
}
