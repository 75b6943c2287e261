//! A merge of two members in words, the same on the Duplicates screen and
//! for `member merge`: what moves to the member kept, which details are
//! filled in or put together, which differ (the kept member's stay), and
//! why a pair was listed.

use crate::domain::merge::{FieldChange, MergePreview, Why};
use crate::i18n::{t, t_args};

/// Why a pair was listed, in a few words.
pub fn why_text(why: Why) -> String {
    t(&format!("merge-why-{}", why.code()))
}

/// A detail's two values on one line; a note's lines are run together.
fn change_line(c: &FieldChange) -> String {
    let label = t(c.field.label_key());
    let one = |v: &str| v.replace('\n', " / ");
    if c.keep.is_empty() {
        format!("  {label}: {}", one(&c.drop))
    } else {
        format!("  {label}: {} | {}", one(&c.keep), one(&c.drop))
    }
}

/// The preview, line by line.
pub fn preview_lines(p: &MergePreview) -> Vec<String> {
    let (keep, drop) = (p.keep.0.to_string(), p.drop.0.to_string());
    let mut lines = vec![t_args(
        "merge-preview-title",
        &[
            ("keep", &keep),
            ("keep_name", &p.keep.1),
            ("drop", &drop),
            ("drop_name", &p.drop.1),
        ],
    )];
    lines.push(t_args("merge-moves", &[("keep", &keep)]));
    if p.moves.is_empty() {
        lines.push(format!("  {}", t("merge-nothing")));
    }
    for (what, rows) in &p.moves {
        lines.push(format!("  {}: {rows}", t(&format!("merge-what-{what}"))));
    }
    let sections = [
        (t_args("merge-fills", &[("drop", &drop)]), &p.filled),
        (t("merge-joins"), &p.joined),
        (t_args("merge-differs", &[("keep", &keep)]), &p.differ),
    ];
    for (title, list) in sections {
        if !list.is_empty() {
            lines.push(title);
            lines.extend(list.iter().map(change_line));
        }
    }
    let points = p.points.to_string();
    lines.push(t_args("merge-points", &[("points", &points)]));
    lines
}
