//! Where the database and config live by default: the user's data and config
//! folders (`~/.local/share/regulars`, `~/.config/regulars` on Linux).

use std::path::PathBuf;

use directories::ProjectDirs;

pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "regulars")
}

/// The database file used when no `--db` is given.
pub fn default_db() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("regulars.db"))
}
