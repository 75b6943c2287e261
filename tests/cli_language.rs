//! The command line's language: `--lang`, else the environment (LC_ALL,
//! then LC_MESSAGES, then LANG) until the config is read; a language the
//! app does not speak is refused naming the five it does.

mod cli_support;

use cli_support::*;
use predicates::prelude::*;

#[test]
fn an_unknown_language_is_refused_naming_the_five() {
    let dir = tempfile::tempdir().unwrap();
    regulars(&dir)
        .args(["--lang", "de", "member", "find", "ana"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("“de”"))
        .stderr(predicate::str::contains("en, he, hr, zh, th"));
    // Nothing was set up for a command that never ran.
    assert!(!dir.path().join("club.db").exists());
}

#[test]
fn help_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    regulars(&dir)
        .args(["--lang", "hr", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Upis, traženje i prikaz članova"));
    regulars(&dir)
        .arg("--lang=zh")
        .args(["member", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("登记、查找和显示会员"));
}

#[test]
fn the_environment_chooses_as_posix_orders_it() {
    let dir = tempfile::tempdir().unwrap();
    let help = |vars: &[(&str, &str)]| {
        let mut cmd = regulars(&dir);
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let out = cmd.arg("--help").output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(help(&[("LANG", "he_IL.UTF-8")]).contains("הרשמה, חיפוש והצגה של חברי מועדון"));
    let messages_wins = help(&[("LANG", "he_IL.UTF-8"), ("LC_MESSAGES", "th_TH.UTF-8")]);
    assert!(
        messages_wins.contains("สมัคร ค้นหา และแสดงสมาชิก"),
        "{messages_wins}"
    );
    let all_wins = help(&[
        ("LANG", "he_IL.UTF-8"),
        ("LC_MESSAGES", "th_TH.UTF-8"),
        ("LC_ALL", "hr_HR.UTF-8"),
    ]);
    assert!(
        all_wins.contains("Upis, traženje i prikaz članova"),
        "{all_wins}"
    );
}

#[test]
fn usage_errors_speak_the_language_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    regulars(&dir)
        .args(["--lang", "hr", "redeem", "1", "--bogus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--bogus nije opcija ove naredbe."));
    regulars(&dir)
        .args(["--lang", "zh", "frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("“frobnicate”不是命令。"));
    regulars(&dir)
        .args(["--lang", "th", "member", "add"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("คำสั่งนี้ต้องมี --first"));
    // Help is still clap's, in the language's words.
    regulars(&dir)
        .args(["--lang", "hr", "--help"])
        .assert()
        .success();
}

#[test]
fn point_balances_are_grouped_as_the_language_writes_numbers() {
    let dir = tempfile::tempdir().unwrap();
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--card", "C-1"])
        .assert()
        .success();
    let adjusted = |lang: &str, points: &str| {
        let out = regulars(&dir)
            .args([
                "--lang",
                lang,
                "adjust",
                "C-1",
                points,
                "--note",
                "paper card",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // The signup bonus (50 by default) comes first.
    let english = adjusted("en", "2000");
    assert!(english.contains("New balance: 2,050."), "{english}");
    let croatian = adjusted("hr", "1");
    assert!(croatian.contains("Novo stanje: 2.051."), "{croatian}");
}

#[test]
fn a_command_fails_in_the_language_of_the_club() {
    // No --lang and an English environment: the config's language speaks,
    // for what went wrong as for what went right.
    let dir = club_with(
        "[shop]\nname = \"Pekara\"\ncountry = \"HR\"\ncurrency = \"EUR\"\nlocale = \"hr\"\n",
    );
    let out = regulars(&dir)
        .env("LANG", "en_US.UTF-8")
        .args(["member", "show", "99999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Nijedan član ne odgovara"), "{err}");
}
