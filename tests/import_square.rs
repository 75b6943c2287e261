//! Square's real exports in a club on a real database file: a refund with
//! its own transaction id and no customer counts for the member of its
//! sale (in the same file, an earlier or a later one), Square's Customer
//! ID is the till customer and follows the member whose card it is seen
//! with, customer cells with empty slots name who they hold, and times are
//! stored in UTC from the row's time zone. The files are in
//! `tests/fixtures/square/`, newest row first as Square writes them.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use import_support::import_clean as import;
use proptest::prelude::*;
use regulars::context::Ctx;
use regulars::import::Confirmed;
use regulars::import::sink::Control;
use regulars::ops::import::{Overrides, after_import, import_file, options};
use regulars::ops::loyalty::{self, IfBusy};
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up};
use regulars::ops::till_customers::{self, Identity};
use tempfile::TempDir;

mod import_support;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/square")
        .join(name)
}

/// A bakery in the United States, paid in dollars.
fn shop(dir: &TempDir) -> Ctx {
    import_support::shop(
        dir,
        "US",
        "USD",
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
}

/// A member with a club card, and the points they had before buying.
struct Member {
    id: i64,
    start: i64,
}

fn member(ctx: &Ctx, first: &str, family: &str, card: &str) -> Member {
    let input = MemberInput {
        first_name: first.into(),
        family_name: family.into(),
        card: card.into(),
        ..MemberInput::default()
    };
    let id = match sign_up(ctx, &input, IfDuplicate::Ask).unwrap() {
        Outcome::Saved(saved) => saved.id,
        other => panic!("{other:?}"),
    };
    Member {
        id,
        start: balance(ctx, id),
    }
}

fn balance(ctx: &Ctx, id: i64) -> i64 {
    loyalty::standing(ctx, id, IfBusy::Wait).unwrap().balance
}

/// The member's spend (minor units), points earned by buying, and visits.
fn figures(ctx: &Ctx, m: &Member) -> (i64, i64, i64) {
    let (spend, visits): (i64, i64) = ctx
        .conn
        .query_row(
            "SELECT CAST(total(total_minor) AS INTEGER),
                    count(DISTINCT CASE WHEN kind = 'sale' THEN local_date END)
             FROM receipts WHERE member_id = ?1",
            [m.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (spend, balance(ctx, m.id) - m.start, visits)
}

fn shop_spend(ctx: &Ctx) -> i64 {
    ctx.conn
        .query_row(
            "SELECT CAST(total(total_minor) AS INTEGER) FROM receipts",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_full_refund_with_its_own_transaction_id_takes_back_spend_and_points() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let emily = member(&ctx, "Emily", "Carter", "SQ-3001");
    let report = import(&mut ctx, &fixture("refund_same_file.csv"));
    assert_eq!((report.counts.receipts_new, report.counts.refunds), (2, 1));
    // $148.61 bought and all of it given back: nothing kept, one visit.
    assert_eq!(figures(&ctx, &emily), (0, 0, 1));
    assert_eq!(shop_spend(&ctx), 0);
}

#[test]
fn a_refund_finds_its_sale_in_an_earlier_or_a_later_file() {
    for files in [
        ["sale_march.csv", "refund_april.csv"],
        ["refund_april.csv", "sale_march.csv"],
    ] {
        let dir = TempDir::new().unwrap();
        let mut ctx = shop(&dir);
        let emily = member(&ctx, "Emily", "Carter", "SQ-3001");
        import(&mut ctx, &fixture(files[0]));
        import(&mut ctx, &fixture(files[1]));
        assert_eq!(figures(&ctx, &emily), (0, 0, 1), "{files:?}");
        // The refund is the till customer's too: no stranger is left over.
        let left = till_customers::unmatched(&ctx, 10).unwrap();
        assert!(left.is_empty(), "{files:?}: {left:?}");
    }
}

#[test]
fn a_customer_id_seen_beside_a_card_brings_the_earlier_files_receipts() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let james = member(&ctx, "James", "O'Brien", "SQ-3002");
    import(&mut ctx, &fixture("customer_id_march.csv"));
    assert_eq!(figures(&ctx, &james), (0, 0, 0));
    // March's till customer is listed by Square's id, with the name
    // without its empty slots; `, ` is nobody and is not listed.
    let listed = till_customers::unmatched(&ctx, 10).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].identity, Identity::TillCustomer);
    assert_eq!(listed[0].value, "CUSTJAMES0000000000000002");
    assert_eq!(listed[0].name.as_deref(), Some("James O'Brien"));
    assert_eq!((listed[0].receipts, listed[0].spend_minor), (2, 2069));
    // April's first row has the id and James's card (in slots): every
    // receipt with the id is his, March's and April's alike.
    import(&mut ctx, &fixture("customer_id_april.csv"));
    assert_eq!(
        figures(&ctx, &james),
        (1089 + 980 + 2178 + 544, 10 + 9 + 21 + 5, 4)
    );
    assert!(till_customers::unmatched(&ctx, 10).unwrap().is_empty());
    let linked = till_customers::linked_to(&ctx, james.id).unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].identity, Identity::TillCustomer);
    // Unlinking by hand gives back what came by the id, not the receipt with his card.
    till_customers::unlink(&ctx, Identity::TillCustomer, "CUSTJAMES0000000000000002").unwrap();
    assert_eq!(figures(&ctx, &james).0, 2178);
    // The `, ` receipt names nobody: no card, no till customer.
    let nobody: (Option<String>, Option<String>, Option<String>) = ctx
        .conn
        .query_row(
            "SELECT cust_card, cust_till_id, cust_name FROM receipts WHERE till_id = 'TC1000000001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(nobody, (None, None, None));
}

#[test]
fn a_file_read_again_links_the_customer_id_seen_beside_a_card() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let james = member(&ctx, "James", "O'Brien", "SQ-3002");
    import(&mut ctx, &fixture("customer_id_march.csv"));
    import(&mut ctx, &fixture("customer_id_april.csv"));
    let (spend, _, visits) = figures(&ctx, &james);
    assert_eq!((spend, visits), (1089 + 980 + 2178 + 544, 4));
    // As a reading that saw neither April's card nor its Customer ID left
    // it (an older version did): no member, no link.
    ctx.conn
        .execute_batch(
            "UPDATE receipts SET cust_card = NULL, cust_till_id = NULL
               WHERE till_id IN ('TB2000000001', 'TB2000000002');
             UPDATE receipts SET member_id = NULL;
             DELETE FROM customer_links;",
        )
        .unwrap();
    assert_eq!(figures(&ctx, &james).0, 0);
    // Read again, April's card is James's and the Customer ID beside it is
    // linked to him: April's other receipt and March's are his again.
    let opts = options(&ctx, &Overrides::default()).unwrap();
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    let confirmed = Confirmed {
        again: true,
        ..Confirmed::default()
    };
    let now = ctx.clock.now();
    let path = fixture("customer_id_april.csv");
    let report = import_file(&mut ctx.conn, &path, &opts, now, control, confirmed).unwrap();
    let again = report.again.unwrap();
    assert_eq!((again.receipts_matched, again.receipts_unmatched), (2, 0));
    assert_eq!(report.counts.customers_unmatched, 0);
    after_import(&ctx).unwrap();
    let (spend, _, visits) = figures(&ctx, &james);
    assert_eq!((spend, visits), (1089 + 980 + 2178 + 544, 4));
    let linked = till_customers::linked_to(&ctx, james.id).unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].value, "CUSTJAMES0000000000000002");
}

#[test]
fn a_receipt_completed_by_a_later_file_links_the_customer_id_beside_its_card() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let james = member(&ctx, "James", "O'Brien", "SQ-3002");
    let april = std::fs::read_to_string(fixture("customer_id_april.csv")).unwrap();
    let mut rows = april.lines();
    let header = rows.next().unwrap();
    let with_card = rows.find(|r| r.contains("TB2000000001")).unwrap();
    // First a file cut off after the receipt's first line, without the
    // card; then the whole receipt, a second line and the card.
    let first = format!("{header}\n{}\n", with_card.replace("\", , SQ-3002\"", ""));
    let second_line = with_card
        .replace("Sourdough", "Rye")
        .replace("$20.00", "$4.00")
        .replace("$1.78", "$0.36");
    let whole = format!("{header}\n{second_line}\n{with_card}\n");
    let (cut, complete) = (dir.path().join("cut.csv"), dir.path().join("whole.csv"));
    std::fs::write(&cut, first).unwrap();
    std::fs::write(&complete, whole).unwrap();
    import(&mut ctx, &cut);
    assert_eq!(figures(&ctx, &james).0, 0);
    let report = import(&mut ctx, &complete);
    assert_eq!(report.counts.receipts_completed, 1);
    assert_eq!(figures(&ctx, &james).0, 2000 + 178 + 400 + 36);
    let linked = till_customers::linked_to(&ctx, james.id).unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].value, "CUSTJAMES0000000000000002");
}

#[test]
fn times_are_stored_in_utc_from_the_rows_time_zone() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let report = import(&mut ctx, &fixture("zones.csv"));
    let at = |id: &str| -> (Option<String>, String) {
        ctx.conn
            .query_row(
                "SELECT at_utc, local_date FROM receipts WHERE till_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let utc = |s: &str| Some(s.to_string());
    // Winter and summer in Los Angeles; a late evening in New York is the
    // next day in UTC and still its own local day for visits.
    assert_eq!(
        at("TZ1000000001"),
        (utc("2026-01-13T00:51:55Z"), "2026-01-12".into())
    );
    assert_eq!(
        at("TZ1000000002"),
        (utc("2026-07-12T23:51:55Z"), "2026-07-12".into())
    );
    assert_eq!(
        at("TZ1000000003"),
        (utc("2026-07-13T03:30:00Z"), "2026-07-12".into())
    );
    // A zone the app does not know: stored with its local time only, and
    // said once, naming the line (newest first: the 14th is line 2) and column.
    assert_eq!(at("TZ1000000004"), (None, "2026-07-13".into()));
    let said: Vec<&String> = report
        .notes
        .iter()
        .filter(|n| n.contains("Atlantis Standard Time"))
        .collect();
    assert_eq!(said.len(), 1, "{:?}", report.notes);
    assert!(
        said[0].contains("Line 2:") && said[0].contains("Time Zone"),
        "{said:?}"
    );
}

/// The mixed file's members after importing it with its data rows in `order`.
fn mixed_in_order(order: &[usize]) -> [(i64, i64, i64); 2] {
    let text = std::fs::read_to_string(fixture("mixed.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut shuffled = String::from(header);
    for &i in order {
        shuffled.push('\n');
        shuffled.push_str(rows[i]);
    }
    shuffled.push('\n');
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("items.csv");
    std::fs::write(&file, shuffled).unwrap();
    let mut ctx = shop(&dir);
    let emily = member(&ctx, "Emily", "Carter", "SQ-3001");
    let james = member(&ctx, "James", "O'Brien", "SQ-3002");
    import(&mut ctx, &file);
    [figures(&ctx, &emily), figures(&ctx, &james)]
}

const MIXED_ROWS: usize = 12;

#[test]
fn the_mixed_file_as_square_writes_it() {
    let order: Vec<usize> = (0..MIXED_ROWS).collect();
    let [emily, james] = mixed_in_order(&order);
    // Emily: $148.61 bought and refunded by its own transaction; $32.66 on
    // a split payment, $10.89 of it refunded against one of its payments.
    assert_eq!(emily, (3266 - 1089, 32 - 10, 2));
    // James: $10.89 under his Customer ID only, $21.78 with his card and
    // the id, $5.44 by the id alone and refunded by the same transaction
    // id with no customer, $16.33 in summer.
    assert_eq!(james, (1089 + 2178 + 1633, 10 + 21 + 16, 4));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn the_rows_order_does_not_change_who_bought_what(
        order in Just((0..MIXED_ROWS).collect::<Vec<usize>>()).prop_shuffle()
    ) {
        let straight: Vec<usize> = (0..MIXED_ROWS).collect();
        prop_assert_eq!(mixed_in_order(&order), mixed_in_order(&straight));
    }
}

#[test]
fn a_member_signed_up_later_with_the_card_gets_the_till_customers_receipts() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    import(&mut ctx, &fixture("customer_id_march.csv"));
    import(&mut ctx, &fixture("customer_id_april.csv"));
    // Nobody has card SQ-3002 yet: James is one till customer, listed once
    // by Square's id though one receipt also shows the card.
    let listed = till_customers::unmatched(&ctx, 10).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].identity, Identity::TillCustomer);
    assert_eq!(listed[0].receipts, 4);
    let james = member(&ctx, "James", "O'Brien", "SQ-3002");
    let (spend, _, visits) = figures(&ctx, &james);
    assert_eq!((spend, visits), (1089 + 980 + 2178 + 544, 4));
    assert!(till_customers::unmatched(&ctx, 10).unwrap().is_empty());
}

#[test]
fn an_erased_member_leaves_no_till_customer_id_behind() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let james = member(&ctx, "James", "O'Brien", "SQ-3002");
    import(&mut ctx, &fixture("customer_id_march.csv"));
    import(&mut ctx, &fixture("customer_id_april.csv"));
    assert_eq!(figures(&ctx, &james).2, 4);
    regulars::ops::erase::erase_member(&ctx, james.id)
        .unwrap()
        .expect("erased");
    let named: i64 = ctx
        .conn
        .query_row(
            "SELECT count(*) FROM receipts WHERE cust_till_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(named, 0);
    assert!(till_customers::unmatched(&ctx, 10).unwrap().is_empty());
}
