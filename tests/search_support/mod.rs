//! A club on a real database file for the search tests: members added by
//! name or draft, visits on given days, and what a query finds.

#![allow(dead_code)]

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use regulars::db;
use regulars::db::search::{MemberRow, search};
use regulars::domain::member::MemberDraft;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
}

pub struct Club {
    _dir: tempfile::TempDir,
    pub conn: Connection,
}

pub fn club() -> Club {
    let dir = tempfile::tempdir().unwrap();
    let conn = db::open(&dir.path().join("club.db")).unwrap();
    Club { _dir: dir, conn }
}

pub fn draft(first: &str, family: &str) -> MemberDraft {
    MemberDraft {
        first_name: first.to_string(),
        family_name: family.to_string(),
        ..MemberDraft::default()
    }
}

impl Club {
    pub fn add(&self, d: MemberDraft) -> i64 {
        let now = today().and_hms_opt(10, 0, 0).unwrap();
        db::members::insert(&self.conn, &d, &[], now).unwrap()
    }

    pub fn named(&self, first: &str, family: &str) -> i64 {
        self.add(draft(first, family))
    }

    pub fn visit(&self, member: i64, day: &str) {
        let till_id: i64 = self
            .conn
            .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
            .unwrap();
        self.conn
            .execute(
                "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
                 VALUES ('test', ?1, ?2, 1000, 'sale', ?3)",
                params![till_id.to_string(), day, member],
            )
            .unwrap();
    }

    pub fn find(&self, query: &str) -> Vec<MemberRow> {
        search(&self.conn, query, today(), 50).unwrap()
    }

    pub fn ids(&self, query: &str) -> Vec<i64> {
        self.find(query).iter().map(|r| r.id).collect()
    }
}
