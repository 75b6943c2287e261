use super::*;
use crate::domain::member::Channel;
use crate::domain::review::{Reachable, missing_row};
use crate::ops::testing::{birthday_member, club};

fn contact_rows(ctx: &Ctx) -> i64 {
    ctx.conn
        .query_row("SELECT count(*) FROM contact_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn marking_a_birthday_contacted_logs_it_once_and_shows_on_reopening() {
    let (_dir, ctx) = club();
    let ana = birthday_member(&ctx, "Ana", &[Channel::Sms]);
    let review = open(&ctx).unwrap();
    let row = review
        .birthdays
        .iter()
        .find(|r| r.member_id == ana)
        .expect("Ana's birthday is on the list");
    assert_eq!(row.contacted, None);
    let entry = mark_contacted(&ctx, row, ContactChannel::Message(Channel::Sms)).unwrap();
    assert_eq!(entry.member_id, ana);
    assert_eq!(entry.at, ctx.clock.now());
    assert_eq!(contact_rows(&ctx), 1);
    let again = open(&ctx).unwrap();
    let row = again.birthdays.iter().find(|r| r.member_id == ana).unwrap();
    assert_eq!(row.contacted.as_ref(), Some(&entry));
}

#[test]
fn the_reminders_name_their_members() {
    let (_dir, ctx) = club();
    let ana = birthday_member(&ctx, "Ana", &[]);
    let (found, names) = reminders(&ctx, 7).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].anniversary.member_id, ana);
    assert!(names[&ana].contains("Ana"), "{names:?}");
    let (none, _) = reminders(&ctx, 1).unwrap();
    assert!(none.is_empty(), "the birthday is two days away");
}

#[test]
fn the_file_lists_only_the_contact_details_members_agreed_to() {
    let (dir, ctx) = club();
    let sms = birthday_member(&ctx, "Ana", &[Channel::Sms]);
    let mail = birthday_member(&ctx, "Iva", &[Channel::Email]);
    let none = birthday_member(&ctx, "Eva", &[]);
    let rows = open(&ctx).unwrap().birthdays;
    assert_eq!(rows.len(), 3, "{rows:?}");
    let done = review_csv(&ctx, Section::Birthdays, 7, &rows, &|_| "birthday".into()).unwrap();
    assert_eq!(done.rows, 3);
    assert_eq!(
        done.path.parent(),
        std::fs::canonicalize(dir.path()).ok().as_deref()
    );
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert!(
        text.starts_with('\u{FEFF}'),
        "a spreadsheet reads it as UTF-8"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&done.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "for the owner's eyes only");
    }
    let line = |id: i64| {
        let name = &rows
            .iter()
            .find(|r| r.member_id == id)
            .unwrap()
            .member
            .first_name;
        text.lines()
            .find(|l| l.starts_with(name.as_str()))
            .unwrap()
            .to_string()
    };
    assert!(line(sms).contains("+385912345678"), "{text}");
    assert!(!line(sms).contains("@example.com"), "{text}");
    assert!(line(mail).contains("iva@example.com"), "{text}");
    assert!(!line(mail).contains("+385"), "{text}");
    assert!(
        !line(none).contains("+385") && !line(none).contains('@'),
        "{text}"
    );
}

#[test]
fn an_empty_list_writes_no_file() {
    let (dir, ctx) = club();
    let err = review_csv(&ctx, Section::Lapsed, 7, &[], &|_| String::new()).unwrap_err();
    assert_eq!(err.key(), Some("ui-review-nothing-to-export"));
    let files = std::fs::read_dir(dir.path()).unwrap();
    assert!(
        files
            .flatten()
            .all(|f| !f.path().to_string_lossy().ends_with(".csv"))
    );
}

#[test]
fn formulas_are_defused_and_phones_kept() {
    let member = Reachable {
        first_name: "=HYPERLINK(\"x\")".into(),
        phone: Some("+385911234567".into()),
        channels: vec![Channel::Sms],
        ..Reachable::default()
    };
    let row = missing_row(1, true, false, None, member);
    let text = csv_text(&[row], &|_| "missing".into()).unwrap();
    let line = text.lines().nth(1).unwrap();
    assert!(line.starts_with("\"'=HYPERLINK"), "{line}");
    assert!(line.contains(",+385911234567,"), "{line}");
}

#[test]
fn a_suppressed_contact_is_left_out_even_where_consent_still_says_yes() {
    let (_dir, ctx) = club();
    // Ana and Iva share a phone; Iva asks not to get texts on it.
    let ana = birthday_member(&ctx, "Ana", &[Channel::Sms, Channel::Email]);
    let iva = birthday_member(&ctx, "Iva", &[Channel::Sms]);
    let how = crate::domain::consent::ConsentHow::Counter;
    crate::ops::consent::change_consent(&ctx, iva, &[], &[Channel::Sms], how).unwrap();
    let rows = open(&ctx).unwrap().birthdays;
    let done = review_csv(&ctx, Section::Birthdays, 7, &rows, &|_| "birthday".into()).unwrap();
    let text = std::fs::read_to_string(&done.path).unwrap();
    let ana_line = text.lines().find(|l| l.contains("Ana")).unwrap();
    assert!(!ana_line.contains("+385"), "{text}");
    assert!(ana_line.contains("ana@example.com"), "{text}");
    assert!(!text.contains("+385"), "{text}");
    assert!(rows.iter().any(|r| r.member_id == ana));
}
