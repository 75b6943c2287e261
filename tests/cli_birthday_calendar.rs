//! A birthday kept in the Hebrew or Chinese calendar on the command line:
//! `member add --birthday-calendar`, `member show` (text and `--json`) and
//! `reminders` on the birthday's Gregorian day.

mod cli_support;

use cli_support::{club_with, json, regulars_on_day, stderr_of};
use serde_json::json;
use tempfile::TempDir;

const SHOP: &str = "[shop]\nname = \"Pekara\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n";

fn add(dir: &TempDir, args: &[&str]) {
    regulars_on_day(dir, "2026-06-01")
        .args(["member", "add"])
        .args(args)
        .assert()
        .success();
}

/// Noa, born on 12 Tishrei; Li, born on the 15th of a leap fourth month;
/// Ana, with a Gregorian birthday.
fn club() -> TempDir {
    let dir = club_with(SHOP);
    let hebrew = ["--birthday-calendar", "hebrew", "--birthday", "12 Tishrei"];
    add(
        &dir,
        &[&["--first", "Noa", "--last", "Levi"][..], &hebrew].concat(),
    );
    let chinese = ["--birthday-calendar", "chinese", "--birthday", "15.4L"];
    add(&dir, &[&["--first", "Li"][..], &chinese].concat());
    add(&dir, &["--first", "Ana", "--birthday", "1990-09-24"]);
    dir
}

#[test]
fn a_hebrew_birthday_is_reminded_on_its_gregorian_day() {
    let dir = club();
    // 12 Tishrei 5787 is Wednesday 23 September 2026.
    let list =
        json(regulars_on_day(&dir, "2026-09-20").args(["reminders", "--days", "3", "--json"]));
    assert_eq!(
        list,
        json!([
            {"date": "2026-09-23", "kind": "member", "member_id": 1, "name": "Noa Levi",
             "days_until": 3, "member_name": "Noa Levi", "occasion": "birthday"},
        ])
    );
    // The day after, next year's is a year away (13 October 2027).
    let list =
        json(regulars_on_day(&dir, "2026-09-24").args(["reminders", "--days", "30", "--json"]));
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Ana"]);
    let list =
        json(regulars_on_day(&dir, "2027-10-10").args(["reminders", "--days", "7", "--json"]));
    assert_eq!(list[0]["date"], "2027-10-13");
    // The plain list says it too.
    let out = regulars_on_day(&dir, "2026-09-20")
        .args(["reminders", "--days", "3"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("Noa Levi"));
}

#[test]
fn show_gives_the_calendar_day_and_this_years_date() {
    let dir = club();
    let noa = json(regulars_on_day(&dir, "2026-09-01").args(["member", "show", "1", "--json"]));
    assert_eq!(noa["birthday"], json!(null));
    assert_eq!(noa["birthday_calendar"], "hebrew");
    assert_eq!(noa["birthday_calendar_month"], "M01");
    assert_eq!(noa["birthday_calendar_day"], 12);
    assert_eq!(noa["birthday_this_year"], "2026-09-23");
    let li = json(regulars_on_day(&dir, "2026-09-01").args(["member", "show", "2", "--json"]));
    assert_eq!(li["birthday_calendar"], "chinese");
    assert_eq!(li["birthday_calendar_month"], "M04L");
    assert_eq!(li["birthday_calendar_day"], 15);
    // 2026 has no leap fourth month: the 15th of the ordinary fourth month.
    assert_eq!(li["birthday_this_year"], "2026-05-31");
    let ana = json(regulars_on_day(&dir, "2026-09-01").args(["member", "show", "3", "--json"]));
    assert_eq!(ana["birthday"], "1990-09-24");
    assert_eq!(ana["birthday_calendar"], "gregorian");
    assert_eq!(ana["birthday_calendar_month"], "M09");
    assert_eq!(ana["birthday_this_year"], "2026-09-24");

    let out = regulars_on_day(&dir, "2026-09-01")
        .args(["member", "show", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("Birthday: 12 Tishrei (23 Sept this year)"),
        "{text}"
    );
}

#[test]
fn an_unknown_calendar_or_a_day_it_lacks_is_refused() {
    let dir = club_with(SHOP);
    let err = stderr_of(
        regulars_on_day(&dir, "2026-06-01").args([
            "member",
            "add",
            "--first",
            "Eva",
            "--birthday-calendar",
            "julian",
            "--birthday",
            "1.1",
        ]),
        1,
    );
    assert!(
        err.contains("julian") && err.contains("gregorian, hebrew, chinese"),
        "{err}"
    );
    let err = stderr_of(
        regulars_on_day(&dir, "2026-06-01").args([
            "member",
            "add",
            "--first",
            "Eva",
            "--birthday-calendar",
            "hebrew",
            "--birthday",
            "30 Tevet",
        ]),
        1,
    );
    assert!(
        err.contains("Birthday") && err.contains("calendar"),
        "{err}"
    );
    assert_eq!(cli_support::count(&dir, "members"), 0);
}
