//! Small lookups the counter screens need.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::member::full_name;
use crate::error::Result;

/// Who holds club card `card` already: (id, full name).
pub fn card_owner(conn: &Connection, card: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, first_name, family_name FROM members WHERE card = ?1 AND erased_at IS NULL",
            [card],
            |r| {
                let first: String = r.get(1)?;
                let family: String = r.get(2)?;
                Ok((r.get(0)?, full_name(&first, &family)))
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::MemberDraft;

    #[test]
    fn finds_the_holder_of_a_card() {
        let conn = crate::db::open_in_memory().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let draft = MemberDraft {
            first_name: "Ana".into(),
            family_name: "Kovač".into(),
            card: Some("C-7".into()),
            ..MemberDraft::default()
        };
        let id = crate::db::members::insert(&conn, &draft, &[], now).unwrap();
        assert_eq!(
            card_owner(&conn, "C-7").unwrap(),
            Some((id, "Ana Kovač".to_string()))
        );
        assert_eq!(card_owner(&conn, "C-8").unwrap(), None);
    }
}
