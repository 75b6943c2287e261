//! The owner's own survey: up to five questions from the config, each a
//! 0–10 or 1–5 scale, one of a few choices, or free text; what an answer
//! may be, and each question's summary over a period (the mean of a
//! scale, the count of each choice, the latest words).

use chrono::NaiveDateTime;
use serde::Deserialize;

use crate::domain::member::clean_text;

/// More questions would not be asked at a counter.
pub const MAX_QUESTIONS: usize = 5;
/// Choices are stored with the keys 1–9.
pub const MAX_CHOICES: usize = 9;
/// How many free-text answers a summary shows.
pub const LATEST_TEXTS: usize = 5;

/// How a question is answered.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// How likely to recommend, 0–10.
    Nps,
    /// How satisfied, 1–5.
    Csat,
    /// One of the question's choices.
    Choice,
    /// Words.
    Text,
}

impl Kind {
    /// The word in the config, the database and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Nps => "nps",
            Kind::Csat => "csat",
            Kind::Choice => "choice",
            Kind::Text => "text",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        [Kind::Nps, Kind::Csat, Kind::Choice, Kind::Text]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// The lowest and highest score of a scale.
    pub fn range(self) -> Option<(i64, i64)> {
        match self {
            Kind::Nps => Some((0, 10)),
            Kind::Csat => Some((1, 5)),
            Kind::Choice | Kind::Text => None,
        }
    }
}

/// One `[[survey.questions]]` of the config.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: String,
    pub kind: Kind,
    #[serde(default)]
    pub choices: Vec<String>,
}

/// An answer as it is stored: a scale's score, or the words of a choice
/// or of a free answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Score(i64),
    Words(String),
}

impl Question {
    /// What `written` answers (a score, a choice by its words or its
    /// number, free words); None when it is no answer to this question.
    /// A blank answer is no answer either: the question was skipped.
    pub fn read(&self, written: &str) -> Option<Given> {
        let written = clean_text(written);
        if written.is_empty() {
            return None;
        }
        match self.kind {
            Kind::Nps | Kind::Csat => {
                let (lowest, highest) = self.kind.range()?;
                let score: i64 = written.parse().ok()?;
                (lowest..=highest)
                    .contains(&score)
                    .then_some(Given::Score(score))
            }
            Kind::Choice => {
                let by_number = written
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| self.choices.get(i));
                let by_words = self
                    .choices
                    .iter()
                    .find(|c| c.trim().to_lowercase() == written.to_lowercase());
                by_words
                    .or(by_number)
                    .map(|c| Given::Words(c.trim().to_string()))
            }
            Kind::Text => Some(Given::Words(written)),
        }
    }
}

/// One stored answer, as a summary reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAnswer {
    pub score: Option<i64>,
    pub words: String,
    pub at: NaiveDateTime,
}

/// What a question's answers of a period come to.
#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    /// The mean score; None without answers.
    Mean(Option<f64>),
    /// Each choice with how many chose it, in the config's order, then
    /// answers to choices the config no longer has.
    Choices(Vec<(String, i64)>),
    /// The latest free answers, newest first.
    Latest(Vec<String>),
}

/// What one question's answers of a period come to.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary {
    pub question: String,
    pub kind: Kind,
    /// How many answered it in the period.
    pub answers: usize,
    pub summary: Summary,
}

/// The summary of `answers` to a question of `kind` with `choices`.
pub fn summarise(kind: Kind, choices: &[String], answers: &[StoredAnswer]) -> Summary {
    match kind {
        Kind::Nps | Kind::Csat => {
            let scores: Vec<i64> = answers.iter().filter_map(|a| a.score).collect();
            let mean = (!scores.is_empty())
                .then(|| scores.iter().sum::<i64>() as f64 / scores.len() as f64);
            Summary::Mean(mean)
        }
        Kind::Choice => {
            let mut counts: Vec<(String, i64)> =
                choices.iter().map(|c| (c.trim().to_string(), 0)).collect();
            for answer in answers {
                match counts.iter_mut().find(|(c, _)| *c == answer.words) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((answer.words.clone(), 1)),
                }
            }
            Summary::Choices(counts)
        }
        Kind::Text => {
            // Oldest first, then turned: answers given in the same second
            // keep their order, the one stored last first.
            let mut latest: Vec<&StoredAnswer> = answers.iter().collect();
            latest.sort_by_key(|a| a.at);
            latest.reverse();
            Summary::Latest(
                latest
                    .into_iter()
                    .take(LATEST_TEXTS)
                    .map(|a| a.words.clone())
                    .collect(),
            )
        }
    }
}

#[cfg(test)]
#[path = "survey_tests.rs"]
mod tests;
