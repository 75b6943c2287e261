//! An erasure and a merge made in one branch reach every branch at its
//! next sync, through the same operations as at the counter.

mod sync_support;

use sync_support::{Shop, chain_of, json};

fn add(shop: &Shop, args: &[&str]) {
    shop.run()
        .args(["member", "add"])
        .args(args)
        .assert()
        .success();
}

#[test]
fn an_erasure_in_one_branch_erases_the_member_everywhere_and_their_contacts_stay_blocked() {
    let (url, shops) = chain_of(&["Centre", "Harbour"]);
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
    a.run()
        .args(["child", "add", "+385912345678", "--name", "Noa"])
        .assert()
        .success();
    a.sync();
    assert_eq!(b.sync()["pulled"]["family"], 1);
    a.run()
        .args(["member", "erase", "+385912345678", "--yes"])
        .assert()
        .success();
    assert_eq!(a.sync()["pushed"]["erasures"], 1);
    let pulled = b.sync();
    assert_eq!(pulled["pulled"]["erasures"], 1, "{pulled}");
    b.run()
        .args(["member", "show", "+385912345678"])
        .assert()
        .code(1);
    assert_eq!(b.query_i64("SELECT count(*) FROM children"), 0);
    assert_eq!(
        b.query_i64("SELECT count(*) FROM members WHERE erased_at IS NOT NULL"),
        1
    );
    // The chain has one suppression key: a new signup with the phone in
    // Harbour starts without consent, as it would in Centre.
    let again = json(b.run().args([
        "member",
        "add",
        "--first",
        "Ana",
        "--phone",
        "091 234 5678",
        "--consent",
        "sms",
        "--json",
    ]));
    assert_eq!(again["consent"]["sms"], false, "{again}");
    // And the server keeps no name or phone of hers.
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let left: i64 = client
        .query_one(
            "SELECT count(*) FROM chain_members WHERE value::text LIKE '%912345678%' OR value::text LIKE '%Ana%'",
            &[],
        )
        .unwrap()
        .get(0);
    // Only Harbour's new signup, not yet synced, could be there: none.
    assert_eq!(left, 0);
}

#[test]
fn a_merge_in_one_branch_merges_the_same_two_members_everywhere() {
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
    add(
        b,
        &[
            "--first",
            "Ana",
            "--last",
            "Kovač",
            "--email",
            "ana@example.com",
        ],
    );
    a.sync();
    b.sync();
    a.sync();
    // In Centre, 1 is its own Ana and 2 the one from Harbour.
    a.run()
        .args(["member", "merge", "1", "2", "--yes"])
        .assert()
        .success();
    assert_eq!(a.sync()["pushed"]["merges"], 1);
    b.sync();
    a.sync();
    for shop in [a, b] {
        assert_eq!(
            shop.query_i64("SELECT count(*) FROM members WHERE erased_at IS NULL"),
            1,
            "{}",
            shop.name
        );
        let ana = shop.member("+385912345678");
        assert_eq!(ana["email"], "ana@example.com", "{}", shop.name);
    }
}
