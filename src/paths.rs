//! Where the database and config live by default: the user's data and config
//! folders (`~/.local/share/regulars`, `~/.config/regulars` on Linux).

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::error::{Error, Result};

pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "regulars")
}

/// The database file used when no `--db` is given, its folder made on
/// first use. This is the only database folder the app ever makes: a
/// `--db` into a folder that does not exist is refused, so a typing
/// mistake cannot start a new, empty club.
pub fn default_db() -> Result<PathBuf> {
    let dirs = project_dirs().ok_or_else(|| Error::user("err-no-data-dir", &[]))?;
    let folder = dirs.data_dir();
    make_private_folder(folder)?;
    Ok(folder.join("regulars.db"))
}

/// Makes `folder` (and what is missing above it) readable by the owner
/// only: the members' phone numbers and birthdays are in it.
pub fn make_private_folder(folder: &Path) -> Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder).map_err(|e| Error::io(folder, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_data_folder_is_private_and_made_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("share").join("regulars");
        make_private_folder(&folder).unwrap();
        assert!(folder.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700);
        }
        // A second start finds it and leaves it alone.
        std::fs::write(folder.join("regulars.db"), "").unwrap();
        make_private_folder(&folder).unwrap();
        assert!(folder.join("regulars.db").exists());
    }
}
