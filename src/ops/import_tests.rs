use std::sync::atomic::AtomicBool;

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
