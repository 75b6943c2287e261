//! One demo member at a time: name in the language's script (or in Latin
//! letters), a phone of the name's country, maybe an email, card, area and
//! note, a birthday, the day they joined and what they agreed to be sent.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::data::{Country, DemoData, Name};
use super::household;
use super::{ConsentEntry, DemoMember};
use crate::domain::member::{Birthday, Channel, MemberDraft, fold};

/// How far back the oldest member joined.
const CLUB_AGE_DAYS: i64 = 6 * 365;

/// A till customer who is not a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stranger {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Makes members one after another; the same seed gives the same members.
pub struct Generator<'d> {
    data: &'d DemoData,
    rng: ChaCha8Rng,
    now: NaiveDateTime,
    last_card: i64,
    phones: HashSet<String>,
    emails: HashSet<String>,
}

/// True `percent` times in a hundred.
pub fn chance(rng: &mut ChaCha8Rng, percent: u32) -> bool {
    rng.random_range(0..100) < percent
}

/// Any item; the lists were checked not to be empty when loaded.
pub fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// An item, more often the heavier ones; the lists have some weight.
pub fn pick_weighted<'a, T>(
    rng: &mut ChaCha8Rng,
    items: &'a [T],
    weight: impl Fn(&T) -> u32,
) -> &'a T {
    let total: u32 = items.iter().map(&weight).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for item in items {
        if roll < weight(item) {
            return item;
        }
        roll -= weight(item);
    }
    &items[items.len() - 1]
}

/// A moment between `from` and `to` during opening hours (the counter is
/// where most things happen), `from` when they are the wrong way round.
pub fn between(rng: &mut ChaCha8Rng, from: NaiveDateTime, to: NaiveDateTime) -> NaiveDateTime {
    let days = (to.date() - from.date()).num_days();
    if days < 0 {
        return from;
    }
    let day = from.date() + Duration::days(rng.random_range(0..=days));
    day.and_time(opening_hours(rng)).clamp(from, to.max(from))
}

/// A time of day between 9:00 and 19:00.
pub fn opening_hours(rng: &mut ChaCha8Rng) -> NaiveTime {
    let minute = rng.random_range(9 * 60..19 * 60);
    NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or_default()
}

/// The letters of a Latin name that can go into an email address.
fn email_part(latin: &str) -> String {
    let part: String = fold(latin)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    if part.is_empty() {
        "member".to_string()
    } else {
        part
    }
}

impl<'d> Generator<'d> {
    /// `last_card` is the highest `C-` card number already in use.
    pub fn new(data: &'d DemoData, now: NaiveDateTime, seed: u64, last_card: i64) -> Self {
        Generator {
            data,
            rng: ChaCha8Rng::seed_from_u64(seed),
            now,
            last_card: last_card.max(10_000),
            phones: HashSet::new(),
            emails: HashSet::new(),
        }
    }

    pub fn member(&mut self) -> DemoMember {
        let data = self.data;
        let locale = pick_weighted(&mut self.rng, &data.locales, |l| l.weight);
        let country = pick_weighted(&mut self.rng, &locale.country, |c| c.weight);
        let latin = chance(&mut self.rng, locale.latin_percent);
        let in_script = |n: &Name| (if latin { &n.latin } else { &n.native }).clone();
        let female = chance(&mut self.rng, 55);
        let first = pick(
            &mut self.rng,
            if female { &locale.female } else { &locale.male },
        );
        let family = pick(&mut self.rng, &locale.family);
        // Everyone has an age, even when they keep their birth year to
        // themselves: their children must be younger than they are.
        let age = 18 + self.rng.random_range(0..=30) + self.rng.random_range(0..=32);
        let birthday = self.birthday(age);
        let phone = if chance(&mut self.rng, 88) {
            self.phone(country)
        } else {
            None
        };
        let born_in = birthday
            .and_then(|b| b.year)
            .unwrap_or(self.now.year() - age as i32);
        let email = if chance(&mut self.rng, 45) {
            self.email(first, family, country, born_in)
        } else {
            None
        };
        let card = chance(&mut self.rng, 60).then(|| self.card());
        let area =
            chance(&mut self.rng, 35).then(|| in_script(pick(&mut self.rng, &country.areas)));
        let note =
            chance(&mut self.rng, 6).then(|| pick(&mut self.rng, &data.common.notes).clone());
        let joined = self.joined();
        let consents = self.consents(joined, phone.is_some(), email.is_some());
        let today = self.now.date();
        let (children, pets) = household::household(
            &mut self.rng,
            data,
            locale,
            latin,
            age,
            today,
            joined.date(),
        );
        DemoMember {
            draft: MemberDraft {
                first_name: in_script(first),
                family_name: in_script(family),
                phone,
                email,
                birthday,
                card,
                area,
                language: Some(locale.language.clone()),
                note,
            },
            joined,
            consents,
            children,
            pets,
        }
    }

    /// A customer who gives the till a phone or an email but never
    /// signed up: neither is any demo member's.
    pub fn stranger(&mut self) -> Stranger {
        let locale = pick_weighted(&mut self.rng, &self.data.locales, |l| l.weight);
        let country = pick_weighted(&mut self.rng, &locale.country, |c| c.weight);
        let first = pick(&mut self.rng, &locale.female);
        let first = if chance(&mut self.rng, 50) {
            first
        } else {
            pick(&mut self.rng, &locale.male)
        };
        let family = pick(&mut self.rng, &locale.family);
        let phone = if chance(&mut self.rng, 75) {
            self.phone(country)
        } else {
            None
        };
        let born_in = self.now.year() - self.rng.random_range(20..70);
        let email = if phone.is_none() || chance(&mut self.rng, 25) {
            self.email(first, family, country, born_in)
        } else {
            None
        };
        let name = chance(&mut self.rng, 60).then(|| format!("{} {}", first.latin, family.latin));
        Stranger { name, phone, email }
    }

    /// Spread over the whole year, Feb 29 a little more often than nature
    /// has it so that every demo shows one; the year for about 40 %.
    fn birthday(&mut self, age: u32) -> Option<Birthday> {
        if !chance(&mut self.rng, 86) {
            return None;
        }
        let leap_day = self.rng.random_ratio(3, 200);
        let (month, day) = match NaiveDate::from_yo_opt(2000, self.rng.random_range(1..=366)) {
            Some(d) if !leap_day => (d.month(), d.day()),
            _ => (2, 29),
        };
        let year = chance(&mut self.rng, 40).then(|| {
            let today = self.now.date();
            let mut year = today.year() - age as i32;
            if (month, day) > (today.month(), today.day()) {
                year -= 1;
            }
            // Born on Feb 29: only in a leap year.
            while NaiveDate::from_ymd_opt(year, month, day).is_none() {
                year -= 1;
            }
            year
        });
        Some(Birthday { month, day, year })
    }

    /// A mobile number from the country's ranges, not given out before.
    fn phone(&mut self, country: &Country) -> Option<String> {
        for _ in 0..20 {
            let template = pick(&mut self.rng, &country.phones);
            let number: String = template
                .chars()
                .map(|c| match c {
                    '#' => char::from(b'0' + self.rng.random_range(0..10u8)),
                    'N' => char::from(b'0' + self.rng.random_range(2..10u8)),
                    other => other,
                })
                .collect();
            if self.phones.insert(number.clone()) {
                return Some(number);
            }
        }
        None
    }

    /// The usual shapes of personal addresses, lower case, not given out
    /// before; a year in one is the year the member was born.
    fn email(
        &mut self,
        first: &Name,
        family: &Name,
        country: &Country,
        born_in: i32,
    ) -> Option<String> {
        let (f, l) = (email_part(&first.latin), email_part(&family.latin));
        let initial = &f[..1];
        for attempt in 0..20 {
            let domain = pick(&mut self.rng, &country.email_domains);
            let number = born_in.rem_euclid(100);
            let mut local = match self.rng.random_range(0..5) {
                0 => format!("{f}.{l}"),
                1 => format!("{f}{l}{number:02}"),
                2 => format!("{initial}{l}"),
                3 => format!("{l}.{f}"),
                _ => format!("{f}_{born_in}"),
            };
            if attempt > 0 {
                local.push_str(&self.rng.random_range(2..1000).to_string());
            }
            let email = format!("{local}@{domain}");
            if self.emails.insert(email.clone()) {
                return Some(email);
            }
        }
        None
    }

    /// Club cards are handed out in order; a few were never registered.
    fn card(&mut self) -> String {
        self.last_card += self.rng.random_range(1..=2);
        format!("C-{}", self.last_card)
    }

    /// More members joined lately than years ago, as clubs grow: the chance
    /// falls off linearly with the days since.
    fn joined(&mut self) -> NaiveDateTime {
        let square = self.rng.random_range(0..CLUB_AGE_DAYS * CLUB_AGE_DAYS);
        let days_ago = CLUB_AGE_DAYS - square.isqrt();
        let time = opening_hours(&mut self.rng);
        let joined = (self.now.date() - Duration::days(days_ago)).and_time(time);
        joined.min(self.now)
    }

    /// Granted at signup or later, sometimes withdrawn again; the log is
    /// returned oldest first, as it must be written.
    fn consents(&mut self, joined: NaiveDateTime, phone: bool, email: bool) -> Vec<ConsentEntry> {
        let common = &self.data.common;
        let mut log = vec![];
        for (channel, reachable) in [(Channel::Sms, phone), (Channel::Email, email)] {
            if !reachable {
                continue;
            }
            let granted = if chance(&mut self.rng, 62) {
                Some((joined, "signup".to_string()))
            } else if chance(&mut self.rng, 15) {
                let at = between(&mut self.rng, joined, self.now);
                Some((at, pick(&mut self.rng, &common.consent_given_how).clone()))
            } else {
                None
            };
            let Some((at, how)) = granted else { continue };
            log.push(ConsentEntry {
                channel,
                granted: true,
                at,
                how,
            });
            if chance(&mut self.rng, 10) {
                log.push(ConsentEntry {
                    channel,
                    granted: false,
                    at: between(&mut self.rng, at, self.now),
                    how: pick(&mut self.rng, &common.consent_withdrawn_how).clone(),
                });
            }
        }
        log.sort_by_key(|e| e.at);
        log
    }
}
