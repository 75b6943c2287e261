use super::*;
use crate::ops::testing::{club, member};

#[test]
fn a_saved_name_or_an_expression_is_accepted() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    member(&ctx, "Ivo", "Horvat");
    ctx.conn
        .execute("UPDATE members SET area = '10000' WHERE id = ?1", [ana])
        .unwrap();
    let saved = save(&ctx, " Zagreb ", "area = 10000").unwrap();
    assert_eq!(
        (saved.name.as_str(), saved.expr.as_str()),
        ("Zagreb", "area=10000")
    );
    assert_eq!(members(&ctx, "zagreb").unwrap(), [ana]);
    assert_eq!(members(&ctx, "area=10000").unwrap(), [ana]);
    assert_eq!(count(&ctx, "Zagreb").unwrap().count, 1);
    let shown = show(&ctx, "ZAGREB").unwrap();
    assert_eq!((shown.count, shown.member_ids), (1, vec![ana]));
    assert_eq!(list(&ctx).unwrap(), [saved]);
}

#[test]
fn saving_again_replaces_and_a_bad_one_is_refused_unsaved() {
    let (_dir, ctx) = club();
    save(&ctx, "dogs", "pet=dog").unwrap();
    save(&ctx, "Dogs", "pet=dog and children").unwrap();
    assert_eq!(list(&ctx).unwrap()[0].expr, "pet=dog and children");
    let err = save(&ctx, "odd", "colour=red").unwrap_err();
    assert_eq!(err.key(), Some("segment-err-unknown-word"));
    assert!(err.to_string().contains("colour"), "{err}");
    assert_eq!(
        save(&ctx, "a=b", "pet").unwrap_err().key(),
        Some("segment-err-bad-name")
    );
    assert_eq!(list(&ctx).unwrap().len(), 1);
    assert_eq!(
        show(&ctx, "cats").unwrap_err().key(),
        Some("segment-err-unknown-name")
    );
    // Text with `=` is an expression: shown as one, its mistakes named.
    assert_eq!(show(&ctx, "pet=dog").unwrap().expr, "pet=dog");
    assert_eq!(
        show(&ctx, "colour=red").unwrap_err().key(),
        Some("segment-err-unknown-word")
    );
}

#[test]
fn a_word_without_data_is_reported_with_the_count() {
    let (_dir, ctx) = club();
    member(&ctx, "Ana", "Kovač");
    let counted = count(&ctx, "occupation=teacher").unwrap();
    assert_eq!(
        (counted.count, counted.no_data),
        (0, vec![Word::Occupation])
    );
}
