//! `[backup]`: the daily backup the app takes when it starts.

use serde::Deserialize;

/// How many daily backups are kept when nothing is configured: a week of
/// days to go back to, at the size of a few copies of the database.
pub const DEFAULT_KEEP: u32 = 7;

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct BackupSettings {
    /// The last this many daily backups are kept; 0 takes none.
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings { keep: DEFAULT_KEEP }
    }
}
