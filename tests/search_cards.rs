//! Cards at the counter's search: a card number typed whole ranks first,
//! and one typed without its dash or with a space finds it.

mod search_support;

use regulars::domain::member::MemberDraft;
use search_support::*;

#[test]
fn a_card_number_typed_whole_ranks_first_and_needs_no_dash() {
    let c = club();
    let phone = c.add(MemberDraft {
        phone: Some("+385911001001".into()),
        ..draft("Ivo", "Horvat")
    });
    let longer = c.add(MemberDraft {
        card: Some("HR-10010".into()),
        ..draft("Ana", "Kovač")
    });
    let hr = c.add(MemberDraft {
        card: Some("HR-1001".into()),
        ..draft("Zoran", "Božić")
    });
    let spaced = c.add(MemberDraft {
        card: Some("C-10093".into()),
        ..draft("Maja", "Perić")
    });
    // The phone and the longer card were visitors more recently: the card
    // number typed whole still comes first.
    c.visit(phone, "2026-03-10");
    c.visit(longer, "2026-03-11");
    let found = c.ids("1001");
    assert_eq!(found[0], hr, "{found:?}");
    assert!(
        found.contains(&phone) && found.contains(&longer),
        "{found:?}"
    );
    assert_eq!(c.ids("hr1001")[0], hr);
    assert_eq!(c.ids("HR 1001")[0], hr);
    assert_eq!(c.ids("C 10093"), vec![spaced]);
    assert_eq!(c.ids("c10093"), vec![spaced]);
    assert_eq!(c.ids("10093"), vec![spaced]);
}
