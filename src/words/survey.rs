//! The survey's summaries in words: a question's heading with how many
//! answered it, and its mean, its counts per choice or its latest words,
//! for the terminal (`stats`) and the Stats screen alike.

use crate::domain::survey::{QuestionSummary, Summary};
use crate::i18n::{t, t_args};
use crate::words::numbers::{counted, decimal, number};

/// "2. Which milk should we stock? (7 answers)".
pub fn heading(position: usize, s: &QuestionSummary) -> String {
    t_args(
        "stats-survey-question",
        &[
            ("number", &(position + 1).to_string()),
            ("question", &s.question),
            ("answers", &counted("stats-answers", s.answers as i64)),
        ],
    )
}

/// The summary as (label, value) rows.
pub fn summary_lines(s: &QuestionSummary) -> Vec<(String, String)> {
    match &s.summary {
        Summary::Mean(mean) => vec![(
            t("stats-survey-mean"),
            mean.map_or_else(
                || t("stats-undefined"),
                |m| decimal((m * 10.0).round() as i64, 1),
            ),
        )],
        Summary::Choices(counts) => counts
            .iter()
            .map(|(choice, count)| (choice.clone(), number(*count)))
            .collect(),
        Summary::Latest(latest) if latest.is_empty() => {
            vec![(t("stats-survey-latest"), t("stats-undefined"))]
        }
        Summary::Latest(latest) => latest
            .iter()
            .enumerate()
            .map(|(i, words)| {
                let label = if i == 0 {
                    t("stats-survey-latest")
                } else {
                    String::new()
                };
                (label, format!("“{words}”"))
            })
            .collect(),
    }
}
