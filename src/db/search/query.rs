//! What the owner typed, read as search words, and how well a member's
//! stored details answer each word. Pure: no database.

use crate::db::search::index::{CARD, EMAIL, FAMILY, FIRST, JOINED, NATIONAL, PHONE, line};
use crate::domain::member::{clean_text, fold};

/// How a member matches, best first. The order is the counter's ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// The whole phone, card or email.
    Exact,
    /// A word of the first name starts with the query.
    FirstName,
    /// A word of the family name starts with the query.
    FamilyName,
    /// Anywhere else in a name, email, card or phone.
    Contains,
}

/// One typed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Needle {
    /// Folded, as names are stored.
    pub text: String,
    /// Lower-cased only, as emails are stored.
    pub lower: String,
    /// The digits, when the word looks like (part of) a phone number.
    pub digits: Option<String>,
}

/// Characters people type inside phone numbers besides digits.
const PHONE_PUNCTUATION: &[char] = &[' ', '-', '.', '(', ')', '+', '/'];

fn looks_like_phone(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || PHONE_PUNCTUATION.contains(&c))
}

impl Needle {
    fn new(word: &str) -> Option<Needle> {
        let text = fold(word);
        if text.is_empty() {
            return None;
        }
        let digits =
            looks_like_phone(word).then(|| word.chars().filter(char::is_ascii_digit).collect());
        Some(Needle {
            text,
            lower: word.to_lowercase(),
            digits,
        })
    }

    /// Length in characters of the shortest fragment: the trigram index
    /// serves a word only when every form has three characters or more.
    pub fn shortest_fragment(&self) -> usize {
        self.fragments()
            .iter()
            .map(|f| f.chars().count())
            .min()
            .unwrap_or_default()
    }

    /// The forms of this word worth looking for as a fragment.
    pub fn fragments(&self) -> Vec<&str> {
        let mut forms = vec![self.text.as_str()];
        if let Some(d) = self.digits.as_deref().filter(|d| *d != self.text) {
            forms.push(d);
        }
        forms
    }

    /// How a member with this stored search_text matches, if at all.
    pub fn tier(&self, search_text: &str) -> Option<Tier> {
        let digits = self.digits.as_deref();
        let is_digits = |l: &str| !l.is_empty() && Some(l) == digits;
        let card = line(search_text, CARD);
        if is_digits(line(search_text, PHONE))
            || is_digits(line(search_text, NATIONAL))
            || is_digits(card)
            || card == self.text
            || line(search_text, EMAIL) == self.text
        {
            return Some(Tier::Exact);
        }
        let starts = |l: &str| starts_a_word(l, &self.text);
        // A name typed whole ranks as its words do in the index: written
        // as its script writes it with first names, the other way round
        // with family names.
        let mut joined = line(search_text, JOINED).split(' ');
        let (natural, other) = (joined.next().unwrap_or(""), joined.next().unwrap_or(""));
        if starts(line(search_text, FIRST)) || starts(natural) {
            return Some(Tier::FirstName);
        }
        if starts(line(search_text, FAMILY)) || starts(other) {
            return Some(Tier::FamilyName);
        }
        self.fragments()
            .iter()
            .any(|f| search_text.contains(f))
            .then_some(Tier::Contains)
    }
}

/// Whether a word of `name`, as `index::name_words` splits it, starts with `text`.
fn starts_a_word(name: &str, text: &str) -> bool {
    let mut at_start = true;
    for (i, c) in name.char_indices() {
        if at_start && name[i..].starts_with(text) {
            return true;
        }
        at_start = c.is_whitespace() || c == '-' || c == '\'';
    }
    false
}

/// The typed query as words. A phone number typed with spaces or dashes
/// ("050 123-45") is one word; otherwise every word must match.
pub(crate) fn needles(query: &str) -> Vec<Needle> {
    let cleaned = clean_text(query);
    if looks_like_phone(&cleaned) {
        let joined: String = cleaned.chars().filter(|c| !c.is_whitespace()).collect();
        return Needle::new(&joined).into_iter().collect();
    }
    cleaned.split_whitespace().filter_map(Needle::new).collect()
}

/// The query read as a card typed without its dash or with a space
/// ("hr1001", "C 10093"), or as a card's number alone ("1001"): letters and
/// digits only, with a digit. None for anything else (a name, an email).
pub(crate) fn card_key(query: &str) -> Option<String> {
    let key: String = fold(query)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let card_like =
        key.chars().all(|c| c.is_ascii_alphanumeric()) && key.chars().any(|c| c.is_ascii_digit());
    card_like.then_some(key)
}

/// The tier of a member for all words: the weakest word decides, and a
/// member missing any word does not match. Among several words, one of one
/// or two characters ("maya c") must start a name word: anywhere, it would
/// match nearly everyone.
pub(crate) fn tier_of_all(needles: &[Needle], search_text: &str) -> Option<Tier> {
    let several = needles.len() > 1;
    needles
        .iter()
        .map(|n| {
            n.tier(search_text)
                .filter(|t| !several || n.shortest_fragment() >= 3 || *t != Tier::Contains)
        })
        .try_fold(Tier::Exact, |worst, t| t.map(|t| worst.max(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::search::index::SearchFields;

    fn stored(first: &str, family: &str, phone: Option<&str>) -> String {
        SearchFields::new(first, family, phone, Some("maya@example.com"), Some("C-77")).search_text
    }

    #[test]
    fn phone_typed_with_spaces_is_one_word() {
        let n = needles(" 050 123-4 ");
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].digits.as_deref(), Some("0501234"));
        assert_eq!(n[0].text, "050123-4");
        let words = needles("Maya  Co");
        assert_eq!(words.len(), 2);
        assert_eq!(
            (words[0].text.as_str(), words[0].digits.as_ref()),
            ("maya", None)
        );
        assert!(needles("  ").is_empty());
    }

    #[test]
    fn tiers_follow_the_counter_ranking() {
        let s = stored("Maya", "Kovačić", Some("+972501234567"));
        let tier = |q: &str| tier_of_all(&needles(q), &s);
        assert_eq!(tier("0501234567"), Some(Tier::Exact));
        assert_eq!(tier("+972 50 123 4567"), Some(Tier::Exact));
        assert_eq!(tier("c-77"), Some(Tier::Exact));
        assert_eq!(tier("MAYA@example.com"), Some(Tier::Exact));
        assert_eq!(tier("ma"), Some(Tier::FirstName));
        assert_eq!(tier("kovac"), Some(Tier::FamilyName));
        assert_eq!(tier("ya"), Some(Tier::Contains));
        assert_eq!(tier("501234"), Some(Tier::Contains));
        assert_eq!(tier("maya kov"), Some(Tier::FamilyName));
        assert_eq!(tier("maya zz"), None);
        assert_eq!(tier("maya ov"), None, "a short word must start a name word");
        assert_eq!(tier("maya ovac"), Some(Tier::Contains));
        assert_eq!(tier("zz"), None);
    }

    #[test]
    fn word_starts_follow_the_indexed_words() {
        let name = "anne-marie o'neil";
        let words = crate::db::search::index::name_words(name);
        for text in ["an", "anne-m", "mar", "o", "o'n", "neil"] {
            assert!(starts_a_word(name, text), "{text}");
            assert!(words.iter().any(|w| w.starts_with(text)), "{text}");
        }
        for text in ["nne", "arie", "eil", "e o"] {
            assert!(!starts_a_word(name, text), "{text}");
            assert!(!words.iter().any(|w| w.starts_with(text)), "{text}");
        }
    }

    #[test]
    fn a_card_is_read_without_dash_or_space() {
        assert_eq!(card_key("hr1001").as_deref(), Some("hr1001"));
        assert_eq!(card_key(" C 10093 ").as_deref(), Some("c10093"));
        assert_eq!(card_key("HR-1001").as_deref(), Some("hr1001"));
        assert_eq!(card_key("1001").as_deref(), Some("1001"));
        assert_eq!(card_key("maya"), None, "no digit: a name");
        assert_eq!(card_key("ana@x1.hr"), None);
        assert_eq!(card_key("+385 91"), None);
    }

    #[test]
    fn fragment_length_counts_characters() {
        assert_eq!(needles("李伟明")[0].shortest_fragment(), 3);
        assert_eq!(needles("(05)")[0].shortest_fragment(), 2);
        assert_eq!(needles("(05)")[0].fragments(), vec!["(05)", "05"]);
    }
}
