use std::sync::atomic::AtomicBool;

use std::path::Path;

use super::*;
use crate::ops::testing::{club, today};

#[test]
fn without_overrides_the_options_are_the_shops_settings() {
    let (_dir, ctx) = club();
    let opts = options(&ctx, &Overrides::default()).unwrap();
    assert_eq!(opts.country, "HR");
    assert_eq!(opts.currency, ctx.config.currency());
    assert_eq!(opts.max_receipt, ctx.config.import.max_receipt);
    assert_eq!(opts.today, today());
    assert_eq!(
        (opts.format, opts.encoding, opts.dry_run),
        (None, None, false)
    );
}

#[test]
fn overrides_are_read_once_and_a_bad_one_is_named() {
    let (_dir, ctx) = club();
    let asked = Overrides {
        format: Some(Format::ALL[0]),
        country: Some(" us ".into()),
        encoding: Some("windows-1252".into()),
        dry_run: true,
    };
    let opts = options(&ctx, &asked).unwrap();
    assert_eq!(opts.country, "US");
    assert_eq!(opts.format, Some(Format::ALL[0]));
    assert_eq!(opts.encoding.map(|e| e.name()), Some("windows-1252"));
    assert!(opts.dry_run);
    let country = Overrides {
        country: Some("XX".into()),
        ..Overrides::default()
    };
    let err = options(&ctx, &country).unwrap_err();
    assert_eq!(err.key(), Some("import-err-country"));
    let encoding = Overrides {
        encoding: Some("klingon-8".into()),
        ..Overrides::default()
    };
    let err = options(&ctx, &encoding).unwrap_err();
    assert_eq!(err.key(), Some("import-err-encoding"));
}

#[test]
fn a_file_from_the_inbox_is_imported_once_and_listed_as_imported() {
    let (dir, mut ctx) = club();
    let inbox = dir.path().join("inbox");
    ctx.config.import.inbox = inbox.display().to_string();
    let file = inbox.join("till.csv");
    assert!(new_inbox_files(&ctx).unwrap().1.is_empty(), "made, empty");
    std::fs::write(
        &file,
        "receipt_id,time,total\nR1,2026-11-02T10:00:00,1.00\nR2,2026-11-03T10:00:00,2.50\n",
    )
    .unwrap();
    assert_eq!(new_inbox_files(&ctx).unwrap().1, vec![file.clone()]);
    let opts = options(&ctx, &Overrides::default()).unwrap();
    let cancel = AtomicBool::new(false);
    let control = Control {
        progress: &mut |_| {},
        cancel: &cancel,
    };
    let now = ctx.clock.now();
    let report = import_file(
        &mut ctx.conn,
        &file,
        &opts,
        now,
        control,
        Confirmed::default(),
    )
    .unwrap();
    assert_eq!(report.counts.receipts_new, 2);
    after_import(&ctx).unwrap();
    assert!(new_inbox_files(&ctx).unwrap().1.is_empty());
    let listed = inbox_files(&ctx, &mut Checksums::default()).unwrap();
    assert!(listed[0].imported.is_some());
    assert_eq!(unmatched_count(&ctx.conn, 10).unwrap(), 0);
}

/// Imports `file` through the operation with what the owner confirmed.
fn run(ctx: &mut Ctx, file: &Path, overrides: &Overrides, confirmed: Confirmed) -> Result<Report> {
    let opts = options(ctx, overrides)?;
    let cancel = AtomicBool::new(false);
    let control = Control {
        progress: &mut |_| {},
        cancel: &cancel,
    };
    let now = ctx.clock.now();
    import_file(&mut ctx.conn, file, &opts, now, control, confirmed)
}

fn member_of(ctx: &Ctx, till_id: &str) -> Option<i64> {
    ctx.conn
        .query_row(
            "SELECT member_id FROM receipts WHERE till_id = ?1",
            [till_id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn reading_again_with_another_country_matches_only_receipts_without_a_member() {
    let (dir, mut ctx) = club();
    let dana = crate::ops::testing::member(&ctx, "Dana", "Levi");
    ctx.conn
        .execute(
            "UPDATE members SET phone = '+972547654321' WHERE id = ?1",
            [dana],
        )
        .unwrap();
    let file = dir.path().join("till.csv");
    std::fs::write(
        &file,
        "receipt_id,time,total,phone\nR1,2026-11-02T10:00:00,5.00,054-765-4321\n\
         R2,2026-11-03T10:00:00,2.50,\n",
    )
    .unwrap();
    let first = run(&mut ctx, &file, &Overrides::default(), Confirmed::default()).unwrap();
    assert_eq!(first.counts.receipts_new, 2);
    assert_eq!(member_of(&ctx, "R1"), None, "read as a Croatian number");
    let israel = Overrides {
        country: Some("IL".into()),
        ..Overrides::default()
    };
    let again = Confirmed {
        again: true,
        ..Confirmed::default()
    };
    let dry = Overrides {
        dry_run: true,
        ..israel.clone()
    };
    let looked = run(&mut ctx, &file, &dry, again).unwrap();
    assert_eq!(looked.again.map(|a| a.receipts_matched), Some(1));
    assert_eq!(member_of(&ctx, "R1"), None, "a dry run changes nothing");
    let report = run(&mut ctx, &file, &israel, again).unwrap();
    let done = report.again.unwrap();
    assert_eq!((done.receipts_matched, done.receipts_unmatched), (1, 1));
    assert_eq!(member_of(&ctx, "R1"), Some(dana));
    let total: i64 = ctx
        .conn
        .query_row("SELECT sum(total_minor) FROM receipts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(total, 750, "no amount changed, nothing doubled");
    after_import(&ctx).unwrap();
}

#[test]
fn a_file_in_another_currency_is_refused_once_the_club_has_receipts() {
    let (dir, mut ctx) = club();
    let ours = dir.path().join("ours.csv");
    std::fs::write(
        &ours,
        "receipt_id,time,total\nE1,2026-11-02T10:00:00,1.00\n",
    )
    .unwrap();
    let kroner = dir.path().join("kroner.csv");
    std::fs::write(
        &kroner,
        "Dato;Navn;Telefonnummer;Beløb;Valuta;Besked;TransaktionsID;Type\n\
         2026-04-08T17:04:33;Mads;31 23 45 67;40,95;DKK;Kaffe;81;Salg\n",
    )
    .unwrap();
    run(&mut ctx, &ours, &Overrides::default(), Confirmed::default()).unwrap();
    let err = run(
        &mut ctx,
        &kroner,
        &Overrides::default(),
        Confirmed::default(),
    )
    .unwrap_err();
    assert_eq!(err.key(), Some("import-err-currency"));
    let said = err.to_string();
    assert!(
        said.contains("DKK") && said.contains(ctx.config.currency().code()),
        "{said}"
    );
    let accepted = confirmed(false, Some("DKK"), false).unwrap();
    let report = run(&mut ctx, &kroner, &Overrides::default(), accepted).unwrap();
    assert_eq!(report.counts.receipts_new, 1);
    let bad = confirmed(false, Some("krone"), false).unwrap_err();
    assert_eq!(bad.key(), Some("import-err-currency-code"));
}
