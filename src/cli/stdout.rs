//! Everything the commands print for the user goes through [`print`]:
//! `println!` panics when standard output cannot be written (a full disk,
//! a closed pipe), and a shop owner should see one clear line instead.
//!
//! A full disk (or any other failure) becomes a user error, so the command
//! exits 1 with that line on stderr. A reader that went away (`regulars
//! member find a | head`) is no failure: the rest of the output is dropped
//! quietly and the command finishes its work.

use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Result};

/// Set once the reader of standard output has gone away.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `text` to standard output and flushes it, so a failure is seen
/// here and not lost when the process ends.
pub fn print(text: &str) -> Result<()> {
    write_to(&mut std::io::stdout().lock(), text)
}

/// [`print`] with a line end.
pub fn print_line(text: impl std::fmt::Display) -> Result<()> {
    print(&format!("{text}\n"))
}

fn write_to(out: &mut dyn Write, text: &str) -> Result<()> {
    if CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => Err(Error::user("err-stdout", &[("detail", &e.to_string())])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_a_user_error_naming_the_cause() {
        // The device every write to fails with "no space left".
        let mut full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let err = write_to(&mut full, "Ana Horvat\n").unwrap_err();
        assert_eq!(err.key(), Some("err-stdout"));
        let text = err.to_string();
        assert!(text.contains(&std::io::Error::from_raw_os_error(libc::ENOSPC).to_string()));
        assert_eq!(text.lines().count(), 1, "{text}");
    }

    #[test]
    fn text_is_written_whole() {
        let mut out = Vec::new();
        write_to(&mut out, "Ana Horvat\n").unwrap();
        write_to(&mut out, "Ivo Kovač\n").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "Ana Horvat\nIvo Kovač\n");
    }
}
