use super::*;
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

fn export(ctx: &Ctx, rows: &[ReviewRow], channel: Channel, format: ListFormat) -> Exported {
    let reason = |_: &ReviewRow| "birthday".to_string();
    review_list(ctx, Section::Birthdays, 7, rows, &reason, channel, format).unwrap()
}

const CSV: ListFormat = ListFormat::Csv(Phones::National);

#[test]
fn the_file_lists_only_the_members_who_agreed_to_the_channel() {
    let (dir, ctx) = club();
    birthday_member(&ctx, "Ana", &[Channel::Sms]);
    birthday_member(&ctx, "Iva", &[Channel::Email]);
    birthday_member(&ctx, "Eva", &[]);
    let rows = open(&ctx).unwrap().birthdays;
    assert_eq!(rows.len(), 3, "{rows:?}");
    let done = export(&ctx, &rows, Channel::Sms, CSV);
    assert_eq!(
        done.planned,
        Planned {
            written: 1,
            left_out: 2
        }
    );
    assert_eq!(
        done.path,
        std::fs::canonicalize(dir.path())
            .unwrap()
            .join("regulars-birthdays-7-days-sms-2026-11-23.csv")
    );
    let text = std::fs::read_to_string(&done.path).unwrap();
    let text = text
        .strip_prefix('\u{FEFF}')
        .expect("a spreadsheet reads it as UTF-8");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&done.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "for the owner's eyes only");
    }
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "first_name,family_name,phone,language,reason,date,message"
    );
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[1].starts_with("Ana,Kovač,091 234 5678,,birthday,2026-11-25,"),
        "{text}"
    );
    assert!(!text.contains("@example.com"), "{text}");

    let done = export(&ctx, &rows, Channel::Email, CSV);
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert!(text.contains("Iva,Kovač,iva@example.com,"), "{text}");
    assert!(!text.contains("Ana") && !text.contains("Eva"), "{text}");
    assert!(
        done.path
            .ends_with("regulars-birthdays-7-days-email-2026-11-23.csv")
    );
}

#[test]
fn a_vcard_holds_one_card_per_member_who_agreed() {
    let (_dir, ctx) = club();
    birthday_member(&ctx, "Ana", &[Channel::Sms]);
    birthday_member(&ctx, "Eva", &[]);
    let rows = open(&ctx).unwrap().birthdays;
    let done = export(&ctx, &rows, Channel::Sms, ListFormat::Vcard);
    assert!(
        done.path
            .ends_with("regulars-birthdays-7-days-sms-2026-11-23.vcf")
    );
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD").count(), 1, "{text}");
    assert!(
        text.contains("FN:Ana Kovač\r\n") && !text.contains("Eva"),
        "{text}"
    );
    assert_eq!(
        done.planned,
        Planned {
            written: 1,
            left_out: 1
        }
    );
}

#[test]
fn an_empty_list_writes_no_file() {
    let (dir, ctx) = club();
    let err = review_list(
        &ctx,
        Section::Lapsed,
        7,
        &[],
        &|_| String::new(),
        Channel::Sms,
        CSV,
    )
    .unwrap_err();
    assert_eq!(err.key(), Some("ui-review-nothing-to-export"));
    let files = std::fs::read_dir(dir.path()).unwrap();
    assert!(
        files
            .flatten()
            .all(|f| !f.path().to_string_lossy().ends_with(".csv"))
    );
}

#[test]
fn formulas_are_defused() {
    let (_dir, ctx) = club();
    let member = Reachable {
        first_name: "=HYPERLINK(\"x\")".into(),
        ..Reachable::default()
    };
    let row = missing_row(1, true, false, None, member);
    let may = Consenting {
        member_id: 1,
        first_name: "=HYPERLINK(\"x\")".into(),
        family_name: "Kovač".into(),
        contact: "+385911234567".into(),
        language: None,
    };
    let text = csv_text(&ctx, Channel::Sms, &[row], &[may], &|_| "@missing".into()).unwrap();
    let line = text.lines().nth(1).unwrap();
    assert!(line.starts_with("\"'=HYPERLINK"), "{line}");
    assert!(line.contains(",091 123 4567,,'@missing,"), "{line}");
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
    assert!(rows.iter().any(|r| r.member_id == ana));
    let done = export(&ctx, &rows, Channel::Sms, CSV);
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert!(!text.contains("Ana") && !text.contains("091"), "{text}");
    assert_eq!(
        done.planned,
        Planned {
            written: 0,
            left_out: 2
        }
    );
    let done = export(&ctx, &rows, Channel::Email, CSV);
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert!(text.contains("ana@example.com"), "{text}");
}
