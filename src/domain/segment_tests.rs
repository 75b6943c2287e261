use chrono::{NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;

fn term(word: Word, test: Test) -> Expr {
    Expr::Term(Term { word, test })
}

fn refused(text: &str) -> SegmentError {
    parse(text).expect_err(text)
}

#[test]
fn every_example_of_the_design_reads() {
    for text in [
        "tier=Gold",
        "pet=dog",
        "children",
        "child_age=3..6",
        "age=30..45",
        "birthday_month=12",
        "area=10000",
        "tag=vegan",
        "language=he",
        "visits_12m>=5",
        "spend_12m>=500",
        "last_visit<2026-09-01",
        "bought=Birthday cake",
        "category=Cakes",
        "source=neighbour shop",
        "children>=2",
        "usual_day=sat",
        "usual_hour=7..9",
        "occupation=teacher",
    ] {
        let expr = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(expr.to_string(), text);
    }
}

#[test]
fn a_value_with_spaces_runs_to_the_next_and() {
    let expr = parse("bought=Birthday cake and pet = dog").unwrap();
    assert_eq!(
        expr,
        Expr::And(
            Box::new(term(
                Word::Bought,
                Test::Text(Op::Eq, "Birthday cake".into())
            )),
            Box::new(term(Word::Pet, Test::Text(Op::Eq, "dog".into()))),
        )
    );
}

#[test]
fn not_binds_tighter_than_and_tighter_than_or() {
    let expr = parse("not pet or children and tier=Gold").unwrap();
    let pet = term(Word::Pet, Test::Has);
    let kids = term(Word::Children, Test::Has);
    let gold = term(Word::Tier, Test::Text(Op::Eq, "Gold".into()));
    assert_eq!(
        expr,
        Expr::Or(
            Box::new(Expr::Not(Box::new(pet))),
            Box::new(Expr::And(Box::new(kids), Box::new(gold))),
        )
    );
    assert_eq!(
        parse("(pet or children) and tier=Gold")
            .unwrap()
            .to_string(),
        "(pet or children) and tier=Gold"
    );
}

#[test]
fn weekdays_and_dates_are_read_in_their_forms() {
    assert_eq!(
        parse("usual_day=Saturday").unwrap(),
        term(Word::UsualDay, Test::Weekday(Op::Eq, Weekday::Sat))
    );
    assert_eq!(
        parse("last_visit>=2026-9-1").unwrap(),
        term(
            Word::LastVisit,
            Test::Date(Op::Ge, NaiveDate::from_ymd_opt(2026, 9, 1).unwrap())
        )
    );
}

#[test]
fn an_unknown_word_is_named_with_where_it_starts() {
    let e = refused("pet=dog and colour=red");
    assert_eq!(
        (e.key, e.found.as_str(), e.at),
        ("segment-err-unknown-word", "colour", 13)
    );
}

#[test]
fn a_bad_value_names_the_value_and_its_word() {
    let e = refused("birthday_month=13");
    assert_eq!(
        (e.key, e.found.as_str(), e.word.as_str(), e.at),
        ("segment-err-bad-value", "13", "birthday_month", 16)
    );
    assert_eq!(refused("age=45..30").key, "segment-err-bad-value");
    assert_eq!(refused("usual_day=someday").key, "segment-err-bad-value");
    assert_eq!(refused("last_visit<yesterday").found, "yesterday");
}

#[test]
fn a_sign_the_word_does_not_take_is_refused() {
    let e = refused("tier>Gold");
    assert_eq!((e.key, e.found.as_str()), ("segment-err-bad-op", ">"));
    assert_eq!(refused("age<3..5").key, "segment-err-bad-op");
}

#[test]
fn broken_shapes_are_refused_with_a_place() {
    assert_eq!(refused("   ").key, "segment-err-empty");
    assert_eq!(refused("tier").key, "segment-err-needs-value");
    assert_eq!(refused("pet and").key, "segment-err-end");
    let open = refused("(pet or children");
    assert_eq!((open.key, open.at), ("segment-err-unclosed", 1));
    let stray = refused("pet )");
    assert_eq!(
        (stray.key, stray.found.as_str()),
        ("segment-err-unexpected", ")")
    );
    assert_eq!(refused("tag=\"vegan").key, "segment-err-unclosed");
}

fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[a-z()ž高ก\\- ]{1,8}( and | or |  )[a-z]{0,5}",
        Just("and".to_string()),
    ]
}

fn any_term() -> impl Strategy<Value = Term> {
    let op = prop_oneof![Just(Op::Eq), Just(Op::Ne)];
    let cmp = prop_oneof![
        Just(Op::Eq),
        Just(Op::Ne),
        Just(Op::Lt),
        Just(Op::Le),
        Just(Op::Gt),
        Just(Op::Ge)
    ];
    (
        0..Word::ALL.len(),
        op,
        cmp,
        text_value(),
        0i64..12,
        0i64..12,
        0u32..5000,
    )
        .prop_map(|(w, either, cmp, text, a, b, days)| {
            let word = Word::ALL[w];
            let test = match word.kind() {
                Kind::Text if text.len() % 3 == 0 && word.stands_alone() => Test::Has,
                Kind::Text => Test::Text(either, text),
                Kind::Number if a % 4 == 0 && word.stands_alone() => Test::Has,
                Kind::Number if b % 2 == 0 => {
                    let (lo, _) = word.bounds();
                    Test::Range(either, lo + a.min(b), lo + a.max(b))
                }
                Kind::Number => Test::Number(cmp, word.bounds().0 + a),
                Kind::Date => Test::Date(
                    cmp,
                    NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
                        + chrono::Duration::days(days.into()),
                ),
                Kind::Weekday => Test::Weekday(either, Weekday::try_from((a % 7) as u8).unwrap()),
            };
            Term { word, test }
        })
}

fn any_expr() -> impl Strategy<Value = Expr> {
    any_term()
        .prop_map(Expr::Term)
        .prop_recursive(4, 24, 2, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
                (inner.clone(), inner.clone())
                    .prop_map(|(a, b)| Expr::And(Box::new(a), Box::new(b))),
                (inner.clone(), inner).prop_map(|(a, b)| Expr::Or(Box::new(a), Box::new(b))),
            ]
        })
}

proptest! {
    #[test]
    fn printing_and_reading_again_gives_the_same(expr in any_expr()) {
        let text = expr.to_string();
        prop_assert_eq!(parse(&text), Ok(expr), "{}", text);
    }

    #[test]
    fn junk_is_refused_or_read_never_a_panic(text in "\\PC{0,40}") {
        let _ = parse(&text);
    }

    #[test]
    fn pieces_of_the_grammar_in_any_order_never_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("("), Just(")"), Just(" and "), Just(" or "), Just("not "),
                Just("tier"), Just("="), Just(">="), Just(".."), Just("\""),
                Just("3"), Just("pet"), Just(" "), Just("x"),
            ],
            0..16,
        )
    ) {
        let _ = parse(&parts.concat());
    }
}
