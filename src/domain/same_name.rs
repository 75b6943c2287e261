//! Whether the name a till wrote for a customer is a member's name: before
//! a till customer is linked to a member the owner is warned when they
//! differ. Letter case, accents, commas and the order of first and family
//! name are how tills differ, not people, so they do not count.

use crate::domain::member::fold;

/// The name's words folded ("Željko" → "zeljko"), punctuation dropped,
/// sorted: "Horvat, Ivan" and "ivan horvat" give the same words.
fn words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = fold(name)
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort();
    words
}

/// True when the till's name and the member's first and family name are
/// the same person's name as far as a name can tell. A Chinese name may be
/// written without a space in either order (李伟, 伟李 or 李 伟).
pub fn same_name(till: &str, first: &str, family: &str) -> bool {
    let till_words = words(till);
    let member_words = words(&format!("{first} {family}"));
    // A till that wrote no name says nothing either way; the caller says so.
    if till_words.is_empty() {
        return false;
    }
    if till_words == member_words {
        return true;
    }
    let joined = till_words.concat();
    let (first, family) = (words(first).concat(), words(family).concat());
    joined == format!("{first}{family}") || joined == format!("{family}{first}")
}

#[cfg(test)]
mod tests {
    use super::same_name;

    #[test]
    fn case_accents_commas_and_order_do_not_count() {
        assert!(same_name("Ivan Horvat", "Ivan", "Horvat"));
        assert!(same_name("IVAN HORVAT", "Ivan", "Horvat"));
        assert!(same_name("Horvat, Ivan", "Ivan", "Horvat"));
        assert!(same_name("  zeljko   duric ", "Željko", "Đurić"));
        assert!(same_name("van Horn Ivan", "Ivan", "van Horn"));
        assert!(same_name("李伟", "伟", "李"));
        assert!(same_name("伟 李", "伟", "李"));
        assert!(same_name("נועה כהן", "נועה", "כהן"));
    }

    #[test]
    fn another_name_or_part_of_one_differs() {
        assert!(!same_name("Ivan Horvat", "Ivana", "Horvat"));
        assert!(!same_name("Petra", "Nada", "Jurić"));
        assert!(!same_name("Ivan", "Ivan", "Horvat"));
        assert!(!same_name("Ivan Horvat Jr", "Ivan", "Horvat"));
        assert!(!same_name("", "Ivan", "Horvat"));
        assert!(!same_name("李伟", "伟", "王"));
    }
}
