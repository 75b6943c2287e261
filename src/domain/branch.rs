//! The branches of a chain as the rows name them. A receipt or a member
//! carries the name of the branch it came from, or nothing when it came
//! from this shop (a single shop never names itself, and a name set later
//! still covers what came before). A branch asked for by name is found
//! here: names are compared trimmed and without regard to case, since the
//! owner types them and other branches' configs spell them.

/// One branch, as its rows spell it: what `--shop` narrows the figures to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    /// What the output calls the branch: this shop's own name, else the
    /// first spelling the rows carry (as the branch spells itself).
    pub name: String,
    /// It is this shop: its rows carry no name.
    pub here: bool,
    /// Every spelling of the name the rows carry (the same name in another
    /// case or with spaces around it counts as the same branch).
    pub spellings: Vec<String>,
}

/// Two spellings of one branch's name.
pub fn same_branch(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.to_lowercase() == b.to_lowercase()
}

/// The branch called `asked`: this shop when it is `own` (this shop's
/// configured name, empty when it has none), and every spelling of the
/// name among `known` (the names the rows carry). None when neither this
/// shop nor any row answers to the name.
pub fn find(asked: &str, own: &str, known: &[String]) -> Option<Branch> {
    let here = same_branch(asked, own);
    let spellings: Vec<String> = known
        .iter()
        .filter(|k| same_branch(asked, k))
        .cloned()
        .collect();
    let name = if here { own } else { spellings.first()? };
    Some(Branch {
        name: name.trim().to_string(),
        here,
        spellings,
    })
}

/// The branch names to offer when a name is not found: this shop's own
/// and those the rows carry, each once (as first spelt), in order.
pub fn names(own: &str, known: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in std::iter::once(own).chain(known.iter().map(String::as_str)) {
        let name = name.trim();
        if !name.is_empty() && !out.iter().any(|n| same_branch(n, name)) {
            out.push(name.to_string());
        }
    }
    out.sort_by_key(|n| n.to_lowercase());
    out
}

/// The club has more than one branch: some row carries a name that is not
/// this shop's own. Until then a card needs no column saying where.
pub fn is_chain(own: &str, known: &[String]) -> bool {
    known.iter().any(|k| !same_branch(k, own))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn this_shops_own_name_is_here() {
        let found = find(" centre ", "Centre", &known(&["Harbour"])).unwrap();
        assert!(found.here);
        assert!(found.spellings.is_empty());
        assert_eq!(found.name, "Centre", "as this shop spells itself");
    }

    #[test]
    fn another_branch_is_found_in_any_spelling() {
        let found = find("harbour", "Centre", &known(&["Harbour", "HARBOUR ", "Old"])).unwrap();
        assert!(!found.here);
        assert_eq!(found.spellings, ["Harbour", "HARBOUR "]);
        assert_eq!(found.name, "Harbour");
    }

    #[test]
    fn own_rows_named_explicitly_count_as_here_too() {
        let found = find("Centre", "Centre", &known(&["centre"])).unwrap();
        assert!(found.here);
        assert_eq!(found.spellings, ["centre"]);
    }

    #[test]
    fn a_name_nobody_carries_is_not_a_branch() {
        assert_eq!(find("Airport", "Centre", &known(&["Harbour"])), None);
        // A shop without a name of its own cannot be asked for by an empty one.
        assert_eq!(find("  ", "", &known(&["Harbour"])), None);
        assert_eq!(find("", "", &[]), None);
    }

    #[test]
    fn names_offered_once_each_in_order() {
        assert_eq!(
            names(
                "Centre",
                &known(&["harbour", "Harbour", "centre", " Airport"])
            ),
            ["Airport", "Centre", "harbour"]
        );
        assert!(names("", &[]).is_empty());
    }

    #[test]
    fn a_chain_is_a_club_with_another_branchs_rows() {
        assert!(!is_chain("", &[]));
        assert!(!is_chain("Centre", &known(&["CENTRE"])));
        assert!(is_chain("Centre", &known(&["Harbour"])));
        assert!(is_chain("", &known(&["Harbour"])));
    }
}
