//! Column mapping: any CSV with a header row is read as the app's own
//! CSV once the owner says which column is what
//! (`receipt=Bon,time=Datum,total=Summe`). The header is renamed to the
//! plain CSV's column names and read by its reader, so times, money,
//! sale/refund words and contacts read exactly as there.

use super::table::{Header, Row, fold_name};
use crate::error::{Error, Result};
use crate::message::Message;

/// What a column can be, by the word `--map` uses, and the plain CSV's
/// name for it.
pub const ROLES: [(&str, &str); 10] = [
    ("receipt", "receipt_id"),
    ("time", "time"),
    ("total", "total"),
    ("item", "item"),
    ("qty", "qty"),
    ("amount", "amount"),
    ("kind", "kind"),
    ("phone", "phone"),
    ("email", "email"),
    ("card", "card"),
];
/// What a receipt cannot do without.
pub const REQUIRED: [&str; 3] = ["receipt", "time", "total"];

/// Which column is what: roles with the header name given for each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    pairs: Vec<(&'static str, String)>,
}

impl ColumnMap {
    /// Reads `receipt=COL,time=COL,...`; an unknown role, a role given
    /// twice or a required one left out is refused naming it.
    pub fn parse(text: &str) -> Result<ColumnMap> {
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (role, column) = part.split_once('=').unwrap_or((part, ""));
            let known = ROLES
                .iter()
                .map(|(r, _)| *r)
                .find(|r| r.eq_ignore_ascii_case(role.trim()));
            let column = column.trim();
            let Some(role) = known.filter(|_| !column.is_empty()) else {
                return Err(Error::user(
                    "import-err-map-role",
                    &[("value", part.trim())],
                ));
            };
            if pairs.iter().any(|(r, _)| *r == role) {
                return Err(Error::user(
                    "import-err-map-role",
                    &[("value", part.trim())],
                ));
            }
            pairs.push((role, column.to_string()));
        }
        if let Some(role) = REQUIRED
            .iter()
            .find(|r| !pairs.iter().any(|(p, _)| p == *r))
        {
            return Err(Error::user("import-err-map-missing", &[("role", role)]));
        }
        Ok(ColumnMap { pairs })
    }

    /// As `--map` writes it (and the database keeps it).
    pub fn text(&self) -> String {
        self.pairs
            .iter()
            .map(|(role, column)| format!("{role}={column}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The first role whose column `header` lacks, with that column.
    pub fn missing_in(&self, header: &Header) -> Option<(&'static str, &str)> {
        self.pairs
            .iter()
            .find(|(_, column)| header.find(&[column.as_str()]).is_none())
            .map(|(role, column)| (*role, column.as_str()))
    }

    /// The column given for `role`, if one is.
    pub fn column_of(&self, role: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, column)| column.as_str())
    }

    /// A row's reason naming the column as the file's header writes it
    /// ("Summe"), not by the plain CSV's name it was read under ("total").
    pub fn as_written(&self, reason: Message) -> Message {
        let Some(read_as) = reason.value("column") else {
            return reason;
        };
        let role = ROLES.iter().find(|(_, plain)| *plain == read_as);
        match role.and_then(|(role, _)| self.column_of(role)) {
            Some(column) => {
                let column = column.to_string();
                reason.replaced("column", &column)
            }
            None => reason,
        }
    }

    /// The first role given, with its column (a required one).
    pub fn first(&self) -> (&'static str, &str) {
        let (role, column) = &self.pairs[0];
        (role, column.as_str())
    }

    /// How many of the given columns `header` has.
    pub fn found_in(&self, header: &Header) -> usize {
        self.pairs.len()
            - self
                .pairs
                .iter()
                .filter(|(_, c)| header.find(&[c.as_str()]).is_none())
                .count()
    }

    /// `header` renamed for the plain CSV's reader: each mapped column by
    /// its role's name, every other column by a name no reader looks for
    /// (so an unmapped "Name" or "Date" is not read by accident). A column
    /// given for two roles is refused naming it.
    pub fn rename(&self, header: &Header) -> Result<Header> {
        let mut names: Vec<String> = (0..header.len()).map(|i| format!("unmapped-{i}")).collect();
        let mut taken = vec![false; header.len()];
        for (role, column) in &self.pairs {
            let Some(at) = header.find(&[column.as_str()]) else {
                continue;
            };
            if taken[at] {
                return Err(Error::user("import-err-map-twice", &[("column", column)]));
            }
            taken[at] = true;
            let plain = ROLES
                .iter()
                .find(|(r, _)| r == role)
                .map_or(*role, |(_, p)| *p);
            names[at] = plain.to_string();
        }
        Ok(Header::new(&Row::new(0, names)))
    }
}

/// The key a header's mapping is kept under: its column names folded as
/// the import compares them, so a re-saved export with other case or
/// spacing still finds it.
pub fn header_key(header: &Header) -> String {
    header
        .names()
        .map(fold_name)
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Header {
        Header::new(&Row::new(1, names))
    }

    #[test]
    fn a_map_names_its_roles_and_refuses_what_it_cannot_be() {
        let map = ColumnMap::parse("receipt=Bon, time=Datum,total=Summe,phone=Telefon").unwrap();
        assert_eq!(
            map.text(),
            "receipt=Bon,time=Datum,total=Summe,phone=Telefon"
        );
        let err = ColumnMap::parse("receipt=Bon,time=Datum").unwrap_err();
        assert_eq!(err.key(), Some("import-err-map-missing"));
        assert!(err.to_string().contains("total"), "{err}");
        let err = ColumnMap::parse("receipt=Bon,time=Datum,total=Summe,colour=Farbe").unwrap_err();
        assert!(err.to_string().contains("colour=Farbe"), "{err}");
        assert!(ColumnMap::parse("receipt=Bon,receipt=Nr,time=D,total=S").is_err());
    }

    #[test]
    fn the_header_is_renamed_for_the_plain_reader() {
        let map = ColumnMap::parse("receipt=Bon,time=Datum,total=Summe").unwrap();
        let h = header(&["Name", "Bon", "Datum", "Summe"]);
        assert_eq!(map.missing_in(&h), None);
        let renamed = map.rename(&h).unwrap();
        assert_eq!(renamed.find(&["receipt_id"]), Some(1));
        assert_eq!(renamed.find(&["total"]), Some(3));
        // The unmapped "Name" is not read as the customer's name.
        assert_eq!(renamed.find(&["name"]), None);
        let other = header(&["Bon", "Zeit", "Summe"]);
        assert_eq!(map.missing_in(&other), Some(("time", "Datum")));
        let twice = ColumnMap::parse("receipt=Bon,time=Datum,total=Summe,amount=Summe").unwrap();
        assert!(twice.rename(&h).is_err());
        assert_eq!(
            header_key(&h),
            header_key(&header(&["NAME", "bon", "Datum ", "Summe"]))
        );
    }
}
