//! Shared setup for the chain's tests: a throwaway PostgreSQL (the one in
//! `REGULARS_TEST_PG_URL`, else one started for this test binary by
//! `.ci/postgres`, which stops it when the tests end), a fresh database
//! on it per test, and shops: each a temp folder with its own club file and
//! a config naming the chain and the branch, driven through the real
//! binary. Without a server the tests fail, saying how to get one.

#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

#[path = "../cli_support/mod.rs"]
mod cli_support;
pub use cli_support::*;

/// The shop settings every branch shares; points so balances can be compared.
const SHOP: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 1
signup_bonus = 50
"#;

fn admin_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(url) = std::env::var("REGULARS_TEST_PG_URL")
            && !url.trim().is_empty()
        {
            return url;
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/postgres");
        let dir = std::env::temp_dir().join(format!("regulars-test-pg-{}", std::process::id()));
        let out = std::process::Command::new(&script)
            .arg("start")
            .arg(&dir)
            .arg(std::process::id().to_string())
            .output()
            .expect("runs .ci/postgres");
        assert!(
            out.status.success(),
            "No PostgreSQL for the chain's tests: set REGULARS_TEST_PG_URL, or install \
             PostgreSQL 15 (initdb, pg_ctl) so .ci/postgres can start one.\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    })
}

/// `url` with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let host = base.find("://").map_or(0, |i| i + 3);
    let path = base[host..].find('/').map_or(base.len(), |i| host + i);
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    format!("{}/{name}{query}", &base[..path])
}

/// A fresh, empty chain database; its URL.
pub fn new_chain() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let admin = admin_url();
    let name = format!(
        "chain_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let mut client = postgres::Client::connect(admin, postgres::NoTls)
        .unwrap_or_else(|e| panic!("the test server answers: {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    with_database(admin, &name)
}

/// One branch of the chain.
pub struct Shop {
    pub dir: TempDir,
    pub name: String,
}

impl Shop {
    /// A new branch `name` of the chain at `url`, with an empty club.
    pub fn new(url: &str, name: &str) -> Shop {
        let dir = club_with(&format!(
            "{SHOP}\n[sync]\nurl = \"{url}\"\nshop = \"{name}\"\n"
        ));
        Shop {
            dir,
            name: name.to_string(),
        }
    }

    /// `regulars` on this branch's club.
    pub fn run(&self) -> Command {
        regulars(&self.dir)
    }

    /// `regulars sync --json`, which must succeed; its report.
    pub fn sync(&self) -> Value {
        json(self.run().args(["sync", "--json"]))
    }

    /// A member's JSON by key (id, card, phone or email).
    pub fn member(&self, key: &str) -> Value {
        json(self.run().args(["member", "show", key, "--json"]))
    }

    /// Rows of a query on this branch's club file, read straight from it.
    pub fn query_i64(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(self.dir.path().join("club.db")).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// A chain made ready (`sync --init`) with branches of these names.
pub fn chain_of(names: &[&str]) -> (String, Vec<Shop>) {
    let url = new_chain();
    let shops: Vec<Shop> = names.iter().map(|n| Shop::new(&url, n)).collect();
    shops[0].run().args(["sync", "--init"]).assert().success();
    (url, shops)
}

/// Every count of a sync report's `pushed` or `pulled`, summed.
pub fn total(moved: &Value) -> i64 {
    moved
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_i64().unwrap())
        .sum()
}
