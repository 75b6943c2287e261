use super::*;

fn bought(item: &str, qty_milli: i64) -> Bought {
    Bought {
        item: item.into(),
        category: None,
        qty_milli,
        amount_minor: 0,
    }
}

#[test]
fn items_show_quantities_other_than_one() {
    let lines = [
        bought("Latte", 1000),
        bought("Croissant", 2000),
        bought("Cheese", 1250),
        bought("Latte", 2000),
    ];
    assert_eq!(items_text(&lines), "Latte ×3, Croissant ×2, Cheese ×1.25");
    assert_eq!(items_text(&[bought("Bag", 0)]), "Bag");
}

#[test]
fn days_ago_reads_naturally() {
    let ago = |days| t_count("ui-days-ago", "days", days);
    assert_eq!(
        (ago(0), ago(1), ago(12)),
        ("today".into(), "yesterday".into(), "12 days ago".into())
    );
    assert_eq!(items_text(&[bought("Mug", -1000)]), "Mug");
    assert_eq!(quantity(-3000), "3");
}
