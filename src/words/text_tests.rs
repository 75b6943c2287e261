use proptest::prelude::*;

use super::*;

#[test]
fn fit_counts_columns_not_chars() {
    assert_eq!(fit("Ana Kovač", 20), "Ana Kovač");
    assert_eq!(fit("Ana Kovač", 5), "Ana …");
    // 王小明 is six columns wide.
    assert_eq!(fit("王小明", 5), "王小…");
    assert_eq!(width(&fit("王小明", 4)), 3);
    assert_eq!(pad("王", 4), "王  ");
    assert_eq!(fit("anything", 0), "");
}

#[test]
fn thai_marks_take_no_column_and_stay_with_their_letter() {
    // น้ำ: a consonant with a tone mark and a vowel above, one column.
    assert_eq!(width("น้ำ"), 2, "น + ้ + ำ (the vowel sara am is spacing)");
    assert_eq!(width("สมศรี"), 4, "the vowel ี sits above ร");
    assert_eq!(fit("สมศรี ใจดี", 4), "สมศ…");
    assert_eq!(take_cols("ที่", 1), ("ที่", 1));
    assert_eq!(pad("ที่", 3), "ที่  ");
}

#[test]
fn wrap_keeps_lines_within_width() {
    let lines = wrap("likes dark roast and oat milk on Fridays", 12);
    assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
    assert_eq!(lines.join(" "), "likes dark roast and oat milk on Fridays");
    let long = wrap("supercalifragilistic", 8);
    assert!(long.iter().all(|l| width(l) <= 8), "{long:?}");
    assert_eq!(long.concat(), "supercalifragilistic");
}

#[test]
fn chinese_wraps_between_characters_and_fills_the_line() {
    let message = "高玲，生日快乐！爪子与书页送您一份小礼物。";
    let lines = wrap(message, 10);
    assert_eq!(lines[0], "高玲，生日");
    assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
    assert_eq!(lines.concat(), message);
    // A Latin name inside Chinese text stays whole.
    let mixed = wrap("欢迎 Paws 书店", 8);
    assert_eq!(mixed, ["欢迎", "Paws 书", "店"]);
}

/// Text from the scripts the shops write in, with combining marks.
fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Ž",
        "e\u{301}",
        " ",
        "王",
        "玲",
        "，",
        "น้ำ",
        "ที่",
        "ศ",
        "ר",
        "ה",
        "🇭🇷",
        "👍🏽",
        "-",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn clusters(s: &str) -> Vec<&str> {
    graphemes(s).collect()
}

/// Every cluster of `piece` is a whole cluster of `text`.
fn whole_clusters_of(piece: &str, text: &str) -> bool {
    let all = clusters(text);
    clusters(piece).iter().all(|g| all.contains(g) || *g == "…")
}

proptest! {
    #[test]
    fn cutting_never_splits_a_cluster_nor_overflows(text in any_text(), cols in 0usize..30) {
        let cut = fit(&text, cols);
        prop_assert!(width(&cut) <= cols, "{cut:?} wider than {cols}");
        prop_assert!(whole_clusters_of(&cut, &text), "{cut:?} from {text:?}");
        prop_assert_eq!(width(&pad(&text, cols)), cols);
    }

    #[test]
    fn wrapping_never_splits_a_cluster_nor_overflows(text in any_text(), cols in 2usize..30) {
        let lines = wrap(&text, cols);
        for line in &lines {
            prop_assert!(width(line) <= cols, "{line:?} wider than {cols}");
            prop_assert!(whole_clusters_of(line, &text), "{line:?} from {text:?}");
        }
        let without_spaces = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(without_spaces(&lines.concat()), without_spaces(&text));
    }
}
