//! A chain's branches in words: the line that says which branch a list
//! or the figures are narrowed to, and the branch of a visit on the card.

use crate::domain::branch::Branch;
use crate::i18n::{t, t_args};

/// "Branch: Harbour", with its line end: under a command's heading.
pub fn branch_line(branch: &Branch) -> String {
    format!("{}\n", t_args("cli-branch", &[("name", &branch.name)]))
}

/// Where a visit was: the branch its receipt names, else this shop, by
/// its own name (`own`) or, without one, as "this shop".
pub fn visit_branch(shop: Option<&str>, own: &str) -> String {
    match shop.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => name.to_string(),
        None if own.trim().is_empty() => t("ui-history-this-shop"),
        None => own.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_names_its_branch_or_this_shop() {
        assert_eq!(visit_branch(Some("Harbour"), "Centre"), "Harbour");
        assert_eq!(visit_branch(None, "Centre"), "Centre");
        assert_eq!(visit_branch(None, " "), "this shop");
        assert_eq!(visit_branch(Some(""), ""), "this shop");
    }

    #[test]
    fn the_branch_line_names_the_branch() {
        let branch = Branch {
            name: "Harbour".into(),
            here: false,
            spellings: vec!["Harbour".into()],
        };
        assert_eq!(branch_line(&branch), "Branch: Harbour\n");
    }
}
