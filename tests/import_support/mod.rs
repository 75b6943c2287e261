//! A shop on a real database file, and files imported into it through the
//! operation the import screen and `regulars import` both call, for the
//! tests of what real till exports do.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::import::Report;
use regulars::import::sink::Control;
use regulars::ops::import::{Overrides, after_import, import_file, options};
use tempfile::TempDir;

/// A shop in `country`, paid in `currency`, whose clock says `today`, on
/// `club.db` in `dir`.
pub fn shop(dir: &TempDir, country: &str, currency: &str, today: NaiveDate) -> Ctx {
    let mut config = Config::default();
    config.shop.country = country.into();
    config.shop.currency = currency.into();
    let db = dir.path().join("club.db");
    Ctx::new(
        db::open(&db).unwrap(),
        Clock::fixed(today),
        config,
        Some(db),
    )
}

/// Imports `path` whole, as the owner would: not refused, no row
/// rejected, and the points and tiers brought up to date after.
pub fn import_clean(ctx: &mut Ctx, path: &Path) -> Report {
    let opts = options(ctx, &Overrides::default()).unwrap();
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    let now = ctx.clock.now();
    let report = import_file(&mut ctx.conn, path, &opts, now, control, Default::default()).unwrap();
    assert!(report.refused.is_none(), "{report:?}");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    after_import(ctx).unwrap();
    report
}
