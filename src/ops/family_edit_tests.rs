use super::*;
use crate::db::reminders::within;
use crate::domain::dates::Feb29;
use crate::domain::family::BirthInfo;
use crate::domain::reminders::Window;
use crate::ops::family::{add_child, add_pet};
use crate::ops::testing::{club, member, today};

fn typed(name: &str, detail: &str, born: &str, age: &str) -> KinInput {
    KinInput {
        name: name.into(),
        detail: detail.into(),
        born: born.into(),
        age: age.into(),
        gotcha: String::new(),
    }
}

fn saved(outcome: KinOutcome) -> KinAdded {
    match outcome {
        KinOutcome::Saved(added) => added,
        other => panic!("not saved: {other:?}"),
    }
}

fn count(ctx: &Ctx, table: &str) -> i64 {
    ctx.conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_edit_changes_only_the_fields_given() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    let id =
        saved(add_child(&ctx, ana, &typed("Lea", "girl", "", "4"), IfDuplicate::Ask).unwrap()).id;
    let change = KinChange {
        name: Some("Leah".into()),
        ..KinChange::default()
    };
    let edited = saved(edit_child(&ctx, id, &change, IfDuplicate::Ask).unwrap());
    assert_eq!(
        (edited.name.as_str(), edited.member_name.as_str()),
        ("Leah", "Ana Kovač")
    );
    let child = db::family::child(&ctx.conn, id).unwrap().unwrap();
    assert_eq!(child.gender.as_deref(), Some("girl"));
    assert_eq!(
        child.birth,
        BirthInfo::About {
            years: 4,
            on: today()
        }
    );
    let born = KinChange {
        born: Some("2021-03-02".into()),
        ..KinChange::default()
    };
    saved(edit_child(&ctx, id, &born, IfDuplicate::Ask).unwrap());
    let child = db::family::child(&ctx.conn, id).unwrap().unwrap();
    assert_eq!(
        child.birth,
        BirthInfo::Born(chrono::NaiveDate::from_ymd_opt(2021, 3, 2).unwrap())
    );
}

#[test]
fn ages_past_the_limit_are_refused_with_the_reason_and_nothing_is_stored() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    let err = add_child(&ctx, ana, &typed("Lea", "", "", "200"), IfDuplicate::Ask).unwrap_err();
    assert_eq!(err.key(), Some("err-kin-too-old"));
    assert!(err.to_string().contains("25"), "{err}");
    let err = add_child(
        &ctx,
        ana,
        &typed("Lea", "", "1990-01-01", ""),
        IfDuplicate::Ask,
    )
    .unwrap_err();
    assert_eq!(err.key(), Some("err-kin-too-old"));
    let err = add_pet(&ctx, ana, &typed("Rex", "dog", "", "41"), IfDuplicate::Ask).unwrap_err();
    assert!(err.to_string().contains("40"), "{err}");
    assert_eq!(count(&ctx, "children") + count(&ctx, "pets"), 0);
    // The limits themselves are still believed.
    saved(add_child(&ctx, ana, &typed("Ivo", "", "", "25"), IfDuplicate::Ask).unwrap());
    let rex =
        saved(add_pet(&ctx, ana, &typed("Rex", "dog", "", "40"), IfDuplicate::Ask).unwrap()).id;
    let older = KinChange {
        age: Some("41".into()),
        ..KinChange::default()
    };
    let err = edit_pet(&ctx, rex, &older, IfDuplicate::Ask).unwrap_err();
    assert_eq!(err.key(), Some("err-kin-too-old"));
}

#[test]
fn the_same_name_twice_is_asked_about_and_stored_only_when_confirmed() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    saved(add_pet(&ctx, ana, &typed("Rex", "dog", "", ""), IfDuplicate::Ask).unwrap());
    let again = add_pet(&ctx, ana, &typed("rex", "dog", "", ""), IfDuplicate::Ask).unwrap();
    assert_eq!(again, KinOutcome::SameName("rex".into()));
    assert_eq!(count(&ctx, "pets"), 1);
    // Another member's Rex is no duplicate.
    let ivo = member(&ctx, "Ivo", "Horvat");
    saved(add_pet(&ctx, ivo, &typed("Rex", "dog", "", ""), IfDuplicate::Ask).unwrap());
    let bo = saved(add_pet(&ctx, ana, &typed("Bo", "cat", "", ""), IfDuplicate::Ask).unwrap()).id;
    let rename = KinChange {
        name: Some("Rex".into()),
        ..KinChange::default()
    };
    let asked = edit_pet(&ctx, bo, &rename, IfDuplicate::Ask).unwrap();
    assert_eq!(asked, KinOutcome::SameName("Rex".into()));
    saved(edit_pet(&ctx, bo, &rename, IfDuplicate::SaveAnyway).unwrap());
    assert_eq!(db::family::pet(&ctx.conn, bo).unwrap().unwrap().name, "Rex");
}

#[test]
fn a_removed_child_or_pet_is_gone_and_an_unknown_id_is_named() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    let lea = saved(add_child(&ctx, ana, &typed("Lea", "", "", "3"), IfDuplicate::Ask).unwrap()).id;
    let rex = saved(add_pet(&ctx, ana, &typed("Rex", "dog", "", ""), IfDuplicate::Ask).unwrap()).id;
    assert_eq!(remove_child(&ctx, lea).unwrap().name, "Lea");
    assert_eq!(remove_pet(&ctx, rex).unwrap().member_name, "Ana Kovač");
    assert_eq!(count(&ctx, "children") + count(&ctx, "pets"), 0);
    let err = remove_pet(&ctx, rex).unwrap_err();
    assert_eq!(err.key(), Some("err-pet-not-found"));
    assert!(err.to_string().contains(&rex.to_string()), "{err}");
    let err = edit_child(&ctx, lea, &KinChange::default(), IfDuplicate::Ask).unwrap_err();
    assert_eq!(err.key(), Some("err-child-not-found"));
}

#[test]
fn a_pet_that_passed_away_is_kept_but_no_longer_reminded() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    let soon = typed("Rex", "dog", "2020-11-25", "");
    let rex = saved(add_pet(&ctx, ana, &soon, IfDuplicate::Ask).unwrap()).id;
    let gotcha = KinChange {
        gotcha: Some("2021-11-26".into()),
        ..KinChange::default()
    };
    saved(edit_pet(&ctx, rex, &gotcha, IfDuplicate::Ask).unwrap());
    let week = Window::new(today(), 7, Feb29::Feb28);
    assert_eq!(within(&ctx.conn, &week).unwrap().len(), 2);
    let passed = KinChange {
        passed_away: Some("2026-11-20".into()),
        ..KinChange::default()
    };
    saved(edit_pet(&ctx, rex, &passed, IfDuplicate::Ask).unwrap());
    assert!(within(&ctx.conn, &week).unwrap().is_empty());
    let pet = db::family::pet(&ctx.conn, rex).unwrap().unwrap();
    assert_eq!(
        pet.passed_away,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    assert!(pet.gotcha.is_some());
    // Editing its birth afterwards does not bring the reminders back.
    let born = KinChange {
        born: Some("2020-11-24".into()),
        ..KinChange::default()
    };
    saved(edit_pet(&ctx, rex, &born, IfDuplicate::Ask).unwrap());
    assert!(within(&ctx.conn, &week).unwrap().is_empty());
    // Marked by mistake: clearing the day brings them back.
    let undo = KinChange {
        passed_away: Some(String::new()),
        ..KinChange::default()
    };
    saved(edit_pet(&ctx, rex, &undo, IfDuplicate::Ask).unwrap());
    assert_eq!(within(&ctx.conn, &week).unwrap().len(), 2);
    let marked = pet_passed_away_today(&ctx, rex).unwrap();
    assert_eq!(marked.name, "Rex");
    assert!(within(&ctx.conn, &week).unwrap().is_empty());
    let err = edit_pet(
        &ctx,
        rex,
        &KinChange {
            passed_away: Some("2030-01-01".into()),
            ..KinChange::default()
        },
        IfDuplicate::Ask,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains(&crate::i18n::t("field-passed-away")),
        "{err}"
    );
}
