//! Backups: a copy of the club's database that opens on its own, taken
//! while the counter or an import is writing.
//!
//! The copy is made by SQLite (`VACUUM INTO`) inside one read transaction,
//! so it holds the club exactly as it was at one moment, whatever a writer
//! does meanwhile; in WAL mode that writer is never held up. It is written
//! under a hidden name and renamed when complete, so a file with a
//! backup's name is always a whole backup, and it is readable by the owner
//! only from its first byte: it holds every member's phone and birthday.
//!
//! Backups go to the `backups` folder next to the database (for the default
//! database, the app's data folder). A backup taken by hand is never
//! removed by the app; the daily one keeps the last `[backup] keep`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::error::{Error, Result};

/// The folder backups go to when no path is given.
pub fn backups_folder(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The database's file name without `.db`, so backups of two clubs kept
/// side by side are told apart.
fn stem(db_path: &Path) -> String {
    db_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "regulars".to_string())
}

/// The name of the daily backup of `day`.
fn daily_name(stem: &str, day: NaiveDate) -> String {
    format!("{stem}-daily-{}.db", day.format("%Y-%m-%d"))
}

/// Takes a backup now and returns where it is. `to` may be a new file or
/// a folder that exists; without it the backup is a dated file in the
/// backups folder. An existing file is never overwritten.
pub fn take_backup(ctx: &Ctx, to: Option<&Path>) -> Result<PathBuf> {
    let day = ctx.clock.today().format("%Y-%m-%d").to_string();
    let (folder, stem) = match (to, &ctx.db_path) {
        (Some(path), _) if !path.is_dir() => {
            if path.exists() {
                let shown = path.display().to_string();
                return Err(Error::user("backup-err-exists", &[("path", &shown)]));
            }
            copy_to(ctx, path)?;
            return Ok(path.to_path_buf());
        }
        (Some(dir), db) => (dir.to_path_buf(), db.as_deref().map(stem)),
        (None, Some(db)) => {
            let folder = backups_folder(db);
            crate::paths::make_private_folder(&folder)?;
            (folder, Some(stem(db)))
        }
        (None, None) => return Err(Error::user("backup-err-no-file", &[])),
    };
    let stem = stem.unwrap_or_else(|| "regulars".to_string());
    // A second backup on the same day gets a number rather than replacing
    // the first: the owner may want the one from before a mistake.
    let path = (1..)
        .map(|n| match n {
            1 => folder.join(format!("{stem}-{day}.db")),
            n => folder.join(format!("{stem}-{day}-{n}.db")),
        })
        .find(|p| !p.exists())
        .expect("an unused number exists");
    copy_to(ctx, &path)?;
    Ok(path)
}

/// The daily backup: taken once per day of the clock, in the backups
/// folder, the oldest removed so `keep` remain. Returns the backup taken
/// now, None when today's exists, `keep` is 0 or the club has no file.
pub fn daily_backup(ctx: &Ctx) -> Result<Option<PathBuf>> {
    let keep = ctx.config.backup.keep as usize;
    let Some(db_path) = ctx.db_path.as_deref().filter(|_| keep > 0) else {
        return Ok(None);
    };
    let folder = backups_folder(db_path);
    crate::paths::make_private_folder(&folder)?;
    let stem = stem(db_path);
    let today = folder.join(daily_name(&stem, ctx.clock.today()));
    let taken = if today.exists() {
        None
    } else {
        copy_to(ctx, &today)?;
        Some(today)
    };
    remove_old_dailies(&folder, &stem, keep)?;
    Ok(taken)
}

/// The days of the daily backups in `folder`, newest first.
pub fn daily_days(folder: &Path, stem: &str) -> Result<Vec<NaiveDate>> {
    let prefix = format!("{stem}-daily-");
    let mut days = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))? {
        let entry = entry.map_err(|e| Error::io(folder, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only files named exactly as the daily backup names them; the
        // owner's own copies in the folder are left alone.
        let day = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".db"))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if let Some(day) = day.filter(|d| name == daily_name(stem, *d)) {
            days.push(day);
        }
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    Ok(days)
}

fn remove_old_dailies(folder: &Path, stem: &str, keep: usize) -> Result<()> {
    for day in daily_days(folder, stem)?.into_iter().skip(keep) {
        let old = folder.join(daily_name(stem, day));
        std::fs::remove_file(&old).map_err(|e| Error::io(&old, e))?;
    }
    Ok(())
}

/// Copies the database to `path` (which must not exist) through a hidden
/// file in the same folder, renamed when the copy is whole.
fn copy_to(ctx: &Ctx, path: &Path) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let part = path.with_file_name(format!(".{name}.part"));
    // Left by a copy that was stopped half-way; never a backup.
    let _ = std::fs::remove_file(&part);
    private_empty_file(&part)?;
    let copied = ctx
        .conn
        .execute("VACUUM INTO ?1", [part.to_string_lossy()])
        .map_err(Error::from)
        .and_then(|_| std::fs::rename(&part, path).map_err(|e| Error::io(path, e)));
    if copied.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    copied
}

/// SQLite writes into an empty file it is given and keeps its mode, so the
/// copy is never readable by others, not even while it is written.
fn private_empty_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| Error::io(path, e))?;
    Ok(())
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
