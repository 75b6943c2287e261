//! `[[survey.questions]]`: the owner's own questions, checked when the
//! config is read so that a question the counter could not ask (no text,
//! one choice, the same words twice) is named before anyone is asked it.

use serde::Deserialize;

use crate::domain::survey::{Kind, MAX_CHOICES, MAX_QUESTIONS, Question};
use crate::message::Message;

/// `[survey]` in the config.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct SurveySettings {
    pub questions: Vec<Question>,
}

impl SurveySettings {
    /// The first question that cannot be asked: its position (from 0) and
    /// what is wrong with it.
    pub fn check(&self) -> Result<(), (usize, Message)> {
        if self.questions.len() > MAX_QUESTIONS {
            let detail = Message::new(
                "err-survey-too-many",
                &[
                    ("count", &self.questions.len().to_string()),
                    ("most", &MAX_QUESTIONS.to_string()),
                ],
            );
            return Err((MAX_QUESTIONS, detail));
        }
        for (i, q) in self.questions.iter().enumerate() {
            let number = (i + 1).to_string();
            let named = |key: &str| {
                Message::new(
                    key,
                    &[
                        ("number", number.as_str()),
                        ("text", q.text.trim()),
                        ("kind", q.kind.code()),
                        ("most", &MAX_CHOICES.to_string()),
                    ],
                )
            };
            if q.text.trim().is_empty() {
                return Err((i, named("err-survey-no-text")));
            }
            // Answers are imported by the question's words: they must be
            // told apart.
            let same = |other: &Question| other.text.trim() == q.text.trim();
            if self.questions[..i].iter().any(same) {
                return Err((i, named("err-survey-twice")));
            }
            let choices: Vec<&str> = q.choices.iter().map(|c| c.trim()).collect();
            let distinct = choices
                .iter()
                .enumerate()
                .all(|(j, c)| !c.is_empty() && !choices[..j].contains(c));
            match q.kind {
                Kind::Choice if !(2..=MAX_CHOICES).contains(&choices.len()) || !distinct => {
                    return Err((i, named("err-survey-choices")));
                }
                Kind::Nps | Kind::Csat | Kind::Text if !choices.is_empty() => {
                    return Err((i, named("err-survey-choices-unused")));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The question whose words are `text` (as written in a file's header).
    pub fn question(&self, text: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.text.trim() == text.trim())
    }
}

/// The line of the `n`th `[[survey.questions]]` (from 0), to name it.
pub fn line_of_question(text: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[survey.questions]]"))
        .nth(n)
        .map(|(i, _)| i + 1)
        .or_else(|| {
            text.lines()
                .position(|l| l.trim_start().starts_with("[survey"))
                .map(|i| i + 1)
        })
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;
    use crate::domain::survey::Kind;

    fn parse(text: &str) -> crate::error::Result<Config> {
        Config::parse(text, Path::new("config.toml"))
    }

    const GOOD: &str = r#"
[[survey.questions]]
text = "How likely are you to recommend us?"
kind = "nps"

[[survey.questions]]
text = "Which milk should we stock?"
kind = "choice"
choices = ["Oat", "Soy", "Almond"]

[[survey.questions]]
text = "What should we stock that we don't?"
kind = "text"
"#;

    #[test]
    fn questions_are_read_in_order() {
        let config = parse(GOOD).unwrap();
        let kinds: Vec<Kind> = config.survey.questions.iter().map(|q| q.kind).collect();
        assert_eq!(kinds, [Kind::Nps, Kind::Choice, Kind::Text]);
        assert_eq!(config.survey.questions[1].choices.len(), 3);
        assert!(Config::default().survey.questions.is_empty());
    }

    #[test]
    fn a_bad_question_is_named_with_its_line() {
        let cases = [
            (
                "[[survey.questions]]\ntext = \"A\"\nkind = \"nps\"\n\n[[survey.questions]]\ntext = \"Milk?\"\nkind = \"choice\"\nchoices = [\"Oat\"]\n",
                "config.toml:5",
                "Milk?",
            ),
            (
                "[[survey.questions]]\ntext = \"  \"\nkind = \"text\"\n",
                "config.toml:1",
                "question 1",
            ),
            (
                "[[survey.questions]]\ntext = \"A\"\nkind = \"csat\"\nchoices = [\"x\", \"y\"]\n",
                "config.toml:1",
                "csat",
            ),
            (
                "[[survey.questions]]\ntext = \"A\"\nkind = \"nps\"\n[[survey.questions]]\ntext = \"A\"\nkind = \"text\"\n",
                "config.toml:4",
                "\"A\"",
            ),
            (
                "[[survey.questions]]\ntext = \"A\"\nkind = \"stars\"\n",
                "config.toml:3",
                "stars",
            ),
            (
                "[[survey.questions]]\ntext = \"Milk?\"\nkind = \"choice\"\nchoices = [\"Oat\", \"Oat\"]\n",
                "config.toml:1",
                "Milk?",
            ),
        ];
        for (text, line, names) in cases {
            let err = parse(text).unwrap_err().to_string();
            assert!(err.contains(line) && err.contains(names), "{text}\n→ {err}");
        }
    }

    #[test]
    fn six_questions_are_too_many() {
        let one = "[[survey.questions]]\ntext = \"Q{n}\"\nkind = \"text\"\n";
        let text: String = (1..=6)
            .map(|n| one.replace("{n}", &n.to_string()))
            .collect();
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.contains("config.toml:16") && err.contains('6'), "{err}");
    }
}
