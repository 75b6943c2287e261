//! A contact list as vCard 4.0 (RFC 6350), for phones and mail programs
//! that import address cards rather than spreadsheets: one card per
//! member with the name and only the contact of the channel they agreed
//! to. Pure formatting; who is on the list is decided elsewhere.

use crate::db::consenting::Consenting;
use crate::domain::member::Channel;

/// RFC 6350 wants physical lines of at most 75 octets.
const LINE_OCTETS: usize = 75;

/// The cards of `rows` for `channel`, lines ending in CRLF.
pub fn cards(channel: Channel, rows: &[Consenting]) -> String {
    let mut out = String::new();
    for row in rows {
        card(&mut out, channel, row);
    }
    out
}

fn card(out: &mut String, channel: Channel, row: &Consenting) {
    let full = format!("{} {}", row.first_name, row.family_name);
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:4.0".to_string(),
        format!("FN:{}", escape(full.trim())),
        format!(
            "N:{};{};;;",
            escape(&row.family_name),
            escape(&row.first_name)
        ),
    ];
    match channel {
        Channel::Email => lines.push(format!("EMAIL:{}", escape(&row.contact))),
        // Phones are stored as +E.164, which is a valid tel: URI as it is.
        _ => lines.push(format!(
            "TEL;VALUE=uri;TYPE=cell:tel:{}",
            tel_uri(&row.contact)
        )),
    }
    if let Some(lang) = row.language.as_deref().filter(|l| !l.trim().is_empty()) {
        lines.push(format!("LANG:{}", escape(lang.trim())));
    }
    lines.push("END:VCARD".to_string());
    for line in lines {
        fold_into(out, &line);
    }
}

/// A text value with the characters vCard gives a meaning escaped: a
/// backslash, comma and semicolon get a backslash, a line break becomes
/// `\n` (a name typed with a comma must not split into two values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                // CR LF is one line break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Only the characters a tel: URI may hold; anything else in a stored
/// phone would break the line's meaning.
fn tel_uri(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '+' | '-'))
        .collect()
}

/// Appends `line` folded to at most 75 octets a line, CRLF after each;
/// a continuation starts with one space, and a character of several bytes
/// (č, כ, 玲) is never split between lines.
pub fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(first: &str, family: &str, contact: &str, language: Option<&str>) -> Consenting {
        Consenting {
            member_id: 1,
            first_name: first.into(),
            family_name: family.into(),
            contact: contact.into(),
            language: language.map(String::from),
        }
    }

    #[test]
    fn a_card_has_the_name_and_only_the_channels_contact() {
        let rows = [row("Ana", "Kovač", "+385912345678", Some("hr"))];
        assert_eq!(
            cards(Channel::Sms, &rows),
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Kovač\r\nN:Kovač;Ana;;;\r\n\
             TEL;VALUE=uri;TYPE=cell:tel:+385912345678\r\nLANG:hr\r\nEND:VCARD\r\n"
        );
        let rows = [row("Eva", "Horvat", "eva@example.com", None)];
        let text = cards(Channel::Email, &rows);
        assert!(text.contains("\r\nEMAIL:eva@example.com\r\n"), "{text}");
        assert!(!text.contains("TEL") && !text.contains("LANG"), "{text}");
    }

    #[test]
    fn one_card_per_member() {
        let rows = [
            row("Ana", "Kovač", "a@example.com", None),
            row("Eva", "Horvat", "e@example.com", None),
        ];
        let text = cards(Channel::Email, &rows);
        assert_eq!(text.matches("BEGIN:VCARD\r\n").count(), 2);
        assert_eq!(text.matches("END:VCARD\r\n").count(), 2);
    }

    #[test]
    fn commas_semicolons_backslashes_and_line_breaks_are_escaped() {
        assert_eq!(escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(
            escape("one\ntwo\r\nthree\rfour"),
            "one\\ntwo\\nthree\\nfour"
        );
        let text = cards(
            Channel::Sms,
            &[row("Ana; Marija", "Kovač,\nJr", "+3851", None)],
        );
        assert!(
            text.contains("\r\nN:Kovač\\,\\nJr;Ana\\; Marija;;;\r\n"),
            "{text}"
        );
        assert!(
            text.split("\r\n")
                .all(|l| !l.contains('\n') && !l.contains('\r')),
            "{text:?}"
        );
    }

    #[test]
    fn a_phone_cannot_bring_other_characters_into_the_uri() {
        let text = cards(Channel::Sms, &[row("A", "B", "+385 91;x\r\nEMAIL:y", None)]);
        assert!(text.contains("tel:+38591\r\n"), "{text}");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        for name in [
            "a".repeat(200),
            "č".repeat(90),
            "玲".repeat(70),
            "a玲".repeat(40),
        ] {
            let mut out = String::new();
            fold_into(&mut out, &format!("FN:{name}"));
            assert!(out.ends_with("\r\n"));
            let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(lines.len() > 1, "{out}");
            for (i, line) in lines.iter().enumerate() {
                assert!(line.len() <= LINE_OCTETS, "{} octets: {line}", line.len());
                assert_eq!(i > 0, line.starts_with(' '), "{line}");
            }
            // Unfolding (drop CRLF and the one space) gives the line back.
            let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
            assert_eq!(unfolded, format!("FN:{name}"));
        }
        let mut short = String::new();
        fold_into(&mut short, &"x".repeat(75));
        assert_eq!(short, format!("{}\r\n", "x".repeat(75)));
    }
}
