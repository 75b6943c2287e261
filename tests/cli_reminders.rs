//! `regulars reminders` as a script uses it: the JSON contract, windows
//! across New Year, Feb 29 under both rules, approximate ages left out.

mod cli_support;

use cli_support::{regulars_on_day, write_config};
use predicates::prelude::*;
use serde_json::{Value, json};
use tempfile::TempDir;

fn shop(dir: &TempDir, feb29: &str) {
    let text = format!(
        "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n\n[dates]\nfeb29 = \"{feb29}\"\n"
    );
    write_config(dir, &text);
}

fn run(dir: &TempDir, today: &str, args: &[&str]) {
    regulars_on_day(dir, today).args(args).assert().success();
}

fn json(dir: &TempDir, today: &str, days: &str) -> Value {
    cli_support::json(regulars_on_day(dir, today).args(["reminders", "--days", days, "--json"]))
}

/// Maya (born 2 Jan 1987) with son Noam (30 Dec 2020), Lea "about 3",
/// Rex the dog (11 Jan 2024) and Bo the cat who came home on 31 Dec 2023;
/// Dan without a year on 12 Jan, Eli on 27 Dec.
fn household(dir: &TempDir) {
    let today = "2026-06-01";
    run(
        dir,
        today,
        &[
            "member",
            "add",
            "--first",
            "Maya",
            "--last",
            "Cohen",
            "--birthday",
            "1987-01-02",
        ],
    );
    run(
        dir,
        today,
        &[
            "child",
            "add",
            "1",
            "--name",
            "Noam",
            "--born",
            "2020-12-30",
            "--gender",
            "boy",
        ],
    );
    run(
        dir,
        today,
        &["child", "add", "1", "--name", "Lea", "--age", "3"],
    );
    run(
        dir,
        today,
        &[
            "pet",
            "add",
            "1",
            "--name",
            "Rex",
            "--kind",
            "dog",
            "--born",
            "2024-01-11",
        ],
    );
    run(
        dir,
        today,
        &[
            "pet",
            "add",
            "1",
            "--name",
            "Bo",
            "--kind",
            "cat",
            "--gotcha",
            "2023-12-31",
        ],
    );
    run(
        dir,
        today,
        &["member", "add", "--first", "Dan", "--birthday", "01-12"],
    );
    run(
        dir,
        today,
        &["member", "add", "--first", "Eli", "--birthday", "12-27"],
    );
}

#[test]
fn fourteen_days_from_dec_28_cross_the_new_year() {
    let dir = TempDir::new().unwrap();
    shop(&dir, "feb28");
    household(&dir);
    let list = json(&dir, "2026-12-28", "14");
    assert_eq!(
        list,
        json!([
            {"date": "2026-12-30", "kind": "child", "member_id": 1, "name": "Noam", "turning": 6,
             "days_until": 2, "member_name": "Maya Cohen", "occasion": "birthday"},
            {"date": "2026-12-31", "kind": "pet", "member_id": 1, "name": "Bo", "turning": 3,
             "days_until": 3, "member_name": "Maya Cohen", "occasion": "gotcha"},
            {"date": "2027-01-02", "kind": "member", "member_id": 1, "name": "Maya Cohen", "turning": 40,
             "days_until": 5, "member_name": "Maya Cohen", "occasion": "birthday"},
            {"date": "2027-01-11", "kind": "pet", "member_id": 1, "name": "Rex", "turning": 3,
             "days_until": 14, "member_name": "Maya Cohen", "occasion": "birthday"},
        ])
    );
    // One more day reaches Dan, whose year is unknown: no "turning" at all.
    let list = json(&dir, "2026-12-28", "15");
    let dan = list.as_array().unwrap().last().unwrap();
    assert_eq!(dan["name"], "Dan");
    assert_eq!(dan["days_until"], 15);
    assert!(dan.get("turning").is_none(), "{dan}");
}

#[test]
fn every_entry_is_in_the_window_and_sorted() {
    let dir = TempDir::new().unwrap();
    shop(&dir, "feb28");
    household(&dir);
    for (today, days) in [("2026-12-20", 30), ("2027-01-02", 0), ("2026-06-01", 366)] {
        let list = json(&dir, today, &days.to_string());
        let entries = list.as_array().unwrap();
        let dates: Vec<&str> = entries
            .iter()
            .map(|e| e["date"].as_str().unwrap())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        for e in entries {
            let d = e["days_until"].as_i64().unwrap();
            assert!((0..=days).contains(&d), "{e}");
            // Lea is "about 3": no date, never a reminder.
            assert_ne!(e["name"], "Lea");
        }
    }
    assert_eq!(json(&dir, "2027-01-02", "0").as_array().unwrap().len(), 1);
}

#[test]
fn feb29_in_2027_under_both_rules() {
    for (rule, two_days, three_days) in [
        ("feb28", Some("2027-02-28"), Some("2027-02-28")),
        ("mar1", None, Some("2027-03-01")),
    ] {
        let dir = TempDir::new().unwrap();
        shop(&dir, rule);
        run(
            &dir,
            "2026-06-01",
            &[
                "member",
                "add",
                "--first",
                "Leap",
                "--birthday",
                "1996-02-29",
            ],
        );
        let date = |days: &str| {
            json(&dir, "2027-02-26", days)
                .as_array()
                .unwrap()
                .first()
                .map(|e| {
                    (
                        e["date"].as_str().unwrap().to_string(),
                        e["turning"].clone(),
                    )
                })
        };
        assert_eq!(date("2").map(|d| d.0).as_deref(), two_days, "{rule}");
        let (found, turning) = date("3").unwrap();
        assert_eq!(Some(found.as_str()), three_days, "{rule}");
        assert_eq!(turning, json!(31));
        // The text says the day was moved.
        regulars_on_day(&dir, "2027-02-26")
            .args(["reminders", "--days", "3"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Leap turns 31 (born 29 Feb)"));
    }
}

#[test]
fn text_output_groups_households_by_day() {
    let dir = TempDir::new().unwrap();
    shop(&dir, "feb28");
    household(&dir);
    run(
        &dir,
        "2026-06-01",
        &[
            "child",
            "add",
            "1",
            "--name",
            "Ema",
            "--born",
            "2022-01-02",
            "--gender",
            "girl",
        ],
    );
    regulars_on_day(&dir, "2026-12-28")
        .args(["reminders", "--days", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Sat 2 Jan (in 5 days)\n  Maya Cohen turns 40 · daughter Ema turns 5\n",
        ))
        .stdout(predicate::str::contains(
            "Thu 31 Dec (in 3 days)\n  Maya Cohen · Bo (cat) came home on this day in 2023\n",
        ));
    regulars_on_day(&dir, "2026-07-01")
        .args(["reminders"])
        .assert()
        .success()
        .stdout("No birthdays in the next 7 days.\n");
}

#[test]
fn bad_days_and_bad_gotcha_are_refused() {
    let dir = TempDir::new().unwrap();
    shop(&dir, "feb28");
    regulars_on_day(&dir, "2026-12-28")
        .args(["reminders", "--days", "400"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("400"));
    run(&dir, "2026-06-01", &["member", "add", "--first", "Maya"]);
    regulars_on_day(&dir, "2026-06-01")
        .args([
            "pet",
            "add",
            "1",
            "--name",
            "Rex",
            "--kind",
            "dog",
            "--gotcha",
            "31.2.2020",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Came home"));
}
