//! Receipts written in chunks: new ones get ids, payment ids are kept once, lookups are prepared once.
use super::*;

fn receipt(id: &str) -> Receipt {
    let when = crate::domain::receipt::Stamp {
        date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        time: NaiveTime::from_hms_opt(9, 5, 0),
        offset: None,
    };
    Receipt::new(id.into(), crate::domain::receipt::Kind::Sale, when, 250)
}

fn import(conn: &Connection, sha: &str) -> i64 {
    let at = NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    super::super::begin_import(conn, "a.csv", sha, "generic", at).unwrap()
}

#[test]
fn a_chunk_of_new_and_stored_receipts_gets_the_new_ones_ids() {
    let conn = crate::db::open_in_memory().unwrap();
    let customer = StoredCustomer::default();
    let new = |r| NewReceipt {
        receipt: r,
        customer: &customer,
        member_id: None,
    };
    let (a, b, c, d) = (receipt("A"), receipt("B"), receipt("C"), receipt("D"));
    let first = import(&conn, "1");
    let mut writer = ReceiptWriter::new(&conn, "generic", first).unwrap();
    let mut ids = Vec::new();
    writer.insert_new(&[new(&b), new(&d)], &mut ids).unwrap();
    assert_eq!(ids, vec![Some(1), Some(2)]);
    let second = import(&conn, "2");
    let mut writer = ReceiptWriter::new(&conn, "generic", second).unwrap();
    let chunk = [new(&a), new(&b), new(&c), new(&d)];
    writer.insert_new(&chunk, &mut ids).unwrap();
    assert_eq!(ids, vec![Some(3), None, Some(4), None]);
    writer.insert_new(&chunk[..2], &mut ids).unwrap();
    assert_eq!(ids, vec![None, None]);
    let stored: (String, String, Option<String>, i64) = conn
        .query_row(
            "SELECT till_id, local_date, local_time, import_id FROM receipts WHERE id = 4",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        stored,
        (
            "C".into(),
            "2026-03-01".into(),
            Some("09:05:00".into()),
            second
        )
    );
}

#[test]
fn payment_ids_are_kept_once_each_however_many_at_a_time() {
    let conn = crate::db::open_in_memory().unwrap();
    let first = import(&conn, "1");
    let mut writer = ReceiptWriter::new(&conn, "square", first).unwrap();
    let customer = StoredCustomer::default();
    let sale = receipt("T1");
    let mut ids = Vec::new();
    let new = NewReceipt {
        receipt: &sale,
        customer: &customer,
        member_id: None,
    };
    writer.insert_new(&[new], &mut ids).unwrap();
    let names: Vec<String> = (0..AT_ONCE + 3).map(|i| format!("P{i}")).collect();
    let mut paid: Vec<(i64, &str)> = names.iter().map(|p| (1, p.as_str())).collect();
    // The same id twice, in one statement and in the next.
    paid.push((1, "P0"));
    writer.keep_payments(&paid).unwrap();
    writer.keep_payments(&paid[..2]).unwrap();
    let kept = |conn: &Connection| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM receipt_payments WHERE source = 'square' AND receipt_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(kept(&conn), 0, "they wait for the end of the import");
    writer.file_payments().unwrap();
    assert_eq!(kept(&conn), AT_ONCE as i64 + 3);
    // Filed again (a later import of the same till): nothing twice.
    writer.keep_payments(&paid[..2]).unwrap();
    writer.file_payments().unwrap();
    assert_eq!(kept(&conn), AT_ONCE as i64 + 3);
    let waiting: i64 = conn
        .query_row("SELECT count(*) FROM payments_waiting", [], |r| r.get(0))
        .unwrap();
    assert_eq!(waiting, 0);
}

#[test]
fn member_lookups_are_not_prepared_again_for_every_value() {
    let conn = crate::db::open_in_memory().unwrap();
    conn.execute(
        "INSERT INTO members (first_name, family_name, sort_key, card, joined_at)
         VALUES ('Ana', 'Horvat', 'horvat ana', 'C-7', '2026-01-01')",
        [],
    )
    .unwrap();
    let mut writer = ReceiptWriter::new(&conn, "square", 1).unwrap();
    for value in ["C-1", "C-2", "C-7", "C-3"] {
        let found = writer.member_for(Identity::Card, value).unwrap();
        assert_eq!(found.is_some(), value == "C-7");
    }
    let card = &writer.members[Identity::Card as usize];
    assert_eq!(card.get_status(rusqlite::StatementStatus::RePrepare), 0);
}

#[test]
fn an_identity_no_member_has_is_not_looked_up() {
    let conn = crate::db::open_in_memory().unwrap();
    conn.execute(
        "INSERT INTO members (first_name, family_name, sort_key, email, joined_at)
         VALUES ('Ana', 'Horvat', 'horvat ana', 'ana@example.com', '2026-01-01')",
        [],
    )
    .unwrap();
    let runs = |writer: &ReceiptWriter<'_>, identity: Identity| {
        writer.members[identity as usize].get_status(rusqlite::StatementStatus::Run)
    };
    let mut writer = ReceiptWriter::new(&conn, "square", 1).unwrap();
    assert_eq!(writer.member_for(Identity::Card, "C-7").unwrap(), None);
    assert_eq!(
        writer.member_for(Identity::TillCustomer, "T-1").unwrap(),
        None
    );
    assert_eq!(
        (
            runs(&writer, Identity::Card),
            runs(&writer, Identity::TillCustomer)
        ),
        (0, 0)
    );
    assert!(
        writer
            .member_for(Identity::Email, "ana@example.com")
            .unwrap()
            .is_some()
    );
    assert_eq!(
        writer
            .member_for(Identity::Email, "bo@example.com")
            .unwrap(),
        None
    );
    assert_eq!(runs(&writer, Identity::Email), 2);
    // A card linked to her by hand makes cards worth looking up.
    conn.execute(
        "INSERT INTO customer_links (kind, value, member_id, at)
         VALUES ('card', 'C-7', 1, '2026-01-02 10:00:00')",
        [],
    )
    .unwrap();
    let mut writer = ReceiptWriter::new(&conn, "square", 1).unwrap();
    assert_eq!(writer.member_for(Identity::Card, "C-7").unwrap(), Some(1));
}

#[test]
fn dates_and_times_are_written_as_the_format_strings_would() {
    let mut out = String::new();
    for (y, m, d) in [(2026, 3, 1), (1999, 12, 31), (5, 1, 9), (9999, 12, 31)] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        write_date(&mut out, date);
        assert_eq!(out, date.format("%Y-%m-%d").to_string());
    }
    let far = NaiveDate::from_ymd_opt(12026, 3, 1).unwrap();
    write_date(&mut out, far);
    assert_eq!(out, far.format("%Y-%m-%d").to_string());
    for (h, m, s) in [(0, 0, 0), (16, 55, 38), (23, 59, 59)] {
        let time = NaiveTime::from_hms_milli_opt(h, m, s, 250).unwrap();
        write_time(&mut out, time);
        assert_eq!(out, time.format("%H:%M:%S").to_string());
        let at = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap().and_time(time);
        write_utc(&mut out, at);
        assert_eq!(out, at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
}

#[test]
fn rows_go_in_pieces_of_a_few_sizes_only() {
    let sizes = |n: usize| {
        let items: Vec<usize> = (0..n).collect();
        let got: Vec<usize> = pieces(&items).map(<[usize]>::len).collect();
        assert_eq!(got.iter().sum::<usize>(), n);
        assert!(pieces(&items).flatten().copied().eq(0..n), "in order");
        got
    };
    assert_eq!(sizes(0), Vec::<usize>::new());
    assert_eq!(sizes(7), vec![4, 2, 1]);
    assert_eq!(sizes(32), vec![32]);
    assert_eq!(sizes(77), vec![32, 32, 8, 4, 1]);
}

#[test]
fn a_chunk_split_over_several_statements_keeps_every_new_id_in_order() {
    let conn = crate::db::open_in_memory().unwrap();
    let customer = StoredCustomer::default();
    let names: Vec<String> = (0..7).map(|i| format!("R{i}")).collect();
    let receipts: Vec<Receipt> = names.iter().map(|n| receipt(n)).collect();
    let mut writer = ReceiptWriter::new(&conn, "generic", import(&conn, "1")).unwrap();
    let mut ids = Vec::new();
    let first: Vec<NewReceipt> = [1, 3, 5]
        .map(|i| NewReceipt {
            receipt: &receipts[i],
            customer: &customer,
            member_id: None,
        })
        .into();
    writer.insert_new(&first, &mut ids).unwrap();
    let all: Vec<NewReceipt> = receipts
        .iter()
        .map(|r| NewReceipt {
            receipt: r,
            customer: &customer,
            member_id: None,
        })
        .collect();
    writer.insert_new(&all, &mut ids).unwrap();
    assert_eq!(
        ids,
        vec![Some(4), None, Some(5), None, Some(6), None, Some(7)]
    );
}
