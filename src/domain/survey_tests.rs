use chrono::NaiveDate;

use super::*;

fn question(kind: Kind, choices: &[&str]) -> Question {
    Question {
        text: "Q".into(),
        kind,
        choices: choices.iter().map(|c| c.to_string()).collect(),
    }
}

fn stored(score: Option<i64>, words: &str, day: u32) -> StoredAnswer {
    StoredAnswer {
        score,
        words: words.into(),
        at: NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap(),
    }
}

#[test]
fn an_answer_is_read_as_its_question_allows() {
    let nps = question(Kind::Nps, &[]);
    assert_eq!(nps.read(" 10 "), Some(Given::Score(10)));
    assert_eq!(nps.read("0"), Some(Given::Score(0)));
    assert_eq!(nps.read("11"), None);
    assert_eq!(nps.read("nine"), None);
    assert_eq!(nps.read(""), None);
    let csat = question(Kind::Csat, &[]);
    assert_eq!(csat.read("0"), None);
    assert_eq!(csat.read("5"), Some(Given::Score(5)));
    let choice = question(Kind::Choice, &["Oat milk", "Soy milk"]);
    assert_eq!(
        choice.read("oat MILK"),
        Some(Given::Words("Oat milk".into()))
    );
    assert_eq!(choice.read("2"), Some(Given::Words("Soy milk".into())));
    assert_eq!(choice.read("3"), None);
    assert_eq!(choice.read("Rice milk"), None);
    let text = question(Kind::Text, &[]);
    assert_eq!(
        text.read("  more\u{7} vegan  cakes "),
        Some(Given::Words("more vegan cakes".into()))
    );
    assert_eq!(text.read("   "), None);
}

#[test]
fn a_scale_summary_is_its_mean_and_none_without_answers() {
    let answers = [stored(Some(9), "9", 1), stored(Some(6), "6", 2)];
    assert_eq!(
        summarise(Kind::Nps, &[], &answers),
        Summary::Mean(Some(7.5))
    );
    assert_eq!(summarise(Kind::Csat, &[], &[]), Summary::Mean(None));
}

#[test]
fn choices_are_counted_in_the_configs_order_with_old_ones_after() {
    let choices = vec!["Oat milk".to_string(), "Soy milk".to_string()];
    let answers = [
        stored(None, "Soy milk", 1),
        stored(None, "Rice milk", 2),
        stored(None, "Soy milk", 3),
    ];
    assert_eq!(
        summarise(Kind::Choice, &choices, &answers),
        Summary::Choices(vec![
            ("Oat milk".into(), 0),
            ("Soy milk".into(), 2),
            ("Rice milk".into(), 1),
        ])
    );
}

#[test]
fn free_text_shows_the_latest_five_newest_first() {
    let answers: Vec<StoredAnswer> = (1..=7)
        .map(|d| stored(None, &format!("day {d}"), d))
        .collect();
    let Summary::Latest(latest) = summarise(Kind::Text, &[], &answers) else {
        panic!("not a text summary");
    };
    assert_eq!(latest, ["day 7", "day 6", "day 5", "day 4", "day 3"]);
}
