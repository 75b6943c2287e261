//! Every till sample imports exactly as the samples' `expected.json` says:
//! format, receipts, refunds, rejected rows, and each member's visits and
//! spend; importing the same file again stores nothing new.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{NaiveDate, NaiveDateTime};
use regulars::db::{self, members};
use regulars::domain::member::{MemberDraft, normalise_email, normalise_phone};
use regulars::domain::money::Currency;
use regulars::import::sink::Control;
use regulars::import::{Options, Report, import_file};
use rusqlite::Connection;
use serde_json::Value;

fn samples() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tills");
    assert!(
        dir.join("expected.json").is_file() && dir.join("members.json").is_file(),
        "the till samples are missing: expected them in {}",
        dir.display()
    );
    dir
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn now(today: NaiveDate) -> NaiveDateTime {
    today.and_hms_opt(12, 0, 0).expect("noon")
}

/// A fresh database with the sample members, as `member add` would store them.
fn club(dir: &Path, members_json: &Value, today: NaiveDate) -> Connection {
    let conn = db::open(&dir.join("club.db")).expect("database opens");
    let us = regulars::domain::member::country_id("US").expect("US");
    for m in members_json.as_array().expect("a list of members") {
        let field = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
        let draft = MemberDraft {
            first_name: field("first").unwrap_or_default(),
            family_name: field("last").unwrap_or_default(),
            phone: field("phone").map(|p| normalise_phone(&p, us).expect("sample phone")),
            email: field("email").map(|e| normalise_email(&e).expect("sample email")),
            card: field("card"),
            ..MemberDraft::default()
        };
        members::insert(&conn, &draft, &[], now(today)).expect("member stored");
    }
    conn
}

fn import(conn: &mut Connection, path: &Path, country: &str, today: NaiveDate) -> Report {
    let opts = Options {
        format: None,
        encoding: None,
        country: country.to_string(),
        currency: Currency::from_code("USD").expect("USD"),
        max_receipt: regulars::config::DEFAULT_MAX_RECEIPT,
        today,
        dry_run: false,
    };
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let control = Control {
        progress: &mut progress,
        cancel: &cancel,
    };
    import_file(conn, path, &opts, now(today), control)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn member_figures(conn: &Connection, key: &str) -> (i64, i64) {
    let us = regulars::domain::member::country_id("US").expect("US");
    let phone = normalise_phone(key, us).ok();
    let id = members::find_by_key(conn, key, phone.as_deref())
        .expect("lookup")
        .unwrap_or_else(|| panic!("no member {key}"));
    let (visits, spend, _) = members::purchase_summary(conn, id).expect("summary");
    (visits, spend)
}

#[test]
fn every_sample_imports_exactly_as_expected() {
    let dir = samples();
    let expected = read_json(&dir.join("expected.json"));
    let members_json = read_json(&dir.join("members.json"));
    let today = expected["today"]
        .as_str()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .expect("today in expected.json");
    let files = expected["files"].as_object().expect("files");
    assert_eq!(files.len(), 10, "ten till formats");
    let mut problems = Vec::new();
    for (name, want) in files {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut conn = club(tmp.path(), &members_json, today);
        let country = want["country"].as_str().unwrap_or("US");
        let got = import(&mut conn, &dir.join(name), country, today);
        let c = got.counts;
        let figures = [
            (
                "format",
                Value::from(got.format.clone()),
                want["format"].clone(),
            ),
            (
                "receipts_new",
                Value::from(c.receipts_new),
                want["receipts"].clone(),
            ),
            ("refunds", Value::from(c.refunds), want["refunds"].clone()),
            (
                "rows_rejected",
                Value::from(c.rows_rejected),
                want["rows_rejected"].clone(),
            ),
        ];
        for (what, got, want) in figures {
            if got != want {
                problems.push(format!("{name}: {what} expected {want} got {got}"));
            }
        }
        if c.rows_rejected != got.errors.len() as u64 || got.errors.iter().any(|e| e.line == 0) {
            problems.push(format!(
                "{name}: every rejected row is listed with its line"
            ));
        }
        for (key, m) in want["members"].as_object().expect("members") {
            let (visits, spend) = member_figures(&conn, key);
            let wanted = (m["visits"].as_i64(), m["spend_minor"].as_i64());
            if (Some(visits), Some(spend)) != wanted {
                problems.push(format!(
                    "{name}: member {key} expected {wanted:?} got ({visits}, {spend})"
                ));
            }
        }
        let again = import(&mut conn, &dir.join(name), country, today);
        if again.counts.receipts_new != 0 || !again.already_imported {
            problems.push(format!(
                "{name}: the second import stored {}",
                again.counts.receipts_new
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
