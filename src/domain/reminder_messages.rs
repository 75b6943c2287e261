//! Ready-to-send texts for the weekly review and an event's invitations:
//! one template per occasion and
//! language, with placeholders such as `{first_name}`. The defaults for en,
//! he, hr, zh and th ship in `assets/messages.toml`; the shop's config may
//! replace any of them in `[messages.<language>]`. A member gets the text in
//! their own language, else the shop's, else English.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::contact::ContactReason;

const DEFAULTS: &str = include_str!("../../assets/messages.toml");

/// What may appear between braces in a template.
pub const PLACEHOLDERS: [&str; 8] = [
    "first_name",
    "child_name",
    "pet_name",
    "turning",
    "reward",
    "shop",
    "event",
    "date",
];

/// The templates of one language; a missing one falls back (see [`Messages`]).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    pub birthday: Option<String>,
    pub child_birthday: Option<String>,
    pub pet_birthday: Option<String>,
    pub gotcha_day: Option<String>,
    pub winback: Option<String>,
    /// What `{reward}` says: "a small treat on us".
    pub reward: Option<String>,
    /// An invitation to a club event: `{event}` on `{date}`.
    pub invitation: Option<String>,
}

impl Templates {
    fn template(&self, reason: ContactReason) -> Option<&str> {
        match reason {
            ContactReason::Birthday => self.birthday.as_deref(),
            ContactReason::ChildBirthday => self.child_birthday.as_deref(),
            ContactReason::PetBirthday => self.pet_birthday.as_deref(),
            ContactReason::GotchaDay => self.gotcha_day.as_deref(),
            ContactReason::Winback => self.winback.as_deref(),
        }
    }

    fn all(&self) -> [(&'static str, Option<&str>); 7] {
        [
            ("birthday", self.birthday.as_deref()),
            ("child_birthday", self.child_birthday.as_deref()),
            ("pet_birthday", self.pet_birthday.as_deref()),
            ("gotcha_day", self.gotcha_day.as_deref()),
            ("winback", self.winback.as_deref()),
            ("reward", self.reward.as_deref()),
            ("invitation", self.invitation.as_deref()),
        ]
    }
}

/// The config's `[messages.<language>]` sections.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(transparent)]
pub struct Messages(pub BTreeMap<String, Templates>);

/// The shipped templates; the file is part of the binary and a test reads it.
pub fn defaults() -> &'static Messages {
    static PARSED: OnceLock<Messages> = OnceLock::new();
    PARSED.get_or_init(|| toml::from_str(DEFAULTS).unwrap_or_default())
}

/// The values for one message.
#[derive(Debug, Clone, Default)]
pub struct Fill<'a> {
    pub first_name: &'a str,
    pub child_name: &'a str,
    pub pet_name: &'a str,
    /// Left out (empty) when the year is not known.
    pub turning: Option<i32>,
    pub shop: &'a str,
}

/// `he_IL`, `HE` → `he`.
pub fn language_code(s: &str) -> String {
    s.chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The names between braces in `template`, in order.
fn placeholders(template: &str) -> Vec<&str> {
    let mut names = vec![];
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

fn fill_in(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    // An empty {turning} must not leave a double space behind.
    text.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Messages {
    /// The first template problem as (`messages.<lang>.<key>`, the unknown
    /// placeholder), so the config error can name the line.
    pub fn check(&self) -> Result<(), (String, String)> {
        for (lang, templates) in &self.0 {
            for (key, template) in templates.all() {
                let Some(template) = template else { continue };
                if let Some(bad) = placeholders(template)
                    .into_iter()
                    .find(|name| !PLACEHOLDERS.contains(name))
                {
                    return Err((format!("messages.{lang}.{key}"), bad.to_string()));
                }
            }
        }
        Ok(())
    }

    fn lookup<'a>(
        &'a self,
        lang: &str,
        pick: impl Fn(&'a Templates) -> Option<&'a str>,
    ) -> Option<&'a str> {
        self.0
            .get(lang)
            .and_then(&pick)
            .or_else(|| defaults().0.get(lang).and_then(pick))
    }

    /// The message for `reason` in the first of `languages` that has one
    /// (config first, then the shipped defaults), with its language code.
    pub fn text(
        &self,
        reason: ContactReason,
        languages: &[&str],
        fill: &Fill,
    ) -> Option<(String, String)> {
        let (lang, template) = languages
            .iter()
            .map(|l| language_code(l))
            .find_map(|lang| {
                let template = self.lookup(&lang, |t| t.template(reason))?;
                Some((lang, template))
            })?;
        let reward = self.lookup(&lang, |t| t.reward.as_deref()).unwrap_or("");
        let turning = fill.turning.map(|t| t.to_string()).unwrap_or_default();
        let text = fill_in(
            template,
            &[
                ("first_name", fill.first_name),
                ("child_name", fill.child_name),
                ("pet_name", fill.pet_name),
                ("turning", &turning),
                ("reward", reward),
                ("shop", fill.shop),
            ],
        );
        Some((text, lang))
    }

    /// The invitation to `event` for `first_name`, in the first of
    /// `languages` that has one, with its language code; `date` writes the
    /// event's day in that language.
    pub fn invitation(
        &self,
        languages: &[&str],
        first_name: &str,
        shop: &str,
        event: &str,
        date: impl Fn(&str) -> String,
    ) -> Option<(String, String)> {
        let (lang, template) = languages
            .iter()
            .map(|l| language_code(l))
            .find_map(|lang| {
                let template = self.lookup(&lang, |t| t.invitation.as_deref())?;
                Some((lang, template))
            })?;
        let date = date(&lang);
        let values = [
            ("first_name", first_name),
            ("shop", shop),
            ("event", event),
            ("date", date.as_str()),
        ];
        Some((fill_in(template, &values), lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ana() -> Fill<'static> {
        Fill {
            first_name: "Ana",
            child_name: "Noam",
            pet_name: "Rex",
            turning: Some(6),
            shop: "Paws & Pages",
        }
    }

    #[test]
    fn every_shipped_language_has_every_occasion_and_known_placeholders() {
        let shipped = defaults();
        for lang in ["en", "he", "hr", "zh", "th"] {
            let t = shipped
                .0
                .get(lang)
                .unwrap_or_else(|| panic!("{lang} missing"));
            for (key, template) in t.all() {
                assert!(template.is_some_and(|s| !s.is_empty()), "{lang}.{key}");
            }
        }
        assert_eq!(shipped.check(), Ok(()));
    }

    #[test]
    fn member_language_then_shop_then_english() {
        let none = Messages::default();
        let (text, lang) = none
            .text(ContactReason::ChildBirthday, &["en"], &ana())
            .unwrap();
        assert_eq!(lang, "en");
        assert_eq!(
            text,
            "Hi Ana, happy birthday to Noam, who turns 6! Bring Noam by this week for a small treat on us."
        );
        let (text, lang) = none
            .text(ContactReason::Birthday, &["de", "hr_HR", "en"], &ana())
            .unwrap();
        assert_eq!(lang, "hr");
        assert!(text.starts_with("Sretan rođendan, Ana!"), "{text}");
        let (text, _) = none.text(ContactReason::Winback, &["zh"], &ana()).unwrap();
        assert!(
            text.contains("Paws & Pages") && text.contains("一份小礼物"),
            "{text}"
        );
    }

    #[test]
    fn the_config_overrides_one_template_and_keeps_the_rest() {
        let config: Messages = toml::from_str(
            "[en]\nbirthday = \"Happy {turning}th, {first_name}!\"\nreward = \"a free coffee\"\n",
        )
        .unwrap();
        let (text, _) = config
            .text(ContactReason::Birthday, &["en"], &ana())
            .unwrap();
        assert_eq!(text, "Happy 6th, Ana!");
        let (text, _) = config
            .text(ContactReason::Winback, &["en"], &ana())
            .unwrap();
        assert!(text.ends_with("for a free coffee."), "{text}");
        let no_year = Fill {
            turning: None,
            ..ana()
        };
        let plain: Messages =
            toml::from_str("[en]\nbirthday = \"Dear {first_name}, {turning} happy birthday\"\n")
                .unwrap();
        let (text, _) = plain
            .text(ContactReason::Birthday, &["en"], &no_year)
            .unwrap();
        assert_eq!(text, "Dear Ana, happy birthday");
    }

    #[test]
    fn unknown_placeholders_are_named() {
        let config: Messages = toml::from_str("[hr]\nwinback = \"Bok {firstname}\"\n").unwrap();
        assert_eq!(
            config.check(),
            Err(("messages.hr.winback".to_string(), "firstname".to_string()))
        );
        assert!(toml::from_str::<Messages>("[en]\nbirthdy = \"x\"\n").is_err());
    }

    #[test]
    fn an_invitation_names_the_event_and_its_day_in_the_members_language() {
        let none = Messages::default();
        let (text, lang) = none
            .invitation(&["hr_HR", "en"], "Ana", "Paws", "Puppy morning", |lang| {
                format!("1. 3. 2026. ({lang})")
            })
            .unwrap();
        assert_eq!(lang, "hr");
        assert!(
            text.contains("Ana") && text.contains("Puppy morning"),
            "{text}"
        );
        assert!(
            text.contains("1. 3. 2026. (hr)") && text.contains("Paws"),
            "{text}"
        );
        let (text, lang) = none
            .invitation(&["de", "en"], "Ana", "Paws", "Puppy morning", |_| {
                "1 Mar 2026".to_string()
            })
            .unwrap();
        assert_eq!(lang, "en");
        assert_eq!(
            text,
            "Hi Ana, you are invited to Puppy morning at Paws on 1 Mar 2026. We would love to see you there!"
        );
    }
}
