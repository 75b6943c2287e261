//! Copying text to the clipboard through the terminal: the OSC 52 escape
//! sequence, which most terminals (and tmux with `set-clipboard on`) turn
//! into a clipboard write, also over SSH. Terminals that do not know it
//! ignore it, so nothing breaks where it is not allowed.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Terminals cap the sequence; past about 100 kB some drop it silently.
pub const MAX_BYTES: usize = 74_994;

/// The escape sequence that puts `text` on the system clipboard, or `None`
/// when the text is too long for terminals to accept.
pub fn osc52(text: &str) -> Option<String> {
    if text.len() > MAX_BYTES {
        return None;
    }
    Some(format!("\x1b]52;c;{}\x07", STANDARD.encode(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("hi").unwrap(), "\x1b]52;c;aGk=\x07");
        let hebrew = "יום הולדת שמח";
        let seq = osc52(hebrew).unwrap();
        let payload = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let decoded = STANDARD.decode(payload).unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), hebrew);
        assert!(!seq[1..].contains('\x1b'), "one sequence only");
        assert_eq!(osc52(&"x".repeat(MAX_BYTES + 1)), None);
    }
}
