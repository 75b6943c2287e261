//! `--json` is for programs: ISO dates and minor units whatever language
//! the screens speak, while the text output takes the language's forms.

mod cli_support;

use cli_support::{json, regulars, write_config};
use tempfile::TempDir;

#[test]
fn json_keeps_iso_dates_and_minor_units_in_every_language() {
    let dir = TempDir::new().unwrap();
    write_config(
        &dir,
        "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n",
    );
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--last", "Kovač"])
        .args(["--birthday", "1986-11-26", "--card", "C-1"])
        .assert()
        .success();
    for lang in ["en", "he", "hr", "zh", "th"] {
        let m = json(regulars(&dir).args(["--lang", lang, "member", "show", "C-1", "--json"]));
        assert_eq!(m["birthday"], "1986-11-26", "{lang}");
        assert_eq!(m["joined_at"], "2026-11-23", "{lang}");
        assert_eq!(m["spend_minor"], 0, "{lang}");
    }
    // The same card as text: Croatian's own date, Thai's Buddhist year.
    let text = |lang: &str| {
        let out = regulars(&dir)
            .args(["--lang", lang, "member", "show", "C-1"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{lang}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(text("hr").contains("26. stu 1986."), "{}", text("hr"));
    assert!(text("th").contains("2529"), "{}", text("th"));
    assert!(text("zh").contains("1986年11月26日"), "{}", text("zh"));
}
