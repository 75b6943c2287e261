//! The weekly review's "next tier" list comes from the loyalty program: the
//! members within 10 % of their next tier, with the gap as the counter says
//! it, the same members in the same order as `regulars tiers` names them.

use std::path::Path;

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db::{self, loyalty, members};
use regulars::domain::loyalty_config::Amount;
use regulars::domain::member::MemberDraft;
use regulars::domain::money::Currency;
use regulars::domain::review::{NearTier, RowKind};
use regulars::words::loyalty::tier_gap;

const SHOP: &str = "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
[loyalty]\ngrace_days = 60\n\
[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin = 200\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn sale(conn: &rusqlite::Connection, member: i64, till_id: &str, total: i64) {
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
         VALUES ('generic', ?1, '2026-10-01', ?2, 'sale', ?3)",
        rusqlite::params![till_id, total, member],
    )
    .unwrap();
}

#[test]
fn members_close_to_the_next_tier_are_listed_with_the_gap() {
    let conn = db::open_in_memory().unwrap();
    let config = Config::parse(SHOP, Path::new("c.toml")).unwrap();
    let now = today().and_hms_opt(12, 0, 0).unwrap();
    let add = |first: &str| {
        let draft = MemberDraft {
            first_name: first.into(),
            family_name: "Horvat".into(),
            ..Default::default()
        };
        members::insert(&conn, &draft, &[], now).unwrap()
    };
    let (close, far) = (add("Ana"), add("Ivo"));
    sale(&conn, close, "1", 18_700); // €187 of €200: €13 to Silver
    sale(&conn, far, "2", 5_000);
    loyalty::recompute(&conn, &config.loyalty(), now).unwrap();

    let ctx = Ctx::new(conn, Clock::new(Some(today())), config, None);
    let review = regulars::ops::review::open(&ctx).unwrap();
    assert_eq!(review.near_total, 1);
    let NearTier::Members(rows) = review.near_tier else {
        panic!("tiers are set up")
    };
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].member_id, close);
    let RowKind::NearTier { gap } = &rows[0].kind else {
        panic!("a near-tier row: {:?}", rows[0].kind)
    };
    // The store gives the amount; the words are made where it is shown.
    assert_eq!(
        gap.missing,
        Amount::Money {
            minor: 1_300,
            currency: Currency::from_code("EUR").unwrap()
        }
    );
    assert_eq!(gap.tier, "Silver");
    assert_eq!(tier_gap(gap), "€13 to Silver");
}

#[test]
fn without_tiers_the_list_says_not_set_up() {
    let conn = db::open_in_memory().unwrap();
    let config = Config::parse(
        "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    let ctx = Ctx::new(conn, Clock::new(Some(today())), config, None);
    let review = regulars::ops::review::open(&ctx).unwrap();
    assert_eq!(review.near_tier, NearTier::NotSetUp);
}
