//! Indexes set aside while a large import stores its receipts. An import
//! of a year of sales into a new club adds more rows than the tables hold:
//! kept up one receipt at a time, each index took a page here and a page
//! there for every receipt, and once the indexes outgrew the page cache
//! every receipt read and wrote pages back. Built again at the end, an
//! index is one sort of the table and is written in order.
//!
//! The indexes are dropped and made again from their own SQL in the
//! import's transaction: a failed or cancelled import rolls both back, and
//! other connections see the same indexes before and after.

use rusqlite::Connection;

use crate::error::Result;

/// The tables an import writes to and whose indexes it may set aside.
const TABLES: [&str; 3] = ["receipts", "lines", "receipt_payments"];

/// Indexes the import itself reads while it stores: a receipt's lines are
/// counted when a later file completes it.
const KEPT: [&str; 1] = ["lines_receipt"];

/// Rows of a file from which setting indexes aside can pay off at all.
const LARGE_FILE_ROWS: u64 = 20_000;

/// Indexes set aside, with the SQL that makes each again.
#[derive(Debug, Default)]
pub struct ShelvedIndexes {
    sql: Vec<String>,
}

/// Whether an import of `file_rows` rows stores enough to set the indexes
/// aside: building an index again sorts what the tables held before too,
/// so it pays when the file brings more rows than there are receipts.
pub fn worth_shelving(conn: &Connection, file_rows: u64) -> Result<bool> {
    if file_rows < LARGE_FILE_ROWS {
        return Ok(false);
    }
    let stored: i64 = conn.query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))?;
    Ok(file_rows > u64::try_from(stored).unwrap_or(0))
}

impl ShelvedIndexes {
    /// Drops the indexes of the import's tables (not their keys, nor the
    /// ones an import reads), keeping their SQL. Run in a transaction.
    pub fn shelve(conn: &Connection) -> Result<ShelvedIndexes> {
        let mut find = conn.prepare(
            "SELECT name, sql FROM sqlite_schema
             WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN (?1, ?2, ?3) AND name NOT IN (?4)
             ORDER BY name",
        )?;
        let found: Vec<(String, String)> = find
            .query_map([TABLES[0], TABLES[1], TABLES[2], KEPT[0]], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &found {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(ShelvedIndexes {
            sql: found.into_iter().map(|(_, sql)| sql).collect(),
        })
    }

    /// Makes every index set aside again; nothing when none was. `before_each`
    /// runs before each index is made (a sort of a whole table) and stops
    /// the work with its error: an import cancelled there rolls back.
    pub fn restore(
        &mut self,
        conn: &Connection,
        mut before_each: impl FnMut() -> Result<()>,
    ) -> Result<()> {
        while let Some(sql) = self.sql.first() {
            before_each()?;
            conn.execute_batch(sql)?;
            self.sql.remove(0);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    fn indexes(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
                 AND tbl_name IN ('receipts', 'lines', 'receipt_payments') ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn indexes_set_aside_come_back_as_they_were() {
        let conn = open_in_memory().unwrap();
        let before = indexes(&conn);
        assert!(before.len() > 5, "{before:?}");
        let mut shelved = ShelvedIndexes::shelve(&conn).unwrap();
        let names: Vec<String> = indexes(&conn).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["lines_receipt"], "only what an import reads stays");
        let mut made = 0;
        let stop = shelved.restore(&conn, || {
            made += 1;
            if made == 3 {
                return Err(crate::error::Error::Other("stop".into()));
            }
            Ok(())
        });
        assert!(stop.is_err(), "stopped before the third");
        assert_eq!(indexes(&conn).len(), 3, "lines_receipt and the two made");
        shelved.restore(&conn, || Ok(())).unwrap();
        assert_eq!(indexes(&conn), before);
        shelved.restore(&conn, || Ok(())).unwrap();
        assert_eq!(indexes(&conn), before, "restoring twice changes nothing");
    }

    #[test]
    fn only_a_file_larger_than_the_club_sets_indexes_aside() {
        let conn = open_in_memory().unwrap();
        assert!(!worth_shelving(&conn, 100).unwrap(), "a small file");
        assert!(worth_shelving(&conn, LARGE_FILE_ROWS).unwrap());
        conn.execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
             INSERT INTO receipts (source, till_id, local_date, total_minor, kind)
             SELECT 'square', 'T' || i, '2026-03-01', 100, 'sale' FROM n",
        )
        .unwrap();
        assert!(
            !worth_shelving(&conn, 25_000).unwrap(),
            "the club is larger"
        );
        assert!(worth_shelving(&conn, 40_000).unwrap());
    }
}
