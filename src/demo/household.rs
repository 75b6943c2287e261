//! Children and pets of a demo member: about a third of the members have
//! some. Ages are either known to the day or "about N years" as the member
//! said it some day since joining.

use chrono::{Duration, NaiveDate, NaiveTime};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::data::{DemoData, Locale, Name};
use super::person::{between, chance, pick, pick_weighted};
use super::{DemoChild, DemoPet};
use crate::domain::family::{BirthInfo, years_between};

/// Share of members with children or pets, in percent.
const WITH_FAMILY: u32 = 34;

/// The children and pets of one member. `age` is the member's own age;
/// `latin` whether the member's names are written in Latin letters.
pub fn household(
    rng: &mut ChaCha8Rng,
    data: &DemoData,
    locale: &Locale,
    latin: bool,
    age: u32,
    today: NaiveDate,
    joined: NaiveDate,
) -> (Vec<DemoChild>, Vec<DemoPet>) {
    if !chance(rng, WITH_FAMILY) {
        return (vec![], vec![]);
    }
    let in_script = |n: &Name| (if latin { &n.latin } else { &n.native }).clone();
    let (with_children, with_pets) = match rng.random_range(0..100) {
        0..45 => (true, false),
        45..80 => (false, true),
        _ => (true, true),
    };
    // Parents are at least 18 years older than their children.
    let oldest_child = age.saturating_sub(18).min(17);
    let mut children = vec![];
    if with_children && age > 18 {
        let count = match rng.random_range(0..100) {
            0..55 => 1,
            55..90 => 2,
            _ => 3,
        };
        for _ in 0..count {
            let girl = chance(rng, 50);
            let names = if girl { &locale.female } else { &locale.male };
            let name = in_script(pick(rng, names));
            if children.iter().any(|c: &DemoChild| c.name == name) {
                continue;
            }
            let gender = chance(rng, 70).then_some(if girl { "girl" } else { "boy" });
            let child_age = rng.random_range(0..=oldest_child);
            let birth = birth(rng, child_age, 70, today, joined);
            children.push(DemoChild {
                name,
                gender,
                birth,
            });
        }
    }
    let mut pets = vec![];
    if with_pets || children.is_empty() {
        let count = match rng.random_range(0..100) {
            0..75 => 1,
            75..95 => 2,
            _ => 3,
        };
        for _ in 0..count {
            let name = in_script(pick(rng, &locale.pets));
            if pets.iter().any(|p: &DemoPet| p.name == name) {
                continue;
            }
            let kind = pick_weighted(rng, &data.common.pet_kind, |k| k.weight);
            // Young animals are more common than old ones.
            let pet_age = rng
                .random_range(0..=kind.max_age)
                .min(rng.random_range(0..=kind.max_age));
            let birth = if chance(rng, 15) {
                BirthInfo::Unknown
            } else {
                birth(rng, pet_age, 53, today, joined)
            };
            pets.push(DemoPet {
                name,
                kind: kind.kind.clone(),
                birth,
            });
        }
    }
    (children, pets)
}

/// A birth `age` years back: the exact date `exact_percent` times in a
/// hundred, else "about N" as said on a day between joining and today.
fn birth(
    rng: &mut ChaCha8Rng,
    age: u32,
    exact_percent: u32,
    today: NaiveDate,
    joined: NaiveDate,
) -> BirthInfo {
    let days_back = i64::from(age) * 365 + rng.random_range(1..365);
    let born = today - Duration::days(days_back);
    if chance(rng, exact_percent) {
        return BirthInfo::Born(born);
    }
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    let said_on = between(rng, joined.and_time(noon), today.and_time(noon)).date();
    let years = years_between(born, said_on);
    // "About 0 years" is not something anyone says; a newborn's date is known.
    if years == 0 {
        BirthInfo::Born(born)
    } else {
        BirthInfo::About { years, on: said_on }
    }
}
