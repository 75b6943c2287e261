use super::*;
use crate::ops::testing::club;

/// The club with the shipped config written to a file of its own (Croatia,
/// euros: Bronze from 0, Silver from 200, Gold from 500).
fn club_with_file() -> (tempfile::TempDir, Ctx) {
    let (dir, mut ctx) = club();
    let path = dir.path().join("config.toml");
    ctx.config = Config::load_or_create(&path, Some("hr_HR.UTF-8")).unwrap();
    (dir, ctx)
}

#[test]
fn a_saved_minimum_is_in_the_file_and_in_the_program_at_once() {
    let (_dir, mut ctx) = club_with_file();
    let path = ctx.config.path.clone().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    save_tier_min(&mut ctx, 1, 250).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(before, after);
    assert!(after.contains("min = 250"), "{after}");
    // The comments of the file are kept.
    assert_eq!(
        before.lines().filter(|l| l.starts_with('#')).count(),
        after.lines().filter(|l| l.starts_with('#')).count()
    );
    let program = ctx.config.loyalty();
    assert_eq!(program.min_as_written(program.tiers.tiers[1].min), 250);
    let (shown, _) = overview(&ctx).unwrap();
    assert_eq!(shown.min_as_written(shown.tiers.tiers[1].min), 250);
}

#[test]
fn a_minimum_out_of_order_or_of_the_first_tier_writes_nothing() {
    let (_dir, mut ctx) = club_with_file();
    let path = ctx.config.path.clone().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let err = save_tier_min(&mut ctx, 0, 10).unwrap_err();
    assert_eq!(err.key(), Some("ui-tiers-first-fixed"));
    assert!(save_tier_min(&mut ctx, 1, 900).is_err(), "above Gold's 500");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let program = ctx.config.loyalty();
    assert_eq!(program.min_as_written(program.tiers.tiers[1].min), 200);
}

#[test]
fn without_a_config_file_there_is_nothing_to_save_to() {
    let (_dir, mut ctx) = club();
    ctx.config.path = None;
    let err = save_tier_min(&mut ctx, 1, 250).unwrap_err();
    assert_eq!(err.key(), Some("ui-tiers-no-file"));
}
