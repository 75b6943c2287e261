//! `regulars export contacts` as a shop would run it before a campaign:
//! only members who agreed, in a file a spreadsheet opens safely.

mod cli_support;

use cli_support::{club_with, regulars, stderr_of};

fn shop(dir_export: &str) -> String {
    format!(
        "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\nexport_dir = \"{dir_export}\"\n"
    )
}

fn add(dir: &tempfile::TempDir, first: &str, last: &str, phone: &str, email: &str, consent: &str) {
    regulars(dir)
        .args(["member", "add", "--first", first, &format!("--last={last}")])
        .args([
            "--phone",
            phone,
            &format!("--email={email}"),
            "--consent",
            consent,
            "--yes",
        ])
        .assert()
        .success();
}

fn club() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    let text = shop(&dir.path().display().to_string());
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    add(
        &dir,
        "Ana",
        "Kovač",
        "091 234 5678",
        "ana@example.com",
        "sms,email",
    );
    add(
        &dir,
        "=HYPERLINK(\"x\")",
        "-Ivo",
        "+44 7911 123456",
        "+ivo@example.com",
        "sms,email",
    );
    add(
        &dir,
        "Eva",
        "Horvat",
        "092 345 6789",
        "eva@example.com",
        "email",
    );
    add(
        &dir,
        "Mia",
        "Babić",
        "095 111 2222",
        "mia@example.com",
        "sms",
    );
    regulars(&dir)
        .args(["consent", "4", "--withdraw", "sms"])
        .assert()
        .success();
    dir
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn an_sms_list_has_only_who_agreed_in_the_shops_format_and_guarded_cells() {
    let dir = club();
    let out = regulars(&dir)
        .args(["export", "contacts", "--channel", "sms"])
        .assert()
        .success()
        .get_output()
        .clone();
    let path = std::fs::canonicalize(dir.path())
        .unwrap()
        .join("regulars-contacts-sms-2026-11-23.csv");
    let said = stdout(&out);
    assert_eq!(said, format!("2 contacts written to {}", path.display()));
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        text,
        "\u{FEFF}first_name,family_name,phone,language\n\
         \"'=HYPERLINK(\"\"x\"\")\",'-Ivo,'+44 7911 123456,\n\
         Ana,Kovač,091 234 5678,\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn raw_phones_are_e164_and_the_command_says_so() {
    let dir = club();
    let file = dir.path().join("for-the-sms-tool.csv");
    let out = regulars(&dir)
        .args(["export", "contacts", "--channel", "sms", "--raw", "--out"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("+E.164"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Ana,Kovač,+385912345678,"), "{text}");
    assert!(text.contains(",+447911123456,"), "{text}");
    assert!(!text.contains("Babić"), "Mia withdrew: {text}");
}

#[test]
fn an_email_list_leaves_out_who_did_not_agree_and_a_wrong_channel_is_refused() {
    let dir = club();
    let file = dir.path().join("mail.csv");
    regulars(&dir)
        .args(["export", "contacts", "--channel", "email", "--out"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines[0], "first_name,family_name,email,language");
    assert_eq!(lines.len(), 4, "Ana, Ivo and Eva: {text}");
    assert!(text.contains("'+ivo@example.com"), "{text}");
    assert!(!text.contains("mia@"), "{text}");

    let e = stderr_of(
        regulars(&dir).args(["export", "contacts", "--channel", "post"]),
        1,
    );
    assert!(e.contains("\"post\""), "{e}");
}

#[test]
fn a_file_that_cannot_be_written_is_named() {
    let dir = club_with(&shop("no-such-folder-anywhere"));
    let e = stderr_of(
        regulars(&dir).args(["export", "contacts", "--channel", "sms"]),
        1,
    );
    assert!(e.contains("no-such-folder-anywhere"), "{e}");
}

#[test]
fn a_segment_narrows_the_list_by_expression_or_saved_name() {
    let dir = club();
    regulars(&dir)
        .args(["pet", "add", "1", "--name", "Rex", "--kind", "dog"])
        .assert()
        .success();
    regulars(&dir)
        .args(["pet", "add", "4", "--name", "Bela", "--kind", "dog"])
        .assert()
        .success();
    let file = dir.path().join("dogs.csv");
    let read = |segment: &str| {
        regulars(&dir)
            .args(["export", "contacts", "--channel", "email", "--segment"])
            .arg(segment)
            .arg("--out")
            .arg(&file)
            .assert()
            .success();
        std::fs::read_to_string(&file).unwrap()
    };
    // Mia has a dog too, but gave no consent for email.
    let text = read("pet=dog");
    assert_eq!(
        text.trim_start_matches('\u{FEFF}').lines().count(),
        2,
        "{text}"
    );
    assert!(text.contains("ana@example.com"), "{text}");
    regulars(&dir)
        .args(["segment", "save", "dog owners", "pet=dog"])
        .assert()
        .success();
    std::fs::remove_file(&file).unwrap();
    assert_eq!(read("dog owners"), text);

    let e = stderr_of(
        regulars(&dir).args([
            "export",
            "contacts",
            "--channel",
            "email",
            "--segment",
            "colour=red",
        ]),
        1,
    );
    assert!(e.contains("colour"), "{e}");
}

#[test]
fn vcards_hold_the_same_members_with_only_the_channels_contact() {
    let dir = club();
    // The command line has no language flag; the signup screen sets it.
    rusqlite::Connection::open(dir.path().join("club.db"))
        .unwrap()
        .execute("UPDATE members SET language = 'hr' WHERE id = 1", [])
        .unwrap();
    let out = regulars(&dir)
        .args(["export", "contacts", "--channel", "sms", "--vcard"])
        .assert()
        .success()
        .get_output()
        .clone();
    let path = std::fs::canonicalize(dir.path())
        .unwrap()
        .join("regulars-contacts-sms-2026-11-23.vcf");
    assert_eq!(
        stdout(&out),
        format!("2 contacts written to {}", path.display())
    );
    let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
    assert!(
        text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"),
        "no mark: {text:?}"
    );
    assert_eq!(text.matches("BEGIN:VCARD").count(), 2, "{text}");
    assert!(
        text.contains("FN:Ana Kovač\r\nN:Kovač;Ana;;;\r\nTEL;VALUE=uri;TYPE=cell:tel:+385912345678\r\nLANG:hr\r\n"),
        "{text}"
    );
    // A vCard is no spreadsheet: the name is escaped, not guarded.
    assert!(text.contains("FN:=HYPERLINK(\"x\") -Ivo\r\n"), "{text}");
    assert!(text.contains("tel:+447911123456\r\n"), "{text}");
    assert!(!text.contains("EMAIL") && !text.contains("Babić"), "{text}");
    assert!(
        text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "CRLF: {text:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Email, narrowed by a segment, to a file of one's choosing.
    regulars(&dir)
        .args(["pet", "add", "3", "--name", "Rex", "--kind", "dog"])
        .assert()
        .success();
    let file = dir.path().join("dogs.vcf");
    regulars(&dir)
        .args(["export", "contacts", "--channel", "email", "--vcard"])
        .args(["--segment", "pet=dog", "--out"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD").count(), 1, "{text}");
    assert!(
        text.contains("\r\nEMAIL:eva@example.com\r\n") && !text.contains("TEL"),
        "{text}"
    );
}

#[test]
fn vcard_and_raw_together_are_refused() {
    let dir = club();
    stderr_of(
        regulars(&dir).args(["export", "contacts", "--channel", "sms", "--vcard", "--raw"]),
        2,
    );
}
