//! How wide a table's columns are. A column is as wide as its heading in
//! the language in use or its widest value, so no heading is cut in a
//! language with longer words; one column (a name) takes what is left of
//! the window and is the first to give way, its names cut with "…".

use crate::ui::format::width;

/// The columns a heading and its values need: the widest of them.
pub fn wanted<S: AsRef<str>>(heading: &str, values: impl IntoIterator<Item = S>) -> usize {
    values
        .into_iter()
        .map(|v| width(v.as_ref()))
        .fold(width(heading), usize::max)
}

/// Widths of columns wanting `wanted` columns each, `gap` columns apart,
/// in `total` columns. Column `flex` gets what the others leave, at least
/// `flex_min`; when even that does not fit, the widest other columns are
/// narrowed a column at a time (their texts cut with "…") until the row
/// fits.
pub fn widths(
    wanted: &[usize],
    flex: usize,
    flex_min: usize,
    total: usize,
    gap: usize,
) -> Vec<usize> {
    let gaps = gap * wanted.len().saturating_sub(1);
    let mut out = wanted.to_vec();
    let others = |out: &[usize]| -> usize {
        out.iter()
            .enumerate()
            .filter(|&(i, _)| i != flex)
            .map(|(_, w)| w)
            .sum()
    };
    loop {
        let left = total.saturating_sub(gaps + others(&out));
        if left >= flex_min || others(&out) == 0 {
            out[flex] = left;
            return out;
        }
        // The widest other column gives a column.
        let widest = (0..out.len())
            .filter(|&i| i != flex)
            .max_by_key(|&i| (out[i], i))
            .unwrap_or(flex);
        if widest == flex || out[widest] == 0 {
            out[flex] = left;
            return out;
        }
        out[widest] -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_is_as_wide_as_its_heading_or_its_widest_value() {
        assert_eq!(wanted("Zadnji posjet", ["uto, 17. stu"]), 13);
        assert_eq!(wanted("Dan", ["pon, 23. stu", "sri, 5. stu"]), 12);
        assert_eq!(wanted("积分", ["12"]), 4);
    }

    #[test]
    fn the_name_column_takes_the_rest() {
        assert_eq!(widths(&[0, 6, 13], 0, 10, 80, 2), vec![57, 6, 13]);
    }

    #[test]
    fn other_columns_give_way_only_when_the_name_would_be_too_narrow() {
        let got = widths(&[0, 30, 30], 0, 10, 60, 1);
        assert_eq!(got.iter().sum::<usize>() + 2, 60);
        assert_eq!(got[0], 10);
        assert!(got[1] < 30 && got[2] < 30, "{got:?}");
    }
}
