use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 23)
}

fn line(item: &str, category: Option<&str>, amount: i64) -> Bought {
    Bought {
        item: item.into(),
        category: category.map(Into::into),
        qty_milli: 1000,
        amount_minor: amount,
    }
}

fn sale(date: NaiveDate, hour: u32, total: i64, lines: Vec<Bought>) -> Purchase {
    Purchase {
        date,
        time: NaiveTime::from_hms_opt(hour, 15, 0),
        total_minor: total,
        refund: false,
        lines,
        shop: None,
    }
}

fn refund(date: NaiveDate, total: i64, lines: Vec<Bought>) -> Purchase {
    Purchase {
        date,
        time: None,
        total_minor: total,
        refund: true,
        lines,
        shop: None,
    }
}

#[test]
fn no_purchases_show_nothing() {
    let h = habits(&[], today());
    assert_eq!(h.months.len(), 12);
    assert!(h.months.iter().all(|m| m.visits == 0));
    assert_eq!((h.months[0].year, h.months[0].month), (2025, 12));
    assert_eq!((h.months[11].year, h.months[11].month), (2026, 11));
    assert_eq!((h.visits_12m, h.spend_12m), (0, 0));
    assert_eq!(h.average_basket, None);
    assert_eq!(h.last_visit, None);
    assert_eq!(h.days_since_last, None);
    assert_eq!(h.median_gap_days, None);
    assert_eq!(h.usual_weekday, None);
    assert_eq!(h.usual_hour, None);
    assert!(h.favourite_items.is_empty() && h.favourite_categories.is_empty());
}

#[test]
fn a_single_visit_is_counted_but_shows_no_habit() {
    let one = sale(
        d(2026, 11, 20),
        10,
        1250,
        vec![line("Latte", Some("Coffee"), 1250)],
    );
    let h = habits(&[one], today());
    assert_eq!(h.visits_12m, 1);
    assert_eq!(h.spend_12m, 1250);
    assert_eq!(h.average_basket, Some(1250));
    assert_eq!(h.last_visit, Some(d(2026, 11, 20)));
    assert_eq!(h.days_since_last, Some(3));
    assert_eq!(h.months[11].visits, 1);
    assert_eq!(h.median_gap_days, None);
    assert_eq!((h.usual_weekday, h.usual_hour), (None, None));
    assert_eq!(h.favourite_items[0].name, "Latte");
}

#[test]
fn refunds_lower_spend_not_visits() {
    let purchases = [
        sale(
            d(2026, 11, 2),
            9,
            3000,
            vec![line("Beans", Some("Coffee"), 2000), line("Mug", None, 1000)],
        ),
        // A refund on a day of its own is no visit.
        refund(d(2026, 11, 5), -1000, vec![line("Mug", None, -1000)]),
        sale(
            d(2026, 11, 9),
            9,
            1000,
            vec![line("Beans", Some("Coffee"), 1000)],
        ),
    ];
    let h = habits(&purchases, today());
    assert_eq!(h.visits_12m, 2);
    assert_eq!(h.months[11].visits, 2);
    assert_eq!(h.spend_12m, 3000);
    // Net spend over the two sale receipts.
    assert_eq!(h.average_basket, Some(1500));
    assert_eq!(h.last_visit, Some(d(2026, 11, 9)));
    assert_eq!(h.median_gap_days, Some(7));
    let items: Vec<_> = h.favourite_items.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(items, ["Beans", "Mug"]);
    assert_eq!(h.favourite_items[1].visits, 1);
}

#[test]
fn months_follow_calendar_boundaries_and_the_year_window() {
    let at = |date| sale(date, 12, 100, vec![]);
    let purchases = [
        at(d(2025, 11, 23)), // 365 days ago: outside the window
        at(d(2025, 11, 24)), // 364 days ago: inside, but before the chart
        at(d(2025, 11, 30)),
        at(d(2025, 12, 1)), // first month of the chart
        at(d(2026, 10, 31)),
        at(d(2026, 11, 1)),
        at(d(2026, 11, 1)), // the same day twice is one visit
        at(d(2026, 11, 23)),
        at(d(2026, 11, 24)), // after today: left out
    ];
    let h = habits(&purchases, today());
    assert_eq!(h.visits_12m, 6);
    assert_eq!(h.spend_12m, 700);
    assert_eq!((h.months[0].month, h.months[0].visits), (12, 1));
    assert_eq!((h.months[10].month, h.months[10].visits), (10, 1));
    assert_eq!((h.months[11].month, h.months[11].visits), (11, 2));
    assert_eq!(h.months.iter().map(|m| m.visits).sum::<u32>(), 4);
    assert_eq!(h.days_since_last, Some(0));
}

#[test]
fn the_chart_crosses_the_new_year() {
    let h = habits(&[sale(d(2026, 2, 28), 8, 100, vec![])], d(2027, 1, 5));
    assert_eq!((h.months[0].year, h.months[0].month), (2026, 2));
    assert_eq!(h.months[0].visits, 1);
    assert_eq!((h.months[11].year, h.months[11].month), (2027, 1));
}

#[test]
fn usual_day_hour_and_gap() {
    // Saturdays at 10 mostly, one Tuesday at 17.
    let purchases = [
        sale(d(2026, 10, 31), 10, 500, vec![]),
        sale(d(2026, 11, 7), 10, 500, vec![]),
        sale(d(2026, 11, 10), 17, 500, vec![]),
        sale(d(2026, 11, 14), 10, 500, vec![]),
        sale(d(2026, 11, 21), 11, 500, vec![]),
    ];
    let h = habits(&purchases, today());
    assert_eq!(h.usual_weekday, Some(Weekday::Sat));
    assert_eq!(h.usual_hour, Some(10));
    // Gaps 7, 3, 4, 7: the median of an even count is the mean of the middle two.
    assert_eq!(h.median_gap_days, Some(5));
    assert_eq!(h.days_since_last, Some(2));
}

#[test]
fn favourites_rank_by_visits_then_money() {
    let purchases = [
        sale(
            d(2026, 11, 2),
            9,
            0,
            vec![
                line("Latte", Some("Coffee"), 350),
                line("Latte", Some("Coffee"), 350),
                line("Cake", Some("Bakery"), 400),
            ],
        ),
        sale(
            d(2026, 11, 3),
            9,
            0,
            vec![
                line("Latte", Some("Coffee"), 350),
                line("Scone", Some("Bakery"), 300),
            ],
        ),
        sale(d(2026, 11, 4), 9, 0, vec![line("Tea", Some("Tea"), 900)]),
    ];
    let h = habits(&purchases, today());
    let items: Vec<_> = h
        .favourite_items
        .iter()
        .map(|f| (f.name.as_str(), f.visits))
        .collect();
    // Two lattes on one visit count as one visit; Tea beats Cake on money.
    assert_eq!(items, [("Latte", 2), ("Tea", 1), ("Cake", 1)]);
    let categories: Vec<_> = h
        .favourite_categories
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(categories, ["Coffee", "Bakery", "Tea"]);
}

#[test]
fn a_lapsed_member_is_described_by_their_whole_history() {
    let purchases = [
        sale(d(2024, 3, 2), 15, 800, vec![line("Kibble", None, 800)]),
        sale(d(2024, 3, 9), 15, 800, vec![line("Kibble", None, 800)]),
        refund(d(2026, 1, 5), -800, vec![]),
    ];
    let h = habits(&purchases, today());
    assert_eq!(h.visits_12m, 0);
    assert_eq!(h.spend_12m, -800);
    assert_eq!(h.average_basket, None);
    assert_eq!(h.usual_weekday, Some(Weekday::Sat));
    assert_eq!(h.usual_hour, Some(15));
    assert_eq!(h.median_gap_days, Some(7));
    assert_eq!(h.favourite_items[0].name, "Kibble");
    assert_eq!(h.last_visit, Some(d(2024, 3, 9)));
}

#[test]
fn absurd_receipts_saturate_the_spend() {
    let half = i64::MAX / 2;
    let purchases: Vec<Purchase> = (1..=3)
        .map(|day| {
            sale(
                d(2026, 11, day),
                10,
                half,
                vec![line("Gold bar", None, half)],
            )
        })
        .collect();
    let h = habits(&purchases, today());
    assert_eq!(h.spend_12m, i64::MAX);
    assert_eq!(h.favourite_items[0].name, "Gold bar");
}
