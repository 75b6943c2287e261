//! Files the app does not know: a near miss of a known till is refused
//! naming the till and the missing columns, and any CSV with a header row
//! imports once the owner says which column is what (`--map`), the
//! mapping kept for the next file with the same header.

mod cli_support;

use cli_support::{club_with, count, json_lines, regulars, stderr, write};

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "US"
currency = "USD"
"#;

/// Square Item Sales with only seven of its columns shown.
const SQUARE_SEVEN: &str = "Date,Time,Category,Item,Qty,Customer Name,Customer ID
2026-03-01,10:00:00,Toys,Kite,1,Ana,C1
";

#[test]
fn a_square_export_with_hidden_columns_is_named_with_what_is_missing() {
    let dir = club_with(CONFIG);
    let file = write(&dir, "items.csv", SQUARE_SEVEN);
    let out = regulars(&dir).args(["import", &file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for words in [
        "Square Item Sales",
        "\"Transaction ID\"",
        "\"Net Sales\"",
        "\"Tax\"",
        "show all columns",
    ] {
        assert!(err.contains(words), "{err}");
    }
    assert!(!err.contains("Zettle"), "{err}");
    for lang in ["en", "he", "th"] {
        let out = regulars(&dir)
            .args(["--lang", lang, "import", "--json", &file])
            .output()
            .unwrap();
        let lines = json_lines(&out.stdout);
        assert_eq!(lines[0]["code"], "columns-missing", "{}", lines[0]);
    }
    assert_eq!(count(&dir, "receipts"), 0);
}
