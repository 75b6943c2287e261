//! The import screen's mapping step, for a file no format reads: one row
//! per role (receipt number, date and time, total, …), each picking one of
//! the file's columns or none, and under them the first rows as the import
//! would read them with that mapping. Enter imports through the same
//! operation as `regulars import --map` (the mapping kept for the file's
//! header); Esc goes back to the files with nothing stored or kept.
//!
//! The file's first rows are read once, when the step opens; a change of
//! the mapping reads those rows again from memory here, in `update`, so
//! drawing only shows what the state holds.

use std::path::{Path, PathBuf};

use crate::i18n::t;
use crate::import::Options;
use crate::import::first_rows::{FirstRows, Preview};
use crate::import::mapping::{ColumnMap, REQUIRED, ROLES};
use crate::import::table::fold_name;
use crate::message::Message;
use crate::ui::keymap::Action;

#[path = "import_mapping_view.rs"]
mod view;

/// What the first rows show with the mapping as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// A role a receipt needs has no column yet (the role's word).
    Missing(&'static str),
    Read(Preview),
    /// The rows could not be read at all.
    Failed(Message),
}

/// What a key on the step asks of the import screen.
#[derive(Debug)]
pub enum Step {
    Stay,
    /// Import the file with this mapping.
    Import(ColumnMap),
    /// Back to the files: nothing imported, nothing kept.
    Back,
    /// Say this on the message line.
    Problem(Message),
}

#[derive(Debug)]
pub struct MappingStep {
    file: PathBuf,
    first: FirstRows,
    columns: Vec<String>,
    opts: Options,
    /// For each role (in the order of `ROLES`), the column picked.
    picked: Vec<Option<usize>>,
    /// The role row with the focus.
    role: usize,
    /// Opened by the owner (`m`), not offered for a file no format reads.
    by_hand: bool,
    shown: Shown,
}

/// Whether a role is one a receipt needs.
pub fn required(role: &str) -> bool {
    REQUIRED.contains(&role)
}

/// The role's name in the owner's words ("Receipt number").
pub fn role_name(role: &str) -> String {
    t(&format!("ui-map-role-{role}"))
}

/// Whether column `at` can be named in a kept mapping: it has a name,
/// none of the characters the kept text separates roles and columns
/// with, and no column before it has the same name (a mapping names a
/// column by its name, which would read the first).
fn pickable(columns: &[String], at: usize) -> bool {
    let name = &columns[at];
    !name.is_empty()
        && !name.contains([',', '='])
        && !columns[..at]
            .iter()
            .any(|c| fold_name(c) == fold_name(name))
}

impl MappingStep {
    /// The step for `file` with no column picked yet.
    pub fn new(file: PathBuf, first: FirstRows, opts: Options) -> MappingStep {
        let mut step = MappingStep {
            file,
            columns: first.columns(),
            first,
            opts,
            picked: vec![None; ROLES.len()],
            role: 0,
            by_hand: false,
            shown: Shown::Missing(REQUIRED[0]),
        };
        step.refresh();
        step
    }

    /// The step as the owner opens it for a file of their choice.
    pub fn by_hand(mut self) -> MappingStep {
        self.by_hand = true;
        self
    }

    /// The step with each role's column as `map` says (a mapping kept
    /// for the file's header), where the header has that column.
    pub fn with_map(mut self, map: &ColumnMap) -> MappingStep {
        for ((role, _), picked) in ROLES.iter().zip(&mut self.picked) {
            *picked = map.column_of(role).and_then(|column| {
                let column = fold_name(column);
                (0..self.columns.len())
                    .find(|&c| pickable(&self.columns, c) && fold_name(&self.columns[c]) == column)
            });
        }
        self.refresh();
        self
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The file's column names, as its header writes them.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The column picked for `role` (by the `--map` word), if any.
    pub fn picked(&self, role: &str) -> Option<&str> {
        let at = ROLES.iter().position(|(r, _)| *r == role)?;
        self.picked[at].map(|c| self.columns[c].as_str())
    }

    pub fn shown(&self) -> &Shown {
        &self.shown
    }

    pub fn update(&mut self, action: Action) -> Step {
        match action {
            Action::Up => self.role = self.role.saturating_sub(1),
            Action::Down => self.role = (self.role + 1).min(ROLES.len() - 1),
            Action::Left => self.cycle(false),
            Action::Right => self.cycle(true),
            Action::Delete => {
                self.picked[self.role] = None;
                self.refresh();
            }
            Action::Save => {
                return match (&self.shown, self.map()) {
                    (Shown::Missing(role), _) => {
                        Step::Problem(Message::new("ui-map-needed", &[("role", &role_name(role))]))
                    }
                    (_, Ok(map)) => Step::Import(map),
                    (_, Err(e)) => Step::Problem(e.message()),
                };
            }
            Action::Back => return Step::Back,
            _ => {}
        }
        Step::Stay
    }

    /// The role in focus takes the next (or previous) column no other
    /// role has, "none" between the last column and the first.
    fn cycle(&mut self, forward: bool) {
        let free: Vec<Option<usize>> = std::iter::once(None)
            .chain(
                (0..self.columns.len())
                    .filter(|&c| pickable(&self.columns, c))
                    .filter(|&c| {
                        self.picked
                            .iter()
                            .enumerate()
                            .all(|(role, p)| role == self.role || *p != Some(c))
                    })
                    .map(Some),
            )
            .collect();
        let now = free
            .iter()
            .position(|c| *c == self.picked[self.role])
            .unwrap_or(0);
        let next = if forward {
            (now + 1) % free.len()
        } else {
            (now + free.len() - 1) % free.len()
        };
        self.picked[self.role] = free[next];
        self.refresh();
    }

    /// The mapping as `--map` would say it.
    fn map(&self) -> crate::error::Result<ColumnMap> {
        let text: Vec<String> = ROLES
            .iter()
            .zip(&self.picked)
            .filter_map(|((role, _), c)| c.map(|c| format!("{role}={}", self.columns[c])))
            .collect();
        ColumnMap::parse(&text.join(","))
    }

    /// Reads the first rows again with the mapping as it now stands.
    fn refresh(&mut self) {
        let missing = ROLES
            .iter()
            .zip(&self.picked)
            .find(|((role, _), c)| required(role) && c.is_none());
        self.shown = match missing {
            Some(((role, _), _)) => Shown::Missing(role),
            None => match self
                .map()
                .and_then(|map| self.first.preview(&map, &self.opts))
            {
                Ok(preview) => Shown::Read(preview),
                Err(e) => Shown::Failed(e.message()),
            },
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::formats::testing::options;

    fn step(text: &str) -> MappingStep {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kasse.csv");
        std::fs::write(&path, text).unwrap();
        let first = FirstRows::read(&path, None, "DE").unwrap().unwrap();
        MappingStep::new(path, first, options("DE"))
    }

    #[test]
    fn columns_cycle_through_none_and_skip_those_taken() {
        let mut s = step("Bon;Datum;Summe\nB1;01.03.2026;1,00\n");
        assert_eq!(s.shown(), &Shown::Missing("receipt"));
        s.update(Action::Right);
        assert_eq!(s.picked("receipt"), Some("Bon"));
        s.update(Action::Down);
        s.update(Action::Right);
        // Bon is the receipt's: the time's first choice is Datum.
        assert_eq!(s.picked("time"), Some("Datum"));
        s.update(Action::Left);
        assert_eq!(s.picked("time"), None);
        s.update(Action::Left);
        assert_eq!(s.picked("time"), Some("Summe"), "backwards wraps round");
        assert!(matches!(s.update(Action::Save), Step::Problem(_)));
        s.update(Action::Left);
        s.update(Action::Down);
        s.update(Action::Right);
        assert_eq!(s.picked("total"), Some("Summe"));
        match s.shown() {
            Shown::Read(p) => assert_eq!(p.receipts[0].total_minor, 100),
            other => panic!("{other:?}"),
        }
        match s.update(Action::Save) {
            Step::Import(map) => assert_eq!(map.text(), "receipt=Bon,time=Datum,total=Summe"),
            other => panic!("{other:?}"),
        }
        s.update(Action::Delete);
        assert_eq!(s.shown(), &Shown::Missing("total"));
        assert!(matches!(s.update(Action::Back), Step::Back));
    }

    #[test]
    fn a_column_named_twice_or_not_at_all_is_offered_once() {
        let mut s = step("Bon;;Summe;summe;Datum\nB1;x;1,00;2,00;01.03.2026\n");
        let mut offered = Vec::new();
        for _ in 0..4 {
            s.update(Action::Right);
            offered.push(s.picked("receipt").map(str::to_string));
        }
        let names = ["Bon", "Summe", "Datum"].map(|n| Some(n.to_string()));
        assert_eq!(offered, [&names[..], &[None]].concat());
    }
}
