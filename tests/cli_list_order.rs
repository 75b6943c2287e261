//! `member find` lists in the shop's language's alphabetical order, and a
//! change of language in the config reorders the club the next time.

mod cli_support;

use cli_support::{json, regulars, write_config};
use tempfile::TempDir;

fn shop_speaking(dir: &TempDir, locale: &str) {
    write_config(
        dir,
        &format!(
            "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\nlocale = \"{locale}\"\n"
        ),
    );
}

fn family_names(dir: &TempDir) -> Vec<String> {
    let found = json(regulars(dir).args(["member", "find", "ana", "--json"]));
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["family_name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn member_find_follows_the_shops_language() {
    let dir = TempDir::new().unwrap();
    shop_speaking(&dir, "hr");
    for family in [
        "Žužić", "Ćosić", "Car", "Džaja", "Čačić", "Đurić", "Cvjetko", "Dukić",
    ] {
        regulars(&dir)
            .args(["member", "add", "--first", "Ana", "--last", family])
            .assert()
            .success();
    }
    assert_eq!(
        family_names(&dir),
        [
            "Car", "Cvjetko", "Čačić", "Ćosić", "Dukić", "Džaja", "Đurić", "Žužić"
        ]
    );
    // English reads č and ć as c, and đ as a d with a mark.
    shop_speaking(&dir, "en");
    assert_eq!(
        family_names(&dir),
        [
            "Čačić", "Car", "Ćosić", "Cvjetko", "Dukić", "Đurić", "Džaja", "Žužić"
        ]
    );
}
