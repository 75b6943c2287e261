//! `regulars event add/list/invite/attend/show` as a script meets them: a
//! real binary on a temp club, the 90 days after worked out by hand (a
//! refund, a walk-in, a guest who was not invited).

mod cli_support;

use cli_support::{club_with, count, import_till, json, regulars, regulars_on_day, stderr_of};
use serde_json::json;

const SHOP: &str = "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n";

/// Ana and Ivo were active on 1 March and invited; Ana came, Ivo did
/// not. Mia came without an invitation. Eva was active and not invited.
const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-02-20T10:00:00,10.00,,,C-1,Bread,1,10.00
R2,2026-02-25T10:00:00,20.00,,,C-4,Bread,1,20.00
R8,2026-02-10T10:00:00,5.00,,,C-2,Tea,1,5.00
R3,2026-03-05T10:00:00,30.00,,,C-1,Treats,1,30.00
R4,2026-03-06T10:00:00,-5.00,,,C-1,Treats,-1,-5.00
R5,2026-03-10T10:00:00,40.00,,,C-4,Leash,1,40.00
R6,2026-03-11T10:00:00,15.00,,,,Tea,1,15.00
R7,2026-03-12T10:00:00,8.00,,,C-3,Tea,1,8.00
R9,2026-03-15T10:00:00,50.00,,,C-2,Bed,1,50.00
";

fn club() -> (tempfile::TempDir, [i64; 4]) {
    let dir = club_with(SHOP);
    let mut ids = [0; 4];
    let people = [
        ("Ana", "C-1", "091 111 1111", "10000", "sms"),
        ("Ivo", "C-2", "091 111 2222", "10000", "sms"),
        ("Mia", "C-3", "091 111 3333", "10000", ""),
        ("Eva", "C-4", "091 111 4444", "21000", "sms"),
    ];
    for (i, (first, card, phone, area, consent)) in people.into_iter().enumerate() {
        let mut args = vec![
            "member", "add", "--first", first, "--last", "Kovač", "--card", card, "--phone", phone,
            "--area", area, "--json",
        ];
        if !consent.is_empty() {
            args.extend(["--consent", consent]);
        }
        // They joined at New Year, well before the event.
        ids[i] = json(regulars_on_day(&dir, "2026-01-01").args(&args))["id"]
            .as_i64()
            .unwrap();
    }
    import_till(&dir, TILL);
    (dir, ids)
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8_lossy(&out).to_string()
}

#[test]
fn an_event_is_added_invited_attended_and_shown_with_the_contract_fields() {
    let (dir, [ana, ivo, mia, _eva]) = club();
    let added = json(regulars(&dir).args([
        "event",
        "add",
        "--name",
        "Puppy morning",
        "--date",
        "1.3.2026",
        "--capacity",
        "1",
        "--json",
    ]));
    assert_eq!(
        added,
        json!({"id": 1, "name": "Puppy morning", "date": "2026-03-01", "capacity": 1})
    );

    let out = dir.path().join("invite.csv");
    let said = stdout(regulars(&dir).args([
        "event",
        "invite",
        "1",
        "--segment",
        "area=10000",
        "--channel",
        "sms",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(said.contains("2 members invited"), "{said}");
    assert!(
        said.contains("1 member of the segment was left out"),
        "{said}"
    );
    assert!(said.contains("1 over the capacity"), "{said}");
    let list = std::fs::read_to_string(&out).unwrap();
    assert!(
        list.starts_with("\u{FEFF}first_name,family_name,phone,language,message"),
        "{list}"
    );
    // Each line carries the invitation ready to send, in the shop's language.
    assert!(
        list.contains("Hi Ana, you are invited to Puppy morning at Paws on 1 Mar 2026. We"),
        "{list}"
    );
    assert!(
        list.contains("Ana") && list.contains("Ivo") && !list.contains("Mia"),
        "{list}"
    );

    let came = stdout(regulars(&dir).args(["event", "attend", "1", "C-1"]));
    assert!(came.contains("Ana Kovač came to Puppy morning"), "{came}");
    let guest = stdout(regulars(&dir).args(["event", "attend", "1", "091 111 3333"]));
    assert!(guest.contains("not invited"), "{guest}");

    let shown = json(regulars(&dir).args(["event", "show", "1", "--json"]));
    // Ana: one visit (a refund is none), 30.00 − 5.00; Mia: one, 8.00.
    // Eva, active and not invited: one visit, 40.00. Ivo is in neither.
    assert_eq!(
        shown,
        json!({
            "id": 1, "name": "Puppy morning", "date": "2026-03-01", "capacity": 1,
            "invited": [ana, ivo], "attended": [ana, mia],
            "after_90d": {
                "from": "2026-03-02", "to": "2026-05-30", "complete": true,
                "attended": {"members": 2, "visits": 1.0, "spend_minor": 1650},
                "others": {"members": 1, "visits": 1.0, "spend_minor": 4000}
            }
        })
    );
    let text = stdout(regulars(&dir).args(["event", "show", "1"]));
    assert!(
        text.contains("Came: 2 members, 1.00 visits and €16.50 each on average"),
        "{text}"
    );
    assert!(!text.contains("not complete"), "{text}");

    let listed = json(regulars(&dir).args(["event", "list", "--json"]));
    assert_eq!(listed[0]["invited_count"], 2);
    assert_eq!(listed[0]["attended_count"], 2);
    let listed = stdout(regulars(&dir).args(["event", "list"]));
    assert!(listed.contains("invited 2/1, came 2"), "{listed}");
}

#[test]
fn a_recent_event_says_its_ninety_days_are_not_complete() {
    let (dir, _) = club();
    regulars(&dir)
        .args(["event", "add", "--name", "Tasting", "--date", "2026-11-01"])
        .assert()
        .success();
    let shown = json(regulars(&dir).args(["event", "show", "1", "--json"]));
    assert_eq!(shown["after_90d"]["complete"], false);
    assert_eq!(
        shown["after_90d"]["attended"]["visits"],
        serde_json::Value::Null
    );
    assert_eq!(shown["capacity"], serde_json::Value::Null);
    let text = stdout(regulars(&dir).args(["event", "show", "1"]));
    assert!(
        text.contains("not complete yet") && text.contains("Came: nobody"),
        "{text}"
    );
}

#[test]
fn mistakes_exit_1_naming_what_and_nothing_is_written() {
    let (dir, _) = club();
    let err = stderr_of(
        regulars(&dir).args(["event", "add", "--name", "Tasting", "--date", "31.2.2026"]),
        1,
    );
    assert!(err.contains("Date"), "{err}");
    let err = stderr_of(
        regulars(&dir).args([
            "event",
            "add",
            "--name",
            "Tasting",
            "--date",
            "2026-12-01",
            "--capacity",
            "0",
        ]),
        1,
    );
    assert!(err.contains('0'), "{err}");
    assert_eq!(count(&dir, "events"), 0);
    regulars(&dir)
        .args(["event", "add", "--name", "Tasting", "--date", "2026-12-01"])
        .assert()
        .success();
    let err = stderr_of(
        regulars(&dir).args([
            "event",
            "invite",
            "1",
            "--segment",
            "area=10000",
            "--channel",
            "post",
        ]),
        1,
    );
    assert!(err.contains("post"), "{err}");
    let err = stderr_of(
        regulars(&dir).args([
            "event",
            "invite",
            "7",
            "--segment",
            "area=10000",
            "--channel",
            "sms",
        ]),
        1,
    );
    assert!(err.contains("#7"), "{err}");
    let err = stderr_of(
        regulars(&dir).args([
            "event",
            "invite",
            "1",
            "--segment",
            "colour=red",
            "--channel",
            "sms",
        ]),
        1,
    );
    assert!(err.contains("colour"), "{err}");
    assert_eq!(count(&dir, "event_invites"), 0);
    regulars(&dir)
        .args(["event", "attend", "1", "C-1"])
        .assert()
        .success();
    let err = stderr_of(regulars(&dir).args(["event", "attend", "1", "C-1"]), 1);
    assert!(
        err.contains("Ana Kovač") && err.contains("Tasting"),
        "{err}"
    );
    let err = stderr_of(regulars(&dir).args(["event", "attend", "1", "C-9"]), 1);
    assert!(err.contains("C-9"), "{err}");
    regulars(&dir)
        .args(["member", "erase", "C-2", "--yes"])
        .assert()
        .success();
    stderr_of(regulars(&dir).args(["event", "attend", "1", "C-2"]), 1);
    assert_eq!(count(&dir, "event_attendance"), 1);
    stderr_of(
        regulars(&dir).args(["event", "invite", "1", "--channel", "sms"]),
        2,
    );
}
