//! `regulars stats` as a script or a cron mail meets it: the real binary
//! on a temp club with imported receipts, feedback and referrals.

mod cli_support;

use cli_support::{club_with, import_till, json, regulars, stderr_of};
use serde_json::json;
use tempfile::TempDir;

const SHOP: &str = "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n";

/// Ana's receipts (a refund among them), Ivo's and a walk-in's.
const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-10-17T19:10:43,154.00,,,C-1,Bread,1,154.00
R2,2026-11-02T15:08:34,72.13,,,C-1,Crayons,2,72.13
R3,2026-11-05T20:10:43,-54.00,,,C-1,Bread,-1,-54.00
R4,2026-11-06T10:00:00,12.00,,,C-2,Tea,1,12.00
R5,2026-11-10T09:00:00,10.00,,,,Tea,1,10.00
";

/// Ana, Ivo whom she brought, Mia who walked past; the till file; two
/// NPS answers (Ana's 10, an anonymous 5).
fn club(config: &str) -> TempDir {
    let dir = club_with(config);
    let add = |args: &[&str]| {
        regulars(&dir)
            .args(["member", "add"])
            .args(args)
            .assert()
            .success();
    };
    add(&["--first", "Ana", "--card", "C-1"]);
    add(&["--first", "Ivo", "--card", "C-2", "--referred-by", "C-1"]);
    add(&["--first", "Mia", "--source", "walked past"]);
    import_till(&dir, TILL);
    for args in [["C-1", "--nps", "10"], ["--anonymous", "--nps", "5"]] {
        regulars(&dir).arg("feedback").args(args).assert().success();
    }
    dir
}

#[test]
fn stats_json_has_the_fixed_fields_and_null_where_undefined() {
    let dir = club(SHOP);
    let stats = json(regulars(&dir).args(["stats", "--json"]));
    // Everyone joined today: nobody was active at the start, so retention,
    // churn and the lifespan worked out from churn are undefined; no CSAT
    // answers either. An NPS of 0 is a figure, not a missing one.
    assert_eq!(
        stats,
        json!({
            "members": 3,
            "new_members": 3,
            "retention_rate": null,
            "churn_rate": null,
            "nps": 0.0,
            "csat": null,
            "cltv_minor": null,
            // 184.13 of 194.13
            "member_sales_share": 94.85,
            "counts": {
                "active_start": 0,
                "active_end": 2,
                "new_active": 2,
                "lost": 0,
                "nps_answers": 2,
                "csat_answers": 0,
            },
            "cltv_parts": {
                // 184.13 over three sale receipts
                "avg_basket_minor": 6138,
                // three visits of two members in a year
                "visits_per_year": 1.5,
                "lifespan_years": null,
            },
            "sources": [{"source": "walked past", "new_members": 1, "spend_minor": 0}],
            "top_referrers": [{"member_id": 1, "name": "Ana", "referred": 1}],
            // The config asks no survey questions.
            "survey": [],
        })
    );
}

#[test]
fn a_lifespan_in_the_config_gives_the_lifetime_value() {
    let dir = club(&format!("{SHOP}\n[stats]\nlifespan_years = 2\n"));
    let stats = json(regulars(&dir).args(["stats", "--json"]));
    assert_eq!(stats["cltv_parts"]["lifespan_years"], 2.0);
    // 61.38 × 1.5 visits × 2 years
    assert_eq!(stats["cltv_minor"], 18_414);
    // The first six days of November, before anyone had joined.
    let early = json(regulars(&dir).args([
        "stats",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-06",
        "--json",
    ]));
    assert_eq!(early["counts"]["active_end"], 0, "nobody had joined yet");
    assert_eq!(early["members"], 0);
}

#[test]
fn the_table_names_each_figure_in_the_language() {
    let dir = club(SHOP);
    let out = regulars(&dir).arg("stats").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let retention = text.lines().find(|l| l.contains("Retention rate")).unwrap();
    assert!(retention.trim_end().ends_with('—'), "{text}");
    assert!(text.contains("€61.38") && text.contains("94.8%"), "{text}");
    assert!(
        text.contains("walked past") && text.contains("Ana (#1)"),
        "{text}"
    );
    let out = regulars(&dir)
        .args(["--lang", "hr", "stats"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("Stopa zadržavanja") && text.contains("94,8%"),
        "{text}"
    );
}

#[test]
fn a_bad_period_is_refused() {
    let dir = club_with(SHOP);
    let err = stderr_of(
        regulars(&dir).args(["stats", "--from", "2026-12-01", "--to", "2026-11-01"]),
        1,
    );
    assert!(
        err.contains("2026-12-01") && err.contains("2026-11-01"),
        "{err}"
    );
    stderr_of(regulars(&dir).args(["stats", "--from", "2026-13-01"]), 2);
}
