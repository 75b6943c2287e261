//! How every list of members leaves the app: CSV cells a spreadsheet
//! cannot run as a formula, and a file that opens as UTF-8 and that only
//! the owner can read.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Text a spreadsheet would run as a formula ("=…", "+…", "-…", "@…", or
/// starting with a tab or carriage return) gets a leading apostrophe:
/// names and messages are typed by people, and a list may be opened by
/// someone who trusts it.
pub fn neutralise(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// Writes `text` to `path` with a byte order mark, mode 0600, and gives the
/// full path it went to.
pub fn write_private(path: &Path, text: &str) -> Result<PathBuf> {
    // The byte order mark tells a spreadsheet the file is UTF-8, so names
    // like Kovačić, כהן or 高玲 open as written.
    let text = format!("\u{FEFF}{text}");
    write_owner_only(path, text.as_bytes())
}

/// Writes `bytes` to `path` as they are, mode 0600 (a vCard has no byte
/// order mark), and gives the full path it went to.
pub fn write_owner_only(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Names and phone numbers: for the owner's eyes only.
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| Error::io(path, e))?;
    #[cfg(unix)]
    {
        // A file that was there before keeps its mode on open: set it.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Error::io(path, e))?;
    }
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    Ok(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_is_neutralised_and_nothing_else() {
        for text in ["=1+1", "+385", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(text.into()), format!("'{text}"));
        }
        for text in ["Ana", "091 234 5678", "", "a=b", " =x"] {
            assert_eq!(neutralise(text.into()), text);
        }
    }

    #[test]
    fn the_file_is_utf8_with_a_mark_and_the_owners_only() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("list.csv");
        std::fs::write(&path, "old").unwrap();
        let written = write_private(&path, "Kovačić\n").unwrap();
        assert_eq!(
            std::fs::read(&written).unwrap(),
            "\u{FEFF}Kovačić\n".as_bytes()
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&written).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
