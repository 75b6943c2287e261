//! The inbox: the folder the owner drops the till's exports into. Lists its
//! files and tells which were imported already (by content, so a renamed
//! copy of an imported file is still recognised).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rusqlite::Connection;

use super::file_sha256;
use crate::db::receipts::{ImportRecord, import_by_sha};
use crate::error::{Error, Result};

/// One file in the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxFile {
    pub name: String,
    pub path: PathBuf,
    pub size: u64,
    /// The earlier import of the same content, if any.
    pub imported: Option<ImportRecord>,
}

/// Checksums of files already read, by path, size and modification time:
/// looking again at a big inbox reads only new or changed files.
#[derive(Debug, Default)]
pub struct Checksums(HashMap<(PathBuf, u64, Option<SystemTime>), String>);

impl Checksums {
    fn of(&mut self, path: &Path, meta: &std::fs::Metadata) -> Result<String> {
        let key = (path.to_path_buf(), meta.len(), meta.modified().ok());
        if let Some(sha) = self.0.get(&key) {
            return Ok(sha.clone());
        }
        let sha = file_sha256(path)?;
        self.0.insert(key, sha.clone());
        Ok(sha)
    }
}

/// Creates the inbox folder if it is not there yet.
pub fn ensure(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

/// Lock files of spreadsheet programs and hidden files are no exports.
fn is_export_name(name: &str) -> bool {
    !(name.starts_with('.') || name.starts_with('~'))
}

/// The files in `dir`: not yet imported first, then by name.
pub fn scan(conn: &Connection, dir: &Path, sums: &mut Checksums) -> Result<Vec<InboxFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() || !is_export_name(&name) {
            continue;
        }
        let imported = import_by_sha(conn, &sums.of(&path, &meta)?)?;
        files.push(InboxFile {
            name,
            path,
            size: meta.len(),
            imported,
        });
    }
    files.sort_by(|a, b| (a.imported.is_some(), &a.name).cmp(&(b.imported.is_some(), &b.name)));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::db::receipts::begin_import;

    #[test]
    fn lists_exports_new_first_and_marks_imported_content() {
        let conn = open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write("b.csv", "receipt_id,time,total\n");
        write("a.csv", "receipt_id,time,total\nR1,2026-01-01,1\n");
        write(".hidden.csv", "x");
        write("~lock.csv", "x");
        std::fs::create_dir(dir.path().join("old")).unwrap();
        let sha = file_sha256(&dir.path().join("a.csv")).unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        begin_import(&conn, "renamed.csv", &sha, "generic", at).unwrap();
        let files = scan(&conn, dir.path(), &mut Checksums::default()).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["b.csv", "a.csv"]);
        assert!(files[0].imported.is_none());
        assert_eq!(files[1].imported.as_ref().unwrap().file_name, "renamed.csv");
        assert_eq!(files[0].size, 22);
    }

    #[test]
    fn ensure_creates_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        ensure(&inbox).unwrap();
        assert!(inbox.is_dir());
        let mut sums = Checksums::default();
        assert!(
            scan(&open_in_memory().unwrap(), &inbox, &mut sums)
                .unwrap()
                .is_empty()
        );
    }
}
