//! Imports as the database sees them: one transaction per file, each
//! receipt once, members matched by card, phone, email (never by name),
//! and customers without a member listed and linked by hand.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{NaiveDate, NaiveDateTime};
use regulars::db::receipts::{
    self, Identity, ImportCounts, StoredCustomer, import_by_sha, link_customer, member_for,
    unmatched_customers,
};
use regulars::db::{members, open_in_memory};
use regulars::domain::member::MemberDraft;
use regulars::domain::money::Currency;
use regulars::error::Result;
use regulars::import::parse::Stamp;
use regulars::import::receipt::{Kind, Receipt};
use regulars::import::sink::{Control, Progress};
use regulars::import::{Options, Report, import_file};
use rusqlite::Connection;
use tempfile::TempDir;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn noon() -> NaiveDateTime {
    day().and_hms_opt(12, 0, 0).unwrap()
}

fn options(country: &str) -> Options {
    Options {
        format: None,
        encoding: None,
        country: country.into(),
        currency: Currency::from_code("EUR").unwrap(),
        max_receipt: regulars::config::DEFAULT_MAX_RECEIPT,
        today: day(),
        dry_run: false,
    }
}

fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(conn: &mut Connection, path: &Path, opts: &Options, cancel: bool) -> Result<Report> {
    let cancel = AtomicBool::new(cancel);
    let mut seen = Vec::new();
    let mut progress = |p: Progress| seen.push(p);
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    import_file(conn, path, opts, noon(), control)
}

fn member(
    conn: &Connection,
    first: &str,
    phone: Option<&str>,
    email: Option<&str>,
    card: Option<&str>,
) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        phone: phone.map(Into::into),
        email: email.map(Into::into),
        card: card.map(Into::into),
        ..MemberDraft::default()
    };
    members::insert(conn, &draft, &[], noon()).unwrap()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

const HEAD: &str = "receipt_id,time,total,phone,email,card,name,item,qty,amount\n";

#[test]
fn matching_goes_card_then_phone_then_email_and_never_by_name() {
    let dir = TempDir::new().unwrap();
    let mut conn = open_in_memory().unwrap();
    let ana = member(
        &conn,
        "Ana",
        Some("+385981112233"),
        Some("ana@example.hr"),
        None,
    );
    let ivo = member(&conn, "Ivo", Some("+385915550000"), None, Some("HR-9"));
    let text = format!(
        "{HEAD}R1,2026-03-01T10:00:00,10.00,098 111 2233,,HR-9,Ana,Tea,1,10.00\n\
         R2,2026-03-02T10:00:00,20.00,098 111 2233,ivo@example.hr,,Ivo,Tea,1,20.00\n\
         R3,2026-03-03T10:00:00,30.00,,ANA@Example.HR,,,Tea,1,30.00\n\
         R4,2026-03-04T10:00:00,40.00,,,,Ana,Tea,1,40.00\n"
    );
    let path = write(&dir, "a.csv", &text);
    let report = run(&mut conn, &path, &options("HR"), false).unwrap();
    assert_eq!(report.counts.receipts_new, 4);
    assert_eq!(
        members::purchase_summary(&conn, ivo).unwrap().1,
        1000,
        "the card wins over the phone"
    );
    assert_eq!(
        members::purchase_summary(&conn, ana).unwrap().1,
        5000,
        "phone, then email; never the name"
    );
}

#[test]
fn same_file_overlapping_file_dry_run_and_cancel() {
    let dir = TempDir::new().unwrap();
    let mut conn = open_in_memory().unwrap();
    let first = write(
        &dir,
        "march.csv",
        &format!(
            "{HEAD}R1,2026-03-01T10:00:00,10.00,,,,,Tea,1,10.00\nR2,2026-03-02T10:00:00,20.00,,,,,Tea,1,20.00\n"
        ),
    );
    let overlap = write(
        &dir,
        "march-april.csv",
        &format!(
            "{HEAD}R2,2026-03-02T10:00:00,20.00,,,,,Tea,1,20.00\nR3,2026-04-01T10:00:00,5.00,,,,,Tea,1,5.00\n"
        ),
    );

    let mut dry = options("HR");
    dry.dry_run = true;
    assert_eq!(
        run(&mut conn, &first, &dry, false)
            .unwrap()
            .counts
            .receipts_new,
        2
    );
    assert_eq!(
        (count(&conn, "receipts"), count(&conn, "imports")),
        (0, 0),
        "a dry run stores nothing"
    );

    let err = run(&mut conn, &first, &options("HR"), true).unwrap_err();
    assert!(err.to_string().contains("cancel"), "{err}");
    assert_eq!(
        (count(&conn, "receipts"), count(&conn, "imports")),
        (0, 0),
        "a cancelled import leaves nothing"
    );

    assert_eq!(
        run(&mut conn, &first, &options("HR"), false)
            .unwrap()
            .counts
            .receipts_new,
        2
    );
    let again = run(&mut conn, &first, &options("HR"), false).unwrap();
    assert!(again.already_imported);
    assert_eq!(
        (again.counts.receipts_new, again.counts.receipts_duplicate),
        (0, 2)
    );
    let later = run(&mut conn, &overlap, &options("HR"), false).unwrap();
    assert_eq!(
        (later.counts.receipts_new, later.counts.receipts_duplicate),
        (1, 1)
    );
    assert_eq!(count(&conn, "receipts"), 3);
}

#[test]
fn rows_of_a_receipt_apart_in_the_file_still_make_one_receipt() {
    let dir = TempDir::new().unwrap();
    let mut conn = open_in_memory().unwrap();
    let text = "Date,Time,Item,Qty,Net Sales,Tax,Transaction ID,Event Type,Customer Reference ID\n\
        2026-03-01,10:00:00,Bread,1,$4.00,$0.40,T1,Payment,\n\
        2026-03-01,11:00:00,Cake,1,$10.00,$1.00,T2,Payment,\n\
        2026-03-01,10:00:00,Butter,1,$2.00,$0.20,T1,Payment,\n";
    let path = write(&dir, "items.csv", text);
    let report = run(&mut conn, &path, &options("US"), false).unwrap();
    assert_eq!(report.counts.receipts_new, 2);
    let (total, lines): (i64, i64) = conn
        .query_row(
            "SELECT total_minor, (SELECT count(*) FROM lines WHERE receipt_id = r.id) FROM receipts r WHERE till_id = 'T1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((total, lines), (660, 2));
}

fn receipt(id: &str, date: u32, total: i64) -> Receipt {
    let when = Stamp {
        date: NaiveDate::from_ymd_opt(2026, 3, date).unwrap(),
        time: None,
        offset: None,
    };
    Receipt::new(id.into(), Kind::Sale, when, total)
}

#[test]
fn unmatched_customers_can_be_linked_and_then_match() {
    let conn = open_in_memory().unwrap();
    let ana = member(&conn, "Ana", Some("+385981112233"), None, None);
    assert_eq!(
        member_for(&conn, Identity::Phone, "+385981112233").unwrap(),
        Some(ana)
    );
    assert_eq!(
        member_for(&conn, Identity::Email, "ana@old.example").unwrap(),
        None
    );

    let import = receipts::begin_import(&conn, "a.csv", "sha", "generic", noon()).unwrap();
    let seen = StoredCustomer {
        email: Some("ana@old.example".into()),
        name: Some("Ana K".into()),
        ..StoredCustomer::default()
    };
    receipts::insert(
        &conn,
        "generic",
        &receipt("R1", 2, 500),
        &seen,
        None,
        import,
    )
    .unwrap();
    receipts::insert(
        &conn,
        "generic",
        &receipt("R2", 3, 700),
        &seen,
        None,
        import,
    )
    .unwrap();
    let nobody = StoredCustomer::default();
    receipts::insert(
        &conn,
        "generic",
        &receipt("R3", 3, 100),
        &nobody,
        None,
        import,
    )
    .unwrap();

    let unmatched = unmatched_customers(&conn, 10).unwrap();
    assert_eq!(unmatched.len(), 1);
    let u = &unmatched[0];
    assert_eq!(
        (u.identity, u.value.as_str(), u.name.as_deref()),
        (Identity::Email, "ana@old.example", Some("Ana K"))
    );
    assert_eq!((u.receipts, u.visits, u.spend_minor), (2, 2, 1200));
    assert_eq!(u.last_visit, NaiveDate::from_ymd_opt(2026, 3, 3));

    let linked = link_customer(&conn, Identity::Email, "ana@old.example", ana, noon()).unwrap();
    assert_eq!(linked, 2);
    assert!(unmatched_customers(&conn, 10).unwrap().is_empty());
    assert_eq!(members::purchase_summary(&conn, ana).unwrap().0, 2);
    // Later imports find the linked identity too.
    assert_eq!(
        member_for(&conn, Identity::Email, "ana@old.example").unwrap(),
        Some(ana)
    );
}

#[test]
fn a_member_who_signs_up_later_gets_their_earlier_receipts() {
    let dir = TempDir::new().unwrap();
    let mut conn = open_in_memory().unwrap();
    let text = format!(
        "{HEAD}R1,2026-03-01T10:00:00,10.00,098 111 2233,,,Ana,Tea,1,10.00\n\
         R2,2026-03-02T10:00:00,20.00,,,,Ana,Tea,1,20.00\n"
    );
    let path = write(&dir, "a.csv", &text);
    run(&mut conn, &path, &options("HR"), false).unwrap();
    let ana = member(&conn, "Ana", Some("+385981112233"), None, None);
    assert_eq!(members::purchase_summary(&conn, ana).unwrap().1, 0);
    assert_eq!(receipts::claim_receipts(&conn, ana).unwrap(), 1);
    assert_eq!(members::purchase_summary(&conn, ana).unwrap().1, 1000);
}

#[test]
fn import_log_is_found_by_content() {
    let conn = open_in_memory().unwrap();
    let id = receipts::begin_import(&conn, "a.csv", "abc", "sumup", noon()).unwrap();
    let counts = ImportCounts {
        rows: 5,
        receipts_new: 4,
        ..ImportCounts::default()
    };
    receipts::finish_import(&conn, id, &counts).unwrap();
    let found = import_by_sha(&conn, "abc").unwrap().unwrap();
    assert_eq!((found.format.as_str(), found.counts), ("sumup", counts));
    assert!(import_by_sha(&conn, "other").unwrap().is_none());
    assert!(receipts::begin_import(&conn, "b.csv", "abc", "sumup", noon()).is_err());
}
